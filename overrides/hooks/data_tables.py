"""MkDocs hook: fill the guides' data markers from the estimator's data files.

Pages write `<!-- data:plans -->` (a block), `<!-- value:hourly-rate -->` (a figure, inline) or
`<!-- term:trial -->` (the provider's answer to one question, as sentences from `estimator.terms_text`)
instead of copying figures, `<!-- law:zeirishi -->` or `<!-- quote:zeirishi-tax-advice -->` for the
law as it was read (estimator/data/law.toml, with where, when and which version), and
`<!-- reading:bookkeeping -->` for the site's own reading of the law, in the same words on every page
(law_blocks.py); the privacy policy's and the accessibility statement's blocks are in policy_blocks.py.
`<!-- task:translation -->` gives the provider's answer about one task of the catalog, and the catalog's
and the market's blocks come from catalog_blocks.py. So the guides and the estimator read one source and can never disagree.
While the terms are samples (`is_sample`), every page that shows one of these values says so in a note
under its title, and each value carries a small 「見本」 mark where it stands (sample_marks.py), so a reader
who arrives at a section from a link sees it too. The estimator page shows the provider's values without
markers: it gets its own note, in the estimator's words (estimator.summary_view.SAMPLE_NOTICE).
An unknown marker fails the build, naming the page and the marker; a broken data file fails it with the
file, record and field (estimator.DataError).
"""

from __future__ import annotations

import re
from html import escape

import law_blocks
import policy_blocks
import sample_marks
from catalog_blocks import (catalog_block, catalog_overview_block, market_block, not_offered_block,
                            service_kinds_block, task_answer)
import hiring_markers
import staff_answers  # the staff page's questions and their links
from markdown_parts import table as _table
from estimator import contract_text, default_dataset, service_text, terms_text
from estimator.catalog import PERIOD_NAMES
from estimator.inputs import PRIORITY_NAMES
from estimator.schedule import route_steps
from estimator.summary_view import SAMPLE_NOTICE
from estimator.pricing import with_tax
from estimator.units import yen
from mkdocs.exceptions import PluginError

MARKER = re.compile(r"<!--\s*(data|value|term|law|quote|reading|task):([a-z0-9-]+)\s*-->")
LAW_RECORDS = {"law": lambda d: [p.profession_id for p in d.law.professions],
               "quote": lambda d: [a for a, _ in d.law.articles], "reading": lambda d: [p.id for p in d.law.positions]}
LAW_BLOCKS = {"law": law_blocks.law, "quote": law_blocks.quote, "reading": law_blocks.reading}
TITLE = re.compile(r"^# .*$", re.MULTILINE)
ESTIMATOR_PAGE = "estimate/index.md"
# What the page-top note adds to the data's own sample note (terms.toml [provider] sample_note).
MARK_NOTE = "本文では、その値のそばに「見本」と表示しています。"


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
        if kind == "task":  # the provider's answer about one task of the catalog, by id
            answer = task_answer(data, name)
            if answer is None:
                raise PluginError(f"{where}: <!-- task:{name} -->: catalog.toml has no task {name!r}")
            return answer
        if kind == "data" and name == "not-offered":  # links to the task list, relative to this page
            return not_offered_block(data, where)
        if kind in LAW_BLOCKS:  # records of law.toml, by id
            if name not in LAW_RECORDS[kind](data):
                raise PluginError(f"{where}: <!-- {kind}:{name} -->: law.toml has no record {name!r}")
            return LAW_BLOCKS[kind](data, name)
        table = {"data": BLOCKS, "value": VALUES, "term": TERMS}[kind]
        if name not in table:
            raise PluginError(f"{where}: unknown marker <!-- {kind}:{name} -->")
        if name in NOT_TERMS or not data.terms.is_sample:
            return table[name](data)
        shows_terms = True
        return sample_marks.tag(table[name](data))

    filled = sample_marks.place(MARKER.sub(replace, markdown))
    if data.terms.is_sample and (shows_terms or where.replace("\\", "/").endswith(ESTIMATOR_PAGE)):
        notice = _sample_admonition(data, estimator=not shows_terms)
        filled = TITLE.sub(lambda title: f"{title.group(0)}\n\n{notice}", filled, count=1)
    return filled


