"""MkDocs hook for the estimator page (docs/estimate/index.md, template estimate.html).

- `on_page_context`: gives the template what it renders at build time, from the same Python code the
  browser runs: the task checklist from the catalog, the form's choices, and the default estimate
  (the result panel shows it at first paint, marked as the default until Python in the browser takes over),
  and where the worker finds Python (`assets`, read by partials/estimator/worker-settings.html).
- `on_post_build`: copies into the site what the page's Web Worker loads, all from this repository:
  Pyodide's runtime from the pinned npm package (node_modules/pyodide: its JavaScript and WebAssembly,
  not its full standard library), and the trimmed standard library and the estimator's bytecode that
  `make python` builds from the wheels (build/python, tools/python-bundle.mjs).
  Runs under `mkdocs serve` too.

Every copied file sits under a versioned or content-hashed path, so a host can cache it for a year.
"""

from __future__ import annotations

import datetime
import hashlib
import importlib.util
import json
import logging
import shutil
from functools import lru_cache
from pathlib import Path
from typing import Any

from estimator import default_dataset
from estimator.browser import estimate
from estimator.catalog import PERIOD_NAMES
from estimator.hiring import default_wage_yen
from estimator.hiring_text import percent_text
from estimator.inputs import PRIORITY_NAMES, TEXT_LIMITS, VIDEO_CALL_NAMES
from estimator.view import WHOLE_SEASONS_LABEL
from estimator.presets import preset_input
from estimator.units import quantity

log = logging.getLogger("mkdocs.hooks.estimator_page")

PAGE = "estimate/index.md"
ROOT = Path(__file__).resolve().parents[2]
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
# What the worker loads from the runtime; the standard library comes trimmed from build/python instead.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
PYTHON_DIR = ROOT / "build" / "python"
WHEELS_DIR = ROOT / "build" / "wheels"


def _load_hook(name: str):
    """Another hook of this folder as a module (MkDocs loads hooks by path, not as a package)."""
    spec = importlib.util.spec_from_file_location(f"hook_{name}", Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


precompress = _load_hook("precompress")


def _pyodide_version() -> str:
    return json.loads((PYODIDE_DIR / "package.json").read_text(encoding="utf-8"))["version"]


def _bundle() -> dict[str, Any] | None:
    """build/python/bundle.json, if it was made from this Pyodide and the current wheels."""
    note_path = PYTHON_DIR / "bundle.json"
    if not note_path.is_file():
        log.warning("estimator: build/python is missing; run `make python` (the page cannot load Python)")
        return None
    note = json.loads(note_path.read_text(encoding="utf-8"))
    wheels = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(WHEELS_DIR.glob("*.whl"))}
    if note.get("pyodide") != _pyodide_version() or note["app"]["wheels"] != wheels:
        log.warning("estimator: build/python is stale (other wheels or Pyodide); run `make python`")
    return note


def _assets() -> dict[str, Any]:
    """Site-relative paths of what the worker loads, with the bytes each weighs on the wire (for the
    progress bar); empty paths when this build has no Python bundle."""
    version = _pyodide_version()
    runtime = f"assets/pyodide/{version}/"
    note = _bundle()
    if note is None:
        return {"pyodide": runtime, "stdlib": "", "app": "", "lock": {}, "files": []}
    stdlib = f"assets/estimator/stdlib/{note['stdlib']['sha256'][:12]}/{note['stdlib']['file']}"
    app = f"assets/estimator/app/{note['app']['sha256'][:12]}/{note['app']['file']}"
    sources = {runtime + "pyodide.asm.mjs": PYODIDE_DIR / "pyodide.asm.mjs",
               runtime + "pyodide.asm.wasm": PYODIDE_DIR / "pyodide.asm.wasm",
               stdlib: PYTHON_DIR / note["stdlib"]["file"], app: PYTHON_DIR / note["app"]["file"]}
    files = [{"path": path, "bytes": precompress.transfer_size(source), "raw": source.stat().st_size}
             for path, source in sources.items()]
    return {"pyodide": runtime, "stdlib": stdlib, "app": app, "lock": note["lock_info"], "files": files}


