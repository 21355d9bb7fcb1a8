"""Read and validate a dataset directory into a panel DataFrame.

A dataset is a directory holding ``townships.csv`` (one row per township-year, columns from
:mod:`analysis.schema`) and, optionally, ``age_structure.csv`` and ``births_by_age.csv``. The
directory name is the dataset name (``data/demo`` -> ``demo``).

Validation collects *every* problem (not just the first) with file, line, township, year,
column, value and what is wrong, then raises :class:`~analysis.errors.DataValidationError`
when any of them is an error. Raw data are never modified.

Types in the returned panel: keys are strings (``year`` an ``int64``), counts are pandas'
nullable ``Int64`` (blank = ``<NA>`` = unknown, never zero), reported figures ``float64``
(blank = ``NaN``).
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd

from . import schema
from .errors import DatasetNotFoundError, DataValidationError, Problem, UnknownTownshipError
from .schema import Column

T = TypeVar("T")
_NO_ROWS = np.array([], dtype=np.intp)
_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
#: Reported figures that may legitimately be negative.
_MAY_BE_NEGATIVE = {"natural_growth_permille"}


@dataclass
class Dataset:
    """A validated dataset: the panel, the optional age files and any warnings found."""

    name: str
    path: Path
    panel: pd.DataFrame
    age_structure: pd.DataFrame | None = None
    births_by_age: pd.DataFrame | None = None
    warnings: list[Problem] = field(default_factory=list)
    #: SHA-256 of each file read, keyed by file name: the provenance of every appendix.
    file_sha256: dict[str, str] = field(default_factory=dict)
    #: Results derived from the whole dataset (e.g. all indicators), computed once: a warm
    #: batch kernel then pays for them once, not once per township. Treat as read-only.
    derived: dict[str, object] = field(default_factory=dict, repr=False)

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()`` once per dataset object, then the stored result."""
        if key not in self.derived:
            self.derived[key] = compute()
        return self.derived[key]  # type: ignore[return-value]

    @property
    def townships(self) -> pd.DataFrame:
        """One row per township: code, name, county, first and last year (a copy)."""

        def table() -> pd.DataFrame:
            g = self.panel.groupby("township_code", sort=True)
            return pd.DataFrame(
                {
                    "township": g["township"].first(),
                    "county": g["county"].first(),
                    "first_year": g["year"].min(),
                    "last_year": g["year"].max(),
                }
            ).reset_index()

        return self.memo("townships", table).copy()

    def select(self, key: str, frame: pd.DataFrame, value: str,
               by: str = "township_code") -> pd.DataFrame:
        """The rows of ``frame`` whose ``by`` column equals ``value`` (a township, or a county
        with ``by="county"``), in their original order. ``frame`` is the panel, an age file or a
        frame derived from the whole panel and memoised under ``key``.

        A positional index per frame is built once, so a lookup costs the same with 12 or 38,000
        townships; a boolean mask (``frame[frame.township_code == code]``) scans every row and
        made the batch quadratic in the number of townships.
        """
        index = self.memo(f"rows-index:{key}:{by}", lambda: frame.groupby(by, sort=False).indices)
        return frame.iloc[index.get(value, _NO_ROWS)]

    def county_panel(self, county: str) -> pd.DataFrame:
        """The panel rows of every township of ``county``."""
        return self.select("panel", self.panel, county, by="county")

    def county_totals(self, county: str) -> pd.DataFrame:
        """:func:`analysis.indicators.aggregate_county` of ``county``, computed once."""
        from .indicators import aggregate_county

        return self.memo(f"county-totals:{county}",
                         lambda: aggregate_county(self.county_panel(county)))

    def rows_of(self, code: str, frame: str = "panel") -> pd.DataFrame:
        """Rows of township ``code`` in ``panel``, ``age_structure`` or ``births_by_age``
        (empty when the file is absent or has none)."""
        df = getattr(self, frame)
        if df is None:
            return pd.DataFrame(columns=["township_code", "year"])
        return self.select(frame, df, code)

    def resolve(self, code_or_name: str) -> str:
        """Return the township code for a code or Chinese name; suggest close matches if unknown."""
        if code_or_name in self.memo("township-codes", lambda: frozenset(self.panel["township_code"])):
            return code_or_name
        towns = self.townships
        by_name = towns[towns["township"] == code_or_name]
        if len(by_name) == 1:
            return str(by_name["township_code"].iloc[0])
        candidates = list(towns["township_code"]) + list(towns["township"])
        close = difflib.get_close_matches(code_or_name, candidates, n=3, cutoff=0.4)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise UnknownTownshipError(
            f"township {code_or_name!r} is not in dataset {self.name!r} ({self.path}){hint}"
        )

    def township_panel(self, code_or_name: str) -> pd.DataFrame:
        """The panel rows of one township, sorted by year."""
        code = self.resolve(code_or_name)
        return self.rows_of(code).sort_values("year").reset_index(drop=True)


