"""The interactive API (analysis.explore) and the explore / tutorial notebooks.

The API must give exactly the batch's numbers (same functions, no second code path), show
helpful errors and rich cards, and return DataFrames and Figures. The notebooks must run top
to bottom under papermill with real (static) output.
"""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from analysis import explore, indicators, quality, report  # noqa: E402
from analysis.batch.index_page import key_figures  # noqa: E402
from analysis.errors import DataValidationError, TownshipReportError, UnknownTownshipError  # noqa: E402
from analysis.explore import Dashboard, open_dataset, srb_reading  # noqa: E402
from analysis.forecast import forecast_township  # noqa: E402
from analysis.i18n import TABLE
from analysis.load import load_dataset  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


@pytest.fixture(scope="module")
def ds(demo_dir: Path) -> explore.DatasetView:
    return open_dataset(demo_dir)


@pytest.fixture(scope="module")
def town(ds: explore.DatasetView) -> explore.TownshipView:
    return ds.township("白石镇")


# the dataset -----------------------------------------------------------------------------------


def test_open_dataset_lists_townships_with_the_index_pages_figures(ds, demo_dir: Path) -> None:
    towns = ds.townships
    assert len(towns) == len(ds) == 12
    assert {"township_code", "township", "county", "first_year", "last_year", "year",
            "total_population", "births", "cbr_permille", "srb", "srb_lo95", "srb_hi95",
            "error", "warning", "note"} <= set(towns.columns)
    expected = key_figures(load_dataset(demo_dir))  # what the batch's index page prints
    for row in towns.itertuples():
        fig = expected[row.township_code]
        assert report.format_count(row.total_population) == fig["population"]
        assert report.format_rate(row.cbr_permille) == fig["cbr"]
        assert report.format_srb(row.srb, row.srb_lo95, row.srb_hi95) == fig["srb"]
        assert {s: getattr(row, s) for s in quality.SEVERITIES} == fig["findings"]


def test_open_dataset_is_exported_from_the_package() -> None:
    import analysis

    assert analysis.open_dataset is open_dataset


def test_dataset_card_names_every_township(ds) -> None:
    html = ds._repr_html_()
    assert "demo" in html
    for name, pop in zip(ds.townships["township"], ds.townships["total_population"]):
        assert name in html and report.format_count(pop) in html


def test_township_by_code_and_by_chinese_name(ds) -> None:
    assert ds.township("baishi").code == ds.township("白石镇").code == ds["白石镇"].code == "baishi"
    assert ds.township("河口镇").name == "河口镇"
    assert "白石镇" in ds and "baishi" in ds and "白石" not in ds


def test_unknown_township_suggests_close_names(ds, demo_dir: Path) -> None:
    with pytest.raises(UnknownTownshipError, match=r"白石镇 \(baishi\)") as info:
        ds.township("白石")
    assert isinstance(info.value, KeyError)  # a missing key, for code that catches KeyError
    assert "没有乡镇“白石”" in str(info.value)
    with pytest.raises(UnknownTownshipError, match=r"Did you mean: .*hekou"):
        open_dataset(demo_dir, language="en").township("hekuo")
    with pytest.raises(UnknownTownshipError) as info:  # nothing close: list them all
        ds.township("zzzz")
    assert all(name in str(info.value) for name in ds.townships["township"])


def test_a_township_with_bad_rows_does_not_stop_the_others(make_dataset) -> None:
    def edit(header, rows):
        next(r for r in rows if r["township_code"] == "hekou")["births"] = "-3"

    ds = open_dataset(make_dataset(edit=edit))
    assert ds.invalid_townships == ["hekou"]
    with pytest.raises(DataValidationError, match="negative"):
        ds.township("河口镇")
    assert ds.township("baishi").indicators()["year"].nunique() == 17
    assert "hekou" in ds._repr_html_()


def test_a_file_wide_error_raises_with_every_problem(make_dataset) -> None:
    def edit(header, rows):
        header.remove("deaths")
        for r in rows:
            del r["deaths"]

    with pytest.raises(DataValidationError, match="deaths"):
        open_dataset(make_dataset(edit=edit))


def test_bad_language_is_refused(demo_dir: Path) -> None:
    with pytest.raises(ValueError, match="zh, en"):
        open_dataset(demo_dir, language="fr")


# one township: the batch's numbers ---------------------------------------------------------------


