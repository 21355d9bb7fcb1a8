"""The document being read: its text as printed, the normalised text, and the places it names.

:class:`Document` keeps the character map between the normalised text the rules read and the
text as printed, so every span reported is a span of the original. :func:`find_places` decides
which township (or county) the text is about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import headers

#: Characters no place name holds: pronouns, levels, particles (所辖 / 的 / 在 … end a name first).
_NOT_IN_NAME = "我全本该各每这那其此某县区市省镇乡村街的在和与及对为是了个等向于从到中共级辖域内外所而则但即"
#: A township named in the text: two or three characters, then 镇 / 乡 / 街道 (司马镇, 东湖街道).
PLACE = re.compile(r"(?P<name>(?:[xX×*]{2,3}|某)|(?![年月日])[^\W\d_a-zA-Z" + _NOT_IN_NAME + r"州]"
                   r"{2,3})(?P<level>镇|乡|街道)(?![镇乡村街])")
#: The county printed right before a township's name (金乡县|司马镇).
_COUNTY_BEFORE = re.compile(r"(?P<county>[^\W\d_a-zA-Z我全本该各每这那其此共的在和与及对为是了个等向于从到中省市州]"
                            r"{1,4}?[县区])$")
#: A county, district, city or banner named in the text (蕭山區, 松岭区, 和顺县); not a 社区, 小区,
#: 园区, 景区 ….
_COUNTY_PLACE = re.compile(r"(?P<name>(?![年月日])[^\W\d_a-zA-Z" + _NOT_IN_NAME + r"]{2})(?<![社小园景校厂营片管])(?P<level>区|县|市|旗)"
                           r"(?![镇乡村街区县市长委政级民属域内外])")
#: A village named with facts about it (寺上村人口…, 钟前村位于…); the place of a text about one
#: village that names no township or county.
_VILLAGE = re.compile(r"(?P<name>(?![年月日])[^\W\d_a-zA-Z" + _NOT_IN_NAME + r"农]{2,3})(?P<kind>村|社区)"
                      r"(?![委民镇乡组级])")
#: Words after a county's name that state its facts (松岭区常住…, 和顺县户籍…).
_COUNTY_FACTS = ("常住", "户籍", "公安", "下辖", "全年", "年末", "人口出生", "出生人口")
#: A city named as the one a text's county belongs to (台州市下辖县级市, 潍坊市下辖的县级市), or
#: as the one it ranks within (是台州市户籍人口最少的…, 在福州市排名第一), not as the text's own.
_PARENT_OF = re.compile(r"下[辖属](?:的)?(?:一个|的)?(?:县级市|县|区|市辖区|旗)")
_RANKED_IN = re.compile(r"[^,。;!?\n]{0,14}?(?:最[多少大小高低]的|排名|排第|位居|居第)")
#: A year a county's name may stand before (东海县1986年底总人口…).
_YEAR_END = re.compile(r"(?:(?:19|20)\d{2}\s*年(?:底|末)?)?")
#: 红星镇2019年… / 流坊乡:1924户…: a name with a year or a colon and a number right after it is a
#: place named with its facts.
_YEAR_AFTER_NAME = re.compile(r"(?:19|20)\d{2}\s*年")
#: Words after a name that show it is a place: its government, or facts about it.
_PLACE_ORG = ("人民政府", "政府", "党委", "委员会", "卫健办", "计生办", "卫生院", "计划生育", "人口和计划生育",
              "人口与计划生育", "卫生健康", "人大", "办事处")
_PLACE_FACTS = ("位于", "地处", "面积", "辖", "总人口", "共有", "现有", "全镇", "全乡", "户籍", "常住人口",
                "出生", "人口", "有", "常住", "死亡", "育龄", "已婚育龄", "流动人口", "流入", "流出", "自然增长",
                "新生儿", "新生婴儿", "新出生")
#: Words after a county's name that show the text is about it (its government, its facts).
_COUNTY_CUES = _PLACE_ORG + _PLACE_FACTS + _COUNTY_FACTS
#: 我镇 / 全乡 / 本街道 / 该县: the text's own place, by its level (not 全国 of 全国人口普查); 全社 /
#: 全公社 is a gazetteer's people's commune (the township of 1958-1983), not 全社会. 全台 (全臺) is
#: all of Taiwan, in its news.
SELF = re.compile(r"(?P<who>我|全|本|该)(?P<level>镇|乡|街道|街办|办事处|社区|公社|社(?![区会员])|村|区|县|市|州|盟|旗|省|国|台(?=湾|\s*\d|[出人新死总]|$)|场|矿)"
                  r"(?![长委政民级务])(?!(?<=国)人口普查)")
#: Words that end in a level like a place name but are not places (重点镇, 民族乡, 全国).
NOT_PLACE = {"小城", "重点", "示范", "特色", "卫生", "文明", "国家", "全国", "建制", "中心", "城乡",
             "边远", "偏远", "贫困", "民族", "山区", "农村", "旅游", "历史", "工业", "商贸", "和谐",
             "生态", "美丽", "平安", "健康", "先进", "省级", "市级", "县级", "国家级", "周边", "沿海",
             "其他", "所有", "整个", "一个", "两个", "城关区", "社区", "村居", "中心城", "乡镇", "城镇",
             "人口大", "经济强", "农业大", "工业强"}


#: 。 printed for a decimal point (总人口13。82万人, 出生率为9。93‰): no sentence starts with a
#: number's last digits and its unit, so it is read as the point (and the figure says so).
_CJK_DECIMAL_MARK = re.compile(r"(?<=\d)。(?=\d{1,3}\s*(?:万|‰|%))")


@dataclass
class Document:
    """The text as printed, the normalised text the rules read, and what the document says.

    ``norm`` is :func:`headers.normalize_text` of the original without the romanised readings
    some web sites insert (:func:`headers.annotation_spans`); ``pos[i]`` is the offset in the
    original of ``norm[i]`` (``pos[len(norm)]`` its length), so every span reported is a span of
    the text as printed.
    """

    original: str
    norm: str
    pos: list[int]
    main_place: str | None = None
    main_level: str | None = None
    county: str | None = None
    places: dict[str, str] = field(default_factory=dict)  # name as printed -> level

    @classmethod
    def of(cls, text: str, joined: Iterable[int] = ()) -> Document:
        """The document of ``text``; ``joined``: offsets of ``text`` to leave out of ``norm`` (the
        line breaks that only wrap a word, :func:`.sentences.joined_wraps`)."""
        full = headers.normalize_text(text)
        drop: set[int] = set(joined)
        for a, b in headers.annotation_spans(full):
            drop.update(range(a, b))
        keep = [i for i in range(len(full)) if i not in drop]
        norm = _CJK_DECIMAL_MARK.sub(".", "".join(full[i] for i in keep))
        return cls(text, norm, keep + [len(text)])

    def span(self, a: int, b: int) -> tuple[int, int]:
        """The span in the original text of ``norm[a:b]``."""
        return (self.pos[a], self.pos[b - 1] + 1 if b > a else self.pos[a])

    def text(self, a: int, b: int) -> str:
        """``norm[a:b]`` as printed (with whatever annotations it had)."""
        s, e = self.span(a, b)
        return self.original[s:e]

    def name(self, a: int, b: int) -> str:
        """``norm[a:b]`` as printed but without romanised readings: the name of a place
        (龍穴(xue)街(jie)道 -> 龍穴街道), in the script it was printed in."""
        return "".join(self.original[i] for i in self.pos[a:b])

    def line_of(self, a: int) -> int:
        """The line number (from 1) of ``norm[a]`` in the text as printed."""
        return self.original.count("\n", 0, self.pos[a]) + 1


def find_places(doc: Document) -> None:
    """Name the township the report is about (the most cited, 人民政府 counts triple) and its county."""
    score: Counter[str] = Counter()
    levels: dict[str, str] = {}
    county_votes: Counter[str] = Counter()
    cued: set[str] = set()
    for m in PLACE.finditer(doc.norm):
        name = m.group("name")
        if any(w in name for w in NOT_PLACE) or name.endswith(("城", "区", "县")):
            continue
        if name.startswith("距") or doc.norm[max(0, m.start() - 1):m.start()] in ("距", "离"):
            continue  # 村政府距濃河鎮政府所在地5公里: a distance from a township, not the text's
        full = doc.name(m.start(), m.end())
        levels[full] = m.group("level")
        after = doc.norm[m.end():m.end() + 8]
        before = doc.norm[max(0, m.start() - 2):m.start()]
        org = after.startswith(_PLACE_ORG)
        score[full] += 3 if org else 1
        c = _COUNTY_BEFORE.search(doc.norm[max(0, m.start() - 5):m.start()])
        if c:
            start = m.start() - len(c.group("county"))
            county_votes[(full, doc.name(start, m.start()))] += 1
        if org or c or m.start() == 0 or before[-1:] in "\n。" or before.endswith("关于") \
                or _YEAR_AFTER_NAME.match(after) or re.match(r":\s*\d", after) \
                or after.startswith(_PLACE_FACTS) or after[:1] in "之的" and after[1:].startswith(_PLACE_FACTS):
            cued.add(full)
    # a name is a place only where the text treats it as one at least once
    levels = {k: v for k, v in levels.items() if k in cued}
    score = Counter({k: v for k, v in score.items() if k in cued})
    # 民族团结乡 read as 族团结乡: the whole name, where the text always prints it so
    longer = {k: _longer_name(doc, _longer_name(doc, k)) for k in levels}
    levels = {longer[k]: v for k, v in levels.items()}
    score = Counter({longer[k]: v for k, v in score.items()})
    county_votes = Counter({(longer.get(p, p), c): n for (p, c), n in county_votes.items()})
    doc.places = levels
    counties = _counties(doc)
    county = _best_county(counties)
    township_self = any(m.group("level") in ("镇", "乡", "街道", "办事处", "社区", "村", "公社", "社")
                        for m in SELF.finditer(doc.norm))
    wide = _wide_self(doc)
    village = _main_village(doc)
    if county and wide and not township_self \
            and wide[1] >= max(3, county[1]) and wide[1] > 2 * max(score.values(), default=0):
        # 全市总人口为171.42万 … 赣榆县总人口59.32万: a text that speaks of 全市 more than of any
        # township is the city's, and the counties it names with their figures are places of
        # their own
        own = _best_county({k: v for k, v in counties.items() if v[1] == wide[0]})
        doc.main_place, doc.main_level = (own[0] if own else None), wide[0]
        doc.places = {**levels, **{k: v[1] for k, v in counties.items()}}
    elif county and (county[1] >= 2 or not (score or township_self)) \
            and county[1] > 2 * max(score.values(), default=0):
        # 萧山区常住人口205.6万人 … 其中,瓜沥镇常住人口23.3万人: a district's text that names its towns
        doc.main_place, doc.main_level = county[0], county[2]
        doc.places = {**levels, **{k: v[1] for k, v in counties.items()}}
    elif score and not _village_text(doc, score, village):
        doc.main_place = score.most_common(1)[0][0]
        doc.main_level = "township"
        doc.places = {**levels, **{k: v[1] for k, v in counties.items()}}
        votes = [(n, c) for (p, c), n in county_votes.items() if p == doc.main_place]
        if votes:
            doc.county = max(votes)[1]
    else:
        # (全国 / 全台 compare with the nation: never the text's own level)
        mine = [m for m in SELF.finditer(doc.norm) if m.group("level") not in ("国", "台")]
        own = Counter(m.group("level") for m in mine if m.group("who") in "我本")
        selfs = own or Counter(m.group("level") for m in mine)
        doc.main_level = place_level(selfs.most_common(1)[0][0]) if selfs else None
        if village and doc.main_level in (None, "村", "社区"):
            # 寺上村人口全部为汉族居民。…1949年底寺上村人口增至974人: a village's own history
            # (or a community's: 城西社区常住居民…)
            name = village[0]
            kind = "社区" if name.endswith(("社区", "社區")) else "村"
            doc.main_place, doc.main_level = name, kind
            doc.places = {**levels, name: kind}


def _village_text(doc: Document, score: Counter[str], village: tuple[str, int] | None) -> bool:
    """Whether a text that names a township is still about one of its villages: it names the
    village with facts twice at least, and twice as often as any township, and never calls a
    township its own (全镇 / 我乡) nor states a township's facts: 東勝村位于通河縣濃河鎮東南部 …
    2006年東勝村共有人口1447人. ``village``: :func:`_main_village`."""
    return bool(village and village[1] >= 2 and village[1] >= 2 * max(score.values())
                and not any(m.group("level") in ("镇", "乡", "街道", "办事处") for m in SELF.finditer(doc.norm))
                and not any(doc.norm.startswith(_PLACE_FACTS, m.end()) for m in PLACE.finditer(doc.norm)))


def _main_village(doc: Document) -> tuple[str, int] | None:
    """The village (or urban community, 社区) a text names most often with facts about it
    (寺上村人口…), when no other is named as often, and when it is named only once, no other is
    named with facts at all (谷园村总人口985人 in a census-taker's note): its name and how often;
    else None."""
    score: Counter[str] = Counter()
    for m in _VILLAGE.finditer(doc.norm):
        if m.group("name") in NOT_PLACE or not doc.norm.startswith(_PLACE_FACTS + _PLACE_ORG, m.end()):
            continue
        # 底寺上村 / 居寺上村: the match may take a word before the name; count the shorter
        # name too, and let the longer one win only where it is as frequent
        for a in range(m.start(), m.end() - len(m.group("kind")) - 1):
            score[doc.name(a, m.end())] += 1
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], -len(kv[0])))
    if not ranked:
        return None
    best, n = ranked[0]
    others = [c for name, c in ranked[1:] if not best.endswith(name) and not name.endswith(best)]
    if n < 2 and others:
        return None  # named once: the text's own only where no other village has facts
    if n in others:
        return None  # two villages as often: a text about several
    return best, n


def _counties(doc: Document) -> dict[str, tuple[int, str]]:
    """The counties, districts and cities a text names with facts about them (蕭山區常住人口…,
    松岭区总人口…): name as printed -> (times, level).
    A county written right before a township (金乡县司马镇) is the township's, not one of these."""
    found: dict[str, tuple[int, str]] = {}
    for m in _COUNTY_PLACE.finditer(doc.norm):
        name = m.group("name")
        if name in NOT_PLACE or m.group() in NOT_PLACE or PLACE.match(doc.norm, m.end()):
            continue
        if _PARENT_OF.match(doc.norm, m.end()) or _RANKED_IN.match(doc.norm, m.end()) \
                and doc.norm[max(0, m.start() - 1):m.start()] in ("是", "在"):
            continue  # 台州市下辖县级市 / 是台州市户籍人口最少的…: the city a text's own is in
        if doc.norm.startswith(_COUNTY_CUES, _YEAR_END.match(doc.norm, m.end()).end()):
            full = doc.name(m.start(), m.end())
            found[full] = (found.get(full, (0, ""))[0] + 1, m.group("level"))
    return {_longer_name(doc, k): v for k, v in found.items()}


def _longer_name(doc: Document, name: str) -> str:
    """A three-character name the pattern read as two (云港市 for 连云港市): the name with the
    character before it, where the text prints it at least twice and always with that character,
    or prints that character right at the start of a clause (。连云港市常住人口…)."""
    norm_name = headers.normalize_text(name)
    at = [m.start() for m in re.finditer(re.escape(norm_name), doc.norm)]
    before = {doc.norm[i - 1] if i else "" for i in at}
    one = len(before) == 1 and re.fullmatch(r"[^\W\d_a-zA-Z" + _NOT_IN_NAME + r"年月日]", next(iter(before)))
    if one and (len(at) >= 2 or any(i == 1 or doc.norm[i - 2] in "\n。;,:" for i in at)):
        return doc.name(at[0] - 1, at[0] + len(norm_name))
    return name


def _best_county(counties: dict[str, tuple[int, str]]) -> tuple[str, int, str] | None:
    """The county a text is about, of those it names with facts: the most cited, as (name as
    printed, times, level), else None. Once is enough only in a text that names no township,
    not even as 我镇 / 全乡 (:func:`find_places` decides)."""
    if not counties:
        return None
    name = max(counties, key=lambda k: counties[k][0])  # the first of the most cited
    return name, counties[name][0], counties[name][1]


def _wide_self(doc: Document) -> tuple[str, int] | None:
    """The level a text calls its own above the township (全市 / 本县 / 我区 …) most often, and how
    often, else None."""
    levels = Counter(m.group("level") for m in SELF.finditer(doc.norm)
                     if m.group("who") != "该" and m.group("level") in ("市", "县", "区", "州", "旗"))
    return levels.most_common(1)[0] if levels else None


#: Words right after a county's name that open its figures (赣榆县总人口59.32万, 东海县户籍…).
_COUNTY_FIGURES = ("总人口", "总户数", "户数", "人口", "常住", "户籍", "出生", "死亡", "年末", "全年")


def _counties_in(doc: Document, s: int, e: int) -> list[tuple[re.Match[str], int, str]]:
    """The counties, districts and cities named in ``norm[s:e]``: (match, start, name as printed),
    with a name of three characters the text knows (连云港市, one of ``doc.places``) whole."""
    out = []
    for m in _COUNTY_PLACE.finditer(doc.norm, s, e):
        a = m.start() - 1 if m.start() > s and doc.name(m.start() - 1, m.end()) in doc.places else m.start()
        out.append((m, a, doc.name(a, m.end())))
    return out


def county_mentions(doc: Document, s: int, e: int) -> list[tuple[int, int, str]]:
    """Where, in ``norm[s:e]``, a county the text names with facts (one of ``doc.places``, not
    its own place) opens figures of its own: (start, end, name as printed). In a city's text,
    赣榆县总人口59.32万 is the county's, not the city's."""
    return [(a, m.end(), full) for m, a, full in _counties_in(doc, s, e)
            if doc.places.get(full) == m.group("level") and full != doc.main_place
            and doc.norm.startswith(_COUNTY_FIGURES, _YEAR_END.match(doc.norm, m.end()).end())]


def named_before_parenthesis(doc: Document, s: int, e: int) -> list[tuple[int, str]]:
    """Where, in ``norm[s:e]``, a parenthesis opens right after a county or city that is not the
    text's own: (offset just inside the parenthesis, name as printed). 仅次于苏州市(出生率为10.37‰…):
    the figures inside are that place's."""
    return [(m.end() + 1, full) for m, _, full in _counties_in(doc, s, e)
            if doc.norm.startswith("(", m.end()) and m.group("name") not in NOT_PLACE
            and full != doc.main_place]


def place_start(doc: Document, m: re.Match[str]) -> tuple[int, str]:
    """Where a township :data:`PLACE` matched starts and its name as printed: one or two
    characters earlier when the text knows the longer name (民族团结乡 for 族团结乡)."""
    for back in (2, 1):
        a = m.start() - back
        if a >= 0 and doc.name(a, m.end()) in doc.places:
            return a, doc.name(a, m.end())
    return m.start(), doc.name(m.start(), m.end())


def place_level(word: str) -> str:
    """镇, 乡 and 街道 are all townships; other levels keep their word (县, 区, 村 ...)."""
    return "township" if word in ("镇", "乡", "街道", "街办", "公社", "社") else word
