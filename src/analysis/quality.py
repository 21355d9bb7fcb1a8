"""Data-quality audit: check the figures a report printed against its own counts.

Reported rates are never trusted: each is re-derived from the counts with every denominator a
township might have used, and the audit says which one reproduces the printed value. Rules are
small functions in a registry (:data:`RULES`), each returning findings; :func:`audit` runs them
all on a whole panel at once.

A finding has ``township_code``, ``year`` (``<NA>`` for a finding about several years),
``field``, ``severity`` (``error``: the figures cannot all be true; ``warning``: probably
wrong or needs a look; ``note``: a caveat for the reader), ``rule``, ``message_zh``,
``message_en``, ``value`` (the figure as printed or counted) and ``expected`` (what the counts
give), both possibly NaN.

Tolerances: printed rates are rounded, so a rate "reproduces" when it is within half a unit of
its last printed decimal (e.g. ±0.005 for 3.69) of the recomputed value; we allow one decimal
(±0.05) since reports round either way.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pandas as pd

from . import indicators, schema
from .i18n import t

#: Columns of the audit table, in order.
FINDING_COLUMNS: tuple[str, ...] = (
    "township_code", "year", "field", "severity", "rule", "message_zh", "message_en",
    "value", "expected",
)
SEVERITIES: tuple[str, ...] = ("error", "warning", "note")
#: Half a unit of the coarsest usual printed decimal of a per-mille rate or ratio.
RATE_TOLERANCE = 0.05
#: Plausible range of the sex ratio at birth (reported or computed) [UN-X].
SRB_PLAUSIBLE = (80.0, 150.0)
#: A crude birth rate above this (per mille) is not plausible for a Chinese township today.
CBR_MAX = 40.0
#: Balancing-equation residual that needs a look: this share of the population, at least
#: :data:`BALANCE_MIN` persons.
BALANCE_SHARE, BALANCE_MIN = 0.005, 10
#: The plausible share of women aged 15-49 (all, or the married among them) in a population. The
#: 41 shares in the hand-labelled reports of ``benchmarks/extract_corpus`` run from 7% (the married
#: women of a migrant population) to 48% (the women of one); the demo townships' from 21% to 27%.
#: Outside 3-60%, a wide margin around them, one of the two figures is wrong
#: (总人口3202390人,其中已婚育龄妇女6561人: 0.2%).
WOMEN_SHARE = (0.03, 0.60)
#: |z| above which a year-on-year change in births is larger than Poisson noise (p < 0.001).
JUMP_Z = 3.2905

Finding = dict[str, object]
Rule = Callable[[pd.DataFrame, pd.DataFrame], list[Finding]]
RULES: dict[str, Rule] = {}


def rule(name: str) -> Callable[[Rule], Rule]:
    """Register an audit rule under ``name`` (also its i18n key ``quality.<name>``)."""
    def register(fn: Rule) -> Rule:
        RULES[name] = fn
        return fn
    return register


def finding(rule_name: str, severity: str, code: str, year: int | None, field: str,
            value: float = math.nan, expected: float = math.nan, **fmt: object) -> Finding:
    """Build one finding; its messages come from the translation table (``quality.<rule>``)."""
    fmt = {"field_zh": _label(field, "zh"), "field_en": _label(field, "en"), **fmt}
    return {
        "township_code": code, "year": year, "field": field, "severity": severity,
        "rule": rule_name,
        "message_zh": t(f"quality.{rule_name}", "zh", **_fill(fmt, "zh")),
        "message_en": t(f"quality.{rule_name}", "en", **_fill(fmt, "en")),
        "value": float(value) if value is not None else math.nan,
        "expected": float(expected) if expected is not None else math.nan,
    }


def _label(field: str, language: str) -> str:
    col = schema.BY_NAME.get(field)
    return col.label(language) if col else field


def _fill(fmt: dict[str, object], language: str) -> dict[str, object]:
    """Pick language-specific values (``x_zh``/``x_en`` -> ``x``) and format numbers."""
    out: dict[str, object] = {}
    for key, value in fmt.items():
        if key.endswith(("_zh", "_en")):
            if key.endswith(f"_{language}"):
                out[key[:-3]] = value
            continue
        out[key] = value
    return out


def _fmt(value: float) -> str:
    """A printed figure as printed: up to 2 decimals, no trailing zeros (12023.65, 3.7, 110)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _num(s: pd.Series) -> np.ndarray:
    return pd.to_numeric(s, errors="coerce").astype("float64").to_numpy()


