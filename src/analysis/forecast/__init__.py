"""Forecasts of yearly township series with calibrated prediction intervals.

Public API (see ``docs/forecast.md``):

- :func:`forecast` — one yearly series: ``naive``, ``drift``, ``ets``, ``arima``, ``theta``,
  ``combination`` or ``auto`` (chosen by rolling-origin backtest), with calibrated intervals.
- :func:`forecast_township` — births (GFR x women 15-49 + Poisson), total population, deaths
  and the components of one township, with each series' backtest MASE against naive.
- :func:`forecast_county` — the county's births reconciled with its townships' (coherent).

Modules: :mod:`.methods` and :mod:`.arima` (base methods), :mod:`.series` (gaps, scale),
:mod:`.backtest` (rolling origin, MASE), :mod:`.intervals` (calibration), :mod:`.core`
(``forecast``), :mod:`.births`, :mod:`.township`, :mod:`.reconcile`.
"""

from .core import METHODS, forecast
from .reconcile import DEFAULT_RECONCILIATION, RECONCILIATIONS, CountyForecast, forecast_county
from .township import SERIES, TownshipForecast, forecast_township

__all__ = [
    "METHODS", "SERIES", "RECONCILIATIONS", "DEFAULT_RECONCILIATION", "forecast",
    "forecast_township", "forecast_county", "TownshipForecast", "CountyForecast",
]
