"""What an appendix notebook calls: one township's results, ready to show.

The notebook stays thin: it opens a :class:`TownshipReport` and displays its parts. All wording
comes from :mod:`analysis.i18n`, all column labels from :mod:`analysis.schema`, so the same
notebook yields a Chinese or an English appendix.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from IPython.display import HTML

from . import schema
from .errors import TownshipReportError
from .i18n import t
from .load import Dataset, load_dataset
from .version import code_version

#: Shown for an unknown (blank) figure in formatted tables.
BLANK = "—"

#: Columns of the appendix data table, in order.
TABLE_COLUMNS: tuple[str, ...] = (
    "year", "total_population", "births", "deaths", "births_parity1", "births_parity2",
    "births_parity3plus", "births_male", "births_female", "in_migrants", "out_migrants",
)


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


@dataclass
class TownshipReport:
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
        """Title block: title and a line naming county, years and dataset."""
        p = self.panel
        sub = t("appendix.subtitle", self.language, county=self.county, first=int(p["year"].min()),
                last=int(p["year"].max()), dataset=self.dataset.name)
        return f"# {self.title()}\n\n{sub}"

    def heading(self, key: str, level: int = 2) -> str:
        return f"{'#' * level} {t(key, self.language)}"

    def overview_markdown(self) -> str:
        """One sentence with the latest year's population, births and deaths."""
        last = self.panel.iloc[-1]
        return t("overview.text", self.language, last=int(last["year"]), township=self.name,
                 population=format_count(last["total_population"]),
                 births=format_count(last["births"]), deaths=format_count(last["deaths"]))

    def data_table(self) -> pd.DataFrame:
        """Counts per year, formatted and labelled for the appendix."""
        return localized_table(self.panel, TABLE_COLUMNS, self.language)

    def notes_markdown(self) -> str:
        return "\n".join(f"- {t(k, self.language)}" for k in ("note.blank", "note.small_numbers"))

    def provenance_markdown(self) -> str:
        """Data file and its SHA-256, the parameters and the code version behind this appendix."""
        rows = [(t("provenance.data", self.language), f"`{self.dataset.name}/{schema.MAIN_FILE}`")]
        rows += [(f"{t('provenance.sha', self.language)} {name}", f"`{sha[:12]}`")
                 for name, sha in sorted(self.dataset.file_sha256.items())]
        params = {k: v for k, v in sorted(self.parameters.items()) if k != "data_dir"}
        rows.append((t("provenance.params", self.language),
                     f"`{json.dumps(params, ensure_ascii=False, sort_keys=True)}`"))
        rows.append((t("provenance.code", self.language), f"`{self.version}`"))
        return "\n".join(f"- {k}: {v}" for k, v in rows)


def open_township(data_dir: str | Path, township_code: str, language: str = "zh",
                  version: str | None = None, **parameters: Any) -> TownshipReport:
    """Load a dataset and return the report of one township (code or Chinese name)."""
    ds = load_dataset(data_dir, township_code)
    code = ds.resolve(township_code)
    parameters = {"township_code": code, "language": language, **parameters}
    return TownshipReport(ds, code, language, parameters, version or code_version())
