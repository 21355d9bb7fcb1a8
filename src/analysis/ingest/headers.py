"""The one table of the names a figure goes by, shared by the Excel importer and the text extractor.

Statisticians do not write ``births_parity1``: they write 一孩, 1孩, 一孩出生 or 第一孩, in an
Excel header or in the running text of a work report, sometimes in Traditional script. This
module maps every such name to a schema field (:mod:`analysis.schema`), in one place:

- :data:`LABELS`: per field, the names it goes by. The Excel importer accepts all of them as
  column headers (:func:`match_header`); the extractor looks for the ``in_text`` ones in running
  text (:func:`text_labels`).
- Names that need a context in running text (一孩 is a first *birth* only when the sentence is
  about births; in 已婚育龄妇女中一孩2100人 it counts women) carry ``needs``.
- :data:`NOT_FIGURES`: names that look like ours but are something else (二孩及以上, 人口性别比,
  婴儿死亡率, 出生缺陷 ...). The extractor matches them first so that 出生 inside 出生缺陷 is never
  read as births.
- :data:`SERIES_WORDS`: the population a figure is about (户籍 / 常住 / 流动 ...): figures of
  different series are never mixed.
- :data:`TRAD_TO_SIMP`: the hand-made Traditional -> Simplified map for the characters that
  matter here (labels, digits, units, markers). :func:`normalize_text` applies it together with
  full-width -> ASCII, one character for one character, so offsets into the normalised text are
  offsets into the original. Every other Traditional character goes through OpenCC's
  character table (``t2s``), also one for one: the words around a figure (毗連, 隸屬, 調查) count
  as much as its name.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass

import opencc

from .. import schema

# Traditional -> Simplified, one character each ---------------------------------------------------

#: Traditional characters that occur in the labels, units and markers the extractor reads, with
#: their Simplified forms. Characters identical in both scripts (人 口 出 生 孩 率 比 籍 亡 婚 ...)
#: need no entry. Kept small on purpose: only what changes a match (it goes first; OpenCC's
#: table, :func:`_t2s`, does the rest). Place names in the records stay as printed.
TRAD_TO_SIMP: dict[str, str] = dict(zip(
    "萬億歲總齡婦嬰兒數遷計劃鄉鎮縣區產戶動來長減較約餘內為達現實際統報別綜節檢參務專衛協會辦處"
    "醫療護質優體術診獎勵補貼資費蓋標準據導開關題業農經濟黨組織級責幹轄僅點兩號舉屆發變傳條維"
    "穩權義邊還這們將應該與於無須認識讓說進運過選適週線網絡聯結紀給繼續納終績緊編練當時間後從並"
    "對個項預規範層憑註冊記錄證續隨訪問門貧殘獨養顧孕為齊歸淨員種類產愛貫徹學習溫馨領導區劃彙總"
    "單雙複雜範圍擁擔據離婦於陸陳蘇區鄰裡鄭頭環轉誕國廣東寧龍島態勢佔滬遼",
    "万亿岁总龄妇婴儿数迁计划乡镇县区产户动来长减较约余内为达现实际统报别综节检参务专卫协会办处"
    "医疗护质优体术诊奖励补贴资费盖标准据导开关题业农经济党组织级责干辖仅点两号举届发变传条维"
    "稳权义边还这们将应该与于无须认识让说进运过选适周线网络联结纪给继续纳终绩紧编练当时间后从并"
    "对个项预规范层凭注册记录证续随访问门贫残独养顾孕为齐归净员种类产爱贯彻学习温馨领导区划汇总"
    "单双复杂范围拥担据离妇于陆陈苏区邻里郑头环转诞国广东宁龙岛态势占沪辽",
))

#: One character -> one character: full-width forms, ideographic space, ratio colons and dashes.
_WIDTH: dict[str, str] = {
    "\u3000": " ", "\u00a0": " ", "∶": ":", "︰": ":", "—": "-", "–": "-", "―": "-", "−": "-",
    "〜": "~", "，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "％": "%", "‰": "‰",
    "〔": "[", "〕": "]", "【": "[", "】": "]", "﹝": "[", "﹞": "]",
}

_TABLE = str.maketrans({**TRAD_TO_SIMP, **_WIDTH})


#: Romanised readings some web sites insert after characters (鎮(zhèn), 達(dá), 率(lv), with v
#: for ü as typed), sometimes the same one two or three times (口(kou)(kou)(kou)): noise.
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])(?:[(（](?=[^)）]*[aeiouvüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])"
                     r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}[)）])+")


#: A bulletin's footnote mark after a word or a number (常住人口[3]为, 人户分离[6]人口, 性别比【22】),
#: or its bare digit where a PDF lost the brackets (常住人口 3为 5611701 人).
_FOOTNOTE = re.compile(r"(?<=[\u4e00-\u9fff\d])(?:\[\d{1,2}\]|【\d{1,2}】)|(?<=[\u4e00-\u9fff]) \d(?=为\s*\d)")


#: A relative year with its calendar year in parentheses (去(2022)年, 明(2026)年; in Taiwan its
#: year of the Republic, 今(113)年): the year is read without the word and the parentheses around it.
_GLOSSED_YEAR = re.compile(r"(?P<a>[去今明前]\s*\(\s*)(?:(?:19|20)\d{2}|1[01]\d)(?P<b>\s*\))\s*年")


def annotation_spans(text: str) -> list[tuple[int, int]]:
    """Spans of romanised readings inserted after characters (``增長(zhǎng)率``), of footnote
    marks (``常住人口[3]为``) and of the word glossing a year (``去(2022)年``): they split the words
    a reader sees as one, so the extractor reads the text without them."""
    return sorted([(m.start(), m.end()) for m in _PINYIN.finditer(text)]
                  + [(m.start(), m.end()) for m in _FOOTNOTE.finditer(text)]
                  + [m.span(g) for m in _GLOSSED_YEAR.finditer(text) for g in ("a", "b")])


#: ‰ as OCR and typewriters print it (18.45%o, 5.91%0), and as a lost glyph leaves it: % and
#: a full stop that ends no sentence (出生率5.51%。,自然增长率1.63%。, / 12.5%。和6.3%。).
_OCR_PERMILLE = re.compile(r"(?<=\d)\s?%(?:oo|[oO0c](?![A-Za-z0-9])|。(?=\s*[,,;;和、]))")


#: Characters the hand-made map produces: already Simplified.
_SIMPLIFIED = frozenset(TRAD_TO_SIMP.values())


@functools.cache
def _t2s(c: str) -> str:
    """One character in Simplified script by OpenCC's Traditional -> Simplified table (itself
    when OpenCC would make it more or less than one character)."""
    out = _opencc().convert(c)
    return out if len(out) == 1 else c


@functools.lru_cache(maxsize=1)
def _opencc() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def normalize_text(text: str) -> str:
    """Simplified script and ASCII digits/punctuation, **one character for one character**.

    Full-width forms (０-９, ％, （）, ，) become ASCII, Traditional characters become Simplified
    (:data:`TRAD_TO_SIMP`, then OpenCC's character table), ratio colons and dashes become ``:`` and ``-``, a
    per-mille sign printed ``%o``, ``%0``, ``%c`` or ``%oo`` (as OCR reads ‰) becomes ``‰``.
    The result has the same length as ``text``, so a span found in it is a span of ``text``.
    """
    out = text.translate(_TABLE)
    chars = []
    for c in out:
        if "\uff01" <= c <= "\uff5e":  # full-width ASCII block
            n = unicodedata.normalize("NFKC", c)
            chars.append(n if len(n) == 1 else c)
        elif "\u3400" <= c <= "\u9fff" and c not in _SIMPLIFIED:
            chars.append(_t2s(c))
        else:
            chars.append(c)
    # 18.45%o, 5.91%0, 5.51%。,: per mille misprinted (_OCR_PERMILLE; a space and one sign, so
    # that the length stays the same)
    return _OCR_PERMILLE.sub(lambda m: " " * (len(m.group()) - 1) + "‰", "".join(chars))


# The names a figure goes by ----------------------------------------------------------------------

@dataclass(frozen=True)
class Label:
    """One name of a field.

    ``header``: accepted as an Excel column header. ``in_text``: looked for in running text.
    ``needs``: in running text, the topic the sentence must be about for the name to mean this
    field (``births`` for 一孩 / 男孩, ``women`` for 已婚); ``None``: unambiguous. ``series``: the
    population the name itself is about (流动人口 is the size of the migrant series).
    """

    text: str
    field: str
    header: bool = True
    in_text: bool = True
    needs: str | None = None
    series: str | None = None


def _labels(field: str, *names: str, header: bool = True, in_text: bool = True,
            needs: str | None = None, series: str | None = None) -> list[Label]:
    return [Label(n, field, header, in_text, needs, series) for n in names]


_AGES = ("15-49岁", "15-49周岁", "15至49岁", "15至49周岁", "15~49岁", "15~49周岁", "15到49岁")

#: The reference year of each national population census (第七次全国人口普查 -> 2020, by its
#: ordinal), as the bulletins count them (NBS: 1953, 1964, 1982, 1990, 2000, 2010, 2020).
CENSUS_YEARS = {"一": 1953, "二": 1964, "三": 1982, "四": 1990, "五": 2000, "六": 2010, "七": 2020}


def census_name(group: str) -> str:
    """The pattern of a census's name (第七次全国人口普查, 第三次人口普查), its ordinal in the named
    group ``group``: one pattern for every reader of census names, its ordinals those of
    :data:`CENSUS_YEARS`."""
    return r"第(?P<" + group + r">[" + "".join(CENSUS_YEARS) + r"])次(?:全国)?人口普查"

#: Every name of every field (schema labels and names are added by :func:`_all_labels`).
LABELS: tuple[Label, ...] = tuple(
    # keys: headers only
    _labels("township", "乡镇", "乡镇名称", "乡镇(街道)", "乡镇街道", "乡(镇)", "镇(乡)",
            "乡镇名", "单位", "单位名称", "地区", "township", "town", "township name", in_text=False)
    + _labels("township_code", "乡镇代码", "代码", "乡镇编码", "编码", "编号", "乡镇编号", "code",
              in_text=False)
    + _labels("county", "县(区)", "县区", "区县", "县(市、区)", "县(市区)", "所属县区", "所属县",
              "county", "district", in_text=False)
    + _labels("year", "年份", "年度", "统计年度", "年", "year", in_text=False)
    # populations
    + _labels("total_population", "总人口", "年末总人口", "总人口数", "人口总数", "户籍人口",
              "户籍总人口", "总户籍人口", "户籍人口数", "户籍人口总数", "年末户籍人口",
              "年末户籍总人口", "年末人口", "年末人口数", "人口", "总人数", "设籍人口", "本地人口")
    + _labels("total_population", "流动人口", "流动人口数", "流动人口总数", "暂住人口", header=False,
              series="migrant")
    + _labels("permanent_population", "常住人口", "常住总人口", "常住人口数", "年末常住人口",
              "常住人口总数", "常住居民", "常驻人口")
    + _labels("women_15_49", "育龄妇女", "育龄妇女数", "育龄妇女人数", "育龄妇女总数", "育妇",
              "育龄妇女(15-49岁)", "生育年龄妇女", "育龄期妇女", "育龄妇女人口",
              *(a + w for a in _AGES for w in ("育龄妇女", "妇女")))
    + _labels("married_women_15_49", "已婚育龄妇女", "已婚育龄妇女数", "已婚育龄妇女人数",
              "已婚育龄妇女总数", "已婚育妇", "已婚妇女", "已婚育龄妇女(15-49岁)", "已婚育龄妇女人口",
              *(a + w for a in _AGES for w in ("已婚育龄妇女", "已婚妇女")), *("已婚" + a + "妇女" for a in _AGES))
    + _labels("married_women_15_49", "已婚", header=False, needs="women")
    # births
    + _labels("births", "出生人口", "出生人数", "出生数", "出生人口数", "出生婴儿", "出生婴儿数",
              "出生", "新生儿", "新生儿数", "新生婴儿", "新生婴儿数", "活产数", "活产", "活产人数", "出生总数", "诞生",
              "诞生人数", "生小孩", "出生新生儿", "新生儿出生", "新出生婴儿", "新出生人口", "新出生",
              "出生落户人口", "出生落户", "生育婴儿", "出生儿童", "新出生儿童")
    + _labels("births_parity1", "一孩出生", "1孩出生", "出生一孩", "一孩出生数", "一孩出生人数",
              "一孩出生人口", "1孩出生数", "第一孩出生", "一孩诞生", "一孩", "1孩", "第一孩",
              "一胎", "第一胎", "头胎", "一孩生育")
    + _labels("births_parity2", "二孩出生", "2孩出生", "出生二孩", "二孩出生数", "二孩出生人数",
              "二孩出生人口", "2孩出生数", "第二孩出生", "二孩诞生", "二孩", "2孩", "第二孩",
              "二胎", "第二胎", "二孩生育")
    + _labels("births_parity3plus", "多孩出生", "出生多孩", "多孩出生数", "多孩出生人数",
              "多孩出生人口", "三孩及以上出生", "3孩及以上出生", "三孩以上出生", "三孩及以上",
              "3孩及以上", "三孩以上", "三孩及三孩以上", "三孩及以上孩次", "多孩", "三孩(含)以上",
              "多胎", "三胎及以上", "多孩生育")
    + _labels("births_male", "男婴", "出生男婴", "男婴数", "男婴出生", "出生男孩", "男孩出生",
              "男婴儿")
    + _labels("births_female", "女婴", "出生女婴", "女婴数", "女婴出生", "出生女孩", "女孩出生",
              "女婴儿")
    + _labels("deaths", "死亡人口", "死亡人数", "死亡", "死亡数", "死亡人口数", "死亡人员")
    # in running text 全年 is context and 死亡 the name (全年死亡人口243人)
    + _labels("deaths", "全年死亡", in_text=False)
    + _labels("in_migrants", "流入人口", "流入", "流入人数", "外来人口")
    + _labels("out_migrants", "流出人口", "流出", "流出人数", "外出人口")
    # reported figures
    + _labels("birth_rate_permille", "出生率", "人口出生率", "出生率(‰)", "粗出生率", "出生率‰",
              "诞生率", "出生水平")
    + _labels("death_rate_permille", "死亡率", "人口死亡率", "死亡率(‰)", "粗死亡率", "死亡率‰")
    + _labels("natural_growth_permille", "自然增长率", "人口自然增长率", "自然增长率(‰)",
              "自然增长率‰", "自增率", "人口自增率")
    + _labels("policy_compliance_pct", "政策符合率", "符合政策生育率", "符合法定生育率",
              "法定生育率", "政策生育率", "计划生育率",
              "计划生育符合率", "计生符合率", "生育政策符合率", "出生政策符合率", "政策内生育率", "计划内生育率",
              "出生人口政策符合率", "政策符合率(%)", "符合率", "合法生育率", "计生率", "人口计生率", "计内生育率")
    + _labels("sex_ratio_at_birth", "出生人口性别比", "出生性别比", "出生婴儿性别比",
              "新生儿性别比", "出生人口男女性别比", "出生婴儿男女性别比", "出生人口性别比(女=100)",
              "出生性别比(女=100)", "出生人口性别比值", "出生性别比值", "男女婴出生性别比",
              "男女婴出生性别比值", "出生婴儿性别比值", "出生婴儿男女比例", "出生人口男女比例",
              "出生男女比例", "出生婴儿男女比", "出生人口男女比", "男女婴比例", "出生性别比例",
              "出生人口性别比例",
              *(n + b for n in ("出生人口性别比", "出生性别比")
                for b in ("(以女性为100)", "(以女孩为100)", "(以女婴为100)", "(女性=100)", "(女孩=100)")))
    + _labels("sex_ratio_at_birth", "性别比", "总性别比", "男女比例", "男女性别比", header=False,
              needs="births")
    + _labels("contraceptive_rate_pct", "综合避孕率", "综合避孕节育率", "综合节育率",
              "避孕节育率", "避孕率", "综合避孕率(%)", "避孕现用率", "避孕方法现用率", "节育率")
)

#: Indicators that sound like a schema field but measure something else: never read as one, in
#: a table header or in running text. The contraceptive *prevalence* rate (综合避孕率) is the share
#: of married women 15-49 using contraception (UN, *World Contraceptive Use*); a 落实率 is the
#: share of the women a programme *targeted* who were reached, a different denominator.
OTHER_INDICATORS: dict[str, str] = {
    **{n: "measures" for n in ("综合避孕节育措施落实率", "避孕节育措施落实率", "避孕措施落实率",
                               "节育措施落实率", "综合避孕措施落实率", "避孕节育措施落实到位率",
                               "综合避孕节育措施落实到位率", "节育措施及时率", "避孕节育措施及时率")},
    **{n: "hospital" for n in ("住院分娩率", "住院分娩", "住院分娩人数")},
    **{n: "moves" for n in ("迁入人口", "迁入", "迁入人数", "户籍迁入", "迁入户籍", "迁出人口", "迁出",
                            "迁出人数", "户籍迁出", "迁出户籍", "户籍人口迁入", "户籍人口迁出")},
}

#: Names that need a context in running text (in a table header they are unambiguous).
_CONTEXTUAL: dict[str, str] = {
    **{n: "births" for n in ("一孩", "1孩", "第一孩", "二孩", "2孩", "第二孩", "多孩", "三孩及以上",
                             "3孩及以上", "三孩以上", "三孩及三孩以上", "三孩(含)以上", "一胎",
                             "第一胎", "头胎", "二胎", "第二胎", "多胎", "三胎及以上")},
}

#: Names for births by sex used only in running text, after a births figure (其中男孩134人).
_SEX_IN_BIRTHS: tuple[Label, ...] = tuple(
    _labels("births_male", "男孩", "男", "男性", header=False, needs="births")
    + _labels("births_female", "女孩", "女", "女性", header=False, needs="births")
    + _labels("births_parity3plus", "三孩", "3孩", "第三孩", header=False, needs="births3")
    # 一孩78人、二孩92人、三孩25人,合计195人: the total of a breakdown of births
    + _labels("births", "合计", "共计", "总计", header=False, needs="births")
)

#: Names that look like ours but mean something else: read first so that no shorter name inside
#: them is taken for a figure. Value: the topic the sentence is about afterwards ("" = none).
NOT_FIGURES: dict[str, str] = {
    # births of some parities only, or their rates/ratios
    "二孩及以上": "births", "二孩以上": "births", "一孩诞生率": "births", "二孩诞生率": "births", "二多孩": "births", "二孩及二孩以上": "births",
    "一孩率": "births", "二孩率": "births", "多孩率": "births", "二孩性别比": "births",
    "一孩性别比": "births", "多孩性别比": "births", "二多孩性别比": "births",
    "二孩政策符合率": "births", "二多孩政策符合率": "births", "多孩政策符合率": "births",
    "出生缺陷": "births", "出生登记": "births", "出生医学证明": "births", "出生证": "births",
    "出生实名": "births", "出生信息": "births", "出生人口素质": "births", "出生监测": "births",
    "出生漏报": "births", "出生统计": "births", "计划外出生": "births", "政策外出生": "births",
    "政策外生育": "births", "出生时": "births", "出生后": "births",
    "四孩": "births", "四孩及以上": "births", "三孩政策": "", "二孩政策": "", "全面两孩": "",
    "单独二孩": "", "一孩生育": "", "二孩生育": "", "三孩生育": "", "孩次": "births",
    # other rates
    # (a 死亡率 right after these is that group's: group_deaths)
    "婴儿死亡": "group_deaths", "孕产妇死亡": "group_deaths", "新生儿死亡": "group_deaths",
    "儿童死亡": "group_deaths", "死亡原因": "", "总和生育率": "births",
    "一般生育率": "births", "生育率": "births", "孕检率": "", "计划生育政策": "",
    "人口性别比": "population", "总人口性别比": "population",
    "户籍人口性别比": "population", "常住人口性别比": "population", "人口男女性别比": "population",
    "流动人口性别比": "population", "性别比例": "",
    # people who are not a population stock
    "参检": "", "应检": "", "已检": "", "孕检": "", "环检": "", "随访": "", "走访": "",
    "外出务工": "", "在外务工": "", "务工人员": "", "出生人口性别比偏高": "births",
    "出生人口性别比综合治理": "births", "出生人口性别比治理": "births", "人口计生": "",
    "人口计划生育": "", "人口和计划生育": "", "人口与计划生育": "", "人口文化": "",
    "人口信息": "", "人口均衡": "", "人口素质": "", "人口老龄化": "", "人口数据": "",
    "人口基金": "", "人口日": "", "人口工作": "", "人口发展": "", "人口覆盖率": "",
    "人口服务": "", "人口管理": "", "人口监测": "", "人口家庭": "", "人口长期": "",
    "流动人口服务": "", "流动人口管理": "", "流动人口计划生育": "", "流动人口信息": "",
    "流动人口婚育": "", "流动人口均等化": "", "流动人口卫生": "", "流动人口社会": "",
    "流动人口数据": "", "流动人口集中": "", "流动人口聚集": "", "流动人口育龄群众": "",
    "死亡率低": "", "出生率低": "",
    **{n: {"measures": "women", "hospital": "births"}.get(kind, "")
       for n, kind in OTHER_INDICATORS.items()},
}

#: Words naming the population a figure is about; a figure of one series is never put in
#: another's record. ``main``: the township's registered (户籍) population, the basis of the
#: schema's row (its ``total_population`` is the 户籍 year-end population of township statistics).
SERIES_WORDS: dict[str, str] = {
    "户籍人口": "main", "户籍": "main", "常住人口": "resident", "常住": "resident",
    "流动人口": "migrant", "流入人口": "migrant", "外来人口": "migrant", "流动": "migrant",
    "外来": "migrant", "流入": "migrant", "流出人口": "out_migrant", "外出人口": "out_migrant",
    "流出": "out_migrant", "流进": "migrant", "总人口": "main", "人口": "main", "全部人口": "main",
}
#: Words of :data:`SERIES_WORDS` that name no particular series (人口出生率 is the main one).
SERIES_NEUTRAL: frozenset[str] = frozenset({"总人口", "人口", "全部人口"})
#: Fields that are the size of a population: the main row's, whatever series a sentence is on.
POPULATION_SIZES: frozenset[str] = frozenset({"total_population", "permanent_population",
                                               "in_migrants", "out_migrants"})
#: Chinese names of the series, for messages.
SERIES_ZH: dict[str, str] = {"main": "户籍(全部)人口", "resident": "常住人口",
                             "migrant": "流动(流入)人口", "out_migrant": "流出人口"}
#: Population fields a "其中" / "…中" sub-population sentence can be about.
SUBPOPULATION_OF: dict[str, str] = {"in_migrants": "migrant", "out_migrants": "out_migrant"}

#: The topic a field's figure puts a sentence on (for names with ``needs``).
TOPIC_OF: dict[str, str] = {
    "total_population": "population", "permanent_population": "population",
    "women_15_49": "women", "married_women_15_49": "women", "contraceptive_rate_pct": "women",
    "births": "births", "births_parity1": "births", "births_parity2": "births",
    "births_parity3plus": "births", "births_male": "births", "births_female": "births",
    "birth_rate_permille": "births", "policy_compliance_pct": "births",
    "sex_ratio_at_birth": "births", "deaths": "deaths", "death_rate_permille": "deaths",
    "natural_growth_permille": "births", "in_migrants": "migrant", "out_migrants": "migrant",
}


@functools.lru_cache(maxsize=1)
def _all_labels() -> tuple[Label, ...]:
    """:data:`LABELS` plus every schema name, Chinese and English label and template header."""
    extra: list[Label] = []
    for col in schema.COLUMNS:
        extra += _labels(col.name, col.name, col.label_zh, col.label_en, in_text=False)
        extra += _labels(col.name, TEMPLATE_HEADERS.get(col.name, col.label_zh), in_text=False)
    out = list(LABELS) + list(_SEX_IN_BIRTHS) + extra
    return tuple(Label(lb.text, lb.field, lb.header, lb.in_text,
                       lb.needs or _CONTEXTUAL.get(lb.text), lb.series) for lb in out)


# Excel headers -------------------------------------------------------------------------------------

#: The Chinese header the template writes for each field (short, as statisticians write them);
#: a column added to the schema later falls back to its ``label_zh``.
TEMPLATE_HEADERS: dict[str, str] = {
    "township": "乡镇", "township_code": "乡镇代码", "county": "县(区)", "year": "年份",
    "total_population": "总人口", "permanent_population": "常住人口", "women_15_49": "育龄妇女",
    "married_women_15_49": "已婚育龄妇女", "births": "出生人口", "births_parity1": "一孩",
    "births_parity2": "二孩", "births_parity3plus": "多孩", "births_male": "男婴",
    "births_female": "女婴", "deaths": "死亡人口", "in_migrants": "流入人口",
    "out_migrants": "流出人口", "birth_rate_permille": "出生率(‰)",
    "death_rate_permille": "死亡率(‰)", "natural_growth_permille": "自然增长率(‰)",
    "policy_compliance_pct": "政策符合率(%)", "sex_ratio_at_birth": "出生人口性别比(女=100)",
    "contraceptive_rate_pct": "综合避孕率(%)",
}
#: Headers that are not data and are skipped with a warning (notes, row numbers).
IGNORED_HEADERS: frozenset[str] = frozenset({
    "备注", "说明", "序号", "填表人", "审核人", "填报人", "联系电话", "数据来源", "来源", "注",
    "note", "notes", "remark", "remarks", "no", "no.", "#", "source",
})

#: Units a units row may hold, per kind of column, with the factor that turns them into the
#: schema's unit (counts in persons, ‰ and % as printed).
UNITS: dict[str, dict[str, int]] = {
    "count": {"人": 1, "persons": 1, "person": 1, "名": 1, "个": 1, "例": 1, "万人": 10000, "万": 10000},
    "‰": {"‰": 1, "per 1,000": 1, "per 1000": 1, "千分之": 1, "‰(千分比)": 1},
    "%": {"%": 1, "百分比": 1, "percent": 1},
    "ratio": {"女=100": 1, "以女性为100": 1, "males per 100 females": 1, "": 1},
    "year": {"年": 1, "year": 1},
    "str": {},
}


def unit_kind(field: str) -> str:
    """Which units a field's column may be in: count, ‰, %, ratio, year or str."""
    col = schema.BY_NAME[field]
    if col.role == "count":
        return "count"
    if field == "year":
        return "year"
    if col.kind == "str":
        return "str"
    return {"‰": "‰", "%": "%"}.get(col.unit_zh, "ratio")


def unit_fits(field: str, unit: str) -> bool:
    """Whether a figure of ``field`` may be printed in ``unit`` (人, 万人, ‰, % …): counts in
    persons, rates in ‰, shares in %; a sex ratio carries no unit, but a stray % is tolerated."""
    kind = unit_kind(field)
    return (kind == "count" and unit in ("人", "名", "个", "万人")) or (kind == "‰" and unit == "‰") \
        or (kind in ("%", "ratio") and unit == "%")


_PAREN = re.compile(r"\([^()]*\)")


def header_key(text: str) -> str:
    """A header as compared: Simplified, ASCII, lower case, no spaces, no required-mark ``*``."""
    s = normalize_text(str(text)).strip().lower().replace("*", "").replace("※", "")
    if re.search(r"[\u4e00-\u9fff]", s):
        return re.sub(r"\s+", "", s)
    return re.sub(r"[\s_\-]+", " ", s).strip()


def _build_header_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for lb in _all_labels():
        if lb.header:
            index.setdefault(header_key(lb.text), lb.field)
    return index


_HEADER_INDEX = _build_header_index()


def match_header(text: object) -> str | None:
    """The schema field a column header names, or ``None``.

    Tries the header as written, then without a parenthesised unit or age range
    (``出生率(‰)``, ``育龄妇女(15-49岁)``), then without a trailing 数/人数/(人).
    """
    if text is None:
        return None
    key = header_key(str(text))
    if not key:
        return None
    for candidate in (key, _PAREN.sub("", key).strip(), re.sub(r"(人数|数|人)$", "", _PAREN.sub("", key))):
        if candidate in _HEADER_INDEX:
            return _HEADER_INDEX[candidate]
    return None


def other_indicator(text: object) -> str | None:
    """The kind of indicator (``measures``, ``hospital``, ``moves``) a header names that only sounds like a
    schema field (避孕节育措施落实率 is not the contraceptive prevalence rate), else ``None``."""
    if text is None:
        return None
    key = header_key(str(text))
    return OTHER_INDICATORS.get(key) or OTHER_INDICATORS.get(_PAREN.sub("", key).strip())


def is_ignored_header(text: object) -> bool:
    """True for headers such as 备注 / 序号 that hold no data for the schema."""
    return text is not None and header_key(str(text)) in IGNORED_HEADERS


def suggest_header(text: object) -> str | None:
    """The closest known header (for "did you mean ...?"), or ``None``; on a tie the template's
    own header wins, then the schema's label, then a variant."""
    key = header_key(str(text))
    preferred = [*TEMPLATE_HEADERS.values(), *(c.label_zh for c in schema.COLUMNS), *_HEADER_INDEX]
    best, best_score = None, 0.6
    for candidate in dict.fromkeys(header_key(c) for c in preferred):
        score = difflib.SequenceMatcher(None, key, candidate).ratio()
        if score > best_score:
            best, best_score = candidate, score
    return best


def header_variants(field: str) -> list[str]:
    """Every header accepted for ``field`` as written in the table (for docs and the template)."""
    seen: dict[str, None] = {}
    for lb in _all_labels():
        if lb.field == field and lb.header:
            seen.setdefault(lb.text, None)
    return list(seen)


# Running text ---------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def text_labels() -> tuple[Label, ...]:
    """The names the extractor looks for in running text, longest first."""
    labels = [lb for lb in _all_labels() if lb.in_text]
    return tuple(sorted(labels, key=lambda lb: -len(lb.text)))
