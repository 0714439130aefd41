"""The thin entry point for the web page: plain JSON-able dicts in, plain dicts out.

The page (in a Web Worker through Pyodide, and the MkDocs hook at build time) calls `estimate`
with what the form holds and gets back errors per field, the share-link state and a view: every
figure already formatted in Japanese, so the page only places text and never computes anything.
On every keystroke the page calls `estimate_json`, which leaves the share-link state out; it asks
`share_state_json` for it when the share button is pressed.
Guide links in the view are relative to the site root (e.g. "guide/not-delegable/#reserved-zeirishi").
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from .catalog import PERIOD_NAMES
from .dataset import Dataset, default_dataset
from .errors import InputError
from .inputs import PRIORITY_NAMES, parse_input
from .inquiry import compose_inquiry
from .report import Report, build_report
from .state import decode_state, encode_state
from .units import date_ja, hours, quantity, yen


def _parse(request: Any, data: Dataset):
    return parse_input(request, data.catalog, frozenset(tool.id for tool in data.terms.work_tools))


def estimate(request: Any, data: Dataset | None = None, *, with_state: bool = True) -> dict[str, Any]:
    """Estimate from the form's input: {"errors": [...], "state": str, "view": {...}}.

    `with_state=False` leaves "state" out: encoding it was a tenth of an estimate's time, and the page
    needs it only when the share button is pressed (`share_state_json`)."""
    data = data or default_dataset()
    estimate_input, errors = _parse(request, data)
    report = build_report(estimate_input, data)
    result = {"errors": [{"field": e.field, "message": e.message} for e in errors]}
    if with_state:
        result["state"] = encode_state(estimate_input, data.catalog)
    result["view"] = report_view(report, data)
    return result


def restore(state: Any, data: Dataset | None = None) -> dict[str, Any]:
    """Read a share link's state: {"input": raw form input or None, "notices": [Japanese text]}."""
    data = data or default_dataset()
    try:
        decoded = decode_state(state, data.catalog)
    except InputError as error:
        return {"input": None, "notices": [e.message for e in error.errors]}
    _, errors = _parse(decoded.raw_input, data)
    notices = list(decoded.notices)
    if errors:
        notices.append("共有リンクの一部の項目は正しくなかったため、読み込んだ値を確かめてください。")
    return {"input": decoded.raw_input, "notices": notices}


def _request(request_json: str) -> Any:
    try:
        return json.loads(request_json)
    except (ValueError, RecursionError):
        return None


def estimate_json(request_json: str) -> str:
    """`estimate` without the state, through JSON text: the cheapest way across the Pyodide boundary."""
    return json.dumps(estimate(_request(request_json), with_state=False), ensure_ascii=False)


def share_state_json(request_json: str, data: Dataset | None = None) -> str:
    """The share-link state of the form's input (JSON text in, the state string out)."""
    data = data or default_dataset()
    estimate_input, _ = _parse(_request(request_json), data)
    return encode_state(estimate_input, data.catalog)


def restore_json(state: str) -> str:
    return json.dumps(restore(state), ensure_ascii=False)


def report_view(report: Report, data: Dataset) -> dict[str, Any]:
    terms = data.terms
    message = compose_inquiry(report, data)
    mailto = f"mailto:{terms.email}?subject={quote(message.subject)}&body={quote(message.short_body)}"
    return {
        "has_tasks": bool(report.hours.lines),
        "hours": _hours_view(report),
        "costs": _costs_view(report, data),
        "budget": _budget_view(report),
        "advice": _advice_view(report),
        "warnings": [_warning_view(w) for w in report.warnings],
        "start": _start_view(report),
        "message": {"subject": message.subject, "body": message.body, "short_body": message.short_body,
                    "mailto": mailto},
        "subsidy": _subsidy_view(report),
        **page_parts(report, data),
    }


def _volume(choice, unit: str) -> str:
    return f"{PERIOD_NAMES[choice.period]}{quantity(choice.quantity)}{unit}"


def _hours_view(report: Report) -> dict[str, Any]:
    h = report.hours
    total = h.monthly_total
    return {
        "monthly_typical": hours(total.typical),
        "monthly_range": f"{hours(total.low)}〜{hours(total.high)}",
        "work": hours(h.monthly_work.typical),
        "buffer": hours(h.monthly_buffer.typical),
        "buffer_percent": h.buffer_percent,
        "initial": hours(h.initial_total.typical),
        "setup": hours(h.setup_minutes),
        "one_off": hours(h.one_off_work.typical + h.one_off_buffer.typical),
        "lines": [
            {
                "task_id": line.task.id,
                "name": line.task.name,
                "volume": _volume(line.choice, line.task.unit),
                "typical": hours(line.minutes.typical),
                "range": f"{hours(line.minutes.low)}〜{hours(line.minutes.high)}",
                "one_off": line.one_off,
                "reserved": line.task.is_reserved,
            }
            for line in h.lines
        ],
    }


