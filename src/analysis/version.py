"""The code version named in every appendix: package version plus the git commit when known."""

from __future__ import annotations

import functools
import subprocess
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

try:
    __version__ = version("township-report")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0+unknown"


@functools.cache
def code_version() -> str:
    """``<package version>+g<short commit>`` (``.dirty`` when the tree has uncommitted changes).

    Only the package version when the code is not in a git checkout (an installed wheel).
    """
    root = Path(__file__).resolve().parents[2]
    if not (root / ".git").exists():
        return __version__
    try:
        sha = subprocess.run(["git", "-C", str(root), "rev-parse", "--short=10", "HEAD"],
                             capture_output=True, text=True, timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return __version__
    return f"{__version__}+g{sha}{'.dirty' if dirty else ''}"
