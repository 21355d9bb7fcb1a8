"""The ``township-report`` command line: parse, call one function, map errors to exit codes.

Exit codes: 0 success; 1 a township failed or the input has errors; 2 wrong usage.
Expected errors print one clear line each and no traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import BatchError, Problem, ProblemsError, TownshipReportError


def _add_run(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="run the appendix notebook for every township and write the index",
                       description="Run notebooks/township_appendix.ipynb once per township with "
                       "papermill, export HTML appendices and write <out>/<dataset>/index.html.")
    p.add_argument("--data", required=True, help="dataset directory holding townships.csv")
    p.add_argument("--townships", nargs="+", metavar="CODE",
                   help="only these townships (codes or Chinese names)")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: CPU count)")
    p.add_argument("--out", default="outputs", help="output root (default: outputs)")
    p.add_argument("--timeout", type=float, default=600.0,
                   help="seconds allowed for each notebook cell (default: 600)")
    p.add_argument("--params", default=None,
                   help="parameters directory (default: params/<dataset>)")
    p.add_argument("--formats", default=None,
                   help="comma-separated output formats, overriding the parameters files "
                   "(html,pdf; default: per parameters file, html and pdf)")
    p.add_argument("--language", choices=("zh", "en"), default=None,
                   help="language of every appendix and the index (default: per parameters file; index zh)")
    p.add_argument("--notebook", default=None,
                   help="appendix notebook to run (default: notebooks/township_appendix.ipynb)")
    p.add_argument("--no-county", action="store_true", help="skip the county overviews")
    p.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="local worker processes (default) or a Dask distributed cluster")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local "
                   "cluster with --jobs workers)")
    p.add_argument("--fresh-kernels", action="store_true",
                   help="start a new kernel for every notebook instead of reusing one per worker "
                   "(slower; outputs are identical)")
    p.add_argument("--force", action="store_true",
                   help="redo every township, even those whose inputs are unchanged")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")


def _add_validate(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="check data and parameters files; print every problem",
                       description="Print every data and parameters problem, one line each; "
                       "exit 1 when any is an error.")
    p.add_argument("--data", required=True, help="dataset directory holding townships.csv")
    p.add_argument("--params", default=None, help="parameters directory (default: params/<dataset>)")


def _add_params(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("params", help="manage per-township parameters files")
    psub = p.add_subparsers(dest="params_command", required=True)
    init = psub.add_parser("init", help="write params/<dataset>/<code>.yaml for every township",
                           description="Write a default parameters file for every township of the "
                           "dataset; existing files are kept unless --force.")
    init.add_argument("--data", required=True, help="dataset directory holding townships.csv")
    init.add_argument("--params", default=None, help="parameters directory (default: params/<dataset>)")
    init.add_argument("--language", choices=("zh", "en"), default="zh")
    init.add_argument("--force", action="store_true", help="overwrite existing files")


def _add_demo(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo-data", help="regenerate the synthetic demo dataset",
                       description="Write the seeded synthetic demo county (see data/demo/README.md).")
    p.add_argument("--out", default="data/demo", help="output directory (default: data/demo)")
    p.add_argument("--seed", type=int, default=None, help="random seed (default: the documented one)")


def build_parser() -> argparse.ArgumentParser:
    from .version import __version__

    parser = argparse.ArgumentParser(
        prog="township-report",
        description="Township population statistics to demographic appendices (HTML).")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for add in (_add_run, _add_validate, _add_params, _add_demo):
        add(sub)
    from .ingest.commands import register

    COMMANDS.update(register(sub))  # template, import, extract
    return parser


def _print_problems(problems: Sequence[Problem]) -> None:
    for p in problems:
        print(p.format(), file=sys.stderr)


def cmd_run(args: argparse.Namespace) -> int:
    from .batch.runner import run

    formats = [f.strip() for f in args.formats.split(",") if f.strip()] if args.formats else None
    if formats and set(formats) - {"html", "pdf"}:
        print(f"township-report run: error: unknown format(s) "
              f"{sorted(set(formats) - {'html', 'pdf'})}; available: html, pdf", file=sys.stderr)
        return 2
    summary = run(args.data, out=args.out, townships=args.townships, jobs=args.jobs,
                  timeout=args.timeout, params_dir=args.params, formats=formats,
                  notebook=args.notebook, counties=not args.no_county, force=args.force,
                  executor=args.executor, scheduler=args.scheduler,
                  warm_kernels=not args.fresh_kernels,
                  language=args.language, progress=False if args.no_progress else None,
                  on_note=lambda note: print(f"note: {note}", file=sys.stderr))
    towns = summary.townships
    ok = sum(r.ok for r in towns)
    n_county = len(summary.results) - len(towns)
    county_ok = sum(r.ok for r in summary.results if r.kind != "township")
    skipped = sum(r.skipped for r in summary.results)
    print(f"{summary.dataset}: {ok} of {len(towns)} townships ok, {county_ok} of {n_county} county "
          f"overviews ok ({skipped} unchanged, reused), in {summary.seconds:.1f} s; "
          f"index: {summary.index}")
    for r in summary.failed:
        print(f"FAILED {r.township_code} ({r.township}): {r.error}  "
              f"[log: {summary.out_dir / r.township_code / 'run.log'}]", file=sys.stderr)
    if summary.failed:
        raise BatchError([r.township_code for r in summary.failed])
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from .validate import validate_all

    problems = validate_all(args.data, args.params)
    _print_problems(problems)
    n_err = sum(p.severity == "error" for p in problems)
    n_warn = len(problems) - n_err
    print(f"{n_err} error(s), {n_warn} warning(s)")
    return 1 if n_err else 0


def cmd_params(args: argparse.Namespace) -> int:
    from .load import load_dataset
    from .params import init_params

    ds = load_dataset(args.data)
    pdir = Path(args.params) if args.params else Path("params") / ds.name
    codes = list(ds.townships["township_code"])
    written = init_params(codes, ds.name, pdir, overwrite=args.force, language=args.language)
    print(f"{pdir}: wrote {len(written)} file(s), kept {len(codes) - len(written)} existing")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from . import demo

    seed = demo.DEFAULT_SEED if args.seed is None else args.seed
    for path in demo.write(args.out, seed=seed):
        print(path)
    return 0


COMMANDS = {"run": cmd_run, "validate": cmd_validate, "params": cmd_params, "demo-data": cmd_demo}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``township-report`` console script."""
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ProblemsError as exc:
        _print_problems(exc.problems)
        print(f"error: {exc.what}: {len(exc.errors)} error(s)", file=sys.stderr)
        return exc.exit_code
    except BatchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except TownshipReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted: files already written are complete; rerun to finish", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
