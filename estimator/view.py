"""The estimate as the page shows it: every figure formatted in Japanese, every sentence complete.

The page (and the MkDocs hook, for the first paint) only places these strings; it never computes.
Durations in a table are shown so that they add up to the total shown (`units.hours_adding_up`),
and the notes say how the figures were made. Guide links are relative to the site root.
"""

from __future__ import annotations

from typing import Any

from .cost_view import budget_view, costs_view
from .dataset import Dataset
from .inputs import volume_text
from .inquiry import compose_inquiry
from .report import Report
from .seasons import SeasonCut
from .units import date_ja, hours, hours_adding_up, yen
from .summary_view import assumed_view, one_off_minutes, page_parts, sample_mark, summary, yearly_minutes
from .hiring_view import hiring_view
from .year_view import year_view

ROUNDING_NOTE = "表の時間は0.1時間単位です。各行の端数は、合計と一致するように調整しています。"
WHOLE_SEASONS_LABEL = "開始より前の月の分も、最初の月にまとめて頼む"  # the form's checkbox (profile.whole_seasons)


def report_view(report: Report, data: Dataset) -> dict[str, Any]:
    message = compose_inquiry(report, data)
    return {
        "has_tasks": bool(report.hours.lines),
        "summary": summary(report),
        "hours": _hours_view(report, data),
        "costs": costs_view(report, data),
        "budget": budget_view(report),
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


def _line_note(line, cuts: dict[str, SeasonCut]) -> str:
    if line.task.is_reserved:
        return "時間に含めません"
    if line.one_off:
        return "初回のみ"
    if line.yearly:
        note = f"時期のある業務（{_season_months(line.task.season)}）"
        cut = cuts.get(line.task.id)
        return note + ("。" + _cut_note(cut) if cut else "")
    return "時間で入力：上乗せなし" if line.task.in_hours else ""


def _cut_note(cut: SeasonCut) -> str:
    """What a start inside a task's months leaves out, or that it comes whole: 「開始が12月15日のため、12月分のみ」."""
    months = lambda values: "・".join(f"{m}月" for m in values)  # noqa: E731
    since = f"開始が{cut.start.month}月{cut.start.day}日のため"
    if cut.whole:
        return f"{since}、{months(cut.missed_months)}分も{cut.start.month}月にまとめて行います"
    return (f"{since}、{months(cut.kept_months)}分のみ。{months(cut.missed_months)}分も頼むときは、"
            f"「{WHOLE_SEASONS_LABEL}」を選んでください")


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
    buffer_name = f"やり取りや修正（当社の決まりで作業時間の{h.buffer_percent}%）"
    groups = {"monthly": ([l for l in h.lines if l.monthly], h.monthly_buffer.typical),
              "one_off": ([l for l in h.lines if l.one_off], h.one_off_buffer.typical),
              "yearly": ([l for l in h.lines if l.yearly], h.yearly_buffer.typical)}
    lines, buffer_lines = [], {}
    cuts = {cut.task_id: cut for cut in report.season_cuts}
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
            "note": _line_note(line, cuts),
        } for line, typical in zip(group, shown)]
    notes = [ROUNDING_NOTE]
    if any(line.task.in_hours for line in h.lines):
        notes.append("時間で入力した業務（リサーチなど）は、その時間をそのまま使い、やり取りや修正の時間を上乗せしていません。")
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
        "setup_note": (f"最初の引き継ぎ：約{hours(h.setup_minutes)}（"
                       + ("初期費用に含まれます）" if report.first_month.setup_fee_yen else "この時間の料金はいただきません）")
                       if h.setup_minutes else ""),
        "lines": lines,
        "notes": notes,
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
        "route": "オンライン面談をする場合" if plan.with_video else "文章でやり取りする場合",
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
