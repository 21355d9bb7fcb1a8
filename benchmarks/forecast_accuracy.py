"""Rolling-origin accuracy of analysis.forecast on synthetic and real yearly series.

Run:  .venv/bin/python benchmarks/forecast_accuracy.py [--quick] [--jobs N] [--only GROUP ...]

At every origin each method sees only the values up to that year (the series is cut there
and handed to ``forecast()``, which runs its own inner backtest on that cut series only), then
forecasts 1..5 years ahead; the observed values that follow are the test. Blanks stay blank:
a missing year is neither an origin nor an outcome.

Prints, per group of series: MASE per method and horizon [Hyndman & Koehler 2006], MASE
relative to naive, and the share of outcomes inside the 80% and 95% intervals; then the
demographic births route (GFR x women + Poisson) against forecasting the births count; then the
county reconciliation (base, bottom-up, MinT-shrink) backtest; then the time per township.

Groups. Development (used while choosing the design): ``demo`` (synthetic demo county) and
``worldbank-dev`` (half of the countries). Held out (looked at only to report): ``china``
(data/reference/china_national.csv), ``worldbank-test`` (the other half), ``longley``,
``grunfeld``, ``copper``, ``nile`` (real yearly series shipped with statsmodels).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from analysis.forecast import forecast  # noqa: E402
from analysis.forecast.backtest import mase_scale  # noqa: E402

HORIZON = 5
#: An origin needs at least this many observed values before it.
MIN_OBSERVED = 6
METHODS = ("naive", "drift", "ets", "arima", "theta", "combination", "auto")
HELD_OUT = ("china", "worldbank-test", "longley", "grunfeld", "copper", "nile")
DEV = ("demo", "worldbank-dev")


@dataclass(frozen=True)
class Named:
    group: str
    name: str
    y: pd.Series


# ----------------------------------------------------------------------------- data sets

def demo_series(quick: bool) -> list[Named]:
    """Births, GFR, women 15-49, population and deaths of each demo township (synthetic)."""
    from analysis.indicators import compute
    from analysis.load import load_dataset

    panel = load_dataset(ROOT / "data" / "demo").panel
    ind = compute(panel).set_index(["township_code", "year"])
    out = []
    codes = sorted(panel["township_code"].unique())
    for code in codes[:3] if quick else codes:
        rows = panel[panel["township_code"] == code].set_index("year").sort_index()
        for col in ("births", "women_15_49", "total_population", "deaths"):
            out.append(Named("demo", f"{code}/{col}", rows[col]))
        out.append(Named("demo", f"{code}/gfr_permille", ind.loc[code, "gfr_permille"]))
    return out


def china_series() -> list[Named]:
    """The four national series of data/reference/china_national.csv; blanks stay NaN."""
    ref = pd.read_csv(ROOT / "data" / "reference" / "china_national.csv").set_index("year")
    return [Named("china", c, ref[c].astype("float64"))
            for c in ("births_10k", "birth_rate_permille", "deaths_10k", "death_rate_permille")]


def worldbank_series(part: str, quick: bool) -> list[Named]:
    """World Bank total fertility rate (statsmodels.datasets.fertility), 1992-2011, countries
    with all 20 values, sorted by code; even positions are ``dev``, odd ones ``test``."""
    import statsmodels.api as sm

    data = sm.datasets.fertility.load_pandas().data.set_index("Country Code")
    years = [str(y) for y in range(1992, 2012)]
    full = data[years].dropna().sort_index()
    codes = list(full.index)[0 if part == "dev" else 1::2]
    if quick:
        codes = codes[::8]
    return [Named(f"worldbank-{part}", code,
                  pd.Series(full.loc[code].to_numpy(dtype="float64"),
                            index=range(1992, 2012))) for code in codes]


def statsmodels_series(quick: bool) -> list[Named]:
    """Real yearly series shipped with statsmodels: Longley (US 1947-1962), Grunfeld
    (10 US firms 1935-1954), world copper market (1951-1975), Nile flow (last 30 years)."""
    import statsmodels.api as sm

    out: list[Named] = []
    lon = sm.datasets.longley.load_pandas().data.set_index("YEAR")
    lon.index = lon.index.astype(int)
    for c in ("TOTEMP", "GNPDEFL", "GNP", "UNEMP", "ARMED", "POP"):
        out.append(Named("longley", c, lon[c]))
    if quick:
        return out
    gr = sm.datasets.grunfeld.load_pandas().data
    for firm, rows in sorted(gr.groupby("firm"), key=lambda kv: str(kv[0])):
        rows = rows.set_index(rows["year"].astype(int)).sort_index()
        for c in ("invest", "value", "capital"):
            out.append(Named("grunfeld", f"{firm}/{c}", rows[c]))
    cu = sm.datasets.copper.load_pandas().data
    cu.index = (1950 + cu["TIME"]).astype(int)
    for c in ("WORLDCONSUMPTION", "COPPERPRICE", "INCOMEINDEX", "ALUMPRICE", "INVENTORYINDEX"):
        out.append(Named("copper", c, cu[c]))
    nile = sm.datasets.nile.load_pandas().data
    nile = nile.set_index(nile["year"].astype(int))["volume"]
    out.append(Named("nile", "volume 1941-1970", nile.loc[1941:]))
    return out


def all_series(quick: bool, only: Sequence[str] | None) -> list[Named]:
    series = (demo_series(quick) + worldbank_series("dev", quick) + china_series()
              + worldbank_series("test", quick) + statsmodels_series(quick))
    return [s for s in series if not only or s.group in only]


# ----------------------------------------------------------------------------- evaluation

def evaluate(item: Named, methods: Sequence[str] = METHODS) -> pd.DataFrame:
    """One row per (origin, method, h) with the scaled error and interval hits."""
    y = item.y.astype("float64").sort_index()
    years = np.asarray(y.index, dtype="int64")
    vals = y.to_numpy()
    rows = []
    for i in range(len(y) - 1):
        if np.isnan(vals[i]) or np.count_nonzero(~np.isnan(vals[: i + 1])) < MIN_OBSERVED:
            continue
        train = y.iloc[: i + 1]
        future = y.iloc[i + 1: i + 1 + HORIZON].dropna()
        if future.empty:
            continue
        ok = ~np.isnan(vals[: i + 1])
        filled = np.interp(years[: i + 1], years[: i + 1][ok], vals[: i + 1][ok])
        scale = mase_scale(filled, ok)
        if not scale > 0:
            continue
        for m in methods:
            fc = forecast(train, HORIZON, (80, 95), m)
            for year, actual in future.items():
                f = fc.loc[int(year)]
                rows.append((item.group, item.name, int(years[i]), m, int(year) - int(years[i]),
                             abs(actual - f["mean"]) / scale,
                             float(f["lo80"] <= actual <= f["hi80"]) if np.isfinite(f["lo80"]) else np.nan,
                             float(f["lo95"] <= actual <= f["hi95"]) if np.isfinite(f["lo95"]) else np.nan,
                             fc.attrs["method"]))
    return pd.DataFrame(rows, columns=["group", "series", "origin", "method", "h", "ase",
                                       "in80", "in95", "used"])


def run_all(series: Sequence[Named], jobs: int) -> pd.DataFrame:
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            parts = list(pool.map(evaluate, series, chunksize=1))
    else:
        parts = [evaluate(s) for s in series]
    return pd.concat(parts, ignore_index=True)


def table(res: pd.DataFrame) -> str:
    """MASE by horizon, overall, relative to naive, and interval coverage, per method."""
    mase = res.pivot_table(index="method", columns="h", values="ase", aggfunc="mean")
    mase.columns = [f"h={h}" for h in mase.columns]
    overall = res.groupby("method")["ase"].mean()
    mase["MASE"] = overall
    mase["rel.naive"] = overall / overall["naive"]
    mase["cov80"] = res.groupby("method")["in80"].mean()
    mase["cov95"] = res.groupby("method")["in95"].mean()
    mase = mase.reindex([m for m in METHODS if m in mase.index])
    n_series = res["series"].nunique()
    n_fc = res[res["method"] == "naive"].groupby(["series", "origin"]).ngroups
    head = f"{n_series} series, {n_fc} forecast origins, {len(res[res['method'] == 'naive'])} outcomes"
    return head + "\n" + mase.to_string(float_format=lambda v: f"{v:.3f}")


def report(res: pd.DataFrame) -> None:
    for group in [*DEV, *HELD_OUT]:
        part = res[res["group"] == group]
        if part.empty:
            continue
        kind = "development" if group in DEV else "held out"
        print(f"\n## {group} ({kind})\n{table(part)}")
    held = res[res["group"].isin([g for g in HELD_OUT if g != "china"])]
    if not held.empty:
        print(f"\n## all held-out real series except china, pooled\n{table(held)}")
    real = res[res["group"].isin(HELD_OUT)]
    if not real.empty:
        print(f"\n## all held-out real series, pooled\n{table(real)}")
    used = res[res["method"] == "auto"].drop_duplicates(["series", "origin"])["used"]
    if not used.empty:
        print("\nauto chose: " + ", ".join(f"{k} {v}" for k, v in used.value_counts().sort_index().items()))


# ----------------------------------------------------------------------------- demographic parts

def _demo_panel() -> pd.DataFrame:
    from analysis.load import load_dataset

    return load_dataset(ROOT / "data" / "demo").panel


def _score(rows: list, label: str, fc: pd.DataFrame, actual: pd.Series, origin: int,
           scale: float) -> None:
    for year, value in actual.dropna().items():
        f = fc.loc[int(year)]
        rows.append((label, int(year) - origin, abs(value - f["mean"]) / scale,
                     float(f["lo80"] <= value <= f["hi80"]), float(f["lo95"] <= value <= f["hi95"])))


def _births_task(code: str) -> list:
    """Births of one demo township: GFR x women route vs the births count vs naive."""
    from analysis.forecast.births import forecast_births
    from analysis.indicators import compute

    panel = _demo_panel()
    rows_all = panel[panel["township_code"] == code].sort_values("year")
    births = rows_all.set_index("year")["births"].astype("float64")
    out: list = []
    for origin in births.index[MIN_OBSERVED - 1:-1]:
        rows = rows_all[rows_all["year"] <= origin]
        past = births.loc[:origin]
        scale = mase_scale(past.to_numpy(), np.ones(len(past), dtype=bool))
        actual = births.loc[origin + 1: origin + HORIZON]
        route = forecast_births(rows, compute(rows), HORIZON).frame
        _score(out, "gfr x women + Poisson", route, actual, int(origin), scale)
        _score(out, "births count, auto", forecast(past, HORIZON), actual, int(origin), scale)
        _score(out, "births count, naive", forecast(past, HORIZON, method="naive"), actual,
               int(origin), scale)
    return out


def births_report(quick: bool, jobs: int) -> None:
    codes = sorted(_demo_panel()["township_code"].unique())[: 3 if quick else None]
    with ProcessPoolExecutor(jobs) as pool:
        rows = [r for part in pool.map(_births_task, codes) for r in part]
    d = pd.DataFrame(rows, columns=["route", "h", "ase", "in80", "in95"])
    t = d.pivot_table(index="route", columns="h", values="ase", aggfunc="mean")
    t.columns = [f"h={h}" for h in t.columns]
    t["MASE"] = d.groupby("route")["ase"].mean()
    t["cov80"] = d.groupby("route")["in80"].mean()
    t["cov95"] = d.groupby("route")["in95"].mean()
    print(f"\n## births of the demo townships ({len(codes)} townships, synthetic): demographic "
          f"route vs the count\n" + t.to_string(float_format=lambda v: f"{v:.3f}"))


def _county_task(origin: int) -> list:
    """County and township births at one origin: base, bottom-up and MinT-shrink."""
    from analysis.forecast.births import forecast_births
    from analysis.forecast.reconcile import forecast_county
    from analysis.indicators import aggregate_county, compute

    panel = _demo_panel()
    past = panel[panel["year"] <= origin]
    ind = compute(past)
    codes = sorted(past["township_code"].unique())
    base = {c: forecast_births(past[past["township_code"] == c],
                               ind[ind["township_code"] == c], HORIZON) for c in codes}
    full_county = aggregate_county(panel).set_index("year")["births"].astype("float64")
    past_county = full_county.loc[:origin]
    cscale = mase_scale(past_county.to_numpy(), np.ones(len(past_county), dtype=bool))
    actual = full_county.loc[origin + 1: origin + HORIZON]
    out: list = []
    for rec in ("bottom_up", "mint_shrink"):
        cf = forecast_county(past, HORIZON, reconciliation=rec, townships=base)
        if rec == "bottom_up":
            _score(out, "county: base (own forecast)", cf.base_county, actual, origin, cscale)
        _score(out, f"county: {rec}", cf.county, actual, origin, cscale)
        for c in codes:
            tb = panel[panel["township_code"] == c].set_index("year")["births"].astype("float64")
            sc = mase_scale(tb.loc[:origin].to_numpy(), np.ones(len(tb.loc[:origin]), dtype=bool))
            _score(out, f"townships: {rec}", cf.townships[c], tb.loc[origin + 1: origin + HORIZON],
                   origin, sc)
    return out


def county_report(quick: bool, jobs: int) -> None:
    years = sorted(_demo_panel()["year"].unique())
    origins = [int(y) for y in years[MIN_OBSERVED - 1:-1]]
    if quick:
        origins = origins[-3:]
    with ProcessPoolExecutor(jobs) as pool:
        rows = [r for part in pool.map(_county_task, origins) for r in part]
    d = pd.DataFrame(rows, columns=["forecast", "h", "ase", "in80", "in95"])
    t = d.pivot_table(index="forecast", columns="h", values="ase", aggfunc="mean")
    t.columns = [f"h={h}" for h in t.columns]
    t["MASE"] = d.groupby("forecast")["ase"].mean()
    t["cov80"] = d.groupby("forecast")["in80"].mean()
    t["cov95"] = d.groupby("forecast")["in95"].mean()
    print(f"\n## county births reconciliation, demo county (synthetic), origins "
          f"{origins[0]}-{origins[-1]}\n" + t.to_string(float_format=lambda v: f"{v:.3f}"))


def timing_report() -> None:
    from analysis.forecast import forecast_county, forecast_township
    from analysis.indicators import compute

    panel = _demo_panel()
    ind = compute(panel)
    codes = sorted(panel["township_code"].unique())
    forecast_township(panel, codes[0], indicators=ind)  # imports, caches
    times, cpu = [], []
    for code in codes:
        t0, c0 = time.perf_counter(), time.process_time()
        forecast_township(panel, code, indicators=ind)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    t0 = time.perf_counter()
    forecast_county(panel)
    county = time.perf_counter() - t0
    print(f"\n## time (one process): forecast_township per demo township mean "
          f"{np.mean(times):.2f} s, max {np.max(times):.2f} s wall (CPU mean {np.mean(cpu):.2f} s)"
          f" (17 years, horizon {HORIZON}); forecast_county from scratch {county:.1f} s wall")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a small subset (about a minute)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--only", nargs="*", help="series groups to run (default: all)")
    ap.add_argument("--skip-demographic", action="store_true",
                    help="skip the births-route, reconciliation and timing sections")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    series = all_series(args.quick, args.only)
    print(f"# forecast accuracy: horizon {HORIZON}, origins with >= {MIN_OBSERVED} observed values"
          f"{' (quick)' if args.quick else ''}", flush=True)
    if series:
        report(run_all(series, args.jobs))
    if not args.skip_demographic:
        births_report(args.quick, args.jobs)
        county_report(args.quick, args.jobs)
        timing_report()
    print(f"\n(took {time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
