"""What the user typed, checked field by field.

`parse_input` never raises for bad values: it keeps every valid field, puts a neutral value in
place of each bad one, and returns the problems as Japanese messages tied to field paths, so the
page can show them next to the right field while the rest of the estimate keeps working.
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .catalog import PERIODS, Catalog
from .errors import FieldError, InputError, preview

PRIORITIES = ("must", "want", "nice")
PRIORITY_NAMES = {"must": "必須", "want": "できれば", "nice": "余裕があれば"}
VIDEO_CALL = ("yes", "no", "either")
VIDEO_CALL_NAMES = {"yes": "希望します", "no": "文章でのやりとりを希望します", "either": "どちらでも構いません"}
MAX_QUANTITY = 10_000
MAX_BUDGET_YEN = 100_000_000
MAX_DAYS_AHEAD = 730
# Longest text per profile field, in characters.
TEXT_LIMITS = {"name": 100, "industry": 100, "business": 400, "website": 300, "irregulars": 400, "notes": 1000}
_NUMBER = re.compile(r"^\d+(\.\d+)?$")


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
    volume_fluctuates: bool = False
    irregulars: str = ""
    notes: str = ""


@dataclass(frozen=True)
class EstimateInput:
    choices: tuple[TaskChoice, ...]
    budget_yen: int | None
    profile: Profile
    today: datetime.date

    @property
    def selected(self) -> tuple[TaskChoice, ...]:
        return tuple(c for c in self.choices if c.selected)


def default_choices(catalog: Catalog) -> tuple[TaskChoice, ...]:
    """Every catalog task at its default volume and selection (the example estimate), priority できれば."""
    return tuple(TaskChoice(t.id, t.default_selected, t.default_quantity, t.default_period, "want") for t in catalog.tasks)


def parse_input(raw: Any, catalog: Catalog, work_tool_ids: frozenset[str]) -> tuple[EstimateInput, tuple[FieldError, ...]]:
    """Turn a JSON-like dict into an EstimateInput, collecting one FieldError per bad field."""
    errors: list[FieldError] = []
    if not isinstance(raw, dict):
        errors.append(FieldError("input", "入力の形式が正しくありません"))
        raw = {}
    today = _date(raw.get("today"), "today", errors) or datetime.date.today()
    choices = _choices(raw.get("tasks", []), catalog, errors)
    budget = _budget(raw.get("budget_yen"), errors)
    profile = _profile(raw.get("profile", {}), today, work_tool_ids, errors)
    return EstimateInput(choices, budget, profile, today), tuple(errors)


def validate_input(raw: Any, catalog: Catalog, work_tool_ids: frozenset[str]) -> EstimateInput:
    """Strict form of parse_input: the input, or an InputError naming every bad field."""
    parsed, errors = parse_input(raw, catalog, work_tool_ids)
    if errors:
        raise InputError(errors)
    return parsed


def parse_number(value: Any) -> Fraction | None:
    """A finite, non-negative number from a JSON number or from text typed in a form.

    Accepts full-width digits and thousands separators (「１２，０００」), as Japanese keyboards
    produce them. Returns None for anything else, including NaN, infinities and negative numbers.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Fraction(value) if value >= 0 else None
    if isinstance(value, float):
        return Fraction(str(value)) if math.isfinite(value) and value >= 0 else None
    if isinstance(value, str):
        if value.isascii() and value.isdigit() and len(value) <= 15:
            return Fraction(int(value))  # what the form sends most: skip normalising and the regex
        text = unicodedata.normalize("NFKC", value).strip().replace(",", "")
        if _NUMBER.match(text) and len(text) <= 15:
            return Fraction(text)
    return None


def _choices(raw: Any, catalog: Catalog, errors: list[FieldError]) -> tuple[TaskChoice, ...]:
    by_id = {c.task_id: c for c in default_choices(catalog)}
    if not isinstance(raw, list):
        errors.append(FieldError("tasks", "業務の一覧の形式が正しくありません"))
        return tuple(by_id.values())
    seen: set[str] = set()
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            errors.append(FieldError("tasks", "業務の指定の形式が正しくありません"))
            continue
        task_id = item["id"]
        if not catalog.has_task(task_id):
            errors.append(FieldError(f"tasks.{preview(task_id, 40)}", "この業務は一覧にありません"))
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
        number = parse_number(item["quantity"])
        if number is None:
            errors.append(FieldError(f"{path}.quantity", "件数は0以上の数字で入力してください"))
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
    number = parse_number(raw)
    if number is None or number.denominator != 1:
        errors.append(FieldError("budget_yen", "予算は円単位の数字で入力してください（例：60000）"))
        return None
    if number < 1:
        errors.append(FieldError("budget_yen", "予算は1円以上で入力してください。決まっていなければ空欄のままで構いません"))
        return None
    if number > MAX_BUDGET_YEN:
        errors.append(FieldError("budget_yen", f"予算は{MAX_BUDGET_YEN:,}円以下で入力してください"))
        return None
    return int(number)


def _profile(raw: Any, today: datetime.date, tools: frozenset[str], errors: list[FieldError]) -> Profile:
    if not isinstance(raw, dict):
        errors.append(FieldError("profile", "入力の形式が正しくありません"))
        return Profile()
    texts = {field: _text(raw.get(field, ""), f"profile.{field}", limit, errors) for field, limit in TEXT_LIMITS.items()}
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
    for field in ("weekend_work", "volume_fluctuates"):
        value = raw.get(field, False)
        if not isinstance(value, bool):
            errors.append(FieldError(f"profile.{field}", "チェックの指定が正しくありません"))
            value = False
        flags[field] = value
    return Profile(contact_tool=tool, video_call=video, desired_start=desired, **flags, **texts)


def _text(value: Any, field: str, limit: int, errors: list[FieldError]) -> str:
    if not isinstance(value, str):
        errors.append(FieldError(field, "文字で入力してください"))
        return ""
    # Control characters other than line breaks would only break the message and the share link.
    cleaned = "".join(ch for ch in value if ch in "\n\t" or unicodedata.category(ch)[0] != "C").strip()
    if len(cleaned) > limit:
        errors.append(FieldError(field, f"{limit:,}文字以内で入力してください（いま{len(cleaned):,}文字）"))
        return cleaned[:limit]
    return cleaned


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
