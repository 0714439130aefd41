"""The whole input as a short, URL-safe string, and back.

Format: "<version>.<base64url of raw-deflated compact JSON>". Tasks are stored by their permanent
ids: every ticked task, and an unticked one only where its volume differs from the catalog's default.
A task the link leaves out is unticked, so the link means the same after the catalog's starting input
changes (format "1" left out the tasks ticked by default: `V1_TICKED` keeps what they were) and after
tasks are added; a task that was removed since is reported, not fatal. The decoder accepts only what it understands (`STATE`: every key, type, length and range the
encoder can write) and never raises anything but InputError, whose message says what was wrong.
Quantities travel exactly (a float whose shortest decimal is the quantity typed), and `fit_link` cuts
the texts of an input whose link would be longer than the decoder reads, with a message on each field
cut, so every link the page makes opens again. Links made before (quantities rounded to 4 decimals, no
`ws` key) open as they did.
"""

from __future__ import annotations

import base64
import binascii
import decimal
import json
import zlib
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from .catalog import PERIODS, Catalog
from .errors import FieldError, InputError, preview
from .hiring_input import MAX_HIRING_YEN
from .inputs import MAX_BUDGET_YEN, MAX_QUANTITY, MAX_WEEKEND_HOURS, PRIORITIES, EstimateInput
from .shape import Flag, ListOf, Number, Record, Row, Text, conform
from .text import clip_encoded, encoded_size
from .text_limits import TEXT_LIMITS, characters_for
from .wire import load_json

VERSION = "2"
# Format "1" left out the tasks ticked by default at the time, with their default volumes: a link made then
# ticks them again, so it still opens as it was made after the estimator's starting input changed.
V1_TICKED = {"invoice-issue": (10, "month"), "payment-check": (10, "month"), "scheduling-single": (3, "week"),
             "email-reply": (5, "day")}
MAX_STATE_CHARS = 8000
MAX_JSON_BYTES = 64 * 1024  # refuses "zip bombs" hidden in a link
_PROFILE_KEYS = {
    "name": "n", "industry": "i", "business": "s", "website": "w", "contact_tool": "c", "video_call": "v",
    "desired_start": "d", "weekend_work": "we", "volume_fluctuates": "vf", "irregulars": "r", "notes": "o",
    "weekend_hours": "wh", "fiscal_month": "fm", "whole_seasons": "ws",
}
_HIRING_KEYS = {"prefecture_id": ("prefecture", "pr"), "hourly_wage_yen": ("hourly_wage", "hw"),
                "monthly_salary_yen": ("monthly_salary", "ms"), "commuting_yen": ("commuting", "cm"),
                "recruiting_yen": ("recruiting", "rc"), "equipment_yen": ("equipment", "eq"),
                "tax_status": ("tax_status", "tx"), "care_insurance": ("care_insurance", "ci"),
                "company_size": ("company_size", "cs")}
_HIRING_TEXTS = {"prefecture_id": 32, "tax_status": 16, "company_size": 16}
_FLAGS = {"weekend_work", "volume_fluctuates", "whole_seasons"}
_SHORT = {"contact_tool": 32, "video_call": 16, "desired_start": 10}


def _code(names: tuple[str, ...]) -> Number:
    return Number(0, len(names) - 1, integer=True)


# Everything encode_state can write, and nothing else. Profile texts may hold up to ten code points per
# character a reader counts (emoji sequences); parse_input checks the real limits afterwards.
STATE = Record({
    "t": ListOf(Row((Text(64), Number(0, MAX_QUANTITY), _code(PERIODS), _code(PRIORITIES), Number(0, 1, integer=True))),
                max_items=500),
    "b": Number(1, MAX_BUDGET_YEN, integer=True),
    "p": Record({
        key: Flag() if field in _FLAGS else Number(0, MAX_WEEKEND_HOURS) if field == "weekend_hours"
        else Number(1, 12, integer=True) if field == "fiscal_month"
        else Text(_SHORT.get(field) or TEXT_LIMITS[field] * 10)
        for field, key in _PROFILE_KEYS.items()
    }),
    "h": Record({key: Text(_HIRING_TEXTS[field]) if field in _HIRING_TEXTS else Flag() if field == "care_insurance"
                 else Number(0, MAX_HIRING_YEN, integer=True) for field, (_, key) in _HIRING_KEYS.items()}),
})
STATE_DEPTH = 3  # {"t": [[...]]}
_PARTS = {"t": "業務", "b": "予算", "p": "お客さま情報"}


