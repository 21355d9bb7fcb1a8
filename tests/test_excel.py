"""The Excel template and its import: Chinese headers and their variants, every bad cell located
as sheet!cell, nothing written on error, and the round trip template -> filled -> import -> run."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from analysis import schema
from analysis.errors import DataValidationError, ProblemsError
from analysis.ingest import excel
from analysis.ingest.headers import header_variants, match_header, suggest_header
from analysis.load import validate_dataset
from tests.conftest import DEMO, read_rows, run_handler

TEMPLATE_HEADERS = ["乡镇*", "乡镇代码*", "县(区)*", "年份*", "总人口*", "常住人口", "育龄妇女",
                    "已婚育龄妇女", "出生人口*", "一孩", "二孩", "多孩", "男婴", "女婴", "死亡人口*",
                    "流入人口", "流出人口", "出生率(‰)", "死亡率(‰)", "自然增长率(‰)", "政策符合率(%)",
                    "出生人口性别比(女=100)", "综合避孕率(%)"]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return excel.write_template(tmp_path_factory.mktemp("tpl") / "模板.xlsx")


def demo_rows(codes: tuple[str, ...] = ("baishi", "hekou")) -> list[dict[str, str]]:
    return [r for r in read_rows(DEMO / "townships.csv")[1] if r["township_code"] in codes]


def fill(template: Path, out: Path, rows: list[dict[str, str]]) -> Path:
    """Type the rows into the template as a statistician would: numbers as numbers."""
    wb = load_workbook(template)
    ws = wb[excel.DATA_SHEET["zh"]]
    for i, row in enumerate(rows, start=3):
        for j, col in enumerate(schema.COLUMNS, start=1):
            v = row.get(col.name, "")
            if v != "":
                ws.cell(i, j, v if col.kind == "str" else int(v) if col.kind == "int" else float(v))
    wb.save(out)
    return out


def sheet(path: Path, rows: list[list[object]], title: str = "Sheet1") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def messages(err: pytest.ExceptionInfo) -> list[str]:
    return [p.format() for p in err.value.problems]


# The template ---------------------------------------------------------------------------------------

def test_template_headers_units_and_instructions(template: Path) -> None:
    wb = load_workbook(template)
    assert wb.sheetnames == ["数据", "说明"]
    ws = wb["数据"]
    assert [c.value for c in ws[1]] == TEMPLATE_HEADERS
    units = [c.value for c in ws[2]]
    assert units[:5] == ["文字", "文字", "文字", "年", "人"]
    assert units[17] == "‰" and units[20] == "%" and units[21] == "女=100"
    assert ws.freeze_panes == "A3"
    help_text = "\n".join(str(c.value) for row in wb["说明"].iter_rows() for c in row if c.value)
    for col in schema.COLUMNS:
        assert col.name in help_text and col.label_zh in help_text
    assert "1孩" in help_text and "三孩及以上" in help_text and "空白表示“未知”" in help_text
    assert list(template.parent.iterdir()) == [template]  # atomic: no temporary file left


def test_template_data_validation(template: Path) -> None:
    ws = load_workbook(template)["数据"]
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    births = rules["I3:I502"]
    assert (births.type, births.operator, births.formula1, births.errorStyle) == (
        "whole", "greaterThanOrEqual", "0", "stop")
    year = rules["D3:D502"]
    assert (year.type, year.formula1, year.formula2) == ("whole", "1949", "2100")
    srb = rules["V3:V502"]  # a garbled printed ratio must still be enterable: a warning only
    assert (srb.type, srb.errorStyle) == ("decimal", "warning")


def test_english_template(tmp_path: Path) -> None:
    path = excel.write_template(tmp_path / "t.xlsx", language="en", rows=10)
    ws = load_workbook(path)["data"]
    assert ws["E1"].value == "Total population (year-end)*" and ws["E2"].value == "persons"
    assert [match_header(c.value) for c in ws[1]] == [c.name for c in schema.COLUMNS]


# Headers --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("header, field", [
    ("一孩", "births_parity1"), ("1孩", "births_parity1"), ("一孩出生", "births_parity1"),
    ("二孩", "births_parity2"), ("2孩出生数", "births_parity2"),
    ("多孩", "births_parity3plus"), ("三孩及以上", "births_parity3plus"), ("3孩及以上", "births_parity3plus"),
    ("育龄妇女数", "women_15_49"), ("育龄妇女(15-49岁)", "women_15_49"), ("15-49岁育龄妇女", "women_15_49"),
    ("已婚育龄妇女(人)", "married_women_15_49"), ("总人口", "total_population"),
    ("年末总人口", "total_population"), ("户籍人口", "total_population"), ("總人口", "total_population"),
    ("出生人数", "births"), ("出生", "births"), ("死亡人数", "deaths"), ("迁入人口", None), ("流入人数", "in_migrants"),
    ("出生率(‰)", "birth_rate_permille"), ("出生率‰", "birth_rate_permille"),
    ("计划生育率", "policy_compliance_pct"), ("符合政策生育率(%)", "policy_compliance_pct"),
    ("出生性别比", "sex_ratio_at_birth"), ("综合节育率", "contraceptive_rate_pct"),
    ("综合避孕节育措施落实率", None), ("住院分娩率", None),
    ("乡镇名称", "township"), ("年度", "year"), ("区县", "county"), ("总人口*", "total_population"),
    ("Births", "births"), ("total_population", "total_population"), ("Total population (year-end)", "total_population"),
    ("Township code", "township_code"), (" 出生人口 ", "births"), ("（出生率）", None), ("备注", None)])
def test_header_variants(header: str, field: str | None) -> None:
    assert match_header(header) == field


def test_every_variant_listed_maps_back() -> None:
    for col in schema.COLUMNS:
        for v in header_variants(col.name):
            assert match_header(v) == col.name, v
    assert suggest_header("出生人品") == "出生人口"


# Import -----------------------------------------------------------------------------------------------

def test_import_filled_template_gives_the_demo_rows(template: Path, tmp_path: Path) -> None:
    rows = demo_rows()
    filled = fill(template, tmp_path / "filled.xlsx", rows)
    result = excel.import_workbook(filled, tmp_path / "ds")
    assert (result.rows, result.townships, result.sheet) == (len(rows), 2, "数据")
    ds, problems = validate_dataset(tmp_path / "ds")
    assert [p for p in problems if p.severity == "error"] == []
    got = read_rows(tmp_path / "ds" / "townships.csv")[1]
    for want, have in zip(rows, got):
        for col in schema.COLUMNS:
            if col.kind == "float" and want[col.name]:
                assert float(have[col.name]) == float(want[col.name])
            else:
                assert have[col.name] == want[col.name], (col.name, want, have)


def test_import_a_users_own_sheet(tmp_path: Path) -> None:
    """A title row, no units row, English and Chinese header variants, numbers typed as text,
    万 and %-formatted cells, a notes column."""
    path = tmp_path / "own.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "2023年报"
    ws.append(["白石镇人口统计表"])
    ws.append(["乡镇名称", "代码", "区县", "年度", "年末总人口", "出生人数", "1孩", "2孩", "三孩及以上",
               "Deaths", "出生率‰", "计划生育率", "出生性别比", "备注"])
    ws.append(["白石镇", "baishi", "青山县", 2023, "3.2万", "31,5", 20, 10, 1, "150", "9.7‰", 0.9645,
               "105.95:100", "核实"])
    ws["F3"] = "315"
    ws["L3"].number_format = "0.00%"
    wb.save(path)
    excel.import_workbook(path, tmp_path / "ds")
    row = read_rows(tmp_path / "ds" / "townships.csv")[1][0]
    assert (row["total_population"], row["births"], row["births_parity1"], row["deaths"]) == ("32000", "315", "20", "150")
    assert (row["birth_rate_permille"], row["policy_compliance_pct"], row["sex_ratio_at_birth"]) == ("9.7", "96.45", "105.95")


def test_units_row_in_wan(tmp_path: Path) -> None:
    path = sheet(tmp_path / "w.xlsx", [
        ["乡镇", "乡镇代码", "县(区)", "年份", "总人口", "出生人口", "死亡人口"],
        ["", "", "", "年", "万人", "人", "人"],
        ["河口镇", "hekou", "青山县", 2023, 3.3648, 199, 198]])
    excel.import_workbook(path, tmp_path / "ds")
    assert read_rows(tmp_path / "ds" / "townships.csv")[1][0]["total_population"] == "33648"


def test_every_bad_cell_is_located_and_nothing_is_written(template: Path, tmp_path: Path) -> None:
    rows = demo_rows(("baishi",))[:3]
    filled = fill(template, tmp_path / "bad.xlsx", rows)
    wb = load_workbook(filled)
    ws = wb["数据"]
    ws["I3"] = "abc"          # births: text
    ws["E4"] = 12.5           # population: not whole
    ws["O4"] = -3             # deaths: negative
    ws["B5"] = "白 石"        # code: not ASCII
    ws["D5"] = 1800           # year: implausible
    ws["T3"] = "3.5%"         # natural growth (‰) typed with %
    ws["J4"] = "—"            # a dash for unknown
    wb.save(filled)
    out = tmp_path / "ds"
    with pytest.raises(DataValidationError) as err:
        excel.import_workbook(filled, out)
    got = messages(err)
    where = [m.split(": ", 1)[0].rsplit("!", 1)[1] for m in got]
    assert where == ["I3", "T3", "E4", "J4", "O4", "B5", "D5"]
    assert f"{filled}:数据!I3: error: [township=白石镇(baishi), year=2008, field=births, value='abc'] “abc”不是数字" in got[0]
    assert "不是整数" in got[2] and "负数" in got[4] and "英文字母" in got[5] and "年份“1800”不合理" in got[6]
    assert "带有“%”号,而此列单位是‰" in got[1] and "未知请留空" in got[3]
    assert not out.exists()


def test_messages_in_english(tmp_path: Path) -> None:
    path = sheet(tmp_path / "e.xlsx", [["乡镇", "乡镇代码", "县(区)", "年份", "总人口", "出生人口", "死亡人口"],
                                       ["河口镇", "hekou", "青山县", 2023, "n/a", 199, 198]])
    with pytest.raises(DataValidationError) as err:
        excel.import_workbook(path, tmp_path / "ds", language="en")
    assert "'n/a' is not a number; leave the cell empty when unknown" in messages(err)[0]


def test_header_problems(tmp_path: Path) -> None:
    path = sheet(tmp_path / "h.xlsx", [
        ["乡镇", "乡镇代码", "年份", "出生人品", "出生人口", "出生数", "死亡人口", "备注", None],
        ["河口镇", "hekou", 2023, 1, 199, 199, 198, "", 5]])
    with pytest.raises(DataValidationError) as err:
        excel.import_workbook(path, tmp_path / "ds")
    got = messages(err)
    assert any("Sheet1!D1" in m and "无法识别的列名“出生人品”,是否指“出生人口”" in m for m in got)
    assert any("Sheet1!F1" in m and "与 E 列都对应出生人口" in m for m in got)
    assert any("Sheet1!H1: warning" in m and "备注" in m for m in got)
    assert any("Sheet1!I1" in m and "没有表头却有数据" in m for m in got)
    assert any("缺少必需的列:县(区)(county)" in m for m in got)


@pytest.mark.parametrize(("headers", "kept", "warned"), [
    # 避孕节育措施落实率 has a different denominator from 综合避孕率: never imported as it
    (["出生人口", "避孕节育措施落实率(%)", "住院分娩率"], ("births", "199"),
     [("F1", "不等于综合避孕率"), ("G1", "住院分娩")]),
    # 迁入人口 counts registrations moved in during the year; 流入人口 the migrants living here
    (["流入人口", "迁入人口", "迁出人口"], ("in_migrants", "199"),
     [("F1", "不等于流入"), ("G1", "迁出人口")]),
])
def test_an_indicator_that_only_sounds_like_a_field_is_skipped_with_a_warning(
        tmp_path: Path, headers: list[str], kept: tuple[str, str], warned: list[tuple[str, str]]) -> None:
    path = sheet(tmp_path / "o.xlsx", [
        ["乡镇", "乡镇代码", "县(区)", "年份", *headers], ["河口镇", "hekou", "青山县", 2023, 199, 98.5, 100]])
    result = excel.import_workbook(path, tmp_path / "ds")
    row = read_rows(tmp_path / "ds" / "townships.csv")[1][0]
    assert row[kept[0]] == kept[1]
    assert all(row.get(f, "") == "" for f in ("contraceptive_rate_pct", "out_migrants"))
    got = [p.format() for p in result.warnings]
    for cell, words in warned:
        assert any(cell in m and words in m for m in got), (cell, words, got)


def test_row_problems_found_by_the_dataset_validation_point_at_cells(tmp_path: Path) -> None:
    path = sheet(tmp_path / "d.xlsx", [
        ["乡镇", "乡镇代码", "县(区)", "年份", "总人口", "出生人口", "死亡人口"],
        ["河口镇", "hekou", "青山县", 2022, 33000, 199, 198],
        ["河口镇", "hekou", "青山县", 2022, 33100, 201, 190]])
    with pytest.raises(DataValidationError) as err:
        excel.import_workbook(path, tmp_path / "ds")
    assert messages(err)[0].startswith(f"{path}:Sheet1!D3: error:")
    assert "duplicate township_code/year" in messages(err)[0]


def test_not_a_workbook_and_missing_sheet(tmp_path: Path) -> None:
    bad = tmp_path / "x.xlsx"
    bad.write_text("not a workbook")
    with pytest.raises(DataValidationError) as err:
        excel.import_workbook(bad, tmp_path / "ds")
    assert "无法作为 Excel 工作簿打开" in messages(err)[0] and "Traceback" not in messages(err)[0]
    good = sheet(tmp_path / "g.xlsx", [["乡镇", "年份"]])
    with pytest.raises(DataValidationError) as err:
        excel.import_workbook(good, tmp_path / "ds", sheet="数据")
    assert "没有名为“数据”的工作表;现有工作表:Sheet1" in messages(err)[0]
    with pytest.raises(DataValidationError) as err:
        excel.import_workbook(sheet(tmp_path / "n.xlsx", [["a", "b"], [1, 2]]), tmp_path / "ds")
    assert "没有找到表头行" in messages(err)[0]


def test_existing_dataset_replace_and_append(template: Path, tmp_path: Path) -> None:
    out = tmp_path / "ds"
    first = fill(template, tmp_path / "a.xlsx", demo_rows(("baishi",))[:2])
    second = fill(template, tmp_path / "b.xlsx", demo_rows(("baishi",))[2:4])
    excel.import_workbook(first, out)
    before = (out / "townships.csv").read_bytes()
    with pytest.raises(DataValidationError) as err:
        excel.import_workbook(second, out)
    assert "--force" in messages(err)[0] and (out / "townships.csv").read_bytes() == before
    excel.import_workbook(second, out, mode="append")
    assert [r["year"] for r in read_rows(out / "townships.csv")[1]] == ["2008", "2009", "2010", "2011"]
    with pytest.raises(DataValidationError):  # the same years again: duplicates, nothing written
        excel.import_workbook(second, out, mode="append")
    excel.import_workbook(second, out, mode="replace")
    assert [r["year"] for r in read_rows(out / "townships.csv")[1]] == ["2010", "2011"]


# The command line ------------------------------------------------------------------------------------------

# `cli` (fixture) and `run_handler` live in tests/conftest.py
run = run_handler


def test_cli_template_and_import(cli, tmp_path: Path, capsys) -> None:
    tpl = tmp_path / "t.xlsx"
    assert run(cli, "template", "--out", str(tpl), "--rows", "20") == 0
    assert f"已写入模板 {tpl}" in capsys.readouterr().out
    filled = fill(tpl, tmp_path / "f.xlsx", demo_rows(("hekou",)))
    assert run(cli, "import", str(filled), "--out", str(tmp_path / "ds")) == 0
    out = capsys.readouterr().out
    assert f"已写入 {tmp_path / 'ds' / 'townships.csv'}" in out and "1 个乡镇" in out
    with pytest.raises(ProblemsError):  # exists: --force or --append
        run(cli, "import", str(filled), "--out", str(tmp_path / "ds"))
    assert run(cli, "import", str(filled), "--out", str(tmp_path / "ds"), "--force", "--language", "en") == 0
    assert "wrote" in capsys.readouterr().out
    with pytest.raises(SystemExit):  # --force and --append together: a usage error
        run(cli, "import", str(filled), "--out", str(tmp_path / "ds"), "--force", "--append")


def test_cli_import_error_names_file_sheet_cell(cli, tmp_path: Path) -> None:
    path = sheet(tmp_path / "e.xlsx", [["乡镇", "乡镇代码", "县(区)", "年份", "总人口", "出生人口", "死亡人口"],
                                       ["河口镇", "hekou", "青山县", 2023, 33000, "199人?", 198]])
    with pytest.raises(ProblemsError) as err:
        run(cli, "import", str(path), "--out", str(tmp_path / "ds"))
    assert err.value.problems[0].file == f"{path}:Sheet1!F2"
    assert not (tmp_path / "ds").exists()


@pytest.mark.slow
def test_round_trip_template_filled_import_run(cli, tmp_path: Path) -> None:
    """template -> filled by hand -> import -> the appendix of one township."""
    from analysis.batch.runner import run as run_batch

    tpl = tmp_path / "模板.xlsx"
    assert run(cli, "template", "--out", str(tpl)) == 0
    filled = fill(tpl, tmp_path / "填好.xlsx", demo_rows(("baishi",)))
    data = tmp_path / "roundtrip"
    assert run(cli, "import", str(filled), "--out", str(data)) == 0
    with (data / "townships.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == len(demo_rows(("baishi",)))
    summary = run_batch(data, out=tmp_path / "out", townships=["baishi"], counties=False,
                        progress=False, jobs=1, params_dir=tmp_path / "no-params")
    assert [(r.township_code, r.status) for r in summary.results] == [("baishi", "ok")]
    html = (tmp_path / "out" / "roundtrip" / "baishi" / "appendix.html").read_text(encoding="utf-8")
    assert "白石镇" in html


def test_docs_list_every_header_variant() -> None:
    """docs/ingest.md's table of variants is generated from headers.py: keep them in step."""
    from analysis.ingest.headers import TEMPLATE_HEADERS
    from tests.conftest import ROOT

    rows = {}
    for line in (ROOT / "docs" / "ingest.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("| `"):
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            rows[cells[0].strip("`")] = (cells[1], cells[2].split(", "))
    assert set(rows) == {c.name for c in schema.COLUMNS}
    for col in schema.COLUMNS:
        template, variants = rows[col.name]
        assert template == TEMPLATE_HEADERS.get(col.name, col.label_zh)
        assert variants == [v for v in header_variants(col.name) if v != template], col.name
