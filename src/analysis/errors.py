"""Every exception the project raises, in one place.

Each error carries structured *problems* (file, line, township, year, field, value, message)
so that the command line can print one clear line per problem and exit with a useful code,
while library users in JupyterLab can inspect them programmatically.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as we can.

    ``line`` is the 1-based line number in the file as a text editor shows it (the header is
    line 1, so the first data row is line 2).
    """

    message: str
    file: str | None = None
    line: int | None = None
    township: str | None = None
    year: int | None = None
    field: str | None = None
    value: Any = None
    severity: Severity = "error"
    #: The township code the problem belongs to (``None``: the whole file), so that a batch can
    #: fail just that township and run the others.
    township_code: str | None = None

    def format(self) -> str:
        """Render as a single human-readable line: ``file:line: severity: [where] message``."""
        loc = self.file or "<input>"
        if self.line is not None:
            loc = f"{loc}:{self.line}"
        where = []
        if self.township is not None:
            where.append(f"township={self.township}")
        if self.year is not None:
            where.append(f"year={self.year}")
        if self.field is not None:
            where.append(f"field={self.field}")
        if self.value is not None and self.value == self.value:  # skip NaN
            where.append(f"value={self.value!r}")
        ctx = f" [{', '.join(where)}]" if where else ""
        return f"{loc}: {self.severity}:{ctx} {self.message}"


class TownshipReportError(Exception):
    """Base class of every error this project raises on purpose."""

    exit_code = 1


class ProblemsError(TownshipReportError):
    """An input has one or more problems; all of them are listed, not just the first."""

    def __init__(self, what: str, problems: list[Problem]):
        self.what = what
        self.problems = list(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        lines = "\n".join(p.format() for p in self.problems)
        super().__init__(f"{what}: {len(errors)} error(s)\n{lines}")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


class DataValidationError(ProblemsError):
    """A data file (CSV) failed validation."""


class ParamsValidationError(ProblemsError):
    """A township parameters file (YAML) failed validation."""


class DatasetNotFoundError(TownshipReportError):
    """The data directory or its main CSV file does not exist."""


class UnknownTownshipError(TownshipReportError, KeyError):
    """A township code or name is not in the dataset; the message suggests close matches."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class BatchError(TownshipReportError):
    """One or more townships failed in a batch run; the others finished."""

    def __init__(self, failed: list[str], message: str | None = None):
        self.failed = list(failed)
        super().__init__(message or f"{len(self.failed)} failed: {', '.join(self.failed)}")
