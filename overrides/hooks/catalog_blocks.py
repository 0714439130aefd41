"""The guides' blocks from the task catalog and the market figures (filled by data_tables.py).

- `<!-- data:catalog -->`: one short section per task (not a wide table, so it reads well on a 360 px
  phone): what it is, its minutes, where the minutes come from (each page read, with the day it was read,
  or 「仮定」 with the reasons), and whether the provider takes it on. Work the provider does not do is
  listed in its category too, with what the client can do instead.
- `<!-- data:not-offered -->`: the work the provider does not do, as a list (the FAQ's offline answers).
- `<!-- task:translation -->`: the provider's answer about one task, in one or two sentences.
- `<!-- data:market -->`: other providers' published prices, each with its page and the day it was read.
"""

from __future__ import annotations

import posixpath

from estimator.market import load_market
from markdown_parts import table as _table
from estimator.units import day_ja, quantity, yen

DELEGABILITY_NAMES = {"ok": "お引き受けします", "partly": "一部をお引き受けします",
                      "reserved": "お引き受けできません（士業の独占業務）"}


def _minutes(m) -> str:
    return f"{quantity(m.typical)}分（{quantity(m.low)}〜{quantity(m.high)}分）"


def _link(title: str, url: str) -> str:
    return f"「[{title}]({url})」"


def _basis(task) -> list[str]:
    """Where the task's minutes come from, as list items."""
    if task.minutes_basis == "hours":
        return ["- 時間の根拠：時間を決めて頼む業務です。お客さまが決めた時間をそのまま使います。"]
    if task.minutes_basis == "assumed":
        return [f"- 時間の根拠：仮定。{task.assumption}"]
    lines = ["- 時間の根拠：公表された数字"]
    for source in task.sources:
        line = (f"    - {_link(source.title, source.url)}（{day_ja(source.read_on)}に読みました）："
                f"{source.figure}。{source.conversion}。")
        if source.differs:
            line += f"目安との違い：{source.differs}"
        lines.append(line)
    return lines


def _task_section(task, catalog) -> list[str]:
    parts = [f"#### {task.name} {{#task-{task.id}}}\n\n{task.description}\n"]
    if task.is_reserved:
        parts.append(f"- 依頼：{DELEGABILITY_NAMES['reserved']}。{catalog.reserved_by(task)}の業務です。"
                     f"[詳しく](../../{task.guide})")
        parts.append("- 見積もり：時間には含めません。")
    else:
        parts.append(f"- 目安：1{task.unit}あたり{_minutes(task.minutes_per_unit)}")
        parts += _basis(task)
        parts.append(f"- 依頼：{DELEGABILITY_NAMES[task.delegability]}")
        if task.reserved_note:
            parts.append(f"- 注意：{task.reserved_note}[詳しく](../../{task.guide})")
    return parts + [""]


def _not_offered_section(item) -> list[str]:
    parts = [f"#### {item.name} {{#task-{item.id}}}\n\n{item.description}\n",
             f"- 依頼：お引き受けしていません。{item.reason}[詳しく](../../{item.guide})"]
    if item.instead:
        parts.append(f"- 代わりに：{item.instead}")
    return parts + [""]


def catalog_block(data) -> str:
    catalog = data.catalog
    parts = []
    for category in catalog.categories:
        parts.append(f"### {category.name} {{#catalog-{category.id}}}\n")
        for task in catalog.tasks_in(category.id):
            parts += _task_section(task, catalog)
        for item in catalog.not_offered_in(category.id):
            parts += _not_offered_section(item)
    parts.append("公表された数字をもとにした時間には、読んだページと読んだ日を添えています。"
                 "「仮定」は、公表された数字が見つからず、理由を書いて置いた値です。")
    return "\n".join(parts)


def not_offered_block(data, where: str) -> str:
    """The list with each item linked to its section of the task list, relative to the page `where`."""
    tasks_page = posixpath.relpath("guide/tasks.md", posixpath.dirname(where) or ".")
    return "\n".join(f"- [{item.name}]({tasks_page}#task-{item.id})：{item.reason}{item.instead}"
                     for item in data.catalog.not_offered)


def task_answer(data, task_id: str) -> str | None:
    """「当社は…お引き受けします。」 for one task of the catalog, then the detail in a paragraph of its own (an
    answer comes first), or None when the catalog has no such task."""
    catalog = data.catalog
    item = catalog.not_offered_task(task_id)
    if item is not None:
        return f"当社は{item.name}をお引き受けしていません。{item.reason}\n\n{item.instead}"
    if not catalog.has_task(task_id):
        return None
    task = catalog.task(task_id)
    if task.is_reserved:
        return f"当社は{task.name}をお引き受けできません。{catalog.reserved_by(task)}の業務です。"
    text = (f"当社は{task.name}をお引き受けします。\n\n{task.description}"
            f"目安は1{task.unit}あたり{_minutes(task.minutes_per_unit)}です。")
    return text + task.reserved_note if task.delegability == "partly" else text


def market_block(data) -> str:
    """Each published figure with its page and the day it was read; a plan also per hour."""
    lines = []
    for figure in load_market():
        per_hour = f"（1時間あたり約{yen(round(figure.yen_per_hour[0]))}）" if figure.is_plan else ""
        lines.append(f"- {figure.provider}：{figure.figure}{per_hour}。{figure.note}"
                     f"出典：{_link(figure.title, figure.url)}（{day_ja(figure.read_on)}に読みました）")
    return "\n".join(lines)


def service_kinds_block(data):
    """Each way of handing work over that catalog tasks belong to, with those tasks (the catalog's
    `service_kinds`), in the catalog's order. A kind no task belongs to (人を雇う) is left out: the guide
    writes that section itself. For guide pages (links are relative to docs/guide/)."""
    catalog = data.catalog
    parts = []
    for kind in catalog.service_kinds:
        tasks = [t for t in catalog.tasks if kind.id in t.service_kinds]
        if not tasks:
            continue
        links = "、".join(_link(t.name, f"tasks.md#task-{t.id}") for t in tasks)
        parts += [f"### {kind.name} {{#kind-{kind.id}}}\n", f"{kind.summary}です。\n",
                  f"業務の一覧のうち、この任せ方に入る業務（{len(tasks)}件）：{links}\n"]
    return "\n".join(parts)


def catalog_overview_block(data):
    """The catalog's areas with how many of their tasks the provider takes on and how many it does not (士業の
    独占業務), in the catalog's order; each area links to its part of the list below (guide/tasks). Counts,
    not names, so that three columns fit a 360 px phone."""
    catalog = data.catalog
    rows = []
    for category in catalog.categories:
        tasks = catalog.tasks_in(category.id)
        taken = [t for t in tasks if not t.is_reserved]
        partly = sum(1 for t in taken if t.delegability == "partly")
        count = f"{len(taken)}件" + (f"（うち一部だけ{partly}件）" if partly else "")
        rows.append([f"[{category.name}](#catalog-{category.id})", count, f"{len(tasks) - len(taken)}件"])
    taken_all = sum(1 for t in catalog.tasks if not t.is_reserved)
    lead = (f"一覧には{len(catalog.tasks)}の業務があり、当社がお引き受けするのはそのうち{taken_all}件です。"
            f"残りの{len(catalog.tasks) - taken_all}件は士業の独占業務で、お引き受けしていません。")
    if catalog.not_offered:
        lead += f"このほか、その場での作業が要る{len(catalog.not_offered)}件も、お引き受けしていません（各分野の終わりに載せています）。"
    return lead + "\n\n" + _table(["分野", "お引き受けする業務", "士業の独占業務（お引き受けしません）"], rows)
