"""Helpers shared by the engine tests (plain functions, importable from CPython and Pyodide)."""

import datetime

from estimator import default_dataset
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
