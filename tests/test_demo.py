"""Tests of the seeded synthetic demo county (analysis.demo) and its committed CSVs in data/demo.

Calibration checks run on the default seed and two others, so a generator that only looks right
by luck of one draw fails. Thresholds leave room for Poisson noise at county scale.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import demo, schema

DEMO_DIR = Path(__file__).resolve().parents[1] / "data" / "demo"
SEEDS = (demo.DEFAULT_SEED, 1, 2)
SLIPS = {(s.township_code, s.year, s.field): s for s in demo.PLANTED_SLIPS}


@pytest.fixture(scope="module", params=SEEDS, ids=lambda s: f"seed{s}")
def frames(request: pytest.FixtureRequest) -> dict[str, pd.DataFrame]:
    return demo.generate(request.param)


@pytest.fixture(scope="module")
def main(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    return frames[schema.MAIN_FILE]


def _with_mean_population(main: pd.DataFrame) -> pd.DataFrame:
    """Add the previous year-end and mean population (2008's previous is the 2007 start)."""
    df = main.sort_values(["township_code", "year"]).copy()
    start = {t.code: t.pop_2007 for t in demo.TOWNSHIPS}
    prev = df.groupby("township_code")["total_population"].shift(1)
    df["previous"] = prev.fillna(df["township_code"].map(start)).astype("int64")
    df["mean_population"] = (df["previous"] + df["total_population"].astype("int64")) / 2
    return df


def _county(main: pd.DataFrame) -> pd.DataFrame:
    """County totals by year with crude rates per mille on the mean population."""
    df = _with_mean_population(main)
    sums = df.groupby("year")[
        ["births", "deaths", "mean_population", "births_parity2", "births_parity3plus",
         "births_male", "births_female", "in_migrants", "out_migrants"]].sum()
    sums["cbr"] = 1000 * sums["births"] / sums["mean_population"]
    sums["cdr"] = 1000 * sums["deaths"] / sums["mean_population"]
    return sums


def _is_slip(df: pd.DataFrame, field: str) -> pd.Series:
    return pd.Series([(c, y, field) in SLIPS for c, y in zip(df["township_code"], df["year"])],
                     index=df.index)


def _where(df: pd.DataFrame, mask: pd.Series) -> set[tuple[str, int]]:
    """The (township_code, year) pairs of the rows where ``mask`` holds."""
    rows = df[mask.astype(bool)]
    return set(zip(rows["township_code"], rows["year"]))


def _slip_rows(field: str) -> set[tuple[str, int]]:
    return {(s.township_code, s.year) for s in demo.PLANTED_SLIPS if s.field == field}


# Determinism and files ------------------------------------------------------------------------

def test_generate_is_deterministic() -> None:
    first, second = demo.generate(), demo.generate()
    assert list(first) == [schema.MAIN_FILE, schema.AGE_STRUCTURE_FILE, schema.BIRTHS_BY_AGE_FILE]
    for name in first:
        pd.testing.assert_frame_equal(first[name], second[name])
    other = demo.generate(demo.DEFAULT_SEED + 1)[schema.MAIN_FILE]
    assert not other["births"].equals(first[schema.MAIN_FILE]["births"])


def test_committed_files_are_byte_identical_to_write(tmp_path: Path) -> None:
    paths = demo.write(tmp_path)
    assert [p.name for p in paths] == list(schema.FILE_COLUMNS)
    for path in paths:
        committed = DEMO_DIR / path.name
        assert committed.is_file(), f"{committed} missing: run demo.write('data/demo')"
        assert committed.read_bytes() == path.read_bytes(), f"{path.name} differs from write()"
    again = demo.write(tmp_path / "again")
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in paths]


@pytest.mark.parametrize("fname", list(schema.FILE_COLUMNS))
def test_csv_format(fname: str) -> None:
    raw = (DEMO_DIR / fname).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw and raw.endswith(b"\n")
    lines = raw.decode("utf-8").splitlines()
    columns = schema.FILE_COLUMNS[fname]
    assert lines[0].split(",") == [c.name for c in columns]
    kinds = [c.kind for c in columns]
    patterns = {"int": r"\d+", "float": r"-?\d+(\.\d{1,2})?", "str": r"[^,\s]+"}
    for line in lines[1:]:
        cells = line.split(",")
        assert len(cells) == len(columns)
        for cell, col, kind in zip(cells, columns, kinds):
            if cell == "":
                assert not col.required, f"blank required {col.name}: {line}"
            else:
                assert re.fullmatch(patterns[kind], cell), f"{col.name}={cell!r}"


