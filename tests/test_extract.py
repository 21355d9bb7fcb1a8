"""Figures from work-report text: the five seeds read by hand, and texts for every case the
extractor must handle (万, ‰ and %, ratios, Traditional script, Chinese-numeral years, several
series, last year's figures, married women by children, population vs birth sex ratio, masked,
blank and garbled values), each figure's provenance, and the audit of what does not add up."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.errors import ProblemsError
from analysis.extract import extract_figures
from analysis.ingest.extract import figure_fields
from analysis.ingest.headers import normalize_text
from analysis.ingest.numbers import cn_number
from analysis.load import validate_dataset
from tests.conftest import SEEDS, run_handler

#: The seed report texts (copied into data/seed_reports/texts); TOWNSHIP_REPORT_SEEDS overrides.
SEED_TEXTS = Path(os.environ.get("TOWNSHIP_REPORT_SEEDS",
                                 Path(__file__).resolve().parents[1] / "data" / "seed_reports" / "texts"))
SEED_FILES = {
    "000": "000_1949d6e4bc9aa6de.txt",
    "001": "001_5f579fa342a2e961.txt",
    "002": "002_4a4f59ab647df884.txt",
    "003": "003_272bcd1f96df1951.txt",
    "004": "004_f63f750b125c2054.txt",
}

#: What I read by hand in each seed: (place, year, series) -> the figures, nothing more.
#: Agrees with data/seed_reports/sources.csv, plus 003's figures it keeps out of its table
#: (the in-migrant women, and 流入人口 "由2008年5230人上升到目前的8380人").
HAND_READ: dict[str, dict[tuple[str | None, int | None, str], dict[str, float]]] = {
    "000": {("司马镇", 2023, "main"): {
        "total_population": 33648, "married_women_15_49": 4992, "births": 199,
        "births_parity1": 55, "births_parity2": 103, "births_parity3plus": 41, "deaths": 198}},
    "001": {("XX镇", 2022, "main"): {
        "total_population": 54991, "women_15_49": 11810, "married_women_15_49": 9891,
        "births": 203, "birth_rate_permille": 3.69, "sex_ratio_at_birth": 138.82}},
    "002": {(None, 2023, "main"): {
        "births": 6824, "policy_compliance_pct": 94.56, "sex_ratio_at_birth": 12023.65}},
    "003": {
        ("捞刀河镇", 2012, "main"): {
            "permanent_population": 47150, "in_migrants": 7304, "out_migrants": 1076,
            "births": 256, "births_male": 134, "births_female": 122,
            "policy_compliance_pct": 99.6},
        ("捞刀河镇", 2012, "migrant"): {"women_15_49": 1643},
        ("捞刀河镇", 2008, "main"): {"in_migrants": 5230},
    },
    "004": {},
}


def seed_path(name: str) -> Path:
    path = SEED_TEXTS / SEED_FILES[name]
    if not path.is_file():
        pytest.skip(f"seed texts not found in {SEED_TEXTS} (set TOWNSHIP_REPORT_SEEDS)")
    return path


def seed(name: str) -> str:
    return seed_path(name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seeds() -> dict[str, list[dict]]:
    return {name: extract_figures(seed(name)) for name in SEED_FILES}


def figures(record: dict) -> dict[str, float]:
    return {f: record[f] for f in figure_fields(record)}


def by_year(text: str) -> dict[int | None, dict[str, float]]:
    """The figures of each year's record of ``text`` (records with no figure left out)."""
    return {r["year"]: figures(r) for r in extract_figures(text) if figure_fields(r)}


def keyed(text: str) -> list[tuple]:
    """Place, year, series and figures of each record of ``text`` (records with no figure left
    out), in order."""
    return [(r["place"], r["year"], r["series"], figures(r)) for r in extract_figures(text) if figure_fields(r)]


def by_key(records: list[dict]) -> dict[tuple, dict]:
    return {(r["place"], r["year"], r["series"]): r for r in records}


def problems(records: list[dict], kind: str | None = None) -> list[dict]:
    return [p for r in records for p in r["problems"] if kind is None or p["kind"] == kind]


def findings(records: list[dict], rule: str | None = None) -> list[dict]:
    return [f for r in records for f in r["findings"] if rule is None or f["rule"] == rule]


def only(records: list[dict]) -> dict:
    assert len(records) == 1, [figures(r) for r in records]
    return records[0]


# The seeds ------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(SEED_FILES))
def test_seed_figures_exactly_as_read_by_hand(seeds, name: str) -> None:
    got = {k: figures(r) for k, r in by_key(seeds[name]).items() if figure_fields(r)}
    assert got == HAND_READ[name]


def test_seed_places_counties_and_years(seeds) -> None:
    rec = by_key(seeds["000"])[("司马镇", 2023, "main")]
    assert rec["county"] == "金乡县"
    assert rec["provenance"]["year"]["text"] == "2023年"
    assert by_key(seeds["001"])[("XX镇", 2022, "main")]["provenance"]["year"]["text"] == "2022年"