def _sample_admonition(data, estimator=False):
    """The page-top note. Its class keeps it out of the search index (search_records.SKIPPED): it is on
    every page that shows the provider's values, and says nothing about the section a query is after."""
    if estimator:
        return f'!!! info sample-notice "{SAMPLE_NOTICE}"\n'
    return f'!!! info sample-notice "このページの料金と条件は見本です"\n    {data.terms.sample_note}{MARK_NOTE}'


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
        f"- やり取りや手直しの時間：当社の見積もりの決まりとして、作業時間に{p.buffer_percent}%を足します（時間で頼む業務には足しません）。"
        "正式なお見積もりでは、業務を伺って決めます。",
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
    "catalog": catalog_block, "market": market_block, **law_blocks.BLOCKS, **policy_blocks.BLOCKS,
    "service-kinds": service_kinds_block, "catalog-overview": catalog_overview_block,
    "staff-answers": staff_answers.block,
}
VALUES = {
    "provider-name": lambda d: d.terms.provider_name,
    "hourly-rate": lambda d: f"{yen(d.terms.pricing.hourly_rate_yen)}（税抜）",
    "business-hours": lambda d: d.terms.business_hours,
    "start-lead-days": lambda d: f"{next(s for s in d.terms.steps if s.id == 'start').business_days}営業日",
    "buffer-percent": lambda d: f"{d.terms.pricing.buffer_percent}%",
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
    "trial-days": lambda d: f"{d.terms.trial.days}日",
    "setup-covers": lambda d: "・".join(d.terms.setup_covers),
    "work-tools": lambda d: "、".join(t.name for t in d.terms.work_tools),
    # The estimator form's choices, so that the guides name them as the form does.
    "period-names": lambda d: "".join(f"「{name}」" for name in PERIOD_NAMES.values()),
    "priority-names": lambda d: "".join(f"「{name}」" for name in PRIORITY_NAMES.values()),
    "preset-names": lambda d: "".join(f"「{p.name}」" for p in d.presets),
}
# Blocks from the catalog, the market, the law and the subsidy rule, and the tests' record of what they check:
# sourced figures, not the provider's sample terms, so no 「見本」 mark and no sample note. Also the form's
# own words, the starting sets' names and tasks (staff-links), and the consumption tax rate (the law's).
# The hiring markers are the provider's: their figures rest on its sample prices.
NOT_TERMS = {"catalog", "professions", "market", "service-kinds", "catalog-overview", "period-names",
             "priority-names", "preset-names", "staff-answers", "presets", "tax-rate", *law_blocks.BLOCKS, *policy_blocks.NOT_TERMS}
# The provider's answer to one question, in the wording of estimator.terms_text, contract_text and
# service_text (one function each): <!-- term:plan-change --> is terms_text.plan_change.
TERMS = {
    name.replace("_", "-"): (lambda function: lambda d: function(d.terms))(getattr(module, name))
    for module, names in (
        (terms_text, ("unused_hours", "billing_increments", "setup_fee", "setup_fee_summary", "setup_fee_payment",
                      "trial", "trial_summary", "trial_details", "minimum_term", "cancellation", "refund", "plan_change", "outside_hours", "reply_time", "staffing", "subcontracting", "subcontracting_policy",
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
VALUES.update(policy_blocks.VALUES)
TERMS.update(policy_blocks.TERMS)
for table, hiring_table in ((BLOCKS, hiring_markers.BLOCKS), (TERMS, hiring_markers.TERMS), (VALUES, hiring_markers.VALUES)):
    table.update(hiring_table)
