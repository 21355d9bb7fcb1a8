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
