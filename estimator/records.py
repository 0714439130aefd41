"""Reading TOML records with errors that name the file, the record and the field.

The three data files (catalog, terms, subsidy) are edited by hand by operators, so every check
says exactly where the problem is instead of failing later with a KeyError deep in the engine.
"""

from __future__ import annotations

import datetime
import math
import tomllib
from fractions import Fraction
from pathlib import Path
from typing import Any

from .errors import DataError


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise DataError(path.name, "-", "-", "ファイルがありません") from None
    except tomllib.TOMLDecodeError as error:
        raise DataError(path.name, "-", "-", f"TOML として読めません（{error}）") from None


class Record:
    """One table of a data file, with typed accessors that fail with a located DataError."""

    def __init__(self, file: str, label: str, data: object, prefix: str = ""):
        if not isinstance(data, dict):
            raise DataError(file, label, prefix.rstrip(".") or "-", "テーブルではありません")
        self.file, self.label, self.data, self.prefix = file, label, data, prefix

    def fail(self, field: str, problem: str) -> DataError:
        return DataError(self.file, self.label, self.prefix + field, problem)

    def _get(self, field: str, default: object) -> object:
        if field in self.data:
            return self.data[field]
        if default is _MISSING:
            raise self.fail(field, "必須の項目がありません")
        return default

    def text(self, field: str, default: object = None) -> str:
        value = self._get(field, _MISSING if default is None else default)
        if not isinstance(value, str) or (default is None and not value.strip()):
            raise self.fail(field, "空でない文字列が必要です")
        return value

    def flag(self, field: str, default: bool | None = None) -> bool:
        value = self._get(field, _MISSING if default is None else default)
        if not isinstance(value, bool):
            raise self.fail(field, "true か false が必要です")
        return value

    def integer(self, field: str, minimum: int = 0, maximum: int | None = None) -> int:
        value = self._get(field, _MISSING)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(field, "整数が必要です")
        if value < minimum or (maximum is not None and value > maximum):
            bound = f"{minimum} 以上" + (f" {maximum} 以下" if maximum is not None else "")
            raise self.fail(field, f"{bound}の値が必要です（{value}）")
        return value

    def number(self, field: str, minimum: float = 0) -> Fraction:
        """A non-negative number, kept exact: 0.6 minutes stays 3/5, never 0.59999."""
        value = self._get(field, _MISSING)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise self.fail(field, "数値が必要です")
        if value < minimum:
            raise self.fail(field, f"{minimum} 以上の値が必要です（{value}）")
        return Fraction(str(value))

    def date(self, field: str) -> datetime.date:
        """A TOML date (2026-12-01, unquoted)."""
        value = self._get(field, _MISSING)
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            raise self.fail(field, "日付（例：2026-12-01、引用符なし）が必要です")
        return value

    def address(self, field: str = "url") -> str:
        """The address of a page that was read: http(s), no spaces (every source the site shows links to it)."""
        url = self.text(field)
        if not url.startswith(("https://", "http://")) or any(c.isspace() for c in url):
            raise self.fail(field, f"読んだページのアドレス（http で始まり、空白のないもの）が必要です（{url!r}）")
        return url

    def read_day(self, field: str = "read_on") -> datetime.date:
        """The day a text was read: a date, and not one still to come (a check date nobody made is never shown)."""
        day = self.date(field)
        if day > datetime.date.today():
            raise self.fail(field, f"読んだ日が未来の日付です（{day}）")
        return day

    def choice(self, field: str, allowed: set[str] | frozenset[str] | tuple[str, ...]) -> str:
        value = self.text(field)
        if value not in allowed:
            raise self.fail(field, f"{value!r} は使えません（使える値: {', '.join(sorted(allowed))}）")
        return value

    def texts(self, field: str, default: tuple[str, ...] | None = None) -> tuple[str, ...]:
        value = self._get(field, _MISSING if default is None else list(default))
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(field, "文字列の配列が必要です")
        return tuple(value)

    def table(self, field: str, label: str | None = None) -> "Record":
        """A nested table: errors name it as its own `label`, or as `field.sub` of this record."""
        value = self._get(field, _MISSING)
        if label:
            return Record(self.file, label, value)
        return Record(self.file, self.label, value, prefix=f"{self.prefix}{field}.")

    def tables(self, field: str, id_field: str | None = "id") -> tuple["Record", ...]:
        """An array of tables; when `id_field` is given, each needs a unique ASCII id."""
        value = self._get(field, _MISSING)
        if not isinstance(value, list) or not value:
            raise self.fail(field, "1つ以上のテーブルの配列が必要です")
        records, seen = [], set()
        for index, item in enumerate(value):
            record = Record(self.file, f"{field}[{index}]", item)
            if id_field:
                ident = record.text(id_field)
                if not ident.isascii() or not ident.replace("-", "").isalnum() or ident != ident.lower():
                    raise record.fail(id_field, f"id は半角英小文字・数字・ハイフンのみです（{ident!r}）")
                if ident in seen:
                    raise DataError(self.file, f"{field} {ident!r}", id_field, "id が重複しています")
                seen.add(ident)
                record.label = f"{field} {ident!r}"
            records.append(record)
        return tuple(records)


_MISSING = object()


def cached_hash(record: object) -> int:
    """hash() of a frozen data class's fields, computed once and kept on the instance.

    The pricing, the terms and the hiring data are keys of caches looked up many times per estimate;
    a data class hashes all its fields, recursively, on every lookup."""
    try:
        return record.__dict__["_hash"]
    except KeyError:
        value = hash(tuple(getattr(record, name) for name in record.__dataclass_fields__))
        object.__setattr__(record, "_hash", value)
        return value
