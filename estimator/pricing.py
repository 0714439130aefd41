"""What a month of work costs: pay-as-you-go and each monthly plan, tax excluded and included.

All money is integer yen. Consumption tax is computed once on a month's net total and its fraction
of a yen is handled by the rule in terms.toml (`tax_rounding`, default: rounded down, 切り捨て).
A month may carry a surcharge (`surcharge_yen`, net: the extra for weekend work), the same whatever the
way to pay; it is part of the month's net total, so it is taxed with it. A month pays it on at most its
own minutes (`Weekend`): a month reduced to three hours cannot hold five weekend hours.
The first month is priced on its own cheapest way to pay (`first_months`): it carries one-off and seasonal
work, and the setup fee only on the ways the terms charge it on, so it may be cheapest on another way
than a usual month.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .terms import HOURLY, Plan, Pricing, Terms
from .units import ceil_div


@dataclass(frozen=True)
class Money:
    net_yen: int
    tax_yen: int
    gross_yen: int


@dataclass(frozen=True)
class FirstMonth:
    """The first month on one way to pay: its work (the usual month's, one-off work, the start month's
    seasonal work) on that way, plus the setup fee where the terms charge it, less a trial's fee where it
    counts toward the fee or the month.

    Tax is computed once on the month's whole net total, as on any month."""

    option: CostOption
    setup_fee_yen: int
    cost: Money
    trial_credit_yen: int = 0


@dataclass(frozen=True)
class Weekend:
    """The weekend hours a client asked for each month, in minutes, and their surcharge percent."""

    minutes: int = 0
    percent: int = 0

    def surcharge_yen(self, month_minutes: int, pricing: Pricing) -> int:
        """The month's extra (net): the weekend minutes, but never more than the month's own minutes."""
        if not (self.minutes and self.percent):
            return 0
        return surcharge(min(self.minutes, month_minutes), self.percent, pricing)


NO_WEEKEND = Weekend()


@dataclass(frozen=True)
class CostOption:
    """One way to pay for a month: `id` is "hourly" or a plan id."""

    id: str
    name: str
    included_minutes: int
    billed_minutes: int
    overage_minutes: int
    unused_minutes: int
    cost: Money
    surcharge_yen: int = 0  # net, included in `cost`


def tax(net_yen: int, pricing: Pricing) -> int:
    exact_numerator = net_yen * pricing.tax_rate_percent
    if pricing.tax_rounding == "floor":
        return exact_numerator // 100
    if pricing.tax_rounding == "ceil":
        return ceil_div(exact_numerator, 100)
    return (exact_numerator * 2 + 100) // 200  # half up


def with_tax(net_yen: int, pricing: Pricing) -> Money:
    amount = tax(net_yen, pricing)
    return Money(net_yen, amount, net_yen + amount)


def round_up_minutes(minutes: int, increment: int) -> int:
    return ceil_div(minutes, increment) * increment


def hourly_cost(minutes: int, pricing: Pricing, surcharge_yen: int = 0) -> CostOption:
    billed = round_up_minutes(minutes, pricing.hourly_increment_minutes)
    net = ceil_div(billed * pricing.hourly_rate_yen, 60) + surcharge_yen
    return CostOption(HOURLY, "従量制（スポット）", 0, billed, 0, 0, with_tax(net, pricing), surcharge_yen)


def plan_cost(minutes: int, plan: Plan, pricing: Pricing, surcharge_yen: int = 0) -> CostOption:
    included = plan.hours * 60
    overage = round_up_minutes(max(0, minutes - included), pricing.overage_increment_minutes)
    net = plan.monthly_fee_yen + ceil_div(overage * plan.overage_yen_per_hour, 60) + surcharge_yen
    return CostOption(plan.id, plan.name, included, included + overage, overage, max(0, included - minutes),
                      with_tax(net, pricing), surcharge_yen)


def surcharge(minutes: int, percent: int, pricing: Pricing) -> int:
    """The extra for `minutes` of work at `percent` of the hourly rate (weekend work), net, rounded up."""
    return ceil_div(minutes * pricing.hourly_rate_yen * percent, 60 * 100)


@lru_cache(maxsize=1024)
def cost_options(minutes: int, pricing: Pricing, surcharge_yen: int = 0) -> tuple[CostOption, ...]:
    """Pay-as-you-go first, then the plans in the order of the data file.

    Cached (the options are frozen): one estimate prices the same minutes several times (hours, budget fit,
    proposal), and the budget search below probes the same points for every budget the user types."""
    return (hourly_cost(minutes, pricing, surcharge_yen),
            *(plan_cost(minutes, plan, pricing, surcharge_yen) for plan in pricing.plans))