def test_seeds_agree_with_sources_csv(seeds) -> None:
    """Every schema figure of the colleague's table is found, with a provenance inside the
    sentence the colleague quoted."""
    with (SEEDS / "sources.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh)]
    fields = set(HAND_READ["000"][("司马镇", 2023, "main")]) | {
        f for v in HAND_READ.values() for figs in v.values() for f in figs}
    checked = 0
    for row in rows:
        if row["field"] not in fields:
            continue
        name = row["seed_file"][:3]
        text = seed(name)
        value = float(row["value_as_printed"].rstrip("%‰"))
        rec = next(r for r in seeds[name] if r["series"] == "main" and r.get(row["field"]) == value)
        prov = rec["provenance"][row["field"]]
        start = text.find(row["sentence"])
        assert start >= 0 and start <= prov["span"][0] < start + len(row["sentence"]), row
        checked += 1
    assert checked == 23


def test_seed_provenance_points_at_the_printed_figure(seeds) -> None:
    for name, records in seeds.items():
        text = seed(name)
        for rec in records:
            for f in figure_fields(rec):
                prov = rec["provenance"][f]
                s, e = prov["span"]
                assert text[s:e] == prov["text"]
                ls, le = prov["label_span"]
                assert text[ls:le] == prov["label"]
                assert prov["text"] in prov["sentence"]
                # the name is in the sentence, or a sentence before (由2008年…到目前… continues one)
                assert prov["label"] in prov["sentence"] or ls < prov["sentence_span"][0]
                assert text.count("\n", 0, s) + 1 == prov["line"]
    rec = by_key(seeds["000"])[("司马镇", 2023, "main")]
    assert rec["provenance"]["births_parity2"]["text"] == "103人"
    assert rec["provenance"]["births_parity2"]["label"] == "2孩出生"
    assert rec["provenance"]["births"]["sentence"].startswith("目前全镇总人口为33648人")


def test_seed_002_corruption_is_detected_and_reported(seeds) -> None:
    records = seeds["002"]
    text = seed("002")
    rec = by_key(records)[(None, 2023, "main")]
    assert rec["sex_ratio_at_birth"] == 12023.65  # kept as printed, never corrected
    srb = findings(records, "srb_implausible")
    assert len(srb) == 1 and srb[0]["severity"] == "error" and srb[0]["value"] == 12023.65
    assert srb[0]["text"] == "12023.65"
    shares = [p for p in problems(records) if p["text"] == "20230%"]
    assert {p["kind"] for p in shares} == {"share_impossible", "share_implausible"}
    assert [p["severity"] for p in shares if p["kind"] == "share_impossible"] == ["error"]
    assert all(text[p["span"][0]:p["span"][1]] == "20230%" for p in shares)
    assert "满意度均达20230%" in next(p["sentence"] for p in shares if p["kind"] == "share_impossible")
    assert [p["text"] for p in problems(records, "bad_date")] == ["2023月"]
    # the site printed 2023 for other digits all through the text: the ratio says so too
    stamped = problems(records, "year_stamped")
    assert [(p["field"], p["text"], p["severity"]) for p in stamped] == [
        ("sex_ratio_at_birth", "12023.65", "error")]


def test_a_year_a_site_printed_for_other_digits_flags_the_figures_holding_it() -> None:
    text = ("小康驻村小组述职报告\n2023年3月自成立驻村工作组以来,已过去半年多的时间了。所驻村辖7个自然村寨,"
            "2023个村民小组,总户数42023户,总人口220233人,出生人口12人。")
    rec = only([r for r in extract_figures(text) if figure_fields(r)])
    assert figures(rec) == {"total_population": 220233, "births": 12}  # kept as printed
    assert [(p["field"], p["text"]) for p in problems([rec], "year_stamped")] == [
        ("total_population", "220233人")]
    assert "2023个村民小组" in rec["problems"][-1]["message_zh"]
    # round numbers, a date that lost its 年, or one such number alone, are no sign of it
    for text in ("2020年全镇总人口120000人,32000户,流动人口12000人。",
                 "2017年全镇总人口32017人。20171月至20176月份全镇共出生110人,20173月已婚育龄妇女3358人。"):
        assert not problems(extract_figures(text), "year_stamped")


def test_seed_001_stray_percent_on_the_sex_ratio(seeds) -> None:
    kept = problems(seeds["001"], "unit_kept")
    assert [p["text"] for p in kept] == ["138.82%"]
    assert "policy_compliance_pct" not in seeds["001"][0]  # 二多孩政策符合率 is not the overall rate


def test_seed_003_conflicting_in_migrants_reported(seeds) -> None:
    conflict = problems(seeds["003"], "conflict")
    assert len(conflict) == 1
    assert conflict[0]["field"] == "in_migrants" and conflict[0]["value"] == 8380
    assert conflict[0]["kept"] == 7304 and conflict[0]["severity"] == "error"
    assert "8943" not in json.dumps([figures(r) for r in seeds["003"]])  # 参检育龄妇女: not a stock


def test_seed_004_plan_has_no_figures(seeds) -> None:
    assert seeds["004"] == []


# Units, scripts and years ------------------------------------------------------------------------

def test_wan_units() -> None:
    rec = only(extract_figures("2021年末,全镇户籍总人口71.79万人,常住人口3.3648万人。"))
    assert rec["total_population"] == 717900 and rec["permanent_population"] == 33648
    assert rec["provenance"]["total_population"]["text"] == "71.79万人"
    bad = extract_figures("全镇总人口3.21456万人。")
    assert [p["kind"] for p in problems(bad)] == ["not_whole"] and not figure_fields(bad[0])


def test_a_measures_rate_is_not_the_contraceptive_prevalence_rate() -> None:
    """避孕节育措施落实率 divides by the women a measure was due for, 综合避孕率 by all married
    women 15-49: the first is reported as another indicator, never read as the second."""
    rec = only(extract_figures("2023年全镇综合避孕率为88.5%,避孕节育措施落实率为98%,住院分娩率100%。"))
    assert figures(rec) == {"contraceptive_rate_pct": 88.5}
    notes = [(p["kind"], p["text"]) for p in rec["problems"]]
    assert notes == [("other_indicator", "避孕节育措施落实率为98%"), ("other_indicator", "住院分娩率100%")]
    assert "不等于综合避孕率" in rec["problems"][0]["message_zh"]
    assert "not the contraceptive prevalence rate" in rec["problems"][0]["message_en"]


def test_registered_moves_are_not_migrants() -> None:
    """迁入 / 迁出 are registrations moved during the year (a flow), 流入 / 流出人口 the migrants
    living here or away (a stock): the first are noted as another indicator, never read as the second."""
    rec = only(extract_figures("2016年全区户籍人口迁入12815人,迁出3337人。流入人口5000人,流出人口800人。"))
    assert figures(rec) == {"in_migrants": 5000, "out_migrants": 800}
    notes = [(p["kind"], p["text"]) for p in rec["problems"]]
    assert notes == [("other_indicator", "户籍人口迁入12815人"), ("other_indicator", "迁出3337人")]
    assert "not the in- or out-migrants" in rec["problems"][0]["message_en"]


def test_per_mille_printed_by_ocr() -> None:
    """18.45%o and 5.14%0 are how OCR and typewriters print ‰."""
    rec = only(extract_figures("1990年全区人口出生率为18.45%o，死亡率5.14%0,政策符合率为99.1%。"))
    assert figures(rec) == {"birth_rate_permille": 18.45, "death_rate_permille": 5.14,
                            "policy_compliance_pct": 99.1}
    assert rec["provenance"]["birth_rate_permille"]["text"] == "18.45%o"


def test_a_place_after_the_year_is_the_place_not_part_of_its_name() -> None:
    rec = only(extract_figures("1990年白石镇出生人口500人。"))
    assert (rec["place"], rec["year"], figures(rec)) == ("白石镇", 1990, {"births": 500})
    # a county the text names more than once, after the year at the clause start
    rec = only(extract_figures("青山县人口计生工作总结\n2023年青山县出生人口500人,死亡人口400人。"))
    assert (rec["year"], figures(rec)) == (2023, {"births": 500, "deaths": 400})


def test_the_whole_village_and_births_by_sex_among_the_births() -> None:
    rec = only(extract_figures("全村总人口1285人,其中育龄妇女312人。"))
    assert figures(rec) == {"total_population": 1285, "women_15_49": 312}
    for text in ("2018年我街道出生人口中男孩103人,女孩95人。", "2018年我街道出生的婴儿中男孩103人,女孩95人。"):
        assert figures(only(extract_figures(text))) == {"births_male": 103, "births_female": 95}, text


def test_a_total_that_holds_the_registered_population_and_others() -> None:
    """辖区总人口 = 户籍 + 流动: the registered population is the schema's total; a note says why."""
    recs = {r["series"]: r for r in extract_figures(
        "东方红街道2012年计生工作总结\n辖区总人口56231人,其中户籍人口31256人,流动人口24975人。")}
    assert figures(recs["main"]) == {"total_population": 31256}
    assert figures(recs["migrant"]) == {"total_population": 24975}
    assert [(p["kind"], p["severity"]) for p in recs["main"]["problems"]] == [("total_with_others", "note")]
    assert "56231人" in recs["main"]["problems"][0]["message_zh"]
    # in two sentences the two numbers are a conflict the reader must settle
    rec = only(extract_figures("2012年全镇总人口56231人。户籍人口31256人。"))
    assert [p["kind"] for p in rec["problems"]] == ["conflict"]


def test_the_figure_of_a_named_year_compared_with() -> None:
    """比2015年的298人增加58人 states 2015's births; a bare change (比上年增加118人) states nothing."""
    recs = {r["year"]: figures(r) for r in extract_figures(
        "2016年全镇共出生人口356人,比2015年的298人增加58人。总人口为21869人,比上年末增加118人。")}
    assert recs == {2016: {"births": 356, "total_population": 21869}, 2015: {"births": 298}}
    recs = {r["year"]: figures(r) for r in extract_figures("2016年出生率为9.1‰,与2015年9.3‰相比略有下降。")}
    assert recs == {2016: {"birth_rate_permille": 9.1}, 2015: {"birth_rate_permille": 9.3}}


def test_one_name_with_a_value_for_each_listed_year() -> None:
    recs = by_year("2019年、2020年全镇出生人口分别为245人、223人。")
    assert recs == {2019: {"births": 245}, 2020: {"births": 223}}
    # no years to pair the values with: nothing is read, and the reader is told why
    rec = only(extract_figures("近三年,全镇出生人口分别为245人、223人、198人。"))
    assert figure_fields(rec) == [] and [p["kind"] for p in rec["problems"]] == ["several_values"]


def test_last_years_figure_in_a_clause_of_its_own() -> None:
    recs = {r["year"]: figures(r) for r in extract_figures(
        "2024年全镇卫生健康工作总结\n今年以来,全镇出生人口135人,去年同期为148人。全年死亡人口243人。")}
    assert recs == {2024: {"births": 135, "deaths": 243}, 2023: {"births": 148}}


def test_the_total_of_a_breakdown_of_births() -> None:
    rec = only(extract_figures("全镇2022年出生人口数:一孩78人、二孩92人、三孩25人,合计195人。"))
    assert figures(rec) == {"births": 195, "births_parity1": 78, "births_parity2": 92,
                            "births_parity3plus": 25}
    # 合计 of something else is not births
    assert not any(figure_fields(r) for r in extract_figures("2022年全镇一孩妇女78人、二孩妇女92人,合计170人。"))


def test_a_district_text_that_names_its_towns() -> None:
    """The district cited with its facts is the text's place; its towns' figures are theirs."""
    text = ("萧山区位于浙江省北部。截至2021年末,萧山区常住人口205.6万人,比上年末增加4万人。"
            "2021年末,萧山区户籍总人口124.01万人,全年出生11179人,出生率为9.12‰。登记在册的流动人口130.79万人。\n"
            "截至2020年末,瓜沥镇常住人口23.3万人,户籍人口16.53万人,而楼塔镇常住人口2.35万人。")
    got = {(r["place"], r["year"], r["series"]): figures(r) for r in extract_figures(text) if figure_fields(r)}
    assert got == {
        ("萧山区", 2021, "main"): {"total_population": 1240100, "permanent_population": 2056000,
                                  "births": 11179, "birth_rate_permille": 9.12},
        ("萧山区", 2021, "migrant"): {"total_population": 1307900},
        ("瓜沥镇", 2020, "main"): {"total_population": 165300, "permanent_population": 233000},
        ("楼塔镇", 2020, "main"): {"permanent_population": 23500}}


def test_a_statistical_paragraph_keeps_its_resident_series_past_the_whole_district() -> None:
    """NBS convention: births and rates after 常住人口 are the resident population's, also when
    the sentence names the district again (全区出生人口); a migrant total does not set it."""
    recs = {r["series"]: figures(r) for r in extract_figures(
        "截至2021年末,全区常住人口90.04万人,户籍人口51.75万人。2021年,全区出生人口9114人,出生率(lv)10.99‰。")}
    assert recs == {"main": {"total_population": 517500, "permanent_population": 900400},
                    "resident": {"births": 9114, "birth_rate_permille": 10.99}}
    recs = {r["series"]: figures(r) for r in extract_figures(
        "2011年末,莘畈乡总人口6864人。另有流动人口1872人。2011年,人口出生率14.6‰。")}
    assert recs == {"main": {"total_population": 6864, "birth_rate_permille": 14.6},
                    "migrant": {"total_population": 1872}}


def test_words_before_a_place_are_not_its_name() -> None:
    recs = [(r["place"], figures(r)) for r in extract_figures(
        "2011年末,原菜花坪镇总人口4.6万人。菜花坪镇人民政府。而龙穴街道户籍人口仅0.17万人。")]
    assert recs == [("菜花坪镇", {"total_population": 46000}), ("龙穴街道", {"total_population": 1700})]


def test_a_population_written_with_its_households_or_after_the_place_alone() -> None:
    """Chronicles: 全区总户数11295户、36927人 / 全村为948人. A part (家庭户…) or a number of people
    doing something (全区共有11536人参加了…) is not the population."""
    recs = by_year("1996年,全区总户数11295户、36927人。1970年全村为948人,20年净增人口360人。\n"
        "1990年,全区总人口37193人,家庭户9480户、36599人。2013年全区共有11536人参加了孕前检查。")
    assert recs == {1996: {"total_population": 36927}, 1970: {"total_population": 948},
                    1990: {"total_population": 37193}}


def test_a_neighbour_named_to_say_where_the_place_lies_is_not_the_figures_place() -> None:
    """Traditional script beyond the labels (毗連, 隸屬) is read too, through OpenCC."""
    text = ("瓦崗鄉,隸屬於湯陰縣,東與五陵鎮接壤,南與濬縣屯子鎮毗連,西鄰伏道鎮,截至2018年末,戶籍人口40329人。"
            "瓦崗鄉人民政府。")
    assert [(r["place"], r["year"], figures(r)) for r in extract_figures(text)] == [
        ("瓦崗鄉", 2018, {"total_population": 40329})]


def test_chronicle_years_and_phrasing() -> None:
    """民国7年(1918) is 1918; 高达 before a rate; 年末 after the year; 共有人口N户,M人."""
    recs = by_year("民国7年(1918),四门乡有6883户,29128人。民国三十六年,全乡总人口12345人。\n"
        "1957年,人口自然增长率高达31.86‰。1950年,全区共有人口9444户,75557人。\n"
        "2022年末户籍总人口64.62万人,其中,城镇人口27.88万人。2016年全市前三个季度出生4826人。")
    assert recs == {1918: {"total_population": 29128}, 1947: {"total_population": 12345},
                    1957: {"natural_growth_permille": 31.86}, 1950: {"total_population": 75557},
                    2022: {"total_population": 646200}, 2016: {"births": 4826}}


def test_births_by_sex_among_the_births_counted_before() -> None:
    """出生的190人中男婴94人 goes back to the 190 births, past the series counted in between."""
    recs = {r["series"]: figures(r) for r in extract_figures(
        "全镇2020年共出生人口190人,其中常住人口出生183人,流动人口出生7人,出生的190人中男婴94人,女婴96人。")}
    assert recs == {"main": {"births": 190, "births_male": 94, "births_female": 96},
                    "resident": {"births": 183}, "migrant": {"births": 7}}


def test_actual_rate_after_a_target() -> None:
    rec = only(extract_figures("2014年,全镇人口出生率控制在12‰以内,实际出生率为10.2‰。"))
    assert figures(rec) == {"birth_rate_permille": 10.2}
    assert [p["kind"] for p in rec["problems"]] == ["approximate"]


def test_permille_and_percent_forms() -> None:
    rec = only(extract_figures("人口出生率为千分之7.41,死亡率5.86‰,政策符合率百分之96.5,"
                               "综合避孕率为91.2%。"))
    assert figures(rec) == {"birth_rate_permille": 7.41, "death_rate_permille": 5.86,
                            "policy_compliance_pct": 96.5, "contraceptive_rate_pct": 91.2}
    # 5.5% could be a birth rate in per cent (55‰): the wrong sign is reported, not guessed
    wrong = extract_figures("出生率为5.5%,政策符合率为96‰。")
    assert not figure_fields(wrong[0])
    assert [p["kind"] for p in problems(wrong)] == ["unit", "unit"]


@pytest.mark.parametrize("printed, value", [
    ("105.95:100", 105.95), ("105.95∶100", 105.95), ("105.95：100", 105.95), ("1.06:1", 106),
    ("108.5(女=100)", 108.5), ("108.5", 108.5)])
def test_sex_ratio_forms(printed: str, value: float) -> None:
    rec = only(extract_figures(f"全年出生305人,出生人口性别比为{printed}。"))
    assert rec["sex_ratio_at_birth"] == value


def test_traditional_script() -> None:
    text = ("二〇一一年,本鎮總人口33,648人,育齡婦女8,215人,其中已婚育齡婦女6,540人。全年出生嬰兒305人,"
            "其中男嬰160人、女嬰145人,出生人口性別比為110.34:100,政策符合率為96.7%,人口自然增長率為1.2‰。")
    rec = only(extract_figures(text))
    assert rec["year"] == 2011
    assert figures(rec) == {
        "total_population": 33648, "women_15_49": 8215, "married_women_15_49": 6540,
        "births": 305, "births_male": 160, "births_female": 145, "sex_ratio_at_birth": 110.34,
        "policy_compliance_pct": 96.7, "natural_growth_permille": 1.2}
    # spans are spans of the Traditional original
    s, e = rec["provenance"]["total_population"]["label_span"]
    assert text[s:e] == "總人口"


@pytest.mark.parametrize("year_text, year", [
    ("二〇一一年", 2011), ("二0一一年", 2011), ("二零一一年", 2011), ("二○一一年", 2011),
    ("2011年", 2011), ("二〇二三年度", 2023)])
def test_years_in_chinese_numerals(year_text: str, year: int) -> None:
    assert only(extract_figures(f"{year_text}全乡出生人口共计312人。"))["year"] == year


def test_masked_year_leaves_the_year_unknown() -> None:
    rec = only(extract_figures("2020年工作总结。xx年全镇户籍总人口为52746人。"))
    assert rec["year"] is None and rec["total_population"] == 52746
    assert [p["kind"] for p in rec["problems"]] == ["masked_year"]


def test_year_scope_and_relative_years() -> None:
    recs = by_key(extract_figures("2021年出生210人,2022年出生199人。"))
    assert recs[(None, 2021, "main")]["births"] == 210 and recs[(None, 2022, "main")]["births"] == 199
    recs = by_key(extract_figures("2023年工作总结。去年全镇出生210人,今年出生199人。"))
    assert recs[(None, 2022, "main")]["births"] == 210 and recs[(None, 2023, "main")]["births"] == 199
    # a year in a document title names the document, not the period
    rec = only(extract_figures("2022年,根据《2018年工作要点》,全镇出生203人。"))
    assert rec["year"] == 2022


# Several series, last year's figures, changes -----------------------------------------------------

def test_series_are_kept_apart() -> None:
    text = ("2022年,全镇户籍人口32150人,出生312人,户籍人口出生率9.70‰;常住人口28900人,"
            "常住人口出生率为10.03‰。流动人口4210人,其中育龄妇女1120人,流动人口出生46人。")
    recs = by_key(extract_figures(text))
    assert figures(recs[(None, 2022, "main")]) == {
        "total_population": 32150, "permanent_population": 28900, "births": 312,
        "birth_rate_permille": 9.7}
    assert figures(recs[(None, 2022, "resident")]) == {"birth_rate_permille": 10.03}
    assert figures(recs[(None, 2022, "migrant")]) == {
        "total_population": 4210, "women_15_49": 1120, "births": 46}
    assert not problems(list(recs.values()), "conflict")


def test_series_restated_in_parentheses() -> None:
    text = ("全镇户籍总人口为52746人,育龄妇女15706人(常住人口为40248人,育龄妇女9094人);"
            "户籍人口出生381人,符合政策生育率为85.56%。(全镇常住人口出生281人,符合政策生育率为96.09%)。")
    recs = by_key(extract_figures(text))
    assert figures(recs[(None, None, "main")]) == {
        "total_population": 52746, "women_15_49": 15706, "permanent_population": 40248,
        "births": 381, "policy_compliance_pct": 85.56}
    assert figures(recs[(None, None, "resident")]) == {
        "women_15_49": 9094, "births": 281, "policy_compliance_pct": 96.09}


def test_a_population_at_the_head_of_a_sentence_sets_its_series() -> None:
    text = ("2013年至年底,全区常住人口128.75万人,出生人口9408人,出生率7.55‰;计划生育率97.47%,"
            "常住出生人口性别比104:100。其中全区户籍人口88.58万人,出生人口6693人,出生率7.56‰,"
            "户籍出生人口性别比103:100。全区流动人口40.95万人,育龄妇女4.86万人;出生2715人。")
    recs = by_key(extract_figures(text))
    assert figures(recs[(None, 2013, "main")]) == {
        "permanent_population": 1287500, "total_population": 885800, "births": 6693,
        "birth_rate_permille": 7.56, "sex_ratio_at_birth": 103}
    assert figures(recs[(None, 2013, "resident")]) == {
        "births": 9408, "birth_rate_permille": 7.55, "policy_compliance_pct": 97.47,
        "sex_ratio_at_birth": 104}
    assert figures(recs[(None, 2013, "migrant")]) == {
        "total_population": 409500, "women_15_49": 48600, "births": 2715}
    assert not problems(list(recs.values()), "conflict")


def test_last_years_figures_kept_apart_and_changes_skipped() -> None:
    text = ("2023年全镇出生人口287人(上年312人),比上年减少25人;死亡265人(2022年为251人),"
            "出生率8.95‰(上年9.70‰),同比下降0.75个千分点。计划生育率为99.54%,比去年同期(98.37%)"
            "上升1.17个百分点,出生婴儿性别比为129.22,与去年同期131.51相比下降。")
    recs = by_key(extract_figures(text))
    assert figures(recs[(None, 2023, "main")]) == {
        "births": 287, "deaths": 265, "birth_rate_permille": 8.95,
        "policy_compliance_pct": 99.54, "sex_ratio_at_birth": 129.22}
    assert figures(recs[(None, 2022, "main")]) == {
        "births": 312, "deaths": 251, "birth_rate_permille": 9.7,
        "policy_compliance_pct": 98.37, "sex_ratio_at_birth": 131.51}
    assert len(recs) == 2  # 25, 0.75 and 1.17 are changes, not figures


def test_last_year_without_a_stated_year() -> None:
    recs = extract_figures("全镇出生人口287人(上年312人)。")
    assert {(r["year"], r["period"]): r["births"] for r in recs} == {(None, None): 287, (None, "上年"): 312}


def test_part_of_a_year_is_its_own_period() -> None:
    recs = extract_figures("2023年全年出生300人。2023年上半年,全镇出生140人。")
    assert {(r["year"], r["period"]): r["births"] for r in recs} == {(2023, None): 300, (2023, "上半年"): 140}
    assert not problems(recs, "conflict")


def test_trend_from_one_year_to_now() -> None:
    recs = by_key(extract_figures("2012年3月15日。目前流入人口7304人。一是流入人口增长快速。"
                                  "由2008年5230人上升到目前的8380人。"))
    assert recs[(None, 2008, "main")]["in_migrants"] == 5230
    conflict = problems(list(recs.values()), "conflict")
    assert [(p["kept"], p["value"]) for p in conflict] == [(7304, 8380)]


# Who the figure is about ----------------------------------------------------------------------------

def test_married_women_by_number_of_children_are_not_births() -> None:
    text = ("全镇已婚育龄妇女4992人,其中一孩妇女2103人,二孩妇女2210人,多孩妇女679人。"
            "已婚育龄妇女中,一孩1800人,二孩2000人。2023年出生199人,其中一孩55人,二孩103人,多孩41人。")
    recs = extract_figures(text)
    assert [figures(r) for r in recs] == [
        {"married_women_15_49": 4992},
        {"births": 199, "births_parity1": 55, "births_parity2": 103, "births_parity3plus": 41}]


def test_births_by_parity_with_explicit_names() -> None:
    rec = only(extract_figures("出生人口中,一孩出生120人,二孩出生95人,三孩及以上出生12人。"))
    assert figures(rec) == {"births_parity1": 120, "births_parity2": 95, "births_parity3plus": 12}


def test_sex_ratio_of_population_versus_at_birth() -> None:
    rec = only(extract_figures("全镇总人口性别比为104.2,出生人口性别比为108.5。"))
    assert figures(rec) == {"sex_ratio_at_birth": 108.5}
    rec = only(extract_figures("全镇总人口33648人,性别比103.6。"))
    assert figures(rec) == {"total_population": 33648}
    rec = only(extract_figures("全镇出生203人,总性别比138.82。"))
    assert rec["sex_ratio_at_birth"] == 138.82
    unsure = extract_figures("性别比103.6。")
    assert [p["kind"] for p in problems(unsure)] == ["sex_ratio_ambiguous"]
    assert not any(figure_fields(r) for r in unsure)


def test_look_alike_names_are_not_figures() -> None:
    text = ("出生缺陷发生率为0.5%,婴儿死亡率为3.2‰,孕产妇死亡率为0,参检育龄妇女8943人,孕检率达98%,"
            "二多孩政策符合率94.44%,二孩性别比125.04,一孩率58.93%,共摸排在外务工人员5839人,"
            "免费孕前优生健康检查覆盖率达到98%,全镇辖15个行政村,总户数8500户,发放药具920人次。")
    assert [r for r in extract_figures(text) if figure_fields(r)] == []


def test_respectively_lists() -> None:
    rec = only(extract_figures("全年出生、死亡人数分别为199人、198人,出生率和死亡率分别为5.91‰和5.88‰。"))
    assert figures(rec) == {"births": 199, "deaths": 198, "birth_rate_permille": 5.91,
                            "death_rate_permille": 5.88}


def test_several_places_in_one_text() -> None:
    recs = by_key(extract_figures("2022年,城关镇出生人口320人,死亡人口210人;河口镇出生人口198人,死亡人口176人。"))
    assert figures(recs[("城关镇", 2022, "main")]) == {"births": 320, "deaths": 210}
    assert figures(recs[("河口镇", 2022, "main")]) == {"births": 198, "deaths": 176}


def test_county_figures_in_a_township_report_are_kept_apart() -> None:
    recs = by_key(extract_figures("我镇出生率为5.91‰,低于全县平均水平(全县出生率为7.2‰)。"))
    assert recs[(None, None, "main")]["birth_rate_permille"] == 5.91
    assert recs[("全县", None, "main")]["birth_rate_permille"] == 7.2


def test_approximate_figures_and_targets_are_not_read() -> None:
    recs = extract_figures("全镇总人口约3.2万人,全年出生200余人,政策符合率保持在95%以上,出生率控制在10‰以内。")
    assert not figure_fields(only(recs))
    assert [p["kind"] for p in problems(recs)] == ["approximate"] * 4
    assert {p["severity"] for p in problems(recs)} == {"note"}


# Masked, blank and garbled -----------------------------------------------------------------------------

def test_masked_and_blank_values_are_reported_not_read() -> None:
    text = "2020年全镇总人口xx人,出生XX人,死亡××人,出生率为‰,死亡率为  ‰,政策符合率为%,全年共计出生人,死亡( )人。"
    rec = only(extract_figures(text))
    assert not figure_fields(rec)
    got = [(p["kind"], p["field"]) for p in rec["problems"]]
    assert got == [("masked", "total_population"), ("masked", "births"), ("masked", "deaths"),
                   ("blank", "birth_rate_permille"), ("blank", "death_rate_permille"),
                   ("blank", "policy_compliance_pct"), ("blank", "births"), ("blank", "deaths")]
    assert all(text[p["span"][0]:p["span"][1]] == p["text"] for p in rec["problems"])


def test_partly_masked_numbers_are_not_read() -> None:
    rec = only(extract_figures("2022年上半年,全区总人口为22044xxxx,全区总出生107xxxx,死亡30**人,出生率为4.85‰。"))
    assert figures(rec) == {"birth_rate_permille": 4.85}
    assert [(p["kind"], p["field"]) for p in rec["problems"]] == [
        ("masked", "total_population"), ("masked", "births"), ("masked", "deaths")]


def test_romanised_readings_inserted_by_web_sites() -> None:
    text = "2021年末,全國(guó)戶籍人口71.79萬(wàn)人;全年出生人口3888人,人口自然增長(zhǎng)率為-3.30‰。"
    rec = only(extract_figures(text))
    assert figures(rec) == {"total_population": 717900, "births": 3888, "natural_growth_permille": -3.3}
    prov = rec["provenance"]["natural_growth_permille"]
    assert prov["label"] == "人口自然增長(zhǎng)率"  # as printed
    s, e = prov["label_span"]
    assert text[s:e] == prov["label"]
    assert rec["provenance"]["total_population"]["text"] == "71.79萬(wàn)人"


def test_rates_printed_without_their_permille_sign() -> None:
    rec = only(extract_figures("2021年,全县共出生1777人,出生率为4.48,死亡率为4.40,人口自然增长率为0.08;"
                               "政策符合率99.66%。"))
    assert figures(rec) == {"births": 1777, "birth_rate_permille": 4.48, "death_rate_permille": 4.4,
                            "natural_growth_permille": 0.08, "policy_compliance_pct": 99.66}
    assert [(p["kind"], p["field"]) for p in rec["problems"]] == [
        ("unit_assumed", "birth_rate_permille"), ("unit_assumed", "death_rate_permille"),
        ("unit_assumed", "natural_growth_permille")]
    # a change, or an implausible rate, is not read that way
    rec = only(extract_figures("2021年,全县出生率为75.2,死亡率下降0.4个千分点。"))
    assert "birth_rate_permille" not in rec and "death_rate_permille" not in rec


def _to_chinese(n: int) -> str:
    """Reference writer of Chinese numerals (how reports print them), for the property test."""
    digits = "零一二三四五六七八九"
    if n == 0:
        return "零"

    def section(k: int) -> str:  # 0 < k < 10000
        out, zero = "", False
        for unit, value in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
            d = k // value % 10
            if d:
                out += ("零" if zero and out else "") + digits[d] + unit
                zero = False
            else:
                zero = True
        return out

    parts = []
    for unit, value in (("亿", 10**8), ("万", 10**4), ("", 1)):
        k = n // value % 10000
        if k:
            lead = "零" if parts and k < 1000 else ""
            parts.append(lead + section(k) + unit)
    return "".join(parts)


@given(st.integers(min_value=0, max_value=99_999_999))
def test_chinese_numerals_are_read(n: int) -> None:
    assert cn_number(_to_chinese(n)) == n


def test_counts_and_rates_in_chinese_numerals() -> None:
    rec = only(extract_figures("二〇二三年全镇出生人口一百九十九人,死亡一百二十人,出生率千分之五点九一,"
                               "政策符合率百分之九十八点五。"))
    assert figures(rec) == {"births": 199, "deaths": 120, "birth_rate_permille": 5.91,
                            "policy_compliance_pct": 98.5}
    assert rec["year"] == 2023 and rec["provenance"]["births"]["text"] == "一百九十九人"
    # list markers and parity names are not numbers
    rec = only(extract_figures("2023年全镇出生人口199人,其中一孩120人。一是加强宣传。"))
    assert figures(rec) == {"births": 199, "births_parity1": 120}


def test_plain_text_tables_years_across_and_down() -> None:
    text = ("关于白石镇2023年人口和计划生育工作的总结\n"
            "指标            2022年    2023年\n"
            "户籍人口(人)     33500     33648\n"
            "出生人口(人)     210       199\n"
            "出生率(‰)        6.27      5.91\n"
            "参检人数          812       790\n"
            "二、主要做法。今年全镇死亡人口198人。\n"
            "年份\t总人口(万人)\t出生人口\t死亡人口\n"
            "2021\t3.34\t220\t190\n")
    recs = {r["year"]: r for r in extract_figures(text)}
    assert figures(recs[2022]) == {"total_population": 33500, "births": 210,
                                   "birth_rate_permille": 6.27}
    assert figures(recs[2023]) == {"total_population": 33648, "births": 199,
                                   "birth_rate_permille": 5.91, "deaths": 198}
    assert figures(recs[2021]) == {"total_population": 33400, "births": 220, "deaths": 190}
    prov = recs[2023]["provenance"]["births"]
    assert (prov["text"], prov["label"], prov["line"]) == ("199", "出生人口(人)", 4)
    assert text[slice(*prov["span"])] == "199"
    assert not any(r["problems"] for r in recs.values())  # no line read twice


def test_a_table_of_other_things_is_left_alone() -> None:
    text = "项目    2022年    2023年\n孕检人数    812    790\n奖扶对象    35    41\n"
    assert not any(figure_fields(r) for r in extract_figures(text))


def test_trends_of_rates_with_years_in_chinese_numerals() -> None:
    recs = {r["year"]: r for r in extract_figures(
        "我县人口自然增长率由一九七○年的千分之二十点三,下降到一九八四年的千分之一点五二。"
        "人口自然增长率从1963年的56.3‰,降至1965年的33.4‰。")}
    assert {y: figures(r) for y, r in recs.items()} == {
        1970: {"natural_growth_permille": 20.3}, 1984: {"natural_growth_permille": 1.52},
        1963: {"natural_growth_permille": 56.3}, 1965: {"natural_growth_permille": 33.4}}


def test_other_kinds_of_place_refer_to_themselves() -> None:
    for whole in ("全州", "全场", "我矿", "全社区", "全市"):
        rec = only(extract_figures(f"2023年,{whole}出生1676人,出生率为4.49‰。"))
        assert figures(rec) == {"births": 1676, "birth_rate_permille": 4.49}, whole


def test_start_and_end_of_period_and_more_names_for_births() -> None:
    rec = only(extract_figures("2009年,全镇期初总人口33264人,期末总人口33342人,其中常住人口28132人,"
                               "当年出生人数128人,出生水平为2.4‰。本年度内新生婴儿128人。"))
    assert rec["total_population"] == 33342 and rec["births"] == 128
    assert rec["birth_rate_permille"] == 2.4 and rec["series"] == "main"
    # the period's start and end are two stocks, not a conflict (session 13)
    assert [(p["kind"], p["severity"]) for p in rec["problems"]] == [("period_start", "note")]
    assert "33264" in rec["problems"][0]["message_zh"]


def test_a_sex_ratio_with_100_first_is_reported_not_read() -> None:
    rec = only(extract_figures("2023年全镇出生婴儿477人,人口出生性别比为100:102。"))
    assert "sex_ratio_at_birth" not in rec
    assert [(p["kind"], p["field"]) for p in rec["problems"]] == [("ratio_order", "sex_ratio_at_birth")]


def test_births_by_pregnancy_order_and_a_breakdown_in_the_next_sentence() -> None:
    rec = only(extract_figures("2011年全街道共出生265人,其中一胎187人,二胎78人。"))
    assert figures(rec) == {"births": 265, "births_parity1": 187, "births_parity2": 78}
    recs = extract_figures("2020年度,全年共出生新生儿74人(男孩46人,女孩28人)。其中一孩32人;二孩38人;多孩4人。"
                           "流动人口中,新生儿出生27人。其中一孩12人;二孩15人。")
    by_series = {r["series"]: figures(r) for r in recs}
    assert by_series["main"] == {"births": 74, "births_male": 46, "births_female": 28,
                                 "births_parity1": 32, "births_parity2": 38, "births_parity3plus": 4}
    assert by_series["migrant"] == {"births": 27, "births_parity1": 12, "births_parity2": 15}


def test_a_news_date_line_anchors_this_year_and_last_year() -> None:
    text = ("青岛早报 2010-05-27 07:24:13\n我市2008年出生7万人。去年全市出生62274人,今年将有7万名宝宝降生。\n"
            "今年1-10月份,全市户籍人口中二孩出生5.9万人。")
    recs = {r["year"]: figures(r) for r in extract_figures(text)}
    assert recs[2009] == {"births": 62274} and recs[2010] == {"births_parity2": 59000}
    # without the date line, 去年 after a year named in passing has no year a reader can know
    # (this item's 去年 is 2009, not 2007)
    recs = {r["year"]: figures(r) for r in extract_figures("青岛早报\n我市2008年出生7万人。去年全市出生62274人。")}
    assert recs[None] == {"births": 62274}


def test_a_news_date_line_dates_figures_the_text_gives_no_year() -> None:
    text = ("usa.fjsen.com 2015-07-29 09:04:11  来源:福建省卫生和计划生育委员会\n"
            "山城村地处南靖县山城镇,全村有15个村民小组,总户数897户,总人口3415人,其中育龄妇女926人。")
    rec = only(extract_figures(text))
    assert rec["year"] == 2015 and figures(rec) == {"total_population": 3415, "women_15_49": 926}
    # a document's date under its signature does not date them: a report signed in February is
    # mostly about the year before
    rec = only(extract_figures("山城村总人口3415人,其中育龄妇女926人。\n山城村村委会\n2015年2月3日"))
    assert rec["year"] is None


def test_one_name_then_a_figure_for_each_following_year() -> None:
    recs = {r["year"]: figures(r) for r in extract_figures(
        "2000年底,全市外来人口70万,2001年达84万,2002年119万,年递增率为31%。")}
    assert recs == {2000: {"in_migrants": 700000}, 2001: {"in_migrants": 840000},
                    2002: {"in_migrants": 1190000}}


def test_section_headings_and_whole_year_periods() -> None:
    rec = only(extract_figures("2005年人口计生主要指标如下: (一)人口出生情况 全市10个月共出生36179人。"))
    assert figures(rec) == {"births": 36179} and rec["period"] is None
    rec = only(extract_figures("2009年1-12月全市户籍人口当年出生62274人。"))
    assert rec["period"] is None and rec["year"] == 2009


def test_a_table_with_single_spaces_and_rows_of_other_things() -> None:
    text = ("2-3  人口变动\n项目 全市\n2008 2007\n出生人口(人) 68088 63404\n"
            "自然增长人口(人) 20385 30229\n出生率(‰) 8.20 7.70\n净迁移率 (‰) 2.08 5.10\n")
    recs = {r["year"]: figures(r) for r in extract_figures(text)}
    assert recs == {2008: {"births": 68088, "birth_rate_permille": 8.2},
                    2007: {"births": 63404, "birth_rate_permille": 7.7}}


def test_spaces_between_thousands_and_dashes_in_a_masked_year() -> None:
    rec = only(extract_figures("1980年末,据户籍登记,全区总人口161 072人。"))
    assert rec["total_population"] == 161072
    rec = only(extract_figures("2023年工作总结。20--年度以来,全社区共出生20人。"))
    assert rec["year"] is None and rec["births"] == 20


def test_the_sexes_of_one_parity_are_not_births_by_sex() -> None:
    rec = only(extract_figures("2023年全社区共出生20人,一孩16人,其中女孩7人,男孩9人,二孩4人,其中女孩1人,男孩3人。"))
    assert figures(rec) == {"births": 20, "births_parity1": 16, "births_parity2": 4}
    rec = only(extract_figures("2023年全镇共出生82人,其中一孩66人,二孩16人;男孩40人,女孩22人。"))
    assert rec["births_male"] == 40 and rec["births_female"] == 22


def test_census_names_its_year() -> None:
    rec = only(extract_figures("据第七次全国人口普查,平湖市常住人口为671326人,平湖市人口稳定。"))
    assert rec["year"] == 2020 and rec["permanent_population"] == 671326


def test_a_city_or_town_named_before_the_whole_of_it() -> None:
    rec = only(extract_figures("2023年末,桐鄉(xiāng)全市戶籍人口71.79萬人;2023年,桐乡全年出生3888人。"))
    assert figures(rec) == {"total_population": 717900, "births": 3888}
    # a sub-area before the name is not the place: its figure is not the township's
    assert not any(figure_fields(r) for r in extract_figures("2023年,城区出生人口312人。"))


def test_an_undated_headline_repeating_a_dated_figure_counts_once() -> None:
    recs = extract_figures("平湖:去年全市共上报出生2425人\n数据显示,2021年,全市共上报出生2425人。")
    assert [(r["year"], figures(r)) for r in recs] == [(2021, {"births": 2425})]


def test_garbled_numbers_are_reported_not_guessed() -> None:
    rec = only(extract_figures("全镇出生人口1O5人,死亡人口98.5人,出生率为3.6.9‰,综合避孕率达20230%。"))
    assert figures(rec) == {"contraceptive_rate_pct": 20230}  # printed, kept, and the audit says
    assert [(p["kind"], p["text"]) for p in rec["problems"]] == [
        ("garbled", "1O5"), ("not_whole", "98.5人"), ("garbled", "3.6.9")]
    assert [f["rule"] for f in rec["findings"]] == ["share_over_100"]


def test_impossible_shares_outside_the_schema_are_reported() -> None:
    recs = extract_figures("2023年,群众满意度均达20230%,实行20230%提标。")
    assert [(p["kind"], p["severity"]) for p in problems(recs)] == [
        ("share_impossible", "error"), ("share_implausible", "warning")]


# What does not add up ------------------------------------------------------------------------------------

def test_audit_reports_what_does_not_add_up() -> None:
    text = ("2023年,全镇总人口33648人,出生199人(1孩出生55人,2孩出生103人,多孩出生40人),"
            "其中男婴100人,女婴90人,出生率为9.5‰,出生人口性别比为111.1。")
    rec = only(extract_figures(text))
    rules = {f["rule"]: f for f in rec["findings"]}
    assert rules["parity_sum"]["severity"] == "error"
    assert rules["parity_sum"]["value"] == 198 and rules["parity_sum"]["expected"] == 199
    assert rules["sex_sum"]["severity"] == "error"
    assert rules["birth_rate_mismatch"]["severity"] == "warning"
    assert rules["parity_sum"]["text"] == "55人"  # where to look
    assert "srb_mismatch" not in rules  # 100 / 90 = 111.1: the printed ratio is right


def test_consistent_text_has_no_error_findings() -> None:
    rec = only(extract_figures("2023年全镇总人口33648人,出生199人(1孩出生55人,2孩出生103人,多孩出生41人),"
                               "出生率为5.91‰。"))
    assert [f for f in rec["findings"] if f["severity"] != "note"] == []


# Properties -------------------------------------------------------------------------------------------------

@given(st.text(alphabet=st.sampled_from(list("萬歲總齡婦嬰數遷計劃鄉鎮縣區產出生人口率比０１２３％（）：，。abc 12.")),
               max_size=60))
def test_normalisation_keeps_every_offset(text: str) -> None:
    assert len(normalize_text(text)) == len(text)


@settings(max_examples=60, deadline=None)
@given(pop=st.integers(1000, 999999), births=st.integers(1, 9999), deaths=st.integers(0, 9999),
       wan=st.booleans(), trad=st.booleans())
def test_generated_statements_are_read_back(pop: int, births: int, deaths: int, wan: bool, trad: bool) -> None:
    pop_text = f"{pop / 10000:g}万人" if wan and pop % 100 == 0 else f"{pop}人"
    text = f"2019年,全镇总人口{pop_text},全年出生{births}人,死亡人口为{deaths}人。"
    if trad:
        text = text.replace("镇总", "鎮總").replace("万", "萬")
    rec = only(extract_figures(text))
    assert (rec["total_population"], rec["births"], rec["deaths"], rec["year"]) == (pop, births, deaths, 2019)
    for f in figure_fields(rec):
        s, e = rec["provenance"][f]["span"]
        assert text[s:e] == rec["provenance"][f]["text"]


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_read_without_crashing(text: str) -> None:
    for rec in extract_figures(text):
        for f in figure_fields(rec):
            s, e = rec["provenance"][f]["span"]
            assert text[s:e] == rec["provenance"][f]["text"]


# The command line ----------------------------------------------------------------------------------------------

# `cli` (fixture) and `run_handler` live in tests/conftest.py
run = run_handler


def test_cli_extract_report(cli, capsys) -> None:
    assert run(cli, "extract", str(seed_path("003"))) == 0
    out = capsys.readouterr().out
    assert "捞刀河镇 · 2012年" in out and "流入人口 (in_migrants) = 7304" in out
    assert "“8380人”(第9行)" in out and "错误" in out
    assert run(cli, "extract", str(seed_path("002")), "--language", "en") == 0
    assert "impossible (plausible range 80-150)" in capsys.readouterr().out


def test_cli_extract_json(cli, capsys) -> None:
    assert run(cli, "extract", str(seed_path("000")), "--json") == 0
    records = json.loads(capsys.readouterr().out)
    assert records[0]["births"] == 199 and records[0]["provenance"]["births"]["text"] == "199人"


def test_cli_extract_reads_gb18030(cli, tmp_path: Path, capsys) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes("2022年,我镇总人口54991人,出生婴儿203人。".encode("gb18030"))
    assert run(cli, "extract", str(path), "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["total_population"] == 54991


def test_cli_extract_to_csv_appends_after_validation(cli, tmp_path: Path, capsys) -> None:
    data = tmp_path / "reports"
    seed000 = str(seed_path("000"))
    with pytest.raises(ProblemsError) as err:  # no township code: nothing written
        run(cli, "extract", seed000, "--to-csv", str(data))
    assert "--township-code" in err.value.problems[0].message
    assert err.value.problems[0].file == f"{seed000}:8"
    assert not data.exists()
    assert run(cli, "extract", seed000, "--to-csv", str(data), "--township-code", "sima") == 0
    ds, probs = validate_dataset(data)
    assert [p for p in probs if p.severity == "error"] == []
    row = ds.panel.iloc[0]
    assert (row["township"], row["county"], int(row["year"]), int(row["births"])) == ("司马镇", "金乡县", 2023, 199)
    # the same township-year again: refused, file unchanged
    before = (data / "townships.csv").read_bytes()
    with pytest.raises(ProblemsError) as err:
        run(cli, "extract", seed000, "--to-csv", str(data))
    assert "duplicate" in err.value.problems[0].message
    assert (data / "townships.csv").read_bytes() == before
    # a conflicting figure is left blank, other series are not appended
    assert run(cli, "extract", str(seed_path("003")), "--to-csv", str(data),
               "--township-code", "laodaohe", "--county", "开福区", "--year", "2012") == 0
    err_text = capsys.readouterr().err
    assert "流入人口有两个不同的数字" in err_text and "流动(流入)人口的记录不追加" in err_text
    ds, _ = validate_dataset(data)
    row = ds.township_panel("laodaohe").iloc[0]
    assert int(row["births"]) == 256 and pd.isna(row.get("in_migrants", pd.NA))


# Batch 8 residuals: general rules -------------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    # number first: the count before the name of the newborn
    ("据统计,2016年我市本年度共增加91569个新生儿,其中第一胎数为59229个。",
     [(2016, {"births": 91569, "births_parity1": 59229})]),
    ("2023年,全镇迎来了312名新生儿。", [(2023, {"births": 312})]),
    ("2023年全镇新生儿共增加72729个。", [(2023, {"births": 72729})]),
    # census rounds written short: 七普 is 2020, 六普 2010
    ("“七普”数据显示,全区育龄妇女人数为13.42万人。", [(2020, {"women_15_49": 134200})]),
    # last year's figure, then 持平
    ("2005年全市人口出生率为9.87‰,与去年的9.84‰基本持平。",
     [(2005, {"birth_rate_permille": 9.87}), (2004, {"birth_rate_permille": 9.84})]),
    # what a report cites its figure from is context
    ("据悉,2004年全县人口出生率为11.4‰。", [(2004, {"birth_rate_permille": 11.4})]),
    ("根据报表统计截止2011年3月31日全旗已婚育龄妇女13214人。", [(2011, {"married_women_15_49": 13214})]),
    ("据1952年育龄妇女生育状况普查,生育年龄妇女有5291人。", [(1952, {"women_15_49": 5291})]),
])
def test_general_phrasings(text: str, want: list) -> None:
    assert [(r["year"], figures(r)) for r in extract_figures(text) if figure_fields(r)] == want


