"""What an appendix notebook calls: one township's results, ready to show.

The notebook stays thin: it opens a :class:`TownshipReport` and displays its parts. All wording
comes from :mod:`analysis.i18n`, all column labels from :mod:`analysis.schema`, so the same
notebook yields a Chinese or an English appendix.
"""

from __future__ import annotations

import functools
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, Image, display
from matplotlib.figure import Figure

from . import indicators, quality, schema
from .errors import TownshipReportError
from .funnel import Funnel, funnel
from .i18n import t  # noqa: F401  (re-exported for notebooks: report.t)
from .load import Dataset, load_dataset
from .version import code_version

#: Shown for an unknown (blank) figure in formatted tables.
BLANK = "—"

#: Columns of the appendix data table, in order.
TABLE_COLUMNS: tuple[str, ...] = (
    "year", "total_population", "births", "deaths", "births_parity1", "births_parity2",
    "births_parity3plus", "births_male", "births_female", "in_migrants", "out_migrants",
)


#: CSS pixels per inch: a chart is shown at its figure size in inches times this.
CSS_PX_PER_INCH = 96


def figure_image(fig: Figure, alt: str | None = None) -> Image:
    """A chart as a PNG at ``savefig.dpi`` (print quality), shown at its size in inches.

    Rendered once with ``savefig`` (the charts use constrained layout, so IPython's inline
    ``bbox_inches="tight"`` pass, a second full draw, is not needed) and at 150 dpi rather than
    the inline backend's 100, which printed at about 110 dpi on A4.
    """
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    width = round(fig.get_figwidth() * CSS_PX_PER_INCH)
    return Image(data=buf.getvalue(), format="png", width=width, alt=alt)


def format_count(value: Any) -> str:
    """A whole number with thousands separators, or :data:`BLANK` when unknown."""
    return BLANK if value is None or pd.isna(value) else f"{int(value):,}"


def localized_table(frame: pd.DataFrame, columns: tuple[str, ...], language: str) -> pd.DataFrame:
    """Format ``columns`` of ``frame`` for display: labels with units, separators, blanks as —.

    Only columns present in ``frame`` and not entirely blank are kept (``year`` always).
    """
    out = {}
    for name in columns:
        if name not in frame or (name != "year" and frame[name].isna().all()):
            continue
        col = schema.BY_NAME[name]
        label = col.label(language)
        if name == "year":
            out[label] = frame[name].astype(int).astype(str)
        elif col.kind == "int":
            out[label] = frame[name].map(format_count)
        else:
            out[f"{label}({col.unit(language)})"] = frame[name].map(
                lambda v: BLANK if pd.isna(v) else f"{v:,.2f}")
    return pd.DataFrame(out).reset_index(drop=True)


def html_table(frame: pd.DataFrame) -> HTML:
    """A formatted table as HTML without the row index (deterministic, unlike pandas' Styler)."""
    return HTML(frame.to_html(index=False, border=0, classes="appendix-table", na_rep=BLANK))


def format_rate(value: Any, decimals: int = 2) -> str:
    """A rate or ratio with fixed decimals and thousands separators, or :data:`BLANK`."""
    return BLANK if value is None or pd.isna(value) else f"{value:,.{decimals}f}"


def format_share(value: Any) -> str:
    """A fraction as a percentage with one decimal, or :data:`BLANK`."""
    return BLANK if value is None or pd.isna(value) else f"{100 * value:.1f}%"


def format_srb(srb: Any, lo: Any, hi: Any) -> str:
    """Sex ratio at birth with its 95% interval: ``109.8 (86.0–140.3)``."""
    if srb is None or pd.isna(srb):
        return BLANK
    return f"{srb:.1f} ({lo:.1f}–{hi:.1f})"


#: Rows of the key-indicators table: (i18n key, column, formatter kind).
KEY_INDICATORS: tuple[tuple[str, str, str], ...] = (
    ("ind.total_population", "total_population", "count"),
    ("ind.births", "births", "count"),
    ("ind.deaths", "deaths", "count"),
    ("ind.cbr", "cbr_permille", "rate"),
    ("ind.cdr", "cdr_permille", "rate"),
    ("ind.rni", "rni_permille", "rate"),
    ("ind.gfr", "gfr_permille", "rate"),
    ("ind.tfr", "tfr", "rate"),
    ("ind.share_parity2", "share_parity2", "share"),
    ("ind.share_parity3plus", "share_parity3plus", "share"),
    ("ind.srb", "srb", "srb"),
    ("ind.net_migration", "net_migration_permille", "rate"),
)


