"""Precision and recall of ``analysis.extract.extract_figures`` on hand-read report texts.

Usage::

    python benchmarks/extract_accuracy.py                 # the five seeds
    python benchmarks/extract_accuracy.py --extra DIR     # plus DIR/*.txt scored by DIR/gold.csv
    python benchmarks/extract_accuracy.py --verbose       # list every wrong and missed figure

The gold standard of the seeds is ``data/seed_reports/sources.csv`` (every figure a colleague
copied into ``data/seed_reports/texts``), read as follows:

- rows whose ``field`` is a schema column (not the keys ``year``/``county``) are stated figures
  of the township as a whole (series ``main``) for the row's year;
- two rows marked "not in schema" are schema figures of another series or a second statement:
  ``in_migrant_women_15_49`` (women 15-49 among in-migrants: ``women_15_49`` of the ``migrant``
  series) and ``in_migrants_alt_figure`` (the report's second, conflicting 流入人口);
- the other "not in schema" rows (二多孩政策符合率, 奖扶对象 ...) name no schema field: not counted;
- plus my own hand reading (:data:`HAND_READ_EXTRA`): figures the table leaves out.

A figure the extractor gives is *right* when field, value, year and series all match a stated
figure (each stated figure matches once). Found figures include the second value of a conflict
(the extractor reports it rather than dropping it). Precision = right / found; recall = right /
stated.

``--extra DIR``: ``DIR/gold.csv`` with columns ``file,field,value,year,series`` (year blank when
the text does not state it) scores ``DIR/<file>``; use it for reports the rules were not tuned on.
``DIR/other_places.csv`` (``file,field,value,year,place``), when present, lists the figures of
places other than the text's own, which are not scored: a figure the extractor gives to a named
place that is one of those (same field, value and year, the place's name within the labeller's)
counts as neither right nor wrong, and is shown in the column "elsewhere". A figure of another
place that the extractor gives to the text's own place stays wrong.

``DIR/garbled.csv`` (``file,field,printed,why``) lists figures the labeller found printed but
impossible or unreadable. The issue asks for these to be reported, not guessed; the extractor
keeps such a value as printed and attaches an error or warning to it. A found figure that is
not right, whose field the labeller lists as garbled in that text, and that the extractor itself
marks (a finding or problem of severity ``error`` or ``warning`` on that field) is a mismatch
reported as such: it counts as neither right nor wrong and is shown in the column "reported". The line
"strict" under the total counts them as wrong.

The line "wrong in the year only" under the total counts the wrong figures that match a missed
stated figure in field, value and series: the labeller and the extractor read the same figure and
dated it differently (most often a year the labeller left blank where the text does not repeat
it). It is a diagnosis, not a second score: precision and recall above count them wrong.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from analysis import schema  # noqa: E402
from analysis.extract import extract_figures  # noqa: E402
from analysis.ingest.extract import figure_fields  # noqa: E402
from analysis.ingest.headers import normalize_text  # noqa: E402

SOURCES = ROOT / "data" / "seed_reports" / "sources.csv"
SEED_DIR = Path(__file__).resolve().parents[1] / "data" / "seed_reports" / "texts"
#: "Not in schema" rows of sources.csv that are schema figures of another series, or a second
#: statement of a figure: name -> (field, series).
MAPPED = {"in_migrant_women_15_49": ("women_15_49", "migrant"),
          "in_migrants_alt_figure": ("in_migrants", "main")}
#: My own hand reading beyond sources.csv: seed prefix -> (field, value, year, series, quote).
HAND_READ_EXTRA: dict[str, list[tuple[str, float, int | None, str, str]]] = {
    "003": [("in_migrants", 5230, 2008, "main", "一是流入人口增长快速。由2008年5230人上升到目前的8380人。")],
}

Figure = tuple[str, float, int | None, str]


def seed_gold(seed_dir: Path) -> dict[Path, list[Figure]]:
    """Stated figures per seed text, from sources.csv and :data:`HAND_READ_EXTRA`."""
    gold: dict[Path, list[Figure]] = {p: [] for p in sorted(seed_dir.glob("*.txt"))}
    with SOURCES.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = row["field"]
            if name in schema.BY_NAME and name not in schema.KEYS:
                field, series = name, "main"
            elif name in MAPPED:
                field, series = MAPPED[name]
            else:
                continue
            value = float(row["value_as_printed"].rstrip("%‰"))
            gold[seed_dir / row["seed_file"]].append((field, value, int(row["year"]), series))
    for path in gold:
        for field, value, year, series, _quote in HAND_READ_EXTRA.get(path.name[:3], []):
            gold[path].append((field, float(value), year, series))
    return gold


def extra_gold(directory: Path) -> dict[Path, list[Figure]]:
    """Stated figures of further texts, from ``directory/gold.csv``."""
    gold: dict[Path, list[Figure]] = {}
    with (directory / "gold.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            path = directory / row["file"]
            gold.setdefault(path, [])
            if row["field"]:  # a row with no field: a text with nothing stated
                gold[path].append((row["field"], float(row["value"]),
                                   int(row["year"]) if row["year"] else None, row["series"] or "main"))
    return gold


#: A figure of another place: field, value, year, the place as the labeller wrote it.
Elsewhere = tuple[str, float, int | None, str]


def _rows(path: Path) -> list[dict[str, str]]:
    """The rows of an optional CSV file of a batch (none when the batch has no such file)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def elsewhere_gold(directory: Path) -> dict[Path, list[Elsewhere]]:
    """Figures of other places than each text's own, from ``directory/other_places.csv``."""
    out: dict[Path, list[Elsewhere]] = {}
    for row in _rows(directory / "other_places.csv"):
        if row.get("field") and row.get("value"):
            out.setdefault(directory / row["file"], []).append(
                (row["field"], float(row["value"]), int(row["year"]) if row["year"] else None,
                 normalize_text(row["place"] or "")))
    return out