def _costs_view(report: Report, data: Dataset) -> dict[str, Any]:
    pricing = data.terms.pricing
    rounding = {"floor": "1円未満切り捨て", "round": "1円未満四捨五入", "ceil": "1円未満切り上げ"}[pricing.tax_rounding]
    plans = {plan.id: plan for plan in pricing.plans}
    options = []
    for option in report.options:
        if option.id in plans:
            plan = plans[option.id]
            detail = f"月{plan.hours}時間まで。超えた分は1時間{yen(plan.overage_yen_per_hour)}"
            if option.overage_minutes:
                detail += f"（今回は{hours(option.overage_minutes)}分）"
            if option.unused_minutes:
                detail += f"。{hours(option.unused_minutes)}分は使わずに消えます"
        else:
            detail = f"1時間{yen(pricing.hourly_rate_yen)}。{pricing.hourly_increment_minutes}分単位"
        options.append({"id": option.id, "name": option.name, "detail": detail, "net": yen(option.cost.net_yen),
                        "gross": yen(option.cost.gross_yen), "best": option.id == report.best_option.id})
    return {
        "options": options,
        "best_name": report.best_option.name,
        "best_gross": yen(report.best_option.cost.gross_yen),
        "best_net": yen(report.best_option.cost.net_yen),
        "initial_gross": yen(report.initial_cost.cost.gross_yen),
        "tax_note": f"税込は消費税{pricing.tax_rate_percent}%を月の合計にかけ、{rounding}で計算しています。",
        "sample_note": data.terms.sample_note if data.terms.is_sample else "",
    }


def _budget_view(report: Report) -> dict[str, Any] | None:
    fit = report.budget
    if fit is None:
        return None
    view: dict[str, Any] = {
        "budget": yen(fit.budget_yen),
        "within": fit.within,
        "summary": (f"予算内です。あと{yen(fit.headroom_yen)}の余裕があります。" if fit.within
                    else f"予算を{yen(fit.over_by_yen)}超えます。"),
        "affordable": f"この予算で頼める時間は、月に約{hours(fit.affordable_minutes)}です。",
        "proposal": None,
    }
    proposal = fit.proposal
    if proposal is not None:
        items = []
        for a in proposal.adjustments:
            before = f"{PERIOD_NAMES[a.period]}{quantity(a.from_quantity)}{a.unit}"
            label = f"「{a.name}」（{PRIORITY_NAMES[a.priority]}）"
            items.append(f"{label}をやめる（{before}、約{hours(a.saved_minutes)}減）" if a.dropped else
                         f"{label}を{before}から{quantity(a.to_quantity)}{a.unit}に減らす（約{hours(a.saved_minutes)}減）")
        if proposal.fits:
            summary = (f"次のように変えると、月約{hours(proposal.monthly_minutes)}・{proposal.option.name}で"
                       f"{yen(proposal.option.cost.gross_yen)}（税込）になり、予算に収まります。")
        else:
            summary = (f"「必須」の業務だけでも{yen(proposal.must_only_option.cost.gross_yen)}（税込）かかり、予算に収まりません。"
                       f"予算を見直すか、「必須」の業務の量を減らしてください。")
        view["proposal"] = {"fits": proposal.fits, "summary": summary, "items": items if proposal.fits else []}
    return view


def _advice_view(report: Report) -> dict[str, Any] | None:
    advice = report.advice
    if advice is None:
        return None
    return {"kind_id": advice.kind_id, "name": advice.name, "summary": advice.summary, "guide": advice.guide,
            "reasons": list(advice.reasons), "shares": [f"{s.name} {s.percent}%" for s in advice.shares]}


def _warning_view(warning) -> dict[str, Any]:
    p = warning.profession
    return {
        "task_id": warning.task_id,
        "task_name": warning.task_name,
        "wholly_reserved": warning.wholly_reserved,
        "title": f"{warning.task_name}：{p.name}の独占業務" + ("です" if warning.wholly_reserved else "にかかわります"),
        "note": warning.note,
        "law": f"{p.law}{p.article}",
        "condition": p.condition,
        "assistant_can": p.assistant_can,
        "ask_instead": p.ask_instead,
        "guide": p.guide,
    }


