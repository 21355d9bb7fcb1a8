"""Batch throughput: the naive loop a user would write vs `township-report run` vs the in-process limit.

For N synthetic townships (copies of the demo county's townships under new codes) it measures,
in one run:

(a) naive: per township, one after another, the ``papermill`` CLI, then ``jupyter nbconvert
    --to html --no-input``, then the ``weasyprint`` CLI (the same PDF engine we use);
(b) ``township-report run --jobs <cores> --force`` (HTML and PDF), and a no-change rerun;
(c) the in-process limit: the same analyses, the same charts rendered to PNG, the same
    HTML-to-PDF typesetting, in one warm Python process with no notebook and no kernel.

It prints townships per minute, b/a and b/c, the no-change rerun relative to a full run, the
peak resident memory of any worker or kernel process of (b), how the cost per township grows
with N, and the wall time extrapolated to 38,000 townships on 64 workers.

Run: ``.venv/bin/python benchmarks/batch_throughput.py [--sizes 20,100,500] [--naive-max 20]``.
(a) is slow (seconds per township, one at a time), so it runs for N <= --naive-max only and is
quoted per township. Medians of per-township times are printed; this machine is shared.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
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


def in_process(data: Path, codes: list[str], work: Path) -> float:
    """(c) the same analyses, charts and PDF typesetting in one warm process, no notebook."""
    import matplotlib

    matplotlib.use("Agg")
    import base64

    import matplotlib.pyplot as plt
    import weasyprint

    from analysis import plots, report

    t0 = time.perf_counter()
    for code in codes:
        rep = report.open_township(data, code)
        parts = [rep.title_markdown(), rep.key_indicators_table().to_html(), rep.findings_markdown(),
                 rep.data_table().to_html()]
        figs = [plots.population_trend(rep.panel), plots.births_deaths_trend(rep.panel),
                plots.rates_trend(rep.indicators), plots.parity_stacked(rep.panel),
                plots.srb_trend(rep.indicators)]
        for fig in figs:
            buf = io.BytesIO()
            fig.savefig(buf, format="png")
            plt.close(fig)
            parts.append(f'<img src="data:image/png;base64,{base64.b64encode(buf.getvalue()).decode()}">')
        html = "<html><body>" + "".join(parts) + "</body></html>"
        weasyprint.HTML(string=html).write_pdf(work / f"{code}.pdf")
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="20,100", help="comma-separated N (default 20,100)")
    ap.add_argument("--naive-max", type=int, default=20, help="largest N for the naive loop")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="tr-bench-"))
    print(f"machine: {os.cpu_count()} cores; jobs = {args.jobs}; python {sys.version.split()[0]}")
    print(f"{'N':>5} {'(a) naive s/twp':>16} {'(b) run s/twp':>14} {'(c) in-proc s/twp':>18} "
          f"{'b: twp/min':>11} {'a/b':>6} {'b/c':>6} {'rerun/full':>11} {'peak MB':>8}")
    per_b = {}
    try:
        for n in sizes:
            data = make_dataset(n, tmp)
            codes = [f"t{i:05d}" for i in range(n)]
            (tmp / f"naive{n}").mkdir()
            a = naive(data, codes, tmp / f"naive{n}") if n <= args.naive_max else None
            b, rss = batch(data, tmp / f"out{n}", args.jobs, force=True)
            rerun, _ = batch(data, tmp / f"out{n}", args.jobs, force=False)
            (tmp / f"inproc{n}").mkdir()
            c = in_process(data, codes, tmp / f"inproc{n}")
            per_b[n] = b / n
            a_txt = f"{a / n:16.2f}" if a is not None else f"{'—':>16}"
            ab = f"{a / b:6.1f}" if a is not None else f"{'—':>6}"
            print(f"{n:5d} {a_txt} {b / n:14.2f} {c / n:18.2f} {60 * n / b:11.1f} {ab} "
                  f"{b / c:6.2f} {rerun / b:11.3f} {rss:8d}", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    worker_seconds = statistics.median(per_b.values()) * args.jobs  # seconds of one worker per township
    print(f"\nper-township cost of one worker (median over N): {worker_seconds:.2f} s")
    print("cost growth: " + ", ".join(f"N={n}: {v:.2f} s/twp" for n, v in per_b.items()))
    print(f"extrapolated: 38,000 townships on 64 workers = {38000 * worker_seconds / 64 / 60:.1f} min "
          f"(assuming one township per worker at a time and a shared file system)")


if __name__ == "__main__":
    main()