def test_values_are_loadable() -> None:
    load = pytest.importorskip("analysis.load")
    ds = load.load_dataset(DEMO_DIR)  # raises on any error (duplicates, negatives, bad years...)
    assert len(ds.panel) == len(demo.TOWNSHIPS) * len(demo.YEARS)


# Shape of the panel ---------------------------------------------------------------------------

def test_every_township_has_every_year(main: pd.DataFrame) -> None:
    assert main["township_code"].nunique() == len(demo.TOWNSHIPS) >= 10
    assert not main.duplicated(["township_code", "year"]).any()
    for code, grp in main.groupby("township_code"):
        assert list(grp["year"]) == list(range(2008, 2025)), code
        assert re.fullmatch(r"[a-z]+", code)
        assert grp["township"].nunique() == 1 and grp["township"].iloc[0][-1] in "镇乡"
    assert (main["county"] == demo.COUNTY).all()
    assert list(main.columns) == [c.name for c in schema.COLUMNS]
    assert main.equals(main.sort_values(["township_code", "year"]).reset_index(drop=True))


def test_counts_are_whole_and_non_negative(main: pd.DataFrame) -> None:
    for name in schema.COUNTS:
        assert str(main[name].dtype) == "Int64", name
        assert (main[name].dropna() >= 0).all(), name


def test_population_range(main: pd.DataFrame) -> None:
    assert main["total_population"].between(15_000, 60_000).all()


def test_balancing_equation_is_exact(main: pd.DataFrame) -> None:
    df = _with_mean_population(main)
    known = df["in_migrants"].notna()
    expected = (df["previous"] + df["births"] - df["deaths"] + df["in_migrants"]
                - df["out_migrants"])
    assert (expected[known] == df.loc[known, "total_population"]).all()
    blank = df.loc[~known, ["township_code", "year"]]
    assert set(blank["township_code"]) == {"maping"} and set(blank["year"]) == {2008, 2009, 2010}


# Calibration ----------------------------------------------------------------------------------

def test_birth_rate_follows_the_national_shape(main: pd.DataFrame) -> None:
    cbr = _county(main)["cbr"]
    assert cbr.idxmax() in (2016, 2017)
    assert 5.0 <= cbr[2023] <= 7.0
    assert 10.5 <= cbr.loc[2010:2015].mean() <= 13.5
    assert cbr.loc[2016:2017].max() > cbr.loc[2010:2015].max() + 0.25
    assert cbr.loc[2023:2024].max() < cbr.loc[2018] - 3  # the fall after the peak
    assert (main.groupby("township_code")["births"].sum() > 0).all()


def test_parity_mix_shifts(main: pd.DataFrame) -> None:
    county = _county(main[~_is_slip(main, "births_parity2")])
    share2 = county["births_parity2"] / county["births"]
    share3 = county["births_parity3plus"] / county["births"]
    assert share2.loc[2016:2019].mean() > share2.loc[2010:2015].mean() + 0.07
    assert share3.loc[2022:2024].mean() > share3.loc[2010:2020].mean() + 0.04
    assert share3.loc[2023:2024].min() > 0.09


def test_sex_ratio_at_birth_drifts_down(main: pd.DataFrame) -> None:
    county = _county(main)
    early, late = county.loc[2008:2012].sum(), county.loc[2020:2024].sum()
    srb_early = 100 * early["births_male"] / early["births_female"]
    srb_late = 100 * late["births_male"] / late["births_female"]
    assert 110 <= srb_early <= 124 and 103 <= srb_late <= 116 and srb_late < srb_early
    for t in demo.TOWNSHIPS:
        assert 105 <= t.srb_2024 < t.srb_2008 <= 121


