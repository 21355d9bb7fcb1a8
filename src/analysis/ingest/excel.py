"""Excel in: a template workbook with Chinese headers, and its import into a dataset directory.

Township statisticians keep their figures in Excel, under Chinese headers, not in CSV files with
English column names. :func:`write_template` writes a workbook they can fill in:

- sheet 数据 (``data``): row 1 the headers (乡镇, 乡镇代码, 县(区), 年份, 总人口 ...), row 2 the
  units (人, ‰, %, 女=100), then empty rows with Excel data validation (counts: whole numbers
  ≥ 0, refused otherwise; reported rates: a warning outside their possible range, because a
  garbled figure must still be copied as printed);
- sheet 说明 (``instructions``): the rules and every column with the header variants accepted.

:func:`import_workbook` reads such a workbook, or any sheet whose header row uses names from
:mod:`.headers` (Chinese or English, 1孩 or 一孩, 育龄妇女数 ...), checks every cell, and writes
``<dir>/townships.csv`` with :func:`save_rows`. Every bad cell is reported as ``file:sheet!cell``
with the reason, township, year and field; when there is any error nothing is written. A units
row may say 万人, and the cells of that column are then multiplied by 10,000.

:func:`save_rows` is shared with ``township-report extract --to-csv``: it writes new, replaces or
appends rows, validates the result with :func:`analysis.load.validate_dataset` before anything
is written, and writes atomically.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .. import schema
from ..errors import DataValidationError, Problem
from ..fsutil import atomic_path, atomic_write_text
from ..i18n import t
from ..load import validate_dataset
from . import headers

#: User-facing strings of the Excel template and import (zh default, en).


def msg(key: str, language: str = "zh", **values: object) -> str:
    """A message of the translation table (``ingest.excel.<key>``) in ``language``."""
    return t("ingest.excel." + key, language, **values)


#: Sheet names the template uses.
DATA_SHEET: dict[str, str] = {"zh": "数据", "en": "data"}
HELP_SHEET: dict[str, str] = {"zh": "说明", "en": "instructions"}
#: How many rows from the top the header row is looked for in.
HEADER_SEARCH_ROWS = 10
_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_BLANK_WORDS = {"-", "—", "--", "——", "无", "na", "n/a", "null", "none", "/", "\\", "空", "不详", "未知"}
_EXCEL_ERRORS = {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#GETTING_DATA"}


# The template --------------------------------------------------------------------------------------

def _unit_text(col: schema.Column, language: str) -> str:
    kind = headers.unit_kind(col.name)
    if kind == "str":
        return msg("template.text_unit", language)
    return col.unit(language) if col.unit_zh else ""


def template_header(col: schema.Column, language: str = "zh") -> str:
    """The header the template writes for a column (zh: short Chinese, en: English label)."""
    return headers.TEMPLATE_HEADERS.get(col.name, col.label_zh) if language == "zh" else col.label_en


def write_template(out: str | Path, language: str = "zh", rows: int = 500) -> Path:
    """Write the data-entry workbook to ``out`` (atomically) and return its path.

    ``rows`` empty rows carry Excel data validation; more rows may be added by hand (they are
    imported all the same, just not checked by Excel while typing).
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    rows = max(1, rows)
    wb = Workbook()
    ws = wb.active
    ws.title = DATA_SHEET[language]
    required_fill = PatternFill("solid", fgColor="FCE4D6")
    optional_fill = PatternFill("solid", fgColor="DDEBF7")
    last = rows + 2
    for i, col in enumerate(schema.COLUMNS, start=1):
        letter = get_column_letter(i)
        head = ws.cell(1, i, template_header(col, language) + ("*" if col.required else ""))
        head.font = Font(bold=True)
        head.fill = required_fill if col.required else optional_fill
        head.alignment = Alignment(horizontal="center", wrap_text=True)
        variants = "、".join(v for v in headers.header_variants(col.name) if v != col.name)
        head.comment = Comment(f"{col.label_zh} / {col.label_en}\n{col.name}\n"
                               f"{msg('template.col.variants', language)}: {variants}", "township-report",
                               width=320, height=160)
        unit = ws.cell(2, i, _unit_text(col, language))
        unit.font = Font(italic=True, color="808080")
        unit.alignment = Alignment(horizontal="center")
        ws.column_dimensions[letter].width = max(10, min(24, 2 * len(head.value) + 4))
        dv = _validation(col, language, DataValidation)
        if dv is not None:
            ws.add_data_validation(dv)
            dv.add(f"{letter}3:{letter}{last}")
    ws.freeze_panes = "A3"
    _instructions(wb.create_sheet(HELP_SHEET[language]), language)
    wb.active = 0
    wb.properties.creator = "township-report"
    wb.properties.created = wb.properties.modified = dt.datetime(2024, 1, 1)
    with atomic_path(out) as tmp:
        wb.save(tmp)
    return Path(out)


