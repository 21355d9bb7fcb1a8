"""The data schema: one home for every column's name, labels, unit, type and role.

The main file of a dataset is ``townships.csv``: one row per township-year. Two optional age
files (``age_structure.csv``, ``births_by_age.csv``) serve later analyses. ``docs/data.md``
documents the same table for people; ``tests/test_schema.py`` checks the two agree.

Roles:

- ``key``: identifies the township-year; never blank.
- ``count``: a whole, non-negative number of people or events. Blank means *unknown*,
  never zero.
- ``reported``: a figure as the work report printed it (a rate, a percentage, a ratio). Kept to
  be checked against the counts, never trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["key", "count", "reported"]
Kind = Literal["str", "int", "float"]

MAIN_FILE = "townships.csv"
AGE_STRUCTURE_FILE = "age_structure.csv"
BIRTHS_BY_AGE_FILE = "births_by_age.csv"

#: MIME type of the key-figures record an appendix notebook publishes for the batch, which
#: reads it from the executed notebook to build the index page without recomputing.
SUMMARY_MIME = "application/vnd.township-report.summary+json"

#: Plausible range for ``year``: outside it a value is almost surely a typo.
YEAR_MIN, YEAR_MAX = 1949, 2100


@dataclass(frozen=True)
class Column:
    """A column of a data file: its name (the contract), labels, unit and type."""

    name: str
    label_zh: str
    label_en: str
    role: Role
    kind: Kind
    unit_zh: str = ""
    unit_en: str = ""
    required: bool = False
    #: For reported figures: the largest value that is at all possible (``None``: no bound).
    upper: float | None = None

    def label(self, language: str = "zh") -> str:
        return self.label_zh if language == "zh" else self.label_en

    def unit(self, language: str = "zh") -> str:
        return self.unit_zh if language == "zh" else self.unit_en


def _count(name: str, zh: str, en: str, required: bool = False) -> Column:
    return Column(name, zh, en, "count", "int", "人", "persons", required)


COLUMNS: tuple[Column, ...] = (
    Column("township", "乡镇", "Township", "key", "str", required=True),
    Column("township_code", "乡镇代码", "Township code", "key", "str", required=True),
    Column("county", "县(区)", "County", "key", "str", required=True),
    Column("year", "年份", "Year", "key", "int", "年", "year", required=True),
    _count("total_population", "年末总人口", "Total population (year-end)", required=True),
    _count("permanent_population", "常住人口", "Permanent (resident) population"),
    _count("women_15_49", "育龄妇女(15-49岁)", "Women aged 15-49"),
    _count("married_women_15_49", "已婚育龄妇女", "Married women aged 15-49"),
    _count("births", "出生人口", "Births", required=True),
    _count("births_parity1", "一孩出生", "First births"),
    _count("births_parity2", "二孩出生", "Second births"),
    _count("births_parity3plus", "多孩出生", "Third and higher-order births"),
    _count("births_male", "男婴", "Male births"),
    _count("births_female", "女婴", "Female births"),
    _count("deaths", "死亡人口", "Deaths", required=True),
    _count("in_migrants", "流入人口", "In-migrants"),
    _count("out_migrants", "流出人口", "Out-migrants"),
    Column("birth_rate_permille", "出生率(报告值)", "Birth rate (as reported)", "reported",
           "float", "‰", "per 1,000", upper=1000),
    Column("death_rate_permille", "死亡率(报告值)", "Death rate (as reported)", "reported",
           "float", "‰", "per 1,000", upper=1000),
    Column("natural_growth_permille", "自然增长率(报告值)", "Natural growth rate (as reported)",
           "reported", "float", "‰", "per 1,000"),
    Column("policy_compliance_pct", "政策符合率(报告值)", "Policy-compliance rate (as reported)",
           "reported", "float", "%", "%", upper=100),
    Column("sex_ratio_at_birth", "出生人口性别比(报告值)", "Sex ratio at birth (as reported)",
           "reported", "float", "女=100", "males per 100 females"),
    Column("contraceptive_rate_pct", "综合避孕率(报告值)", "Contraceptive rate (as reported)",
           "reported", "float", "%", "%", upper=100),
)

BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}
KEYS: tuple[str, ...] = ("township", "township_code", "county", "year")
REQUIRED: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.required)
COUNTS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.role == "count")
REPORTED: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.role == "reported")

# Optional age files ---------------------------------------------------------------------------

AGE_STRUCTURE_COLUMNS: tuple[Column, ...] = (
    Column("township_code", "乡镇代码", "Township code", "key", "str", required=True),
    Column("year", "年份", "Year", "key", "int", required=True),
    Column("sex", "性别", "Sex", "key", "str", required=True),
    Column("age_group", "年龄组", "Age group", "key", "str", required=True),
    _count("population", "人口数", "Population", required=True),
)
BIRTHS_BY_AGE_COLUMNS: tuple[Column, ...] = (
    Column("township_code", "乡镇代码", "Township code", "key", "str", required=True),
    Column("year", "年份", "Year", "key", "int", required=True),
    Column("mother_age_group", "母亲年龄组", "Mother's age group", "key", "str", required=True),
    _count("births", "出生人口", "Births", required=True),
)
#: Allowed values of ``sex`` in ``age_structure.csv``.
SEXES: tuple[str, ...] = ("male", "female")
#: Five-year age groups used in ``age_structure.csv`` (last one open-ended).
AGE_GROUPS: tuple[str, ...] = tuple(f"{a}-{a + 4}" for a in range(0, 85, 5)) + ("85+",)
#: Mothers' five-year age groups used in ``births_by_age.csv``.
MOTHER_AGE_GROUPS: tuple[str, ...] = tuple(f"{a}-{a + 4}" for a in range(15, 50, 5))

FILE_COLUMNS: dict[str, tuple[Column, ...]] = {
    MAIN_FILE: COLUMNS,
    AGE_STRUCTURE_FILE: AGE_STRUCTURE_COLUMNS,
    BIRTHS_BY_AGE_FILE: BIRTHS_BY_AGE_COLUMNS,
}