def test_deaths_rise_with_ageing(main: pd.DataFrame) -> None:
    cdr = _county(main)["cdr"]
    assert 5.0 <= cdr.loc[2008:2010].mean() <= 7.0
    assert 7.5 <= cdr.loc[2022:2024].mean() <= 9.5
    assert cdr.loc[2022:2024].mean() > cdr.loc[2008:2010].mean() + 1.5


def test_net_out_migration(main: pd.DataFrame) -> None:
    county = _county(main)
    assert (county["in_migrants"] < county["out_migrants"]).all()
    known = main.dropna(subset=["in_migrants"])
    assert (known["in_migrants"] < known["out_migrants"]).mean() > 0.8


def test_women_and_permanent_population(main: pd.DataFrame) -> None:
    women = main["women_15_49"] / main["total_population"]
    assert women.between(0.20, 0.29).all()
    assert women[main["year"] == 2024].mean() < women[main["year"] == 2008].mean() - 0.03
    married = main["married_women_15_49"] / main["women_15_49"]
    assert married.between(0.72, 0.88).all()
    assert main.loc[main["year"] < 2010, "permanent_population"].isna().all()
    later = main[main["year"] >= 2010]
    assert later["permanent_population"].notna().all()
    assert (later["permanent_population"] / later["total_population"]).between(0.75, 1.2).all()


def test_reported_figures_and_blanks(main: pd.DataFrame) -> None:
    year = main["year"]
    assert main["contraceptive_rate_pct"].isna().eq(year < 2012).all()
    assert main["contraceptive_rate_pct"].dropna().between(80, 95).all()
    assert main["policy_compliance_pct"].isna().eq(year > 2021).all()
    assert main["policy_compliance_pct"].dropna().between(85, 100).all()
    # a whole number of compliant births out of births, as a report counts them
    comp = main.dropna(subset=["policy_compliance_pct"])
    k = comp["policy_compliance_pct"] * comp["births"].astype(float) / 100
    assert ((k - k.round()).abs() <= comp["births"].astype(float) * 0.005 / 100 + 1e-9).all()
    for name in ("birth_rate_permille", "death_rate_permille", "natural_growth_permille",
                 "sex_ratio_at_birth"):
        assert main[name].notna().all()
        values = main[name].to_numpy()
        assert np.allclose(values, np.round(values, 2))


# Internal consistency and planted slips --------------------------------------------------------

def test_parity_and_sex_sums_equal_births_except_slips(main: pd.DataFrame) -> None:
    parity = main["births_parity1"] + main["births_parity2"] + main["births_parity3plus"]
    assert _where(main, parity != main["births"]) == _slip_rows("births_parity2")
    assert (main["births_male"] + main["births_female"] == main["births"]).all()


def test_reported_rates_match_counts_except_slips(main: pd.DataFrame) -> None:
    df = _with_mean_population(main)
    pop, births = df["mean_population"], df["births"].astype(float)
    deaths = df["deaths"].astype(float)
    computed = {
        "birth_rate_permille": 1000 * births / pop,
        "death_rate_permille": 1000 * deaths / pop,
        "natural_growth_permille": 1000 * (births - deaths) / pop,
        "sex_ratio_at_birth": 100 * df["births_male"].astype(float) / df["births_female"],
    }
    for name, value in computed.items():
        # A slip may by chance print the right value (a copied rate equal to this year's).
        assert _where(df, (df[name] - value).abs() > 0.0051) <= _slip_rows(name), name


def test_planted_slips_look_like_their_description(main: pd.DataFrame) -> None:
    row = main.set_index(["township_code", "year"])
    assert len(demo.PLANTED_SLIPS) >= 3
    for slip in demo.PLANTED_SLIPS:
        assert slip.field in schema.BY_NAME and slip.year in demo.YEARS and slip.what
    hekou = row.loc[("hekou", 2014)]
    assert hekou["birth_rate_permille"] == round(
        1000 * hekou["births"] / hekou["permanent_population"], 2)
    assert row.loc[("longtan", 2019), "sex_ratio_at_birth"] < 20
    assert (row.loc[("qingshui", 2020), "death_rate_permille"]
            == row.loc[("qingshui", 2019), "death_rate_permille"])


