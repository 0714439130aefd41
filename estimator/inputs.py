"""What the user typed, checked field by field.

`parse_input` never raises for bad values: it first checks the request's shape (`REQUEST`: keys,
types, sizes), then each value, keeps every valid field, puts a neutral value in place of each bad
one, and returns the problems as Japanese messages tied to field paths, so the page can show them
next to the right field while the rest of the estimate keeps working.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .catalog import PERIOD_NAMES, PERIODS, Catalog
from .errors import FieldError, InputError, preview
from .hiring_input import HIRING_REQUEST, HiringFigures, parse_hiring
from .numbers import parse_quantity, parse_yen
from .units import quantity
from .shape import Either, Flag, ListOf, Null, Number, Record, Text, conform
from .text_limits import TEXT_LIMITS, check_text

PRIORITIES = ("must", "want", "nice")
PRIORITY_NAMES = {"must": "必須", "want": "できれば", "nice": "余裕があれば"}
VIDEO_CALL = ("yes", "no", "either")
VIDEO_CALL_NAMES = {"yes": "希望します", "no": "文章でのやり取りを希望します", "either": "どちらでもかまいません"}
MAX_QUANTITY = 10_000
MAX_BUDGET_YEN = 100_000_000
MAX_DAYS_AHEAD = 730
MAX_WEEKEND_HOURS = 200
_ANY_NUMBER = Number(-1e20, 1e20)
REQUEST = Record({
    "today": Text(32),
    "tasks": ListOf(Record({
        "id": Text(64), "selected": Flag(), "quantity": Either((Text(64), _ANY_NUMBER)),
        "period": Text(16), "priority": Text(16),
    }), max_items=500, key="id"),
    "budget_yen": Either((Text(64), _ANY_NUMBER, Null())),
    "profile": Record({
        **{field: Text(limit * 10) for field, limit in TEXT_LIMITS.items()},
        "contact_tool": Text(32), "video_call": Text(16), "desired_start": Text(32),
        "weekend_work": Flag(), "volume_fluctuates": Flag(), "whole_seasons": Flag(),
        "weekend_hours": Either((Text(64), _ANY_NUMBER)),
        "fiscal_month": Either((Text(8), _ANY_NUMBER)),
    }),
    "hiring": HIRING_REQUEST,
})


@dataclass(frozen=True)
class TaskChoice:
    task_id: str
    selected: bool
    quantity: Fraction
    period: str
    priority: str


@dataclass(frozen=True)
class Profile:
    name: str = ""
    industry: str = ""
    business: str = ""
    website: str = ""
    contact_tool: str = ""
    video_call: str = "either"
    desired_start: datetime.date | None = None
    weekend_work: bool = False
    weekend_hours: Fraction = Fraction(0)  # a month's weekend work, in hours (priced with its surcharge)
    fiscal_month: int | None = None  # the 決算月 (1-12), for work that follows the business year
    whole_seasons: bool = False  # a seasonal task the start cuts comes whole, in the first month
    volume_fluctuates: bool = False
    irregulars: str = ""
    notes: str = ""


@dataclass(frozen=True)
class EstimateInput:
    choices: tuple[TaskChoice, ...]
    budget_yen: int | None
    profile: Profile
    today: datetime.date
    hiring: HiringFigures = HiringFigures()

    @property
    def selected(self) -> tuple[TaskChoice, ...]:
        return tuple(c for c in self.choices if c.selected)


def volume_text(choice: TaskChoice, unit: str) -> str:
    """A choice's volume as the page and the inquiry say it: 「1か月あたり10件」."""
    return f"{PERIOD_NAMES[choice.period]}{quantity(choice.quantity)}{unit}"


def default_choices(catalog: Catalog) -> tuple[TaskChoice, ...]:
    """Every catalog task at its default volume and selection (the example estimate), priority できれば."""
    return tuple(TaskChoice(t.id, t.default_selected, t.default_quantity, t.default_period, "want") for t in catalog.tasks)


def parse_input(raw: Any, catalog: Catalog, work_tool_ids: frozenset[str],
                prefecture_ids: frozenset[str] = frozenset()) -> tuple[EstimateInput, tuple[FieldError, ...]]:
    """Turn a JSON-like dict into an EstimateInput, collecting one FieldError per bad field.

    `prefecture_ids`: the hiring comparison's prefectures (any id passes when empty)."""
    errors: list[FieldError] = []
    if raw is None:
        raw = {}
    raw = conform(raw, REQUEST, "", errors)
    if not isinstance(raw, dict):
        raw = {}
    today = _date(raw.get("today"), "today", errors) or datetime.date.today()
    choices = _choices(raw.get("tasks", []), catalog, errors)
    budget = _budget(raw.get("budget_yen"), errors)
    profile = _profile(raw.get("profile", {}), today, work_tool_ids, errors)
    hiring = parse_hiring(raw.get("hiring", {}), prefecture_ids, errors)
    return EstimateInput(choices, budget, profile, today, hiring), tuple(errors)


def validate_input(raw: Any, catalog: Catalog, work_tool_ids: frozenset[str]) -> EstimateInput:
    """Strict form of parse_input: the input, or an InputError naming every bad field."""
    parsed, errors = parse_input(raw, catalog, work_tool_ids)
    if errors:
        raise InputError(errors)
    return parsed