def _rows(panel: pd.DataFrame, mask: np.ndarray):
    """Iterate (row, code, year) over the rows where ``mask`` holds."""
    for i in np.flatnonzero(mask):
        row = panel.iloc[i]
        yield i, str(row["township_code"]), int(row["year"])


@rule("parity_sum")
def _parity_sum(panel: pd.DataFrame, ind: pd.DataFrame) -> list[Finding]:
    """Births by parity must add up to births (1孩 + 2孩 + 多孩 = 出生)."""
    parts = np.vstack([_num(panel[c]) for c in ("births_parity1", "births_parity2", "births_parity3plus")])
    total = parts.sum(axis=0)
    births = _num(panel["births"])
    bad = ~np.isnan(total) & ~np.isnan(births) & (total != births)
    return [finding("parity_sum", "error", c, y, "births_parity1", total[i], births[i],
                    parts=" + ".join(f"{v:.0f}" for v in parts[:, i]), total=f"{total[i]:.0f}",
                    births=f"{births[i]:.0f}")
            for i, c, y in _rows(panel, bad)]


@rule("sex_sum")
def _sex_sum(panel: pd.DataFrame, ind: pd.DataFrame) -> list[Finding]:
    """Male plus female births must equal births."""
    m, f, b = _num(panel["births_male"]), _num(panel["births_female"]), _num(panel["births"])
    bad = ~np.isnan(m + f + b) & (m + f != b)
    return [finding("sex_sum", "error", c, y, "births_male", m[i] + f[i], b[i],
                    male=f"{m[i]:.0f}", female=f"{f[i]:.0f}", births=f"{b[i]:.0f}")
            for i, c, y in _rows(panel, bad)]


def _denominators(panel: pd.DataFrame, ind: pd.DataFrame) -> dict[str, np.ndarray]:
    """Candidate denominators of a crude rate, best (NBS convention) first."""
    mean = ind["mean_population"].to_numpy().copy()
    mean[ind["mean_population_is_yearend"].to_numpy()] = np.nan  # not a real mean
    return {
        "mean": mean,
        "yearend": _num(panel["total_population"]),
        "permanent": _num(panel["permanent_population"]),
        "previous": indicators.previous_year(panel, "total_population"),
    }


def _rate_rule(name: str, field: str, numerator: Callable[[pd.DataFrame], np.ndarray]) -> Rule:
    """A rule checking a reported per-mille rate against numerator / denominator x 1000."""
    def check(panel: pd.DataFrame, ind: pd.DataFrame) -> list[Finding]:
        reported = _num(panel[field])
        num = numerator(panel)
        dens = _denominators(panel, ind)
        out: list[Finding] = []
        for i, code, year in _rows(panel, ~np.isnan(reported)):
            candidates = {k: num[i] / d[i] * 1000 for k, d in dens.items()
                          if not np.isnan(d[i]) and d[i] > 0 and not np.isnan(num[i])}
            if not candidates:
                continue
            hits = [k for k, v in candidates.items() if abs(v - reported[i]) <= RATE_TOLERANCE + 1e-9]
            best = next(iter(candidates))
            if hits and hits[0] == "mean":
                continue
            if hits:
                den = hits[0] if "mean" in candidates or hits[0] != "yearend" else "yearend_only"
                out.append(finding(f"{name}_denominator", "note", code, year, field, reported[i],
                                   candidates[hits[0]], reported=_fmt(reported[i]),
                                   den_zh=t(f"quality.den.{den}", "zh"),
                                   den_en=t(f"quality.den.{den}", "en")))
            else:
                out.append(finding(f"{name}_mismatch", "warning", code, year, field, reported[i],
                                   candidates[best], reported=_fmt(reported[i]),
                                   computed=f"{candidates[best]:.2f}",
                                   den_zh=t(f"quality.den.{best}", "zh"),
                                   den_en=t(f"quality.den.{best}", "en")))
        return out
    return check


RULES["birth_rate"] = _rate_rule("birth_rate", "birth_rate_permille", lambda p: _num(p["births"]))
RULES["death_rate"] = _rate_rule("death_rate", "death_rate_permille", lambda p: _num(p["deaths"]))
RULES["natural_growth"] = _rate_rule(
    "natural_growth", "natural_growth_permille", lambda p: _num(p["births"]) - _num(p["deaths"]))


