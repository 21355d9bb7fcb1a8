"""Rolling-origin backtests (time-series cross-validation) and the MASE.

At each origin the methods see only the years before it, forecast h = 1..H years ahead, and
are scored on the observed values that follow [FPP3 §5.10 "time series cross-validation"].
Accuracy is the mean absolute scaled error [Hyndman & Koehler 2006]:

    MASE = mean |y_{t+h} − ŷ_{t+h|t}| / Q_t,   Q_t = mean_{s<=t} |y_s − y_{s−1}|,

the in-sample mean absolute one-step naive error of the training data at origin t (pairs of
consecutive observed years only). MASE < 1 beats the in-sample one-step naive forecast;
comparing a method's MASE with the naive method's MASE on the same origins says whether it beats
naive out of sample.

References: [FPP3] Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed.,
§5.8-5.10; Hyndman, R. J. & Koehler, A. B. (2006). Another look at measures of forecast
accuracy. *International Journal of Forecasting* 22(4), 679-688.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .base import BaseForecast
from .series import Prepared

Method = Callable[[np.ndarray, int], BaseForecast]


def mase_scale(values: np.ndarray, observed: np.ndarray) -> float:
    """Q = mean |y_t − y_{t−1}| over consecutive observed pairs (all pairs if none); NaN if < 2."""
    d = np.abs(np.diff(values))
    pairs = observed[1:] & observed[:-1]
    if pairs.any():
        return float(np.mean(d[pairs]))
    return float(np.mean(d)) if d.size else float("nan")


@dataclass
class Backtest:
    """Forecasts of several methods from several origins, with the outcomes that followed.

    Arrays are (origins, horizon); ``actual`` is NaN where the outcome is unknown (a gap or past
    the end of the series).
    """

    origin_years: np.ndarray  # last training year of each origin
    forecasts: dict[str, np.ndarray]  # working scale
    sds: dict[str, np.ndarray]  # model σ_h, working scale
    actual_work: np.ndarray
    actual: np.ndarray  # original scale
    scale: np.ndarray  # MASE scale Q_t per origin
    warnings: list[str] = field(default_factory=list)

    @property
    def n_origins(self) -> int:
        return int(self.origin_years.size)

    def add_combination(self, name: str, parts: Sequence[str]) -> None:
        """Equal-weight combination of ``parts`` (mean of forecasts and of model σ_h)."""
        self.forecasts[name] = np.mean([self.forecasts[p] for p in parts], axis=0)
        self.sds[name] = np.mean([self.sds[p] for p in parts], axis=0)

    def abs_scaled_errors(self, name: str, to_original: Callable[[np.ndarray], np.ndarray]
                          ) -> np.ndarray:
        """|y − ŷ| / Q_t on the original scale, (origins, horizon), NaN where unscored."""
        with np.errstate(divide="ignore", invalid="ignore"):
            q = np.abs(self.actual - to_original(self.forecasts[name])) / self.scale[:, None]
        return np.where(np.isfinite(q), q, np.nan)

    def mase_by_horizon(self, name: str, to_original: Callable[[np.ndarray], np.ndarray]
                        ) -> np.ndarray:
        """MASE for each h (NaN where no outcome is known)."""
        q = self.abs_scaled_errors(name, to_original)
        ok = ~np.isnan(q)
        sums = np.where(ok, q, 0.0).sum(axis=0)
        counts = ok.sum(axis=0)
        return np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)

    def mase(self, name: str, to_original: Callable[[np.ndarray], np.ndarray]) -> float:
        """MASE over h = 1..H: the mean of the per-horizon MASEs (each h counts equally)."""
        m = self.mase_by_horizon(name, to_original)
        return float(np.nanmean(m)) if np.isfinite(m).any() else float("nan")


def origins(prep: Prepared, min_train: int, max_origins: int) -> list[int]:
    """Training lengths n of the usable origins: the last training year is observed, at least
    ``min_train`` years precede it, the training years are not all equal (nothing to learn
    from) and one later value is observed; at most the last ``max_origins`` of them."""
    n_total = prep.work.size
    later_obs = np.cumsum(prep.observed[::-1])[::-1]  # observed values from position i on
    usable = [n for n in range(min_train, n_total)
              if prep.observed[n - 1] and later_obs[n] > 0 and np.ptp(prep.work[:n]) > 0]
    return usable[-max_origins:]


def rolling_origin(prep: Prepared, horizon: int, methods: dict[str, Method],
                   min_train: int, max_origins: int,
                   start_params: dict[str, dict[str, object]] | None = None) -> Backtest:
    """Run each method from each origin of :func:`origins` and collect forecasts and outcomes.

    ``start_params`` passes extra keyword arguments to a method (ETS optimiser seeds).
    """
    ns = origins(prep, min_train, max_origins)
    n_total = prep.work.size
    shape = (len(ns), horizon)
    actual_work = np.full(shape, np.nan)
    actual = np.full(shape, np.nan)
    scale = np.full(len(ns), np.nan)
    fc = {m: np.full(shape, np.nan) for m in methods}
    sd = {m: np.full(shape, np.nan) for m in methods}
    caught: set[str] = set()
    for i, n in enumerate(ns):
        k = min(horizon, n_total - n)
        obs = prep.observed[n:n + k]
        actual_work[i, :k] = np.where(obs, prep.work[n:n + k], np.nan)
        actual[i, :k] = np.where(obs, prep.values[n:n + k], np.nan)
        scale[i] = mase_scale(prep.values[:n], prep.observed[:n])
        for name, method in methods.items():
            extra = (start_params or {}).get(name, {})
            out = method(prep.work[:n], horizon, **extra)
            fc[name][i] = out.mean
            sd[name][i] = out.sd
            caught.update(out.warnings)
    years = np.array([int(prep.years[n - 1]) for n in ns], dtype="int64")
    return Backtest(years, fc, sd, actual_work, actual, scale, sorted(caught))