def test_number_first_needs_a_newborn_and_a_plain_clause() -> None:
    assert not any(figure_fields(r) for r in extract_figures("2023年有300名儿童入学。"))
    # a count of something else before the name is not births
    assert not any(figure_fields(r) for r in extract_figures("2023年为120户家庭的新生儿上户口。"))


def test_totals_over_several_years_are_no_years_figures() -> None:
    recs = extract_figures("1985~2000年,全区出生68383人,死亡24532人。2001年,全区出生4100人。")
    assert [(r["year"], figures(r)) for r in recs if figure_fields(r)] == [(2001, {"births": 4100})]
    notes = [p for r in recs for p in r["problems"] if p["kind"] == "multi_year"]
    assert [p["text"] for p in notes] == ["68383人", "24532人"]
    assert "1985-2000年" in notes[0]["message_zh"] and "not one year's figure" in notes[0]["message_en"]


def test_a_date_where_the_figure_should_be_is_not_read() -> None:
    recs = extract_figures("2、出生人口和死亡人口:20__年11月1日--20__年10月31日期间,全镇出生人数为591人。")
    assert [figures(r) for r in recs if figure_fields(r)] == [{"births": 591}]


def test_a_table_drawn_with_box_characters_and_a_two_row_header() -> None:
    text = ("表2 1991—2010年孩次统计表\n"
            "┏━━━━┯━━━━━━┯━━━━━━┯━━━━━━┓\n"
            "┃ 孩次 │ 一孩 │ 二孩 │ 多孩 ┃\n"
            "┠──┼───┬──┼───┬──┼───┬──┨\n"
            "┃ 年度 │ 数量 │ % │ 数量 │ % │ 数量 │ % ┃\n"
            "┠──┼───┼──┼───┼──┼───┼──┨\n"
            "┃ 1991 │ 61658 │ 65.0 │ 25326 │ 26.7 │ 7876 │ 8.3 ┃\n"
            "┠──┼───┼──┼───┼──┼───┼──┨\n"
            "┃ 2010 │ 73296 │ 76.9 │ 20887 │ 22.0 │ 1095 │ 1.1 ┃\n"
            "┗━━┷━━━┷━━┷━━━┷━━┷━━━┷━━┛\n")
    recs = by_year(text)
    assert recs == {1991: {"births_parity1": 61658, "births_parity2": 25326, "births_parity3plus": 7876},
                    2010: {"births_parity1": 73296, "births_parity2": 20887, "births_parity3plus": 1095}}


def test_a_table_whose_header_wraps_over_lines() -> None:
    """Text copied from a PDF table: one word of the header per line, rows with single spaces,
    empty cells written NA, early rows with their later cells missing."""
    text = ("开江县人口资料\n年 份 年末人口 出生\n人数\n出生率\n(‰)\n死亡\n人数\n死亡率\n(‰)\n自然\n增长\n"
            "自增率\n(‰)\n1952 310221            \n1953 316134 9100 28.76 3187 10.08 5913 18.70\n"
            "1962 316163 NA NA NA NA 4129 13.06\n说明:1958年起人口统计口径有变。\n")
    recs = by_year(text)
    assert recs == {
        1952: {"total_population": 310221},
        1953: {"total_population": 316134, "births": 9100, "birth_rate_permille": 28.76, "deaths": 3187,
               "death_rate_permille": 10.08, "natural_growth_permille": 18.7},
        1962: {"total_population": 316163, "natural_growth_permille": 13.06}}
    rec = next(r for r in extract_figures(text) if r["year"] == 1953)
    assert rec["provenance"]["births"]["label"].replace("\n", "") == "出生人数"


def test_a_table_printed_one_cell_per_line() -> None:
    """A web table copied one cell per line, blank cells kept as ``|``, a header cell that is not
    a year (2005年为上年%), rows of things that are not ours (迁入人口, 男) passed over."""
    cells = ["指", "标", "2005年", "2004年", "2005年为上年%", "", "1933076", "1907895", "101.3",
             "总人口(人)", "5957992", "5836016", "102.1", "按性别分:", "", "", "",
             "男", "3052448", "2997428", "101.8", "迁入人口(人)", "225411", "211428", "106.6",
             "出生人口(人)", "45331", "44678", "101.5", "出生率(‰)", "7.69", "7.73", "-"]
    text = "表2-1 人口主要指标\n" + "".join(f"{c} |\n" for c in cells) + "注:本表根据户籍资料编制。\n"
    recs = by_year(text)
    assert recs == {2005: {"total_population": 5957992, "births": 45331, "birth_rate_permille": 7.69},
                    2004: {"total_population": 5836016, "births": 44678, "birth_rate_permille": 7.73}}
    rec = next(r for r in extract_figures(text) if r["year"] == 2005)
    prov = rec["provenance"]["births"]
    assert (prov["text"], prov["label"]) == ("45331", "出生人口(人)")
    # the same cells without the pipes, in a row that breaks the grid: nothing after it is read
    text = "2023年\n2022年\n出生人口\n210\n199\n死亡人口\n120\n今年我们做了很多工作。\n"
    recs = by_year(text)
    assert recs == {2023: {"births": 210}, 2022: {"births": 199}}


def test_a_wrapped_header_cut_wrongly_is_refused() -> None:
    """Numbers that do not fit the names they fall under (a rate under a count, a count under a
    rate) mean the columns were not what the header says: nothing is read."""
    for text in ("年份 出生\n人数\n出生率\n(‰)\n1990 10.81 3188\n",
                 "年份 出生率\n(‰)\n死亡率\n1990 3188 10.81 1206 4.09\n"):
        assert not any(figure_fields(r) for r in extract_figures(text)), text


def test_the_year_of_an_honour_is_not_the_year_of_the_figures_after_it() -> None:
    text = ("乡镇2015年人口计生工作汇报\n2012年,被省委、省政府授予“全省人口与计划生育工作先进乡镇”。"
            "人口出生率为9.88‰,自然增长率为4.73‰。")
    assert [(r["year"], figures(r)) for r in extract_figures(text) if figure_fields(r)] == [
        (2015, {"birth_rate_permille": 9.88, "natural_growth_permille": 4.73})]
    # a year sentence without an event still dates what follows
    text = "乡镇2015年人口计生工作汇报\n2012年,我镇继续加强人口计生工作。人口出生率为9.88‰。"
    assert [r["year"] for r in extract_figures(text) if figure_fields(r)] == [2012]


# Batches 9 and 10 (work reports; statistical bulletins and census bulletins) ----------------------

def test_a_census_bulletin_gives_this_census_and_the_last() -> None:
    text = ("根据第七次全国人口普查结果,现将2020年11月1日零时全区常住人口的基本情况公布如下:\n"
            "全区常住人口[2]为579101人,与2010年第六次全国人口普查的442854人相比,十年共增加136247人。")
    recs = by_year(text)
    assert recs == {2020: {"permanent_population": 579101}, 2010: {"permanent_population": 442854}}
    # the name, then the comparison and no figure of this census
    recs = extract_figures("全县常住人口同2010年第六次全国人口普查的284063人相比,十年共增加15633人。")
    assert [(r["year"], figures(r)) for r in recs if figure_fields(r)] == [(2010, {"permanent_population": 284063})]


def test_in_a_statistical_text_a_paragraph_is_on_the_basis_it_opens_with() -> None:
    """NBS bulletins give births and rates of the resident population after 常住人口; a
    family-planning report counts the registered population's births."""
    bulletin = ("2016年末,全区常住人口125.9万人,比上年减少3%。出生人数11135人,出生率为8.71‰。\n"
                "2016年末,全区户籍人口146万人。户籍出生人口18802人,死亡人口10014人。")
    got = {(r["series"], f): r[f] for r in extract_figures(bulletin) for f in figure_fields(r)}
    assert got == {("main", "permanent_population"): 1259000, ("resident", "births"): 11135,
                   ("resident", "birth_rate_permille"): 8.71, ("main", "total_population"): 1460000,
                   ("main", "births"): 18802, ("main", "deaths"): 10014}
    report = "目前有常住人口47150人,流入人口7304人。2012年共出生256人,符合政策生育率为99.6%。"
    assert {r["series"] for r in extract_figures(report) if figure_fields(r)} == {"main"}
    # a later sentence opening with the registered population switches back
    n20 = "全区常住人口162.57万人,出生率8.29‰。年末全区户籍人口101.18万人。全年出生人口1.13万人。"
    got = {(r["series"], f): r[f] for r in extract_figures(n20) for f in figure_fields(r)}
    assert got[("main", "births")] == 11300 and got[("resident", "birth_rate_permille")] == 8.29


@pytest.mark.parametrize("text, want", [
    ("2000年,全县人口出生率降至12.91‰,比1979年下降17.44个千分点;自然增长率降至7.94‰。",
     [(2000, {"birth_rate_permille": 12.91, "natural_growth_permille": 7.94})]),
    # a year compared with is not the year of the figures after it
    ("2012年全县出生率为14.71‰;死亡率为5.69‰,与2011年持平;自然增长率为9.03‰。",
     [(2012, {"birth_rate_permille": 14.71, "death_rate_permille": 5.69, "natural_growth_permille": 9.03})]),
    ("xx统计年度,出生345人,出生婴儿性别比105,合法生育率99%。",
     [(None, {"births": 345, "sex_ratio_at_birth": 105, "policy_compliance_pct": 99})]),
    ("2014年度户籍出生459人,居住半年以上的流动人口出生890人。", [(2014, {"births": 459}), (2014, {"births": 890})]),
    ("2013统计年全区人口出生率为9.45‰,期内出生数量政策符合率达97.19%。",
     [(None, {"birth_rate_permille": 9.45, "policy_compliance_pct": 97.19})]),
])
def test_more_general_phrasings(text: str, want: list) -> None:
    assert [(r["year"], figures(r)) for r in extract_figures(text) if figure_fields(r)] == want


def test_the_breakdown_of_a_group_that_is_not_ours_is_not_read() -> None:
    rec = only(extract_figures("2016年全乡共出生171人,其中政策内110人,政策外47人(一孩30人、二孩15人、多孩2人);"
                               "当年出生35人,计内一孩26人(14男12女)。"))
    assert "births_parity1" not in rec and "births_male" not in rec and "births_parity3plus" not in rec


def test_a_qualifying_series_ends_at_a_semicolon() -> None:
    recs = extract_figures("2016年全乡共出生171人;流出人口出生14人(男孩9人、女孩5人);死亡63人。")
    got = {(r["series"], f): r[f] for r in recs for f in figure_fields(r)}
    assert got[("main", "deaths")] == 63 and got[("out_migrant", "births")] == 14


def test_a_bulletin_table_with_a_column_of_units() -> None:
    text = ("指标名称 | 单位 | 2021年 | 2022年 |\n年末常住人口 | 万人 | 446.69 | 443.11 |\n"
            "城镇人口 | 万人 | 388.62 | 385.59 |\n人口密度 | 人/平方千米 | 2508 | 2488 |\n"
            "人口出生率 | ‰ | 9.87 | 7.92 |\n出生人口 | % | 1.2 | 1.1 |\n")
    recs = by_year(text)
    # a count printed with % is something else (a share): not read
    assert recs == {2021: {"permanent_population": 4466900, "birth_rate_permille": 9.87},
                    2022: {"permanent_population": 4431100, "birth_rate_permille": 7.92}}


def test_lines_wrapped_by_a_pdf_copy_are_joined() -> None:
    text = ("十一、人口\n1991年末全市总人口670.93万人, 比上年增加4.28万人,增长0.64%;其中市区\n"
            "207.22万人, 增长0.70%; 五市(县级)463.71万人,增长0.62%。全市人口出生率\n"
            "11.93‰,死亡率6.21‰,自然增长率由上年的9.93‰降低为5.72‰。\n注:按当年价格计算。\n"
            "1991年 出生率\n")
    recs = by_year(text)
    assert recs == {1991: {"total_population": 6709300, "birth_rate_permille": 11.93,
                           "death_rate_permille": 6.21, "natural_growth_permille": 5.72},
                    1990: {"natural_growth_permille": 9.93}}
    # a short line, a heading or a list item is not a wrapped line
    recs = extract_figures("一、人口情况\n出生人口\n2023年全镇死亡人口198人。")
    assert [figures(r) for r in recs if figure_fields(r)] == [{"deaths": 198}]


# Batch 13 (statistical bulletins, county releases): rules with a hand-worked check each -------------

def test_romanised_readings_repeated_are_dropped_and_names_reported_without_them() -> None:
    text = ("2020年末,全(quan)市戶籍(ji)總人(ren)口(kou)(kou)(kou)256.86萬人(ren)。"
            "而龍穴(xue)街(jie)道戶(hu)籍人口(kou)僅0.17萬(wan)人(ren),是全市人(ren)口最少(shao)的街(jie)道。")
    got = {(r["place"], f): r[f] for r in extract_figures(text) for f in figure_fields(r)}
    assert got[("龍穴街道", "total_population")] == 1700
    assert 2568600 in got.values()


@pytest.mark.parametrize("text", [
    "据统计公报,2023年末,昆山市常住人口214.85万人。此外,2023年末昆山市户籍总人口125.65万人。",
    # 衢州 for 衢州市, the city the text is about
    "衢州市常住人口为214.85万人。2023年末,衢州户籍总人口125.65万人。",
])
def test_the_city_a_text_is_about_may_stand_before_the_name(text: str) -> None:
    got = {f: r[f] for r in extract_figures(text) for f in figure_fields(r)}
    assert got == {"permanent_population": 2148500, "total_population": 1256500}


def test_a_city_named_once_is_the_subject_of_a_text_naming_no_township() -> None:
    rec = only(extract_figures("2018年末,娄底市总人口455.17万人,比上年增加1.2万人。"))
    assert rec["place"] == "娄底市" and rec["total_population"] == 4551700
    # a 社区 is not a district: the community's report keeps its own figures, the community
    # (named twice with its facts) being the text's place
    recs = extract_figures("【下洋田社区人口计生服务】2020年度,下洋田社区已婚育龄妇女1865人。全年共出生新生儿74人。")
    assert [(r["place"], figures(r)) for r in recs if figure_fields(r)] == [
        ("下洋田社区", {"married_women_15_49": 1865, "births": 74})]


def test_a_bulletin_section_keeps_the_population_its_heading_names() -> None:
    """Sample-survey bulletins head a section 一、常住人口 or open a paragraph with
    常住人口中; the births, deaths and rates under it are the resident population's, also in
    later sentences and paragraphs, until a 户籍 section."""
    text = ("一、常住人口\n2021年末全市常住人口为4733237人。\n二、人口自然增长\n"
            "2021年末全市常住人口中,出生人口33119人;出生率为6.94‰。死亡人口37790人;死亡率为7.92‰。\n"
            "三、户籍人口\n2021年末全市户籍人口5012345人。全年出生人口40123人。")
    got = {(r["series"], f): r[f] for r in extract_figures(text) for f in figure_fields(r)}
    assert got == {("main", "permanent_population"): 4733237, ("resident", "births"): 33119,
                   ("resident", "birth_rate_permille"): 6.94, ("resident", "deaths"): 37790,
                   ("resident", "death_rate_permille"): 7.92, ("main", "total_population"): 5012345,
                   ("main", "births"): 40123}
    heading = "现将主要数据公布如下:一、常住人口根据抽样调查,全市人口出生率为7.63‰,人口死亡率为6.95‰。"
    assert {r["series"] for r in extract_figures(heading) if figure_fields(r)} == {"resident"}