def cheapest(options: tuple[CostOption, ...]) -> CostOption:
    """The lowest price with tax; on a tie the earlier option (pay-as-you-go, then smaller plans)."""
    return min(options, key=lambda option: option.cost.gross_yen)


def cheapest_cost(minutes: int, pricing: Pricing, surcharge_yen: int = 0) -> CostOption:
    return cheapest(cost_options(minutes, pricing, surcharge_yen))


def month_options(minutes: int, pricing: Pricing, weekend: Weekend = NO_WEEKEND) -> tuple[CostOption, ...]:
    """Every way to pay for a month of `minutes`, with that month's own weekend surcharge."""
    return cost_options(minutes, pricing, weekend.surcharge_yen(minutes, pricing))


def month_cost(minutes: int, pricing: Pricing, weekend: Weekend = NO_WEEKEND) -> CostOption:
    """The cheapest way to pay for a month of `minutes`, with that month's own weekend surcharge."""
    return cheapest(month_options(minutes, pricing, weekend))


@lru_cache(maxsize=64)
def affordable_minutes(budget_gross_yen: int, pricing: Pricing, weekend: Weekend = NO_WEEKEND) -> int:
    """The most minutes of work a month that some option delivers within the budget (tax included).

    Cost never falls as minutes grow, so a binary search over billing increments finds the edge.
    Cached: the page asks again on every keystroke while the budget stays the same, and the search
    is the largest part of an estimate's time in the browser.
    """
    step = pricing.hourly_increment_minutes
    if month_cost(step, pricing, weekend).cost.gross_yen > budget_gross_yen:
        return 0
    low, high = 1, 1
    while month_cost(high * step, pricing, weekend).cost.gross_yen <= budget_gross_yen:
        low, high = high, high * 2
    while high - low > 1:
        middle = (low + high) // 2
        if month_cost(middle * step, pricing, weekend).cost.gross_yen <= budget_gross_yen:
            low = middle
        else:
            high = middle
    return low * step


def option_cost(option_id: str, minutes: int, pricing: Pricing, surcharge_yen: int = 0) -> CostOption:
    """One named way to pay (pay-as-you-go or a plan) for `minutes`."""
    if option_id == HOURLY:
        return hourly_cost(minutes, pricing, surcharge_yen)
    return plan_cost(minutes, next(p for p in pricing.plans if p.id == option_id), pricing, surcharge_yen)


def first_month_on(option: CostOption, terms: Terms, after_trial: bool = False) -> FirstMonth:
    """The first month on `option`: with the setup fee the terms charge on it, and, `after_trial`, with the
    trial's fee deducted where the terms count it toward the setup fee or the first month."""
    fee = terms.setup_fee_for(option.id)
    credit = 0
    if after_trial:
        trial = terms.trial
        if terms.setup_applies_to_trial:
            fee = 0  # paid with the trial, and not again
        if trial.fee_counts_toward == "setup-fee":
            credit = min(trial.fee_yen, fee)
        elif trial.fee_counts_toward == "first-month":
            credit = min(trial.fee_yen, option.cost.net_yen + fee)
    return FirstMonth(option, fee, with_tax(option.cost.net_yen + fee - credit, terms.pricing), credit)


def first_months(minutes: int, terms: Terms, weekend: Weekend = NO_WEEKEND,
                 after_trial: bool = False) -> tuple[FirstMonth, ...]:
    """The first month on each way to pay, in the order of `cost_options` (`minutes`: the month's work)."""
    return tuple(first_month_on(option, terms, after_trial) for option in month_options(minutes, terms.pricing, weekend))


def cheapest_first_month(months: tuple[FirstMonth, ...]) -> FirstMonth:
    """The lowest first month with tax; on a tie the earlier way (pay-as-you-go, then smaller plans)."""
    return min(months, key=lambda month: month.cost.gross_yen)


def fee_paid_later(first: FirstMonth, usual: CostOption, terms: Terms) -> Money | None:
    """When the first month is cheapest on a way the setup fee is not charged on, but the usual month's way
    has it: that fee is paid in the month the client changes to the usual way. What that month costs, as a
    usual month on that way with the fee; None when the fee is paid with the first month, or never."""
    fee = terms.setup_fee_for(usual.id)
    if not fee or first.setup_fee_yen or first.option.id == usual.id:
        return None
    return with_tax(usual.cost.net_yen + fee, terms.pricing)
