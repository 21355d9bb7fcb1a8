"""Reruns give the same bytes; unchanged townships are skipped; interrupted runs resume."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

import pytest

from analysis.batch.runner import run
from tests.conftest import ROOT
from tests.test_cli import CLI

pytestmark = pytest.mark.slow


def outputs(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.suffix in {".ipynb", ".html", ".pdf"}}


def test_rerun_is_byte_identical_and_warm_kernels_change_nothing(demo_run, tmp_path: Path) -> None:
    """The shared run used warm kernels (one per worker, reset between notebooks); this one
    starts a fresh kernel for every notebook. Every appendix must be the same, byte for byte."""
    first_summary, first = demo_run
    second = run(ROOT / "data" / "demo", out=tmp_path, townships=["baishi", "hekou"], jobs=2,
                 params_dir=ROOT / "params" / "demo", progress=False, warm_kernels=False)
    assert not second.failed and not any(r.skipped for r in second.results)
    a, b = outputs(first), outputs(tmp_path / "demo")
    assert set(a) == set(b) and len(a) == 10  # 3 x (ipynb, html, pdf) + index
    different = [name for name in a if a[name] != b[name]]
    assert not different, different


def test_incremental_rerun_and_force(make_dataset, tmp_path: Path) -> None:
    data = make_dataset(townships=["baishi", "hekou"])
    out = tmp_path / "out"

    def go(**kw):
        s = run(data, out=out, jobs=2, params_dir=tmp_path / "none", formats=["html"],
                progress=False, **kw)
        assert not s.failed
        return {r.township_code: r.skipped for r in s.results}

    assert go() == {"baishi": False, "hekou": False, "county-01": False}
    html = (out / "testset" / "baishi" / "appendix.html").stat().st_mtime_ns
    assert go() == {"baishi": True, "hekou": True, "county-01": True}
    assert (out / "testset" / "baishi" / "appendix.html").stat().st_mtime_ns == html
    # a data correction in one township: only it and its county are redone
    text = (data / "townships.csv").read_text(encoding="utf-8")
    line = next(ln for ln in text.splitlines() if ln.startswith("河口镇,hekou,青山县,2020,"))
    fields = line.split(",")
    fields[8] = str(int(fields[8]) + 1)  # births
    (data / "townships.csv").write_text(text.replace(line, ",".join(fields)), encoding="utf-8")
    assert go() == {"baishi": True, "hekou": False, "county-01": False}
    # a deleted output is noticed
    (out / "testset" / "baishi" / "appendix.html").unlink()
    assert go()["baishi"] is False
    assert go(force=True) == {"baishi": False, "hekou": False, "county-01": False}
    entry = json.loads((out / "testset" / "manifest.json").read_text())["items"]["hekou"]
    assert set(entry["inputs"]) == {"data_rows", "parameters", "notebook", "code", "environment",
                                    "county_values"}
    html = (out / "testset" / "hekou" / "appendix.html").read_text(encoding="utf-8")
    assert entry["inputs"]["data_rows"][:12] in html  # the footer names the input digests


def test_interrupted_run_resumes(make_dataset, tmp_path: Path) -> None:
    towns = ["baishi", "hekou", "huangtu", "liujia"]
    data = make_dataset(townships=towns)
    out = tmp_path / "out"
    cmd = [str(CLI), "run", "--data", str(data), "--out", str(out), "--jobs", "1",
           "--formats", "html", "--no-county", "--no-progress", "--params", str(tmp_path / "none")]
    # (the run gets Ctrl-C's default handling whatever this process has: a child inherits an
    # ignored SIGINT, and a fresh clone's whole suite once saw the run finish after the signal)
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    manifest = out / "testset" / "manifest.json"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if manifest.is_file() and json.loads(manifest.read_text())["items"]:
            break
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    stdout, err = proc.communicate(timeout=120)
    assert proc.returncode != 0, (signal.getsignal(signal.SIGINT), stdout, err)
    done = set(json.loads(manifest.read_text())["items"])
    assert 1 <= len(done) < len(towns)
    leftovers = [p.name for p in (out / "testset").rglob("*") if ".tmp" in p.name]
    assert not leftovers, leftovers
    for html in (out / "testset").rglob("appendix.html"):
        assert html.read_text(encoding="utf-8").rstrip().endswith("</html>")
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert f"({len(done)} unchanged, reused)" in r.stdout


def test_county_values_in_an_appendix_decide_its_rerun(make_dataset) -> None:
    """baishi's key-indicator table shows the county's last two years: a correction there in
    another township changes baishi's inputs; one in an earlier year does not."""
    from analysis.batch.runner import _county_values_sha
    from analysis.load import load_dataset

    def sha_after(year: int) -> str:
        def edit(header: list[str], rows: list[dict[str, str]]) -> None:
            for r in rows:
                if r["township_code"] == "hekou" and r["year"] == str(year):
                    r["births"] = str(int(r["births"]) + 1)
        return _county_values_sha(load_dataset(make_dataset(f"y{year}", ["baishi", "hekou"], edit)),
                                  "baishi", None)

    base = _county_values_sha(load_dataset(make_dataset("base", ["baishi", "hekou"])), "baishi", None)
    assert sha_after(2020) == base
    assert sha_after(2024) != base
