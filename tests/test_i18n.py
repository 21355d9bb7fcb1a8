"""The translation table is complete in both languages and its templates fill."""

from __future__ import annotations

import string

import pytest

from analysis import schema
from analysis.i18n import LANGUAGES, TABLE, t


def test_every_key_in_both_languages_with_same_fields() -> None:
    for key, entry in TABLE.items():
        assert set(entry) == set(LANGUAGES), key
        fields = [{f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f} for lang in LANGUAGES]
        assert fields[0] == fields[1], key
        has_cjk = any("\u4e00" <= c <= "\u9fff" for c in entry["zh"])
        assert entry["zh"] != entry["en"] or not has_cjk, key


def test_fill_and_unknown() -> None:
    assert t("appendix.title", "zh", township="白石镇") == "白石镇人口与计划生育统计附录"
    assert "Baishi" in t("appendix.title", "en", township="Baishi")
    with pytest.raises(KeyError):
        t("no.such.key", "zh")
    with pytest.raises(KeyError):
        t("appendix.title", "fr", township="x")


def test_every_column_has_both_labels() -> None:
    for col in schema.COLUMNS:
        assert col.label_zh and col.label_en and col.label_zh != col.label_en


def test_no_key_is_defined_twice() -> None:
    """A dict literal silently keeps the last of two equal keys: catch it in the source."""
    import ast
    from pathlib import Path

    import analysis.i18n as mod

    tree = ast.parse(Path(mod.__file__).read_text(encoding="utf-8"))
    table = next(n.value for n in ast.walk(tree) if isinstance(n, ast.AnnAssign)
                 and getattr(n.target, "id", "") == "TABLE")
    keys = [k.value for k in table.keys]
    assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})
