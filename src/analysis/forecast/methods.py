"""Base forecasting methods for one yearly series without gaps, on its working scale.

Every method takes ``y`` (a 1-D float array, oldest first, no missing values, length T >= 2)
on the working scale chosen by :mod:`analysis.forecast.series` (the natural log for positive
series, so that e.g. drift becomes a constant growth rate, ŷ = y_T (y_T / y_1)^{h/(T−1)} on the
original scale; the original scale otherwise) and a horizon ``h`` and returns a :class:`BaseForecast`: the point forecasts
ŷ_{T+1|T} ... ŷ_{T+h|T} and the *model's* standard deviation σ_h of each h-step forecast error.
The model's σ_h is only a starting point: :mod:`analysis.forecast.core` calibrates it on the
series' own rolling-origin backtest errors.

References:

- [FPP3] Hyndman, R. J. & Athanasopoulos, G. (2021). *Forecasting: Principles and Practice*,
  3rd ed. OTexts, https://otexts.com/fpp3/ (§5.2 simple methods, §5.5 their prediction
  intervals, §8.2 damped trend, §8.7 ETS prediction intervals, §9.7-9.8 ARIMA).
- [HKOS] Hyndman, R. J., Koehler, A. B., Ord, J. K. & Snyder, R. D. (2008). *Forecasting with
  Exponential Smoothing: The State Space Approach*. Springer (Table 6.1: forecast variances of
  the linear "class 1" models).
- [AN] Assimakopoulos, V. & Nikolopoulos, K. (2000). The theta model: a decomposition approach
  to forecasting. *International Journal of Forecasting* 16(4), 521-530.
- [HB] Hyndman, R. J. & Billah, B. (2003). Unmasking the Theta method. *International Journal
  of Forecasting* 19(2), 287-290.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

import numpy as np

from .arima import arima
from .base import BaseForecast

__all__ = ["BaseForecast", "naive", "drift", "ets", "arima", "theta", "BASE_METHODS"]


def _steps(h: int) -> np.ndarray:
    return np.arange(1, h + 1, dtype="float64")


def naive(y: np.ndarray, h: int) -> BaseForecast:
    """Naive (random walk) forecast [FPP3 §5.2, §5.5].

    ŷ_{T+h|T} = y_T;  σ_h = σ̂ √h, with σ̂² = Σ_{t=2..T} (y_t − y_{t−1})² / (T − 1), the
    mean squared one-step residual of the random walk.
    """
    d = np.diff(y)
    sigma = float(np.sqrt(np.mean(d * d))) if d.size else float("nan")
    return BaseForecast(np.full(h, float(y[-1])), sigma * np.sqrt(_steps(h)), {"sigma": sigma})


def drift(y: np.ndarray, h: int) -> BaseForecast:
    """Drift method: a straight line through the first and last observation [FPP3 §5.2, §5.5].

    ŷ_{T+h|T} = y_T + h · (y_T − y_1) / (T − 1);  σ_h = σ̂ √(h (1 + h / T)), with
    σ̂² = Σ (y_t − y_{t−1} − ĉ)² / (T − 2) and ĉ = (y_T − y_1)/(T − 1) (σ̂² uses T − 1 when
    T = 2).
    """
    T = y.size
    slope = (float(y[-1]) - float(y[0])) / (T - 1)
    resid = np.diff(y) - slope
    sigma = float(np.sqrt(np.sum(resid * resid) / max(T - 2, 1)))
    k = _steps(h)
    return BaseForecast(float(y[-1]) + k * slope, sigma * np.sqrt(k * (1.0 + k / T)),
                        {"slope": slope, "sigma": sigma})


def _ets_filter(y: np.ndarray, alpha: float, beta: float, phi: float, l0: float, b0: float
                ) -> tuple[float, float, np.ndarray]:
    """ETS(A,Ad,N) recursions: returns the final level, trend and the one-step errors."""
    level, trend = l0, b0
    errors = np.empty(y.size)
    for t, value in enumerate(y):
        e = value - (level + phi * trend)
        level = level + phi * trend + alpha * e
        trend = phi * trend + beta * e
        errors[t] = e
    return level, trend, errors


def ets(y: np.ndarray, h: int, start_params: np.ndarray | None = None) -> BaseForecast:
    """Additive damped-trend exponential smoothing, ETS(A,Ad,N) [FPP3 §8.2, §8.7; HKOS ch. 6].

    Estimated by maximum likelihood with statsmodels' ``ETSModel`` (``trend="add"``,
    ``damped_trend=True``, parameter bounds as statsmodels sets them: 0.8 <= φ <= 0.98).
    With level ℓ, trend b and one-step error e_t = y_t − (ℓ_{t−1} + φ b_{t−1}):

        ℓ_t = ℓ_{t−1} + φ b_{t−1} + α e_t,   b_t = φ b_{t−1} + β e_t,
        ŷ_{T+h|T} = ℓ_T + (φ + φ² + … + φ^h) b_T,
        σ_h² = σ̂² [1 + Σ_{j=1}^{h−1} (α + β φ_j)²],  φ_j = φ + … + φ^j   [HKOS Table 6.1],

    with σ̂² the mean squared one-step error. ``start_params`` (α, β, φ, ℓ_0, b_0) only seeds
    the optimiser (the backtest passes the full-series estimate, to save time). The caller
    applies the log scale for positive series.
    """
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = ETSModel(np.asarray(y, dtype="float64"), error="add", trend="add",
                         damped_trend=True)
        params = np.asarray(model.fit(disp=False, return_params=True, start_params=start_params),
                            dtype="float64")
    alpha, beta, phi, l0, b0 = (float(v) for v in params)
    level, trend, errors = _ets_filter(y, alpha, beta, phi, l0, b0)
    sigma2 = float(np.mean(errors * errors))
    phis = np.cumsum(phi ** _steps(h))  # φ_1 ... φ_h
    mean = level + phis * trend
    c = alpha + beta * phis[:-1]  # j = 1 .. h-1
    var = sigma2 * (1.0 + np.concatenate([[0.0], np.cumsum(c * c)]))
    return BaseForecast(mean, np.sqrt(var),
                        {"alpha": alpha, "beta": beta, "phi": phi, "l0": l0, "b0": b0,
                         "params": params},
                        tuple(sorted({f"{w.category.__name__}: {w.message}" for w in caught})))


#: Smoothing parameters tried by :func:`theta` (then refined around the best).
_ALPHAS = np.round(np.arange(0.05, 1.0001, 0.05), 4)


def _ses_sse(y: np.ndarray, alphas: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """SSE, optimal initial level and final level of simple exponential smoothing, per α.

    The one-step forecasts are linear in the initial level ℓ_0, so for each α the
    least-squares ℓ_0 has a closed form: no nested optimisation.
    """
    u = np.zeros_like(alphas)  # level when ℓ_0 = 0
    v = np.ones_like(alphas)  # coefficient of ℓ_0 in the level, (1 − α)^t
    us, vs = [], []
    for value in y:
        us.append(u.copy())
        vs.append(v.copy())
        u = alphas * value + (1.0 - alphas) * u
        v = (1.0 - alphas) * v
    U, V = np.array(us), np.array(vs)  # (T, n_alpha) one-step forecasts = U + ℓ_0 V
    r = y[:, None] - U
    l0 = np.sum(r * V, axis=0) / np.sum(V * V, axis=0)
    sse = np.sum((r - l0 * V) ** 2, axis=0)
    return sse, l0, u + l0 * v


def theta(y: np.ndarray, h: int) -> BaseForecast:
    """The standard Theta method (θ = 2) as simple exponential smoothing with drift [AN; HB].

    Hyndman & Billah (2003) show the method equals SES plus half the slope b̂ of the
    least-squares line through the data:

        ŷ_{T+h|T} = ℓ_T + (b̂ / 2) [h − 1 + 1/α − (1 − α)^T / α],

    where ℓ_T is the SES level with α and ℓ_0 chosen by least squares (α on a grid of 0.05,
    refined to 0.001; ℓ_0 in closed form). σ_h² = σ̂² [1 + (h − 1) α²], the ETS(A,N,N) variance
    [FPP3 §8.7], with σ̂² the mean squared one-step SES error.
    """
    T = y.size
    sse, _, final = _ses_sse(y, _ALPHAS)
    best = int(np.argmin(sse))
    fine = np.round(np.clip(np.arange(-0.05, 0.0501, 0.001) + _ALPHAS[best], 0.01, 1.0), 4)
    sse_f, _, final_f = _ses_sse(y, fine)
    i = int(np.argmin(sse_f))
    alpha, level, sigma2 = float(fine[i]), float(final_f[i]), float(sse_f[i]) / T
    t = np.arange(T, dtype="float64")
    slope = float(np.polyfit(t, y, 1)[0]) if T >= 2 else 0.0
    k = _steps(h)
    mean = level + slope / 2.0 * (k - 1.0 + 1.0 / alpha - (1.0 - alpha) ** T / alpha)
    sd = np.sqrt(sigma2 * (1.0 + (k - 1.0) * alpha * alpha))
    return BaseForecast(mean, sd, {"alpha": alpha, "slope": slope})


#: The base methods by name, in a fixed order.
BASE_METHODS: dict[str, Callable[..., BaseForecast]] = {
    "naive": naive, "drift": drift, "ets": ets, "arima": arima, "theta": theta,
}
