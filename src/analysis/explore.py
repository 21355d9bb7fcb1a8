"""Interactive exploration in JupyterLab: a dataset, one township, the county around it.

At the prompt::

    from analysis import open_dataset
    ds = open_dataset("data/demo")         # summary card: townships, latest figures, findings
    town = ds.township("白石镇")            # or ds.township("baishi"), or ds["白石镇"]
    town                                   # card: population, births, CBR, SRB with interval
    town.indicators()                      # DataFrame, one row per year
    town.audit()                           # DataFrame of data-quality findings
    town.forecast(horizon=5, method="ets") # DataFrame: mean, lo80, hi80, lo95, hi95
    town.plot_srb()                        # matplotlib Figure

In a notebook, :class:`Dashboard` puts ipywidgets controls (township, indicator, years,
forecast method and horizon, language) in front of the same methods; under papermill it prints
a static rendering of the default selection instead (see :func:`in_live_frontend`).

There is no second code path: every figure comes from what the batch appendices use
(:class:`~analysis.report.TownshipReport` and :class:`~analysis.report.CountyReport`,
:func:`analysis.indicators.compute`, :func:`analysis.quality.audit`,
:func:`analysis.forecast.forecast_township`, :mod:`analysis.plots`). This module only selects,
caches and presents, so what a statistician sees while exploring is what the appendix prints.
"""

from __future__ import annotations

import difflib
import functools
import html
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from . import indicators, plots, quality, schema
from .errors import DataValidationError, Problem, TownshipReportError, UnknownTownshipError
from .forecast import METHODS, SERIES, TownshipForecast, forecast_township
from .funnel import Funnel
from .i18n import LANGUAGES, TABLE, t
from .load import Dataset, blocking_errors, validate_dataset
from .report import (
    BLANK,
    CountyReport,
    TownshipReport,
    format_count,
    format_rate,
    format_share,
    format_srb,
    html_table,
    localized_table,
)

#: New user-facing strings of this module (zh default, en); to be moved into analysis.i18n.TABLE.

#: Indicators the dashboard can show, in the order of its dropdown.
INDICATORS: tuple[str, ...] = ("births", "population", "rates", "parity", "srb", "pyramid")
#: Series whose forecast is a count of persons (the others, like the GFR, are rates).
_COUNT_SERIES = {"births", "total_population", "deaths", "women_15_49"}
_SEVERITY_COLOUR = {"error": "#b42318", "warning": "#b54708", "note": "#555555"}




def _check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    return language


def _detached(fig: Figure) -> Figure:
    """Release a chart from pyplot so Jupyter shows it once (as the returned value), not twice."""
    plt.close(fig)
    return fig


def srb_reading(srb: float, lo: float, hi: float) -> str:
    """Classify a sex ratio at birth against the normal 103–107 band, allowing for chance.

    ``above``/``below``: the whole 95% interval lies outside the band (not chance);
    ``within``: the ratio itself lies in the band; ``noise``: the ratio lies outside but its
    interval overlaps the band, so chance explains it. Returns ``""`` when unknown.
    """
    low, high = indicators.SRB_NORMAL
    if srb is None or pd.isna(srb):
        return ""
    if lo > high:
        return "above"
    if hi < low:
        return "below"
    return "within" if low <= srb <= high else "noise"


# The dataset ----------------------------------------------------------------------------------


def open_dataset(path: str | Path, language: str = "zh") -> DatasetView:
    """Open a dataset directory (or its ``townships.csv``) for interactive exploration.

    Validation is the batch's (:func:`analysis.load.validate_dataset`): problems that concern
    the whole file (a missing column, a file that is not UTF-8) raise
    :class:`~analysis.errors.DataValidationError`, listing every problem; a township with bad
    rows only becomes unavailable, as it would fail alone in a batch, so the others can still
    be explored. ``language`` (``zh`` or ``en``) is that of cards, charts and tables.
    """
    ds, problems = validate_dataset(path)
    global_errors = [p for p in blocking_errors(problems) if p.township_code is None]
    if global_errors:
        raise DataValidationError(f"dataset {ds.path}", global_errors)
    return DatasetView(ds, _check_language(language), problems)


