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

A head of row names (项目, 指标) over rows that start with a year is read the same way, with two
schema columns at least; a cell may carry its unit (``2.84‰``) when the unit fits its column.

A statistical bulletin's table of named rows with a column of units or of this year's values
(``指标 | 单位 | 绝对数 | 比上年增长(%)`` under a caption with the year, ``指标名称 计量单位 2021年
2020年``) reads each row in its unit cell's unit; columns of changes and shares are not read. The census
bulletins' table of the population at each census (``历次人口普查 | 常住人口数`` over ``第七次人口普查 |
648471``) gives each row its census's year.

A table of the township's villages (``村名 | 总人口 | 出生`` over a row a village) is read only
for its total row (合计, 全镇): that row is the township's, in the year its caption states.

Under a 年份 head one schema column is enough (a wiki's population history ``年份 | 人口 | ±%``,
whose other columns hold changes such as ``+3.8%``); Markdown rule lines (``---|---|``) are passed
over, and the same history with its separators lost (``年份人口±%`` over ``1986 18,449−1.1%``)
is read when it has three rows or more.

Tables drawn with box characters (``┃ 1991 │ 61658 │``, rules of ``─┼┠``) are read the same way:
the verticals separate cells and the rule lines are passed over. A header of two rows (``孩次 │ 一孩
│ 二孩`` over ``年度 │ 数量 │ % │ 数量 │ %``) names each column by its group and sub-column.

A header wrapped over several lines, as text copied from a PDF table comes out::

    年 份 年末人口 出生
    人数
    出生率
    (‰)
    1953 316134 9100 28.76

is cut into as many column names as the widest year row has numbers, choosing the cut that
leaves fewest names unknown; a unit line (``(‰)``) closes the name before it. The table is read
only when every column given a rate field holds plausible rates and every count column whole
numbers: a wrong cut would put counts under a rate.

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

_SPLIT = re.compile(r"\s{2,}|\t|\||\u3000|[│┃║┆┊]")
#: A rule line of a drawn table: box characters, dashes and spaces only.
#: A Markdown table's rule (---|---|, |:---|---:|) is one too.
_RULE_LINE = re.compile(r"^\s*[─━┄┈┼╋┠┨┏┓┗┛├┤┌┐└┘┬┴┯┷┳┻═╔╗╚╝╠╣╦╩╬╞╡╪╟╢╫┿╂+\-=]"
                        r"[─━┄┈┼╋┠┨┏┓┗┛├┤┌┐└┘┬┴┯┷┳┻═╔╗╚╝╠╣╦╩╬╞╡╪╟╢╫┿╂+\-=\s│┃║]*$"
                        r"|^\s*\|?(?:\s*:?-{3,}:?\s*\|)+(?:\s*:?-{3,}:?\s*)?$")
#: An empty cell of a table (not available, nothing).
_EMPTY_CELL = re.compile(r"^(?:NA|N/A|na|n/a|-|—|–|－|…|/|无)$")
#: Sub-columns that hold the group's own count (一孩 │ 数量).
_COUNT_SUBS = ("数量", "人数", "数", "合计", "小计", "计", "人口", "人")
#: Plausible values of rate columns, to refuse a table whose columns were cut wrongly.
_RATE_BOUNDS = {"‰": (-100.0, 100.0), "%": (0.0, 100.0), "ratio": (50.0, 200.0)}
_YEAR_CELL = re.compile(r"^(?P<y>(?:19|20)\d{2})\s*(?:年(?:度|末|底)?)?$")
_NUMBER_CELL = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+(?:\.\d+)?$")
_UNIT_IN_NAME = re.compile(r"\((?P<unit>万人|人|名|个|‰|%|女=100)\)")
_YEAR_HEAD = ("年份", "年度", "年")
#: The head of a column of row names that are years when every row starts with one (项目 | 出生).
_ROW_HEAD = ("项目", "指标", "时间", "指标名称")
#: The head of a column of places (村名 | 总人口 | 出生): a table of the township's villages.
_PLACE_HEAD = ("村名", "村别", "村", "村(居)", "村居", "村(社区)", "社区", "村委会", "行政村", "村(居)委会",
               "单位", "单位名称", "名称", "乡镇", "乡镇名称", "乡镇(街道)", "地区", "片区")
