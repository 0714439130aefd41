"""Helpers shared by the engine tests (plain functions, importable from CPython and Pyodide)."""

import dataclasses
import datetime
from fractions import Fraction

from estimator import DataError, default_dataset, load_dataset
from estimator.catalog import MinuteRange, Peak, Season
from estimator.contract import OutsideHours, Trial
from estimator.terms import Plan, Pricing
from estimator.inputs import validate_input
from estimator.report import build_report

TODAY = datetime.date(2026, 11, 23)


def request(*tasks, budget=None, **profile):
    """A browser-style request: tasks as (id, quantity, period, priority) tuples, all others unselected."""
    chosen = {t[0] for t in tasks}
    items = [{"id": task_id, "selected": True, "quantity": quantity, "period": period, "priority": priority}
             for task_id, quantity, period, priority in tasks]
    items += [{"id": t.id, "selected": False} for t in default_dataset().catalog.tasks if t.id not in chosen]
    raw = {"today": TODAY.isoformat(), "tasks": items, "profile": profile}
    if budget is not None:
        raw["budget_yen"] = budget
    return raw


def report_for(data, *tasks, budget=None, **profile):
    tools = frozenset(t.id for t in data.terms.work_tools)
    return build_report(validate_input(request(*tasks, budget=budget, **profile), data.catalog, tools), data)


# The sample's prices and terms written out, so that a test's hand-computed figures stay right when the
# shipped sample values change (they are samples: an operator, or the catalog's research, moves them).
SAMPLE_PLANS = (Plan("plan-10", "10時間プラン", 10, 30000, 3300), Plan("plan-20", "20時間プラン", 20, 56000, 3000),
                Plan("plan-30", "30時間プラン", 30, 78000, 2800))
SAMPLE_PRICING = Pricing(hourly_rate_yen=3500, hourly_increment_minutes=15, overage_increment_minutes=60,
                         carry_over_months=0, tax_rate_percent=10, tax_rounding="floor", buffer_percent=20,
                         plans=SAMPLE_PLANS)
SAMPLE_TERMS = dict(pricing=SAMPLE_PRICING, setup_fee_yen=20000, setup_applies_to_plans=True,
                    setup_applies_to_spot=False, setup_applies_to_trial=False, setup_handover_minutes=120,
                    setup_minutes_per_task=30, business_days_per_month=Fraction(20), weeks_per_month=Fraction("4.3"),
                    trial=Trial(offered=True, hours=5, fee_yen=15000, days=30, converts_automatically=False,
                                fee_counts_toward="setup-fee"),
                    outside_hours=OutsideHours(weekend_allowed=True, weekend_surcharge_percent=25,
                                               after_hours_allowed=True, after_hours_surcharge_percent=25))
# Tasks with their minutes written out: (minutes per unit low, typical, high) and, where it matters, the season.
SAMPLE_TASKS = {
    "bookkeeping": dict(minutes_per_unit=MinuteRange(Fraction("0.5"), Fraction("0.6"), Fraction("1.2")),
                        season=Season(peaks=(Peak(None, 0, 150),))),
    "research": dict(minutes_per_unit=MinuteRange(Fraction(60), Fraction(60), Fraction(60))),
    "manual-writing": dict(minutes_per_unit=MinuteRange(Fraction(120), Fraction(240), Fraction(480)), season=Season()),
    "year-end-adjustment": dict(minutes_per_unit=MinuteRange(Fraction(15), Fraction(30), Fraction(60)),
                                season=Season(months=(11, 12))),
    "travel": dict(minutes_per_unit=MinuteRange(Fraction(20), Fraction(40), Fraction(90)), season=Season()),
    "payroll": dict(minutes_per_unit=MinuteRange(Fraction(10), Fraction(20), Fraction(30)), season=Season()),
}


def pinned(data=None, pricing=None, **terms):
    """The shipped data with SAMPLE_TERMS, SAMPLE_TASKS and then `terms` (Terms fields) and `pricing`
    (Pricing fields) changed: figures computed by hand from the values above."""
    data = data or default_dataset()
    changed = {**SAMPLE_TERMS, **terms}
    changed["pricing"] = dataclasses.replace(changed["pricing"], **(pricing or {}))
    tasks = tuple(dataclasses.replace(t, **SAMPLE_TASKS[t.id]) if t.id in SAMPLE_TASKS else t for t in data.catalog.tasks)
    return dataclasses.replace(data, terms=dataclasses.replace(data.terms, **changed),
                               catalog=dataclasses.replace(data.catalog, tasks=tasks))


def edit(path, old, new, *, first=False):
    """Change a data file in a test's copy of the data folder. `old` must stand in it exactly once, or with
    `first`, at least once: then only its first place changes (the first task of a category, say)."""
    text = path.read_text(encoding="utf-8")
    assert old in text if first else text.count(old) == 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def load_error(data_dir, file: str, old: str, new: str, *, first=False) -> DataError:
    """The error that loading `data_dir` raises once `old` in `file` reads `new` (as `edit` changes it): it
    must raise one."""
    edit(data_dir / file, old, new, first=first)
    try:
        load_dataset(data_dir)
    except DataError as error:
        return error
    raise AssertionError(f"{file} loaded although {old!r} became {new!r}")
