"""Does the estimate fit the monthly budget, and if not, what would?

The proposal changes only tasks the client marked 「余裕があれば」 or 「できれば」, in this order:
1. 余裕があれば before できれば; 必須 tasks are never touched;
2. within one priority, the task with the most monthly minutes first (largest saving, fewest changes);
   ties keep the catalog's order;
3. each task is reduced to the largest whole quantity that makes the month fit, or dropped (quantity 0)
   when even that is not enough, and the next task is tried.
It compares the budget (tax included) with the cheapest way to pay for the month's typical hours.
One-off hours are billed once and are not part of the monthly budget.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from .catalog import Catalog
from .estimate import estimate_hours
from .inputs import TaskChoice
from .pricing import CostOption, affordable_minutes, cheapest_cost
from .terms import Terms

PROPOSAL_ORDER = ("nice", "want")


@dataclass(frozen=True)
class Adjustment:
    task_id: str
    name: str
    unit: str
    period: str
    priority: str
    from_quantity: Fraction
    to_quantity: Fraction
    saved_minutes: int

    @property
    def dropped(self) -> bool:
        return self.to_quantity == 0


@dataclass(frozen=True)
class Proposal:
    adjustments: tuple[Adjustment, ...]
    monthly_minutes: int
    option: CostOption
    fits: bool
    must_only_option: CostOption  # what the 必須 tasks alone cost: the least budget that can fit


@dataclass(frozen=True)
class BudgetFit:
    budget_yen: int
    option: CostOption  # cheapest way to pay for the typical monthly hours
    within: bool
    over_by_yen: int
    headroom_yen: int
    affordable_minutes: int
    proposal: Proposal | None  # only when over budget


def monthly_typical_minutes(choices: tuple[TaskChoice, ...], catalog: Catalog, terms: Terms) -> int:
    return estimate_hours(choices, catalog, terms).monthly_total.typical


def fit_budget(budget_yen: int, choices: tuple[TaskChoice, ...], catalog: Catalog, terms: Terms) -> BudgetFit:
    pricing = terms.pricing
    option = cheapest_cost(monthly_typical_minutes(choices, catalog, terms), pricing)
    gross = option.cost.gross_yen
    within = gross <= budget_yen
    return BudgetFit(
        budget_yen=budget_yen,
        option=option,
        within=within,
        over_by_yen=max(0, gross - budget_yen),
        headroom_yen=max(0, budget_yen - gross),
        affordable_minutes=affordable_minutes(budget_yen, pricing),
        proposal=None if within else propose(budget_yen, choices, catalog, terms),
    )


def propose(budget_yen: int, choices: tuple[TaskChoice, ...], catalog: Catalog, terms: Terms) -> Proposal:
    def cost_of(candidate: tuple[TaskChoice, ...]) -> CostOption:
        return cheapest_cost(monthly_typical_minutes(candidate, catalog, terms), terms.pricing)

    def fits(candidate: tuple[TaskChoice, ...]) -> bool:
        return cost_of(candidate).cost.gross_yen <= budget_yen

    current = choices
    adjustments = []
    for choice in _reduction_order(choices, catalog, terms):
        index = current.index(choice)
        best = _largest_fitting_quantity(choice.quantity.__ceil__(), lambda q: fits(_with_quantity(current, index, q)))
        reduced = _with_quantity(current, index, best if best is not None else 0)
        saved = monthly_typical_minutes(current, catalog, terms) - monthly_typical_minutes(reduced, catalog, terms)
        task = catalog.task(choice.task_id)
        adjustments.append(Adjustment(task.id, task.name, task.unit, choice.period, choice.priority,
                                      choice.quantity, reduced[index].quantity, saved))
        current = reduced
        if best is not None:
            break
    musts = tuple(c if c.priority == "must" else replace(c, selected=False) for c in choices)
    return Proposal(
        adjustments=tuple(adjustments),
        monthly_minutes=monthly_typical_minutes(current, catalog, terms),
        option=cost_of(current),
        fits=fits(current),
        must_only_option=cost_of(musts),
    )


def _reduction_order(choices: tuple[TaskChoice, ...], catalog: Catalog, terms: Terms) -> list[TaskChoice]:
    estimate = estimate_hours(choices, catalog, terms)
    minutes = {line.choice.task_id: line.minutes.typical for line in estimate.monthly_lines}
    candidates = [c for c in choices if c.task_id in minutes and minutes[c.task_id] > 0 and c.priority in PROPOSAL_ORDER]
    return sorted(candidates, key=lambda c: (PROPOSAL_ORDER.index(c.priority), -minutes[c.task_id]))


def _largest_fitting_quantity(upper: int, fits) -> int | None:
    """The largest whole q below `upper` with fits(q), or None when not even 0 fits (fits is monotone)."""
    if upper <= 0 or not fits(0):
        return None
    low, high = 0, upper  # fits(low) holds; q >= high is not wanted (that is no reduction)
    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle):
            low = middle
        else:
            high = middle
    return low


def _with_quantity(choices: tuple[TaskChoice, ...], index: int, quantity: int) -> tuple[TaskChoice, ...]:
    return choices[:index] + (replace(choices[index], quantity=Fraction(quantity)),) + choices[index + 1:]
