"""environment.yml (conda) and pyproject.toml (pip) declare the same dependencies."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _split(spec: str) -> tuple[str, str]:
    m = re.match(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*(.*)$", spec.strip())
    assert m, spec
    return m.group(1).lower().replace("_", "-"), m.group(2).replace(" ", "")


def test_environment_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pip = dict(_split(s) for s in project["dependencies"])
    for extra in project["optional-dependencies"].values():
        pip.update(_split(s) for s in extra)
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = dict(_split(s) for s in env["dependencies"] if isinstance(s, str))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    # packages conda users take from PyPI (listed under pip:) count as declared too
    conda.update(_split(s) for s in pip_section if s != "-e .")
    # pip's "dask[distributed]" is two conda packages
    assert conda.pop("distributed") == conda["dask"]
    conda.pop("pip")
    py = conda.pop("python")
    assert py == project["requires-python"]
    assert conda == pip
    assert "-e ." in pip_section