def _where(row: dict[str, str]) -> tuple[str | None, int | None]:
    """Township label and year of a raw row, for locating problems (best effort)."""
    code = (row.get("township_code") or "").strip()
    name = (row.get("township") or "").strip()
    town = f"{name}({code})" if name and code else (code or name or None)
    try:
        year = int(float((row.get("year") or "").strip()))
    except ValueError:
        year = None
    return town, year


def _parse_number(text: str, col: Column) -> tuple[float | int | None, str | None]:
    """Parse one cell; return (value, problem message). Blank -> (None, None)."""
    if text == "":
        return None, None
    try:
        value = float(text)
    except ValueError:
        return None, f"not a number (expected {'a whole number' if col.kind == 'int' else 'a number'})"
    if not math.isfinite(value):
        return None, "not a finite number"
    if col.kind == "int":
        if value != int(value):
            return None, "not a whole number"
        value = int(value)
    if value < 0 and col.name not in _MAY_BE_NEGATIVE:
        return None, "negative value"
    return value, None


def _read_csv_rows(path: Path, problems: list[Problem]
                   ) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """Read a CSV with exact line numbers: the header, and the (line, row) pairs one at a time.

    Rows are streamed, not held: a national file of 38,000 townships (646,000 rows) held as
    dictionaries took 1.5 GB before it became a 280 MB frame.
    """
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
        reader = csv.reader(fh)
        header = [h.strip() for h in next(reader, [])]
    except UnicodeDecodeError as exc:
        fh.close()
        problems.append(Problem(f"file is not UTF-8 text ({exc.reason}); save it as UTF-8 CSV",
                                file=str(path)))
        return [], iter(())

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        with fh:
            start = reader.line_num + 1
            try:
                for cells in reader:
                    line = start
                    start = reader.line_num + 1
                    if not any(c.strip() for c in cells):
                        continue
                    if len(cells) != len(header):
                        problems.append(Problem(
                            f"row has {len(cells)} fields but the header has {len(header)}",
                            file=str(path), line=line))
                        continue
                    yield line, {h: c.strip() for h, c in zip(header, cells)}
            except UnicodeDecodeError as exc:
                problems.append(Problem(
                    f"file is not UTF-8 text ({exc.reason}); save it as UTF-8 CSV",
                    file=str(path), line=start))

    return header, rows()