@dataclass(frozen=True)
class DecodedState:
    raw_input: dict[str, Any]  # in the form parse_input reads; fields are checked there
    notices: tuple[str, ...]


def encode_state(estimate_input: EstimateInput, catalog: Catalog) -> str:
    tasks = []
    for choice in estimate_input.choices:
        task = catalog.task(choice.task_id)
        default = (False, task.default_quantity, task.default_period, "want")
        if (choice.selected, choice.quantity, choice.period, choice.priority) != default:
            tasks.append([choice.task_id, _number(choice.quantity), PERIODS.index(choice.period),
                          PRIORITIES.index(choice.priority), int(choice.selected)])
    profile = {}
    for field, key in _PROFILE_KEYS.items():
        value = getattr(estimate_input.profile, field)
        if field == "desired_start" and value is not None:
            value = value.isoformat()
        if field == "weekend_hours":
            value = _number(value) if value else None
        if value not in ("", None, False) and not (field == "video_call" and value == "either"):
            profile[key] = value
    payload: dict[str, Any] = {"t": tasks}
    if estimate_input.budget_yen is not None:
        payload["b"] = estimate_input.budget_yen
    if profile:
        payload["p"] = profile
    hiring = {key: getattr(estimate_input.hiring, field) for field, (_, key) in _HIRING_KEYS.items()
              if getattr(estimate_input.hiring, field) not in (None, False)}
    if hiring:
        payload["h"] = hiring
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = compressor.compress(data) + compressor.flush()
    return VERSION + "." + base64.urlsafe_b64encode(packed).decode().rstrip("=")


def decode_state(text: Any, catalog: Catalog) -> DecodedState:
    version, payload = _unpack(text)
    notices = []
    tasks = []
    for task_id, quantity, period, priority, selected in payload.get("t", []):
        if not catalog.has_task(task_id):
            offline = catalog.not_offered_task(task_id)
            notices.append(f"共有リンクにある「{offline.name}」は、当社ではお引き受けしていないため、読み込みませんでした。"
                           if offline else f"共有リンクにある業務「{preview(task_id, 40)}」は今の一覧にないため、読み込みませんでした。")
            continue
        tasks.append({"id": task_id, "quantity": _as_typed(quantity), "period": PERIODS[period],
                      "priority": PRIORITIES[priority], "selected": selected == 1})
    tasks += _left_out(version, {t[0] for t in payload.get("t", [])}, catalog)
    raw: dict[str, Any] = {"tasks": tasks}
    if "b" in payload:
        raw["budget_yen"] = payload["b"]
    profile = payload.get("p", {})
    raw["profile"] = {field: _as_typed(profile[key]) if field == "weekend_hours" else profile[key]
                      for field, key in _PROFILE_KEYS.items() if key in profile}
    hiring = payload.get("h", {})
    if hiring:
        raw["hiring"] = {name: hiring[key] for name, key in _HIRING_KEYS.values() if key in hiring}
    return DecodedState(raw, tuple(notices))


def _left_out(version: str, named: set[str], catalog: Catalog) -> list[dict[str, Any]]:
    """The tasks a link leaves out, as the link meant them: unticked, except those that format "1" left out
    because they were ticked by default then."""
    left_out = []
    for task in catalog.tasks:
        if task.id in named:
            continue
        if version == "1" and task.id in V1_TICKED:
            quantity, period = V1_TICKED[task.id]
            left_out.append({"id": task.id, "quantity": quantity, "period": period, "priority": "want", "selected": True})
        elif task.default_selected:
            left_out.append({"id": task.id, "selected": False})
    return left_out


def _number(value: Fraction) -> int | float:
    """A quantity as the link carries it, exactly. Every quantity the engine holds came from a decimal of at
    most 17 significant digits that a float holds (the form's at most 15 digits, the data's TOML floats), so
    the float's shortest decimal is the quantity itself: 「2.00004」 stays 2.00004 for whoever opens it."""
    if value.denominator == 1:
        return value.numerator
    return float(value)


def _as_typed(value: int | float) -> int | str:
    """A decoded quantity as the form shows it: an integer, or its decimal written out (「0.0000001」, never
    「1e-07」, which the form's number reading does not accept)."""
    if isinstance(value, int):
        return value
    return format(decimal.Decimal(repr(value)), "f")