def test_indicators_and_audit_are_the_appendixs(town, demo_dir: Path) -> None:
    rep = report.open_township(demo_dir, "baishi")
    ind = town.indicators()
    assert list(ind.columns) == ["township_code", "year", *indicators.INDICATOR_COLUMNS, "tfr"]
    pd.testing.assert_frame_equal(ind, rep.indicators)
    assert ind["tfr"].notna().any()  # baishi has age data
    findings = town.audit()
    assert list(findings.columns) == list(quality.FINDING_COLUMNS)
    pd.testing.assert_frame_equal(findings, quality.audit(rep.panel))
    counts = findings["severity"].value_counts()
    assert town.findings_count() == {s: int(counts.get(s, 0)) for s in quality.SEVERITIES}
    assert list(town.key_indicators().columns) == list(rep.key_indicators_table().columns)


def test_year_range(ds, demo_dir: Path) -> None:
    part = ds.township("baishi", 2010, 2015)
    assert part.years == (2010, 2015)
    assert list(part.indicators()["year"]) == list(range(2010, 2016))
    # the forecast learns from every year up to the last of the range, as the appendix does
    panel = load_dataset(demo_dir).panel
    expected = forecast_township(panel[panel["year"] <= 2015], "baishi", 2)["births"]
    pd.testing.assert_frame_equal(part.forecast(horizon=2), expected)
    assert part.with_years(last_year=2012).years == (2008, 2012)
    with pytest.raises(TownshipReportError, match="no data"):
        ds.township("baishi", 2030, 2031)


def test_forecast_is_forecast_township(town, demo_dir: Path) -> None:
    panel = load_dataset(demo_dir).panel
    fc = town.forecast(horizon=3, method="ets")
    expected = forecast_township(panel, "baishi", 3, (80, 95), "ets")["births"]
    pd.testing.assert_frame_equal(fc, expected)
    assert list(fc.columns) == ["mean", "lo80", "hi80", "lo95", "hi95"]
    assert list(fc.index) == [2025, 2026, 2027]
    assert fc.attrs["requested_method"] == "ets"
    assert (fc["lo95"] <= fc["lo80"]).all() and (fc["lo80"] <= fc["mean"]).all()
    assert list(town.forecast(series="deaths").index) == [2025, 2026, 2027, 2028, 2029]
    assert set(town.forecast_accuracy()) >= {"method", "mase", "mase_naive", "origins"}
    with pytest.raises(ValueError, match="method must be one of"):
        town.forecast(method="magic")
    with pytest.raises(ValueError, match="series must be one of"):
        town.forecast(series="marriages")


def test_forecast_in_words_and_as_a_table(town) -> None:
    fc = town.forecast()
    text = town.forecast_text()
    first = fc.iloc[0]
    assert text.startswith(f"{fc.index[0]}年出生人数预测为{round(first['mean'])}")
    assert f"95%预测区间{first['lo95']:.0f}–{first['hi95']:.0f}" in text
    table = town.forecast_table()
    assert list(table.columns) == ["年份", "预测值", "80%预测区间", "95%预测区间"]
    assert table.iloc[0, 0] == str(fc.index[0])


# plain-words answers ----------------------------------------------------------------------------


@pytest.mark.parametrize(("srb", "lo", "hi", "reading"), [
    (120.0, 108.0, 133.0, "above"),   # whole interval above 107
    (98.0, 90.0, 102.0, "below"),     # whole interval below 103
    (105.0, 95.0, 116.0, "within"),
    (112.0, 98.0, 128.0, "noise"),    # outside the band, interval overlaps it
    (float("nan"), float("nan"), float("nan"), ""),
])
def test_srb_reading(srb: float, lo: float, hi: float, reading: str) -> None:
    assert srb_reading(srb, lo, hi) == reading


def test_srb_verdict_pools_years_and_reads_the_interval(town) -> None:
    pooled = town.srb_pooled()
    assert len(pooled) == 1 and pooled["years"].iloc[0] == 5
    p = pooled.iloc[0]
    expected = TABLE[f"explore.srb.{srb_reading(p['srb'], p['srb_lo95'], p['srb_hi95'])}"]["zh"]
    text = town.srb_verdict()
    assert text.startswith("2020–2024年合并出生人口性别比为")
    assert expected in text.split("\n\n")[0]
    assert f"{p['srb']:.1f}(95%区间{p['srb_lo95']:.1f}–{p['srb_hi95']:.1f}" in text
    last = town.indicators().iloc[-1]
    assert f"2024年出生人口性别比为{last['srb']:.1f}" in text


def test_births_change_in_words(town) -> None:
    births = town.panel.set_index("year")["births"].astype(int)
    delta = births[2024] - births[2023]
    assert town.births_change() == (f"2024年出生{births[2024]:,}人,比上年变化{delta:+,}"
                                    f"({100 * delta / births[2023]:+.1f}%);2008年为{births[2008]:,}人。")


