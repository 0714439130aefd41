"""The law behind 「頼めない業務」, as it was read: article, excerpt, where, when and which version.

Read from `data/law.toml`. A statement about the law is only as good as the text behind it, so each
record says which text was read (`reading`: the law itself, an official quotation or publication, or a
quotation inside someone's commentary), from which address, on which day, and which version of the
text the copy shows. Copies found on the web are often older than the law in force: a record says so
(`version_date`, `later_change`), and the site then says that the current text was not confirmed.
What could not be read at all is a `NotRead` with a sentence saying so, never a guess and never a date.
Where the site states its own reading of the law rather than a text, that is a `Position`, shown with
「当社の理解です」 and the records it rests on.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from .errors import DataError
from .records import Record, read_toml

READING_NAMES = {
    "law-text": "条文の写し",
    "official-quote": "公的機関・士業団体による条文の引用",
    "official-text": "公的機関・士業団体が公表した文書",
    "secondary-quote": "解説記事に引用された文言",
}
READINGS = tuple(READING_NAMES)


@dataclass(frozen=True)
class LaterChange:
    """An amendment in force after the version the copy shows, known to touch the text read."""

    on: datetime.date
    note: str
    source_id: str  # an [[articles]] record that shows the change, or ""


@dataclass(frozen=True)
class LawText:
    article: str
    excerpt: str
    excerpt_cut: bool  # the copy's text breaks off mid-sentence where the excerpt ends
    reading: str
    source: str
    url: str
    read_on: datetime.date
    version: str  # the version the copy shows, in words ("版の表示なし" when it shows none)
    version_date: datetime.date | None  # the day that version is of, when the copy says
    later_change: LaterChange | None
    note: str  # anything else a reader must know about this text, or ""

    @property
    def current_text_confirmed(self) -> bool:
        """False when the copy is known to be older than an amendment, or its version is unknown."""
        return self.later_change is None and self.version_date is not None


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
class Position:
    """The site's own reading of the law on one question, with the records it rests on."""

    id: str
    text: str
    basis: tuple[str, ...]  # ids of [[articles]] records, or of professions (meaning the article that bars)


@dataclass(frozen=True)
class Law:
    professions: tuple[ProfessionLaw, ...]
    articles: tuple[tuple[str, LawText], ...]
    positions: tuple[Position, ...]

    def profession(self, profession_id: str) -> ProfessionLaw:
        return next(p for p in self.professions if p.profession_id == profession_id)

    def article(self, article_id: str) -> LawText:
        return dict(self.articles)[article_id]

    def position(self, position_id: str) -> Position:
        return next(p for p in self.positions if p.id == position_id)

    def basis(self, record_id: str) -> LawText:
        """A record a position rests on: an [[articles]] record, or a profession's barring article."""
        articles = dict(self.articles)
        return articles[record_id] if record_id in articles else self.profession(record_id).bar


def load_law(path: Path, profession_ids: tuple[str, ...]) -> Law:
    root = Record(path.name, "(ファイル全体)", read_toml(path))
    professions = tuple(
        ProfessionLaw(r.text("id"), _text(r.table("bar")), _part(r.table("penalty")), _part(r.table("company")))
        for r in root.tables("professions")
    )
    found = {p.profession_id for p in professions}
    for missing in (pid for pid in profession_ids if pid not in found):
        raise DataError(path.name, f"professions {missing!r}", "id", "catalog.toml の士業に対応する記録がありません")
    article_records = root.tables("articles")
    articles = tuple((r.text("id"), _text(r)) for r in article_records)
    position_records = root.tables("positions")
    positions = tuple(Position(r.text("id"), r.text("text"), r.texts("basis")) for r in position_records)
    known = {article_id for article_id, _ in articles}
    for r, (_, text) in zip(article_records, articles):
        _check_source(r, text, known)
    for r, prof in zip(root.tables("professions"), professions):
        for part_name, part in (("bar", prof.bar), ("penalty", prof.penalty), ("company", prof.company)):
            if isinstance(part, LawText):
                _check_source(r.table(part_name), part, known)
    for r, position in zip(position_records, positions):
        for basis in position.basis:
            if basis not in known | found:
                raise r.fail("basis", f"[[articles]] にも [[professions]] にも {basis!r} の記録がありません")
    return Law(professions, articles, positions)


def _check_source(r: Record, text: LawText, known: set[str]) -> None:
    if text.later_change and text.later_change.source_id and text.later_change.source_id not in known:
        raise r.fail("later_change_source", f"[[articles]] に {text.later_change.source_id!r} の記録がありません")


def _part(r: Record) -> LawText | NotRead:
    if "not_read" in r.data:
        if "article" in r.data or "read_on" in r.data:
            raise r.fail("not_read", "読めていない部分に条文や確認日は書けません（not_read か条文の項目のどちらかにしてください）")
        return NotRead(r.text("not_read"))
    return _text(r)


def _text(r: Record) -> LawText:
    url, read_on = r.address(), r.read_day()
    version_date = r.date("version_date") if "version_date" in r.data else None
    if version_date is not None and version_date > read_on:
        raise r.fail("version_date", "写しの版の日付が、読んだ日より後になっています")
    return LawText(
        article=r.text("article"),
        excerpt=r.text("excerpt"),
        excerpt_cut=r.flag("excerpt_cut", default=False),
        reading=r.choice("reading", READINGS),
        source=r.text("source"),
        url=url,
        read_on=read_on,
        version=r.text("version"),
        version_date=version_date,
        later_change=_later_change(r, version_date),
        note=r.text("note", default=""),
    )


def _later_change(r: Record, version_date: datetime.date | None) -> LaterChange | None:
    if "later_change" not in r.data:
        for field in ("later_change_on", "later_change_source"):
            if field in r.data:
                raise r.fail(field, "later_change（改正の説明）と一緒に書いてください")
        return None
    on = r.date("later_change_on")
    if version_date is not None and version_date >= on:
        raise r.fail("later_change_on", "写しの版が改正の日より後なら、その改正は写しに入っています（later_change は書けません）")
    return LaterChange(on, r.text("later_change"), r.text("later_change_source", default=""))
