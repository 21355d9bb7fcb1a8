"""Charts for the appendices: print-ready, labelled in the appendix language, CJK-safe.

matplotlib's default font (DejaVu Sans) has no Chinese glyphs and draws empty boxes with
"Glyph missing" warnings. :func:`use_cjk_font` puts an installed CJK font first (Debian's
``fonts-noto-cjk`` gives "Noto Sans CJK SC"); every chart function calls it.
"""

from __future__ import annotations

import functools
import warnings

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .i18n import t

#: Preferred CJK fonts, best first. Noto Sans CJK SC is what ``make setup`` installs.
CJK_FONTS: tuple[str, ...] = (
    "Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC",
)
#: Colours distinguishable in print and in grey (dark blue / orange / grey).
PALETTE: tuple[str, ...] = ("#1f4e79", "#d9822b", "#7f7f7f", "#2e8b57")


class CJKFontMissingWarning(UserWarning):
    """No CJK font is installed: Chinese labels would print as empty boxes."""


@functools.cache
def cjk_font() -> str | None:
    """The first installed font of :data:`CJK_FONTS`, or ``None``."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def use_cjk_font() -> str | None:
    """Configure matplotlib for Chinese text and print-ready charts; return the font used.

    Warns (once per process) with :class:`CJKFontMissingWarning` when no CJK font is found,
    naming the Debian package to install.
    """
    font = cjk_font()
    if font is None:
        warnings.warn(
            "no CJK font found: Chinese text will not render. Install Debian's fonts-noto-cjk "
            "(make setup does), then delete ~/.cache/matplotlib/fontlist-*.json",
            CJKFontMissingWarning, stacklevel=2)
    matplotlib.rcParams.update({
        "font.family": "sans-serif",
        "font.sans-serif": ([font] if font else []) + ["DejaVu Sans"],
        "axes.unicode_minus": False,
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "font.size": 10,
        "axes.titlesize": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.color": "#dddddd",
        "grid.linewidth": 0.6,
        "svg.hashsalt": "township-report",
    })
    return font


def _thousands(x: float, _pos: object = None) -> str:
    return f"{x:,.0f}"


def _year_axis(ax: plt.Axes, language: str) -> None:
    ax.set_xlabel(t("chart.axis.year", language))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=9))


def population_trend(panel: pd.DataFrame, language: str = "zh") -> Figure:
    """Line chart of year-end total population of one township (rows of one township)."""
    use_cjk_font()
    fig, ax = plt.subplots(figsize=(7.0, 3.2), layout="constrained")
    data = panel.dropna(subset=["total_population"])
    ax.plot(data["year"], data["total_population"].astype(float), marker="o", ms=3.5,
            color=PALETTE[0], lw=1.8)
    ax.set_title(t("chart.population.title", language))
    ax.set_ylabel(t("chart.axis.persons", language))
    ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
    _year_axis(ax, language)
    return fig


def births_deaths_trend(panel: pd.DataFrame, language: str = "zh") -> Figure:
    """Births and deaths per year of one township; distinct markers so it reads in grey."""
    use_cjk_font()
    fig, ax = plt.subplots(figsize=(7.0, 3.2), layout="constrained")
    for col, key, color, marker, style in (
        ("births", "chart.series.births", PALETTE[0], "o", "-"),
        ("deaths", "chart.series.deaths", PALETTE[1], "s", "--"),
    ):
        data = panel.dropna(subset=[col])
        ax.plot(data["year"], data[col].astype(float), marker=marker, ms=3.5, ls=style,
                color=color, lw=1.8, label=t(key, language))
    ax.set_title(t("chart.births.title", language))
    ax.set_ylabel(t("chart.axis.persons", language))
    ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
    ax.set_ylim(bottom=0)
    ax.legend(frameon=False)
    _year_axis(ax, language)
    return fig


def _finish(ax: plt.Axes, title_key: str, ylabel_key: str | None, language: str) -> None:
    ax.set_title(t(title_key, language))
    if ylabel_key:
        ax.set_ylabel(t(ylabel_key, language))
    _year_axis(ax, language)


def rates_trend(ind: pd.DataFrame, language: str = "zh") -> Figure:
    """CBR, CDR and RNI (per mille) and, in a second panel, the GFR of one township."""
    use_cjk_font()
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(7.4, 3.0), layout="constrained")
    for col, key, color, marker, style in (
        ("cbr_permille", "chart.series.cbr", PALETTE[0], "o", "-"),
        ("cdr_permille", "chart.series.cdr", PALETTE[1], "s", "--"),
        ("rni_permille", "chart.series.rni", PALETTE[2], "^", ":"),
    ):
        ax1.plot(ind["year"], ind[col], marker=marker, ms=3, ls=style, color=color, lw=1.5,
                 label=t(key, language))
    ax1.axhline(0, color="#999999", lw=0.8)
    ax1.legend(frameon=False, fontsize=8)
    _finish(ax1, "chart.rates.title", "chart.axis.permille", language)
    ax2.plot(ind["year"], ind["gfr_permille"], marker="o", ms=3, color=PALETTE[0], lw=1.5)
    ax2.set_ylim(bottom=0)
    _finish(ax2, "chart.gfr.title", "chart.axis.permille", language)
    return fig


def parity_stacked(panel: pd.DataFrame, language: str = "zh") -> Figure:
    """Births by parity per year as stacked bars (hatched so the parts read in grey)."""
    use_cjk_font()
    fig, ax = plt.subplots(figsize=(7.0, 3.0), layout="constrained")
    data = panel.dropna(subset=["births_parity1", "births_parity2", "births_parity3plus"])
    bottom = pd.Series(0.0, index=data.index)
    for col, key, color, hatch in (
        ("births_parity1", "chart.series.parity1", PALETTE[0], ""),
        ("births_parity2", "chart.series.parity2", PALETTE[1], "//"),
        ("births_parity3plus", "chart.series.parity3", PALETTE[2], ".."),
    ):
        values = data[col].astype(float)
        ax.bar(data["year"], values, bottom=bottom, color=color, hatch=hatch, edgecolor="white",
               lw=0.5, label=t(key, language))
        bottom = bottom + values
    ax.legend(frameon=False, fontsize=8, ncols=3)
    ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
    _finish(ax, "chart.parity.title", "chart.axis.persons", language)
    return fig


def srb_trend(ind: pd.DataFrame, language: str = "zh") -> Figure:
    """Sex ratio at birth per year with its 95% interval and the normal 103-107 band."""
    from .indicators import SRB_NORMAL

    use_cjk_font()
    fig, ax = plt.subplots(figsize=(7.0, 3.0), layout="constrained")
    data = ind.dropna(subset=["srb"])
    ax.axhspan(*SRB_NORMAL, color="#9ecae1", alpha=0.5, lw=0, label=t("chart.srb.normal", language))
    err = [data["srb"] - data["srb_lo95"], data["srb_hi95"].clip(upper=250) - data["srb"]]
    ax.errorbar(data["year"], data["srb"], yerr=err, fmt="o", ms=3.5, color=PALETTE[0],
                ecolor="#555555", elinewidth=1, capsize=2, label=t("chart.srb.point", language))
    ax.legend(frameon=False, fontsize=8, loc="upper right")
    _finish(ax, "chart.srb.title", "chart.axis.srb", language)
    return fig


def population_pyramid(pyr: pd.DataFrame, language: str = "zh", year: int | None = None) -> Figure:
    """Population pyramid (shares of the total) from :func:`analysis.indicators.pyramid`."""
    use_cjk_font()
    fig, ax = plt.subplots(figsize=(6.0, 4.0), layout="constrained")
    y = range(len(pyr))
    ax.barh(y, -pyr["male_share"] * 100, color=PALETTE[0], label=t("chart.series.male", language))
    ax.barh(y, pyr["female_share"] * 100, color=PALETTE[1], hatch="//", edgecolor="white", lw=0.5,
            label=t("chart.series.female", language))
    ax.set_yticks(list(y), pyr["age_group"], fontsize=7)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{abs(v):.0f}%"))
    ax.set_xlabel(t("chart.axis.share", language))
    ax.axvline(0, color="#333333", lw=0.8)
    ax.legend(frameon=False, fontsize=8)
    ax.set_title(t("chart.pyramid.title", language, year=year or ""))
    ax.grid(axis="y", visible=False)
    return fig


def funnel_chart(f: object, language: str, title_key: str, ylabel_key: str, xlabel_key: str,
                 ratio: bool = False, highlight: str | None = None, scale: float = 1.0,
                 x_scale: float = 1.0) -> Figure:
    """A funnel plot from :func:`analysis.funnel.funnel`: points, 95% and 99.8% limits.

    ``ratio`` maps proportions to sex ratios; ``scale`` multiplies rates (1000 for per mille);
    ``x_scale`` multiplies the sizes on the x axis (e.g. the county rate, to show expected births).
    Points outside the 99.8% limits are labelled; ``highlight`` marks one township.
    """
    from .funnel import proportion_to_ratio

    use_cjk_font()
    tr = (lambda v: proportion_to_ratio(v)) if ratio else (lambda v: v * scale)
    fig, ax = plt.subplots(figsize=(7.0, 3.8), layout="constrained")
    lim = f.limits
    for lvl, style in (("95", "--"), ("99.8", ":")):
        label = t("chart.funnel.limit", language, level=lvl)
        ax.plot(lim["size"] * x_scale, tr(lim[f"lo{lvl}"]), ls=style, color="#555555", lw=1, label=label)
        ax.plot(lim["size"] * x_scale, tr(lim[f"hi{lvl}"]), ls=style, color="#555555", lw=1)
    ax.axhline(float(tr(f.target)), color=PALETTE[1], lw=1.2, label=t("chart.funnel.target", language))
    pts = f.points
    ax.scatter(pts["size"] * x_scale, tr(pts["value"]), s=22, color=PALETTE[0], zorder=3)
    for _, p in pts.iterrows():
        if p["outside95"] or p["label"] == highlight:
            ax.annotate(str(p["label"]), (p["size"] * x_scale, float(tr(p["value"]))), fontsize=8,
                        xytext=(4, 3), textcoords="offset points")
    if highlight is not None and (pts["label"] == highlight).any():
        h = pts[pts["label"] == highlight]
        ax.scatter(h["size"] * x_scale, tr(h["value"]), s=70, facecolors="none", edgecolors="#b42318",
                   lw=1.5, zorder=4)
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(FuncFormatter(_thousands))
    ax.xaxis.set_minor_formatter(FuncFormatter(_thousands))
    ax.tick_params(axis="x", which="minor", labelsize=7)
    ax.set_xlabel(t(xlabel_key, language))
    ax.set_ylabel(t(ylabel_key, language))
    ax.set_title(t(title_key, language))
    ax.legend(frameon=False, fontsize=8)
    return fig


def births_small_multiples(panel: pd.DataFrame, language: str = "zh", ncols: int = 4) -> Figure:
    """One small births chart per township, shared axes, for the county overview."""
    use_cjk_font()
    codes = list(dict.fromkeys(panel.sort_values("township_code")["township_code"]))
    nrows = -(-len(codes) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(7.4, 1.6 * nrows + 0.4), sharex=True,
                             sharey=True, layout="constrained", squeeze=False)
    for ax, code in zip(axes.flat, codes):
        rows = panel[panel["township_code"] == code].sort_values("year")
        ax.plot(rows["year"], rows["births"].astype(float), color=PALETTE[0], lw=1.3)
        ax.set_title(str(rows["township"].iloc[0]), fontsize=9)
        ax.tick_params(labelsize=7)
    for ax in list(axes.flat)[len(codes):]:
        ax.set_visible(False)
    fig.suptitle(t("chart.small_multiples.title", language), fontsize=11)
    return fig


def parity_by_township(panel: pd.DataFrame, year: int, language: str = "zh") -> Figure:
    """Parity composition (shares) of each township's births in one year, stacked bars."""
    use_cjk_font()
    rows = panel[panel["year"] == year].dropna(
        subset=["births", "births_parity1", "births_parity2", "births_parity3plus"]).sort_values("township_code")
    fig, ax = plt.subplots(figsize=(7.0, 3.2), layout="constrained")
    left = pd.Series(0.0, index=rows.index)
    births = rows["births"].astype(float)
    for col, key, color, hatch in (
        ("births_parity1", "chart.series.parity1", PALETTE[0], ""),
        ("births_parity2", "chart.series.parity2", PALETTE[1], "//"),
        ("births_parity3plus", "chart.series.parity3", PALETTE[2], ".."),
    ):
        share = rows[col].astype(float) / births * 100
        ax.barh(rows["township"], share, left=left, color=color, hatch=hatch, edgecolor="white",
                lw=0.5, label=t(key, language))
        left = left + share
    ax.set_xlim(0, 100)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:.0f}%"))
    ax.legend(frameon=False, fontsize=8, ncols=3, loc="lower center", bbox_to_anchor=(0.5, 1.0))
    ax.set_title(t("chart.parity_towns.title", language, year=year), pad=22)
    ax.grid(axis="y", visible=False)
    ax.invert_yaxis()
    return fig