def garbled_gold(directory: Path) -> dict[Path, set[str]]:
    """The fields the labeller found garbled (printed but impossible or unreadable) per text,
    from ``directory/garbled.csv``."""
    out: dict[Path, set[str]] = {}
    for row in _rows(directory / "garbled.csv"):
        if row.get("field"):
            out.setdefault(directory / row["file"], set()).add(row["field"])
    return out


def found_figures(text: str) -> list[tuple[Figure, str | None]]:
    """Every figure the extractor gives, including the second value of a conflict, with the
    place of its record."""
    return [(fig, place) for fig, place, _ in _found(text)]


def _found(text: str) -> list[tuple[Figure, str | None, bool]]:
    """:func:`found_figures`, each with whether the extractor marks its field with an error or
    a warning."""
    out: list[tuple[Figure, str | None, bool]] = []
    for rec in extract_figures(text):
        errors = {x.get("field") for x in rec["findings"] + rec["problems"]
                  if x.get("severity") in ("error", "warning")}
        for f in figure_fields(rec):
            out.append(((f, float(rec[f]), rec["year"], rec["series"]), rec["place"], f in errors))
        for p in rec["problems"]:
            if p["kind"] == "conflict":
                out.append(((p["field"], float(p["value"]), rec["year"], rec["series"]), rec["place"],
                            True))
    return out


def _other_place(fig: Figure, place: str | None, elsewhere: list[Elsewhere]) -> Elsewhere | None:
    if not place:
        return None
    name = normalize_text(place)
    return next((e for e in elsewhere if e[:3] == fig[:3] and name in e[3]), None)


def score(found: Iterable[Figure], stated: list[Figure]) -> tuple[int, list[Figure], list[Figure]]:
    """(right, wrong found figures, missed stated figures); each stated figure matches once."""
    left = list(stated)
    right, wrong = 0, []
    for fig in found:
        if fig in left:
            left.remove(fig)
            right += 1
        else:
            wrong.append(fig)
    return right, wrong, left