@lru_cache(maxsize=1)
def _form_context(today: str) -> dict[str, Any]:
    data = default_dataset()
    catalog, terms = data.catalog, data.terms
    categories = []
    for category in catalog.categories:
        tasks = [
            {
                "id": t.id,
                "name": t.name,
                "description": t.description,
                "unit": t.unit,
                # A plain number for the input field: no thousands separator.
                "quantity": quantity(t.default_quantity).replace(",", ""),
                "period": t.default_period,
                "selected": t.default_selected,
                "delegability": t.delegability,
                "guide": t.guide,
            }
            for t in catalog.tasks
            if t.category == category.id
        ]
        if tasks:
            chosen = sum(1 for t in tasks if t["selected"])
            not_offered = [{"id": t.id, "name": t.name, "reason": t.reason} for t in catalog.not_offered_in(category.id)]
            categories.append({"id": category.id, "name": category.name, "tasks": tasks, "chosen": chosen,
                               "not_offered": not_offered})
    return {
        "today": today,
        "categories": categories,
        "periods": PERIOD_NAMES,
        "priorities": PRIORITY_NAMES,
        "video_call": VIDEO_CALL_NAMES,
        "limits": TEXT_LIMITS,
        "whole_seasons_label": WHOLE_SEASONS_LABEL,
        "tools": [{"id": t.id, "name": t.name} for t in terms.work_tools],
        "channels": [c.name for c in terms.inquiry_channels],
        "email": terms.email,
        "provider": terms.provider_name,
        "default": estimate({"today": today}, data, with_year=False),
        "presets": _presets(data),
        "prefectures": [{"id": p.id, "name": p.name} for p in data.hiring.prefectures],
        "default_prefecture": data.hiring.default_prefecture,
        "hiring_fields": _hiring_fields(data),
        "coverage": data.hiring.coverage,
    }


def _hiring_fields(data) -> list[tuple[str, str, str]]:
    """The hiring comparison's amounts: (field, label, placeholder showing the default that applies when empty)."""
    h = data.hiring
    wage = default_wage_yen(h.prefecture(h.default_prefecture), h)
    return [
        ("hourly_wage", "時給（円）", f"空欄なら都道府県の最低賃金の{percent_text(h.wage_markup_percent.value)}%増し（{h.prefecture(h.default_prefecture).name}は{wage:,}円）"),
        ("monthly_salary", "月給（円・正社員の場合）", "入れると、時給の代わりに週40時間の月給で計算"),
        ("commuting", "通勤手当（月・円）", f"空欄なら、週5日で{h.commuting_full_time.yen:,}円を出勤の日数で割った額"),
        ("recruiting", "採用にかかる費用（円）", f"空欄なら{h.recruiting.yen:,}円"),
        ("equipment", "パソコンなどをそろえる費用（円）", f"空欄なら{h.equipment.yen:,}円"),
    ]


def _presets(data) -> list[dict[str, Any]]:
    """The starting sets for the page: name and summary to show, and the ticked tasks the page applies
    (only the chosen ones; the page unticks every other task)."""
    sets = []
    for preset in data.presets:
        tasks = [t for t in preset_input(preset, data.catalog)["tasks"] if t["selected"]]
        sets.append({"id": preset.id, "name": preset.name, "summary": preset.summary, "tasks": tasks})
    return sets


def on_page_context(context, page, config, nav):
    if page.file.src_uri != PAGE:
        return context
    today = datetime.date.today().isoformat()
    context["estimator"] = {**_form_context(today), "assets": _assets()}
    return context


def on_post_build(config):
    site = Path(config["site_dir"])
    target = site / "assets" / "pyodide" / _pyodide_version()
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(PYODIDE_DIR / name, target / name)
    assets = _assets()
    for key in ("stdlib", "app"):
        if assets[key]:
            dest = site / assets[key]
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(PYTHON_DIR / dest.name, dest)
