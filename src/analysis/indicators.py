"""Demographic indicators on a whole panel at once (all townships and years), vectorised and pure.

Every function takes DataFrames and returns DataFrames; nothing reads files or prints. Counts
that are unknown (blank) give unknown (``NaN``) results, never zero. Rates are per 1,000
(‰, ``*_permille``), shares are fractions (0-1), ratios are per 100 females.

References used throughout:

- [NBS] National Bureau of Statistics of China, *China Statistical Yearbook*, "Explanatory
  notes on main statistical indicators" (人口统计主要指标解释): birth rate = births in the
  year / average population of the year x 1000‰, average population = mean of the population
  at the beginning and at the end of the year.
- [PHG] Preston, S. H., Heuveline, P. & Guillot, M. (2001). *Demography: Measuring and
  Modeling Population Processes*. Oxford: Blackwell. Ch. 1 (crude rates, person-years,
  balancing equation), ch. 5 (fertility: GFR, ASFR, TFR).
- [UN-X] United Nations (1983). *Manual X: Indirect Techniques for Demographic Estimation*.
  New York: UN, ST/ESA/SER.A/81 (sex ratio at birth norms, age-structure indicators).
- [BCD] Brown, L. D., Cai, T. T. & DasGupta, A. (2001). Interval estimation for a binomial
  proportion. *Statistical Science* 16(2), 101-133 (the Wilson score interval).
- [UN-WPP] United Nations, *World Population Prospects*, definitions of dependency ratios and
  the ageing index.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import schema

#: z for a two-sided 95% interval.
Z95 = 1.959963984540054
#: The biologically normal range of the sex ratio at birth, males per 100 females [UN-X].
SRB_NORMAL = (103.0, 107.0)
#: The columns :func:`compute` returns besides the keys, in order.
INDICATOR_COLUMNS: tuple[str, ...] = (
    "mean_population", "mean_population_is_yearend", "cbr_permille", "cdr_permille",
    "rni_permille", "gfr_permille", "marital_gfr_permille", "share_parity1", "share_parity2",
    "share_parity3plus", "srb", "srb_lo95", "srb_hi95", "net_migration_permille",
    "balance_residual",
)


def _f(s: pd.Series) -> np.ndarray:
    """A numeric column as float64 with NaN for unknown (nullable Int64 -> float)."""
    return pd.to_numeric(s, errors="coerce").astype("float64").to_numpy()


def _div(num: np.ndarray, den: np.ndarray, scale: float = 1.0) -> np.ndarray:
    """num / den * scale, NaN where the denominator is 0 or unknown."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = num / den * scale
    return np.where((den > 0) & np.isfinite(den), out, np.nan)


def previous_year(panel: pd.DataFrame, column: str) -> np.ndarray:
    """Value of ``column`` in the same township's previous calendar year (NaN if that year is absent).

    Works on an unsorted panel: rows are matched on (township_code, year - 1), not on position.
    """
    keys = pd.MultiIndex.from_arrays([panel["township_code"], panel["year"].astype("int64")])
    values = pd.Series(_f(panel[column]), index=keys)
    values = values[~values.index.duplicated()]
    wanted = pd.MultiIndex.from_arrays([panel["township_code"], panel["year"].astype("int64") - 1])
    return values.reindex(wanted).to_numpy()


