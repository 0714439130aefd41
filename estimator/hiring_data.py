"""The public figures of the hiring comparison (data/hiring.toml), read and checked.

Every default names its sources ([[sources]], each with its address and the day it was read), or says
that it is an assumption (仮定) and why; an assumption may name the sources it was derived from. A
broken file stops the build with the file, the record and the field named, like the other data files.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from .records import Record, cached_hash, read_toml

# When a rate applies: to every employee, from the employment-insurance hours, to the socially insured,
# or to the socially insured aged 40-64 (介護保険).
APPLIES = ("always", "employment", "social", "care")


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
    label: str  # its Japanese name, for the list of sources
    percent: Fraction  # the employer's share, percent of pay and commuting allowance
    applies: str
    source: str


@dataclass(frozen=True)
class Prefecture:
    id: str
    name: str
    minimum_wage_yen: int
    minimum_wage_from: datetime.date
    health_employer_percent: Fraction
    clerical_wage_yen: int | None  # a sourced clerical part-time wage for this prefecture, where one is known
    clerical_wage_source: str


@dataclass(frozen=True)
class Default:
    """One default figure: its value, the sources it rests on, and, for an assumption, the reasoning."""

    value: Fraction
    sources: tuple[str, ...]
    assumption: str  # "" when the figure is a source's own

    @property
    def yen(self) -> int:
        return int(self.value)


@dataclass(frozen=True)
class Coverage:
    """From how many weekly hours the employer pays which insurance (see source ids in hiring.toml)."""

    employment_weekly_hours: int
    social_weekly_hours: int  # companies of up to `large_company_employees - 1` employees
    large_company_employees: int
    large_social_weekly_hours: int  # companies of `large_company_employees` or more
    large_social_monthly_wage_yen: int  # ... and a monthly wage (commuting excluded) of at least this much
    sources: tuple[str, ...]


@dataclass(frozen=True)
class HiringData:
    sources: tuple[Source, ...]
    prefectures: tuple[Prefecture, ...]
    rates: tuple[Rate, ...]
    coverage: Coverage
    default_prefecture: str
    wage_markup_percent: Default
    commuting_full_time: Default  # a month's allowance for five days a week
    hours_per_day: Default
    recruiting: Default
    equipment: Default
    supervision_percent: Default

    __hash__ = cached_hash

    def prefecture(self, prefecture_id: str) -> Prefecture:
        return next(p for p in self.prefectures if p.id == prefecture_id)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)


def load_hiring(path: Path) -> HiringData:
    root = Record(path.name, "(ファイル全体)", read_toml(path))
    sources = tuple(Source(r.text("id"), r.text("title"), r.address(), r.read_day(), r.text("note", default=""))
                    for r in root.tables("sources"))
    ids = {s.id for s in sources}
    rates_table = root.table("rates", "[rates]")
    rates = []
    for name in rates_table.data:
        r = rates_table.table(name)
        rates.append(Rate(name, r.text("label"), _percent(r, "percent"), r.choice("applies", APPLIES),
                          r.choice("source", ids)))
    prefectures = tuple(_prefecture(r, ids) for r in root.tables("prefectures"))
    defaults = root.table("defaults", "[defaults]")
    coverage = root.table("coverage", "[coverage]")
    return HiringData(
        sources=sources,
        prefectures=prefectures,
        rates=tuple(rates),
        coverage=Coverage(
            employment_weekly_hours=coverage.integer("employment_insurance_weekly_hours", minimum=1, maximum=40),
            social_weekly_hours=coverage.integer("social_insurance_weekly_hours", minimum=1, maximum=40),
            large_company_employees=coverage.integer("large_company_employees", minimum=2),
            large_social_weekly_hours=coverage.integer("large_company_social_insurance_weekly_hours", minimum=1,
                                                       maximum=40),
            large_social_monthly_wage_yen=coverage.integer("large_company_social_insurance_monthly_wage_yen"),
            sources=_source_ids(coverage, "sources", ids),
        ),
        default_prefecture=defaults.choice("prefecture", {p.id for p in prefectures}),
        wage_markup_percent=_default(defaults, "wage_markup_percent", ids, percent=True),
        commuting_full_time=_default(defaults, "commuting_full_time_yen_per_month", ids),
        hours_per_day=_default(defaults, "hours_per_day", ids),
        recruiting=_default(defaults, "recruiting_yen", ids),
        equipment=_default(defaults, "equipment_yen", ids),
        supervision_percent=_default(defaults, "supervision_percent", ids),
    )


def _prefecture(r: Record, source_ids: set[str]) -> Prefecture:
    clerical = r.integer("clerical_wage_yen", minimum=1) if "clerical_wage_yen" in r.data else None
    source = r.choice("clerical_wage_source", source_ids) if clerical is not None else ""
    return Prefecture(r.text("id"), r.text("name"), r.integer("minimum_wage_yen", minimum=1), r.date("minimum_wage_from"),
                      _percent(r, "health_employer_percent"), clerical, source)


def _percent(r: Record, field: str) -> Fraction:
    text = r.text(field)
    try:
        value = Fraction(text)
    except ValueError:
        raise r.fail(field, f"数字の文字列（例：\"9.15\"）が必要です（{text!r}）") from None
    if not 0 <= value <= 100:
        raise r.fail(field, f"0〜100 の値が必要です（{text!r}）")
    return value


def _source_ids(r: Record, field: str, source_ids: set[str]) -> tuple[str, ...]:
    chosen = r.texts(field)
    unknown = [s for s in chosen if s not in source_ids]
    if unknown:
        raise r.fail(field, f"[[sources]] にない id です（{', '.join(unknown)}）")
    return chosen


def _default(r: Record, field: str, source_ids: set[str], *, percent: bool = False) -> Default:
    """`{ value = …, source = "id" }`, or `{ value = …, assumption = "仮定：…", sources = ["id", …] }`."""
    d = r.table(field)
    if ("source" in d.data) == ("assumption" in d.data):
        raise d.fail("source", "source（出典の id）か assumption（仮定の説明）のどちらか一方が必要です")
    if "source" in d.data:
        sources, assumption = (d.choice("source", source_ids),), ""
    else:
        sources = _source_ids(d, "sources", source_ids) if "sources" in d.data else ()
        assumption = d.text("assumption")
    value = _percent(d, "value") if percent else Fraction(d.integer("value"))
    return Default(value, sources, assumption)