#: The row of such a table that holds the whole place's figures.
_TOTAL_ROW = ("合计", "总计", "全镇", "全乡", "全街道", "全区", "全县", "全市", "全村", "总数")
#: A number with its unit in a cell (2.84‰, 198人): the unit must fit the column's field.
_NUMBER_UNIT_CELL = re.compile(r"^(?P<n>-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)\s*(?P<u>‰|%|人|名)$")
_UNIT_HEAD = ("单位", "计量单位", "单 位")
#: The head of a column of this year's values in a table whose caption states the year
#: (指标 | 单位 | 绝对数 | 比上年增长(%), under 表1 2021年人口主要指标).
_VALUE_HEAD = ("数值", "绝对数", "绝对值", "年末数", "本年", "本年数", "本期", "本期数", "数量", "全年",
               "实际", "完成数", "实绩", "总量", "人数", "指标值", "数据", "合计")
#: The head of a column of last year's values (上年 | 上年同期).
_LAST_YEAR_HEAD = ("上年", "上年数", "上年同期", "去年", "去年同期", "上年实际", "上期")
#: The head of a column of row names over such columns.
_NAME_HEAD = _ROW_HEAD + ("名称", "类别", "项 目", "指 标", "")
_DEFAULT_UNIT = {"count": "", "‰": "‰", "%": "%", "ratio": ""}


@dataclass(frozen=True)
class Cell:
    """One number of a plain-text table and what it is."""

    field: str
    #: None: a table of villages whose caption states no year
    year: int | None
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


_OWN_PLACE = re.compile(r"^(?:全|本)(?:县|市|区|镇|乡|旗|街道)")


def _field_of(name: str) -> str | None:
    """The field of a row name; 全县户籍总人口 is the table's own place's 户籍总人口."""
    return headers.match_header(name) or headers.match_header(_OWN_PLACE.sub("", name))


def _unit(name: str, field: str) -> str:
    m = _UNIT_IN_NAME.search(name)
    if m:
        return "" if m.group("unit") == "女=100" else m.group("unit")
    return _DEFAULT_UNIT[headers.unit_kind(field)]


def _sub_field(group: str, sub: str) -> str | None:
    """The field of sub-column ``sub`` of column group ``group`` (一孩 + 数量 -> births_parity1;
    一孩 + % -> None)."""
    return headers.match_header(group + sub) or (
        headers.match_header(group) if sub in _COUNT_SUBS else None)


def _two_row_header(norm: str, top: list[tuple[int, int]], below: list[tuple[int, int]]
                    ) -> tuple[list[str], list[tuple[int, int]], list[str | None]] | None:
    """A header of two rows, the upper naming groups of equally many sub-columns: the column
    names (first the year column's), their label spans and their fields; or None."""
    groups, subs = top[1:], below[1:]
    if len(groups) < 2 or not below or norm[slice(*below[0])] not in _YEAR_HEAD \
            or len(subs) % len(groups) or len(subs) // len(groups) < 2:
        return None
    m = len(subs) // len(groups)
    names, spans, fields = [norm[slice(*below[0])]], [below[0]], []
    for g, gspan in enumerate(groups):
        for k in range(m):
            group, sub = norm[slice(*gspan)], norm[slice(*subs[g * m + k])]
            names.append(group + sub)
            spans.append(gspan)
            fields.append(_sub_field(group, sub))
    return names, spans, fields


def _number_span(norm: str, span: tuple[int, int], field: str) -> tuple[int, int] | None:
    """The span of the number of a cell: a plain number, or one with a unit that fits ``field``
    (2.84‰ under 自然增长率); None for anything else."""
    text = norm[slice(*span)]
    if _NUMBER_CELL.match(text):
        return span
    m = _NUMBER_UNIT_CELL.match(text)
    if m and headers.unit_fits(field, m.group("u")):
        return (span[0], span[0] + m.end("n"))
    return None


