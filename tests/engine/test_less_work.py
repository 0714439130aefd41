"""Properties of the figures over random clients: less work never shows a higher figure, a switching option
is listed only when it beats every single plan, and a budget proposal prices a month as the estimate does."""

import dataclasses
import itertools

from hypothesis import given, strategies as st

from estimator import default_dataset
from estimator.annual import _cheapest_sequence, _price
from estimator.catalog import PERIODS
from estimator.inputs import validate_input
from estimator.pricing import NO_WEEKEND
from estimator.report import build_report
from estimator.seasons import MonthHours, add_months

from support import TODAY

DATA = default_dataset()
TOOLS = frozenset(t.id for t in DATA.terms.work_tools)
TASK_IDS = [t.id for t in DATA.catalog.tasks]
CARRYING = dataclasses.replace(DATA, terms=dataclasses.replace(
    DATA.terms, pricing=dataclasses.replace(DATA.terms.pricing, carry_over_months=2)))

quantities = st.one_of(st.integers(0, 300), st.decimals(0, 300, places=2).map(str))
tasks = st.lists(st.tuples(st.sampled_from(TASK_IDS), quantities, st.sampled_from(PERIODS),
                           st.sampled_from(["must", "want", "nice"])), min_size=1, max_size=8, unique_by=lambda t: t[0])
profiles = st.fixed_dictionaries({}, optional={
    "weekend_work": st.just(True), "weekend_hours": st.integers(0, 60).map(str), "fiscal_month": st.integers(1, 12).map(str),
    "desired_start": st.dates(TODAY.replace(month=12, day=10), TODAY.replace(year=TODAY.year + 1, month=11, day=30)).map(str),
    "whole_seasons": st.booleans(),
})
clients = st.tuples(tasks, profiles, st.one_of(st.none(), st.integers(5000, 300000)))


def report(items, profile, budget, data=DATA):
    chosen = {item[0] for item in items}
    raw = {"today": TODAY.isoformat(), "budget_yen": budget, "profile": profile,
           "tasks": [{"id": task_id, "quantity": quantity, "period": period, "priority": priority, "selected": True}
                     for task_id, quantity, period, priority in items]
           + [{"id": task_id, "selected": False} for task_id in TASK_IDS if task_id not in chosen]}
    return build_report(validate_input(raw, data.catalog, TOOLS), data)


def shown(r) -> dict[str, int]:
    """Every hour and yen figure the page shows for a client's own input (a proposal is a suggestion, not
    a figure of the input, and is left out)."""
    h = r.hours
    figures = {"weekend surcharge": r.weekend_surcharge_yen, "setup hours": h.setup_minutes,
               "first month hours": r.first_month_minutes, "first month": r.first_month.cost.gross_yen}
    for bound in ("low", "typical", "high"):
        figures[f"monthly hours {bound}"] = getattr(h.monthly_total, bound)
        figures[f"one-off hours {bound}"] = getattr(h.one_off_work + h.one_off_buffer, bound)
        figures[f"yearly work {bound}"] = getattr(h.yearly_work, bound)
    for option in r.options:
        figures[f"month on {option.id}"] = option.cost.gross_yen
    figures["month, cheapest"] = r.best_option.cost.gross_yen
    for first in r.first_months:
        figures[f"first month on {first.option.id}"] = first.cost.gross_yen
    if r.fee_later:
        figures["the month the setup fee comes in"] = r.fee_later.gross_yen
    if r.first_month_after_trial:
        figures["first month after the trial"] = r.first_month_after_trial.cost.gross_yen
    if r.budget:
        figures["over the budget"] = r.budget.over_by_yen
        figures["first month over the budget"] = r.budget.first_month_over_by_yen
    for index, month in enumerate(r.year.months):
        figures[f"year month {index} hours"] = month.minutes
    for cost in r.year.costs:
        if cost.id != "switch":  # listed or not as it beats the plans; the year's best covers it
            figures[f"year on {cost.id}"] = cost.gross_yen
    figures["year, cheapest"] = r.year.best.gross_yen
    return figures


def less_work(items, draw):
    """The same tasks with one of them dropped or cut to a smaller quantity."""
    index = draw(st.integers(0, len(items) - 1))
    task_id, quantity, period, priority = items[index]
    smaller = draw(st.one_of(st.just(0), st.decimals(0, quantity, places=2).map(str)))
    cut = list(items)
    if draw(st.booleans()):
        del cut[index]
    else:
        cut[index] = (task_id, smaller, period, priority)
    return cut


@given(clients, st.data())
def test_removing_work_never_raises_a_figure_the_page_shows(client, data):
    items, profile, budget = client
    before = shown(report(items, profile, budget))
    after = shown(report(less_work(items, data.draw), profile, budget))
    raised = {name: (before[name], after[name]) for name in before if name in after and after[name] > before[name]}
    assert raised == {}


@given(clients, st.data())
def test_with_hours_carried_over_removing_work_never_raises_a_figure_either(client, data):
    items, profile, budget = client
    before = shown(report(items, profile, budget, CARRYING))
    after = shown(report(less_work(items, data.draw), profile, budget, CARRYING))
    raised = {name: (before[name], after[name]) for name in before if name in after and after[name] > before[name]}
    assert raised == {}


loads = st.lists(st.integers(0, 2400), min_size=5, max_size=5)


@given(loads, st.integers(1, 4))
def test_the_switch_is_the_cheapest_of_every_sequence_of_plans(minutes, carry_months):
    terms = dataclasses.replace(DATA.terms, pricing=dataclasses.replace(DATA.terms.pricing, carry_over_months=carry_months))
    months = tuple(MonthHours(add_months(TODAY, i), m) for i, m in enumerate(minutes))
    plans = [plan.id for plan in terms.pricing.plans]
    every = min(sum(m.cost.gross_yen for m in _price(months, list(sequence), terms))
                for sequence in itertools.product(plans, repeat=len(months)))
    found = _cheapest_sequence(months, terms, NO_WEEKEND)
    assert sum(m.cost.gross_yen for m in _price(months, found, terms)) == every


@given(clients)
def test_a_switching_option_is_listed_only_when_it_costs_less_than_every_single_plan(client):
    for data in (DATA, CARRYING):
        year = report(*client, data).year
        costs = {cost.id: cost.gross_yen for cost in year.costs}
        if "switch" in costs:
            assert costs["switch"] < min(costs[plan.id] for plan in data.terms.pricing.plans)
        assert year.best.gross_yen == min(costs.values())


@given(clients)
def test_a_proposal_costs_what_the_estimate_of_its_tasks_would(client):
    items, profile, budget = client
    r = report(items, profile, budget or 20000)
    proposal = r.budget.proposal
    if proposal is None:
        return
    musts = [item for item in items if item[3] == "must"]
    if musts:
        alone = report(musts, profile, None)
        assert proposal.must_only_option.cost.gross_yen == alone.best_option.cost.gross_yen
    if proposal.fits:
        reduced = {a.task_id: a.to_quantity for a in proposal.adjustments}
        kept = [(t, str(reduced.get(t, q)), p, pr) for t, q, p, pr in items if reduced.get(t, 1) != 0]
        assert proposal.option.cost.gross_yen == report(kept, profile, None).best_option.cost.gross_yen
