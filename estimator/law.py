"""The law behind 「頼めない業務」, as it was read: article, excerpt, where and when.

Read from `data/law.toml`. A statement about the law is only as good as the text behind it, so each
record says which text was read (`reading`: the law itself, or an official quotation of it), from which
address and on which day; the site's check dates come from here and nowhere else. What could not be
read in the law's own text is a `NotRead` with a sentence saying so, never a guess and never a date.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from .errors import DataError
from .records import Record, read_toml

READINGS = ("law-text", "official-quote")
READING_NAMES = {"law-text": "条文の写し", "official-quote": "公的機関・士業団体による条文の引用"}


@dataclass(frozen=True)
class LawText:
    article: str
    excerpt: str
    reading: str
    source: str
    url: str
    read_on: datetime.date
    wording: str  # a note on the version read (e.g. an older wording), or ""


@dataclass(frozen=True)
class NotRead:
    """A part of the law that was not read in its own text: the sentence the site shows instead."""

    note: str


@dataclass(frozen=True)
class ProfessionLaw:
    profession_id: str
    bar: LawText  # the article that bars everyone else from the profession's work
    penalty: LawText | NotRead
    company: LawText | NotRead  # whether the company that did the work is punished too


@dataclass(frozen=True)
class Law:
    professions: tuple[ProfessionLaw, ...]
    articles: tuple[tuple[str, LawText], ...]

    def profession(self, profession_id: str) -> ProfessionLaw:
        return next(p for p in self.professions if p.profession_id == profession_id)

    def article(self, article_id: str) -> LawText:
        return dict(self.articles)[article_id]


def load_law(path: Path, profession_ids: tuple[str, ...]) -> Law:
    root = Record(path.name, "(ファイル全体)", read_toml(path))
    professions = tuple(
        ProfessionLaw(r.text("id"), _text(r.table("bar")), _part(r.table("penalty")), _part(r.table("company")))
        for r in root.tables("professions")
    )
    found = {p.profession_id for p in professions}
    for missing in (pid for pid in profession_ids if pid not in found):
        raise DataError(path.name, f"professions {missing!r}", "id", "catalog.toml の士業に対応する記録がありません")
    articles = tuple((r.text("id"), _text(r)) for r in root.tables("articles"))
    return Law(professions, articles)


def _part(r: Record) -> LawText | NotRead:
    if "not_read" in r.data:
        if "article" in r.data or "read_on" in r.data:
            raise r.fail("not_read", "読めていない部分に条文や確認日は書けません（not_read か条文の項目のどちらかにしてください）")
        return NotRead(r.text("not_read"))
    return _text(r)


def _text(r: Record) -> LawText:
    url = r.text("url")
    if not url.startswith(("https://", "http://")):
        raise r.fail("url", f"読んだページのアドレス（http で始まるもの）が必要です（{url!r}）")
    return LawText(
        article=r.text("article"),
        excerpt=r.text("excerpt"),
        reading=r.choice("reading", READINGS),
        source=r.text("source"),
        url=url,
        read_on=r.date("read_on"),
        wording=r.text("wording", default=""),
    )
