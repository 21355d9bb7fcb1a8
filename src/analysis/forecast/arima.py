"""Small ARIMA(p, d, q) models for short yearly series: p, q <= 1, d <= 2, chosen by AICc.

Why not statsmodels' ``ARIMA``: an exact-likelihood fit takes 20-80 ms per order on this
machine, and the rolling-origin backtest of ``auto`` needs ~40 fits per series. Here every
candidate is fitted by conditional sum of squares (CSS) on a grid of (φ, θ), vectorised with
numpy, in well under a millisecond, deterministically and without optimiser warnings.

References: [FPP3] Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, 3rd ed.,
§9.5-9.8 (ARIMA, AICc, forecasts and their intervals); Hyndman, R. J. & Khandakar, Y. (2008).
Automatic time series forecasting: the forecast package for R. *Journal of Statistical Software*
27(3) (KPSS tests choose d, AICc chooses p, q and the constant); Box, G. E. P., Jenkins, G. M.,
Reinsel, G. C. & Ljung, G. M. (2015). *Time Series Analysis*, 5th ed., Wiley, §7.1 (CSS).
"""

from __future__ import annotations

import warnings

import numpy as np

from .base import BaseForecast

#: AR and MA coefficients tried (stationary and invertible region), then refined by 0.005.
_GRID = np.round(np.arange(-0.95, 0.9501, 0.05), 4)
_FINE = np.round(np.arange(-0.05, 0.0501, 0.005), 4)


