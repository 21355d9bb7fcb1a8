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


#: Digits as Taiwan's papers print a number digit by digit (一二一一人, 六六○人, 九０六九人).
_POSITIONAL_DIGITS = {**_CN_DIGITS, "○": 0, "0": 0}
#: 廿 and 卅: twenty and thirty (廿六萬 = 二十六萬).
_TENS = str.maketrans({"廿": "二十", "卅": "三十"})


def _positional(section: str) -> int | None:
    """``section`` written digit by digit (一二一一 -> 1211), or None."""
    if len(section) < 2 or any(c not in _POSITIONAL_DIGITS or c == "两" for c in section):
        return None
    return int("".join(str(_POSITIONAL_DIGITS[c]) for c in section))


def cn_number(text: str) -> Decimal | None:
    """The value of a number written in Chinese characters, or None if it is not one.

    一百九十九 -> 199, 三万二千零五 -> 32005, 十二 -> 12, 两千 -> 2000, 七点四一 -> 7.41, 廿六 -> 26.
    (Only the 万 and 亿 sections of everyday figures; 一亿零五万 style mixes are rare in reports.)
    Digits must alternate with units, except as Taiwan's papers print a number digit by digit:
    three digits at least (一二一一 -> 1211, 六六○ -> 660), or any run after a 万 (廿六萬三五八四 ->
    263584, 六十七萬一三二 -> 670132). 一二 is not a number here: it is a list.
    """
    whole, _, frac = text.translate(_TENS).partition("点")
    if frac and any(c not in _CN_DIGITS for c in frac):
        return None
    parts = re.split(r"([万亿])", whole)
    if any(_positional(p) is not None and (len(p) >= 3 or i) for i, p in enumerate(parts[::2])):
        value = 0
        for i in range(0, len(parts), 2):
            p = parts[i]
            v = _positional(p) if len(p) >= 3 or i else None
            d = Decimal(v) if v is not None else Decimal(0) if not p else _units(p.lstrip("零〇"))
            if d is None:
                return None
            value = (value + int(d)) * (_CN_BIG[parts[i + 1]] if i + 1 < len(parts) else 1)
        return Decimal(value) if not frac else None
    return _with_fraction(_units(whole), frac)


def _with_fraction(whole: Decimal | None, frac: str) -> Decimal | None:
    if whole is None or not frac:
        return whole
    return whole + Decimal("0." + "".join(str(_CN_DIGITS[c]) for c in frac))


def _units(whole: str) -> Decimal | None:
    """A whole number written with units between its digits (三万二千零五), or None."""
    if not whole:
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
    return Decimal(total + section + (digit or 0))


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
