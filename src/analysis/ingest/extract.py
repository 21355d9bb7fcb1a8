"""Figures from the text of a Chinese work report, each with where it came from, then audited.

Township statisticians keep their figures in the running text of yearly work reports
(工作报告 / 工作总结). :func:`extract_figures` reads such a text with rules over the text (no
table of known answers) and returns **one record per place, year and population series**:

.. code-block:: python

    {"place": "司马镇", "county": "金乡县", "year": 2023, "series": "main", "period": None,
     "births": 199, "deaths": 198, ...,                     # schema field names, stated ones only
     "provenance": {"births": {"text": "199人", "span": [312, 316], "label": "出生人口",
                               "sentence": "目前全镇总人口为33648人,...", "line": 7, ...}},
     "problems": [...],   # masked / blank / garbled / conflicting figures found in the text
     "findings": [...]}   # what does not add up (analysis.quality.audit on the figures)

How a figure is read (see ``docs/ingest.md`` for the full list):

1. The text is normalised one character for one character (:func:`headers.normalize_text`:
   Traditional -> Simplified for the characters that matter, full-width -> ASCII), so every span
   is a span of the original text.
2. Sentences end at 。！？ or a line break. In each sentence the names of :mod:`.headers` are
   found, longest first; names that only look like ours (二孩及以上, 人口性别比, 出生缺陷 ...) are
   taken first and never read as figures.
3. A name takes the number right after it, across filler words only (为, 达, 共, 有, :, ...), with
   a unit that fits the field (人 / 万人 for counts, ‰, %, ``:100`` for a ratio). Whatever stands
   before the name in its clause must be context (全镇, 目前, 2023年, 其中 ...) or a series word
   (户籍 / 常住 / 流动): 参检育龄妇女8943人 is not the number of women aged 15-49.
4. Context: the year is the last one stated (2023年, 二〇一一年, 上年 = year - 1); the place is the
   township the report is about (我镇 / 全镇) or one named in the sentence; the series is the
   population (户籍 / 常住 / 流动 …, also 流入人口中 … 其中 …). Names such as 一孩, 男孩, 已婚 or
   总性别比 mean a figure only when the sentence is about births (or women).
5. A figure in parentheses after another, marked 上年 / 去年 / 2022年, is last year's, kept in
   its own record. 比上年增加11人 is a change, not a figure, and is skipped. Approximate figures
   and targets (约, 以上, 控制在 …) are not read.
6. Masked (xx, ××), blank (出生率为‰) and garbled values are reported, never guessed. The same
   field stated twice with different numbers is reported as a conflict (the first is kept).
7. :func:`analysis.quality.audit` runs on the records: parity or sex counts that do not add up
   to births, stated rates the counts do not give, impossible ratios or shares.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from .. import schema
from ..i18n import t
from ..quality import audit
from . import headers, text_tables
from .document import (
    NOT_PLACE,
    PLACE,
    SELF,
    Document,
    county_mentions,
    find_places,
    named_before_parenthesis,
    place_level,
    place_start,
)
from .headers import Label
from .numbers import as_number, cn_number, to_decimal
from .sentences import joined_wraps, sentences, split_words, title_spans

#: User-facing strings of the extractor (zh default, en); moved into analysis.i18n later.


def message(key: str, language: str = "zh", **values: object) -> str:
    """A message of the translation table (``ingest.extract.<key>``) with ``values`` filled in."""
    return t("ingest.extract." + key, language, **values)


# Regular expressions -------------------------------------------------------------------------------

#: A number written in Chinese (一百九十九, 三万二千零五, 七点四一), only where a count or a rate
#: unit follows (人 / 名 / 例 / ‰ / %, maybe after 万), or a decimal before a clause's end (五十二点
#: 八七万,): 一孩, 三是 and the like are not numbers.
_CN_NUM = (r"[零〇○一二两三四五六七八九十廿卅百千万亿][零〇○0一二两三四五六七八九十廿卅百千万亿]*(?:点[零〇一二三四五六七八九]+)?"
           r"(?=\s*万?(?:人|名|例|‰|%))"
           r"|[零〇一二两三四五六七八九十百]+点[零〇一二三四五六七八九]+(?=万?(?:[,;。、\s]|$))")
_NUM = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d{1,3}(?:[ \u00a0\u2009]\d{3})+(?:\.\d+)?(?![\d.])"
        r"|\d+(?:\.\d+)?|" + _CN_NUM)
_CLAUSE_SEP = ",;:、()[]“”\"'《》<>|"
_UNIT_COUNT = ("人", "名", "个", "例", "口")
#: Names of the total of a breakdown of births (一孩78人、二孩92人,合计170人), which right after
#: another name are its verb instead (总人口共计28765人).
_TOTAL_WORDS = frozenset({"合计", "共计", "总计"})
_OTHER_UNITS = "户对次元岁年月日天件份盒条场期项所家台本张支袋瓶斤倍亩座位村组批周"

_FILLER = re.compile(
    r"(?:\s|\(\s*(?:含|包括|包含)[^()\d]{1,15}\)|上报|:|了|仍然|仍|首次|首度|再次|再|又|曾经|曾|一度|高达|最高达|低至|仅有|为|是|共增加|(?:下降|降低|上升|增加|减少|提高|回升|回落|攀升|滑落|下滑|跌|降|升|增|减)?(?:至|到)|降为|升为|发展为|发展到|发展至|已经|已|进一步|降低为|下降为|上升为|已达到|已经达到|达到了|达到|已达|达|有|共有|共计|一共|共|计|合计|总计|累计|仅为|仅剩|只剩|剩下|仅|只有|却|则|也|还|更|竟然|竟"
    r"|约为|约有|约|大约|近|接近|超过|突破|跌破|不足|不到|逾|分别为|分别是|分别达到|分别达|分别|人数|总数|总量"
    r"|数量|(?<=数)量|数|人口|婴儿|的|涉及到|涉及|控制在|力争|确保|争取|保持在|稳定在|不低于|不高于|不超过|低于|高于|目标|新增)*")
_APPROX_WORDS = ("约", "大约", "近", "接近", "超过", "突破", "跌破", "不足", "不到", "逾", "控制在", "力争", "确保",
                 "争取", "保持在", "不低于", "不高于", "不超过", "低于", "高于", "目标")
#: 与 / 比 … right before a year (and its census): the year is compared with.
_COMPARED_BEFORE = re.compile(r"(?:与|比|较|同|跟)\s*(?:(?:19|20)\d{2}\s*年\s*)?$")
#: 总人口(常住人口)为97985人 / 总人口(即常住人口) / 总人口(常住)为44.91万人: the population a total
#: is, named in parentheses.
_RENAMED = re.compile(r"\s*\(\s*(?:即|也即|为)?\s*(?P<name>常住|户籍)(?:人口)?\s*\)")
#: The unit of a sex ratio spelt out (109.06个性别比单位, 女=100).
_RATIO_UNIT = "个性别比单位"
#: A number and its unit (a bulletin's footnote mark between them, 649357[3]人, is not read:
#: :func:`headers.annotation_spans`).
_VALUE = re.compile(
    r"(?P<pre>千分之|百分之)?(?P<sign>[-负](?=\s*\d))?\s*(?P<num>" + _NUM + r")"
    r"\s*(?P<mult>万|亿)?(?P<rest>(?<=万)零?(?:\d,\d{3}|\d{1,4})(?=\s*[人名]))?(?P<about>余|多(?![项种]))?\s*"
    r"(?P<unit>人次|万人|人|名|" + _RATIO_UNIT + r"|个|例|口|‰|%|/\s*(?:10|十)\s*万|:\s*(?P<den>\d+(?:\.\d+)?)(?!\d))?"
    r"(?P<women>\s*\((?:以|按)?(?:女|女性|女孩|女婴)?\s*(?:=|为)?\s*100\))?"
    r"(?P<bound>以上|以下|以内|左右|上下)?")
#: 突破300人,达312人 / 不足300人,仅为287人: after a bound, the exact figure in the next clause.
_AFTER_BOUND = re.compile(r"\s*,\s*(?:已|实际|全年|年末)?(?:达到|达|为|仅为|仅有|仅|只有|只剩|仅剩|共|共计|是)\s*(?=[-\d])")
_MASK = re.compile(r"(?P<mask>[xX×*□■?]{1,6}|某{1,3})\s*(?P<unit>万人|人|名|个|例|‰|%)"
                   r"|(?P<mask2>[xX×*□■]{2,6})(?![A-Za-z])")
#: 22044xxxx: digits running into mask characters (partly masked).
_PART_MASKED = re.compile(r"(?P<mask>[\d.,]+[xX×*□■]+[\dxX×*□■.,]*)\s*(?P<unit>万人|人|名|个|例|‰|%)?(?P<mask2>)")
_BLANK = re.compile(r"(?:\(\s*\)|_+|\s+)?(?P<unit>‰|%)|(?:\(\s*\)|_{2,}|\s{2,})(?P<unit2>人|名)")
_GARBLED = re.compile(r"[\dOolI][\dOolI.,]*[\dOolI](?=\s*(?:万人|人|名|‰|%|[,;。]|$))")
_YEAR = re.compile(r"(?<!\d)(?<!\d\.)(?P<y>(?:19|20)\d{2})\s*(?:年(?!龄|代|级|限|轻|初)度?|(?:计生|计划生育|人口计生|统计)年度)"
                   r"|" + headers.census_name("census") + r"|(?<![\u4e00-\u9fff])(?P<census2>[四五六七])普(?!查|通|及|遍)"
                   r"|(?P<cy>[一二三四五六七八九〇零○OoＯ0]{4})\s*年(?!龄|代|级|限)度?"
                   r"|民国\s*(?P<mg>\d{1,2}|[一二三四五六七八九十]{1,3})\s*年(?:\s*\(\s*(?:19[1-4]\d)\s*年?\s*\))?")
_MASKED_YEAR = re.compile(r"(?<![A-Za-z])(?:(?:19|20)[xX×*_\-－]{2}|[xX×*]{1,4})\s*年(?!龄|代|级|限)度?")
#: Several years (1985~2000年, 1949年至1955年, 2012至20xx年, 1949一1953年 with OCR's 一 for the dash): a
#: figure over them is no year's.
_YEAR_RANGE = re.compile(r"(?<![\d.])(?P<a>(?:19|20)\d{2})\s*年?\s*(?:至|到|-|~|～|—|–|－|一(?=\s*(?:19|20)\d{2}))\s*"
                         r"(?P<b>(?:19|20)(?:\d{2}|[xX×*]{2}))\s*年(?!龄|代|级|限)")
#: A five-year plan's period (“十五”时期, 十一五期间): its years, like a span of years (a total
#: or an average over them, not one year's figure).
_PLAN_PERIOD = re.compile(r"(?<![\u4e00-\u9fff])“?(?P<n>八|九|十一|十二|十三|十四|十)五”?\s*"
                          r"(?:计划|规划)?(?:时期|期间)")
_PLAN_FIRST_YEAR = {"八": 1991, "九": 1996, "十": 2001, "十一": 2006, "十二": 2011, "十三": 2016, "十四": 2021}
_MULTI_YEAR = re.compile(r"^\d{4}-(?:\d{4}|\d{2}[xX×*]{2})年$")
#: A span of known years as a period (1960-1963年), its first and last year.
_SPAN_PERIOD = re.compile(r"(?P<a>\d{4})-(?P<b>\d{4})年")
#: 自2014年1月17日实施,截至今年6月底 / 2014年以来累计: counts from a date up to now
_SINCE = re.compile(r"(?:自|从)\s*(?P<y>(?:19|20)\d{2})\s*年")
_UNTIL = re.compile(r"截至|截止|至今|以来|累计")
#: 自2014年开展脱贫攻坚工作以来: a year a clause counts from, up to now.
_SINCE_CLAUSE = re.compile(r"(?:自|从)\s*(?:19|20)\d{2}\s*年[^,。,;:、\n\d]{1,20}?以来")
#: 2012年以来 in a text dated 2019 before it: the years since then (in one of 2012 it is this year).
_SINCE_YEAR = re.compile(r"(?:19|20)\d{2}\s*年\s*以来")
#: 人口2.71万人(2002年): the year of a figure in parentheses right after it, also after each value
#: of a list (新生儿人数分别为1038人(2017)、881人(2018))
_YEAR_AFTER_VALUE = re.compile(r"\s*\(\s*(?P<y>(?:19|20)\d{2})\s*(?:年(?:\s*\d{1,2}\s*月)?(?:末|底)?)?\s*\)")
#: Households printed beside a population: right after it, or just before it (and its name).
_HOUSEHOLDS_AFTER = re.compile(r"\s*[、,]\s*(?P<h>\d[\d,]*(?:\.\d+)?)\s*(?P<wan>万)?\s*户")
_HOUSEHOLDS_BEFORE = re.compile(r"(?<![\d.])(?P<h>\d[\d,]*(?:\.\d+)?)\s*(?P<wan>万)?\s*户\s*[、,]?"
                                r"\s*[\u4e00-\u9fff]{0,4}\s*$")
#: More persons than this a household is no population: China's census households averaged
#: 4.41 persons in 1982 and 2.62 in 2020 (NBS census communiqués), so a figure beyond 12 (or
#: below 1) beside its households is a garbled number.
_PERSONS_PER_HOUSEHOLD_MAX = 12
#: More persons than China's whole population (1.41 billion at the 2020 census, NBS) is no
#: count of any place these texts are about: 2 270 816萬人, a count in persons with a stray 万,
#: would be 22.7 billion.
_PERSONS_MAX = 1_500_000_000
#: 民国5年(1916)…17年为117281人: after a year of the Republic, a bare 17年 counts from 1912 too
_ROC_LATER = re.compile(r"(?<![\d.第)\u4e00-\u9fff])(?P<n>\d{1,3}|[一二三四五六七八九十]{1,4})\s*年"
                        r"(?![间間中来內内里的以后前代之多左右期龄级限底末])")
#: A year of the Republic written bare in a Taiwan text (截至110年12月底, 105年1月份, 一百年, 一一四年):
#: three digits or 一百… (or three digits in Chinese), so that spans (近20年) stay what they are.
_ROC_BARE = re.compile(r"(?<![\d.第])(?P<n>1[01]\d|一百(?:零[一二三四五六七八九]|一?十[一二三四五六七八九]?)?"
                       r"|一[〇○0一][〇○0一二三四五六七八九])\s*年"
                       r"(?![间間中来內内里的以后前代之多左右期龄级限])")
#: Words only a Taiwan text uses (normalised to Simplified): its household registration offices,
#: ministry, township offices, the Republic's calendar, its currency.
_TAIWAN = re.compile(r"户政|内政部|民国|台湾|台澎金马|乡公所|镇公所|市公所|区公所|县议会|新台币|金门县|连江县"
                     r"|(?:新北|台北|桃园|台中|台南|高雄|基隆|新竹|苗栗|彰化|南投|云林|嘉义|屏东|宜兰|花莲|台东|澎湖)[市县]")
#: 10年中 / 五年来 / 8年间 / 10年的: what follows in the sentence is a total over several years
_YEARS_SPAN = re.compile(r"(?<![\d.第])(?P<n>[两二三四五六七八九十]{1,3}|\d{1,2})\s*年(?:中|间|来|内|里|的)(?!\d)")
#: Names a births count may follow (共增加91569个新生儿), and the verbs that may precede it.
_NUMBER_FIRST_NAMES = frozenset({"新生儿", "新生婴儿", "出生婴儿"})
#: The women a share is of, number first (全村320名育龄妇女中,已有227名采取了措施), and the
#: population a part is of (在太仓46.72万户籍人口中,60岁以上…): 中 after the name says they are
#: all of them, not a group served (为300名育龄妇女免费体检).
_NUMBER_FIRST_SETS = frozenset({"育龄妇女", "已婚育龄妇女", "户籍人口", "常住人口", "总人口"})
_NUMBER_FIRST = re.compile(r"(?P<num>\d[\d,]*)\s*(?P<mult>万)?\s*(?:个|名|位)"
                           r"|\d[\d,]*(?:\.\d+)?\s*万")  # 在太仓46.72万户籍人口中
_BIRTH_VERBS = re.compile(r"共增加|增加了?|新增|迎来了?|诞生了?|出生了?|降生了?|共有|有")
#: A part of a year (上半年, 1至11月, 前三季度): part of the time context, like the year.
_MONTHS = r"(?:\d{1,2}|[二三四五六七八九十]|十[一二])"
#: The ways of writing "to" in a span of months (1到4月, 1-4月), all written 至 in a record's period,
#: so that one text's 1到4月 and 1至4月 are one record.
_MONTHS_TO = re.compile(r"\s*(?:至|到|-|~)\s*")
_PERIOD = re.compile(r"(?P<p>上半年|下半年|(?:第?[一二三四1-4]个?|前[二三两2-3]个?)季度|(?:1|一)" + _MONTHS_TO.pattern
                     + _MONTHS + r"\s*月(?:份)?|前" + _MONTHS + r"个月)")
#: 2014年10月至2015年6月 / 2016年10月至今年9月: months across the turn of a year (a family-planning
#: statistical year, a sample survey's twelve months): the figures are that span's. One from October
#: of a year to September of the next at the latest is (a part of) the family-planning statistical
#: year named for its end (上年10月1日至本年9月30日, the national population and family-planning
#: statistical reporting system), whose year it is given; any other is no calendar year's.
_MONTHS_ACROSS = re.compile(r"(?<![\d.])(?P<a>(?:19|20)\d{2})\s*年\s*(?P<ma>\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?\s*"
                            r"(?:至|到|-|~|～|—)\s*(?:(?P<b>(?:19|20)\d{2})\s*年|今年|本年)\s*(?P<mb>\d{1,2})\s*月"
                            r"(?:\s*\d{1,2}\s*日|底|末)?")
_CN_DIGIT = dict(zip("〇零○OoＯ0一二三四五六七八九", "0000000123456789"))
_RELATIVE = re.compile(r"(?P<rel>上一年|上年度|上年|去年|前一年|今年|本年度|本年|当年|是年|目前|现在)"
                       r"(?!\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月(?!底|末)(?:\s*\d{1,2}\s*日)?\s*"
                       r"(?:份\s*)?(?:至|到|-|~|～|—|起|以来))")
# (去年10月至今年9月: a date, the start of a span; 今年6月底, 今年1月出生397人: a point or a month
# of the year, which is the year's)
_MONTH = re.compile(r"(?<![\d.])(?P<m>\d{2,4})\s*月(?!份?\s*\d)")
_PERCENT = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)\s*%")
_TREND_YEAR = r"(?:(?:19|20)\d{2}|[一二三四五六七八九〇零○]{4})"
_TREND_VALUE = (r"(?:千分之|百分之)?(?:\d[\d,.]*|[零〇一二两三四五六七八九十百千万]+(?:点[零〇一二三四五六七八九]+)?)"
                r"\s*(?:万人|万|人|名|‰|%)?")
#: The verbs of a trend's second end (下降到2009年的 / 降为).
_TREND_VERB = r"(?:上升|增加|增长|下降|减少|降低|提高|回落|降|升|增|减)"
_TREND = re.compile(
    r"(?:数|人数|总量)?\s*(?:由|从|自)\s*(?:(?P<y1>" + _TREND_YEAR + r")\s*年(?:底|末)?|(?P<last>上年|去年|上一年))?\s*(?:的)?\s*"
    r"(?P<v1>" + _TREND_VALUE + r")\s*,?\s*(?:扩大|缩小|发展|" + _TREND_VERB + r")?"
    r"\s*(?:到|至|为)了?\s*(?:(?P<y2>" + _TREND_YEAR + r")\s*年(?:底|末)?"
    r"(?:\s*" + _TREND_VERB + r"?\s*(?:到|至|为)了?)?"
    r"|(?P<now>目前|现在|今年|当前))?\s*(?:的)?\s*"
    r"(?P<v2>" + _TREND_VALUE + r")")
#: 2019年、2020年 / 2019、2020年 / 2019年和2020年: years listed for the values after 分别.
_YEAR_LIST = re.compile(r"(?:19|20)\d{2}\s*年?(?:\s*(?:、|,|和|与|及|至)\s*(?:19|20)\d{2}\s*年?)+(?:度|末|底)?")
#: 分别由1980年的 / 分别从1980年: the first end of several names' trends, and the second end
#: (,下降到2009年的 / 降至2009年的).
_RESPECTIVE_FROM = re.compile(r"\s*(?:由|从)\s*(?P<y>" + _TREND_YEAR + r")\s*年(?:底|末)?\s*(?:的)?\s*")
_RESPECTIVE_TO = re.compile(r"\s*,?\s*" + _TREND_VERB + r"?\s*(?:到|至|为)了?\s*"
                            r"(?P<y>" + _TREND_YEAR + r")\s*年(?:底|末)?\s*(?:的)?\s*")
_LIST_SEP = re.compile(r"\s*(?:、|,|和|与|及|;)\s*")
#: 东与五陵镇接壤, 南与…屯子镇毗连, 西邻伏道镇: a neighbour named to say where the place lies; the
#: figures after it are not the neighbour's.
_NEIGHBOUR_AFTER = re.compile(r"\s*(?:接壤|毗连|毗邻|相邻|交界|相连|为邻|相望|隔)")
_NEIGHBOUR_BEFORE = re.compile(r"(?:[东南西北]邻|[东南西北]接|[东南西北]靠|[东南西北]与|与|[东南西北]连)[^,;。]{0,3}$")
#: A short place name at the start of a clause, followed by 全 / 我 / 本 (桐乡全市, 某县全年).
_PLACE_THEN_WHOLE = re.compile(r"^[\u4e00-\u9fff]{1,4}?(?:市|县|区|乡|镇|街道|办事处|农场|社区)(?=全|我|本)")
_NAME_THEN_WHOLE = re.compile(r"^[\u4e00-\u9fff]{2,4}(?=全(?:村|镇|乡|街道|社区|市|县|区|旗))")
#: The verbs that bring a figure to its level (达 / 增至 / 下降到 …), not by a change.
_TO_LEVEL = (r"(?:进一步)?(?:已?达到|已?达|已?发展到|已?发展为|增至|增加到|增加至|增长到|增长至|上升到|上升至|攀升到|攀升至|回升到|回升至|升至"
             r"|下降到|下降至|下降为|下滑到|下滑至|滑落到|滑落至|回落到|回落至|跌到|跌至|降至|降到|降为|减少到|减少至|减至)")
#: ,2001年达84万: a further year of the figure just read (達/为/增至 … or nothing); ;1982年第三次
#: 人口普查时为24.35万: the year of a census.
_NEXT_YEAR = re.compile(r"\s*(?P<sep>[,;、])?\s*(?:到|至)?\s*(?P<y>(?:19|20)\d{2})\s*年(?:底|末)?\s*"
                        r"(?:" + headers.census_name("next_census") + r"(?:时)?\s*)?"
                        r"(?:为|" + _TO_LEVEL + r")?\s*(?=-?\d)")
#: How a name's values went (继续稳定下降, 回升, 很高), with the years to follow.
_TREND_WORDS = (r"(?:(?:继续|稳定|逐年|逐渐|持续|不断|明显|大幅|快速|迅速|缓慢)\s*)*"
                r"(?:下降|上升|回升|回落|增长|降低|提高|变化|增多|减少|增加|发展|很高|较高|偏高|很低|较低|为负值?|为正值?)"
                r"(?:较快|较慢|迅速|很快|缓慢)?")
#: 自然增长率:1971年为… / 出生率继续稳定下降:1975年为… / 出生人口数呈逐年减少的趋势(2018年7239人、…): a
#: name, a trend, a colon (or a parenthesis), years with values.
_YEARS_AFTER_NAME = re.compile(r"\s*(?:(?<=数)量|数量|总量|规模)?\s*(?:(?:" + _TREND_WORDS + r"(?:情况|如下)?)?\s*:|"
                               + _TREND_WORDS + r"\s*,\s*(?:如|例如|比如)?|"
                               r"(?:呈现?\s*" + _TREND_WORDS + r"\s*的?\s*(?:趋势|态势)\s*)?\()"
                               r"\s*(?=(?:19|20)\d{2}\s*年(?:底|末)?\s*(?:为|是|" + _TO_LEVEL + r")?\s*-?\d)")
#: 出生人数于2023年… / 出生数近5年起起伏伏,2021年…: what may stand between a name and a list of
#: years with their values.
_YEAR_LIST_AFTER = re.compile(r"\s*(?:于|在|[^,;。:、()\n人名‰%]{1,12}?\s*[,:])\s*(?=(?:19|20)\d{2}\s*年)")
#: 人口快速增长,增至1119人: a trend, then the level it came to (not the change).
_TREND_TO = re.compile(r"\s*(?:(?<=数)量|数量|总量|规模)?\s*" + _TREND_WORDS
                       + r"\s*,\s*(?=" + _TO_LEVEL + r"\s*\d)")
#: 出生人口较上年减少312人,降至2750人: a change from an earlier year, then the level it came to
#: (the level is the figure; the change is not).
_CHANGE_TO = re.compile(r"\s*(?:比|较|与)\s*(?:上一?年|去年|前一年|(?:19|20)\d{2}\s*年)(?:同期)?\s*(?:相比)?\s*,?\s*"
                        r"(?:净)?(?:增加|减少|下降|上升|增长|回升|回落|降低|提高|多|少)了?\s*-?\d[\d,]*(?:\.\d+)?\s*"
                        r"(?:万)?\s*(?:人|名|个百分点|个千分点|%|‰)?\s*,\s*(?=(?:" + _TO_LEVEL + r"|为)\s*-?\d)")
#: …出生率稳定下降。: a name's trend ending its sentence (its years follow in the next one).
_TREND_END = re.compile(_TREND_WORDS + r"\s*[。:]\s*")
#: 出生率逐渐下降,从1979年的…: trend words between a name and its 从 / 由.
_TREND_BEFORE = re.compile(_TREND_WORDS + r"\s*,?\s*")
#: 其中5个空心村… / 两个社区…: a count of parts (villages, communities) a figure is of.
_PARTS = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)\s*个")
#: A quotation within a line: “…” or 「…」.
_QUOTATION = re.compile(r"“[^”\n]*”|「[^」\n]*」")
#: A sentence that supposes (如果某一年的生死比等于1,…自然增长率是0) or estimates (预计2017年上半年全镇
#: 共出生人口110人): it states no figure (but 如按常住人口计算 / 如果从1963年算起 state the basis of a
#: real one).
_SUPPOSING = re.compile(r"\s*(?:(?:如果|假如|假设|倘若|要是)(?!按|以|从|将)|(?:预计|预测|预估|估计)(?!数))")
#: A sentence about a survey's own sample (此次人口变动抽样调查常住人口593人,其中…出生人口3人;
#: 本次调查人口出生率为4.58‰): its figures are the few hundred people surveyed, not the place's.
#: Estimates for the whole place drawn from it (本次调查推算,全市常住人口…) are the place's.
#: A sentence that names its sample stays the sample's (我区这次调查…样本量为25172人,其中常住人口
#: 为19528人,分别占全区…).
_SAMPLE = re.compile(r"\s*(?:我[省市县区镇乡])?(?:此次|本次|这次|该次)[^,。;\n]{0,12}?调查"
                     r"(?:(?=[^。\n]*样本)|(?![^。\n]*(?:推算|全[省市县区镇乡])))"
                     # 目前四个调查小区的340户、1333人、出生18人: the sampled areas' counts
                     r"|[^,。;\n]{0,12}?[\d一二三四五六七八九十两]+\s*个\s*(?:调查小区|抽样小区|样本(?:村|户|块|点|区))")
#: An encyclopaedia infobox's population (Wikipedia's 鄉鎮 pages, pasted as text): 人口(2024年9月)
#: (1,688戶) | | on one row, • 總計 | 4,161人 | on the next (or the same without the table's bars:
#: 人口(2024年9月)(3,154戶)⏎ • 總計8,241人).
_INFOBOX_POPULATION = re.compile(r"(?m)^[ \t]*人口\s*\(\s*(?P<y>(?:19|20)\d{2})\s*年[^()\n]*\)(?:\s*\([^()\n]*\))?"
                                 r"[^|\n]*(?:\|[ \t|]*)?\n"
                                 r"[ \t]*[•·]\s*(?P<name>总计)\s*\|?\s*(?P<v>\d[\d,]*\s*人)")
#: A date alone on its line under the office that issued the document (交口县统计局⏎2018年3月).
_OFFICE_DATE = re.compile(r"(?:局|委员会|办公室|政府|中心|协会|学会|研究所|研究院|办)[ \t]*\n[ \t]*"
                          r"(?P<y>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?[ \t]*(?=\n|$)")
#: A leader's time in office in a yearbook's list of them (胡培强(2001年2月任职), 季谢美(女,2002年1月
#: 离任), 杨秀森(2001年2月至2002年1月)): no year of the figures.
_TENURE = re.compile(r"(?<=[\u4e00-\u9fff])\((?:女,)?\s*(?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*月)?\s*"
                     r"(?:任职|离任|上任|卸任|调离|调入|任|至\s*(?:(?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*月)?|今))\)")
#: More digits after a space, then a unit: the number was split (46 94万人), not ended.
_DIGITS_APART = re.compile(r"[ \u00a0]\d{1,4}\s*(?:万|人|名|‰|%)")
#: A count, then a parenthesis that opens with a year (死亡人数4295人(2004年829人、…)).
_TOTAL_THEN_YEARS = re.compile(r"\s*(?:为|是|共|共计|达|合计)?\s*\d[\d,.]*\s*万?\s*(?:人|名|例)\s*\(\s*"
                               r"(?=(?:19|20)\d{2}\s*年)")
#: The fields that count people at a moment (stocks), not events over a period.
_STOCKS = frozenset({"total_population", "permanent_population", "women_15_49", "married_women_15_49"})
#: A chronicle's year heading: a year alone before a line break, at a line's start or after 。.
_HEADING_YEAR = re.compile(r"(?:^|(?<=[\n。]))[ \t]*(?P<y>(?:19|20)\d{2})[ \t]*年[ \t]*(?=\n)")
#: A list marker right before a name: the name heads a section (一、常住人口 / (二)户籍人口).
_LIST_HEADING = re.compile(r"(?:^|[\s:。;])(?:[一二三四五六七八九十]+、|\(?[一二三四五六七八九十\d]+\)|\d+[.、])\s*$")
#: A section heading run into the sentence it heads (基本情况 全镇…, 人口状况 年末…, 人口 2015年末…,
#: a numbered one: 十一、人口、人民生活和社会保障 全年…, 九、人 口 年末…), or a lead-in (现将…总结如下).
_HEADING = re.compile(r"^[\u4e00-\u9fff]{2,12}(?:情况|概况|工作|数据)\s+"
                      r"|^(?:人口|[\u4e00-\u9fff]{0,10}(?:状况|变动|计划生育))\s+(?=\S)"
                      r"|^(?:[一二三四五六七八九十]+、|\(?[一二三四五六七八九十]+\)|\d{1,2}[.、])\s*"
                      r"[^\s,。;:](?:\s?[^\s,。;:]){0,23}\s+(?=\S)"
                      r"|^现将[\u4e00-\u9fff\d_xX*]{0,20}?(?:汇报|总结|报告|分析|说明)(?:如下|于后)\s*:?"
                      # 1.总人口现状2004年全市…: a heading run into its text (a page that lost its
                      # line breaks), before a year or the place itself
                      r"|^(?:\d{1,2}[.、]|[一二三四五六七八九十]+、)?\s*[\u4e00-\u9fff]{0,10}(?:现状|概况|基本情况)"
                      r"(?=\s*(?:(?:19|20)\d{2}\s*年|全|我|本))"
                      r"|^(?:\d{1,2}[.、]|[一二三四五六七八九十]+、)\s*[\u4e00-\u9fff]{1,10}情况"
                      r"(?=\s*(?:(?:19|20)\d{2}\s*年|全|我|本))"
                      # 統計應用分析報告 臺南市103年人口結構與特性分析 … 104年7月 摘要 本市…: a report's
                      # cover run into its abstract
                      r"|^[^。;!?]{0,80}?摘\s?要\s*:?\s*")
_CITY_AT_START = re.compile(r"^[^\W\d_a-zA-Z在的了是]{1,4}?(?:市|县|旗|社区|街道|镇|乡)")
#: The end of the title of a yearly statistical document (…统计公报》, …数据的通报》, …统计分析》).
_YEARLY_TITLE = re.compile(r"(?:公报|通报|统计分析|统计报告|统计年报)》")
#: A place masked at the start of a clause (某区出生率…, XX县常住人口…).
_MASKED_PLACE_AT_START = re.compile(r"^(?:某|[xX×*]{1,3})(?:市|县|区|旗|镇|乡|街道)")
#: A province named at the start of a clause (甘肃省常住人口…), by the closed list of China's
#: provinces, autonomous regions and municipalities (GB/T 2260).
_PROVINCE_AT_START = re.compile(
    r"^(?:(?:河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川"
    r"|贵州|云南|陕西|甘肃|青海|台湾)省|(?:北京|天津|上海|重庆)市"
    r"|(?:内蒙古|广西壮族|西藏|宁夏回族|新疆维吾尔|广西|宁夏|新疆)自治区)")
#: Words before a population's name that date it to the start or the end of the report's period
#: (期初总人口 / 期末总人口: two stocks of one period, not a conflict).
_PERIOD_START = ("期初",)
_START_END = [{start, end} for start in _PERIOD_START for end in ("期末", "年末", "年底")]
#: Words that may stand before a name in its clause without making the figure someone else's.
_NEUTRAL = re.compile(
    r"(?:\s|目前|现有|现|全员|共有|共计|共|有|其中|但是|但|并且|并|而且|且|以及|却|则|也|还|[县市区镇乡村]内|年末|年底|期初|期末|半年来|年来|以来|\d+个月|全年|当年|本年度内|年度内|本年度|本年|今年|年内|年度|累计|合计|总计"
    r"|截至目前|截止目前|截至|截止|辖区内|辖区|境内|区域内|镇域内|镇域|域内|实有|登记|统计|据统计|经统计"
    r"|数据显示|的|中|为|是|在|全|总|年|底|末|份|月|日|\d|同期|据|我|本|该|已|已经|全部|户籍|常住|流动"
    r"|流入|流出|外来|[-.~至到]|[一二三四五六七八九十]是|第[一二三四五六七八九十]+|首先|其次|另外|此外"
    r"|同时|再次|最后|[一二三四五六七八九十]+、|纯|上报|报告|据悉|据了解|据介绍|据调查|根据|报表|年报|资料"
    r"|显示|表明|核实|期内|公安|普查|清理清查|清查摸底|清查|摸底|自然年度|人口监测|监测|管辖范围内?|居住半年以上的?|实际|另有|另|在册的?|原|而|按照|按|依据|时|之|生育能力|居住在|居住于|为止|人群"
    r"|实现了?|(?:建国|解放)(?:初期|以来|后|前))*")
_CHANGE = re.compile(r"比上年|较上年|比去年|较去年|同比|环比|与上年|与去年|比上一年|增加|减少|下降|上升"
                     r"|增长|提高|降低|增幅|降幅|净增|净减|回落|多出|少了")
_COMPARED_PLAIN = re.compile(r"\s*,?\s*(?P<w>与|比|较|同|和)\s*(?:(?P<y>(?:19|20)\d{2}|(?P<roc>1[01]\d))\s*年|"
                             r"(?P<m>上一年|上年|去年|前一年|前年))(?:底|末|同期)?(?P<of>的)?\s*"
                             r"(?P<again>(?![零〇○一二两三四五六七八九十廿])[\u4e00-\u9fff]{2,8}?)?\s*(?:为|是)?\s*"
                             r"(?=[-\d零〇○一二两三四五六七八九十廿])")
_YEAR_DIGITS = "0123456789〇零○一二三四五六七八九"
#: 出生的190人中 / 出生190人中: the births counted before, as the ground of what follows.
_AMONG_BIRTHS = re.compile(r"出生(?:的|人口)?\s*(?P<n>\d[\d,]*)\s*(?:人|名)\s*中")
#: 总人口至2013年底有532854人 / 總人口截至去年底為…: the point in time a stock is counted at,
#: between its name and its value (the end of a year only: 截至6月底 is a part of the year).
_AS_OF = re.compile(r"\s*(?:截至|截止|至|到)\s*(?:(?P<y>(?:19|20)\d{2})\s*年|(?P<rel>去年|上年|今年|本年))\s*"
                    r"(?:底|末|(?:12|十二)\s*月\s*(?:31\s*日|底|末))\s*,?\s*")
#: The persons of a headcount, ending its clause (36696人, 1.2万人, 53万2854人, 14270人口).
_HEAD_PERSONS = r"(?P<v>\d[\d,.]*\s*(?:万零?\d{0,4})?\s*口?人)(?:口)?(?=\s*(?:[,;。、)\n]|\.(?!\d)|中\s*,|$))"
#: The villages and groups a place has (辖21个行政村,387个村民小组): one character of them, after 辖.
_HELD_CHARS = r"\d\s一二三四五六七八九十百个行政村居委会社区自然民小组和、"
_HELD_UNIT = "[" + _HELD_CHARS + "]"
_HELD = r"(?:共辖|现辖|下辖|辖)" + _HELD_UNIT
#: The same said with 有 (全村有27个村民小组504户共1810人), only before a headcount.
_HELD_BEFORE = r"(?:共辖|现辖|下辖|辖|共有|有)" + _HELD_UNIT
#: 全区总户数12226户、36696人 / 有居民2286户、18473人 / 全村为948人: the population without its
#: name (the self reference 全村 is taken off before; what is left is 为 / 有 and the number).
_HEADCOUNT = re.compile(r"(?:(?:(?:总户数|户数|有居民|居民|共有人口|有人口|拥有|共有|有|为|计|共|人口|" + _TO_LEVEL
                        + r")\s*)?(?<![\d.])\d[\d,]*(?:\.\d+)?\s*万?\s*户(?:人家|农户|居民|村民)?\s*(?:[、,]?\s*(?:计|共|共计)?\s*(?P<name>人口|总人口)?)?"
                        r"|(?<=[全我本该][镇乡村区县市])(?P<as_of>" + _AS_OF.pattern + r")?\s*(?:共有|有|为|共计)?\s*"
                        r"|(?<=[全我本][镇乡区县市])\s*" + _HELD + r"{2,30},\s*(?:共有|共计)?\s*"
                        # …面积191.73平方公里,辖7个村,161个村民组,1.6万人: the same in clauses
                        r"|(?<=[,;])\s*(?:共辖|现辖|下辖|辖)(?:" + _HELD_UNIT + r"*个" + _HELD_UNIT
                        + r"*,){1,4}\s*(?:共有|共计)?\s*)" + _HEAD_PERSONS)
#: A parity's births within the policy (其中一孩政策内出生19695人,): a rate after it in the clause
#: group is that parity's.
_PARITY_PART = re.compile(r"(?:第?[一二三1-3]孩|多孩|第?[一二三]胎)(?:的)?(?:政策内|计划内|符合政策的?|合法)(?:生育|出生)")
#: A group of households or people named before a colon (特困户: / 留守儿童:): the headcount
#: after it is theirs.
_GROUP_HEADING = re.compile(r"(?:户|人员|对象|群体|家庭|老人|儿童|妇女|学生|残疾人)\s*:\s*$")
#: The villages and groups a place has, said before its headcount (辖21个村146个村民组).
_UNITS_HELD = re.compile("^" + _HELD_BEFORE + "+$")
#: 全村辖14个村民小组总户数1013户总人口4104人 (no mark between them): the groups a place has and
#: its households, said before a name in the same clause, are context.
_HELD_AND_HOUSEHOLDS = re.compile(
    r"(?:(?:共辖|现辖|下辖|辖|共有|有)?\s*[\d一二三四五六七八九十百]+\s*个\s*"
    r"(?:行政村|自然村|村民小组|村民组|居委会|社区|小组|组|村)[、,]?)+"
    r"|(?:(?:总户数|户数)(?:为|有|共|计)?\s*)?\d[\d,]*(?:\.\d+)?\s*万?\s*户")
#: A chain of the provinces, cities and counties above a place, printed right before its name
#: (扬州市江都区邵伯镇总人口…): where the place is, not whose figure it is.
_ADMIN_CHAIN = r"(?:[\u4e00-\u9fff]{2,4}?(?:省|自治区|自治州|市|州|地区|盟|县|区|旗))+"
_HEADCOUNT_LABEL = Label("户", "total_population", False, False)
#: …13098人,2003年下降至3159户,12685人: a later year's households and persons after a headcount.
_NEXT_HEADCOUNT = re.compile(r"\s*[,;]\s*(?:到|至)?\s*(?P<y>(?:19|20)\d{2})\s*年(?:底|末)?\s*"
                             r"(?:为|有|" + _TO_LEVEL + r")?\s*"
                             r"\d[\d,]*\s*户\s*[、,]\s*" + _HEAD_PERSONS)
#: 18656户54991,: a count of households, then a bare number (the persons, unit left out).
_HOUSEHOLDS_THEN_BARE = re.compile(r"\d[\d,]*\s*户\s*(?P<n>\d[\d,]*)(?=\s*(?:[,;。]|$))")
#: 户籍人口有2741户,共7880人 / 户籍人口2741户7880人: the households, then the persons.
_HOUSEHOLDS_THEN_PERSONS = re.compile(r"\d[\d,]*(?:\.\d+)?\s*万?\s*户\s*[,、]?\s*(?:共有|共计|共|计|合)?\s*"
                                      r"(?=\d[\d,]*(?:\.\d+)?\s*万?\s*[人口](?![\d\u4e00-\u9fff]))")
#: …,去年同期为148人: last year's figure of the same name in a clause of its own.
_PREV_CLAUSE = re.compile(r"\s*[,;]\s*(?P<m>去年同期|上年同期|去年|上年|上一年)(?:底|末)?\s*(?:为|是|:)\s*"
                          r"(?=[-\d])")
#: What follows the compared figure: 相比 / 持平 after 与; a change after 比 / 较 (比2015年的298人增加58人).
_COMPARED_END = re.compile(r"\s*(?:相比|比较|基本持平|持平|相当|基本相当|相同|一致)")
_COMPARED_CHANGE = re.compile(r"\s*(?:相比)?\s*,?\s*(?:增加|减少|下降|上升|多|少|提高|降低|增长|略有|有所)")
#: …常住人口579101人,与2010年第六次全国人口普查的442854人相比 (…同第五次全国人口普查2000年11月
#: 1日零时的333586人相比): the figure of the last census.
_COMPARED_CENSUS = re.compile(r"(?:\s*\([^()]{0,80}\))?\s*,?\s*(?P<w>与|同|和|比|较)\s*(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?"
                              r"(?:" + headers.census_name("c") + r"|“?(?P<c2>[四五六七])普”?)(?:时)?"
                              r"(?:\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:零时|0时|24时)?)?(?:的)?\s*")
#: 据公安部户籍登记 / 公安机关常住户口登记资料: the police household register, whose 常住人口 are
#: the registered (户籍) population of older gazetteers.
_POLICE_REGISTER = re.compile(r"公安[^,。;]{0,6}(?:户籍|户口)|(?:户籍|常住户口|户口)登记")
#: …,与2015年相比,2016年全市出生率上升: the year compared with, right before the text's own year.
_LATE_YEAR = re.compile(r"(?:与|同|和|跟)\s*(?P<y>(?:19|20)\d{2})\s*年\s*(?:相比|比较)\s*,?\s*")
#: A bulletin's table heading with its year (表四 2022年长兴居民人均收支主要指标), at a line's start.
_TABLE_YEAR = re.compile(r"(?m)^[ \t]*表\s*[一二三四五六七八九十\d]{1,3}\s*(?P<y>(?:19|20)\d{2})\s*年")
_COMPARED_PAREN = re.compile(r"\s*,?\s*(?:比|较|与)\s*(?P<m>上一年|上年|去年|前一年|(?P<y>(?:19|20)\d{2})\s*年)(?:同期)?"
                             r"(?:相比)?\s*\(\s*")
#: The change from a compared year's figure (降低了0.42个千分点 / 提高1.92个百分点 / 增加58人).
_CHANGE_BY = re.compile(r"\s*(?:降低|下降|减少|提高|上升|增加|增长|回落|回升)了?\s*\d+(?:\.\d+)?\s*"
                        r"(?:个千分点|个百分点|‰|%|人|名|例)?")
#: A rate's change from last year in per-mille points right after it (自然增长率4.03%。比上年下降
#: 1.81个千分点): the rate is per mille too, whatever sign was printed.
_PERMILLE_POINTS_AFTER = re.compile(r"(?:\s*%)?\s*[,。;]?\s*(?:比|较)\s*(?:上一年|上年|去年|前一年)?(?:同期)?\s*"
                                    r"(?:降低|下降|减少|提高|上升|增加|增长|回落|回升)了?\s*\d+(?:\.\d+)?\s*个?千分点")
#: A rate's change just before a name, in points (出生率8.66‰,比上年下降1.84个千分点死亡率…): it
#: ends the clause the change was in, printed with no mark after it.
_CHANGE_ENDS = re.compile(r"(?:降低|下降|减少|提高|上升|增加|增长|回落|回升)了?\s*\d+(?:\.\d+)?\s*"
                          r"(?:个千分点|个百分点|‰|%)\s*$")
_PREV_PAREN = re.compile(r"\s*\(\s*(?P<m>上一年|上年同期|上年|去年同期|去年|前一年|(?P<y>(?:19|20)\d{2})\s*年)"
                         r"\s*(?:同期)?\s*(?:为|是|:|的)?\s*")
#: Words only a family-planning text uses.
_FAMILY_PLANNING = re.compile(r"计划生育|计生|政策符合率|符合政策|政策内|政策外|育龄妇女|育妇|节育|避孕|独生子女"
                              r"|计划内|计划外|法定生育")
#: Words of a dated event, whose year is not the year of the figures after it: an honour or a
#: founding (2012年,被授予“先进乡镇”), the place's history (1956年改称xx公社,1984年恢复乡名), a
#: person's (她从1994年受聘担任计生管理员). A meeting's year is: its news gives that year's figures.
_FOUNDING = r"成立|建成|改称|更名|改名|撤销|撤并|并入|划归|划入"  # a place's founding and history
_EVENT = re.compile(r"授予|荣获|获得|获评|评为|评选为|命名为|被命名|表彰|荣膺|挂牌|创建为|恢复|析置|"
                    r"受聘|担任|任职|上任|调任|" + _FOUNDING)
#: The date of an event, said after its verb (菜圃社区成立于2002年12月,…现有1465户,3569人): not the
#: year of anything else in the sentence.
_EVENT_DATE = re.compile(r"(?:" + _FOUNDING + r"|建立|始建|兴建|创建|创办|组建|设立|建制|合并|出生|毕业|竣工|落成|"
                         r"开业)(?:于|在)\s*$")
#: 现有 / 目前 / 现在: the time of writing.
_NOW = re.compile(r"现有|现辖|目前|现在")
#: The founding or reshaping of a place, said after its year (2004年经过县政府重组的新社区).
_REFORMED = re.compile(_FOUNDING + r"|重组|组建|合并|设立|建立|新建|析出")
#: A forecast or a plan: the year it names is not the year of the figures after it.
_PROJECTION = re.compile(r"预计|预测|预估|预期|有望|力争|规划|展望|到\s*(?:19|20)\d{2}\s*年(?!底|末)[^。]{0,40}?(?:的要求|的目标)|将(?:会)?(?:达到|低于|高于|超过|突破|减少|增加|下降|"
                         r"降至|减至|增至|控制在|跌破)")
_RATE_WORDS = re.compile(r"率|度|比例|占比|比重|覆盖面")
_GROWTH_WORDS = re.compile(r"增长|增幅|提高|上升|增加|提标|增速")


# Data ------------------------------------------------------------------------------------------------

Key = tuple[str | None, int | None, str, str | None]
#: The running time context: year, where it was stated, part of the year (上半年 …) or None.
_YearCtx = tuple[int | None, tuple[int, int] | None, str | None]


@dataclass
class Figure:
    """One figure read from the text, with where it came from."""

    field: str
    value: int | float
    text: str
    span: tuple[int, int]
    label: str
    label_span: tuple[int, int]
    sentence_span: tuple[int, int]
    key: Key


@dataclass
class Context:
    """What the words around a name say about the figure: place, year, series, topic."""

    place: str | None
    year: int | None
    series: str = "main"
    period: str | None = None
    year_span: tuple[int, int] | None = None

    def key(self) -> Key:
        return (self.place, self.year, self.series,
                self.period if self.year is None or self.period != "上年" else None)


@dataclass
class _Label:
    """A name found in a sentence."""

    start: int
    end: int
    text: str
    label: Label | None  # None: a NOT_FIGURES name
    topic: str = ""


# Small helpers ---------------------------------------------------------------------------------------


def _year_value(m: re.Match[str]) -> int | None:
    if m.group("y"):
        return int(m.group("y"))
    if m.group("census") or m.group("census2"):
        return headers.CENSUS_YEARS[m.group("census") or m.group("census2")]
    if m.group("mg"):  # 民国7年(1918): the Republic's years count from 1912
        n = int(m.group("mg")) if m.group("mg").isdigit() else cn_number(m.group("mg"))
        # (民國72年 in Taiwan, where the count goes on after 1949)
        return 1911 + int(n) if n is not None and 1 <= n <= schema.YEAR_MAX - 1911 else None
    raw = m.group("cy")
    if not any(c in raw for c in "一二三四五六七八九〇零○"):
        return None  # "0000" or Latin O's only: not a Chinese-numeral year
    digits = "".join(_CN_DIGIT.get(c, "") for c in raw)
    y = int(digits) if len(digits) == 4 else None
    return y if y is not None and schema.YEAR_MIN <= y <= schema.YEAR_MAX else None


#: Plausible ranges of per-mille rates printed without their ‰ sign.
_BARE_RATE_RANGE = {"birth_rate_permille": (0, 60), "death_rate_permille": (0, 40),
                    "natural_growth_permille": (-30, 40)}


#: Crude rates in per cent that no population has: above these a rate printed with % is a
#: misprinted ‰ (a birth rate of 6% would be 60‰; death 4%, natural growth 5%).
_PERCENT_MAX = {"birth_rate_permille": 6, "death_rate_permille": 4, "natural_growth_permille": 5}

#: A crude rate printed with %, for :meth:`_Extractor._sibling_misprinted`.
_CRUDE_RATE_PERCENT = re.compile(r"(?P<name>出生率|死亡率|自然增长率)[为是:\s]{0,3}"
                                 r"(?P<num>\d+(?:\.\d+)?)\s*%")


def _period_words(period: str) -> dict[str, str]:
    """A period of several years in each language: 1985-2000年 / 10年 / 2014年以来."""
    if period.endswith("以来"):
        return {"zh": period, "en": f"the years since {period[:-3]}"}
    if _MULTI_YEAR.match(period):
        return {"zh": period + "间", "en": period[:-1]}
    return {"zh": period + "间", "en": f"{period[:-1]} years"}


def _percent_impossible(field_name: str, d: Decimal) -> bool:
    """Whether a crude rate printed with % is impossible as a percentage (so its % is a
    misprinted ‰); the limits are :data:`_PERCENT_MAX`, and 100 or more is no rate at all."""
    limit = _PERCENT_MAX.get(field_name)
    return limit is not None and limit < abs(d) < 100


def _bare_rate_ok(field_name: str, d: Decimal, norm: str, end: int) -> bool:
    """A per-mille rate printed without a unit may be read as ‰: the number ends its clause
    (``出生率为4.48,``, not ``4.48个千分点``) and lies in the plausible range of that rate."""
    low, high = _BARE_RATE_RANGE.get(field_name, (0, -1))
    return low <= d < high and (end >= len(norm) or norm[end] in _CLAUSE_SEP + "。!?\n")


_DATELINE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?:0?[1-9]|1[0-2])(?P=sep)"
                       r"(?:0?[1-9]|[12]\d|3[01])(?!\d)")

#: The same date written 2005年03月02日 (not the start of a span, 2014年10月1日至…, nor a census
#: moment, 2010年11月1日零时).
_DATELINE_CN = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年\s*(?:0?[1-9]|1[0-2])\s*月\s*(?:0?[1-9]|[12]\d|3[01])\s*日"
                          r"(?!\s*(?:至|到|起|以来|止|[-—~－]|零时|0时|24时))")

#: The date a form was filed or filled in (申报时间:2011.8).
_FORM_DATE = re.compile(r"(?:申报|填报|报送|填表|上报)(?:时间|日期)\s*:\s*(?P<y>(?:19|20)\d{2})\s*(?:[.年/-]|$)")
#: An official document's number (县政办发〔2010〕219号, 国办函[2015]12号).
_DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}(?:发|字|函|文|办|电)\s*[〔\[(]\s*(?P<y>(?:19|20)\d{2})\s*[〕\])]"
                              r"\s*\d{1,4}\s*号")
#: An official document's date, alone on its last line under the signature.
_SIGNATURE_DATE = re.compile(r"(?:^|\n)[ \t]*(?P<y>(?:19|20)\d{2}|[一二][〇零○一二三四五六七八九]{3})\s*年\s*"
                             r"(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
                             r"\s*$")


def _signature_date(norm: str) -> tuple[int, tuple[int, int]] | None:
    """The year and span of an official document's date under its signature (a last line
    2021年2月23日 / 二〇二一年二月二十三日), if any."""
    off = max(0, len(norm) - 200)
    sig = _SIGNATURE_DATE.search(norm, off)
    y = _plain_year(sig.group("y")) if sig else None
    return (y, (sig.start("y"), sig.end())) if sig and y else None


def _news_date(norm: str) -> tuple[int, tuple[int, int]] | None:
    """The year and span of a news item's date line in the text's first lines (2015-07-29,
    2005年03月02日), if any: not what ends a short text, its signature's date."""
    head = norm[:300]
    m = _DATELINE.search(head)
    if m is None:
        m = _DATELINE_CN.search(head)
    if m is not None and head.count("\n", 0, m.start()) <= 4 and norm[m.end():].strip():
        return int(m.group("y")), (m.start(), m.end())
    return None


