"""The estimate as the page shows it: every figure formatted in Japanese, every sentence complete.

The page (and the MkDocs hook, for the first paint) only places these strings; it never computes.
Durations in a table are shown so that they add up to the total shown (`units.hours_adding_up`),
and the notes say how the figures were made. Guide links are relative to the site root.
"""

from __future__ import annotations

from typing import Any

from . import terms_text
from .catalog import PERIOD_NAMES
from .dataset import Dataset
from .inputs import PRIORITY_NAMES, volume_text
from .inquiry import compose_inquiry
from .report import Report
from .units import date_ja, hours, hours_adding_up, quantity, yen
from .summary_view import assumed_view, one_off_minutes, page_parts, sample_mark, summary, yearly_minutes
from .hiring_view import hiring_view
from .year_view import year_view

ROUNDING_NOTE = "表の時間は0.1時間単位です。各行の端数は、合計と一致するように調整しています。"


def report_view(report: Report, data: Dataset) -> dict[str, Any]:
    message = compose_inquiry(report, data)
    return {
        "has_tasks": bool(report.hours.lines),
        "summary": summary(report),
        "hours": _hours_view(report, data),
        "costs": _costs_view(report, data),
        "budget": _budget_view(report),
        "advice": _advice_view(report),
        "warnings": [_warning_view(w) for w in report.warnings],
        "start": _start_view(report, data.terms),
        "message": {
            "subject": message.subject, "body": message.body, "mailto": message.mailto,
            "mailto_is_short": message.mailto_is_short,
            "mailto_label": "メールソフトで開く（要点だけの短い文面）" if message.mailto_is_short else "メールソフトで開く",
        },
        "subsidy": _subsidy_view(report),
        **page_parts(report, data),
        **(year_parts(report, data) if report.year else {}),
    }


def year_parts(report: Report, data: Dataset) -> dict[str, Any]:
    """The twelve months and the hiring comparison (the page asks for these after drawing the month)."""
    return {"year": year_view(report, data), "hiring": hiring_view(report, data)}


def _line_note(line) -> str:
    if line.task.is_reserved:
        return "時間に含めません"
    if line.one_off:
        return "初回のみ"
    if line.yearly:
        return f"時期のある業務（{_season_months(line.task.season)}）"
    return "時間で入力：上乗せなし" if line.task.in_hours else ""


def _season_months(season) -> str:
    if season.months:
        return "・".join(f"{m}月" for m in season.months)
    if season.fiscal_offsets:
        names = {0: "決算月", -1: "決算月の前の月", 1: "決算月の次の月"}
        return "・".join(names.get(o, f"決算月の{abs(o)}か月{'前' if o < 0 else '後'}") for o in season.fiscal_offsets)
    return "1年を通して"


def _hours_view(report: Report, data: Dataset) -> dict[str, Any]:
    h = report.hours
    total = h.monthly_total
    buffer_name = f"やりとりや修正（当社の決まりで作業時間の{h.buffer_percent}%）"
    groups = {"monthly": ([l for l in h.lines if l.monthly], h.monthly_buffer.typical),
              "one_off": ([l for l in h.lines if l.one_off], h.one_off_buffer.typical),
              "yearly": ([l for l in h.lines if l.yearly], h.yearly_buffer.typical)}
    lines, buffer_lines = [], {}
    for kind, (group, buffer_minutes) in groups.items():
        shown = hours_adding_up([line.minutes.typical for line in group] + [buffer_minutes])
        buffer_lines[kind] = {"name": buffer_name, "typical": shown[-1]} if group or kind == "monthly" else None
        lines += [{
            "task_id": line.task.id,
            "name": line.task.name,
            "volume": volume_text(line.choice, line.task.unit),
            "typical": typical,
            "range": f"{hours(line.minutes.low)}〜{hours(line.minutes.high)}",
            "kind": kind,
            "one_off": line.one_off,
            "reserved": line.task.is_reserved,
            "minutes_basis": line.task.minutes_basis,  # published, assumed, hours or reserved (guide/tasks)
            "assumed": assumed_view(line.task),  # the 「仮定」 label, or None
            "note": _line_note(line),
        } for line, typical in zip(group, shown)]
    notes = [ROUNDING_NOTE]
    if any(line.task.in_hours for line in h.lines):
        notes.append("時間で入力した業務（リサーチなど）は、その時間をそのまま使い、やりとりや修正の時間を上乗せしていません。")
    if h.yearly_lines:
        notes.append("時期のある業務（1年あたり）は毎月の時間に含めず、その時期の月に数えています（12か月の見通しをご覧ください）。")
    return {
        "monthly_typical": hours(total.typical),
        "monthly_range": f"{hours(total.low)}〜{hours(total.high)}",
        "has_monthly": total.typical > 0,
        "work": hours(h.monthly_work.typical),
        "buffer": hours(h.monthly_buffer.typical),
        "buffer_percent": h.buffer_percent,
        "buffer_line": buffer_lines["monthly"],
        "one_off": hours(one_off_minutes(report)),
        "one_off_buffer_line": buffer_lines["one_off"],
        "yearly": hours(yearly_minutes(report)),
        "yearly_buffer_line": buffer_lines["yearly"],
        "setup": hours(h.setup_minutes),
        "setup_note": f"最初の引き継ぎ：約{hours(h.setup_minutes)}（初期費用に含まれます）" if h.setup_minutes else "",
        "lines": lines,
        "notes": notes,
    }


