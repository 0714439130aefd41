"""The inquiry message: polite Japanese, ready to paste into a form, e-mail, LINE or Chatwork.

It holds what providers ask for (業種, the business, tasks with volumes, budget, site/SNS, contact
tool, video call, desired start, irregular work) and the estimate's figures. Work reserved to a
士業 is not among the tasks requested: it has its own 「相談したいこと」 line, with the profession.

The mailto: link carries a shorter body, because mail programs cut a link's whole URL at about 2,000
characters, and every Japanese character takes nine once percent-encoded (about 200 characters of
text). The rule: the whole message if its URL fits; otherwise a note that the full text is in the copy
and the .txt, then as many of these one-line essentials as fit, in this order: the estimate, the tasks
counted by category, the budget, the industry, the start, the contact tool. Free text is left out.
User text is copied as plain text; whoever displays the message must insert it as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from .dataset import Dataset
from .inputs import PRIORITY_NAMES, VIDEO_CALL_NAMES, volume_text
from .report import Report
from .text import clip
from .units import date_ja, hours, yen

MAILTO_URL_LIMIT = 2000
SUBJECT_INDUSTRY_LIMIT = 30
SHORTENED_NOTE = "※要点だけの文面です。全文は見積もりシミュレーターの「コピー」か「.txt」で作れます。"
# Under the estimate's figures while the provider's terms are samples (terms.toml `is_sample`).
SAMPLE_LINE = "※料金・条件は見本の値で計算しています。"


@dataclass(frozen=True)
class InquiryMessage:
    subject: str
    body: str
    mailto: str
    mailto_is_short: bool  # the mail program gets a shortened body


def compose_inquiry(report: Report, data: Dataset) -> InquiryMessage:
    profile = report.input.profile
    industry = clip(profile.industry, SUBJECT_INDUSTRY_LIMIT, "…")
    subject = "業務の依頼についてのご相談" + (f"（{industry}）" if industry else "")
    body = "\n".join(_lines(report, data))
    url = mailto_url(data.terms.email, subject, body)
    if len(url) <= MAILTO_URL_LIMIT:
        return InquiryMessage(subject, body, url, False)
    lines = [f"{data.terms.provider_name} ご担当者さま", _greeting(profile) + "事務作業のご相談です。"]
    # Each line's encoded length once: a line break is "%0A", three characters.
    used = len(mailto_url(data.terms.email, subject, "\n".join([*lines, SHORTENED_NOTE])))
    for line in _essentials(report, data):
        cost = len(url_encoded(line)) + 3
        if used + cost <= MAILTO_URL_LIMIT:
            lines.append(line)
            used += cost
    short = "\n".join([*lines, SHORTENED_NOTE])
    if len(mailto_url(data.terms.email, subject, short)) > MAILTO_URL_LIMIT:  # a very long name
        short = SHORTENED_NOTE
    return InquiryMessage(subject, body, mailto_url(data.terms.email, subject, short), True)


class _PercentEncoded(dict):
    """Each character as `quote(char, safe="")` writes it, remembered on first use, so that `str.translate`
    encodes a message a character at a time inside the interpreter. UTF-8 encodes each character on its
    own, so the result is `quote`'s; it takes a fraction of the time, and a mailto: link is encoded up to
    four times on every change of the form."""

    def __missing__(self, code_point: int) -> str:
        encoded = self[code_point] = quote(chr(code_point), safe="")
        return encoded


_PERCENT_ENCODED = _PercentEncoded()


def url_encoded(text: str) -> str:
    return text.translate(_PERCENT_ENCODED)


def mailto_url(email: str, subject: str, body: str) -> str:
    return f"mailto:{email}?subject={url_encoded(subject)}&body={url_encoded(body)}"


def _greeting(profile) -> str:
    return f"{profile.name}と申します。" if profile.name else ""


def _tool(profile, terms) -> str:
    tools = {tool.id: tool.name for tool in terms.work_tools}
    return tools.get(profile.contact_tool, "その他（ご相談させてください）" if profile.contact_tool == "other" else "（未記入）")


def _budget(report: Report) -> str:
    budget = report.input.budget_yen
    return f"月{yen(budget)}（税込）まで" if budget else "未定（ご提案いただけますと幸いです）"


def _start(profile) -> str:
    return date_ja(profile.desired_start) + "ごろ" if profile.desired_start else "できるだけ早く"


def _lines(report: Report, data: Dataset) -> list[str]:
    profile, terms = report.input.profile, data.terms
    none = "（未記入）"
    lines = [
        f"{terms.provider_name} ご担当者さま",
        "",
        f"はじめてご連絡いたします。{_greeting(profile)}",
        "事務作業の一部をお願いしたく、ご相談いたします。",
        "",
        # In the order the estimator asks and guide/preparation explains: the work, the budget, the business,
        # then how to talk and when to start.
        "■お願いしたい業務",
        *_task_lines(report),
        *_consult_lines(report),
        f"■ご予算：{_budget(report)}",
        f"■業種：{profile.industry or none}",
        f"■事業の内容：{profile.business or none}",
        f"■ホームページ・SNS：{profile.website or 'なし'}",
        f"■ご連絡に使いたいツール：{_tool(profile, terms)}",
        f"■オンライン面談：{VIDEO_CALL_NAMES[profile.video_call]}",
        f"■開始の希望：{_start(profile)}",
        f"■イレギュラーな対応：{_irregulars(report)}",
    ]
    lines += _estimate_lines(report, terms.is_sample)
    if profile.notes:
        lines += ["", "■そのほか", profile.notes]
    lines += ["", "お見積もりと進め方をご案内いただけますと幸いです。", "どうぞよろしくお願いいたします。"]
    return lines


def _essentials(report: Report, data: Dataset) -> list[str]:
    """The short mail's candidate lines, most important first (see the module docstring)."""
    profile, h = report.input.profile, report.hours
    out = []
    if h.lines:
        best = report.best_option
        monthly = f"毎月約{hours(h.monthly_total.typical)}、{best.name} 月{yen(best.cost.gross_yen)}（税込）"
        out.append(f"■目安：{monthly if h.monthly_total.typical else '初回のみの作業'}")
        if data.terms.is_sample:
            out.append(SAMPLE_LINE)
    out.append(f"■業務：{_category_counts(report, data)}")
    if report.warnings:
        out.append(f"■相談したいこと：{'、'.join(w.task_name for w in report.warnings)}（士業の業務にかかわるもの）")
    out.append(f"■予算：{_budget(report)}")
    if profile.industry:
        out.append(f"■業種：{profile.industry}")
    out.append(f"■開始：{_start(profile)}")
    if profile.contact_tool:
        out.append(f"■連絡：{_tool(profile, data.terms)}")
    return out