def _head_year(pattern: re.Pattern[str], norm: str, head: int) -> tuple[int, tuple[int, int]] | None:
    """The year (group ``y``) and its span of the first match of ``pattern`` in the text's first
    ``head`` characters: a form's filing date (申报时间:2011.8, ``_FORM_DATE``) or an official
    document's number (县政办发〔2010〕219号, ``_DOCUMENT_NUMBER``: the year it was issued, as good
    as a date under its signature)."""
    m = pattern.search(norm[:head])
    return (int(m.group("y")), (m.start("y"), m.end("y"))) if m else None


#: A year printed where it cannot be one: inside a longer number (282023人, 12023.65) or before
#: a count's measure word (2023个村民小组, 怀孕2023个月); not a date that lost its 年 (20171月).
_YEAR_IN_NUMBER = re.compile(r"(?:(?<=\d)(?P<a>20\d{2})|(?<![\d.])(?P<b>20\d{2})(?=\d|\s*(?:个|多|余|户)))"
                             r"(?!\d{1,2}\s*月)")


def _year_stamp(norm: str) -> str | None:
    """The year a web site printed in place of other digits all through a text (a copy made in
    2023 that turned 10 into 2023: 总人口220233人, 42023户, 2023个村民小组): a year the text also
    names, found so three times at least, else None. Figures printed with it are flagged, not trusted."""
    seen = Counter(m.group("a") or m.group("b") for m in _YEAR_IN_NUMBER.finditer(norm))
    # (a year the text also names; not 2000 or 2010, which round numbers hold: 120000人, 32010)
    year, n = next(((y, n) for y, n in seen.most_common() if not y.endswith("0") and y + "年" in norm), ("", 0))
    return year if n >= 3 else None


