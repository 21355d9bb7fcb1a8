"""The index page over all townships of a batch: status, key figures and links.

Rendered with Jinja2 (already required by nbconvert) from ``templates/index.html.j2``; no
script or font from a network, so it opens offline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pandas as pd

from .. import indicators, quality
from ..fsutil import atomic_write_text
from ..i18n import t
from ..load import Dataset
from ..report import format_count, format_rate, format_srb
from .runner import Result

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def key_figures(ds: Dataset, known_findings: dict[str, dict[str, int]] | None = None
                ) -> dict[str, dict[str, Any]]:
    """Latest year's key figures and the number of quality findings per township (formatted).

    ``known_findings`` holds the counts the notebooks already published (their summary
    records); the audit runs only for the other townships (failed ones): it costs about 6 ms per
    township, minutes for tens of thousands.
    """
    known = known_findings or {}
    ind = indicators.compute(ds.panel)
    latest = ds.panel.merge(ind, on=["township_code", "year"]).sort_values("year")
    latest = latest.groupby("township_code").tail(1)
    rest = ds.panel[~ds.panel["township_code"].isin(set(known))]
    counts = quality.summary(quality.audit(rest)).set_index("township_code") if len(rest) \
        else pd.DataFrame(columns=list(quality.SEVERITIES))
    out = {}
    for r in latest.itertuples():
        code = str(r.township_code)
        c = known.get(code) or (counts.loc[code] if code in counts.index
                                else {s: 0 for s in quality.SEVERITIES})
        out[code] = {
            "year": int(r.year),
            "population": format_count(r.total_population),
            "births": format_count(r.births),
            "deaths": format_count(r.deaths),
            "cbr": format_rate(r.cbr_permille),
            "srb": format_srb(r.srb, r.srb_lo95, r.srb_hi95),
            "findings": {s: int(c[s]) for s in quality.SEVERITIES},
            "county": r.county,
        }
    return out


def _forecast_text(result: Result) -> str:
    """Next year's births forecast with its 95% interval, from the notebook's summary."""
    fc = (result.summary or {}).get("births_forecast")
    if not fc or fc.get("mean") is None:
        return "—"
    if fc.get("lo95") is None:
        return f"{fc['year']}: {fc['mean']:,}"
    return f"{fc['year']}: {fc['mean']:,} ({fc['lo95']:,}–{fc['hi95']:,})"


def _tfr_text(result: Result) -> str:
    """Latest total fertility rate where age data exist (from the notebook's summary)."""
    tfr = (result.summary or {}).get("tfr")
    return "—" if tfr is None else f"{tfr:.2f}"


def render_index(ds: Dataset, results: list[Result], language: str = "zh") -> str:
    """The index page as HTML text."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             keep_trailing_newline=True)
    figures = key_figures(ds, {r.township_code: r.summary["findings"] for r in results
                               if r.summary and isinstance(r.summary.get("findings"), dict)})
    towns = [r for r in results if r.kind == "township"]
    rows = [{"r": r, **figures.get(r.township_code, {}), "forecast": _forecast_text(r),
             "tfr": _tfr_text(r)} for r in towns]
    counties = [r for r in results if r.kind != "township"]
    n_failed = sum(not r.ok for r in towns)
    return env.get_template("index.html.j2").render(
        lang=language, t=lambda key, **kw: t(key, language, **kw), rows=rows, counties=counties,
        dataset=ds.name, n=len(towns), ok=len(towns) - n_failed, failed=n_failed,
        sha=ds.file_sha256,
    )


def write_index(ds: Dataset, results: list[Result], out_root: Path, language: str = "zh") -> Path:
    """Write ``<out_root>/index.html`` atomically and return its path."""
    return atomic_write_text(Path(out_root) / "index.html", render_index(ds, results, language))