def _requested(report: Report):
    return [line for line in report.hours.lines if not line.task.is_reserved]


def _task_lines(report: Report) -> list[str]:
    lines = [
        f"・{line.task.name}：{volume_text(line.choice, line.task.unit)}（{PRIORITY_NAMES[line.choice.priority]}）"
        for line in _requested(report)
    ]
    return lines or ["・まだ決めていません。ご相談しながら決めたいです。"]


def _category_counts(report: Report, data: Dataset) -> str:
    """The tasks requested, counted by category: 「経理・財務3件、秘書業務1件」."""
    counts: dict[str, int] = {}
    for line in _requested(report):
        counts[line.task.category] = counts.get(line.task.category, 0) + 1
    parts = [f"{c.name}{counts[c.id]}件" for c in data.catalog.categories if c.id in counts]
    return "、".join(parts) or "これから相談して決めたい"


def _consult_lines(report: Report) -> list[str]:
    """Work that touches a 士業's reserved work: to discuss, not to request."""
    if not report.warnings:
        return []
    lines = ["■相談したいこと（士業の独占業務にかかわる業務）"]
    for w in report.warnings:
        if w.wholly_reserved:
            lines.append(f"・{w.task_name}：{w.profession.name}の独占業務のため、進め方をご相談したいです。")
        else:
            lines.append(f"・{w.task_name}：一部が{w.profession.name}の業務にあたるため、お願いできる範囲を教えてください。")
    return lines


def _irregulars(report: Report) -> str:
    profile = report.input.profile
    items = []
    if profile.weekend_work:
        items.append("土日の対応が必要になることがあります")
    if profile.volume_fluctuates:
        items.append("時期によって業務量が増減します")
    if profile.irregulars:
        items.append(profile.irregulars)
    return "。".join(items) if items else "特にありません"


def _estimate_lines(report: Report, is_sample: bool) -> list[str]:
    h = report.hours
    if not h.lines:
        return []
    monthly = h.monthly_total
    option = report.best_option
    one_off = h.one_off_work.typical + h.one_off_buffer.typical
    lines = ["", "■見積もりシミュレーターの結果（目安）"]
    if monthly.typical:
        lines += [
            f"・毎月の作業時間：約{hours(monthly.typical)}（{hours(monthly.low)}〜{hours(monthly.high)}、やり取りや修正の時間を含む）",
            f"・いちばん安い払い方：{option.name} 月{yen(option.cost.gross_yen)}（税込）",
        ]
    if one_off:
        lines.append(f"・初回のみの作業：約{hours(one_off)}")
    lines += [
        f"・最初の月の合計：{yen(report.first_month.cost.gross_yen)}（税込"
        + ("、初期費用を含む）" if report.first_month.setup_fee_yen else "）"),
        f"・開始の目安：{date_ja(report.start.start)}から",
    ]
    if report.advice:
        lines.append(f"・合いそうなサービス：{report.advice.name}")
    if is_sample:
        lines.append(SAMPLE_LINE)
    return lines
