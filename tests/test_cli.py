"""The command line as a user meets it: exit codes, one clear line per problem, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

CLI = Path(sys.executable).parent / "township-report"


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CLI), *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_help_and_version() -> None:
    r = cli("--help")
    assert r.returncode == 0 and "run" in r.stdout and "validate" in r.stdout
    assert cli("--version").stdout.startswith("township-report ")


def test_usage_error_exit_2() -> None:
    r = cli("run")
    assert r.returncode == 2 and "--data" in r.stderr


def test_validate_demo_ok() -> None:
    r = cli("validate", "--data", "data/demo")
    assert r.returncode == 0, r.stderr
    assert "0 error(s)" in r.stdout


def test_validate_reports_every_problem(make_dataset, tmp_path: Path) -> None:
    def edit(header, rows):
        rows[0]["births"] = "-5"
        rows[1]["deaths"] = "n/a"
    data = make_dataset(townships=["baishi"], edit=edit)
    params = tmp_path / "params"
    params.mkdir()
    (params / "baishi.yaml").write_text("township_code: baishi\ndataset: testset\nhorizon: 3\n")
    r = cli("validate", "--data", str(data), "--params", str(params))
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 3, r.stderr
    assert "townships.csv:2: error: [township=白石镇(baishi), year=2008, field=births, value='-5'] negative value" in lines[0]
    assert "townships.csv:3" in lines[1] and "field=deaths" in lines[1] and "not a number" in lines[1]
    assert "baishi.yaml" in lines[2] and "field=horizon" in lines[2] and "forecast_horizon" in lines[2]
    assert "Traceback" not in r.stderr + r.stdout


def test_validate_missing_directory() -> None:
    r = cli("validate", "--data", "data/nope")
    assert r.returncode == 1
    assert r.stderr.strip() == "error: data/nope: dataset directory not found"


def test_run_unknown_township_suggests(make_dataset) -> None:
    data = make_dataset(townships=["baishi", "hekou"])
    r = cli("run", "--data", str(data), "--townships", "heko", "--out", str(data.parent / "o"))
    assert r.returncode == 1
    assert "did you mean hekou" in r.stderr and "Traceback" not in r.stderr


def test_run_missing_column_stops_before_any_kernel(make_dataset) -> None:
    def edit(header, rows):
        header.remove("deaths")
        for r in rows:
            del r["deaths"]
    data = make_dataset(townships=["baishi"], edit=edit)
    out = data.parent / "o"
    r = cli("run", "--data", str(data), "--out", str(out))
    assert r.returncode == 1
    assert "field=deaths] required column is missing" in r.stderr
    assert not out.exists()


@pytest.mark.parametrize("fmt", ["docx", "html,docx"])
def test_run_unknown_format(make_dataset, fmt: str) -> None:
    data = make_dataset(townships=["baishi"])
    r = cli("run", "--data", str(data), "--formats", fmt)
    assert r.returncode == 2 and "unknown format" in r.stderr
