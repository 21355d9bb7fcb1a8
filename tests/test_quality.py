"""The audit: each rule fires on a case built for it, and on the real seed figures."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import quality
from analysis.load import load_dataset
from tests.conftest import SEEDS


def rules_of(findings: pd.DataFrame, code: str | None = None) -> set[str]:
    if code is not None:
        findings = findings[findings["township_code"] == code]
    return set(findings["rule"])


@pytest.fixture(scope="module")
def seed_findings() -> pd.DataFrame:
    return quality.audit(load_dataset(SEEDS).panel)


def test_columns(seed_findings: pd.DataFrame) -> None:
    assert list(seed_findings.columns) == list(quality.FINDING_COLUMNS)
    assert set(seed_findings["severity"]) <= set(quality.SEVERITIES)


def test_seed002_sex_ratio_12023_65_is_an_error(seed_findings: pd.DataFrame) -> None:
    f = seed_findings[seed_findings["township_code"] == "seed002_quanqu"]
    (row,) = f[f["rule"] == "srb_implausible"].to_dict("records")
    assert row["severity"] == "error" and row["value"] == 12023.65 and row["year"] == 2023
    assert "12023.65" in row["message_zh"] and "110.65" in row["message_zh"]
    assert "110.65" in row["message_en"]


def test_seed001_rate_reproduced_on_yearend(seed_findings: pd.DataFrame) -> None:
    f = seed_findings[seed_findings["township_code"] == "seed001_xx"]
    assert "birth_rate_mismatch" not in set(f["rule"])
    (row,) = f[f["rule"] == "birth_rate_denominator"].to_dict("records")
    assert row["severity"] == "note" and round(row["expected"], 2) == 3.69
    assert "年末总人口" in row["message_zh"]


def test_seed000_parities_consistent(seed_findings: pd.DataFrame) -> None:
    assert not rules_of(seed_findings, "seed000_sima") & {"parity_sum", "sex_sum"}


def test_seed003_single_year_srb_cannot_be_judged(seed_findings: pd.DataFrame) -> None:
    f = seed_findings[(seed_findings["township_code"] == "seed003_laodaohe")]
    assert set(f["rule"]) == {"srb_small_counts"}


def test_demo_planted_slips_are_all_found(demo_dir) -> None:
    from analysis.demo import PLANTED_SLIPS

    f = quality.audit(load_dataset(demo_dir).panel)
    expected_rule = {"birth_rate_permille": "birth_rate_denominator",
                     "sex_ratio_at_birth": "srb_implausible",
                     "births_parity2": "parity_sum", "death_rate_permille": "death_rate_mismatch"}
    for slip in PLANTED_SLIPS:
        code, year, field = slip[0], slip[1], slip[2]
        hit = f[(f["township_code"] == code) & (f["year"] == year)
                & (f["rule"] == expected_rule[field])]
        assert len(hit) == 1, slip


def base_row(**kw) -> dict:
    row = {"township": "甲镇", "township_code": "a", "county": "乙县", "year": 2020,
           "total_population": 20000, "births": 200, "deaths": 150}
    row.update(kw)
    return row


def audit_rows(*rows: dict) -> pd.DataFrame:
    return quality.audit(pd.DataFrame(list(rows)))


@pytest.mark.parametrize(("row", "rule", "severity"), [
    (base_row(births_parity1=100, births_parity2=80, births_parity3plus=30), "parity_sum", "error"),
    (base_row(births_male=110, births_female=80), "sex_sum", "error"),
    (base_row(birth_rate_permille=12.5), "birth_rate_mismatch", "warning"),
    (base_row(birth_rate_permille=10.0), "birth_rate_denominator", "note"),  # 200/20000
    (base_row(policy_compliance_pct=94.44), "policy_compliance_mismatch", "warning"),
    (base_row(policy_compliance_pct=120), "share_over_100", "error"),
    (base_row(contraceptive_rate_pct=101.5), "share_over_100", "error"),
    (base_row(births_parity1=300, births_parity2=0, births_parity3plus=0, births=200),
     "share_over_100", "error"),
    (base_row(births=900), "cbr_high", "error"),  # 45 per mille from the counts
    (base_row(birth_rate_permille=45.0), "cbr_high", "error"),  # as printed
    (base_row(sex_ratio_at_birth=11.23, births_male=106, births_female=94), "srb_implausible", "error"),
    (base_row(sex_ratio_at_birth=120.0, births_male=106, births_female=94), "srb_mismatch", "warning"),
    (base_row(births=2000, births_male=1100, births_female=900, total_population=200000),
     "srb_high", "warning"),
    (base_row(births=2000, births_male=1700, births_female=300, total_population=200000),
     "srb_counts_implausible", "error"),
    (base_row(births_male=106, births_female=94), "srb_small_counts", "note"),
])
def test_rule_fires(row: dict, rule: str, severity: str) -> None:
    f = audit_rows(row)
    hits = f[f["rule"] == rule]
    assert len(hits) == 1, f[["rule", "message_en"]].to_string()
    assert hits.iloc[0]["severity"] == severity
    assert hits.iloc[0]["message_zh"] and hits.iloc[0]["message_en"]


def test_women_15_49_outside_a_plausible_share_of_the_population() -> None:
    """总人口3202390人,其中已婚育龄妇女6561人 (BR05): 6561 / 3202390 = 0.20% (hand-worked), below
    3%: a warning naming both fields, the share in its message. 4120 married women of 23000
    (17.9%) and 5000 women of 20000 (25%) raise nothing; a resident population is the
    denominator when no total is given (2000 women of 2500 residents: 80%)."""
    f = audit_rows(base_row(total_population=3202390, married_women_15_49=6561))
    hits = f[f["rule"] == "women_share"]
    assert set(hits["field"]) == {"married_women_15_49", "total_population"}
    assert set(hits["severity"]) == {"warning"} and round(hits.iloc[0]["value"], 2) == 0.20
    assert "0.2%" in hits.iloc[0]["message_zh"] and "6561" in hits.iloc[0]["message_en"]
    ok = audit_rows(base_row(total_population=23000, married_women_15_49=4120, women_15_49=5000))
    assert "women_share" not in rules_of(ok)
    resident = audit_rows(base_row(total_population=None, permanent_population=2500, women_15_49=2000))
    assert set(resident.loc[resident["rule"] == "women_share", "field"]) == {
        "women_15_49", "permanent_population"}


def test_compliance_reproducible_with_whole_births() -> None:
    # 189 of 200 births = 94.5%: consistent
    assert "policy_compliance_mismatch" not in rules_of(audit_rows(base_row(policy_compliance_pct=94.5)))


def test_balance_jump_and_missing_years() -> None:
    rows = [base_row(year=2018, total_population=20000, births=200, deaths=150,
                     in_migrants=100, out_migrants=100),
            base_row(year=2019, total_population=20500, births=210, deaths=150,
                     in_migrants=100, out_migrants=100),  # expected 20060: residual +440
            base_row(year=2021, total_population=20500, births=420, deaths=150)]
    f = audit_rows(*rows)
    bal = f[f["rule"] == "balance"]
    assert list(bal["year"]) == [2019] and bal.iloc[0]["value"] == 440
    assert list(f.loc[f["rule"] == "missing_years", "message_en"]) == ["Missing years: 2020."]
    rows.append(base_row(year=2020, total_population=20500, births=210, deaths=150))
    jump = audit_rows(*rows)
    assert list(jump.loc[jump["rule"] == "births_jump", "year"]) == [2021]  # 210 -> 420


@settings(max_examples=30, deadline=None)
@given(st.permutations(range(6)))
def test_row_order_does_not_matter(order: list[int]) -> None:
    rows = [base_row(township_code=c, township=c, year=y, births=b, births_male=b // 2 + 3,
                     births_female=b - b // 2 - 3, birth_rate_permille=9.9)
            for (c, y, b) in [("a", 2019, 190), ("a", 2020, 200), ("a", 2021, 400),
                              ("b", 2019, 50), ("b", 2020, 60), ("b", 2022, 70)]]
    shuffled = [rows[i] for i in order]
    pd.testing.assert_frame_equal(audit_rows(*rows), audit_rows(*shuffled))
