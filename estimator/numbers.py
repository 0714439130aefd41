"""Numbers as people type them in Japanese: 「５０，０００」「5万円」「5万5千円」「1.5」.

Full-width digits and separators are read (Japanese keyboards produce them), thousands separators must
sit every three digits (「1,2」 is a typo, not twelve), and amounts of money may use 万 and 千 with or
without 円. Each parser returns the number, or a Japanese message saying what to type instead.
"""

from __future__ import annotations

import math
import re
import unicodedata
from fractions import Fraction
from typing import Any

MAX_DIGITS = 15
_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_YEN = re.compile(r"(?:(?P<man>\d+(?:\.\d+)?)万)?(?:(?P<sen>\d)千)?(?P<rest>\d+)?")
BAD_SEPARATOR = "区切りの「,」は3桁ごとに入れてください（例：50,000）"


def _digits(text: str) -> Fraction | str:
    """A plain or correctly grouped non-negative number, or the problem as a message."""
    if _PLAIN.fullmatch(text) or _GROUPED.fullmatch(text):
        plain = text.replace(",", "")
        if len(plain) > MAX_DIGITS:
            return "桁が多すぎます"
        return Fraction(plain)
    if "," in text and _PLAIN.fullmatch(text.replace(",", "")):
        return BAD_SEPARATOR
    return ""


def _normalise(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().replace(" ", "").replace("、", ",")


def parse_quantity(value: Any) -> Fraction | str:
    """A finite, non-negative number from JSON or from text; otherwise a message ("" for "not a number")."""
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return Fraction(value) if value >= 0 else ""
    if isinstance(value, float):
        return Fraction(str(value)) if math.isfinite(value) and value >= 0 else ""
    if not isinstance(value, str):
        return ""
    if value.isascii() and value.isdigit() and len(value) <= MAX_DIGITS:
        return Fraction(int(value))  # what the form sends most: skip normalising and the regex
    return _digits(_normalise(value))


def parse_yen(value: Any) -> Fraction | str:
    """An amount of money: 60000, 「60,000円」, 「６万」, 「5万5千円」, 「5.5万」, 「¥60,000」."""
    if not isinstance(value, str):
        return parse_quantity(value)
    text = _normalise(value).removeprefix("¥").removesuffix("円")
    if "万" not in text and "千" not in text:
        return _digits(text)
    match = _YEN.fullmatch(text.replace(",", ""))
    if not match or not any(match.groupdict().values()):
        return ""
    rest = Fraction(match["rest"] or 0)
    if match["sen"] and rest >= 1000 or match["man"] and rest >= 10000:
        return ""
    return Fraction(match["man"] or 0) * 10000 + int(match["sen"] or 0) * 1000 + rest
