"""Batch throughput: the naive loop a user would write vs `township-report run` vs the in-process limit.

For N synthetic townships (copies of the demo county's townships under new codes) it measures,
in one run:

(a) naive: per township, one after another, the ``papermill`` CLI, then ``jupyter nbconvert
    --to html --no-input``, then the ``weasyprint`` CLI (the same PDF engine we use);
(b) ``township-report run --jobs <cores> --force`` (HTML and PDF), and a no-change rerun;
(c) the in-process limit: the appendix notebook's own code cells executed by IPython in one
    warm Python process (no kernel, no papermill, no ZeroMQ), their outputs exported with the
    same HTML and PDF functions. So (c) does exactly the analyses, charts and typesetting of
    (b); the difference is the notebook machinery.

It prints townships per minute, a/b and b/c, the no-change rerun relative to a full run, the
peak resident memory of any worker or kernel process of (b), how the cost per township grows
with N, and the wall time extrapolated to 38,000 townships on 64 workers.

b/c is printed twice. "b/c wall" is the literal comparison: (b)'s wall time with jobs = cores
over (c)'s single process. "b/c worker" compares one worker's time per township (the median of
the manifest's per-township execute + export seconds) with (c)'s per-township time: the
overhead of the notebook machinery itself, which parallelism does not hide.

The extrapolation uses the per-worker time (a worker handles one township at a time), plus
the measured time to plan 38,000 townships (``--plan-n``: validate the data, hash every
township's inputs) and (c) measured on a few townships *of that 38,000-township dataset*,
which shows whether per-township cost grows with the size of the dataset.

Run: ``.venv/bin/python benchmarks/batch_throughput.py [--sizes 20,100,500] [--naive-max 20]
[--plan-n 38000]``.
(a) is slow (seconds per township, one at a time), so it runs for N <= --naive-max only; its
cost per township does not depend on N, so a/b for larger N uses that measured rate. Medians of per-township times are printed; this machine is shared.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
NOTEBOOK = ROOT / "notebooks" / "township_appendix.ipynb"


def make_dataset(n: int, root: Path) -> Path:
    """N townships: the demo townships repeated under new codes and names (same county)."""
    with (ROOT / "data" / "demo" / "townships.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    header = list(rows[0])
    codes = sorted({r["township_code"] for r in rows})
    out = root / f"bench{n}"
    out.mkdir(parents=True)
    with (out / "townships.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        w.writeheader()
        for i in range(n):
            src = codes[i % len(codes)]
            for r in rows:
                if r["township_code"] == src:
                    w.writerow({**r, "township_code": f"t{i:05d}", "township": f"{r['township'][:-1]}{i}镇"})
    return out


def naive(data: Path, codes: list[str], work: Path) -> float:
    """(a) papermill CLI + nbconvert CLI + weasyprint CLI per township, sequentially."""
    t0 = time.perf_counter()
    for code in codes:
        nb = work / f"{code}.ipynb"
        subprocess.run([BIN / "papermill", str(NOTEBOOK), str(nb), "-p", "township_code", code,
                        "-p", "data_dir", str(data), "-p", "dataset", data.name, "--no-progress-bar"],
                       cwd=NOTEBOOK.parent, check=True, capture_output=True)
        subprocess.run([BIN / "jupyter", "nbconvert", "--to", "html", "--no-input", str(nb)],
                       check=True, capture_output=True)
        subprocess.run([BIN / "weasyprint", str(nb.with_suffix(".html")), str(nb.with_suffix(".pdf"))],
                       check=True, capture_output=True)
    return time.perf_counter() - t0


def batch(data: Path, out: Path, jobs: int, force: bool) -> tuple[float, int]:
    """(b) township-report run in a subprocess; returns wall time and peak child RSS (MB)."""
    cmd = [str(BIN / "python"), "-c",
           "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
           "print('MAXRSS', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)",
           str(BIN / "township-report"), "run", "--data", str(data), "--out", str(out), "--jobs", str(jobs),
           "--no-county", "--no-progress", "--params", str(out / "no-params")]
    if force:
        cmd.append("--force")
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    if r.returncode != 0:
        raise RuntimeError(r.stderr[-2000:])
    rss = int(next(line.split()[1] for line in r.stdout.splitlines() if line.startswith("MAXRSS")))
    return wall, rss // 1024


class InProcess:
    """(c): run the appendix notebook's code cells with IPython in this process, then export.

    The parameters cell is followed by the batch's parameters, exactly as papermill injects
    them; display outputs are captured into the notebook and exported with
    :func:`analysis.batch.export.notebook_to_html` and :func:`~analysis.batch.export.export_pdf`.
    """

    def __init__(self) -> None:
        import matplotlib

        matplotlib.use("Agg")
        import nbformat
        from IPython.core.interactiveshell import InteractiveShell

        self.nbformat = nbformat
        self.shell = InteractiveShell.instance()
        self.shell.enable_gui = lambda gui=None: None  # no event loop: figures go to display()
        self.notebook = nbformat.read(NOTEBOOK, as_version=4)

    def run(self, data: Path, code: str, work: Path) -> float:
        from IPython.utils.capture import capture_output

        from analysis.batch.export import export_pdf, notebook_to_html
        from analysis.batch.kernels import RESET_CODE
        from analysis.fsutil import atomic_write_text

        t0 = time.perf_counter()
        nb = self.nbformat.from_dict(self.notebook)
        self.shell.run_cell(RESET_CODE, store_history=False)  # what a warm kernel runs
        params = {"township_code": code, "data_dir": str(data), "dataset": data.name}
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            with capture_output() as cap:
                r = self.shell.run_cell(cell.source, store_history=False)
            r.raise_error()
            if "parameters" in cell.metadata.get("tags", []):
                self.shell.user_ns.update(params)
            cell.outputs = [self.nbformat.v4.new_output("display_data", data=o.data,
                                                        metadata=o.metadata)
                            for o in cap.outputs]
        html = work / f"{code}.html"
        atomic_write_text(html, notebook_to_html(nb, code, "zh", "benchmark"))
        export_pdf(html, work / f"{code}.pdf")
        return time.perf_counter() - t0


def in_process(runner: InProcess, data: Path, codes: list[str], work: Path) -> list[float]:
    """(c) per-township seconds, one after another in this process."""
    return [runner.run(data, code, work) for code in codes]


def worker_seconds(out: Path, dataset: str) -> list[float]:
    """Per-township seconds inside a worker (execute + export) from (b)'s manifest."""
    items = json.loads((out / dataset / "manifest.json").read_text(encoding="utf-8"))["items"]
    return [v["seconds"].get("execute", 0) + v["seconds"].get("export", 0)
            for v in items.values() if v.get("kind") == "township" and v.get("status") == "ok"]


