"""Japanese formatting of yen, hours, quantities and dates, shared by every output."""

from __future__ import annotations

import datetime
import decimal
from fractions import Fraction

WEEKDAYS_JA = "月火水木金土日"


def yen(amount: int) -> str:
    return f"{amount:,}円"


def hours(minutes: int | Fraction) -> str:
    """Minutes as hours with one decimal, rounded half up: 125 → 「2.1時間」.

    Integer arithmetic on the fraction's terms (floor(m·10/60 + 1/2)): an estimate formats some thirty
    durations, and Fraction operators made this a quarter of an estimate's time."""
    exact = Fraction(minutes)
    return _tenths((exact.numerator * 10 + exact.denominator * 30) // (exact.denominator * 60))


def hours_adding_up(minutes: list[int]) -> list[str]:
    """Each duration in hours with one decimal, such that the shown figures add up to the shown total.

    Rounding each line on its own can leave the lines 0.1 h off their rounded total. Here the total is
    rounded half up as `hours` does, each line is rounded down to a tenth, and the tenths still missing
    go to the lines with the largest remainders (the earlier line on a tie): no line moves by more
    than 0.1 h from its own exact value."""
    total_tenths = (sum(minutes) * 10 + 30) // 60
    floors = [m * 10 // 60 for m in minutes]
    missing = total_tenths - sum(floors)
    order = sorted(range(len(minutes)), key=lambda i: (-(minutes[i] * 10 % 60), i))
    for i in order[:missing]:
        floors[i] += 1
    return [_tenths(t) for t in floors]


def _tenths(tenths: int) -> str:
    whole, tenth = divmod(tenths, 10)
    return f"{whole}時間" if tenth == 0 else f"{whole}.{tenth}時間"


def quantity(value: Fraction) -> str:
    """A quantity as typed, without trailing zeros: 3 → 「3」, 1.5 → 「1.5」, 2.00004 → 「2.00004」.

    Never rounded when it is a decimal (every quantity a client types is): a page that shows 「2時間」
    must price 2 hours. A fraction with no decimal end (none is typed) shows two decimals."""
    if value.denominator == 1:
        return f"{value.numerator:,}"
    rest = value.denominator
    for factor in (2, 5):
        while rest % factor == 0:
            rest //= factor
    if rest != 1:
        return f"{float(value):,.2f}".rstrip("0").rstrip(".")
    with decimal.localcontext() as context:
        context.prec = 60
        exact = decimal.Decimal(value.numerator) / decimal.Decimal(value.denominator)
    return f"{exact:,f}"


def date_ja(day: datetime.date) -> str:
    return f"{day_ja(day)}（{WEEKDAYS_JA[day.weekday()]}）"


def day_ja(day: datetime.date) -> str:
    """A date without its weekday: 「2026年12月1日」 (when a text was read, when a rate took effect)."""
    return f"{day.year}年{day.month}月{day.day}日"


def ceil_div(numerator: int, denominator: int) -> int:
    return -(-numerator // denominator)
