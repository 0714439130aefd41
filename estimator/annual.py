"""A year, not a month: the next twelve months of hours, and what each way to pay costs over them.

The year starts in the month of the estimated start. Each month holds the monthly work (heavier in the
peak months the catalog names), the one-off work in the first month, and the yearly work in its season's
months (calendar months, or months counted from the client's 決算月). Each line is rounded up to whole
minutes once and the buffer is added per month as in `estimate`, so a year without peaks, seasons or
one-off work is twelve copies of the usual month.

Ways to pay over the year: pay-as-you-go, each plan for all twelve months, and, since the provider lets
a client change plan from the next month, the cheapest plan month by month ("switch"). Plan hours left
unused expire at the end of the month, or carry over for `carry_over_months` months (oldest used first).
Every month is taxed on its own net total; the setup fee is part of the first month's. A year on plans
also meets the minimum term, which is never longer than twelve months here (checked in the data).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .catalog import Season
from .estimate import HoursEstimate, TaskHours
from .pricing import HOURLY, Money, cost_options, option_cost, round_up_minutes, with_tax
from .terms import Plan, Terms
from .units import ceil_div

MONTHS = 12
SWITCH = "switch"


@dataclass(frozen=True)
class MonthHours:
    first_day: datetime.date
    minutes: int  # work and buffer, as billed


@dataclass(frozen=True)
class MonthCost:
    first_day: datetime.date
    minutes: int
    option_id: str
    option_name: str
    included_minutes: int  # the plan's hours (0 on pay-as-you-go)
    carried_in_minutes: int  # unused hours of earlier months used this month
    overage_minutes: int
    cost: Money  # the setup fee is in the first month's


@dataclass(frozen=True)
class YearCost:
    id: str  # "hourly", a plan id, or "switch"
    name: str
    months: tuple[MonthCost, ...]

    @property
    def gross_yen(self) -> int:
        return sum(month.cost.gross_yen for month in self.months)


@dataclass(frozen=True)
class YearEstimate:
    months: tuple[MonthHours, ...]
    fiscal_end_month: int
    costs: tuple[YearCost, ...]  # pay-as-you-go, each plan, then "switch" when it differs from them all
    best: YearCost


def add_months(day: datetime.date, count: int) -> datetime.date:
    """The first day of the month `count` months after `day`'s month."""
    index = day.year * 12 + day.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def in_season(month: int, months: tuple[int, ...], fiscal_offsets: tuple[int, ...], fiscal_end_month: int) -> bool:
    if months:
        return month in months
    return any((fiscal_end_month - 1 + offset) % 12 + 1 == month for offset in fiscal_offsets)


def season_months(season: Season, fiscal_end_month: int) -> tuple[int, ...]:
    """The calendar months a yearly task's work falls in (all twelve when its season names none)."""
    chosen = tuple(m for m in range(1, 13) if in_season(m, season.months, season.fiscal_offsets, fiscal_end_month))
    return chosen or tuple(range(1, 13))


def _line_minutes(line: TaskHours, month: int, index: int, fiscal_end_month: int) -> int:
    minutes = line.minutes.typical
    if line.one_off:
        return minutes if index == 0 else 0
    if line.yearly:
        months = season_months(line.task.season, fiscal_end_month)
        return ceil_div(minutes, len(months)) if month in months else 0
    percent = next((p.percent for p in line.task.season.peaks
                    if in_season(month, (p.month,) if p.month else (), () if p.month else (p.fiscal_offset,),
                                 fiscal_end_month)), 100)
    return ceil_div(minutes * percent, 100)


def year_hours(hours: HoursEstimate, start: datetime.date, fiscal_end_month: int) -> tuple[MonthHours, ...]:
    months = []
    for index in range(MONTHS):
        first_day = add_months(start, index)
        buffered = plain = 0
        for line in hours.lines:
            minutes = _line_minutes(line, first_day.month, index, fiscal_end_month)
            if line.buffered:
                buffered += minutes
            else:
                plain += minutes
        months.append(MonthHours(first_day, buffered + ceil_div(buffered * hours.buffer_percent, 100) + plain))
    return tuple(months)


def _price(months: tuple[MonthHours, ...], option_ids: list[str], terms: Terms, surcharge_yen: int) -> tuple[MonthCost, ...]:
    """Each month on its option; unused plan hours carried over under the provider's rule."""
    pricing = terms.pricing
    plans = {plan.id: plan for plan in pricing.plans}
    carried: list[tuple[int, int]] = []  # (last month index it may be used in, minutes), oldest first
    out = []
    for index, (month, option_id) in enumerate(zip(months, option_ids)):
        carried = [(last, left) for last, left in carried if last >= index]
        setup = terms.setup_fee_yen if index == 0 else 0
        if option_id == HOURLY:
            option = option_cost(HOURLY, month.minutes, pricing, surcharge_yen)
            out.append(MonthCost(month.first_day, month.minutes, HOURLY, option.name, 0, 0, 0,
                                 with_tax(option.cost.net_yen + setup, pricing)))
            carried = []
            continue
        plan: Plan = plans[option_id]
        need, used_carry = month.minutes, 0
        remaining = []
        for last, left in carried:
            take = min(left, need)
            need, used_carry = need - take, used_carry + take
            if left > take:
                remaining.append((last, left - take))
        included = plan.hours * 60
        overage = round_up_minutes(max(0, need - included), pricing.overage_increment_minutes)
        unused = max(0, included - need)
        if pricing.carry_over_months and unused:
            remaining.append((index + pricing.carry_over_months, unused))
        carried = remaining
        net = plan.monthly_fee_yen + ceil_div(overage * plan.overage_yen_per_hour, 60) + surcharge_yen + setup
        out.append(MonthCost(month.first_day, month.minutes, plan.id, plan.name, included, used_carry, overage,
                             with_tax(net, pricing)))
    return tuple(out)


def estimate_year(hours: HoursEstimate, start: datetime.date, fiscal_end_month: int, terms: Terms,
                  surcharge_yen: int = 0) -> YearEstimate:
    months = year_hours(hours, start, fiscal_end_month)
    pricing = terms.pricing
    ids = [HOURLY, *(plan.id for plan in pricing.plans)]
    names = {option.id: option.name for option in cost_options(0, pricing)}
    costs = [YearCost(option_id, names[option_id], _price(months, [option_id] * MONTHS, terms, surcharge_yen))
             for option_id in ids]
    # The cheapest plan month by month (plan changes apply from the next month, so a known season can be
    # planned for); with carry-over the sequence is then priced with its carried hours.
    switch = [min(cost_options(month.minutes, pricing)[1:], key=lambda option: option.cost.gross_yen).id
              for month in months]
    if len(set(switch)) > 1:
        costs.append(YearCost(SWITCH, "月ごとにプランを変える", _price(months, switch, terms, surcharge_yen)))
    best = min(costs, key=lambda cost: cost.gross_yen)  # ties: the earlier, simpler way
    return YearEstimate(months, fiscal_end_month, tuple(costs), best)
