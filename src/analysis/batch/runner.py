"""Plan the townships of a batch, run each one's notebook with papermill, collect the outcome.

Outputs per township, under ``<out>/<dataset>/<township_code>/``:

- ``appendix.ipynb``: the executed notebook (kept, with the error, when it fails);
- ``appendix.html``: the self-contained HTML appendix;
- ``run.log``: papermill's log and everything the kernel printed.

Every file is written under a temporary name and renamed into place, so an interrupted run
never leaves a truncated file. One township failing (bad data rows, broken parameters file,
an exception or a time-out in its notebook) never stops the others.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import math
import os
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import schema
from ..errors import DataValidationError, ParamsValidationError, Problem
from ..fsutil import atomic_path, atomic_write_text
from ..i18n import t
from ..load import Dataset, blocking_errors, validate_dataset
from ..params import params_path, township_params
from ..version import __version__, code_version
from . import manifest

#: The notebooks of this source tree (``notebooks/`` beside ``src/``).
NOTEBOOKS = Path(__file__).resolve().parents[3] / "notebooks"
DEFAULT_NOTEBOOK = NOTEBOOKS / "township_appendix.ipynb"
COUNTY_NOTEBOOK = NOTEBOOKS / "county_overview.ipynb"
#: Default seconds allowed for one notebook cell (papermill's ``execution_timeout``).
DEFAULT_TIMEOUT = 600.0

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to produce one township's appendix (picklable)."""

    township_code: str
    township: str
    notebook: str
    out_dir: str
    parameters: dict[str, Any]
    title: str
    timeout: float | None = DEFAULT_TIMEOUT
    formats: tuple[str, ...] = ("html", "pdf")
    #: Short provenance printed in every PDF page footer: dataset, data hash, code version.
    provenance: str = ""
    #: "township" (an appendix) or "county" (an overview); names the output files.
    kind: str = "township"
    #: SHA-256 of each input (data rows, parameters, notebook, code, environment) and their key.
    inputs: dict[str, str] = field(default_factory=dict)
    key: str = ""
    #: Reuse this worker's kernel (reset between notebooks) instead of starting a new one.
    warm: bool = True

    @property
    def stem(self) -> str:
        return "appendix" if self.kind == "township" else "overview"


@dataclass
class Result:
    """The outcome of one township."""

    township_code: str
    township: str
    status: str  # "ok" | "failed"
    error: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    kind: str = "township"
    #: True when the outputs of a previous run were reused (inputs unchanged).
    skipped: bool = False
    #: Key figures the notebook published (see ``TownshipReport.publish_summary``), or None.
    summary: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass
class BatchSummary:
    """All results of one batch, plus where the index page was written."""

    dataset: str
    out_dir: Path
    results: list[Result]
    index: Path | None = None
    seconds: float = 0.0

    @property
    def failed(self) -> list[Result]:
        return [r for r in self.results if not r.ok]

    @property
    def townships(self) -> list[Result]:
        return [r for r in self.results if r.kind == "township"]


def _short_error(exc: BaseException) -> str:
    """One line for the summary: the exception type and the first line of its message."""
    ename = getattr(exc, "ename", None) or type(exc).__name__
    evalue = getattr(exc, "evalue", None) or str(exc)
    first = evalue.strip().splitlines()[0] if evalue.strip() else ""
    return f"{ename}: {first}" if first else ename


