"""The hiring comparison's markers for the guides, filled by `data_tables` with the default figures.

- `<!-- term:hire-or-outsource -->`: the answer to 「人を雇うのと外注するのはどちらがよいですか」 in the
  provider's voice: the rule in money (the break-even for the default prefecture), one example, and what
  each choice gives and costs besides yen.
- `<!-- data:hire-or-outsource -->`: the first year's costs of both at several weekly loads, and every
  figure's source or assumption.
- `<!-- value:hire-break-even -->`: the break-even alone, 「週1.5時間」.
All of it is computed by `estimator.hiring` when the site is built, the same code the estimate runs.
"""

from __future__ import annotations

from fractions import Fraction

from estimator import hiring_text
from estimator.hiring import FULL_TIME_WEEKLY_HOURS, default_wage_yen, hiring_cost, outsourcing_year_yen
from estimator.units import day_ja, yen
from markdown_parts import table

EXAMPLE_WEEKLY_HOURS = 10
TABLE_WEEKLY_HOURS = (3, 10, 20, 30, 40)
PROVIDER = "当社"


def _conditions(data) -> str:
    given, _ = hiring_text.default_rule(data)
    h = data.hiring
    prefecture = h.prefecture(given.prefecture_id)
    markup = hiring_text.percent_text(h.wage_markup_percent.value)
    return (f"{prefecture.name}で、事務のパートを時給{yen(default_wage_yen(prefecture, h))}（最低賃金の{markup}%増し）で"
            f"雇う場合の目安です（従業員{h.coverage.large_company_employees - 1}人以下の会社）。\n1年目の給与、社会保険などの"
            "会社負担、通勤手当、採用とパソコンなどの費用を、当社の料金（税込）と比べています。")


def _costs(weekly_hours: int, data) -> tuple[int, int]:
    given, _ = hiring_text.default_rule(data)
    hire = hiring_cost(Fraction(weekly_hours), given, data.hiring, data.terms).total_yen
    return hire, outsourcing_year_yen(Fraction(weekly_hours), data.terms, given.taxable)


def hire_or_outsource(data) -> str:
    given, point = hiring_text.default_rule(data)
    hire, outsource = _costs(EXAMPLE_WEEKLY_HOURS, data)
    full_hire, full_outsource = _costs(FULL_TIME_WEEKLY_HOURS, data)
    supervision = hiring_cost(Fraction(EXAMPLE_WEEKLY_HOURS), given, data.hiring, data.terms).supervision_minutes_per_month
    items = hiring_text.differences(given, supervision, data)
    lines = [
        hiring_text.rule(point, PROVIDER),
        "",
        _conditions(data),
        "",
        f"たとえば週{EXAMPLE_WEEKLY_HOURS}時間の仕事なら、1年目の費用は、雇うと{yen(hire)}、当社では{yen(outsource)}です。",
        f"週{FULL_TIME_WEEKLY_HOURS}時間（フルタイムと同じ量）なら、雇うと{yen(full_hire)}、当社では{yen(full_outsource)}です。",
        "",
        f"お金のほかにも、次の違いがあります（週{EXAMPLE_WEEKLY_HOURS}時間の場合）。",
        "",
        *(f"- {item.aspect}\n    - 人を雇う：{item.hire}\n    - 当社：{item.outsource}" for item in items),
    ]
    return "\n".join(lines)


def hire_or_outsource_table(data) -> str:
    rows = []
    for weekly_hours in TABLE_WEEKLY_HOURS:
        hire, outsource = _costs(weekly_hours, data)
        cheaper = "人を雇う" if hire < outsource else "当社に頼む" if outsource < hire else "同じ"
        rows.append([f"週{weekly_hours}時間", yen(hire), yen(outsource), cheaper])
    _, point = hiring_text.default_rule(data)
    parts = [table(["毎月の仕事", "人を雇う場合（1年目）", "当社に頼む場合（1年・税込）", "安い方"], rows), "", _conditions(data) + "\n" + hiring_text.rule(point, PROVIDER), "",
             "計算に使った数字と出典：", ""]
    parts += [f"- {line}" for line in _source_lines(data)]
    return "\n".join(parts)


def _source_lines(data) -> list[str]:
    """Each figure with its value and sources (address, the day read), or as an assumption."""
    h = data.hiring
    prefecture = h.prefecture(h.default_prefecture)
    percent = hiring_text.percent_text
    lines = [f"{prefecture.name}の最低賃金：時給{yen(prefecture.minimum_wage_yen)}。{_cited(('minimum-wage',), data)}",
             f"健康保険料（{prefecture.name}）：会社負担{percent(prefecture.health_employer_percent)}%。"
             f"{_cited(('health-insurance',), data)}"]
    lines += [f"{rate.label}：会社負担{percent(rate.percent)}%。{_cited((rate.source,), data)}" for rate in h.rates]
    lines.append(f"保険に入る勤務時間：{_cited(h.coverage.sources, data)}")
    for label, default in (("時給", h.wage_markup_percent), ("通勤手当（週5日で1か月）", h.commuting_full_time),
                           ("1日の勤務時間", h.hours_per_day), ("採用の費用", h.recruiting),
                           ("パソコンなどの費用", h.equipment), ("教える時間", h.supervision_percent)):
        cited = _cited(default.sources, data)
        lines.append(f"{label}：{default.assumption}{cited}" if default.assumption
                     else f"{label}：{cited}")
    return lines


def _cited(source_ids, data) -> str:
    """「出典：[title](url)（2026年12月1日に確認）」, each source of the figure."""
    cited = [data.hiring.source(s) for s in source_ids]
    if not cited:
        return ""
    return "出典：" + "、".join(f"[{s.title}]({s.url})（{day_ja(s.read_on)}に確認）" for s in cited)


TERMS = {"hire-or-outsource": hire_or_outsource}
BLOCKS = {"hire-or-outsource": hire_or_outsource_table}


def break_even(data) -> str:
    point = hiring_text.default_rule(data)[1]
    return hiring_text.hiring_from_text(point.hiring_from) if point.hiring_from is not None else "週60時間を超える量"


VALUES = {"hire-break-even": break_even}