class Numbering:
    """Numbers of sections, figures and tables of one document, in the order they are shown.

    Appendices are cited in written reports ("见附录图 3"), so every section, figure and
    table carries a number and a caption ("图 1 …" / "Figure 1 …").
    """

    def __init__(self, language: str) -> None:
        self.language = language
        self.counts = {"section": 0, "figure": 0, "table": 0}

    def next(self, kind: str) -> int:
        self.counts[kind] += 1
        return self.counts[kind]

    def heading(self, text: str, level: int = 2) -> str:
        """A numbered Markdown heading (level 2 headings are numbered)."""
        if level != 2:
            return f"{'#' * level} {text}"
        return f"## {self.next('section')} {text}"

    def caption(self, kind: str, text: str) -> str:
        """A caption as an HTML paragraph: ``<p class="caption">图 1 …</p>``."""
        label = t(f"caption.{kind}", self.language, n=self.next(kind))
        return f'<p class="caption {kind}-caption"><b>{label}</b>&ensp;{text}</p>'


class _Document:
    """What a township appendix and a county overview share: numbering and display helpers."""

    language: str

    @functools.cached_property
    def numbering(self) -> Numbering:
        return Numbering(self.language)

    def heading(self, key: str, level: int = 2, **values: Any) -> str:
        """A numbered section heading from the translation table."""
        return self.numbering.heading(t(key, self.language, **values), level)

    def show_figure(self, fig: Figure, caption_key: str, **values: Any) -> None:
        """Display a chart followed by its numbered caption, then free it.

        The caption is also the image's alternative text (screen readers, broken images).
        """
        text = t(caption_key, self.language, **values)
        caption = self.numbering.caption("figure", text)
        display(figure_image(fig, alt=text))
        display(HTML(caption))
        plt.close(fig)

    def show_table(self, frame: pd.DataFrame, caption_key: str, **values: Any) -> None:
        """Display a numbered caption followed by a formatted table."""
        display(HTML(self.numbering.caption("table", t(caption_key, self.language, **values))))
        display(html_table(frame))


#: Fewer years of births than this: no forecast is shown (the issue's "short series" rule).
MIN_FORECAST_YEARS = 4


#: Marks a rate computed on the year-end population because the previous year-end is missing.
YEAREND_MARK = "†"
YEAREND_SENSITIVE = {"cbr_permille", "cdr_permille", "rni_permille", "net_migration_permille"}


