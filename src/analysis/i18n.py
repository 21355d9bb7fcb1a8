"""The one translation table: every user-facing string, in Chinese (default) and English.

Column labels and units live with the columns in :mod:`analysis.schema`; everything else a
reader sees (headings, captions, notes, status words, CLI summaries) lives here. Keys are
dotted English identifiers; values are ``str.format`` templates.
"""

from __future__ import annotations

from typing import Literal

Language = Literal["zh", "en"]
LANGUAGES: tuple[str, ...] = ("zh", "en")
DEFAULT_LANGUAGE: Language = "zh"

TABLE: dict[str, dict[str, str]] = {
    # appendix
    "appendix.title": {
        "zh": "{township}人口与计划生育统计附录",
        "en": "{township}: population and family-planning statistical appendix",
    },
    "appendix.subtitle": {
        "zh": "{county} · {first}–{last}年 · 数据集:{dataset}",
        "en": "{county} · {first}–{last} · dataset: {dataset}",
    },
    "section.overview": {"zh": "基本情况", "en": "Overview"},
    "section.methods": {"zh": "方法说明", "en": "Methods"},
    "appendix.meta": {
        "zh": "乡镇:{township}({code}) · 县(区):{county} · 年份:{first}–{last}年 · "
        "数据来源:{source} · 数据截至:{asof}",
        "en": "Township: {township} ({code}) · County: {county} · Years: {first}-{last} · "
        "Source: {source} · Data as of: {asof}",
    },
    "appendix.asof": {"zh": "{year}年末", "en": "end of {year}"},
    "methods.text": {
        "zh": "- 年平均人口 P̄ = (上年末人口 + 本年末人口) / 2(国家统计局口径);缺上年末人口时用本年末人口,并以“†”标注。\n"
        "- 出生率 = 出生人数 / P̄ × 1000‰;死亡率 = 死亡人数 / P̄ × 1000‰;自然增长率 = 出生率 − 死亡率"
        "(国家统计局《中国统计年鉴》主要统计指标解释;Preston, Heuveline & Guillot, *Demography*, 2001, 第1章)。\n"
        "- 一般生育率 = 出生人数 / 15–49岁妇女人数 × 1000‰;总和生育率 = 5 × Σ 分年龄组生育率"
        "(Preston 等, 2001, 第5章)。\n"
        "- 出生人口性别比 = 男婴 / 女婴 × 100,95%区间由男婴比例的Wilson区间换算"
        "(Brown, Cai & DasGupta, *Statistical Science*, 2001);正常范围103–107(联合国 Manual X, 1983)。\n"
        "- 人口平衡方程残差 = 本年末人口 − (上年末人口 + 出生 − 死亡 + 迁入 − 迁出)(Preston 等, 2001)。\n"
        "- 乡镇比较采用漏斗图,控制限按超离散调整(Spiegelhalter, *Statistics in Medicine*, 2005)。\n"
        "- 报告中的比率均用原始计数重新核算,不直接采信。",
        "en": "- Mean population P̄ = (previous year-end + current year-end) / 2 (NBS convention); "
        "when the previous year-end is missing the year-end figure is used, marked †.\n"
        "- Crude birth rate = births / P̄ × 1000; crude death rate = deaths / P̄ × 1000; natural "
        "increase = CBR − CDR (NBS, *China Statistical Yearbook*, explanatory notes; Preston, "
        "Heuveline & Guillot, *Demography*, 2001, ch. 1).\n"
        "- General fertility rate = births / women aged 15-49 × 1000; total fertility rate = "
        "5 × Σ age-specific rates (Preston et al., 2001, ch. 5).\n"
        "- Sex ratio at birth = male / female births × 100, 95% interval from the Wilson "
        "interval of the male proportion (Brown, Cai & DasGupta, *Statistical Science*, 2001); "
        "normal range 103-107 (UN Manual X, 1983).\n"
        "- Balancing-equation residual = year-end − (previous year-end + births − deaths + in − "
        "out) (Preston et al., 2001).\n"
        "- Townships are compared with funnel plots whose limits allow for over-dispersion "
        "(Spiegelhalter, *Statistics in Medicine*, 2005).\n"
        "- Every rate printed in a report is recomputed from the counts, never taken on trust.",
    },
    "caption.figure": {"zh": "图{n}", "en": "Figure {n}"},
    "caption.table": {"zh": "表{n}", "en": "Table {n}"},
    "table.key_indicators": {"zh": "主要指标(本年、上年、变化与全县水平)",
                             "en": "Key indicators: this year, last year, change and county value"},
    "table.data": {"zh": "历年基础数据", "en": "Counts by year"},
    "table.county_years": {"zh": "全县历年主要指标", "en": "County indicators by year"},
    "table.ranking": {"zh": "{year}年各乡镇一般生育率与出生人口性别比(按一般生育率排序)",
                      "en": "General fertility rate and sex ratio at birth by township, {year} (by GFR)"},
    "toc.title": {"zh": "目录", "en": "Contents"},
    "page.footer": {"zh": "第 {page} 页 / 共 {pages} 页", "en": "Page {page} of {pages}"},
    "section.population": {"zh": "人口变动趋势", "en": "Population trends"},
    "section.births": {"zh": "出生人口趋势", "en": "Births"},
    "section.indicators": {"zh": "主要指标", "en": "Key indicators"},
    "section.rates": {"zh": "出生率与死亡率", "en": "Birth and death rates"},
    "section.parity": {"zh": "出生孩次结构", "en": "Births by parity"},
    "section.srb": {"zh": "出生人口性别比", "en": "Sex ratio at birth"},
    "section.age": {"zh": "年龄结构与总和生育率", "en": "Age structure and total fertility"},
    "section.quality": {"zh": "数据质量核查", "en": "Data-quality audit"},
    "table.indicator": {"zh": "指标", "en": "Indicator"},
    "table.this_year": {"zh": "{year}年", "en": "{year}"},
    "table.last_year": {"zh": "{year}年", "en": "{year}"},
    "table.change": {"zh": "变化", "en": "Change"},
    "table.county": {"zh": "全县", "en": "County"},
    "ind.total_population": {"zh": "年末总人口(人)", "en": "Year-end population"},
    "ind.births": {"zh": "出生人数(人)", "en": "Births"},
    "ind.deaths": {"zh": "死亡人数(人)", "en": "Deaths"},
    "ind.cbr": {"zh": "出生率(‰)", "en": "Crude birth rate (‰)"},
    "ind.cdr": {"zh": "死亡率(‰)", "en": "Crude death rate (‰)"},
    "ind.rni": {"zh": "自然增长率(‰)", "en": "Rate of natural increase (‰)"},
    "ind.gfr": {"zh": "一般生育率(‰)", "en": "General fertility rate (‰)"},
    "ind.tfr": {"zh": "总和生育率", "en": "Total fertility rate"},
    "ind.share_parity2": {"zh": "二孩占比", "en": "Share of second births"},
    "ind.share_parity3plus": {"zh": "多孩占比", "en": "Share of third+ births"},
    "ind.srb": {"zh": "出生人口性别比(95%区间)", "en": "Sex ratio at birth (95% interval)"},
    "ind.net_migration": {"zh": "净迁移率(‰)", "en": "Net migration rate (‰)"},
    "severity.error": {"zh": "错误", "en": "Error"},
    "severity.warning": {"zh": "警告", "en": "Warning"},
    "severity.note": {"zh": "提示", "en": "Note"},
    "quality.none": {"zh": "未发现数据质量问题。", "en": "No data-quality findings."},
    "quality.summary": {
        "zh": "共发现错误{error}项、警告{warning}项、提示{note}项。报告数字均已用原始计数重新核算。",
        "en": "{error} error(s), {warning} warning(s) and {note} note(s). Every printed rate was "
        "recomputed from the counts.",
    },
    "note.mean_population": {
        "zh": "比率以年平均人口(上年末与本年末人口的平均数)为分母;缺上年数据的年份改用年末人口,表中以“†”标注。",
        "en": "Rates use the mean population (average of the previous and current year-end) as "
        "denominator; years without the previous year-end use the year-end figure, marked †.",
    },
    "note.srb": {
        "zh": "性别比区间为95% Wilson区间;乡镇年出生数少,单年性别比波动大,区间与103–107正常范围重叠时不能判断为异常。",
        "en": "Sex-ratio intervals are 95% Wilson intervals; with few births a year a single "
        "year's ratio swings widely, and an interval overlapping the 103-107 band is no evidence "
        "of imbalance.",
    },
    "section.data": {"zh": "数据表", "en": "Data table"},
    "section.provenance": {"zh": "数据来源与版本", "en": "Data source and versions"},
    "overview.text": {
        "zh": "{last}年末,{township}总人口{population}人;全年出生{births}人,死亡{deaths}人。",
        "en": "At the end of {last}, {township} had {population} inhabitants; "
        "{births} births and {deaths} deaths were registered during the year.",
    },
    "overview.unknown": {"zh": "未知", "en": "unknown"},
    "chart.population.title": {"zh": "年末总人口", "en": "Year-end total population"},
    "chart.births.title": {"zh": "出生与死亡人数", "en": "Births and deaths"},
    "chart.axis.year": {"zh": "年份", "en": "Year"},
    "chart.axis.persons": {"zh": "人数(人)", "en": "Persons"},
    "chart.axis.permille": {"zh": "‰", "en": "per 1,000"},
    "chart.axis.srb": {"zh": "性别比(女=100)", "en": "Boys per 100 girls"},
    "chart.axis.share": {"zh": "占总人口比例", "en": "Share of the population"},
    "chart.series.cbr": {"zh": "出生率", "en": "Birth rate"},
    "chart.series.cdr": {"zh": "死亡率", "en": "Death rate"},
    "chart.series.rni": {"zh": "自然增长率", "en": "Natural increase"},
    "chart.series.parity1": {"zh": "一孩", "en": "1st births"},
    "chart.series.parity2": {"zh": "二孩", "en": "2nd births"},
    "chart.series.parity3": {"zh": "多孩", "en": "3rd+ births"},
    "chart.series.male": {"zh": "男", "en": "Male"},
    "chart.series.female": {"zh": "女", "en": "Female"},
    "chart.rates.title": {"zh": "出生率、死亡率与自然增长率", "en": "Birth, death and natural increase rates"},
    "chart.gfr.title": {"zh": "一般生育率(每千名15–49岁妇女)", "en": "General fertility rate (per 1,000 women 15-49)"},
    "chart.parity.title": {"zh": "分孩次出生人数", "en": "Births by parity"},
    "chart.srb.title": {"zh": "出生人口性别比及其95%置信区间", "en": "Sex ratio at birth with 95% interval"},
    "chart.srb.normal": {"zh": "正常范围103–107", "en": "Normal range 103-107"},
    "chart.srb.point": {"zh": "当年性别比", "en": "Year's ratio"},
    "chart.pyramid.title": {"zh": "{year}年人口金字塔", "en": "Population pyramid, {year}"},
    "chart.funnel.limit": {"zh": "{level}%控制限", "en": "{level}% limits"},
    "chart.funnel.target": {"zh": "全县水平", "en": "County value"},
    "chart.funnel.gfr.title": {"zh": "一般生育率漏斗图", "en": "Funnel plot: general fertility rate"},
    "chart.funnel.srb.title": {"zh": "出生人口性别比漏斗图", "en": "Funnel plot: sex ratio at birth"},
    "chart.funnel.x.births": {"zh": "出生人数(对数刻度)", "en": "Births (log scale)"},
    "chart.funnel.x.expected": {"zh": "按全县生育率的预期出生人数(对数刻度)",
                                "en": "Births expected at the county rate (log scale)"},
    "chart.small_multiples.title": {"zh": "各乡镇出生人数", "en": "Births by township"},
    "chart.parity_towns.title": {"zh": "{year}年各乡镇出生孩次构成", "en": "Parity composition of births, {year}"},
    "chart.series.births": {"zh": "出生", "en": "Births"},
    "chart.fan.births": {"zh": "出生人数预测", "en": "Births forecast"},
    "chart.fan.population": {"zh": "年末总人口预测", "en": "Population forecast"},
    "chart.fan.county": {"zh": "全县出生人数预测(各乡镇预测之和)",
                         "en": "County births forecast (sum of the townships' forecasts)"},
    "chart.fan.observed": {"zh": "实际值", "en": "Observed"},
    "chart.fan.mean": {"zh": "预测值", "en": "Forecast"},
    "chart.fan.pi": {"zh": "{level}%预测区间", "en": "{level}% prediction interval"},
    "section.forecast": {"zh": "出生与人口预测", "en": "Births and population forecast"},
    "table.forecast": {"zh": "未来{h}年出生、死亡与总人口预测(括号内为80%预测区间)",
                       "en": "Forecast of births, deaths and population for {h} years (80% interval in brackets)"},
    "table.county_forecast": {"zh": "全县未来{h}年出生人数预测(由各乡镇预测协调汇总)",
                              "en": "County births forecast for {h} years (reconciled from the townships)"},
    "forecast.col.year": {"zh": "年份", "en": "Year"},
    "forecast.col.births": {"zh": "出生人数", "en": "Births"},
    "forecast.col.births95": {"zh": "出生95%区间", "en": "Births 95% interval"},
    "forecast.col.deaths": {"zh": "死亡人数", "en": "Deaths"},
    "forecast.col.population": {"zh": "年末总人口", "en": "Year-end population"},
    "forecast.col.sum_townships": {"zh": "各乡镇预测之和", "en": "Sum of townships"},
    "county.section.forecast": {"zh": "全县出生人数预测", "en": "County births forecast"},
    "county.forecast.note": {
        "zh": "全县预测由各乡镇预测经MinT(收缩协方差)协调得到,全县数等于各乡镇预测之和;回测中该方法略优于简单加总。",
        "en": "The county forecast is reconciled from the townships' forecasts (MinT with a shrunk "
        "covariance), so it equals their sum; in the backtest this was slightly better than "
        "adding up the townships' own forecasts.",
    },
    "forecast.method": {
        "zh": "出生人数预测方法:{route};所选模型:{method}。滚动起点回测(共{origins}个起点)的MASE为{mase},"
        "同期朴素预测(沿用上年值)为{naive}{verdict}。",
        "en": "Births are forecast {route}; model chosen: {method}. In a rolling-origin backtest "
        "({origins} origins) its MASE was {mase} against {naive} for the naive forecast "
        "(last year's value){verdict}.",
    },
    "forecast.route.rate": {"zh": "一般生育率 × 育龄妇女人数,并计入小数目的泊松随机波动",
                            "en": "as general fertility rate × women aged 15-49, with the Poisson noise of small counts"},
    "forecast.route.count": {"zh": "直接按出生人数序列预测(缺育龄妇女数据)",
                             "en": "from the births series itself (women 15-49 unknown)"},
    "forecast.too_short": {
        "zh": "仅有{n}年数据,少于{min}年,不作预测。",
        "en": "Only {n} year(s) of data, fewer than {min}: no forecast is made.",
    },
    "forecast.verdict.better": {"zh": ",优于朴素预测", "en": ", better than naive"},
    "forecast.verdict.worse": {"zh": ",未优于朴素预测,请谨慎使用", "en": ", no better than naive: use with care"},
    "forecast.caveat": {
        "zh": "预测说明:乡镇出生人数少,受随机波动和政策变化影响大;预测区间表示在过去误差水平下实际值可能落入的范围,"
        "95%区间约每20年有1年落在区间之外。历史上2016年“全面二孩”政策后的出生高峰及其后的回落,任何方法都无法事先预测。"
        "请把预测作为趋势参考,而非工作指标。",
        "en": "About the forecast: township births are small numbers, swayed by chance and by policy; the "
        "intervals show where outcomes fell given past errors, and about one year in twenty "
        "falls outside a 95% interval. No method foresaw the 2016 two-child peak and the "
        "decline after it. Read the forecast as a trend, not as a target.",
    },
    "chart.series.deaths": {"zh": "死亡", "en": "Deaths"},
    "note.blank": {
        "zh": "空白表示数据缺失(未知),不等于零。",
        "en": "A blank cell means the figure is unknown, not zero.",
    },
    "note.small_numbers": {
        "zh": "乡镇人口规模小,年度出生、死亡人数受随机波动影响较大,单一年份的变化不宜过度解读。",
        "en": "Township counts are small, so yearly births and deaths fluctuate by chance; "
        "do not over-interpret a change in a single year.",
    },
    "provenance.data": {"zh": "数据文件", "en": "Data file"},
    "provenance.sha": {"zh": "数据摘要(SHA-256)", "en": "Data digest (SHA-256)"},
    "provenance.params": {"zh": "参数", "en": "Parameters"},
    "provenance.code": {"zh": "程序版本", "en": "Code version"},
    "provenance.inputs": {"zh": "输入摘要(SHA-256前12位,见manifest.json)",
                          "en": "Input digests (first 12 hex digits of SHA-256; see manifest.json)"},
    # data-quality findings (analysis.quality); {field} is the column's label
    "quality.parity_sum": {
        "zh": "分孩次出生数之和({parts} = {total})不等于出生人数{births}。",
        "en": "Births by parity add up to {parts} = {total}, not to the {births} births.",
    },
    "quality.sex_sum": {
        "zh": "男婴{male}与女婴{female}之和不等于出生人数{births}。",
        "en": "Male ({male}) plus female ({female}) births do not equal the {births} births.",
    },
    "quality.birth_rate_denominator": {
        "zh": "报告出生率{reported}‰以{den}为分母可重现;国家统计局口径以年平均人口为分母。",
        "en": "The reported birth rate of {reported}‰ is reproduced with the {den} as "
        "denominator; the NBS convention is the mean population of the year.",
    },
    "quality.birth_rate_mismatch": {
        "zh": "报告出生率{reported}‰无法由出生人数重现(以{den}计算为{computed}‰)。",
        "en": "The reported birth rate of {reported}‰ is not reproduced by the counts "
        "({computed}‰ on the {den}).",
    },
    "quality.death_rate_denominator": {
        "zh": "报告死亡率{reported}‰以{den}为分母可重现;国家统计局口径以年平均人口为分母。",
        "en": "The reported death rate of {reported}‰ is reproduced with the {den} as "
        "denominator; the NBS convention is the mean population of the year.",
    },
    "quality.death_rate_mismatch": {
        "zh": "报告死亡率{reported}‰无法由死亡人数重现(以{den}计算为{computed}‰)。",
        "en": "The reported death rate of {reported}‰ is not reproduced by the counts "
        "({computed}‰ on the {den}).",
    },
    "quality.natural_growth_denominator": {
        "zh": "报告自然增长率{reported}‰以{den}为分母可重现;国家统计局口径以年平均人口为分母。",
        "en": "The reported natural growth rate of {reported}‰ is reproduced with the {den} "
        "as denominator; the NBS convention is the mean population of the year.",
    },
    "quality.natural_growth_mismatch": {
        "zh": "报告自然增长率{reported}‰无法由出生、死亡人数重现(以{den}计算为{computed}‰)。",
        "en": "The reported natural growth rate of {reported}‰ is not reproduced by births "
        "and deaths ({computed}‰ on the {den}).",
    },
    "quality.den.mean": {"zh": "年平均人口", "en": "mean population"},
    "quality.den.yearend": {"zh": "年末总人口", "en": "year-end population"},
    "quality.den.permanent": {"zh": "常住人口", "en": "permanent population"},
    "quality.den.previous": {"zh": "上年末人口", "en": "previous year-end population"},
    "quality.den.yearend_only": {
        "zh": "年末总人口(缺上年末人口,无法核对年平均人口口径)",
        "en": "year-end population (the previous year-end is missing, so the mean-population "
        "convention cannot be checked)",
    },
    "quality.srb_implausible": {
        "zh": "报告出生人口性别比{reported}不可能成立(合理范围80–150){guess}。",
        "en": "The reported sex ratio at birth of {reported} is impossible (plausible range "
        "80-150){guess}.",
    },
    "quality.srb_mismatch": {
        "zh": "报告出生人口性别比{reported}与男婴、女婴数计算的{computed}不符。",
        "en": "The reported sex ratio at birth of {reported} does not match {computed} from "
        "the male and female births.",
    },
    "quality.share_over_100": {
        "zh": "{field}为{reported}%,超过100%。",
        "en": "{field} is {reported}%, above 100%.",
    },
    "quality.policy_compliance_mismatch": {
        "zh": "报告政策符合率{reported}%不可能由{births}个出生中的整数个符合政策出生得到"
        "(最接近为{closest}%),可能分母不同或数字有误。",
        "en": "A compliance rate of {reported}% cannot arise from a whole number of compliant "
        "births out of {births} (closest {closest}%): another denominator or a wrong figure.",
    },
    "quality.women_share": {
        "zh": "{women}{w}人占{pop}{p}人的{share}%,不在常见的{lo}%–{hi}%之内:两个数字中可能有一个有误。",
        "en": "{women}, {w}, are {share}% of the {pop}, {p}: outside the plausible {lo}-{hi}%, so "
        "one of the two figures is probably wrong.",
    },
    "quality.cbr_high": {
        "zh": "出生率{rate}‰高于40‰,不合常理。",
        "en": "A birth rate of {rate}‰ is above 40‰, which is implausible.",
    },
    "quality.srb_counts_implausible": {
        "zh": "由男婴、女婴数计算的性别比{srb}(95%区间{lo}–{hi})超出80–150,数据可能有误。",
        "en": "The sex ratio from male and female births, {srb} (95% interval {lo}-{hi}), lies "
        "outside 80-150 beyond chance: the counts are probably wrong.",
    },
    "quality.srb_high": {
        "zh": "出生人口性别比{srb}(95%区间{lo}–{hi})整体高于正常范围103–107,并非随机波动所致。",
        "en": "The sex ratio at birth of {srb} (95% interval {lo}-{hi}) lies wholly above the "
        "normal 103-107 band: not explained by chance.",
    },
    "quality.balance": {
        "zh": "年末人口与平衡方程(上年末+出生-死亡+迁入-迁出)相差{residual}人(超过{limit}人)。",
        "en": "Year-end population differs by {residual} from the balancing equation (previous "
        "year-end + births - deaths + in - out), more than {limit}.",
    },
    "quality.births_jump": {
        "zh": "出生人数由{prev}变为{births},变化超出随机波动(z = {z},p ≈ {p}),请核实数字或说明原因。",
        "en": "Births changed from {prev} to {births}, more than chance explains (z = {z}, "
        "p ≈ {p}): check the figure or note the cause.",
    },
    "quality.missing_years": {
        "zh": "缺少年份:{years}。",
        "en": "Missing years: {years}.",
    },
    "quality.srb_small_counts": {
        "zh": "{years}年共{n}个年份出生人数较少,单年性别比95%区间宽约{width}(正常范围仅103–107),"
        "单一年份无法判断是否异常,宜合并多年观察。",
        "en": "In {n} years ({years}) births are too few to judge a single year's sex ratio: "
        "its 95% interval is about {width} wide against the 103-107 normal band; pool years.",
    },
    "county.title": {"zh": "{county}乡镇人口与生育概览", "en": "{county}: township overview"},
    "county.subtitle": {"zh": "{n}个乡镇 · {first}–{last}年 · 数据集:{dataset}",
                        "en": "{n} townships · {first}–{last} · dataset: {dataset}"},
    "county.section.county": {"zh": "全县主要指标", "en": "County indicators"},
    "county.section.gfr_funnel": {"zh": "{year}年一般生育率比较(漏斗图)", "en": "General fertility rate, {year} (funnel plot)"},
    "county.section.srb_funnel": {"zh": "{first}–{last}年出生人口性别比比较(漏斗图)",
                                  "en": "Sex ratio at birth, {first}-{last} pooled (funnel plot)"},
    "county.section.ranking": {"zh": "{year}年各乡镇指标及其区间", "en": "Townships in {year}, with intervals"},
    "county.section.trends": {"zh": "各乡镇出生趋势", "en": "Births trends by township"},
    "county.section.parity": {"zh": "各乡镇孩次构成", "en": "Parity composition by township"},
    "county.col.verdict": {"zh": "与全县比较", "en": "Against the county"},
    "county.verdict.high": {"zh": "显著偏高", "en": "above (beyond chance)"},
    "county.verdict.low": {"zh": "显著偏低", "en": "below (beyond chance)"},
    "county.verdict.within": {"zh": "在随机波动范围内", "en": "within chance"},
    "county.funnel.outside": {
        "zh": "落在95%控制限以外的乡镇:{names}。控制限已按乡镇间超离散调整(φ = {phi})。",
        "en": "Outside the 95% limits: {names}. Limits allow for over-dispersion between "
        "townships (φ = {phi}).",
    },
    "county.funnel.too_few": {
        "zh": "有数据的乡镇少于{n}个,无法进行比较。",
        "en": "Fewer than {n} townships have the data needed: no comparison is possible.",
    },
    "county.funnel.none": {
        "zh": "所有乡镇均在95%控制限以内,差异可由随机波动解释(超离散系数φ = {phi})。",
        "en": "Every township lies within the 95% limits: the differences are within chance "
        "(over-dispersion φ = {phi}).",
    },
    "county.note.funnel": {
        "zh": "漏斗图(Spiegelhalter 2005)按出生人数显示各乡镇指标与全县水平的差异;乡镇越小,控制限越宽。排名表中的名次差异大多在随机波动范围内,不宜据此评比。",
        "en": "Funnel plots (Spiegelhalter 2005) show each township against the county value "
        "with limits that widen as townships get smaller; most differences in a ranking are "
        "within chance and should not be used for league tables.",
    },
    # commands (analysis.ingest.commands)
    "ingest.cli.cmd.template.written": {"zh": "已写入模板 {path}(“{data}”工作表填写数据,“{help}”工作表为说明)",
                             "en": "wrote the template {path} (fill in sheet '{data}'; instructions in '{help}')"},
    "ingest.cli.cmd.import.written": {"zh": "已写入 {path}:{rows} 行,{towns} 个乡镇(来自 {source} 的“{sheet}”工作表)",
                           "en": "wrote {path}: {rows} row(s), {towns} township(s) (from sheet '{sheet}' of {source})"},
    "ingest.cli.cmd.extract.summary": {
        "zh": "{file}:{records} 条记录,{figures} 个数字;文本问题 {problems} 个(错误 {p_err}),核查发现 {findings} 项(错误 {f_err})",
        "en": "{file}: {records} record(s), {figures} figure(s); {problems} problem(s) in the text "
              "({p_err} error(s)), {findings} audit finding(s) ({f_err} error(s))",
    },
    "ingest.cli.cmd.extract.none": {"zh": "{file}:没有找到任何统计数字", "en": "{file}: no figures found"},
    "ingest.cli.cmd.extract.record": {"zh": "[{n}] {place} · {year} · {series}", "en": "[{n}] {place} · {year} · {series}"},
    "ingest.cli.cmd.extract.no_place": {"zh": "(未写明地点)", "en": "(place not stated)"},
    "ingest.cli.cmd.extract.no_year": {"zh": "(未写明年份)", "en": "(year not stated)"},
    "ingest.cli.cmd.extract.year": {"zh": "{year}年", "en": "{year}"},
    "ingest.cli.cmd.extract.line": {"zh": "第{line}行", "en": "line {line}"},
    "ingest.cli.cmd.extract.problems": {"zh": "文本问题:", "en": "Problems in the text:"},
    "ingest.cli.cmd.extract.findings": {"zh": "核查(数字是否相符):", "en": "Audit (do the figures add up):"},
    "ingest.cli.cmd.extract.bad_encoding": {
        "zh": "既不是 UTF-8 也不是 GB18030 编码的文本;请另存为 UTF-8",
        "en": "text is neither UTF-8 nor GB18030; save it as UTF-8",
    },
    "ingest.cli.cmd.extract.not_found": {"zh": "文件不存在", "en": "file not found"},
    "ingest.cli.cmd.extract.word97": {
        "zh": "是 Word 97-2003(.doc)或 WPS 格式,无法读取;请在 Word 或 WPS 中另存为 .docx 或 .txt",
        "en": "is a Word 97-2003 (.doc) or WPS file, which is not read; save it as .docx or .txt in Word or WPS",
    },
    "ingest.cli.cmd.extract.pdf": {
        "zh": "是 PDF 文件,无法可靠读取其中的中文文字;请用原始的 Word 文件(.docx),或把文字复制到 .txt 文件",
        "en": "is a PDF, whose Chinese text cannot be read reliably; use the original Word file (.docx) "
              "or copy the text into a .txt file",
    },
    "ingest.cli.cmd.extract.workbook": {
        "zh": "是 Excel 工作簿;表格数据请用 township-report import 导入",
        "en": "is an Excel workbook; import tables with township-report import",
    },
    "ingest.cli.cmd.extract.bad_docx": {
        "zh": "不是完整的 Word(.docx)文件(可能已损坏);请在 Word 中重新保存",
        "en": "is not a readable Word (.docx) file (it may be damaged); save it again in Word",
    },
    "ingest.cli.cmd.csv.appended": {"zh": "已追加 {rows} 行到 {path}", "en": "appended {rows} row(s) to {path}"},
    "ingest.cli.cmd.csv.nothing": {"zh": "没有可追加的记录(只追加写明年份的全部人口记录)",
                        "en": "no record to append (only whole-population records with a year are appended)"},
    "ingest.cli.cmd.csv.skipped_series": {
        "zh": "{where}:{series}的记录不追加(数据表只收全部人口)",
        "en": "{where}: the {series} record is not appended (the dataset holds whole-population figures only)",
    },
    "ingest.cli.cmd.csv.skipped_period": {
        "zh": "{where}:{period}的数字不是全年数字,不追加",
        "en": "{where}: figures for {period} are not for a whole year; not appended",
    },
    "ingest.cli.cmd.csv.no_year": {
        "zh": "文本未写明年份;请用 --year 指定",
        "en": "the text does not state the year; give it with --year",
    },
    "ingest.cli.cmd.csv.no_place": {
        "zh": "文本未写明乡镇名称;请用 --township 指定",
        "en": "the text does not name the township; give it with --township",
    },
    "ingest.cli.cmd.csv.no_code": {
        "zh": "需要乡镇代码:“{place}”不在 {data} 中;请用 --township-code 指定(英文字母、数字、_ 或 -)",
        "en": "a township code is needed: '{place}' is not in {data}; give it with --township-code "
              "(ASCII letters, digits, _ or -)",
    },
    "ingest.cli.cmd.csv.no_county": {
        "zh": "文本未写明“{place}”所属县(区);请用 --county 指定(不详可写 未注明)",
        "en": "the text does not name the county of '{place}'; give it with --county (未注明 if unknown)",
    },
    "ingest.cli.cmd.csv.conflict_blank": {
        "zh": "{where}:{label}有两个不同的数字,该项留空(未知),请核实后手工填写",
        "en": "{where}: {label} is stated with two different numbers; left blank (unknown): check and fill in by hand",
    },
    # excel (analysis.ingest.excel)
    "ingest.excel.excel.not_found": {"zh": "文件不存在", "en": "file not found"},
    "ingest.excel.excel.unreadable": {
        "zh": "无法作为 Excel 工作簿打开({reason});请在 Excel 中另存为 .xlsx 格式",
        "en": "cannot be opened as an Excel workbook ({reason}); save it as .xlsx in Excel",
    },
    "ingest.excel.excel.no_sheet": {
        "zh": "没有名为“{sheet}”的工作表;现有工作表:{sheets}",
        "en": "no sheet named '{sheet}'; the sheets are: {sheets}",
    },
    "ingest.excel.excel.no_header": {
        "zh": "没有找到表头行:前{n}行中没有可识别的列名(如 乡镇、年份、出生人口)",
        "en": "no header row: none of the first {n} rows has column names such as 乡镇, 年份, 出生人口",
    },
    "ingest.excel.excel.unknown_header": {
        "zh": "无法识别的列名“{header}”{hint}",
        "en": "unknown column header '{header}'{hint}",
    },
    "ingest.excel.excel.hint": {"zh": ",是否指“{close}”?", "en": "; did you mean '{close}'?"},
    "ingest.excel.excel.hint_none": {"zh": "(可用列名见“说明”工作表或 docs/ingest.md)",
                        "en": " (see the instructions sheet or docs/ingest.md for valid headers)"},
    "ingest.excel.excel.ignored_header": {
        "zh": "“{header}”列不是数据列,已忽略",
        "en": "column '{header}' holds no data for the dataset; ignored",
    },
    "ingest.excel.excel.other_indicator": {
        "zh": "“{header}”是另一项指标({what}),不是数据集的字段,已忽略",
        "en": "column '{header}' is another indicator ({what}), not a field of the dataset; ignored",
    },
    "ingest.excel.excel.duplicate_header": {
        "zh": "“{header}”与 {other} 列都对应{label}({field})",
        "en": "'{header}' and column {other} both mean {label} ({field})",
    },
    "ingest.excel.excel.missing_column": {
        "zh": "缺少必需的列:{label}({field})",
        "en": "required column is missing: {label} ({field})",
    },
    "ingest.excel.excel.headerless_data": {
        "zh": "该列没有表头却有数据",
        "en": "this column has data but no header",
    },
    "ingest.excel.excel.bad_unit": {
        "zh": "单位“{unit}”不适用于{label}(应为{expected})",
        "en": "unit '{unit}' does not fit {label} ({expected} expected)",
    },
    "ingest.excel.excel.not_number": {
        "zh": "“{text}”不是数字;未知请留空,不要填 0、—、无",
        "en": "'{text}' is not a number; leave the cell empty when unknown (not 0, — or 无)",
    },
    "ingest.excel.excel.not_whole": {"zh": "“{text}”不是整数(人数必须是整数)",
                        "en": "'{text}' is not a whole number (counts are whole numbers)"},
    "ingest.excel.excel.negative": {"zh": "“{text}”是负数,此项不能为负", "en": "'{text}' is negative, which this field cannot be"},
    "ingest.excel.excel.blank_key": {"zh": "{label}不能为空", "en": "{label} must not be blank"},
    "ingest.excel.excel.bad_code": {
        "zh": "乡镇代码“{text}”只能包含英文字母、数字、“_”或“-”(它用作文件名)",
        "en": "township code '{text}' may hold only ASCII letters, digits, '_' or '-' (it names files)",
    },
    "ingest.excel.excel.year_range": {"zh": "年份“{text}”不合理(应在{lo}–{hi}之间)",
                         "en": "implausible year '{text}' (expected {lo}-{hi})"},
    "ingest.excel.excel.sign_mismatch": {
        "zh": "“{text}”带有“{sign}”号,而此列单位是{unit}",
        "en": "'{text}' carries a '{sign}' sign but this column is in {unit}",
    },
    "ingest.excel.excel.percent_format": {
        "zh": "单元格设为百分比格式(显示为{shown}),而此列单位是{unit};请去掉百分比格式,直接填写报告中的数字",
        "en": "the cell is formatted as a percentage (shows {shown}) but this column is in {unit}; "
              "remove the percentage format and type the number as printed",
    },
    "ingest.excel.excel.date": {"zh": "这是日期,不是数字", "en": "this is a date, not a number"},
    "ingest.excel.excel.bool": {"zh": "这是真/假值,不是数字", "en": "this is TRUE/FALSE, not a number"},
    "ingest.excel.excel.error_value": {"zh": "Excel 错误值“{text}”", "en": "Excel error value '{text}'"},
    "ingest.excel.excel.no_rows": {"zh": "工作表“{sheet}”没有数据行", "en": "sheet '{sheet}' has no data rows"},
    "ingest.excel.excel.exists": {
        "zh": "{path} 已存在;用 --force 覆盖,或用 --append 追加",
        "en": "{path} exists; use --force to replace it or --append to add to it",
    },
    "ingest.excel.excel.csv_problem": {"zh": "(合并后的数据未通过校验,未写入任何文件)",
                          "en": "(the combined data failed validation; nothing was written)"},
    # template
    "ingest.excel.template.title": {"zh": "乡镇人口统计数据填报模板 — 填写说明",
                       "en": "Township population statistics: data template — instructions"},
    "ingest.excel.template.units_label": {"zh": "单位", "en": "unit"},
    "ingest.excel.template.text_unit": {"zh": "文字", "en": "text"},
    "ingest.excel.template.rules": {
        "zh": "1. 每个乡镇每年一行,在“数据”工作表第3行起填写;第1行是表头,第2行是单位,请勿改动。\n"
              "2. 不知道的数字请留空。空白表示“未知”,不等于0;不要填0、—、无、NA。\n"
              "3. 人数填整数(人);第2行单位改为“万人”时,该列按万人填写,导入时乘以10000。\n"
              "4. 出生率、死亡率、自然增长率按千分数(‰)、政策符合率和综合避孕率按百分数(%)、"
              "出生人口性别比按女=100,照报告原样填写数字,不要带‰或%号;即使数字看起来有误也照抄,"
              "核查由程序完成。\n"
              "5. 乡镇代码用英文字母、数字、“_”或“-”(如 baishi),同一乡镇各年用同一代码。\n"
              "6. 标*的列必须有;其余列可删除或留空。列的顺序可以调整,表头也可以用下表“也可写作”中的写法。\n"
              "7. 填好后导入:township-report import 文件.xlsx --out data/数据集名称",
        "en": "1. One row per township and year, from row 3 of the data sheet; row 1 holds the "
              "headers and row 2 the units: do not change them.\n"
              "2. Leave a cell empty when the figure is unknown. Empty means unknown, not zero; do "
              "not type 0, —, 无 or NA.\n"
              "3. Counts are whole numbers of persons; if the unit in row 2 is changed to 万人 "
              "(10,000 persons), the import multiplies that column by 10,000.\n"
              "4. Birth, death and natural growth rates in ‰, compliance and contraceptive rates "
              "in %, the sex ratio at birth per 100 girls: type the number exactly as the report "
              "printed it, without ‰ or %, even when it looks wrong; the program checks it.\n"
              "5. Township codes use ASCII letters, digits, '_' or '-' (e.g. baishi); keep one "
              "code per township across years.\n"
              "6. Columns marked * are required; the others may be deleted or left empty. Columns "
              "may be reordered, and any header of the 'also accepted' column may be used.\n"
              "7. Import the filled workbook: township-report import FILE.xlsx --out data/NAME",
    },
    "ingest.excel.template.col.header": {"zh": "表头", "en": "Header"},
    "ingest.excel.template.col.field": {"zh": "字段名", "en": "Field"},
    "ingest.excel.template.col.zh": {"zh": "中文含义", "en": "Meaning (Chinese)"},
    "ingest.excel.template.col.en": {"zh": "英文含义", "en": "Meaning (English)"},
    "ingest.excel.template.col.unit": {"zh": "单位", "en": "Unit"},
    "ingest.excel.template.col.required": {"zh": "必填", "en": "Required"},
    "ingest.excel.template.col.variants": {"zh": "也可写作", "en": "Also accepted"},
    "ingest.excel.template.yes": {"zh": "是", "en": "yes"},
    "ingest.excel.template.no": {"zh": "否", "en": "no"},
    "ingest.excel.template.dv.count": {"zh": "请填写不小于0的整数(人数);未知请留空。",
                          "en": "A whole number ≥ 0 (persons); leave empty when unknown."},
    "ingest.excel.template.dv.year": {"zh": "请填写{lo}–{hi}之间的年份。", "en": "A year between {lo} and {hi}."},
    "ingest.excel.template.dv.rate": {"zh": "数值超出{lo}–{hi}的可能范围。如报告原文就是这个数字,请点“是”照抄。",
                         "en": "Outside the possible range {lo}-{hi}. If the report printed this "
                               "number, click Yes to keep it as printed."},
    "ingest.excel.template.dv.title": {"zh": "数据校验", "en": "Data check"},
    "ingest.excel.template.dv.code": {"zh": "英文字母、数字、_ 或 -,如 baishi", "en": "ASCII letters, digits, _ or -, e.g. baishi"},
    # extract (analysis.ingest.extract)
    "ingest.extract.extract.masked": {
        "zh": "{label}的数值被隐去(“{text}”),未读取。",
        "en": "The value of {label} is masked ('{text}'); not read.",
    },
    "ingest.extract.extract.blank": {
        "zh": "{label}后面没有数字(“{text}”),未读取。",
        "en": "{label} is followed by no number ('{text}'); not read.",
    },
    "ingest.extract.extract.garbled": {
        "zh": "{label}的数字“{text}”无法辨认(乱码),未读取,也不猜测其值。",
        "en": "The number '{text}' given for {label} is garbled; not read and not guessed.",
    },
    "ingest.extract.extract.households": {
        "zh": "{label}“{text}”与旁边的{households}户不符(每户{per}人,不可能),应是乱码,未读取,也不猜测其值。",
        "en": "{label} '{text}' does not fit the {households} households beside it ({per} persons a "
              "household, impossible): garbled; not read and not guessed.",
    },
    "ingest.extract.extract.year_stamped": {
        "zh": "{label}“{text}”含有“{year}”,而这份文本多处把其他数字印成了“{year}”(如“{year}个村民小组”),"
              "该数字很可能是乱码:照原样保留,不作更正,请核对原件。",
        "en": "{label} '{text}' contains '{year}', which this text prints in place of other digits in "
              "several places (e.g. '{year}个村民小组'): probably garbled; kept as printed, not "
              "corrected; check the original.",
    },
    "ingest.extract.extract.too_many": {
        "zh": "{label}“{text}”读作{value}人,比全国人口还多,不可能(是否多印了“万”?),应是乱码,"
              "未读取,也不猜测其值。",
        "en": "{label} '{text}' reads as {value} persons, more than China's whole population, "
              "impossible (a stray 万?): garbled; not read and not guessed.",
    },
    "ingest.extract.extract.not_whole": {
        "zh": "{label}“{text}”不是整数(人数必须是整数),疑为乱码,未读取。",
        "en": "{label} '{text}' is not a whole number of persons (garbled?); not read.",
    },
    "ingest.extract.extract.unit": {
        "zh": "{label}“{text}”的单位不对(应为{expected}),未读取。",
        "en": "{label} '{text}' has the wrong unit ({expected} expected); not read.",
    },
    "ingest.extract.extract.permille_misprinted": {
        "zh": "{label}“{text}”印的是百分号,但这一比率按百分数不可能这么高,应是千分率,按‰读取,请核对原文。",
        "en": "{label} '{text}' is printed with %, but no population has this rate in per cent: the "
              "‰ sign is misprinted, so it is read as ‰: check the text.",
    },
    "ingest.extract.extract.permille_glyph": {
        "zh": "{label}“{text}”的千分号印成了百分号加句号,按‰读取,请核对原文。",
        "en": "{label} '{text}' has its ‰ sign printed as % and a full stop: read as ‰, check the text.",
    },
    "ingest.extract.extract.permille_misprinted_points": {
        "zh": "{label}“{text}”印的是百分号,但其后与上年的比较以千分点计,应是千分率,按‰读取,请核对原文。",
        "en": "{label} '{text}' is printed with %, but its change from last year is given in "
              "per-mille points: read as ‰, check the text.",
    },
    "ingest.extract.extract.permille_misprinted_sibling": {
        "zh": "{label}“{text}”印的是百分号;同一句中其他比率的百分号显然是千分号之误,此处也按‰读取,请核对原文。",
        "en": "{label} '{text}' is printed with %; the other rates of its sentence cannot be per "
              "cent, so the sentence prints % for ‰: read as ‰, check the text.",
    },
    "ingest.extract.extract.ratio_order": {
        "zh": "{label}写作“{text}”,前项为100,无法确定哪一项是男婴,未读取(通常写作 男:女=X:100)。",
        "en": "{label} is written '{text}' with 100 first: which term is boys is unclear; not read "
              "(usually written boys:girls = X:100).",
    },
    "ingest.extract.extract.unit_assumed": {
        "zh": "{label}“{text}”没有写单位,按{unit}读取(请核对原文)。",
        "en": "{label} '{text}' is printed without a unit; read as {unit} (check the text).",
    },
    "ingest.extract.extract.decimal_mark": {
        "zh": "{label}“{text}”中的“。”按小数点读取(请核对原文)。",
        "en": "{label} '{text}' has 。 for its decimal point; read so (check the text).",
    },
    "ingest.extract.extract.per_100k": {
        "zh": "{label}“{text}”按十万分率(1/10万)印出,换算为{value}‰读取。",
        "en": "{label} '{text}' is printed per 100 000; read as {value}‰.",
    },
    "ingest.extract.extract.unit_kept": {
        "zh": "{label}“{text}”带有不该有的“{unit}”号,按{value}读取。",
        "en": "{label} '{text}' carries a stray '{unit}' sign; read as {value}.",
    },
    "ingest.extract.extract.other_indicator": {
        "zh": "“{text}”是另一项指标({what}),未读作数据集的字段。",
        "en": "'{text}' is another indicator ({what}); not read as a field of the dataset.",
    },
    # what an indicator that only sounds like a field is (Excel headers and running text)
    "ingest.other_indicator.measures": {
        "zh": "应落实对象中已落实避孕节育措施的比例,分母不是全部已婚育龄妇女,不等于综合避孕率",
        "en": "the share of targeted women reached by a contraceptive measure; its denominator is not "
              "all married women 15-49, so it is not the contraceptive prevalence rate",
    },
    "ingest.other_indicator.hospital": {
        "zh": "住院分娩,不等于出生人口", "en": "hospital deliveries, not births",
    },
    "ingest.other_indicator.moves": {
        "zh": "户籍迁入或迁出的人次,是一年里登记的迁移,不等于流入、流出人口(在本地或外地居住的流动人口数)",
        "en": "registered moves in or out during the year, not the in- or out-migrants (the floating "
              "population living here or away)",
    },
    "ingest.extract.extract.multi_year": {
        "zh": "{label}“{text}”是{period}合计或平均的数字,不是某一年的,未读取。",
        "en": "{label} '{text}' is a total or average over {period}, not one year's figure; not read.",
    },
    "ingest.extract.extract.approximate": {
        "zh": "{label}“{text}”是约数、界限或目标,不是确切数字,未读取。",
        "en": "{label} '{text}' is approximate, a bound or a target, not an exact figure; not read.",
    },
    "ingest.extract.extract.several_values": {
        "zh": "{label}后面有几个数字(“{text}”),文中没有说明各属哪一年,未读取。",
        "en": "{label} is followed by several numbers ('{text}') without the years they belong to; "
              "not read.",
    },
    "ingest.extract.extract.total_with_others": {
        "zh": "总人口“{total}”还包括户籍人口以外的人口;数据集的总人口取户籍人口“{text}”。",
        "en": "the total '{total}' also counts people other than the registered population; the "
              "dataset's total population is the registered population '{text}'.",
    },
    "ingest.extract.extract.period_start": {
        "zh": "“{start}”是期初人口;总人口取期末人口“{text}”。",
        "en": "'{start}' is the population at the start of the period; the total population is the "
              "period-end population '{text}'.",
    },
    "ingest.extract.extract.rate_basis": {
        "zh": "{rate_label}“{text}”与{count_label}÷{fit_base}相符({fits}‰),与{count_label}÷{other_base}不符"
              "({other}‰):出生、死亡人数及出生率、死亡率、自然增长率按{fit_base}口径记录。",
        "en": "the {rate_label} '{text}' is {count_label} / {fit_base} ({fits}‰), not "
              "{count_label} / {other_base} ({other}‰): births, deaths and their rates are "
              "recorded on the basis of the {fit_base}.",
    },
    "ingest.extract.extract.police_register": {
        "zh": "{label}“{text}”出自公安户籍(常住户口)登记,是户籍人口,不是普查口径的常住人口,按总人口记录。",
        "en": "{label} '{text}' comes from the police household register (常住户口): it is the "
              "registered population, not the census's usual residents; recorded as the total "
              "population.",
    },
    "ingest.extract.extract.late_year": {
        "zh": "文中在这些数字之后才写明年份(“{text}”),按{year}年记录,请核对。",
        "en": "the text states the year only after these figures ('{text}'); recorded as {year}: "
              "check.",
    },
    "ingest.extract.rate_base.resident": {"zh": "常住人口", "en": "resident population"},
    "ingest.extract.rate_base.main": {"zh": "总人口", "en": "total population"},
    "ingest.extract.extract.conflict": {
        "zh": "{label}在同一地区、年份和人口口径下出现两个不同的数字:“{first}”(第{line1}行)"
              "与“{second}”(第{line2}行);保留前者,请核实。",
        "en": "{label} is stated twice with different numbers for the same place, year and "
              "series: '{first}' (line {line1}) and '{second}' (line {line2}); the first is kept: "
              "check which is right.",
    },
    "ingest.extract.extract.share_impossible": {
        "zh": "“{text}”:比率不可能超过100%,数字有误(乱码?)。",
        "en": "'{text}': a rate cannot exceed 100%; the number is wrong (garbled?).",
    },
    "ingest.extract.extract.share_implausible": {
        "zh": "“{text}”:百分比超过1000%,不合常理,数字可能有误(乱码?)。",
        "en": "'{text}': a percentage above 1000% is implausible; the number is probably garbled.",
    },
    "ingest.extract.extract.bad_date": {
        "zh": "“{text}”:月份大于12,日期有误(乱码?)。",
        "en": "'{text}': a month above 12; the date is garbled.",
    },
    "ingest.extract.extract.sex_ratio_ambiguous": {
        "zh": "“{text}”:未说明是出生人口性别比还是总人口性别比,未读取。",
        "en": "'{text}': not said whether this is the sex ratio at birth or of the population; "
              "not read.",
    },
    "ingest.extract.extract.masked_year": {
        "zh": "年份被隐去(“{text}”),其后的数字没有年份。",
        "en": "The year is masked ('{text}'); the figures that follow have no year.",
    },
    "ingest.extract.extract.negative": {
        "zh": "{label}“{text}”是负数,人数不可能为负,未读取。",
        "en": "{label} '{text}' is negative, which a count cannot be; not read.",
    },
    # explore (analysis.explore)
    "explore.card.years": {"zh": "{first}–{last}年", "en": "{first}–{last}"},
    "explore.card.latest": {"zh": "{year}年", "en": "{year}"},
    "explore.card.srb_pooled": {"zh": "{first}–{last}年合并性别比(95%区间)",
                                "en": "Sex ratio at birth pooled {first}–{last} (95% interval)"},
    "explore.card.findings": {"zh": "数据质量核查", "en": "Data-quality findings"},
    "explore.card.hint": {
        "zh": "可用方法:.indicators() 指标表 · .audit() 质量核查 · .forecast() 预测 · "
        ".plot_births() / .plot_srb() / .plot_forecast() 等图表",
        "en": "Methods: .indicators() · .audit() · .forecast() · .plot_births() / .plot_srb() "
        "/ .plot_forecast() and other charts",
    },
    "explore.dataset.title": {"zh": "数据集:{name}", "en": "Dataset: {name}"},
    "explore.dataset.summary": {"zh": "{n}个乡镇 · {counties} · {first}–{last}年 · {path}",
                                "en": "{n} townships · {counties} · {first}–{last} · {path}"},
    "explore.dataset.hint": {"zh": "查看一个乡镇:ds.township(\"{example}\")",
                             "en": "Open a township: ds.township(\"{example}\")"},
    "explore.dataset.invalid": {
        "zh": "以下乡镇的数据行有错误,暂不能分析(详见 .problems):{codes}",
        "en": "These townships have errors in their rows and cannot be analysed (see .problems): {codes}",
    },
    "explore.unknown_township": {"zh": "数据集“{dataset}”中没有乡镇“{query}”。{hint}",
                                 "en": "Township '{query}' is not in dataset '{dataset}'. {hint}"},
    "explore.did_you_mean": {"zh": "您是不是要找:{names}?", "en": "Did you mean: {names}?"},
    "explore.known_townships": {"zh": "可选乡镇:{names}。", "en": "Townships: {names}."},
    "explore.no_age_data": {
        "zh": "{township}没有年龄结构数据(age_structure.csv),无法绘制人口金字塔。",
        "en": "{township} has no age-structure data (age_structure.csv): no population pyramid.",
    },
    "explore.births.text": {
        "zh": "{last}年出生{births}人,比上年变化{change}({pct});{first}年为{first_births}人。",
        "en": "{births} births in {last}, a change of {change} ({pct}) on the year before; "
        "{first_births} in {first}.",
    },
    "explore.srb.period_pooled": {"zh": "{first}–{last}年合并", "en": "pooled over {first}–{last}"},
    "explore.srb.period_year": {"zh": "{year}年", "en": "in {year}"},
    "explore.srb.text": {
        "zh": "{period}出生人口性别比为{srb}(95%区间{lo}–{hi};男婴{male}人,女婴{female}人):{verdict}",
        "en": "Sex ratio at birth {period}: {srb} (95% interval {lo}–{hi}; {male} boys, "
        "{female} girls): {verdict}",
    },
    "explore.srb.above": {"zh": "整体高于正常范围103–107,不是随机波动。",
                          "en": "wholly above the normal 103–107 band, not chance."},
    "explore.srb.below": {"zh": "整体低于正常范围103–107,不是随机波动。",
                          "en": "wholly below the normal 103–107 band, not chance."},
    "explore.srb.within": {"zh": "在正常范围103–107之内。",
                           "en": "within the normal 103–107 band."},
    "explore.srb.noise": {
        "zh": "点值在正常范围103–107之外,但95%区间与正常范围重叠,可能只是随机波动。",
        "en": "outside the normal 103–107 band, but its 95% interval overlaps the band: "
        "this may be just chance.",
    },
    "explore.srb.short.above": {"zh": "偏高(超出随机波动)", "en": "high (beyond chance)"},
    "explore.srb.short.below": {"zh": "偏低(超出随机波动)", "en": "low (beyond chance)"},
    "explore.srb.short.within": {"zh": "正常范围内", "en": "normal"},
    "explore.srb.short.noise": {"zh": "可能是随机波动", "en": "may be chance"},
    "explore.col.reading": {"zh": "判断", "en": "Reading"},
    "explore.forecast.text": {"zh": "{year}年{series}预测为{mean}({intervals})。方法:{method}。",
                              "en": "{series} in {year}: forecast {mean} ({intervals}). "
                              "Method: {method}."},
    "explore.forecast.interval": {"zh": "{level}%预测区间{lo}–{hi}",
                                  "en": "{level}% interval {lo}–{hi}"},
    "explore.forecast.no_interval": {"zh": "数据太少,无法给出预测区间",
                                     "en": "too few data for an interval"},
    "explore.forecast.accuracy": {
        "zh": "回测({origins}个滚动起点)的平均绝对标度误差MASE为{mase},沿用上年值的朴素预测为{naive};越小越准。",
        "en": "Backtest over {origins} rolling origins: MASE {mase}, against {naive} for the "
        "naive forecast (last value); lower is better.",
    },
    "explore.method.auto": {"zh": "自动选择(按回测)", "en": "automatic (by backtest)"},
    "explore.method.naive": {"zh": "朴素(沿用上年值)", "en": "naive (last value)"},
    "explore.method.drift": {"zh": "漂移(线性趋势)", "en": "drift (linear trend)"},
    "explore.method.ets": {"zh": "指数平滑(ETS)", "en": "exponential smoothing (ETS)"},
    "explore.method.arima": {"zh": "ARIMA", "en": "ARIMA"},
    "explore.method.theta": {"zh": "Theta法", "en": "Theta"},
    "explore.method.combination": {"zh": "组合(ETS+ARIMA+Theta)",
                                   "en": "combination (ETS+ARIMA+Theta)"},
    "explore.method.gfr_x_women": {
        "zh": "出生人数 = 一般生育率 × 15–49岁妇女人数;一般生育率用{gfr}方法,妇女人数用{women}方法预测",
        "en": "births = general fertility rate × women aged 15–49, the rate forecast by {gfr}, "
        "the women by {women}",
    },
    "explore.method.chosen": {"zh": "{method}(按回测自动选择)", "en": "{method} (chosen by backtest)"},
    "explore.series.births": {"zh": "出生人数", "en": "Births"},
    "explore.series.total_population": {"zh": "年末总人口", "en": "Year-end population"},
    "explore.series.deaths": {"zh": "死亡人数", "en": "Deaths"},
    "explore.series.gfr_permille": {"zh": "一般生育率(‰)", "en": "General fertility rate (‰)"},
    "explore.series.women_15_49": {"zh": "15–49岁妇女人数", "en": "Women aged 15–49"},
    "explore.fan.title": {"zh": "{series}预测", "en": "{series}: forecast"},
    "explore.ctl.township": {"zh": "乡镇", "en": "Township"},
    "explore.ctl.indicator": {"zh": "指标", "en": "Indicator"},
    "explore.ctl.years": {"zh": "年份", "en": "Years"},
    "explore.ctl.method": {"zh": "预测方法", "en": "Method"},
    "explore.ctl.horizon": {"zh": "预测年数", "en": "Horizon"},
    "explore.ctl.language": {"zh": "语言", "en": "Language"},
    "explore.indicator.births": {"zh": "出生与死亡", "en": "Births and deaths"},
    "explore.indicator.population": {"zh": "年末总人口", "en": "Population"},
    "explore.indicator.rates": {"zh": "出生率与死亡率", "en": "Birth and death rates"},
    "explore.indicator.parity": {"zh": "出生孩次", "en": "Births by parity"},
    "explore.indicator.srb": {"zh": "出生人口性别比", "en": "Sex ratio at birth"},
    "explore.indicator.pyramid": {"zh": "人口金字塔", "en": "Population pyramid"},
    "explore.section.township": {"zh": "乡镇概况:{township}", "en": "Township: {township}"},
    "explore.section.forecast": {"zh": "预测:{township}", "en": "Forecast: {township}"},
    "explore.section.county": {"zh": "与{county}其他乡镇比较(漏斗图)",
                               "en": "Compared with the other townships of {county} (funnel plots)"},
    "explore.funnel.verdict": {"zh": "{township}:{verdict}。", "en": "{township}: {verdict}."},
    "explore.static": {
        "zh": "静态输出:当前没有交互式前端(例如由papermill运行),下面是默认选择的结果。"
        "在JupyterLab中打开本笔记本即可使用控件。",
        "en": "Static output: no interactive frontend (e.g. run by papermill), so this is the "
        "default selection. Open the notebook in JupyterLab to use the controls.",
    },
    # index page
    "index.title": {"zh": "{dataset}:乡镇统计附录索引", "en": "{dataset}: township appendices"},
    "index.intro": {
        "zh": "共{n}个乡镇,成功{ok}个,失败{failed}个。",
        "en": "{n} townships: {ok} succeeded, {failed} failed.",
    },
    "index.col.township": {"zh": "乡镇", "en": "Township"},
    "index.col.code": {"zh": "代码", "en": "Code"},
    "index.col.county": {"zh": "县(区)", "en": "County"},
    "index.col.status": {"zh": "状态", "en": "Status"},
    "index.col.year": {"zh": "最近年份", "en": "Latest year"},
    "index.col.population": {"zh": "年末总人口", "en": "Population"},
    "index.col.births": {"zh": "出生", "en": "Births"},
    "index.col.deaths": {"zh": "死亡", "en": "Deaths"},
    "index.col.links": {"zh": "附录", "en": "Appendix"},
    "index.col.cbr": {"zh": "出生率(‰)", "en": "CBR (‰)"},
    "index.col.srb": {"zh": "出生性别比(95%区间)", "en": "SRB (95% interval)"},
    "index.col.findings": {"zh": "数据问题", "en": "Findings"},
    "index.col.tfr": {"zh": "总和生育率", "en": "TFR"},
    "index.col.forecast": {"zh": "下年出生预测(95%区间)", "en": "Next year's births (95% interval)"},
    "index.counties": {"zh": "县级概览", "en": "County overviews"},
    "index.findings_legend": {
        "zh": "数据问题:错误 / 警告 / 提示 的条数(见各附录“数据质量核查”)。",
        "en": "Findings: number of errors / warnings / notes (see each appendix's data-quality audit).",
    },
    "index.col.error": {"zh": "错误", "en": "Error"},
    "index.link.notebook": {"zh": "笔记本", "en": "notebook"},
    "index.link.log": {"zh": "日志", "en": "log"},
    "status.ok": {"zh": "成功", "en": "ok"},
    "status.failed": {"zh": "失败", "en": "failed"},
    "status.skipped": {"zh": "跳过", "en": "skipped"},
}


def t(key: str, language: str = DEFAULT_LANGUAGE, /, **values: object) -> str:
    """Translate ``key`` into ``language`` and fill in ``values``.

    Raises ``KeyError`` for an unknown key or language: a missing translation is a bug that
    tests should catch, not something to paper over at run time.
    """
    if language not in LANGUAGES:
        raise KeyError(f"unknown language {language!r}; expected one of {LANGUAGES}")
    template = TABLE[key][language]
    return template.format(**values) if values else template