def _costs_view(report: Report, data: Dataset) -> dict[str, Any]:
    terms = data.terms
    pricing = terms.pricing
    rounding = "1円未満" + terms_text.TAX_ROUNDING_NAMES[pricing.tax_rounding]
    plans = {plan.id: plan for plan in pricing.plans}
    options = []
    for option in report.options:
        if option.id in plans:
            plan = plans[option.id]
            detail = f"月{plan.hours}時間まで。超えた分は{pricing.overage_increment_minutes}分単位で1時間{yen(plan.overage_yen_per_hour)}（税抜）"
            if option.overage_minutes:
                detail += f"（今回は{hours(option.overage_minutes)}分）"
            if option.unused_minutes:
                detail += f"。{hours(option.unused_minutes)}分は使わずに残ります（{terms_text.unused_hours(terms)}）"
        else:
            detail = f"1時間{yen(pricing.hourly_rate_yen)}（税抜）。{pricing.hourly_increment_minutes}分単位"
        options.append({"id": option.id, "name": option.name, "detail": detail, "net": yen(option.cost.net_yen),
                        "gross": yen(option.cost.gross_yen), "best": option.id == report.best_option.id})
    best, first = report.best_option, report.first_month
    one_off_net = first.option.cost.net_yen - best.cost.net_yen
    parts = [f"毎月の分 {yen(best.cost.net_yen)}"]  # includes any weekend surcharge
    if one_off_net:
        parts.append(f"初回のみの作業の分 {yen(one_off_net)}")
    if first.setup_fee_yen:
        parts.append(f"初期費用 {yen(first.setup_fee_yen)}")
    return {
        "options": options,
        "weekend": _weekend_note(report, terms),
        "best_name": best.name,
        "best_gross": yen(best.cost.gross_yen),
        "best_net": yen(best.cost.net_yen),
        "first_month": {"gross": yen(first.cost.gross_yen), "net": yen(first.cost.net_yen),
                        "detail": f"{'＋'.join(parts)}（いずれも税抜）"},
        "setup_fee": terms_text.setup_fee(terms),
        "tax_note": f"税込は消費税{pricing.tax_rate_percent}%を月の合計にかけ、{rounding}で計算しています。",
        "sample_note": terms.sample_note if terms.is_sample else "",
        "sample_mark": sample_mark(terms),  # in the table's caption
    }


def _weekend_note(report: Report, terms) -> str:
    """What weekend work adds, or why it adds nothing."""
    profile, outside = report.input.profile, terms.outside_hours
    if not profile.weekend_work:
        return ""
    if not outside.weekend_allowed:
        return "土日・祝日の作業はお引き受けしていません。平日の作業で進め方をご相談ください。"
    if not profile.weekend_hours:
        return (f"土日・祝日の作業は、その時間の料金が{outside.weekend_surcharge_percent}%増しです。"
                "月に何時間ほどかを入れると、割増の分も計算します。")
    return (f"土日・祝日の作業（月{quantity(profile.weekend_hours)}時間）の割増"
            f"{outside.weekend_surcharge_percent}%として、どの払い方にも月{yen(report.weekend_surcharge_yen)}（税抜）を含めています。")


