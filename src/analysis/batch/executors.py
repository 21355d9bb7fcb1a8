"""Executors: run a job function over many jobs and yield results as they finish.

``run_local`` uses a process pool (papermill's working-directory handling is not thread-safe,
papermill issue 473, and separate processes isolate crashes). Workers are started with
``spawn`` so they inherit no threads or sockets from the parent.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from tqdm.auto import tqdm

J = TypeVar("J")
R = TypeVar("R")

#: Executor names accepted by ``township-report run --executor``.
EXECUTORS: tuple[str, ...] = ("local", "dask")


def progress_bar(total: int, progress: bool | None) -> tqdm:
    """The batch progress bar: ``None`` shows it only on a terminal, False never."""
    return tqdm(total=total, unit="township", dynamic_ncols=True,
                disable=False if progress else (None if progress is None else True))


def get_executor(name: str) -> Callable[..., list]:
    """The executor function registered under ``name`` (``local`` or ``dask``).

    Every executor has the signature of :func:`run_local` plus executor-specific keyword
    arguments (Dask: ``scheduler``, ``retries``), and the same contract: results for every job,
    ``on_result`` called as each finishes, crashes turned into results by ``on_crash``.
    """
    if name == "local":
        return run_local
    if name == "dask":
        from .dask_executor import run_dask  # imported only when asked for: distributed is heavy

        return run_dask
    raise ValueError(f"unknown executor {name!r}; expected one of {', '.join(EXECUTORS)}")


def run_local(fn: Callable[[J], R], jobs: Sequence[J], workers: int,
              progress: bool | None = None,
              on_crash: Callable[[J, BaseException], R] | None = None,
              on_result: Callable[[R], None] | None = None) -> list[R]:
    """Run ``fn`` over ``jobs`` with ``workers`` processes (in-process when ``workers == 1``).

    ``fn`` must not raise for ordinary failures (it returns a failed result). When a worker
    process dies (killed, out of memory), ``on_crash(job, exc)`` turns that job into a result;
    without it the exception propagates. ``progress``: ``None`` shows a bar only on a terminal.
    ``on_result`` is called in this process with each result as soon as it is known (the
    runner uses it to record progress, so an interrupted batch can resume).
    """
    done = on_result or (lambda _r: None)
    results: list[R] = []
    if not jobs:
        return results
    bar = progress_bar(len(jobs), progress)
    try:
        if workers <= 1:
            for job in jobs:
                results.append(fn(job))
                done(results[-1])
                bar.update()
            return results
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            futures = {pool.submit(fn, job): job for job in jobs}
            try:
                for fut in as_completed(futures):
                    try:
                        results.append(fut.result())
                    except BrokenProcessPool as exc:
                        if on_crash is None:
                            raise
                        results.append(on_crash(futures[fut], exc))
                    done(results[-1])
                    bar.update()
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
        return results
    finally:
        bar.close()
