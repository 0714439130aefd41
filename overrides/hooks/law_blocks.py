"""Blocks of sourced text for the guides' markers: the law as read and the ended 謝金 programme.

Imported by data_tables.py (not a hook of its own). Every block says what was read, where, on which
day and which version the copy shows; a copy older than an amendment says so before its words are
quoted, and the site's own readings say 「当社の理解です」. Nothing here is a provider's term, so these
blocks do not put the sample notice on a page.
"""

from __future__ import annotations

from estimator.law import READING_NAMES, LawText, NotRead
from estimator.subsidy import worked_example
from estimator.units import day_ja, yen
from markdown_parts import table

# What an excerpt is, by the kind of text read.
EXCERPT_NAMES = {"law-text": "条文", "official-quote": "条文", "official-text": "原文",
                 "secondary-quote": "引用された文言"}
CUT = "（読めた写しは、ここで文の途中で終わっています）"
LAW_READINGS = ("law-text", "official-quote")  # texts of the law itself; the others are notices and judgments


def _sources(sources) -> str:
    return "、".join(f"[{s.title}]({s.url})（{day_ja(s.read_on)}に読みました）" for s in sources)


def _with_sources(text: str, sources) -> str:
    """A sentence or two with their sources before the last full stop: 「…でした（出典：…）。」"""
    return f"{text.removesuffix('。')}（出典：{_sources(sources)}）。"


def law_text(data, text: LawText, label: str) -> str:
    """One text read, as a list item: what it is, the version warning first, the words, where and when."""
    lines = [f"- {label}：{text.article}"]
    change = text.later_change
    if change:
        lines.append(f"    - 次の文言は、{day_ja(change.on)}の改正より前の写しのものです。")
    lines.append(f"    - 「{text.excerpt}」" + (CUT if text.excerpt_cut else ""))
    lines.append(f"    - 読んだもの：[{text.source}]({text.url})（{READING_NAMES[text.reading]}。写しの版：{text.version}）")
    lines.append(f"    - この写しを読んだ日：{day_ja(text.read_on)}")
    if change:
        line = f"    - {change.note}"
        if change.source_id:
            source = data.law.article(change.source_id)
            line += f"改正の出典：[{source.source}]({source.url})（{day_ja(source.read_on)}に読みました）。"
        lines.append(line + f"現在の{_words(text)}とは確かめていません。")
    elif text.version_date is None:
        lines.append(f"    - 写しの版がわからないため、現在の{_words(text)}とは確かめていません。")
    if text.note:
        lines.append(f"    - {text.note}")
    return "\n".join(lines)


def _words(text: LawText) -> str:
    return "条文" if text.reading in LAW_READINGS else "文言"


def _part(data, part, label: str) -> str:
    return f"- {label}：{part.note}" if isinstance(part, NotRead) else law_text(data, part, label)


def law(data, profession_id: str) -> str:
    """`<!-- law:zeirishi -->`: one profession's law as read: the barring article, penalty, company."""
    entry = data.law.profession(profession_id)
    return "\n".join([law_text(data, entry.bar, "この業務を士業に限る条文"), _part(data, entry.penalty, "罰則"),
                      _part(data, entry.company, "会社（法人）も罰せられるか")])


def quote(data, article_id: str) -> str:
    """`<!-- quote:privacy-supervision -->`: one record of [[articles]], quoted with its source."""
    text = data.law.article(article_id)
    return law_text(data, text, EXCERPT_NAMES[text.reading])


def reading(data, position_id: str) -> str:
    """`<!-- reading:bookkeeping -->`: the site's own reading, in the same words on every page."""
    return f"{data.law.position(position_id).text}（当社の理解です）"


def positions(data) -> str:
    """`<!-- data:law-positions -->`: every reading the site states, and the texts each rests on."""
    items = []
    for position in data.law.positions:
        basis = "、".join(data.law.basis(b).article for b in position.basis)
        items.append(f"- {position.text}\n    - もとにした資料：{basis}")
    return "\n".join(items)


def subsidy_status(data) -> str:
    """`<!-- data:subsidy-status -->`: the one notice that the programme has ended, with what was read."""
    rule, p = data.subsidy, data.subsidy.programme
    title = "終了した事業の例です" if not rule.is_open else "受け付け中の事業です"
    return "\n".join([
        f'!!! warning "{title}"',
        f"    {rule.name}：{rule.status_note}",
        "",
        f"    {_with_sources(p.ended.text, p.ended.sources)}{p.not_verified}",
    ])


def subsidy_programme(data) -> str:
    """`<!-- data:subsidy-programme -->`: what the programme was, each fact with its sources."""
    rule, p = data.subsidy, data.subsidy.programme
    items = [f"{f.label}\n:   {_with_sources(f.text, f.sources)}" for f in p.facts]
    items.append(f"謝金の決まり\n:   謝金は1時間あたり上限{yen(rule.cap_yen_per_hour)}（税込）で、中小企業が専門家に1時間あたり"
                 f"{yen(rule.client_minimum_yen_per_hour)}（税込）以上を払うことが条件でした"
                 f"（出典：{_sources((rule.example_source,))}）。")
    return "\n\n".join(items)


def subsidy_example(data) -> str:
    """`<!-- data:subsidy-example -->`: the worked example, every amount tax included."""
    rule, ex = data.subsidy, worked_example(data.subsidy)
    rows = [
        ["中小企業が払う額", f"{yen(ex.client_rate_yen_per_hour)} × {ex.hours}時間 = {yen(ex.client_pays_yen)}"],
        ["仲介サイトの手数料（例の仮定）", f"{rule.platform_fee_percent}% = {yen(ex.platform_fee_yen)}"],
        ["専門家が中小企業の支払いから受け取る額", yen(ex.provider_from_client_yen)],
        ["事務局からの謝金", f"{yen(rule.cap_yen_per_hour)} × {ex.hours}時間 = {yen(ex.subsidy_yen)}"],
        ["専門家が受け取る合計", yen(ex.provider_receives_yen)],
        ["制度がない場合の専門家の報酬（案内ページの数字）", yen(ex.without_subsidy_yen)],
        ["中小企業の支払いが少なくなった額", yen(ex.client_saves_yen)],
    ]
    return "\n".join([table(["項目", "金額（税込）"], rows),
        "",
        f"出典：{_sources((rule.example_source,))}。仲介サイトの手数料{rule.platform_fee_percent}%は、案内ページの例の数字から"
        f"このサイトが読み取った仮定で、事業の決まりではありません。制度がない場合の1時間あたりの報酬"
        f"{yen(rule.example_regular_rate_yen_per_hour)}は、案内ページの{yen(ex.without_subsidy_yen)}を{ex.hours}時間で割って"
        "このサイトが出した値です。",
    ])


BLOCKS = {"law-positions": positions, "subsidy-status": subsidy_status, "subsidy-programme": subsidy_programme,
          "subsidy-example": subsidy_example}