def _validation(col: schema.Column, language: str, factory: type) -> object | None:
    """The Excel data validation of a column: counts refuse what is not a whole number ≥ 0;
    reported figures only warn outside their possible range (a garbled figure is copied as
    printed, and the audit reports it)."""
    title = msg("template.dv.title", language)
    kind = headers.unit_kind(col.name)
    if kind == "count":
        return factory(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                       showErrorMessage=True, errorStyle="stop", errorTitle=title,
                       error=msg("template.dv.count", language))
    if col.name == "year":
        lo, hi = schema.YEAR_MIN, schema.YEAR_MAX
        return factory(type="whole", operator="between", formula1=str(lo), formula2=str(hi),
                       allow_blank=True, showErrorMessage=True, errorStyle="stop", errorTitle=title,
                       error=msg("template.dv.year", language, lo=lo, hi=hi))
    if col.name == "township_code":
        return factory(type="textLength", operator="between", formula1="1", formula2="64",
                       allow_blank=True, showInputMessage=True, promptTitle=title,
                       prompt=msg("template.dv.code", language))
    if col.role == "reported":
        lo = -1000 if col.name == "natural_growth_permille" else 0
        hi = col.upper if col.upper is not None else 1000
        return factory(type="decimal", operator="between", formula1=str(lo), formula2=f"{hi:g}",
                       allow_blank=True, showErrorMessage=True, errorStyle="warning",
                       errorTitle=title, error=msg("template.dv.rate", language, lo=lo, hi=f"{hi:g}"))
    return None


def _instructions(ws: object, language: str) -> None:
    from openpyxl.styles import Alignment, Font

    ws.column_dimensions["A"].width = 22  # type: ignore[attr-defined]
    ws.cell(1, 1, msg("template.title", language)).font = Font(bold=True, size=14)  # type: ignore[attr-defined]
    row = 3
    for line in msg("template.rules", language).splitlines():
        ws.cell(row, 1, line).alignment = Alignment(wrap_text=False)  # type: ignore[attr-defined]
        row += 1
    row += 1
    cols = ("template.col.header", "template.col.field", "template.col.zh", "template.col.en",
            "template.col.unit", "template.col.required", "template.col.variants")
    for j, key in enumerate(cols, start=1):
        ws.cell(row, j, msg(key, language)).font = Font(bold=True)  # type: ignore[attr-defined]
    for col in schema.COLUMNS:
        row += 1
        values = (template_header(col, language), col.name, col.label_zh, col.label_en,
                  _unit_text(col, language),
                  msg("template.yes" if col.required else "template.no", language),
                  "、".join(v for v in headers.header_variants(col.name)
                           if v not in (col.name, template_header(col, language))))
        for j, value in enumerate(values, start=1):
            ws.cell(row, j, value)  # type: ignore[attr-defined]
    for letter, width in zip("BCDEFG", (26, 22, 34, 14, 8, 80)):
        ws.column_dimensions[letter].width = width  # type: ignore[attr-defined]


# Reading a workbook ---------------------------------------------------------------------------------