def test_every_slip_is_visible_in_the_default_data() -> None:
    """In the committed demo (default seed) each planted slip disagrees with the counts."""
    df = _with_mean_population(demo.generate()[schema.MAIN_FILE])
    parity = df["births_parity1"] + df["births_parity2"] + df["births_parity3plus"]
    off = {"births_parity2": parity != df["births"],
           "birth_rate_permille": 1000 * df["births"] / df["mean_population"],
           "death_rate_permille": 1000 * df["deaths"] / df["mean_population"],
           "sex_ratio_at_birth": 100 * df["births_male"] / df["births_female"]}
    for field in ("birth_rate_permille", "death_rate_permille", "sex_ratio_at_birth"):
        off[field] = (df[field] - off[field]).abs() > 0.0051
    found = {(code, year, field) for field, mask in off.items() for code, year in _where(df, mask)}
    assert found == set(SLIPS)


# Age files ------------------------------------------------------------------------------------

def test_age_structure_sums_to_totals_and_ages(frames: dict[str, pd.DataFrame]) -> None:
    main, age = frames[schema.MAIN_FILE], frames[schema.AGE_STRUCTURE_FILE]
    assert list(age.columns) == [c.name for c in schema.AGE_STRUCTURE_COLUMNS]
    assert age["township_code"].nunique() >= 3
    assert set(age["sex"]) == set(schema.SEXES) and set(age["age_group"]) == set(schema.AGE_GROUPS)
    sizes = age.groupby(["township_code", "year"]).size()
    assert (sizes == len(schema.SEXES) * len(schema.AGE_GROUPS)).all()
    for code, grp in sizes.groupby(level=0):
        assert set(range(2010, 2025)) <= set(grp.index.get_level_values(1)), code
    totals = age.groupby(["township_code", "year"])["population"].sum()
    panel = main.set_index(["township_code", "year"])
    assert (panel.loc[totals.index, "total_population"] == totals).all()
    old = age[age["age_group"].isin(schema.AGE_GROUPS[13:])].groupby("year")["population"].sum()
    share65 = old / age.groupby("year")["population"].sum()
    assert 0.07 <= share65[2010] <= 0.11 and 0.15 <= share65[2024] <= 0.19
    assert share65[2024] > share65[2016] > share65[2010]
    fertile = age[(age["sex"] == "female") & age["age_group"].isin(schema.MOTHER_AGE_GROUPS)]
    women = fertile.groupby(["township_code", "year"])["population"].sum()
    assert (panel.loc[women.index, "women_15_49"] == women).all()


def test_births_by_age_sums_and_schedule(frames: dict[str, pd.DataFrame]) -> None:
    main, age = frames[schema.MAIN_FILE], frames[schema.AGE_STRUCTURE_FILE]
    by_age = frames[schema.BIRTHS_BY_AGE_FILE]
    assert list(by_age.columns) == [c.name for c in schema.BIRTHS_BY_AGE_COLUMNS]
    assert set(by_age["mother_age_group"]) == set(schema.MOTHER_AGE_GROUPS)
    sums = by_age.groupby(["township_code", "year"])["births"].sum()
    panel = main.set_index(["township_code", "year"])
    assert (panel.loc[sums.index, "births"] == sums).all()
    assert set(by_age["township_code"]) == set(age["township_code"])

    pooled = by_age.groupby(["year", "mother_age_group"])["births"].sum().unstack()
    assert pooled.loc[2008:2010].sum().idxmax() == "25-29"
    mid = pd.Series([int(g[:2]) + 2.5 for g in pooled.columns], index=pooled.columns)
    mean_age = (pooled * mid).sum(axis=1) / pooled.sum(axis=1)
    assert mean_age[2024] > mean_age[2008] + 1.0

    women = (age[age["sex"] == "female"]
             .rename(columns={"age_group": "mother_age_group"})
             .groupby(["year", "mother_age_group"])["population"].sum().unstack())
    tfr = 5 * (pooled / women[pooled.columns]).sum(axis=1)
    assert tfr.between(0.9, 2.0).all(), tfr.round(2).to_dict()
    assert tfr.loc[2016:2017].max() > tfr[2023] + 0.3
