"""MkDocs hook: fill the guides' data markers from the estimator's data files.

Pages write `<!-- data:plans -->` (a block) or `<!-- value:hourly-rate -->` (inline) instead of
copying figures, so the guides and the estimator read one source and can never disagree. An
unknown marker fails the build, naming the page and the marker; a broken data file fails it with
the file, record and field (estimator.DataError).
"""

from __future__ import annotations

import re
from html import escape

from estimator import default_dataset
from estimator.schedule import route_steps
from estimator.pricing import with_tax
from estimator.subsidy import worked_example
from estimator.units import quantity, yen
from mkdocs.exceptions import PluginError

MARKER = re.compile(r"<!--\s*(data|value):([a-z0-9-]+)\s*-->")
DELEGABILITY_NAMES = {"ok": "頼めます", "partly": "一部だけ頼めます", "reserved": "頼めません（士業の独占業務）"}


def on_config(config):
    # Load once per build, so a broken data file stops the build before any page is written.
    default_dataset.cache_clear()
    default_dataset()
    return config


def on_page_markdown(markdown, page, config, files):
    def replace(match):
        kind, name = match.groups()
        table = BLOCKS if kind == "data" else VALUES
        if name not in table:
            raise PluginError(f"{page.file.src_path}: unknown marker <!-- {kind}:{name} -->")
        return table[name](default_dataset())

    return MARKER.sub(replace, markdown)


def _table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "｜") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _sample_note(data):
    return f"\n\n*{data.terms.sample_note}*" if data.terms.is_sample else ""


def _plans(data):
    pricing = data.terms.pricing
    rows = []
    for plan in pricing.plans:
        money = with_tax(plan.monthly_fee_yen, pricing)
        rows.append([plan.name, f"{yen(money.net_yen)}（税込 {yen(money.gross_yen)}）",
                     f"{yen(plan.monthly_fee_yen // plan.hours)}", f"{yen(plan.overage_yen_per_hour)}"])
    return _table(["プラン", "月額（税抜）", "1時間あたり", "超過1時間"], rows) + _sample_note(data)


def _rates(data):
    p = data.terms.pricing
    rounding = {"floor": "切り捨て", "round": "四捨五入", "ceil": "切り上げ"}[p.tax_rounding]
    items = [
        f"- 時間単価（スポット）：1時間 {yen(p.hourly_rate_yen)}（税抜）。{p.hourly_increment_minutes}分単位で切り上げて計算します。",
        f"- プランの超過分：{p.overage_increment_minutes}分単位で切り上げ、プランごとの超過単価で計算します。",
        f"- 消費税：{p.tax_rate_percent}%。月の合計額にかけ、1円未満は{rounding}です。",
        f"- 見積もりの余裕分：作業時間に{p.buffer_percent}%を足して、やりとりや修正の時間とします。",
    ]
    if p.unused_hours_expire:
        items.append(f"- 使わなかった時間：{p.unused_hours_note}")
    return "\n".join(items) + _sample_note(data)


def _payment(data):
    t = data.terms
    items = [f"- お支払いの時期：{t.payment_timing}", f"- お支払い方法：{'、'.join(t.payment_methods)}",
             f"- 契約の方法：{'、'.join(t.contract_methods)}"]
    if t.corporate_postpay:
        items.insert(1, f"- 法人の場合：{t.corporate_postpay}")
    if t.quote_note:
        items.append(f"- 見積もり：{t.quote_note}")
    return "\n".join(items)


def _contact(data):
    t = data.terms
    return "\n".join([
        f"- お問い合わせ：{'、'.join(c.name for c in t.inquiry_channels)}（メール：{t.email}）",
        f"- 作業中の連絡ツール：{'、'.join(c.name for c in t.work_tools)}など、お客さまが使っているものに合わせます。",
        f"- 対応時間：{t.business_hours}",
    ])


def _closed_days(data):
    t = data.terms
    names = "月火水木金土日"
    weekdays = "・".join(names[d - 1] for d in sorted(t.business_weekdays))
    closed = "、".join(f"{p.start[0]}月{p.start[1]}日〜{p.end[0]}月{p.end[1]}日" for p in t.closed_periods)
    return "\n".join([f"- 営業日：{weekdays}曜日（祝日を除く）", f"- 対応時間：{t.business_hours}",
                      f"- 毎年の休業期間：{closed}"])


def _steps(data):
    """The request path as an ordered list of step boxes, drawn with HTML and CSS only."""
    parts = ['<div class="request-paths">']
    for with_video, title in ((True, "オンライン面談をする場合"), (False, "文章だけでやりとりする場合")):
        steps = route_steps(data.terms, with_video)
        total = sum(s.business_days for s in steps)
        parts.append(f'<section class="request-path" aria-label="{title}"><p class="request-path__title">'
                     f'{title}（目安：合計{total}営業日）</p><ol class="request-steps">')
        for step in steps:
            parts.append(f'<li class="request-step"><span class="request-step__name">{escape(step.name)}</span>'
                         f'<span class="request-step__meta">{step.business_days}営業日・{escape(step.who)}</span></li>')
        parts.append("</ol></section>")
    parts.append("</div>")
    return "".join(parts)


