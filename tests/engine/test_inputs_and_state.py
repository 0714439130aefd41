"""Invalid input gives Japanese messages on the right field; share links survive catalog changes."""

import base64
import json
import zlib

import pytest

from estimator import InputError
from estimator.browser import estimate, estimate_json, restore, share_state_json, year_json
from estimator.inputs import parse_input, validate_input
from estimator.state import V1_TICKED, VERSION as STATE_VERSION, encode_state


def tools(data):
    return frozenset(t.id for t in data.terms.work_tools)


def errors_of(data, raw):
    return {e.field: e.message for e in parse_input(raw, data.catalog, tools(data))[1]}


def test_negative_nan_and_text_quantities_are_errors_on_the_field(data):
    for bad in (-3, float("nan"), "たくさん", 10**6):
        errors = errors_of(data, {"tasks": [{"id": "payroll", "quantity": bad}]})
        assert list(errors) == ["tasks.payroll.quantity"]
        assert "件数" in errors["tasks.payroll.quantity"]


def test_full_width_digits_and_commas_are_accepted(data):
    parsed, errors = parse_input({"tasks": [{"id": "payroll", "quantity": "１２"}], "budget_yen": "60,000"},
                                 data.catalog, tools(data))
    assert errors == () and parsed.budget_yen == 60000
    assert next(c for c in parsed.choices if c.task_id == "payroll").quantity == 12


def test_budget_of_zero_is_an_error_and_empty_means_no_budget(data):
    assert "1円以上" in errors_of(data, {"budget_yen": 0})["budget_yen"]
    assert "1円以上" in errors_of(data, {"budget_yen": "0"})["budget_yen"]
    assert errors_of(data, {"budget_yen": ""}) == {}


def test_unknown_task_and_bad_date_are_named(data):
    errors = errors_of(data, {"tasks": [{"id": "no-such-task"}], "profile": {"desired_start": "来月"}})
    assert errors["tasks.no-such-task"] == "この業務は一覧にありません"
    assert "日付" in errors["profile.desired_start"]


def test_validate_input_raises_only_the_package_error(data):
    with pytest.raises(InputError) as caught:
        validate_input({"tasks": "all", "budget_yen": -5, "profile": []}, data.catalog, tools(data))
    assert {e.field for e in caught.value.errors} == {"tasks", "budget_yen", "profile"}


def test_browser_entry_keeps_valid_input_next_to_errors(data):
    response = estimate({"today": "2026-11-23", "budget_yen": "abc",
                         "tasks": [{"id": "payroll", "quantity": "x"}, {"id": "bookkeeping", "quantity": 100}],
                         "profile": {"industry": "飲食店"}})
    fields = [e["field"] for e in response["errors"]]
    assert fields == ["tasks.payroll.quantity", "budget_yen"]
    names = [line["name"] for line in response["view"]["hours"]["lines"]]
    assert "仕訳入力（記帳代行）" in names
    assert "飲食店" in response["view"]["message"]["body"]


def test_long_text_is_reported_with_its_length(data):
    errors = errors_of(data, {"profile": {"notes": "あ" * 1001}})
    assert "1,000文字以内" in errors["profile.notes"]


def test_share_link_restores_the_whole_input(data):
    raw = {"today": "2026-11-23", "budget_yen": 70000,
           "tasks": [{"id": "payroll", "quantity": 7, "period": "month", "priority": "must"},
                     {"id": "email-reply", "selected": False}],
           "profile": {"industry": "設計事務所", "video_call": "no", "weekend_work": True, "desired_start": "2027-01-15"}}
    state = estimate(raw)["state"]
    restored = restore(state)
    assert restored["notices"] == []
    assert estimate({**restored["input"], "today": "2026-11-23"})["state"] == state


