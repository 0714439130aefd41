"""When the work falls: each month's minutes from the task lines, from the month of the start on.

A month holds the monthly work (heavier in the peak months the catalog names), the one-off work in the
first month, and the yearly work in its season's months (calendar months, or months counted from the
client's 決算月), an equal share in each. Each line's month is computed from its exact minutes (units ×
minutes per unit, a fraction) times the month's factor, and rounded up to whole minutes once: rounding the
usual month first and the peak again would bill minutes nobody works. The buffer is added per month as
in `estimate`, so a month without peaks, seasons or one-off work is the usual month.

A start inside a season's run of months cuts it: starting on 15 December, the November half of the
年末調整 is before the start. That share is left out unless the client asks for the whole task, which
then comes in the first month (`SeasonCut`, said on the task's line).
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from fractions import Fraction

from .catalog import Season
from .estimate import HoursEstimate, TaskHours

MONTHS = 12
_ONE, _NONE = Fraction(1), Fraction(0)
DEFAULT_FISCAL_END_MONTH = 3  # the commonest 決算月 of Japanese companies; the page says so when it is assumed


@dataclass(frozen=True)
class MonthHours:
    first_day: datetime.date
    minutes: int  # work and buffer, as billed


@dataclass(frozen=True)
class SeasonCut:
    """A yearly task whose months began before the start: the months missed, the start, and whether the
    client asked for the whole task (the missed shares then come in the first month)."""

    task_id: str
    start: datetime.date
    missed_months: tuple[int, ...]  # calendar months before the start, in the order they came
    kept_months: tuple[int, ...]  # the run's months from the start on
    whole: bool


@dataclass(frozen=True)
class Calendar:
    """What places work in months: the start, the 決算月, and whether cut seasonal tasks come whole."""

    start: datetime.date
    fiscal_end_month: int = DEFAULT_FISCAL_END_MONTH
    whole_seasons: bool = False


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


def missed_months(season: Season, fiscal_end_month: int, start_month: int) -> tuple[int, ...]:
    """The months of the start month's run (consecutive season months) that come before it, oldest first."""
    months = season_months(season, fiscal_end_month)
    if len(months) == MONTHS or start_month not in months:
        return ()
    missed = []
    month = start_month
    while (month := (month - 2) % 12 + 1) in months:
        missed.insert(0, month)
    return tuple(missed)


def _kept_months(months: tuple[int, ...], start_month: int) -> tuple[int, ...]:
    kept = [start_month]
    while (month := kept[-1] % 12 + 1) in months and month != start_month:
        kept.append(month)
    return tuple(kept)


def season_cuts(hours: HoursEstimate, calendar: Calendar) -> tuple[SeasonCut, ...]:
    """The yearly lines whose season the start cuts (lines with no minutes are never cut)."""
    cuts = []
    for line in hours.yearly_lines:
        missed = missed_months(line.task.season, calendar.fiscal_end_month, calendar.start.month)
        if missed and line.minutes.typical > 0:
            kept = _kept_months(season_months(line.task.season, calendar.fiscal_end_month), calendar.start.month)
            cuts.append(SeasonCut(line.task.id, calendar.start, missed, kept, calendar.whole_seasons))
    return tuple(cuts)


def _peak_percent(season: Season, month: int, fiscal_end_month: int) -> int:
    return next((p.percent for p in season.peaks
                 if in_season(month, (p.month,) if p.month else (), () if p.month else (p.fiscal_offset,),
                              fiscal_end_month)), 100)


def line_factor(line: TaskHours, month: int, index: int, calendar: Calendar) -> Fraction:
    """The share of the line's exact minutes that month `index` (calendar `month`) carries."""
    if line.one_off:
        return _ONE if index == 0 else _NONE
    if line.yearly:
        months = season_months(line.task.season, calendar.fiscal_end_month)
        if month not in months:
            return _NONE
        shares = 1
        if index == 0 and calendar.whole_seasons:
            shares += len(missed_months(line.task.season, calendar.fiscal_end_month, month))
        return Fraction(shares, len(months))
    if not line.task.season.peaks:
        return _ONE
    return Fraction(_peak_percent(line.task.season, month, calendar.fiscal_end_month), 100)


def line_month_minutes(line: TaskHours, month: int, index: int, calendar: Calendar) -> int:
    """The line's minutes in one month, rounded up once after its factor."""
    factor = line_factor(line, month, index, calendar)
    if factor == 1:
        return line.minutes.typical  # the usual month's, already rounded up once from the same exact minutes
    return math.ceil(line.units_per_month * line.task.minutes_per_unit.typical * factor)


def month_hours(hours: HoursEstimate, index: int, calendar: Calendar) -> MonthHours:
    """Month `index` from the start (0 = the start's month), with the buffer added as in `estimate`."""
    first_day = add_months(calendar.start, index)
    buffered = plain = 0
    for line in hours.lines:
        minutes = line_month_minutes(line, first_day.month, index, calendar)
        if line.buffered:
            buffered += minutes
        else:
            plain += minutes
    return MonthHours(first_day, buffered + math.ceil(Fraction(buffered * hours.buffer_percent, 100)) + plain)


def year_hours(hours: HoursEstimate, calendar: Calendar) -> tuple[MonthHours, ...]:
    return tuple(month_hours(hours, index, calendar) for index in range(MONTHS))
