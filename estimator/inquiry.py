"""The inquiry message: polite Japanese, ready to paste into a form, e-mail, LINE or Chatwork.

It holds what providers ask for (業種, the business, tasks with volumes, budget, site/SNS, contact
tool, video call, desired start, irregular work) and the estimate's figures. The short variant is
for a mailto: link, whose whole URL some mail programs cut off at around 2,000 characters: its body
is kept at or under MAILTO_BODY_LIMIT characters by listing fewer tasks and shortening free text.
User text is copied as plain text; whoever displays the message must insert it as text.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import PERIOD_NAMES
from .dataset import Dataset
from .inputs import PRIORITY_NAMES, VIDEO_CALL_NAMES
from .report import Report
from .units import date_ja, hours, quantity, yen

MAILTO_BODY_LIMIT = 1800
_SHORT_TEXT = 120


@dataclass(frozen=True)
class InquiryMessage:
    subject: str
    body: str
    short_body: str


def compose_inquiry(report: Report, data: Dataset) -> InquiryMessage:
    profile = report.input.profile
    subject = "業務の依頼についてのご相談" + (f"（{profile.industry}）" if profile.industry else "")
    body = "\n".join(_lines(report, data, task_limit=None, text_limit=None))
    short = ""
    for task_limit in (10, 6, 3, 0):
        short = "\n".join(_lines(report, data, task_limit=task_limit, text_limit=_SHORT_TEXT))
        if len(short) <= MAILTO_BODY_LIMIT:
            break
    return InquiryMessage(subject, body, short[:MAILTO_BODY_LIMIT])


def _clip(text: str, limit: int | None) -> str:
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


def _lines(report: Report, data: Dataset, task_limit: int | None, text_limit: int | None) -> list[str]:
    profile, terms = report.input.profile, data.terms
    none = "（未記入）"
    tools = {tool.id: tool.name for tool in terms.work_tools}
    tool = tools.get(profile.contact_tool, "その他（ご相談させてください）" if profile.contact_tool == "other" else none)
    greeting = f"{profile.name}と申します。" if profile.name else ""
    lines = [
        f"{terms.provider_name} ご担当者さま",
        "",
        f"はじめてご連絡いたします。{greeting}",
        "事務作業の一部をお願いしたく、ご相談いたします。",
        "",
        f"■業種：{_clip(profile.industry, text_limit) or none}",
        f"■事業の内容：{_clip(profile.business, text_limit) or none}",
        "■お願いしたい業務",
        *_task_lines(report, task_limit),
        f"■ご予算：{'月' + yen(report.input.budget_yen) + '（税込）まで' if report.input.budget_yen else '未定（ご提案いただけますと幸いです）'}",
        f"■ホームページ・SNS：{_clip(profile.website, text_limit) or 'なし'}",
        f"■ご連絡に使いたいツール：{tool}",
        f"■オンライン面談：{VIDEO_CALL_NAMES[profile.video_call]}",
        f"■開始の希望：{date_ja(profile.desired_start) + 'ごろ' if profile.desired_start else 'できるだけ早く'}",
        f"■イレギュラーな対応：{_irregulars(report, text_limit)}",
    ]
    lines += _estimate_lines(report)
    if report.warnings:
        names = "、".join(w.task_name for w in report.warnings)
        lines += ["", f"※次の業務は士業の独占業務にかかわるため、お願いできる範囲を教えてください：{names}"]
    if profile.notes:
        lines += ["", "■そのほか", _clip(profile.notes, text_limit)]
    lines += ["", "お見積もりと進め方をご案内いただけますと幸いです。", "どうぞよろしくお願いいたします。"]
    return lines


def _task_lines(report: Report, limit: int | None) -> list[str]:
    lines = [
        f"・{line.task.name}：{PERIOD_NAMES[line.choice.period]}{quantity(line.choice.quantity)}{line.task.unit}"
        f"（{PRIORITY_NAMES[line.choice.priority]}）"
        for line in report.hours.lines
    ]
    if not lines:
        return ["・まだ決めていません。ご相談しながら決めたいです。"]
    if limit is not None and len(lines) > limit:
        rest = len(lines) - limit
        lines = lines[:limit] + [f"・ほか{rest}件（詳しくはご相談の際にお伝えします）"]
    return lines


def _irregulars(report: Report, text_limit: int | None) -> str:
    profile = report.input.profile
    items = []
    if profile.weekend_work:
        items.append("土日の対応が必要になることがあります")
    if profile.volume_fluctuates:
        items.append("時期によって業務量が増減します")
    if profile.irregulars:
        items.append(_clip(profile.irregulars, text_limit))
    return "。".join(items) if items else "特にありません"


def _estimate_lines(report: Report) -> list[str]:
    if not report.hours.lines:
        return []
    monthly = report.hours.monthly_total
    option = report.best_option
    lines = [
        "",
        "■見積もりシミュレーターの結果（目安）",
        f"・毎月の作業時間：約{hours(monthly.typical)}（{hours(monthly.low)}〜{hours(monthly.high)}、"
        f"やりとりや修正の{report.hours.buffer_percent}%を含む）",
        f"・最初の引き継ぎなど：約{hours(report.hours.initial_total.typical)}",
        f"・いちばん安い払い方：{option.name} 月{yen(option.cost.gross_yen)}（税込）",
        f"・開始の目安：{date_ja(report.start.start)}から",
    ]
    if report.advice:
        lines.append(f"・合いそうなサービス：{report.advice.name}")
    return lines
