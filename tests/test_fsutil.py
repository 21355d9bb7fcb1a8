"""Atomic writes: the target is either the old complete file or the new one."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.fsutil import atomic_path, atomic_write_text


def test_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "a" / "out.html"
    atomic_write_text(target, "old")
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in target.parent.iterdir()] == ["out.html"]
    assert oct(target.stat().st_mode & 0o777) == "0o644"


def test_failure_keeps_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.ipynb"
    target.write_text("complete old file")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        assert tmp.suffix == ".ipynb" and tmp.parent == tmp_path
        tmp.write_text("half a fi")
        raise RuntimeError("interrupted")
    assert target.read_text() == "complete old file"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ipynb"]