# charts -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", explore.INDICATORS)
def test_plots_return_detached_figures(town, kind: str) -> None:
    fig = town.plot(kind)
    assert isinstance(fig, Figure) and fig.axes
    assert fig.number not in plt.get_fignums()  # shown once in Jupyter: as the returned value
    table = town.table(kind)
    assert isinstance(table, pd.DataFrame) and len(table) > 0


def test_pyramid_without_age_data_says_so(ds) -> None:
    with pytest.raises(TownshipReportError, match="河口镇没有年龄结构数据"):
        ds.township("hekou").plot_pyramid()


def test_srb_table_reads_each_year(town) -> None:
    table = town.table("srb")
    assert list(table.columns) == ["年份", "男婴", "女婴", "出生人口性别比(95%区间)", "判断"]
    ind = town.indicators()
    readings = [srb_reading(*v) for v in ind[["srb", "srb_lo95", "srb_hi95"]].to_numpy()]
    assert list(table["判断"]) == [TABLE[f"explore.srb.short.{r}"]["zh"] for r in readings]


def test_fan_chart_is_the_appendixs_with_one_band_per_level(town) -> None:
    fig = town.plot_forecast(horizon=4)
    ax = fig.axes[0]
    assert {t.get_text() for t in ax.get_legend().get_texts()} == {
        TABLE["chart.fan.observed"]["zh"], TABLE["chart.fan.mean"]["zh"],
        TABLE["chart.fan.pi"]["zh"].format(level=80), TABLE["chart.fan.pi"]["zh"].format(level=95)}
    assert ax.get_title() == TABLE["chart.fan.births"]["zh"]
    assert len(ax.collections) == 2  # the 95% and 80% bands
    fc = town.forecast(horizon=4)
    top = max(c.get_paths()[0].vertices[:, 1].max() for c in ax.collections)
    assert np.isclose(top, fc["hi95"].max())
    gfr = town.plot_forecast(series="gfr_permille").axes[0]
    assert gfr.get_title() == "一般生育率(‰)预测"


def test_funnel_highlights_the_township(town) -> None:
    fig = town.plot_funnel("srb")
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert "白石镇" in labels
    assert town.funnel_verdict("srb").startswith("白石镇:")
    assert "漏斗图" in town.plot_funnel("gfr").axes[0].get_title()


# the cards ---------------------------------------------------------------------------------------


def test_township_card(town, demo_dir: Path) -> None:
    html = town._repr_html_()
    last = town.panel.iloc[-1]
    ind = town.indicators().iloc[-1]
    counts = town.findings_count()
    assert "白石镇" in html and "baishi" in html and "青山县" in html
    assert report.format_count(last["total_population"]) in html
    assert report.format_count(last["births"]) in html
    assert report.format_rate(ind["cbr_permille"]) in html
    assert report.format_srb(ind["srb"], ind["srb_lo95"], ind["srb_hi95"]) in html  # with interval
    for sev, n in counts.items():
        assert f"{TABLE['severity.' + sev]['zh']} {n}" in html
    english = open_dataset(demo_dir, language="en").township("baishi")._repr_html_()
    assert "Error 0" in english and "Sex ratio at birth" in english


# the dashboard -----------------------------------------------------------------------------------


def test_not_a_live_frontend_outside_jupyter() -> None:
    assert explore.in_live_frontend() is False


def test_static_dashboard_shows_charts_tables_and_answers(ds, monkeypatch) -> None:
    import IPython.display

    shown: list[object] = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: shown.extend(objs))
    Dashboard(ds, township="白石镇", interactive=False).show()
    figures = [o for o in shown if isinstance(o, Figure)]
    texts = "\n".join(getattr(o, "data", "") or "" for o in shown)
    assert len(figures) == 4  # indicator, fan chart, two funnels
    assert "静态输出" in texts and "白石镇" in texts
    assert ds.township("白石镇").forecast_text() in texts
    assert ds.township("白石镇").births_change() in texts


