"""MkDocs hook: fill the guides' data markers from the estimator's data files.

Pages write `<!-- data:plans -->` (a block), `<!-- value:hourly-rate -->` (a figure, inline) or
`<!-- term:trial -->` (the provider's answer to one question, as sentences from `estimator.terms_text`)
instead of copying figures, and `<!-- law:zeirishi -->` or `<!-- quote:zeirishi-tax-advice -->` for the
law as it was read (estimator/data/law.toml, with where and when), so the guides and the estimator read one source and can never disagree.
While the terms are samples (`is_sample`), every page that shows one of these values says so in a note
under its title. An unknown marker fails the build, naming the page and the marker; a broken data file
fails it with the file, record and field (estimator.DataError).
"""

from __future__ import annotations

import re
from html import escape

from estimator import contract_text, default_dataset, service_text, terms_text
from estimator.law import READING_NAMES, NotRead
from estimator.schedule import route_steps
from estimator.pricing import with_tax
from estimator.subsidy import worked_example
from estimator.units import day_ja, quantity, yen
from mkdocs.exceptions import PluginError

import staff_answers  # a sibling hook: the staff page's questions and their links

MARKER = re.compile(r"<!--\s*(data|value|term|law|quote):([a-z0-9-]+)\s*-->")
TITLE = re.compile(r"^# .*$", re.MULTILINE)
DELEGABILITY_NAMES = {"ok": "頼めます", "partly": "一部だけ頼めます", "reserved": "頼めません（士業の独占業務）"}


def on_config(config):
    # Load once per build, so a broken data file stops the build before any page is written.
    default_dataset.cache_clear()
    default_dataset()
    return config


def on_page_markdown(markdown, page, config, files):
    return fill(markdown, default_dataset(), page.file.src_path)


def fill(markdown, data, where):
    """`markdown` with every marker replaced from `data`; `where` names the page in errors."""
    shows_terms = False

    def replace(match):
        nonlocal shows_terms
        kind, name = match.groups()
        if kind in ("law", "quote"):  # records of law.toml, by id
            ids = [p.profession_id for p in data.law.professions] if kind == "law" else [a for a, _ in data.law.articles]
            if name not in ids:
                raise PluginError(f"{where}: <!-- {kind}:{name} -->: law.toml has no record {name!r}")
            return (_law if kind == "law" else _quote)(data, name)
        table = {"data": BLOCKS, "value": VALUES, "term": TERMS}[kind]
        if name not in table:
            raise PluginError(f"{where}: unknown marker <!-- {kind}:{name} -->")
        shows_terms = shows_terms or name not in NOT_TERMS
        return table[name](data)

    filled = MARKER.sub(replace, markdown)
    if shows_terms and data.terms.is_sample:
        filled = TITLE.sub(lambda title: f"{title.group(0)}\n\n{_sample_admonition(data)}", filled, count=1)
    return filled


def _sample_admonition(data):
    return f'!!! info "サンプルの値です"\n    {data.terms.sample_note}'


def _table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "｜") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _plans(data):
    pricing = data.terms.pricing
    rows = []
    for plan in pricing.plans:
        money = with_tax(plan.monthly_fee_yen, pricing)
        rows.append([plan.name, f"{yen(money.net_yen)}（税込 {yen(money.gross_yen)}）",
                     f"{yen(plan.monthly_fee_yen // plan.hours)}", f"{yen(plan.overage_yen_per_hour)}"])
    return _table(["プラン", "月額（税抜）", "1時間あたり", "超過1時間"], rows)


def _rates(data):
    p = data.terms.pricing
    rounding = terms_text.TAX_ROUNDING_NAMES[p.tax_rounding]
    items = [
        f"- 従量制（スポット）：1時間 {yen(p.hourly_rate_yen)}（税抜）。{p.hourly_increment_minutes}分単位で切り上げて計算します。",
        f"- プランの超過分：{p.overage_increment_minutes}分単位で切り上げ、プランごとの超過単価で計算します。",
        f"- 消費税：{p.tax_rate_percent}%。月の合計額にかけ、1円未満は{rounding}です。",
        f"- お見積もりシミュレーターの上乗せ：作業時間に{p.buffer_percent}%を足して、やり取りや修正の時間とします（時間で頼む業務には足しません）。",
    ]
    items.append(f"- 使わなかった時間：{terms_text.unused_hours(data.terms)}")
    return "\n".join(items)


