"""Numbers as printed in Chinese reports: Chinese numerals and Arabic digits with separators.

One place for turning printed digits into exact values (:class:`decimal.Decimal`, so 7.41 stays
7.41) and back into the int or float a record holds.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

#: Chinese digits, the units inside a 万 section, and the big units between sections.
_CN_DIGITS = dict(zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9)))
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}


def cn_number(text: str) -> Decimal | None:
    """The value of a number written in Chinese characters, or None if it is not one.

    一百九十九 -> 199, 三万二千零五 -> 32005, 十二 -> 12, 两千 -> 2000, 七点四一 -> 7.41.
    (Only the 万 and 亿 sections of everyday figures; 一亿零五万 style mixes are rare in reports.)
    Digits must alternate with units (一二三 is not a number here: it is a list or a year).
    """
    whole, _, frac = text.partition("点")
    if frac and any(c not in _CN_DIGITS for c in frac):
        return None
    total = section = 0
    digit: int | None = None
    for c in whole:
        if c in "零〇" and (total or section):
            continue  # 一千零五: a place holder
        if c in _CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row
            digit = _CN_DIGITS[c]
        elif c in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[c]
            digit = None
        elif c in _CN_BIG:
            total = (total + section + (digit or 0)) * _CN_BIG[c]
            section, digit = 0, None
        else:
            return None
    value = Decimal(total + section + (digit or 0))
    if frac:
        value += Decimal("0." + "".join(str(_CN_DIGITS[c]) for c in frac))
    return value


def to_decimal(text: str) -> Decimal | None:
    """The exact value of a printed number: Arabic digits (commas and thin spaces between
    thousands allowed) or Chinese numerals; None when it is neither."""
    if text and not text[0].isdigit():
        return cn_number(text)
    try:
        return Decimal(re.sub(r"[,\s\u00a0\u2009]", "", text))
    except InvalidOperation:
        return None


def as_number(d: Decimal) -> int | float:
    """An int when whole, else a float with the printed digits."""
    return int(d) if d == d.to_integral_value() else float(d)