def _plain_year(text: str) -> int | None:
    """2008 or 一九七○ as a number (None when not a plausible year)."""
    digits = "".join(_CN_DIGIT.get(c, c) for c in text)
    y = int(digits) if digits.isdigit() and len(digits) == 4 else None
    return y if y is not None and schema.YEAR_MIN <= y <= schema.YEAR_MAX else None


# The document: places --------------------------------------------------------------------------------


# The extractor ---------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _names() -> tuple[dict[str, Label], re.Pattern[str], re.Pattern[str]]:
    """The names read in running text (first one per spelling), one regex finding them and the
    look-alikes of :data:`headers.NOT_FIGURES` longest first, and one finding our names joined
    by 和 / 与 / 及 / 、 (出生率和死亡率分别为 …)."""
    by_text: dict[str, Label] = {}
    for lb in headers.text_labels():
        by_text.setdefault(lb.text, lb)
    names = sorted(set(by_text) | set(headers.NOT_FIGURES), key=len, reverse=True)
    ours = sorted(by_text, key=len, reverse=True)
    return (by_text, re.compile("|".join(re.escape(n) for n in names)),
            re.compile("(?:" + "|".join(re.escape(n) for n in ours) + r")\s*(?:和|与|及|、)"))


@functools.lru_cache(maxsize=1)
def _cut_words() -> re.Pattern[str]:
    """The words a stray space may cut in two (人口普 查, 出生人 口): the names of :func:`_names`
    and 普查."""
    return re.compile("|".join(re.escape(n) for n in sorted(_names()[0], key=len, reverse=True)) + "|普查")