def _payment(data):
    t = data.terms
    items = [f"- お支払いの時期：{terms_text.payment(t)}", f"- お支払い方法：{'、'.join(t.payment.methods)}",
             f"- 契約の方法：{'、'.join(t.payment.contract_methods)}", f"- 作業の開始：{terms_text.work_start(t)}",
             f"- 請求書：{terms_text.invoice_number(t)}"]
    if t.payment.quote_on_request:
        items.append("- 見積書：ご希望があれば発行します。「この内容で進めてください」とお伝えいただいた時点で契約に進みます。")
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
    for with_video, title in ((True, "オンライン面談をする場合"), (False, "文章だけでやり取りする場合")):
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


def _law_text(text, label):
    """One read article as a list item: the excerpt quoted, then what was read, where and when."""
    read = day_ja(text.read_on)
    lines = [f"- {label}：{text.article}",
             f"    - 「{text.excerpt}」",
             f"    - 読んだもの：[{text.source}]({text.url})（{READING_NAMES[text.reading]}、{read}に読みました）"]
    if text.wording:
        lines.append(f"    - {text.wording}")
    return "\n".join(lines)


def _law_part(part, label):
    return f"- {label}：{part.note}" if isinstance(part, NotRead) else _law_text(part, label)


def _law(data, profession_id):
    """`<!-- law:zeirishi -->`: one profession's law as read (estimator/data/law.toml): bar, penalty, company."""
    law = data.law.profession(profession_id)
    return "\n".join([_law_text(law.bar, "この業務を士業に限る条文"), _law_part(law.penalty, "罰則"),
                      _law_part(law.company, "会社（法人）も罰せられるか")])


def _quote(data, article_id):
    """`<!-- quote:zeirishi-tax-advice -->`: one article of law.toml's [[articles]], quoted with its source."""
    return _law_text(data.law.article(article_id), "条文")


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
                parts.append(f"- 依頼：{DELEGABILITY_NAMES[task.delegability]}。[詳しく](../../{task.guide})")
                parts.append(f"- 見積もり：{task.source}")
            else:
                parts.append(f"- 目安：1{task.unit}あたり{quantity(m.typical)}分（{quantity(m.low)}〜{quantity(m.high)}分）")
                parts.append(f"- 時間の出典：{task.source}")
                parts.append(f"- 依頼：{DELEGABILITY_NAMES[task.delegability]}")
                if task.reserved_note:
                    parts.append(f"- 注意：{task.reserved_note}[詳しく](../../{task.guide})")
            parts.append("")
    parts.append(f"時間の出典は{catalog.sources_checked}に確認しました。「仮定」は公表された数値がなく、目安として置いた値です。")
    return "\n".join(parts)


def _subsidy(data):
    """The worked example, every amount tax included; the platform fee is the example's assumption."""
    rule, ex = data.subsidy, worked_example(data.subsidy)
    p = rule.programme
    status = "終了した制度です。" if not rule.is_open else ""
    read = "、".join(f"[{s.title}]({s.url})（{day_ja(s.read_on)}に読みました）"
                    for s in p.sources)
    return "\n".join([
        f"!!! warning \"{rule.name}は{status}\"",
        f"    {rule.status_note}",
        "",
        f"事業の説明の出典：{read}",
        "",
        _table(["項目", "金額（税込）"], [
            ["中小企業が払う額", f"{yen(ex.client_rate_yen_per_hour)} × {ex.hours}時間 = {yen(ex.client_pays_yen)}"],
            ["仲介サイトの手数料（例の仮定）", f"{rule.platform_fee_percent}% = {yen(ex.platform_fee_yen)}"],
            ["専門家が中小企業の支払いから受け取る額", yen(ex.provider_from_client_yen)],
            ["事務局からの謝金", f"{yen(rule.cap_yen_per_hour)} × {ex.hours}時間 = {yen(ex.subsidy_yen)}"],
            ["専門家が受け取る合計", yen(ex.provider_receives_yen)],
            ["制度がない場合の報酬", f"{yen(ex.without_subsidy_yen // ex.hours)} × {ex.hours}時間 = {yen(ex.without_subsidy_yen)}"],
        ]),
        "",
        f"ルール：謝金は1時間あたり上限{yen(rule.cap_yen_per_hour)}（税込）、中小企業の負担は1時間あたり"
        f"{yen(rule.client_minimum_yen_per_hour)}（税込）以上でした。仲介サイトの手数料{rule.platform_fee_percent}%は、"
        "この例を示したサイトの数字から置いた仮定で、事業のルールではありません。",
    ])


