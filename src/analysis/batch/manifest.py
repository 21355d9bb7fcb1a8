"""The batch manifest: what each output was made from, so unchanged work is not redone.

``<out>/<dataset>/manifest.json`` records, per township (and county overview), the SHA-256 of
its data rows, its parameters, the notebook, the analysis code and the environment's lock (the
sorted list of installed distributions), the key combining them, its status, output files and
timings. A rerun skips an item whose key and output files are unchanged; the file is rewritten
(atomically) after every finished item, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import asdict
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

from ..fsutil import atomic_write_text
from ..load import Dataset

MANIFEST = "manifest.json"
PACKAGE_DIR = Path(__file__).resolve().parents[1]


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_file(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def rows_sha256(frame: pd.DataFrame | None) -> str:
    """Hash of some rows, as canonical CSV (so the order of the file's rows does not matter)."""
    if frame is None or frame.empty:
        return sha256_text("")
    keys = [c for c in ("township_code", "year", "sex", "age_group", "mother_age_group") if c in frame]
    canon = frame.sort_values(keys).to_csv(index=False, lineterminator="\n")
    return sha256_text(canon)


def township_rows_sha256(ds: Dataset, codes: list[str]) -> str:
    """Hash of every row (main and age files) of the given townships."""
    parts = []
    for frame in (ds.panel, ds.age_structure, ds.births_by_age):
        if frame is not None:
            parts.append(rows_sha256(frame[frame["township_code"].isin(codes)]))
    return sha256_text("\n".join(parts))


@functools.cache
def code_sha256() -> str:
    """Hash of the analysis package's source and templates (what the notebooks import)."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".j2", ".json", ".css"} and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(PACKAGE_DIR)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


@functools.cache
def environment_lock_sha256() -> str:
    """Hash of the installed distributions and versions: the environment's lock.

    Any upgrade (pandas, matplotlib, WeasyPrint...) may change output bytes, so it is part of
    every item's key.
    """
    dists = sorted({f"{d.metadata['Name'].lower()}=={d.version}" for d in metadata.distributions()
                    if d.metadata["Name"]})
    return sha256_text("\n".join(dists))


def item_key(inputs: dict[str, str]) -> str:
    """One key over all input hashes of an item."""
    return sha256_text(json.dumps(inputs, sort_keys=True))


def read_manifest(root: Path) -> dict[str, Any]:
    """The manifest of a previous run, or an empty one (a corrupt file counts as none)."""
    path = Path(root) / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) and isinstance(data.get("items"), dict) else {"items": {}}
    except (OSError, ValueError):
        return {"items": {}}


def is_current(entry: dict[str, Any] | None, key: str, out_dir: Path) -> bool:
    """A previous item can be reused: same key, finished ok, its output files all present."""
    if not entry or entry.get("key") != key or entry.get("status") != "ok":
        return False
    return all((out_dir / name).is_file() for name in entry.get("files", {}).values())


def write_manifest(root: Path, dataset: str, items: dict[str, dict[str, Any]],
                   extra: dict[str, Any]) -> Path:
    """Write the manifest atomically with items in a stable order."""
    data = {"dataset": dataset, **extra, "items": {k: items[k] for k in sorted(items)}}
    return atomic_write_text(Path(root) / MANIFEST,
                             json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n")


def entry(result: Any, key: str, inputs: dict[str, str]) -> dict[str, Any]:
    """A manifest entry from a runner Result."""
    d = asdict(result)
    return {"kind": d["kind"], "name": d["township"], "key": key, "inputs": inputs,
            "status": d["status"], "error": d["error"], "files": d["files"],
            "seconds": d["seconds"], "summary": d.get("summary")}