@dataclass
class Sheet:
    """What was read from a workbook: typed rows keyed by field, and where each came from."""

    path: Path
    sheet: str
    rows: list[dict[str, object]] = field(default_factory=list)
    #: For each row: its Excel row number.
    excel_rows: list[int] = field(default_factory=list)
    #: Field -> Excel column letter.
    columns: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def where(self, row: int | None = None, field_name: str | None = None,
              cell: str | None = None) -> str:
        """``file:sheet!cell`` of a row and field (or of a cell)."""
        if cell is None:
            cell = f"{self.columns.get(field_name or '', '')}{row if row is not None else ''}"
        return f"{self.path}:{self.sheet}!{cell}"


def _open(path: Path, language: str) -> object:
    from openpyxl import load_workbook

    if not path.is_file():
        raise DataValidationError(str(path), [Problem(msg("excel.not_found", language), file=str(path))])
    try:
        return load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        reason = type(exc).__name__ if not str(exc) else str(exc).splitlines()[0][:120]
        raise DataValidationError(str(path), [Problem(msg("excel.unreadable", language, reason=reason),
                                                      file=str(path))]) from None


def _header_row(ws: object) -> tuple[int, int] | None:
    """The row (1-based) among the first rows with the most recognised headers, and how many."""
    best: tuple[int, int] | None = None
    for r in range(1, min(HEADER_SEARCH_ROWS, ws.max_row) + 1):  # type: ignore[attr-defined]
        n = sum(headers.match_header(c.value) is not None for c in ws[r])  # type: ignore[index]
        if n >= 2 and (best is None or n > best[1]):
            best = (r, n)
    return best


def _is_units_row(values: Iterable[object]) -> bool:
    known = {headers.header_key(u) for units in headers.UNITS.values() for u in units} | {
        headers.header_key(msg("template.text_unit", lang)) for lang in ("zh", "en")} | {"单位", "unit", "units"}
    cells = [headers.header_key(str(v)) for v in values if v is not None and str(v).strip()]
    return bool(cells) and all(c in known for c in cells)


def read_workbook(path: str | Path, sheet: str | None = None, language: str = "zh") -> Sheet:
    """Read and check the data sheet of a workbook; raise :class:`DataValidationError` on errors.

    The sheet is ``sheet`` or the one whose header row (within the first rows) has the most
    recognised headers. Every cell problem is collected, located as ``file:sheet!cell``.
    """
    path = Path(path)
    wb = _open(path, language)
    names = list(wb.sheetnames)  # type: ignore[attr-defined]
    if sheet is not None and sheet not in names:
        raise DataValidationError(str(path), [Problem(
            msg("excel.no_sheet", language, sheet=sheet, sheets="、".join(names)), file=str(path))])
    candidates = [sheet] if sheet else [n for n in names if n not in HELP_SHEET.values()] or names
    found = [(n, _header_row(wb[n])) for n in candidates]  # type: ignore[index]
    found = [(n, h) for n, h in found if h is not None]
    if not found:
        where = f"{path}:{sheet}" if sheet else str(path)
        raise DataValidationError(str(path), [Problem(
            msg("excel.no_header", language, n=HEADER_SEARCH_ROWS), file=where)])
    name, (hrow, _) = max(found, key=lambda x: x[1][1])  # type: ignore[index]
    ws = wb[name]  # type: ignore[index]
    out = Sheet(path, name)
    factors = _map_columns(ws, hrow, out, language)
    first = hrow + 1
    if _is_units_row(c.value for c in ws[hrow + 1]) if ws.max_row > hrow else False:
        first = hrow + 2
    _read_rows(ws, first, out, factors, language)
    if not out.rows and not out.problems:
        out.problems.append(Problem(msg("excel.no_rows", language, sheet=name), file=out.where(cell="")))
    if any(p.severity == "error" for p in out.problems):
        raise DataValidationError(str(path), out.problems)
    return out