def _professions(data):
    """Three short columns that fit a phone; each profession's section on the page gives the rest."""
    rows = [[f"[{p.name}](../../{p.guide})", f"{p.law}{p.article}", p.condition] for p in data.catalog.professions]
    return _table(["士業", "法律・条文", "報酬の条件"], rows)


def _catalog(data):
    """One short block per task (not a wide table), so it reads well on a 360 px phone."""
    catalog = data.catalog
    parts = []
    for category in catalog.categories:
        parts.append(f"### {category.name} {{#catalog-{category.id}}}\n")
        for task in catalog.tasks_in(category.id):
            m = task.minutes_per_unit
            parts.append(f"#### {task.name} {{#task-{task.id}}}\n\n{task.description}\n")
            if task.is_reserved:
                parts.append(f"- 依頼：{DELEGABILITY_NAMES[task.delegability]}。[くわしく](../../{task.guide})")
                parts.append(f"- 見積もり：{task.source}")
            else:
                parts.append(f"- 目安：1{task.unit}あたり{quantity(m.typical)}分（{quantity(m.low)}〜{quantity(m.high)}分）")
                parts.append(f"- 時間の出典：{task.source}")
                parts.append(f"- 依頼：{DELEGABILITY_NAMES[task.delegability]}")
                if task.reserved_note:
                    parts.append(f"- 注意：{task.reserved_note}[くわしく](../../{task.guide})")
            parts.append("")
    parts.append(f"時間の出典は{catalog.sources_checked}に確認しました。「仮定」は公表された数値がなく、目安として置いた値です。")
    return "\n".join(parts)


def _subsidy(data):
    rule, ex = data.subsidy, worked_example(data.subsidy)
    status = "終了した制度です。" if not rule.is_open else ""
    return "\n".join([
        f"!!! warning \"{rule.name}は{status}\"",
        f"    {rule.status_note}",
        "",
        _table(["項目", "金額"], [
            ["お客さまの支払い", f"{yen(ex.client_rate_yen_per_hour)} × {ex.hours}時間 = {yen(ex.client_pays_yen)}"],
            ["仲介サイトの手数料", f"{rule.platform_fee_percent}% = {yen(ex.platform_fee_yen)}"],
            ["専門家がお客さまの支払いから受け取る額", yen(ex.provider_from_client_yen)],
            ["事務局からの謝金", f"{yen(rule.cap_yen_per_hour)} × {ex.hours}時間 = {yen(ex.subsidy_yen)}"],
            ["専門家が受け取る合計", yen(ex.provider_receives_yen)],
            ["制度がない場合の報酬", f"{yen(ex.without_subsidy_yen // ex.hours)} × {ex.hours}時間 = {yen(ex.without_subsidy_yen)}"],
        ]),
        "",
        f"ルール：謝金は1時間あたり上限{yen(rule.cap_yen_per_hour)}（税込）、お客さまの負担は1時間あたり"
        f"{yen(rule.client_minimum_yen_per_hour)}以上、仲介サイトの手数料は{rule.platform_fee_percent}%です。",
    ])


def _presets(data):
    """The estimator's starting sets with a link for staff. Links are relative to the docs root
    (docs/staff-links.md): MkDocs checks them and fails the build if the page moves."""
    rows = []
    for preset in data.presets:
        tasks = "、".join(data.catalog.task(t.task_id).name for t in preset.tasks)
        rows.append([preset.name, tasks, f"[開く](estimate/index.md#set={preset.id})", f"`estimate/#set={preset.id}`"])
    return _table(["始め方", "チェックが入る業務", "リンク", "リンクの末尾"], rows) + _sample_note(data)


BLOCKS = {
    "plans": _plans, "presets": _presets, "rates": _rates, "payment": _payment, "contact-channels": _contact,
    "closed-days": _closed_days, "request-steps": _steps, "professions": _professions,
    "catalog": _catalog, "subsidy-example": _subsidy,
}
VALUES = {
    "provider-name": lambda d: d.terms.provider_name,
    "hourly-rate": lambda d: f"{yen(d.terms.pricing.hourly_rate_yen)}（税抜）",
    "business-hours": lambda d: d.terms.business_hours,
    "start-lead-days": lambda d: f"{next(s for s in d.terms.steps if s.id == 'start').business_days}営業日",
    "buffer-percent": lambda d: f"{d.terms.pricing.buffer_percent}%",
    "hire-threshold": lambda d: f"週{d.terms.hire_threshold_hours_per_week}時間",
    "smallest-plan": lambda d: (lambda p: f"{p.name}（月{yen(p.monthly_fee_yen)}・税抜）")(
        min(d.terms.pricing.plans, key=lambda p: p.hours)),
}