def _garbled_srb(value: float, computed: float) -> str | None:
    """A known garbling that turns ``computed`` into ``value``: a slipped decimal point, or
    '10' printed as '2023' (seen in a real report), else None."""
    text = _fmt(value)
    if "2023" in text:
        fixed = float(text.replace("2023", "10", 1))
        if math.isnan(computed) or abs(fixed - computed) <= RATE_TOLERANCE:
            return f"{fixed:g}"
    for factor in (10.0, 0.1, 100.0):
        if not math.isnan(computed) and abs(value * factor - computed) <= RATE_TOLERANCE * 2:
            return f"{value * factor:g}"
    return None


@rule("srb_reported")
def _srb_reported(panel: pd.DataFrame, ind: pd.DataFrame) -> list[Finding]:
    """The printed sex ratio at birth: plausible, and reproduced by male / female births."""
    reported = _num(panel["sex_ratio_at_birth"])
    computed = ind["srb"].to_numpy()
    out: list[Finding] = []
    for i, code, year in _rows(panel, ~np.isnan(reported)):
        r, c = reported[i], computed[i]
        reproduced = not np.isnan(c) and abs(c - r) <= RATE_TOLERANCE
        if reproduced:
            continue  # the counts say the same; whether it is plausible is srb_computed's call
        if not SRB_PLAUSIBLE[0] <= r <= SRB_PLAUSIBLE[1]:
            guess = _garbled_srb(r, c)
            out.append(finding("srb_implausible", "error", code, year, "sex_ratio_at_birth", r, c,
                               reported=_fmt(r),
                               guess_zh=f",疑为{guess}的录入或转换错误" if guess else "",
                               guess_en=f"; probably {guess} garbled in typing or conversion"
                               if guess else ""))
        elif not np.isnan(c):
            out.append(finding("srb_mismatch", "warning", code, year, "sex_ratio_at_birth", r, c,
                               reported=f"{r:.2f}", computed=f"{c:.2f}"))
    return out


@rule("policy_compliance")
def _policy_compliance(panel: pd.DataFrame, ind: pd.DataFrame) -> list[Finding]:
    """A printed compliance % must be k / births x 100 for some whole number k of births."""
    reported = _num(panel["policy_compliance_pct"])
    births = _num(panel["births"])
    out: list[Finding] = []
    for i, code, year in _rows(panel, ~np.isnan(reported)):
        r, b = reported[i], births[i]
        if not 0 <= r <= 100:
            out.append(finding("share_over_100", "error", code, year, "policy_compliance_pct", r,
                               reported=f"{r:g}"))
            continue
        if np.isnan(b) or b <= 0:
            continue
        k = round(r * b / 100)
        nearest = [kk / b * 100 for kk in (k - 1, k, k + 1) if 0 <= kk <= b]
        decimals = max(0, len(f"{r:g}".partition(".")[2]))
        tol = 0.5 * 10 ** -decimals + 1e-9
        if not any(abs(v - r) <= tol for v in nearest):
            closest = min(nearest, key=lambda v: abs(v - r))
            out.append(finding("policy_compliance_mismatch", "warning", code, year,
                               "policy_compliance_pct", r, closest, reported=f"{r:g}",
                               births=f"{b:.0f}", closest=f"{closest:.2f}"))
    return out


@rule("pct_range")
def _pct_range(panel: pd.DataFrame, ind: pd.DataFrame) -> list[Finding]:
    """Percentages (contraceptive rate) must lie within 0-100."""
    r = _num(panel["contraceptive_rate_pct"])
    bad = ~np.isnan(r) & ((r < 0) | (r > 100))
    return [finding("share_over_100", "error", c, y, "contraceptive_rate_pct", r[i], reported=f"{r[i]:g}")
            for i, c, y in _rows(panel, bad)]


@rule("parity_share")
def _parity_share(panel: pd.DataFrame, ind: pd.DataFrame) -> list[Finding]:
    """No parity can have more births than all parities together (share above 100%)."""
    out: list[Finding] = []
    for col in ("births_parity1", "births_parity2", "births_parity3plus"):
        share = ind[col.replace("births_", "share_")].to_numpy()
        for i, c, y in _rows(panel, ~np.isnan(share) & (share > 1)):
            out.append(finding("share_over_100", "error", c, y, col, share[i] * 100,
                               reported=f"{share[i] * 100:.1f}"))
    return out


