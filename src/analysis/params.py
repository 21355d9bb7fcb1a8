"""Township parameters files: one YAML per township, ``params/<dataset>/<township_code>.yaml``.

The model is typed and strict (pydantic, ``extra="forbid"``): an unknown key, a wrong type or a
value outside the allowed set is an error that names the file and the key, with a suggestion.
Files are validated before any kernel starts, so a typo never costs a notebook run.

pydantic is used rather than hand-written checks because it gives precise, located type errors
for nested values for free and the model doubles as documentation (see docs/params.md).
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ParamsValidationError, Problem
from .fsutil import atomic_write_text

Format = Literal["html", "pdf"]


class TownshipParams(BaseModel):
    """Everything that varies between townships' appendices. Every field is documented."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    township_code: str = Field(description="Township code as in the data (names output files).")
    dataset: str = Field(description="Dataset name: the data directory's name, e.g. 'demo'.")
    language: Literal["zh", "en"] = Field("zh", description="Appendix language: zh (default) or en.")
    forecast_horizon: int = Field(5, ge=1, le=20, description="Years to forecast ahead (1-20).")
    formats: tuple[Format, ...] = Field(("html", "pdf"), min_length=1,
                                        description="Output formats to export: html and/or pdf.")
    first_year: int | None = Field(None, ge=1949, le=2100,
                                   description="First year shown (default: first year in the data).")
    last_year: int | None = Field(None, ge=1949, le=2100,
                                  description="Last year shown (default: last year in the data).")
    title: str | None = Field(None, description="Title override (default: built from the name).")
    report_date: str | None = Field(None, description="Date shown in the title block, e.g. "
                                    "'2025年1月' (default: the end of the last data year).")
    data_source: str | None = Field(None, description="Data source named in the title block "
                                    "(default: the data file and its SHA-256).")

    def notebook_parameters(self, data_dir: str) -> dict[str, Any]:
        """The values injected into the notebook's ``parameters`` cell."""
        out = self.model_dump(mode="json")
        out["formats"] = list(out["formats"])
        out["data_dir"] = data_dir
        return out


FIELDS: tuple[str, ...] = tuple(TownshipParams.model_fields)


def _problems_from_validation(exc: ValidationError, fname: str) -> list[Problem]:
    problems = []
    for err in exc.errors():
        key = ".".join(str(p) for p in err["loc"]) or None
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            close = difflib.get_close_matches(str(err["loc"][0]), FIELDS, n=1, cutoff=0.5)
            hint = f"did you mean {close[0]!r}?" if close else f"valid keys: {', '.join(FIELDS)}"
            msg = f"unknown key; {hint}"
        elif err["type"] == "missing":
            msg = "required key is missing"
        problems.append(Problem(msg, file=fname, field=key, value=err.get("input")
                                if err["type"] not in ("missing", "extra_forbidden") else None))
    return problems


def read_params(path: str | Path) -> TownshipParams:
    """Read and validate one parameters file; raise :class:`ParamsValidationError` listing all problems."""
    path = Path(path)
    fname = str(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ParamsValidationError(f"parameters {fname}", [Problem("file not found", fname)]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise ParamsValidationError(
            f"parameters {fname}", [Problem(f"not valid YAML: {problem}", fname, line)]) from None
    if not isinstance(raw, dict):
        raise ParamsValidationError(
            f"parameters {fname}",
            [Problem(f"expected a mapping of key: value, got {type(raw).__name__}", fname)])
    try:
        params = TownshipParams.model_validate(raw)
    except ValidationError as exc:
        raise ParamsValidationError(f"parameters {fname}", _problems_from_validation(exc, fname)) from None
    problems = []
    if params.township_code != path.stem:
        problems.append(Problem(
            f"township_code {params.township_code!r} does not match the file name "
            f"(expected {path.stem!r})", fname, field="township_code"))
    if params.first_year and params.last_year and params.first_year > params.last_year:
        problems.append(Problem("first_year is after last_year", fname, field="first_year",
                                value=params.first_year))
    if problems:
        raise ParamsValidationError(f"parameters {fname}", problems)
    return params


def params_path(params_dir: str | Path, township_code: str) -> Path:
    """Where a township's parameters file lives: ``<code>.yaml`` (or an existing ``<code>.yml``)."""
    path = Path(params_dir) / f"{township_code}.yaml"
    alt = path.with_suffix(".yml")
    return alt if not path.is_file() and alt.is_file() else path


def to_yaml(params: TownshipParams) -> str:
    """Serialise parameters as a commented YAML file (stable key order, UTF-8)."""
    lines = ["# Parameters of one township appendix. Keys and allowed values: docs/params.md"]
    data = params.model_dump(mode="json", exclude_none=True)
    data["formats"] = list(data["formats"])
    lines.append(yaml.safe_dump(data, allow_unicode=True, sort_keys=False).rstrip())
    return "\n".join(lines) + "\n"


def init_params(codes: list[str], dataset: str, params_dir: str | Path,
                overwrite: bool = False, **defaults: Any) -> list[Path]:
    """Write a default parameters file for each township code; keep existing files unless ``overwrite``.

    Returns the files written.
    """
    written = []
    for code in codes:
        target = params_path(params_dir, code)
        if target.exists() and not overwrite:
            continue
        atomic_write_text(target, to_yaml(TownshipParams(township_code=code, dataset=dataset, **defaults)))
        written.append(target)
    return written


def township_params(params_dir: str | Path, township_code: str, dataset: str) -> TownshipParams:
    """The parameters of one township: its file when present (validated), else the defaults.

    Raises :class:`ParamsValidationError` for a broken file or one written for another dataset.
    """
    path = params_path(params_dir, township_code)
    if not path.is_file():
        return TownshipParams(township_code=township_code, dataset=dataset)
    params = read_params(path)
    if params.dataset != dataset:
        raise ParamsValidationError(f"parameters {path}", [Problem(
            f"dataset {params.dataset!r} does not match the data directory {dataset!r}",
            str(path), field="dataset", value=params.dataset)])
    return params