def _start_view(report: Report) -> dict[str, Any]:
    plan = report.start
    note = ""
    if plan.desired_too_early:
        note = f"ご希望の{date_ja(plan.desired_start)}には間に合わない見込みです。"
    elif plan.desired_start is not None and plan.start != plan.desired_start:
        note = "ご希望日が休業日のため、次の営業日にしています。"
    return {
        "route": "オンライン面談をする場合" if plan.with_video else "文章でやりとりする場合",
        "earliest": date_ja(plan.earliest_start),
        "start": date_ja(plan.start),
        "business_days": plan.business_days,
        "note": note,
        "steps": [{"name": s.step.name, "date": date_ja(s.date), "days": f"{s.step.business_days}営業日", "who": s.step.who}
                  for s in plan.steps],
    }


def _subsidy_view(report: Report) -> dict[str, Any]:
    scenario = report.subsidy
    view: dict[str, Any] = {"name": scenario.rule.name, "status_note": scenario.rule.status_note, "outcome": None}
    if scenario.outcome is not None:
        o = scenario.outcome
        view["outcome"] = {
            "tasks": "、".join(scenario.eligible_task_names),
            "hours": f"{o.hours}時間",
            "client_pays": yen(o.client_pays_yen),
            "client_rate": yen(o.client_rate_yen_per_hour),
            "provider_receives": yen(o.provider_receives_yen),
            "without": yen(o.without_subsidy_yen),
        }
    return view


# ---- Parts of the view for the page's layout: the summary bar, the answers, how the figures were made.
# Kept together here so the figures above stay the engine's; these only restate them for the page.


def page_parts(report: Report, data: Dataset) -> dict[str, Any]:
    return {"bar": _bar_view(report), "answers": _answers_view(report), "method": _method_lines(report, data)}


def _bar_view(report: Report) -> dict[str, Any]:
    """The summary bar that stays on screen on a phone: hours, the cheapest way to pay, the budget in a word.

    `sentence` is what screen readers hear once the client pauses (the bar itself is not a live region)."""
    best = report.best_option
    hours_text = hours(report.hours.monthly_total.typical)
    cost = f"月{yen(best.cost.gross_yen)}（税込）"
    fit = report.budget
    budget, budget_sentence = "", ""
    if fit is not None:
        budget = "予算内" if fit.within else f"予算を{yen(fit.over_by_yen)}超過"
        budget_sentence = "予算内です。" if fit.within else f"予算を{yen(fit.over_by_yen)}超えます。"
    if not report.hours.lines:
        sentence = "業務が選ばれていません。業務を選ぶと、時間と料金を計算します。"
    else:
        sentence = f"毎月 約{hours_text}、いちばん安い払い方は{best.name}で{cost}。{budget_sentence}"
    return {"hours": hours_text, "plan": best.name, "cost": cost, "budget": budget,
            "within": None if fit is None else fit.within, "sentence": sentence}


def _answers_view(report: Report) -> dict[str, Any]:
    """What the client chose, GOV.UK's "check your answers": each task with its volume, and the budget."""
    tasks = [{"task_id": line.task.id, "name": line.task.name, "volume": _volume(line.choice, line.task.unit),
              "priority": PRIORITY_NAMES[line.choice.priority]} for line in report.hours.lines]
    fit = report.budget
    return {"tasks": tasks, "budget": f"月{yen(fit.budget_yen)}（税込）" if fit is not None else "入れていません"}


def _method_lines(report: Report, data: Dataset) -> list[str]:
    """How the figures were made, in a few plain sentences with this provider's own numbers."""
    terms, pricing = data.terms, data.terms.pricing
    plans = "、".join(f"{p.name}（月{p.hours}時間まで）" for p in pricing.plans)
    return [
        "業務ごとの時間は、1件（1回）あたりにかかる分数の目安に、月の件数をかけて出しています。分数の目安は業務の一覧（ガイド）と同じです。",
        f"「1日あたり」は月{quantity(terms.business_days_per_month)}営業日、「1週あたり」は月{quantity(terms.weeks_per_month)}週として月の件数にしています。",
        f"やりとりや修正にかかる時間として、作業時間に{pricing.buffer_percent}%を足しています。幅は、早く済む場合とかかる場合の目安です。",
        f"料金は、時間単価（1時間{yen(pricing.hourly_rate_yen)}、{pricing.hourly_increment_minutes}分単位）と、"
        f"{plans}の月額を比べ、いちばん安いものを示しています。",
        "士業の独占業務は、時間と料金に入れていません。",
    ]