def mean_population(panel: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Average population of each township-year, and whether it fell back to the year-end figure.

    Formula [NBS; PHG §1.4]: P̄_t = (P_{t-1} + P_t) / 2, where P_t is the year-end total
    population (``total_population``) and P_{t-1} the previous year-end, i.e. the population at
    the beginning of year t. This approximates the person-years lived in the year. When the
    previous year is missing, P̄_t = P_t and the flag is True: rates then use the year-end
    denominator, which understates a growing population's rate slightly.
    """
    current = _f(panel["total_population"])
    prev = previous_year(panel, "total_population")
    fallback = np.isnan(prev) & ~np.isnan(current)
    mean = np.where(fallback, current, (prev + current) / 2.0)
    return mean, fallback


def wilson_interval(successes: np.ndarray, n: np.ndarray, z: float = Z95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for a binomial proportion [BCD, eq. 4].

        centre = (x + z²/2) / (n + z²),  half = z·sqrt(x(n-x)/n + z²/4) / (n + z²)

    Better than the Wald interval at small n and near 0 or 1; never leaves [0, 1].
    Returns (lower, upper); NaN where n is 0 or unknown.
    """
    x = np.asarray(successes, dtype="float64")
    n = np.asarray(n, dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        centre = (x + z * z / 2.0) / (n + z * z)
        half = z * np.sqrt(x * (n - x) / n + z * z / 4.0) / (n + z * z)
    ok = n > 0
    return np.where(ok, centre - half, np.nan), np.where(ok, centre + half, np.nan)


def sex_ratio_at_birth(male: np.ndarray, female: np.ndarray, z: float = Z95
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sex ratio at birth (males per 100 females) with a Wilson interval [UN-X; BCD].

    SRB = 100 · M / F. The interval is the Wilson interval of the male proportion
    p = M / (M + F), mapped through the monotone transform SRB = 100 · p / (1 - p). Returns
    (srb, lower, upper); the upper bound is +inf when the interval reaches p = 1.
    """
    m = np.asarray(male, dtype="float64")
    f = np.asarray(female, dtype="float64")
    lo_p, hi_p = wilson_interval(m, m + f, z)
    with np.errstate(divide="ignore", invalid="ignore"):
        srb = np.where(f > 0, 100.0 * m / f, np.nan)
        lo = 100.0 * lo_p / (1.0 - lo_p)
        hi = np.where(hi_p < 1.0, 100.0 * hi_p / (1.0 - hi_p), np.inf)
    return srb, lo, np.where(np.isnan(hi_p), np.nan, hi)


def compute(panel: pd.DataFrame) -> pd.DataFrame:
    """All period indicators of every township-year of a panel, in one vectorised pass.

    Returns one row per input row keyed by ``township_code`` and ``year`` (sorted), with:

    - ``mean_population``: P̄_t = (P_{t-1} + P_t)/2 [NBS]; ``mean_population_is_yearend``
      flags rows where P_{t-1} was missing and P_t was used.
    - ``cbr_permille`` = B / P̄ · 1000; ``cdr_permille`` = D / P̄ · 1000;
      ``rni_permille`` = CBR − CDR (rate of natural increase) [NBS; PHG §1.4].
    - ``gfr_permille`` = B / W15-49 · 1000, general fertility rate on women aged 15-49
      [PHG §5.2]; ``marital_gfr_permille`` = B / married W15-49 · 1000.
    - ``share_parity1/2/3plus`` = B_k / B, fractions of births by birth order [PHG §5.6].
    - ``srb``, ``srb_lo95``, ``srb_hi95``: 100 · M/F with a 95% Wilson interval (see
      :func:`sex_ratio_at_birth`).
    - ``net_migration_permille`` = (I − O) / P̄ · 1000 [PHG §1.4].
    - ``balance_residual`` = P_t − (P_{t-1} + B − D + I − O): the balancing (demographic
      accounting) equation [PHG §1.4]; 0 when the figures are consistent, NaN when a term is
      unknown.

    Unknown inputs give NaN; nothing is imputed. Row order of the input does not matter.
    """
    p = panel.sort_values(["township_code", "year"]).reset_index(drop=True)
    col = {c: (_f(p[c]) if c in p else np.full(len(p), np.nan)) for c in schema.COUNTS}
    mean, fallback = mean_population(p)
    births, deaths = col["births"], col["deaths"]
    srb, lo, hi = sex_ratio_at_birth(col["births_male"], col["births_female"])
    prev = previous_year(p, "total_population")
    out = pd.DataFrame({
        "township_code": p["township_code"].to_numpy(),
        "year": p["year"].astype("int64").to_numpy(),
        "mean_population": mean,
        "mean_population_is_yearend": fallback,
        "cbr_permille": _div(births, mean, 1000.0),
        "cdr_permille": _div(deaths, mean, 1000.0),
        "gfr_permille": _div(births, col["women_15_49"], 1000.0),
        "marital_gfr_permille": _div(births, col["married_women_15_49"], 1000.0),
        "share_parity1": _div(col["births_parity1"], births),
        "share_parity2": _div(col["births_parity2"], births),
        "share_parity3plus": _div(col["births_parity3plus"], births),
        "srb": srb,
        "srb_lo95": lo,
        "srb_hi95": hi,
        "net_migration_permille": _div(col["in_migrants"] - col["out_migrants"], mean, 1000.0),
        "balance_residual": col["total_population"] - (
            prev + births - deaths + col["in_migrants"] - col["out_migrants"]),
    })
    out.insert(5, "rni_permille", out["cbr_permille"] - out["cdr_permille"])
    return out[["township_code", "year", *INDICATOR_COLUMNS]]


def pooled_srb(panel: pd.DataFrame, by: str | list[str] = "township_code",
               years: tuple[int, int] | None = None) -> pd.DataFrame:
    """Sex ratio at birth pooled over several years, with its 95% Wilson interval.

    SRB_pooled = 100 · ΣM / ΣF over the years in ``years`` (inclusive; all years when None),
    per group ``by``. Pooling is the standard remedy for small annual counts [UN-X]: one
    township-year of ~200 births gives an interval roughly ±15 wide, five pooled years about
    ±7. Years where either sex is unknown are left out of both sums. Returns columns
    ``births_male``, ``births_female``, ``years``, ``srb``, ``srb_lo95``, ``srb_hi95``.
    """
    p = panel
    if years is not None:
        p = p[(p["year"] >= years[0]) & (p["year"] <= years[1])]
    p = p.assign(_m=_f(p["births_male"]), _f=_f(p["births_female"]))
    p = p[~(np.isnan(p["_m"]) | np.isnan(p["_f"]))]
    g = p.groupby(by, sort=True)
    sums = pd.DataFrame({"births_male": g["_m"].sum(), "births_female": g["_f"].sum(),
                         "years": g["year"].nunique()})
    srb, lo, hi = sex_ratio_at_birth(sums["births_male"].to_numpy(), sums["births_female"].to_numpy())
    return sums.assign(srb=srb, srb_lo95=lo, srb_hi95=hi).reset_index()


# Age-based indicators (need the optional age files) -------------------------------------------

_CHILD = tuple(g for g in schema.AGE_GROUPS if int(g.split("-")[0].rstrip("+")) < 15)
_OLD = tuple(g for g in schema.AGE_GROUPS if int(g.split("-")[0].rstrip("+")) >= 65)


def _mean_exposure(frame: pd.DataFrame, keys: list[str], value: str) -> pd.Series:
    """Mean of this and the previous year-end value per key (the year-end when the previous is
    missing), aligned to ``frame``'s rows: the person-years approximation of [NBS; PHG §1.4]."""
    idx = pd.MultiIndex.from_frame(frame[keys].assign(year=frame["year"].astype("int64")))
    current = pd.Series(frame[value].astype("float64").to_numpy(), index=idx)
    prev_idx = pd.MultiIndex.from_frame(frame[keys].assign(year=frame["year"].astype("int64") - 1))
    prev = current.reindex(prev_idx).to_numpy()
    cur = current.to_numpy()
    return pd.Series(np.where(np.isnan(prev), cur, (prev + cur) / 2.0), index=frame.index)


def asfr(births_by_age: pd.DataFrame, age_structure: pd.DataFrame) -> pd.DataFrame:
    """Age-specific fertility rates by mother's five-year age group [PHG §5.3].

    ASFR_a = B_a / W̄_a · 1000 (per mille), where B_a are births to mothers aged a and W̄_a is
    the mean of the previous and current year-end female population of age group a (the
    year-end when the previous year is missing). Returns township_code, year,
    mother_age_group, births, women, asfr_permille.
    """
    women = age_structure[age_structure["sex"] == "female"].rename(
        columns={"age_group": "mother_age_group", "population": "women"})
    women = women[women["mother_age_group"].isin(schema.MOTHER_AGE_GROUPS)].copy()
    women["women"] = _mean_exposure(women, ["township_code", "mother_age_group"], "women")
    out = births_by_age.merge(women[["township_code", "year", "mother_age_group", "women"]],
                              on=["township_code", "year", "mother_age_group"], how="left")
    out["births"] = out["births"].astype("float64")
    out["asfr_permille"] = _div(out["births"].to_numpy(), out["women"].to_numpy(), 1000.0)
    return out.sort_values(["township_code", "year", "mother_age_group"]).reset_index(drop=True)


def tfr(births_by_age: pd.DataFrame, age_structure: pd.DataFrame) -> pd.DataFrame:
    """Total fertility rate per township-year [PHG §5.3]: TFR = 5 · Σ_a ASFR_a / 1000.

    The number of children a woman would have at the period's age-specific rates. NaN when any
    of the seven age groups 15-49 is missing for that township-year.
    """
    rates = asfr(births_by_age, age_structure)
    g = rates.groupby(["township_code", "year"])["asfr_permille"]
    out = (5.0 * g.sum(min_count=len(schema.MOTHER_AGE_GROUPS)) / 1000.0).rename("tfr")
    complete = g.count() == len(schema.MOTHER_AGE_GROUPS)
    return out.where(complete).reset_index()


def age_indicators(age_structure: pd.DataFrame) -> pd.DataFrame:
    """Age-structure indicators per township-year [UN-WPP; PHG §1.6].

    - ``child_dependency`` = P(0-14) / P(15-64) · 100
    - ``old_age_dependency`` = P(65+) / P(15-64) · 100
    - ``total_dependency`` = child + old-age dependency
    - ``ageing_index`` = P(65+) / P(0-14) · 100
    - ``share_65plus`` = P(65+) / P(all) (fraction)
    """
    a = age_structure.assign(population=age_structure["population"].astype("float64"))
    band = np.where(a["age_group"].isin(_CHILD), "child",
                    np.where(a["age_group"].isin(_OLD), "old", "working"))
    wide = a.assign(band=band).pivot_table(index=["township_code", "year"], columns="band",
                                           values="population", aggfunc="sum", fill_value=0.0)
    wide = wide.reindex(columns=["child", "working", "old"], fill_value=0.0)
    total = wide.sum(axis=1)
    out = pd.DataFrame({
        "child_dependency": _div(wide["child"].to_numpy(), wide["working"].to_numpy(), 100.0),
        "old_age_dependency": _div(wide["old"].to_numpy(), wide["working"].to_numpy(), 100.0),
        "ageing_index": _div(wide["old"].to_numpy(), wide["child"].to_numpy(), 100.0),
        "share_65plus": _div(wide["old"].to_numpy(), total.to_numpy()),
    }, index=wide.index)
    out.insert(2, "total_dependency", out["child_dependency"] + out["old_age_dependency"])
    return out.reset_index()


def pyramid(age_structure: pd.DataFrame, township_code: str, year: int) -> pd.DataFrame:
    """Population pyramid data of one township-year: one row per age group (youngest first)
    with ``male`` and ``female`` counts and their shares of the total population."""
    a = age_structure[(age_structure["township_code"] == township_code)
                      & (age_structure["year"] == year)]
    wide = a.pivot_table(index="age_group", columns="sex", values="population", aggfunc="sum")
    wide = wide.reindex(index=list(schema.AGE_GROUPS), columns=list(schema.SEXES)).astype("float64")
    total = wide.to_numpy(dtype="float64")
    total = np.nansum(total)
    wide["male_share"] = wide["male"] / total
    wide["female_share"] = wide["female"] / total
    return wide.rename_axis(columns=None).reset_index()


def aggregate_county(panel: pd.DataFrame) -> pd.DataFrame:
    """The county as a panel of its own: counts summed over its townships per year.

    A county-year count is the sum over townships only when every township of that county
    reports it (``min_count``); otherwise it is unknown, so a missing township never makes
    the county look smaller. Reported figures are not aggregated (they are blank). The
    ``township_code`` and ``township`` of the result are the county's name, so
    :func:`compute` applies unchanged.
    """
    n_towns = panel.groupby("county")["township_code"].nunique()
    rows = []
    for (county, year), grp in panel.groupby(["county", "year"], sort=True):
        need = int(n_towns[county])
        row = {"township": county, "township_code": county, "county": county, "year": int(year)}
        for c in schema.COUNTS:
            values = pd.to_numeric(grp[c], errors="coerce") if c in grp else pd.Series(dtype=float)
            row[c] = values.sum(min_count=need) if len(grp) == need else np.nan
        rows.append(row)
    out = pd.DataFrame(rows, columns=["township", "township_code", "county", "year", *schema.COUNTS])
    for c in schema.COUNTS:
        out[c] = pd.array([None if pd.isna(v) else int(v) for v in out[c]], dtype="Int64")
    for c in schema.REPORTED:
        out[c] = np.nan
    return out
