"""``forecast()``: one yearly series, one method (or ``auto``), calibrated intervals.

See ``docs/forecast.md`` for the full description; formulas and citations are in the
docstrings of :mod:`~analysis.forecast.methods`, :mod:`~analysis.forecast.backtest` and
:mod:`~analysis.forecast.intervals`.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from . import intervals
from .backtest import Backtest, origins, rolling_origin
from .base import BaseForecast
from .methods import BASE_METHODS
from .series import Prepared, prepare

#: Every ``method`` accepted by :func:`forecast`.
METHODS: tuple[str, ...] = ("auto", "naive", "drift", "ets", "arima", "theta", "combination")
#: The members of the equal-weight combination [Makridakis et al. 2020, M4].
COMBINATION: tuple[str, ...] = ("ets", "arima", "theta")
#: Fewer observed values than this: naive point forecast, no intervals (see docs).
MIN_POINTS = 4
#: Backtest design of ``auto`` and of the interval calibration.
MIN_TRAIN = 6
MIN_ORIGINS = 3
MAX_ORIGINS = 10


@dataclass
class Result:
    """Everything :func:`run` computed; :func:`forecast` returns only ``frame``."""

    frame: pd.DataFrame
    prep: Prepared
    method: str
    work_mean: np.ndarray  # working scale, the requested forecast years
    work_sd: np.ndarray  # calibrated σ*_h, working scale (NaN: no interval)
    df: float
    backtest: Backtest | None
    #: Key of the chosen method in ``backtest.forecasts`` (None: no backtest).
    backtest_key: str | None


def _check_args(horizon: int, levels: Sequence[float], method: str) -> tuple[float, ...]:
    if isinstance(horizon, bool) or not isinstance(horizon, (int, np.integer)) or horizon < 1:
        raise ValueError(f"forecast: horizon must be a whole number >= 1, not {horizon!r}")
    if method not in METHODS:
        raise ValueError(f"forecast: unknown method {method!r}; choose one of {', '.join(METHODS)}")
    lv = tuple(float(v) for v in levels)
    if not lv or any(not 0 < v < 100 for v in lv) or len(set(lv)) != len(lv):
        raise ValueError(f"forecast: levels must be distinct percentages in (0, 100), not {levels!r}")
    return tuple(sorted(lv))


def level_name(level: float) -> str:
    """Column suffix of a level: 80 -> '80', 97.5 -> '97.5'."""
    return f"{level:g}"


def _frame(prep: Prepared, years: np.ndarray, mean: np.ndarray, sd: np.ndarray, df: float,
           levels: Sequence[float]) -> pd.DataFrame:
    cols: dict[str, np.ndarray] = {"mean": prep.to_original(mean)}
    bnds = intervals.bounds(mean, sd, levels, df)
    for lv in sorted(levels):
        lo, hi = bnds[lv]
        cols[f"lo{level_name(lv)}"] = prep.to_original(lo)
        cols[f"hi{level_name(lv)}"] = prep.to_original(hi)
    ordered = ["mean"] + [f"{s}{level_name(lv)}" for lv in sorted(levels) for s in ("lo", "hi")]
    frame = pd.DataFrame({c: cols[c] for c in ordered},
                         index=pd.Index(years.astype("int64"), name="year"))
    return frame.astype("float64")


def _fit(names: Sequence[str], work: np.ndarray, steps: int) -> dict[str, BaseForecast]:
    return {m: BASE_METHODS[m](work, steps) for m in names}


def _select(scores: dict[str, float]) -> str:
    """``auto``: the candidate with the lowest backtest MASE over h = 1..H.

    Candidates: the five base methods and their ETS/ARIMA/Theta combination. Ties (within
    1e-12) go to the earlier candidate in :data:`METHODS` order; no finite score -> the
    combination.
    """
    finite = [m for m in scores if np.isfinite(scores[m])]
    return min(finite, key=lambda m: (round(scores[m], 12), METHODS.index(m)),
               default="combination")


def run(y: pd.Series, horizon: int = 5, levels: Sequence[float] = (80, 95),
        method: str = "auto") -> Result:
    """Forecast with all internals kept (used by the township and county forecasts)."""
    lv = _check_args(horizon, levels, method)
    prep = prepare(y)
    lead = prep.index_end - int(prep.years[-1])  # trailing unknown years inside the index
    years = np.arange(prep.index_end + 1, prep.index_end + horizon + 1, dtype="int64")
    attrs: dict[str, object] = {"requested_method": method, "scale": "log" if prep.log else
                                "linear", "n_observed": prep.n_observed,
                                "last_observed_year": int(prep.years[-1])}
    fitted: list[str] = []
    with warnings.catch_warnings(record=True) as caught, threadpool_limits(limits=1, user_api="blas"):
        warnings.simplefilter("always")
        out = _run(prep, horizon + lead, method, attrs, fitted)
    attrs["warnings"] = sorted(set(fitted) | {f"{w.category.__name__}: {w.message}"
                                              for w in caught})
    mean, sd = out.mean[lead:], out.sd[lead:]
    frame = _frame(prep, years, mean, sd, out.df, lv)
    if attrs["method"] == "naive":  # exactly the last value, not exp(log(value))
        frame["mean"] = float(prep.values[-1])
        if np.all(sd == 0):  # constant series: zero-width intervals, exactly
            frame.loc[:, :] = float(prep.values[-1])
    frame.attrs = attrs
    return Result(frame, prep, str(attrs["method"]), mean, sd, out.df, out.backtest,
                  out.backtest_key)


@dataclass
class _Outcome:
    mean: np.ndarray
    sd: np.ndarray
    df: float
    backtest: Backtest | None = None
    backtest_key: str | None = None


def _run(prep: Prepared, steps: int, method: str, attrs: dict[str, object],
         fitted: list[str]) -> _Outcome:
    """The work of :func:`run`; fills ``attrs`` and appends fit warnings to ``fitted``."""
    work = prep.work
    if prep.n_observed < MIN_POINTS:
        attrs["method"] = "naive"
        attrs["note"] = (f"only {prep.n_observed} observed value(s), fewer than {MIN_POINTS}: "
                         "naive point forecast (last value), intervals unknown")
        return _Outcome(np.full(steps, work[-1]), np.full(steps, np.nan), np.inf)
    if np.ptp(work[prep.observed]) == 0:
        attrs["method"] = "naive"
        attrs["note"] = "constant series: forecast is the constant, intervals have zero width"
        return _Outcome(np.full(steps, work[-1]), np.zeros(steps), np.inf)

    if method == "auto":
        wanted = list(BASE_METHODS)
    elif method == "combination":
        wanted = ["naive", *COMBINATION]
    else:
        wanted = sorted({method, "naive"}, key=list(BASE_METHODS).index)
    full = _fit(wanted, work, steps)
    for f in full.values():
        fitted.extend(f.warnings)

    bt: Backtest | None = None
    if len(origins(prep, MIN_TRAIN, MAX_ORIGINS)) >= MIN_ORIGINS:
        seeds = {"ets": {"start_params": full["ets"].info["params"]}} if "ets" in full else {}
        bt = rolling_origin(prep, steps, {m: BASE_METHODS[m] for m in wanted}, MIN_TRAIN,
                            MAX_ORIGINS, seeds)
        fitted.extend(bt.warnings)
        if all(m in wanted for m in COMBINATION):
            bt.add_combination("combination", COMBINATION)

    scores: dict[str, float] = {}
    if bt is not None:
        scores = {m: bt.mase(m, prep.to_original) for m in (*wanted, "combination")
                  if m in bt.forecasts}
    if method != "auto":
        chosen = method
    elif bt is not None:
        chosen = _select(scores)
    else:
        chosen = "combination"
        attrs["note"] = (f"series too short for a backtest ({prep.n_observed} values): "
                         "auto uses the ETS/ARIMA/Theta combination")
    parts = list(COMBINATION) if chosen == "combination" else [chosen]
    mean = np.mean([full[m].mean for m in parts], axis=0)
    sd = np.mean([full[m].sd for m in parts], axis=0)
    attrs["method"] = chosen
    attrs["components"] = parts
    cal = intervals.calibrate(bt, chosen, sd)
    attrs["calibration"] = cal.as_dict()
    if bt is not None:
        attrs["backtest"] = {
            "origins": bt.n_origins, "first_origin_year": int(bt.origin_years[0]),
            "last_origin_year": int(bt.origin_years[-1]), "mase": scores,
            "mase_chosen": scores.get(chosen, float("nan")),
            "mase_naive": scores.get("naive", float("nan")),
        }
    attrs["model"] = {m: {k: (v if isinstance(v, str) else float(v))  # type: ignore[arg-type]
                          for k, v in full[m].info.items() if k != "params"} for m in parts}
    return _Outcome(mean, cal.sd(sd), cal.df, bt, chosen if bt is not None else None)


def forecast(y: pd.Series, horizon: int = 5, levels: Sequence[float] = (80, 95),
             method: str = "auto") -> pd.DataFrame:
    """Forecast a yearly series ``horizon`` years past the last year of its index.

    Parameters
    ----------
    y : Series indexed by integer years (nullable integers fine; ``<NA>``/NaN = unknown).
    horizon : number of years to forecast.
    levels : prediction-interval levels in percent; columns ``lo{L}``/``hi{L}``.
    method : ``"auto"`` (default), ``"naive"``, ``"drift"``, ``"ets"``, ``"arima"``,
        ``"theta"`` or ``"combination"`` (equal-weight ETS + ARIMA + Theta).

    Returns
    -------
    DataFrame indexed by ``year`` (the ``horizon`` years after the index's last year) with
    columns ``mean``, then ``lo{L}``, ``hi{L}`` for each level in increasing order. ``attrs``
    records ``method`` (the one used), ``requested_method``, ``components``, ``scale``,
    ``calibration``, ``backtest`` (origins and the MASE of every method tried), ``model``
    (fitted parameters), ``warnings`` (caught from statsmodels, never printed) and, for short
    or constant series, ``note``.

    ``mean`` is the point forecast: for series modelled on the log scale it is the
    back-transformed median exp(ŷ), not a bias-adjusted mean [FPP3 §13.3].

    ``auto`` fits the five base methods, runs a rolling-origin backtest over the last
    :data:`MAX_ORIGINS` origins (training >= :data:`MIN_TRAIN` years) and keeps the candidate
    (the five methods or their combination) with the lowest MASE over h = 1..horizon
    [Hyndman & Koehler 2006]; combinations of ETS/ARIMA/Theta are strong on yearly data
    [Makridakis, Spiliotis & Assimakopoulos 2020, "The M4 Competition", *IJF* 36(1), 54-74].
    Intervals are calibrated on the backtest errors (:mod:`analysis.forecast.intervals`).

    Short and odd series: fewer than 4 observed values -> naive forecast, NaN intervals,
    ``attrs["note"]`` says why; too short for 3 backtest origins -> ``auto`` uses the
    combination and the prior calibration; a constant series -> the constant with zero-width
    intervals; gaps are interpolated for fitting but never scored; zeros switch the log scale
    off. Raises ``ValueError`` for a bad index, horizon, level or method, or no observed value.
    """
    return run(y, horizon, levels, method).frame
