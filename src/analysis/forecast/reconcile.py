"""Coherent county births: the county forecast equals the sum of its townships' forecasts.

Two reconciliations of the base forecasts ŷ = (county, township_1 .. township_m):

- ``bottom_up``: township forecasts unchanged, county = their sum [FPP3 §11.2].
- ``mint_shrink``: minimum-trace reconciliation [Wickramasuriya, Athanasopoulos & Hyndman
  2019]. With the summing matrix S = [1ᵀ; I_m] and W the covariance of the base one-step
  errors, the reconciled township forecasts are

      b̃ = (Sᵀ W⁻¹ S)⁻¹ Sᵀ W⁻¹ ŷ,   county = 1ᵀ b̃,

  with W the shrinkage estimator W = λ D + (1 − λ) Ŵ₁ (Ŵ₁ the sample covariance of the
  one-step backtest errors, D its diagonal, λ by Schäfer & Strimmer 2005), the same W for
  every h. Negative reconciled townships are set to 0 (then re-summed).

The default, :data:`DEFAULT_RECONCILIATION`, is chosen by the rolling-origin backtest in
``benchmarks/forecast_accuracy.py`` (see docs/forecast.md for the numbers).

Intervals: reconciliation moves the means; each series keeps the width of its own calibrated
base interval, re-centred on the reconciled mean (multiplied by reconciled / base mean, or
shifted when the base mean is 0). The county interval therefore comes from the county's own
forecast, which carries the townships' correlated errors that a sum of township intervals
would miss.

References: [FPP3] Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed.,
ch. 11; Wickramasuriya, S. L., Athanasopoulos, G. & Hyndman, R. J. (2019). Optimal forecast
reconciliation for hierarchical and grouped time series through trace minimization. *JASA*
114(526), 804-819; Schäfer, J. & Strimmer, K. (2005). A shrinkage approach to large-scale
covariance matrix estimation. *Statistical Applications in Genetics and Molecular Biology*
4(1), art. 32.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..indicators import aggregate_county, compute
from .births import BirthsResult, forecast_births

RECONCILIATIONS: tuple[str, ...] = ("bottom_up", "mint_shrink")
#: Chosen by the backtest: on the demo county (origins 2013-2023, h = 1..5) MinT-shrink had a
#: lower births MASE than bottom-up for the county (4.66 vs 4.70) and the townships
#: (2.86 vs 2.88); see docs/forecast.md.
DEFAULT_RECONCILIATION = "mint_shrink"


@dataclass
class CountyForecast:
    """Reconciled births of a county and of its townships (means add up exactly)."""

    county: pd.DataFrame
    townships: dict[str, pd.DataFrame]
    reconciliation: str
    base_county: pd.DataFrame = field(repr=False)
    base_townships: dict[str, pd.DataFrame] = field(repr=False)
    #: λ of the shrinkage (MinT only; NaN otherwise) and notes.
    info: dict[str, object] = field(default_factory=dict)


def shrink_covariance(errors: np.ndarray) -> tuple[np.ndarray, float]:
    """Schäfer-Strimmer shrinkage of the (uncentred) covariance of ``errors`` (n x p) to its
    diagonal, as in Wickramasuriya et al. (2019, §2.4); returns (W, λ)."""
    n = errors.shape[0]
    cov = errors.T @ errors / n
    sd = np.sqrt(np.diag(cov))
    sd = np.where(sd > 0, sd, 1.0)
    xs = errors / sd
    corr = cov / np.outer(sd, sd)
    v = (1.0 / (n * (n - 1))) * ((xs ** 2).T @ (xs ** 2) - (xs.T @ xs) ** 2 / n)
    np.fill_diagonal(v, 0.0)
    off = corr.copy()
    np.fill_diagonal(off, 0.0)
    denom = float(np.sum(off ** 2))
    lam = float(min(max(np.sum(v) / denom, 0.0), 1.0)) if denom > 0 else 1.0
    target = np.diag(np.diag(cov))
    return lam * target + (1.0 - lam) * cov, lam


def mint_weights(w: np.ndarray, m: int) -> np.ndarray:
    """G = (Sᵀ W⁻¹ S)⁻¹ Sᵀ W⁻¹ for S = [1ᵀ; I_m] (county first): b̃ = G ŷ."""
    s = np.vstack([np.ones((1, m)), np.eye(m)])
    winv = np.linalg.pinv(w)
    return np.linalg.solve(s.T @ winv @ s, s.T @ winv)


def _one_step_errors(results: Sequence[BirthsResult]) -> np.ndarray:
    """One-step backtest errors of every series on the origin years they all share (n x p)."""
    common = results[0].backtest_years
    for r in results[1:]:
        common = np.intersect1d(common, r.backtest_years)
    cols = []
    for r in results:
        i = np.searchsorted(r.backtest_years, common)
        cols.append(r.backtest_actual[i, 0] - r.backtest_forecast[i, 0] if common.size else
                    np.empty(0))
    e = np.column_stack(cols) if cols else np.empty((0, 0))
    return e[np.all(np.isfinite(e), axis=1)] if e.size else e


def _recentre(base: pd.DataFrame, mean: np.ndarray) -> pd.DataFrame:
    """Base interval re-centred on a reconciled mean (ratio, or shift when the base is 0)."""
    out = base.copy()
    b = base["mean"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(b > 0, mean / b, np.nan)
    for c in base.columns:
        if c == "mean":
            continue
        v = base[c].to_numpy()
        out[c] = np.where(b > 0, v * ratio, v + (mean - b))
    out["mean"] = mean
    out.attrs = dict(base.attrs)
    return out


def forecast_county(panel: pd.DataFrame, horizon: int = 5, levels: Sequence[float] = (80, 95),
                    method: str = "auto", reconciliation: str = DEFAULT_RECONCILIATION,
                    townships: Mapping[str, BirthsResult] | None = None) -> CountyForecast:
    """Reconciled births forecast of a county and its townships.

    ``panel`` holds all townships of one county. ``townships`` may pass births results already
    computed (``TownshipForecast.births``) so a batch does not forecast twice. The county's
    ``mean`` equals ``pd.DataFrame({code: townships[code]["mean"]}).sum(axis=1)`` exactly.
    """
    if reconciliation not in RECONCILIATIONS:
        raise ValueError(f"forecast_county: unknown reconciliation {reconciliation!r}; "
                         f"choose one of {', '.join(RECONCILIATIONS)}")
    if panel["county"].nunique() > 1:
        raise ValueError("forecast_county: the panel holds more than one county")
    codes = sorted(panel["township_code"].unique())
    ind = compute(panel)
    base: dict[str, BirthsResult] = {}
    for code in codes:
        if townships is not None and code in townships:
            base[code] = townships[code]
        else:
            rows = panel[panel["township_code"] == code]
            base[code] = forecast_births(rows, ind[ind["township_code"] == code], horizon,
                                         levels, method)
    cp = aggregate_county(panel)  # township_code is the county's name
    county_base = forecast_births(cp, compute(cp), horizon, levels, method)
    years = county_base.frame.index
    base_means = np.vstack([base[c].frame["mean"].reindex(years).to_numpy() for c in codes])
    info: dict[str, object] = {"lambda": float("nan")}
    rec = base_means
    if reconciliation == "mint_shrink":
        e = _one_step_errors([county_base, *(base[c] for c in codes)])
        if e.shape[0] >= 3:
            w, lam = shrink_covariance(e)
            g = mint_weights(w, len(codes))
            yhat = np.vstack([county_base.frame["mean"].to_numpy()[None, :], base_means])
            rec = np.maximum(g @ yhat, 0.0)
            info.update({"lambda": lam, "error_years": int(e.shape[0])})
        else:
            info["note"] = "fewer than 3 common backtest years: bottom-up used"
    recon = {c: _recentre(base[c].frame.reindex(years), rec[i]) for i, c in enumerate(codes)}
    total = pd.DataFrame({c: recon[c]["mean"] for c in codes}).sum(axis=1).to_numpy()
    county = _recentre(county_base.frame, total)
    county.attrs["reconciliation"] = reconciliation
    return CountyForecast(county, recon, reconciliation, county_base.frame,
                          {c: base[c].frame for c in codes}, info)
