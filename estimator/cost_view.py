"""The money part of the page: each way to pay for a usual month, the first month, and the budget.

Formatted here like the rest of the view (`view`): the page only places these strings. The first month is
shown on its own cheapest way to pay, with what it holds, and next to it on every way, since the setup fee
and the start month's work can make another way the cheaper start.
"""

from __future__ import annotations

from typing import Any

from . import terms_text
from .catalog import PERIOD_NAMES
from .dataset import Dataset
from .inputs import PRIORITY_NAMES
from .report import Report
from .seasons import line_month_minutes
from .summary_view import sample_mark
from .units import hours, quantity, yen


def costs_view(report: Report, data: Dataset) -> dict[str, Any]:
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
    best = report.best_option
    first = report.first_month
    return {
        "options": options,
        "weekend": _weekend_note(report, terms),
        "best_name": best.name,
        "best_gross": yen(best.cost.gross_yen),
        "best_net": yen(best.cost.net_yen),
        "first_month": {"gross": yen(first.cost.gross_yen), "net": yen(first.cost.net_yen),
                        "detail": _first_month_detail(report)},
        "setup_fee": terms_text.setup_fee(terms) + _setup_fee_here(report, terms),
        "tax_note": f"税込は消費税{pricing.tax_rate_percent}%を月の合計にかけ、{rounding}で計算しています。",
        "sample_note": terms.sample_note if terms.is_sample else "",
        "sample_mark": sample_mark(terms),  # in the table's caption
    }


def _first_month_work(report: Report) -> str:
    """What the first month's hours hold: 「毎月の業務・初回のみの業務・12月の時期のある業務」."""
    month = report.calendar.start.month
    kinds = []
    if any(line.monthly and line.minutes.typical for line in report.hours.lines):
        kinds.append("毎月の業務")
    if any(line.one_off and line.minutes.typical for line in report.hours.lines):
        kinds.append("初回のみの業務")
    if any(line.yearly and line_month_minutes(line, month, 0, report.calendar) for line in report.hours.lines):
        kinds.append(f"{month}月の時期のある業務")
    return "・".join(kinds)


def _first_month_detail(report: Report) -> str:
    """The first month's way to pay and what its price holds, then the first month on every way."""
    first = report.first_month
    work = _first_month_work(report)
    text = (f"{first.option.name}で、作業 約{hours(report.first_month_minutes)}" + (f"（{work}）" if work else "")
            + f"の料金 {yen(first.option.cost.net_yen)}")
    text += f"＋初期費用 {yen(first.setup_fee_yen)}（いずれも税抜）。" if first.setup_fee_yen else "（税抜）。"
    ways = "、".join(f"{month.option.name} {yen(month.cost.gross_yen)}" + ("（初期費用を含む）" if month.setup_fee_yen else "")
                     for month in report.first_months)
    return text + f"払い方ごとの最初の月（税込）：{ways}。"


def _setup_fee_here(report: Report, terms) -> str:
    """What the setup fee means for this estimate: when a start on another way moves it, and after a trial."""
    first, best = report.first_month, report.best_option
    text = ""
    if report.fee_later is not None:
        text += (f"最初の月を{first.option.name}にして、2か月目から{best.name}にする場合は、切り替えた月に"
                 f"初期費用{yen(terms.setup_fee_for(best.id))}（税抜）が加わり、その月は{yen(report.fee_later.gross_yen)}（税込）です。")
        on_best = next(month for month in report.first_months if month.option.id == best.id)
        saving = first.cost.gross_yen + report.fee_later.gross_yen - on_best.cost.gross_yen - best.cost.gross_yen
        if saving > 0:
            text += f"最初から{best.name}で始めると、2か月の合計は{yen(saving)}（税込）安くなります。"
    after = report.first_month_after_trial
    if after is not None and after.cost.gross_yen != first.cost.gross_yen:
        text += f"お試しから続ける場合、最初の月は{after.option.name}で{yen(after.cost.gross_yen)}（税込）です"
        if after.trial_credit_yen:
            toward = "初期費用" if terms.trial.fee_counts_toward == "setup-fee" else "最初の月の料金"
            text += f"（お試しの料金のうち{yen(after.trial_credit_yen)}を{toward}から差し引いています）"
        elif terms.setup_applies_to_trial:
            text += "（初期費用はお試しのときにお支払いいただくため、含めていません）"
        text += "。"
    return text


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


def budget_view(report: Report) -> dict[str, Any] | None:
    fit = report.budget
    if fit is None:
        return None
    first = yen(fit.first_month_gross_yen)
    including = "初期費用を含めて" if report.first_month.setup_fee_yen else ""
    later = ""
    if fit.fee_later_gross_yen is not None:
        later = (f"2か月目から{report.best_option.name}にする場合、その月は初期費用を含めて{yen(fit.fee_later_gross_yen)}（税込）で、"
                 + (f"予算を{yen(fit.fee_later_over_by_yen)}超えます。" if fit.fee_later_over_by_yen else "予算内です。"))
    return {
        "budget": yen(fit.budget_yen),
        "within": fit.within,
        "summary": (f"毎月の料金は予算内です。あと{yen(fit.headroom_yen)}の余裕があります。" if fit.within
                    else f"毎月の料金が予算を{yen(fit.over_by_yen)}超えます。"),
        "first_month_within": fit.first_month_within,
        "first_month": (f"最初の月は{'、' if including else ''}{including}{first}（税込）で、予算内です。" if fit.first_month_within
                        else f"最初の月は{'、' if including else ''}{including}{first}（税込）で、予算を{yen(fit.first_month_over_by_yen)}超えます。")
        + later,
        "affordable": f"この予算で毎月頼める時間は、約{hours(fit.affordable_minutes)}です。",
        "proposal": None if fit.proposal is None else _proposal_view(fit.proposal),
    }