class _Extractor:
    """Reads one text; see the module docstring for the rules."""

    def __init__(self, text: str):
        self.doc = Document.of(text)
        self._cells, self._tables = text_tables.find_tables(self.doc.norm)
        joined = joined_wraps(self.doc.norm, self._tables) + split_words(self.doc.norm, self._tables,
                                                                         _cut_words())
        if joined:  # 人⏎口出生率: a word a wrapped line cut in two is read whole
            self.doc = Document.of(text, (self.doc.pos[i] for i in joined))
            self._cells, self._tables = text_tables.find_tables(self.doc.norm)
        norm = self.doc.norm
        find_places(self.doc)
        self.figures: list[Figure] = []
        self.alternatives: list[Figure] = []  # conflicting second statements
        self.problems: list[dict] = []
        self.records: dict[Key, dict] = {}
        self.sentences = sentences(norm, self._tables)
        self._by_text, self._label_re, self._joined_re = _names()
        #: the titles of documents (《…》), whose years name them, not the figures' period; not
        #: the one year of a statistical bulletin or report of that year
        #: (《谯城区2020年国民经济和社会发展统计公报》显示,…年末户籍总人口171.5万人: 2020's)
        self._titles = [(a, b) for a, b in title_spans(norm)
                        if not (_YEARLY_TITLE.search(norm, a, b) and len(_YEAR.findall(norm, a, b)) == 1)]
        # the years of the text's first line as printed (the normalised text joins lines that
        # only wrap a word): its heading's years, the text's own
        head = headers.normalize_text(self.doc.original.lstrip().split("\n", 1)[0])
        self._heading_years = {int(m.group("y")) for m in _YEAR.finditer(head) if m.group("y")}
        self._consumed: list[tuple[int, int]] = []
        #: the name, field and context of the last figure read, and where its value ends
        self._last_read: tuple[_Label, str, Context, int] | None = None
        #: a news item's date line (2010-05-27 in its first lines), and the text's date: that, a
        #: form's filing date (申报时间:2011.8), an official document's date under its signature or
        #: the year of its number (县政办发〔2010〕219号); 今年 and 去年 count from the latter
        self._news_date = _news_date(norm)
        self._form_date = _head_year(_FORM_DATE, norm, 600)
        self._dateline = (self._news_date or self._form_date or _signature_date(norm)
                          or _head_year(_DOCUMENT_NUMBER, norm, 300))
        #: where the years of a document's date under its issuing office start (a cover's or a
        #: signature's 重庆市大足区卫生健康委员会⏎2023年4月): the document's, not its figures'
        self._office_dates = {m.start("y") for m in _OFFICE_DATE.finditer(norm)}
        # (and the years of a leader's time in office: 郭学增(2001年2月离任), 杨秀森(2001年2月至2002年1月))
        self._office_dates |= {y.start() for m in _TENURE.finditer(norm) for y in _YEAR.finditer(norm, *m.span())}
        #: a year the web site printed in place of other digits, if it did (see _year_stamp)
        self._stamp = _year_stamp(norm)
        #: the topic and series the previous sentence ended on (for one opening with 其中)
        self._prev: tuple[str, str] | None = None
        #: a statistical text (no family-planning words): its births and rates are on the basis
        #: of the population its paragraph opens with (NBS figures are on the resident basis;
        #: family-planning statistics on the registered one)
        self._statistical = not _FAMILY_PLANNING.search(norm)
        #: the 街道 / 社区 a text calls its own (全街道, 本社区): the word alone is that place too
        self._own_unit_words = {m.group("level") for m in SELF.finditer(norm)
                                if m.group("who") in "全我本" and m.group("level") in ("街道", "社区")}
        self._para_series: str | None = None
        #: quotations (“…” / 「…」 within a line), and the place a quotation calls its own (我市)
        #: with where the quotation ends: it holds for the quotation's later sentences too
        self._quotes = [(m.start(), m.end()) for m in _QUOTATION.finditer(norm)]
        self._quote_place: tuple[int, str] | None = None
        #: the year a text states only after its first figures (与2015年相比,2016年…), and where
        self._late_year: tuple[int, tuple[int, int]] | None = None
        #: the year last named in the text, with its span (what a chronicle's 是年 means)
        self._last_year: tuple[int, tuple[int, int]] | None = None
        #: whether the text is a chronicle (大事记) with year headings
        self._chronicle = False
        #: where each year of the Republic written in full ends, and its number (民国5年: 5)
        self._roc = [(m.end(), y - 1911) for m in _YEAR.finditer(norm)
                     if m.group("mg") and (y := _year_value(m)) is not None]
        #: a Taiwan text, whose years of the Republic are often printed without 民國 (110年)
        self._taiwan = bool(_TAIWAN.search(norm))

    # -- entry point --------------------------------------------------------------------------------

    def run(self) -> list[dict]:
        year_ctx: _YearCtx = (None, None, None)
        if (news := self._news_date) is not None:
            # a news item dated 2015-07-29 that names no year before its figures
            # (全村总人口3415人): they are of its date; a document's date under its signature is
            # not used so (a report signed in February is mostly about the year before)
            year_ctx = (news[0], news[1], None)
        elif (form := self._form_date) is not None:
            # an application form filed 2011.8 (申报时间:2011.8): its figures are of then
            year_ctx = (form[0], form[1], None)
        carry: _Label | None = None
        cells, tables = self._cells, self._tables
        for cell in cells:
            self._table_cell(cell)
        for m in _INFOBOX_POPULATION.finditer(self.doc.norm):
            self._infobox_population(m)
        headings = self._chronicle_headings()
        self._chronicle = bool(headings)
        for s, e in self.sentences:
            if any(a <= s and e <= b for a, b in tables) or _SUPPOSING.match(self.doc.norm, s) \
                    or _SAMPLE.match(self.doc.norm, s):
                continue  # a line of a table: read above, cell by cell; a supposition, an estimate,
                # a survey's sample
            heading = next((h for h in reversed(headings) if h[1][1] <= s), None)
            if heading is not None:
                # a chronicle: each entry is of its heading's year; a year inside an entry dates
                # that sentence only (…1988年上升到85.4%。全市总人口200.33万人 is 1964's)
                year_ctx = (heading[0], heading[1], None)
            year_ctx, carry = self._sentence(s, e, year_ctx, carry)
        self._scan_percentages()
        self._scan_dates()
        return self._finish()

    def _chronicle_headings(self) -> list[tuple[int, tuple[int, int]]]:
        """The year headings of a chronicle (大事记): a year alone before a line break, at a
        line's start (1977年) or after 。 (1978 年, left at a line's end by OCR): (year, span) of
        each, when there are two at least; else none."""
        out = [(int(m.group("y")), (m.start("y"), m.end()))
               for m in _HEADING_YEAR.finditer(self.doc.norm)]
        return out if len(out) >= 2 else []

    def _table_cell(self, cell: text_tables.Cell) -> None:
        """A number of a plain-text table: read with the unit its row or column name gives."""
        v = _VALUE.match(self.doc.norm, *cell.value_span)  # (the next cell may be a single space away)
        if not v:
            return
        lab = _Label(cell.label_span[0], cell.label_span[1], self.doc.norm[slice(*cell.label_span)],
                     None)
        ctx = Context(self.doc.main_place, cell.year, year_span=cell.label_span)
        self._figure_from(v, lab, cell.field, ctx, "", implied_unit=cell.unit)

    def _infobox_population(self, m: re.Match[str]) -> None:
        """人口(2024年9月)(1,688戶) | | ⏎ • 總計 | 4,161人 |: an encyclopaedia infobox's population,
        its name and date on one row and its total on the next."""
        v = _VALUE.match(self.doc.norm, m.start("v"))
        if v is None:
            return
        lab = _Label(m.start(), m.end("name"), self.doc.norm[m.start():m.end("name")], None)
        ctx = Context(self.doc.main_place, int(m.group("y")), year_span=(m.start("y"), m.end("y")))
        self._figure_from(v, lab, "total_population", ctx, "")

    # -- one sentence -------------------------------------------------------------------------------

    def _events(self, s: int, e: int) -> list[tuple[int, int, str, object]]:
        """What a sentence says, in order: years, places, names, parentheses, 其中.

        An event inside a longer one (a place inside a name, a year inside a place) is dropped.
        """
        norm = self.doc.norm
        events: list[tuple[int, int, str, object]] = []
        trends = [(t.start(), t.end()) for m in re.finditer(r"由|从", norm[s:e])
                  for t in [_TREND.match(norm, s + m.start())] if t]
        for m in _YEAR_RANGE.finditer(norm, s, e):
            if not any(a <= m.start() < b for a, b in trends) and not self._in_title(m.start()):
                events.append((m.start(), m.end(), "range", f"{m.group('a')}-{m.group('b')}年"))
        for m in _PLAN_PERIOD.finditer(norm, s, e):
            if not _COMPARED_BEFORE.search(norm, max(s, m.start() - 8), m.start()):
                a = _PLAN_FIRST_YEAR[m.group("n")]
                events.append((m.start(), m.end(), "range", f"{a}-{a + 4}年"))
        for m in _MONTHS_ACROSS.finditer(norm, s, e):
            if m.start() in self._office_dates:
                continue  # 杨秀森(2001年2月至2002年1月): a leader's time in office
            # (the next year only: 2007年10月-2013年6月 is a misprint of it or something else)
            if m.group("b") is None or int(m.group("b")) == int(m.group("a")) + 1:
                fp_year = int(m.group("b")) if m.group("b") and int(m.group("ma")) == 10 \
                    and int(m.group("mb")) <= 9 else None
                events.append((m.start(), m.end(), "months_across",
                               (self.doc.text(m.start(), m.end()), fp_year)))
        for m in _YEAR.finditer(norm, s, e):
            y = _year_value(m)
            if m.start() > s and _COMPARED_BEFORE.search(norm, max(s, m.start() - 8), m.start()):
                # 与2011年持平, 比1979年下降, 与1964年第二次人口普查时相比: a year compared with,
                # not the year of the text
                continue
            if m.start() in self._office_dates:
                continue  # 卫生健康委员会⏎2023年4月: when the report was issued
            if (m.start() > s and _SINCE_CLAUSE.match(norm, m.start() - 1, e)) or (
                    _SINCE_YEAR.match(norm, m.start(), e) and y is not None
                    and any((_year_value(p) or 0) > y for p in _YEAR.finditer(norm, 0, m.start()))):
                # 自2014年开展脱贫攻坚工作以来: where a span up to now starts, not a year of figures
                continue
            if y is not None and not self._in_title(m.start()) \
                    and not any(a <= m.start() < b for a, b in trends):
                events.append((m.start(), m.end(), "year", y))
        events += self._roc_later(s, e)
        for m in _MASKED_YEAR.finditer(norm, s, e):
            events.append((m.start(), m.end(), "masked_year", None))
        for m in _PERIOD.finditer(norm, s, e):
            whole = re.fullmatch(r"(?:1|一)\s*(?:至|到|-|~)\s*(?:12|十二)\s*月(?:份)?", m.group("p"))
            # 1-12月 is the whole year, not a part of it
            events.append((m.start(), m.end(), "whole_year" if whole else "period",
                           _MONTHS_TO.sub("至", m.group("p"))))
        for m in re.finditer(r"全年|全年度", norm[s:e]):
            events.append((s + m.start(), s + m.end(), "whole_year", None))
        for m in _RELATIVE.finditer(norm, s, e):
            before = norm[max(s, m.start() - 1):m.start()]
            if not (before and before in "比较与同和跟"):
                events.append((m.start(), m.end(), "rel", m.group("rel")))
        for m in PLACE.finditer(norm, s, e):
            a, full = place_start(self.doc, m)
            if full in self.doc.places and a >= s and not _NEIGHBOUR_AFTER.match(norm, m.end()) \
                    and not _NEIGHBOUR_BEFORE.search(norm[max(s, a - 4):a]):
                events.append((a, m.end(), "place", full))
        for a, b, name in county_mentions(self.doc, s, e):
            if not _NEIGHBOUR_AFTER.match(norm, b) and not _NEIGHBOUR_BEFORE.search(norm[max(s, a - 4):a]):
                events.append((a, b, "place", name))
        for a, name in named_before_parenthesis(self.doc, s, e):
            events.append((a, a, "place", name))
        for m in SELF.finditer(norm, s, e):
            events.append((m.start(), m.end(), "self", m.group("level")))
        name_end = -1
        for m in self._label_re.finditer(norm, s, e):
            if m.group() in _TOTAL_WORDS and not norm[name_end:m.start()].strip():
                continue  # 总人口共计28765人: the 共计 is the verb of the name before it
            if m.group().startswith("年") and m.start() > s and norm[m.start() - 1] in _YEAR_DIGITS:
                # 2022年末总人口: the 年 is the year's; the name is what follows 末
                inner = self._label_re.search(norm, m.start() + 1, m.end())
                if inner is None:
                    continue
                m = inner
            if norm.startswith("普查", m.end()):
                continue  # 第三次人口普查: the census's name, not the figure's
            text = m.group()
            if text in self._by_text:
                name_end = m.end()
            events.append((m.start(), m.end(), "label", _Label(
                m.start(), m.end(), text, self._by_text.get(text), headers.NOT_FIGURES.get(text, ""))))
        for m in _HEADCOUNT.finditer(norm, s, e):
            events.append((m.start(), m.end(), "headcount", m))
        for m in _AMONG_BIRTHS.finditer(norm, s, e):
            events.append((m.start(), m.end(), "among", to_decimal(m.group("n"))))
        for m in re.finditer(r"其中|\(|\)|;", norm[s:e]):
            kind = {"其中": "sub", "(": "open", ")": "close", ";": "semi"}[m.group()]
            events.append((s + m.start(), s + m.end(), kind, None))
        # a place that holds from a point (the inside of a parenthesis) comes before what starts there
        events.sort(key=lambda ev: (ev[0], ev[1] != ev[0], -ev[1]))
        kept: list[tuple[int, int, str, object]] = []
        for ev in events:
            if not (kept and ev[0] < kept[-1][1]):
                kept.append(ev)
        return kept

    def _roc_later(self, s: int, e: int) -> list[tuple[int, int, str, object]]:
        """Years of the Republic written bare after one written in full in the same paragraph
        (民国5年(1916)…17年为117281人。24年为110475人; 民國72年時…至84年時): each no earlier
        than the full one, so 12年間 / 7年之间 (spans) and smaller numbers stay what they are. In
        a Taiwan text also those of three digits anywhere (截至110年12月底)."""
        norm = self.doc.norm
        out: list[tuple[int, int, str, object]] = []
        if self._taiwan:
            for m in _ROC_BARE.finditer(norm, s, e):
                n = int(m.group("n")) if m.group("n").isdigit() else cn_number(m.group("n"))
                if n is not None and 100 <= n <= schema.YEAR_MAX - 1911:
                    out.append((m.start(), m.end(), "year", 1911 + int(n)))
        for m in _ROC_LATER.finditer(norm, s, e):
            if any(a <= m.start() < b for a, b, _, _ in out):
                continue
            full = next((f for f in reversed(self._roc) if f[0] < m.start()), None)
            if full is None or "\n" in norm[full[0]:m.start()]:
                continue
            n = int(m.group("n")) if m.group("n").isdigit() else cn_number(m.group("n"))
            if n is not None and full[1] <= n <= schema.YEAR_MAX - 1911:
                out.append((m.start(), m.end(), "year", 1911 + int(n)))
        return out

    def _sentence(self, s: int, e: int, year_ctx: _YearCtx, carry: _Label | None
                  ) -> tuple[_YearCtx, _Label | None]:
        """Read one sentence. ``year_ctx`` is the running (year, its span, part of the year) of the
        document, returned updated; ``carry`` a name the previous sentence ended on without a
        number (its topic)."""
        norm = self.doc.norm
        kept = self._events(s, e)
        year, year_span, period = year_ctx
        n_figures = len(self.figures) + len(self.alternatives)
        first_figure = len(self.figures)
        ctx = Context(self.doc.main_place, year, period=period, year_span=year_span)
        if self._quote_place is not None and s < self._quote_place[0]:
            # “2024年末,我市常住人口111.03万人…。其中,出生人口0.33万人…”: still the quoted city's
            ctx.place = self._quote_place[1]
        topic = ""
        if (s == 0 or norm[s - 1] == "\n") and not self._statistical:
            self._para_series = None  # a new paragraph
        elif self._statistical and self._para_series is not None:
            # a statistical text: 年末常住人口49.22万人。全年出生人口3.5万人,出生率9.28‰: the
            # births and rates of a paragraph that opened with the resident population are theirs
            ctx.series = self._para_series
        if norm.startswith("其中", s) and self._prev is not None:
            # 出生74人。其中一孩32人;二孩38人: the breakdown of the previous sentence's figure
            topic, ctx.series = self._prev
        self._census_opening(s, e)
        if carry is not None and carry.label is not None and carry.label.needs is None \
                and _TREND_END.fullmatch(norm, carry.end, s):
            ctx0 = Context(self.doc.main_place, None)
            listed = _YEAR_LIST.match(norm, s, e)
            fill = _FILLER.match(norm, listed.end(), e) if listed else None
            if _NEXT_YEAR.match(norm, s, e):
                # 全市人口出生率稳定下降。1970年为33.60‰,1971年为29.20‰: the years of the name
                # the sentence before ended on
                self._year_by_year(carry, carry.label.field, ctx0, s, e, first=True)
            elif listed and fill and "分别" in fill.group():
                # 人口出生率回升。1981年、1982年分别升至20.3‰和20.75‰: the same, listed
                self._one_name_several_values(carry, carry.label.field, ctx0, fill.end(), e, listed)
        self._next_year_sentence(s, e)
        last: Figure | None = None
        last_unbound: _Label | None = None
        #: one entry per open parenthesis: what to restore at its end, and whether it held names
        parens: list[dict] = []
        sentence_bound = False
        #: the series before a qualifying name set another (流出人口出生14人…;死亡63人: back at ;)
        qualified_from: str | None = None
        #: the topic of a population named for a part only (其中5个空心村户籍人口6213人), whose
        #: list goes on in the next clauses (,常住人口仅2075人) until a ; or the sentence's end
        part_topic: str | None = None
        first_label = next((ev[0] for ev in kept if ev[2] == "label"), e)
        # a sentence that opens with "由…到…" continues the topic of the previous sentence
        if carry is not None and carry.label is not None:
            m = _TREND.match(norm, s)
            if m and m.end() <= first_label:
                self._trend(carry, m, ctx)
        for i, (a, b, kind, val) in enumerate(kept):
            if kind in ("year", "masked_year", "rel") and self._is_consumed(a):
                continue
            if kind == "year":
                if _EVENT_DATE.search(norm, max(s, a - 6), a):
                    continue
                now = _NOW.search(norm, b, e)
                if now and not re.search(r"\d", norm[b:now.start()]) \
                        and _REFORMED.search(norm, b, now.start()):
                    # …两个居委会2004年经过县政府重组的新社区,现有365户,521人: the year of its
                    # founding; 现有 is now (the document's date, if it has one)
                    if self._dateline is not None:
                        year, year_span, period = self._dateline[0], self._dateline[1], None
                        ctx.year, ctx.year_span, ctx.period = year, year_span, None
                    continue
                if year_span is None and self._late_year is None \
                        and any(f.key[1] is None and f.key[3] is None for f in self.figures):
                    m = _LATE_YEAR.search(norm, s, a)
                    if m and m.end() == a and int(m.group("y")) == int(val) - 1:  # type: ignore[call-overload]
                        # 全年出生人口7472人,…,与2015年相比,2016年全市出生率上升: the year of the
                        # figures before, stated only after them
                        self._late_year = (int(val), (a, b))  # type: ignore[call-overload]
                year, year_span, period = int(val), (a, b), None  # type: ignore[call-overload]
                ctx.year, ctx.year_span, ctx.period = year, year_span, None
                self._last_year = (year, year_span)
            elif kind == "period":
                period = ctx.period = str(val)
            elif kind == "range":  # 1985~2000年: totals over several years follow
                year, year_span, period = None, (a, b), str(val)
                ctx.year, ctx.year_span, ctx.period = None, (a, b), str(val)
            elif kind == "months_across":
                span_text, fp_year = val  # type: ignore[misc]
                year, year_span, period = fp_year, (a, b), span_text
                ctx.year, ctx.year_span, ctx.period = fp_year, (a, b), span_text
            elif kind == "whole_year":
                if ctx.period != "上年":
                    period = ctx.period = None
            elif kind == "masked_year":
                year, year_span, period = None, (a, b), None
                ctx.year, ctx.year_span, ctx.period = None, (a, b), None
                self._problem("extract.masked_year", "note", "year", ctx, (a, b))
            elif kind == "rel":
                if val in ("今年", "去年") and self._dateline is not None:
                    # a dated news item: 今年 and 去年 count from its date, not from the last
                    # year the text mentioned
                    y0, span0 = self._dateline
                    ctx.year = y0 if val == "今年" else y0 - 1
                    ctx.period, ctx.year_span = (None if val == "今年" else "上年"), span0
                elif val in ("目前", "现在") and year is None and self._dateline is not None:
                    # 目前共有…实有人口3512人 in a document dated 2021年2月23日 that states no year
                    # before it: the document's year
                    ctx.year, ctx.period, ctx.year_span = self._dateline[0], None, self._dateline[1]
                elif val in ("上一年", "上年度", "上年", "去年", "前一年"):
                    # 去年 of an undated text counts from the text's own year (its heading's,
                    # a line's opening year), not from a year named in passing (高雄自2017年以後
                    # …,去年出生人數…): that 去年 has no year a reader can know
                    ctx.year = year - 1 if year is not None and (
                        val != "去年" or self._own_year(year, year_span)) else None
                    ctx.period, ctx.year_span = "上年", (a, b)
                elif val == "是年" and self._last_year is not None and not self._chronicle:
                    # 1983年1月5日,县政府成立…领导小组。…。是年,死亡2776人: the year last named,
                    # even one that dated an event only (in a chronicle, its entry's heading year:
                    # a year named inside an entry looks back or ahead)
                    ctx.year, ctx.year_span = self._last_year
                    ctx.period = None
                elif val == "今年" and not self._own_year(year, year_span):
                    # 自2000年实行封闭管理以来…。今年,开发区流入的5037人中: the same for 今年
                    ctx.year, ctx.period, ctx.year_span = None, period, (a, b)
                else:
                    ctx.year, ctx.period, ctx.year_span = year, period, year_span
            elif kind in ("place", "self"):
                ctx.place = str(val) if kind == "place" else self._self_place(str(val), a, b)
                if kind == "self":
                    quote = next((q for q in self._quotes if q[0] < a < q[1]), None)
                    self._quote_place = (quote[1], ctx.place) if quote and ctx.place else None
                # 全区出生人口9114人 in a paragraph about the resident population: still theirs
                ctx.series = self._para_series if (
                    self._statistical and self._para_series and ctx.place == self.doc.main_place) else "main"
            elif kind == "open":
                # 政策外47人(一孩30人,二孩15人): the breakdown of a count that is not ours
                unread = bool(re.search(r"\d\s*(?:人|名|例)\s*$", norm[s:a])) and not (
                    last is not None and norm[last.span[1]:a].strip() in ("", "人", "名", "例"))
                parens.append({"series": ctx.series, "place": ctx.place, "year": (year, year_span, period), "ctx_year":
                               (ctx.year, ctx.year_span, ctx.period), "names": False, "bound": False,
                               "skip": unread or bool(parens and parens[-1]["skip"])})
            elif kind == "close" and parens:
                p = parens.pop()
                ctx.series, ctx.place = p["series"], p["place"]
                if p["names"]:  # a block of figures: its years stay inside; a date does not
                    year, year_span, period = p["year"]
                    ctx.year, ctx.year_span, ctx.period = p["ctx_year"]
            elif kind == "among":
                # 出生的190人中男婴94人: the births just counted (190), whatever series came between
                births = next((f for f in reversed(self.figures) if f.field == "births"
                               and f.value == val and f.key[0] == ctx.place), None)
                if births is not None:
                    ctx.series, topic = births.key[2], "births"
            elif kind == "headcount":
                self._headcount(val, ctx, s)  # type: ignore[arg-type]
            elif kind == "semi":
                part_topic = None
                if qualified_from is not None and not parens:
                    ctx.series, qualified_from = qualified_from, None
            elif kind == "sub" and last is not None:
                series = last.key[2] if last.key[2] != "main" else headers.SUBPOPULATION_OF.get(last.field)
                if series:
                    ctx.series = series
                topic = headers.TOPIC_OF.get(last.field, topic)
            elif kind == "label":
                lab: _Label = val  # type: ignore[assignment]
                if parens:
                    parens[-1]["names"] = True
                    if parens[-1]["skip"] and lab.label is not None and (
                            lab.label.field.startswith("births")):
                        # 政策外47人(一孩30人…) / 孕期跟踪107人(已出生71人…): births of a group
                        # that is not ours
                        continue
                if lab.label is not None and lab.label.field in ("births_male", "births_female") \
                        and re.search(r"\d\s*$", norm[max(s, lab.start - 2):lab.start]):
                    continue  # 一孩26人(14男12女): the number comes first, and it is a subgroup's
                if lab.label is None:  # a name that is not ours: sets the topic only
                    topic = lab.topic or topic
                    last_unbound = None
                    self._other_indicator(lab, ctx, e)
                    continue
                nxt = kept[i + 1] if i + 1 < len(kept) else None
                if nxt is not None and nxt[2] == "label" and re.fullmatch(r"(?:的|中)?", norm[b:nxt[0]]):
                    # a name right before another qualifies it (常住人口出生率, 流动人口育妇): its
                    # series holds for the rest of the parenthesis or clause group
                    series = headers.SERIES_WORDS.get(lab.text) or lab.label.series
                    if series:
                        if not parens and qualified_from is None:
                            qualified_from = ctx.series
                        ctx.series = series
                    if lab.label.needs is None:
                        topic = headers.TOPIC_OF.get(lab.label.field, topic)
                    continue
                field_name = self._resolve(lab, topic, ctx)
                if field_name in ("births_male", "births_female") and lab.label.needs \
                        and last is not None and last.field.startswith("births_parity") \
                        and "其中" in norm[last.span[1]:lab.start] \
                        and not re.search(r"[;。]", norm[last.span[1]:lab.start]):
                    # 一孩16人,其中女孩7人,男孩9人: the sexes of one parity, not of all births
                    field_name = None
                if field_name in ("policy_compliance_pct", "sex_ratio_at_birth") and _PARITY_PART.search(
                        norm, max(s, norm.rfind(";", s, lab.start) + 1), lab.start):
                    # 其中一孩政策内出生19695人,政策符合率98.18%: the rate of one parity's births
                    field_name = None
                if field_name is None:
                    last_unbound = None
                    continue
                police = field_name == "permanent_population" and bool(
                    _POLICE_REGISTER.search(norm, s, lab.start)) and not any(
                    ev[2] == "label" and getattr(ev[3].label, "field", None) == "total_population"
                    for ev in kept)  # 户籍人口…,常住人口… in one sentence: two populations
                if police:
                    # 据公安部户籍登记,全区常住人口161 072人: the police register's 常住户口 are the
                    # registered population, not the census's usual residents
                    field_name = "total_population"
                got = self._number_first(lab, field_name, ctx, s)
                if got is not None:
                    last, last_unbound = got, None
                    topic = headers.TOPIC_OF.get(field_name, topic)
                    continue
                prefix_series = self._prefix_ok(lab, s)
                if part_topic is not None and headers.TOPIC_OF.get(field_name) == part_topic \
                        and not norm[self._clause_start(lab.start, s):lab.start].strip():
                    continue  # ,常住人口仅2075人 after 其中5个空心村户籍人口6213人: the same part's
                if prefix_series is False:
                    if field_name in headers.POPULATION_SIZES and not parens and _PARTS.search(
                            norm, self._clause_start(lab.start, s), lab.start):
                        part_topic = headers.TOPIC_OF.get(field_name)
                    # 全区居住半年以上全员流动人口32.3万人,其中…: the figure is not read, but
                    # what follows is about that population
                    if field_name == "births" and not parens:
                        # 补报往年出生105人,其中男67人: nor are those births' sexes ours (其中 is
                        # about them, not about the figure read before)
                        topic, last = "", None
                    series = lab.label.series or headers.SERIES_WORDS.get(lab.text)
                    if series and series != "main":
                        ctx.series = series
                        last_unbound = None
                    continue
                if isinstance(prefix_series, str):  # 常住出生人口性别比, 户籍出生…
                    ctx.series = prefix_series
                # the size of a population is the main row's (常住人口 -> permanent_population),
                # unless the name is itself a series' size (流动人口 -> the migrant total)
                size = field_name in headers.POPULATION_SIZES
                own = lab.label.series or (prefix_series if isinstance(prefix_series, str) and
                                           field_name == "total_population" else None)
                fig_ctx = Context(ctx.place, ctx.year, own or ("main" if size else ctx.series),
                                  ctx.period, ctx.year_span)
                topic = headers.TOPIC_OF.get(field_name, topic)
                got = self._bind(lab, field_name, fig_ctx, kept, i, e)
                if got and police:
                    self._problem("extract.police_register", "note", field_name, fig_ctx, got[0].span,
                                  lab, self.doc.text(lab.start, lab.end))
                if got:
                    last, last_unbound = got[-1], None
                    first_in_scope = not (parens[-1]["bound"] if parens else sentence_bound)
                    if parens:
                        parens[-1]["bound"] = True
                    else:
                        sentence_bound = True
                    series = headers.SERIES_WORDS.get(lab.text) or lab.label.series
                    if first_in_scope and not parens and field_name in (
                            "total_population", "permanent_population") \
                            and not norm.startswith("其中", s) and own in (None, "main", "resident"):
                        # the population a sentence opens with (not a part, 其中…) is the basis
                        # of what follows in its paragraph
                        self._para_series = "resident" if field_name == "permanent_population" \
                            else (own or "main")
                        if self._statistical:
                            ctx.series = self._para_series
                    if first_in_scope and size and series:
                        # a sentence or parenthesis that opens with a population (常住人口128.75万人,
                        # 出生人口9408人, …) goes on about that population
                        ctx.series = series
                    continue
                last_unbound = lab
                # 出生率逐渐下降,从1979年的…: the trend words before the 从 / 由
                before = _TREND_BEFORE.match(norm, b)
                m = _TREND.match(norm, b) or (_TREND.match(norm, before.end()) if before else None)
                if m:
                    self._trend(lab, m, fig_ctx)
                    last_unbound = None
                if norm[b:b + 1] == "中":
                    # 流入人口中(7304人), … / 常住人口中, …: a sub-population from here on
                    series = (headers.SUBPOPULATION_OF.get(field_name)
                              or headers.SERIES_WORDS.get(lab.text) or lab.label.series)
                    if series and series != "main":
                        ctx.series = series
                        if self._statistical and not parens and not sentence_bound \
                                and field_name in ("total_population", "permanent_population"):
                            # 2021年末全市常住人口中,出生人口33119人…。死亡人口37790人: a
                            # paragraph of a bulletin about that population
                            self._para_series = series
                elif self._statistical and not parens and not sentence_bound \
                        and field_name in ("total_population", "permanent_population") \
                        and _LIST_HEADING.search(norm[max(s, a - 6):a]):
                    # 一、常住人口 根据抽样调查,全市人口出生率为7.63‰: a section on that population
                    self._para_series = ctx.series = (
                        "resident" if field_name == "permanent_population" else "main")
        # 其中… continues the topic of a count (出生74人。其中一孩32人), not of a rate, unless the
        # rate is of the same count (出生落户人口16096人,出生率13.51‰。其中,男性8470人)
        counts = [f for f in self.figures[first_figure:] if headers.unit_kind(f.field) == "count"]
        counted = last is not None and counts and headers.TOPIC_OF.get(counts[-1].field) == topic
        self._prev = (topic if counted else "", ctx.series)
        if (year, year_span, period) != year_ctx and n_figures == len(self.figures) + len(
                self.alternatives) and (_EVENT.search(norm, s, e) or _PROJECTION.search(norm, s, e)):
            # 2012年,被省委、省政府授予“先进乡镇”。: the year dates an event, not the figures after
            # it; 预计到2025年,全镇总人口将达到3.5万人。: a forecast's year, nor the figures after it
            return year_ctx, last_unbound
        return (year, year_span, period), last_unbound

    def _census_opening(self, s: int, e: int) -> None:
        """…常住人口为2276184人,…。与2010年第六次全国人口普查的2122661人相比,十年共增加…: a
        sentence opening with the last census's figure compares the population count the sentence
        before ended on."""
        if not self.figures or not _COMPARED_CENSUS.match(self.doc.norm, s, e):
            return
        fig = self.figures[-1]
        prev = bisect.bisect_left(self.sentences, (s, s)) - 1
        if fig.field not in ("permanent_population", "total_population") or prev < 0 \
                or fig.sentence_span != self.sentences[prev]:
            return
        place, year, series, period = fig.key
        lab = _Label(fig.label_span[0], fig.label_span[1], fig.label, self._by_text.get(fig.label))
        self._previous_census(lab, fig.field, Context(place, year, series, period), s, e)

    def _number_first(self, lab: _Label, field_name: str, ctx: Context, s: int) -> Figure | None:
        """共增加91569个新生儿 / 迎来300名新生婴儿 / 全村320名育龄妇女中: the number before the name
        (births, and the women of a share)."""
        norm = self.doc.norm
        if not (field_name == "births" and lab.text in _NUMBER_FIRST_NAMES) and not (
                lab.text in _NUMBER_FIRST_SETS and norm.startswith("中", lab.end)):
            return None
        start = self._clause_start(lab.start, s)
        m = _NUMBER_FIRST.search(norm, start, lab.start)
        if not m or m.end() != lab.start or not _NEUTRAL.fullmatch(
                _BIRTH_VERBS.sub("", self._context_words(norm[start:m.start()]))):
            return None
        v = _VALUE.match(norm, m.start())
        if v is None:
            return None
        fig_ctx = Context(ctx.place, ctx.year, ctx.series, ctx.period, ctx.year_span)
        return self._figure_from(v, lab, field_name, fig_ctx, "")

    def _headcount(self, m: re.Match[str], ctx: Context, s: int) -> None:
        """全区总户数12226户、36696人 / 全村为948人: the population with no name but the place
        (and its households) before it, as chronicles write it. Read only when nothing but
        context stands before it in its clause (家庭户9480户、36599人 is a part)."""
        norm = self.doc.norm
        # 全乡农户3421户,总人口12876人: a name after the households starts a clause of its own
        start = m.start("name") if m.group("name") else m.start()
        clause = self._clause_start(start, s)
        if _GROUP_HEADING.search(norm, max(0, clause - 20), clause):
            return  # 4.因病困灾返贫的特困户:全镇共有644户,2576人: that group's households and persons
        prefix = self._context_words(norm[clause:start])
        # 全乡辖21个村146个村民组8154户33775人: the villages it has, then its households and persons
        prefix = _UNITS_HELD.sub("", prefix)
        if m.group("name"):  # 全村总户数1013户总人口4104人: its own households before the name
            prefix = _HELD_AND_HOUSEHOLDS.sub("", prefix)
        if not _NEUTRAL.fullmatch(prefix):
            return
        if m.group("as_of"):  # 全县至2013年底有532854人
            ctx = self._as_of(_AS_OF.match(norm, m.start("as_of")), ctx)  # type: ignore[arg-type]
        lab = _Label(m.start(), m.start("v"), norm[m.start():m.start("v")], _HEADCOUNT_LABEL)
        v = _VALUE.match(norm, m.start("v"))
        fig = self._figure_from(v, lab, "total_population",
                                Context(ctx.place, ctx.year, "main", ctx.period, ctx.year_span), "") if v else None
        while fig is not None and (nxt := _NEXT_HEADCOUNT.match(norm, fig.span[1])):
            # 1998年全乡3166户,13098人,2003年下降至3159户,12685人: the next year's households and persons
            v = _VALUE.match(norm, nxt.start("v"))
            fig = self._figure_from(v, lab, "total_population", Context(
                ctx.place, int(nxt.group("y")), "main", None, (nxt.start("y"), nxt.end("y"))), "") if v else None

    def _other_indicator(self, lab: _Label, ctx: Context, e: int) -> None:
        """避孕节育措施落实率92.87%: an indicator that sounds like a field but is another one is
        not read; say so, so that the reader knows why the figure is not there."""
        kind = headers.OTHER_INDICATORS.get(lab.text)
        if kind is None:
            return
        norm = self.doc.norm
        filler = _FILLER.match(norm, lab.end, e)
        v = _VALUE.match(norm, filler.end() if filler else lab.end)
        if v and v.group("num") and v.end() <= e:
            self._problem("extract.other_indicator", "note", None, ctx, (lab.start, v.end()),
                          lab, self.doc.text(lab.start, lab.end),
                          what={lang: t(f"ingest.other_indicator.{kind}", lang) for lang in ("zh", "en")})

    # -- context ------------------------------------------------------------------------------------

    def _self_place(self, level_word: str, a: int, b: int) -> str | None:
        """我镇 / 全镇 name the report's township; 全县 in a township report names the county."""
        level = place_level(level_word)
        if level in ("国", "台", "省") and level != self.doc.main_level:
            return self.doc.name(a, b)  # 全国 / 全台 / 全省: never a township's or a county's own
        if self.doc.main_level is None or level == self.doc.main_level:
            return self.doc.main_place
        if level in ("县", "区") and self.doc.county and self.doc.county.endswith(level):
            return self.doc.county
        # 根据兴化市统计局的数据:"2024年末,我市常住人口…" in a text about a district: the last
        # place of that level named before
        norm = self.doc.norm
        named = [(norm.rfind(headers.normalize_text(name), 0, a), name)
                 for name, lvl in self.doc.places.items() if lvl == level]
        at, name = max(named, default=(-1, ""))
        return name if at >= 0 else self.doc.name(a, b)

    def _own_year(self, year: int | None, span: tuple[int, int] | None) -> bool:
        """Whether ``year``, stated at ``span``, is the text's own (a year of its first line, its
        heading; a year opening a line; a year of accounts, 2013年度): the year a 今年 / 去年 of
        an undated text counts from."""
        if span is None:
            return False
        norm = self.doc.norm
        opens_line = not norm[norm.rfind("\n", 0, span[0]) + 1:span[0]].strip()
        return year in self._heading_years or opens_line or norm[span[0]:span[1]].endswith("年度")

    def _in_title(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self._titles)

    def _resolve(self, lab: _Label, topic: str, ctx: Context) -> str | None:
        """The field a name means here, or None (一孩 outside a births sentence, 三孩 beside 四孩,
        性别比 of the whole population, 死亡率 after 婴儿死亡 / 新生儿死亡 …)."""
        assert lab.label is not None
        if topic == "group_deaths" and lab.text == "死亡率":
            return None  # 新生儿死亡30人,死亡率7.58‰: the rate of that group's deaths
        needs = lab.label.needs
        if needs is None:
            return lab.label.field
        if needs == "births3":
            s, e = self._sentence_of(lab.start)
            return lab.label.field if topic == "births" and "四孩" not in self.doc.norm[s:e] else None
        if topic == needs:
            return lab.label.field
        if lab.label.field == "sex_ratio_at_birth" and topic != "population":
            # 性别比 with no births around it: at birth or of the population? Not said: not read.
            v = _VALUE.match(self.doc.norm, _FILLER.match(self.doc.norm, lab.end).end())
            if v and v.group("num"):
                self._problem("extract.sex_ratio_ambiguous", "note", "sex_ratio_at_birth", ctx,
                              (lab.start, v.end()))
        return None

    def _prefix_ok(self, lab: _Label, s: int) -> bool | str:
        """Whether the words before a name in its clause are context only; a series word gives
        the series. False: the figure belongs to something else (参检育龄妇女 …)."""
        start = self._clause_start(lab.start, s)
        if self._last_read and start < self._last_read[3] <= lab.start \
                and not self.doc.norm[self._last_read[3]:lab.start].strip():
            start = lab.start  # 出生人口12809人出生率8.0‰: a figure just read ends a clause
        elif _CHANGE_ENDS.search(self.doc.norm[start:lab.start]):
            start = lab.start  # …比上年下降1.84个千分点死亡率4.63‰: so does a change in points
        line = max(s, self.doc.norm.rfind("\n", s, lab.start) + 1)  # (a title line may run into it)
        heading = _HEADING.match(self.doc.norm[line:lab.start])
        if heading and start < line + heading.end():
            start = line + heading.end()  # 十一、人口、人民生活和社会保障 全年出生人口…: the heading's 、 are no clauses
        prefix = _AMONG_BIRTHS.sub("", self._context_words(self.doc.norm[start:lab.start]))
        prefix = _HELD_AND_HOUSEHOLDS.sub("", prefix)
        if lab.label is not None and lab.label.field == "births":
            prefix = re.sub(r"生育$", "", prefix)  # 全县全年生育新生儿7338人: the verb of the births
        series = None
        # the population a name is about (出生人口中男孩103人): taken out before the series words,
        # or 出生人口 would lose its 人口 to them
        for word in ("已婚育龄妇女", "育龄妇女", "已婚育龄夫妇", "育龄夫妇", "育龄群众", "出生人口",
                     "出生的婴儿", "出生婴儿", "新生儿", "出生数量", "婴儿"):
            prefix = prefix.replace(word, "")
        for word in sorted(headers.SERIES_WORDS, key=len, reverse=True):
            if word in prefix:
                if word not in headers.SERIES_NEUTRAL:
                    series = series or headers.SERIES_WORDS[word]
                prefix = prefix.replace(word, "")
        if not _NEUTRAL.fullmatch(prefix):
            return False
        return series or True

    def _clause_start(self, pos: int, s: int) -> int:
        """Where the clause holding ``pos`` starts (not before the sentence start ``s``)."""
        norm = self.doc.norm
        while pos > s and norm[pos - 1] not in _CLAUSE_SEP and norm[pos - 1] not in "。!?":
            pos -= 1
        return pos

    def _context_words(self, prefix: str) -> str:
        """``prefix`` without what only sets the context: a section heading, places, 全镇 / 我镇,
        years and parts of years, qualifying names, 本年度 / 去年 …"""
        # (一)人口出生情况 全市10个月共出生…: a section heading, then the sentence
        heading = _HEADING.match(prefix)
        if heading:
            prefix = prefix[heading.end():]
        # places, self references and qualifying names are context too
        # whole names first, longest first, then their stems (衢州 for 衢州市, 和顺 for 和顺县): the
        # stem of 东山镇 would otherwise cut 东山街道 to 街道
        names = sorted(((headers.normalize_text(n), lvl) for n, lvl in self.doc.places.items()),
                       key=lambda p: (-len(p[0]), p[0]))
        for name, _ in names:
            prefix = re.sub(_ADMIN_CHAIN + "(?=" + re.escape(name) + ")", "", prefix).replace(name, "")
        for name, lvl in names:
            if len(name) - len(lvl) >= 2 and name.endswith(lvl):
                prefix = prefix.replace(name[:-len(lvl)], "")
        # 桐乡全市 / 平湖市全年 …: a place the text does not otherwise name, then the whole of it
        prefix = _PLACE_THEN_WHOLE.sub("", prefix)
        # 纳家户全村总人口: a name printed without its level, before the whole of a township or
        # village, when the text names it more than once
        bare = _NAME_THEN_WHOLE.match(prefix)
        main = self.doc.main_place
        # (阜阳全市常住人口…, in a text about 临泉县: the city above it, not the text's own)
        above = bool(bare and main and not headers.normalize_text(main).startswith(bare.group())
                     and not prefix.startswith("全" + (self.doc.main_level or ""), bare.end()))
        if bare and self.doc.norm.count(bare.group()) >= 2 and not above:
            prefix = prefix[bare.end():]
        # 平湖市常住人口 (also 2016年平湖市常住人口): a city or county the text names more than once,
        # at the clause start
        # (按东海县1986年底总人口…: also after 按 / 据, and before the year)
        year = re.match(r"(?:按照|按|根据|据|其中)?(?:(?:" + _YEAR.pattern + r")(?:末|底)?)?", prefix)
        off = year.end() if year else 0
        m = _CITY_AT_START.match(prefix[off:]) or _MASKED_PLACE_AT_START.match(prefix[off:])
        if m and not above and m.group() not in NOT_PLACE and (self.doc.norm.count(m.group()) >= 2 or (
                self.doc.main_place is None and self.doc.main_level is None)):
            # (2012年某区出生率为8.29‰ / 2012年平安县出生率…: also a place named once, or masked, in
            # a text that names no other)
            prefix = prefix[:off] + prefix[off + m.end():]
        # 截至2017年12月31日,甘肃省常住人口…: a province, in a text about no township or county
        m = _PROVINCE_AT_START.match(prefix[off:])
        if m and self.doc.main_place is None:
            prefix = prefix[:off] + prefix[off + m.end():]
        # —全市总人口… (a chronicle's dash, which OCR reads as 一) before the text's own place
        prefix = re.sub(r"^[一—–-]+(?=[全我本该])", "", prefix)
        prefix = SELF.sub("", prefix)
        if self.doc.main_level in ("街道", "社区"):
            # 街道流动人口共有6237人 / 统计核实街道流动人口…, in a 街道's report
            prefix = prefix.replace(self.doc.main_level, "")
        elif self.doc.main_place is None:
            # 前5个月街道新出生人口569人, in a text that calls itself 全街道 and names no place
            for word in self._own_unit_words:
                prefix = prefix.replace(word, "")
        prefix = _PERIOD.sub("", _MASKED_YEAR.sub("", _YEAR.sub("", prefix)))
        if self.doc.main_level is None:
            # 2021年社区常住人口11746人, in a text that names no place: the community's own
            prefix = re.sub(r"^\s*,?\s*(?:社区|街道)", "", prefix)
        # 2022年瑞安籍活产数…: the people registered in a place the text names with its level
        # (瑞安市) are that place's
        m = re.match(r"\s*(?P<stem>[\u4e00-\u9fff]{2,4}?)籍", prefix)
        if m and re.search(re.escape(m.group("stem")) + r"(?:市|县|区|镇|乡)", self.doc.norm):
            prefix = prefix[m.end():]
        if self._taiwan:
            prefix = _ROC_BARE.sub("", prefix)  # 一百年新生儿…: a year of the Republic
        prefix = self._joined_re.sub("", prefix)
        for word in ("本年度内", "年度内", "本年度", "上一年", "上年度", "上年", "去年", "今年", "本年", "当年"):
            prefix = prefix.replace(word, "")
        # 在太仓46.72万户籍人口中, in a text about a city it names with its level after its
        # province (江苏省太仓市) and about no other place: the city's name printed bare (not
        # 农业 of 是典型的农业县)
        bare = re.fullmatch(r"(?P<pre>在|据)?(?P<stem>[\u4e00-\u9fff]{2,3})", prefix)
        if bare and self.doc.main_place is None and self.doc.main_level in ("市", "县", "区") \
                and bare.group("stem") not in NOT_PLACE and re.search(
                    r"(?:省|自治区|^|[,。\s])" + re.escape(bare.group("stem") + self.doc.main_level),
                    self.doc.norm):
            prefix = bare.group("pre") or ""
        # 居民粗死亡率为4.07‰: the residents of a place are all of it (城镇居民 are not)
        return re.sub(r"(?<![城乡镇市村])居民$", "", prefix)

    # -- reading the value after a name --------------------------------------------------------------

    def _bind(self, lab: _Label, field_name: str, ctx: Context,
              kept: list[tuple[int, int, str, object]], i: int, e: int) -> list[Figure]:
        """Read the value(s) a name takes; record and return the figures."""
        norm = self.doc.norm
        renamed = _RENAMED.match(norm, lab.end, e) if field_name == "total_population" else None
        if renamed and norm[_FILLER.match(norm, renamed.end(), e).end():e][:1].isdigit():
            # 全县总人口(常住人口)为97985人: the population is the one the parenthesis names
            field_name = self._by_text[renamed.group("name") + "人口"].field
            lab = _Label(lab.start, renamed.end(), norm[lab.start:renamed.end()], lab.label, lab.topic)
        as_of = _AS_OF.match(norm, lab.end, e)
        if as_of and headers.TOPIC_OF.get(field_name) in ("population", "women", "migrant"):
            # 全县总人口至2013年底有532854人: the stock at the end of that year
            ctx = self._as_of(as_of, ctx)
            lab = _Label(lab.start, as_of.end(), norm[lab.start:as_of.end()], lab.label, lab.topic)
        filler = _FILLER.match(norm, lab.end, e)
        q = filler.end() if filler else lab.end
        fill = norm[lab.end:q]
        if "分别" in fill:
            return self._respectively(lab, field_name, ctx, kept, i, q, e, fill)
        # the next name comes before any number: nothing to read here
        nxt_label = next((ev[0] for ev in kept[i + 1:] if ev[2] == "label" and ev[0] >= lab.end), e)
        fig = self._read_value(lab, field_name, ctx, q, min(e, nxt_label + 1), fill)
        if fig is None:
            # 流入人口中(7304人): the size of the sub-population in parentheses
            # 全县人口总数(247 829人)依然…: the value alone in parentheses right after the name
            m = re.match(r"中?\s*\(\s*(?=\d[^()]{0,15}\))", norm[lab.end:e])
            if m:
                fig = self._read_value(lab, field_name, ctx, lab.end + m.end(), e, "")
        if fig is None:
            # 至1956年人口快速增长,增至1119人 / 出生人口较上年减少312人,降至2750人: the level the
            # trend or the change came to
            m = _TREND_TO.match(norm, lab.end, e) or _CHANGE_TO.match(norm, lab.end, e)
            if m:
                filler = _FILLER.match(norm, m.end(), e)
                fig = self._read_value(lab, field_name, ctx, filler.end(), min(e, nxt_label + 1),
                                       norm[m.end():filler.end()])
        if fig is None:
            # 全市人口自然增长率:1971年为22.96‰,1972年为16.31‰: a list of years after the name
            m = _YEARS_AFTER_NAME.match(norm, lab.end, e)
            if m:
                nxt = min(e, nxt_label)
                return self._year_by_year(lab, field_name, ctx, m.end(), nxt, first=True)
            # 死亡人数4295人(2004年829人、2005年852人、…): a total over the years (not read), then
            # each year's value
            m = _TOTAL_THEN_YEARS.match(norm, lab.end, e)
            if m and sum(1 for _ in self._years_with_values(m.end(), min(e, nxt_label), True)) >= 2:
                return self._year_by_year(lab, field_name, ctx, m.end(), min(e, nxt_label), first=True)
            # 出生人数于2023年3974人、2024年3712人 / 嬰兒出生數近5年起起伏伏,2021年4185人、2022年…:
            # two years with their values at least, after 于 or a short clause
            m = _YEAR_LIST_AFTER.match(norm, lab.end, e)
            if m and sum(1 for _ in self._years_with_values(m.end(), min(e, nxt_label), True)) >= 2:
                return self._year_by_year(lab, field_name, ctx, m.end(), min(e, nxt_label), first=True)
            # 总人口2019年末为32150人 / 出生人口2019年为5123人,2020年为4650人: the year right after
            # the name, then its value (and maybe further years)
            if re.match(r"\s*(?:19|20)\d{2}\s*年", norm[lab.end:e]):
                return self._year_by_year(lab, field_name, ctx, lab.end, min(e, nxt_label), first=True)
        if fig is None:  # 常住人口同2010年第六次全国人口普查的284063人相比
            census = self._previous_census(lab, field_name, ctx, lab.end, e)
            return [census] if census else []
        out = [fig]
        prev = self._previous_in_parens(lab, field_name, ctx, fig.span[1], e)
        if prev is not None:
            out.append(prev)
            # …比2008年(14.12‰)降低了0.42个千分点,比2007年(14.54‰)降低了0.84个千分点: each
            # earlier year compared with, in its own record
            while len(out) < 6 and (chg := _CHANGE_BY.match(norm, self._consumed[-1][1], e)) \
                    and (m := _COMPARED_PAREN.match(norm, chg.end(), e)) and m.group("y") \
                    and (prev := self._previous_in_parens(lab, field_name, ctx, chg.end(), e)):
                out.append(prev)
        else:
            nxt = min(e, nxt_label)
            out += self._year_by_year(lab, field_name, ctx, fig.span[1], nxt)
        return out

    def _as_of(self, m: re.Match[str], ctx: Context) -> Context:
        """The context of a figure counted at the end of the year ``m`` (an ``_AS_OF`` match)
        names: that year, or last or this year counted from the dateline or from the year the
        sentence is in."""
        span = (m.start("y"), m.end("y")) if m.group("y") else (m.start("rel"), m.end("rel"))
        if m.group("y"):
            year: int | None = int(m.group("y"))
        else:
            this = self._dateline[0] if self._dateline is not None else (
                ctx.year + 1 if ctx.year is not None and ctx.period == "上年" else ctx.year)
            last = m.group("rel") in ("去年", "上年")
            year = None if this is None else this - 1 if last else this
        return Context(ctx.place, year, ctx.series, None, span)

    def _next_year_sentence(self, s: int, e: int) -> None:
        """出生率达38.6‰。1960年降至15.2‰。: a sentence of another year and a value, right after a
        sentence that ended on a figure (or on a bound of one: 降至30‰以下), is that figure's name in
        that year. Read only when each value's unit fits the name and the sentence holds nothing
        else, or goes on in a clause of its own after two years at least (1971年为29.51‰,1978年为
        15.91‰,每个家庭…)."""
        if self._last_read is None:
            return
        lab, field_name, ctx, end = self._last_read
        norm = self.doc.norm
        if not re.fullmatch(r"\s*[。;]\s*", norm[end:s]):
            return
        pairs = list(self._years_with_values(s, e, first=True))
        rest = norm[pairs[-1][2].end():e] if pairs else ""
        if not pairs or not (re.fullmatch(r"\s*[。;]?\s*", rest) or (len(pairs) >= 2 and rest.startswith(","))) \
                or not all(headers.unit_fits(field_name, v.group("unit") or "人") for _, _, v in pairs):
            return
        self._year_by_year(lab, field_name, Context(ctx.place, None, ctx.series), s, e, first=True)

    def _year_by_year(self, lab: _Label, field_name: str, ctx: Context, pos: int,
                      e: int, first: bool = False) -> list[Figure]:
        """外来人口70万,2001年达84万,2002年119万: the same name for each following year
        (``first``: ``pos`` is at the first year of the list, 1971年为22.96‰,1972年为…)."""
        out: list[Figure] = []
        for y, year_span, v in self._years_with_values(pos, e, first):
            fig = self._figure_from(v, lab, field_name, Context(ctx.place, y, ctx.series, None, year_span), "")
            if fig is None:
                break
            out.append(fig)
        return out

    def _years_with_values(self, pos: int, e: int, first: bool
                           ) -> Iterator[tuple[int, tuple[int, int], re.Match[str]]]:
        """The years and their values that follow ``pos`` (,2001年达84万,2002年119万; ``first``:
        the list starts at ``pos`` with no separator): year, its span, the value. A value needs
        its unit: a bare number after a year is too loose to be the figure."""
        n = 0
        # (为32.92‰1975年为19.79‰: OCR lost the comma; a unit ending the value separates too)
        while (m := _NEXT_YEAR.match(self.doc.norm, pos, e)) and (
                m.group("sep") or (first and not n) or self.doc.norm[pos - 1:pos] in ("‰", "%")):
            y = _plain_year(m.group("y"))
            v = _VALUE.match(self.doc.norm, m.end())
            if y is None or not v or not v.group("num") or not (v.group("unit") or v.group("mult")):
                return
            yield y, (m.start("y"), m.end("y")), v
            n, pos = n + 1, v.end()

    def _is_consumed(self, pos: int) -> bool:
        """Inside a parenthesis already read: last year's figure, or the year of the figure
        before it (人口2.71万人(2002年))."""
        return any(a <= pos < b for a, b in self._consumed)

    def _read_value(self, lab: _Label, field_name: str, ctx: Context, q: int, limit: int,
                    fill: str) -> Figure | None:
        """Read the value at ``q``: a number with a fitting unit, or report a masked, blank or
        garbled one. Returns the figure recorded, or None."""
        norm = self.doc.norm
        label_text = self.doc.text(lab.start, lab.end)
        if q >= limit:
            return None
        g = _GARBLED.match(norm, q)
        if g and (re.search(r"[OolI]", g.group()) or g.group().count(".") > 1 or ".." in g.group()) \
                and re.search(r"\d", g.group()):
            self._problem("extract.garbled", "error", field_name, ctx, (q, g.end()), lab, label_text)
            return None
        m = _MASK.match(norm, q) or _PART_MASKED.match(norm, q)
        if m and (m.group("mask") or m.group("mask2")):
            self._problem("extract.masked", "warning", field_name, ctx, (lab.start, m.end()), lab, label_text)
            return None
        bl = _BLANK.match(norm, q)
        if bl and (fill or bl.group("unit") or bl.start() != bl.end()):
            unit = bl.group("unit") or bl.group("unit2")
            if unit and headers.unit_fits(field_name, unit):
                self._problem("extract.blank", "warning", field_name, ctx, (lab.start, bl.end()), lab,
                              label_text)
                return None
        if headers.unit_kind(field_name) == "count" and re.match(r"人(?:[,;。、)\s]|$)", norm[q:q + 2]):
            self._problem("extract.blank", "warning", field_name, ctx, (lab.start, q + 1), lab, label_text)
            return None
        if _YEAR.match(norm, q) or _MASKED_YEAR.match(norm, q) or _YEAR_RANGE.match(norm, q):
            return None  # 死亡人口:20__年11月1日…: a date, not the figure
        hh = _HOUSEHOLDS_THEN_BARE.match(norm, q)
        if hh and field_name in ("total_population", "permanent_population"):
            # 户籍人口18656户54991,比上年减197人: households, then the persons without their unit
            v = _VALUE.match(norm, hh.start("n"))
            fig = self._figure_from(v, lab, field_name, ctx, fill, implied_unit="人") if v else None
            if fig is not None:
                self._problem("extract.unit_assumed", "note", field_name, ctx, fig.span, lab,
                              self.doc.text(lab.start, lab.end), unit="人")
            return fig
        persons = _HOUSEHOLDS_THEN_PERSONS.match(norm, q, limit)
        if persons and headers.TOPIC_OF.get(field_name) == "population":
            q = persons.end()  # 户籍人口有2741户,共7880人: the households are not the figure
        v = _VALUE.match(norm, q)
        if not v or v.start("num") - q > 4:
            return None
        return self._figure_from(v, lab, field_name, ctx, fill)

    def _figure_from(self, v: re.Match[str], lab: _Label, field_name: str, ctx: Context,
                     fill: str, implied_unit: str = "") -> Figure | None:
        norm = self.doc.norm
        label_text = self.doc.text(lab.start, lab.end)
        span = (v.start("num") if not v.group("pre") and not v.group("sign") else v.start(), v.end())
        # trim trailing spaces of the printed figure
        while span[1] > span[0] and norm[span[1] - 1].isspace():
            span = (span[0], span[1] - 1)
        kind = headers.unit_kind(field_name)
        unit = (v.group("unit") or implied_unit).replace(" ", "")
        if unit == _RATIO_UNIT and kind == "ratio":
            unit = ""  # 出生人口性别比为109.06个性别比单位: the ratio's own unit, spelt out
        pre = v.group("pre") or ""
        if unit == "人次" or (not unit and not pre and v.end() < len(norm)
                              and norm[v.end():v.end() + 1] in _OTHER_UNITS and not v.group("mult")):
            return None  # some other quantity (人次, 户, 元 ...)
        if v.group("about") or v.group("bound") or any(w in fill for w in _APPROX_WORDS):
            self._problem("extract.approximate", "note", field_name, ctx, span, lab, label_text)
            self._last_read = (lab, field_name, ctx, v.end())  # (出生率降至30‰以下。1971年为29.51‰…)
            after = _AFTER_BOUND.match(norm, v.end())
            exact = _VALUE.match(norm, after.end()) if after else None
            if exact and exact.group("num") and (exact.group("unit") or "") == (v.group("unit") or ""):
                return self._figure_from(exact, lab, field_name, ctx, "")
            return None
        d = to_decimal(v.group("num"))
        if d is None:
            return None
        mult = {"万": 10000, "亿": 100000000}.get(v.group("mult") or "", 1)
        if v.group("rest"):  # 50万3113人 / 4万零115人: the 万 and the units below it
            if d != d.to_integral_value():
                return None
            d, mult = d * 10000 + int(v.group("rest").lstrip("零").replace(",", "")), 1
        if unit == "万人":
            mult, unit = 10000, "人"
        if not v.group("unit") and not v.group("mult") and _DIGITS_APART.match(norm, v.end("num")):
            # 常住人口46 94万人 (a site that printed a space for each decimal point): garbled
            self._problem("extract.garbled", "error", field_name, ctx, span, lab, label_text)
            return None
        if "。" in self.doc.text(v.start("num"), v.end("num")):  # (not 5.51%。, a misprinted ‰)
            self._problem("extract.decimal_mark", "note", field_name, ctx, span, lab, label_text)
        elif "%。" in self.doc.text(*span) and unit == "‰":
            # 出生率5.51%。,: ‰ printed as % and a full stop (headers.normalize_text reads it as ‰)
            self._problem("extract.permille_glyph", "warning", field_name, ctx, span, lab, label_text)
        if unit.startswith("/"):
            # 死亡率为656.20/10万 (per 100 000, as death surveillance prints it): 6.562‰; anything
            # else printed so (传染病发病率…户籍人口为379.80/10万) is no figure of ours
            if kind != "‰" or v.group("mult") or pre:
                return None
            self._problem("extract.per_100k", "note", field_name, ctx, span, lab, label_text,
                          value=f"{as_number(d / 100)}")
            d, unit = d / 100, "‰"
        if v.group("sign"):
            if field_name != "natural_growth_permille":
                self._problem("extract.negative", "error", field_name, ctx, span, lab, label_text)
                return None
            d = -d
        if self._stamp and self._stamp in v.group("num").replace(",", ""):
            # 总人口220233人 in a text whose site printed 2023 for other digits: kept as printed,
            # flagged, never corrected
            self._problem("extract.year_stamped", "error", field_name, ctx, span, lab, label_text,
                          year=self._stamp)
        if kind == "count":
            if unit not in ("", *_UNIT_COUNT) or pre:
                self._problem("extract.unit", "warning", field_name, ctx, span, lab, label_text,
                              expected="人")
                return None
            d = d * mult
            if d != d.to_integral_value():
                self._problem("extract.not_whole", "error", field_name, ctx, span, lab, label_text)
                return None
            if d > _PERSONS_MAX:
                self._problem("extract.too_many", "error", field_name, ctx, span, lab, label_text,
                              value=as_number(d))
                return None
        else:
            if mult != 1:
                self._problem("extract.garbled", "error", field_name, ctx, span, lab, label_text)
                return None
            if kind == "‰" and not unit and not pre and _bare_rate_ok(field_name, d, norm, v.end()):
                # 出生率为4.48,死亡率为4.40: a rate word and a plausible number, ‰ left out
                self._problem("extract.unit_assumed", "note", field_name, ctx, span, lab,
                              label_text, unit="‰")
            elif kind == "‰" and unit == "%" and not pre and (misprint := (
                    "extract.permille_misprinted" if _percent_impossible(field_name, d)
                    else "extract.permille_misprinted_sibling" if self._sibling_misprinted(span[0])
                    else "extract.permille_misprinted_points" if _PERMILLE_POINTS_AFTER.match(norm, v.end())
                    else None)):
                # 人口出生率38.9% (a crude rate no population has in per cent): the ‰ sign
                # misprinted (‰ as OCR reads it, 35.4%o, is normalised before); read as ‰, say so.
                # A possible one (死亡率为1.1%) beside an impossible one is misprinted too, and so
                # is one whose change from last year is given in per-mille points.
                self._problem(misprint, "warning", field_name, ctx, span, lab, label_text)
            elif kind == "‰" and not (unit == "‰" or pre == "千分之"):
                self._problem("extract.unit", "warning", field_name, ctx, span, lab, label_text,
                              expected="‰")
                return None
            if kind == "%" and not (unit == "%" or pre == "百分之"):
                self._problem("extract.unit", "warning", field_name, ctx, span, lab, label_text,
                              expected="%")
                return None
            if kind == "ratio":
                if v.group("den"):
                    den = to_decimal(v.group("den"))
                    if not den:
                        return None
                    if d == 100 and den != 100:
                        # 100:102: which sex is which? (female first, or the terms swapped)
                        self._problem("extract.ratio_order", "warning", field_name, ctx, span, lab,
                                      label_text)
                        return None
                    d = d if den == 100 else (d * 100 / den).quantize(Decimal("0.01"))
                elif unit == "%":
                    self._problem("extract.unit_kept", "warning", field_name, ctx, span, lab,
                                  label_text, unit="%", value=f"{as_number(d)}")
                elif unit:
                    self._problem("extract.unit", "warning", field_name, ctx, span, lab, label_text,
                                  expected="女=100")
                    return None
        period = ctx.period if ctx.period is not None and _MULTI_YEAR.match(ctx.period) else None
        if period is not None and field_name in _STOCKS and ctx.year_span is not None \
                and ctx.year_span[0] < self._sentence_of(span[0])[0]:
            # 项目建设期2011年至2012年。…总人口100.74万人: a stock is no sum over the years an
            # earlier sentence named
            period, ctx = None, Context(ctx.place, None, ctx.series, None, None)
        if period is None and headers.unit_kind(field_name) == "count":
            period = self._years_before(span[0])
        if period is not None:
            # 1985~2000年,全区出生68383人 / 10年中共出生人口77.55万: a total over several years
            # is no year's figure
            self._problem("extract.multi_year", "note", field_name, ctx, span, lab, label_text,
                          period=_period_words(period))
            return None
        if field_name in ("total_population", "permanent_population"):
            households = self._households_beside(span)
            if households and not 1 <= d / households <= _PERSONS_PER_HOUSEHOLD_MAX:
                # 总人口31404万人、7500户: 41872 persons a household, a garbled number
                self._problem("extract.households", "error", field_name, ctx, span, lab, label_text,
                              households=as_number(households), per=f"{d / households:.1f}")
                return None
        after = _YEAR_AFTER_VALUE.match(norm, v.end())
        if after:  # 人口2.71万人(2002年): the year the figure is of
            y = int(after.group("y"))
            ctx = Context(ctx.place, y, ctx.series, None, (after.start("y"), after.end("y")))
            self._consumed.append((after.start(), after.end()))
        value = as_number(d)
        fig = Figure(field_name, value, self.doc.text(*span), span, label_text,
                     (lab.start, lab.end), self._sentence_of(span[0]), ctx.key())
        self._add(fig, ctx)
        self._last_read = (lab, field_name, ctx, v.end())
        return fig

    def _years_before(self, pos: int) -> str | None:
        """The span of years (``"10年"``) when the sentence says 10年中 / 十年来 / 8年间 before ``pos``,
        with no year after it: the counts there are totals over those years. (Rates there are each year's: 近10年来稳定在…,
        人口出生率为9.88‰ is the year's rate.)"""
        s, _ = self._sentence_of(pos)
        since = _SINCE.search(self.doc.norm, s, pos)
        if since and _UNTIL.search(self.doc.norm, since.end(), pos):
            # 自2014年1月17日实施,截至今年6月底…已经出生14853人: counted since a date
            return f"{since.group('y')}年以来"
        last: tuple[int, int] | None = None
        ranges = [r.end() for r in _YEAR_RANGE.finditer(self.doc.norm, s, pos)]
        for m in _YEARS_SPAN.finditer(self.doc.norm, s, pos):
            if any(self.doc.norm[r:m.start()] in ("", "的", "之", "这") for r in ranges):
                continue  # 1960~1963年的4年里: the range itself says which years
            n = int(m.group("n")) if m.group("n").isdigit() else cn_number(m.group("n"))
            if n is not None and n >= 2:
                last = (m.end(), int(n))
        if last is None or _YEAR.search(self.doc.norm, last[0], pos):
            return None
        return f"{last[1]}年"

    def _previous_in_parens(self, lab: _Label, field_name: str, ctx: Context, pos: int,
                            e: int) -> Figure | None:
        """出生人口199人(上年210人) / 出生436人,比去年同期(429)多生7人: last year's figure, in last
        year's record."""
        m = _PREV_PAREN.match(self.doc.norm, pos, e) or _COMPARED_PAREN.match(self.doc.norm, pos, e)
        if not m:
            return self._previous_compared(lab, field_name, ctx, pos, e)
        if m.group("y"):  # 出生人口4102人,较2020年(4650人)减少548人
            y = int(m.group("y"))
            prev = Context(ctx.place, y, ctx.series, None, (m.start("y"), m.end("m")))
        else:
            prev = Context(ctx.place, ctx.year - 1 if ctx.year is not None else None, ctx.series,
                           "上年", (m.start("m"), m.end("m")))
        rest = self.doc.norm[m.end():e]
        if _CHANGE.match(rest) or not re.match(r"[-负]?\s*\d", rest):
            return None
        v = _VALUE.match(self.doc.norm, m.end())
        close = re.match(r"\s*\)", self.doc.norm[v.end():e]) if v else None
        if not v or not close:
            return None
        self._consumed.append((pos, v.end() + close.end()))
        return self._figure_from(v, lab, field_name, prev, "")

    def _previous_compared(self, lab: _Label, field_name: str, ctx: Context, pos: int,
                           e: int) -> Figure | None:
        """…性别比129.22,与去年底131.51相比 / 出生356人,比2015年的298人增加58人: the compared
        year's figure, in that year's record."""
        m = _COMPARED_PLAIN.match(self.doc.norm, pos, e)
        if m and m.group("roc") and not self._taiwan:
            m = None  # (比103年…: a year of the Republic only in a Taiwan text)
        again = m and m.group("again")
        if again and getattr(self._by_text.get(again), "field", None) != field_name:
            m = None  # 与2020年末常住人口541.10万人相比: the name again, not another one
        if not m:
            return self._previous_clause(lab, field_name, ctx, pos, e)
        v = _VALUE.match(self.doc.norm, m.end())
        rest = self.doc.norm[v.end():e] if v else ""
        # (去年出生数只有七一五四人,较前年九〇六九人,减少…: 前年 is the year before the figure's)
        # (较102年底1,883,208人增加1,076人: the change right after the figure compared with)
        if not v or not (_COMPARED_END.match(rest) or (
                m.group("w") in "比较" and (m.group("of") or rest.startswith(",") or m.group("roc"))
                and _COMPARED_CHANGE.match(rest))):
            return None
        if m.group("y"):
            y = int(m.group("y")) + (1911 if m.group("roc") else 0)
            prev = Context(ctx.place, y, ctx.series, None, (m.start("y"), m.end("y")))
        else:
            prev = Context(ctx.place, ctx.year - 1 if ctx.year is not None else None, ctx.series,
                           "上年", (m.start("m"), m.end("m")))
        self._consumed.append((m.start(), v.end()))
        return self._figure_from(v, lab, field_name, prev, "")

    def _previous_clause(self, lab: _Label, field_name: str, ctx: Context, pos: int,
                         e: int) -> Figure | None:
        """出生人口135人,去年同期为148人: last year's figure in a clause of its own, in last year's
        record."""
        norm = self.doc.norm
        m = _PREV_CLAUSE.match(norm, pos, e)
        if not m:
            return self._previous_census(lab, field_name, ctx, pos, e)
        v = _VALUE.match(norm, m.end(), e)
        if not v or not v.group("num") or not re.match(r"\s*(?:[,;。]|$)", norm[v.end():e]):
            return None
        self._consumed.append((m.start(), v.end()))
        prev = Context(ctx.place, ctx.year - 1 if ctx.year is not None else None, ctx.series, "上年",
                       (m.start("m"), m.end("m")))
        return self._figure_from(v, lab, field_name, prev, "")

    def _previous_census(self, lab: _Label, field_name: str, ctx: Context, pos: int,
                         e: int) -> Figure | None:
        """常住人口579101人,与2010年第六次全国人口普查的442854人相比 (or 常住人口同…的284063人相比):
        the last census's figure, in the census year's record."""
        norm = self.doc.norm
        m = _COMPARED_CENSUS.match(norm, pos, e)
        if not m:
            return None
        v = _VALUE.match(norm, m.end())
        rest = norm[v.end():e] if v else ""
        # 与…的442854人相比; 比“六普”的13.33万人增加了0.09万人
        if not v or not v.group("num") or not (re.match(r"\s*(?:相比|比较)", rest) or (
                m.group("w") in "比较" and _COMPARED_CHANGE.match(rest))):
            return None
        census = headers.CENSUS_YEARS[m.group("c") or m.group("c2")]
        if m.group("y") and int(m.group("y")) != census:
            return None
        self._consumed.append((m.start(), v.end()))
        prev = Context(ctx.place, census, ctx.series, None, (m.start(), m.end()))
        return self._figure_from(v, lab, field_name, prev, "")

    def _respectively(self, lab: _Label, field_name: str, ctx: Context,
                      kept: list[tuple[int, int, str, object]], i: int, q: int, e: int,
                      fill: str = "") -> list[Figure]:
        """出生、死亡人数分别为199人、198人: names and numbers paired in order (分别控制在…以内:
        targets, not read)."""
        norm = self.doc.norm
        group: list[tuple[_Label, str]] = [(lab, field_name)]
        j = i - 1
        while j >= 0 and kept[j][2] == "label":
            prev: _Label = kept[j][3]  # type: ignore[assignment]
            gap = norm[prev.end:group[0][0].start]
            if not re.fullmatch(r"\s*(?:、|和|与|及|,)\s*|(?:人数|数|人口)?\s*(?:、|和|与|及)\s*", gap):
                break
            if prev.label is None:
                break
            f = prev.label.field if prev.label.needs is None else (
                prev.label.field if field_name in headers.TOPIC_OF
                and headers.TOPIC_OF[field_name] == prev.label.needs else None)
            if f is None:
                break
            group.insert(0, (prev, f))
            j -= 1
        if len(group) < 2:
            return self._one_name_several_values(lab, field_name, ctx, q, e)
        if self._prefix_ok(group[0][0], self._sentence_of(group[0][0].start)[0]) is False:
            return []  # 各乡镇平均出生率、自然增长率分别为…: the names are of something else
        out: list[Figure] = []
        ends = _RESPECTIVE_FROM.match(norm, q, e)
        if ends:
            # 出生率、自然增长率分别由1980年的17.67‰和10.91‰,下降到2009年的12.08‰、6.35‰: the
            # names' values at each end, each in its own year's record
            pos, y = ends.end(), _plain_year(ends.group("y"))
            for k in (0, 1):
                got = self._paired(group, Context(ctx.place, y, ctx.series, None, ends.span("y")), pos, e, fill)
                if got is None:
                    break
                out += got[0]
                ends = _RESPECTIVE_TO.match(norm, got[1], e) if k == 0 else None
                if ends is None:
                    break
                pos, y = ends.end(), _plain_year(ends.group("y"))
            return out
        got = self._paired(group, ctx, q, e, fill, partial=True)
        return got[0] if got else []

    def _paired(self, group: list[tuple[_Label, str]], ctx: Context, pos: int, e: int,
                fill: str, partial: bool = False) -> tuple[list[Figure], int] | None:
        """The values of the names of ``group`` listed in order from ``pos`` (199人、198人 /
        17.67‰和10.91‰), as figures in ``ctx``, and where the list ends; None unless each name has
        its value (``partial``: the names that have one)."""
        norm = self.doc.norm
        values = []
        for k in range(len(group)):
            if k:
                sep = _LIST_SEP.match(norm, pos, e)
                if sep is None:
                    break
                pos = sep.end()
            v = _VALUE.match(norm, pos, e)
            if v is None:
                break
            values.append(v)
            pos = v.end()
        if len(values) < len(group) and not partial:
            return None
        figs = [self._figure_from(v, lb, f, Context(ctx.place, ctx.year, ctx.series, ctx.period, ctx.year_span), fill)
                for v, (lb, f) in zip(values, group)]
        return [f for f in figs if f], pos

    def _one_name_several_values(self, lab: _Label, field_name: str, ctx: Context, q: int,
                                 e: int, listed: re.Match[str] | None = None) -> list[Figure]:
        """2019年、2020年出生人口分别为245人、223人: one name, a value for each listed year. With
        no years to pair them with (近三年…分别为245人、223人、198人) nothing is read. ``listed``:
        the years, when they are not before the name in its sentence (出生率回升。1981年、1982年
        分别升至…)."""
        norm = self.doc.norm
        values, pos = [], q
        own: list[tuple[int, tuple[int, int]]] = []  # 1038人(2017)、881人(2018): each value's year
        while True:
            v = _VALUE.match(norm, pos, e)
            if not v or not v.group("num"):
                break
            values.append(v)
            end = v.end()
            if (y := _YEAR_AFTER_VALUE.match(norm, end, e)) is not None:
                own.append((int(y.group("y")), (y.start("y"), y.end("y"))))
                end = y.end()
            sep = _LIST_SEP.match(norm, end, e)
            if not sep:
                break
            pos = sep.end()
        if len(values) < 2:
            return [f for f in [self._figure_from(values[0], lab, field_name, ctx, "")] if f] if values else []
        if len(own) == len(values):
            return [f for (y, ys), v in zip(own, values) if (f := self._figure_from(
                v, lab, field_name, Context(ctx.place, y, ctx.series, None, ys), ""))]
        if listed is None:
            s, _ = self._sentence_of(lab.start)
            listed = next(reversed(list(_YEAR_LIST.finditer(norm, s, lab.start))), None)
        years = [(int(y.group("y")), (listed.start() + y.start(), listed.start() + y.end()))
                 for y in re.finditer(r"(?P<y>(?:19|20)\d{2})\s*年?", listed.group())] if listed else []
        if listed is not None and len(years) == 2 and len(values) > 2 and "至" in listed.group() \
                and years[1][0] - years[0][0] + 1 == len(values):
            # 2019年至2021年,出生人口分别为5123人、4650人和4102人: the span's years, one value each
            years = [(years[0][0] + k, years[0][1]) for k in range(len(values))]
        span = _SPAN_PERIOD.fullmatch(ctx.period or "")
        if not years and span and ctx.year_span \
                and int(span.group("b")) - int(span.group("a")) + 1 == len(values):
            # 1960~1963年的4年里,总人口分别是2023人、1987人、2042人、2011人: one value a year
            years = [(int(span.group("a")) + k, ctx.year_span) for k in range(len(values))]
        if len(years) != len(values):
            self._problem("extract.several_values", "note", field_name, ctx,
                          (values[0].start(), values[-1].end()), lab, self.doc.text(lab.start, lab.end))
            return []
        return [f for (y, ys), v in zip(years, values) if (f := self._figure_from(
            v, lab, field_name, Context(ctx.place, y, ctx.series, None, ys), ""))]

    def _trend(self, lab: _Label, m: re.Match[str], ctx: Context) -> None:
        """流入人口由2008年5230人上升到目前的8380人: both ends, each in its own year's record."""
        assert lab.label is not None
        field_name = lab.label.field
        if lab.label.needs:
            return
        for vgroup, ygroup in (("v1", "y1"), ("v2", "y2")):
            if m.group(ygroup):
                y: int | None = _plain_year(m.group(ygroup))
                ys: tuple[int, int] | None = (m.start(ygroup), m.end(ygroup))
            elif vgroup == "v1" and m.group("last"):  # 由上年的9.93‰降低为5.72‰
                y = ctx.year - 1 if ctx.year is not None else None
                ys = (m.start("last"), m.end("last"))
            elif span := _SPAN_PERIOD.fullmatch(ctx.period or ""):
                # 从1965年到1978年的13年里,总人口由2075人发展到3378人: the ends of the span
                y, ys = int(span.group("a" if vgroup == "v1" else "b")), ctx.year_span
            elif vgroup == "v2":  # "到8380人" / "到目前的8380人": the year of the text
                y, ys = ctx.year, ctx.year_span
            else:
                continue  # "from 5230" with no year: which year is unknown
            v = _VALUE.match(self.doc.norm, m.start(vgroup))
            period = "上年" if vgroup == "v1" and m.group("last") else None
            # (a span whose end is masked, 2012-20xx年, leaves the ends' years unknown: not read)
            if v and (y is not None or not (ctx.period and _MULTI_YEAR.match(ctx.period))):
                self._figure_from(v, lab, field_name, Context(ctx.place, y, ctx.series, period, ys), "")

    # -- records and problems -----------------------------------------------------------------------

    def _households_beside(self, span: tuple[int, int]) -> Decimal | None:
        """The count of households printed right beside a population (7500户、31404万人 /
        总人口31404万人、7500户), or None."""
        norm = self.doc.norm
        s, _ = self._sentence_of(span[0])
        m = _HOUSEHOLDS_AFTER.match(norm, span[1]) or _HOUSEHOLDS_BEFORE.search(
            norm, max(s, span[0] - 24), span[0])
        if not m:
            return None
        n = to_decimal(m.group("h"))
        return n * 10000 if n is not None and m.group("wan") else n

    def _sibling_misprinted(self, pos: int) -> bool:
        """出生率为10.8%,死亡率为1.1%,自然增长率为9.7%: a death rate of 1.1 could be a percentage,
        but the birth rate beside it in the same sentence cannot, so the writer printed % for ‰
        throughout the sentence."""
        s, e = self._sentence_of(pos)
        return any(_percent_impossible(headers.match_header(m.group("name")) or "", d)
                   for m in _CRUDE_RATE_PERCENT.finditer(self.doc.norm, s, e)
                   if (d := to_decimal(m.group("num"))) is not None)

    def _sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentences, (pos, len(self.doc.norm) + 1)) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return (pos, pos)

    def _record(self, key: Key, ctx: Context | None = None) -> dict:
        rec = self.records.get(key)
        if rec is None:
            place, year, series, period = key
            rec = {"place": place, "county": self._county_of(place), "year": year,
                   "series": series, "period": period, "provenance": {}, "problems": [],
                   "findings": []}
            if place is not None:
                rec["provenance"]["place"] = self._where_place(place)
            self.records[key] = rec
        if ctx is not None and ctx.year_span and "year" not in rec["provenance"] and rec["year"] is not None:
            rec["provenance"]["year"] = self._where(ctx.year_span)
        return rec

    def _county_of(self, place: str | None) -> str | None:
        return self.doc.county if place is not None and place == self.doc.main_place else None

    def _where(self, span: tuple[int, int], label: str | None = None,
               label_span: tuple[int, int] | None = None) -> dict:
        s, e = self._sentence_of(span[0])
        out = {"text": self.doc.text(*span), "span": list(self.doc.span(*span)),
               "line": self.doc.line_of(span[0]), "sentence": self.doc.text(s, e),
               "sentence_span": list(self.doc.span(s, e))}
        if label is not None and label_span is not None:
            out = {"label": label, "label_span": list(self.doc.span(*label_span)), **out}
        return out

    def _where_place(self, place: str) -> dict:
        for m in PLACE.finditer(self.doc.norm):
            a, full = place_start(self.doc, m)
            if full == place:
                return self._where((a, m.end()))
        return {"text": place}

    def _add(self, fig: Figure, ctx: Context) -> None:
        rec = self._record(fig.key, ctx)
        have = rec["provenance"].get(fig.field)
        if have is None:
            rec[fig.field] = fig.value
            rec["provenance"][fig.field] = self._where(fig.span, fig.label, fig.label_span)
            self.figures.append(fig)
            return
        if have["span"] == [fig.span[0], fig.span[1]] or rec[fig.field] == fig.value:
            return
        same_sentence = have["sentence_span"] == list(self.doc.span(*fig.sentence_span))
        if fig.field == "total_population" and fig.label.startswith("户籍") \
                and not have.get("label", "").startswith("户籍") and same_sentence:
            # 辖区总人口56231人,其中户籍人口31256人,流动人口24975人: the registered population is the
            # schema's total; the total before it also counts other series
            self._problem("extract.total_with_others", "note", fig.field, ctx, fig.span,
                          None, fig.label, total=have["text"])
            self._replace(rec, fig)
            return
        old = next((f for f in self.figures if f.key == fig.key and f.field == fig.field), None)
        if fig.field == "total_population" and same_sentence and old is not None \
                and {self._before_label(old), self._before_label(fig)} in _START_END:
            # 期初总人口33264人,期末总人口33342人: the population at the period's start and at its end,
            # not two figures for one thing; the record's total is the year-end (period-end) one
            start, end = (old, fig) if self._before_label(old) in _PERIOD_START else (fig, old)
            self._problem("extract.period_start", "note", fig.field, ctx, end.span,
                          None, end.label, start=start.text)
            if end is fig:
                self._replace(rec, fig)
            return
        if any(a.key == fig.key and a.field == fig.field and a.value == fig.value for a in self.alternatives):
            return  # the same second value stated again: one conflict, reported once
        self.alternatives.append(fig)
        col = schema.BY_NAME[fig.field]
        problem = {
            "kind": "conflict", "severity": "error", "field": fig.field,
            "message_zh": message("extract.conflict", "zh", label=col.label_zh, first=have["text"],
                                  line1=have["line"], second=fig.text, line2=self.doc.line_of(fig.span[0])),
            "message_en": message("extract.conflict", "en", label=col.label_en, first=have["text"],
                                  line1=have["line"], second=fig.text, line2=self.doc.line_of(fig.span[0])),
            "value": fig.value, "kept": rec[fig.field],
            **self._where(fig.span, fig.label, fig.label_span),
        }
        rec["problems"].append(problem)
        self.problems.append(problem)

    def _replace(self, rec: dict, fig: Figure) -> None:
        """``fig`` becomes the record's figure for its field in place of the one read before."""
        self.figures = [f for f in self.figures if not (f.key == fig.key and f.field == fig.field)]
        rec[fig.field] = fig.value
        rec["provenance"][fig.field] = self._where(fig.span, fig.label, fig.label_span)
        self.figures.append(fig)

    def _before_label(self, fig: Figure) -> str:
        """The two characters printed right before the figure's name (期初, 期末 …)."""
        return self.doc.norm[max(0, fig.label_span[0] - 2):fig.label_span[0]]

    def _problem(self, key: str, severity: str, field_name: str | None, ctx: Context,
                 span: tuple[int, int], lab: _Label | None = None, label_text: str | None = None,
                 **fmt: object) -> None:
        text = self.doc.text(*span)
        col = schema.BY_NAME.get(field_name or "")
        # a value given per language ({"zh": …, "en": …}) is filled in in each
        zh = {k: (v["zh"] if isinstance(v, dict) else v) for k, v in {"text": text, **fmt}.items()}
        en = {k: (v["en"] if isinstance(v, dict) else v) for k, v in {"text": text, **fmt}.items()}
        problem = {
            "kind": key.split(".", 1)[1], "severity": severity, "field": field_name,
            "message_zh": message(key, "zh", label=label_text or (col.label_zh if col else ""), **zh),
            "message_en": message(key, "en", label=(col.label_en if col else label_text or ""), **en),
            **self._where(span, label_text, (lab.start, lab.end) if lab else None),
        }
        self.problems.append(problem)
        self._record(ctx.key(), ctx)["problems"].append(problem)

    # -- checks over the whole text -----------------------------------------------------------------

    def _scan_percentages(self) -> None:
        """A share above 100% after a rate word is impossible; above 1000% anywhere, garbled."""
        bound = {tuple(f.span) for f in self.figures} | {tuple(f.span) for f in self.alternatives}
        norm = self.doc.norm
        for m in _PERCENT.finditer(norm):
            d = to_decimal(m.group("num"))
            if d is None or d <= 100 or any(a <= m.start() < b for a, b in bound):
                continue
            start = m.start()
            while start > 0 and norm[start - 1] not in ",;。!?\n":
                start -= 1
            clause = norm[start:m.start()]
            if _RATE_WORDS.search(clause) and not _GROWTH_WORDS.search(clause):
                self._problem("extract.share_impossible", "error", None, self._ctx_at(m.start()),
                              (m.start(), m.end()))
            elif d > 1000:
                self._problem("extract.share_implausible", "warning", None, self._ctx_at(m.start()),
                              (m.start(), m.end()))

    def _scan_dates(self) -> None:
        for m in _MONTH.finditer(self.doc.norm):
            if int(m.group("m")) > 12:
                self._problem("extract.bad_date", "warning", None, self._ctx_at(m.start()),
                              (m.start(), m.end()))

    def _ctx_at(self, pos: int) -> Context:
        """The report's place and the last year stated before ``pos`` (for loose problems)."""
        year, span = None, None
        for m in _YEAR.finditer(self.doc.norm, 0, pos):
            y = _year_value(m)
            if y is not None and not self._in_title(m.start()):
                year, span = y, (m.start(), m.end())
        return Context(self.doc.main_place, year, year_span=span)

    # -- audit ----------------------------------------------------------------------------------------

    def _rate_basis(self) -> None:
        """总人口455.17万人,常住人口393.18万人 … 出生5.15万人,出生率13.14‰: a stated crude rate is
        the events over the population they happened in (Preston, Heuveline & Guillot,
        *Demography*, 2001), so the population that reproduces it (5.15万 / 393.18万 =
        13.10‰; 5.15万 / 455.17万 = 11.31‰) is the basis of the births, deaths and rates: they
        go to that population's series, with a note. Decided only when one population gives the
        rate and the other clearly does not."""
        for key, rec in list(self.records.items()):
            place, year, series, period = key
            main = self.records.get((place, year, "main", period))
            if series not in ("main", "resident") or main is None \
                    or "total_population" not in main or "permanent_population" not in main:
                continue
            found = _basis_of_rate(rec, main["total_population"], main["permanent_population"])
            if found is None or found[0] == series:
                continue
            target = self._record((place, year, found[0], period))
            for f in _VITAL:
                if f in rec and f not in target:
                    target[f] = rec.pop(f)
                    target["provenance"][f] = rec["provenance"].pop(f)
            rate, count, fits, other = found[1:]
            prov = target["provenance"][rate]
            fmt = {"text": prov["text"], "fits": f"{fits:.2f}", "other": f"{other:.2f}"}
            problem = {"kind": "rate_basis", "severity": "note", "field": rate, **{
                f"message_{lang}": message(
                    "extract.rate_basis", lang,
                    rate_label=prov.get("label", schema.BY_NAME[rate].label_zh) if lang == "zh"
                    else schema.BY_NAME[rate].label_en,
                    count_label=getattr(schema.BY_NAME[count], f"label_{lang}"),
                    fit_base=message(f"rate_base.{found[0]}", lang),
                    other_base=message(f"rate_base.{series}", lang), **fmt)
                for lang in ("zh", "en")}, **prov}
            self.problems.append(problem)
            target["problems"].append(problem)

    def _date_late(self) -> None:
        """A text that states its year only after its first figures (…死亡率为5.73‰,与2015年相比,
        2016年全市出生率上升…): the figures read before without any year are that year's, with a
        note saying where the year was found."""
        if self._late_year is None and self._statistical:
            # a page of a bulletin whose only year is its table's heading (人口。年末户籍总人口
            # 63.71万人… 表四 2022年长兴居民人均收支主要指标): the bulletin's year
            m = _TABLE_YEAR.search(self.doc.norm)
            if m and {y.group("y") for y in _YEAR.finditer(self.doc.norm)} == {m.group("y")}:
                self._late_year = (int(m.group("y")), m.span("y"))
        if self._late_year is None:
            return
        y, span = self._late_year
        for key, rec in list(self.records.items()):
            place, year, series, period = key
            if year is not None or period is not None:
                continue
            target = self._record((place, y, series, None))
            target["provenance"].setdefault("year", self._where(span))
            moved = [f for f in _figure_fields(rec) if f not in target]
            for f in moved:
                target[f] = rec.pop(f)
                target["provenance"][f] = rec["provenance"].pop(f)
            if moved:
                problem = {"kind": "late_year", "severity": "note", "field": "year", **{
                    f"message_{lang}": message("extract.late_year", lang, year=y,
                                               text=self.doc.text(*span)) for lang in ("zh", "en")},
                    **self._where(span)}
                self.problems.append(problem)
                target["problems"].append(problem)

    def _finish(self) -> list[dict]:
        self._date_late()
        self._rate_basis()
        _drop_undated_repeats(list(self.records.values()))
        _drop_carried_repeats(list(self.records.values()))
        records = [r for r in self.records.values() if _figure_fields(r) or r["problems"]]
        for r in records:
            r["problems"].sort(key=lambda p: p["span"][0])
        _audit_records(records)
        return records


