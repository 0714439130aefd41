"""Does the estimate fit the monthly budget, and if not, what would?

The proposal changes only tasks the client marked 「余裕があれば」 or 「できれば」, in this order:
1. 余裕があれば before できれば; 必須 tasks are never touched;
2. within one priority, the task with the most monthly minutes first (largest saving, fewest changes);
   ties keep the catalog's order;
3. each task is reduced to the largest whole quantity that makes the month fit, or dropped (quantity 0)
   when even that is not enough, and the next task is tried.
A month with no work left is not a proposal (it would "fit" at 0円): when only dropping every task
would fit, the proposal says so and names the smallest change instead, the one task to keep (the
higher priority first, then the most hours kept), or, when not even one unit of any task fits, what
the cheapest unit costs.
It compares the budget (tax included) with the cheapest way to pay for the month's typical hours, and
separately with the first month, which also carries the setup fee and the one-off work. Weekend work is
priced on each proposed month's own minutes, as on the estimate's month: a month cut to three hours pays
the weekend surcharge on at most three hours.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from .catalog import Catalog
from .estimate import HoursEstimate, TaskHours, line_minutes, units_per_month
from .inputs import TaskChoice
from .pricing import NO_WEEKEND, CostOption, FirstMonth, Money, Weekend, affordable_minutes, month_cost
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
class KeepOne:
    """The smallest change when only dropping every task would fit: keep this one task at this quantity."""

    task_id: str
    name: str
    unit: str
    period: str
    quantity: Fraction
    option: CostOption


@dataclass(frozen=True)
class Proposal:
    adjustments: tuple[Adjustment, ...]
    monthly_minutes: int
    option: CostOption
    fits: bool
    must_only_option: CostOption  # what the 必須 tasks alone cost: the least budget that can fit
    keep_one: KeepOne | None = None  # when nothing fits but an empty month
    cheapest_unit: CostOption | None = None  # when not even one unit of any task fits


@dataclass(frozen=True)
class BudgetFit:
    budget_yen: int
    option: CostOption  # cheapest way to pay for the typical monthly hours
    within: bool
    over_by_yen: int
    headroom_yen: int
    affordable_minutes: int
    proposal: Proposal | None  # only when over budget
    first_month_gross_yen: int  # the first month: setup fee and one-off work on top of the month
    first_month_over_by_yen: int
    fee_later_gross_yen: int | None = None  # the month the setup fee comes, when it is not the first
    fee_later_over_by_yen: int = 0

    @property
    def first_month_within(self) -> bool:
        return self.first_month_over_by_yen == 0


def fit_budget(budget_yen: int, hours: HoursEstimate, catalog: Catalog, terms: Terms,
               first_month: FirstMonth, weekend: Weekend = NO_WEEKEND, fee_later: Money | None = None) -> BudgetFit:
    """Compare the budget with the month of `hours` (the report's own estimate, not re-computed), with the
    first month (the report's `first_month`), and with the month the setup fee comes in when that is a
    later one (`fee_later`). `weekend`: the weekend work asked for."""
    pricing = terms.pricing
    option = month_cost(hours.monthly_total.typical, pricing, weekend)
    gross = option.cost.gross_yen
    within = gross <= budget_yen
    first = first_month.cost.gross_yen
    return BudgetFit(
        budget_yen=budget_yen,
        option=option,
        within=within,
        over_by_yen=max(0, gross - budget_yen),
        headroom_yen=max(0, budget_yen - gross),
        affordable_minutes=affordable_minutes(budget_yen, pricing, weekend),
        proposal=None if within else propose(budget_yen, hours, catalog, terms, weekend),
        first_month_gross_yen=first,
        first_month_over_by_yen=max(0, first - budget_yen),
        fee_later_gross_yen=None if fee_later is None else fee_later.gross_yen,
        fee_later_over_by_yen=0 if fee_later is None else max(0, fee_later.gross_yen - budget_yen),
    )


def propose(budget_yen: int, hours: HoursEstimate, catalog: Catalog, terms: Terms,
            weekend: Weekend = NO_WEEKEND) -> Proposal:
    """Reduce tasks in PROPOSAL_ORDER until the month fits the budget (see the module docstring).

    Only one line changes per step, so the month's work is updated by that line's difference
    instead of re-estimating every task: the search stays fast with the whole catalog ticked.
    Work is kept in two sums, with and without the buffer (tasks entered in hours have none).
    """
    monthly_lines = hours.monthly_lines
    lines = {line.choice.task_id: line for line in monthly_lines}
    work = _Work(sum(l.minutes.typical for l in monthly_lines if l.buffered),
                 sum(l.minutes.typical for l in monthly_lines if not l.buffered), terms.pricing.buffer_percent)

    def option_for(month: "_Work") -> CostOption:
        return month_cost(month.minutes, terms.pricing, weekend)

    def fits(month: "_Work") -> bool:
        return option_for(month).cost.gross_yen <= budget_yen

    adjustments = []
    fitted = False
    for choice in _reduction_order([line.choice for line in monthly_lines], lines):
        line = lines[choice.task_id]
        best = _largest_fitting_quantity(choice.quantity.__ceil__(), lambda q: fits(work.with_line(line, q, catalog, terms)))
        quantity = best if best is not None else 0
        reduced = work.with_line(line, quantity, catalog, terms)
        adjustments.append(Adjustment(line.task.id, line.task.name, line.task.unit, choice.period, choice.priority,
                                      choice.quantity, Fraction(quantity), work.minutes - reduced.minutes))
        work = reduced
        if best is not None:
            fitted = True
            break
    musts = [line for line in monthly_lines if line.choice.priority == "must"]
    must_work = _Work(sum(l.minutes.typical for l in musts if l.buffered),
                      sum(l.minutes.typical for l in musts if not l.buffered), terms.pricing.buffer_percent)
    proposal = Proposal(
        adjustments=tuple(adjustments),
        monthly_minutes=work.minutes,
        option=option_for(work),
        fits=fitted and work.minutes > 0,
        must_only_option=option_for(must_work),
    )
    if fitted and work.minutes == 0:  # only an empty month fits: name the smallest change instead
        return _keep_one(proposal, budget_yen, monthly_lines, catalog, terms, weekend)
    return proposal


@dataclass(frozen=True)
class _Work:
    """A month's work in two sums: with the buffer added, and without (tasks entered in hours)."""

    buffered: int
    plain: int
    buffer_percent: int

    @property
    def minutes(self) -> int:
        return option_minutes(self.buffered, self.buffer_percent) + self.plain

    def with_line(self, line: TaskHours, quantity: int, catalog: Catalog, terms: Terms) -> "_Work":
        """This month with `line` at `quantity` instead of its own quantity."""
        change = _minutes_at(line, quantity, catalog, terms) - line.minutes.typical
        if line.buffered:
            return replace(self, buffered=self.buffered + change)
        return replace(self, plain=self.plain + change)


def _minutes_at(line: TaskHours, quantity: int, catalog: Catalog, terms: Terms) -> int:
    """The typical minutes of `line`'s task at another quantity."""
    reduced = replace(line.choice, quantity=Fraction(quantity))
    return line_minutes(units_per_month(reduced, terms), catalog.task(line.choice.task_id).minutes_per_unit).typical


def _keep_one(proposal: Proposal, budget_yen: int, lines: tuple[TaskHours, ...], catalog: Catalog,
              terms: Terms, weekend: Weekend) -> Proposal:
    """The one task to keep, at the largest quantity that fits alone (higher priority, then more hours)."""
    best: tuple[tuple[int, int], KeepOne] | None = None
    cheapest: CostOption | None = None
    for line in lines:
        if line.minutes.typical <= 0:
            continue
        choice = line.choice

        def alone(quantity: int, line: TaskHours = line) -> int:
            minutes = _minutes_at(line, quantity, catalog, terms)
            work = _Work(minutes, 0, terms.pricing.buffer_percent) if line.buffered else _Work(0, minutes, 0)
            return work.minutes

        def cost(quantity: int) -> CostOption:
            return month_cost(alone(quantity), terms.pricing, weekend)

        one_unit = cost(1)
        if cheapest is None or one_unit.cost.gross_yen < cheapest.cost.gross_yen:
            cheapest = one_unit
        quantity = _largest_fitting_quantity(
            choice.quantity.__ceil__() + 1, lambda q: cost(q).cost.gross_yen <= budget_yen)
        if not quantity:
            continue
        rank = (PROPOSAL_ORDER.index(choice.priority), alone(quantity))  # できれば before 余裕があれば
        keep = KeepOne(line.task.id, line.task.name, line.task.unit, choice.period, Fraction(quantity),
                       cost(quantity))
        if best is None or rank > best[0]:
            best = (rank, keep)
    return replace(proposal, fits=False, keep_one=best[1] if best else None,
                   cheapest_unit=None if best else cheapest)


def option_minutes(work_minutes: int, buffer_percent: int) -> int:
    """Work plus its buffer, rounded up as in estimate_hours."""
    return work_minutes + ceil_div(work_minutes * buffer_percent, 100)


def _reduction_order(choices: list[TaskChoice], lines: dict[str, TaskHours]) -> list[TaskChoice]:
    minutes = {task_id: line.minutes.typical for task_id, line in lines.items()}
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
