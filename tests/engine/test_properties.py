"""Properties that hold for any input: checked with hypothesis on generated checklists."""

import datetime
import math

from hypothesis import given, strategies as st

from estimator import InputError, default_dataset
from estimator.browser import estimate, restore
from estimator.catalog import PERIODS
from estimator.estimate import estimate_hours
from estimator.inputs import PRIORITIES, parse_input, validate_input
from estimator.state import decode_state, encode_state

DATA = default_dataset()
TOOLS = frozenset(t.id for t in DATA.terms.work_tools)
TASK_IDS = [t.id for t in DATA.catalog.tasks]

quantities = st.one_of(st.integers(0, 500), st.decimals(0, 500, places=1).map(float))
task_items = st.builds(
    lambda task_id, quantity, period, priority, selected: {
        "id": task_id, "quantity": quantity, "period": period, "priority": priority, "selected": selected},
    st.sampled_from(TASK_IDS), quantities, st.sampled_from(PERIODS), st.sampled_from(PRIORITIES), st.booleans(),
)
checklists = st.lists(task_items, max_size=12, unique_by=lambda item: item["id"])
texts = st.text(max_size=60)
profiles = st.fixed_dictionaries({}, optional={
    "name": texts, "industry": texts, "business": texts, "website": texts, "notes": texts, "irregulars": texts,
    "contact_tool": st.sampled_from(sorted(TOOLS) + ["", "other"]), "video_call": st.sampled_from(["yes", "no", "either"]),
    "weekend_work": st.booleans(), "volume_fluctuates": st.booleans(),
    "desired_start": st.dates(datetime.date(2026, 11, 23), datetime.date(2027, 12, 31)).map(str),
})
valid_inputs = st.builds(
    lambda tasks, budget, profile: {"today": "2026-11-23", "tasks": tasks, "budget_yen": budget, "profile": profile},
    checklists, st.one_of(st.none(), st.integers(1, 2_000_000)), profiles,
)


def parsed(raw):
    return validate_input(raw, DATA.catalog, TOOLS)


@given(valid_inputs)
def test_hours_are_never_negative_and_totals_are_sums_of_parts(raw):
    hours = estimate_hours(parsed(raw).choices, DATA.catalog, DATA.terms)
    for line in hours.lines:
        assert 0 <= line.minutes.low <= line.minutes.typical <= line.minutes.high
    monthly = [line.minutes.typical for line in hours.monthly_lines]
    assert hours.monthly_work.typical == sum(monthly)
    assert hours.monthly_total.typical == hours.monthly_work.typical + hours.monthly_buffer.typical
    assert hours.initial_total.typical == hours.one_off_work.typical + hours.one_off_buffer.typical + hours.setup_minutes


@given(valid_inputs, st.sampled_from(TASK_IDS), st.integers(1, 50))
def test_more_volume_never_means_fewer_hours(raw, task_id, extra):
    base = parsed(raw)
    more = tuple(
        c.__class__(c.task_id, True, c.quantity + extra, c.period, c.priority) if c.task_id == task_id else c
        for c in base.choices
    )
    before = estimate_hours(tuple(c if c.task_id != task_id else c.__class__(c.task_id, True, c.quantity, c.period, c.priority)
                                  for c in base.choices), DATA.catalog, DATA.terms)
    after = estimate_hours(more, DATA.catalog, DATA.terms)
    for bound in ("low", "typical", "high"):
        assert getattr(after.monthly_total, bound) >= getattr(before.monthly_total, bound)
        assert getattr(after.initial_total, bound) >= getattr(before.initial_total, bound)


@given(valid_inputs)
def test_state_round_trips(raw):
    original = parsed(raw)
    state = encode_state(original, DATA.catalog)
    assert state.isascii() and all(ch.isalnum() or ch in "-_." for ch in state)
    decoded = decode_state(state, DATA.catalog)
    assert decoded.notices == ()
    again = validate_input({**decoded.raw_input, "today": "2026-11-23"}, DATA.catalog, TOOLS)
    assert again == original


@given(valid_inputs)
def test_budget_proposal_fits_or_says_why(raw):
    response = estimate(raw)
    assert response["errors"] == []
    budget = response["view"]["budget"]
    if budget and budget["proposal"]:
        assert budget["proposal"]["summary"]


junk = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20)),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children, max_size=4)),
    max_leaves=12,
)
bad_numbers = st.one_of(st.just(math.nan), st.just(math.inf), st.just(-1), st.just(-0.5), st.just("abc"),
                        st.just("1e9"), st.just(10**12), st.just(True), st.just([1]), st.just({}), st.just(""))


@given(junk)
def test_any_input_gives_a_validation_error_or_a_result(raw):
    try:
        parsed(raw)
    except InputError as error:
        assert error.errors and all(e.field and e.message for e in error.errors)
    response = estimate(raw)  # the browser entry never raises: it reports errors and keeps the rest
    assert isinstance(response["errors"], list) and "view" in response


@given(st.sampled_from(TASK_IDS), bad_numbers)
def test_bad_quantities_are_reported_on_their_field_and_the_rest_kept(task_id, bad):
    raw = {"today": "2026-11-23", "budget_yen": 50000,
           "tasks": [{"id": task_id, "quantity": bad}, {"id": "payroll", "quantity": 5, "priority": "must"}]}
    estimate_input, errors = parse_input(raw, DATA.catalog, TOOLS)
    fields = {e.field for e in errors}
    if task_id != "payroll":
        assert f"tasks.{task_id}.quantity" in fields or bad == "" and not fields
        payroll = next(c for c in estimate_input.choices if c.task_id == "payroll")
        assert payroll.selected and payroll.quantity == 5 and payroll.priority == "must"
    assert estimate_input.budget_yen == 50000


@given(st.text(max_size=80))
def test_tampered_states_give_a_validation_error_or_notices(text):
    try:
        decode_state(text, DATA.catalog)
    except InputError as error:
        assert error.errors[0].field == "state"
    result = restore(text)
    assert set(result) == {"input", "notices"}
