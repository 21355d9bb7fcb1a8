"""Births the demographic way: general fertility rate x women 15-49, plus Poisson noise.

    B_{T+h} = GFR_{T+h} · W_{T+h} / 1000

The rate (GFR, per mille, from :func:`analysis.indicators.compute`) and the exposure (women
aged 15-49) are forecast separately with :func:`analysis.forecast.core.run`; the point
forecast of births is the product of their point forecasts. Births are a count, so even a
perfectly known rate gives Poisson noise, B ~ Poisson(λ), λ = GFR · W / 1000, which matters
for small townships [Preston, Heuveline & Guillot 2001, *Demography*, §5.2 (GFR);
Brillinger, D. R. (1986). The natural variability of vital rates and associated statistics.
*Biometrics* 42(4), 693-734 (Poisson variability of vital counts)].

Interval by simulation (seeded, so byte-identical on every run): for d = 1..D draws,

    log GFR_d = log ĜFR + σ_G,signal · t_ν,   log W_d = log Ŵ + σ_W · t_ν',
    B_d ~ Poisson(GFR_d · W_d / 1000),

and the interval is the empirical quantiles of B_d (whole numbers). The backtest errors that
calibrate σ_G already contain the Poisson noise of the *past* births, so that part, the mean
of 1/B_t over the backtest years (the variance of log B from Poisson noise), is taken out of
σ_G² before the future Poisson noise is drawn, keeping at least half of σ_G²:
σ_G,signal² = max(σ_G² − mean(1/B_t), σ_G² / 2). On the linear scale (a GFR series with zeros)
the Poisson part is mean(GFR_t · 1000 / W_t) instead. Rate and exposure errors are taken as
independent.

When women 15-49 (or the GFR) has fewer than 4 observed years the births count itself is
forecast instead (its backtest errors already contain the Poisson noise); ``attrs["route"]``
says which route was taken.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .backtest import mase_scale
from .core import MIN_POINTS, Result, level_name, run

#: Fixed seed of the births simulation (numpy default_rng); never derived from hash().
SEED = 20240101
#: Number of simulated draws per forecast year.
DRAWS = 20_000
#: Share of σ_G² always kept as signal (see the module docstring).
SIGNAL_FLOOR = 0.5


@dataclass
class BirthsResult:
    """The births forecast, its route, its components and its backtest (original scale)."""

    frame: pd.DataFrame
    route: str  # "gfr_x_women" or "births_series"
    gfr: Result | None
    women: Result | None
    direct: Result | None
    #: One-step ... H-step backtest forecasts of births (origins x horizon) and outcomes.
    backtest_years: np.ndarray
    backtest_forecast: np.ndarray
    backtest_actual: np.ndarray
    backtest_scale: np.ndarray
    backtest_naive: np.ndarray

    def mase(self, naive: bool = False) -> float:
        """Backtest MASE over h = 1..H (mean of per-horizon MASEs) of the route or of naive."""
        fc = self.backtest_naive if naive else self.backtest_forecast
        if fc.size == 0:
            return float("nan")
        with np.errstate(divide="ignore", invalid="ignore"):
            q = np.abs(self.backtest_actual - fc) / self.backtest_scale[:, None]
        q = np.where(np.isfinite(q), q, np.nan)
        per_h = [np.mean(c[~np.isnan(c)]) for c in q.T if (~np.isnan(c)).any()]
        return float(np.mean(per_h)) if per_h else float("nan")


def _series(frame: pd.DataFrame, column: str, years: np.ndarray) -> pd.Series:
    s = pd.to_numeric(frame.set_index("year")[column], errors="coerce").astype("float64")
    s.index = s.index.astype("int64")
    return s.reindex(years)


def _poisson_part(r: Result, births: pd.Series, women: pd.Series) -> float:
    """Variance of the past GFR's Poisson noise on its working scale (backtest years)."""
    bt = r.backtest
    if bt is None:
        years = np.asarray(births.dropna().index[-10:], dtype="int64")
    else:
        years = np.unique(bt.origin_years[:, None] + np.arange(1, bt.actual.shape[1] + 1))
    b = births.reindex(years).to_numpy(dtype="float64")
    w = women.reindex(years).to_numpy(dtype="float64")
    ok = np.isfinite(b) & np.isfinite(w) & (w > 0)
    if r.prep.log:
        ok &= b > 0
        return float(np.mean(1.0 / b[ok])) if ok.any() else 0.0
    return float(np.mean(b[ok] / w[ok] * 1000.0 / w[ok] * 1000.0)) if ok.any() else 0.0


def _simulate(g: Result, w: Result, poisson_var: float, levels: Sequence[float]
              ) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(SEED)
    h = g.work_mean.size
    var_g = g.work_sd ** 2
    sd_g = np.sqrt(np.maximum(var_g - poisson_var, SIGNAL_FLOOR * var_g))
    zg = rng.standard_t(g.df, size=(DRAWS, h)) if np.isfinite(g.df) else \
        rng.standard_normal((DRAWS, h))
    zw = rng.standard_t(w.df, size=(DRAWS, h)) if np.isfinite(w.df) else \
        rng.standard_normal((DRAWS, h))
    gfr = g.prep.to_original(g.work_mean + sd_g * zg)
    women = w.prep.to_original(w.work_mean + w.work_sd * zw)
    with np.errstate(over="ignore", invalid="ignore"):
        lam = np.clip(gfr * women / 1000.0, 0.0, 1e15)  # 1e15: rng.poisson's safe range
    draws = rng.poisson(lam).astype("float64")
    out: dict[str, np.ndarray] = {}
    for lv in levels:
        a = (1.0 - lv / 100.0) / 2.0
        out[f"lo{level_name(lv)}"] = np.quantile(draws, a, axis=0, method="inverted_cdf")
        out[f"hi{level_name(lv)}"] = np.quantile(draws, 1.0 - a, axis=0, method="inverted_cdf")
    return out


