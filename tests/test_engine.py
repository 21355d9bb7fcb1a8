"""The warm-kernel papermill engine, its kernel pool, and the throttled manifest writer.

Real kernels, real papermill: small notebooks keep these fast.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import papermill as pm
import pytest
from jupyter_client.utils import run_sync
from nbclient.exceptions import CellTimeoutError
from papermill.exceptions import PapermillExecutionError

from analysis.batch import engine, kernels, manifest
from analysis.batch.engine import ENGINE_NAME, WarmClientEngine


def _notebook(path: Path, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    params = nbformat.v4.new_code_cell("x = 1")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params] + [nbformat.v4.new_code_cell(s) for s in sources]
    nbformat.write(nb, path)
    return path


@pytest.fixture
def warm(tmp_path: Path):
    w = kernels.warm_kernel("python3", str(tmp_path))
    yield w
    kernels.discard("python3", str(tmp_path))


def _run(src: Path, out: Path, warm: kernels.WarmKernel, **kw) -> None:
    pm.execute_notebook(str(src), str(out), engine_name=ENGINE_NAME, km=warm.km, kc=warm.kc,
                        kernel_name="python3", cwd=str(src.parent), progress_bar=False, **kw)


def test_engine_is_registered_with_papermill() -> None:
    from papermill.engines import papermill_engines

    assert papermill_engines.get_engine(ENGINE_NAME) is WarmClientEngine
    from importlib.metadata import entry_points

    names = {ep.name: ep.value for ep in entry_points(group="papermill.engine")}
    assert names.get(ENGINE_NAME) == "analysis.batch.engine:WarmClientEngine"


@pytest.mark.parametrize("first", ["analysis.batch.engine", "analysis.batch.manifest", "papermill"])
def test_engine_registers_whatever_is_imported_first(first: str) -> None:
    """papermill loads our entry point while it is itself being imported: no import cycle."""
    code = (f"import {first}\nfrom papermill.engines import papermill_engines\n"
            f"assert papermill_engines.get_engine({ENGINE_NAME!r}).__name__ == 'WarmClientEngine'")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_batch_imports_leave_jupyterlab_and_dask_out() -> None:
    code = ("import sys\nfrom analysis import plots, report\nfrom analysis.batch import runner, export\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'jupyterlab', 'jupyter_server', "
            "'ipywidgets', 'notebook', 'dask', 'distributed', 'openpyxl'}))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


def test_warm_client_runs_notebooks_and_reset_clears_state(tmp_path: Path, warm) -> None:
    src = _notebook(tmp_path / "a.ipynb", "y = x * 2\nprint(y)", "print('leak' in globals())")
    _run(src, tmp_path / "o1.ipynb", warm, parameters={"x": 21})
    nb = nbformat.read(tmp_path / "o1.ipynb", as_version=4)
    texts = [o.get("text", "") for c in nb.cells for o in c.get("outputs", [])]
    assert "42\n" in texts and "False\n" in texts
    reply = run_sync(warm.kc.execute_interactive)("leak = 1", timeout=30)
    assert reply["content"]["status"] == "ok"  # state left by a previous notebook
    again = kernels.warm_kernel("python3", str(tmp_path))
    assert again is warm  # same kernel, same client...
    _run(src, tmp_path / "o2.ipynb", again, parameters={"x": 5})
    nb = nbformat.read(tmp_path / "o2.ipynb", as_version=4)
    texts = [o.get("text", "") for c in nb.cells for o in c.get("outputs", [])]
    assert "10\n" in texts and "False\n" in texts  # ...but %reset -f cleared the namespace


def test_notebook_written_at_start_and_end_only(tmp_path: Path, warm, monkeypatch) -> None:
    writes: list[str] = []
    real = engine.NotebookExecutionManager.save

    def counting_save(self, **kw):
        if self.output_path:
            writes.append(self.output_path)
        return real(self, **kw)

    monkeypatch.setattr(engine.NotebookExecutionManager, "save", counting_save)
    src = _notebook(tmp_path / "a.ipynb", *[f"z{i} = {i}" for i in range(6)])
    _run(src, tmp_path / "out.ipynb", warm)
    assert len(writes) == 2  # papermill's default engine: 2 + 2 per cell = 16


def test_failed_and_timed_out_notebooks_are_still_written(tmp_path: Path, warm) -> None:
    src = _notebook(tmp_path / "a.ipynb", "print('before')", "raise ValueError('bad year 2031')",
                    "print('never')")
    with pytest.raises(PapermillExecutionError, match="bad year 2031"):
        _run(src, tmp_path / "err.ipynb", warm)
    nb = nbformat.read(tmp_path / "err.ipynb", as_version=4)
    assert any(o.get("ename") == "ValueError" for c in nb.cells for o in c.get("outputs", []))
    kernels.discard("python3", str(tmp_path))

    warm2 = kernels.warm_kernel("python3", str(tmp_path))
    slow = _notebook(tmp_path / "slow.ipynb", "print('started')", "import time; time.sleep(30)")
    with pytest.raises(CellTimeoutError):
        _run(slow, tmp_path / "slow-out.ipynb", warm2, execution_timeout=1)
    nb = nbformat.read(tmp_path / "slow-out.ipynb", as_version=4)
    assert nb.cells[1].outputs[0]["text"] == "started\n"


def test_kc_without_km_is_refused(tmp_path: Path, warm) -> None:
    src = _notebook(tmp_path / "a.ipynb", "pass")
    with pytest.raises(ValueError, match="km="):
        pm.execute_notebook(str(src), str(tmp_path / "o.ipynb"), engine_name=ENGINE_NAME,
                            kc=warm.kc, kernel_name="python3", progress_bar=False)


def test_manifest_writer_throttles_and_flushes(tmp_path: Path) -> None:
    path = tmp_path / manifest.MANIFEST
    w = manifest.ManifestWriter(tmp_path, "ds", {}, {"code_version": "x"}, interval=3600)
    w.record("a", {"status": "ok"})
    assert set(json.loads(path.read_text())["items"]) == {"a"}  # the first item at once
    mtime = os.stat(path).st_mtime_ns
    w.record("b", {"status": "ok"})
    w.record("c", {"status": "failed"})
    assert os.stat(path).st_mtime_ns == mtime  # within the interval: not rewritten
    w.flush()
    data = json.loads(path.read_text())
    assert set(data["items"]) == {"a", "b", "c"} and data["code_version"] == "x"
    path.unlink()
    w.flush()  # nothing pending: no write
    assert not path.exists()


def _kernelspec(root: Path, name: str, script: str) -> None:
    """A kernel named ``name`` whose process runs ``script`` (then, if it returns, ipykernel)."""
    d = root / "kernels" / name
    d.mkdir(parents=True)
    (d / "start.py").write_text(script + "\nfrom ipykernel import kernelapp\nkernelapp.launch_new_instance()\n")
    (d / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, str(d / "start.py"), "-f", "{connection_file}"],
        "display_name": name, "language": "python"}))


def test_a_kernel_that_dies_at_start_is_started_again(tmp_path: Path, monkeypatch) -> None:
    marker = tmp_path / "first-start-done"
    _kernelspec(tmp_path, "flaky", f"import pathlib, sys\nm = pathlib.Path({str(marker)!r})\n"
                "if not m.exists():\n    m.touch()\n    sys.exit('boom: died on first start')")
    _kernelspec(tmp_path, "broken", "import sys\nsys.exit('boom: always dies')")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    cwd = str(tmp_path)
    try:
        warm = kernels.warm_kernel("flaky", cwd, timeout=30)
        assert marker.exists()  # the first process died ...
        reply = run_sync(warm.kc.execute_interactive)("x = 1", timeout=30)
        assert reply["content"]["status"] == "ok"  # ... the second one works
    finally:
        kernels.discard("flaky", cwd)
    monkeypatch.setattr(kernels, "START_ATTEMPTS", 2)
    with pytest.raises(RuntimeError, match="boom: always dies"):
        kernels.warm_kernel("broken", cwd, timeout=30)
    assert ("broken", cwd) not in kernels._KERNELS