def test_the_stated_rate_decides_the_population_basis() -> None:
    """51500 / 3931800 x 1000 = 13.10‰ (the printed 13.14‰, within 1.5%); 51500 / 4551700 x 1000
    = 11.31‰: the births, deaths and rates are the resident population's."""
    text = ("2018年末,娄底市总人口455.17万人,常住人口393.18万人。"
            "全年出生人口5.15万人,出生率为13.14‰,死亡人口2.70万人,死亡率为6.89‰。")
    recs = extract_figures(text)
    got = {(r["series"], f): r[f] for r in recs for f in figure_fields(r)}
    assert got == {("main", "total_population"): 4551700, ("main", "permanent_population"): 3931800,
                   ("resident", "births"): 51500, ("resident", "birth_rate_permille"): 13.14,
                   ("resident", "deaths"): 27000, ("resident", "death_rate_permille"): 6.89}
    note = only(problems(recs, "rate_basis"))
    assert note["severity"] == "note" and "13.10" in note["message_zh"] and "11.31" in note["message_en"]
    assert "常住人口" in note["message_zh"].split("不符")[0] and "resident" in note["message_en"]
    # the other way: a bulletin paragraph opening with 常住 whose rate is births over the total
    # (1500 / 150000 = 10.00‰; 1500 / 120000 = 12.50‰) goes back to the main series
    back = extract_figures("2020年末,全区常住人口12.0万人,户籍总人口15.0万人。全年出生人口1500人,出生率为10.0‰。")
    assert {(r["series"], f) for r in back for f in figure_fields(r)} == {
        ("main", "total_population"), ("main", "permanent_population"), ("main", "births"),
        ("main", "birth_rate_permille")}
    note = only(problems(back, "rate_basis"))
    assert "÷总人口相符(10.00‰)" in note["message_zh"] and "÷常住人口不符(12.50‰)" in note["message_zh"]
    assert "on the basis of the total population" in note["message_en"]
    # both populations give the rate (1047 / 124500 = 8.41‰, 1047 / 124000 = 8.44‰): no move
    plain = ("全县总人口12.45万人,常住人口12.4万人。全年出生人口1047人,出生率为8.4‰。")
    assert {r["series"] for r in extract_figures(plain) if figure_fields(r)} == {"main"}


@pytest.mark.parametrize("text, want", [
    ("截至2019年11月底,全县户籍总人口1194365人。全县当年出生落户人口16096人,出生率13.51‰。"
     "其中,男性8470人,女性7626人。",
     {"total_population": 1194365, "births": 16096, "birth_rate_permille": 13.51,
      "births_male": 8470, "births_female": 7626}),
    ("【2022年度人口情况】全员总人口1107893人,死亡人员9772人。",
     {"total_population": 1107893, "deaths": 9772}),
    ("实行生育政策与人口计划双轨控制,出生率稳定在10.29‰。", {"birth_rate_permille": 10.29}),
])
def test_bulletin_phrasings(text: str, want: dict) -> None:
    got = {f: r[f] for r in extract_figures(text) for f in figure_fields(r)}
    assert got == want


def test_last_years_figure_with_the_name_repeated() -> None:
    recs = extract_figures("2021年末,全市常住人口551.60万人,与2020年末常住人口541.10万人相比,增加10.50万人。")
    assert {r["year"]: figures(r) for r in recs if figure_fields(r)} == {
        2021: {"permanent_population": 5516000}, 2020: {"permanent_population": 5411000}}
    # another name there is not the same figure's earlier value
    recs = extract_figures("2021年末,全市常住人口551.60万人,与2020年末户籍人口371.85万人相比,多179.75万人。")
    assert (2020, {"permanent_population": 3718500}) not in [(r["year"], figures(r)) for r in recs]


# Session 6: the rest of batch 13 -----------------------------------------------------------------

def test_a_year_stated_only_after_the_figures_dates_them_with_a_note() -> None:
    text = ("全市年末户籍人口38.2万人。全年出生人口3512人,出生率为9.19‰,死亡人口2871人,死亡率为7.52‰,"
            "与2018年相比,2019年全市出生率下降0.42个千分点。")
    recs = [r for r in extract_figures(text) if figure_fields(r)]
    assert [(r["year"], figures(r)) for r in recs] == [(2019, {
        "total_population": 382000, "births": 3512, "deaths": 2871,
        "birth_rate_permille": 9.19, "death_rate_permille": 7.52})]
    note = only(problems(recs, "late_year"))
    assert "2019年" in note["message_zh"] and "recorded as 2019" in note["message_en"]
    # 与2018年相比 must be right before, and one year earlier: otherwise the year stays unknown
    for later in ("2018年以来,全市出生率下降。", "与2015年相比,2019年全市出生率下降。"):
        recs = [r for r in extract_figures("全年出生人口3512人,出生率为9.19‰。" + later) if figure_fields(r)]
        assert [r["year"] for r in recs] == [None]


def test_a_census_comparison_opening_the_next_sentence() -> None:
    text = ("至2020年11月1日零时,全市常住人口为2276184人,占全省的3.53%。"
            "与2010年第六次全国人口普查的2122661人相比,十年共增加153523人。")
    recs = extract_figures(text)
    assert {r["year"]: figures(r) for r in recs if figure_fields(r)} == {
        2020: {"permanent_population": 2276184}, 2010: {"permanent_population": 2122661}}
    # not when the sentence before ended on something other than a population count
    recs = extract_figures("2020年全市出生人口1200人。与2010年第六次全国人口普查的2122661人相比,增加。")
    assert 2122661 not in [v for r in recs for v in figures(r).values()]


def test_households_then_persons_without_their_unit() -> None:
    recs = extract_figures("2025年全镇户籍人口18656户54991,比上年减197人。")
    rec = only([r for r in recs if figure_fields(r)])
    assert figures(rec) == {"total_population": 54991}
    assert "54991" in only(problems([rec], "unit_assumed"))["message_zh"]
    # a bare number after 户 that runs on (18656户5499个) is not read
    recs = extract_figures("2025年全镇户籍人口18656户5499个。")
    assert not [r for r in recs if figure_fields(r)]


def test_a_text_about_one_village_is_that_villages() -> None:
    """A village history (村志) names no township: the village it keeps naming with its facts
    is the place, also when a word before runs into the name (底寺上村) or the 村 is left out."""
    text = ("寺上村人口全部为汉族居民。1949年底寺上村人口974人。到1970年寺上人口1566人。"
            "至1990年底全村人口2151人。")
    recs = [r for r in extract_figures(text) if figure_fields(r)]
    assert {(r["place"], r["year"]): figures(r)["total_population"] for r in recs} == {
        ("寺上村", 1949): 974, ("寺上村", 1970): 1566, ("寺上村", 1990): 2151}
    # a township text naming its villages keeps the township as its place
    recs = extract_figures("2020年,司马镇总人口35210人。寺上村人口974人,寺上村位于镇东。")
    assert {r["place"] for r in recs if "total_population" in r} == {"司马镇"}
    # two villages named as often: not one village's text
    recs = extract_figures("寺上村人口974人,楼下村人口1200人。寺上村位于东,楼下村位于西。")
    assert not [r for r in recs if figure_fields(r)]


def test_the_police_registers_resident_population_is_the_registered_one() -> None:
    """Older gazetteers call the police register's 常住户口 常住人口: that is the registered
    (户籍) population, not the census's usual residents."""
    recs = extract_figures("1980年5月,浔阳区建区,年末,据公安部户籍登记,全区常住人口161 072人。")
    rec = only([r for r in recs if figure_fields(r)])
    assert figures(rec) == {"total_population": 161072} and rec["year"] == 1980
    note = only(problems([rec], "police_register"))
    assert "公安户籍" in note["message_zh"] and "police household register" in note["message_en"]
    # without the register, 常住人口 stays the resident population
    recs = extract_figures("1990年,全区常住人口210228人。")
    assert [figures(r) for r in recs if figure_fields(r)] == [{"permanent_population": 210228}]
    # and where the sentence also names the registered population, both stay what they are
    recs = extract_figures("2020年据公安户籍统计,全区户籍人口50.2万人,常住人口61.3万人。")
    assert [figures(r) for r in recs if figure_fields(r)] == [
        {"total_population": 502000, "permanent_population": 613000}]


def test_the_last_census_in_shorthand_compared_with_bi() -> None:
    recs = extract_figures("“七普”数据显示,全区育龄妇女人数为13.42万人,比“六普”的13.33万人增加了0.09万人。")
    assert {r["year"]: figures(r) for r in recs if figure_fields(r)} == {
        2020: {"women_15_49": 134200}, 2010: {"women_15_49": 133300}}


def test_the_headcount_after_the_villages_a_town_governs() -> None:
    recs = extract_figures("2015年,全镇辖9个村1个居委会,共有18592人,其中农业人口16000人。")
    assert [figures(r) for r in recs if figure_fields(r)] == [{"total_population": 18592}]
    recs = extract_figures("2015年,我乡共辖9个行政村,9480人,其中已婚育龄妇女2235人。")
    assert [figures(r) for r in recs if figure_fields(r)] == [
        {"total_population": 9480, "married_women_15_49": 2235}]
    # land, not people
    assert not [r for r in extract_figures("全镇辖9个村,共有耕地18592亩。") if figure_fields(r)]


def test_a_census_comparison_after_a_parenthesis_and_the_police_register_word() -> None:
    recs = extract_figures("2020年,全县常住人口总数为314985人(不包括现役军人),与2010年第六次全国人口普查的"
                           "334020人相比,十年共减少了19035人。")
    assert {r["year"]: figures(r) for r in recs if figure_fields(r)} == {
        2020: {"permanent_population": 314985}, 2010: {"permanent_population": 334020}}
    recs = extract_figures("2016年末全区公安户籍总人口50.81万人。")
    assert [figures(r) for r in recs if figure_fields(r)] == [{"total_population": 508100}]


def test_births_inside_the_parenthesis_of_a_count_that_is_not_ours() -> None:
    recs = extract_figures("2020年度,全镇已婚育龄妇女1865人。孕期跟踪107人(已出生71人,现孕36人)。"
                           "全年共出生新生儿74人(男孩46人,女孩28人)。")
    rec = only([r for r in recs if figure_fields(r)])
    assert figures(rec) == {"married_women_15_49": 1865, "births": 74, "births_male": 46,
                            "births_female": 28}
    assert not problems([rec], "conflict")


def test_births_written_as_what_women_bore() -> None:
    recs = extract_figures("1981年,全市育龄妇女生育婴儿8038人,平均每1000名育龄妇女比1973年多生育婴儿19人。")
    assert [figures(r) for r in recs if figure_fields(r)] == [{"births": 8038}]


def test_per_mille_as_ocr_reads_it_and_a_crude_rate_impossible_in_per_cent() -> None:
    recs = extract_figures("1980年,全市人口出生率为13.82%o,死亡率为5.1%c,自然增长率为10.61%oo。")
    rec = only([r for r in recs if figure_fields(r)])
    assert figures(rec) == {"birth_rate_permille": 13.82, "death_rate_permille": 5.1,
                            "natural_growth_permille": 10.61}
    assert rec["provenance"]["death_rate_permille"]["text"] == "5.1%c"
    # no population has a birth rate of 38.9 per hundred: read as ‰, with a warning
    rec = only([r for r in extract_figures("1962年,全县人口出生率38.9%。") if figure_fields(r)])
    assert figures(rec) == {"birth_rate_permille": 38.9}
    note = only(problems([rec], "permille_misprinted"))
    assert note["severity"] == "warning" and "38.9%" in note["message_zh"]
    # 5.18% could be a percentage (51.8‰): not guessed
    recs = extract_figures("2016年,全县人口出生率5.18%。")
    assert not [r for r in recs if figure_fields(r)]
    assert problems(recs, "unit")


@pytest.mark.parametrize("text", [
    "全市人口自然增长率:1971年为22.96‰,1972年为16.31‰,1973年为10.51‰,完成规划要求。",
    "全市人口自然增长率继续稳定下降:1971年为22.96‰,1972年为16.31‰,1973年降至10.51‰。",
    # the years in the sentence after the trend of the name
    "“四五”规划实施后,全市人口自然增长率稳定下降。1971年为22.96‰,1972年为16.31‰,1973年为10.51‰。",
])
def test_a_list_of_years_after_a_name(text: str) -> None:
    got = by_year(text)
    assert got == {1971: {"natural_growth_permille": 22.96}, 1972: {"natural_growth_permille": 16.31},
                   1973: {"natural_growth_permille": 10.51}}


def test_no_list_of_years_without_the_trend_of_the_name() -> None:
    recs = extract_figures("全市人口出生率稳定下降。这是因为1970年为33.60‰。")
    assert not [r for r in recs if figure_fields(r)]


def test_a_chronicles_entries_are_of_their_heading_year() -> None:
    """大事记: a year alone on its line heads the entries; a year inside an entry dates that
    sentence only, and 是年 is the heading's year. OCR may leave a heading at a line's end."""
    text = ("1964年\n3月,全市火化率为53.6%,1988年上升到85.4%。全市总人口200.33万人。\n"
            "6月知识青年赴新疆支边。—全市总人口209.95万人,其中农业人口184.18万人。1965 年\n"
            "1月9日,1979年7月制定计划生育规定。是年全市总人口203.93万人。\n")
    got = by_year(text)
    assert got == {1964: {"total_population": 2003300}, 1965: {"total_population": 2039300}}
    assert only(problems(extract_figures(text), "conflict"))["value"] == 2099500
    # one year alone on a line is no chronicle: the running year goes on as usual
    got = by_year("2019年\n全镇出生人口245人。2020年出生人口223人。全镇总人口21869人。")
    assert got == {2019: {"births": 245}, 2020: {"births": 223, "total_population": 21869}}


def test_targets_given_with_fen_bie_are_not_figures() -> None:
    recs = extract_figures("1989年全县人口出生率和自然增长率分别控制在20.67‰和6.04‰以内。")
    assert not [r for r in recs if figure_fields(r)]
    assert len(problems(recs, "approximate")) == 2


# Session 7 -----------------------------------------------------------------------------------------

def test_a_citys_text_gives_its_counties_figures_to_them() -> None:
    """A city's text (全市 …) that names its counties with their figures (赣榆县总人口…) is the
    city's; each county's figures are the county's, not the city's."""
    text = ("1982年7月1日零时,全市共有69.12万户,总人口287.03万。全市总人口比上次增加87.05万人。"
            "赣榆县总人口79.49万,比上次增加20.17万;东海县总人口84.23万;灌云县总人口83.73万。"
            "全市出生率为20.75‰。连云港市常住人口为300.1万。")
    got = {(r["place"], r["year"]): figures(r) for r in extract_figures(text) if figure_fields(r)}
    assert got == {
        ("连云港市", 1982): {"total_population": 2870300, "birth_rate_permille": 20.75,
                             "permanent_population": 3001000},
        ("赣榆县", 1982): {"total_population": 794900}, ("东海县", 1982): {"total_population": 842300},
        ("灌云县", 1982): {"total_population": 837300}}
    # a county's own text (全县 …) that names its towns stays the county's
    text = ("2020年全县总人口14.2万人。全县出生人口1200人。全县死亡人口800人。平遥县户籍人口14.0万人。"
            "城关镇出生人口300人。")
    got = {r["place"]: figures(r) for r in extract_figures(text) if figure_fields(r)}
    assert got == {"平遥县": {"total_population": 142000, "births": 1200, "deaths": 800},
                   "城关镇": {"births": 300}}
    assert only(problems(extract_figures(text), "conflict"))["value"] == 140000


def test_a_three_character_city_name_printed_always_whole() -> None:
    from analysis.ingest.document import Document, find_places
    doc = Document.of("全市出生率为9.1‰。全市死亡率为7.2‰。全市人口增长。石家庄市人口1100万。"
                      "石家庄市常住人口1120万。正定县人口47万。")
    find_places(doc)
    assert doc.main_level == "市" and "石家庄市" in doc.places and "家庄市" not in doc.places
    # printed once, or after different characters, the name keeps its two characters
    doc = Document.of("全市出生率为9.1‰。全市死亡率为7.2‰。全市人口增长。仅次于苏州市人口1100万。"
                      "按苏州市常住人口1120万。正定县人口47万。")
    find_places(doc)
    assert "苏州市" in doc.places


@pytest.mark.parametrize("text", [
    "1962年至1971年,年平均出生率为35.99‰,10年中共出生人口77.55万,死亡17.01万。",
    "2015年工作总结。五年来,全镇共出生1200人。",
    "1980年,10年的出生人口53.29万。",
])
def test_counts_over_several_years_are_no_years_figures(text: str) -> None:
    recs = extract_figures(text)
    assert not [r for r in recs if figure_fields(r)]
    assert problems(recs, "multi_year")


def test_rates_after_several_years_are_still_the_years() -> None:
    """近10年来稳定在100:107范围内,人口出生率为9.88‰: the rate is the year's; only counts add up
    over years. A year named after the span starts a year again."""
    recs = extract_figures("2015年,出生人口性别比近10年来稳定在107以内,人口出生率为9.88‰。")
    assert [(r["year"], figures(r)) for r in recs if figure_fields(r)] == [
        (2015, {"birth_rate_permille": 9.88})]
    recs = extract_figures("十年来人口平稳增长,2015年全镇出生人口120人。")
    assert [(r["year"], figures(r)) for r in recs if figure_fields(r)] == [(2015, {"births": 120})]


def test_listed_years_after_a_names_trend() -> None:
    """人口出生率回升。1981年、1982年分别升至20.3‰和20.75‰: the years listed in the next sentence,
    paired in order with the values of the name the sentence before ended on."""
    text = "全市人口出生率很高。1951年和1954年分别高达24.85‰和\n44.98‰。"
    got = by_year(text)
    assert got == {1951: {"birth_rate_permille": 24.85}, 1954: {"birth_rate_permille": 44.98}}
    # as many years as values, or nothing; and only after 分别
    for text in ("全市人口出生率很高。1951年和1954年分别高达24.85‰、30.1‰和44.98‰。",
                 "全市人口出生率很高。1951年和1954年高达24.85‰和44.98‰。"):
        assert not [r for r in extract_figures(text) if figure_fields(r)]


def test_a_trend_broken_over_a_line_still_heads_its_years() -> None:
    text = "计划生育工作的主要考核指标为计划生育率和人口出生率。全市人口出生率继续\n稳定下降:1975年为20.88‰,1976年为16.97‰。"
    got = by_year(text)
    assert got == {1975: {"birth_rate_permille": 20.88}, 1976: {"birth_rate_permille": 16.97}}


def test_figures_in_parentheses_after_another_place_are_that_places() -> None:
    """仅次于苏州市(出生率为10.37‰…): the comparison's figures are 苏州市's; after the parenthesis
    the text's own place is back."""
    text = "1978年全市出生率降至10.88‰,在全省仅次于苏州市(出生率为10.37‰、自然增长率为3.60‰),全市死亡率为4.9‰。"
    got = {r["place"]: figures(r) for r in extract_figures(text) if figure_fields(r)}
    assert got == {None: {"birth_rate_permille": 10.88, "death_rate_permille": 4.9},
                   "苏州市": {"birth_rate_permille": 10.37, "natural_growth_permille": 3.6}}


def test_a_county_named_before_a_year_and_its_total() -> None:
    """按东海县1986年底总人口893871人推算: read (按 is context), and the county's, also in a text
    whose own place is a township."""
    text = ("1987年浦南乡人口3.1万人。东海县残疾人抽样调查在浦南乡进行。"
            "按东海县1986年底总人口893871人推算,全县有残疾人49873人。")
    got = {r["place"]: figures(r) for r in extract_figures(text) if figure_fields(r)}
    assert got == {"浦南乡": {"total_population": 31000}, "东海县": {"total_population": 893871}}


def test_a_table_one_cell_per_line_with_section_rows_and_short_rows() -> None:
    """A yearbook table copied one cell per line without pipes: section rows (一、户籍人口情况,
    按性别分:) inside it, and rate rows that leave out the index column (2014年为上年%)."""
    cells = ["2014", "2013", "2014年为上年%", "一、户籍人口情况", "总户数(户)", "2216019", "2180380",
             "101.6", "总人口(人)", "6487209", "6430882", "100.9", "按性别分:", "男(人)", "3250391",
             "3229015", "100.7", "出生人口(人)", "71302", "63954", "111.5", "出生率(‰)", "11.04", "9.98",
             "死亡人口(人)", "37704", "36955", "102.0", "死亡率(‰)", "5.84", "5.77",
             "自然增长率(‰)", "5.20", "4.21"]
    text = "31  人口主要指标\n" + "".join(f"{c}\n" for c in cells) + "注:本表户籍资料根据市公安局提供的户籍数据编制。\n"
    recs = by_year(text)
    assert recs == {
        2014: {"total_population": 6487209, "births": 71302, "birth_rate_permille": 11.04, "deaths": 37704,
               "death_rate_permille": 5.84, "natural_growth_permille": 5.2},
        2013: {"total_population": 6430882, "births": 63954, "birth_rate_permille": 9.98, "deaths": 36955,
               "death_rate_permille": 5.77, "natural_growth_permille": 4.21}}
    # a row that leaves out a year's cell ends the table
    text = "2014\n2013\n总人口(人)\n6487209\n6430882\n出生人口(人)\n71302\n出生率(‰)\n11.04\n9.98\n"
    recs = by_year(text)
    assert 11.04 not in [v for f in recs.values() for v in f.values()]


def test_the_urban_part_of_a_population_is_not_the_population() -> None:
    """其中城镇常住人口36293人 is a part (城镇 is no place's name, even printed twice)."""
    text = ("2011年末,解放街道辖区总人口40253人。其中城镇常住人口36293人,城镇化率87.63%。"
            "2011年末,解放街道辖区总人口40253人。其中城镇常住人口36293人。")
    got = [figures(r) for r in extract_figures(text) if figure_fields(r)]
    assert got == [{"total_population": 40253}]


# Session 8 -----------------------------------------------------------------------------------------

def test_a_town_and_a_street_of_the_same_stem() -> None:
    """东山镇 heads an entry on 东山街道: the stem of the one (东山) must not cut the other's name
    down to 街道, or the street's own total is taken for something else's."""
    text = ("东山镇,隶属于黑龙江省大兴安岭地区加格达奇区。\n"
            "截至2011年末,东山街道辖区总人口23824人,另有流动人口276人。")
    got = {(r["place"], r["series"]): figures(r) for r in extract_figures(text) if figure_fields(r)}
    assert got == {("东山街道", "main"): {"total_population": 23824},
                   ("东山街道", "migrant"): {"total_population": 276}}


