"""The built pages as search records: one record per section, so a search result is an answer.

Every heading with an id starts a section (a FAQ question, a glossary term, a guide section); the text up
to the next heading is its body. The page's title and its introduction are the page's own record. A page
with a form (the estimator) is a tool, not text: only its title and introduction are indexed.
Used by overrides/hooks/pagefind_index.py; reads only the built HTML, never the Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BLOCKS = {"p", "li", "dt", "dd", "td", "th", "tr", "pre", "blockquote", "table", "ul", "ol", "dl", "div",
          "details", "summary", "figure", "figcaption", "br", "hr"} | set(HEADINGS)
# Not part of what a section says: the page's last-updated line, scripts and templates, copy buttons, and
# the sample marks and notes (sample_marks.py, data_tables.py), which would make 「見本」 match every section.
SKIPPED = ("script, style, template, noscript, aside.md-source-file, .headerlink, .copy-link, [data-pagefind-ignore], "
           ".sample-mark, .sample-caption, .sample-notice")
# Pages whose sections define words: a 「〜とは」 query prefers them.
DEFINITION_PAGES = {"glossary/"}
# Text that names or quotes rather than answers weighs half: a link names another section (「詳しくは
# 料金の決まり方をご覧ください」), a quotation is an example (a sample inquiry mentions メール対応).
MENTION_WEIGHT = 0.5
MENTIONS = {"a", "blockquote"}


@dataclass
class Record:
    page: str  # site-relative page URL: "" for the home page, "faq/"
    anchor: str  # the heading's id
    level: int  # 1 for the page's own record
    title: str  # the heading as shown
    page_title: str
    parents: list[str] = field(default_factory=list)  # headings above this one, below the page title
    parts: list[tuple[str, float]] = field(default_factory=list)  # the body as (text, weight), in order

    @property
    def body(self) -> str:
        return "".join(text for text, _ in self.parts)

    @property
    def url(self) -> str:
        return self.page if self.level == 1 else f"{self.page}#{self.anchor}"

    @property
    def kind(self) -> str:
        if self.level == 1:
            return "page"
        return "definition" if self.page in DEFINITION_PAGES and self.level >= 3 else "section"


def page_url(site: Path, html_file: Path) -> str:
    rel = html_file.parent.relative_to(site).as_posix()
    return "" if rel == "." else rel + "/"


def built_pages(site: Path) -> list[Path]:
    """Every page of the built site with a search body (404.html has none)."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        if path.relative_to(site).parts[0] in {"assets", "pagefind"}:
            continue
        pages.append(path)
    return pages


def page_records(html: str, page: str) -> list[Record]:
    soup = BeautifulSoup(html, "html.parser")
    body = soup.select_one("[data-pagefind-body]")
    if body is None:
        return []
    for skipped in body.select(SKIPPED):
        skipped.decompose()
    records: list[Record] = []
    open_headings: list[Record] = []  # outermost first
    parts: list[list[tuple[str, float]]] = []

    def add(text: str, weight: float) -> None:
        if parts:
            parts[-1].append((text, weight))

    def visit(element: Tag, weight: float) -> None:
        for child in element.children:
            if isinstance(child, Tag) and child.name in HEADINGS and child.get("id"):
                level = int(child.name[1])
                while open_headings and open_headings[-1].level >= level:
                    open_headings.pop()
                title = " ".join(child.get_text().split())
                record = Record(page, child["id"], level, title, records[0].title if records else title,
                                [r.title for r in open_headings if r.level > 1])
                records.append(record)
                parts.append([])
                open_headings.append(record)
            elif isinstance(child, Tag):
                block = child.name in BLOCKS
                if block:
                    add("\n", weight)
                visit(child, MENTION_WEIGHT if child.name in MENTIONS else weight)
                if block:
                    add("\n", weight)
            elif type(child) is NavigableString:
                add(str(child), weight)

    visit(body, 1.0)
    for record, found in zip(records, parts):
        record.parts = merge(found)
    if body.find("form") is not None:
        return records[:1]
    # A heading with no text of its own (a FAQ category) only groups the answers below it.
    return [r for r in records if r.level == 1 or r.body]


def merge(found: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Neighbouring pieces of one weight as one, spaces tidied (clean) across the whole body."""
    merged: list[list] = []
    for text, weight in found:
        if merged and merged[-1][1] == weight:
            merged[-1][0] += text
        else:
            merged.append([text, weight])
    out = []
    for index, (text, weight) in enumerate(merged):
        text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", text)
        text = re.sub(r" *\n\s*", "\n", text)
        if index == 0:
            text = text.lstrip()
        if index == len(merged) - 1:
            text = text.rstrip()
        if text:
            out.append((text, weight))
    return out


def site_records(site: Path) -> list[Record]:
    records = []
    for path in built_pages(site):
        records.extend(page_records(path.read_text(encoding="utf-8"), page_url(site, path)))
    return records