def test_the_page_gets_the_same_state_only_when_it_asks(data):
    raw = {"today": "2026-11-23", "budget_yen": "65000", "tasks": [{"id": "payroll", "quantity": "9"}],
           "profile": {"name": "山田商店", "notes": "月末が忙しい"}}
    per_keystroke = json.loads(estimate_json(json.dumps(raw)))
    full = estimate(raw)["view"]
    assert "state" not in per_keystroke and "year" not in per_keystroke["view"]
    # The year comes in its own answer, and the two together are the whole view.
    assert {**per_keystroke["view"], **json.loads(year_json(json.dumps(raw)))} == full
    assert share_state_json(json.dumps(raw)) == estimate(raw)["state"]
    assert restore(share_state_json("{not json"))["input"] == restore(estimate({})["state"])["input"]


def _state(payload, version=STATE_VERSION):
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = deflate.compress(json.dumps(payload).encode()) + deflate.flush()
    return f"{version}." + base64.urlsafe_b64encode(packed).decode().rstrip("=")


def test_link_with_a_task_removed_from_the_catalog_opens_with_a_notice(data):
    state = _state({"t": [["retired-task", 3, 2, 1, 1], ["payroll", 4, 2, 0, 1]], "b": 50000})
    restored = restore(state)
    assert any("retired-task" in notice for notice in restored["notices"])
    # The tasks the link leaves out are unticked, whatever the catalog ticks by default today.
    assert restored["input"]["tasks"] == [
        {"id": "payroll", "quantity": 4, "period": "month", "priority": "must", "selected": True},
        *({"id": t.id, "selected": False} for t in data.catalog.tasks if t.default_selected)]
    assert restored["input"]["budget_yen"] == 50000


def test_a_link_of_the_first_format_opens_as_it_was_made(data):
    """Format "1" left out the tasks then ticked by default; they come back ticked with their volumes then."""
    restored = restore(_state({"t": [["email-reply", 5, 0, 1, 0], ["payroll", 4, 2, 0, 1]]}, version="1"))
    assert restored["notices"] == []
    ticked = {t["id"]: t for t in restored["input"]["tasks"] if t.get("selected", True)}
    assert ticked["payroll"]["quantity"] == 4 and "email-reply" not in ticked  # what the link named
    for task_id, (quantity, period) in V1_TICKED.items():
        if task_id != "email-reply":
            assert (ticked[task_id]["quantity"], ticked[task_id]["period"]) == (quantity, period)
    view = estimate(restored["input"])["view"]
    shown = {line["task_id"] for line in view["hours"]["lines"]}
    assert shown == {"payroll"} | (set(V1_TICKED) - {"email-reply"})  # nothing ticked by default since then


def test_truncated_and_foreign_links_give_a_notice(data):
    good = estimate({"today": "2026-11-23", "budget_yen": 1})["state"]
    for bad in (good[:-3], "9." + good[2:], "garbage", ""):
        restored = restore(bad)
        assert restored["input"] is None and restored["notices"]


def test_link_with_a_value_out_of_range_is_refused_and_says_which_part(data):
    restored = restore(_state({"t": [["payroll", -4, 9, 0, 1]], "p": {"i": "花屋"}}))
    assert restored["input"] is None
    assert "業務" in restored["notices"][0]


def test_state_is_short(data):
    parsed = validate_input({"tasks": [{"id": t.id, "quantity": 3} for t in data.catalog.tasks[:10]]},
                            data.catalog, tools(data))
    assert len(encode_state(parsed, data.catalog)) < 400


def test_tasks_left_at_their_defaults_may_be_left_out_of_the_request(data):
    """The page sends only the tasks that differ from the form's defaults (form.js, changedTasks)."""
    from estimator.units import quantity

    form_defaults = [{"id": t.id, "selected": t.default_selected, "period": t.default_period, "priority": "want",
                      "quantity": quantity(t.default_quantity).replace(",", "")} for t in data.catalog.tasks]
    changed = [{**form_defaults[0], "selected": not form_defaults[0]["selected"]},
               {**form_defaults[3], "quantity": "7", "priority": "must"}]
    full = [changed[0], *form_defaults[1:3], changed[1], *form_defaults[4:]]
    for budget in ("", "30000", "abc"):
        request = {"today": "2026-11-23", "budget_yen": budget, "profile": {"name": "山田商店"}}
        assert estimate({**request, "tasks": changed}) == estimate({**request, "tasks": full})
