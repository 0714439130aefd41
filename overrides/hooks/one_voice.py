"""MkDocs hook: the site reads as written by one hand.

1. A link title inside a sentence is quoted 「…」. A link whose text is the title of the section or page
   it goes to (「見積もりをもらう」, or 「用語集：インボイス制度」 as page and section) names that section;
   dropped into a sentence unquoted it reads as broken Japanese (「詳しくは見積もりをもらうをご覧ください」).
   The build fails on every such link, naming the page, the link and its target.
   - *Inline* means inside running text: the link's block (paragraph, list item without its sub-lists,
     table cell, definition) holds other words too.
   - A link that is the whole block (a list item of links, a line of its own, a table cell) is not inline:
     it stands as a title, like a heading, and needs no quotes.
   - A link whose text is not its target's title (「初期費用がかかります」 linking the word 初期費用, 「登録番号」)
     is a word of the sentence, not a title, and is left alone.
   - Quoted means 「 right before the link and 」 right after it (or both inside its text).
2. 「従量制（スポット）」 at the first mention on a page, 「従量制」 after it. The provider's answers are
   written once (estimator/terms_text.py) and land on many pages in any order, so the pages and the
   answers write 従量制 and this hook adds 「（スポット）」 where a page first names it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath

from bs4 import BeautifulSoup, Tag
from mkdocs.exceptions import PluginError

BLOCKS = ("p", "li", "td", "th", "dd", "dt")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# A Markdown heading line with its id, a fenced code block, a link's text, an HTML tag: the places the
# first mention is not written into (a heading's text is fine; its id and attributes are not).
_PAY_AS_YOU_GO = re.compile(r"従量制(?:（スポット）)?")
_SKIPPED = re.compile(r"```.*?```|\{[^}\n]*\}|<[^>\n]+>|\]\([^)\n]*\)", re.S)


@dataclass(frozen=True)
class Link:
    page: str  # site-relative URL of the page the link is on
    text: str
    href: str
    inline: bool
    quoted: bool


@dataclass
class Page:
    title: str
    headings: dict[str, str]  # id -> heading text
    links: list[Link]


_pages: dict[str, Page] = {}


def plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


# --- 従量制（スポット） at the first mention ----------------------------------------------------------


def first_mention(markdown: str) -> str:
    """`markdown` with its first 従量制 written 従量制（スポット） and every later one plain 従量制."""
    seen = False
    out, last = [], 0
    skipped = [m.span() for m in _SKIPPED.finditer(markdown)]

    def in_skipped(at: int) -> bool:
        return any(start <= at < end for start, end in skipped)

    for match in _PAY_AS_YOU_GO.finditer(markdown):
        if in_skipped(match.start()):
            continue
        out.append(markdown[last:match.start()])
        out.append("従量制" if seen else "従量制（スポット）")
        seen = True
        last = match.end()
    out.append(markdown[last:])
    return "".join(out)


# --- Link titles in sentences ---------------------------------------------------------------------------


def _around(block: Tag, link: Tag) -> tuple[str, str]:
    """The block's words before and after `link`, without the block's sub-lists (a list item of links
    may hold a nested list)."""
    before, after, seen = [], [], False
    for node in block.find_all(string=True):
        nearest = next(p for p in node.parents if p is block or p.name in ("ul", "ol"))
        if nearest is not block:
            continue
        if link in node.parents:
            seen = True
        else:
            (after if seen else before).append(str(node))
    return "".join(before), "".join(after)


def read_page(html: str, url: str) -> Page:
    """The title, section headings and links of one built page's article."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article") or soup
    headings = {h["id"]: " ".join(h.get_text().split()) for h in article.find_all(HEADINGS) if h.get("id")}
    title_tag = article.find("h1")
    title = " ".join(title_tag.get_text().split()) if title_tag else ""
    links = []
    for a in article.find_all("a", href=True):
        if "headerlink" in (a.get("class") or []) or re.match(r"[a-z]+:", a["href"]):
            continue
        block = a.find_parent(BLOCKS)
        text = " ".join(a.get_text().split())
        if block is None:
            links.append(Link(url, text, a["href"], False, False))
            continue
        before, after = _around(block, a)
        mine = plain(text)
        inline = plain(before + text + after).strip("。") not in (mine, f"「{mine}」")
        quoted = (mine.startswith("「") and mine.endswith("」")) or (
            plain(before).endswith("「") and plain(after).startswith("」"))
        links.append(Link(url, text, a["href"], inline, quoted))
    return Page(title, headings, links)


def resolve(href: str, base: str) -> tuple[str, str]:
    """(site-relative page URL, fragment) of a relative link written on page `base`."""
    path, _, fragment = href.partition("#")
    if not path:
        return base, fragment
    parts: list[str] = []
    for part in PurePosixPath(base or ".", path).parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    url = "/".join(parts).removesuffix("index.html")
    return (url + "/" if url and not url.endswith("/") else url), fragment


def target_titles(link: Link, pages: dict[str, Page]) -> set[str]:
    """The names a link's target goes by: its heading, the page's title, or both (「用語集：インボイス制度」)."""
    url, fragment = resolve(link.href, link.page)
    page = pages.get(url)
    if page is None:
        return set()
    if not fragment or fragment == "top":
        return {plain(page.title)}
    heading = page.headings.get(fragment)
    if heading is None:
        return set()
    return {plain(heading), plain(f"{page.title}：{heading}"), plain(f"{page.title}:{heading}")}


def unquoted_titles(pages: dict[str, Page]) -> list[str]:
    """Every inline link whose text is its target's title and that is not quoted 「…」."""
    problems = []
    for page in pages.values():
        for link in page.links:
            if link.inline and not link.quoted and plain(link.text).strip("「」") in target_titles(link, pages):
                problems.append(f"{page.title or link.page}（{link.page or '/'}）: [{link.text}]({link.href}) は"
                                f"見出しの名前を文中に置いたリンクです。「{link.text}」のように「」で囲んでください")
    return problems


# --- MkDocs events -------------------------------------------------------------------------------------


def on_pre_build(config):
    _pages.clear()


def on_page_markdown(markdown, page, config, files):
    return first_mention(markdown)


def on_post_page(output, page, config):
    _pages[page.url] = read_page(output, page.url)
    return output


def on_post_build(config):
    problems = unquoted_titles(_pages)
    if problems:
        raise PluginError("リンクの見出しが文中で「」に囲まれていません:\n" + "\n".join(problems))