def _proposal_view(proposal) -> dict[str, Any]:
    items = []
    for a in proposal.adjustments:
        before = f"{PERIOD_NAMES[a.period]}{quantity(a.from_quantity)}{a.unit}"
        label = f"「{a.name}」（{PRIORITY_NAMES[a.priority]}）"
        items.append(f"{label}をやめる（{before}、約{hours(a.saved_minutes)}減）" if a.dropped else
                     f"{label}を{before}から{quantity(a.to_quantity)}{a.unit}に減らす（約{hours(a.saved_minutes)}減）")
    if proposal.fits:
        summary = (f"次のように変えると、月約{hours(proposal.monthly_minutes)}・{proposal.option.name}で"
                   f"{yen(proposal.option.cost.gross_yen)}（税込）になり、予算に収まります。")
    elif proposal.keep_one is not None:
        k = proposal.keep_one
        summary = (f"この予算では、選んだ業務をすべてやめないと収まりません。いちばん小さな変更は、"
                   f"「{k.name}」だけを{PERIOD_NAMES[k.period]}{quantity(k.quantity)}{k.unit}にすることです"
                   f"（{k.option.name}で月{yen(k.option.cost.gross_yen)}・税込）。")
        items = []
    elif proposal.cheapest_unit is not None:
        summary = (f"この予算では、選んだ業務のどれも頼めません。いちばん少ない量でも月"
                   f"{yen(proposal.cheapest_unit.cost.gross_yen)}（税込）かかります。予算を見直してください。")
        items = []
    else:
        summary = (f"「必須」の業務だけでも{yen(proposal.must_only_option.cost.gross_yen)}（税込）かかり、予算に収まりません。"
                   "予算を見直すか、「必須」の業務の量を減らしてください。")
        items = []
    return {"fits": proposal.fits, "summary": summary, "items": items}


def _budget_view(report: Report) -> dict[str, Any] | None:
    fit = report.budget
    if fit is None:
        return None
    first = yen(fit.first_month_gross_yen)
    return {
        "budget": yen(fit.budget_yen),
        "within": fit.within,
        "summary": (f"毎月の料金は予算内です。あと{yen(fit.headroom_yen)}の余裕があります。" if fit.within
                    else f"毎月の料金が予算を{yen(fit.over_by_yen)}超えます。"),
        "first_month_within": fit.first_month_within,
        "first_month": (f"最初の月は、初期費用などを含めて{first}（税込）で、予算内です。" if fit.first_month_within
                        else f"最初の月は、初期費用などを含めて{first}（税込）で、予算を{yen(fit.first_month_over_by_yen)}超えます。"),
        "affordable": f"この予算で毎月頼める時間は、約{hours(fit.affordable_minutes)}です。",
        "proposal": None if fit.proposal is None else _proposal_view(fit.proposal),
    }


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
        "title": f"{warning.task_name}：{warning.profession_names or p.name}の独占業務" + ("です" if warning.wholly_reserved else "にかかわります"),
        "note": warning.note,
        "law": f"{p.law}{p.article}",
        "condition": p.condition,
        "assistant_can": p.assistant_can,
        "ask_instead": p.ask_instead,
        "guide": p.guide,
    }


def _start_view(report: Report, terms) -> dict[str, Any]:
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
        "sample_mark": sample_mark(terms, "（サンプルの日数で計算した日付）"),
        "steps": [{"name": s.step.name, "date": date_ja(s.date), "days": f"{s.step.business_days}営業日", "who": s.step.who}
                  for s in plan.steps],
    }


def _subsidy_view(report: Report) -> dict[str, Any]:
    scenario = report.subsidy
    rule = scenario.rule
    view: dict[str, Any] = {"name": rule.name, "status_note": rule.status_note, "paid_for": rule.programme.paid_for,
                            "outcome": None, "summary": "選んだ業務には、この事業の対象になる業務（ツールの導入やセキュリティの設定など）がありません。"}
    if scenario.outcome is not None:
        o = scenario.outcome
        tasks = "、".join(scenario.eligible_task_names)
        view["outcome"] = {
            "tasks": tasks,
            "hours": f"{o.hours}時間",
            "client_pays": yen(o.client_pays_yen),
            "client_rate": yen(o.client_rate_yen_per_hour),
            "without": yen(o.without_subsidy_yen),
        }
        view["summary"] = (f"この事業がまだ続いていたら、最初の月の{tasks}（{o.hours}時間）について、お客さまの負担は"
                           f"1時間{yen(o.client_rate_yen_per_hour)}（税込）、合わせて{yen(o.client_pays_yen)}（税込）"
                           f"になっていた計算です。事業がなければ{yen(o.without_subsidy_yen)}（税込）です。")
    return view
