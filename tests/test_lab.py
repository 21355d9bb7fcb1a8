"""JupyterLab end to end: start a server, open explore.ipynb in headless Chromium, run it.

What a new user does after ``make lab``: open the notebook, Run All Cells, use the controls.
The test starts ``jupyter lab`` on a free localhost port with a random token and throw-away
settings, drives Debian's ``chromium`` with Playwright, checks that the widgets render with
their live outputs and that no cell printed an error, changes the township, takes a
screenshot and stops the server (and its kernels). Everything is bounded in time.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian chromium not installed"),
]

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]
#: Seconds allowed for each stage; the whole test stays under about two minutes.
SERVER_START, PAGE_LOAD, RUN_ALL, UPDATE = 40, 40, 60, 30
#: Throw-away JupyterLab user settings: every cell attached to the DOM (so widgets below the
#: fold are there to find), no autosave (the committed notebook must stay without outputs) and
#: no notification toast asking about news over the notebook.
SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False, "doNotDisturbMode": True},
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _api(port: int, token: str, path: str, method: str = "GET") -> int:
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                 headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(req, timeout=5) as resp:
        return int(resp.status)


def _start_lab(tmp: Path, port: int, token: str) -> tuple[subprocess.Popen, Path]:
    settings = tmp / "settings"
    for rel, content in SETTINGS.items():
        path = settings / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(content), encoding="utf-8")
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp / "config"),
           "JUPYTER_RUNTIME_DIR": str(tmp / "runtime")}
    env.pop("JPY_SESSION_NAME", None)
    log = tmp / "jupyterlab.log"
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}",
           "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
           f"--ServerApp.root_dir={ROOT}", "--ServerApp.port_retries=0",
           f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
           f"--FileCheckpoints.checkpoint_dir={tmp / 'checkpoints'}",  # not next to the notebooks
           "--LabApp.news_url=None",
           "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:  # CI containers run as root; jupyter refuses without this
        cmd.append("--allow-root")
    with log.open("wb") as fh:  # the child keeps its own copy of the file descriptor
        proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, env=env, cwd=ROOT,
                                start_new_session=True)  # its own group: kernels stop with it
    return proc, log


def _stop_lab(proc: subprocess.Popen, port: int, token: str) -> None:
    """Ask the server to shut down (it stops its kernels); kill its process group if it hangs."""
    if proc.poll() is None:
        try:
            _api(port, token, "/api/shutdown", "POST")
            proc.wait(timeout=15)
        except Exception:  # noqa: BLE001 - any failure: fall through to the signals
            pass
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if proc.poll() is not None:
            break
        try:
            os.killpg(proc.pid, sig)
            proc.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass


def _wait_for_server(proc: subprocess.Popen, log: Path, port: int, token: str) -> None:
    deadline = time.monotonic() + SERVER_START
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"jupyter lab exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
        try:
            if _api(port, token, "/api/status") == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"jupyter lab did not answer /api/status in {SERVER_START} s:\n"
                f"{log.read_text(errors='replace')}")


def test_explore_notebook_runs_in_jupyterlab_with_live_widgets(tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    started = time.monotonic()
    checkpoints_before = (ROOT / "notebooks" / ".ipynb_checkpoints").exists()
    notebook_before = (ROOT / "notebooks" / "explore.ipynb").read_bytes()
    token, port = secrets.token_hex(16), _free_port()
    proc, log = _start_lab(tmp_path, port, token)
    try:
        _wait_for_server(proc, log, port, token)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), headless=True,
                                        args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.set_default_timeout(PAGE_LOAD * 1000)
                page.goto(f"http://127.0.0.1:{port}/lab/tree/notebooks/explore.ipynb?token={token}")
                notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
                expect(notebook.locator(".jp-Cell").first).to_be_visible()
                # the kernel of the notebook's own kernelspec (python3: the venv's python) is up;
                # running before that would open a "Select Kernel" dialog
                idle = page.locator(".jp-StatusBar-TextItem", has_text="Python 3 (ipykernel) | Idle")
                expect(idle).to_be_visible()

                page.get_by_role("menuitem", name="Run", exact=True).click()
                page.get_by_role("menuitem", name="Run All Cells", exact=True).click()

                # every code cell executed: a number in each prompt, none waiting ("[*]"/"[ ]")
                prompts = notebook.locator(".jp-CodeCell .jp-InputArea-prompt")
                page.wait_for_function(
                    """() => { const ps = [...document.querySelectorAll(
                                 '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt')];
                               return ps.length > 0 && ps.every(p => /\\[\\d+\\]/.test(p.textContent)); }""",
                    timeout=RUN_ALL * 1000)
                expect(idle).to_be_visible(timeout=RUN_ALL * 1000)
                assert prompts.count() >= 8

                # the widgets rendered, with live charts in their outputs (not the static fallback)
                widgets = notebook.locator(".jupyter-widgets")
                expect(widgets.first).to_be_visible()
                assert notebook.locator(".widget-dropdown").count() >= 3  # township, indicator, method
                assert notebook.locator(".widget-slider, .widget-hslider").count() >= 2  # years, horizon
                assert notebook.locator(".widget-toggle-buttons").count() == 1  # language
                expect(notebook.locator(".widget-output img").first).to_be_visible(timeout=UPDATE * 1000)
                assert notebook.locator(".widget-output img").count() >= 4  # indicator, fan, 2 funnels
                assert "静态输出" not in notebook.inner_text()

                # the controls drive the outputs: another township redraws all four of them
                notebook.locator(".widget-dropdown select").first.select_option("河口镇 (hekou)")
                outputs = notebook.locator(".widget-output")
                for i, text in enumerate(("乡镇概况:河口镇", "2024年出生", "预测:河口镇", "河口镇:")):
                    expect(outputs.nth(i)).to_contain_text(text, timeout=UPDATE * 1000)

                errors = notebook.locator(
                    ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'],"
                    " .jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr']")
                assert errors.count() == 0, errors.all_inner_texts()
                assert "Traceback" not in notebook.inner_text()

                expect(idle).to_be_visible(timeout=UPDATE * 1000)
                shot = tmp_path / "jupyterlab-explore.png"
                notebook.locator(".widget-dropdown").first.evaluate("e => e.scrollIntoView({block: 'start'})")
                page.screenshot(path=str(shot))
                assert shot.stat().st_size > 20_000
            finally:
                browser.close()
    finally:
        _stop_lab(proc, port, token)
    assert proc.poll() is not None, "jupyter lab still running"
    assert not (ROOT / "notebooks" / ".ipynb_checkpoints").exists() or checkpoints_before
    assert (ROOT / "notebooks" / "explore.ipynb").read_bytes() == notebook_before  # not saved
    assert time.monotonic() - started < 150