#: Audit rules about several years of one township (gaps, small counts pooled over years) say
#: nothing about whether one text adds up, so they are left out of the extraction audit.
_SKIPPED_RULES = frozenset({"missing_years", "srb_small_counts"})


#: The figures whose population basis a stated crude rate decides.
_VITAL = ("births", "deaths", "birth_rate_permille", "death_rate_permille", "natural_growth_permille")


def _basis_of_rate(rec: dict, total: float, resident: float) -> tuple[str, str, str, float, float] | None:
    """Which population a record's stated birth (else death) rate is computed on: ("main" for the
    total, or "resident"), the rate and count fields, the rate each population gives (the one
    that fits first). None when neither or both fit. A fit is within 1.5% of the stated rate (at
    least 0.1‰: mean against year-end population); the other must miss by three times that."""
    for rate, count in (("birth_rate_permille", "births"), ("death_rate_permille", "deaths")):
        if rate not in rec or count not in rec or not total or not resident:
            continue
        stated = rec[rate]
        tol = max(0.1, 0.015 * stated)
        by_total, by_resident = rec[count] / total * 1000, rec[count] / resident * 1000
        if abs(by_resident - stated) <= tol < abs(by_total - stated) / 3:
            return "resident", rate, count, by_resident, by_total
        if abs(by_total - stated) <= tol < abs(by_resident - stated) / 3:
            return "main", rate, count, by_total, by_resident
        return None
    return None


