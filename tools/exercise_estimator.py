"""Everything the estimator page's worker asks of Python, on inputs that reach every part of the engine.

Run inside Pyodide by tools/python-bundle.mjs (to find which standard-library modules the estimator
imports, by tracing `sys.modules` afterwards) and by tests/pyodide/run_engine_tests.mjs (to prove that
the trimmed library built from that trace holds every module these calls need). It calls exactly what
overrides/assets/javascripts/estimator/worker.js calls: `estimate_json`, `year_json`, `share_state_json`,
`restore_json`, and the garbage-collector call after the start. The requests are the page's own shapes:
the catalog's defaults, every starting set, every task ticked with each period, budgets that fit and do
not, weekend work, the hiring comparison's figures, full-width digits, bad values and unreadable text.
"""

from __future__ import annotations

import gc
import importlib
import json
import os

import estimator
import estimator.browser as browser
from estimator import default_dataset
from estimator.presets import preset_input

TODAY = "2026-01-05"


def every_module() -> list[str]:
    """The names of all modules of the estimator package, imported one by one."""
    folder = os.path.dirname(estimator.__file__)
    names = sorted(f"estimator.{name.split('.')[0]}" for name in os.listdir(folder)
                   if name.endswith((".py", ".pyc")) and not name.startswith("__"))
    for name in names:
        importlib.import_module(name)
    return names


def requests() -> list[dict]:
    data = default_dataset()
    tasks = data.catalog.tasks
    periods = ("month", "week", "day", "year", "once")
    everything = [{"id": t.id, "selected": True, "quantity": str(3 + i % 5), "period": periods[i % len(periods)],
                   "priority": ("must", "want", "nice")[i % 3]} for i, t in enumerate(tasks)]
    profile = {"name": "株式会社サンプル", "industry": "小売", "business": "ネットショップ", "website": "https://example.jp/",
               "contact_tool": data.terms.work_tools[0].id if data.terms.work_tools else "", "video_call": "yes",
               "desired_start": "2026-02-02", "weekend_work": True, "volume_fluctuates": True, "weekend_hours": "６",
               "fiscal_month": "9", "irregulars": "繁忙期は月末", "notes": "よろしくお願いします。"}
    prefecture = data.hiring.prefectures[-1].id
    hiring_hourly = {"prefecture": prefecture, "hourly_wage": "1,300", "commuting": "１００００", "recruiting": "300000",
                     "equipment": "150000"}
    hiring_salary = {"prefecture": prefecture, "monthly_salary": "250000"}
    found = [
        {"today": TODAY},
        {"today": TODAY, "budget_yen": "20000"},
        {"today": TODAY, "budget_yen": "１２万円"},
        {"today": TODAY, "tasks": everything, "budget_yen": "50000", "profile": profile, "hiring": hiring_hourly},
        {"today": TODAY, "tasks": everything[:5], "budget_yen": "5000000", "hiring": hiring_salary},
        {"today": TODAY, "tasks": [{**t, "selected": False} for t in everything]},
        {"today": "2026-12-28", "tasks": everything[::3], "profile": {**profile, "weekend_work": False}},
        {"today": "not a date", "budget_yen": "abc", "tasks": [{"id": "no-such-task", "quantity": "-1"}],
         "profile": {"desired_start": "someday", "fiscal_month": "13", "weekend_hours": "many"},
         "hiring": {"prefecture": "nowhere", "hourly_wage": "x"}},
    ]
    found += [{"today": TODAY, **preset_input(preset, data.catalog)} for preset in data.presets]
    return found


def exercise() -> int:
    """Every call the page makes, on every request above; returns how many calls were made."""
    every_module()
    calls = 0
    for request in requests():
        text = json.dumps(request, ensure_ascii=False)
        json.loads(browser.estimate_json(text))
        json.loads(browser.year_json(text))
        state = browser.share_state_json(text)
        json.loads(browser.restore_json(state))
        calls += 4
    for unreadable in ("{", "[" * 100 + "]" * 100, '"text"', "null", "{\"tasks\": 5}"):
        json.loads(browser.estimate_json(unreadable))
        json.loads(browser.year_json(unreadable))
        calls += 2
    for state in ("", "garbage", "v1.!!!", "x" * 5000):
        json.loads(browser.restore_json(state))
        calls += 1
    gc.collect()
    gc.freeze()
    return calls


if __name__ == "__main__":
    print(exercise())
