"""Hiring compared in yen: what employing someone for the same work would cost a year, and from how
many hours a week it becomes cheaper than outsourcing.

A rough comparison from the client's own figures, with public defaults (data/hiring.toml, each with its
source and date, or marked as an assumption): pay, the employer's share of social and labour insurance
(by weekly hours: employment insurance from 20 hours a week, health and pension insurance from 30), the
commuting allowance, recruiting and equipment once, and the hours of supervision (shown in hours, not
yen). Outsourcing is priced with the provider's terms: the cheapest way to pay for a flat month, twelve
times, plus the setup fee. It is never advice on employment law: the rules for who must be insured
have more conditions than these two thresholds.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

from .pricing import cheapest_cost, with_tax
from .records import Record, cached_hash, read_toml
from .terms import Terms

APPLIES = ("always", "employment", "social")
BREAK_EVEN_STEP = Fraction(1, 2)  # weekly hours
BREAK_EVEN_MAX = 60


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str
    read_on: datetime.date
    note: str


@dataclass(frozen=True)
class Rate:
    name: str
    percent: Fraction
    applies: str
    source: str


@dataclass(frozen=True)
class Prefecture:
    id: str
    name: str
    minimum_wage_yen: int
    minimum_wage_from: datetime.date
    health_employer_percent: Fraction


@dataclass(frozen=True)
class Default:
    value: int
    source: str  # a source id, or "" for an assumption
    assumption: str


@dataclass(frozen=True)
class HiringData:
    sources: tuple[Source, ...]
    prefectures: tuple[Prefecture, ...]
    rates: tuple[Rate, ...]
    employment_insurance_weekly_hours: int
    social_insurance_weekly_hours: int
    default_prefecture: str
    hourly_wage: Default
    commuting: Default
    recruiting: Default
    equipment: Default
    supervision_percent: Default

    __hash__ = cached_hash

    def prefecture(self, prefecture_id: str) -> Prefecture:
        return next(p for p in self.prefectures if p.id == prefecture_id)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)


@dataclass(frozen=True)
class HiringInput:
    """The client's figures (or the defaults): hourly pay, or a monthly salary for a full-time employee."""

    prefecture_id: str
    hourly_wage_yen: int
    monthly_salary_yen: int | None
    commuting_yen_per_month: int
    recruiting_yen: int
    equipment_yen: int


@dataclass(frozen=True)
class HiringCost:
    weekly_hours: Fraction
    pay_yen: int  # a year
    insurance_yen: int  # a year, the employer's share
    commuting_yen: int  # a year
    one_time_yen: int  # recruiting and equipment
    employment_insured: bool
    social_insured: bool
    supervision_minutes_per_month: int

    @property
    def total_yen(self) -> int:
        return self.pay_yen + self.insurance_yen + self.commuting_yen + self.one_time_yen


def load_hiring(path: Path) -> HiringData:
    root = Record(path.name, "(ファイル全体)", read_toml(path))
    sources = tuple(Source(r.text("id"), r.text("title"), r.text("url"), r.date("read_on"), r.text("note", default=""))
                    for r in root.tables("sources"))
    source_ids = {s.id for s in sources}
    rates_table = root.table("rates", "[rates]")
    rates = []
    for name in rates_table.data:
        r = rates_table.table(name)
        rates.append(Rate(name, _percent(r, "percent"), r.choice("applies", APPLIES), r.choice("source", source_ids)))
    prefectures = tuple(
        Prefecture(r.text("id"), r.text("name"), r.integer("minimum_wage_yen", minimum=1), r.date("minimum_wage_from"),
                   _percent(r, "health_employer_percent"))
        for r in root.tables("prefectures"))
    defaults = root.table("defaults", "[defaults]")
    coverage = root.table("coverage", "[coverage]")
    return HiringData(
        sources=sources,
        prefectures=prefectures,
        rates=tuple(rates),
        employment_insurance_weekly_hours=coverage.integer("employment_insurance_weekly_hours", minimum=1, maximum=40),
        social_insurance_weekly_hours=coverage.integer("social_insurance_weekly_hours", minimum=1, maximum=40),
        default_prefecture=defaults.choice("prefecture", {p.id for p in prefectures}),
        hourly_wage=_default(defaults, "hourly_wage_yen", source_ids),
        commuting=_default(defaults, "commuting_yen_per_month", source_ids),
        recruiting=_default(defaults, "recruiting_yen", source_ids),
        equipment=_default(defaults, "equipment_yen", source_ids),
        supervision_percent=_default(defaults, "supervision_percent", source_ids),
    )


