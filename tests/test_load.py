"""The loader: valid data loads; every kind of bad input gives a located, complete message."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import schema
from analysis.errors import DatasetNotFoundError, DataValidationError, UnknownTownshipError
from analysis.load import load_dataset, validate_dataset
from tests.conftest import SEEDS


def errors_of(path: Path, township: str | None = None) -> list:
    with pytest.raises(DataValidationError) as info:
        load_dataset(path, township)
    return info.value.problems


def test_demo_loads_with_types(demo_dir: Path) -> None:
    ds = load_dataset(demo_dir)
    assert ds.name == "demo"
    assert len(ds.townships) >= 10
    assert str(ds.panel["births"].dtype) == "Int64"
    assert ds.panel["birth_rate_permille"].dtype == "float64"
    assert not ds.panel.duplicated(["township_code", "year"]).any()
    assert ds.age_structure is not None and ds.births_by_age is not None
    assert set(ds.file_sha256) == {"townships.csv", "age_structure.csv", "births_by_age.csv"}


def test_blank_means_unknown_not_zero(make_dataset) -> None:
    def edit(header, rows):
        rows[0]["in_migrants"] = ""
    ds = load_dataset(make_dataset(townships=["baishi"], edit=edit))
    assert pd.isna(ds.panel.loc[0, "in_migrants"])


def test_seed_reports_load_with_warnings_only() -> None:
    ds, problems = validate_dataset(SEEDS)
    assert problems and all(p.severity == "warning" for p in problems)
    assert any(p.field == "deaths" for p in problems)
    # impossible values are kept as printed, for the quality audit
    assert 12023.65 in set(ds.panel["sex_ratio_at_birth"].dropna())


def test_missing_required_column(make_dataset) -> None:
    def edit(header, rows):
        header.remove("births")
        for r in rows:
            del r["births"]
    path = make_dataset(townships=["baishi"], edit=edit)
    problems = errors_of(path)
    assert any(p.field == "births" and "required column is missing" in p.message for p in problems)
    assert all(p.file == str(path / "townships.csv") for p in problems)


def test_misnamed_column_suggests_closest(make_dataset) -> None:
    def edit(header, rows):
        i = header.index("women_15_49")
        header[i] = "woman_15_49"
        for r in rows:
            r["woman_15_49"] = r.pop("women_15_49")
    problems = errors_of(make_dataset(townships=["baishi"], edit=edit))
    (p,) = [p for p in problems if p.field == "woman_15_49"]
    assert "did you mean 'women_15_49'" in p.message and p.line == 1


@pytest.mark.parametrize(("field", "value", "message"), [
    ("births", "abc", "not a number"),
    ("births", "12.5", "not a whole number"),
    ("deaths", "-3", "negative value"),
    ("year", "2202", "implausible year"),
    ("birth_rate_permille", "x", "not a number"),
    ("township_code", "白石", "ASCII"),
    ("county", "", "key field is blank"),
])
def test_bad_cell_is_located(make_dataset, field: str, value: str, message: str) -> None:
    def edit(header, rows):
        rows[3][field] = value  # the 4th data row: line 5 of the file
    problems = errors_of(make_dataset(townships=["baishi"], edit=edit))
    hits = [p for p in problems if p.field == field and message in p.message]
    assert hits, [p.format() for p in problems]
    p = hits[0]
    assert p.line == 5
    assert field == "year" or p.year == 2011
    text = p.format()
    assert "townships.csv:5" in text and f"field={field}" in text


def test_natural_growth_may_be_negative(make_dataset) -> None:
    def edit(header, rows):
        rows[0]["natural_growth_permille"] = "-1.25"
    ds = load_dataset(make_dataset(townships=["baishi"], edit=edit))
    assert ds.panel.loc[0, "natural_growth_permille"] == -1.25


def test_duplicate_township_year_names_both_lines(make_dataset) -> None:
    def edit(header, rows):
        rows.append(dict(rows[2]))
    problems = errors_of(make_dataset(townships=["baishi"], edit=edit))
    (p,) = [p for p in problems if "duplicate" in p.message]
    assert "lines 4, 19" in p.message and p.year == 2010


def test_one_code_two_names(make_dataset) -> None:
    def edit(header, rows):
        rows[5]["township"] = "白石乡"
    problems = errors_of(make_dataset(townships=["baishi"], edit=edit))
    assert any("more than one township" in p.message for p in problems)


def test_every_problem_is_listed_not_just_the_first(make_dataset) -> None:
    def edit(header, rows):
        rows[0]["births"] = "-1"
        rows[1]["deaths"] = "many"
        rows[2]["year"] = "1800"
    problems = errors_of(make_dataset(townships=["baishi"], edit=edit))
    assert {(p.line, p.field) for p in problems} >= {(2, "births"), (3, "deaths"), (4, "year")}


def test_errors_in_one_township_do_not_block_another(make_dataset) -> None:
    def edit(header, rows):
        rows[0]["births"] = "-1"  # baishi 2008
    path = make_dataset(townships=["baishi", "hekou"], edit=edit)
    assert load_dataset(path, "hekou").township_panel("hekou")["year"].min() == 2008
    assert errors_of(path, "baishi")
    assert errors_of(path)


def test_required_figure_blank_is_a_warning(make_dataset) -> None:
    def edit(header, rows):
        rows[0]["deaths"] = ""
    ds = load_dataset(make_dataset(townships=["baishi"], edit=edit))
    assert [w.field for w in ds.warnings] == ["deaths"]


def test_row_with_wrong_number_of_fields(tmp_path: Path, make_dataset) -> None:
    path = make_dataset(townships=["baishi"])
    with (path / "townships.csv").open("a", encoding="utf-8") as fh:
        fh.write("白石镇,baishi,青山县,2030\n")
    problems = errors_of(path)
    assert any("fields but the header has" in p.message and p.line == 19 for p in problems)


def test_not_utf8(tmp_path: Path) -> None:
    d = tmp_path / "gbk"
    d.mkdir()
    (d / "townships.csv").write_bytes("乡镇\n".encode("gbk"))
    problems = errors_of(d)
    assert "not UTF-8" in problems[0].message


def test_missing_directory_and_file(tmp_path: Path) -> None:
    with pytest.raises(DatasetNotFoundError, match="not found"):
        load_dataset(tmp_path / "nope")
    with pytest.raises(DatasetNotFoundError, match="no townships.csv"):
        load_dataset(tmp_path)


def test_age_file_checks(make_dataset) -> None:
    path = make_dataset(townships=["baishi", "hekou", "chengguan", "dongyang"], age_files=True)
    text = (path / schema.AGE_STRUCTURE_FILE).read_text(encoding="utf-8").splitlines()
    header = text[0].split(",")
    first = dict(zip(header, text[1].split(",")))
    first["sex"] = "M"
    text[1] = ",".join(first[h] for h in header)
    text.append("nowhere,2020,male,0-4,10")
    (path / schema.AGE_STRUCTURE_FILE).write_text("\n".join(text) + "\n", encoding="utf-8")
    problems = errors_of(path)
    assert any(p.field == "sex" and p.line == 2 and "allowed" in p.message for p in problems)
    assert any(p.township == "nowhere" and "not in townships.csv" in p.message for p in problems)


def test_resolve_by_chinese_name_and_suggestions(demo_dir: Path) -> None:
    ds = load_dataset(demo_dir)
    assert ds.resolve("白石镇") == "baishi"
    with pytest.raises(UnknownTownshipError, match="did you mean.*baishi"):
        ds.resolve("baishe")