@dataclass(eq=False)
class DatasetView:
    """A dataset at the prompt: its townships, their latest figures, and the way into each.

    Build it with :func:`open_dataset`. Jupyter shows it as a card with one row per township.
    """

    dataset: Dataset
    language: str = "zh"
    #: Every problem validation found (warnings, and errors of single townships).
    problems: list[Problem] = field(default_factory=list)
    _forecasts: dict[tuple, TownshipForecast] = field(default_factory=dict, init=False, repr=False)

    def __repr__(self) -> str:
        return f"<DatasetView {self.name}: {len(self)} townships, {self.path}>"

    @property
    def name(self) -> str:
        return self.dataset.name

    @property
    def path(self) -> Path:
        return self.dataset.path

    @property
    def counties(self) -> list[str]:
        """County names, sorted."""
        return sorted(self.dataset.panel["county"].dropna().unique())

    @property
    def invalid_townships(self) -> list[str]:
        """Codes of townships whose rows have errors (they cannot be opened)."""
        return sorted({p.township_code for p in blocking_errors(self.problems) if p.township_code})

    def resolve(self, code_or_name: str) -> str:
        """The code of a township given by code or Chinese name; a helpful error if unknown.

        The error lists the closest codes and names (``白石`` -> ``白石镇 (baishi)``), or every
        township when nothing is close.
        """
        try:
            return self.dataset.resolve(code_or_name)
        except UnknownTownshipError as exc:
            towns = self.dataset.townships
            label = {**{c: f"{n} ({c})" for c, n in zip(towns["township_code"], towns["township"])},
                     **{n: f"{n} ({c})" for c, n in zip(towns["township_code"], towns["township"])}}
            close = difflib.get_close_matches(str(code_or_name), list(label), n=3, cutoff=0.4)
            names = list(dict.fromkeys(label[c] for c in close))
            sep = "、" if self.language == "zh" else ", "
            hint = (t("explore.did_you_mean", self.language, names=sep.join(names)) if names else
                    t("explore.known_townships", self.language,
                       names=sep.join(dict.fromkeys(label.values()))))
            raise UnknownTownshipError(t("explore.unknown_township", self.language,
                                          dataset=self.name, query=code_or_name, hint=hint)) from exc

    def township(self, code_or_name: str, first_year: int | None = None,
                 last_year: int | None = None, language: str | None = None) -> TownshipView:
        """One township (code or Chinese name), optionally limited to ``first_year``–``last_year``."""
        code = self.resolve(code_or_name)
        errors = [p for p in blocking_errors(self.problems, code) if p.township_code == code]
        if errors:
            raise DataValidationError(f"township {code} in dataset {self.path}", errors)
        return TownshipView(self, code, _check_language(language or self.language),
                            first_year, last_year)

    def __getitem__(self, code_or_name: str) -> TownshipView:
        return self.township(code_or_name)

    def __contains__(self, code_or_name: object) -> bool:
        towns = self.dataset.townships
        return code_or_name in set(towns["township_code"]) | set(towns["township"])

    def __len__(self) -> int:
        return int(self.dataset.panel["township_code"].nunique())

    @functools.cached_property
    def _indicators(self) -> pd.DataFrame:
        ds = self.dataset
        ind = indicators.compute(ds.panel)
        if ds.age_structure is not None and ds.births_by_age is not None:
            tfr = indicators.tfr(ds.births_by_age, ds.age_structure)
            return ind.merge(tfr, on=["township_code", "year"], how="left")
        return ind.assign(tfr=math.nan)

    @functools.cached_property
    def _findings(self) -> pd.DataFrame:
        return quality.audit(self.dataset.panel)

    def indicators(self) -> pd.DataFrame:
        """Indicators of every township-year (:func:`analysis.indicators.compute`, plus ``tfr``)."""
        return self._indicators.copy()

    def audit(self) -> pd.DataFrame:
        """Data-quality findings of every township (:func:`analysis.quality.audit`)."""
        return self._findings.copy()

    @property
    def townships(self) -> pd.DataFrame:
        """One row per township: code, name, county, years, the latest year's figures
        (``total_population``, ``births``, ``deaths``, ``cbr_permille``, ``srb`` with
        ``srb_lo95``/``srb_hi95``) and the number of findings by severity (``error``,
        ``warning``, ``note``). The same figures as the batch's index page, unformatted.
        """
        panel = self.dataset.panel
        latest = panel.merge(self._indicators, on=["township_code", "year"]).sort_values("year")
        latest = latest.groupby("township_code").tail(1).set_index("township_code")
        counts = quality.summary(self._findings).set_index("township_code") if len(self._findings) \
            else pd.DataFrame(columns=list(quality.SEVERITIES))
        out = self.dataset.townships.set_index("township_code")
        out["year"] = latest["year"]
        for col in ("total_population", "births", "deaths", "cbr_permille", "srb", "srb_lo95",
                    "srb_hi95"):
            out[col] = latest[col]
        for sev in quality.SEVERITIES:
            out[sev] = counts[sev].reindex(out.index).fillna(0).astype("int64")
        return out.reset_index()

    def ranking(self, county: str | None = None, year: int | None = None) -> pd.DataFrame:
        """Townships of a county by GFR with intervals and funnel verdicts (formatted, as in the
        county overview). ``county`` defaults to the only (or first) county."""
        return self._county(county, year).ranking_table()

    def funnel(self, kind: str = "srb", county: str | None = None, year: int | None = None,
               years: int = 5) -> Funnel:
        """Funnel-plot data of a county: ``srb`` (male share of births pooled over ``years``
        years up to ``year``) or ``gfr`` (in ``year``). Raises
        :class:`~analysis.errors.TownshipReportError` with the reason when too few townships
        have the data."""
        if kind not in ("srb", "gfr"):
            raise ValueError(f"kind must be 'srb' or 'gfr', not {kind!r}")
        rep = self._county(county, year)
        f = rep.srb_funnel(years) if kind == "srb" else rep.gfr_funnel()
        if f is None:
            raise TownshipReportError(rep.funnel_note(None))
        return f

    def plot_funnel(self, kind: str = "srb", county: str | None = None, year: int | None = None,
                    highlight: str | None = None, years: int = 5) -> Figure:
        """The county funnel plot of :meth:`funnel`, with township ``highlight`` (name) circled."""
        f = self.funnel(kind, county, year, years)
        if kind == "srb":
            fig = plots.funnel_chart(f, self.language, "chart.funnel.srb.title", "chart.axis.srb",
                                     "chart.funnel.x.births", ratio=True, highlight=highlight)
        else:
            fig = plots.funnel_chart(f, self.language, "chart.funnel.gfr.title", "ind.gfr",
                                     "chart.funnel.x.expected", scale=1000, x_scale=f.target,
                                     highlight=highlight)
        return _detached(fig)

    def _county(self, county: str | None, year: int | None) -> CountyReport:
        county = county or self.counties[0]
        if county not in self.counties:
            raise TownshipReportError(f"county {county!r} is not in dataset {self.name!r}; "
                                      f"counties: {', '.join(self.counties)}")
        return CountyReport(self.dataset, county, self.language, {"county": county, "year": year})

    def _forecast(self, code: str, last_year: int, horizon: int, method: str,
                  levels: Sequence[float]) -> TownshipForecast:
        """:func:`analysis.forecast.forecast_township` on every year up to ``last_year``, with
        the precomputed indicators, as the appendix calls it; cached per township and options."""
        key = (code, last_year, horizon, method, tuple(levels))
        if key not in self._forecasts:
            if len(self._forecasts) > 64:
                self._forecasts.clear()
            panel = self.dataset.panel
            ind = self._indicators
            self._forecasts[key] = forecast_township(
                panel[panel["year"] <= last_year], code, horizon, levels, method,
                indicators=ind[ind["township_code"] == code])
        return self._forecasts[key]

    def _repr_html_(self) -> str:
        lang = self.language
        towns = self.townships
        esc = html.escape
        table = pd.DataFrame({
            t("index.col.township", lang): towns["township"],
            t("index.col.code", lang): towns["township_code"],
            t("index.col.county", lang): towns["county"],
            t("index.col.year", lang): towns["year"].astype("Int64").astype(str),
            t("index.col.population", lang): towns["total_population"].map(format_count),
            t("index.col.births", lang): towns["births"].map(format_count),
            t("index.col.cbr", lang): towns["cbr_permille"].map(format_rate),
            t("index.col.srb", lang): [format_srb(*v) for v in towns[["srb", "srb_lo95", "srb_hi95"]].to_numpy()],
            t("index.col.findings", lang): [f"{e} / {w} / {n}" for e, w, n in
                                            towns[list(quality.SEVERITIES)].to_numpy()],
        })
        sep = "、" if lang == "zh" else ", "
        summary = t("explore.dataset.summary", lang, n=len(towns), counties=sep.join(self.counties),
                     first=int(towns["first_year"].min()), last=int(towns["last_year"].max()),
                     path=self.path)
        parts = [f'<div style="{_CARD}"><div style="font-size:1.15em;font-weight:600">'
                 f'{esc(t("explore.dataset.title", lang, name=self.name))}</div>',
                 f'<div style="opacity:.75;margin-bottom:6px">{esc(summary)}</div>',
                 table.to_html(index=False, border=0, classes="township-table"),
                 f'<div style="opacity:.75;font-size:.9em">{esc(t("index.findings_legend", lang))}</div>']
        if self.invalid_townships:
            parts.append(f'<div style="color:{_SEVERITY_COLOUR["error"]}">'
                         f'{esc(t("explore.dataset.invalid", lang, codes=", ".join(self.invalid_townships)))}</div>')
        example = str(towns["township"].iloc[0]) if len(towns) else ""
        parts.append(f'<div style="opacity:.75;font-size:.9em;margin-top:4px"><code>'
                     f'{esc(t("explore.dataset.hint", lang, example=example))}</code></div></div>')
        return "".join(parts)


