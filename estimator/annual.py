"""A year, not a month: what each way to pay costs over the next twelve months.

The months and their minutes come from `seasons` (the year starts in the month of the estimated start).
Ways to pay over the year: pay-as-you-go, each plan for all twelve months, and, since the provider lets
a client change plan from the next month, the cheapest sequence of plans ("switch"), listed only when it
costs less than the best single plan. Plan hours left unused expire at the end of the month, or carry over
for `carry_over_months` months (oldest used first). Every month is taxed on its own net total; the setup
fee is part of the first month's where the terms charge it on that way to pay. Weekend work is priced on
each month's own minutes, at most the weekend hours asked for. A year on plans also meets the minimum term,
which is never longer than twelve months here (checked in the data).

The cheapest sequence is searched over every sequence of plans, each with the hours it carries over, so
it is never dearer than a single plan, and less work never makes it dearer (each sequence's cost falls
with the work, and so does the least of them). Taking each month's cheapest plan on its own is the same
when unused hours expire, but with carry-over a month on a smaller plan can leave the next month short.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .estimate import HoursEstimate
from .pricing import (HOURLY, NO_WEEKEND, Money, Weekend, cheapest, cost_options, month_options, option_cost,
                      round_up_minutes, with_tax)
from .seasons import MONTHS, Calendar, MonthHours, year_hours
from .terms import Plan, Terms
from .units import ceil_div

SWITCH = "switch"


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
    costs: tuple[YearCost, ...]  # pay-as-you-go, each plan, then "switch" when it costs less than every plan
    best: YearCost


Lots = tuple[tuple[int, int], ...]  # carried hours: (last month index they may be used in, minutes), oldest first
# The search keeps the sequences no other one beats; should more than this many remain (long carry-over and
# many plans), it falls back to each month's cheapest plan, priced with its carried hours.
MAX_SEQUENCES = 200


def _plan_month(month: MonthHours, index: int, plan: Plan, carried: Lots, terms: Terms, weekend: Weekend,
                setup: int) -> tuple[MonthCost, Lots]:
    """One month on `plan`: the carried hours used first (oldest first), then the plan's, then overage; and
    the carried hours left for the next month, with this month's unused plan hours if they carry over."""
    pricing = terms.pricing
    carried = tuple((last, left) for last, left in carried if last >= index)
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
    remaining = [(last, left) for last, left in remaining if last > index]  # what this month was the last for
    net = (plan.monthly_fee_yen + ceil_div(overage * plan.overage_yen_per_hour, 60)
           + weekend.surcharge_yen(month.minutes, pricing) + setup)
    cost = MonthCost(month.first_day, month.minutes, plan.id, plan.name, included, used_carry, overage, with_tax(net, pricing))
    return cost, tuple(remaining)


def _price(months: tuple[MonthHours, ...], option_ids: list[str], terms: Terms,
           weekend: Weekend = NO_WEEKEND) -> tuple[MonthCost, ...]:
    """Each month on its option; unused plan hours carried over under the provider's rule. The setup fee
    comes once, with the first month whose way to pay the terms charge it on."""
    pricing = terms.pricing
    plans = {plan.id: plan for plan in pricing.plans}
    carried: Lots = ()
    setup_paid = False
    out = []
    for index, (month, option_id) in enumerate(zip(months, option_ids)):
        setup = 0 if setup_paid else terms.setup_fee_for(option_id)
        setup_paid = setup_paid or setup > 0
        if option_id == HOURLY:
            option = option_cost(HOURLY, month.minutes, pricing, weekend.surcharge_yen(month.minutes, pricing))
            out.append(MonthCost(month.first_day, month.minutes, HOURLY, option.name, 0, 0, 0,
                                 with_tax(option.cost.net_yen + setup, pricing)))
            carried = ()
            continue
        cost, carried = _plan_month(month, index, plans[option_id], carried, terms, weekend, setup)
        out.append(cost)
    return tuple(out)


def _cheapest_sequence(months: tuple[MonthHours, ...], terms: Terms, weekend: Weekend) -> list[str]:
    """The plan for each month that makes the year cheapest, with the hours each month carries over.

    Month by month, every sequence so far is extended by every plan. A sequence is dropped when another
    costs no more and carries at least as many hours to each month they may be used in: whatever follows,
    the other never costs more (the carried hours are used oldest first, so more of them never hurts)."""
    if not terms.pricing.carry_over_months:  # months do not touch each other: each month's cheapest plan
        return [cheapest(month_options(month.minutes, terms.pricing, weekend)[1:]).id for month in months]
    plans = terms.pricing.plans
    sequences: list[tuple[int, Lots, list[str]]] = [(0, (), [])]  # (cost so far, carried hours, plans)
    for index, month in enumerate(months):
        following = []
        for total, carried, chosen in sequences:
            for plan in plans:
                cost, left = _plan_month(month, index, plan, carried, terms, weekend,
                                         terms.setup_fee_for(plan.id) if index == 0 else 0)
                following.append((total + cost.cost.gross_yen, left, chosen + [plan.id]))
        sequences = _undominated(following, index, terms.pricing.carry_over_months)
        if len(sequences) > MAX_SEQUENCES:
            return [cheapest(month_options(m.minutes, terms.pricing, weekend)[1:]).id for m in months]
    return sequences[0][2]


def _undominated(sequences: list[tuple[int, Lots, list[str]]], index: int,
                 months_carried: int) -> list[tuple[int, Lots, list[str]]]:
    """The sequences no other one beats, cheapest first (the earliest found on a tie). One beats another when
    it costs no more and, for every month ahead, carries at least as many hours usable in that month or
    later: an hour usable later can do all that one usable only sooner can."""
    kept: list[tuple[tuple[int, ...], tuple[int, Lots, list[str]]]] = []
    for sequence in sorted(sequences, key=lambda item: item[0]):
        usable = _usable_from(sequence[1], index, months_carried)
        if not any(all(o >= u for o, u in zip(other, usable)) for other, _ in kept):
            kept.append((usable, sequence))
    return [sequence for _, sequence in kept]


def _usable_from(carried: Lots, index: int, months_carried: int) -> tuple[int, ...]:
    """After month `index`: the carried minutes usable until each month ahead or later, latest month first."""
    by_last = dict(carried)
    sums, total = [], 0
    for last in range(index + months_carried, index, -1):
        total += by_last.get(last, 0)
        sums.append(total)
    return tuple(sums)


def estimate_year(hours: HoursEstimate, calendar: Calendar, terms: Terms, weekend: Weekend = NO_WEEKEND) -> YearEstimate:
    months = year_hours(hours, calendar)
    pricing = terms.pricing
    ids = [HOURLY, *(plan.id for plan in pricing.plans)]
    names = {option.id: option.name for option in cost_options(0, pricing)}
    costs = [YearCost(option_id, names[option_id], _price(months, [option_id] * MONTHS, terms, weekend))
             for option_id in ids]
    switch = _cheapest_sequence(months, terms, weekend)
    if len(set(switch)) > 1:
        switching = YearCost(SWITCH, "月ごとにプランを変える", _price(months, switch, terms, weekend))
        if switching.gross_yen < min(cost.gross_yen for cost in costs if cost.id != HOURLY):
            costs.append(switching)
    best = min(costs, key=lambda cost: cost.gross_yen)  # ties: the earlier, simpler way
    return YearEstimate(months, calendar.fiscal_end_month, tuple(costs), best)
