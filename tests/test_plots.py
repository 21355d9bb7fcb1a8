"""Charts render Chinese with a real CJK font: no missing-glyph warnings."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from analysis import plots  # noqa: E402
from analysis.load import load_dataset  # noqa: E402


def test_cjk_font_installed() -> None:
    assert plots.cjk_font() is not None, "install fonts-noto-cjk (scripts/install-system-deps.sh)"


def test_charts_render_chinese_without_missing_glyphs(demo_dir: Path) -> None:
    panel = load_dataset(demo_dir).township_panel("baishi")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" would raise
        for make in (plots.population_trend, plots.births_deaths_trend):
            fig = make(panel, "zh")
            buf = io.BytesIO()
            fig.savefig(buf, format="png")
            assert buf.getvalue()[:4] == b"\x89PNG"
            texts = [fig.axes[0].get_title(), fig.axes[0].get_xlabel()]
            assert all(any("\u4e00" <= ch <= "\u9fff" for ch in s) for s in texts)
            matplotlib.pyplot.close(fig)


def test_english_labels(demo_dir: Path) -> None:
    panel = load_dataset(demo_dir).township_panel("baishi")
    fig = plots.births_deaths_trend(panel, "en")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Year"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Births", "Deaths"]
    matplotlib.pyplot.close(fig)