_CARD = ("border:1px solid var(--jp-border-color1,#ccc);border-radius:6px;padding:8px 12px;"
         "margin:4px 0;max-width:980px;font-family:var(--jp-ui-font-family,sans-serif)")


# One township ---------------------------------------------------------------------------------


@dataclass(eq=False)
class TownshipView:
    """One township at the prompt, over an optional range of years.

    Every method returns a DataFrame or a matplotlib Figure for further work; Jupyter shows the
    view itself as a summary card. The numbers come from the batch's
    :class:`~analysis.report.TownshipReport` (:attr:`report`), so they equal the appendix's.
    """

    data: DatasetView
    code: str
    language: str = "zh"
    first_year: int | None = None
    last_year: int | None = None
    #: The batch's report object of this township and years: every number comes from it.
    report: TownshipReport = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.report = TownshipReport(self.data.dataset, self.code, self.language,
                                     {"township_code": self.code, "language": self.language,
                                      "first_year": self.first_year, "last_year": self.last_year})
        self.report.panel  # noqa: B018  (raises now, with the reason, when the years hold no data)

    def __repr__(self) -> str:
        return f"<TownshipView {self.name} ({self.code}) {self.years[0]}-{self.years[1]}>"

    @property
    def name(self) -> str:
        return self.report.name

    @property
    def county(self) -> str:
        return self.report.county

    @property
    def years(self) -> tuple[int, int]:
        """First and last year of data within the range."""
        y = self.panel["year"]
        return int(y.min()), int(y.max())

    @property
    def panel(self) -> pd.DataFrame:
        """The township's rows of ``townships.csv`` (counts as read), one per year."""
        return self.report.panel

    def with_years(self, first_year: int | None = None, last_year: int | None = None) -> TownshipView:
        """The same township over other years (e.g. to forecast from an earlier year)."""
        return TownshipView(self.data, self.code, self.language, first_year, last_year)

    def indicators(self) -> pd.DataFrame:
        """Indicators per year: rates (‰), parity shares, SRB with 95% interval, TFR, balance
        residual (:func:`analysis.indicators.compute`, plus ``tfr`` where age data exist)."""
        return self.report.indicators.copy()

    def key_indicators(self) -> pd.DataFrame:
        """The appendix's key-indicators table: latest year, year before, change, county."""
        return self.report.key_indicators_table()

    def audit(self) -> pd.DataFrame:
        """Data-quality findings (:func:`analysis.quality.audit`): reported figures checked
        against the counts, one row per finding with messages in Chinese and English."""
        return self.report.findings.copy()

    def findings_count(self) -> dict[str, int]:
        """Number of findings by severity: ``{"error": 0, "warning": 1, "note": 4}``."""
        counts = self.report.findings["severity"].value_counts()
        return {s: int(counts.get(s, 0)) for s in quality.SEVERITIES}

    def srb_pooled(self, years: int = 5) -> pd.DataFrame:
        """Sex ratio at birth pooled over the last ``years`` years, with its 95% interval
        (:func:`analysis.indicators.pooled_srb`): one year's births are too few to judge."""
        last = self.years[1]
        return indicators.pooled_srb(self.panel, years=(last - years + 1, last))

    def srb_verdict(self, years: int = 5) -> str:
        """In plain words: is the sex ratio at birth out of the normal range, or just noise?

        Two sentences: the ratio pooled over the last ``years`` years and the latest year's
        alone, each with its 95% interval and what the interval says against 103–107.
        """
        lang = self.language
        out = []
        pooled = self.srb_pooled(years)
        if len(pooled):
            p = pooled.iloc[0]
            last = self.years[1]
            first = max(last - years + 1, self.years[0])
            out.append(self._srb_sentence(p, t("explore.srb.period_pooled", lang, first=first, last=last)))
        row = self.indicators().merge(self.panel[["year", "births_male", "births_female"]], on="year")
        row = row.dropna(subset=["srb"])
        if len(row):
            r = row.iloc[-1]
            out.append(self._srb_sentence(r, t("explore.srb.period_year", lang, year=int(r["year"]))))
        return "\n\n".join(out)

    def _srb_sentence(self, r: pd.Series, period: str) -> str:
        reading = srb_reading(r["srb"], r["srb_lo95"], r["srb_hi95"])
        if not reading:
            return ""
        return t("explore.srb.text", self.language, period=period, srb=f"{r['srb']:.1f}",
                  lo=f"{r['srb_lo95']:.1f}", hi=f"{r['srb_hi95']:.1f}",
                  male=format_count(r["births_male"]), female=format_count(r["births_female"]),
                  verdict=t(f"explore.srb.{reading}", self.language))

    def births_change(self) -> str:
        """In plain words: births in the last year, the change on the year before, the first year."""
        p = self.panel.dropna(subset=["births"])
        if p.empty:
            return ""
        last, first = p.iloc[-1], p.iloc[0]
        prev = p[p["year"] == last["year"] - 1]
        change = pct = BLANK
        if len(prev) and prev["births"].iloc[0] > 0:
            delta = int(last["births"]) - int(prev["births"].iloc[0])
            change, pct = f"{delta:+,}", f"{100 * delta / int(prev['births'].iloc[0]):+.1f}%"
        return t("explore.births.text", self.language, last=int(last["year"]),
                  births=format_count(last["births"]), change=change, pct=pct,
                  first=int(first["year"]), first_births=format_count(first["births"]))

    # forecasts

    def forecast(self, horizon: int = 5, method: str = "auto", series: str = "births",
                 levels: Sequence[float] = (80, 95)) -> pd.DataFrame:
        """Forecast ``series`` ``horizon`` years past the last year of the range.

        :func:`analysis.forecast.forecast_township` (births as GFR × women 15–49 with Poisson
        noise) on every year of data up to the last of the range, as the appendix does (a later
        ``first_year`` narrows what is shown, not what the forecast learns from). Returns its
        frame: index ``year``, ``mean``, ``lo80``, ``hi80``, ``lo95``,
        ``hi95``; ``attrs`` record the method used. ``method``: one of
        :data:`analysis.forecast.METHODS`; ``series``: one of :data:`analysis.forecast.SERIES`.
        """
        if method not in METHODS:
            raise ValueError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
        if series not in SERIES:
            raise ValueError(f"series must be one of {', '.join(SERIES)}, not {series!r}")
        fc = self.data._forecast(self.code, self.years[1], horizon, method, levels)
        if series not in fc.forecasts:
            raise TownshipReportError(f"{self.name}: no {series} data to forecast")
        frame = fc[series].copy()
        frame.attrs = dict(fc[series].attrs)
        return frame

    def forecast_accuracy(self, horizon: int = 5, method: str = "auto") -> pd.DataFrame:
        """Backtest accuracy of each forecast series: method, MASE, naive MASE, origins."""
        return self.data._forecast(self.code, self.years[1], horizon, method, (80, 95)).accuracy.copy()

    def forecast_text(self, horizon: int = 5, method: str = "auto", series: str = "births") -> str:
        """In plain words: next year's forecast with its intervals, the method and its accuracy."""
        lang = self.language
        frame = self.forecast(horizon, method, series)
        first = frame.iloc[0]
        fmt = self._series_format(series)
        parts = [t("explore.forecast.interval", lang, level=c[2:], lo=fmt(first[c]),
                     hi=fmt(first["hi" + c[2:]])) for c in frame if c.startswith("lo")
                 and not pd.isna(first[c])]
        sep = ";" if lang == "zh" else "; "
        text = t("explore.forecast.text", lang, year=int(frame.index[0]), series=self._series_label(series),
                  mean=fmt(first["mean"]), intervals=sep.join(parts) or t("explore.forecast.no_interval", lang),
                  method=self._method_text(frame.attrs))
        acc = self.forecast_accuracy(horizon, method)
        if series in acc.index and acc.loc[series, "origins"] > 0:
            a = acc.loc[series]
            text += ("" if lang == "zh" else " ") + t("explore.forecast.accuracy", lang, origins=int(a["origins"]),
                             mase=f"{a['mase']:.2f}", naive=f"{a['mase_naive']:.2f}")
        return text

    def _method_text(self, attrs: dict[str, Any]) -> str:
        lang = self.language

        def name(m: str) -> str:
            key = f"explore.method.{m}"
            return t(key, lang) if key in TABLE else str(m)

        if attrs.get("method") == "gfr_x_women":
            comp = attrs.get("components", {})
            text = t("explore.method.gfr_x_women", lang, gfr=name(comp.get("gfr_permille", "")),
                      women=name(comp.get("women_15_49", "")))
        else:
            text = name(str(attrs.get("method", "")))
        return t("explore.method.chosen", lang, method=text) if attrs.get("requested_method") == "auto" else text

    def _series_label(self, series: str) -> str:
        return t(f"explore.series.{series}", self.language)

    @staticmethod
    def _series_format(series: str):  # type: ignore[no-untyped-def]
        if series in _COUNT_SERIES:
            return lambda v: format_count(None if pd.isna(v) else round(float(v)))
        return format_rate

    def forecast_table(self, horizon: int = 5, method: str = "auto", series: str = "births") -> pd.DataFrame:
        """The forecast formatted for reading: year, forecast, one ``lo–hi`` column per level."""
        frame = self.forecast(horizon, method, series)
        fmt = self._series_format(series)
        out = {t("chart.axis.year", self.language): frame.index.astype(str),
               t("chart.fan.mean", self.language): frame["mean"].map(fmt)}
        for c in (c for c in frame if c.startswith("lo")):
            out[t("chart.fan.pi", self.language, level=c[2:])] = [
                BLANK if pd.isna(lo) else f"{fmt(lo)}–{fmt(hi)}"
                for lo, hi in zip(frame[c], frame["hi" + c[2:]])]
        return pd.DataFrame(out).reset_index(drop=True)

    # tables for reading

    def table(self, kind: str = "births") -> pd.DataFrame:
        """A formatted table (strings, labelled in the view's language) behind one chart:
        ``births``, ``population``, ``rates``, ``parity``, ``srb`` or ``pyramid``."""
        lang, p = self.language, self.panel
        if kind == "births":
            out = localized_table(p, ("year", "births", "deaths"), lang)
            delta = pd.to_numeric(p["births"], errors="coerce").astype("float64").diff()
            prev_year = p["year"].astype("int64").diff() == 1
            out[t("table.change", lang)] = [f"{d:+,.0f}" if ok and not pd.isna(d) else BLANK
                                            for d, ok in zip(delta, prev_year)]
            return out
        if kind == "population":
            return localized_table(p, ("year", "total_population", "permanent_population",
                                       "in_migrants", "out_migrants"), lang)
        if kind == "parity":
            out = localized_table(p, ("year", "births", "births_parity1", "births_parity2",
                                      "births_parity3plus"), lang)
            ind = self.indicators()
            out[t("ind.share_parity2", lang)] = ind["share_parity2"].map(format_share).to_numpy()
            out[t("ind.share_parity3plus", lang)] = ind["share_parity3plus"].map(format_share).to_numpy()
            return out
        ind = self.indicators()
        if kind == "rates":
            cols = {"cbr_permille": "ind.cbr", "cdr_permille": "ind.cdr", "rni_permille": "ind.rni",
                    "gfr_permille": "ind.gfr", "tfr": "ind.tfr"}
            out = {t("chart.axis.year", lang): ind["year"].astype(str)}
            out.update({t(k, lang): ind[c].map(format_rate) for c, k in cols.items()
                        if not ind[c].isna().all()})
            return pd.DataFrame(out)
        if kind == "srb":
            rows = ind.merge(p[["year", "births_male", "births_female"]], on="year")
            out = localized_table(rows, ("year", "births_male", "births_female"), lang)
            out[t("ind.srb", lang)] = [format_srb(*v) for v in rows[["srb", "srb_lo95", "srb_hi95"]].to_numpy()]
            out[t("explore.col.reading", lang)] = [
                t(f"explore.srb.short.{r}", lang) if r else BLANK
                for r in (srb_reading(*v) for v in rows[["srb", "srb_lo95", "srb_hi95"]].to_numpy())]
            return out
        if kind == "pyramid":
            pyr = self._pyramid()
            return pd.DataFrame({
                schema.AGE_STRUCTURE_COLUMNS[3].label(lang): pyr["age_group"],
                t("chart.series.male", lang): pyr["male"].map(format_count),
                t("chart.series.female", lang): pyr["female"].map(format_count),
                f'{t("chart.series.male", lang)} %': pyr["male_share"].map(format_share),
                f'{t("chart.series.female", lang)} %': pyr["female_share"].map(format_share),
            })
        raise ValueError(f"kind must be one of {', '.join(INDICATORS)}, not {kind!r}")

    # charts (each a new matplotlib Figure, detached from pyplot)

    def plot_population(self) -> Figure:
        """Year-end total population (:func:`analysis.plots.population_trend`)."""
        return _detached(plots.population_trend(self.panel, self.language))

    def plot_births(self) -> Figure:
        """Births and deaths per year (:func:`analysis.plots.births_deaths_trend`)."""
        return _detached(plots.births_deaths_trend(self.panel, self.language))

    def plot_rates(self) -> Figure:
        """Birth, death and natural-increase rates and the GFR (:func:`analysis.plots.rates_trend`)."""
        return _detached(plots.rates_trend(self.indicators(), self.language))

    def plot_parity(self) -> Figure:
        """Births by parity, stacked (:func:`analysis.plots.parity_stacked`)."""
        return _detached(plots.parity_stacked(self.panel, self.language))

    def plot_srb(self) -> Figure:
        """Sex ratio at birth per year with 95% intervals and the normal band (:func:`analysis.plots.srb_trend`)."""
        return _detached(plots.srb_trend(self.indicators(), self.language))

    def _pyramid(self, year: int | None = None) -> pd.DataFrame:
        year = year or self.report.age_year
        if year is None:
            raise TownshipReportError(t("explore.no_age_data", self.language, township=self.name))
        return indicators.pyramid(self.data.dataset.age_structure, self.code, year)

    def plot_pyramid(self, year: int | None = None) -> Figure:
        """Population pyramid of ``year`` (default: the latest with age data); raises
        :class:`~analysis.errors.TownshipReportError` when the township has no age data."""
        year = year or self.report.age_year
        return _detached(plots.population_pyramid(self._pyramid(year), self.language, year))

    def plot_forecast(self, horizon: int = 5, method: str = "auto", series: str = "births") -> Figure:
        """Fan chart of the observed series and its forecast with 80% and 95% intervals
        (:func:`analysis.plots.fan_chart`, the appendix's chart)."""
        frame = self.forecast(horizon, method, series)
        source = self.indicators() if series == "gfr_permille" else self.panel
        history = source.set_index("year")[series]
        titles = {"births": "chart.fan.births", "total_population": "chart.fan.population"}
        fig = plots.fan_chart(history, frame, self.language, titles.get(series, "chart.fan.births"),
                              "chart.axis.permille" if series == "gfr_permille" else "chart.axis.persons")
        if series not in titles:
            fig.axes[0].set_title(t("explore.fan.title", self.language, series=self._series_label(series)))
        return _detached(fig)

    def plot_funnel(self, kind: str = "srb", years: int = 5) -> Figure:
        """The county funnel plot (``srb`` pooled over ``years`` years, or ``gfr``) for the
        last year of the range, with this township circled."""
        return self.data.plot_funnel(kind, self.county, self.years[1], self.name, years)

    def funnel_verdict(self, kind: str = "srb", years: int = 5) -> str:
        """In plain words: does this township differ from its county by more than chance?"""
        f = self.data.funnel(kind, self.county, self.years[1], years)
        pts = f.points.set_index("label")
        if self.name not in pts.index:
            return ""
        p = pts.loc[self.name]
        key = ("county.verdict." + ("high" if p["z_adjusted"] > 0 else "low")) if p["outside95"] \
            else "county.verdict.within"
        return t("explore.funnel.verdict", self.language, township=self.name,
                  verdict=t(key, self.language))

    def plot(self, kind: str = "births") -> Figure:
        """The chart of one of :data:`INDICATORS` (what the dashboard's indicator control picks)."""
        if kind not in INDICATORS:
            raise ValueError(f"kind must be one of {', '.join(INDICATORS)}, not {kind!r}")
        return getattr(self, f"plot_{kind}")()

    def _repr_html_(self) -> str:
        lang, esc = self.language, html.escape
        last = self.panel.iloc[-1]
        ind = self.indicators().iloc[-1]
        year = int(last["year"])
        pooled = self.srb_pooled()
        rows = [
            (t("ind.total_population", lang), format_count(last["total_population"])),
            (t("ind.births", lang), format_count(last["births"])),
            (t("ind.cbr", lang), format_rate(ind["cbr_permille"])),
            (t("ind.srb", lang), format_srb(ind["srb"], ind["srb_lo95"], ind["srb_hi95"])),
        ]
        if len(pooled):
            p = pooled.iloc[0]
            rows.append((t("explore.card.srb_pooled", lang, first=max(year - 4, self.years[0]), last=year),
                         format_srb(p["srb"], p["srb_lo95"], p["srb_hi95"])))
        counts = self.findings_count()
        findings = " · ".join(
            f'<span style="color:{_SEVERITY_COLOUR[s]}">{esc(t("severity." + s, lang))} {n}</span>'
            for s, n in counts.items())
        body = "".join(f"<tr><th style=\"text-align:left;padding-right:16px\">{esc(k)}</th>"
                       f"<td style=\"text-align:right;white-space:nowrap\">{esc(v)}</td></tr>" for k, v in rows)
        body += (f"<tr><th style=\"text-align:left;padding-right:16px\">"
                 f"{esc(t('explore.card.findings', lang))}</th><td style=\"text-align:right;white-space:nowrap\">{findings}</td></tr>")
        span = t("explore.card.years", lang, first=self.years[0], last=self.years[1])
        return (f'<div style="{_CARD};max-width:560px">'
                f'<div style="font-size:1.15em;font-weight:600">{esc(self.name)} '
                f'<span style="font-weight:400;opacity:.7">{esc(self.code)} · {esc(self.county)} · '
                f'{esc(span)}</span></div>'
                f'<div style="opacity:.75;margin:2px 0 4px">{esc(t("explore.card.latest", lang, year=year))}</div>'
                f'<table style="border-collapse:collapse">{body}</table>'
                f'<div style="opacity:.7;font-size:.85em;margin-top:6px">{esc(t("explore.card.hint", lang))}</div>'
                "</div>")