UNREADABLE = "共有リンクを読み取れませんでした。リンクが途中で切れていないか確かめてください"


def _unreadable() -> InputError:
    return InputError([FieldError("state", UNREADABLE)])


def _unpack(text: Any) -> tuple[str, dict[str, Any]]:
    if not isinstance(text, str) or len(text) > MAX_STATE_CHARS or "." not in text:
        raise _unreadable()
    version, _, body = text.partition(".")
    if version not in (VERSION, "1"):
        raise InputError([FieldError("state", "この共有リンクの形式には対応していません。新しいリンクを作ってもらってください")])
    try:
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        inflater = zlib.decompressobj(-15)
        data = inflater.decompress(packed, MAX_JSON_BYTES)
        if inflater.unconsumed_tail or not inflater.eof:
            raise _unreadable()
        document = data.decode()
    except (binascii.Error, ValueError, zlib.error):  # UnicodeDecodeError is a ValueError
        raise _unreadable() from None
    payload = load_json(document, field="state", max_chars=MAX_JSON_BYTES, max_depth=STATE_DEPTH, message=UNREADABLE)
    errors: list[FieldError] = []
    payload = conform(payload, STATE, "", errors)
    if errors:
        first = errors[0]
        part = _PARTS.get(first.field.split(".")[0].split("[")[0], "内容")
        raise InputError([FieldError("state", f"共有リンクの{part}を読み取れませんでした（{first.message}）。"
                                              "リンクを作り直してもらってください")])
    return version, payload



# The JSON of everything but the texts is at most a task's id and this many bytes per task the catalog holds
# (its quantity's longest float and four small numbers), plus this much (the budget, the other fields, the
# hiring figures): an input within it gives a link under MAX_STATE_CHARS without compressing anything.
_BYTES_PER_TASK = 48
_BYTES_OTHER = 640
_LINK_MESSAGE = ("ほかの欄と合わせると共有リンクに入りきらないため、この欄は全角で約{allowed:,}文字までにしてください"
                 "（いま全角で約{now:,}文字分）")


def fit_link(estimate_input: EstimateInput, catalog: Catalog) -> tuple[EstimateInput, tuple[FieldError, ...]]:
    """The input with its longest texts cut until its share link is one the decoder reads, and a message on
    each field cut (the form keeps what was typed). Each field is already within its own limits
    (`text_limits`); this is for all of them together, in the bytes the compressed link takes."""
    profile = estimate_input.profile
    sizes = {field: encoded_size(getattr(profile, field)) for field in TEXT_LIMITS}
    bound = (sum(sizes.values()) + _BYTES_OTHER
             + sum(len(choice.task_id) + _BYTES_PER_TASK for choice in estimate_input.choices))
    if _link_chars(bound) <= MAX_STATE_CHARS:
        return estimate_input, ()  # what nearly every input is: no need to compress anything
    before = dict(sizes)
    while len(state := encode_state(estimate_input, catalog)) > MAX_STATE_CHARS:
        field = max(TEXT_LIMITS, key=lambda name: sizes[name])
        if not sizes[field]:
            break  # no text left to cut (the catalog alone cannot fill a link: tests/engine check it)
        over = (len(state) - MAX_STATE_CHARS) * 3 // 4 + 1  # packed bytes too many: cut at least as many
        profile = replace(profile, **{field: clip_encoded(getattr(profile, field), max(0, sizes[field] - over))})
        sizes[field] = encoded_size(getattr(profile, field))
        estimate_input = replace(estimate_input, profile=profile)
    errors = tuple(FieldError(f"profile.{field}", _LINK_MESSAGE.format(allowed=sizes[field] // 3,
                                                                       now=characters_for(before[field])))
                   for field in TEXT_LIMITS if sizes[field] < before[field])
    return estimate_input, errors


def _link_chars(json_bytes: int) -> int:
    """The longest link a JSON of `json_bytes` can give: at most zlib's `deflateBound` for raw deflate (what
    cannot be compressed is stored, with a few bytes per block), 4 base64 characters for every 3 bytes, "1."."""
    n = json_bytes
    packed = n + (n >> 12) + (n >> 14) + (n >> 25) + 7
    return len(VERSION) + 1 + -(-packed * 4 // 3)
