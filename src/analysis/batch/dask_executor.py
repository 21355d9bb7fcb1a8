"""The Dask executor: one task per township on a Dask distributed cluster.

Same contract as :func:`analysis.batch.executors.run_local` (results for every job,
``on_result`` called in this process as each one finishes, crashes turned into results by
``on_crash``), so the runner, the manifest and the outputs do not depend on where jobs ran.

Without a scheduler address a :class:`distributed.LocalCluster` of ``workers`` worker processes
is started for the run and closed afterwards. With an address (``tcp://host:8786``) the tasks
go to that existing cluster, which is left running. Either way:

- every worker should have **one thread**: papermill's working-directory handling is not
  thread-safe (papermill issue 473), and one notebook at a time per process keeps a crash to
  one township;
- workers must import ``analysis`` and run its notebooks: the same Python environment (and
  fonts, WeasyPrint's libraries) on every worker, and the data, notebooks and output directory
  on a shared file system at the same paths, because jobs carry absolute paths and the
  workers write the outputs (this process writes only the manifest and the index page);
- a task that raises is retried ``retries`` times. So is one whose worker dies, on the
  LocalCluster; an existing cluster applies its own ``distributed.scheduler.allowed-failures``.
  What still fails after that (``KilledWorker``, a lost connection, an exception) becomes a
  result through ``on_crash``, and the other townships go ahead. A LocalCluster left with no
  worker at all for ``NO_WORKERS_TIMEOUT`` seconds (its nannies failed to restart them) gives
  up the jobs not yet done the same way, rather than wait forever.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from typing import NoReturn, TypeVar

from ..errors import TownshipReportError
from .executors import progress_bar

J = TypeVar("J")
R = TypeVar("R")

#: Seconds a LocalCluster may have no worker at all before its remaining jobs are given up.
NO_WORKERS_TIMEOUT = 60.0


@contextlib.contextmanager
def _quiet(level: int = logging.WARNING) -> Iterator[None]:
    """Hold distributed's loggers in this process at ``level`` (it logs every start at INFO)."""
    loggers = [logging.getLogger(n) for n in ("distributed", "bokeh")]
    saved = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(max(level, lg.getEffectiveLevel()))
    try:
        yield
    finally:
        for lg, old in zip(loggers, saved):
            lg.setLevel(old)


def _no_workers() -> NoReturn:
    raise RuntimeError(f"the local Dask cluster has had no worker for {NO_WORKERS_TIMEOUT:.0f} s")


def task_key(job: object, index: int) -> str:
    """A stable, unique Dask key for the ``index``-th job: ``township-report-<i>-<digest>-<code>``.

    The digest covers the job's input key, output directory and position, so two batches
    writing to different places never share a task on one scheduler (Dask merges equal keys).
    The code comes last so that Dask puts every task of a batch (appendices and county
    overviews) in one task group, ``township-report``: one bar on the dashboard, and a group
    the scheduler holds back in its own queue rather than piling it onto busy workers.
    """
    code = getattr(job, "township_code", str(index))
    token = f"{getattr(job, 'key', '')}\0{getattr(job, 'out_dir', '')}\0{index}\0{code}"
    digest = hashlib.sha256(token.encode("utf-8")).hexdigest()[:12]
    return f"township-report-{index}-{digest}-{code}"  # a number ends Dask's group name


