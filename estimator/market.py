"""Other providers' published prices (data/market.toml), each with its page and the day it was read.

Not used by estimates: the guide's market section lists them, and a test keeps the sample plans of
terms.toml within them, so a sample never claims a price no provider asks. The file stays out of the
wheel, like search.toml; `load_market` is given its path.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from .records import Record, read_toml

MARKET_FILE = Path(__file__).resolve().parent / "data" / "market.toml"


@dataclass(frozen=True)
class MarketFigure:
    provider: str
    title: str
    url: str
    read_on: datetime.date
    figure: str  # what the page says, in its own terms
    hours: int | None  # a plan: hours a month and its fee (tax excluded)
    monthly_fee_yen: int | None
    yen_per_hour: tuple[Fraction, Fraction]  # the plan's fee per hour, or the rate range the page gives
    note: str

    @property
    def is_plan(self) -> bool:
        return self.hours is not None


def load_market(path: Path = MARKET_FILE) -> tuple[MarketFigure, ...]:
    root = Record(path.name, "(ファイル全体)", read_toml(path))
    return tuple(_figure(r) for r in root.tables("figures", id_field=None))


def _figure(r: Record) -> MarketFigure:
    url, read_on = r.address(), r.read_day()
    hours = fee = None
    if "hours" in r.data or "monthly_fee_yen" in r.data:
        if "yen_per_hour" in r.data:
            raise r.fail("yen_per_hour", "プラン（hours と monthly_fee_yen）か単価（yen_per_hour）のどちらか一方にしてください")
        hours, fee = r.integer("hours", minimum=1), r.integer("monthly_fee_yen", minimum=1)
        rate = (Fraction(fee, hours), Fraction(fee, hours))
    else:
        span = r.table("yen_per_hour")
        rate = (Fraction(span.integer("low", minimum=1)), Fraction(span.integer("high", minimum=1)))
        if rate[0] > rate[1]:
            raise span.fail("low", "low ≤ high にしてください")
    return MarketFigure(r.text("provider"), r.text("title"), url, read_on, r.text("figure"), hours, fee, rate,
                        r.text("note", default=""))