def report(gold: dict[Path, list[Figure]], verbose: bool,
           elsewhere: dict[Path, list[Elsewhere]] | None = None,
           garbled: dict[Path, set[str]] | None = None) -> tuple[int, int, int]:
    """Print one line per text and the total; return (found, right, stated), where found
    leaves out the figures counted "elsewhere" and "reported"."""
    print(f"{'text':<34} {'found':>5} {'right':>5} {'stated':>6} {'precision':>9} {'recall':>7}"
          f" {'elsewhere':>9} {'reported':>8}")
    totals = [0, 0, 0, 0, 0]
    year_only = 0
    for path, stated in gold.items():
        found_at = _found(path.read_text(encoding="utf-8"))
        right, wrong, missed = score([fig for fig, _, _ in found_at], stated)
        others = list((elsewhere or {}).get(path, []))
        bad_fields = (garbled or {}).get(path, set())
        aside, reported = [], []
        for fig in list(wrong):
            place, flagged = next((p, e) for f, p, e in found_at if f == fig)
            hit = _other_place(fig, place, others)
            if hit:
                others.remove(hit)
                wrong.remove(fig)
                aside.append((fig, place))
            elif flagged and fig[0] in bad_fields:
                wrong.remove(fig)
                reported.append(fig)
        year_only += len(_year_only(wrong, missed))
        n_found = len(found_at) - len(aside) - len(reported)
        for i, n in enumerate((n_found, right, len(stated), len(aside), len(reported))):
            totals[i] += n
        print(f"{path.name:<34} {n_found:>5} {right:>5} {len(stated):>6} "
              f"{_pct(right, n_found):>9} {_pct(right, len(stated)):>7} {len(aside):>9}"
              f" {len(reported):>8}")
        if verbose:
            for fig in wrong:
                print(f"    wrong:  {fig}")
            for fig in missed:
                print(f"    missed: {fig}")
            for fig, place in aside:
                print(f"    elsewhere ({place}): {fig}")
            for fig in reported:
                print(f"    reported garbled: {fig}")
    f, r, s, o, g = totals
    print(f"{'total':<34} {f:>5} {r:>5} {s:>6} {_pct(r, f):>9} {_pct(r, s):>7} {o:>9} {g:>8}")
    if g:
        print(f"{'strict (reported as wrong)':<34} {f + g:>5} {r:>5} {s:>6} {_pct(r, f + g):>9}"
              f" {_pct(r, s):>7}")
    if year_only:
        print(f"{'wrong in the year only':<34} {year_only:>5}")
    return f, r, s


def _year_only(wrong: list[Figure], missed: list[Figure]) -> list[Figure]:
    """The wrong figures that are a missed stated figure but for the year (each missed one once)."""
    left = list(missed)
    out = []
    for fig in wrong:
        twin = next((m for m in left if (m[0], m[1], m[3]) == (fig[0], fig[1], fig[3])), None)
        if twin is not None:
            left.remove(twin)
            out.append(fig)
    return out


def _pct(a: int, b: int) -> str:
    return f"{a / b:.1%}" if b else "—"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SEED_DIR, help=f"seed texts (default: {SEED_DIR})")
    parser.add_argument("--extra", type=Path, action="append", default=[],
                        help="a directory of further texts with gold.csv (repeatable)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list wrong and missed figures")
    args = parser.parse_args(argv)
    print("Seeds (gold: data/seed_reports/sources.csv + hand reading)")
    report(seed_gold(args.seeds), args.verbose)
    for directory in args.extra:
        print(f"\n{directory} (gold: {directory / 'gold.csv'})")
        report(extra_gold(directory), args.verbose, elsewhere_gold(directory),
               garbled_gold(directory))
    return 0


if __name__ == "__main__":
    sys.exit(main())