def validate_table(path: Path, columns: tuple[Column, ...],
                   allowed: dict[str, tuple[str, ...]] | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """Validate one CSV file against ``columns``; return the typed frame and all problems.

    Checks: missing required columns, unknown columns (with the closest valid name), duplicate
    header names, blank keys, non-numeric / non-integer / negative numbers, values outside
    ``allowed``, implausible years, township codes unusable in file names.
    """
    problems: list[Problem] = []
    fname = str(path)
    header, rows = _read_csv_rows(path, problems)
    by_name = {c.name: c for c in columns}
    if not header:
        problems.append(Problem("file is empty (no header row)", file=fname))
        return pd.DataFrame(columns=[*by_name, "_line"]), problems
    seen: set[str] = set()
    for h in header:
        if h in seen:
            problems.append(Problem("column appears twice in the header", file=fname, line=1, field=h))
        seen.add(h)
        if h not in by_name:
            close = difflib.get_close_matches(h, list(by_name), n=1, cutoff=0.5)
            hint = f"; did you mean {close[0]!r}?" if close else "; see docs/data.md for valid columns"
            problems.append(Problem(f"unknown column{hint}", file=fname, line=1, field=h))
    missing = [c.name for c in columns if c.required and c.name not in header]
    for name in missing:
        problems.append(Problem("required column is missing", file=fname, line=1, field=name))

    present = [c for c in columns if c.name in header]
    records: dict[str, list[object]] = {c.name: [] for c in present}
    lines: list[int] = []
    for line, row in rows:
        town, year = _where(row)
        code = (row.get("township_code") or "").strip() or None

        def add(msg: str, col_name: str, value: object = None, severity: str = "error",
                at: tuple = (line, town, year, code)) -> None:
            problems.append(Problem(msg, fname, at[0], at[1], at[2], col_name, value, severity, at[3]))

        lines.append(line)
        for col in present:
            text = row[col.name]
            if col.kind == "str":
                value: object = text or None
                if col.role == "key" and not text:
                    add("key field is blank", col.name)
                elif col.name == "township_code" and not _CODE_RE.match(text):
                    add("township_code must be ASCII letters, digits, '_' or '-' (it names files)",
                        col.name, text)
                elif allowed and col.name in allowed and text not in allowed[col.name]:
                    add(f"not an allowed value; expected one of {', '.join(allowed[col.name])}",
                        col.name, text)
            else:
                value, msg = _parse_number(text, col)
                if msg:
                    add(msg, col.name, text)
                elif value is None and col.required and col.role == "key":
                    add("key field is blank", col.name)
                elif value is None and col.required:
                    add("required figure is blank (unknown); results that need it stay blank",
                        col.name, severity="warning")
                elif col.name == "year" and value is not None and not (
                        schema.YEAR_MIN <= value <= schema.YEAR_MAX):
                    add(f"implausible year (expected {schema.YEAR_MIN}-{schema.YEAR_MAX})",
                        col.name, text)
            records[col.name].append(value)

    frame = pd.DataFrame(records)
    for col in present:
        if col.kind == "int":
            frame[col.name] = pd.array(records[col.name], dtype="Int64")
        elif col.kind == "float":
            frame[col.name] = pd.array(
                [math.nan if v is None else v for v in records[col.name]], dtype="float64")
        else:
            frame[col.name] = pd.Series(records[col.name], dtype="object")
    frame["_line"] = pd.array(lines, dtype="int64")
    return frame, problems


def _check_duplicates(frame: pd.DataFrame, fname: str, key: list[str]) -> list[Problem]:
    """Duplicate key rows (e.g. the same township-year twice), naming every line involved."""
    problems: list[Problem] = []
    if not set(key) <= set(frame.columns) or frame.empty:
        return problems
    dup = frame.duplicated(key, keep=False) & frame[key].notna().all(axis=1)
    for _, grp in frame[dup].groupby(key, sort=True):
        row = grp.iloc[0]
        problems.append(Problem(
            f"duplicate {'/'.join(key)}: lines {', '.join(map(str, grp['_line']))}",
            fname, int(grp["_line"].iloc[1]), str(row["township_code"]),
            int(row["year"]) if pd.notna(row["year"]) else None, key[-1],
            int(row[key[-1]]) if key[-1] == "year" else str(row[key[-1]]),
            township_code=str(row["township_code"])))
    return problems


def _check_identity(frame: pd.DataFrame, fname: str) -> list[Problem]:
    """A township_code must name one township in one county, and a name one code."""
    problems: list[Problem] = []
    if not {"township", "township_code", "county"} <= set(frame.columns) or frame.empty:
        return problems
    for col in ("township", "county"):
        n = frame.groupby("township_code")[col].nunique()
        for code in n[n > 1].index:
            grp = frame[frame["township_code"] == code]
            first = grp[col].iloc[0]
            odd = grp[grp[col] != first].iloc[0]
            problems.append(Problem(
                f"township_code has more than one {col}: {sorted(grp[col].dropna().unique())}",
                fname, int(odd["_line"]), str(code), int(odd["year"]) if pd.notna(odd["year"]) else None,
                col, odd[col], township_code=str(code)))
    n = frame.groupby(["county", "township"])["township_code"].nunique()
    for (county, name) in n[n > 1].index:
        grp = frame[(frame["township"] == name) & (frame["county"] == county)]
        problems.append(Problem(
            f"one township name has several codes: {sorted(grp['township_code'].unique())}",
            fname, int(grp["_line"].iloc[-1]), str(name), None, "township_code"))
    return problems


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def dataset_dir(path: str | Path) -> Path:
    """Accept a dataset directory or its ``townships.csv``; return the directory."""
    p = Path(path)
    if p.is_file() and p.name == schema.MAIN_FILE:
        p = p.parent
    if not p.is_dir():
        raise DatasetNotFoundError(f"{p}: dataset directory not found")
    if not (p / schema.MAIN_FILE).is_file():
        raise DatasetNotFoundError(
            f"{p}: no {schema.MAIN_FILE} in this directory (a dataset is a directory holding "
            f"{schema.MAIN_FILE}; see docs/data.md)")
    return p


_CACHE: dict[tuple, tuple[Dataset, list[Problem]]] = {}


def _fingerprint(root: Path) -> tuple:
    """Path, size and modification time of every data file: changes when any file does."""
    files = [root / n for n in (schema.MAIN_FILE, schema.AGE_STRUCTURE_FILE, schema.BIRTHS_BY_AGE_FILE)]
    return (str(root.resolve()),) + tuple(
        (f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in files if f.is_file())


def validate_dataset(path: str | Path) -> tuple[Dataset, list[Problem]]:
    """Validate every file of a dataset; return the (possibly partial) dataset and all problems.

    Never raises for bad content: use :func:`load_dataset` to raise on errors. The result is
    cached per process while the files are unchanged (size and modification time), so the
    notebooks of a batch that share a warm kernel read and validate the data once.
    """
    root = dataset_dir(path)
    key = _fingerprint(root)
    if key not in _CACHE:
        if len(_CACHE) >= 4:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = _validate_dataset(root)
    return _CACHE[key]


def _validate_dataset(root: Path) -> tuple[Dataset, list[Problem]]:
    main = root / schema.MAIN_FILE
    panel, problems = validate_table(main, schema.COLUMNS)
    problems += _check_duplicates(panel, str(main), ["township_code", "year"])
    problems += _check_identity(panel, str(main))
    shas = {schema.MAIN_FILE: file_sha256(main)}
    codes = set(panel["township_code"].dropna()) if "township_code" in panel else set()

    extras: dict[str, pd.DataFrame | None] = {}
    for fname, cols, allowed, key in (
        (schema.AGE_STRUCTURE_FILE, schema.AGE_STRUCTURE_COLUMNS,
         {"sex": schema.SEXES, "age_group": schema.AGE_GROUPS},
         ["township_code", "year", "sex", "age_group"]),
        (schema.BIRTHS_BY_AGE_FILE, schema.BIRTHS_BY_AGE_COLUMNS,
         {"mother_age_group": schema.MOTHER_AGE_GROUPS}, ["township_code", "year", "mother_age_group"]),
    ):
        fpath = root / fname
        if not fpath.is_file():
            extras[fname] = None
            continue
        frame, found = validate_table(fpath, cols, allowed)
        found += _check_duplicates(frame, str(fpath), key)
        if "township_code" in frame:
            for code, grp in frame[~frame["township_code"].isin(codes)].groupby("township_code"):
                found.append(Problem(f"township_code not in {schema.MAIN_FILE}", str(fpath),
                                     int(grp["_line"].iloc[0]), str(code), None, "township_code",
                                     township_code=str(code)))
        problems += found
        extras[fname] = frame.drop(columns="_line")
        shas[fname] = file_sha256(fpath)

    ds = Dataset(
        name=root.resolve().name,
        path=root,
        panel=panel.drop(columns="_line").sort_values(
            [c for c in ("township_code", "year") if c in panel.columns]).reset_index(drop=True),
        age_structure=extras[schema.AGE_STRUCTURE_FILE],
        births_by_age=extras[schema.BIRTHS_BY_AGE_FILE],
        warnings=[p for p in problems if p.severity == "warning"],
        file_sha256=shas,
    )
    return ds, problems


def blocking_errors(problems: list[Problem], township_code: str | None = None) -> list[Problem]:
    """The errors that stop work: all of them, or for one township those that concern it.

    An error with no township (a missing column, an unreadable file) blocks every township.
    """
    return [p for p in problems if p.severity == "error"
            and (township_code is None or p.township_code in (None, township_code))]


def load_dataset(path: str | Path, township_code: str | None = None) -> Dataset:
    """Load and validate a dataset directory; raise :class:`DataValidationError` on errors.

    With ``township_code``, only errors in that township's rows (or in the file as a whole)
    raise, so one bad township does not stop the appendices of the others. Warnings (e.g. a
    blank required figure) never raise; they are kept in ``Dataset.warnings``.
    """
    ds, problems = validate_dataset(path)
    if township_code is not None and not blocking_errors(problems, None) == []:
        # accept a Chinese name too, when the file is readable enough to look it up
        if "township_code" in ds.panel and "township" in ds.panel:
            township_code = ds.resolve(township_code)
    errors = blocking_errors(problems, township_code)
    if errors:
        raise DataValidationError(f"dataset {ds.path}", errors)
    return ds