def _choices(raw: Any, catalog: Catalog, errors: list[FieldError]) -> tuple[TaskChoice, ...]:
    by_id = {c.task_id: c for c in default_choices(catalog)}
    seen: set[str] = set()
    for item in raw:
        if "id" not in item:
            errors.append(FieldError("tasks", "業務の指定に id がありません"))
            continue
        task_id = item["id"]
        if not catalog.has_task(task_id):
            offline = catalog.not_offered_task(task_id)  # listed on the pages, never estimated
            message = f"「{offline.name}」は当社ではお引き受けしていません" if offline else "この業務は一覧にありません"
            errors.append(FieldError(f"tasks.{preview(task_id, 40)}", message))
            continue
        if task_id in seen:
            errors.append(FieldError(f"tasks.{task_id}", "同じ業務が2回指定されています"))
            continue
        seen.add(task_id)
        by_id[task_id] = _choice(item, by_id[task_id], errors)
    return tuple(by_id.values())


def _choice(item: dict, default: TaskChoice, errors: list[FieldError]) -> TaskChoice:
    path = f"tasks.{default.task_id}"
    selected = item.get("selected", True)
    if not isinstance(selected, bool):
        errors.append(FieldError(f"{path}.selected", "選択の指定が正しくありません"))
        selected = False
    quantity = default.quantity
    if "quantity" in item:
        number = parse_quantity(item["quantity"])
        if isinstance(number, str):
            errors.append(FieldError(f"{path}.quantity", number or "件数は0以上の数字で入力してください"))
            quantity = Fraction(0)
        elif number > MAX_QUANTITY:
            errors.append(FieldError(f"{path}.quantity", f"件数は{MAX_QUANTITY:,}以下で入力してください"))
            quantity = Fraction(0)
        else:
            quantity = number
    period = item.get("period", default.period)
    if period not in PERIODS:
        errors.append(FieldError(f"{path}.period", "頻度は一覧から選んでください"))
        period = default.period
    priority = item.get("priority", default.priority)
    if priority not in PRIORITIES:
        errors.append(FieldError(f"{path}.priority", "優先度は「必須」「できれば」「余裕があれば」から選んでください"))
        priority = default.priority
    return TaskChoice(default.task_id, selected, quantity, period, priority)


def _budget(raw: Any, errors: list[FieldError]) -> int | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    number = parse_yen(raw)
    if isinstance(number, str) or number.denominator != 1:
        errors.append(FieldError("budget_yen", (number if isinstance(number, str) and number else
                                                "予算は円単位の金額で入力してください（例：60000、6万円）")))
        return None
    if number < 1:
        errors.append(FieldError("budget_yen", "予算は1円以上で入力してください。決まっていなければ空欄のままでかまいません"))
        return None
    if number > MAX_BUDGET_YEN:
        errors.append(FieldError("budget_yen", f"予算は{MAX_BUDGET_YEN:,}円以下で入力してください"))
        return None
    return int(number)


def _profile(raw: Any, today: datetime.date, tools: frozenset[str], errors: list[FieldError]) -> Profile:
    texts = {field: check_text(raw.get(field, ""), field, errors) for field in TEXT_LIMITS}
    tool = raw.get("contact_tool", "")
    if tool not in tools and tool not in ("", "other"):
        errors.append(FieldError("profile.contact_tool", "連絡ツールは一覧から選んでください"))
        tool = ""
    video = raw.get("video_call", "either") or "either"
    if video not in VIDEO_CALL:
        errors.append(FieldError("profile.video_call", "面談の希望は一覧から選んでください"))
        video = "either"
    desired = None
    if raw.get("desired_start"):
        desired = _date(raw["desired_start"], "profile.desired_start", errors)
        if desired is not None and not today <= desired <= today + datetime.timedelta(days=MAX_DAYS_AHEAD):
            errors.append(FieldError("profile.desired_start", "開始希望日は今日から2年以内の日付を選んでください"))
            desired = None
    flags = {}
    for field in ("weekend_work", "volume_fluctuates", "whole_seasons"):
        value = raw.get(field, False)
        if not isinstance(value, bool):
            errors.append(FieldError(f"profile.{field}", "チェックの指定が正しくありません"))
            value = False
        flags[field] = value
    weekend_hours = Fraction(0)
    if raw.get("weekend_hours") not in (None, ""):
        number = parse_quantity(raw["weekend_hours"])
        if isinstance(number, str) or number > MAX_WEEKEND_HOURS:
            errors.append(FieldError("profile.weekend_hours", number if isinstance(number, str) and number else
                                     f"土日・祝日の作業時間は、月に0〜{MAX_WEEKEND_HOURS}時間の数字で入力してください"))
        else:
            weekend_hours = number
    fiscal_month = None
    if raw.get("fiscal_month") not in (None, ""):
        number = parse_quantity(raw["fiscal_month"])
        if isinstance(number, str) or number.denominator != 1 or not 1 <= number <= 12:
            errors.append(FieldError("profile.fiscal_month", "決算月は1〜12の月を選んでください"))
        else:
            fiscal_month = int(number)
    return Profile(contact_tool=tool, video_call=video, desired_start=desired, weekend_hours=weekend_hours,
                   fiscal_month=fiscal_month, **flags, **texts)




def _date(value: Any, field: str, errors: list[FieldError]) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    if value is not None:
        errors.append(FieldError(field, "日付は「2026-12-01」の形で入力してください"))
    return None
