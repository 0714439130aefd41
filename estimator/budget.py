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
from .estimate import HoursEstimate, line_minutes, units_per_month
from .inputs import TaskChoice
from .pricing import CostOption, affordable_minutes, cheapest_cost
from .terms import Terms
from .units import ceil_div

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


def fit_budget(budget_yen: int, hours: HoursEstimate, catalog: Catalog, terms: Terms) -> BudgetFit:
    """Compare the budget with the month of `hours` (the report's own estimate, not re-computed)."""
    pricing = terms.pricing
    option = cheapest_cost(hours.monthly_total.typical, pricing)
    gross = option.cost.gross_yen
    within = gross <= budget_yen
    return BudgetFit(
        budget_yen=budget_yen,
        option=option,
        within=within,
        over_by_yen=max(0, gross - budget_yen),
        headroom_yen=max(0, budget_yen - gross),
        affordable_minutes=affordable_minutes(budget_yen, pricing),
        proposal=None if within else propose(budget_yen, hours, catalog, terms),
    )


def propose(budget_yen: int, hours: HoursEstimate, catalog: Catalog, terms: Terms) -> Proposal:
    """Reduce tasks in PROPOSAL_ORDER until the month fits the budget (see the module docstring).

    Only one line changes per step, so the month's work is updated by that line's difference
    instead of re-estimating every task: the search stays fast with the whole catalog ticked.
    """
    monthly_lines = hours.monthly_lines
    line_minutes_by_task = {line.choice.task_id: line.minutes.typical for line in monthly_lines}
    work = hours.monthly_work.typical
    buffer_percent = terms.pricing.buffer_percent

    def option_for(work_minutes: int) -> CostOption:
        return cheapest_cost(option_minutes(work_minutes, buffer_percent), terms.pricing)

    def work_with(choice: TaskChoice, quantity: int) -> int:
        reduced = replace(choice, quantity=Fraction(quantity))
        task = catalog.task(choice.task_id)
        new_line = line_minutes(units_per_month(reduced, terms), task.minutes_per_unit).typical
        return work - line_minutes_by_task[choice.task_id] + new_line

    adjustments = []
    for choice in _reduction_order([line.choice for line in monthly_lines], line_minutes_by_task):
        best = _largest_fitting_quantity(
            choice.quantity.__ceil__(), lambda q: option_for(work_with(choice, q)).cost.gross_yen <= budget_yen)
        quantity = best if best is not None else 0
        reduced_work = work_with(choice, quantity)
        task = catalog.task(choice.task_id)
        saved = option_minutes(work, buffer_percent) - option_minutes(reduced_work, buffer_percent)
        adjustments.append(Adjustment(task.id, task.name, task.unit, choice.period, choice.priority,
                                      choice.quantity, Fraction(quantity), saved))
        work = reduced_work
        if best is not None:
            break
    option = option_for(work)
    must_work = sum(line.minutes.typical for line in monthly_lines if line.choice.priority == "must")
    return Proposal(
        adjustments=tuple(adjustments),
        monthly_minutes=option_minutes(work, buffer_percent),
        option=option,
        fits=option.cost.gross_yen <= budget_yen,
        must_only_option=option_for(must_work),
    )


def option_minutes(work_minutes: int, buffer_percent: int) -> int:
    """Work plus its buffer, rounded up as in estimate_hours."""
    return work_minutes + ceil_div(work_minutes * buffer_percent, 100)


def _reduction_order(choices: list[TaskChoice], minutes: dict[str, int]) -> list[TaskChoice]:
    candidates = [c for c in choices if minutes.get(c.task_id, 0) > 0 and c.priority in PROPOSAL_ORDER]
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