# The dashboard --------------------------------------------------------------------------------


def in_live_frontend() -> bool:
    """Whether this kernel serves an interactive Jupyter frontend that can render widgets.

    jupyter_server (JupyterLab, Notebook 7) starts the kernel of a notebook session with the
    environment variable ``JPY_SESSION_NAME`` set to the notebook's path; papermill and
    nbclient start kernels without it, and a plain Python prompt has no kernel at all. Widgets
    shown without a live frontend display nothing useful, so :class:`Dashboard` then prints a
    static rendering instead.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        return False
    ip = get_ipython()
    return bool(ip is not None and getattr(ip, "kernel", None) is not None
                and os.environ.get("JPY_SESSION_NAME"))


class Dashboard:
    """ipywidgets controls driving live charts and tables of one dataset.

    Controls: township, indicator, years, forecast method and horizon, language. Four outputs
    follow them: the township card with its key indicators and audit, the chosen indicator's
    chart and table, the births forecast (fan chart, intervals, accuracy), and the county's
    funnel plots with the township circled. Each output is an ``interactive_output`` of the
    controls it depends on, so changing the forecast method does not redraw the funnel plots.

    Displaying the dashboard (the last expression of a cell, or :meth:`show`) shows the widgets
    in a live frontend and a static rendering of the current selection otherwise (papermill,
    CI, nbconvert), so an executed notebook always holds real output. ``interactive`` forces
    either way (``None``: :func:`in_live_frontend` decides).
    """

    def __init__(self, data: DatasetView, township: str | None = None, indicator: str = "births",
                 first_year: int | None = None, last_year: int | None = None,
                 method: str = "auto", horizon: int = 5, language: str | None = None,
                 interactive: bool | None = None) -> None:
        if indicator not in INDICATORS:
            raise ValueError(f"indicator must be one of {', '.join(INDICATORS)}, not {indicator!r}")
        if method not in METHODS:
            raise ValueError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
        self.data = data
        towns = data.townships
        valid = [c for c in towns["township_code"] if c not in data.invalid_townships]
        self.township = data.resolve(township) if township else valid[0]
        lo, hi = int(towns["first_year"].min()), int(towns["last_year"].max())
        self.years = (max(first_year or lo, lo), min(last_year or hi, hi))
        self.indicator, self.method, self.horizon = indicator, method, int(horizon)
        self.language = _check_language(language or data.language)
        self.interactive = interactive
        self._options = [(f"{n} ({c})", c) for c, n in zip(towns["township_code"], towns["township"])
                         if c in valid]
        self._bounds = (lo, hi)
        self._muted = False
        self._widget: Any = None

    def values(self) -> dict[str, Any]:
        """The current selection (the defaults until a control changes it)."""
        return {"township": self.township, "indicator": self.indicator, "years": self.years,
                "method": self.method, "horizon": self.horizon, "language": self.language}

    # rendering, shared by the live and the static dashboard

    def _view(self, township: str, years: tuple[int, int], language: str) -> TownshipView:
        return self.data.township(township, years[0], years[1], language)

    def _guarded(self, render, *args: Any) -> None:  # type: ignore[no-untyped-def]
        """Run a render; show expected problems (no data in the years, too few townships) as a
        message instead of a traceback."""
        from IPython.display import HTML, display

        if self._muted:
            return
        try:
            render(*args)
        except TownshipReportError as exc:
            display(HTML(f'<p style="color:{_SEVERITY_COLOUR["warning"]}">{html.escape(str(exc))}</p>'))

    def render_township(self, township: str, years: tuple[int, int], language: str) -> None:
        """The township card, its key-indicators table and its data-quality findings."""
        from IPython.display import HTML, Markdown, display

        def render() -> None:
            view = self._view(township, years, language)
            display(Markdown(f"### {t('explore.section.township', language, township=view.name)}"))
            display(HTML(view._repr_html_()))
            display(html_table(view.key_indicators()))
            display(Markdown(f"**{t('section.quality', language)}**\n\n{view.report.findings_markdown()}"))
        self._guarded(render)

    def render_indicator(self, township: str, indicator: str, years: tuple[int, int],
                         language: str) -> None:
        """The chosen indicator's chart, a sentence where one helps, and its table."""
        from IPython.display import Markdown, display

        def render() -> None:
            view = self._view(township, years, language)
            display(Markdown(f"### {t('explore.indicator.' + indicator, language)}"))
            display(view.plot(indicator))
            text = {"births": view.births_change, "srb": view.srb_verdict}.get(indicator)
            if text:
                display(Markdown(text()))
            display(html_table(view.table(indicator)))
        self._guarded(render)

    def render_forecast(self, township: str, years: tuple[int, int], method: str, horizon: int,
                        language: str) -> None:
        """Births forecast: fan chart, next year's forecast in words, and the table."""
        from IPython.display import Markdown, display

        def render() -> None:
            view = self._view(township, years, language)
            display(Markdown(f"### {t('explore.section.forecast', language, township=view.name)}"))
            display(view.plot_forecast(horizon, method))
            display(Markdown(view.forecast_text(horizon, method)))
            display(html_table(view.forecast_table(horizon, method)))
        self._guarded(render)

    def render_county(self, township: str, years: tuple[int, int], language: str) -> None:
        """The county's SRB and GFR funnel plots with the township circled, and their reading."""
        from IPython.display import Markdown, display

        def render() -> None:
            view = self._view(township, years, language)
            rep = CountyReport(self.data.dataset, view.county, language, {"year": view.years[1]})
            display(Markdown(f"### {t('explore.section.county', language, county=view.county)}"))
            for kind, f in (("srb", rep.srb_funnel()), ("gfr", rep.gfr_funnel())):
                if f is not None:
                    display(view.plot_funnel(kind))
                    display(Markdown(f"{view.funnel_verdict(kind)} {rep.funnel_note(f)}"))
                else:
                    display(Markdown(rep.funnel_note(None)))
        self._guarded(render)

    def render_static(self) -> None:
        """Display the current selection without widgets (what papermill records)."""
        from IPython.display import HTML, display

        v = self.values()
        display(HTML(f"<p><i>{html.escape(t('explore.static', v['language']))}</i></p>"))
        self.render_township(v["township"], v["years"], v["language"])
        self.render_indicator(v["township"], v["indicator"], v["years"], v["language"])
        self.render_forecast(v["township"], v["years"], v["method"], v["horizon"], v["language"])
        self.render_county(v["township"], v["years"], v["language"])

    # widgets

    @property
    def widget(self) -> Any:
        """The ipywidgets box of controls and outputs (built once)."""
        if self._widget is None:
            self._widget = self._build()
        return self._widget

    @property
    def controls(self) -> dict[str, Any]:
        """The controls by name: township, indicator, years, method, horizon, language."""
        self.widget  # noqa: B018  (builds them)
        return self._controls

    def _build(self) -> Any:
        import ipywidgets as w

        lang = self.language
        style = {"description_width": "initial"}
        c = {
            "township": w.Dropdown(options=self._options, value=self.township, style=style),
            "indicator": w.Dropdown(options=self._indicator_options(lang), value=self.indicator,
                                    style=style),
            "years": w.IntRangeSlider(min=self._bounds[0], max=self._bounds[1], value=self.years,
                                      step=1, continuous_update=False, style=style,
                                      layout=w.Layout(width="420px")),
            "method": w.Dropdown(options=self._method_options(lang), value=self.method, style=style),
            "horizon": w.IntSlider(min=1, max=10, value=self.horizon, continuous_update=False,
                                   style=style),
            "language": w.ToggleButtons(options=[("中文", "zh"), ("English", "en")], value=lang,
                                        style={"button_width": "72px"}),
        }
        self._controls = c
        for name, ctl in c.items():  # keep values() in step with the controls
            ctl.observe(lambda ch, name=name: setattr(self, name, ch["new"]), names="value")
        c["language"].observe(lambda ch: self._relabel(ch["new"]), names="value")
        pick = lambda *names: {n: c[n] for n in names}  # noqa: E731
        # a toggle's own description sits above its buttons: label it from outside instead
        self._language_label = w.Label(layout=w.Layout(margin="0 4px 0 24px"))
        self._describe(lang)
        outputs = [
            w.interactive_output(self.render_township, pick("township", "years", "language")),
            w.interactive_output(self.render_indicator, pick("township", "indicator", "years", "language")),
            w.HBox([c["method"], c["horizon"]]),
            w.interactive_output(self.render_forecast,
                                 pick("township", "years", "method", "horizon", "language")),
            w.interactive_output(self.render_county, pick("township", "years", "language")),
        ]
        header = w.VBox([w.HBox([c["township"], c["indicator"]]),
                         w.HBox([c["years"], self._language_label, c["language"]])])
        return w.VBox([header, *outputs])

    def _indicator_options(self, lang: str) -> list[tuple[str, str]]:
        return [(t(f"explore.indicator.{k}", lang), k) for k in INDICATORS]

    def _method_options(self, lang: str) -> list[tuple[str, str]]:
        return [(t(f"explore.method.{m}", lang), m) for m in METHODS]

    def _describe(self, lang: str) -> None:
        for name, ctl in self._controls.items():
            if name != "language":
                ctl.description = t(f"explore.ctl.{name}", lang)
        self._language_label.value = t("explore.ctl.language", lang)

    def _relabel(self, lang: str) -> None:
        """Controls in the new language; the renders it triggers are muted (the language's own
        change redraws every output once afterwards)."""
        self._muted = True
        try:
            for name, options in (("indicator", self._indicator_options(lang)),
                                  ("method", self._method_options(lang))):
                ctl = self._controls[name]
                value = ctl.value
                ctl.options = options
                ctl.value = value
            self._describe(lang)
        finally:
            self._muted = False

    def show(self) -> None:
        """Display the widgets in a live frontend, else the static rendering."""
        from IPython.display import display

        live = in_live_frontend() if self.interactive is None else self.interactive
        if live:
            display(self.widget)
        else:
            self.render_static()

    def _ipython_display_(self) -> None:
        self.show()


__all__ = [
    "open_dataset", "DatasetView", "TownshipView", "Dashboard", "in_live_frontend",
    "srb_reading", "INDICATORS",
]
