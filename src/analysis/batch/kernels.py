"""Warm kernels: one Jupyter kernel per worker process, reused from township to township.

Starting a kernel and importing pandas, matplotlib, SciPy and statsmodels in it costs more than
the analysis of a township (shared/MEASURED.md; benchmarks/batch_throughput.py). A worker
therefore keeps its kernel alive, and one connected client with it (opening a client costs a
0.2 s quiet period on IOPub, see :mod:`analysis.batch.engine`). Before each notebook the user
namespace is cleared with ``%reset -f`` (imported modules stay loaded, which is the point).
Execution counts, the only trace a previous notebook leaves in an output file, are renumbered
by :func:`analysis.batch.normalize.normalize_notebook`; ``tests/test_reproducible.py`` checks
that warm and fresh kernels give byte-identical appendices. After a failed notebook the kernel
is discarded, so a crashed or timed-out cell never leaks into the next township.
"""

from __future__ import annotations

import atexit
import logging
import tempfile
from dataclasses import dataclass
from typing import IO

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.utils import run_sync

#: Clear the user namespace, then freeze what is left (imported modules, the per-process
#: dataset cache and its memoised whole-panel results) out of the cyclic garbage collector's
#: reach. ``%reset -f`` runs ``gc.collect()``; over a dataset of 38,000 townships that scan took
#: 0.23 s per notebook, and it now only visits what the last notebook created.
RESET_CODE = "%reset -f\nimport gc as _gc\n_gc.freeze()\ndel _gc\n"


@dataclass
class WarmKernel:
    """A running kernel and a client connected to it (ready, stdin disabled)."""

    #: nbclient drives kernels asynchronously (its per-cell timeouts rely on it): the async
    #: manager is the one it would create itself.
    km: AsyncKernelManager
    kc: AsyncKernelClient
    #: where the kernel's own stdout and stderr go (closed with the kernel)
    output: IO[bytes] | None = None


_KERNELS: dict[tuple[str, str], WarmKernel] = {}
log = logging.getLogger(__name__)


#: Attempts at starting a kernel. Kernels started at the same moment by several workers can
#: fail to come up ("Kernel died before replying to kernel_info", seen once in the test suite
#: with two Dask workers; concurrent starts racing for ports is a known jupyter_client hazard).
START_ATTEMPTS = 3


def warm_kernel(kernel_name: str, cwd: str, timeout: float = 60) -> WarmKernel:
    """This process's kernel for ``(kernel_name, cwd)``: started once, reset before each reuse.

    A kernel that does not come up is shut down and started again, up to
    :data:`START_ATTEMPTS` times; the last failure is raised with the end of what the kernel
    wrote to stderr. The kernel's output otherwise goes to a private temporary file (its cell
    output is captured by nbclient; inheriting the worker's descriptors would write it into
    whichever township's ``run.log`` was open when it started).
    """
    key = (kernel_name, cwd)
    warm = _KERNELS.get(key)
    if warm is not None and run_sync(warm.km.is_alive)():
        try:
            _reset(warm.kc, timeout)
            return warm
        except Exception:  # an unresponsive kernel: replace it
            discard(kernel_name, cwd)
    for attempt in range(1, START_ATTEMPTS + 1):
        try:
            warm = _start(kernel_name, cwd, timeout)
            break
        except Exception as exc:
            if attempt == START_ATTEMPTS:
                raise
            log.warning("kernel %s did not start (attempt %d of %d): %s", kernel_name, attempt,
                        START_ATTEMPTS, exc)
    if not _KERNELS:
        atexit.register(shutdown_all)
    _KERNELS[key] = warm
    return warm


def _start(kernel_name: str, cwd: str, timeout: float) -> WarmKernel:
    """Start a kernel and connect a ready client to it, or clean up and raise."""
    err = tempfile.TemporaryFile()
    km = AsyncKernelManager(kernel_name=kernel_name)
    run_sync(km.start_kernel)(cwd=cwd, stdout=err, stderr=err)
    kc = km.client()
    try:
        kc.start_channels()
        run_sync(kc.wait_for_ready)(timeout=timeout)
    except Exception as exc:
        kc.stop_channels()
        run_sync(km.shutdown_kernel)(now=True)
        err.seek(0)
        tail = err.read()[-2000:].decode("utf-8", "replace").strip()
        err.close()
        raise RuntimeError(f"{exc}; kernel stderr: {tail or '(empty)'}") from exc
    kc.allow_stdin = False
    return WarmKernel(km, kc, err)


def _reset(kc: AsyncKernelClient, timeout: float) -> None:
    """Clear the user namespace of a live kernel (:data:`RESET_CODE`) through its open client.

    ``execute_interactive`` returns once the kernel is idle again, so IOPub holds nothing of
    the reset when the next notebook starts.
    """
    reply = run_sync(kc.execute_interactive)(RESET_CODE, timeout=timeout, store_history=False,
                                             allow_stdin=False)
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"kernel reset failed: {reply['content']}")


def discard(kernel_name: str, cwd: str) -> None:
    """Shut down and forget this process's kernel for ``(kernel_name, cwd)``, if any."""
    warm = _KERNELS.pop((kernel_name, cwd), None)
    if warm is not None:
        try:
            warm.kc.stop_channels()
            run_sync(warm.km.shutdown_kernel)(now=True)
        except Exception:  # already dead
            pass
        if warm.output is not None:
            warm.output.close()


def shutdown_all() -> None:
    """Shut down every warm kernel of this process (registered with atexit)."""
    for kernel_name, cwd in list(_KERNELS):
        discard(kernel_name, cwd)