def _map_columns(ws: object, hrow: int, out: Sheet, language: str) -> dict[str, tuple[int, Decimal]]:
    """Map header cells to fields; check the units row. Returns field -> (column, factor)."""
    from openpyxl.utils import get_column_letter

    cols: dict[str, tuple[int, Decimal]] = {}
    units_row = [c.value for c in ws[hrow + 1]] if ws.max_row > hrow else []  # type: ignore[attr-defined,index]
    has_units = _is_units_row(units_row)
    for cell in ws[hrow]:  # type: ignore[index]
        text = cell.value
        letter = get_column_letter(cell.column)
        if text is None or not str(text).strip():
            if any(ws.cell(r, cell.column).value not in (None, "")  # type: ignore[attr-defined]
                   for r in range(hrow + 1, ws.max_row + 1)):  # type: ignore[attr-defined]
                out.problems.append(Problem(msg("excel.headerless_data", language),
                                            file=out.where(cell=f"{letter}{hrow}")))
            continue
        name = headers.match_header(text)
        if name is None:
            other = headers.other_indicator(text)
            if other:
                out.problems.append(Problem(
                    msg("excel.other_indicator", language, header=text,
                        what=t(f"ingest.other_indicator.{other}", language)),
                    file=out.where(cell=f"{letter}{hrow}"), severity="warning"))
                continue
            if headers.is_ignored_header(text):
                out.problems.append(Problem(msg("excel.ignored_header", language, header=text),
                                            file=out.where(cell=f"{letter}{hrow}"), severity="warning"))
                continue
            close = headers.suggest_header(text)
            hint = msg("excel.hint", language, close=close) if close else msg("excel.hint_none", language)
            out.problems.append(Problem(msg("excel.unknown_header", language, header=text, hint=hint),
                                        file=out.where(cell=f"{letter}{hrow}"), value=str(text)))
            continue
        col = schema.BY_NAME[name]
        if name in cols:
            other = get_column_letter(cols[name][0])
            out.problems.append(Problem(msg("excel.duplicate_header", language, header=text, other=other,
                                            label=col.label(language), field=name),
                                        file=out.where(cell=f"{letter}{hrow}"), field=name))
            continue
        factor = Decimal(1)
        if has_units and cell.column - 1 < len(units_row):
            unit = units_row[cell.column - 1]
            factor_or_none = _unit_factor(name, unit)
            if factor_or_none is None:
                expected = "/".join(u for u in headers.UNITS[headers.unit_kind(name)] if u) or "—"
                out.problems.append(Problem(
                    msg("excel.bad_unit", language, unit=unit, label=col.label(language), expected=expected),
                    file=out.where(cell=f"{letter}{hrow + 1}"), field=name, value=str(unit)))
                continue
            factor = factor_or_none
        cols[name] = (cell.column, factor)
        out.columns[name] = letter
    for c in schema.COLUMNS:
        if c.required and c.role == "key" and c.name not in cols:
            out.problems.append(Problem(
                msg("excel.missing_column", language, label=c.label(language), field=c.name),
                file=out.where(cell=f"A{hrow}"), field=c.name))
    return cols


def _unit_factor(field_name: str, unit: object) -> Decimal | None:
    """The factor a units-row entry implies for a field (万人 -> 10000), or None if it does not fit.

    Text columns (乡镇, 代码, 县) take any entry: it is a label, not a unit."""
    kind = headers.unit_kind(field_name)
    key = headers.header_key(str(unit)) if unit is not None else ""
    if kind == "str" or not key:
        return Decimal(1)
    for u, factor in headers.UNITS[kind].items():
        if headers.header_key(u) == key:
            return Decimal(factor)
    return None


