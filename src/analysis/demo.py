"""A seeded synthetic demo county: realistic-looking township statistics that are not real.

The demo county 青山县 (Qingshan County) and its twelve townships are fictional. Every number
is drawn from ``numpy.random.default_rng(seed)`` in a fixed order, so the same seed gives the
same frames and byte-identical CSV files on every run (numpy does not promise the same random
streams across its releases, so a numpy upgrade may change the draw; the tests will say so).

Calibration (what makes the fiction look like a Chinese county of 2008-2024):

- **Births.** The county crude birth rate (CBR) follows the *shape* of China's national series
  (NBS statistical communiqués; ``data/reference/china_national.csv``): about 12 per mille in
  2010-2015, a peak in 2016-2017 after the universal two-child policy, a slide to about 6 per mille
  in 2023 and a small rebound in 2024. The path in :data:`COUNTY_CBR` is stylised, not the
  national figures: 2008-2009 and 2014 are level assumptions. Each township multiplies it by its
  own fertility level; births are Poisson at township scale.
- **Parity.** Births split multinomially into first, second and third-plus births; the second
  share jumps after 2016 and the third-plus share climbs after the 2021 three-child policy.
- **Sex.** Boys are binomial with a township-specific sex ratio at birth drifting down from
  114-121 in 2008 to 107-112 in 2024.
- **Deaths.** The crude death rate rises with ageing from about 6 to about 8.2 per mille (with a
  2023 bump, as in the national series), times a township mortality level; Poisson.
- **Migration.** Net out-migration everywhere except the county seat; Poisson in- and
  out-migrants.
- **Population.** Year-end total population obeys the balancing equation
  ``previous + births - deaths + in_migrants - out_migrants`` exactly (the simulation starts from a
  2007 year-end population that is not in the file). Permanent population is a township-specific
  ratio of it (above 1 only for the county seat); women 15-49 fall from about 26.5% to 22% of the
  population; 75-85% of them are married.
- **Reported figures** are what a work report would print: rates from counts over the mean of
  the previous and current year-end populations, rounded to 2 decimals; policy compliance about 90-100%
  (a whole number of compliant births drawn binomially, over births)
  (not printed after 2021); contraceptive rate 80-95% (printed from 2012). Permanent population is
  blank before 2010 and one township's migrants are blank for 2008-2010.
- **Age files** for four townships: a population pyramid ageing from about 9% to about 17% aged
  65+, allocated multinomially so it sums to the year-end total (and the main file's women 15-49
  equal its female 15-49 sum); births by mother's age with a peak at 25-29 that shifts later.

A few realistic reporting slips are planted on purpose for the quality checks; they are listed
in :data:`PLANTED_SLIPS` (and in ``data/demo/README.md``). Everything else is internally
consistent.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from . import schema
from .fsutil import atomic_write_text

DEFAULT_SEED = 20240101
COUNTY = "青山县"
FIRST_YEAR, LAST_YEAR = 2008, 2024
YEARS: tuple[int, ...] = tuple(range(FIRST_YEAR, LAST_YEAR + 1))


class Township(NamedTuple):
    """Fixed character of one demo township (the random draws add year-to-year noise)."""

    code: str
    name: str
    pop_2007: int  # registered population at the end of 2007 (the simulation's start)
    fertility: float  # multiplier on COUNTY_CBR
    mortality: float  # multiplier on COUNTY_CDR
    srb_2008: float  # sex ratio at birth (boys per 100 girls) in 2008 ...
    srb_2024: float  # ... and in 2024, linear in between
    in_rate: float  # in-migrants per 1,000 population
    out_rate: float  # out-migrants per 1,000 population
    resident_ratio: float  # permanent / total population in 2008; the gap widens by half by 2024


TOWNSHIPS: tuple[Township, ...] = (
    Township("chengguan", "城关镇", 45_000, 0.88, 0.90, 114.0, 107.0, 27.0, 20.0, 1.08),
    Township("baishi", "白石镇", 38_500, 1.00, 1.00, 118.0, 109.0, 12.0, 21.0, 0.93),
    Township("hekou", "河口镇", 34_000, 1.05, 0.95, 119.0, 110.0, 11.0, 20.0, 0.87),
    Township("longtan", "龙潭镇", 31_000, 1.08, 1.05, 121.0, 112.0, 10.0, 21.0, 0.90),
    Township("shiqiao", "石桥镇", 29_500, 1.00, 1.05, 117.0, 108.0, 11.0, 19.0, 0.92),
    Township("dongyang", "东阳镇", 41_000, 0.95, 0.95, 116.0, 107.5, 14.0, 18.0, 0.95),
    Township("qingshui", "清水乡", 26_000, 1.12, 1.10, 121.0, 111.5, 8.0, 20.0, 0.88),
    Township("liujia", "刘家乡", 23_500, 1.06, 1.15, 118.0, 109.0, 9.0, 19.0, 0.89),
    Township("maping", "马坪乡", 25_000, 1.15, 1.08, 120.0, 111.0, 8.0, 18.0, 0.90),
    Township("huangtu", "黄土乡", 22_000, 1.02, 1.20, 117.0, 108.0, 8.0, 17.0, 0.86),
    Township("songlin", "松林乡", 27_500, 0.96, 1.10, 118.0, 109.5, 10.0, 19.0, 0.91),
    Township("taohua", "桃花乡", 24_000, 1.00, 1.00, 116.0, 108.0, 10.0, 19.0, 0.92),
)

#: Stylised county crude birth rate (per mille) before township levels: the national shape.
COUNTY_CBR: dict[int, float] = {
    2008: 12.1, 2009: 12.0, 2010: 11.9, 2011: 11.9, 2012: 12.1, 2013: 12.0, 2014: 12.3,
    2015: 11.9, 2016: 13.4, 2017: 12.9, 2018: 11.0, 2019: 10.4, 2020: 8.6, 2021: 7.5,
    2022: 6.8, 2023: 6.2, 2024: 6.6,
}
#: Stylised county crude death rate (per mille): rising with ageing, a bump in 2023.
COUNTY_CDR: dict[int, float] = {
    y: round(5.9 + 2.3 * (y - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR) + (0.4 if y == 2023 else 0), 2)
    for y in YEARS
}
#: Shares of second and third-plus births at anchor years (linear in between).
_PARITY_ANCHORS = {  # year: (second, third-plus)
    2008: (0.33, 0.03), 2015: (0.35, 0.03), 2016: (0.45, 0.04), 2017: (0.50, 0.045),
    2018: (0.47, 0.05), 2020: (0.43, 0.06), 2021: (0.42, 0.07), 2022: (0.40, 0.10),
    2023: (0.38, 0.13), 2024: (0.37, 0.15),
}

#: Age-structure townships and their pyramid tilt (negative: younger than the county shape).
AGE_TOWNSHIPS: dict[str, float] = {
    "baishi": 0.0, "chengguan": -0.15, "dongyang": 0.0, "taohua": 0.10,
}
#: Share (%) of each schema.AGE_GROUPS group in 2008 and 2024 (both sexes); linear in between.
_AGE_SHARE_2008 = np.array([5.8, 6.0, 7.0, 8.0, 8.6, 7.6, 7.8, 8.4, 8.0, 6.8,
                            6.2, 5.4, 4.4, 3.2, 2.6, 1.8, 1.0, 0.4])
_AGE_SHARE_2024 = np.array([3.6, 5.2, 6.0, 5.6, 4.6, 4.8, 6.0, 8.2, 7.6, 8.0,
                            8.2, 7.8, 6.4, 6.2, 4.8, 3.0, 1.9, 1.3])
#: Male share of each age group (boy-heavy young cohorts, female-heavy oldest ages).
_MALE_SHARE = np.array([0.535, 0.535, 0.53, 0.525, 0.515, 0.51, 0.51, 0.51, 0.51, 0.505,
                        0.505, 0.50, 0.50, 0.495, 0.48, 0.46, 0.43, 0.37])
#: Share of births by mother's age group (schema.MOTHER_AGE_GROUPS) in 2008 and 2024.
_MOTHER_2008 = np.array([0.03, 0.31, 0.40, 0.17, 0.07, 0.018, 0.002])
_MOTHER_2024 = np.array([0.01, 0.14, 0.37, 0.31, 0.13, 0.035, 0.005])


class Slip(NamedTuple):
    """A reporting error planted on purpose, for the quality checks to find."""

    township_code: str
    year: int
    field: str
    what: str


PLANTED_SLIPS: tuple[Slip, ...] = (
    Slip("hekou", 2014, "birth_rate_permille",
         "computed on the permanent (resident) population instead of the mean total population"),
    Slip("longtan", 2019, "sex_ratio_at_birth",
         "decimal point slipped one place: printed one tenth of the true ratio "
         "(like 11.23 for 112.3)"),
    Slip("shiqiao", 2012, "births_parity2",
         "last two digits transposed, so the parity counts no longer add up to births"),
    Slip("qingshui", 2020, "death_rate_permille",
         "copied unchanged from the 2019 report instead of recomputed"),
)


def _frac(years: np.ndarray) -> np.ndarray:
    """Position of each year in the period: 0.0 in 2008, 1.0 in 2024."""
    return (years - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR)


def _simulate_core(rng: np.random.Generator) -> pd.DataFrame:
    """Births, deaths, migrants and year-end population by the balancing equation."""
    towns = pd.DataFrame(TOWNSHIPS)
    pop = towns["pop_2007"].to_numpy(np.int64)
    n = len(towns)
    frames = []
    for year in YEARS:
        per = pop / 1000.0
        births = rng.poisson(COUNTY_CBR[year] * towns["fertility"].to_numpy() * per)
        deaths = rng.poisson(COUNTY_CDR[year] * towns["mortality"].to_numpy() * per)
        wobble = rng.lognormal(0.0, 0.08, size=(2, n))  # yearly swings in migration
        in_m = rng.poisson(towns["in_rate"].to_numpy() * per * wobble[0])
        out_m = rng.poisson(towns["out_rate"].to_numpy() * per * wobble[1])
        end = pop + births - deaths + in_m - out_m
        frames.append(pd.DataFrame({
            "township_code": towns["code"], "year": year, "previous_population": pop,
            "total_population": end, "births": births, "deaths": deaths,
            "in_migrants": in_m, "out_migrants": out_m,
        }))
        pop = end
    core = pd.concat(frames, ignore_index=True)
    core = core.merge(towns.rename(columns={"code": "township_code"}), on="township_code")
    return core.sort_values(["township_code", "year"], ignore_index=True)


def _age_shape(year: int, tilt: float) -> np.ndarray:
    """Probabilities over (sex, age group), males first, for one township-year."""
    f = float(_frac(np.array(year))) ** 1.3  # ageing speeds up in the later years
    share = (1 - f) * _AGE_SHARE_2008 + f * _AGE_SHARE_2024
    mid = np.arange(len(schema.AGE_GROUPS)) * 5 + 2.5
    share = share * np.exp(tilt * (mid - 40) / 25)
    both = np.concatenate([share * _MALE_SHARE, share * (1 - _MALE_SHARE)])
    return both / both.sum()


def _age_files(core: pd.DataFrame, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Age structure and births by mother's age for the AGE_TOWNSHIPS, summing to the core."""
    ages, mothers = [], []
    sexes = np.repeat(schema.SEXES, len(schema.AGE_GROUPS))
    groups = np.tile(schema.AGE_GROUPS, len(schema.SEXES))
    for row in core[core["township_code"].isin(AGE_TOWNSHIPS)].itertuples():
        shape = _age_shape(row.year, AGE_TOWNSHIPS[row.township_code])
        people = rng.multinomial(row.total_population, shape)
        ages.append(pd.DataFrame({"township_code": row.township_code, "year": row.year,
                                  "sex": sexes, "age_group": groups, "population": people}))
        f = float(_frac(np.array(row.year)))
        schedule = (1 - f) * _MOTHER_2008 + f * _MOTHER_2024
        mothers.append(pd.DataFrame({
            "township_code": row.township_code, "year": row.year,
            "mother_age_group": schema.MOTHER_AGE_GROUPS,
            "births": rng.multinomial(row.births, schedule / schedule.sum()),
        }))
    return pd.concat(ages, ignore_index=True), pd.concat(mothers, ignore_index=True)


