"""The thin entry point for the web page: plain JSON-able dicts in, plain dicts out.

The page (in a Web Worker through Pyodide, and the MkDocs hook at build time) calls `estimate`
with what the form holds and gets back errors per field, the share-link state and a view: every
figure already formatted in Japanese (`view`), so the page only places text and never computes anything.
On every keystroke the page calls `estimate_json`, which leaves out the share-link state and the year;
it asks `year_json` for the twelve months and the hiring comparison once the month is drawn, and
`share_state_json` for the state when the share button is pressed.
Guide links in the view are relative to the site root (e.g. "guide/not-delegable/#reserved-zeirishi").
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from .dataset import Dataset, default_dataset
from .errors import InputError
from .inputs import parse_input
from .report import Report, add_year, build_report
from .state import decode_state, encode_state, fit_link
from .view import report_view, year_parts
from .wire import load_json


def _parse(request: Any, data: Dataset):
    """The input and its errors; texts that would make a share link too long to open are cut, with a
    message on their field (`state.fit_link`), so the link, the estimate and the inquiry hold the same."""
    estimate_input, errors = parse_input(request, data.catalog, frozenset(tool.id for tool in data.terms.work_tools),
                                         frozenset(p.id for p in data.hiring.prefectures))
    estimate_input, too_long = fit_link(estimate_input, data.catalog)
    return estimate_input, errors + too_long


def estimate(request: Any, data: Dataset | None = None, *, with_state: bool = True,
             with_year: bool = True) -> dict[str, Any]:
    """Estimate from the form's input: {"errors": [...], "state": str, "view": {...}}.

    `with_state=False` leaves "state" out: encoding it was a tenth of an estimate's time, and the page
    needs it only when the share button is pressed (`share_state_json`)."""
    data = data or default_dataset()
    estimate_input, errors = _parse(request, data)
    report = build_report(estimate_input, data, with_year=with_year)
    result = {"errors": [{"field": e.field, "message": e.message} for e in errors]}
    if with_state:
        result["state"] = encode_state(estimate_input, data.catalog)
    result["view"] = report_view(report, data)
    return result


def restore(state: Any, data: Dataset | None = None) -> dict[str, Any]:
    """Read a share link's state: {"input": raw form input or None, "notices": [Japanese text]}."""
    data = data or default_dataset()
    try:
        decoded = decode_state(state, data.catalog)
    except InputError as error:
        return {"input": None, "notices": [e.message for e in error.errors]}
    _, errors = _parse(decoded.raw_input, data)
    notices = list(decoded.notices)
    if errors:
        notices.append("共有リンクの一部の項目は正しくなかったため、読み込んだ値を確かめてください。")
    return {"input": decoded.raw_input, "notices": notices}


# The request's JSON: {"tasks": [{...}]} is three levels deep; the form's text fits well within the size.
REQUEST_DEPTH = 3
REQUEST_MAX_CHARS = 200_000
UNREADABLE_REQUEST = "入力を読み取れませんでした。ページを読み込み直してください"


def _request(request_json: Any) -> tuple[Any, list[dict[str, str]]]:
    """The request, or an empty one with the reason when its text cannot be read at all."""
    try:
        return load_json(request_json, field="input", max_chars=REQUEST_MAX_CHARS, max_depth=REQUEST_DEPTH,
                         message=UNREADABLE_REQUEST), []
    except InputError as error:
        return {}, [{"field": e.field, "message": e.message} for e in error.errors]


def _month(request_json: Any) -> tuple[list[dict[str, str]], Report]:
    # Only text is a cache key (anything else is unreadable anyway).
    return _month_of_text(request_json if isinstance(request_json, str) else "")


@lru_cache(maxsize=1)
def _month_of_text(request_json: str) -> tuple[list[dict[str, str]], Report]:
    """The errors and the month's report of the page's latest request text. Kept for `year_json`, which the
    page calls with the same text right after `estimate_json`: the year is added to this month, not built
    again from the text. Never raises: unreadable text is read as an empty form, with the reason."""
    data = default_dataset()
    request, problems = _request(request_json)
    estimate_input, errors = _parse(request, data)
    errors_view = problems + [{"field": e.field, "message": e.message} for e in errors]
    return errors_view, build_report(estimate_input, data, with_year=False)


def estimate_json(request_json: str) -> str:
    """`estimate` without the state and the year, through JSON text: the cheapest way across the Pyodide
    boundary. Unreadable text gives the estimate of an empty form with the reason among the errors, so the
    page always gets a view to draw."""
    errors, report = _month(request_json)
    return json.dumps({"errors": errors, "view": report_view(report, default_dataset())}, ensure_ascii=False)


def year_json(request_json: str) -> str:
    """The twelve months and the hiring comparison for the same request, as the view's "year" and "hiring"
    parts: the page asks for them once the month is drawn, so each keystroke's answer stays quick."""
    data = default_dataset()
    return json.dumps(year_parts(add_year(_month(request_json)[1], data), data), ensure_ascii=False)


def share_state_json(request_json: str, data: Dataset | None = None) -> str:
    """The share-link state of the form's input (JSON text in, the state string out)."""
    data = data or default_dataset()
    estimate_input, _ = _parse(_request(request_json)[0], data)
    return encode_state(estimate_input, data.catalog)


def restore_json(state: str) -> str:
    return json.dumps(restore(state), ensure_ascii=False)
