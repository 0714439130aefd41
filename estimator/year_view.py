"""The next twelve months and the hiring comparison, as the page shows them.

Like `view`, every figure is formatted here and the page only places text. The bar chart is given as
geometry (rectangles, a line, labels in a fixed coordinate system): the page draws it as inline SVG
with DOM calls, and the table next to it holds the same figures for screen readers and print.
"""

from __future__ import annotations

from typing import Any

from . import terms_text
from .annual import HOURLY, SWITCH
from .dataset import Dataset
from .report import Report
from .units import ceil_div, day_ja, hours, yen

CHART_WIDTH, CHART_HEIGHT = 640, 260
PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, PLOT_BOTTOM = 44, 628, 16, 224


def year_view(report: Report, data: Dataset) -> dict[str, Any]:
    year, terms = report.year, data.terms
    best = year.best
    usual = report.best_option
    months = [f"{m.first_day.year}年{m.first_day.month}月" for m in year.months]
    return {
        "fiscal_month": f"{year.fiscal_end_month}月",
        "fiscal_assumed": report.input.profile.fiscal_month is None,
        "start": months[0],
        "reason": _reason(report, terms),
        "best_name": best.name,
        "best_total": yen(best.gross_yen),
        "rows": [{"month": label, "hours": hours(cost.minutes), "way": cost.option_name,
                  "detail": _month_detail(cost), "cost": yen(cost.cost.gross_yen)}
                 for label, cost in zip(months, best.months)],
        "ways": [{"id": c.id, "name": c.name, "total": yen(c.gross_yen), "best": c.id == best.id,
                  "usual": c.id == usual.id} for c in year.costs],
        "notes": _notes(report, data),
        "chart": _chart(report, [label.split("年")[1] for label in months]),
        "trial": terms_text.trial(terms) if terms.trial.offered else "",
    }


def _month_detail(cost) -> str:
    parts = []
    if cost.carried_in_minutes:
        parts.append(f"繰り越した{hours(cost.carried_in_minutes)}を使用")
    if cost.overage_minutes:
        parts.append(f"超過{hours(cost.overage_minutes)}")
    return "、".join(parts)


def _busy_months(report: Report) -> list[str]:
    usual = report.hours.monthly_total.typical
    return [f"{month}月" for month in sorted(m.first_day.month for m in report.year.months if m.minutes > usual)]


def _reason(report: Report, terms) -> str:
    """One sentence: why the year's cheapest way to pay is what it is, against the usual month's."""
    year, usual = report.year, report.best_option
    best = year.best
    busy = _busy_months(report)
    when = "・".join(busy[:4]) + ("など" if len(busy) > 4 else "")
    kept = next(c for c in year.costs if c.id == usual.id)
    saving = kept.gross_yen - best.gross_yen
    if best.id == usual.id:
        if not busy:
            return f"毎月の量がほぼ同じため、1年で見ても{best.name}がいちばん安くなります。"
        return f"{when}は時間が増えますが、1年で見ても{best.name}がいちばん安くなります。"
    if best.id == SWITCH:
        plans = sorted({m.option_name for m in best.months})
        why = ("使わなかった時間を繰り越せるため" if any(m.carried_in_minutes for m in best.months)
               else f"{when}だけ時間が増えるため")
        return f"{why}、月ごとにプランを変える（{'・'.join(plans)}）と、1年で{yen(saving)}（税込）安くなります。"
    if best.id == HOURLY and terms.setup_fee_for(usual.id) > terms.setup_fee_for(HOURLY):
        return ((f"{when}に時間が増えるうえ、" if busy else "") + f"{best.name}には初期費用がかからないため、"
                f"1年で見ると{best.name}の方が{yen(saving)}（税込）安くなります。")
    if best.id == HOURLY:
        return f"{when or '月によって'}時間が変わるため、1年で見ると{best.name}の方が{yen(saving)}（税込）安くなります。"
    best_hours = best.months[0].included_minutes
    if usual.id != HOURLY and best_hours < usual.included_minutes:
        return f"{when}だけ時間が増えるため、1年で見ると{best.name}に超過を足す方が{yen(saving)}（税込）安くなります。"
    return f"{when}に時間が増えるため、1年で見ると{best.name}の方が{yen(saving)}（税込）安くなります。"


def _notes(report: Report, data: Dataset) -> list[str]:
    terms = data.terms
    notes = [f"{report.year.months[0].first_day.month}月（開始の目安の月）から12か月分です。料金は月ごとの税込の合計で、"
             "最初の月には初回のみの作業と、その払い方でかかる初期費用を含めています。",
             terms_text.unused_hours(terms), terms_text.plan_change(terms)]
    if report.input.profile.fiscal_month is None and any(
            line.task.season.fiscal_offsets or line.task.season.peaks for line in report.hours.lines):
        notes.append(f"決算月が選ばれていないため、{report.year.fiscal_end_month}月として計算しています。")
    return notes