def _read_rows(ws: object, first: int, out: Sheet, cols: dict[str, tuple[int, Decimal]],
               language: str) -> None:
    for r in range(first, ws.max_row + 1):  # type: ignore[attr-defined]
        cells = {name: ws.cell(r, c) for name, (c, _) in cols.items()}  # type: ignore[attr-defined]
        if all(_blank(c.value) for c in cells.values()):
            continue
        row: dict[str, object] = {}
        problems: list[tuple[str, str, object]] = []
        for name, cell in cells.items():
            value, problem = _convert(cell, name, cols[name][1], language)
            row[name] = value
            if problem:
                problems.append((name, problem, cell.value))
        for name in ("township", "township_code", "county", "year"):
            if name in cols and row.get(name) is None and not any(p[0] == name for p in problems):
                problems.append((name, msg("excel.blank_key", language,
                                           label=schema.BY_NAME[name].label(language)), None))
        code = row.get("township_code")
        if isinstance(code, str) and not _CODE_RE.match(code):
            problems.append(("township_code", msg("excel.bad_code", language, text=code), code))
        town = _town(row)
        year = row.get("year") if isinstance(row.get("year"), int) else None
        for name, text, raw in sorted(problems, key=lambda p: cols[p[0]][0]):  # left to right
            out.problems.append(Problem(text, file=out.where(r, name), township=town, year=year,
                                        field=name, value=None if raw is None else str(raw),
                                        township_code=code if isinstance(code, str) else None))
        out.rows.append(row)
        out.excel_rows.append(r)


