"""Warm kernels: one Jupyter kernel per worker process, reused from township to township.

Starting a kernel and importing pandas, matplotlib, SciPy and statsmodels in it costs more than
the analysis of a township (shared/MEASURED.md; benchmarks/batch_throughput.py). A worker
therefore keeps its kernel alive and, before each notebook, clears the user namespace with
``%reset -f`` (imported modules stay loaded, which is the point). Execution counts, the only
trace a previous notebook leaves in an output file, are renumbered by
:func:`analysis.batch.normalize.normalize_notebook`; ``tests/test_reproducible.py`` checks that
warm and fresh kernels give byte-identical appendices. After a failed notebook the kernel is
discarded, so a crashed or timed-out cell never leaks into the next township.
"""

from __future__ import annotations

import atexit
import subprocess

from jupyter_client.manager import AsyncKernelManager
from jupyter_client.utils import run_sync

#: nbclient drives kernels asynchronously (its per-cell timeouts rely on it): use the async
#: manager it would create itself.
_KERNELS: dict[tuple[str, str], AsyncKernelManager] = {}
_RESET_CODE = "%reset -f\n"


def warm_kernel(kernel_name: str, cwd: str, timeout: float = 60) -> AsyncKernelManager:
    """This process's kernel for ``(kernel_name, cwd)``: started once, reset before each reuse.

    The kernel's own stdout/stderr go to /dev/null (its cell output is captured by nbclient).
    """
    key = (kernel_name, cwd)
    km = _KERNELS.get(key)
    if km is not None and run_sync(km.is_alive)():
        try:
            _reset(km, timeout)
            return km
        except Exception:  # an unresponsive kernel: replace it
            discard(kernel_name, cwd)
    km = AsyncKernelManager(kernel_name=kernel_name)
    run_sync(km.start_kernel)(cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not _KERNELS:
        atexit.register(shutdown_all)
    _KERNELS[key] = km
    return km


def _reset(km: AsyncKernelManager, timeout: float) -> None:
    """Clear the user namespace of a live kernel (``%reset -f``)."""
    kc = km.client()
    kc.start_channels()
    try:
        run_sync(kc.wait_for_ready)(timeout=timeout)
        reply = run_sync(kc.execute_interactive)(_RESET_CODE, timeout=timeout, store_history=False)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"kernel reset failed: {reply['content']}")
    finally:
        kc.stop_channels()


def discard(kernel_name: str, cwd: str) -> None:
    """Shut down and forget this process's kernel for ``(kernel_name, cwd)``, if any."""
    km = _KERNELS.pop((kernel_name, cwd), None)
    if km is not None:
        try:
            run_sync(km.shutdown_kernel)(now=True)
        except Exception:  # already dead
            pass


def shutdown_all() -> None:
    """Shut down every warm kernel of this process (registered with atexit)."""
    for kernel_name, cwd in list(_KERNELS):
        discard(kernel_name, cwd)
