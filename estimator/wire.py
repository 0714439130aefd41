"""JSON text from outside the package (the page's requests, share links), read within known bounds.

Python's `json` parser recurses once per nesting level. Under CPython a deep document ends in a
RecursionError, but inside Pyodide the JavaScript stack overflows first: a 57-character share link
holding "[[[[…" thousands deep used to throw a RangeError that left the worker answering `undefined`.
So the nesting depth is counted before parsing (the formats need three levels), and NaN, Infinity and
numbers too long to be a quantity or an amount are refused while parsing. Every failure is an
InputError with a Japanese message; nothing else leaves this module.
"""

from __future__ import annotations

import json
import math
from typing import Any

from .errors import FieldError, InputError

MAX_NUMBER_CHARS = 20


def nesting_depth(text: str) -> int:
    """The deepest nesting of [ and { in JSON text, ignoring brackets inside strings."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def _number(text: str) -> float | int:
    if len(text) > MAX_NUMBER_CHARS:
        raise ValueError("number too long")
    value = float(text) if any(c in text for c in ".eE") else int(text)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("number out of range")
    return value


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def load_json(text: Any, *, field: str, max_chars: int, max_depth: int, message: str) -> Any:
    """Parse `text`, or raise InputError([FieldError(field, message)]) for anything outside the bounds."""
    if not isinstance(text, str) or len(text) > max_chars or nesting_depth(text) > max_depth:
        raise InputError([FieldError(field, message)])
    try:
        return json.loads(text, parse_int=_number, parse_float=_number, parse_constant=_constant)
    except (ValueError, RecursionError):
        raise InputError([FieldError(field, message)]) from None
