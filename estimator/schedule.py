"""The earliest realistic start date, counted in the provider's business days.

A business day is one of the provider's weekdays that is neither a Japanese public holiday
(jpholiday, pure Python, so it also runs in Pyodide) nor inside a yearly closed period such as
12/29-1/3. Each request step takes its number of business days after the previous one ends,
counting from the day of the inquiry; the last step is the start of work.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import jpholiday

from .terms import Step, Terms

ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class StepDate:
    step: Step
    date: datetime.date


@dataclass(frozen=True)
class StartPlan:
    with_video: bool
    inquiry_date: datetime.date
    steps: tuple[StepDate, ...]
    earliest_start: datetime.date
    desired_start: datetime.date | None
    start: datetime.date  # the later of the earliest start and the desired one, on a business day
    desired_too_early: bool

    @property
    def business_days(self) -> int:
        return sum(item.step.business_days for item in self.steps)


def is_business_day(day: datetime.date, terms: Terms) -> bool:
    return (
        day.isoweekday() in terms.business_weekdays
        and not jpholiday.is_holiday(day)
        and not any(period.contains(day) for period in terms.closed_periods)
    )


def next_business_day(day: datetime.date, terms: Terms) -> datetime.date:
    """The first business day on or after `day`."""
    while not is_business_day(day, terms):
        day += ONE_DAY
    return day


def add_business_days(day: datetime.date, count: int, terms: Terms) -> datetime.date:
    """The business day that comes `count` business days after `day` (`day` itself not counted)."""
    for _ in range(count):
        day = next_business_day(day + ONE_DAY, terms)
    return day


def route_steps(terms: Terms, with_video: bool) -> tuple[Step, ...]:
    wanted = ("both", "video" if with_video else "text")
    return tuple(step for step in terms.steps if step.route in wanted)


def plan_start(inquiry_date: datetime.date, terms: Terms, with_video: bool,
               desired_start: datetime.date | None = None) -> StartPlan:
    day = inquiry_date
    dated = []
    for step in route_steps(terms, with_video):
        day = add_business_days(day, step.business_days, terms)
        dated.append(StepDate(step, day))
    earliest = dated[-1].date
    start = earliest
    if desired_start is not None and desired_start > earliest:
        start = next_business_day(desired_start, terms)
    return StartPlan(
        with_video=with_video,
        inquiry_date=inquiry_date,
        steps=tuple(dated),
        earliest_start=earliest,
        desired_start=desired_start,
        start=start,
        desired_too_early=desired_start is not None and desired_start < earliest,
    )
