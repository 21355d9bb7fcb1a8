"""A papermill engine for warm kernels: reuse a connected client, write the notebook less often.

papermill's default engine (nbclient) differs in two ways that cost a warm-kernel batch about
0.5 s per township (benchmarks/batch_throughput.py):

- it opens a new client for every notebook and waits until the kernel is ready, which ends
  with 0.2 s of listening to a quiet IOPub channel (``KernelClient.wait_for_ready``). This
  engine takes the client of :mod:`analysis.batch.kernels` (``kc=``), connected once per worker;
- it writes the whole notebook before and after every cell. This engine writes it when
  execution starts and when it ends, whatever the ending (an error, a time-out, a dead kernel:
  the notebook with the error is kept), plus papermill's usual autosave during long cells.

Otherwise it behaves exactly like papermill's ``nbclient`` engine; without ``kc`` it opens its
own client like that engine does.

Registered with papermill under :data:`ENGINE_NAME`, both through the ``papermill.engine``
entry point (so ``papermill --engine township-warm`` resolves it) and at import time.
"""

from __future__ import annotations

from typing import Any

from jupyter_client.client import KernelClient
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines
from papermill.log import logger
from papermill.utils import merge_kwargs, remove_args

#: The name this engine is registered under.
ENGINE_NAME = "township-warm"


class StartEndSaveManager(NotebookExecutionManager):
    """papermill's execution manager, without the two notebook writes per cell."""

    _per_cell = False

    def save(self, **kwargs: Any) -> None:
        if not self._per_cell:
            super().save(**kwargs)

    def cell_start(self, cell: Any, cell_index: int | None = None, **kwargs: Any) -> None:
        self._per_cell = True
        try:
            super().cell_start(cell, cell_index, **kwargs)
        finally:
            self._per_cell = False

    def cell_complete(self, cell: Any, cell_index: int | None = None, **kwargs: Any) -> None:
        self._per_cell = True
        try:
            super().cell_complete(cell, cell_index, **kwargs)
        finally:
            self._per_cell = False


class WarmClientEngine(NBClientEngine):
    """papermill's nbclient engine, reusing a connected kernel client when one is given."""

    @classmethod
    def execute_notebook(cls, nb: Any, kernel_name: str, output_path: str | None = None,
                         progress_bar: bool = True, log_output: bool = False,
                         autosave_cell_every: int = 30, **kwargs: Any) -> Any:
        """papermill's ``Engine.execute_notebook`` with :class:`StartEndSaveManager`."""
        nb_man = StartEndSaveManager(nb, output_path=output_path, progress_bar=progress_bar,
                                     log_output=log_output,
                                     autosave_cell_every=autosave_cell_every)
        nb_man.notebook_start()
        try:
            cls.execute_managed_notebook(nb_man, kernel_name, log_output=log_output, **kwargs)
        finally:
            nb_man.cleanup_pbar()
            nb_man.notebook_complete()
        return nb_man.nb

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man: NotebookExecutionManager,
        kernel_name: str,
        log_output: bool = False,
        stdout_file: Any = None,
        stderr_file: Any = None,
        start_timeout: int = 60,
        execution_timeout: int | None = None,
        kc: KernelClient | None = None,
        **kwargs: Any,
    ) -> Any:
        """Execute ``nb_man``'s notebook; on ``kc`` (a ready client of ``km``) when given.

        The keyword handling is papermill's own (``NBClientEngine.execute_managed_notebook``);
        the only difference is that the client is preset, so nbclient neither opens nor
        closes one (it never closes a client of a kernel manager it does not own).
        """
        if kc is None:
            return super().execute_managed_notebook(
                nb_man, kernel_name, log_output=log_output, stdout_file=stdout_file,
                stderr_file=stderr_file, start_timeout=start_timeout,
                execution_timeout=execution_timeout, **kwargs)
        if kwargs.get("km") is None:
            raise ValueError("kc= needs the kernel manager it belongs to (km=)")
        kwargs = remove_args(["input_path"], **kwargs)
        safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
        final_kwargs = merge_kwargs(
            safe_kwargs,
            timeout=execution_timeout if execution_timeout else kwargs.get("timeout"),
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log=logger,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        client = PapermillNotebookClient(nb_man, **final_kwargs)
        client.kc = kc
        return client.execute()


papermill_engines.register(ENGINE_NAME, WarmClientEngine)
