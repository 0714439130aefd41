"""What the client typed in the form's hiring part, checked field by field like the rest of the input.

Bad values get a Japanese message on their field (`hiring.<name>`) and the public default takes their
place, so the rest of the estimate keeps working.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import FieldError
from .numbers import parse_yen
from .shape import Either, Flag, Number, Record, Text

# The amounts, as the form names them, and their Japanese names for messages.
HIRING_AMOUNTS = {"hourly_wage": "時給", "monthly_salary": "月給", "commuting": "通勤手当（月）", "recruiting": "採用の費用",
                  "equipment": "パソコンなどの費用"}
MAX_HIRING_YEN = 10_000_000
# 消費税: a 課税事業者 deducting the tax it pays ("taxable"), or one that does not ("exempt": 免税事業者, 簡易課税).
TAX_STATUSES = ("taxable", "exempt")
COMPANY_SIZES = ("small", "large")  # up to 50 employees, 51 or more
HIRING_REQUEST = Record({
    "prefecture": Text(32), "tax_status": Text(16), "company_size": Text(16), "care_insurance": Flag(),
    **{field: Either((Text(64), Number(-1e20, 1e20))) for field in HIRING_AMOUNTS},
})


@dataclass(frozen=True)
class HiringFigures:
    """What the client typed for the hiring comparison; None (or False) where the public default applies."""

    prefecture_id: str | None = None
    hourly_wage_yen: int | None = None
    monthly_salary_yen: int | None = None
    commuting_yen: int | None = None
    recruiting_yen: int | None = None
    equipment_yen: int | None = None
    tax_status: str | None = None
    care_insurance: bool = False
    company_size: str | None = None


def parse_hiring(raw: dict[str, Any], prefecture_ids: frozenset[str], errors: list[FieldError]) -> HiringFigures:
    """`prefecture_ids`: the comparison's prefectures (any id passes when empty)."""
    prefecture = raw.get("prefecture") or None
    if prefecture is not None and prefecture_ids and prefecture not in prefecture_ids:
        errors.append(FieldError("hiring.prefecture", "都道府県は一覧から選んでください"))
        prefecture = None
    amounts: dict[str, int | None] = {}
    for field, name in HIRING_AMOUNTS.items():
        amounts[field] = None
        if raw.get(field) in (None, ""):
            continue
        number = parse_yen(raw[field])
        if isinstance(number, str) or number.denominator != 1 or number > MAX_HIRING_YEN:
            errors.append(FieldError(f"hiring.{field}", number if isinstance(number, str) and number else
                                     f"{name}は円単位の金額で入力してください（例：1200、1万2千円）"))
        else:
            amounts[field] = int(number)
    tax_status = _choice(raw, "tax_status", TAX_STATUSES, "消費税の申告は一覧から選んでください", errors)
    company_size = _choice(raw, "company_size", COMPANY_SIZES, "会社の人数は一覧から選んでください", errors)
    care = raw.get("care_insurance", False)
    if not isinstance(care, bool):
        errors.append(FieldError("hiring.care_insurance", "チェックの指定が正しくありません"))
        care = False
    return HiringFigures(prefecture, amounts["hourly_wage"], amounts["monthly_salary"], amounts["commuting"],
                         amounts["recruiting"], amounts["equipment"], tax_status, care, company_size)


def _choice(raw: dict[str, Any], field: str, allowed: tuple[str, ...], message: str,
            errors: list[FieldError]) -> str | None:
    value = raw.get(field) or None
    if value is not None and value not in allowed:
        errors.append(FieldError(f"hiring.{field}", message))
        return None
    return value
