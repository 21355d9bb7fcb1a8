"""Shared fixtures: the shipped demo data and small edited copies of it."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo"
SEEDS = ROOT / "data" / "seed_reports"


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return DEMO


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def make_dataset(tmp_path: Path) -> Callable[..., Path]:
    """Copy the demo townships.csv (optionally only some townships) into ``tmp_path/<name>``.

    ``edit(header, rows)`` may change the header and rows in place before writing.
    """

    def make(name: str = "testset", townships: list[str] | None = None,
             edit: Callable[[list[str], list[dict[str, str]]], None] | None = None,
             age_files: bool = False) -> Path:
        out = tmp_path / name
        out.mkdir()
        header, rows = read_rows(DEMO / "townships.csv")
        if townships:
            rows = [r for r in rows if r["township_code"] in townships]
        if edit:
            edit(header, rows)
        write_rows(out / "townships.csv", header, rows)
        if age_files:
            for f in ("age_structure.csv", "births_by_age.csv"):
                shutil.copy(DEMO / f, out / f)
        return out

    return make


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory):
    """One real batch (HTML and PDF) of two demo townships and the county, shared by tests."""
    from analysis.batch.runner import run

    out = tmp_path_factory.mktemp("out")
    summary = run(DEMO, out=out, townships=["baishi", "河口镇"], jobs=2,
                  params_dir=ROOT / "params" / "demo", progress=False)
    return summary, out / "demo"


@pytest.fixture
def cli():
    """The ingest subcommands (template, import, extract) on a parser of their own."""
    import argparse

    from analysis.ingest import commands

    parser = argparse.ArgumentParser(prog="township-report")
    handlers = commands.register(parser.add_subparsers(dest="command", required=True))
    return parser, handlers


def run_handler(cli, *argv: str) -> int:
    """Parse ``argv`` with the :func:`cli` parser and run its handler; return the exit code."""
    parser, handlers = cli
    args = parser.parse_args(list(argv))
    return handlers[args.command](args)