def _drop_undated_repeats(records: list[dict]) -> None:
    """A figure stated without a year (a headline: 去年全市共上报出生2425人) that a dated record
    of the same place and series states with the same value is the same figure: keep it once,
    in the dated record."""
    dated = {(r["place"], r["series"], f, r[f]) for r in records if r["year"] is not None
             for f in _figure_fields(r)}
    for r in records:
        if r["year"] is None:
            for f in _figure_fields(r):
                if (r["place"], r["series"], f, r[f]) in dated:
                    del r[f]
                    r["provenance"].pop(f, None)


def _drop_carried_repeats(records: list[dict]) -> None:
    """A figure whose year only comes from an earlier sentence (a profile's list after 2010年农民
    人均占有粮食386公斤: 人口总数:1353人) that another record states with the same value and its
    year in its own sentence (2009年末共有305户1353人) is the same figure again: keep it once,
    with the year stated beside it."""
    def own_year(r: dict, f: str) -> bool:
        year = r["provenance"].get("year")
        return year is not None and year.get("sentence_span") == r["provenance"][f].get("sentence_span")

    stated = {(r["series"], f, r[f]): r for r in records if r["year"] is not None
              for f in _figure_fields(r) if own_year(r, f)}
    for r in records:
        if r["year"] is None:
            continue
        for f in _figure_fields(r):
            other = stated.get((r["series"], f, r[f]))
            if other is not None and other["year"] != r["year"] and not own_year(r, f) and (
                    None in (r["place"], other["place"]) or r["place"] == other["place"]):
                del r[f]
                r["provenance"].pop(f, None)


