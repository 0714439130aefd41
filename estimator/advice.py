"""Which kind of service fits, with the reasons, and which ticked tasks are reserved to 士業.

The kind follows the hours: over the hiring threshold (40 h a week by default) hiring someone is
advised; otherwise each task's minutes count for the service kinds it suits (split evenly when it
suits several), and the kind with the largest share wins. The reasons name the figures that decided.
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
    threshold = terms.hire_threshold_hours_per_week
    one_off = estimate.one_off_work.typical + estimate.one_off_buffer.typical
    if per_week > threshold:
        kind = catalog.service_kind("hire")
        reasons = (
            f"毎月の作業は約{hours(monthly)}で、週あたり約{hours(per_week * 60)}です。",
            f"週{threshold}時間を超える業務量は、人を雇うことを考える目安です。社内にノウハウが残り、指示もしやすくなります。",
            "一方で、採用には求人の費用や社会保険料などの固定費がかかります。一部を外部に任せながら比べる方法もあります。",
        )
        return ServiceAdvice(kind.id, kind.name, kind.summary, kind.guide, reasons, shares, per_week)
    # Catalog order breaks ties, so the result never depends on dict ordering.
    best = max(catalog.service_kinds, key=lambda k: (weighted.get(k.id, Fraction(-1)), -catalog.service_kinds.index(k)))
    percent = next(s.percent for s in shares if s.kind_id == best.id)
    top = [name for _, name in sorted(contributors[best.id], key=lambda item: -item[0])[:3]]
    reasons = [f"選んだ業務の時間のうち約{percent}%が「{best.name}」に向いた業務です（{'、'.join(top)}）。"]
    if monthly:
        reasons.append(f"毎月の作業は約{hours(monthly)}（週あたり約{hours(per_week * 60)}）で、"
                       f"人を雇う目安の週{threshold}時間より少ない量です。")
    if one_off:
        reasons.append(f"初回のみの作業が約{hours(one_off)}あります。一度きりの作業は、人を雇うより外部に頼むほうが向いています。"
                       if not monthly else f"ほかに、初回のみの作業が約{hours(one_off)}あります。")
    if per_week * 4 > threshold * 3:
        reasons.append(f"週{threshold}時間に近い量です。業務が増えるなら、人を雇うことも比べてみてください。")
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
