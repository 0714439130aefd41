"""Monthly and one-off hours from the tasks a client ticked.

Every line is rounded up to whole minutes once, from exact fractions, so the totals are plain sums
of the lines and never drift. Reserved tasks (士業の独占業務) appear as lines with zero minutes: they
are shown to the client but add no hours. The buffer for talking and rework (`buffer_percent`) is added
to the measured work only: a task the client enters in hours (リサーチ 10時間) gets none, because the
hours they name are the hours they want to pay for.
Three kinds of line: monthly work (per day, week or month), one-off work (初回のみ, in the first month)
and yearly work (1年あたり, in the months its season names; `annual` spreads it over the year). The
monthly figures are a usual month: they hold neither one-off nor yearly work.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .catalog import Catalog, MinuteRange, Task
from .inputs import TaskChoice
from .terms import Terms


@dataclass(frozen=True)
class MinuteTotals:
    low: int
    typical: int
    high: int

    def __add__(self, other: "MinuteTotals") -> "MinuteTotals":
        return MinuteTotals(self.low + other.low, self.typical + other.typical, self.high + other.high)

    def percent(self, percent: int) -> "MinuteTotals":
        """This share of each bound, rounded up to whole minutes."""
        return MinuteTotals(*(-(-value * percent // 100) for value in (self.low, self.typical, self.high)))


ZERO = MinuteTotals(0, 0, 0)


@dataclass(frozen=True)
class TaskHours:
    task: Task
    choice: TaskChoice
    units_per_month: Fraction  # for a one-off task: the units done once
    minutes: MinuteTotals

    @property
    def one_off(self) -> bool:
        return self.choice.period == "once"

    @property
    def yearly(self) -> bool:
        return self.choice.period == "year"

    @property
    def monthly(self) -> bool:
        return not (self.one_off or self.yearly)

    @property
    def buffered(self) -> bool:
        return not self.task.in_hours


@dataclass(frozen=True)
class HoursEstimate:
    lines: tuple[TaskHours, ...]
    buffer_percent: int
    monthly_work: MinuteTotals
    monthly_buffer: MinuteTotals
    monthly_total: MinuteTotals
    setup_minutes: int
    one_off_work: MinuteTotals
    one_off_buffer: MinuteTotals
    initial_total: MinuteTotals
    yearly_work: MinuteTotals
    yearly_buffer: MinuteTotals

    @property
    def monthly_lines(self) -> tuple[TaskHours, ...]:
        return tuple(line for line in self.lines if line.monthly)

    @property
    def yearly_lines(self) -> tuple[TaskHours, ...]:
        return tuple(line for line in self.lines if line.yearly)

    @property
    def one_off_lines(self) -> tuple[TaskHours, ...]:
        return tuple(line for line in self.lines if line.one_off)


def units_per_month(choice: TaskChoice, terms: Terms) -> Fraction:
    """How many units a month a per-day or per-week quantity means (per business day, 4.3 weeks)."""
    factor = {"day": terms.business_days_per_month, "week": terms.weeks_per_month}.get(choice.period, Fraction(1))
    return choice.quantity * factor


def line_minutes(units: Fraction, per_unit: MinuteRange) -> MinuteTotals:
    return MinuteTotals(*((units * bound).__ceil__() for bound in (per_unit.low, per_unit.typical, per_unit.high)))


def estimate_hours(choices: tuple[TaskChoice, ...], catalog: Catalog, terms: Terms) -> HoursEstimate:
    lines = []
    for choice in choices:
        if not choice.selected:
            continue
        task = catalog.task(choice.task_id)
        units = units_per_month(choice, terms)
        lines.append(TaskHours(task, choice, units, line_minutes(units, task.minutes_per_unit)))
    buffer_percent = terms.pricing.buffer_percent
    monthly_work, monthly_buffer = _work_and_buffer([line for line in lines if line.monthly], buffer_percent)
    one_off_work, one_off_buffer = _work_and_buffer([line for line in lines if line.one_off], buffer_percent)
    yearly_work, yearly_buffer = _work_and_buffer([line for line in lines if line.yearly], buffer_percent)
    handed_over = sum(1 for line in lines if not line.task.is_reserved and not line.one_off and line.choice.quantity > 0)
    setup = terms.setup_handover_minutes + terms.setup_minutes_per_task * handed_over if handed_over else 0
    return HoursEstimate(
        lines=tuple(lines),
        buffer_percent=buffer_percent,
        monthly_work=monthly_work,
        monthly_buffer=monthly_buffer,
        monthly_total=monthly_work + monthly_buffer,
        setup_minutes=setup,
        one_off_work=one_off_work,
        one_off_buffer=one_off_buffer,
        initial_total=one_off_work + one_off_buffer + MinuteTotals(setup, setup, setup),
        yearly_work=yearly_work,
        yearly_buffer=yearly_buffer,
    )


def _work_and_buffer(lines: list[TaskHours], buffer_percent: int) -> tuple[MinuteTotals, MinuteTotals]:
    """The lines' work, and the buffer on the part of it that gets one (see the module docstring)."""
    return _sum(line.minutes for line in lines), _sum(line.minutes for line in lines if line.buffered).percent(buffer_percent)


def _sum(items) -> MinuteTotals:
    total = ZERO
    for item in items:
        total = total + item
    return total
