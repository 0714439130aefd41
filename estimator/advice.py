"""Which kind of outside service fits, with the reasons, and which ticked tasks are reserved to 士業.

Each task's minutes count for the service kinds it suits (split evenly when it suits several), and the
kind with the largest share wins; the reasons name the figures that decided. Whether hiring someone would
cost less is not decided here by a rule of thumb: it is computed from the client's own figures over the
year (`hiring`), and the page adds that answer to this advice once the year is ready (`hiring_text.advice`).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .catalog import Catalog, Profession
from .estimate import HoursEstimate
from .terms import Terms
from .units import hours


@dataclass(frozen=True)
class KindShare:
    kind_id: str
    name: str
    percent: int


@dataclass(frozen=True)
class ServiceAdvice:
    kind_id: str
    name: str
    summary: str
    guide: str
    reasons: tuple[str, ...]
    shares: tuple[KindShare, ...]
    hours_per_week: Fraction


@dataclass(frozen=True)
class ReservedWarning:
    """A ticked task that is, wholly or in part, work only a licensed professional may do."""

    task_id: str
    task_name: str
    wholly_reserved: bool
    note: str
    profession: Profession  # the first, when several professions share the work
    profession_names: str = ""  # 「行政書士・弁護士」: every profession the work belongs to


def advise_service(estimate: HoursEstimate, catalog: Catalog, terms: Terms) -> ServiceAdvice | None:
    """None when no task with hours is ticked: there is nothing to advise on yet."""
    weighted: dict[str, Fraction] = {}
    contributors: dict[str, list[tuple[int, str]]] = {}
    for line in estimate.lines:
        minutes = line.minutes.typical
        if minutes <= 0 or not line.task.service_kinds:
            continue
        share = Fraction(minutes, len(line.task.service_kinds))
        for kind in line.task.service_kinds:
            weighted[kind] = weighted.get(kind, Fraction(0)) + share
            contributors.setdefault(kind, []).append((minutes, line.task.name))
    if not weighted:
        return None
    total = sum(weighted.values())
    monthly = estimate.monthly_total.typical
    shares = tuple(
        KindShare(kind.id, kind.name, round(weighted[kind.id] * 100 / total))
        for kind in catalog.service_kinds if kind.id in weighted
    )
    per_week = Fraction(monthly, 60) / terms.weeks_per_month
    one_off = estimate.one_off_work.typical + estimate.one_off_buffer.typical
    # Catalog order breaks ties, so the result never depends on dict ordering.
    best = max(catalog.service_kinds, key=lambda k: (weighted.get(k.id, Fraction(-1)), -catalog.service_kinds.index(k)))
    percent = next(s.percent for s in shares if s.kind_id == best.id)
    top = [name for _, name in sorted(contributors[best.id], key=lambda item: -item[0])[:3]]
    reasons = [f"選んだ業務の時間のうち約{percent}%が「{best.name}」に向いた業務です（{'、'.join(top)}）。"]
    if monthly:
        reasons.append(f"毎月の作業は約{hours(monthly)}（週あたり約{hours(per_week * 60)}）です。")
    if one_off:
        reasons.append(f"{'ほかに、' if monthly else ''}初回のみの作業が約{hours(one_off)}あります。")
    return ServiceAdvice(best.id, best.name, best.summary, best.guide, tuple(reasons), shares, per_week)


def reserved_warnings(estimate: HoursEstimate, catalog: Catalog) -> tuple[ReservedWarning, ...]:
    warnings = []
    for line in estimate.lines:
        task = line.task
        if task.delegability == "ok" or task.profession is None:
            continue
        profession = catalog.profession(task.profession)
        wholly = task.is_reserved
        note = (
            f"{catalog.reserved_by(task)}の独占業務です。見積もりの時間には含めていません。"
            if wholly else task.reserved_note
        )
        warnings.append(ReservedWarning(task.id, task.name, wholly, note, profession, catalog.profession_names(task)))
    return tuple(warnings)