def _town(row: dict[str, object]) -> str | None:
    name, code = row.get("township"), row.get("township_code")
    if name and code:
        return f"{name}({code})"
    return str(code or name) if (code or name) else None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _convert(cell: object, name: str, factor: Decimal, language: str) -> tuple[object, str | None]:
    """One cell to its schema type; returns (value, problem message or None)."""
    value = cell.value  # type: ignore[attr-defined]
    col = schema.BY_NAME[name]
    kind = headers.unit_kind(name)
    if _blank(value):
        return None, None
    if kind == "str":
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip(), None
    if isinstance(value, bool):
        return None, msg("excel.bool", language)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return None, msg("excel.date", language)
    text = str(value).strip()
    if text in _EXCEL_ERRORS:
        return None, msg("excel.error_value", language, text=text)
    if isinstance(value, (int, float)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        fmt = getattr(cell, "number_format", "") or ""
        if "%" in fmt:
            if kind != "%":
                return None, msg("excel.percent_format", language, shown=f"{number * 100:f}".rstrip("0").rstrip(".") + "%",
                                 unit=col.unit(language))
            number *= 100
    else:
        parsed = _parse_text(text, kind, col, language)
        if isinstance(parsed, str):
            return None, parsed
        number = parsed
    number *= factor
    if kind in ("count", "year"):
        if number != number.to_integral_value():
            return None, msg("excel.not_whole", language, text=text)
        result: int | float = int(number)
    else:
        result = float(number)
    if result < 0 and name != "natural_growth_permille":
        return None, msg("excel.negative", language, text=text)
    if name == "year" and not schema.YEAR_MIN <= result <= schema.YEAR_MAX:
        return None, msg("excel.year_range", language, text=text, lo=schema.YEAR_MIN, hi=schema.YEAR_MAX)
    return result, None


def _parse_text(text: str, kind: str, col: schema.Column, language: str) -> Decimal | str:
    """A number typed as text: 31,562 / 3.2万 / 94.56% (in a % column) / 105.95:100 (a ratio).
    Returns the number or a problem message."""
    s = headers.normalize_text(text).replace(" ", "")
    if s.lower() in _BLANK_WORDS:
        return msg("excel.not_number", language, text=text)
    mult = Decimal(1)
    if kind == "count":
        s = re.sub(r"(人|名)$", "", s)
        if s.endswith("万"):
            s, mult = s[:-1], Decimal(10000)
    for sign in ("‰", "%"):
        if s.endswith(sign):
            if kind != sign:
                return msg("excel.sign_mismatch", language, text=text, sign=sign, unit=col.unit(language))
            s = s[:-1]
    if kind == "ratio":
        m = re.fullmatch(r"(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)", s)
        if m:
            a, b = Decimal(m.group(1)), Decimal(m.group(2))
            if b == 0:
                return msg("excel.not_number", language, text=text)
            return a if b == 100 else (a * 100 / b).quantize(Decimal("0.01"))
    if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", s):
        s = s.replace(",", "")
    try:
        return Decimal(s) * mult
    except InvalidOperation:
        return msg("excel.not_number", language, text=text)


# Writing rows into a dataset -------------------------------------------------------------------------

#: Where the ``i``-th new row's ``field`` came from (e.g. ``book.xlsx:数据!C5``), or None.
Locator = Callable[[int, str | None], str | None]


def _fmt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def save_rows(rows: list[dict[str, object]], out_dir: str | Path, mode: str = "new",
              locate: Locator | None = None, language: str = "zh") -> tuple[Path, list[Problem]]:
    """Write ``rows`` (dicts keyed by schema field) to ``<out_dir>/townships.csv``; return the
    path and the warnings about the new rows (e.g. a required figure left blank).

    ``mode``: ``new`` (the file must not exist), ``replace`` or ``append`` (add to the rows
    already there, keeping them as they are). The combined file is validated with
    :func:`analysis.load.validate_dataset` first; on any error nothing is written and
    :class:`DataValidationError` is raised, each problem located by ``locate(line)`` when it
    concerns a new row (e.g. ``book.xlsx:数据!C5``), else by the target file and line.
    """
    out_dir = Path(out_dir)
    target = out_dir / schema.MAIN_FILE
    if target.exists() and mode == "new":
        raise DataValidationError(str(target), [Problem(msg("excel.exists", language, path=target),
                                                        file=str(target))])
    old_header: list[str] = []
    old_rows: list[dict[str, str]] = []
    if target.exists() and mode == "append":
        with target.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            old_header = [h.strip() for h in (reader.fieldnames or [])]
            old_rows = [{(k or "").strip(): (v or "") for k, v in r.items()} for r in reader]
    used = {k for r in rows for k, v in r.items() if v is not None}
    new_cols = [c.name for c in schema.COLUMNS if (c.required or c.name in used) and c.name not in old_header]
    header = old_header + new_cols
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for r in old_rows:
        writer.writerow({h: r.get(h, "") for h in header})
    for r in rows:
        writer.writerow({h: _fmt(r.get(h)) for h in header})
    text = buf.getvalue()
    first_new_line = 2 + len(old_rows)
    with tempfile.TemporaryDirectory(prefix="township-report-") as tmp:
        check = Path(tmp) / out_dir.name
        check.mkdir()
        (check / schema.MAIN_FILE).write_text(text, encoding="utf-8")
        _, problems = validate_dataset(check)
    located = []
    for p in problems:
        new = p.line is not None and p.line >= first_new_line
        if not new and p.severity != "error":
            continue  # the rows already there: their warnings are not news
        where = locate(p.line - first_new_line, p.field) if new and locate else None  # type: ignore[operator]
        file = where or (f"{target}:{p.line}" if p.line else str(target))
        value = p.value.item() if hasattr(p.value, "item") else p.value
        located.append(Problem(p.message, file=file, township=p.township, year=p.year, field=p.field,
                               value=value, severity=p.severity, township_code=p.township_code))
    if any(p.severity == "error" for p in located):
        raise DataValidationError(f"{target} {msg('excel.csv_problem', language)}", located)
    atomic_write_text(target, text)
    return target, located


@dataclass
class ImportResult:
    """What :func:`import_workbook` wrote."""

    path: Path
    sheet: str
    rows: int
    townships: int
    warnings: list[Problem]


def import_workbook(path: str | Path, out_dir: str | Path, sheet: str | None = None,
                    mode: str = "new", language: str = "zh") -> ImportResult:
    """Read a filled workbook and write ``<out_dir>/townships.csv``; nothing is written on error.

    Raises :class:`DataValidationError` listing every bad cell (``file:sheet!cell``), header or
    row (duplicate township-years, a code naming two townships ...).
    """
    data = read_workbook(path, sheet, language)

    def locate(i: int, field_name: str | None) -> str | None:
        if not 0 <= i < len(data.excel_rows):
            return None
        r = data.excel_rows[i]
        if field_name in data.columns:
            return data.where(r, field_name)
        return data.where(cell=f"{r}:{r}")  # the whole row, in Excel's notation

    target, warnings = save_rows(data.rows, out_dir, mode, locate, language)
    codes = {r.get("township_code") for r in data.rows}
    return ImportResult(target, data.sheet, len(data.rows), len(codes),
                        [p for p in data.problems if p.severity == "warning"] + warnings)