def _places_down(norm: str, lines: list[tuple[int, int]], i: int
                 ) -> tuple[list[Cell], int] | None:
    """A table of the township's villages (``村名 | 总人口 | 出生`` over one row a village) with
    a total row (合计 / 全镇): the total row's figures are the township's, the villages' rows
    are other places' and are not read. The year is the one year stated in the two lines above
    the header (the table's caption), else none."""
    def row_cells(k: int) -> list[tuple[int, int]]:  # single spaces: village names hold none
        out = _cells(norm, *lines[k])
        return out if len(out) > 1 else _words(norm, *lines[k])

    row = row_cells(i)
    if len(row) < 3 or norm[slice(*row[0])] not in _PLACE_HEAD:
        return None
    texts = [norm[slice(*c)] for c in row[1:]]
    fields = [headers.match_header(t) for t in texts]
    if sum(1 for f in fields if f) < 2:
        return None
    total, j = None, i + 1
    while j < len(lines):
        r = row_cells(j)
        if len(r) < 2 or len(r) - 1 > len(fields) or not all(
                _NUMBER_CELL.match(norm[a:b]) or _NUMBER_UNIT_CELL.match(norm[a:b]) for a, b in r[1:]):
            break
        if norm[slice(*r[0])] in _TOTAL_ROW:
            total = r
        j += 1
    if total is None or j - i < 3:
        return None
    year = _caption_year(norm, lines, i)
    cells = []
    for k, (f, span) in enumerate(zip(fields, total[1:])):
        value = _number_span(norm, span, f) if f else None
        if f and value:
            cells.append(Cell(f, year, row[k + 1], value, _unit(texts[k], f)))
    return (cells, j) if cells else None