def test_a_sentence_that_prints_percent_for_per_mille_throughout() -> None:
    """出生率为10.8%,死亡率为1.1%: 1.1 could be a percentage, but the birth rate beside it cannot,
    and 488 deaths in 453229 people are 1.08‰ (hand-worked), so the whole sentence's % is ‰."""
    text = ("2022年末,全区户籍总人口453229人。出生人口4903人,出生率为10.8%,死亡人口488人,"
            "死亡率为1.1%,自然增长率为9.7%。")
    rec = only([r for r in extract_figures(text) if figure_fields(r)])
    assert round(488 / 453229 * 1000, 1) == rec["death_rate_permille"] == 1.1
    assert rec["birth_rate_permille"] == 10.8 and rec["natural_growth_permille"] == 9.7
    assert only(problems([rec], "permille_misprinted_sibling"))["field"] == "death_rate_permille"
    # alone, 1.1% stays unread
    recs = extract_figures("2022年,全区死亡率为1.1%。")
    assert not [r for r in recs if figure_fields(r)] and problems(recs, "unit")


def test_a_wiki_population_history_as_a_markdown_table() -> None:
    """年份 | 人口 | ±%: one schema column under a 年份 head is a table too (the ±% column holds
    — and +3.8%, not numbers); the Markdown rule line ---|---| is passed over."""
    text = ("茂林区\n年份 | 人口 | ±% |\n---|---|---|\n1946 | 1,002 | — |\n1951 | 967 | −3.5% |\n"
            "1956 | 1,004 | +3.8% |\n来源:历年村里户数人口统计表\n")
    got = by_year(text)
    assert got == {1946: {"total_population": 1002}, 1951: {"total_population": 967},
                   1956: {"total_population": 1004}}
    # without the 年份 head, one column is not enough to call the lines a table
    text = "指标 | 人口 | ±% |\n1946 | 1,002 | — |\n1951 | 967 | −3.5% |\n"
    assert not [r for r in extract_figures(text) if figure_fields(r)]


def test_a_wiki_population_history_whose_cells_lost_their_separators() -> None:
    """历史人口 / 年份人口±% / 1986 18,449−1.1%: the year, the count, the change, glued."""
    rows = "1981 18,649—    \n1986 18,449−1.1%\n1991 16,895−8.4%\n"
    got = by_year("瑞穗乡\n历史人口\n年份人口±%\n" + rows)
    assert got == {1981: {"total_population": 18649}, 1986: {"total_population": 18449},
                   1991: {"total_population": 16895}}
    # two rows are no table
    assert not [r for r in extract_figures("年份人口±%\n1981 18,649—\n1986 18,449−1.1%\n")
                if figure_fields(r)]


def test_a_census_heading_before_the_first_sentence_on_its_line() -> None:
    """第七次全国人口普查部分数据 全旗常住人口为35756人: a heading ending in 数据, then a space."""
    text = ("额济纳旗位于内蒙古自治区最西端。\n第七次全国人口普查部分数据 全旗常住人口为35756人,"
            "与2010年第六次全国人口普查的32410人相比,增加3346人。")
    got = by_year(text)
    assert got == {2020: {"permanent_population": 35756}, 2010: {"permanent_population": 32410}}


def test_years_of_the_republic_in_taiwan_and_bare_ones_after_them() -> None:
    """民國72年 is 1983 (Taiwan counts the Republic's years on after 1949); after 民国5年(1916)
    a bare 24年 in the same paragraph is 1935, while 12年中 is a span, and 3年 (before 5) no
    year of the Republic."""
    got = by_year("大埔乡民國72年時人口為4059人。")
    assert got == {1983: {"total_population": 4059}}
    text = ("民国5年(1916),全县人口总数为98230人。12年中净增19051人。24年全县人口总数为110475人。"
            "3年全县人口总数为90000人。")
    got = by_year(text)
    assert got[1916] == {"total_population": 98230} and got[1935] == {"total_population": 110475}
    assert 1914 not in got and 1923 not in got
    # a new paragraph ends the Republic's count
    got = {r["year"] for r in extract_figures("民国5年,全县人口总数为98230人。\n24年全县人口总数为110475人。")
           if figure_fields(r)}
    assert 1935 not in got


def test_words_between_a_year_and_its_name() -> None:
    """大埔乡之总人口数曾一度高达5433人 / 民國82年時: 之, 时 and 曾一度 are no part of the name."""
    got = by_year("民國82年時,大埔鄉之總人口數曾一度高達5433人。")
    assert got == {1993: {"total_population": 5433}}


def test_years_after_a_trend_and_a_comma() -> None:
    """开封市人口出生率逐年下降,1979年降至12.5‰: the trend word, a comma, then the year's value."""
    got = by_year("全市人口出生率逐年下降,1979年降至12.5‰,1980年为11.9‰。")
    assert got == {1979: {"birth_rate_permille": 12.5}, 1980: {"birth_rate_permille": 11.9}}


def test_a_street_office_speaking_of_itself_and_a_bare_headcount() -> None:
    """我街办 (街道办事处) is the street itself; 全乡12894人, with no verb, is the township's
    population when the number ends its clause (全乡12个村 is not)."""
    got = [figures(r) for r in extract_figures("目前,我街办总人口为67792人,共有17个社区。") if figure_fields(r)]
    assert got == [{"total_population": 67792}]
    got = [figures(r) for r in extract_figures("2000年第五次全国人口普查统计,全乡12894人,男6695人。")
           if figure_fields(r)]
    assert got == [{"total_population": 12894}]
    assert not [r for r in extract_figures("全乡12个村,全乡1200人参加培训。") if figure_fields(r)]


def test_a_title_run_into_the_year_head_of_a_table() -> None:
    """歷史人口年份 | 人口 | ±%, with a Markdown rule after every row."""
    text = ("內門區\n歷史人口年份 | 人口 | ±% |\n---|\n1981 | 20,642 | — |\n---|\n1986 | 19,488 | −5.6% |\n"
            "---|\n1991 | 18,638 | −4.4% |\n---|\n來源: 內政部統計月報\n")
    got = by_year(text)
    assert got == {1981: {"total_population": 20642}, 1986: {"total_population": 19488},
                   1991: {"total_population": 18638}}


def test_counts_since_a_date_up_to_now_are_no_years_figures() -> None:
    """自2014年1月17日实施,截至今年6月底…已经出生数为14853人: a count from a date up to now spans
    several years; it is not read, and a note says so in both languages."""
    recs = extract_figures("单独两孩政策自2014年1月17日实施,截至今年6月底,杭州市共受理申请28936例,已经出生数为14853人。")
    assert not [r for r in recs if figure_fields(r)]
    note = only(problems(recs, "multi_year"))
    assert "2014年以来合计" in note["message_zh"] and "the years since 2014" in note["message_en"]
    # a year's figure after a start date without 截至 / 以来 / 累计 stays the year's
    got = [(r["year"], figures(r)) for r in extract_figures("从2014年1月起,全镇出生120人。") if figure_fields(r)]
    assert got == [(2014, {"births": 120})]


def test_months_across_the_turn_of_a_year_are_a_statistical_year_or_no_year() -> None:
    """2014年10月至2015年6月: October to at most September of the next year is (a part of) the
    family-planning statistical year named for its end (上年10月1日至本年9月30日): 2015, with the
    span as its period, kept apart from the calendar year's 9000 (T13, BQ11, BR02, BH01).
    2014年11月1日至2015年10月31日 (a sample survey's twelve months) and 2016年10月至今年9月 (今年
    not dated) have the span as their period and no year; 2007年10月-2013年6月 (several years,
    likely misprinted) keeps its last year."""
    text = "2014年10月至2015年6月,全市出生人口87559人,其中男婴45730人。2015年,全市出生人口9000人。"
    got = {(r["year"], r["period"]): figures(r) for r in extract_figures(text) if figure_fields(r)}
    assert got == {(2015, "2014年10月至2015年6月"): {"births": 87559, "births_male": 45730},
                   (2015, None): {"births": 9000}}
    got = [(r["year"], r["period"]) for r in extract_figures(
        "2008年10月1日至2009年9月30日,全乡出生90人,出生率7.9‰。") if figure_fields(r)]
    assert got == [(2009, "2008年10月1日至2009年9月30日")]
    got = [(r["year"], r["period"]) for r in extract_figures(
        "2014年11月1日至2015年10月31日,全市出生人口11.4万人。") if figure_fields(r)]
    assert got == [(None, "2014年11月1日至2015年10月31日")]
    got = [(r["year"], r["period"]) for r in extract_figures("2016年10月至今年9月,全市共出生52710人。")
           if figure_fields(r)]
    assert got == [(None, "2016年10月至今年9月")]
    got = [r["year"] for r in extract_figures("2007年10月-2013年6月,全县出生698人。") if figure_fields(r)]
    assert got == [2013]


def test_a_count_written_with_wan_and_the_units_below_it() -> None:
    """50万3113人 (Taiwan and spoken style) is 503113; 4万零115人 is 40115."""
    got = [figures(r) for r in extract_figures("2019年,全县总人口50万3113人,出生2966人。") if figure_fields(r)]
    assert got == [{"total_population": 503113, "births": 2966}]
    got = [figures(r) for r in extract_figures("2019年,全县总人口4万零115人。") if figure_fields(r)]
    assert got == [{"total_population": 40115}]


def test_a_population_that_does_not_fit_its_households_is_garbled() -> None:
    """总人口31404万人、7500户: 314,040,000 / 7,500 = 41,872 persons a household (hand-worked),
    impossible: reported as garbled, not read. 7.8万人 beside 2.3万户 (3.4 a household) is read."""
    for text in ("2005年,总人口31404万人、7500户,其中农业人口占89%。", "2005年,全乡7500户、31404万人。"):
        recs = extract_figures(text)
        assert not [r for r in recs if figure_fields(r)]
        note = only(problems(recs, "households"))
        assert note["severity"] == "error" and "41872.0" in note["message_en"] and "7500户" in note["message_zh"]
    got = [figures(r) for r in extract_figures("2005年,全镇2.3万户、7.8万人。") if figure_fields(r)]
    assert got == [{"total_population": 78000}]


def test_a_space_that_cuts_a_word_is_dropped_but_not_one_after_a_heading() -> None:
    """全市普查登记的户籍人口为7118446人,同第五次全国人口普 查2000年11月1日零时的6603648人相比
    (BN13, copied from a PDF): 普 查 is 普查, so 6603648 is the 2000 census's and 7118446 the
    heading's 2010; a space between a heading and its paragraph (人口性别比情况 全市出生人口性别比…)
    still parts them (N17)."""
    text = ("六安市2010年第六次全国人口普查主要数据公报\n"
            "全市普查登记的户籍人口为 7118446 人,同第五次全国人口普 查2000 年 11 月 1 日零时的 6603648 人相比,"
            "十年共增加 514798 人。")
    assert by_year(text) == {2010: {"total_population": 7118446}, 2000: {"total_population": 6603648}}
    text = ("2005年主要指标执行情况如下: (一)人口出生情况 全市共出生36179人。"
            "(二)人口性别比情况 全市出生人口性别比为118.06。")
    assert by_year(text) == {2005: {"births": 36179, "sex_ratio_at_birth": 118.06}}


def test_the_level_a_change_came_to_not_the_change() -> None:
    """出生人口较上年减少312人,降至2750人: 2750 is the year's births, 312 the change (not read);
    the same with a share (下降10.2%), a rate's points and 为 / 达到 after the change."""
    cases = {
        "2023年全区出生人口较上年减少312人,降至2750人。": {"births": 2750},
        "2023年全区出生人口比上年下降10.2%,降至2750人。": {"births": 2750},
        "2023年全县户籍人口较上年减少1200人,为35.6万人。": {"total_population": 356000},
        "2023年全县常住人口比2022年增加0.3万人,达到52.1万人。": {"permanent_population": 521000},
        "2023年全县人口出生率比上年下降0.52个千分点,降至6.85‰。": {"birth_rate_permille": 6.85},
    }
    for text, want in cases.items():
        assert [figures(r) for r in extract_figures(text) if figure_fields(r)] == [want], text


def test_a_count_larger_than_chinas_population_is_garbled() -> None:
    """常住人口为2 270 816萬人 (BO06, a stray 萬 after a count in persons): 2,270,816 x 10,000 =
    22,708,160,000 persons, more than China's 1.41 billion: reported as an error, not read and not
    guessed; the in-migrants beside it are still read. 全国总人口141178万人 (1.41 billion) is read."""
    recs = extract_figures("截止至2010年11月,延边地区常住人口为2 270 816萬人,流入人口为459 808人。")
    assert [figures(r) for r in recs if figure_fields(r)] == [{"in_migrants": 459808}]
    note = only(problems(recs, "too_many"))
    assert note["severity"] == "error" and "22708160000" in note["message_en"]
    assert "2 270 816萬人" in note["message_zh"]
    got = [figures(r) for r in extract_figures("2020年,全国总人口141178万人。") if figure_fields(r)]
    assert got == [{"total_population": 1411780000}]


def test_the_year_of_a_figure_in_parentheses_after_it() -> None:
    """面积32.1平方千米,人口2.71万人(2002年): the figure is 2002's."""
    got = [(r["year"], figures(r)) for r in extract_figures("西城乡面积32.1平方千米,人口2.71万人(2002年)。")
           if figure_fields(r)]
    assert got == [(2002, {"total_population": 27100})]


def test_figures_over_a_span_of_years_given_one_a_year_or_at_its_ends() -> None:
    """1960~1963年的4年里…分别是 four values: one a year. 从1965年到1978年的13年里…由2075人发展到
    3378人: the span's first and last years. 从1979年的千分之十五点三,到1985年下降到千分之五点九:
    the change word after the second year."""
    got = by_year("1960~1963年的4年里,全村总人口分别是2023人、1987人、2042人、2011人。")
    assert got == {1960: {"total_population": 2023}, 1961: {"total_population": 1987},
                   1962: {"total_population": 2042}, 1963: {"total_population": 2011}}
    got = by_year("从1965年到1978年的13年里,全村总人口由2075人发展到3378人。")
    assert got == {1965: {"total_population": 2075}, 1978: {"total_population": 3378}}
    got = by_year("人口自然增长率逐渐下降,从1979 年的千分之十五点三,到1985年下降到千分之五点九。")
    assert got == {1979: {"natural_growth_permille": 15.3}, 1985: {"natural_growth_permille": 5.9}}
    # three values for a span of four years: not paired
    recs = extract_figures("1960~1963年,全村总人口分别是2023人、1987人、2042人。")
    assert not [r for r in recs if figure_fields(r)]


# Session 9 -----------------------------------------------------------------------------------------


def test_a_total_word_after_a_name_is_its_verb() -> None:
    """总人口共计28765人 / 育龄妇女合计8765人: 共计 / 合计 after a name is the verb, not the name of
    a births total; after a breakdown of births (二孩67人,合计170人) it is still that total."""
    for text, want in (("我镇总人口共计28765人。", {"total_population": 28765}),
                       ("我镇育龄妇女合计8765人,已婚育龄妇女共计6012人。",
                        {"women_15_49": 8765, "married_women_15_49": 6012}),
                       ("我镇出生人口总计212人。", {"births": 212}),
                       ("我乡共出生一孩98人,二孩67人,三孩及以上5人,合计170人。",
                        {"births": 170, "births_parity1": 98, "births_parity2": 67, "births_parity3plus": 5})):
        got = [figures(r) for r in extract_figures(text) if figure_fields(r)]
        assert got == [want], text


def test_a_province_at_a_clause_start_in_a_text_about_no_township() -> None:
    """截至2017年12月31日,甘肃省常住人口2625.71万人: 2625.71 x 10,000 = 26,257,100 (hand-worked).
    In a township's text the province's figures are not the township's."""
    got = [(r["year"], figures(r)) for r in extract_figures(
        "截至2017年12月31日,甘肃省常住人口2625.71万人,出生32.93万人。") if figure_fields(r)]
    assert got == [(2017, {"permanent_population": 26257100}), (2017, {"births": 329300})]
    recs = extract_figures("大河镇2017年出生人口120人。甘肃省常住人口2625.71万人。")
    assert [figures(r) for r in recs if figure_fields(r)] == [{"births": 120}]


def test_the_persons_after_the_households_of_a_name() -> None:
    """户籍人口有2741户,共7880人 / 户籍人口2741户7880人 / 全乡农户3421户,总人口12876人: the
    persons are the figure, the households are not."""
    got = [(r["series"], figures(r)) for r in extract_figures(
        "其中户籍人口有2741户,共7880人,流动人口有113户,共183人。") if figure_fields(r)]
    assert got == [("main", {"total_population": 7880}), ("migrant", {"total_population": 183})]
    for text in ("户籍人口2741户7880人。", "全乡农户2741户,总人口7880人。"):
        got = [figures(r) for r in extract_figures(text) if figure_fields(r)]
        assert got == [{"total_population": 7880}], text


def test_a_trend_then_the_level_it_came_to() -> None:
    """常住人口数量不断增多,2016年达到126125人 / 至1956年人口快速增长,增至1119人: the level, in the
    year stated; 出生人口继续下降,减少120人 is a change, not read."""
    got = [(r["year"], figures(r)) for r in extract_figures("常住人口数量不断增多,2016年达到126125人。")
           if figure_fields(r)]
    assert got == [(2016, {"permanent_population": 126125})]
    got = [(r["year"], figures(r)) for r in extract_figures("至1956年人口快速增长,增至1119人。")
           if figure_fields(r)]
    assert got == [(1956, {"total_population": 1119})]
    assert not [r for r in extract_figures("2016年出生人口继续下降,减少120人。") if figure_fields(r)]


def test_a_later_years_households_and_persons_after_a_headcount() -> None:
    """1998年全乡3166户,13098人,2003年下降至3159户,12685人: each year's persons."""
    got = by_year("1998年全乡3166户,13098人,2003年下降至3159户,12685人,5年时间人口总量下降了10.3%。")
    assert got == {1998: {"total_population": 13098}, 2003: {"total_population": 12685}}


def test_a_rate_that_rose_again_to_a_value() -> None:
    """全市人口出生率回升至31.5‰,1963年升至45.51‰: 回升至 ends at the level."""
    got = by_year("1962年,全市人口出生率回升至31.5‰,1963年升至45.51‰。")
    assert got == {1962: {"birth_rate_permille": 31.5}, 1963: {"birth_rate_permille": 45.51}}


def test_a_table_of_villages_gives_the_total_row_only() -> None:
    """村名 | 总人口 | 出生 | 死亡 with a 合计 row: the township's figures are the total row's, in the
    caption's year; the villages' rows are not read. Single spaces between the cells: each cell is
    read alone (198 131 is two cells, not 198,131)."""
    for sep in ("\t", " "):
        text = sep.join(("白石镇人口计生统计表(2014年)\n村名", "总人口", "出生", "死亡\n东村", "11000", "100",
                         "60\n西村", "12567", "98", "71\n合计", "23567", "198", "131\n"))
        got = [(r["place"], r["year"], figures(r)) for r in extract_figures(text) if figure_fields(r)]
        assert got == [("白石镇", 2014, {"total_population": 23567, "births": 198, "deaths": 131})], repr(sep)
    # no total row: nothing is the township's
    recs = extract_figures("村名\t总人口\t出生\n东村\t11000\t100\n西村\t12567\t98\n")
    assert not [r for r in recs if figure_fields(r)]


def test_a_years_down_table_under_a_head_of_row_names() -> None:
    """项目 | 出生 | 死亡 | 自然增长率 over rows of a year: read like 年份; a cell may carry its unit
    (2.84‰) when the unit fits the column."""
    text = "项目\t出生\t死亡\t自然增长率\n2013年\t210\t120\t3.85‰\n2014年\t198\t131\t2.84‰\n"
    got = by_year(text)
    assert got == {2013: {"births": 210, "deaths": 120, "natural_growth_permille": 3.85},
                   2014: {"births": 198, "deaths": 131, "natural_growth_permille": 2.84}}
    # a per-cent sign under a per-mille column does not fit: the row is not read
    text = "项目\t出生\t自然增长率\n2013年\t210\t3.85%\n"
    assert not [r for r in extract_figures(text) if figure_fields(r)]


def test_married_women_named_by_their_ages() -> None:
    """15—49岁已婚妇女3876人 (a dash of any width): married women aged 15-49."""
    got = [figures(r) for r in extract_figures("2015年全乡15—49岁已婚妇女3876人。") if figure_fields(r)]
    assert got == [{"married_women_15_49": 3876}]


def test_the_sex_ratio_at_birth_written_as_a_proportion_of_boys_to_girls() -> None:
    """出生婴儿男女比例为108:100 is the sex ratio at birth; 男女比例 after births of each sex is too
    (96 / 90 x 100 = 106.7, hand-worked), after a total population it is the whole population's."""
    got = [figures(r) for r in extract_figures("2014年出生婴儿男女比例为108:100。") if figure_fields(r)]
    assert got == [{"sex_ratio_at_birth": 108}]
    got = [figures(r) for r in extract_figures(
        "2014年全镇出生186人,其中男孩96人,女孩90人,男女比例为106.7:100。") if figure_fields(r)]
    assert got == [{"births": 186, "births_male": 96, "births_female": 90, "sex_ratio_at_birth": 106.7}]
    got = [figures(r) for r in extract_figures("2014年全镇总人口23567人,男女比例为103.8:100。")
           if figure_fields(r)]
    assert got == [{"total_population": 23567}]


def test_a_sex_ratio_of_men_to_women_among_births_is_at_birth() -> None:
    """出生率6.55‰,男女性别比106: among births it is the sex ratio at birth; after a total
    population and its men and women it is the population's, not read."""
    got = [figures(r) for r in extract_figures(
        "半年来全乡共出生人口233人,计划生育率85.4%,出生率6.55‰,男女性别比106,死亡人口95人。") if figure_fields(r)]
    assert got == [{"births": 233, "birth_rate_permille": 6.55, "policy_compliance_pct": 85.4,
                    "sex_ratio_at_birth": 106, "deaths": 95}]
    got = [figures(r) for r in extract_figures(
        "2014年全镇总人口23567人,其中男性12003人,女性11564人,男女性别比103.8。") if figure_fields(r)]
    assert got == [{"total_population": 23567}]


def test_a_township_name_of_four_characters() -> None:
    """民族团结乡 (five characters with its level) is named whole where the text always prints it
    so; its figures are its own, not cut off by a stray 民 before 族团结乡."""
    text = ("民族团结乡地处兴和县中部。1956年5月,更名民族团结乡。截至2018年末,民族团结乡户籍人口有33920人。"
            "2011年末,民族团结乡总人口49028人。")
    got = {r["year"]: (r["place"], figures(r)) for r in extract_figures(text) if figure_fields(r)}
    assert got == {2018: ("民族团结乡", {"total_population": 33920}),
                   2011: ("民族团结乡", {"total_population": 49028})}