@dataclass
class TownshipReport(_Document):
    """One township's appendix content, in one language."""

    dataset: Dataset
    township_code: str
    language: str = "zh"
    parameters: dict[str, Any] = field(default_factory=dict)
    version: str = ""

    @property
    def panel(self) -> pd.DataFrame:
        """This township's rows within the requested year range."""
        rows = self.dataset.township_panel(self.township_code)
        first = self.parameters.get("first_year")
        last = self.parameters.get("last_year")
        if first is not None:
            rows = rows[rows["year"] >= first]
        if last is not None:
            rows = rows[rows["year"] <= last]
        if rows.empty:
            raise TownshipReportError(
                f"no data for township {self.township_code!r} in dataset {self.dataset.name!r} "
                f"for years {first or '…'}-{last or '…'} (check first_year/last_year)")
        return rows.reset_index(drop=True)

    @property
    def name(self) -> str:
        return str(self.panel["township"].iloc[0])

    @property
    def county(self) -> str:
        return str(self.panel["county"].iloc[0])

    def title(self) -> str:
        return self.parameters.get("title") or t("appendix.title", self.language, township=self.name)

    def title_markdown(self) -> str:
        """Title block: title, township, county, years, data source and the date of the data.

        The date comes from the parameters (``report_date``) or the data (end of the last
        year), never from the clock, so a rerun gives the same appendix.
        """
        p = self.panel
        last = int(p["year"].max())
        asof = self.parameters.get("report_date") or t("appendix.asof", self.language, year=last)
        source = self.parameters.get("data_source") or (
            f"{self.dataset.name}/{schema.MAIN_FILE} "
            f"(SHA-256 {self.dataset.file_sha256[schema.MAIN_FILE][:12]})")
        meta = t("appendix.meta", self.language, township=self.name, code=self.township_code,
                 county=self.county, first=int(p["year"].min()), last=last, source=source,
                 asof=asof)
        return f"# {self.title()}\n\n<p class=\"meta\">{meta}</p>"

    def methods_markdown(self) -> str:
        """Formulas and citations of every indicator shown."""
        return t("methods.text", self.language)

    def overview_markdown(self) -> str:
        """One sentence with the latest year's population, births and deaths."""
        last = self.panel.iloc[-1]
        return t("overview.text", self.language, last=int(last["year"]), township=self.name,
                 population=format_count(last["total_population"]),
                 births=format_count(last["births"]), deaths=format_count(last["deaths"]))

    def data_table(self) -> pd.DataFrame:
        """Counts per year, formatted and labelled for the appendix."""
        return localized_table(self.panel, TABLE_COLUMNS, self.language)

    @functools.cached_property
    def all_indicators(self) -> pd.DataFrame:
        """Indicators of every township-year of the dataset (one vectorised pass), with TFR.

        Computed once per dataset object (a warm batch kernel reuses it across townships).
        """
        ds = self.dataset

        def compute_all() -> pd.DataFrame:
            ind = indicators.compute(ds.panel)
            if ds.age_structure is not None and ds.births_by_age is not None:
                tfr = indicators.tfr(ds.births_by_age, ds.age_structure)
                return ind.merge(tfr, on=["township_code", "year"], how="left")
            return ind.assign(tfr=float("nan"))

        return ds.memo("indicators+tfr", compute_all)

    @property
    def has_age_data(self) -> bool:
        ds = self.dataset
        return (ds.age_structure is not None and ds.births_by_age is not None
                and not ds.rows_of(self.township_code, "births_by_age").empty)

    @property
    def indicators(self) -> pd.DataFrame:
        """This township's indicators within the year range."""
        rows = self.dataset.select("indicators+tfr", self.all_indicators, self.township_code)
        rows = rows[rows["year"].isin(set(self.panel["year"]))]
        return rows.reset_index(drop=True)

    @functools.cached_property
    def county_indicators(self) -> pd.DataFrame:
        """The county's own indicators (counts summed over its townships)."""
        return self.dataset.memo(f"county-indicators:{self.county}", lambda: indicators.compute(
            self.dataset.county_totals(self.county)))

    def key_indicators_table(self) -> pd.DataFrame:
        """Latest year, previous year, change and county value of the key indicators."""
        lang = self.language
        ind = self.indicators.merge(self.panel[["year", "total_population", "births", "deaths"]],
                                    on="year")
        last = ind.iloc[-1]
        prev = ind[ind["year"] == last["year"] - 1]
        prev = prev.iloc[0] if len(prev) else None
        cty = self.county_indicators.merge(
            self.dataset.county_totals(self.county)[["year", "total_population", "births", "deaths"]],
            on="year")
        cty = cty[cty["year"] == last["year"]]
        cty = cty.iloc[0] if len(cty) else None
        rows = []
        for key, col, kind in KEY_INDICATORS:
            if col not in ind or pd.isna(last[col]):
                continue
            def fmt(row: Any, col: str = col, kind: str = kind) -> str:
                if row is None or col not in row:
                    return BLANK
                if kind == "srb":
                    return format_srb(row["srb"], row["srb_lo95"], row["srb_hi95"])
                text = {"count": format_count, "rate": format_rate, "share": format_share}[kind](row[col])
                yearend = col in YEAREND_SENSITIVE and bool(row.get("mean_population_is_yearend", False))
                return text + YEAREND_MARK if yearend and text != BLANK else text
            change = BLANK
            if prev is not None and kind != "srb" and not pd.isna(prev[col]):
                delta = float(last[col]) - float(prev[col])
                change = (f"{delta:+,.0f}" if kind == "count" else
                          f"{100 * delta:+.1f} pp" if kind == "share" else f"{delta:+.2f}")
            rows.append({
                t("table.indicator", lang): t(key, lang),
                t("table.this_year", lang, year=int(last["year"])): fmt(last),
                t("table.last_year", lang, year=int(last["year"]) - 1): fmt(prev),
                t("table.change", lang): change,
                t("table.county", lang): fmt(cty),
            })
        return pd.DataFrame(rows)

    @property
    def age_year(self) -> int | None:
        """The latest year (within the range) with age-structure data, or None."""
        if self.dataset.age_structure is None:
            return None
        a = self.dataset.rows_of(self.township_code, "age_structure")
        years = a.loc[a["year"].isin(set(self.panel["year"])), "year"]
        return int(years.max()) if len(years) else None

    def pyramid_data(self) -> pd.DataFrame | None:
        """Pyramid of :attr:`age_year`, or None without age data."""
        year = self.age_year
        if year is None:
            return None
        return indicators.pyramid(self.dataset.rows_of(self.township_code, "age_structure"),
                                  self.township_code, year)

    @functools.cached_property
    def findings(self) -> pd.DataFrame:
        """This township's data-quality findings (the audit runs on its rows only)."""
        return quality.audit(self.panel)

    def findings_markdown(self) -> str:
        """The findings in plain words, errors first; a sentence when there are none."""
        f = self.findings
        if f.empty:
            return t("quality.none", self.language)
        col = "message_zh" if self.language == "zh" else "message_en"
        lines = []
        for _, row in f.iterrows():
            year = "" if pd.isna(row["year"]) else f"{int(row['year'])}: "
            lines.append(f"- **{t('severity.' + row['severity'], self.language)}** {year}{row[col]}")
        counts = f["severity"].value_counts()
        head = t("quality.summary", self.language, error=int(counts.get("error", 0)),
                 warning=int(counts.get("warning", 0)), note=int(counts.get("note", 0)))
        return head + "\n\n" + "\n".join(lines)

    @functools.cached_property
    def forecast(self) -> Any:
        """Forecasts of this township (:func:`analysis.forecast.forecast_township`)."""
        from .forecast import forecast_township  # statsmodels is imported only when needed

        panel = self.dataset.rows_of(self.township_code)
        if self.parameters.get("last_year") is not None:
            panel = panel[panel["year"] <= self.parameters["last_year"]]
        ind = self.dataset.select("indicators+tfr", self.all_indicators, self.township_code)
        return forecast_township(panel, self.township_code,
                                 horizon=int(self.parameters.get("forecast_horizon") or 5),
                                 indicators=ind)

    @property
    def can_forecast(self) -> bool:
        """At least :data:`MIN_FORECAST_YEARS` years of births: fewer give no honest forecast."""
        return int(self.panel["births"].notna().sum()) >= MIN_FORECAST_YEARS

    def forecast_table(self) -> pd.DataFrame:
        """Births, deaths and population forecasts with their 80% (and births' 95%) intervals."""
        lang, fc = self.language, self.forecast
        b, d, p = fc["births"], fc["deaths"], fc["total_population"]

        def cell(frame: pd.DataFrame, year: int) -> str:
            r = frame.loc[year]
            if pd.isna(r.get("lo80")):
                return format_count(round(r["mean"]))
            return f"{round(r['mean']):,} ({round(r['lo80']):,}–{round(r['hi80']):,})"

        return pd.DataFrame({
            t("forecast.col.year", lang): [str(y) for y in b.index],
            t("forecast.col.births", lang): [cell(b, y) for y in b.index],
            t("forecast.col.births95", lang): [
                BLANK if pd.isna(b.loc[y, "lo95"]) else
                f"{round(b.loc[y, 'lo95']):,}–{round(b.loc[y, 'hi95']):,}" for y in b.index],
            t("forecast.col.deaths", lang): [cell(d, y) for y in b.index],
            t("forecast.col.population", lang): [cell(p, y) for y in b.index],
        })

    def forecast_markdown(self) -> str:
        """The births method in plain words, its backtest accuracy against naive, and the caveat."""
        lang = self.language
        if not self.can_forecast:
            return t("forecast.too_short", lang, n=int(self.panel["births"].notna().sum()),
                     min=MIN_FORECAST_YEARS)
        acc = self.forecast.accuracy.set_index("series") if "series" in self.forecast.accuracy else (
            self.forecast.accuracy)
        row = acc.loc["births"]
        route = "rate" if self.forecast.births.route == "gfr_x_women" else "count"
        method = row["method"]
        if route == "rate":
            method = f"{acc.loc['gfr_permille', 'method']} × {acc.loc['women_15_49', 'method']}"
        mase, naive = row["mase"], row["mase_naive"]
        verdict = "" if pd.isna(mase) or pd.isna(naive) else t(
            "forecast.verdict.better" if mase < naive else "forecast.verdict.worse", lang)
        text = t("forecast.method", lang, route=t(f"forecast.route.{route}", lang),
                 method=method, origins=int(row["origins"]), mase=format_rate(mase),
                 naive=format_rate(naive), verdict=verdict)
        return f"{text}\n\n> {t('forecast.caveat', lang)}"

    def summary(self) -> dict[str, Any]:
        """Key figures for the index page (JSON-ready): latest year, findings, next-year births."""
        last = self.indicators.iloc[-1]
        prow = self.panel.iloc[-1]
        counts = self.findings["severity"].value_counts()
        out: dict[str, Any] = {
            "year": int(last["year"]),
            "population": None if pd.isna(prow["total_population"]) else int(prow["total_population"]),
            "births": None if pd.isna(prow["births"]) else int(prow["births"]),
            "cbr": None if pd.isna(last["cbr_permille"]) else round(float(last["cbr_permille"]), 2),
            "tfr": None if pd.isna(last.get("tfr")) else round(float(last["tfr"]), 2),
            "srb": [None if pd.isna(last[c]) else round(float(last[c]), 1)
                    for c in ("srb", "srb_lo95", "srb_hi95")],
            "findings": {s: int(counts.get(s, 0)) for s in quality.SEVERITIES},
        }
        try:
            if not self.can_forecast:
                raise ValueError("too few years")
            nxt = self.forecast["births"].iloc[0]
            out["births_forecast"] = {"year": int(self.forecast["births"].index[0]),
                                      **{k: None if pd.isna(nxt[k]) else round(float(nxt[k]))
                                         for k in ("mean", "lo95", "hi95")}}
        except (ValueError, KeyError, IndexError):
            out["births_forecast"] = None
        return out

    def publish_summary(self) -> None:
        """Emit :meth:`summary` as a machine-readable output the batch collects (not shown)."""
        display({schema.SUMMARY_MIME: self.summary()}, raw=True)

    def notes_markdown(self) -> str:
        """Reading notes: blanks, small numbers, denominators (with the † mark), intervals."""
        keys = ["note.blank", "note.small_numbers", "note.mean_population", "note.srb"]
        return "\n".join(f"- {t(k, self.language)}" for k in keys)

    def provenance_markdown(self) -> str:
        """Data file and its SHA-256, the parameters and the code version behind this appendix."""
        rows = [(t("provenance.data", self.language), f"`{self.dataset.name}/{schema.MAIN_FILE}`")]
        rows += [(f"{t('provenance.sha', self.language)} {name}", f"`{sha[:12]}`")
                 for name, sha in sorted(self.dataset.file_sha256.items())]
        params = {k: v for k, v in sorted(self.parameters.items())
                  if k not in ("data_dir", "input_hashes")}
        rows.append((t("provenance.params", self.language),
                     f"`{json.dumps(params, ensure_ascii=False, sort_keys=True)}`"))
        rows.append((t("provenance.code", self.language), f"`{self.version}`"))
        hashes = self.parameters.get("input_hashes") or {}
        if hashes:
            text = ", ".join(f"{k} `{v}`" for k, v in hashes.items())
            rows.append((t("provenance.inputs", self.language), text))
        return "\n".join(f"- {k}: {v}" for k, v in rows)


