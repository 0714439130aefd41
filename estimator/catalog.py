"""The task catalog: what a client can hand over, how long it takes, and whether it may be delegated.

Read from `data/catalog.toml`. Minutes are kept as exact fractions so that 0.6 minutes per journal
entry times 100 entries is exactly 60 minutes, and totals always equal the sum of their parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from .delegation import NotOffered, Profession, ReservedPart, read_not_offered, read_profession, read_professions
from .errors import DataError
from .records import Record, read_toml
from .season import NO_SEASON, Peak, Season, read_season
from .sources import MinuteSource, read_sources

# The order is part of the share-link format (periods are stored by index): add new periods at the end.
PERIODS = ("day", "week", "month", "once", "year")
PERIOD_NAMES = {"day": "1日あたり", "week": "1週あたり", "month": "1か月あたり", "once": "初回のみ", "year": "1年あたり"}
DELEGABILITY = ("ok", "partly", "reserved")
# Work this provider does not do at all (offline work): listed so that pages can say so, never estimated.
NOT_OFFERED = "not-offered"
TIME_UNIT = "時間"


@dataclass(frozen=True)
class MinuteRange:
    low: Fraction
    typical: Fraction
    high: Fraction


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    pillar: bool


@dataclass(frozen=True)
class ServiceKind:
    id: str
    name: str
    summary: str
    guide: str


@dataclass(frozen=True)
class Task:
    id: str
    name: str
    description: str
    category: str
    unit: str
    minutes_per_unit: MinuteRange
    default_quantity: Fraction
    default_period: str
    delegability: str
    profession: str | None
    reserved_note: str
    service_kinds: tuple[str, ...]
    guide: str
    sources: tuple[MinuteSource, ...]  # published figures the minutes rest on, or none
    assumption: str  # why the minutes are what they are, when no published figure was found
    subsidy_eligible: bool
    default_selected: bool
    season: Season = NO_SEASON
    reserved_parts: tuple[ReservedPart, ...] = ()  # when several professions share the reserved work

    @property
    def is_reserved(self) -> bool:
        return self.delegability == "reserved"

    @property
    def minutes_basis(self) -> str:
        """Where the minutes come from: "published" figures, an "assumed" value, the client's own "hours",
        or none at all because the work is "reserved" to a licensed profession."""
        if self.is_reserved:
            return "reserved"
        if self.in_hours:
            return "hours"
        return "published" if self.sources else "assumed"

    @property
    def in_hours(self) -> bool:
        """A task the client asks for in hours (リサーチ 10時間): that time already includes the talking."""
        return self.unit == TIME_UNIT


@dataclass(frozen=True)
class Catalog:
    categories: tuple[Category, ...]
    service_kinds: tuple[ServiceKind, ...]
    professions: tuple[Profession, ...]
    tasks: tuple[Task, ...]  # the work an estimate can hold
    not_offered: tuple[NotOffered, ...] = ()  # work the provider does not do: never in an estimate
    _tasks_by_id: dict[str, Task] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_tasks_by_id", {t.id: t for t in self.tasks})

    def task(self, task_id: str) -> Task:
        return self._tasks_by_id[task_id]

    def has_task(self, task_id: str) -> bool:
        return task_id in self._tasks_by_id

    def profession(self, profession_id: str) -> Profession:
        return next(p for p in self.professions if p.id == profession_id)

    def service_kind(self, kind_id: str) -> ServiceKind:
        return next(k for k in self.service_kinds if k.id == kind_id)

    def category(self, category_id: str) -> Category:
        return next(c for c in self.categories if c.id == category_id)

    def tasks_in(self, category_id: str) -> tuple[Task, ...]:
        return tuple(t for t in self.tasks if t.category == category_id)

    def not_offered_in(self, category_id: str) -> tuple[NotOffered, ...]:
        return tuple(t for t in self.not_offered if t.category == category_id)

    def not_offered_task(self, task_id: str) -> NotOffered | None:
        return next((t for t in self.not_offered if t.id == task_id), None)

    def reserved_by(self, task: Task) -> str:
        """Who may do the task's reserved work, with the law: 「税理士（税理士法第52条）」, or for shared work
        「作成は行政書士（行政書士法第19条）、争いのある案件や法的判断は弁護士（弁護士法第72条）」."""
        def named(profession_id: str) -> str:
            p = self.profession(profession_id)
            return f"{p.name}（{p.law}{p.article.split('（')[0]}）"
        if task.reserved_parts:
            return "、".join(f"{part.part}は{named(part.profession_id)}" for part in task.reserved_parts)
        return named(task.profession) if task.profession else ""

    def profession_names(self, task: Task) -> str:
        """「行政書士・弁護士」: every profession the task's reserved work belongs to."""
        ids = [part.profession_id for part in task.reserved_parts] or ([task.profession] if task.profession else [])
        return "・".join(self.profession(i).name for i in ids)