def _percent(r: Record, field: str) -> Fraction:
    text = r.text(field)
    try:
        value = Fraction(text)
    except ValueError:
        raise r.fail(field, f"数字の文字列（例：\"9.15\"）が必要です（{text!r}）") from None
    if not 0 <= value <= 100:
        raise r.fail(field, f"0〜100 の値が必要です（{text!r}）")
    return value


def _default(r: Record, field: str, source_ids: set[str]) -> Default:
    d = r.table(field)
    if ("source" in d.data) == ("assumption" in d.data):
        raise d.fail("source", "source（出典の id）か assumption（仮定の説明）のどちらか一方が必要です")
    source = d.choice("source", source_ids) if "source" in d.data else ""
    return Default(d.integer("value"), source, d.text("assumption", default=""))


def default_input(data: HiringData, prefecture_id: str | None = None) -> HiringInput:
    prefecture = data.prefecture(prefecture_id or data.default_prefecture)
    return HiringInput(prefecture.id, max(data.hourly_wage.value, prefecture.minimum_wage_yen), None,
                       data.commuting.value, data.recruiting.value, data.equipment.value)


def hiring_cost(weekly_hours: Fraction, given: HiringInput, data: HiringData, terms: Terms) -> HiringCost:
    """A year of employing someone for `weekly_hours` (40 hours for a monthly salary, whatever the work)."""
    salaried = given.monthly_salary_yen is not None
    hours = Fraction(40) if salaried else weekly_hours
    monthly_pay = given.monthly_salary_yen if salaried else given.hourly_wage_yen * hours * terms.weeks_per_month
    monthly_base = Fraction(monthly_pay) + given.commuting_yen_per_month
    employment = hours >= data.employment_insurance_weekly_hours
    social = hours >= data.social_insurance_weekly_hours
    percent = Fraction(0)
    for rate in data.rates:
        if rate.applies == "always" or (rate.applies == "employment" and employment) or (rate.applies == "social" and social):
            percent += rate.percent
    if social:
        percent += data.prefecture(given.prefecture_id).health_employer_percent
    supervision = hours * terms.weeks_per_month * 60 * data.supervision_percent.value / 100
    return HiringCost(
        weekly_hours=hours,
        pay_yen=int(monthly_pay * 12),
        insurance_yen=int(monthly_base * percent / 100 * 12),
        commuting_yen=given.commuting_yen_per_month * 12,
        one_time_yen=given.recruiting_yen + given.equipment_yen,
        employment_insured=employment,
        social_insured=social,
        supervision_minutes_per_month=supervision.__ceil__(),
    )


def outsourcing_year_yen(weekly_hours: Fraction, terms: Terms) -> int:
    """A flat year of `weekly_hours` with the provider: the cheapest month twelve times, and the setup fee."""
    minutes = (weekly_hours * terms.weeks_per_month * 60).__ceil__()
    month = cheapest_cost(minutes, terms.pricing).cost.gross_yen
    return month * 12 + with_tax(terms.setup_fee_yen, terms.pricing).gross_yen


@lru_cache(maxsize=32)
def break_even_weekly_hours(given: HiringInput, data: HiringData, terms: Terms) -> Fraction | None:
    """The fewest weekly hours (in half hours, up to 60) from which hiring costs no more than outsourcing
    and stays so up to 60 hours; None when that never happens in this range.

    Cached: it depends on the client's hiring figures only, not on the tasks that change with every input."""
    steps = [BREAK_EVEN_STEP * n for n in range(1, int(BREAK_EVEN_MAX / BREAK_EVEN_STEP) + 1)]
    cheaper = [hiring_cost(h, given, data, terms).total_yen <= outsourcing_year_yen(h, terms) for h in steps]
    if not cheaper[-1]:
        return None
    index = len(steps) - 1
    while index > 0 and cheaper[index - 1]:
        index -= 1
    return steps[index]