@contextlib.contextmanager
def _fds_to(path: Path) -> Iterator[None]:
    """Send this process's (and so the kernel's) stdout and stderr to ``path`` for a while.

    The kernel inherits the file descriptors of the worker; without this its start-up warnings
    would interleave on the user's terminal instead of landing in the township's ``run.log``.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for f in (*saved, fd):
            os.close(f)


def run_job(job: Job) -> Result:
    """Execute and export one township's notebook. Never raises: failures become a Result.

    Runs in a worker process; papermill's log and the kernel's output go to ``run.log``.
    """
    import nbformat
    import papermill as pm  # imported here: workers pay for it once, the CLI's --help does not

    from .engine import ENGINE_NAME
    from .export import export_pdf, notebook_to_html
    from .kernels import discard, warm_kernel
    from .normalize import normalize_notebook

    out = Path(job.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    result = Result(job.township_code, job.township, "ok", kind=job.kind)
    target = out / f"{job.stem}.ipynb"
    with atomic_path(out / "run.log") as log_tmp:
        handler = logging.FileHandler(log_tmp, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        loggers = [logging.getLogger(n) for n in ("papermill", "nbclient", "traitlets")]
        for lg in loggers:
            lg.addHandler(handler)
            lg.setLevel(logging.INFO)
            lg.propagate = False
        try:
            t0 = time.perf_counter()
            tmp_nb = out / f".{job.stem}.tmp-{os.getpid()}.ipynb"
            finished = False  # False only when interrupted: then keep the previous file
            cwd = str(Path(job.notebook).parent)
            kernel_name = nbformat.read(job.notebook, as_version=4).metadata.kernelspec.name
            executed = None  # the executed notebook, kept in memory: read and validated once
            try:
                with _fds_to(log_tmp):
                    warm = warm_kernel(kernel_name, cwd) if job.warm else None
                    executed = pm.execute_notebook(
                        job.notebook, str(tmp_nb), parameters=job.parameters,
                        engine_name=ENGINE_NAME, km=warm and warm.km, kc=warm and warm.kc,
                        kernel_name=kernel_name, cwd=cwd,
                        # nbclient takes whole seconds; round a fractional --timeout up
                        execution_timeout=None if job.timeout is None else math.ceil(job.timeout),
                        progress_bar=False, log_output=True, report_mode=False,
                    )
                finished = True
            except Exception as exc:  # PapermillExecutionError, CellTimeoutError, DeadKernelError...
                finished = True
                result.status, result.error = "failed", _short_error(exc)
                discard(kernel_name, cwd)  # never reuse a kernel a failure may have left dirty
                logging.getLogger("papermill").error("%s", traceback.format_exc())
            finally:
                if finished and executed is None and tmp_nb.exists() and tmp_nb.stat().st_size > 0:
                    executed = nbformat.read(tmp_nb, as_version=4)  # failed: papermill saved it
                if finished and executed is not None:
                    normalize_notebook(executed, f"notebooks/{Path(job.notebook).name}", target.name)
                    nbformat.write(executed, tmp_nb)
                    os.chmod(tmp_nb, 0o644)
                    os.replace(tmp_nb, target)
                elif tmp_nb.exists():
                    tmp_nb.unlink()
            result.seconds["execute"] = round(time.perf_counter() - t0, 3)
            if executed is not None:
                result.files["ipynb"] = target.name
                result.summary = read_summary(executed)
                t1 = time.perf_counter()
                try:
                    # the PDF is typeset from the HTML, so HTML is written whenever PDF is asked
                    html = out / f"{job.stem}.html"
                    atomic_write_text(html, notebook_to_html(
                        executed, job.title, str(job.parameters.get("language", "zh")),
                        job.provenance))
                    result.files["html"] = html.name
                    result.seconds["html"] = round(time.perf_counter() - t1, 3)
                    if "pdf" in job.formats:
                        t2 = time.perf_counter()
                        export_pdf(html, out / f"{job.stem}.pdf")
                        result.files["pdf"] = f"{job.stem}.pdf"
                        result.seconds["pdf"] = round(time.perf_counter() - t2, 3)
                except Exception as exc:
                    result.status = "failed"
                    result.error = result.error or f"export failed: {_short_error(exc)}"
                    logging.getLogger("papermill").error("%s", traceback.format_exc())
                result.seconds["export"] = round(time.perf_counter() - t1, 3)
        finally:
            for lg in loggers:
                lg.removeHandler(handler)
            handler.close()
    result.files["log"] = "run.log"
    return result


def read_summary(nb: Any) -> dict[str, Any] | None:
    """The summary a notebook published as :data:`SUMMARY_MIME` output, or None.

    The notebook computed these figures already; the index page reads them instead of
    recomputing every township in the parent process (papermill's "record" pattern).
    """
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if schema.SUMMARY_MIME in data:
                return dict(data[schema.SUMMARY_MIME])
    return None


def failed_result(code: str, name: str, out_dir: Path, problems: list[Problem], why: str,
                  kind: str = "township") -> Result:
    """A township that cannot run (bad rows, bad parameters): record why in its ``run.log``."""
    lines = [why] + [p.format() for p in problems]
    atomic_write_text(out_dir / "run.log", "\n".join(lines) + "\n")
    first = problems[0].format() if problems else why
    return Result(code, name, "failed", error=f"{why}: {first}", files={"log": "run.log"},
                  kind=kind)


def _crashed(job: Job, exc: BaseException) -> Result:
    """``job`` did not return a result: its worker died (killed, out of memory) or, on Dask,
    the task still failed after its retries."""
    return Result(job.township_code, job.township, "failed",
                  error=f"no result (worker died or task failed after retries): {_short_error(exc)}",
                  kind=job.kind)


@dataclass
class Plan:
    """Which townships run with which parameters, and which already failed before running."""

    dataset: Dataset
    jobs: list[Job]
    failed: list[Result]
    notes: list[str]


def plan(data: str | Path, out: str | Path = "outputs", townships: Sequence[str] | None = None,
         params_dir: str | Path | None = None, timeout: float | None = DEFAULT_TIMEOUT,
         formats: Sequence[str] | None = None, notebook: str | Path | None = None,
         language: str | None = None, counties: bool = True) -> Plan:
    """Validate data and parameters, then build one :class:`Job` per runnable township.

    Raises :class:`DataValidationError` only for problems that concern every township (a
    missing column, an unreadable file); a township with bad rows or a broken parameters file
    becomes a failed :class:`Result` and the others go ahead.
    """
    ds, problems = validate_dataset(data)
    global_errors = [p for p in blocking_errors(problems) if p.township_code is None]
    if global_errors:
        raise DataValidationError(f"dataset {ds.path}", global_errors)
    towns = ds.townships
    codes = [ds.resolve(c) for c in townships] if townships else list(towns["township_code"])
    names = dict(zip(towns["township_code"], towns["township"]))
    pdir = Path(params_dir) if params_dir is not None else Path("params") / ds.name
    notes: list[str] = []
    if not pdir.is_dir():
        notes.append(f"{pdir}: no parameters directory; using defaults "
                     f"(create files with: township-report params init --data {ds.path})")
    nb = Path(notebook) if notebook else DEFAULT_NOTEBOOK
    out_root = Path(out) / ds.name
    data_dir = str(ds.path.resolve())
    version = code_version()
    jobs, failed = [], []
    for code in dict.fromkeys(codes):  # keep order, drop repeats
        name = names[code]
        out_dir = out_root / code
        bad_rows = blocking_errors(problems, code)
        bad_rows = [p for p in bad_rows if p.township_code == code]
        if bad_rows:
            failed.append(failed_result(code, name, out_dir, bad_rows, "invalid data rows"))
            continue
        pfile = params_path(pdir, code)
        if pdir.is_dir() and not pfile.is_file():
            notes.append(f"{pfile}: missing; using defaults for {code}")
        try:
            params = township_params(pdir, code, ds.name)
        except ParamsValidationError as exc:
            failed.append(failed_result(code, name, out_dir, exc.problems, "invalid parameters"))
            continue
        if formats:
            params = params.model_copy(update={"formats": tuple(formats)})
        if language:
            params = params.model_copy(update={"language": language})
        nb_params = params.notebook_parameters(data_dir)
        inputs = _inputs(ds, [code], nb, {k: v for k, v in nb_params.items() if k != "data_dir"})
        # the appendix also shows the county's value for its last year: a correction that
        # changes it must redo this appendix too (one that does not, does not)
        inputs["county_values"] = _county_values_sha(ds, code, params.last_year)
        nb_params["code_version"] = version
        nb_params["input_hashes"] = {k: v[:12] for k, v in inputs.items()}
        title = params.title or t("appendix.title", params.language, township=name)
        jobs.append(Job(code, name, str(nb.resolve()), str(out_dir.resolve()), nb_params, title,
                        timeout, params.formats, provenance(ds, version), inputs=inputs,
                        key=manifest.item_key(inputs)))
    if counties:
        bad_codes = {p.township_code for p in blocking_errors(problems)}
        for job in county_jobs(ds, out_root, language or "zh", timeout, version, formats):
            county = ds.county_panel(job.township)
            bad = sorted(bad_codes & set(county["township_code"]))
            if bad:  # county totals would include the invalid rows: do not pretend
                failed.append(failed_result(
                    job.township_code, job.township, Path(job.out_dir),
                    blocking_errors(problems), f"invalid data rows in {', '.join(bad)}",
                    kind="county"))
            else:
                jobs.append(job)
    return Plan(ds, jobs, failed, notes)


def _inputs(ds: Dataset, codes: list[str], notebook: Path, params: dict[str, Any]) -> dict[str, str]:
    """The hashes that decide whether an item must be redone."""
    return {
        "data_rows": manifest.township_rows_sha256(ds, codes),
        "parameters": manifest.sha256_text(json.dumps(params, sort_keys=True, ensure_ascii=False)),
        "notebook": manifest.sha256_file(notebook),
        "code": manifest.code_sha256(),
        "environment": manifest.environment_lock_sha256(),
    }


def _county_values_sha(ds: Dataset, code: str, last_year: int | None) -> str:
    """Hash of the county totals of the year a township's key-indicator table compares with.

    The totals are the appendix's own (:meth:`Dataset.county_totals`); the hash is memoised
    per county and year: every township of a county shares it.
    """
    town = ds.memo("townships-by-code", lambda: ds.townships.set_index("township_code"))
    county, year = town.at[code, "county"], int(last_year if last_year is not None
                                                  else town.at[code, "last_year"])

    def sha() -> str:
        totals = ds.county_totals(county)
        return manifest.rows_sha256(totals[totals["year"].isin([year - 1, year])])

    return ds.memo(f"county-values-sha:{county}:{year}", sha)


def county_slug(index: int) -> str:
    """Output directory of the ``index``-th county (sorted by name): ASCII, stable."""
    return f"county-{index + 1:02d}"


def provenance(ds: Dataset, version: str) -> str:
    """``dataset · data hash · code version``: printed in every PDF page footer."""
    return f"{ds.name} · {ds.file_sha256[schema.MAIN_FILE][:12]} · {version}"


def county_jobs(ds: Dataset, out_root: Path, language: str, timeout: float | None,
                version: str, formats: Sequence[str] | None = None) -> list[Job]:
    """One overview job per county of the dataset."""
    data_dir = str(ds.path.resolve())
    jobs = []
    for i, county in enumerate(sorted(ds.panel["county"].dropna().unique())):
        params = {"county": county, "dataset": ds.name, "language": language, "year": None,
                  "formats": list(formats or ("html", "pdf"))}
        codes = sorted(ds.county_panel(county)["township_code"].unique())
        inputs = _inputs(ds, codes, COUNTY_NOTEBOOK, params)
        params.pop("formats")
        params.update(data_dir=data_dir, code_version=version)
        jobs.append(Job(county_slug(i), str(county), str(COUNTY_NOTEBOOK.resolve()),
                        str((out_root / county_slug(i)).resolve()), params,
                        t("county.title", language, county=county), timeout,
                        tuple(formats or ("html", "pdf")), provenance(ds, version), "county",
                        inputs=inputs, key=manifest.item_key(inputs)))
    return jobs


def run(data: str | Path, out: str | Path = "outputs", townships: Sequence[str] | None = None,
        jobs: int | None = None, timeout: float | None = DEFAULT_TIMEOUT,
        params_dir: str | Path | None = None, formats: Sequence[str] | None = None,
        notebook: str | Path | None = None, language: str | None = None,
        counties: bool = True, progress: bool | None = None, force: bool = False,
        executor: str = "local", scheduler: str | None = None, warm_kernels: bool = True,
        on_note: Callable[[str], None] | None = None) -> BatchSummary:
    """Run the appendix notebook for every (or the selected) township and write the index.

    ``jobs`` worker processes (default: CPU count) each execute one township at a time.
    Items whose inputs are unchanged since the last run (see :mod:`.manifest`) are skipped
    unless ``force``. ``executor="dask"`` submits one task per item to a Dask cluster at
    ``scheduler`` (a local cluster of ``jobs`` workers when None). ``warm_kernels`` reuses one
    kernel per worker between notebooks (see :mod:`.kernels`); False starts one per notebook. Returns a :class:`BatchSummary`; the caller decides how to report
    failures.
    """
    from .executors import get_executor
    from .index_page import write_index

    t0 = time.perf_counter()
    p = plan(data, out, townships, params_dir, timeout, formats, notebook, language, counties)
    for note in p.notes:
        (on_note or log.warning)(note)
    out_root = Path(out) / p.dataset.name
    previous = manifest.read_manifest(out_root)
    items: dict[str, dict[str, Any]] = dict(previous["items"])
    todo, reused = [], []
    if not warm_kernels:
        p.jobs = [dataclasses.replace(j, warm=False) for j in p.jobs]
    for job in p.jobs:
        old = items.get(job.township_code)
        if not force and manifest.is_current(old, job.key, Path(job.out_dir)):
            reused.append(Result(job.township_code, job.township, "ok", old.get("error"),
                                 old.get("seconds", {}), old["files"], job.kind, skipped=True,
                                 summary=old.get("summary")))
        else:
            todo.append(job)
    keys = {j.township_code: (j.key, j.inputs) for j in p.jobs}
    extra = {"package_version": __version__, "code_version": code_version(),
             "code_sha256": manifest.code_sha256(),
             "environment_lock_sha256": manifest.environment_lock_sha256()}

    writer = manifest.ManifestWriter(out_root, p.dataset.name, items, extra)

    def record(result: Result) -> None:
        key, inputs = keys.get(result.township_code, ("", {}))
        writer.record(result.township_code, manifest.entry(result, key, inputs))

    try:
        for r in p.failed:
            record(r)
        workers = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
        execute = get_executor(executor)
        extra_kw = {"scheduler": scheduler} if executor == "dask" else {}
        results = p.failed + reused + execute(run_job, todo, workers, progress=progress,
                                              on_crash=_crashed, on_result=record, **extra_kw)
    finally:
        writer.flush()
    order = {c: i for i, c in enumerate(p.dataset.townships["township_code"])}
    results.sort(key=lambda r: (r.kind != "township", order.get(r.township_code, 0), r.township_code))
    summary = BatchSummary(p.dataset.name, out_root, results)
    summary.index = write_index(p.dataset, results, out_root, language or "zh")
    summary.seconds = round(time.perf_counter() - t0, 3)
    return summary