def _chart(report: Report, labels: list[str]) -> dict[str, Any]:
    year = report.year
    best = year.best
    included = [cost.included_minutes for cost in best.months]
    top = max([m.minutes for m in year.months] + included + [60])
    step = _tick_step(top)
    scale_top = ceil_div(top, step) * step
    plot_height, plot_width = PLOT_BOTTOM - PLOT_TOP, PLOT_RIGHT - PLOT_LEFT

    def y(minutes: int) -> int:
        return PLOT_BOTTOM - (minutes * plot_height * 2 + scale_top) // (scale_top * 2)  # rounded half up

    def x(twelfths: int, sixths: int = 0) -> int:
        """The left edge of month `twelfths`, plus `sixths` of a month's slot."""
        return PLOT_LEFT + (plot_width * (twelfths * 6 + sixths) * 2 + 72) // 144

    bars = []
    for index, (month, label) in enumerate(zip(year.months, labels)):
        top = y(month.minutes)
        bars.append({"x": x(index, 1), "y": top, "width": x(index, 5) - x(index, 1), "height": PLOT_BOTTOM - top,
                     "label": label, "label_x": x(index, 3), "value": hours(month.minutes)})
    # The plan's hours as a step line, one segment per month (none on pay-as-you-go).
    plan_segments = [{"x1": x(i), "x2": x(i + 1), "y": y(minutes)} for i, minutes in enumerate(included) if minutes]
    ticks = [{"y": y(value), "label": hours(value)} for value in range(0, scale_top + 1, step)]
    return {
        "width": CHART_WIDTH, "height": CHART_HEIGHT, "baseline": PLOT_BOTTOM, "left": PLOT_LEFT, "right": PLOT_RIGHT,
        "bars": bars, "plan": plan_segments, "ticks": ticks,
        "title": "12か月の作業時間" + ("と、プランの時間" if plan_segments else ""),
        "legend": f"棒：その月の作業時間。線：{best.name}の時間" if plan_segments else "棒：その月の作業時間",
    }


def _tick_step(top_minutes: int) -> int:
    for hours_step in (1, 2, 5, 10, 20, 50, 100):
        if top_minutes <= hours_step * 60 * 5:
            return hours_step * 60
    return 200 * 60


def hiring_view(report: Report, data: Dataset) -> dict[str, Any]:
    h = report.hiring
    cost, given = h.cost, h.given
    hiring_data = data.hiring
    prefecture = hiring_data.prefecture(given.prefecture_id)
    weekly = hours(h.weekly_hours * 60).removesuffix("時間")
    difference = cost.total_yen - h.outsourcing_yen
    verdict = (f"この量なら、1年の費用は雇う方が{yen(-difference)}安い計算です。" if difference < 0 else
               f"この量なら、1年の費用は外部に頼む方が{yen(difference)}安い計算です。")
    insured = []
    if cost.social_insured:
        insured.append("健康保険・厚生年金など")
    if cost.employment_insured:
        insured.append("雇用保険")
    insured.append("労災保険")
    pay = (f"月給{yen(given.monthly_salary_yen)}（週40時間で計算）" if given.monthly_salary_yen is not None
           else f"時給{yen(given.hourly_wage_yen)}×週{weekly}時間")
    break_even = h.break_even_weekly_hours
    return {
        "weekly_hours": f"週{weekly}時間",
        "verdict": verdict,
        "rows": [
            {"name": "給与（1年）", "value": yen(cost.pay_yen), "note": pay},
            {"name": "社会保険・労働保険の会社負担（1年）", "value": yen(cost.insurance_yen), "note": "・".join(insured)},
            {"name": "通勤手当（1年）", "value": yen(cost.commuting_yen), "note": f"月{yen(given.commuting_yen_per_month)}"},
            {"name": "採用と、パソコンなどの準備（最初に1回）", "value": yen(cost.one_time_yen),
             "note": f"採用{yen(given.recruiting_yen)}、準備{yen(given.equipment_yen)}"},
            {"name": "雇う場合の合計（1年）", "value": yen(cost.total_yen), "note": ""},
            {"name": f"{data.terms.provider_name}に頼む場合（1年・税込）", "value": yen(h.outsourcing_yen),
             "note": report.year.best.name},
        ],
        "supervision": f"ほかに、教えたり確かめたりする時間が、会社側で月に約{hours(cost.supervision_minutes_per_month)}かかります（仮定）。",
        "break_even": (f"お金だけで比べると、仕事が週{hours(break_even * 60).removesuffix('時間')}時間以上あれば、雇う方が安くなります。"
                       if break_even is not None else "この条件では、週60時間まで、外部に頼む方が安くなります。"),
        "unpriced": [
            "雇った人が休んだり辞めたりすると、その間の仕事が止まります。外部に頼めば、代わりの担当者が引き継ぎます。",
            "短い時間や決まった時期だけの仕事では、働く人が集まりにくいことがあります。",
            "社内に人がいれば、仕事のやり方が会社に残り、急ぎの指示も出しやすくなります。",
        ],
        "prefecture": prefecture.name,
        "defaults": _hiring_sources(report, data),
        "caution": "大まかな比較です。雇用や社会保険の加入の判断には、社会保険労務士などの専門家にご相談ください。",
    }


def _hiring_sources(report: Report, data: Dataset) -> list[str]:
    """Where each default figure comes from, or that it is an assumption."""
    d = data.hiring
    prefecture = d.prefecture(report.hiring.given.prefecture_id)
    wage_source = d.source("minimum-wage")
    out = [f"{prefecture.name}の最低賃金：時給{yen(prefecture.minimum_wage_yen)}（{day_ja(prefecture.minimum_wage_from)}"
           f"から。{wage_source.note}）"]
    for label, default in (("時給の初期値", d.hourly_wage), ("通勤手当の初期値", d.commuting), ("採用の費用の初期値", d.recruiting),
                           ("パソコンなどの費用の初期値", d.equipment), ("教える時間", d.supervision_percent)):
        if default.source:
            source = d.source(default.source)
            out.append(f"{label}：{source.title}（{day_ja(source.read_on)}に確認）"
                       + (f"。{source.note}" if source.note else ""))
        else:
            out.append(f"{label}：{default.assumption}")
    return out