def load_catalog(path: Path) -> Catalog:
    root = Record(path.name, "(ファイル全体)", read_toml(path))
    categories = tuple(Category(r.text("id"), r.text("name"), r.flag("pillar")) for r in root.tables("categories"))
    kinds = tuple(
        ServiceKind(r.text("id"), r.text("name"), r.text("summary"), r.text("guide"))
        for r in root.tables("service_kinds")
    )
    professions = tuple(read_profession(r) for r in root.tables("professions"))
    context = _Context({c.id for c in categories}, {k.id for k in kinds}, {p.id for p in professions})
    records = root.tables("tasks")
    tasks = tuple(_task(r, context) for r in records if r.data.get("delegability") != NOT_OFFERED)
    not_offered = tuple(read_not_offered(r, context.category_ids) for r in records
                        if r.data.get("delegability") == NOT_OFFERED)
    return Catalog(categories, kinds, professions, tasks, not_offered)


@dataclass(frozen=True)
class _Context:
    category_ids: set[str]
    kind_ids: set[str]
    profession_ids: set[str]


def _task(r: Record, context: _Context) -> Task:
    delegability = r.choice("delegability", DELEGABILITY + (NOT_OFFERED,))  # not-offered ones never come here
    minutes = r.table("minutes_per_unit")
    low, typical, high = (minutes.number(name) for name in ("low", "typical", "high"))
    if not low <= typical <= high:
        raise r.fail("minutes_per_unit", "low ≤ typical ≤ high になっていません")
    profession, parts = read_professions(r, delegability, context.profession_ids)
    if r.data.get("unit") == TIME_UNIT and not low == typical == high == 60:
        raise r.fail("minutes_per_unit", "単位が「時間」の業務は low・typical・high を 60 にしてください")
    if delegability == "reserved" and high != 0:
        raise r.fail("minutes_per_unit", "独占業務（reserved）は時間を 0 にしてください")
    if delegability == "partly" and not r.data.get("reserved_note"):
        raise r.fail("reserved_note", "partly の業務には、頼めない部分の説明が必要です")
    kinds = r.texts("service_kinds")
    for kind in kinds:
        if kind not in context.kind_ids:
            raise r.fail("service_kinds", f"未知のサービス種別 {kind!r}")
    if delegability != "reserved" and not kinds:
        raise r.fail("service_kinds", "少なくとも1つのサービス種別が必要です")
    sources, assumption = _basis(r, delegability)
    return Task(
        id=r.text("id"),
        name=r.text("name"),
        description=r.text("description"),
        category=r.choice("category", context.category_ids),
        unit=r.text("unit"),
        minutes_per_unit=MinuteRange(low, typical, high),
        default_quantity=r.number("default_quantity"),
        default_period=r.choice("default_period", PERIODS),
        delegability=delegability,
        profession=profession,
        reserved_note=r.text("reserved_note", default=""),
        service_kinds=kinds,
        guide=r.text("guide"),
        sources=sources,
        assumption=assumption,
        subsidy_eligible=r.flag("subsidy_eligible", default=False),
        default_selected=r.flag("default_selected", default=False),
        season=read_season(r),
        reserved_parts=parts,
    )


def _basis(r: Record, delegability: str) -> tuple[tuple[MinuteSource, ...], str]:
    """The task's published figures or its assumption: exactly one for work that is estimated; neither for
    reserved work (it is never estimated) or work the client gives in hours (the hours are the client's)."""
    sources = read_sources(r)
    assumption = r.text("assumption", default="")
    if delegability == "reserved" or r.data.get("unit") == TIME_UNIT:
        if sources or assumption:
            raise r.fail("sources" if sources else "assumption", "独占業務と時間で頼む業務には、時間の出典も仮定も書きません")
    elif bool(sources) == bool(assumption.strip()):
        raise r.fail("sources", "時間の出典（[[tasks.sources]]）か仮定の理由（assumption）のどちらか一方が必要です")
    return sources, assumption


__all__ = ["Catalog", "Category", "DataError", "MinuteRange", "NotOffered", "Peak", "Profession", "ReservedPart",
           "Season", "ServiceKind", "Task", "load_catalog"]
