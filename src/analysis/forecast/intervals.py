"""Prediction intervals calibrated on the series' own backtest errors.

Model-based intervals assume the model is right and its parameters known; on short yearly
series neither holds, and plain damped-ETS intervals measurably under-cover (MEASURED.md,
section Forecasting). Two corrections, both estimated from the rolling-origin backtest of the
method actually used (errors e_{t,h} on the working scale, the model's own σ_{t,h} at origin t):

1. Scale the model:  r_{t,h} = e_{t,h} / σ_{t,h},
   c² = (N · mean(r²) + N₀ c₀²) / (N + N₀).
2. Trend uncertainty: an error δ in the slope grows like h · δ, faster than most models' σ_h,
   so errors are also summarised on a linear-in-h profile:
   s² = (Σ (e_{t,h} / h)² + N₀ (c₀ σ_1)²) / (M + N₀)   (M scored errors).

The standard deviation used is σ*_h = max(c · σ_h, s · h), with σ_h the model fitted to the
whole series, and the interval is ŷ ± t_{ν, (1+L)/2} σ*_h on the working scale (the log scale
for positive series, so intervals are asymmetric and positive on the original scale), a
Student-t quantile with ν = N + N₀ − 1 for the uncertainty of the calibration. N is the number
of backtest origins; N₀ = 4 and c₀ = 1.3 are a weak prior, so a series with few origins is not
calibrated on noise; without a backtest (short series) only the prior acts (c = c₀,
s = c₀ σ_1, ν = N₀ − 1).

The design (linear profile, max, N₀, c₀) was chosen on the development half of the benchmark
(the synthetic demo panel and half of the World Bank fertility series), never on the held-out
series; the evidence is in docs/forecast.md.

References: [FPP3] Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed.,
§5.5 (prediction intervals), §5.10 (time-series cross-validation); Williams, W. H. & Goodman,
M. L. (1971). A simple method for the construction of empirical confidence limits for economic
forecasts. *JASA* 66(336), 752-754 (intervals from past forecast errors).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

from .backtest import Backtest

#: Prior calibration factor c₀ and its weight N₀ (in origins); see the module docstring.
PRIOR_FACTOR = 1.3
PRIOR_WEIGHT = 4.0


@dataclass(frozen=True)
class Calibration:
    """The calibration applied: model factor c, slope-error scale s, t degrees of freedom."""

    factor: float
    slope_scale: float
    n_origins: int
    df: float

    def as_dict(self) -> dict[str, float]:
        return {"factor": self.factor, "slope_scale": self.slope_scale,
                "n_origins": float(self.n_origins), "df": self.df}

    def sd(self, model_sd: np.ndarray) -> np.ndarray:
        """σ*_h = max(c σ_h, s h)."""
        steps = np.arange(1, model_sd.size + 1, dtype="float64")
        return np.maximum(self.factor * model_sd, self.slope_scale * steps)


def calibrate(bt: Backtest | None, key: str, model_sd: np.ndarray) -> Calibration:
    """Calibration of method ``key`` from its backtest (the prior only if there is none).

    ``model_sd`` is σ_h of the model fitted to the whole series (its σ_1 sets the prior of s).
    """
    c0, n0 = PRIOR_FACTOR, PRIOR_WEIGHT
    n, sum_r2, sum_s2, m = 0, 0.0, 0.0, 0
    if bt is not None and bt.n_origins:
        e = bt.actual_work - bt.forecasts[key]
        steps = np.arange(1, e.shape[1] + 1, dtype="float64")
        sds = bt.sds[key]
        tiny = sds <= 1e-8 * np.maximum(1.0, np.abs(bt.forecasts[key]))  # numerically zero
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.where(tiny, np.nan, e / sds)
        r = r[np.isfinite(r)]
        es = (e / steps)[np.isfinite(e)]
        if r.size:
            n, sum_r2 = bt.n_origins, float(np.mean(r * r)) * bt.n_origins
        if es.size:
            sum_s2, m = float(np.sum(es * es)), int(es.size)
    c2 = (sum_r2 + n0 * c0 ** 2) / (n + n0)
    s2 = (sum_s2 + n0 * (c0 * float(model_sd[0])) ** 2) / (m + n0)
    return Calibration(float(np.sqrt(c2)), float(np.sqrt(s2)), n, n + n0 - 1.0)


def quantile(level: float, df: float) -> float:
    """Two-sided multiplier of a ``level``% interval: Student-t with ``df`` degrees of freedom."""
    return float(stats.t.ppf(0.5 + level / 200.0, df))


def bounds(mean: np.ndarray, sd: np.ndarray, levels: Sequence[float], df: float
           ) -> dict[float, tuple[np.ndarray, np.ndarray]]:
    """Working-scale (lower, upper) per level: mean ∓ t quantile · sd."""
    return {lv: (mean - quantile(lv, df) * sd, mean + quantile(lv, df) * sd) for lv in levels}