def test_the_seventh_census_named_without_national() -> None:
    """第七次人口普查 is the census of 2020 also without 全国."""
    got = [(r["year"], figures(r)) for r in extract_figures(
        "11月1日,大河镇正式启动第七次人口普查工作。根据摸底汇总,全镇户籍人口11220人。") if figure_fields(r)]
    assert got == [(2020, {"total_population": 11220})]
    # the census compared with, also without 全国: its figure is 2010's
    got = by_year("2020年全县常住人口579101人,与第六次人口普查的442854人相比,增加136247人。")
    assert got == {2020: {"permanent_population": 579101}, 2010: {"permanent_population": 442854}}


def test_a_lead_in_run_into_the_first_figure() -> None:
    """现将2021年工作总结如下全镇总人口数28754人: the lead-in, its colon lost, is context."""
    got = [(r["year"], figures(r)) for r in extract_figures("现将2021年工作总结如下全镇总人口数28754人,孕产妇数484人。")
           if figure_fields(r)]
    assert got == [(2021, {"total_population": 28754})]


def test_a_news_date_with_slashes_dates_this_year_and_last() -> None:
    """2019/07/04 under the headline: 今年6月底 is June 2019 (a point of the year, unlike 去年10月
    opening a span); 去年底 is 2018's."""
    text = ("屏东县上半年人口又少3572人\n2019/07/04 09:34\n今年6月底全县总人口数为82万1834人。"
            "去年出生数2405人。")
    got = by_year(text)
    assert got == {2019: {"total_population": 821834}, 2018: {"births": 2405}}


def test_adverbs_between_a_name_and_its_value_or_before_the_name() -> None:
    """但去年新生儿仅2348人,死亡数却高达5680人 / 县内总人口为13645人 / 出生更跌至2855人."""
    got = [figures(r) for r in extract_figures(
        "2021年,县内总人口为13645人,但新生儿仅2348人,死亡数却高达5680人。") if figure_fields(r)]
    assert got == [{"total_population": 13645, "births": 2348, "deaths": 5680}]
    recs = extract_figures("2025年出生更跌至2855人,新生儿数仅剩2795人。")
    # both read: the first kept, the second reported as a conflict (not silently dropped)
    assert [figures(r) for r in recs if figure_fields(r)] == [{"births": 2855}]
    assert "2795人" in only(problems(recs, "conflict"))["message_en"]


def test_bare_years_of_the_republic_in_a_taiwan_text() -> None:
    """In a text with Taiwan's words (户政, 民国 …), 截至110年12月底 is 2021 (1911 + 110) and 一百年
    is 2011; in another text 110年 is not a year."""
    got = [(r["year"], figures(r)) for r in extract_figures(
        "连江县政府户政事务所表示,截至110年12月底,县内总人口为13645人。") if figure_fields(r)]
    assert got == [(2021, {"total_population": 13645})]
    got = [(r["year"], figures(r)) for r in extract_figures(
        "据户政统计,一百年新生儿三千四百七十七人。") if figure_fields(r)]
    assert got == [(2011, {"births": 3477})]
    got = [(r["year"], figures(r)) for r in extract_figures("建镇110年来,全镇总人口为13645人。") if figure_fields(r)]
    assert got == [(None, {"total_population": 13645})]


def test_a_list_of_years_after_a_name_and_a_short_clause() -> None:
    """出生人数于2023年3974人、2024年3712人 / 婴儿出生数近5年起起伏伏,2021年4185人、2022年3746人:
    each year its value; one year alone after a clause is not such a list."""
    got = by_year("根据县人口统计,出生人数于2023年3974人、2024年3712人、2025年为2855人。")
    assert got == {2023: {"births": 3974}, 2024: {"births": 3712}, 2025: {"births": 2855}}
    got = by_year("全县婴儿出生数近5年起起伏伏,2021年4185人、2022年3746人。")
    assert got == {2021: {"births": 4185}, 2022: {"births": 3746}}
    assert not [r for r in extract_figures("全县婴儿出生数有所下降,2021年4185人。") if figure_fields(r)]


# Session 10 ----------------------------------------------------------------------------------------


def test_a_bound_then_the_exact_figure_in_the_next_clause() -> None:
    """出生人口突破300人,达312人 / 超过14‰,达14.6‰ / 不足300人,仅为287人: the bound is noted and
    not read; the exact figure after it is the name's. A bound alone is still not a figure."""
    got = [figures(r) for r in extract_figures(
        "2015年红星镇出生人口突破300人,达312人,人口出生率超过14‰,达14.6‰。") if figure_fields(r)]
    assert got == [{"births": 312, "birth_rate_permille": 14.6}]
    recs = extract_figures("2015年红星镇死亡人口不足300人,仅为287人。")
    assert [figures(r) for r in recs if figure_fields(r)] == [{"deaths": 287}]
    assert "300人" in only(problems(recs, "approximate"))["text"]
    assert not [r for r in extract_figures("2015年红星镇出生人口突破300人,创历史新高。") if figure_fields(r)]
    # 首次 / 再次 between the name and the bound
    got = [figures(r) for r in extract_figures("2023年该县出生人口首次跌破5000人,为4862人。") if figure_fields(r)]
    assert got == [{"births": 4862}]
    # a bound, then a figure with another unit, is not the bound's figure
    assert not [r for r in extract_figures("2015年红星镇出生人口超过300人,达全县的12%。") if figure_fields(r)]


def test_a_township_named_before_its_deaths_or_women() -> None:
    """2015年红星镇死亡人口为287人 / 红星镇育龄妇女…: the name before these facts is the text's place,
    as before 出生 or 人口."""
    for text, field, value in (("2015年红星镇死亡人口为287人。", "deaths", 287),
                               ("2015年红星镇育龄妇女3120人。", "women_15_49", 3120),
                               ("2015年红星镇流动人口中出生12人。", "births", 12)):
        recs = [r for r in extract_figures(text) if figure_fields(r)]
        assert [(r["place"], r["year"], figures(r)) for r in recs] == [("红星镇", 2015, {field: value})]


def test_a_bulletin_table_with_a_unit_column_or_a_column_of_this_years_values() -> None:
    """指标 | 单位 | 绝对数 | 比上年增长(%) under a caption with the year; 指标名称 计量单位 2021年
    2020年 with single spaces; 指标 | 年末数(人) | 比重(%): each number with its row's unit, the
    change and share columns not read, a row whose unit does not fit its field not read."""
    text = ("表1 2021年人口主要指标\n指标 | 单位 | 绝对数 | 比上年增长(%)\n年末户籍人口 | 万人 | 42.18 | -0.3\n"
            "出生人口 | 人 | 3218 | -5.2\n人口出生率 | ‰ | 7.63 |\n死亡人口 | % | 12.5 |\n")
    got = by_year(text)
    assert got == {2021: {"total_population": 421800, "births": 3218, "birth_rate_permille": 7.63}}
    text = ("人口主要指标\n指标名称 计量单位 2021年 2020年\n年末户籍人口 人 421800 423000\n"
            "出生人口性别比 女=100 108.2 109.5\n")
    got = by_year(text)
    assert got == {2021: {"total_population": 421800, "sex_ratio_at_birth": 108.2},
                   2020: {"total_population": 423000, "sex_ratio_at_birth": 109.5}}
    text = ("表1 2021年末户籍人口数及构成情况\n指标 | 年末数(人) | 比重(%) |\n全县户籍总人口 | 832955 | 100 |\n"
            "其中:城镇 | 217319 | 26.09 |\n")
    got = by_year(text)
    assert got == {2021: {"total_population": 832955}}


def test_a_township_named_right_before_a_year() -> None:
    """据统计,红星镇2019年出生人口386人: the name before the year is the text's place, and no
    longer a word in front of the name that makes the figure someone else's."""
    recs = [r for r in extract_figures("据统计,红星镇2019年出生人口386人。") if figure_fields(r)]
    assert [(r["place"], r["year"], figures(r)) for r in recs] == [("红星镇", 2019, {"births": 386})]


def test_a_sentence_of_a_later_year_and_a_value_only_continues_the_figure_before() -> None:
    """出生率达38.6‰。1960年降至15.2‰。: the later year's rate. Not when the sentence holds more
    than a year and a value, nor when the value's unit does not fit the name."""
    got = by_year("1954年全县出生11236人,出生率达38.6‰。1960年降至15.2‰。")
    assert got == {1954: {"births": 11236, "birth_rate_permille": 38.6}, 1960: {"birth_rate_permille": 15.2}}
    got = by_year("1954年全县出生率达38.6‰。1960年降至15.2‰,原因是灾荒。")
    assert got == {1954: {"birth_rate_permille": 38.6}}
    got = by_year("1954年全县出生率达38.6‰。1960年为1520人。")
    assert got == {1954: {"birth_rate_permille": 38.6}}


def test_a_later_census_year_after_a_figure() -> None:
    """1964年第二次人口普查时,该县总人口为16.82万;1982年第三次人口普查时为24.35万: each census
    year its figure (the 人口 of 人口普查 is no name of its own)."""
    got = by_year("1964年第二次人口普查时,该县总人口为16.82万;1982年第三次人口普查时为24.35万。")
    assert got == {1964: {"total_population": 168200}, 1982: {"total_population": 243500}}


def test_the_whole_country_of_a_census_name_is_not_the_texts_place() -> None:
    """第五次全国人口普查时,全镇常住人口为28654人: the text is the township's (全镇), not the
    country's; the figure has no place name, not 全镇 as one."""
    recs = [r for r in extract_figures("2000年11月1日第五次全国人口普查时,全镇常住人口为28654人。")
            if figure_fields(r)]
    assert [(r["place"], r["year"], figures(r)) for r in recs] == [
        (None, 2000, {"permanent_population": 28654})]


def test_a_section_heading_run_into_its_first_sentence() -> None:
    """人口状况 年末全区常住人口68.2万人: the heading is no word of the figure's; a series word
    before a space still qualifies (流动人口 育龄妇女…)."""
    got = [figures(r) for r in extract_figures("人口状况 年末全区常住人口68.2万人,户籍人口71.5万人。")
           if figure_fields(r)]
    assert got == [{"permanent_population": 682000, "total_population": 715000}]
    recs = [r for r in extract_figures("2015年全镇流动人口 育龄妇女312人。") if figure_fields(r)]
    assert [(r["series"], figures(r)) for r in recs] == [("migrant", {"women_15_49": 312})]


def test_a_peoples_commune_is_the_texts_own_place() -> None:
    """1978年,全社人口为12856人 in a gazetteer: 全社 is the commune (the township of its time), as
    全乡; 全社会 is not a place."""
    got = [figures(r) for r in extract_figures("1978年,全社人口为12856人,出生286人。") if figure_fields(r)]
    assert got == [{"total_population": 12856, "births": 286}]
    got = [figures(r) for r in extract_figures("1978年,全社会人口为12856人。") if figure_fields(r)]
    assert got == []


def test_a_year_right_after_the_name_then_its_value() -> None:
    """总人口2019年末为32150人 / 出生人口2019年为5123人,2020年为4650人: each year its value; a change
    after the year (出生人口2019年比上年减少…) is still not read."""
    got = by_year("红星镇总人口2019年末为32150人。")
    assert got == {2019: {"total_population": 32150}}
    got = by_year("全县出生人口2019年为5123人,2020年为4650人。")
    assert got == {2019: {"births": 5123}, 2020: {"births": 4650}}
    assert not [r for r in extract_figures("全县出生人口2019年比上年减少312人。") if figure_fields(r)]


def test_values_for_each_year_of_a_span_written_with_zhi() -> None:
    """2019年至2021年,出生人口分别为5123人、4650人和4102人: three years, three values (as with
    2019~2021年); two values are the span's two ends, as before."""
    got = by_year("2019年至2021年,全县出生人口分别为5123人、4650人和4102人。")
    assert got == {2019: {"births": 5123}, 2020: {"births": 4650}, 2021: {"births": 4102}}
    got = by_year("2019年至2021年,全县出生人口分别为5123人和4102人。")
    assert got == {2019: {"births": 5123}, 2021: {"births": 4102}}


def test_a_compared_years_figure_in_parentheses() -> None:
    """出生人口4102人,较2020年(4650人)减少548人: 4650 is 2020's."""
    got = by_year("2021年全县出生人口4102人,较2020年(4650人)减少548人。")
    assert got == {2021: {"births": 4102}, 2020: {"births": 4650}}


def test_a_numbered_section_heading_run_into_its_first_sentence() -> None:
    """十一、人口、人民生活和社会保障 全年出生人口991人 (under a title line) / 九、人 口 年末全县…: the
    heading's words and its 、 are no part of the figure's clause."""
    text = ("西乌珠穆沁旗2007年国民经济和社会发展统计公报(2)\n十一、人口、人民生活和社会保障 全年出生人口991人,"
            "人口出生率13.7‰。")
    got = [figures(r) for r in extract_figures(text) if figure_fields(r)]
    assert got == [{"births": 991, "birth_rate_permille": 13.7}]
    recs = [r for r in extract_figures("2008年\n九、人 口 年末全县总人口为23.54万人,其中常住人口为23.09万人,"
                                       "人口出生率为11.33‰。") if figure_fields(r)]
    assert [(r["series"], figures(r)) for r in recs] == [
        ("main", {"total_population": 235400, "permanent_population": 230900, "birth_rate_permille": 11.33})]


def test_a_census_bulletins_table_of_the_population_at_each_census() -> None:
    """历次人口普查 | 常住人口数 | 年均增长率 over rows named by the census (第七次人口普查 | 648471 |
    -0.01): each census's reference year; also printed one cell per line with blank lines."""
    rows = [("第七次人口普查", "648471", "-0.01"), ("第六次人口普查", "649357", "0.61"),
            ("第一次人口普查", "229710", "")]
    inline = "历次人口普查 | 常住人口数 | 年均增长率\n" + "\n".join(" | ".join(r) for r in rows) + "\n"
    lone = "\n\n".join(["历次人口普查", "常住人口数", "年均增长率"] + [c for r in rows for c in r if c]) + "\n"
    for text in (inline, lone):
        got = by_year(text)
        assert got == {2020: {"permanent_population": 648471}, 2010: {"permanent_population": 649357},
                       1953: {"permanent_population": 229710}}


def test_census_years_footnote_marks_and_a_total_renamed_in_parentheses() -> None:
    """第三次人口普查 is 1982; a footnote mark between a number and its unit (649357[3]人); 全县总人口
    (常住人口)为97985人 is the resident population; a census compared with (与1964年第二次人口普查时
    相比) does not date the figures after it."""
    got = by_year("第三次人口普查时,全县总人口为352146人。")
    assert got == {1982: {"total_population": 352146}}
    got = by_year("全县常住人口[2]为648471人。全县常住人口与2010年第六次人口普查的649357[3]人相比,十年共减少886人。")
    assert got == {None: {"permanent_population": 648471}, 2010: {"permanent_population": 649357}}
    got = [figures(r) for r in extract_figures("全县总人口(常住人口)为97985人。") if figure_fields(r)]
    assert got == [{"permanent_population": 97985}]
    got = by_year("1982年全县总人口为28.7万,与1964年第二次人口普查时相比增加8.7万人。县城人口为3.9万人。")
    assert got == {1982: {"total_population": 287000}}


def test_the_same_conflicting_value_stated_again_is_one_conflict() -> None:
    """A second value stated twice for a figure is one conflict, not two."""
    recs = extract_figures("2015年全镇出生312人。2015年全镇出生320人。2015年全镇出生320人。")
    assert [figures(r) for r in recs if figure_fields(r)] == [{"births": 312}]
    assert len(problems(recs, "conflict")) == 1


def test_now_in_a_document_dated_under_its_signature() -> None:
    """目前…实有人口3512人 in a report signed 2021年2月23日 (or 二〇二一年二月二十三日) that states no
    year before: 2021; without the date, no year."""
    body = "关于新建社区的情况报告\n\n目前共有常住居民1333户,实有人口3512人。\n\n特此报告。\n\n普陀区民政局\n"
    for date in ("2021年2月23日", "二〇二一年二月二十三日"):
        got = [(r["year"], figures(r)) for r in extract_figures(body + date + "\n") if figure_fields(r)]
        assert got == [(2021, {"total_population": 3512})]
    got = [(r["year"], figures(r)) for r in extract_figures(body) if figure_fields(r)]
    assert got == [(None, {"total_population": 3512})]


def test_a_span_of_years_with_ocrs_one_for_the_dash() -> None:
    """1949一1953年,5年年平均出生3033人,出生率为24.57‰: 一 between two years is OCR's dash; the
    figures are averages over the span, no year's."""
    recs = extract_figures("1949一1953年,5年年平均出生3033人,出生率为24.57‰。")
    assert not [r for r in recs if figure_fields(r)]
    assert problems(recs, "multi_year")


def test_a_value_alone_in_parentheses_after_its_name() -> None:
    """至1990年底全县人口总数(247 829人)依然…: 247829 (digits grouped by a space); a unit alone in
    the parentheses (总人口 (万人)) is no value."""
    got = by_year("至1990年底全县人口总数(247 829人)依然比1948年增长了1倍有余。")
    assert got == {1990: {"total_population": 247829}}
    assert not [r for r in extract_figures("2020年女性总人口 (万人) 见下表。") if figure_fields(r)]


def test_households_then_persons_without_a_separator_and_resident_dwellers() -> None:
    """全镇共有5350户22549人 / 城西社区常住居民5847户11746人 in a text about that community."""
    got = [figures(r) for r in extract_figures("全镇共有5350户22549人。") if figure_fields(r)]
    assert got == [{"total_population": 22549}]
    text = "城西社区地处老城中心。城西社区常住居民5847户11746人,共辖4个居民小组。"
    recs = [r for r in extract_figures(text) if figure_fields(r)]
    assert [(r["place"], figures(r)) for r in recs] == [("城西社区", {"permanent_population": 11746})]


def test_a_headcount_after_a_verb_of_level_or_with_ji_before_the_persons() -> None:
    """1964年底全区拥有130.2万户,512.9万人 / 1982年底全区上升到159.4万户,733.3万人 / 共有8037户,
    计39036人: the persons."""
    got = by_year("1964年底全区拥有130.2万户,512.9万人。1982年底全区上升到159.4万户,733.3万人,比1949年增加256.5万人。")
    assert got == {1964: {"total_population": 5129000}, 1982: {"total_population": 7333000}}
    got = [figures(r) for r in extract_figures("1982年全社共有8037户,计39036人。") if figure_fields(r)]
    assert got == [{"total_population": 39036}]


def test_years_after_a_bound_and_a_lost_comma_after_a_rate() -> None:
    """出生率降至30‰以下。1971年为29.51‰,1978年为15.91‰,每个家庭…: the years of the name the bound
    was of; 自然增长率为32.92‰1975年为19.79‰ (OCR lost the comma): 1975's rate too."""
    got = by_year("70年代,出生率降至30‰以下。1971年为29.51‰,1978年为15.91‰,每个家庭一般生育2~3个孩子。")
    assert got == {1971: {"birth_rate_permille": 29.51}, 1978: {"birth_rate_permille": 15.91}}
    got = by_year("1973年,人口自然增长率为32.92‰1975年为19.79‰,1980年为9.43‰。")
    assert got == {1973: {"natural_growth_permille": 32.92}, 1975: {"natural_growth_permille": 19.79},
                   1980: {"natural_growth_permille": 9.43}}


def test_a_township_before_a_colon_and_its_figures_is_a_place() -> None:
    """In a gazetteer of one township, 流坊乡:1924户,计9860人 lists another township's figures."""
    text = ("湖南乡位于县境东部。湖南乡人口见下。\n   流坊乡:1924户,计9860人,其中男5147人。\n"
            "   1982年第三次人口普查,全乡共有8037户,计39036人。")
    got = {(r["place"], r["year"]): figures(r) for r in extract_figures(text) if figure_fields(r)}
    assert got == {("流坊乡", None): {"total_population": 9860},
                   ("湖南乡", 1982): {"total_population": 39036}}


# Session 11 ----------------------------------------------------------------------------------------

def test_a_stock_counted_at_the_end_of_a_year_named_after_its_name() -> None:
    """全县总人口至2013年底有532854人 / 全县至2013年底有532854人 / 總人口截至去年底為… in a dated
    news item: the year the phrase names, and the value after it."""
    for text in ("全县总人口至2013年底有532854人。", "全县至2013年底有532854人。"):
        got = [(r["year"], figures(r)) for r in extract_figures(text) if figure_fields(r)]
        assert got == [(2013, {"total_population": 532854})], text
    text = "2014.01.22 15:54\n全縣總人口截至去年底為53萬2854人,較前年減少828人。"
    got = [(r["year"], figures(r)) for r in extract_figures(text) if figure_fields(r)]
    assert got == [(2013, {"total_population": 532854})]
    # the headcount without a name, in ten-thousands and units (53萬2854人)
    got = [figures(r) for r in extract_figures("縣府表示,全縣至去年底有53萬2854人,全年出生2348人。")
           if figure_fields(r)]
    assert got == [{"total_population": 532854, "births": 2348}]


def test_a_month_of_this_year_is_this_years_but_a_span_from_it_is_not() -> None:
    """In a news item dated 2011: 今年1月出生397人 is 2011's; 去年10月至今年9月 is not last year's."""
    got = {r["year"] for r in extract_figures("2011.04.27 03:16\n據統計,今年1月全縣出生397人。")
           if figure_fields(r)}
    assert got == {2011}
    got = [r["year"] for r in extract_figures("2011.10.20\n去年10月至今年9月,全縣出生397人。")
           if figure_fields(r)]
    assert 2010 not in got


def test_more_verbs_of_level_before_a_later_years_value() -> None:
    """总人口数74万3562人,2010年下滑至71万7653人 / ,2012年回升至…: the later year's level."""
    got = by_year("2001年总人口74万3562人,2010年下滑至71万7653人,2012年回升至72万0011人。")
    assert got == {2001: {"total_population": 743562}, 2010: {"total_population": 717653},
                   2012: {"total_population": 720011}}


def test_a_word_cut_by_a_wrapped_line_is_read_whole() -> None:
    """An OCR'd book wraps its lines wherever the width ends: 人⏎口出生率 is one name (but a
    chronicle's year left at a line's end still heads its entry)."""
    text = ("1985年,全县计划生育工作取得新的进展,晚婚率和一孩率继续保持较高水平,全县人\n"
            "口出生率为12.5‰,自然增长率为6.1‰。")
    got = [figures(r) for r in extract_figures(text) if figure_fields(r)]
    assert got == [{"birth_rate_permille": 12.5, "natural_growth_permille": 6.1}]
    # the span of the name is still a span of the text as printed
    rec = next(r for r in extract_figures(text) if figure_fields(r))
    a, b = rec["provenance"]["birth_rate_permille"]["span"]
    assert text[a:b] == "12.5‰"
    chronicle = ("1977 年\n3月县委召开计划生育工作会议。是年全县总人口271.56万人,其中农业人口240.78万人。工\n"
                 "农业总产值比上年增长一成,财政收入1.74亿元,港口货物吞吐量432万吨,其中外贸152万吨。1978 年\n"
                 "1月9日县委决定成立计划生育领导小组。是年全县总人口274.54万人,其中农业人口242.60万人。")
    got = by_year(chronicle)
    assert got == {1977: {"total_population": 2715600}, 1978: {"total_population": 2745400}}