def _route_backtest(g: Result, w: Result, births: pd.Series
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Births backtest of the GFR x women route on the origins both backtests share."""
    empty = np.empty((0, 0))
    if g.backtest is None or w.backtest is None or g.backtest_key is None or \
            w.backtest_key is None:
        return np.empty(0, dtype="int64"), empty, empty, np.empty(0), empty
    gb, wb = g.backtest, w.backtest
    common = np.intersect1d(gb.origin_years, wb.origin_years)
    gi = np.searchsorted(gb.origin_years, common)
    wi = np.searchsorted(wb.origin_years, common)
    fc = (g.prep.to_original(gb.forecasts[g.backtest_key][gi])
          * w.prep.to_original(wb.forecasts[w.backtest_key][wi]) / 1000.0)
    hz = fc.shape[1]
    actual = np.array([births.reindex(range(o + 1, o + hz + 1)).to_numpy(dtype="float64")
                       for o in common]).reshape(len(common), hz)
    scale, naive = np.empty(len(common)), np.empty((len(common), hz))
    for k, o in enumerate(common):
        past = births.loc[:o]
        ok = past.notna().to_numpy()
        vals = past.interpolate(limit_area="inside").to_numpy(dtype="float64")
        scale[k] = mase_scale(vals[ok.argmax():], ok[ok.argmax():])
        naive[k] = past.dropna().iloc[-1] if ok.any() else np.nan
    return common, fc, actual, scale, naive


def forecast_births(unit: pd.DataFrame, indicators: pd.DataFrame, horizon: int = 5,
                    levels: Sequence[float] = (80, 95), method: str = "auto") -> BirthsResult:
    """Births of one unit (a township, or a county's summed panel) by GFR x women + Poisson.

    ``unit`` holds the panel rows (``year``, ``births``, ``women_15_49``) and ``indicators``
    the matching rows of :func:`analysis.indicators.compute` (``year``, ``gfr_permille``).
    Falls back to forecasting the births count (see the module docstring).
    """
    years = np.arange(int(unit["year"].min()), int(unit["year"].max()) + 1, dtype="int64")
    births = _series(unit, "births", years)
    women = _series(unit, "women_15_49", years)
    gfr = _series(indicators, "gfr_permille", years)
    lv = sorted(float(v) for v in levels)
    if gfr.notna().sum() >= MIN_POINTS and women.notna().sum() >= MIN_POINTS:
        g = run(gfr, horizon, lv, method)
        w = run(women, horizon, lv, method)
        mean = g.frame["mean"].to_numpy() * w.frame["mean"].to_numpy() / 1000.0
        cols: dict[str, np.ndarray] = {"mean": mean}
        if np.all(np.isfinite(g.work_sd)) and np.all(np.isfinite(w.work_sd)):
            bounds = _simulate(g, w, _poisson_part(g, births, women), lv)
        else:
            bounds = {f"{s}{level_name(v)}": np.full(horizon, np.nan) for v in lv
                      for s in ("lo", "hi")}
        for v in lv:
            lo, hi = bounds[f"lo{level_name(v)}"], bounds[f"hi{level_name(v)}"]
            cols[f"lo{level_name(v)}"] = np.where(np.isnan(lo), lo, np.minimum(lo, mean))
            cols[f"hi{level_name(v)}"] = np.where(np.isnan(hi), hi, np.maximum(hi, mean))
        frame = pd.DataFrame(cols, index=g.frame.index).astype("float64")
        frame.attrs = {
            "method": "gfr_x_women", "requested_method": method, "route": "gfr_x_women",
            "components": {"gfr_permille": g.method, "women_15_49": w.method},
            "simulation": {"seed": SEED, "draws": DRAWS, "signal_floor": SIGNAL_FLOOR},
            "warnings": sorted(set(g.frame.attrs["warnings"]) | set(w.frame.attrs["warnings"])),
        }
        bt = _route_backtest(g, w, births)
        return BirthsResult(frame, "gfr_x_women", g, w, None, *bt)
    d = run(births, horizon, lv, method)
    d.frame.attrs["route"] = "births_series"
    d.frame.attrs["route_note"] = ("women_15_49 or the GFR has fewer than "
                                   f"{MIN_POINTS} observed years: the births count is forecast")
    bt = d.backtest
    if bt is None or d.backtest_key is None:
        e = np.empty((0, 0))
        return BirthsResult(d.frame, "births_series", None, None, d, np.empty(0, "int64"), e, e,
                            np.empty(0), e)
    naive = np.repeat(d.prep.values[np.searchsorted(d.prep.years, bt.origin_years)][:, None],
                      bt.actual.shape[1], axis=1)
    return BirthsResult(d.frame, "births_series", None, None, d, bt.origin_years,
                        d.prep.to_original(bt.forecasts[d.backtest_key]), bt.actual, bt.scale,
                        naive)