@rule("cbr_high")
def _cbr_high(panel: pd.DataFrame, ind: pd.DataFrame) -> list[Finding]:
    """A birth rate above 40 per mille, reported or computed, is implausible."""
    out: list[Finding] = []
    for name, values in (("birth_rate_permille", _num(panel["birth_rate_permille"])),
                         ("births", ind["cbr_permille"].to_numpy())):
        for i, c, y in _rows(panel, ~np.isnan(values) & (values > CBR_MAX)):
            out.append(finding("cbr_high", "error", c, y, name, values[i], rate=f"{values[i]:.2f}"))
    return out


@rule("women_share")
def _women_share(panel: pd.DataFrame, ind: pd.DataFrame) -> list[Finding]:
    """Women aged 15-49 (all, or married) outside :data:`WOMEN_SHARE` of the population (the
    total, else the resident one): one of the two figures is wrong. Both fields are named."""
    total, resident = _num(panel["total_population"]), _num(panel["permanent_population"])
    pop = np.where(np.isnan(total), resident, total)
    pop_field = np.where(np.isnan(total), "permanent_population", "total_population")
    out: list[Finding] = []
    with np.errstate(divide="ignore", invalid="ignore"):
        for col in ("women_15_49", "married_women_15_49"):
            women = _num(panel[col])
            share = np.where(pop > 0, women / pop, np.nan)
            bad = ~np.isnan(share) & ((share < WOMEN_SHARE[0]) | (share > WOMEN_SHARE[1]))
            for i, c, y in _rows(panel, bad):
                fmt = {"women_zh": _label(col, "zh"), "women_en": _label(col, "en"),
                       "pop_zh": _label(str(pop_field[i]), "zh"), "pop_en": _label(str(pop_field[i]), "en"),
                       "w": _fmt(women[i]), "p": _fmt(pop[i]), "share": f"{share[i] * 100:.1f}",
                       "lo": f"{WOMEN_SHARE[0] * 100:.0f}", "hi": f"{WOMEN_SHARE[1] * 100:.0f}"}
                for fld in (col, str(pop_field[i])):
                    out.append(finding("women_share", "warning", c, y, fld, share[i] * 100, **fmt))
    return out


@rule("srb_computed")
def _srb_computed(panel: pd.DataFrame, ind: pd.DataFrame) -> list[Finding]:
    """Sex ratio from the counts: implausible (outside 80-150 beyond chance) or clearly high.

    ``srb_high`` is raised when the whole 95% interval lies above the normal 103-107 band,
    i.e. the excess is not explained by small numbers.
    """
    srb, lo, hi = (ind[c].to_numpy() for c in ("srb", "srb_lo95", "srb_hi95"))
    out: list[Finding] = []
    for i, c, y in _rows(panel, ~np.isnan(srb)):
        if hi[i] < SRB_PLAUSIBLE[0] or lo[i] > SRB_PLAUSIBLE[1]:
            out.append(finding("srb_counts_implausible", "error", c, y, "births_male", srb[i],
                               srb=f"{srb[i]:.1f}", lo=f"{lo[i]:.1f}", hi=f"{hi[i]:.1f}"))
        elif lo[i] > indicators.SRB_NORMAL[1]:
            out.append(finding("srb_high", "warning", c, y, "births_male", srb[i],
                               srb=f"{srb[i]:.1f}", lo=f"{lo[i]:.1f}", hi=f"{hi[i]:.1f}"))
    return out


@rule("balance")
def _balance(panel: pd.DataFrame, ind: pd.DataFrame) -> list[Finding]:
    """Year-end population should follow the balancing equation P_t = P_{t-1} + B - D + I - O."""
    res = ind["balance_residual"].to_numpy()
    pop = _num(panel["total_population"])
    limit = np.maximum(BALANCE_MIN, BALANCE_SHARE * pop)
    bad = ~np.isnan(res) & (np.abs(res) > limit)
    return [finding("balance", "warning", c, y, "total_population", res[i], 0.0,
                    residual=f"{res[i]:+,.0f}", limit=f"{limit[i]:,.0f}")
            for i, c, y in _rows(panel, bad)]