def _css(w: np.ndarray, phis: np.ndarray, thetas: np.ndarray, with_mean: bool
         ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSS of ARMA(1,1) on ``w`` for each (φ, θ) pair; returns SSE, mean μ and last residual.

    Residuals e_t = (w_t − μ) − φ (w_{t−1} − μ) − θ e_{t−1}, t = 2..m, e_1 = 0 (every order
    conditions on the first value, so their AICc compare on the same m − 1 residuals). e is
    linear in μ (e = a − μ c), so the least-squares μ has a closed form.
    """
    a_prev = np.zeros_like(phis)
    c_prev = np.zeros_like(phis)
    saa = np.zeros_like(phis)
    sac = np.zeros_like(phis)
    scc = np.zeros_like(phis)
    for t in range(1, w.size):
        a = w[t] - phis * w[t - 1] - thetas * a_prev
        c = 1.0 - phis - thetas * c_prev
        saa += a * a
        sac += a * c
        scc += c * c
        a_prev, c_prev = a, c
    if with_mean:
        mu = np.where(scc > 0, sac / np.where(scc > 0, scc, 1.0), 0.0)
        sse = saa - mu * sac
    else:
        mu = np.zeros_like(phis)
        sse = saa
    return np.maximum(sse, 0.0), mu, a_prev - mu * c_prev


def _fit_order(w: np.ndarray, p: int, q: int, with_mean: bool) -> dict[str, float]:
    """Best (φ, θ, μ) of one order by CSS: a coarse grid, then a fine grid around its minimum."""
    def grid(centre_phi: float, centre_theta: float, step: np.ndarray | None
             ) -> tuple[np.ndarray, np.ndarray]:
        ph = (np.clip(centre_phi + step, -0.99, 0.99) if step is not None else _GRID) if p else \
            np.zeros(1)
        th = (np.clip(centre_theta + step, -0.99, 0.99) if step is not None else _GRID) if q else \
            np.zeros(1)
        P, Q = np.meshgrid(ph, th, indexing="ij")
        return P.ravel(), Q.ravel()

    P, Q = grid(0.0, 0.0, None)
    sse, mu, last = _css(w, P, Q, with_mean)
    i = int(np.argmin(sse))
    if p or q:
        P, Q = grid(float(P[i]), float(Q[i]), _FINE)
        sse, mu, last = _css(w, P, Q, with_mean)
        i = int(np.argmin(sse))
    m = w.size - 1
    k = p + q + int(with_mean) + 1  # + σ²
    sigma2 = float(sse[i]) / m
    loglik = -0.5 * m * (np.log(2.0 * np.pi * max(sigma2, 1e-300)) + 1.0)
    aicc = -2.0 * loglik + 2.0 * k + (2.0 * k * (k + 1) / (m - k - 1) if m - k - 1 > 0 else np.inf)
    return {"p": p, "q": q, "phi": float(P[i]), "theta": float(Q[i]), "mu": float(mu[i]),
            "last_resid": float(last[i]), "sse": float(sse[i]), "m": m, "k": k,
            "aicc": float(aicc)}


def choose_d(y: np.ndarray, max_d: int = 2) -> int:
    """Number of differences by successive KPSS tests at the 5% level [Hyndman & Khandakar 2008].

    Always at least 1 for yearly series of length below 10 (KPSS has no power there).
    """
    from statsmodels.tsa.stattools import kpss

    x = np.asarray(y, dtype="float64")
    d = 0
    while d < max_d:
        if x.size < 10 or np.ptp(x) == 0:
            return max(d, 1) if np.ptp(x) != 0 or d == 0 else d
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pvalue = kpss(x, regression="c", nlags="auto")[1]
        if pvalue >= 0.05:
            return d
        x = np.diff(x)
        d += 1
    return d


def _psi(phi: float, theta: float, d: int, h: int) -> np.ndarray:
    """ψ-weights of ARIMA(1, d, 1): y's h-step error is Σ_{j<h} ψ_j ε_{T+h−j} [FPP3 §9.8]."""
    psi = np.empty(h)
    psi[0] = 1.0
    if h > 1:
        psi[1] = phi + theta
        for j in range(2, h):
            psi[j] = phi * psi[j - 1]
    for _ in range(d):
        psi = np.cumsum(psi)
    return psi


def arima(y: np.ndarray, h: int) -> BaseForecast:
    """ARIMA(p, d, q) with p, q ∈ {0, 1} and d ∈ {0, 1, 2} chosen as in auto.arima [FPP3 §9.7].

    d by KPSS tests; then, on w = Δ^d y, every (p, q) with a constant (always for d = 0,
    with and without drift for d = 1, none for d = 2) is fitted by CSS and the lowest
    AICc = −2 log L + 2k + 2k(k + 1)/(m − k − 1) wins (k parameters including σ², m residuals).
    Model: (w_t − μ) = φ (w_{t−1} − μ) + ε_t + θ ε_{t−1}. Forecasts follow the recursion with
    future ε = 0, then are integrated d times; σ_h² = σ̂² Σ_{j<h} ψ_j², σ̂² = SSE / (m − k + 1).
    Orders are limited so that at least 3 residuals remain per parameter.
    """
    y = np.asarray(y, dtype="float64")
    d = min(choose_d(y), max(y.size - 3, 0))
    w = np.diff(y, n=d) if d else y.copy()
    best: dict[str, float] | None = None
    mean_options = {0: (True,), 1: (False, True), 2: (False,)}[d]
    for p in (0, 1):
        for q in (0, 1):
            for with_mean in mean_options:
                if w.size - 1 < 3 * (p + q + int(with_mean) + 1) and (p or q):
                    continue
                fit = _fit_order(w, p, q, with_mean)
                if best is None or fit["aicc"] < best["aicc"] - 1e-12:
                    best = fit
    assert best is not None
    phi, theta, mu = best["phi"], best["theta"], best["mu"]
    wf = np.empty(h)
    prev = w[-1]
    for j in range(h):
        wf[j] = mu + phi * (prev - mu) + (theta * best["last_resid"] if j == 0 else 0.0)
        prev = wf[j]
    mean = wf
    for k in range(d, 0, -1):  # integrate: add back the last value of each difference level
        mean = np.diff(y, n=k - 1)[-1] + np.cumsum(mean)
    sigma2 = best["sse"] / max(best["m"] - best["k"] + 1, 1)
    sd = np.sqrt(sigma2 * np.cumsum(_psi(phi, theta, d, h) ** 2))
    order = f"ARIMA({best['p']},{d},{best['q']})" + (" with constant" if mu != 0.0 else "")
    return BaseForecast(mean, sd, {"order": order, "phi": phi, "theta": theta, "mu": mu})