def open_township(data_dir: str | Path, township_code: str, language: str = "zh",
                  version: str | None = None, **parameters: Any) -> TownshipReport:
    """Load a dataset and return the report of one township (code or Chinese name)."""
    ds = load_dataset(data_dir, township_code)
    code = ds.resolve(township_code)
    parameters = {"township_code": code, "language": language, **parameters}
    return TownshipReport(ds, code, language, parameters, version or code_version())


#: Fewer townships than this with data: no funnel plot (nothing to compare).
MIN_FUNNEL_UNITS = 3


@dataclass
class CountyReport(_Document):
    """One county's overview: funnel plots, rankings with intervals, small multiples."""

    dataset: Dataset
    county: str
    language: str = "zh"
    parameters: dict[str, Any] = field(default_factory=dict)
    version: str = ""

    @property
    def panel(self) -> pd.DataFrame:
        return self.dataset.county_panel(self.county).reset_index(drop=True)

    @property
    def year(self) -> int:
        """The year compared across townships: the parameter, else the latest in the data."""
        return int(self.parameters.get("year") or self.panel["year"].max())

    @functools.cached_property
    def indicators(self) -> pd.DataFrame:
        return indicators.compute(self.panel)

    @functools.cached_property
    def county_indicators(self) -> pd.DataFrame:
        return indicators.compute(indicators.aggregate_county(self.panel))

    def title_markdown(self) -> str:
        p = self.panel
        title = t("county.title", self.language, county=self.county)
        sub = t("county.subtitle", self.language, n=p["township_code"].nunique(),
                first=int(p["year"].min()), last=int(p["year"].max()), dataset=self.dataset.name)
        return f"# {title}\n\n{sub}"

    def _year_rows(self) -> pd.DataFrame:
        rows = self.panel[self.panel["year"] == self.year]
        return rows.merge(self.indicators, on=["township_code", "year"])

    def gfr_funnel(self) -> Funnel | None:
        """Funnel of the GFR (births per woman 15-49) in :attr:`year` [Spiegelhalter 2005].

        None when fewer than :data:`MIN_FUNNEL_UNITS` townships have births and women 15-49.
        """
        rows = self._year_rows()
        births = pd.to_numeric(rows["births"]).to_numpy(dtype=float, na_value=float("nan"))
        women = pd.to_numeric(rows["women_15_49"]).to_numpy(dtype=float, na_value=float("nan"))
        usable = (~pd.isna(births) & ~pd.isna(women) & (women > 0)).sum()
        if usable < MIN_FUNNEL_UNITS:
            return None
        return funnel(rows["township"], births, women, kind="rate")

    def srb_funnel(self, years: int = 5) -> Funnel | None:
        """Funnel of the male share of births pooled over the last ``years`` years (or None)."""
        pooled = indicators.pooled_srb(self.panel, years=(self.year - years + 1, self.year))
        pooled = pooled[pooled["births_male"] + pooled["births_female"] > 0]
        if len(pooled) < MIN_FUNNEL_UNITS:
            return None
        names = self.panel.groupby("township_code")["township"].first()
        return funnel(pooled["township_code"].map(names), pooled["births_male"].to_numpy(),
                      (pooled["births_male"] + pooled["births_female"]).to_numpy(), kind="proportion")

    def ranking_table(self) -> pd.DataFrame:
        """Townships by GFR in :attr:`year`, with 95% intervals and funnel verdicts."""
        lang = self.language
        rows = self._year_rows()
        gf = self.gfr_funnel()
        f = gf.points.set_index("label") if gf is not None else pd.DataFrame(
            columns=["z_adjusted", "outside95"])
        births = rows["births"].astype(float)
        women = rows["women_15_49"].astype(float)
        # exact Poisson interval for the births count (Garwood 1936), scaled to the rate
        from scipy import stats  # imported here: the index page needs this module, not SciPy

        lo = stats.chi2.ppf(0.025, 2 * births) / 2 / women * 1000
        hi = stats.chi2.ppf(0.975, 2 * births + 2) / 2 / women * 1000
        verdict = [t("county.verdict." + ("high" if f.loc[n, "z_adjusted"] > 0 else "low"), lang)
                   if n in f.index and f.loc[n, "outside95"] else t("county.verdict.within", lang)
                   for n in rows["township"]]
        table = pd.DataFrame({
            t("index.col.township", lang): rows["township"],
            t("ind.births", lang): rows["births"].map(format_count),
            t("ind.gfr", lang): [f"{g:.1f} ({a:.1f}–{b:.1f})" for g, a, b in
                                 zip(rows["gfr_permille"], lo.fillna(0), hi)],
            t("ind.srb", lang): [format_srb(*v) for v in rows[["srb", "srb_lo95", "srb_hi95"]].to_numpy()],
            t("county.col.verdict", lang): verdict,
            "_sort": rows["gfr_permille"],
        })
        return table.sort_values("_sort", ascending=False).drop(columns="_sort").reset_index(drop=True)

    def county_table(self) -> pd.DataFrame:
        """The county's own indicators by year (counts summed over townships)."""
        lang = self.language
        ind = self.county_indicators
        agg = indicators.aggregate_county(self.panel)
        merged = agg[["year", "total_population", "births", "deaths"]].merge(ind, on="year")
        return pd.DataFrame({
            t("chart.axis.year", lang): merged["year"].astype(str),
            t("ind.total_population", lang): merged["total_population"].map(format_count),
            t("ind.births", lang): merged["births"].map(format_count),
            t("ind.deaths", lang): merged["deaths"].map(format_count),
            t("ind.cbr", lang): merged["cbr_permille"].map(format_rate),
            t("ind.cdr", lang): merged["cdr_permille"].map(format_rate),
            t("ind.gfr", lang): merged["gfr_permille"].map(format_rate),
            t("ind.srb", lang): [format_srb(*v) for v in merged[["srb", "srb_lo95", "srb_hi95"]].to_numpy()],
        })

    @functools.cached_property
    def county_forecast(self) -> Any:
        """Births of the county and its townships, reconciled so they add up (MinT shrinkage)."""
        from .forecast import forecast_county

        return forecast_county(self.panel, horizon=int(self.parameters.get("forecast_horizon") or 5))

    @property
    def can_forecast(self) -> bool:
        return int(self.panel.groupby("year")["births"].count().gt(0).sum()) >= MIN_FORECAST_YEARS

    def county_births_history(self) -> pd.Series:
        agg = indicators.aggregate_county(self.panel)
        return agg.set_index("year")["births"]

    def county_forecast_table(self) -> pd.DataFrame:
        """County births by year: reconciled forecast with 80% and 95% intervals, and the check
        that it equals the sum of the townships' forecasts."""
        lang, cf = self.language, self.county_forecast
        c = cf.county
        total = pd.DataFrame({k: v["mean"] for k, v in cf.townships.items()}).sum(axis=1)
        return pd.DataFrame({
            t("forecast.col.year", lang): [str(y) for y in c.index],
            t("forecast.col.births", lang): [f"{round(v):,}" for v in c["mean"]],
            "80%": [f"{round(a):,}–{round(b):,}" for a, b in zip(c["lo80"], c["hi80"])],
            "95%": [f"{round(a):,}–{round(b):,}" for a, b in zip(c["lo95"], c["hi95"])],
            t("forecast.col.sum_townships", lang): [f"{round(v):,}" for v in total.reindex(c.index)],
        })

    def funnel_note(self, f: Funnel | None) -> str:
        """Plain-words reading of a funnel: who lies outside, and the over-dispersion used."""
        if f is None:
            return t("county.funnel.too_few", self.language, n=MIN_FUNNEL_UNITS)
        out = f.points[f.points["outside95"]]
        names = "、".join(out["label"]) if self.language == "zh" else ", ".join(out["label"])
        key = "county.funnel.outside" if len(out) else "county.funnel.none"
        return t(key, self.language, names=names, phi=f"{f.phi:.2f}")


def open_county(data_dir: str | Path, county: str, language: str = "zh",
                version: str | None = None, **parameters: Any) -> CountyReport:
    """Load a dataset and return the overview of one county (by name)."""
    ds = load_dataset(data_dir)
    if county not in set(ds.panel["county"]):
        raise TownshipReportError(f"county {county!r} is not in dataset {ds.name!r}")
    return CountyReport(ds, county, language, {"county": county, **parameters},
                        version or code_version())
