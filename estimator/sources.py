"""Where a task's minutes come from: published figures that were read, or an assumption with its reasons.

Each published figure is recorded as it was found (its page, the day it was read, the figure in the page's
own terms) and as minutes per unit of the catalog, with how the one becomes the other. A figure that the
catalog's typical minutes stay more than 30 % away from carries the reason (`differs`), so a reader can see
why the catalog did not simply take it (tests/engine/test_catalog_sources.py holds the catalog to that).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from fractions import Fraction

from .records import Record

# How far the catalog's typical minutes may stay from a published figure without a recorded reason.
AGREEMENT = Fraction(3, 10)


@dataclass(frozen=True)
class PublishedMinutes:
    """A published figure turned into minutes per unit: one value, or the range the page gives."""

    low: Fraction
    high: Fraction

    @property
    def middle(self) -> Fraction:
        return (self.low + self.high) / 2


@dataclass(frozen=True)
class MinuteSource:
    title: str
    url: str
    read_on: datetime.date
    figure: str  # the figure in the page's own terms
    minutes: PublishedMinutes
    conversion: str  # how the figure becomes minutes per unit
    differs: str = ""  # why the catalog's typical minutes stay more than 30 % away, when they do

    def agrees_with(self, typical: Fraction) -> bool:
        """True when `typical` is within 30 % of the figure (of the middle of a range)."""
        return abs(typical - self.minutes.middle) <= AGREEMENT * self.minutes.middle


def read_sources(r: Record) -> tuple[MinuteSource, ...]:
    """The task's `[[tasks.sources]]`, each checked field by field (errors name the task and the field)."""
    value = r.data.get("sources", [])
    if not isinstance(value, list):
        raise r.fail("sources", "[[tasks.sources]] の配列が必要です")
    return tuple(_source(Record(r.file, r.label, item, prefix=f"sources[{index}].")) for index, item in enumerate(value))


def _source(r: Record) -> MinuteSource:
    url, read_on = r.address(), r.read_day()
    return MinuteSource(
        title=r.text("title"),
        url=url,
        read_on=read_on,
        figure=r.text("figure"),
        minutes=_minutes(r),
        conversion=r.text("conversion"),
        differs=r.text("differs", default=""),
    )


def _minutes(r: Record) -> PublishedMinutes:
    """`minutes = 0.6` or `minutes = { low = 48, high = 72 }`: more than zero, low ≤ high."""
    if isinstance(r.data.get("minutes"), dict):
        span = r.table("minutes")
        low, high = span.number("low"), span.number("high")
    else:
        low = high = r.number("minutes")
    if low <= 0 or low > high:
        raise r.fail("minutes", "0 より大きく、low ≤ high の分数が必要です")
    return PublishedMinutes(low, high)
