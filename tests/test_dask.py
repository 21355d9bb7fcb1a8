"""The Dask executor on a two-worker LocalCluster: same bytes as local, retries, crashes."""

from __future__ import annotations

import json
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from analysis.batch import dask_executor  # noqa: E402
from analysis.batch.dask_executor import run_dask  # noqa: E402
from analysis.batch.runner import run  # noqa: E402
from tests.conftest import ROOT  # noqa: E402
from tests.test_cli import CLI  # noqa: E402

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Toy:
    """A picklable stand-in for a runner Job."""

    township_code: str
    marker: str  # a file under tmp_path: state that survives a retry in another process


def flaky(job: Toy) -> tuple[str, str]:
    """Raise on the first attempt (in any worker process), succeed on the next."""
    marker = Path(job.marker)
    if not marker.exists():
        marker.write_text(str(os.getpid()))
        raise RuntimeError(f"first attempt of {job.township_code} fails")
    return job.township_code, "ok"


def dies(job: Toy) -> tuple[str, str]:
    """Kill the worker process for the township 'dies' (every attempt counted in its marker)."""
    if job.township_code == "dies":
        with open(job.marker, "a") as fh:
            fh.write("x")
        os._exit(3)
    return job.township_code, "ok"


def crashed(job: Toy, exc: BaseException) -> tuple[str, str]:
    return job.township_code, f"crashed: {type(exc).__name__}"


def appendices(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.suffix in {".ipynb", ".html", ".pdf"}}


def code_hashes(root: Path) -> set[str]:
    items = json.loads((root / "manifest.json").read_text(encoding="utf-8"))["items"]
    return {item["inputs"]["code"] for item in items.values()}


def test_dask_outputs_identical_to_local(make_dataset, tmp_path: Path) -> None:
    """A two-worker LocalCluster makes the same bytes as the local process pool."""
    data = make_dataset(townships=["baishi", "hekou"])
    common = dict(jobs=2, formats=["html", "pdf"], params_dir=tmp_path / "none", progress=False)
    local = run(data, out=tmp_path / "local", executor="local", **common)
    dask = run(data, out=tmp_path / "dask", executor="dask", **common)
    assert not local.failed and not dask.failed, [r.error for r in local.failed + dask.failed]
    assert [r.township_code for r in dask.results] == ["baishi", "hekou", "county-01"]
    a, b = appendices(tmp_path / "local" / "testset"), appendices(tmp_path / "dask" / "testset")
    assert set(a) == set(b) and len(a) == 10  # 3 x (ipynb, html, pdf) + index.html
    different = [name for name in a if a[name] != b[name]]
    # the code hash is part of every page: an edit to src/analysis between the runs shows here
    hashes = code_hashes(tmp_path / "local" / "testset") | code_hashes(tmp_path / "dask" / "testset")
    assert not different, (different, f"code hashes: {sorted(hashes)}")


def test_cli_dask_executor(make_dataset, tmp_path: Path) -> None:
    data = make_dataset(townships=["baishi"])
    cmd = [str(CLI), "run", "--data", str(data), "--out", str(tmp_path / "out"), "--jobs", "2",
           "--executor", "dask", "--params", str(tmp_path / "none"), "--formats", "html",
           "--no-county", "--no-progress"]
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "1 of 1 townships ok" in r.stdout
    assert (tmp_path / "out" / "testset" / "baishi" / "appendix.html").is_file()


def test_failed_attempt_is_retried(tmp_path: Path) -> None:
    jobs = [Toy(c, str(tmp_path / f"{c}.marker")) for c in ("a", "b", "c")]
    seen: list[tuple[str, str]] = []
    results = run_dask(flaky, jobs, 2, progress=False, on_result=seen.append, retries=1)
    assert sorted(results) == [("a", "ok"), ("b", "ok"), ("c", "ok")]
    assert sorted(seen) == sorted(results)  # on_result saw each result once
    with pytest.raises(RuntimeError, match="first attempt"):  # no retries: the error surfaces
        run_dask(flaky, [Toy("d", str(tmp_path / "d.marker"))], 1, progress=False, retries=0)


def test_dying_worker_becomes_a_crash_result(tmp_path: Path) -> None:
    jobs = [Toy(c, str(tmp_path / f"{c}.marker")) for c in ("a", "dies", "b", "c")]
    results = run_dask(dies, jobs, 2, progress=False, on_crash=crashed, retries=1)
    assert sorted(results) == [("a", "ok"), ("b", "ok"), ("c", "ok"),
                               ("dies", "crashed: KilledWorker")]
    assert (tmp_path / "dies.marker").read_text() == "xx"  # first attempt and one retry


def leaves(job: Toy) -> tuple[str, str]:
    """Close this worker and its nanny for good, as a nanny that fails to restart would."""
    from distributed import get_worker

    worker = get_worker()
    worker.loop.add_callback(worker.close, nanny=True)
    time.sleep(30)
    return job.township_code, "ok"


def test_local_cluster_without_workers_gives_up(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(dask_executor, "NO_WORKERS_TIMEOUT", 1.0)
    jobs = [Toy(c, str(tmp_path / f"{c}.marker")) for c in ("a", "b", "c")]
    t0 = time.monotonic()
    results = run_dask(leaves, jobs, 2, progress=False, on_crash=crashed, retries=1)
    # a and b were running when their workers went (KilledWorker or waiting); c never started
    assert sorted(code for code, _ in results) == ["a", "b", "c"]
    assert all(outcome.startswith("crashed: ") for _, outcome in results), results
    assert ("c", "crashed: RuntimeError") in results
    assert time.monotonic() - t0 < 25
