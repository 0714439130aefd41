"""The task catalog: what a client can hand over, how long it takes, and whether it may be delegated.

Read from `data/catalog.toml`. Minutes are kept as exact fractions so that 0.6 minutes per journal
entry times 100 entries is exactly 60 minutes, and totals always equal the sum of their parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from .errors import DataError
from .records import Record, read_toml

# The order is part of the share-link format (periods are stored by index): add new periods at the end.
PERIODS = ("day", "week", "month", "once", "year")
PERIOD_NAMES = {"day": "1日あたり", "week": "1週あたり", "month": "1か月あたり", "once": "初回のみ", "year": "1年あたり"}
DELEGABILITY = ("ok", "partly", "reserved")
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
class Profession:
    """A licensed profession whose reserved work an assistant may not do (士業の独占業務)."""

    id: str
    name: str
    law: str
    article: str
    reserved: str
    condition: str
    assistant_can: str
    ask_instead: str
    guide: str


@dataclass(frozen=True)
class Peak:
    """A month that carries more of a monthly task: a calendar `month`, or `fiscal_offset` months from the
    client's business-year end (0 = the 決算月). `percent` of a usual month."""

    month: int | None
    fiscal_offset: int | None
    percent: int


@dataclass(frozen=True)
class Season:
    """When in the year a task's work comes (see catalog.toml's header)."""

    months: tuple[int, ...] = ()
    fiscal_offsets: tuple[int, ...] = ()
    peaks: tuple[Peak, ...] = ()
    note: str = ""


NO_SEASON = Season()


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
    source: str
    subsidy_eligible: bool
    default_selected: bool
    season: Season = NO_SEASON

    @property
    def is_reserved(self) -> bool:
        return self.delegability == "reserved"

    @property
    def in_hours(self) -> bool:
        """A task the client asks for in hours (リサーチ 10時間): that time already includes the talking."""
        return self.unit == TIME_UNIT


@dataclass(frozen=True)
class Catalog:
    sources_checked: str
    categories: tuple[Category, ...]
    service_kinds: tuple[ServiceKind, ...]
    professions: tuple[Profession, ...]
    tasks: tuple[Task, ...]
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


def load_catalog(path: Path) -> Catalog:
    root = Record(path.name, "(ファイル全体)", read_toml(path))
    categories = tuple(Category(r.text("id"), r.text("name"), r.flag("pillar")) for r in root.tables("categories"))
    kinds = tuple(
        ServiceKind(r.text("id"), r.text("name"), r.text("summary"), r.text("guide"))
        for r in root.tables("service_kinds")
    )
    professions = tuple(_profession(r) for r in root.tables("professions"))
    context = _Context({c.id for c in categories}, {k.id for k in kinds}, {p.id for p in professions})
    tasks = tuple(_task(r, context) for r in root.tables("tasks"))
    return Catalog(root.text("sources_checked"), categories, kinds, professions, tasks)


@dataclass(frozen=True)
class _Context:
    category_ids: set[str]
    kind_ids: set[str]
    profession_ids: set[str]


def _profession(r: Record) -> Profession:
    return Profession(
        id=r.text("id"),
        name=r.text("name"),
        law=r.text("law"),
        article=r.text("article"),
        reserved=r.text("reserved"),
        condition=r.text("condition"),
        assistant_can=r.text("assistant_can"),
        ask_instead=r.text("ask_instead"),
        guide=r.text("guide"),
    )


def _task(r: Record, context: _Context) -> Task:
    minutes = r.table("minutes_per_unit")
    low, typical, high = (minutes.number(name) for name in ("low", "typical", "high"))
    if not low <= typical <= high:
        raise r.fail("minutes_per_unit", "low ≤ typical ≤ high になっていません")
    delegability = r.choice("delegability", DELEGABILITY)
    profession = r.data.get("profession")
    if delegability != "ok":
        profession = r.choice("profession", context.profession_ids)
    elif profession is not None:
        raise r.fail("profession", "delegability が ok の業務には指定できません")
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
        source=r.text("source"),
        subsidy_eligible=r.flag("subsidy_eligible", default=False),
        default_selected=r.flag("default_selected", default=False),
        season=_season(r),
    )


def _season(r: Record) -> Season:
    if "season" not in r.data:
        if r.data.get("default_period") == "year":
            raise r.fail("season", "1年あたりの業務には、時期（months か fiscal_offsets）が必要です")
        return NO_SEASON
    season = r.table("season")
    months = _integers(season, "months", 1, 12)
    offsets = _integers(season, "fiscal_offsets", -11, 11)
    if months and offsets:
        raise season.fail("months", "months と fiscal_offsets はどちらか一方にしてください")
    if r.data.get("default_period") == "year" and not (months or offsets):
        raise season.fail("months", "1年あたりの業務には、months か fiscal_offsets が必要です")
    peaks = []
    for index, item in enumerate(season.data.get("peaks", [])):
        peak = Record(season.file, season.label, item, prefix=f"{season.prefix}peaks[{index}].")
        month = peak.integer("month", minimum=1, maximum=12) if "month" in peak.data else None
        offset = peak.integer("fiscal_offset", minimum=-11, maximum=11) if "fiscal_offset" in peak.data else None
        if (month is None) == (offset is None):
            raise peak.fail("month", "month か fiscal_offset のどちらか一方が必要です")
        peaks.append(Peak(month, offset, peak.integer("percent", maximum=1000)))
    return Season(months, offsets, tuple(peaks), season.text("note"))


def _integers(r: Record, field: str, minimum: int, maximum: int) -> tuple[int, ...]:
    value = r.data.get(field, [])
    if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) and minimum <= v <= maximum
                                              for v in value) or len(set(value)) != len(value):
        raise r.fail(field, f"{minimum}〜{maximum} の整数の配列（重複なし）が必要です")
    return tuple(value)


__all__ = ["Catalog", "Category", "DataError", "MinuteRange", "Peak", "Profession", "Season", "ServiceKind", "Task",
           "load_catalog"]
