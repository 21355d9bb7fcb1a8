"""All forecasts of one township: births (GFR x women), population, deaths and components."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..indicators import compute
from .births import BirthsResult, forecast_births
from .core import Result, run

#: The series :func:`forecast_township` returns, in order.
SERIES: tuple[str, ...] = ("births", "total_population", "deaths", "gfr_permille",
                           "women_15_49")


@dataclass
class TownshipForecast:
    """Forecasts of one township keyed by series name, and their backtest accuracy.

    ``forecasts[name]`` has the format of :func:`analysis.forecast.forecast` (index ``year``,
    columns ``mean``, ``lo80``, ``hi80``, ...). ``accuracy`` has one row per series: the
    ``method`` used, its rolling-origin backtest MASE (``mase``) and the naive method's on the
    same origins (``mase_naive``), and the number of ``origins``. For ``auto`` the method was
    chosen on those same origins, so ``mase`` is optimistic; the honest, nested numbers are in
    ``benchmarks/forecast_accuracy.py``.
    """

    township_code: str
    forecasts: dict[str, pd.DataFrame]
    accuracy: pd.DataFrame
    births: BirthsResult = field(repr=False)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.forecasts[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.forecasts)


def _accuracy_row(r: Result) -> dict[str, object]:
    bt = r.frame.attrs.get("backtest", {})
    return {"method": r.method, "mase": float(bt.get("mase_chosen", np.nan)),
            "mase_naive": float(bt.get("mase_naive", np.nan)),
            "origins": int(bt.get("origins", 0))}


def forecast_township(panel: pd.DataFrame, township_code: str, horizon: int = 5,
                      levels: Sequence[float] = (80, 95), method: str = "auto",
                      indicators: pd.DataFrame | None = None) -> TownshipForecast:
    """Forecast births, total population, deaths, GFR and women 15-49 of one township.

    Births follow the demographic route of :mod:`analysis.forecast.births` (GFR x women 15-49
    with Poisson noise, or the births count when women 15-49 is missing); the other series are
    forecast directly with :func:`analysis.forecast.forecast`. ``indicators`` may pass a
    precomputed :func:`analysis.indicators.compute` of the panel, to save time in a batch.
    Raises ``ValueError`` if the township is not in the panel.
    """
    rows = panel[panel["township_code"] == township_code]
    if rows.empty:
        raise ValueError(f"forecast_township: township {township_code!r} is not in the panel")
    rows = rows.sort_values("year")
    ind = compute(rows) if indicators is None else \
        indicators[indicators["township_code"] == township_code]
    b = forecast_births(rows, ind, horizon, levels, method)
    years = np.arange(int(rows["year"].min()), int(rows["year"].max()) + 1, dtype="int64")
    results: dict[str, Result] = {}
    for name in ("total_population", "deaths"):
        s = pd.to_numeric(rows.set_index("year")[name], errors="coerce").astype("float64")
        s.index = s.index.astype("int64")
        results[name] = run(s.reindex(years), horizon, levels, method)
    if b.gfr is not None and b.women is not None:
        results["gfr_permille"], results["women_15_49"] = b.gfr, b.women
    else:
        for name, src in (("gfr_permille", ind), ("women_15_49", rows)):
            s = pd.to_numeric(src.set_index("year")[name], errors="coerce").astype("float64")
            s.index = s.index.astype("int64")
            try:
                results[name] = run(s.reindex(years), horizon, levels, method)
            except ValueError:  # no observed value at all
                pass
    forecasts = {"births": b.frame, **{k: results[k].frame for k in SERIES if k in results}}
    acc = {"births": {"method": str(b.frame.attrs["method"]), "mase": b.mase(),
                      "mase_naive": b.mase(naive=True), "origins": int(b.backtest_years.size)}}
    acc.update({k: _accuracy_row(results[k]) for k in SERIES if k in results})
    accuracy = pd.DataFrame.from_dict(acc, orient="index")
    accuracy.index.name = "series"
    return TownshipForecast(township_code, forecasts, accuracy, b)