def _women_15_49(age: pd.DataFrame) -> pd.Series:
    """Women aged 15-49 per (township_code, year) from an age-structure frame."""
    fertile = age["age_group"].isin(schema.MOTHER_AGE_GROUPS) & (age["sex"] == "female")
    return age[fertile].groupby(["township_code", "year"])["population"].sum()


def _add_counts(core: pd.DataFrame, age: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Parities, sexes, permanent population and women 15-49, consistent with the core counts."""
    df = core.copy()
    years = df["year"].to_numpy()
    f = _frac(years)
    anchors = np.array(sorted(_PARITY_ANCHORS))
    p2 = np.interp(years, anchors, [_PARITY_ANCHORS[a][0] for a in anchors])
    p3 = np.interp(years, anchors, [_PARITY_ANCHORS[a][1] for a in anchors])
    parity = rng.multinomial(df["births"].to_numpy(), np.column_stack([1 - p2 - p3, p2, p3]))
    df["births_parity1"], df["births_parity2"], df["births_parity3plus"] = parity.T
    srb = df["srb_2008"] + (df["srb_2024"] - df["srb_2008"]) * f
    df["births_male"] = rng.binomial(df["births"].to_numpy(), (srb / (100 + srb)).to_numpy())
    df["births_female"] = df["births"] - df["births_male"]

    ratio = 1 + (df["resident_ratio"] - 1) * (1 + 0.5 * f) + rng.normal(0, 0.004, len(df))
    df["permanent_population"] = np.round(df["total_population"] * ratio).astype(np.int64)
    level = rng.uniform(-0.012, 0.012, len(TOWNSHIPS))  # township offset on the women's share
    offset = df["township_code"].map(dict(zip([t.code for t in TOWNSHIPS], level)))
    share = 0.265 - 0.043 * f + offset
    women = np.round(df["total_population"] * share).astype(np.int64)
    # Where an age structure exists, the main file's women 15-49 are exactly its female 15-49.
    exact = _women_15_49(age).reindex(pd.MultiIndex.from_frame(df[["township_code", "year"]]))
    df["women_15_49"] = np.where(exact.notna(), exact, women).astype(np.int64)
    df["married_women_15_49"] = rng.binomial(df["women_15_49"].to_numpy(), 0.83 - 0.06 * f)
    return df


def _add_reported(df: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """The figures a work report prints, rounded to 2 decimals, with realistic blanks."""
    df = df.copy()
    years = df["year"].to_numpy()
    mean_pop = (df["previous_population"] + df["total_population"]) / 2
    df["birth_rate_permille"] = (1000 * df["births"] / mean_pop).round(2)
    df["death_rate_permille"] = (1000 * df["deaths"] / mean_pop).round(2)
    df["natural_growth_permille"] = (1000 * (df["births"] - df["deaths"]) / mean_pop).round(2)
    df["sex_ratio_at_birth"] = (100 * df["births_male"] / df["births_female"]).round(2)
    low = np.where(years < 2016, 90.0, 96.0)
    high = low + np.where(years < 2016, 7.5, 3.9)
    # compliance = compliant births / births: a whole number of births, as a report counts them
    compliant = rng.binomial(df["births"].to_numpy(), rng.uniform(low, high) / 100.0)
    df["policy_compliance_pct"] = np.round(100.0 * compliant / df["births"].to_numpy(), 2)
    contraceptive = 92.0 - 8.0 * _frac(years) + rng.normal(0, 1.0, len(df))
    df["contraceptive_rate_pct"] = np.round(contraceptive, 2)

    df["policy_compliance_pct"] = df["policy_compliance_pct"].where(years <= 2021)
    df["contraceptive_rate_pct"] = df["contraceptive_rate_pct"].where(years >= 2012)
    counts = [c for c in schema.COUNTS if c in df]
    df[counts] = df[counts].astype("Int64")
    df.loc[years < 2010, "permanent_population"] = pd.NA
    early_gap = (df["township_code"] == "maping") & (years <= 2010)
    df.loc[early_gap, ["in_migrants", "out_migrants"]] = pd.NA
    return df


def _transpose_last_digits(n: int) -> int:
    """``n`` with its last two digits swapped (``46 -> 64``); +10 if that changes nothing."""
    s = f"{n:02d}"
    swapped = int(s[:-2] + s[-1] + s[-2])
    return swapped if swapped != n else n + 10


def _plant_slips(df: pd.DataFrame) -> pd.DataFrame:
    """Apply PLANTED_SLIPS; every value stays a non-negative number of the right type."""
    df = df.set_index(["township_code", "year"])
    hekou = ("hekou", 2014)
    df.loc[hekou, "birth_rate_permille"] = round(
        1000 * df.loc[hekou, "births"] / df.loc[hekou, "permanent_population"], 2)
    longtan = ("longtan", 2019)
    df.loc[longtan, "sex_ratio_at_birth"] = round(df.loc[longtan, "sex_ratio_at_birth"] / 10, 2)
    shiqiao = ("shiqiao", 2012)
    parity2 = int(df.loc[shiqiao, "births_parity2"])
    df.loc[shiqiao, "births_parity2"] = _transpose_last_digits(parity2)
    death_rate_2019 = df.loc[("qingshui", 2019), "death_rate_permille"]
    df.loc[("qingshui", 2020), "death_rate_permille"] = death_rate_2019
    return df.reset_index()


def generate(seed: int = DEFAULT_SEED) -> dict[str, pd.DataFrame]:
    """Generate the demo county: ``{file name: frame}`` for the main file and both age files.

    Frames have the schema's columns in schema order, sorted by township code and year (then sex
    and age group in schema order). In the main file counts are nullable ``Int64`` (blank =
    ``<NA>``) and reported figures ``float64``; the age files' counts are ``int64``. The same
    seed always gives the same frames.
    """
    rng = np.random.default_rng(seed)
    core = _simulate_core(rng)
    age, by_age = _age_files(core, rng)
    main = _plant_slips(_add_reported(_add_counts(core, age, rng), rng))
    main["township"] = main["township_code"].map({t.code: t.name for t in TOWNSHIPS})
    main["county"] = COUNTY
    frames = {schema.MAIN_FILE: main, schema.AGE_STRUCTURE_FILE: age,
              schema.BIRTHS_BY_AGE_FILE: by_age}
    for fname, columns in schema.FILE_COLUMNS.items():
        names = [c.name for c in columns]
        frames[fname] = frames[fname][names].reset_index(drop=True)
    return frames


def to_csv_text(frame: pd.DataFrame) -> str:
    """Render a frame as the demo's CSV: no index, ``\\n`` endings, 2 decimals, blanks empty."""
    return frame.to_csv(index=False, lineterminator="\n", float_format="%.2f", na_rep="")


def write(out_dir: str | Path, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write the three demo CSV files into ``out_dir`` (atomically); return their paths."""
    out = Path(out_dir)
    return [atomic_write_text(out / fname, to_csv_text(frame))
            for fname, frame in generate(seed).items()]
