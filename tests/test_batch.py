"""Real batches: papermill executes the notebook in a real kernel, nbconvert exports real HTML."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from analysis.batch.runner import run
from tests.conftest import ROOT
from tests.test_cli import cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def two_townships(demo_run):
    return demo_run


def test_both_ok_and_files_in_place(two_townships) -> None:
    summary, root = two_townships
    assert [(r.kind, r.status) for r in summary.results] == [
        ("township", "ok"), ("township", "ok"), ("county", "ok")]
    for code in ("baishi", "hekou"):
        names = sorted(p.name for p in (root / code).iterdir())
        # no temporary files left
        assert names == ["appendix.html", "appendix.ipynb", "appendix.pdf", "run.log"]
        assert summary.results[0].seconds["execute"] > 0


def test_html_has_name_chart_and_no_code(two_townships) -> None:
    _, root = two_townships
    html = (root / "baishi" / "appendix.html").read_text(encoding="utf-8")
    assert "白石镇人口与计划生育统计附录" in html
    assert "<title>白石镇人口与计划生育统计附录</title>" in html
    assert '<html lang="zh-CN">' in html
    assert len(re.findall(r'<img[^>]+src="data:image/png;base64,', html)) >= 2
    for code_fragment in ("open_township", "import analysis", "township_code =", "class=\"jp-InputArea"):
        assert code_fragment not in html, code_fragment
    assert "Township appendix" not in html  # the remove-cell note for JupyterLab readers
    assert not re.search(r'<script[^>]+src="https?://', html)  # nothing from a CDN
    assert "35,089" in html  # formatted 2024 population of baishi


def test_appendix_has_indicator_and_quality_sections(two_townships) -> None:
    _, root = two_townships
    html = (root / "baishi" / "appendix.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="[^"]+">(\d+) ([^<]+)<', html)
    assert [n for n, _ in headings] == [str(i) for i in range(1, len(headings) + 1)]
    assert [h for _, h in headings] == [
        "基本情况", "人口变动趋势", "出生率与死亡率", "出生孩次结构", "出生人口性别比",
        "年龄结构与总和生育率", "出生与人口预测", "数据质量核查", "数据表", "方法说明", "数据来源与版本"]
    assert "<b>表1</b>\u2002主要指标" in html and "<b>图6</b>\u20022024年人口金字塔" in html
    assert '<nav class="toc">' in html
    assert "总和生育率" in html and "整体高于正常范围103–107" in html  # the 2012 srb_high finding
    assert len(re.findall(r'<img[^>]+src="data:image/png;base64,', html)) == 7
    hekou = (root / "hekou" / "appendix.html").read_text(encoding="utf-8")
    assert "年龄结构与总和生育率" not in hekou  # no age data for hekou: the section is left out
    assert "以常住人口为分母可重现" in hekou  # the planted 2014 denominator slip is reported


def test_county_overview(two_townships) -> None:
    _, root = two_townships
    html = (root / "county-01" / "overview.html").read_text(encoding="utf-8")
    assert "青山县乡镇人口与生育概览" in html
    assert "一般生育率比较(漏斗图)" in html and "出生人口性别比比较(漏斗图)" in html
    assert len(re.findall(r'<img[^>]+src="data:image/png;base64,', html)) == 5
    assert "城关镇" in html and "显著偏低" in html


def test_executed_notebook_has_parameters(two_townships) -> None:
    _, root = two_townships
    nb = nbformat.read(root / "hekou" / "appendix.ipynb", as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and 'township_code = "hekou"' in injected[0].source
    assert not any(o.get("output_type") == "error" for c in nb.cells for o in c.get("outputs", []))


def test_index_lists_and_links(two_townships) -> None:
    _, root = two_townships
    index = (root / "index.html").read_text(encoding="utf-8")
    assert "白石镇" in index and "河口镇" in index
    for href in re.findall(r'href="([^"]+)"', index):
        assert (root / href).is_file(), href


def test_english_appendix(tmp_path: Path) -> None:
    summary = run(ROOT / "data" / "demo", out=tmp_path, townships=["baishi"], jobs=1,
                  params_dir=ROOT / "params" / "demo", language="en", progress=False,
                  counties=False)
    assert summary.results[0].ok
    html = (tmp_path / "demo" / "baishi" / "appendix.html").read_text(encoding="utf-8")
    assert "population and family-planning statistical appendix" in html
    assert "Data table" in html and "人口变动趋势" not in html


def test_failures_are_isolated(make_dataset, tmp_path: Path) -> None:
    """Bad rows, a broken parameters file and a failing notebook: the good township finishes."""
    def edit(header, rows):
        for r in rows:
            if r["township_code"] == "hekou" and r["year"] == "2015":
                r["births"] = "-7"
    data = make_dataset(townships=["baishi", "hekou", "huangtu", "liujia"], edit=edit)
    params = tmp_path / "params"
    params.mkdir()
    (params / "huangtu.yaml").write_text("township_code: huangtu\ndataset: testset\nlanguage: [zh\n")
    (params / "liujia.yaml").write_text(
        "township_code: liujia\ndataset: testset\nfirst_year: 1990\nlast_year: 1995\n")
    out = tmp_path / "out"
    r = cli("run", "--data", str(data), "--params", str(params), "--out", str(out), "--jobs", "2",
            "--no-progress")
    assert r.returncode == 1
    assert "4 failed: hekou, huangtu, liujia, county-01" in r.stderr
    assert "FAILED county-01 (青山县): invalid data rows in hekou" in r.stderr
    assert "FAILED hekou (河口镇): invalid data rows:" in r.stderr and "year=2015" in r.stderr
    assert "FAILED huangtu (黄土乡): invalid parameters:" in r.stderr and "not valid YAML" in r.stderr
    assert "FAILED liujia (刘家乡): TownshipReportError: no data for township 'liujia'" in r.stderr
    assert "Traceback" not in r.stderr
    root = out / "testset"
    assert (root / "baishi" / "appendix.html").is_file()
    # the failing notebook is kept, with its error, and exported so the reader sees it
    nb = nbformat.read(root / "liujia" / "appendix.ipynb", as_version=4)
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors and errors[0]["ename"] == "TownshipReportError"
    assert "first_year/last_year" in (root / "liujia" / "run.log").read_text()
    assert "not valid YAML" in (root / "huangtu" / "run.log").read_text()
    index = (root / "index.html").read_text(encoding="utf-8")
    assert index.count('<td class="status-failed">') == 3
    assert index.count('<td class="status-ok">') == 1


def test_timeout_fails_that_township_only(make_dataset, tmp_path: Path) -> None:
    data = make_dataset(townships=["baishi", "hekou"])
    out = tmp_path / "out"
    r = cli("run", "--data", str(data), "--out", str(out), "--timeout", "3", "--jobs", "2",
            "--notebook", str(ROOT / "tests" / "notebooks" / "sleepy.ipynb"), "--no-progress",
            "--no-county")
    assert r.returncode == 1, r.stderr
    assert "FAILED hekou" in r.stderr and "Timeout" in r.stderr
    assert "FAILED baishi" not in r.stderr
    log = (out / "testset" / "baishi" / "run.log").read_text()
    assert "started baishi" in log and "done" in log


def test_seed_reports_batch(tmp_path: Path) -> None:
    """The real seed figures: single-year appendices with what can be computed and the audit."""
    summary = run(ROOT / "data" / "seed_reports", out=tmp_path, jobs=2,
                  params_dir=ROOT / "params" / "seed_reports", progress=False)
    assert not summary.failed, [(r.township_code, r.error) for r in summary.failed]
    root = tmp_path / "seed_reports"
    quanqu = (root / "seed002_quanqu" / "appendix.html").read_text(encoding="utf-8")
    assert "12023.65不可能成立" in quanqu and "疑为110.65" in quanqu
    sima = (root / "seed000_sima" / "appendix.html").read_text(encoding="utf-8")
    assert "5.91†" in sima  # year-end denominator, marked
    overview = (root / "county-01" / "overview.html").read_text(encoding="utf-8")
    assert "无法进行比较" in overview or "漏斗图" in overview


def test_index_takes_findings_from_the_notebooks_and_audits_only_the_rest(demo_dir) -> None:
    from analysis import quality
    from analysis.batch.index_page import key_figures
    from analysis.load import load_dataset

    ds = load_dataset(demo_dir)
    audited = key_figures(ds)
    assert audited["shiqiao"]["findings"]["error"] >= 1  # the planted parity slip
    published = {"shiqiao": {s: 7 for s in quality.SEVERITIES}}  # what its notebook said
    mixed = key_figures(ds, published)
    assert mixed["shiqiao"]["findings"] == published["shiqiao"]
    assert {c: v["findings"] for c, v in mixed.items() if c != "shiqiao"} == \
        {c: v["findings"] for c, v in audited.items() if c != "shiqiao"}
