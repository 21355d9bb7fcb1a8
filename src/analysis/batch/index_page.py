"""The index page over all townships of a batch: status, key figures and links.

Rendered with Jinja2 (already required by nbconvert) from ``templates/index.html.j2``; no
script or font from a network, so it opens offline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pandas as pd

from ..fsutil import atomic_write_text
from ..i18n import t
from ..load import Dataset
from ..report import format_count
from .runner import Result

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def key_figures(ds: Dataset) -> dict[str, dict[str, Any]]:
    """Latest year's population, births and deaths per township code (formatted)."""
    latest = ds.panel.sort_values("year").groupby("township_code").tail(1)
    return {
        str(r.township_code): {
            "year": int(r.year),
            "population": format_count(r.total_population),
            "births": format_count(r.births),
            "deaths": format_count(r.deaths),
            "county": r.county,
        }
        for r in latest.itertuples()
    }


def render_index(ds: Dataset, results: list[Result], language: str = "zh") -> str:
    """The index page as HTML text."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             keep_trailing_newline=True)
    figures = key_figures(ds)
    rows = [{"r": r, **figures.get(r.township_code, {})} for r in results]
    n_failed = sum(not r.ok for r in results)
    return env.get_template("index.html.j2").render(
        lang=language, t=lambda key, **kw: t(key, language, **kw), rows=rows,
        dataset=ds.name, n=len(results), ok=len(results) - n_failed, failed=n_failed,
        sha=ds.file_sha256, pd=pd,
    )


def write_index(ds: Dataset, results: list[Result], out_root: Path, language: str = "zh") -> Path:
    """Write ``<out_root>/index.html`` atomically and return its path."""
    return atomic_write_text(Path(out_root) / "index.html", render_index(ds, results, language))