def test_my_city_in_a_quote_is_the_city_named_before_it() -> None:
    """A text about a district quotes a city's bureau: 根据兴化市统计局发布的数据:"2024年末,我市常住
    人口…": 我市 is 兴化市, not the district."""
    text = ("根据泰州市姜堰区统计局发布的数据,2024年,姜堰区出生人口0.22万人,死亡人口0.80万人。"
            "姜堰区人口生死比确实是太低了。然而兴化市出生人口与死亡人口之比更低。"
            "根据兴化市统计局发布的数据:“2024年末,我市常住人口111.03万人。”")
    got = {r["place"]: figures(r) for r in extract_figures(text) if figure_fields(r)}
    assert got["兴化市"] == {"permanent_population": 1110300}


def test_a_supposition_states_no_figure() -> None:
    """如果某一年的生死比等于1,…自然增长率是0: not a figure; 如果从1963年算起 still dates one."""
    text = "2024年全区出生人口2200人。如果某一年的生死比等于1,表示出生人口和死亡人口相等,自然增长率是0。"
    got = [figures(r) for r in extract_figures(text) if figure_fields(r)]
    assert got == [{"births": 2200}]


def test_people_registered_in_the_place_the_text_names() -> None:
    """瑞安市卫健局… 2022年瑞安籍活产数仅5198人: the city's births."""
    text = "近日,瑞安市卫健局召开提案面商会。会上,提案主笔人介绍了基本情况, 2022年瑞安籍活产数仅5198人。"
    got = [(r["year"], figures(r)) for r in extract_figures(text) if figure_fields(r)]
    assert got == [(2022, {"births": 5198})]


def test_the_next_population_of_a_few_parts_is_theirs_too() -> None:
    """XX镇总人口3.8万人,其中5个空心村户籍人口6213人,常住人口仅2075人: the resident population is
    the five villages', not the township's."""
    text = "XX镇总人口3.8万人,其中5个空心村户籍人口6213人,常住人口仅2075人。"
    got = [figures(r) for r in extract_figures(text) if figure_fields(r)]
    assert got == [{"total_population": 38000}]


def test_numbers_printed_digit_by_digit_and_years_of_the_republic_so_printed() -> None:
    """Taiwan's papers print 一二一一人, 六六○人, 九０六九人, 廿六萬三五八四人 and 一一四年 (2025)."""
    for printed, value in (("一二一一", 1211), ("六六○", 660), ("九0六九", 9069), ("廿六万三五八四", 263584),
                           ("六十七万一三二", 670132), ("一万零五", 10005), ("十万零三百", 100300)):
        assert cn_number(printed) == value, printed
    assert cn_number("一二") is None  # a list, not a number
    assert cn_number("一二三万") == 1230000
    text = "台南市人口數出爐。根據最新人口資料，台南市一一四年人口數一八五二四七七人，相較前年減少六一七四人。"
    got = [(r["place"], r["year"], figures(r)) for r in extract_figures(text) if figure_fields(r)]
    assert got == [("台南市", 2025, {"total_population": 1852477})]


def test_compared_with_the_year_before_the_figures() -> None:
    """去年死亡數一七六三五人，較前年一七四０七人，增加二二八人: 前年 is the year before the figure's."""
    got = by_year("2025年死亡數一七六三五人，較前年一七四０七人，增加二二八人。")
    assert got == {2025: {"deaths": 17635}, 2024: {"deaths": 17407}}


def test_taiwan_forms_of_values_years_and_the_nation() -> None:
    """2萬8,387人; 108年 in a text about 新北市 (a year of the Republic); 人口: 79,662人(2008年3月);
    且粗死亡率; 全國 and 全台 are the nation, not the text's own place."""
    got = [(r["year"], figures(r)) for r in extract_figures(
        "根據統計,108年新北市出生人口數為2萬8,387人。") if figure_fields(r)]
    assert got == [(2019, {"births": 28387})]
    got = [(r["year"], figures(r)) for r in extract_figures("戶數: 23,769戶\n人口: 79,662人(2008年3月)")
           if figure_fields(r)]
    assert got == [(2008, {"total_population": 79662})]
    got = [figures(r) for r in extract_figures("2025年人口總數47萬3181人,且粗死亡率12.93‰、出生率3.41‰。")
           if figure_fields(r)]
    assert got == [{"total_population": 473181, "death_rate_permille": 12.93, "birth_rate_permille": 3.41}]
    text = ("2013/06/14 10:00\n竹市今年5月新生兒粗出生率為本島最高。民政處表示,全國102年5月嬰兒出生數為16,223人;"
            "2022年全台出生人數13萬8986人。")
    got = {r["place"]: figures(r) for r in extract_figures(text) if figure_fields(r)}
    assert got == {"全國": {"births": 16223}, "全台": {"births": 138986}}


# Session 12 ----------------------------------------------------------------------------------------

def test_a_quotations_own_place_holds_for_its_later_sentences() -> None:
    """A commentary on 姜堰区 that quotes 兴化市's bureau: the quotation's 我市 is 兴化市 for all of
    the quotation, not for its first sentence only."""
    text = ("根据姜堰区统计局发布的数据,2024年,姜堰区出生人口0.22万人,死亡人口0.80万人。"
            "兴化市2024年出生人口与死亡人口之比更低。根据兴化市统计局发布的数据:“2024年末,我市常住人口111.03万人。"
            "其中,出生人口0.33万人,人口出生率为2.96‰。”姜堰区出生人口比兴化市多。")
    got = {(r["place"], r["series"]): figures(r) for r in extract_figures(text) if figure_fields(r)}
    assert got == {("姜堰区", "main"): {"births": 2200, "deaths": 8000},
                   ("兴化市", "main"): {"permanent_population": 1110300},
                   ("兴化市", "resident"): {"births": 3300, "birth_rate_permille": 2.96}}


def test_a_forecasts_year_is_not_the_year_of_the_figures_after_it() -> None:
    """预计到2025年,全镇总人口将达到3.5万人: the forecast is not read, and its year does not date
    the next sentence (全年出生312人 is 2020's); nor does 到2050年 count 去年 as 2049."""
    got = by_year("2020年末全镇户籍人口31562人。预计到2025年,全镇总人口将达到3.5万人。全年出生312人。")
    assert got == {2020: {"total_population": 31562, "births": 312}}
    got = by_year("2019年全县总人口50.3万人。有人预估到2050年,台湾的人口将低于2千万人。去年全县出生2966人。")
    assert got == {2019: {"total_population": 503000}, 2018: {"births": 2966}}


def test_a_community_named_by_its_level_only_and_a_headcount_in_renkou() -> None:
    """社区常住居民5847户11746人 in a text that names no place is the community's own; 14270人口
    after the villages a township has is its headcount."""
    got = [(r["year"], figures(r)) for r in extract_figures("2021年社区常住居民5847户11746人,共辖4个居民小组。")
           if figure_fields(r)]
    assert got == [(2021, {"permanent_population": 11746})]
    got = [figures(r) for r in extract_figures("我乡下辖 21 个行政村, 14270 人口, 47 平方公里。") if figure_fields(r)]
    assert got == [{"total_population": 14270}]


def test_the_year_of_an_event_or_an_estimate_dates_no_figure() -> None:
    """1984年恢复乡名 (the place's history) and 她从1994年受聘担任计生管理员 (a person's) do not
    date the population after them; an estimate (预计…共出生人口110人) is not a stated figure."""
    got = [(r["year"], figures(r)) for r in extract_figures(
        "1956年改称xx人民公社,1984年恢复乡名。地域面积93.96平方公里,辖13个行政村,总人口15691人。") if figure_fields(r)]
    assert got == [(None, {"total_population": 15691})]
    got = [(r["year"], figures(r)) for r in extract_figures(
        "她从1994年34岁时受聘担任山城村计生管理员至今。全村有15个村民小组,总人口3415人。") if figure_fields(r)]
    assert got == [(None, {"total_population": 3415})]
    got = [figures(r) for r in extract_figures(
        "全镇现有4600户,18895人。预计2017年上半年全镇共出生人口110人,死亡72人,自然增长率2.00‰。") if figure_fields(r)]
    assert got == [{"total_population": 18895}]


def test_headcounts_after_the_villages_a_place_has_and_other_small_forms() -> None:
    """全乡辖21个村146个村民组8154户33775人; 3359户人家,14264人; 共计新出生婴儿25人; 共出生了106人;
    总人口已发展为10240人."""
    cases = [("全乡辖21个村146个村民组8154户33775人,其中少数民族人口17413人。", {"total_population": 33775}),
             ("全乡辖13个村,77个村民组,3359户人家,14264人,其中劳动力人口7760人。", {"total_population": 14264}),
             ("2020年我社区共计新出生婴儿25人,死亡人口23人。", {"births": 25, "deaths": 23}),
             ("2015年全镇共出生了106人。", {"births": 106}),
             ("2010年北园社区的总户数为3103户,总人口已发展为10240人。", {"total_population": 10240})]
    for text, expected in cases:
        assert [figures(r) for r in extract_figures(text) if figure_fields(r)] == [expected], text


# Session 13 ----------------------------------------------------------------------------------------

def test_two_totals_are_a_conflict_unless_they_are_a_periods_start_and_end() -> None:
    """期初 / 期末 totals (test_start_and_end_of_period_and_more_names_for_births) are two stocks of one
    period; two totals with nothing to tell them apart are still two numbers for one figure."""
    (rec,) = extract_figures("2009年全镇总人口33264人,总人口33342人。")
    assert [(p["kind"], p["severity"], p["kept"]) for p in rec["problems"]] == [("conflict", "error", 33264)]
    (rec,) = extract_figures("2009年全镇期末总人口33342人,期初总人口33264人。")  # the start after the end
    assert rec["total_population"] == 33342
    assert [(p["kind"], p["severity"]) for p in rec["problems"]] == [("period_start", "note")]


@pytest.mark.parametrize("text, year, expected", [
    ("2021年,全村有27个村民小组504户共1810人,耕面积1238亩。", 2021, {"total_population": 1810}),
    ("2015年全县出生4382人;多孩生育31人,较上年减少4人。", 2015, {"births": 4382, "births_parity3plus": 31}),
    ("2015年,出生人口性别比为109.06个性别比单位。", 2015, {"sex_ratio_at_birth": 109.06}),
    ("1990年,全村320名育龄妇女中,已有227名采取了计划生育措施。", 1990, {"women_15_49": 320}),
    ("2019年,全镇3200名已婚育龄妇女中,落实避孕措施的3000人。", 2019, {"married_women_15_49": 3200}),
    ("菜圃社区成立于2002年12月,位于菜园老城区,辖区内现有1465户,3569人。", None, {"total_population": 3569}),
])
def test_batch_31_and_32_forms(text: str, year: int | None, expected: dict) -> None:
    """全村有27个村民小组504户共1810人; 多孩生育31人; 性别比为109.06个性别比单位; 全村320名育龄妇女中 (the
    women a share is of, number first); 成立于2002年 dates the founding only."""
    assert [(r["year"], figures(r)) for r in extract_figures(text) if figure_fields(r)] == [(year, expected)]


@pytest.mark.parametrize("served", ["2019年,镇卫生院为300名育龄妇女免费体检。", "2019年,全镇有300名育龄妇女参加了培训。"])
def test_women_served_number_first_are_not_the_womens_count(served: str) -> None:
    assert [figures(r) for r in extract_figures(served) if figure_fields(r)] == []


@pytest.mark.parametrize("text, expected", [
    # a survey's own sample is not the place's population (its estimates for the place are)
    ("此次人口变动抽样调查常住人口593人,其中:男324人,女269人,出生人口3人;死亡人口2人。", []),
    ("此次调查的对象为2022年居住在该县的常住人口,调查户171户,户籍人口565人,常住人口593人。", []),
    ("2023年,本次调查推算,全市常住人口为42.94万人。", [(2023, None, {"permanent_population": 429400})]),
    # 前5个月 is a part of the year; 1到4月 and 1至4月 are one period
    ("2012年度前5个月全县人口出生人数共1469人,人口出生率为3.7‰。",
     [(2012, "前5个月", {"births": 1469, "birth_rate_permille": 3.7})]),
    ("2018年1到4月西湖乡出生婴儿5人,死亡36人。统计2018年1至4月,只有5名新生婴儿,死亡人数却达36人。",
     [(2018, "1至4月", {"births": 5, "deaths": 36})]),
    # negative rates after the years of a name, and 进一步 before the verb
    ("泾川县人口自然增长率持续为负值,如2023年为-5.32‰,2024年进一步降至-3.92‰。",
     [(2023, None, {"natural_growth_permille": -5.32}), (2024, None, {"natural_growth_permille": -3.92})]),
    ("据通报,2024年泾川县常住人口进一步减少至20.62万人。", [(2024, None, {"permanent_population": 206200})]),
])
def test_batch_33_forms(text: str, expected: list) -> None:
    assert [(r["year"], r["period"], figures(r)) for r in extract_figures(text) if figure_fields(r)] == expected


def test_living_in_towns_is_no_place_at_a_clause_start() -> None:
    """居住在城镇的人口 is the urban part of the population, not a place named 居住在城镇 (the text
    says 居住在城镇 twice, as a city it named twice would be)."""
    text = ("2023年末全市常住人口429405人。2023年末全市常住人口中,居住在城镇的人口为297557人;"
            "居住在乡村的人口为131848人。居住在城镇的人口比重比上年末提高0.5个百分点。")
    assert [figures(r) for r in extract_figures(text) if figure_fields(r)] == [{"permanent_population": 429405}]


@pytest.mark.parametrize("text, expected", [
    # a news item dated 2005年03月02日 in its first lines: 去年 is 2004
    ("http://www.sina.com.cn 2005年03月02日12:40 贵州都市报\n\n据悉,去年贵阳市人口出生率为11.4‰。",
     {2004: {"birth_rate_permille": 11.4}}),
    # no date: 去年 counts from the text's own year (here opening a line), not from one named in
    # passing (below the heading, which states no year)
    ("2012年全镇出生人口230人。去年全镇出生人口210人。", {2012: {"births": 230}, 2011: {"births": 210}}),
    ("高雄人口\n高雄自2017年以後出生人口力度不足,去年出生人數1萬5805人。", {None: {"births": 15805}}),
    # the start of a span or a census moment is no date line (the span is the statistical year 2015)
    ("2014年10月1日至2015年4月30日,全镇共出生106人。", {2015: {"births": 106}}),
    ("2014年11月1日至2015年4月30日,全镇共出生106人。", {None: {"births": 106}}),
    # a family-planning statistical year is the year of its figures
    ("2016計生年度,全市出生人數18.5萬人,自然增長率9.84‰。",
     {2016: {"births": 185000, "natural_growth_permille": 9.84}}),
    # a city named without its level before 全市 (the text names it twice)
    ("广州市召开会议。2016年,广州全市出生人数18.5万人。", {2016: {"births": 185000}}),
])
def test_batch_34_forms(text: str, expected: dict) -> None:
    assert by_year(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a census compared with, at its moment; the registered population the census counted
    ("全县常住人口为299555人,同第五次全国人口普查2000年11月1日零时的333586人相比,十年共减少34031人。"
     "全县普查登记的户籍人口为356738人。",
     {None: {"permanent_population": 299555, "total_population": 356738},
      2000: {"permanent_population": 333586}}),
    # a footnote mark without its brackets (a PDF's) is no value
    ("全市常住人口 3为 5611701 人。", {None: {"permanent_population": 5611701}}),
    # the area a county administers
    ("高阳县现有管辖范围常住人口为318986人。", {None: {"permanent_population": 318986}}),
    # a survey's sample, named in the sentence, even beside the whole district
    ("我区这次调查入户登记的样本量为25172人,其中常住人口为19528人,分别占全区常住总人口的3.1%。", {}),
    # 今年 after a year named in passing has no year; after a year of accounts it is that year
    ("流动人口工作总结\n自2000年实行封闭管理以来,流入人口增多。今年,开发区出生人口25人。", {None: {"births": 25}}),
    ("省考核组对我区2013年度工作进行考核。截至今年11月底,我区户籍人口68.51万人。",
     {2013: {"total_population": 685100}}),
])
def test_batch_35_36_forms(text: str, expected: dict) -> None:
    assert by_year(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 育龄妇女人口 is the women aged 15-49, not 人口 (the population) after them
    ("2018年,鹰潭市年末人口117.5万人,育龄妇女人口为40.6万人,比去年增加0.2万人。",
     {2018: {"total_population": 1175000, "women_15_49": 406000}}),
    # whose hundred the sex ratio is counted on, between the name and its value
    ("2018年该市出生人口性别比(以女孩为100)113.2,同比下降0.03。", {2018: {"sex_ratio_at_birth": 113.2}}),
    ("2015年出生率10.5‰,出生人口性別比(以女性為100)為114.97。",
     {2015: {"birth_rate_permille": 10.5, "sex_ratio_at_birth": 114.97}}),
    # 新生儿数量 / 出生人口数量: 新生儿数, then 量
    ("2025年1至6月,新生儿数量为3756人,同比增长5.6%。", {2025: {"births": 3756}}),
    ("2025年出生人口数量为3756人。", {2025: {"births": 3756}}),
    # each value of a list with its year in parentheses; a county before 新生兒 is a place
    ("澎湖縣新生兒人數分別為1038人(2017)、881人(2018)及988人(2019)。",
     {2017: {"births": 1038}, 2018: {"births": 881}, 2019: {"births": 988}}),
    # households, then persons counted in 口人 (a village's headcount)
    ("2007年,全村现有146户,580口人。", {2007: {"total_population": 580}}),
    # a single value with its year in parentheses, 年 left out
    ("全县新生儿人数为1038人(2017)。", {2017: {"births": 1038}}),
    # Taiwan's registered population (設籍人口)
    ("連江縣政府資料顯示,2024年設籍人口1萬3990人,有109名新生兒。",
     {2024: {"total_population": 13990, "births": 109}}),
])
def test_batch_37_39_forms(text: str, expected: dict) -> None:
    assert by_year(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a village named once with its facts, in a text that names no other place
    ("这次人口普查分为三个阶段。谷园村总人口985人,常住人口150人,以外出的人口居多。",
     [("谷园村", None, {"total_population": 985, "permanent_population": 150})]),
    # a place masked (某区) or named once at a clause's start, in a text that names no other
    ("2012年某区出生率为8.29‰,比2011年增长17.42%。", [(None, 2012, {"birth_rate_permille": 8.29})]),
    ("2012年平安县出生率为8.29‰。", [(None, 2012, {"birth_rate_permille": 8.29})]),
    # the residents (居民) of a place are all of it; 城镇居民 are a part
    ("2012年全区出生率为8.29‰。居民粗死亡率为4.07‰,与2011年基本持平。",
     [(None, 2012, {"birth_rate_permille": 8.29, "death_rate_permille": 4.07})]),
    ("2012年城镇居民出生率为8.29‰。", []),
    # the one year of a statistical bulletin's title dates what it shows; a plan's years do not
    ("《谯城区2020年国民经济和社会发展统计公报》显示,谯城区人口总量继续增加。年末辖区户籍总人口171.5万人。",
     [("谯城区", 2020, {"total_population": 1715000})]),
    ("《谯城区人口发展规划(2020—2035年)》显示,谯城区人口总量继续增加。年末辖区户籍总人口171.5万人。",
     [("谯城区", None, {"total_population": 1715000})]),
    # a trend, then each year's value in a parenthesis
    ("零陵区出生人口数呈逐年减少的趋势(2018年7239人、2019年5387人、2020年4927 人),在园幼儿人数呈减少的趋势。",
     [("零陵区", 2018, {"births": 7239}), ("零陵区", 2019, {"births": 5387}), ("零陵区", 2020, {"births": 4927})]),
    # a section heading run into its text by a page that lost its line breaks
    ("1.总人口现状2004年全市户籍总人口为368.9万人,比上年增加2.3万人。", [(None, 2004, {"total_population": 3689000})]),
    # 常驻人口, a common misspelling of 常住人口
    ("2010年,镇域面积43平方公里,辖区内16个行政村,有常驻人口1.8万人。", [(None, 2010, {"permanent_population": 18000})]),
    # a village's plan that names its township once, and the distance to the township's seat
    ("东胜村位于通河县浓河镇东南部。村政府距浓河镇政府所在地5公里。\n四、社会经济\n2006年东胜村共有人口1447人,"
     "其中:东胜屯1197人,民发屯250人。", [("东胜村", 2006, {"total_population": 1447})]),
    # batch 43: children born (出生儿童), the local population (本地人口) beside the migrant one
    ("2012年末,全县总人口414244人,出生儿童6875人。", [(None, 2012, {"total_population": 414244, "births": 6875})]),
    ("2012年本地人口38.54万,流动人口34.62万。", [(None, 2012, {"total_population": 385400}),
                                            (None, 2012, {"total_population": 346200})]),
    # the death rate of a group's deaths (新生儿, 婴儿, 儿童) is not the population's
    ("2012年全县活产婴儿3958人,新生儿死亡30人,死亡率7.58‰;5岁以下儿童死亡60人,死亡率15.16‰。"
     "全县死亡人口1000人,死亡率6.5‰。",
     [(None, 2012, {"births": 3958, "deaths": 1000, "death_rate_permille": 6.5})]),
])
def test_batch_40_43_forms(text: str, expected: list) -> None:
    assert [(r["place"], r["year"], figures(r)) for r in extract_figures(text) if figure_fields(r)] == expected


