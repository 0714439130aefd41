"""The next twelve months, as the page shows them (the hiring comparison is `hiring_view`).

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
from .units import ceil_div, hours, yen

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
