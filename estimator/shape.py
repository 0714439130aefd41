"""The shape of what comes from outside: which keys, which types, how long, how large.

Every input path (the page's estimate requests, share links, restored state) is checked against a
shape before any other code reads it, so the engine only ever sees the types it expects: a list where
a string belongs used to reach a set lookup and raise TypeError. `conform` keeps every part that fits
and reports each part that does not as a FieldError naming its path, in Japanese; the caller decides
whether that is fatal (a share link) or shown next to the field while the rest works (the form).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import text
from .errors import FieldError

MISSING = object()


@dataclass(frozen=True)
class Text:
    max_chars: int


@dataclass(frozen=True)
class Number:
    """An int or a finite float (JSON has no NaN or infinity once `wire` has read it); never a bool."""

    minimum: float
    maximum: float
    integer: bool = False


@dataclass(frozen=True)
class Flag:
    pass


@dataclass(frozen=True)
class Null:
    """JSON null (an empty optional field)."""


@dataclass(frozen=True)
class Either:
    options: tuple[Any, ...]


@dataclass(frozen=True)
class ListOf:
    """A list of up to `max_items`; items that are records with a text `key` are named by it in errors."""

    item: Any
    max_items: int
    key: str | None = None


@dataclass(frozen=True)
class Row:
    """A fixed-length list whose positions have their own shapes (compact share-link entries)."""

    items: tuple[Any, ...]


@dataclass(frozen=True)
class Record:
    fields: dict[str, Any]


def _kind(value: Any) -> str:
    if value is None:
        return "空の値"
    if isinstance(value, bool):
        return "はい・いいえの値"
    if isinstance(value, (int, float)):
        return "数値"
    if isinstance(value, str):
        return "文字"
    if isinstance(value, list):
        return "一覧"
    if isinstance(value, dict):
        return "項目のまとまり"
    return "不明な値"


def _expected(shape: Any) -> str:
    if isinstance(shape, Text):
        return "文字"
    if isinstance(shape, Number):
        return "整数" if shape.integer else "数値"
    if isinstance(shape, Flag):
        return "はい・いいえの値"
    if isinstance(shape, Null):
        return "空の値"
    if isinstance(shape, Either):
        return "または".join(_expected(option) for option in shape.options)
    if isinstance(shape, (ListOf, Row)):
        return "一覧"
    return "項目のまとまり"


def conform(value: Any, shape: Any, path: str, errors: list[FieldError]) -> Any:
    """`value` with every part that fits `shape`, or MISSING; one FieldError per part that does not."""
    if isinstance(shape, Either):
        for option in shape.options:
            attempt: list[FieldError] = []
            result = conform(value, option, path, attempt)
            if not attempt:
                return result
        return _wrong(value, shape, path, errors)
    if isinstance(shape, Text):
        if not isinstance(value, str):
            return _wrong(value, shape, path, errors)
        if len(value) > shape.max_chars:
            errors.append(FieldError(path, f"{shape.max_chars:,}文字を超えるため読み込めません（{len(value):,}文字）"))
            return MISSING
        return value
    if isinstance(shape, Number):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (shape.integer and not isinstance(value, int)):
            return _wrong(value, shape, path, errors)
        if value < shape.minimum or value > shape.maximum:  # NaN passes on to the field's own check
            errors.append(FieldError(path, f"{shape.minimum:,}から{shape.maximum:,}までの数にしてください"))
            return MISSING
        return value
    if isinstance(shape, Flag):
        return value if isinstance(value, bool) else _wrong(value, shape, path, errors)
    if isinstance(shape, Null):
        return value if value is None else _wrong(value, shape, path, errors)
    if isinstance(shape, ListOf):
        if not isinstance(value, list):
            return _wrong(value, shape, path, errors)
        if len(value) > shape.max_items:
            errors.append(FieldError(path, f"項目が多すぎます（{shape.max_items:,}個まで）"))
            return MISSING
        items = [conform(item, shape.item, _item_path(path, index, item, shape.key), errors)
                 for index, item in enumerate(value)]
        return [item for item in items if item is not MISSING]
    if isinstance(shape, Row):
        if not isinstance(value, list) or len(value) != len(shape.items):
            errors.append(FieldError(path, f"{len(shape.items)}個の値の一覧が必要です"))
            return MISSING
        before = len(errors)
        items = [conform(item, part, f"{path}[{index}]", errors) for index, (item, part) in enumerate(zip(value, shape.items))]
        return MISSING if len(errors) > before else items
    if not isinstance(value, dict):
        return _wrong(value, shape, path, errors)
    kept = {}
    for key, item in value.items():
        where = f"{path}.{_name(key)}" if path else _name(key)
        if key not in shape.fields:
            errors.append(FieldError(where, "この項目は使えません"))
            continue
        result = conform(item, shape.fields[key], where, errors)
        if result is not MISSING:
            kept[key] = result
    return kept


def _name(key: str) -> str:
    """A key as it may appear in a message: one clean line, 40 characters at most, never empty."""
    if key.isascii() and key.isprintable() and 0 < len(key) <= 40:
        return key  # task ids and field names: every request has dozens of them
    return text.clip(text.clean(key, multiline=False), 40) or "（名前のない項目）"


def _item_path(path: str, index: int, item: Any, key: str | None) -> str:
    if key and isinstance(item, dict) and isinstance(item.get(key), str):
        return f"{path}.{_name(item[key])}"
    return f"{path}[{index}]"


def _wrong(value: Any, shape: Any, path: str, errors: list[FieldError]) -> Any:
    errors.append(FieldError(path or "input", f"{_expected(shape)}が必要です（{_kind(value)}が渡されました）"))
    return MISSING
