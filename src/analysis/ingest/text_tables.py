"""Tables printed as plain text inside a report: find them and say which figure each cell is.

Reports pasted from Word or from a web page keep their tables as lines of cells separated by
runs of spaces, tabs or ``|``. Two shapes are read:

years across (one row per figure)::

    指标            2022年    2023年
    户籍人口(人)     33500     33648
    出生率(‰)        6.27      5.91

years down (one row per year)::

    年份   总人口   出生人口   出生率(‰)
    2022   33500    210        6.27

A row or column name is matched like a spreadsheet header (:func:`headers.match_header`), and the
unit in its parentheses (人, 万人, ‰, %) applies to every number under it; a rate named without
a unit takes its field's own (a table of 出生率 holds per-mille figures). Anything else (a row
whose name is not a schema field, a cell that is not a plain number) is left alone: the
sentence rules never read the lines of a table, so nothing is read twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import headers

_SPLIT = re.compile(r"\s{2,}|\t|\||\u3000")
_YEAR_CELL = re.compile(r"^(?P<y>(?:19|20)\d{2})\s*(?:年(?:度|末|底)?)?$")
_NUMBER_CELL = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+(?:\.\d+)?$")
_UNIT_IN_NAME = re.compile(r"\((?P<unit>万人|人|名|个|‰|%|女=100)\)")
_YEAR_HEAD = ("年份", "年度", "年")
_DEFAULT_UNIT = {"count": "", "‰": "‰", "%": "%", "ratio": ""}


@dataclass(frozen=True)
class Cell:
    """One number of a plain-text table and what it is."""

    field: str
    year: int
    #: the row (years across) or column (years down) name, and its span
    label_span: tuple[int, int]
    value_span: tuple[int, int]
    #: the unit the table gives the number: from the name's parentheses, else the field's own
    unit: str


def _cells(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the non-blank cells of ``norm[start:end]`` (one line)."""
    spans, pos = [], start
    for m in _SPLIT.finditer(norm, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return trim_spans(norm, spans)


def trim_spans(norm: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` without their outer whitespace; empty ones dropped."""
    out = []
    for a, b in spans:
        while a < b and norm[a].isspace():
            a += 1
        while b > a and norm[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _words(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the space-separated words of one line."""
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", norm[start:end])]


def _label_then_numbers(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """A row separated by single spaces: a name (which may contain a space, 净迁移率 (‰)) and
    then numbers; the name is everything before the first number."""
    words = _words(norm, start, end)
    k = next((i for i, (a, b) in enumerate(words) if _NUMBER_CELL.match(norm[a:b])), len(words))
    if k == 0 or k == len(words) or not all(_NUMBER_CELL.match(norm[a:b]) for a, b in words[k:]):
        return _cells(norm, start, end)
    return [(words[0][0], words[k - 1][1])] + words[k:]


def _unit(name: str, field: str) -> str:
    m = _UNIT_IN_NAME.search(name)
    if m:
        return "" if m.group("unit") == "女=100" else m.group("unit")
    return _DEFAULT_UNIT[headers.unit_kind(field)]


def find_tables(norm: str) -> tuple[list[Cell], list[tuple[int, int]]]:
    """The cells of every plain-text table in ``norm`` and the span of each table."""
    lines, pos = [], 0
    for line in norm.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    cells: list[Cell] = []
    blocks: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        row = _cells(norm, *lines[i])
        texts = [norm[a:b] for a, b in row]
        found: list[Cell] = []
        j = i + 1
        if len(row) == 1:  # 2008 2007: a header of years separated by single spaces
            row = _words(norm, *lines[i])
            texts = [norm[a:b] for a, b in row]
            if not all(_YEAR_CELL.match(t) for t in texts):
                row, texts = row[:1], texts[:1]
            else:
                row, texts = [(row[0][0], row[0][0])] + row, [""] + texts
        years = [_YEAR_CELL.match(t) for t in texts]
        if len(row) >= 3 and sum(1 for y in years[1:] if y) == len(row) - 1:
            # years across: the first cell names the column of names (指标, 项目) or is blank
            cols = [int(y.group("y")) for y in years[1:] if y]
            while j < len(lines):
                r = _cells(norm, *lines[j])
                if len(r) == 1:  # 出生人口(人) 68088 63404: single spaces
                    r = _label_then_numbers(norm, *lines[j])
                name = norm[r[0][0]:r[0][1]] if r else ""
                field = headers.match_header(name) if r else None
                nums = r[1:]
                if not nums or len(nums) > len(cols) \
                        or not all(_NUMBER_CELL.match(norm[a:b]) for a, b in nums):
                    break
                if field:  # a row of something else (自然增长人口, 净迁移率) is passed over
                    found += [Cell(field, y, r[0], span, _unit(name, field))
                              for y, span in zip(cols, nums)]
                j += 1
        elif len(row) >= 3 and texts[0] in _YEAR_HEAD:
            # years down: one column per field
            fields = [headers.match_header(t) for t in texts[1:]]
            if sum(1 for f in fields if f) >= 2:
                while j < len(lines):
                    r = _cells(norm, *lines[j])
                    y = _YEAR_CELL.match(norm[r[0][0]:r[0][1]]) if r else None
                    nums = r[1:]
                    if not y or not nums or len(nums) > len(fields) \
                            or not all(_NUMBER_CELL.match(norm[a:b]) for a, b in nums):
                        break
                    found += [Cell(f, int(y.group("y")), row[k + 1], span, _unit(texts[k + 1], f))
                              for k, (f, span) in enumerate(zip(fields, nums)) if f]
                    j += 1
        if found:
            cells += found
            blocks.append((lines[i][0], lines[j - 1][1]))
            i = j
        else:
            i += 1
    return cells, blocks