def test_dashboard_controls_drive_the_outputs(ds, monkeypatch) -> None:
    import IPython.display

    shown: list[object] = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: shown.extend(objs))
    dash = Dashboard(ds, township="baishi", indicator="srb", method="ets", horizon=3)
    box = dash.widget
    c = dash.controls
    assert ("白石镇 (baishi)", "baishi") in c["township"].options
    assert c["years"].value == (2008, 2024) and c["method"].value == "ets"
    assert c["indicator"].description == "指标"
    shown.clear()
    c["township"].value = "hekou"  # re-renders; an exception here would fail the test
    assert dash.values()["township"] == "hekou"
    assert any("河口镇" in (getattr(o, "data", "") or "") for o in shown)
    shown.clear()
    c["indicator"].value = "pyramid"  # no age data: a message, not a traceback
    assert any("没有年龄结构数据" in (getattr(o, "data", "") or "") for o in shown)
    c["language"].value = "en"
    assert c["indicator"].description == "Indicator"
    assert c["indicator"].value == "pyramid"  # relabelled, selection kept
    assert dict(c["indicator"].options)["Sex ratio at birth"] == "srb"
    c["years"].value = (2012, 2020)
    assert dash.values()["years"] == (2012, 2020)
    assert box.children


# strings and notebooks -----------------------------------------------------------------------------




@pytest.mark.parametrize("name", ["explore", "tutorial"])
def test_notebooks_are_committed_clean(name: str) -> None:
    nb = json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    ids = [c["id"] for c in nb["cells"]]
    assert len(ids) == len(set(ids)) and all(i.startswith(name) for i in ids)
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)
    params = [c for c in code if "parameters" in c["metadata"].get("tags", [])]
    assert len(params) == 1
    src = "".join(params[0]["source"])
    for line in ('data_dir = "../data/demo"', 'township = "白石镇"', 'language = "zh"'):
        assert line in src


# papermill ----------------------------------------------------------------------------------------


def _run(name: str, out: Path, monkeypatch, **parameters: object) -> dict:
    import papermill

    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)  # as in CI: no live frontend
    papermill.execute_notebook(str(NOTEBOOKS / f"{name}.ipynb"), str(out), parameters=parameters,
                               cwd=str(NOTEBOOKS), kernel_name="python3", progress_bar=False)
    return json.loads(out.read_text(encoding="utf-8"))


def _outputs(nb: dict) -> list[dict]:
    return [o for c in nb["cells"] if c["cell_type"] == "code" for o in c["outputs"]]


def _text(nb: dict) -> str:
    parts = []
    for o in _outputs(nb):
        if o["output_type"] == "stream":
            parts.append("".join(o["text"]))
        for mime in ("text/markdown", "text/html", "text/plain"):
            parts.append("".join(o.get("data", {}).get(mime, "")))
    return "\n".join(parts)


def _assert_clean(nb: dict) -> None:
    outs = _outputs(nb)
    assert not [o for o in outs if o["output_type"] == "error"]
    stderr = "".join("".join(o["text"]) for o in outs if o.get("name") == "stderr")
    assert "Traceback" not in stderr and "Warning" not in stderr, stderr


@pytest.mark.slow
@pytest.mark.parametrize(("language", "township", "indicator"), [
    ("zh", "白石镇", "births"),
    ("en", "hekou", "pyramid"),  # no age data: a message instead of the chart
])
def test_explore_notebook_runs_under_papermill(tmp_path: Path, monkeypatch, language: str,
                                               township: str, indicator: str) -> None:
    nb = _run("explore", tmp_path / "explore.ipynb", monkeypatch, language=language,
              township=township, indicator=indicator)
    _assert_clean(nb)
    text = _text(nb)
    images = [o for o in _outputs(nb) if "image/png" in o.get("data", {})]
    assert len(images) >= 4  # static dashboard: charts are real output, not widget state
    assert not [o for o in _outputs(nb) if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    if language == "zh":
        assert "静态输出" in text and "白石镇" in text and "出生人数预测为" in text
        assert "合并出生人口性别比" in text
    else:
        assert "Static output" in text and "河口镇" in text and "no age-structure data" in text
        assert "Births in 2025: forecast" in text


@pytest.mark.slow
def test_tutorial_notebook_runs_and_its_batch_writes_the_outputs(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "outputs"
    nb = _run("tutorial", tmp_path / "tutorial.ipynb", monkeypatch, run_batch=True,
              batch_townships=["baishi"], batch_formats="html", out_dir=str(out))
    outs = _outputs(nb)
    assert not [o for o in outs if o["output_type"] == "error"]
    text = _text(nb)
    assert "0 个错误" in text and "您是不是要找" in text and "完成" in text
    assert "3 行,1 个乡镇" in text  # the Excel template, filled and imported
    assert (out / "demo" / "index.html").is_file()
    assert (out / "demo" / "baishi" / "appendix.html").is_file()
    assert "baishi/appendix.html" in text and "index.html" in text  # the listing cell found them
