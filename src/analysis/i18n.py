"""The one translation table: every user-facing string, in Chinese (default) and English.

Column labels and units live with the columns in :mod:`analysis.schema`; everything else a
reader sees (headings, captions, notes, status words, CLI summaries) lives here. Keys are
dotted English identifiers; values are ``str.format`` templates.
"""

from __future__ import annotations

from typing import Literal

Language = Literal["zh", "en"]
LANGUAGES: tuple[str, ...] = ("zh", "en")
DEFAULT_LANGUAGE: Language = "zh"

TABLE: dict[str, dict[str, str]] = {
    # appendix
    "appendix.title": {
        "zh": "{township}人口与计划生育统计附录",
        "en": "{township}: population and family-planning statistical appendix",
    },
    "appendix.subtitle": {
        "zh": "{county} · {first}–{last}年 · 数据集:{dataset}",
        "en": "{county} · {first}–{last} · dataset: {dataset}",
    },
    "section.overview": {"zh": "基本情况", "en": "Overview"},
    "section.population": {"zh": "人口变动趋势", "en": "Population trends"},
    "section.births": {"zh": "出生人口趋势", "en": "Births"},
    "section.data": {"zh": "数据表", "en": "Data table"},
    "section.provenance": {"zh": "数据来源与版本", "en": "Data source and versions"},
    "overview.text": {
        "zh": "{last}年末,{township}总人口{population}人;全年出生{births}人,死亡{deaths}人。",
        "en": "At the end of {last}, {township} had {population} inhabitants; "
        "{births} births and {deaths} deaths were registered during the year.",
    },
    "overview.unknown": {"zh": "未知", "en": "unknown"},
    "chart.population.title": {"zh": "年末总人口", "en": "Year-end total population"},
    "chart.births.title": {"zh": "出生与死亡人数", "en": "Births and deaths"},
    "chart.axis.year": {"zh": "年份", "en": "Year"},
    "chart.axis.persons": {"zh": "人数(人)", "en": "Persons"},
    "chart.series.births": {"zh": "出生", "en": "Births"},
    "chart.series.deaths": {"zh": "死亡", "en": "Deaths"},
    "note.blank": {
        "zh": "空白表示数据缺失(未知),不等于零。",
        "en": "A blank cell means the figure is unknown, not zero.",
    },
    "note.small_numbers": {
        "zh": "乡镇人口规模小,年度出生、死亡人数受随机波动影响较大,单一年份的变化不宜过度解读。",
        "en": "Township counts are small, so yearly births and deaths fluctuate by chance; "
        "do not over-interpret a change in a single year.",
    },
    "provenance.data": {"zh": "数据文件", "en": "Data file"},
    "provenance.sha": {"zh": "数据摘要(SHA-256)", "en": "Data digest (SHA-256)"},
    "provenance.params": {"zh": "参数", "en": "Parameters"},
    "provenance.code": {"zh": "程序版本", "en": "Code version"},
    # index page
    "index.title": {"zh": "{dataset}:乡镇统计附录索引", "en": "{dataset}: township appendices"},
    "index.intro": {
        "zh": "共{n}个乡镇,成功{ok}个,失败{failed}个。",
        "en": "{n} townships: {ok} succeeded, {failed} failed.",
    },
    "index.col.township": {"zh": "乡镇", "en": "Township"},
    "index.col.code": {"zh": "代码", "en": "Code"},
    "index.col.county": {"zh": "县(区)", "en": "County"},
    "index.col.status": {"zh": "状态", "en": "Status"},
    "index.col.year": {"zh": "最近年份", "en": "Latest year"},
    "index.col.population": {"zh": "年末总人口", "en": "Population"},
    "index.col.births": {"zh": "出生", "en": "Births"},
    "index.col.deaths": {"zh": "死亡", "en": "Deaths"},
    "index.col.links": {"zh": "附录", "en": "Appendix"},
    "index.col.error": {"zh": "错误", "en": "Error"},
    "index.link.notebook": {"zh": "笔记本", "en": "notebook"},
    "index.link.log": {"zh": "日志", "en": "log"},
    "status.ok": {"zh": "成功", "en": "ok"},
    "status.failed": {"zh": "失败", "en": "failed"},
    "status.skipped": {"zh": "跳过", "en": "skipped"},
}


def t(key: str, language: str = DEFAULT_LANGUAGE, /, **values: object) -> str:
    """Translate ``key`` into ``language`` and fill in ``values``.

    Raises ``KeyError`` for an unknown key or language: a missing translation is a bug that
    tests should catch, not something to paper over at run time.
    """
    if language not in LANGUAGES:
        raise KeyError(f"unknown language {language!r}; expected one of {LANGUAGES}")
    template = TABLE[key][language]
    return template.format(**values) if values else template
