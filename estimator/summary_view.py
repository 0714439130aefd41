"""What the page shows around the figures: the summary bar, the client's answers with 変更 links, and how
the figures were made, in this provider's own numbers. Formatted here like the rest of the view."""

from __future__ import annotations

from typing import Any

from .dataset import Dataset
from .inputs import PRIORITY_NAMES, volume_text
from .report import Report
from .units import hours, quantity, yen


NO_TASKS = "業務を1つ以上選ぶと、時間と料金を計算します。"
ASSUMED_LABEL = "仮定"  # on a task line whose minutes the catalog assumes (no published figure)
# While the provider's terms are samples (terms.toml `is_sample`), the page says so at its top, in the bar,
# next to the prices and the start date, in how the figures were made and in the inquiry; the guides mark
# each value 「見本」 the same way (overrides/hooks/sample_marks.py).
SAMPLE_MARK = "見本"
SAMPLE_SPOKEN = "（サンプルの値）"  # what a screen reader hears after 「見本」
# The note at the top of the estimator page: one line, so the summary bar stays on a phone's first screen.
SAMPLE_NOTICE = "この見積もりの料金と日数は見本の値です（実在の会社の料金ではありません）"


def one_off_minutes(report: Report) -> int:
    return report.hours.one_off_work.typical + report.hours.one_off_buffer.typical


def yearly_minutes(report: Report) -> int:
    return report.hours.yearly_work.typical + report.hours.yearly_buffer.typical


def summary(report: Report) -> str:
    """The estimate in a sentence or two: the view's summary and what the summary bar tells screen readers."""
    h = report.hours
    if not h.lines:
        return NO_TASKS
    first = yen(report.first_month.cost.gross_yen)
    if h.monthly_total.typical == 0:
        one_off, yearly = one_off_minutes(report), yearly_minutes(report)
        if not one_off and not yearly:
            return "選んだ業務は、この見積もりの時間に含まれない業務だけです。"
        parts = [f"初回のみ 約{hours(one_off)}" if one_off else "", f"時期のある業務が年に約{hours(yearly)}" if yearly else ""]
        return f"毎月の作業はありません。{'、'.join(p for p in parts if p)}で、最初の月は{first}（税込）です。"
    best = report.best_option
    return (f"毎月 約{hours(h.monthly_total.typical)}（{hours(h.monthly_total.low)}〜{hours(h.monthly_total.high)}）。"
            f"いちばん安い払い方は{best.name}で月{yen(best.cost.gross_yen)}（税込）。")


def page_parts(report: Report, data: Dataset) -> dict[str, Any]:
    return {"bar": _bar_view(report, data.terms.is_sample), "answers": _answers_view(report),
            "method": _method_lines(report, data)}


def sample_mark(terms, spoken: str = SAMPLE_SPOKEN) -> dict[str, str] | None:
    """The small 「見本」 label next to a value the page shows, with what screen readers hear; None once
    the terms are the provider's own."""
    return {"label": SAMPLE_MARK, "spoken": spoken} if terms.is_sample else None


def assumed_view(task) -> dict[str, str] | None:
    """The 「仮定」 label of a task line whose minutes the catalog assumes (no published figure was found),
    linked to the task's section of the guide, where the reasons are."""
    if task.minutes_basis != "assumed":
        return None
    return {"label": ASSUMED_LABEL, "guide": f"guide/tasks/#task-{task.id}",
            "title": "公表された数字が見つからず、理由を添えて置いた分数です",
            "spoken": f"：「{task.name}」の分数の理由を読む"}


def _bar_view(report: Report, is_sample: bool) -> dict[str, Any]:
    """The summary bar that stays on screen on a phone: hours, the cheapest way to pay, the budget in a word.
    While the prices are samples the price says so (「税込・見本」), in the bar's own text.

    `sentence` is what screen readers hear once the client pauses (the bar itself is not a live region)."""
    best = report.best_option
    cost = f"月{yen(best.cost.gross_yen)}（税込・{SAMPLE_MARK}）" if is_sample else f"月{yen(best.cost.gross_yen)}（税込）"
    fit = report.budget
    budget, budget_sentence = "", ""
    if fit is not None:
        budget = "予算内" if fit.within else f"予算を{yen(fit.over_by_yen)}超過"
        budget_sentence = "予算内です。" if fit.within else f"予算を{yen(fit.over_by_yen)}超えます。"
    return {"hours": hours(report.hours.monthly_total.typical), "plan": best.name, "cost": cost, "budget": budget,
            "within": None if fit is None else fit.within,
            "sentence": summary(report) + (budget_sentence if report.hours.lines else "")
            + ("料金は見本です。" if is_sample and report.hours.lines else "")}


def _answers_view(report: Report) -> dict[str, Any]:
    """What the client chose, GOV.UK's "check your answers": each task with its volume, and the budget."""
    tasks = [{"task_id": line.task.id, "name": line.task.name, "volume": volume_text(line.choice, line.task.unit),
              "priority": PRIORITY_NAMES[line.choice.priority]} for line in report.hours.lines]
    fit = report.budget
    return {"tasks": tasks, "budget": f"月{yen(fit.budget_yen)}（税込）" if fit is not None else "入れていません"}


def _method_lines(report: Report, data: Dataset) -> list[str]:
    """How the figures were made, in a few plain sentences with this provider's own numbers."""
    terms, pricing = data.terms, data.terms.pricing
    plans = "、".join(f"{p.name}（月{p.hours}時間まで）" for p in pricing.plans)
    lines = [
        "業務ごとの時間は、1件（1回）あたりにかかる分数の目安に、月の件数をかけて出しています。分数の目安は業務の一覧（ガイド）と同じです。",
        f"「{ASSUMED_LABEL}」の印がある業務の分数は、公表された数字が見つからなかったため、当社が理由を添えて置いた値です。"
        "理由は業務の一覧（ガイド）の、その業務の説明にあります。",
        f"「1日あたり」は月{quantity(terms.business_days_per_month)}営業日、「1週あたり」は月{quantity(terms.weeks_per_month)}週として月の件数にしています。",
        f"当社の見積もりの決まりとして、作業時間に{pricing.buffer_percent}%を足し、やり取りや修正の時間としています。"
        "時間で頼む業務には足しません。正式なお見積もりでは、業務を伺って決めます。幅は、早く済む場合とかかる場合の目安です。",
        f"料金は、従量制（スポット）（1時間{yen(pricing.hourly_rate_yen)}、{pricing.hourly_increment_minutes}分単位）と、"
        f"{plans}の月額を比べ、いちばん安いものを示しています。最初の月は、初回のみの作業と開始の月の時期のある業務、"
        "払い方によってかかる初期費用を加えて、払い方ごとに比べています。",
        "時期のある業務と決算月に増える業務は、12か月の見通しに入れています。",
        "士業の独占業務は、時間と料金に入れていません。",
    ]
    if terms.is_sample:
        lines.append("料金・日数などの当社の条件は見本の値です。")
    return lines
