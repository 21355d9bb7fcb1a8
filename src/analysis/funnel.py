"""Funnel plots for comparing townships fairly (Spiegelhalter 2005).

A league table ranks small townships at the top and bottom by chance alone. A funnel plot shows
each township's indicator against its precision (here: its number of births) with control limits
around the county value that narrow as the counts grow; only points outside the limits differ by
more than chance.

References:

- [S05a] Spiegelhalter, D. J. (2005). Funnel plots for comparing institutional performance.
  *Statistics in Medicine* 24(8), 1185-1202.
- [S05b] Spiegelhalter, D. J. (2005). Handling over-dispersion of performance indicators.
  *Quality and Safety in Health Care* 14(5), 347-351 (multiplicative and additive
  random-effects adjustments; winsorised z-scores).

Two indicators are supported:

- ``"rate"`` (e.g. the GFR, births per woman-year): y = O / E, target θ₀ = ΣO / ΣE, Poisson
  standard error s = sqrt(θ₀ / E);
- ``"proportion"`` (e.g. the share of boys among births, shown as a sex ratio): y = O / n,
  θ₀ = ΣO / Σn, binomial s = sqrt(θ₀(1 − θ₀) / n).

Over-dispersion (more spread between townships than counts explain) is handled with the
additive random-effects model of [S05b]: with winsorised (10%) z-scores z_i = (y_i − θ₀)/s_i
and φ̂ = Σz_i² / I, when I·φ̂ > I − 1 the between-township variance is
τ² = (I·φ̂ − (I − 1)) / (Σw_i − Σw_i² / Σw_i), w_i = 1 / s_i², and limits become
θ₀ ± z · sqrt(s² + τ²).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

#: Two-sided limits drawn: 95% (z = 1.96) and 99.8% (z = 3.09), as in [S05a].
LEVELS: dict[str, float] = {"95": 1.959963984540054, "99.8": 3.090232306167813}


@dataclass(frozen=True)
class Funnel:
    """Points and limits of one funnel plot."""

    points: pd.DataFrame  # label, observed, size, value, se, z, z_adjusted, outside95, outside998
    limits: pd.DataFrame  # size, lo95, hi95, lo99.8, hi99.8 over a grid of sizes
    target: float
    phi: float  # over-dispersion factor (1 = none)
    tau2: float  # additive between-unit variance (0 = none)


def _winsorise(z: np.ndarray, q: float = 0.10) -> np.ndarray:
    lo, hi = np.nanquantile(z, [q, 1 - q])
    return np.clip(z, lo, hi)


def funnel(labels: pd.Series | list[str], observed: np.ndarray, size: np.ndarray,
           kind: Literal["rate", "proportion"] = "rate", overdispersion: bool = True,
           grid: int = 200) -> Funnel:
    """Compute funnel-plot points and control limits [S05a, S05b].

    ``observed`` are event counts (births; male births), ``size`` the denominators (woman-years;
    births). Units with a zero or unknown size are dropped. The value plotted is O / size.
    """
    obs = np.asarray(observed, dtype="float64")
    n = np.asarray(size, dtype="float64")
    keep = np.isfinite(obs) & np.isfinite(n) & (n > 0)
    labels = np.asarray(list(labels), dtype=object)[keep]
    obs, n = obs[keep], n[keep]
    target = obs.sum() / n.sum()
    var_unit = target if kind == "rate" else target * (1 - target)
    se = np.sqrt(var_unit / n)
    value = obs / n
    z = (value - target) / se
    phi, tau2 = 1.0, 0.0
    if overdispersion and len(obs) >= 3:
        zw = _winsorise(z)
        phi = float(np.mean(zw ** 2))
        if len(obs) * phi > len(obs) - 1:
            w = 1 / se ** 2
            tau2 = max(0.0, (len(obs) * phi - (len(obs) - 1)) / (w.sum() - (w ** 2).sum() / w.sum()))
    z_adj = (value - target) / np.sqrt(se ** 2 + tau2)
    points = pd.DataFrame({
        "label": labels, "observed": obs, "size": n, "value": value, "se": se, "z": z,
        "z_adjusted": z_adj,
        "outside95": np.abs(z_adj) > LEVELS["95"],
        "outside99.8": np.abs(z_adj) > LEVELS["99.8"],
    })
    sizes = np.geomspace(max(n.min() * 0.5, 1.0), n.max() * 1.5, grid)
    lim = {"size": sizes}
    s = np.sqrt(var_unit / sizes + tau2)
    for name, zq in LEVELS.items():
        lim[f"lo{name}"] = target - zq * s
        lim[f"hi{name}"] = target + zq * s
    limits = pd.DataFrame(lim)
    if kind == "proportion":
        limits[[c for c in limits if c != "size"]] = limits[[c for c in limits if c != "size"]].clip(0, 1)
    return Funnel(points, limits, float(target), phi, float(tau2))


def proportion_to_ratio(p: np.ndarray | pd.Series | float) -> np.ndarray:
    """Male proportion p to sex ratio 100 · p / (1 − p) (males per 100 females)."""
    p = np.asarray(p, dtype="float64")
    with np.errstate(divide="ignore"):
        return np.where(p < 1, 100 * p / (1 - p), np.inf)