def fan_chart(history: pd.Series, fc: pd.DataFrame, language: str = "zh",
              title_key: str = "chart.fan.births", ylabel_key: str = "chart.axis.persons") -> Figure:
    """History and forecast with 80% and 95% prediction intervals (a fan chart).

    ``fc`` is a frame from :func:`analysis.forecast.forecast` (``mean``, ``lo80``, ``hi80``,
    ``lo95``, ``hi95`` indexed by year). Bands are shaded in two greys so they print.
    """
    use_cjk_font()
    fig, ax = plt.subplots(figsize=(7.0, 3.0), layout="constrained")
    h = history.dropna().astype(float)
    ax.plot(h.index, h.to_numpy(), marker="o", ms=3, color=PALETTE[0], lw=1.6,
            label=t("chart.fan.observed", language))
    years = fc.index.to_numpy()
    if {"lo95", "hi95"} <= set(fc.columns):
        ax.fill_between(years, fc["lo95"], fc["hi95"], color="#c6dbef", lw=0,
                        label=t("chart.fan.pi", language, level=95))
    if {"lo80", "hi80"} <= set(fc.columns):
        ax.fill_between(years, fc["lo80"], fc["hi80"], color="#6baed6", lw=0,
                        label=t("chart.fan.pi", language, level=80))
    if len(h):  # join the last observation to the forecast path
        ax.plot([h.index[-1], years[0]], [h.iloc[-1], fc["mean"].iloc[0]], color=PALETTE[1], lw=1.2,
                ls="--")
    ax.plot(years, fc["mean"], color=PALETTE[1], lw=1.8, ls="--", marker="s", ms=3,
            label=t("chart.fan.mean", language))
    ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
    ax.legend(frameon=False, fontsize=8, loc="best")
    _finish(ax, title_key, ylabel_key, language)
    return fig
