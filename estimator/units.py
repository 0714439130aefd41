"""Japanese formatting of yen, hours, quantities and dates, shared by every output."""

from __future__ import annotations

import datetime
from fractions import Fraction

WEEKDAYS_JA = "月火水木金土日"


def yen(amount: int) -> str:
    return f"{amount:,}円"


def hours(minutes: int | Fraction) -> str:
    """Minutes as hours with one decimal, rounded half up: 125 → 「2.1時間」.

    Integer arithmetic on the fraction's terms (floor(m·10/60 + 1/2)): an estimate formats some thirty
    durations, and Fraction operators made this a quarter of an estimate's time."""
    exact = Fraction(minutes)
    tenths = (exact.numerator * 10 + exact.denominator * 30) // (exact.denominator * 60)
    whole, tenth = divmod(tenths, 10)
    return f"{whole}時間" if tenth == 0 else f"{whole}.{tenth}時間"


def quantity(value: Fraction) -> str:
    """A quantity without trailing zeros: 3 → 「3」, 1.5 → 「1.5」."""
    if value.denominator == 1:
        return f"{value.numerator:,}"
    return f"{float(value):,.2f}".rstrip("0").rstrip(".")


def date_ja(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日（{WEEKDAYS_JA[day.weekday()]}）"


def ceil_div(numerator: int, denominator: int) -> int:
    return -(-numerator // denominator)