def run_dask(fn: Callable[[J], R], jobs: Sequence[J], workers: int,
             progress: bool | None = None,
             on_crash: Callable[[J, BaseException], R] | None = None,
             on_result: Callable[[R], None] | None = None,
             scheduler: str | None = None, retries: int = 2) -> list[R]:
    """Run ``fn`` over ``jobs`` as one Dask task each; return the results in finishing order.

    ``scheduler``: the address of an existing Dask scheduler (``workers`` is then ignored: the
    cluster has the workers it has); ``None`` starts a LocalCluster of ``workers``
    single-threaded worker processes for this call. ``fn`` and the jobs' class are pickled by
    module and name, so the workers must be able to import them (see the module docstring).
    ``retries``: extra attempts of a task that raised or whose worker died. A task still failing
    after them becomes ``on_crash(job, exc)`` (re-raised when ``on_crash`` is None).
    ``progress``: ``None`` shows a bar only on a terminal, as in ``run_local``.
    """
    try:
        import dask
        from distributed import Client, Future, LocalCluster, as_completed
    except ImportError as exc:
        raise TownshipReportError(f"the dask executor needs dask.distributed ({exc}); "
                                  "install it with: pip install -e '.[dask]'") from exc

    done = on_result or (lambda _r: None)
    results: list[R] = []
    if not jobs:
        return results
    bar = progress_bar(len(jobs), progress)
    with contextlib.ExitStack() as stack:
        stack.callback(bar.close)
        stack.enter_context(_quiet())
        if scheduler is None:
            # The scheduler runs in this process: worker deaths get the same number of retries,
            # and a worker is sent only the task it runs (no prefetching: notebooks take seconds).
            with dask.config.set({"distributed.scheduler.allowed-failures": retries,
                                  "distributed.scheduler.worker-saturation": 1.0}):
                cluster = stack.enter_context(LocalCluster(
                    n_workers=max(1, min(workers, len(jobs))), threads_per_worker=1,
                    processes=True, dashboard_address=None, silence_logs=logging.WARNING))
            client = stack.enter_context(Client(cluster))
        else:
            try:
                client = stack.enter_context(Client(scheduler))  # closes it, not the cluster
            except OSError as exc:  # refused, timed out, unknown host
                raise TownshipReportError(
                    f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        # On our own cluster keep one task per worker in flight: a dying worker counts a failure
        # against every task assigned to it, so other townships must not wait in its queue.
        limit = max(1, min(workers, len(jobs))) if scheduler is None else len(jobs)
        futures: dict[Future, J] = {}
        queue = as_completed()

        def submit(first: int, last: int) -> None:
            # One message for the slice: the scheduler knows the group's size from the start and
            # holds back what no worker can start yet, instead of queueing it on the workers.
            keys = [task_key(jobs[i], i) for i in range(first, last)]
            new = client.map(fn, jobs[first:last], key=keys, retries=retries, pure=False)
            futures.update(zip(new, jobs[first:last]))
            queue.update(new)

        def record(job: J, outcome: Callable[[], R]) -> None:
            try:
                results.append(outcome())
            except Exception as exc:  # KilledWorker, CommClosedError, an error raised by fn
                if on_crash is None:
                    raise
                results.append(on_crash(job, exc))
            done(results[-1])
            bar.update()

        submitted = min(limit, len(jobs))
        submit(0, submitted)
        no_workers_since: float | None = None
        try:
            while futures:
                if not queue.has_ready():
                    time.sleep(0.2)
                    # A nanny that fails to restart its worker leaves it gone for good
                    # (dask/distributed#7312, #8537): do not wait forever on our own cluster
                    # once no worker is left. (An external cluster may just be waiting for
                    # its workers, in a batch queue for example: there we wait.)
                    if scheduler is None and not client.nthreads():
                        no_workers_since = no_workers_since or time.monotonic()
                        if time.monotonic() - no_workers_since > NO_WORKERS_TIMEOUT:
                            client.cancel(list(futures), force=True)
                            pending = [*futures.values(), *jobs[submitted:]]
                            futures.clear()
                            for job in pending:
                                record(job, _no_workers)
                    else:
                        no_workers_since = None
                    continue
                for fut in queue.next_batch(block=False):
                    job = futures.pop(fut)
                    if submitted < len(jobs):
                        submit(submitted, submitted + 1)
                        submitted += 1
                    record(job, fut.result)
                    fut.release()  # the scheduler may forget the task and its result now
        except BaseException:
            client.cancel(list(futures), force=True)  # leave no tasks behind on a shared cluster
            raise
    return results