@pytest.mark.parametrize("text, expected", [
    # batch 44: the counts of a sample survey's areas are the sample's, not the town's
    ("1%人口抽样调查工作顺利开展。目前四个调查小区的340户、1333人、出生18人、死亡11人的调查结果全部结束。"
     "2015年全镇出生人口120人。", [(None, 2015, "main", {"births": 120})]),
    # the women a check (清理清查) of the migrants counted
    ("2012年,对流动人口开展专项清查出租屋2641间,清理清查外来育龄妇女 6658 人,查环查孕435人次。",
     [(None, 2012, "migrant", {"women_15_49": 6658})]),
    # batch 45: the year a clause counts from (自2014年…以来) dates no figure after it
    ("xx村自2014年开展脱贫攻坚工作以来,人民生活水平得到大幅提升。全村辖7个村民小组174户525人。",
     [(None, None, "main", {"total_population": 525})]),
    # the same figure again in a profile's list, after a sentence about another year: once
    ("全村辖5个村民小组,2009年末共有305户1353人。2010年农民人均占有粮食386公斤。\n--人口总数:1353人 耕地面积:2.36亩",
     [(None, 2009, "main", {"total_population": 1353})]),
    # 一共 before a value
    ("2019年,全村总人数一共1285人,总户数269户。", [(None, 2019, "main", {"total_population": 1285})]),
    # an encyclopaedia infobox's population: its date on one row, its total on the next
    ("金峰乡位于台东县西南部。\n海拔 | 947 米 |\n人口(2024年9月)(1,217户) | |\n• 总计 | 3,691人 |\n• 排名 | 台东县的第14位 |",
     [("金峰乡", 2024, "main", {"total_population": 3691})]),
])
def test_batch_44_45_forms(text: str, expected: list) -> None:
    assert keyed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # batch 48: a date under the office that issued the report is when it was issued
    ("重庆市大足区慢性病调查报告(2022年度)\n重庆市大足区卫生健康委员会\n2023年4月\n大足区辖6个街道、21个镇,常住人口84.02万。",
     [("大足区", 2022, "main", {"permanent_population": 840200})]),
    # a death rate per 100 000 is read in ‰; a count printed so is none
    ("2014年监测居民1 066 901人,死亡7 001人,死亡率为656.20/10万。", [(None, 2014, "main", {"deaths": 7001, "death_rate_permille": 6.562})]),
    ("2007年传染病发病率,户籍人口为379.80/10万,流动人口为1 122.29/10万。", []),
    # an ASCII full stop before a year ends a sentence
    ("徐汇区位于上海市中心城区西南部.2001年全区总人口1 064 645人,人口自然增长率-2.80‰(从1992年起人口自然增长率为负).",
     [("徐汇区", 2001, "main", {"total_population": 1064645, "natural_growth_permille": -2.8})]),
    # 。 printed for a decimal point
    ("全县总面积1297平方公里,共辖12个乡镇,总人口13。82万人。", [(None, None, "main", {"total_population": 138200})]),
    # a rate right after a count, with no mark between them
    ("天门市2019年底户籍人口1609200人,出生人口12809人出生率8.0‰,死亡人口10464死亡率6.56‰。",
     [("天门市", 2019, "main", {"total_population": 1609200, "births": 12809, "deaths": 10464,
                                "birth_rate_permille": 8, "death_rate_permille": 6.56})]),
    # 2012年以来 in a text dated 2019 before it: years since then, no year of the figures
    ("自评报告\n(2019年8月31日)\n2012年以来,我区始终坚持义务教育优先发展。\n大足区辖27个镇街,总人口107万。",
     [("大足区", 2019, "main", {"total_population": 1070000})]),
    # (2012年以来 opening a text: this year so far)
    ("2012年以来,我镇计划生育工作稳步推进。\n今年以来我镇共出生738人。", [(None, 2012, "main", {"births": 738})]),
    # a number a site split with a space is garbled; a headcount ends at an ASCII full stop
    ("全区有226个村,常住人口46 94万人。", []),
    ("全乡共辖10个行政村,全乡有11482人.其中0—6岁儿童将近2014人。", [(None, None, "main", {"total_population": 11482})]),
])
def test_batch_46_48_forms(text: str, expected: list) -> None:
    assert keyed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # batch 50: a stock after a sentence that named a span of years is no sum over them
    ("项目建设期:2011年至2012年。会泽县辖21个乡(镇)376个村委会,总人口100.74万人。",
     [("会泽县", None, "main", {"total_population": 1007400})]),
    # (births there are still a total over the span)
    ("2011年至2012年,全县出生人口2.1万人。", []),
    # a total over the years (not read), then each year's value in a parenthesis
    ("据XXXX县统计数据,2004年至2008年间,死亡人数4295人(2004年829人、2005年852人、2006年816人),年均死亡率5.11‰。",
     [(None, 2004, "main", {"deaths": 829}), (None, 2005, "main", {"deaths": 852}),
      (None, 2006, "main", {"deaths": 816})]),
    # batch 51: 暂住人口 (temporary residents, the older name of the migrant population)
    ("2015年社区总人口4268人,其中常住人口2181人,暂住人口2087人。",
     [(None, 2015, "main", {"total_population": 4268, "permanent_population": 2181}),
      (None, 2015, "migrant", {"total_population": 2087})]),
])
def test_batch_49_51_forms(text: str, expected: list) -> None:
    assert keyed(text) == expected


def test_the_city_above_a_county_named_bare_before_its_whole_is_not_the_county() -> None:
    """阜阳全市常住人口814.1万人 in a text about 临泉县 (of 阜阳市) is the city's, not the text's own
    (batch 46, BY18)."""
    text = ("中国人口危机!人口第一大县8个月关50所幼儿园(组图)\n"
            "\n"
            "2023-11-19 来源: 中央社\n"
            "\n"
            "随著出生人口急速下降,中国正遭遇一波幼儿园关门潮。在人口第一大县安徽临泉,今年截至8月已有50所幼儿园停止办学,占全县幼儿园总数的11.8%。\n"
            "\n"
            "中国媒体21世纪经济报道,安徽省阜阳市临泉县是中国人口第一大县,2022年有户籍人口229.3万。\n"
            "\n"
            "今年8月,临泉县教育局公告,当地50所民办幼儿园终止办学,占2022年全县幼儿园总数的11.8%,占全县民办幼儿园总数的24.5%。\n"
            "\n"
            "值得注意的是,其中12所申请终止办学的幼儿园,很多都是2021年以来才登记注册的,其中还有一所2022年6月才注册成立,开办一年便关停,可见当地幼儿园生源形势之紧张。\n"
            "\n"
            "临泉县政府今年2月的数据显示,全县2023年在园幼儿5万8243人,比上年减少9.2%,已是连续第4年减少,且降幅陡然加大。而且,当地出生率已经低于死亡率。\n"
            "\n"
            "据阜阳市统计局3月发布,阜阳全市常住人口814.1万人,其中临泉县常住人口最多,达164.3万人。")
    assert [(r["place"], figures(r)) for r in extract_figures(text) if figure_fields(r)] == [
        ("临泉县", {"total_population": 2293000})]


def test_a_garbled_or_converted_number_says_so() -> None:
    """A rate per 100 000, a 。 for a decimal point and a number split by a space each leave a
    problem that names what was done."""
    assert [p["kind"] for p in problems(extract_figures("2014年死亡率为656.20/10万。"))] == ["per_100k"]
    assert [p["kind"] for p in problems(extract_figures("2014年出生率为9。93‰。"))] == ["decimal_mark"]
    assert [p["kind"] for p in problems(extract_figures("2014年常住人口46 94万人。"))] == ["garbled"]


def test_a_populous_town_is_no_place() -> None:
    """xx镇是XX县区人口大镇: 人口大镇 (a populous town) names no place."""
    recs = extract_figures("xx镇是XX县区人口大镇,辖20个行政村,总人口32023人,其中已婚育龄妇女6561人。")
    assert all(r["place"] != "人口大镇" for r in recs)
    assert [figures(r) for r in recs if figure_fields(r)] == [
        {"total_population": 32023, "married_women_15_49": 6561}]


def test_a_footnote_mark_does_not_split_a_name() -> None:
    """人户分离[6]人口 is the persons living away from their registration (no field), not 人口
    (the population) after a footnote."""
    recs = extract_figures("全区常住人口中,人户分离人口[5]为89806人,其中,市辖区内人户分离[6]人口为39920人,"
                           "流动人口为49886人。")
    assert [(r["series"], figures(r)) for r in recs if figure_fields(r)] == [
        ("migrant", {"total_population": 49886})]


@pytest.mark.parametrize("text, expected", [
    # the migrant women, said 流进
    ("近湖乡八个村有12422户,总人口为51782人,流进育龄妇女有19942名。",
     [("main", {"total_population": 51782}), ("migrant", {"women_15_49": 19942})]),
    # the whole village, counted inside 在…中
    ("从年龄结构上看,在全村1150人中,7岁以下儿童101人。", [("main", {"total_population": 1150})]),
    # 总人口(常住): the total is the resident population
    ("2015年年末,全县总人口(常住)为44.91万人,城镇人口为6.27万人。", [("main", {"permanent_population": 449100})]),
    # live births (活产) of a maternal-health report are births
    ("2012年1-6月,全市产妇1402人,活产1411人。", [("main", {"births": 1411})]),
    # the population monitoring of a calendar year; reported births with a note on what they include
    ("2021年自然年度人口监测共出生29601人,出生率5.9‰。", [("main", {"births": 29601, "birth_rate_permille": 5.9})]),
    ("2017年1-9月,全市出生上报(含往年补报)73408人。", [("main", {"births": 73408})]),
    # a relative year glossed with its calendar year; a change 自…至…
    ("新埤鄉去(2022)年4月的總人口數為9671人。", [("main", {"total_population": 9671})]),
    ("梅山鄉2024年新生兒自76人上升至107人。", [("main", {"births": 107})]),
])
def test_batch_34_36_names(text: str, expected: list) -> None:
    assert [(r["series"], figures(r)) for r in extract_figures(text) if figure_fields(r)] == expected


def test_a_relative_year_glossed_with_its_calendar_year() -> None:
    assert by_year("新埤鄉去(2022)年4月的總人口數為9671人。") == {2022: {"total_population": 9671}}


@pytest.mark.parametrize("text, expected", [
    # batch 47: the province, city and county printed before a township's name
    ("扬州市江都区邵伯镇总人口78600人,60岁以上人口12600人。", [("邵伯镇", None, "main", {"total_population": 78600})]),
    # the groups a village has and its households, with no mark before the name
    ("全村辖14个村民小组总人口4104人。", [(None, None, "main", {"total_population": 4104})]),
    ("全村总户数1013户总人口4104人。", [(None, None, "main", {"total_population": 4104})]),
    # 生育 before the births, 有生育能力的 before the women
    ("1989年,全县全年生育新生儿7 338人。", [(None, 1989, "main", {"births": 7338})]),
    ("2000年,有生育能力的育龄妇女11 819人,当年生育新生儿373人。",
     [(None, 2000, "main", {"women_15_49": 11819, "births": 373})]),
    # the number before the population it is of (…万户籍人口中), the city's name printed bare
    ("2010年4月12日,江苏省太仓市举行“中国长寿之乡”授牌仪式,太仓成为中国第十二个长寿之乡。"
     "截至2009年底,在太仓46.72万户籍人口中,60岁以上老年人达11.1万人;全市平均预期寿命达81.52岁。",
     [(None, 2009, "main", {"total_population": 467200})]),
    # (not a word before 县 that is no place: 农业 of 是典型的农业县)
    ("*县是典型的农业县。2021年底,全县总人口46.1万人,其中回族24.4万人;农业人口43.43万人。",
     [(None, 2021, "main", {"total_population": 461000})]),
    # a decimal in Chinese numerals before 万, with no 人
    ("截至二〇〇八年底,澄迈县户籍人口五十二点八七万,八十岁以上老人有一万一千二百九十八人。",
     [("澄迈县", 2008, "main", {"total_population": 528700})]),
    # 是年: the year last named, even one that dated an event
    ("1982年,死亡2756人。1983年1月5日,县政府成立殡葬改革领导小组。是年,死亡2776人,火化率63.2%。",
     [(None, 1982, "main", {"deaths": 2756}), (None, 1983, "main", {"deaths": 2776})]),
    # (in a chronicle, the year of its entry's heading: a year inside an entry looks back or ahead)
    ("1977年\n6月市革委制订意见。1979年7月,制定规定。是年全市总人口271.56万人。\n1978年\n是年全市总人口275.1万人。",
     [(None, 1977, "main", {"total_population": 2715600}), (None, 1978, "main", {"total_population": 2751000})]),
])
def test_batch_47_forms(text: str, expected: list) -> None:
    assert keyed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # batch 51: a headcount after 该村
    ("据入户调查统计,该村有6372人,其中外出务工有3011人。", [(None, None, "main", {"total_population": 6372})]),
    # batch 49: the migrants living in the village
    ("到2019年9月底为止,居住在该村的外来人口共有1716人,比本地人口多。", [(None, 2019, "main", {"in_migrants": 1716})]),
    # batch 51: the year a community was formed, then 现有: now, the date of the document's number
    ("县政办发〔2010〕219号\n各乡镇人民政府:\n余下镇新安社区是由原新建和安装两个居委会2004年经过县政府重组的新社区,现有365户,521人。",
     [("余下镇", 2010, "main", {"total_population": 521})]),
    # (without a date of the document: no year)
    ("2004年,新安社区组建,现有365户,521人。", [(None, None, "main", {"total_population": 521})]),
    # (a figure between the year and 现有 keeps the year)
    ("2004年,新安社区出生12人,荣获先进社区,现有365户,521人。",
     [("新安社区", 2004, "main", {"total_population": 521, "births": 12})]),
])
def test_batch_49_51_more_forms(text: str, expected: list) -> None:
    assert keyed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # batch 53: the households and persons of a group named before a colon are the group's
    ("4.因病困灾返贫的特困户:全镇共有644户,2576人。", []),
    # batch 54: 户农户 before a headcount
    ("全村共有5个村民小组,235户农户,共计551人,党员32人。", [(None, None, "main", {"total_population": 551})]),
    # 为止 before a population; 全人群; 是涉及到
    ("全县2025年6月为止的人口总计654,539人。", [(None, 2025, "main", {"total_population": 654539})]),
    ("海陵试验区全人群常住人口7.84万人,截至3月22日接种7.12万人。", [(None, None, "main", {"permanent_population": 78400})]),
    ("社区主要涉及到5007户,常住人口是涉及到9543人。", [(None, None, "main", {"permanent_population": 9543})]),
    # an application form's filing date dates its figures
    ("申报时间:2011.8\n一、申报考核村基本情况\n2、总户数:912户\n3、常住人口:3065人",
     [(None, 2011, "main", {"permanent_population": 3065})]),
    # the target year of a requirement dates nothing after it
    ("到2025年农村生活污水治理率达到40%的要求。全村共有409户1531人。", [(None, None, "main", {"total_population": 1531})]),
    # (a year from which a goal is pursued still dates what follows)
    ("1978年起,逐步向“一对夫妇最好生一个孩子”的目标过渡。当年出生率降到14.9‰。",
     [(None, 1978, "main", {"birth_rate_permille": 14.9})]),
    # the villages and groups a township has, then its persons, clause by clause
    ("2021年度工作汇报\n大河镇位于县城南部,面积191.73平方公里,辖7个村,161个村民组,1.6万人,其中贫困人口774户2614人。",
     [("大河镇", 2021, "main", {"total_population": 16000})]),
])
def test_batch_52_54_forms(text: str, expected: list) -> None:
    assert keyed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # batch 57: the compliance rate of one parity's births within the policy is that parity's
    ("全市人口出生29290人。全市政策内出生27029人,出生人口政策符合率92.28%。其中一孩政策内出生19695人,"
     "政策符合率98.18%;二孩政策内出生7222人,政策符合率82.26%。",
     [(None, None, "main", {"births": 29290, "policy_compliance_pct": 92.28})]),
    # (a list of parities, then the rate of all births, is not)
    ("2011年全街道共出生265人,其中一胎187人,二胎78人,符合政策生育率达98%。",
     [(None, 2011, "main", {"births": 265, "births_parity1": 187, "births_parity2": 78,
                            "policy_compliance_pct": 98})]),
    # each earlier year compared with, in a parenthesis after 比
    ("2009年户籍人口出生率为13.70‰,比2008年(14.12‰)降低了0.42个千分点,比2007年(14.54‰)降低了0.84个千分点。",
     [(None, 2009, "main", {"birth_rate_permille": 13.7}), (None, 2008, "main", {"birth_rate_permille": 14.12}),
      (None, 2007, "main", {"birth_rate_permille": 14.54})]),
    # 计生符合率
    ("1-11月份,当年出生285例,其中合法生育210人,计生符合率73.68%。",
     [(None, None, "main", {"births": 285, "policy_compliance_pct": 73.68})]),
])
def test_batch_57_forms(text: str, expected: list) -> None:
    assert keyed(text) == expected


def test_a_paritys_compliance_rate_is_no_conflict_with_the_whole() -> None:
    """其中一孩政策内出生19695人,政策符合率98.18% is the first births' rate: not read, and so not
    reported as a second, different rate of all births (batch 57, CJ05)."""
    text = ("全市人口出生29290人。全市政策内出生27029人,出生人口政策符合率92.28%。其中一孩政策内出生19695人,"
            "政策符合率98.18%;二孩政策内出生7222人,政策符合率82.26%。")
    records = extract_figures(text)
    assert [r["policy_compliance_pct"] for r in records] == [92.28]
    assert not [p for r in records for p in r["problems"] if p.get("kind") == "conflict"]


@pytest.mark.parametrize("text, expected", [
    # batch 56: the prefecture a county-level city belongs to, and ranks within, is not the text's
    ("玉环市,地处浙江省东南部,台州市下辖县级市。截至2021年末,玉环市户籍人口总数43.73万人,是台州市户籍人口最少的县级市。"
     "2021年玉环常住人口64.8万人,常住人口在台州全市排名第五。",
     [("玉环市", 2021, "main", {"total_population": 437300, "permanent_population": 648000})]),
    # a bulletin page whose only year is its table's heading
    ("十一、人口、社会保障和人民生活\n人口。年末户籍总人口63.71万人,全年出生人口3625人,死亡人口4330人。\n"
     "表四 2022年长兴居民人均收支主要指标\n单位:元",
     [(None, 2022, "main", {"total_population": 637100, "births": 3625, "deaths": 4330})]),
    # a change in per-mille points ends its clause, and makes the rate before it per mille
    ("2020年全年人口出生率8.66%,比上年下降1.84个千分点死亡率4.63%。比上年下降0.03个千分点自然增长率4.03%。"
     "比上年下降1.81个千分点。",
     [(None, 2020, "main", {"birth_rate_permille": 8.66, "death_rate_permille": 4.63,
                            "natural_growth_permille": 4.03})]),
])
def test_batch_56_forms(text: str, expected: list) -> None:
    assert keyed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # batch 60: ‰ printed as % and a full stop; 计生率 is the compliance rate
    ("截至2013年12月31日,我市总人口772.9万人,出生率5.51%。,自然增长率1.63%。,计生率95.78%,出生人口性别比110.79:100。",
     [(None, 2013, "main", {"total_population": 7729000, "birth_rate_permille": 5.51,
                            "natural_growth_permille": 1.63, "policy_compliance_pct": 95.78,
                            "sex_ratio_at_birth": 110.79})]),
    # 实现了 before the figures; 多项指标 after a number is no "more than"
    ("2011年度实现了出生人口政策符合率达98.83%、人口出生率为9.9‰、出生人口性别比为105.76多项指标优良的佳绩。",
     [(None, 2011, "main", {"birth_rate_permille": 9.9, "policy_compliance_pct": 98.83,
                            "sex_ratio_at_birth": 105.76})]),
    # several names' values at both ends of a trend, each end in its year
    ("我市人口出生率、自然增长率分别由1980年的17.67‰和10.91‰,下降到2009年的12.08‰、6.35‰,人口再生产类型实现了转变。",
     [(None, 1980, "main", {"birth_rate_permille": 17.67, "natural_growth_permille": 10.91}),
      (None, 2009, "main", {"birth_rate_permille": 12.08, "natural_growth_permille": 6.35})]),
    # a five-year plan's period: its totals are no year's figures
    ("2006年工作总结\n“十五”时期的五年,全市共出生35.5万人,比“九五”少生10万人。", []),
    # 出生性别比例
    ("2006年上半年,杭州市计划生育率为98.3%;人口出生性别比例为103.43,比去年同期下降了1.46个比值。",
     [("杭州市", 2006, "main", {"policy_compliance_pct": 98.3, "sex_ratio_at_birth": 103.43})]),
    # batch 59: a numbered heading run into its text; 建国初期; 到1957年降为
    ("本文对全市人口进行了分析。一、人口结构情况2016年全市户籍人口259.2万人,其中男性人口129.9万人。",
     [(None, 2016, "main", {"total_population": 2592000})]),
    ("建国初期人口死亡率较高,1949年达到16.71‰,到1957年降为10.63‰;",
     [(None, 1949, "main", {"death_rate_permille": 16.71}), (None, 1957, "main", {"death_rate_permille": 10.63})]),
    # a report's cover run into its abstract; a year of the Republic compared with
    ("統 計 應 用 分 析 報 告 臺南市 103 年人口結構與特性分析 臺 南市政府主計處 104 年 7月 摘 要 本市 103 年底人口數 "
     "1,884,284 人較 102 年底 1,883,208 人增加 1,076 人(0.57‰ )。",
     [(None, 2014, "main", {"total_population": 1884284}), (None, 2013, "main", {"total_population": 1883208})]),
    # (the names of a list whose first is of something else: 各乡镇平均)
    ("1963年,各乡镇平均出生率、自然增长率分别为40.4‰和32.9‰。", []),
])
def test_batch_58_60_forms(text: str, expected: list) -> None:
    assert keyed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # batch 55: an infobox's population without the table's bars
    ("湖西鄉\n人口(2024年9月)(3,154戶)\n • 總計8,241人\n • 排名澎湖縣的第4位",
     [("湖西鄉", 2024, "main", {"total_population": 8241})]),
    # 今(113)年: this year, glossed with its year of the Republic
    ("花蓮縣富里鄉公所表示,今(113)年截至8月底,富里鄉新生兒總數為64人。",
     [("富里鄉", 2024, "main", {"births": 64})]),
])
def test_batch_55_forms(text: str, expected: list) -> None:
    assert keyed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # batch 61: 降到了 in a trend
    ("人口出生率由1982年的27.1‰降到了1988年的13.4‰。",
     [(None, 1982, "main", {"birth_rate_permille": 27.1}), (None, 1988, "main", {"birth_rate_permille": 13.4})]),
    # batch 62: the sexes of births that are not ours (补报往年) are not ours either
    ("2010年,全镇出生人口300人。自然增长率为5.57‰,补报往年出生105人,其中男67人,女38人,政策内88人。",
     [(None, 2010, "main", {"births": 300, "natural_growth_permille": 5.57})]),
    # 人口计生率 year by year; 计内生育率
    ("人口计生率2003年为92%,2004年为95%。",
     [(None, 2003, "main", {"policy_compliance_pct": 92}), (None, 2004, "main", {"policy_compliance_pct": 95})]),
    ("长寿镇\n2001年,辖51个村,17659户,6.3万人。人口出生率12.3‰,计内生育率97.5%。",
     [("长寿镇", 2001, "main", {"total_population": 63000, "birth_rate_permille": 12.3,
                              "policy_compliance_pct": 97.5})]),
    # a yearbook's leaders with their years in office date no figure
    ("北岭乡\n书 记 胡培强(2001年2月任职)\n杨秀森(2001年2月至2002年1月)\n刘东明(2002 年1月离任)\n"
     "【概述】 有6435户, 总人口22042人。全年人口出生率为11.4‰。",
     [("北岭乡", None, "main", {"total_population": 22042, "birth_rate_permille": 11.4})]),
    # households of villagers, then persons
    ("全乡幅员177平方公里,共有12个行政村;6298户村民,25360口人。", [(None, None, "main", {"total_population": 25360})]),
    # 街道 alone, in a text that calls itself 全街道
    ("前5个月街道新出生人口569人,其中合法生育475人。\n全街道共有低保对象3035户。",
     [(None, None, "main", {"births": 569})]),
])
def test_batch_61_62_forms(text: str, expected: list) -> None:
    assert keyed(text) == expected
