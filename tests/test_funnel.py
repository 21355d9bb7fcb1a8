"""Funnel plots: target, limits and over-dispersion as in Spiegelhalter (2005), checked by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from analysis.funnel import LEVELS, funnel, proportion_to_ratio


def test_rate_target_and_limits_by_hand() -> None:
    obs = np.array([30, 50, 100])
    size = np.array([1000, 2000, 4000])
    f = funnel(["a", "b", "c"], obs, size, kind="rate", overdispersion=False)
    assert f.target == pytest.approx(180 / 7000)
    a = f.points.set_index("label").loc["a"]
    assert a["se"] == pytest.approx(math.sqrt(f.target / 1000))
    assert a["z"] == pytest.approx((0.03 - f.target) / a["se"])
    row = f.limits.iloc[0]
    assert row["hi95"] == pytest.approx(f.target + LEVELS["95"] * math.sqrt(f.target / row["size"]))
    assert (f.limits["hi99.8"] >= f.limits["hi95"]).all()
    assert f.limits["hi95"].is_monotonic_decreasing  # the funnel narrows as units grow


def test_overdispersion_widens_limits() -> None:
    rng = np.random.default_rng(1)
    size = rng.integers(500, 5000, 30).astype(float)
    rate = rng.normal(0.03, 0.008, 30).clip(0.001)  # real between-unit spread
    obs = rng.poisson(rate * size)
    plain = funnel(range(30), obs, size, overdispersion=False)
    adj = funnel(range(30), obs, size)
    assert adj.phi > 1 and adj.tau2 > 0
    assert adj.points["outside95"].sum() < plain.points["outside95"].sum()


def test_no_overdispersion_when_poisson() -> None:
    rng = np.random.default_rng(2)
    size = np.full(40, 2000.0)
    obs = rng.poisson(0.03 * size)
    f = funnel(range(40), obs, size)
    assert f.tau2 == 0 or f.tau2 < 1e-5


def test_proportion_and_ratio() -> None:
    f = funnel(["a", "b"], np.array([52, 530]), np.array([100, 1000]), kind="proportion")
    assert f.target == pytest.approx(582 / 1100)
    assert proportion_to_ratio(0.5) == pytest.approx(100)
    assert proportion_to_ratio(0.515) == pytest.approx(100 * 0.515 / 0.485)
    assert ((f.limits[["lo95", "hi95"]] >= 0) & (f.limits[["lo95", "hi95"]] <= 1)).all().all()