def _presets(data):
    """The estimator's starting sets with a link for staff. Links are relative to the docs root
    (docs/staff-links.md): MkDocs checks them and fails the build if the page moves."""
    rows = []
    for preset in data.presets:
        tasks = "、".join(data.catalog.task(t.task_id).name for t in preset.tasks)
        rows.append([preset.name, tasks, f"[開く](estimate/index.md#set={preset.id})", f"`estimate/#set={preset.id}`"])
    return _table(["始め方", "チェックが入る業務", "リンク", "リンクの末尾"], rows)


BLOCKS = {
    "plans": _plans, "presets": _presets, "rates": _rates, "payment": _payment, "contact-channels": _contact,
    "closed-days": _closed_days, "request-steps": _steps, "professions": _professions,
    "catalog": _catalog, "subsidy-example": _subsidy, "staff-answers": staff_answers.block,
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
    "setup-fee": lambda d: terms_text.money(d.terms.setup_fee_yen, d.terms),
    "minimum-term": lambda d: f"{d.terms.contract.minimum_term_months}か月",
    "hourly-increment": lambda d: f"{d.terms.pricing.hourly_increment_minutes}分",
    "overage-increment": lambda d: f"{d.terms.pricing.overage_increment_minutes}分",
    "reply-within": lambda d: f"{d.terms.service.reply_within_hours}時間",
    "weekend-surcharge": lambda d: f"{d.terms.outside_hours.weekend_surcharge_percent}%",
    "trial-fee": lambda d: terms_text.money(d.terms.trial.fee_yen, d.terms),
    "trial-hours": lambda d: f"{d.terms.trial.hours}時間",
    "invoice-number": lambda d: d.terms.invoice_registration_number,
    "email": lambda d: d.terms.email,
}
# Blocks from the catalog and the subsidy rule: sourced figures, not the provider's sample terms.
NOT_TERMS = {"catalog", "professions", "subsidy-example", "staff-answers"}
# The provider's answer to one question, in the wording of estimator.terms_text, contract_text and
# service_text (one function each): <!-- term:plan-change --> is terms_text.plan_change.
TERMS = {
    name.replace("_", "-"): (lambda function: lambda d: function(d.terms))(getattr(module, name))
    for module, names in (
        (terms_text, ("unused_hours", "billing_increments", "setup_fee", "trial", "minimum_term", "cancellation", "refund",
                      "plan_change", "outside_hours", "reply_time", "staffing", "subcontracting", "subcontracting_policy",
                      "assistants_subcontracting", "nda", "end_of_contract_data", "invoice_number", "work_report",
                      "liability", "payment", "work_start", "business_days", "handover_hours", "waiting_time",
                      "specialist_work", "my_number")),
        (contract_text, ("renewal", "pause", "cancellation_how", "sole_proprietors", "sole_proprietor_payment",
                         "receipt", "prepay_due", "postpay", "overage_billing")),
        (service_text, ("requesters", "overage_notice", "time_counted", "tool_fees", "same_day", "urgent",
                        "parallel_tasks", "assistants", "assistant_selection", "assistant_employment",
                        "assistant_location", "assistant_device", "assistant_change")),
    )
    for name in names
}


def _short_answers():
    """Markers for FAQ answers that are one figure or one sentence: the lead time over both request paths
    (「8〜9営業日」), the tax rate, the ways to pay and to sign, and whether a written quote is issued."""
    def lead_days(data):
        totals = sorted({sum(s.business_days for s in route_steps(data.terms, video)) for video in (True, False)})
        return f"{totals[0]}営業日" if totals[0] == totals[-1] else f"{totals[0]}〜{totals[-1]}営業日"

    def quote(data):
        free = "お見積もりは無料です。" if data.terms.payment.quote_free else "お見積もりは有料です。金額はお問い合わせのときにお伝えします。"
        if data.terms.payment.quote_on_request:
            return (free + "見積書は、ご希望があればお送りします。"
                    "「この内容で進めてください」とお伝えいただいた時点で、ご契約の手続きに進みます。")
        return free + "見積書は発行していません。料金は料金表のとおりです。"

    values = {
        "lead-days": lead_days,
        "tax-rate": lambda d: f"{d.terms.pricing.tax_rate_percent}%",
        "payment-methods": lambda d: "、".join(d.terms.payment.methods),
        "contract-methods": lambda d: "、".join(d.terms.payment.contract_methods),
    }
    return values, {"quote": quote}


VALUES.update(_short_answers()[0])
TERMS.update(_short_answers()[1])
