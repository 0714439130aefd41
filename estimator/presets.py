"""Starting sets (「始め方」): typical tasks and quantities for a kind of business, from `data/presets.toml`.

A set is a starting point for the checklist, not a separate kind of estimate: the page ticks the set's
tasks with its quantities and unticks the rest, and everything after that is ordinary input. Staff link
to a set with `estimate/#set=<id>`. Each set is checked against the catalog when the data is loaded, so
a renamed or removed task fails the build naming the file, the set and the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from .catalog import PERIODS, Catalog
from .inputs import MAX_QUANTITY, PRIORITIES
from .records import Record, read_toml
from .units import quantity


@dataclass(frozen=True)
class PresetTask:
    task_id: str
    quantity: Fraction
    period: str
    priority: str


@dataclass(frozen=True)
class Preset:
    id: str
    name: str
    summary: str
    tasks: tuple[PresetTask, ...]


def load_presets(path: Path, catalog: Catalog) -> tuple[Preset, ...]:
    root = Record(path.name, "(ファイル全体)", read_toml(path))
    return tuple(_preset(record, catalog) for record in root.tables("presets"))


def _preset(r: Record, catalog: Catalog) -> Preset:
    entries = r.data.get("tasks")
    if not isinstance(entries, list) or not entries:
        raise r.fail("tasks", "1つ以上の業務が必要です")
    tasks, seen = [], set()
    for index, entry in enumerate(entries):
        item = Record(r.file, r.label, entry, prefix=f"tasks[{index}].")
        task_id = item.text("id")
        if not catalog.has_task(task_id):
            raise item.fail("id", f"業務の一覧（catalog.toml）にない業務です（{task_id!r}）")
        if task_id in seen:
            raise item.fail("id", f"同じ業務が2回あります（{task_id!r}）")
        seen.add(task_id)
        task = catalog.task(task_id)
        if task.is_reserved:
            raise item.fail("id", f"士業の独占業務は始め方に入れられません（{task_id!r}）")
        amount = item.number("quantity")
        if amount > MAX_QUANTITY:
            raise item.fail("quantity", f"{MAX_QUANTITY} 以下の値が必要です（{amount}）")
        period = item.choice("period", PERIODS) if "period" in item.data else task.default_period
        priority = item.choice("priority", PRIORITIES) if "priority" in item.data else "want"
        tasks.append(PresetTask(task_id, amount, period, priority))
    return Preset(r.text("id"), r.text("name"), r.text("summary"), tuple(tasks))


def preset_input(preset: Preset, catalog: Catalog) -> dict[str, Any]:
    """The set as the form's raw input: its tasks ticked with their volumes, every other task unticked.

    What the page applies when the set is chosen (the same values, rendered into the page at build time),
    and what `parse_input` reads, so a set's estimate can be tested and linked like any other input."""
    chosen = {t.task_id: t for t in preset.tasks}
    tasks = []
    for task in catalog.tasks:
        item = chosen.get(task.id)
        if item is None:
            tasks.append({"id": task.id, "selected": False})
        else:
            tasks.append({"id": task.id, "selected": True, "quantity": quantity(item.quantity).replace(",", ""),
                          "period": item.period, "priority": item.priority})
    return {"tasks": tasks}


def find_preset(presets: tuple[Preset, ...], preset_id: str) -> Preset | None:
    return next((p for p in presets if p.id == preset_id), None)
