"""Check a dataset and its parameters files together, collecting every problem.

Used by ``township-report validate``; ``run`` performs the same checks before any kernel starts.
"""

from __future__ import annotations

from pathlib import Path

from .errors import ParamsValidationError, Problem
from .load import validate_dataset
from .params import params_path, township_params


def validate_all(data: str | Path, params_dir: str | Path | None = None) -> list[Problem]:
    """Every problem of the data files and of the parameters files, data first."""
    ds, problems = validate_dataset(data)
    pdir = Path(params_dir) if params_dir is not None else Path("params") / ds.name
    codes = list(ds.townships["township_code"]) if "township_code" in ds.panel else []
    if not pdir.is_dir():
        problems.append(Problem("no parameters directory; every township would use the defaults "
                                f"(create it with: township-report params init --data {ds.path})",
                                str(pdir), severity="warning"))
        return problems
    for code in codes:
        path = params_path(pdir, code)
        if not path.is_file():
            problems.append(Problem("parameters file missing; defaults would be used", str(path),
                                    township=code, severity="warning", township_code=code))
            continue
        try:
            township_params(pdir, code, ds.name)
        except ParamsValidationError as exc:
            problems.extend(exc.problems)
    known = set(codes)
    for path in sorted(pdir.glob("*.y*ml")):
        if path.stem not in known:
            problems.append(Problem(f"parameters file for a township not in the data "
                                    f"({ds.path}); check the file name", str(path),
                                    field="township_code", value=path.stem))
    return problems
