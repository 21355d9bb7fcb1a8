"""The batch manifest: what each output was made from, so unchanged work is not redone.

``<out>/<dataset>/manifest.json`` records, per township (and county overview), the SHA-256 of
its data rows, its parameters, the notebook, the analysis code and the environment's lock (the
sorted list of installed distributions), the key combining them, its status, output files and
timings. A rerun skips an item whose key and output files are unchanged. While a batch runs,
:class:`ManifestWriter` rewrites the file (atomically) at most every couple of seconds and once
more at the end, also when interrupted, so a stopped run resumes where it stopped (after a hard
kill, at most the last interval's items are redone). Rewriting it after every item cost O(N^2):
minutes at tens of thousands of townships.
"""

from __future__ import annotations

import functools
import hashlib
import json
import time
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
    """Hash of every row (main and age files) of the given townships.

    Rows are hashed once per dataset, all townships in one vectorised pass
    (:func:`_row_digests`); combining a township's digests is then a dictionary lookup, so
    planning 38,000 townships is linear, not quadratic.
    """
    parts = []
    for name in ("panel", "age_structure", "births_by_age"):
        if getattr(ds, name) is not None:
            digests = ds.memo(f"row-digests:{name}", lambda n=name: _row_digests(getattr(ds, n)))
            parts.append(sha256_text("\n".join(digests.get(c, "") for c in sorted(codes))))
    return sha256_text("\n".join(parts))


def _row_digests(frame: pd.DataFrame) -> dict[str, str]:
    """SHA-256 per township of its rows, independent of the order of rows in the file.

    Rows are sorted by their key columns, each row is hashed with pandas' stable row hash
    (``hash_pandas_object``, fixed key; the environment hash covers pandas upgrades), and a
    township's digest is the SHA-256 of its column names and row hashes in order.
    """
    keys = [c for c in ("township_code", "year", "sex", "age_group", "mother_age_group") if c in frame]
    ordered = frame.sort_values(keys, kind="stable")
    ordered = ordered[sorted(ordered.columns)]
    row_hash = pd.util.hash_pandas_object(ordered, index=False).to_numpy()
    header = ",".join(ordered.columns).encode()
    out = {}
    for code, pos in ordered.groupby("township_code", sort=False).indices.items():
        out[str(code)] = hashlib.sha256(header + row_hash[pos].tobytes()).hexdigest()
    return out


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


class ManifestWriter:
    """Collects manifest items during a batch and writes the file at most every ``interval`` s.

    The first item is written at once (a user watching the file sees the run has started);
    :meth:`flush` writes whatever is pending and must be called when the batch ends, however
    it ends (the runner calls it in a ``finally``).
    """

    def __init__(self, root: Path, dataset: str, items: dict[str, dict[str, Any]],
                 extra: dict[str, Any], interval: float = 2.0) -> None:
        self.root, self.dataset, self.items, self.extra = Path(root), dataset, items, extra
        self.interval = interval
        self._last = float("-inf")
        self._pending = False

    def record(self, code: str, item: dict[str, Any]) -> None:
        """Add or replace ``code``'s entry; write the file if the interval has passed."""
        self.items[code] = item
        self._pending = True
        if time.monotonic() - self._last >= self.interval:
            self.flush()

    def flush(self) -> None:
        """Write the manifest now if anything changed since the last write."""
        if self._pending:
            write_manifest(self.root, self.dataset, self.items, self.extra)
            self._pending = False
            self._last = time.monotonic()


def entry(result: Any, key: str, inputs: dict[str, str]) -> dict[str, Any]:
    """A manifest entry from a runner Result."""
    d = asdict(result)
    return {"kind": d["kind"], "name": d["township"], "key": key, "inputs": inputs,
            "status": d["status"], "error": d["error"], "files": d["files"],
            "seconds": d["seconds"], "summary": d.get("summary")}