@rule("births_jump")
def _births_jump(panel: pd.DataFrame, ind: pd.DataFrame) -> list[Finding]:
    """A year-on-year change in births larger than Poisson noise explains.

    Conditional test for two Poisson counts (Przyborowski & Wilenski 1940): given
    n = B_{t-1} + B_t, B_t ~ Binomial(n, π) with π = P̄_t / (P̄_{t-1} + P̄_t) under an
    unchanged birth rate. Flagged when the two-sided normal-approximation |z| > 3.29
    (p < 0.001). A real cause (e.g. a policy change) is possible: this is a note to check.
    """
    b = _num(panel["births"])
    prev_b = indicators.previous_year(panel, "births")
    mean = ind["mean_population"].to_numpy()
    prev_mean = indicators.previous_year(ind.assign(_m=mean), "_m")
    n = b + prev_b
    pi = np.where(np.isnan(prev_mean) | np.isnan(mean), 0.5, mean / (mean + prev_mean))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (b - n * pi) / np.sqrt(n * pi * (1 - pi))
    bad = ~np.isnan(z) & (np.abs(z) > JUMP_Z) & (n > 0)
    return [finding("births_jump", "note", c, y, "births", b[i], n[i] * pi[i],
                    prev=f"{prev_b[i]:.0f}", births=f"{b[i]:.0f}", z=f"{z[i]:+.1f}",
                    p=f"{math.erfc(abs(z[i]) / math.sqrt(2)):.1g}")
            for i, c, y in _rows(panel, bad)]


@rule("missing_years")
def _missing_years(panel: pd.DataFrame, ind: pd.DataFrame) -> list[Finding]:
    """Gaps in a township's sequence of years."""
    out: list[Finding] = []
    for code, years in panel.groupby("township_code")["year"]:
        ys = set(int(y) for y in years)
        gaps = [y for y in range(min(ys), max(ys) + 1) if y not in ys]
        if gaps:
            out.append(finding("missing_years", "warning", str(code), None, "year",
                               years=", ".join(map(str, gaps))))
    return out


@rule("srb_small_counts")
def _srb_small_counts(panel: pd.DataFrame, ind: pd.DataFrame) -> list[Finding]:
    """One note per township: single-year sex ratios whose interval is wider than 103-107.

    With a few hundred births a year the 95% interval of the sex ratio spans ±15 or more, so a
    single year cannot show whether the ratio is outside the normal band; pool years instead.
    """
    width = (ind["srb_hi95"] - ind["srb_lo95"]).to_numpy()
    band = indicators.SRB_NORMAL[1] - indicators.SRB_NORMAL[0]
    wide = ~np.isnan(width) & (width > band)
    out: list[Finding] = []
    frame = pd.DataFrame({"code": panel["township_code"].to_numpy(), "year": panel["year"].to_numpy(),
                          "width": width})[wide]
    for code, grp in frame.groupby("code"):
        years = grp["year"].astype(int)
        span = f"{years.min()}–{years.max()}" if len(years) > 1 else f"{years.min()}"
        out.append(finding("srb_small_counts", "note", str(code), None, "births_male",
                           float(grp["width"].median()), band, years=span, n=len(years),
                           width=f"{grp['width'].median():.0f}"))
    return out


def audit(panel: pd.DataFrame) -> pd.DataFrame:
    """Run every rule of :data:`RULES` on a panel; one row per finding (see module docstring).

    Sorted by township, year, severity (errors first) and rule; the result does not depend on
    the panel's row order.
    """
    p = panel.sort_values(["township_code", "year"]).reset_index(drop=True)
    for c in (*schema.COUNTS, *schema.REPORTED):  # optional columns may be absent: unknown
        if c not in p:
            p[c] = np.nan
    ind = indicators.compute(p)
    rows: list[Finding] = []
    for fn in RULES.values():
        rows.extend(fn(p, ind))
    out = pd.DataFrame(rows, columns=list(FINDING_COLUMNS))
    out["year"] = pd.array(out["year"].tolist(), dtype="Int64")
    sev = out["severity"].map({s: i for i, s in enumerate(SEVERITIES)})
    out = out.assign(_s=sev).sort_values(["township_code", "year", "_s", "rule", "field"],
                                         na_position="first", kind="stable")
    return out.drop(columns="_s").reset_index(drop=True)


def summary(findings: pd.DataFrame) -> pd.DataFrame:
    """Number of findings by township and severity (columns error, warning, note)."""
    counts = findings.groupby(["township_code", "severity"]).size().unstack(fill_value=0)
    return counts.reindex(columns=list(SEVERITIES), fill_value=0).reset_index()