def plan_seconds(n: int, root: Path) -> tuple[float, Path]:
    """Time to plan a batch of ``n`` townships (validate data, hash inputs), in this process."""
    from analysis.batch import runner

    data = make_dataset(n, root)
    t0 = time.perf_counter()
    runner.plan(data, root / "plan-out", params_dir=root / "no-params", counties=False)
    return time.perf_counter() - t0, data


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="20,100", help="comma-separated N (default 20,100)")
    ap.add_argument("--naive-max", type=int, default=20, help="largest N for the naive loop")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--plan-n", type=int, default=38000,
                    help="N for the planning and large-dataset (c) measurement (0: skip)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="tr-bench-"))
    print(f"machine: {os.cpu_count()} cores; jobs = {args.jobs}; python {sys.version.split()[0]}; "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'N':>5} {'(a) s/twp':>10} {'(b) s/twp':>10} {'(b) worker':>11} {'(c) s/twp':>10} "
          f"{'b twp/min':>10} {'a/b':>5} {'b/c wall':>9} {'b/c worker':>11} {'rerun/full':>11} "
          f"{'peak MB':>8}")
    inproc = InProcess()
    per_worker: dict[int, float] = {}
    a_per: float | None = None
    per_c: dict[int, float] = {}
    try:
        for n in sizes:
            data = make_dataset(n, tmp)
            codes = [f"t{i:05d}" for i in range(n)]
            (tmp / f"naive{n}").mkdir()
            a = naive(data, codes, tmp / f"naive{n}") if n <= args.naive_max else None
            # (a) costs the same per township at any N: use the last measured rate beyond --naive-max
            a_per = a / n if a is not None else a_per
            b, rss = batch(data, tmp / f"out{n}", args.jobs, force=True)
            w = statistics.median(worker_seconds(tmp / f"out{n}", data.name))
            rerun, _ = batch(data, tmp / f"out{n}", args.jobs, force=False)
            (tmp / f"inproc{n}").mkdir()
            inproc.run(data, codes[0], tmp / f"inproc{n}")  # warm-up: imports, dataset cache
            c = statistics.median(in_process(inproc, data, codes, tmp / f"inproc{n}"))
            per_worker[n], per_c[n] = w, c
            a_txt = f"{a / n:10.2f}" if a is not None else f"{'—':>10}"
            ab = f"{a_per / (b / n):5.1f}" if a_per is not None else f"{'—':>5}"
            print(f"{n:5d} {a_txt} {b / n:10.2f} {w:11.2f} {c:10.2f} {60 * n / b:10.1f} {ab} "
                  f"{b / n / c:9.2f} {w / c:11.2f} {rerun / b:11.3f} {rss:8d}", flush=True)
        print("\ncost growth (median seconds per township in one worker): "
              + ", ".join(f"N={n}: {v:.2f}" for n, v in per_worker.items()))
        worker = statistics.median(per_worker.values())
        plan = 0.0
        if args.plan_n:
            plan, big = plan_seconds(args.plan_n, tmp)
            print(f"planning N={args.plan_n}: {plan:.1f} s (validate + hash every township's inputs)")
            (tmp / "inproc-big").mkdir()
            sample = [f"t{i:05d}" for i in range(0, args.plan_n, max(1, args.plan_n // 10))][:10]
            t0 = time.perf_counter()
            inproc.run(big, sample[0], tmp / "inproc-big")  # loads the big dataset once
            first = time.perf_counter() - t0
            cs = in_process(inproc, big, sample[1:], tmp / "inproc-big")
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            print(f"(c) in the N={args.plan_n} dataset: first township {first:.1f} s (loading and "
                  f"whole-panel analyses, once per worker), then median {statistics.median(cs):.2f} "
                  f"s per township (N={sizes[0]}: {per_c[sizes[0]]:.2f} s); peak memory of this "
                  f"process, which holds that dataset and its analyses as a kernel would: {rss} MB")
        total = plan + 38000 * worker / 64
        print(f"extrapolated: 38,000 townships on 64 workers = {total / 60:.1f} min "
              f"(planning {plan:.0f} s + 38,000 x {worker:.2f} s / 64; one township per worker at "
              "a time, a shared file system, Dask's per-task overhead of a few ms ignored)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
