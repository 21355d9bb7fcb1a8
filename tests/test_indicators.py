"""Indicators against values worked out by hand, and properties that must always hold."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import indicators
from analysis.load import load_dataset
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    ind = indicators.compute(load_dataset(SEEDS).panel)
    return ind.set_index("township_code")


def test_sima_2023_by_hand(seeds: pd.DataFrame) -> None:
    """司马镇 2023 (seed 000): 33648 people, 199 births (55+103+41), 198 deaths."""
    r = seeds.loc["seed000_sima"]
    assert r["mean_population_is_yearend"]  # no 2022 figure: year-end denominator, flagged
    assert r["cbr_permille"] == pytest.approx(199 / 33648 * 1000)
    assert round(r["cbr_permille"], 2) == 5.91
    assert round(r["cdr_permille"], 2) == 5.88
    assert r["rni_permille"] == pytest.approx(1 / 33648 * 1000)
    assert r["share_parity1"] + r["share_parity2"] + r["share_parity3plus"] == pytest.approx(1)
    assert r["share_parity2"] == pytest.approx(103 / 199)
    assert r["marital_gfr_permille"] == pytest.approx(199 / 4992 * 1000)


def test_xx_2022_reported_rate_reproduced(seeds: pd.DataFrame) -> None:
    """XX镇 2022 (seed 001): the printed 3.69‰ is 203 / 54991."""
    r = seeds.loc["seed001_xx"]
    assert round(r["cbr_permille"], 2) == 3.69
    assert r["gfr_permille"] == pytest.approx(203 / 11810 * 1000)


def test_laodaohe_srb_with_interval(seeds: pd.DataFrame) -> None:
    """捞刀河镇 2012 (seed 003): 134 boys, 122 girls -> 109.8, Wilson 95% interval by hand."""
    r = seeds.loc["seed003_laodaohe"]
    assert round(r["srb"], 1) == 109.8
    n, x, z = 256, 134, 1.959963984540054
    centre = (x + z * z / 2) / (n + z * z)
    half = z * math.sqrt(x * (n - x) / n + z * z / 4) / (n + z * z)
    lo, hi = centre - half, centre + half
    assert r["srb_lo95"] == pytest.approx(100 * lo / (1 - lo))
    assert r["srb_hi95"] == pytest.approx(100 * hi / (1 - hi))
    assert round(r["srb_lo95"], 1) == 86.0 and round(r["srb_hi95"], 1) == 140.3


def _panel(rows: list[dict]) -> pd.DataFrame:
    base = {"township": "甲镇", "county": "乙县"}
    return pd.DataFrame([{**base, **r} for r in rows])


def test_mean_population_denominator_two_years() -> None:
    """Two years: 2020 year-end 10,000; 2021 year-end 10,200 -> mean 10,100; 2021 CBR 101/10100."""
    p = _panel([
        {"township_code": "a", "year": 2020, "total_population": 10000, "births": 100, "deaths": 50,
         "in_migrants": 0, "out_migrants": 0},
        {"township_code": "a", "year": 2021, "total_population": 10200, "births": 101, "deaths": 60,
         "in_migrants": 300, "out_migrants": 141},
    ])
    ind = indicators.compute(p).set_index("year")
    assert ind.loc[2020, "mean_population_is_yearend"] and ind.loc[2020, "mean_population"] == 10000
    assert not ind.loc[2021, "mean_population_is_yearend"]
    assert ind.loc[2021, "mean_population"] == 10100
    assert ind.loc[2021, "cbr_permille"] == pytest.approx(10.0)
    assert ind.loc[2021, "cdr_permille"] == pytest.approx(60 / 10100 * 1000)
    assert ind.loc[2021, "net_migration_permille"] == pytest.approx(159 / 10100 * 1000)
    # 10000 + 101 - 60 + 300 - 141 = 10200: the balancing equation holds exactly
    assert ind.loc[2021, "balance_residual"] == 0
    assert np.isnan(ind.loc[2020, "balance_residual"])


def test_gap_year_is_not_a_previous_year() -> None:
    p = _panel([
        {"township_code": "a", "year": 2018, "total_population": 9000, "births": 90, "deaths": 40},
        {"township_code": "a", "year": 2020, "total_population": 10000, "births": 100, "deaths": 50},
    ])
    ind = indicators.compute(p).set_index("year")
    assert ind.loc[2020, "mean_population_is_yearend"]


def test_unknown_stays_unknown() -> None:
    p = _panel([{"township_code": "a", "year": 2020, "total_population": 1000, "births": 10,
                 "deaths": 5, "births_male": None, "births_female": 4, "women_15_49": 0}])
    p["births_male"] = pd.array([pd.NA], dtype="Int64")
    ind = indicators.compute(p).iloc[0]
    assert np.isnan(ind["srb"]) and np.isnan(ind["srb_lo95"])
    assert np.isnan(ind["gfr_permille"])  # zero women: no rate, not infinity


def test_pooled_srb_sums_counts(demo_dir) -> None:
    panel = load_dataset(demo_dir).panel
    pooled = indicators.pooled_srb(panel, years=(2020, 2024)).set_index("township_code")
    rows = panel[(panel["township_code"] == "baishi") & panel["year"].between(2020, 2024)]
    m, f = rows["births_male"].sum(), rows["births_female"].sum()
    assert pooled.loc["baishi", "srb"] == pytest.approx(100 * m / f)
    assert pooled.loc["baishi", "years"] == 5


def test_tfr_by_hand() -> None:
    """TFR = 5 * sum of ASFR: 7 groups, each 100 women (constant), births 5,20,30,20,10,4,1."""
    births = [5, 20, 30, 20, 10, 4, 1]
    groups = indicators.schema.MOTHER_AGE_GROUPS
    bba = pd.DataFrame({"township_code": "a", "year": 2020, "mother_age_group": groups,
                        "births": births})
    ages = pd.DataFrame([{"township_code": "a", "year": y, "sex": "female", "age_group": g,
                          "population": 100} for y in (2019, 2020) for g in groups])
    tfr = indicators.tfr(bba, ages).iloc[0]["tfr"]
    assert tfr == pytest.approx(5 * sum(b / 100 for b in births))  # 4.5


def test_age_indicators_by_hand() -> None:
    pop = {"0-4": 100, "10-14": 100, "20-24": 300, "60-64": 100, "65-69": 50, "85+": 50}
    ages = pd.DataFrame([{"township_code": "a", "year": 2020, "sex": "male", "age_group": g,
                          "population": n} for g, n in pop.items()])
    r = indicators.age_indicators(ages).iloc[0]
    assert r["child_dependency"] == pytest.approx(200 / 400 * 100)
    assert r["old_age_dependency"] == pytest.approx(100 / 400 * 100)
    assert r["total_dependency"] == pytest.approx(75)
    assert r["ageing_index"] == pytest.approx(50)
    assert r["share_65plus"] == pytest.approx(100 / 700)


counts = st.integers(min_value=0, max_value=5000)


@st.composite
def panels(draw) -> pd.DataFrame:
    n_towns = draw(st.integers(1, 3))
    rows = []
    for k in range(n_towns):
        for year in range(2015, 2015 + draw(st.integers(1, 4))):
            p1, p2, p3 = draw(counts), draw(counts), draw(counts)
            b = p1 + p2 + p3
            male = draw(st.integers(0, b))
            rows.append({"township": f"t{k}", "township_code": f"t{k}", "county": "c", "year": year,
                         "total_population": draw(st.integers(1, 100000)), "births": b,
                         "births_parity1": p1, "births_parity2": p2, "births_parity3plus": p3,
                         "births_male": male, "births_female": b - male, "deaths": draw(counts),
                         "women_15_49": draw(st.integers(0, 30000))})
    return pd.DataFrame(rows)


@settings(max_examples=60, deadline=None)
@given(panels(), st.randoms(use_true_random=False))
def test_row_order_does_not_matter(panel: pd.DataFrame, rnd) -> None:
    shuffled = panel.sample(frac=1, random_state=rnd.randint(0, 10**6)).reset_index(drop=True)
    pd.testing.assert_frame_equal(indicators.compute(panel), indicators.compute(shuffled))


@settings(max_examples=60, deadline=None)
@given(panels())
def test_shares_sum_to_one_and_interval_contains_estimate(panel: pd.DataFrame) -> None:
    ind = indicators.compute(panel)
    has_births = panel.sort_values(["township_code", "year"])["births"].to_numpy() > 0
    total = ind[["share_parity1", "share_parity2", "share_parity3plus"]].sum(axis=1).to_numpy()
    assert np.allclose(total[has_births], 1.0)
    ok = ind["srb"].notna()
    assert (ind.loc[ok, "srb_lo95"] <= ind.loc[ok, "srb"] + 1e-9).all()
    assert (ind.loc[ok, "srb"] <= ind.loc[ok, "srb_hi95"] + 1e-9).all()
