"""The scorer behind the accuracy numbers quoted for the extractor (benchmarks/extract_accuracy.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import extract_accuracy as ea  # noqa: E402


def write_batch(tmp_path: Path, garbled: bool) -> Path:
    (tmp_path / "A.txt").write_text(
        "2023年,全镇出生人口767人,死亡人口326人,出生人口性别比为20230118。", encoding="utf-8")
    (tmp_path / "gold.csv").write_text(
        "file,field,value,year,series\nA.txt,births,767,2023,main\nA.txt,deaths,326,2023,main\n"
        "A.txt,births_male,400,2023,main\n", encoding="utf-8")
    if garbled:
        (tmp_path / "garbled.csv").write_text(
            "file,field,printed,why\nA.txt,sex_ratio_at_birth,性别比为20230118,impossible\n",
            encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("garbled, found", [(True, 2), (False, 3)])
def test_a_garbled_figure_reported_with_an_error_is_neither_right_nor_wrong(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], garbled: bool, found: int) -> None:
    d = write_batch(tmp_path, garbled)
    f, r, s = ea.report(ea.extra_gold(d), True, ea.elsewhere_gold(d), ea.garbled_gold(d))
    assert (f, r, s) == (found, 2, 3)
    out = capsys.readouterr().out
    assert ("reported garbled: ('sex_ratio_at_birth', 20230118.0, 2023, 'main')" in out) == garbled
    assert ("strict (reported as wrong)" in out) == garbled
    assert "missed: ('births_male', 400.0, 2023, 'main')" in out


def test_a_wrong_figure_without_an_error_stays_wrong(tmp_path: Path) -> None:
    d = write_batch(tmp_path, True)
    # the labeller lists deaths as garbled, but the extractor raises no error on them
    (d / "garbled.csv").write_text("file,field,printed,why\nA.txt,deaths,326,x\n", encoding="utf-8")
    (d / "gold.csv").write_text("file,field,value,year,series\nA.txt,births,767,2023,main\n",
                                encoding="utf-8")
    f, r, s = ea.report(ea.extra_gold(d), False, ea.elsewhere_gold(d), ea.garbled_gold(d))
    assert (f, r, s) == (3, 1, 1)


def test_a_figure_dated_otherwise_is_wrong_and_counted_as_wrong_in_the_year_only(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "A.txt").write_text("2023年,全镇出生人口767人,死亡人口326人。", encoding="utf-8")
    # the labeller left the births' year blank and read the deaths as 362
    (tmp_path / "gold.csv").write_text(
        "file,field,value,year,series\nA.txt,births,767,,main\nA.txt,deaths,362,2023,main\n",
        encoding="utf-8")
    f, r, s = ea.report(ea.extra_gold(tmp_path), False)
    assert (f, r, s) == (2, 0, 2)
    assert "wrong in the year only                 1\n" in capsys.readouterr().out
