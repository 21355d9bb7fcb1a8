"""Sentence spans of a report text: where a sentence ends, and where a line break only wraps.

The extractor reads figures sentence by sentence; the rules for where one ends live here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import text_tables

#: Where a sentence ends: 。!? or a line break, or a full stop typed as "." after a word or figure.
SENTENCE_END = re.compile(r"[。!?！？\n]+|(?<!\d)\.(?=\s|[\u4e00-\u9fff])|(?<=[人‰%])\.(?=\s|[\u4e00-\u9fff])"
                          r"|(?<=[\u4e00-\u9fff])\.(?=\d)")  # (…西南部.2001年全区总人口…: an ASCII full stop)

#: A line that ends a paragraph, not wrapped: short, or ending a sentence or a heading.
_HARD_END = "。!?:;！？：；”\"》)"

#: A line that starts something new: a list marker, a heading, a note.
_NEW_START = re.compile(r"\s|[一二三四五六七八九十]+、|\d+(?:[、．]|\.(?!\d))|[(（][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十\d]+"
                        r"|注|说明|资料来源|表\s*\d|[•·●■◆]")


def soft_wrap(norm: str, pos: int, tables: Sequence[tuple[int, int]]) -> bool:
    """Whether the line break at ``pos`` only wraps a long line (text copied from a PDF:
    全市人口出生率⏎11.93‰): the line before is long or ends with a comma, and does not end a
    sentence; the line after does not start anything new; neither is part of a table."""
    start = norm.rfind("\n", 0, pos) + 1
    before, after = norm[start:pos], norm[pos + 1:pos + 8]
    if not before.strip() or not after or _NEW_START.match(after) or before.rstrip()[-1] in _HARD_END:
        return False
    if any(a <= pos + 1 < b or a <= start < b for a, b in tables):
        return False
    return len(before.strip()) >= 24 or before.rstrip()[-1] in ",、"


def joined_wraps(norm: str, tables: Sequence[tuple[int, int]]) -> list[int]:
    """Where a soft wrap (:func:`soft_wrap`) cuts a word or a number in two (人⏎口出生率,
    12⏎345人, as text copied from a PDF or an OCR'd book prints them): the offsets of the line
    break and of the spaces before it, which the reader drops so that the word is whole again."""
    out: list[int] = []
    for m in re.finditer(r"[ \t\r]*\n", norm):
        a, b = m.start(), m.end()
        left, right = norm[a - 1:a], norm[b:b + 1]
        cjk = [_CJK.match(c) is not None for c in (left, right)]
        line = norm[norm.rfind("\n", 0, a) + 1:a]
        if _YEAR_AT_END.search(line):
            continue  # a chronicle's year heading left at a line's end (…。1978 年⏎1月9日…)
        if left and right and any(cjk) and all(cjk[i] or (left, right)[i].isdigit() for i in (0, 1)) \
                and soft_wrap(norm, b - 1, tables):
            out.extend(range(a, b))
    return out


def split_words(norm: str, tables: Sequence[tuple[int, int]], words: re.Pattern[str]) -> list[int]:
    """Where a single space cuts one of ``words`` in two in running text (同第五次全国人口普 查,
    常住人 口, as text copied from a PDF prints them): the offsets of those spaces, outside tables,
    which the reader drops. Only a space inside a word is dropped: one between a heading and its
    paragraph (人口性别比情况 全市出生人口…) still parts them."""
    out = []
    for m in _CJK_SPACE.finditer(norm):
        i = m.start()
        if any(a <= i < b for a, b in tables):
            continue
        left, right = norm[max(0, i - 8):i], norm[i + 1:i + 9]
        if any(w.start() < len(left) < w.end() for w in words.finditer(left + right)):
            out.append(i)
    return out


_CJK = re.compile(r"[\u3400-\u9fff]")
_CJK_SPACE = re.compile(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])")
_YEAR_AT_END = re.compile(r"(?:^|。)[ \t]*(?:19|20)\d{2}[ \t]*年[ \t]*$")


def sentences(norm: str, tables: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Sentence spans (terminator included, outer whitespace excluded). A line break that only
    wraps a long line does not end a sentence."""
    spans, start = [], 0
    for m in SENTENCE_END.finditer(norm):
        if m.group() == "\n" and soft_wrap(norm, m.start(), tables):
            continue
        spans.append((start, m.end() if m.group().strip() else m.start()))
        start = m.end()
    spans.append((start, len(norm)))
    return text_tables.trim_spans(norm, spans)


def title_spans(norm: str) -> list[tuple[int, int]]:
    """Spans inside 《》: years there name documents, not periods."""
    return [(m.start(), m.end()) for m in re.finditer(r"《[^《》]{0,80}》", norm)]