def _caption_year(norm: str, lines: list[tuple[int, int]], i: int) -> int | None:
    """The one year stated in the two lines above the header at line ``i`` (the table's
    caption, 表1 2021年人口主要指标), else None."""
    above = norm[lines[max(0, i - 2)][0]:lines[i][0]]
    years = {m.group("y") for m in re.finditer(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年(?!龄|代)", above)}
    return int(years.pop()) if len(years) == 1 else None


#: A column a table of named rows does not read (比上年增长(%), 比重(%)).
_SKIP = -1


def _named_columns(norm: str, lines: list[tuple[int, int]], i: int
                   ) -> tuple[list[Cell], int] | None:
    """A table of named rows with a column of units or of this year's values, the way
    statistical bulletins print them::

        表1 2021年人口主要指标
        指标          单位    绝对数    比上年增长(%)
        年末户籍人口   万人    42.18     -0.3

        指标名称 计量单位 2021年 2020年
        出生人口 人 3218 3390

        指标 | 年末数(人) | 比重(%)
        全县户籍总人口 | 832955 | 100

    A column headed by a year is that year's; one headed 绝对数 / 年末数 / 本年 … is the year of
    the caption (the two lines above), or of no year when the caption states none; 上年 is the
    year before the caption's; other columns (changes, shares) are not read. The unit of a row is
    its unit cell, else the one in its name's or its column head's parentheses; a unit that does
    not fit the row's field (出生人口 | %) leaves the row unread. Single spaces separate cells
    when nothing wider does."""
    def row_cells(k: int) -> list[tuple[int, int]]:
        out = _cells(norm, *lines[k])
        return out if len(out) > 1 else _words(norm, *lines[k])

    head = row_cells(i)
    texts = [norm[slice(*c)] for c in head]
    if len(texts) < 3 or texts[0] not in _NAME_HEAD:
        return None
    unit_col = texts[1] in _UNIT_HEAD
    heads = texts[2:] if unit_col else texts[1:]
    caption = _caption_year(norm, lines, i)

    def year_of(text: str) -> int | None:
        name = _UNIT_IN_NAME.sub("", text).strip()
        y = _YEAR_CELL.match(name)
        if y:
            return int(y.group("y"))
        if name in _VALUE_HEAD:
            return caption
        if name in _LAST_YEAR_HEAD:
            return caption - 1 if caption else _SKIP
        return _SKIP

    years = [year_of(t) for t in heads]
    if not heads or years[0] == _SKIP or not (
            unit_col or any(_UNIT_IN_NAME.sub("", t).strip() in _VALUE_HEAD for t in heads)):
        return None  # (a head of years only is read as years across)
    found, j = [], i + 1
    while j < len(lines):
        r = row_cells(j)
        nums = r[2:] if unit_col else r[1:]
        if len(r) < 2 or not nums or len(nums) > len(heads) or not all(
                _NUMBER_CELL.match(norm[a:b]) or _EMPTY_CELL.match(norm[a:b]) for a, b in nums):
            break
        name = norm[slice(*r[0])]
        field = _field_of(name)
        for k, (y, span) in enumerate(zip(years, nums)):
            if not field or y == _SKIP or _EMPTY_CELL.match(norm[slice(*span)]):
                continue
            unit = norm[slice(*r[1])] if unit_col else ""
            if unit and headers.unit_kind(field) == "ratio" and "100" in unit:
                unit = ""  # 出生人口性别比 | 女=100
            elif unit and not headers.unit_fits(field, unit):
                break  # 出生人口 | % : a share, not the count
            if not unit:
                unit = _unit(name, field) if _UNIT_IN_NAME.search(name) else _unit(heads[k], field)
            found.append(Cell(field, y, r[0], span, unit))
        j += 1
    return (found, j) if found else None


#: A row named by a census (第七次人口普查 | 648471): the census's reference year.
_CENSUS_CELL = re.compile("^" + headers.census_name("n") + "$")
#: The head of the column of such rows (历次人口普查 | 常住人口数 | 年均增长率).
_CENSUS_HEAD = re.compile(r"^(?:历次|各次)(?:全国)?人口普查$|^普查(?:次数|年份)?$")


def _census_rows(norm: str, lines: list[tuple[int, int]], i: int
                 ) -> tuple[list[Cell], int] | None:
    """The census bulletins' table of the population at each census::

        历次人口普查 | 常住人口数 | 年均增长率
        第七次人口普查 | 648471 | -0.01
        第六次人口普查 | 649357 | 0.61

    also printed one cell per line (blank lines between, as some copies of the web table come
    out). Each row is its census's reference year (:data:`headers.CENSUS_YEARS`); a row may lack
    its last cells (the first census has no growth rate); columns that are no field are not read."""
    first = _cells(norm, *lines[i])
    if not first or not _CENSUS_HEAD.match(norm[slice(*first[0])]):
        return None
    if len(first) > 1:  # one row a line
        names = [norm[slice(*c)] for c in first[1:]]
        rows, j = [], i + 1
        while j < len(lines):
            r = _cells(norm, *lines[j])
            if not r:
                j += 1
                continue
            if not _CENSUS_CELL.match(norm[slice(*r[0])]):
                break
            rows.append(r)
            j += 1
    else:  # one cell a line
        flat, j = [], i + 1
        while j < len(lines) and len(flat) < 200:
            c = _lone_cell(norm, *lines[j])
            if c is None:
                break
            if c[1] > c[0]:
                flat.append(c)
            j += 1
        texts = [norm[slice(*c)] for c in flat]
        k = next((n for n, t in enumerate(texts) if _CENSUS_CELL.match(t)), None)
        if not k:
            return None
        names, rows, n = texts[:k], [], k
        while n < len(flat) and _CENSUS_CELL.match(texts[n]):
            end = n + 1
            while end < len(flat) and end - n <= k and not _CENSUS_CELL.match(texts[end]) \
                    and (_NUMBER_CELL.match(texts[end]) or _EMPTY_CELL.match(texts[end])):
                end += 1
            rows.append(flat[n:end])
            n = end
        if n < len(flat):  # the table ends at the first cell that is no part of it
            j = next(m for m, (a, b) in enumerate(lines) if a <= flat[n][0] <= b)
    fields = [headers.match_header(t) for t in names]
    cells = []
    for r in rows:
        year = headers.CENSUS_YEARS[_CENSUS_CELL.match(norm[slice(*r[0])]).group("n")]  # type: ignore[union-attr]
        for f, name, span in zip(fields, names, r[1:]):
            if f and _NUMBER_CELL.match(norm[slice(*span)]):
                cells.append(Cell(f, year, r[0], span, _unit(name, f)))
    for f in set(fields) - {None}:
        if not _plausible(f, "", [norm[slice(*c.value_span)] for c in cells if c.field == f]):
            return None
    return (cells, j) if cells else None


def _is_year_row(norm: str, words: list[tuple[int, int]]) -> bool:
    return len(words) >= 2 and bool(_YEAR_CELL.match(norm[slice(*words[0])])) and all(
        _NUMBER_CELL.match(norm[a:b]) or _EMPTY_CELL.match(norm[a:b]) for a, b in words[1:])


def _cut_header(names: list[str], n: int) -> list[tuple[int, int]] | None:
    """Cut the words of a wrapped header into ``n`` column names: token ranges ``[a, b)``.

    Fewest names unknown wins; a unit word (``(‰)``) may only end a name, never start one.
    """
    unit = [bool(re.fullmatch(r"[(（][^()（）]*[)）]", w)) for w in names]
    t = len(names)
    inf = (10**6, 0)
    # best[k][j]: (unknown names, -known names) cutting names[:j] into k columns
    best = [[inf] * (t + 1) for _ in range(n + 1)]
    back: list[list[int]] = [[-1] * (t + 1) for _ in range(n + 1)]
    best[0][0] = (0, 0)
    for k in range(1, n + 1):
        for j in range(1, t + 1):
            for a in range(j - 1, max(-1, j - 6), -1):  # a name of at most 5 words
                if best[k - 1][a] == inf or unit[a]:
                    continue
                known = headers.match_header("".join(names[a:j])) is not None
                cost = (best[k - 1][a][0] + (0 if known else 1), best[k - 1][a][1] - known)
                if cost < best[k][j]:
                    best[k][j], back[k][j] = cost, a
    if best[n][t] == inf:
        return None
    cuts, j = [], t
    for k in range(n, 0, -1):
        a = back[k][j]
        cuts.append((a, j))
        j = a
    return cuts[::-1]


def _plausible(field: str, unit: str, values: list[str]) -> bool:
    kind = headers.unit_kind(field)
    if kind == "count":
        return all("." not in v for v in values)
    lo, hi = _RATE_BOUNDS.get(kind, (float("-inf"), float("inf")))
    return all(lo <= float(v.replace(",", "")) <= hi for v in values)


def _wrapped_years_down(norm: str, lines: list[tuple[int, int]], i: int
                        ) -> tuple[list[Cell], int] | None:
    """A years-down table whose header starts at line ``i`` and may wrap over several lines
    (``年 份 年末人口 出生`` / ``人数`` / ``出生率`` / ``(‰)``) before rows of a year and numbers
    separated by single spaces. Returns the cells and the index of the line after the table."""
    words = _words(norm, *lines[i])
    if not words:
        return None
    first = norm[slice(*words[0])]
    skip = 2 if first == "年" and len(words) > 1 and norm[slice(*words[1])] in ("份", "度") else (
        1 if first in _YEAR_HEAD else 0)
    if not skip:
        return None
    head = words[skip:]
    j = i + 1
    while j < len(lines) and j - i <= 25 and not _is_year_row(norm, _words(norm, *lines[j])):
        line = norm[slice(*lines[j])]
        if not line.strip() or re.search(r"\d{3}|[。,;]", line) or len(line.strip()) > 40:
            return None
        head += _words(norm, *lines[j])
        j += 1
    rows = []
    while j < len(lines):
        w = _words(norm, *lines[j])
        if not _is_year_row(norm, w):
            break
        rows.append(w)
        j += 1
    if not rows or not head:
        return None
    n = max(len(r) - 1 for r in rows)
    names = [norm[a:b] for a, b in head]
    cuts = _cut_header(names, n)
    if cuts is None:
        return None
    columns = []
    for a, b in cuts:
        name = "".join(names[a:b])
        field = headers.match_header(name)
        columns.append((field, (head[a][0], head[b - 1][1]), _unit(name, field) if field else ""))
    if sum(1 for f, _, _ in columns if f) < 2:
        return None
    cells = []
    for r in rows:
        year = int(_YEAR_CELL.match(norm[slice(*r[0])]).group("y"))  # type: ignore[union-attr]
        for (field, label_span, unit), span in zip(columns, r[1:]):
            if field and not _EMPTY_CELL.match(norm[slice(*span)]):
                cells.append(Cell(field, year, label_span, span, unit))
    for field, _, unit in columns:
        if field and not _plausible(field, unit, [norm[slice(*c.value_span)] for c in cells
                                                  if c.field == field]):
            return None  # counts under a rate: the header was cut wrongly
    return cells, j


def _lone_cell(norm: str, start: int, end: int) -> tuple[int, int] | None:
    """The one cell of a line that holds a single cell (``2005年 |``, ``|``, ``5957992``): its
    span (empty for a blank cell), or None when the line holds more than one cell or prose."""
    text = norm[start:end]
    stripped = text.rstrip()
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    cells = _cells(norm, start, start + len(stripped))
    if len(cells) > 1 or len(stripped.strip()) > 30 or re.search(r"[。;；]", stripped):
        return None
    return cells[0] if cells else (start, start)


_GLUED_HEAD = re.compile(r"\s*(?:年份|年度)(?P<name>[^\d\s±%]{2,8}?)(?:±%|±|增减%?|增长%?)?\s*$")
_GLUED_ROW = re.compile(r"\s*(?P<y>(?:19|20)\d{2})\s+(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?![\d.,])"
                        r"\s*(?:[—–\-−+]\s*(?:\d+(?:\.\d+)?%)?)?\s*$")


def _glued_years_down(norm: str, lines: list[tuple[int, int]], i: int
                      ) -> tuple[list[Cell], int] | None:
    """A wiki's population history whose cells lost their separators (``年份人口±%`` over
    ``1986 18,449−1.1%``): one field after the year head, then rows of a year, a count and the
    change. At least three rows."""
    head = _GLUED_HEAD.match(norm, *lines[i])
    field = headers.match_header(head.group("name")) if head else None
    if head is None or field is None or headers.unit_kind(field) != "count":
        return None
    found, j = [], i + 1
    while j < len(lines):
        m = _GLUED_ROW.match(norm, *lines[j])
        if not m:
            break
        found.append(Cell(field, int(m.group("y")), head.span("name"), m.span("n"), ""))
        j += 1
    return (found, j) if len(found) >= 3 else None


def _one_cell_per_line(norm: str, lines: list[tuple[int, int]], i: int
                       ) -> tuple[list[Cell], int] | None:
    """A table printed one cell per line, as a web table comes out of some copies::

        2005年 |
        2004年 |
        2005年为上年% |
        总人口(人) |
        5957992 |
        5836016 |
        102.1 |

    Years across: a run of two or more year cells starting at line ``i``, maybe further header
    cells (``2005年为上年%``), then rows of a name and one cell per column (blank cells kept as
    ``|``). The number of columns is the one under which the most rows read as a name followed
    by numbers; the table ends at the first group of lines that does not. Returns the cells and
    the index of the line after the table."""
    first = _lone_cell(norm, *lines[i])
    if first is None or not _YEAR_CELL.match(norm[slice(*first)]):
        return None  # cheap refusal: this runs for every line no other table shape took
    lone = []
    for a, b in lines[i:i + 400]:
        c = _lone_cell(norm, a, b)
        if c is None:
            break
        lone.append(c)
    text = [norm[a:b] for a, b in lone]
    k = 0
    while k < len(text) and _YEAR_CELL.match(text[k]):
        k += 1
    if k < 2:
        return None

    def number_or_blank(t: str) -> bool:
        return not t or bool(_NUMBER_CELL.match(t) or _EMPTY_CELL.match(t))

    def rows(m: int) -> list[int]:
        """Starts of the rows under ``m`` columns (``m - k`` header cells after the years). A row
        may leave out its last cells (出生率(‰) has no 为上年% cell) but not a year's; a name
        with no number after it and a name after it is a section row (一、户籍人口情况), passed
        over."""
        if any(number_or_blank(t) for t in text[k:m]):
            return []
        out, r, sections = [], m, 0
        while r < len(text):
            name = text[r]  # blank: a row whose name was lost, or a row kept as |
            if _NUMBER_CELL.match(name):
                break
            n = 0
            while n < m and r + 1 + n < len(text) and number_or_blank(text[r + 1 + n]):
                n += 1
            if n == 0 and sections < 2 and r + 1 < len(text):
                r, sections = r + 1, sections + 1
                continue
            if n < k or (n < m and any(text[r + 1 + j] == "" for j in range(n))):
                break  # a year's cell missing, or blank cells kept as | but too few of them
            out.append(r)
            r, sections = r + n + 1, 0
        return out

    by_columns = {m: rows(m) for m in range(k, k + 4)}
    best = max(by_columns, key=lambda m: (len(by_columns[m]), -m))
    starts = by_columns[best]
    if not starts:
        return None
    years = [int(_YEAR_CELL.match(t).group("y")) for t in text[:k]]  # type: ignore[union-attr]
    cells = []
    for r in starts:
        name = text[r]
        field = headers.match_header(name) if name else None
        if not field:
            continue
        for y, span in zip(years, lone[r + 1:r + 1 + k]):
            value = norm[slice(*span)]
            if value and not _EMPTY_CELL.match(value):
                cells.append(Cell(field, y, lone[r], span, _unit(name, field)))
    if not cells:
        return None
    last = starts[-1] + 1
    while last < len(text) and last - starts[-1] <= best and number_or_blank(text[last]):
        last += 1
    return cells, i + last


#: The other shapes of table, tried in this order at a line no header above has taken: each
#: returns the cells and the index of the line after the table, or None.
_OTHER_SHAPES = (_census_rows, _places_down, _wrapped_years_down, _glued_years_down, _one_cell_per_line)


def find_tables(norm: str) -> tuple[list[Cell], list[tuple[int, int]]]:
    """The cells of every plain-text table in ``norm`` and the span of each table."""
    lines, pos = [], 0
    for line in norm.split("\n"):
        if not _RULE_LINE.match(line):  # the rules of a drawn table are passed over
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    cells: list[Cell] = []
    blocks: list[tuple[int, int]] = []

    def two_row(top: list[tuple[int, int]], j: int
                ) -> tuple[list[str], list[tuple[int, int]], list[str | None]] | None:
        return _two_row_header(norm, top, _cells(norm, *lines[j])) if j < len(lines) else None

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
        # 历史人口年份 | 人口: a title run into the year head
        year_head = bool(texts) and (texts[0] in _YEAR_HEAD or texts[0].endswith(("年份", "年度")))
        # 项目 | 出生 | 死亡 over 2013年 | 210 | 120: a head of row names that are years (two
        # schema columns at least, as under no head)
        row_head = False
        if texts and texts[0] in _ROW_HEAD and j < len(lines):
            below = _cells(norm, *lines[j])
            row_head = bool(below) and bool(_YEAR_CELL.match(norm[slice(*below[0])]))
        named = _named_columns(norm, lines, i)
        if named:  # 指标 | 单位 | 绝对数, or 指标名称 | 单位 | 2021年 | 2022年
            found, j = named
        elif len(row) >= 3 and sum(1 for y in years[1:] if y) == len(row) - 1:
            # years across: the first cell names the column of names (指标, 项目) or is blank
            cols = [int(y.group("y")) for y in years[1:] if y]
            while j < len(lines):
                r = _cells(norm, *lines[j])
                if len(r) == 1:  # 出生人口(人) 68088 63404: single spaces
                    r = _label_then_numbers(norm, *lines[j])
                name = norm[r[0][0]:r[0][1]] if r else ""
                field = _field_of(name) if r else None
                nums = r[1:]
                if not nums or len(nums) > len(cols) \
                        or not all(_NUMBER_CELL.match(norm[a:b]) for a, b in nums):
                    break
                if field:  # a row of something else (自然增长人口, 净迁移率) is passed over
                    found += [Cell(field, y, r[0], span, _unit(name, field)) for y, span in zip(cols, nums)]
                j += 1
        elif len(row) >= 3 and (year_head or row_head or two_row(row, j)):
            # years down: one column per field
            two = two_row(row, j) if not (year_head or row_head) else None
            if two:  # 孩次 │ 一孩 │ 二孩 over 年度 │ 数量 │ % │ 数量 │ %
                texts, row, fields = two
                j += 1
            else:
                fields = [headers.match_header(t) for t in texts[1:]]
            # one field is enough under a 年份 head (年份 | 人口 | ±%: a wiki's population
            # history); the other columns' cells are then whatever they hold
            if sum(1 for f in fields if f) >= (1 if year_head else 2):
                while j < len(lines):
                    r = _cells(norm, *lines[j])
                    y = _YEAR_CELL.match(norm[r[0][0]:r[0][1]]) if r else None
                    nums = r[1:]
                    spans = [_number_span(norm, span, f) if f else span for span, f in zip(nums, fields)]
                    if not y or not nums or len(nums) > len(fields) or None in spans:
                        break
                    found += [Cell(f, int(y.group("y")), row[k + 1], span, _unit(texts[k + 1], f))
                              for k, (f, span) in enumerate(zip(fields, spans)) if f]
                    j += 1
        for reader in _OTHER_SHAPES:
            if found:
                break
            got = reader(norm, lines, i)
            if got:
                found, j = got
        if found:
            cells += found
            blocks.append((lines[i][0], lines[j - 1][1]))
            i = j
        else:
            i += 1
    return cells, blocks
