"""The ``template``, ``import`` and ``extract`` subcommands of ``township-report``.

:func:`register` adds them to the command line's subparsers and returns their handlers, which
``analysis.cli`` calls like its own: each handler parses nothing, calls one library function,
prints a short summary and returns the exit code (0 success). Bad input raises
:class:`~analysis.errors.ProblemsError` (one located line per problem, exit 1), never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from .. import schema
from ..errors import DataValidationError, Problem
from ..i18n import t
from .extract import extract_figures, figure_fields
from .headers import SERIES_ZH
from .report_files import read_report

#: User-facing strings of the three subcommands (zh default, en).


def _t(key: str, language: str, **values: object) -> str:
    return t("ingest.cli." + key, language, **values)


Handler = Callable[[argparse.Namespace], int]


def register(subparsers: argparse._SubParsersAction) -> dict[str, Handler]:
    """Add the ``template``, ``import`` and ``extract`` subcommands; return their handlers."""
    p = subparsers.add_parser(
        "template", help="write the Excel data-entry template (Chinese headers, units, checks)",
        description="Write an .xlsx workbook with Chinese headers, a units row, Excel data "
        "validation and an instructions sheet; fill it in and load it with 'import'.")
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="workbook to write")
    p.add_argument("--language", choices=("zh", "en"), default="zh",
                   help="language of headers and instructions (default: zh)")
    p.add_argument("--rows", type=int, default=500, help="rows with data validation (default: 500)")

    p = subparsers.add_parser(
        "import", help="import a filled Excel workbook into a dataset (townships.csv)",
        description="Map Chinese or English headers and their variants to the schema, check every "
        "cell and write <DIR>/townships.csv; every bad cell is reported as file:sheet!cell and "
        "nothing is written when there is an error.")
    p.add_argument("workbook", metavar="FILE.xlsx", help="the filled workbook")
    p.add_argument("--out", required=True, metavar="DIR", help="dataset directory to write")
    p.add_argument("--sheet", default=None, help="sheet to read (default: the one with the headers)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--force", action="store_true", help="replace an existing townships.csv")
    mode.add_argument("--append", action="store_true", help="add the rows to an existing townships.csv")
    p.add_argument("--language", choices=("zh", "en"), default="zh", help="language of messages")

    p = subparsers.add_parser(
        "extract", help="read the figures of a work-report text, with provenance and checks",
        description="Extract one record per place, year and population series from a Chinese "
        "work report (a text file in UTF-8 or GB18030, or a Word .docx file), each figure with the text it came from; report "
        "masked, garbled and conflicting figures and what does not add up.")
    p.add_argument("file", metavar="FILE", help="the report: a text file or a Word .docx file ('-' for standard input)")
    p.add_argument("--json", action="store_true", help="print the records as JSON")
    p.add_argument("--to-csv", metavar="DIR", default=None,
                   help="append the whole-population records to DIR/townships.csv after validation")
    p.add_argument("--township-code", default=None, help="township code for --to-csv")
    p.add_argument("--township", default=None, help="township name for --to-csv (when the text masks it)")
    p.add_argument("--county", default=None, help="county for --to-csv (when the text does not name it)")
    p.add_argument("--year", type=int, default=None,
                   help="for --to-csv: append only this year's record (or give the year the text does not state)")
    p.add_argument("--language", choices=("zh", "en"), default="zh", help="language of the report")
    return {"template": cmd_template, "import": cmd_import, "extract": cmd_extract}


# template / import -------------------------------------------------------------------------------

def cmd_template(args: argparse.Namespace) -> int:
    """``township-report template --out FILE.xlsx``."""
    from . import excel  # openpyxl: imported when the command runs, not for --help

    path = excel.write_template(args.out, args.language, args.rows)
    print(_t("cmd.template.written", args.language, path=path, data=excel.DATA_SHEET[args.language],
             help=excel.HELP_SHEET[args.language]))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """``township-report import FILE.xlsx --out DIR``."""
    mode = "replace" if args.force else "append" if args.append else "new"
    from . import excel

    result = excel.import_workbook(args.workbook, args.out, args.sheet, mode, args.language)
    for p in result.warnings:
        print(p.format(), file=sys.stderr)
    print(_t("cmd.import.written", args.language, path=result.path, rows=result.rows,
             towns=result.townships, source=args.workbook, sheet=result.sheet))
    return 0


# extract -----------------------------------------------------------------------------------------

def cmd_extract(args: argparse.Namespace) -> int:
    """``township-report extract FILE [--json] [--to-csv DIR]``."""
    lang = args.language
    records = extract_figures(read_report(args.file, lang))
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2, default=_json_default))
    else:
        print(format_records(records, args.file, lang))
    if args.to_csv:
        append_records(records, args.file, args.to_csv, township_code=args.township_code,
                       township=args.township, county=args.county, year=args.year, language=lang)
    return 0


def _json_default(obj: object) -> object:
    if hasattr(obj, "item"):  # numpy scalars from the audit
        return obj.item()  # type: ignore[attr-defined]
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def format_records(records: list[dict], file: str, language: str = "zh") -> str:
    """The records as a reader wants them: each figure with its text and line, then the problems
    in the text and what does not add up."""
    n_fig = sum(len(figure_fields(r)) for r in records)
    problems = [p for r in records for p in r["problems"]]
    findings = [f for r in records for f in r["findings"]]
    if not records:
        return _t("cmd.extract.none", language, file=file)
    lines = [_t("cmd.extract.summary", language, file=file, records=len(records), figures=n_fig,
                problems=len(problems), p_err=sum(p["severity"] == "error" for p in problems),
                findings=len(findings), f_err=sum(f["severity"] == "error" for f in findings))]
    sev = {"error": {"zh": "错误", "en": "error"}, "warning": {"zh": "警告", "en": "warning"},
           "note": {"zh": "提示", "en": "note"}}
    for n, rec in enumerate(records, start=1):
        year = (_t("cmd.extract.year", language, year=rec["year"]) if rec["year"] is not None
                else _t("cmd.extract.no_year", language))
        if rec.get("period"):
            year += f" {rec['period']}"
        series = SERIES_ZH.get(rec["series"], rec["series"]) if language == "zh" else rec["series"]
        lines.append("")
        lines.append(_t("cmd.extract.record", language, n=n,
                        place=rec["place"] or _t("cmd.extract.no_place", language), year=year, series=series))
        for f in figure_fields(rec):
            prov = rec["provenance"][f]
            label = schema.BY_NAME[f].label(language)
            lines.append(f"    {label} ({f}) = {rec[f]}    “{prov['text']}”  "
                         f"{_t('cmd.extract.line', language, line=prov['line'])}")
        if rec["problems"]:
            lines.append("  " + _t("cmd.extract.problems", language))
            for p in rec["problems"]:
                lines.append(f"    ! {sev[p['severity']][language]}: {p[f'message_{language}']}  "
                             f"{_t('cmd.extract.line', language, line=p['line'])}")
        if rec["findings"]:
            lines.append("  " + _t("cmd.extract.findings", language))
            shown: set[str] = set()
            for f in rec["findings"]:
                where = f"  {_t('cmd.extract.line', language, line=f['line'])}" if "line" in f else ""
                line = f"    ✗ {sev[f['severity']][language]}: {f[f'message_{language}']}{where}"
                if line not in shown:  # (a finding about two fields is shown once)
                    shown.add(line)
                    lines.append(line)
    return "\n".join(lines)


def append_records(records: list[dict], source: str, data_dir: str | Path, *,
                   township_code: str | None = None, township: str | None = None,
                   county: str | None = None, year: int | None = None,
                   language: str = "zh") -> Path | None:
    """Append the whole-population records of one extraction to ``<data_dir>/townships.csv``.

    Only ``main``-series, whole-year records are appended; a field stated twice with different
    numbers is left blank (unknown), not guessed. The code and county come from the arguments,
    the text, or the dataset's existing rows for the same township name. The combined file is
    validated before anything is written (:func:`excel.save_rows`).
    """
    problems: list[Problem] = []
    chosen: list[dict] = []
    for rec in records:
        where = f"{source}:{_first_line(rec)}"
        if rec["series"] != "main":
            print(_t("cmd.csv.skipped_series", language, where=where,
                     series=SERIES_ZH.get(rec["series"], rec["series"]) if language == "zh" else rec["series"]),
                  file=sys.stderr)
            continue
        if rec.get("period"):
            print(_t("cmd.csv.skipped_period", language, where=where, period=rec["period"]), file=sys.stderr)
            continue
        if not figure_fields(rec):
            continue
        rec_year = rec["year"] if rec["year"] is not None else year
        if year is not None and rec_year != year:
            continue
        if rec_year is None:
            problems.append(Problem(_t("cmd.csv.no_year", language), file=where, field="year"))
            continue
        chosen.append({**rec, "year": rec_year})
    existing = _existing(Path(data_dir))
    rows: list[dict[str, object]] = []
    for rec in chosen:
        where = f"{source}:{_first_line(rec)}"
        name = township or rec["place"]
        if not name:
            problems.append(Problem(_t("cmd.csv.no_place", language), file=where, field="township"))
            continue
        code = township_code or existing.get(name, (None, None))[0]
        if not code:
            problems.append(Problem(_t("cmd.csv.no_code", language, place=name, data=data_dir),
                                    file=where, township=name, year=rec["year"], field="township_code"))
            continue
        cty = county or rec.get("county") or existing.get(name, (None, None))[1]
        if not cty:
            problems.append(Problem(_t("cmd.csv.no_county", language, place=name), file=where,
                                    township=name, year=rec["year"], field="county"))
            continue
        row: dict[str, object] = {"township": name, "township_code": code, "county": cty,
                                  "year": rec["year"]}
        conflicted = {p["field"] for p in rec["problems"] if p["kind"] == "conflict"}
        for f in figure_fields(rec):
            if f in conflicted:
                print(_t("cmd.csv.conflict_blank", language, where=where,
                         label=schema.BY_NAME[f].label(language)), file=sys.stderr)
                continue
            row[f] = rec[f]
        row["_record"] = rec
        rows.append(row)
    if problems:
        raise DataValidationError(f"{source} -> {data_dir}", problems)
    if not rows:
        print(_t("cmd.csv.nothing", language), file=sys.stderr)
        return None

    def locate(i: int, field_name: str | None) -> str | None:
        if not 0 <= i < len(rows):
            return None
        rec = rows[i]["_record"]
        prov = rec["provenance"].get(field_name or "") or {}  # type: ignore[union-attr]
        return f"{source}:{prov.get('line', _first_line(rec))}"  # type: ignore[arg-type]

    clean = [{k: v for k, v in r.items() if k != "_record"} for r in rows]
    from . import excel

    path, warnings = excel.save_rows(clean, data_dir, mode="append", locate=locate, language=language)
    for p in warnings:
        print(p.format(), file=sys.stderr)
    print(_t("cmd.csv.appended", language, rows=len(clean), path=path))
    return path


def _first_line(rec: dict) -> int | str:
    """The line of a record's first figure (where to look in the report)."""
    lines = [rec["provenance"][f]["line"] for f in figure_fields(rec)]
    return min(lines) if lines else "?"


def _existing(data_dir: Path) -> dict[str, tuple[str, str]]:
    """Township name -> (code, county) of the rows already in ``data_dir``'s townships.csv."""
    import csv

    path = data_dir / schema.MAIN_FILE
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return {r.get("township", "").strip(): (r.get("township_code", "").strip(), r.get("county", "").strip())
                for r in csv.DictReader(fh) if r.get("township")}
