"""Turn a user's yearly series into a complete working series: years, gaps, scale.

Rules (documented in ``docs/forecast.md``):

- The index holds integer years; values may be pandas nullable integers; ``<NA>``/``NaN``/inf
  and years absent from the index are *gaps* (unknown, never zero).
- Leading and trailing gaps are dropped. Interior gaps are filled by linear interpolation on
  the working scale, only to give the models a complete series: filled values are never
  scored as outcomes and never serve as a backtest origin.
- Working scale: natural log when every observed value is > 0 (errors then scale with the
  level and intervals stay positive [FPP3 §5.6, §13.3]); the original scale otherwise. A series
  with no negative value is treated as non-negative: forecasts and bounds are clipped at 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Prepared:
    """A complete yearly series on its working scale."""

    years: np.ndarray  # int64, consecutive, first to last observed year
    values: np.ndarray  # original scale, interior gaps filled
    observed: np.ndarray  # bool: the value was observed (not filled)
    work: np.ndarray  # working scale (log or identity) of ``values``
    log: bool
    nonnegative: bool
    #: Last year of the input index: forecasts are for the ``horizon`` years after it.
    index_end: int

    @property
    def n_observed(self) -> int:
        return int(self.observed.sum())

    def to_original(self, x: np.ndarray) -> np.ndarray:
        """Back-transform working-scale values (exp for log series; clip at 0 if non-negative)."""
        with np.errstate(over="ignore"):
            out = np.exp(x) if self.log else np.asarray(x, dtype="float64")
        return np.maximum(out, 0.0) if self.nonnegative and not self.log else out

    def truncated(self, n: int) -> Prepared:
        """The first ``n`` years (for a backtest origin); the index ends with them."""
        return Prepared(self.years[:n], self.values[:n], self.observed[:n], self.work[:n],
                        self.log, self.nonnegative, int(self.years[n - 1]))


def _years(index: pd.Index) -> np.ndarray:
    """Integer years of an index; raise ``ValueError`` for anything else."""
    try:
        years = np.asarray(index, dtype="float64")
    except (TypeError, ValueError) as exc:
        raise ValueError("forecast: the series must be indexed by integer years") from exc
    if years.size and (not np.all(np.isfinite(years)) or np.any(years != np.round(years))):
        raise ValueError("forecast: the series must be indexed by integer years")
    years = years.astype("int64")
    if np.unique(years).size != years.size:
        raise ValueError("forecast: the series has a year more than once")
    return years


def prepare(y: pd.Series) -> Prepared:
    """Validate and complete a yearly series (see the module docstring for the rules).

    Raises ``ValueError`` if the index is not integer years, a year repeats, or no value is
    observed.
    """
    if not isinstance(y, pd.Series):
        raise ValueError("forecast: y must be a pandas Series indexed by integer years")
    years = _years(y.index)
    vals = pd.to_numeric(pd.Series(y.to_numpy(), dtype="object"), errors="coerce")
    vals = vals.astype("float64").to_numpy(copy=True)
    vals[~np.isfinite(vals)] = np.nan
    order = np.argsort(years, kind="stable")
    years, vals = years[order], vals[order]
    ok = ~np.isnan(vals)
    if not ok.any():
        raise ValueError("forecast: the series has no observed value")
    index_end = int(years.max())
    first, last = int(years[ok].min()), int(years[ok].max())
    full = np.arange(first, last + 1, dtype="int64")
    obs_vals = pd.Series(vals[ok], index=years[ok]).reindex(full).to_numpy()
    observed = ~np.isnan(obs_vals)
    log = bool(np.all(obs_vals[observed] > 0))
    nonnegative = bool(np.all(obs_vals[observed] >= 0))
    work = np.log(obs_vals) if log else obs_vals.copy()
    if not observed.all():
        work = np.interp(full, full[observed], work[observed])
    values = np.where(observed, obs_vals, np.exp(work) if log else work)
    return Prepared(full, values, observed, work, log, nonnegative, index_end)
