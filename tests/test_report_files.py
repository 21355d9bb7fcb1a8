"""Reading a report's file: plain text and Word .docx in, other formats refused by name.

The .docx files are written by python-docx itself (the same library Word-compatible tools use), so
the reader meets real Office Open XML: paragraphs, tables, merged cells.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pytest

from analysis.cli import main
from analysis.errors import DataValidationError
from analysis.extract import extract_figures
from analysis.ingest.extract import figure_fields
from analysis.ingest.report_files import docx_text, read_report
from tests.conftest import run_handler
from tests.test_extract import HAND_READ, SEED_FILES, seed

run = run_handler


def _figures(records: list[dict]) -> list[tuple]:
    return sorted((r["place"], r["year"], r["series"], f, r[f]) for r in records for f in figure_fields(r))


def _write_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None,
                after: list[str] = ()) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    for text in after:
        document.add_paragraph(text)
    document.save(path)
    return path


@pytest.mark.parametrize("name", sorted(SEED_FILES))
def test_a_seed_saved_as_docx_gives_the_figures_of_its_text(name: str, tmp_path: Path) -> None:
    text = seed(name)
    path = _write_docx(tmp_path / f"{name}.docx", text.split("\n"))
    from_docx = extract_figures(read_report(str(path)))
    assert _figures(from_docx) == _figures(extract_figures(text))
    assert len(_figures(from_docx)) >= sum(len(figs) for figs in HAND_READ[name].values())
    # the provenance's lines are the paragraphs, so they match the text's lines
    assert [(r["place"], r["year"], {f: r["provenance"][f]["line"] for f in figure_fields(r)})
            for r in from_docx] == [(r["place"], r["year"], {f: r["provenance"][f]["line"]
                                                              for f in figure_fields(r)})
                                    for r in extract_figures(text)]


def test_docx_tables_are_read_in_place_with_their_rows(tmp_path: Path, cli, capsys) -> None:
    path = _write_docx(
        tmp_path / "总结.docx",
        ["2023年司马镇人口和计划生育工作总结", "全镇全年出生人口210人。"],
        table=[["指标", "2022年", "2023年"], ["户籍人口(人)", "33500", "33648"], ["出生率(‰)", "6.5", "6.27"]],
        after=["全年死亡150人。"])
    assert docx_text(path.read_bytes()).split("\n")[2:6] == [
        "指标 | 2022年 | 2023年", "户籍人口(人) | 33500 | 33648", "出生率(‰) | 6.5 | 6.27", "全年死亡150人。"]
    assert run(cli, "extract", str(path), "--json") == 0
    by_year = {r["year"]: r for r in json.loads(capsys.readouterr().out)}
    assert (by_year[2022]["total_population"], by_year[2022]["birth_rate_permille"]) == (33500, 6.5)
    new = by_year[2023]
    assert (new["total_population"], new["births"], new["deaths"], new["birth_rate_permille"]) == (33648, 210, 150, 6.27)
    assert new["provenance"]["total_population"]["line"] == 4 and new["provenance"]["deaths"]["line"] == 6


def test_a_merged_docx_cell_is_written_once(tmp_path: Path) -> None:
    document = docx.Document()
    grid = document.add_table(rows=2, cols=3)
    grid.cell(0, 0).merge(grid.cell(0, 2)).text = "2023年人口情况"
    for c, value in enumerate(["总人口", "33648", "人"]):
        grid.cell(1, c).text = value
    document.save(tmp_path / "merged.docx")
    assert docx_text((tmp_path / "merged.docx").read_bytes()) == "2023年人口情况\n总人口 | 33648 | 人\n"


def test_a_docx_is_known_by_its_content_not_its_name(tmp_path: Path) -> None:
    path = _write_docx(tmp_path / "report.txt", ["2022年,我镇总人口54991人,出生婴儿203人。"])
    assert read_report(str(path)) == "2022年,我镇总人口54991人,出生婴儿203人。\n"


@pytest.mark.parametrize("content, says_zh, says_en", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "另存为 .docx", "save it as .docx"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF", "PDF"),
    (b"PK\x03\x04 not really a zip", "不是完整的 Word", "not a readable Word"),
    (b"\xff\xfe\x00\xd8 \x81\x30", "UTF-8", "UTF-8"),
])
def test_formats_not_read_are_refused_naming_the_file(tmp_path: Path, content: bytes, says_zh: str,
                                                      says_en: str) -> None:
    path = tmp_path / "报告.doc"
    path.write_bytes(content)
    for language, says in (("zh", says_zh), ("en", says_en)):
        with pytest.raises(DataValidationError) as err:
            read_report(str(path), language)
        (problem,) = err.value.problems
        assert problem.file == str(path) and says in problem.message


def test_a_workbook_or_a_zip_without_a_document_is_refused(tmp_path: Path, cli) -> None:
    book = tmp_path / "模板.xlsx"
    assert run(cli, "template", "--out", str(book)) == 0
    with pytest.raises(DataValidationError, match="township-report import"):
        read_report(str(book))
    other = tmp_path / "other.docx"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(DataValidationError, match="Word"):
        read_report(str(other))


def test_the_command_exits_1_with_the_file_named(tmp_path: Path, capsys) -> None:
    path = tmp_path / "2023年总结.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert main(["extract", str(path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and "Word 97-2003" in err
