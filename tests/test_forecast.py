"""analysis.forecast: interval order, years, exact simple methods, auto vs naive, determinism,
short/odd series, the township births route and coherent county totals.

Speed is measured in benchmarks/forecast_accuracy.py, not here.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from analysis.forecast import (
    METHODS,
    forecast,
    forecast_county,
    forecast_township,
)
from analysis.forecast.backtest import mase_scale
from analysis.load import load_dataset

from .conftest import DEMO


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    return load_dataset(DEMO).panel


def yearly(values, start: int = 2008) -> pd.Series:
    return pd.Series(values, index=range(start, start + len(values)), dtype="float64")


def damped(n: int = 17, seed: int = 7) -> pd.Series:
    """A damped downward trend with a little noise (fixed seed)."""
    rng = np.random.default_rng(seed)
    slope, level, out = -40.0, 1000.0, []
    for _ in range(n):
        level += slope
        slope *= 0.9
        out.append(level + rng.normal(0, 3.0))
    return yearly(out)


def births_of(panel: pd.DataFrame, code: str = "baishi") -> pd.Series:
    rows = panel[panel["township_code"] == code].set_index("year")
    return rows["births"]


def assert_ordered(fc: pd.DataFrame) -> None:
    cols = ["lo95", "lo80", "mean", "hi80", "hi95"]
    v = fc[cols].to_numpy()
    assert np.all(np.isfinite(v)), fc
    assert np.all(np.diff(v, axis=1) >= 0), fc


# --------------------------------------------------------------------------- forecast()

@pytest.mark.parametrize("method", METHODS)
def test_interval_order_every_method(panel, method):
    for y in (births_of(panel), damped(), yearly([5, 0, 3, 0, 0, 2, 1, 4, 0, 1, 2, 0])):
        fc = forecast(y, 5, method=method)
        assert list(fc.columns) == ["mean", "lo80", "hi80", "lo95", "hi95"]
        assert_ordered(fc)
        assert fc.attrs["requested_method"] == method
        assert fc.attrs["method"] in METHODS


def test_forecast_years_follow_the_index():
    y = yearly(range(10, 22), start=2001)  # 2001-2012
    assert list(forecast(y, 3, method="naive").index) == [2013, 2014, 2015]
    assert forecast(y, 3).index.name == "year"
    # a trailing unknown year stays in the index: forecasts start after it
    y2 = pd.Series([10, 11, 12, 13, None], index=[2020, 2021, 2022, 2023, 2024], dtype="Int64")
    fc = forecast(y2, 2, method="drift")
    assert list(fc.index) == [2025, 2026]
    # drift of a positive series runs on the log scale: 13 * (13/10)^(h/3), h = 2, 3
    assert fc["mean"].tolist() == pytest.approx([13 * 1.3 ** (2 / 3), 13 * 1.3], rel=1e-12)
    # unsorted index and missing years
    y3 = pd.Series([3.0, 1.0, 2.0, 5.0], index=[2012, 2010, 2011, 2015])
    assert list(forecast(y3, 2, method="naive").index) == [2016, 2017]


def test_naive_and_drift_exact():
    y = yearly([100.0, 104.0, 103.0, 110.0, 118.0])
    naive = forecast(y, 4, method="naive")
    assert naive["mean"].tolist() == pytest.approx([118.0] * 4, rel=1e-15)
    # positive series: log scale, so drift is a constant growth rate (y_T / y_1)^(1 / (T - 1))
    drift = forecast(y, 4, method="drift")
    growth = (118.0 / 100.0) ** (1 / 4)
    assert drift["mean"].tolist() == pytest.approx([118.0 * growth ** h for h in range(1, 5)],
                                                   rel=1e-12)
    assert naive.attrs["method"] == "naive" and drift.attrs["method"] == "drift"
    assert drift.attrs["scale"] == "log"
    # with a zero the series stays on its own scale: the straight line of FPP3 section 5.2
    z = yearly([0.0, 4.0, 3.0, 10.0, 18.0])
    assert forecast(z, 3, method="naive")["mean"].tolist() == [18.0] * 3
    assert forecast(z, 3, method="drift")["mean"].tolist() == pytest.approx(
        [18.0 + h * 18.0 / 4 for h in range(1, 4)], rel=1e-12)


def test_levels_name_the_columns():
    fc = forecast(damped(), 2, levels=(90, 50), method="theta")
    assert list(fc.columns) == ["mean", "lo50", "hi50", "lo90", "hi90"]
    assert np.all(fc["lo90"] <= fc["lo50"]) and np.all(fc["hi50"] <= fc["hi90"])


def test_auto_beats_naive_on_a_damped_trend():
    y = damped(20)
    auto, naive = [], []
    for n in range(12, 19):  # rolling origins, h = 1..2
        train, test = y.iloc[:n], y.iloc[n:n + 2]
        scale = mase_scale(train.to_numpy(), np.ones(n, dtype=bool))
        a = forecast(train, 2)["mean"].to_numpy()[: len(test)]
        b = forecast(train, 2, method="naive")["mean"].to_numpy()[: len(test)]
        auto.append(np.abs(test.to_numpy() - a) / scale)
        naive.append(np.abs(test.to_numpy() - b) / scale)
    assert np.mean(np.concatenate(auto)) < 0.8 * np.mean(np.concatenate(naive))


def test_same_input_same_output(panel):
    y = births_of(panel, "hekou")
    a, b = forecast(y, 5), forecast(y.copy(), 5)
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    assert a.attrs == b.attrs
    t1 = forecast_township(panel, "taohua")
    t2 = forecast_township(panel, "taohua")
    for name in t1.forecasts:
        pd.testing.assert_frame_equal(t1[name], t2[name], check_exact=True)
    pd.testing.assert_frame_equal(t1.accuracy, t2.accuracy, check_exact=True)


def test_short_series_are_naive_without_intervals():
    fc = forecast(yearly([12.0, 15.0, 14.0]), 3)
    assert fc["mean"].tolist() == [14.0] * 3
    assert fc[["lo80", "hi80", "lo95", "hi95"]].isna().all().all()
    assert fc.attrs["method"] == "naive" and "fewer than 4" in fc.attrs["note"]
    four = forecast(yearly([12.0, 15.0, 14.0, 16.0]), 3)  # no backtest yet: prior calibration
    assert_ordered(four)
    assert four.attrs["method"] == "combination" and "too short" in four.attrs["note"]


def test_constant_zero_and_gappy_series():
    const = forecast(yearly([7.0] * 10), 3)
    assert const["mean"].tolist() == [7.0] * 3
    assert (const["lo95"] == 7.0).all() and (const["hi95"] == 7.0).all()
    zeros = forecast(yearly([0, 2, 0, 1, 0, 0, 3, 1, 0, 2, 0, 1]), 4)
    assert zeros.attrs["scale"] == "linear"
    assert (zeros.to_numpy() >= 0).all()
    gappy = yearly([50, 52, None, 55, 57, None, None, 63, 65, 66, 70, 71, 74])
    fc = forecast(gappy, 3)
    assert_ordered(fc)
    assert fc.attrs["n_observed"] == 10


def test_bad_input_raises_value_error():
    with pytest.raises(ValueError, match="no observed value"):
        forecast(yearly([None, None]), 2)
    with pytest.raises(ValueError, match="integer years"):
        forecast(pd.Series([1.0, 2.0], index=["a", "b"]), 2)
    with pytest.raises(ValueError, match="more than once"):
        forecast(pd.Series([1.0, 2.0], index=[2010, 2010]), 2)
    with pytest.raises(ValueError, match="unknown method"):
        forecast(damped(), 2, method="prophet")
    with pytest.raises(ValueError, match="horizon"):
        forecast(damped(), 0)
    with pytest.raises(ValueError, match="levels"):
        forecast(damped(), 2, levels=(80, 120))


def test_statsmodels_warnings_do_not_leak():
    y = yearly([1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 1.0, 1.0, 1.0])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fc = forecast(y, 3, method="ets")
    assert caught == []
    assert isinstance(fc.attrs["warnings"], list)


# --------------------------------------------------------------------------- townships, county

def test_forecast_township_returns_every_series(panel):
    tf = forecast_township(panel, "baishi", horizon=4)
    assert list(tf) == ["births", "total_population", "deaths", "gfr_permille", "women_15_49"]
    for name in tf:
        assert list(tf[name].index) == [2025, 2026, 2027, 2028]
        assert_ordered(tf[name])
    births = tf["births"]
    assert births.attrs["route"] == "gfr_x_women"
    expected = tf["gfr_permille"]["mean"] * tf["women_15_49"]["mean"] / 1000
    np.testing.assert_allclose(births["mean"], expected, rtol=1e-12)
    # Poisson bounds from simulation are whole numbers of births
    assert np.all(births[["lo80", "hi80", "lo95", "hi95"]] % 1 == 0)
    acc = tf.accuracy
    assert list(acc.index) == ["births", "total_population", "deaths", "gfr_permille",
                               "women_15_49"]
    assert {"method", "mase", "mase_naive", "origins"} <= set(acc.columns)
    assert acc.loc["births", "method"] == "gfr_x_women"
    assert (acc["mase"] > 0).all() and (acc["mase_naive"] > 0).all()


def test_births_fall_back_to_the_count_without_women(panel):
    p = panel.copy()
    p["women_15_49"] = pd.array([pd.NA] * len(p), dtype="Int64")
    tf = forecast_township(p, "hekou", horizon=3)
    assert tf["births"].attrs["route"] == "births_series"
    assert_ordered(tf["births"])
    assert "women_15_49" not in tf.forecasts


def test_small_counts_get_poisson_noise(panel):
    """Constant GFR (5 per mille) and women (1000): the births interval is Poisson(5) alone."""
    p = panel[panel["township_code"] == "baishi"].copy()
    p["births"] = pd.array([5] * len(p), dtype="Int64")
    p["women_15_49"] = pd.array([1000] * len(p), dtype="Int64")
    births = forecast_township(p, "baishi", horizon=3)["births"]
    assert births.attrs["route"] == "gfr_x_women"
    assert births["mean"].tolist() == pytest.approx([5.0] * 3)
    # Poisson(5) quantiles: 10% -> 2, 90% -> 8, 2.5% -> 1, 97.5% -> 10
    assert births["lo80"].tolist() == [2.0] * 3 and births["hi80"].tolist() == [8.0] * 3
    assert births["lo95"].tolist() == [1.0] * 3 and births["hi95"].tolist() == [10.0] * 3


def test_unknown_township(panel):
    with pytest.raises(ValueError, match="not in the panel"):
        forecast_township(panel, "atlantis")


@pytest.mark.parametrize("reconciliation", ["bottom_up", "mint_shrink"])
def test_county_equals_sum_of_townships(panel, reconciliation):
    cf = forecast_county(panel, horizon=3, reconciliation=reconciliation)
    assert len(cf.townships) == 12
    total = pd.DataFrame({c: f["mean"] for c, f in cf.townships.items()}).sum(axis=1)
    assert np.array_equal(cf.county["mean"].to_numpy(), total.to_numpy())
    assert_ordered(cf.county)
    for f in cf.townships.values():
        assert_ordered(f)
    if reconciliation == "bottom_up":
        for c, f in cf.townships.items():
            pd.testing.assert_series_equal(f["mean"], cf.base_townships[c]["mean"])
    with pytest.raises(ValueError, match="unknown reconciliation"):
        forecast_county(panel, reconciliation="top_down")