def _figure_fields(record: dict) -> list[str]:
    return [c.name for c in schema.COLUMNS if c.name in record and c.name not in schema.KEYS]


def _audit_records(records: list[dict]) -> None:
    """Run :func:`analysis.quality.audit` on the records; attach each finding to its record."""
    if not records:
        return
    codes: dict[tuple[str | None, str], str] = {}
    rows = []
    where: dict[tuple[str, int], dict] = {}
    for i, rec in enumerate(records):
        if rec["year"] is None:
            code, year = f"r{i}", 1  # a record of its own: no year to compare with
        else:
            code = codes.setdefault((rec["place"], rec["series"]), f"s{len(codes)}")
            year = rec["year"]
        where[(code, year)] = rec
        rows.append({"township_code": code, "year": year,
                     **{f: rec[f] for f in _figure_fields(rec)}})
    panel = pd.DataFrame(rows)
    found = audit(panel)
    for row in found.to_dict("records"):
        if row["rule"] in _SKIPPED_RULES or pd.isna(row["year"]):
            continue
        rec = where[(row["township_code"], int(row["year"]))]
        prov = rec["provenance"].get(row["field"], {})
        rec["findings"].append({
            "rule": row["rule"], "severity": row["severity"], "field": row["field"],
            "message_zh": row["message_zh"], "message_en": row["message_en"],
            "value": None if _nan(row["value"]) else row["value"],
            "expected": None if _nan(row["expected"]) else row["expected"],
            **({"text": prov["text"], "span": prov["span"], "line": prov["line"]} if prov else {}),
        })


def _nan(x: object) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def extract_figures(text: str) -> list[dict]:
    """Read the figures of a Chinese work-report text into records, with provenance and audit.

    One record per place, year and population series (``series``: ``main`` for the township as
    a whole, else ``registered`` 户籍, ``resident`` 常住, ``migrant`` 流动/流入, ``out_migrant``
    流出); ``period`` is ``"上年"`` for last year's figures when the year itself is not stated,
    a part of the year (``"1至6月"``), or months across the turn of a year
    (``"2014年10月至2015年6月"``, whose figures have no calendar year).
    Stated figures appear under their schema names, with ``provenance[field]`` giving the text
    as printed, its character ``span`` in ``text``, the ``line``, the ``label`` and the
    ``sentence``. ``problems`` lists masked, blank, garbled and conflicting figures (reported,
    never guessed); ``findings`` what does not add up (:func:`analysis.quality.audit`).
    """
    return _Extractor(text).run()


def figure_fields(record: dict) -> list[str]:
    """The schema fields a record states, in schema order."""
    return _figure_fields(record)
