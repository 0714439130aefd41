"""Hiring against the provider: the client's year side by side, and where hiring becomes the cheaper choice
for a steady amount of work (the rule the estimate, the FAQ and the guides state).

The break-even is exact, not sampled. With the same hours every month, the provider's year depends only on
the month's billed minutes m (a step function that never falls as m grows), and hiring's year only on the
weekly hours h = m ÷ (weeks per month × 60) (it never falls as h grows either). So within the hours that
bill as m minutes, hiring costs most at the top and the provider the same throughout: hiring is cheaper for
all of them when it is at the top, and the provider for all of them when it is cheaper than hiring at the
bottom. Half-hour cells are settled at their two ends; only a cell where the ends disagree is checked
minute by minute.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from .hiring import HiringCost, HiringInput, hiring_cost, outsourcing_year_for_minutes
from .hiring_data import HiringData
from .terms import Terms

BREAK_EVEN_MAX = 60  # weekly hours: beyond full time with overtime, no comparison is meaningful


@dataclass(frozen=True)
class BreakEven:
    """For a steady amount of work, in weekly hours (exact fractions):
    hiring costs no more for every amount above `hiring_from` (None: not even at 60 hours a week), and the
    provider costs less for every amount up to `outsourcing_to` (0 when not even for the smallest)."""

    hiring_from: Fraction | None
    outsourcing_to: Fraction


@dataclass(frozen=True)
class HiringComparison:
    """Employing someone for this client's work (its yearly average hours a week) against the year's
    cheapest way to pay the provider for the same work, both with or both without tax."""

    given: HiringInput
    weekly_hours: Fraction
    cost: HiringCost
    outsourcing_yen: int
    break_even: BreakEven
    varies: bool  # the months differ (a season, one-off work in the first month)
    surcharged: bool  # the provider's year holds a weekend surcharge

    @property
    def steady(self) -> bool:
        """A year the rule describes exactly: the same hours and fees every month."""
        return not (self.varies or self.surcharged)

    @property
    def hiring_saves_yen(self) -> int:
        """How much less hiring costs in the first year (negative: how much more)."""
        return self.outsourcing_yen - self.cost.total_yen


def compare(given: HiringInput, month_minutes: tuple[int, ...], outsourcing_yen: int, data: HiringData,
            terms: Terms, surcharged: bool = False) -> HiringComparison:
    """The comparison for a year of `month_minutes` of work that costs `outsourcing_yen` with the provider
    (tax included, or net for a 課税事業者, as `given.taxable` says; `surcharged`: weekend work included)."""
    weekly = Fraction(sum(month_minutes), len(month_minutes) * 60) / terms.weeks_per_month
    return HiringComparison(given, weekly, hiring_cost(weekly, given, data, terms), outsourcing_yen,
                            break_even(given, data, terms), len(set(month_minutes)) > 1, surcharged)


@lru_cache(maxsize=32)
def break_even(given: HiringInput, data: HiringData, terms: Terms) -> BreakEven:
    """Cached: it depends on the client's hiring figures only, not on the tasks that change with every input."""
    per_hour = terms.weeks_per_month * 60  # monthly minutes per weekly hour

    @lru_cache(maxsize=None)
    def hiring(minutes: int) -> int:
        return hiring_cost(Fraction(minutes) / per_hour, given, data, terms).total_yen

    @lru_cache(maxsize=None)
    def provider(minutes: int) -> int:
        return outsourcing_year_for_minutes(minutes, terms, given.taxable)

    def last_hiring_loss(low: int, high: int) -> int | None:
        """The highest m in (low, high] at which hiring does not cost less for every amount billed as m."""
        if hiring(high) <= provider(low + 1):  # hiring at its dearest against the provider at its cheapest
            return None
        if high - low == 1:
            return high
        middle = (low + high) // 2
        upper = last_hiring_loss(middle, high)
        return upper if upper is not None else last_hiring_loss(low, middle)

    def first_provider_loss(low: int, high: int) -> int | None:
        """The lowest m in (low, high] at which the provider does not cost less for every amount billed as m."""
        if provider(high) < hiring(low):  # the provider at its dearest against hiring at its cheapest
            return None
        if high - low == 1:
            return high
        middle = (low + high) // 2
        lower = first_provider_loss(low, middle)
        return lower if lower is not None else first_provider_loss(middle, high)

    top = (BREAK_EVEN_MAX * per_hour).__ceil__()
    last_loss = last_hiring_loss(0, top)
    first_loss = first_provider_loss(0, top)
    hiring_from = None if last_loss == top else Fraction(last_loss or 0) / per_hour
    return BreakEven(hiring_from, Fraction((top + 1 if first_loss is None else first_loss) - 1) / per_hour)
