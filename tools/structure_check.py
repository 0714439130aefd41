#!/usr/bin/env python3
"""Fail when a page follows a source document's list, table or headings in order, reworded.

The shared originality check (../shared/tools/originality.py) finds copied wording: 20 characters in a
row. It cannot see a page that takes a source's list and rewords each item. This check can.

Usage: structure_check.py [--seeds DIR] [SITE]     (defaults: ../shared/seeds and site)

It reads the built site, not the Markdown: there every data marker is filled, and lists, tables,
definition lists and the HTML the hooks write are all plain elements, so one parser of the standard
library reads every kind of list a reader sees. It stops when the site is older than docs/ or
estimator/data/ (run `make build` first), so it never passes on pages that are no longer there.

The rule, in full:
- Content words of a text: each run of kanji as its overlapping pairs (a lone kanji as itself:
  okurigana and particles split words anywhere, so 「日程の調整」 and 「スケジュール調整」 still share 調整),
  each katakana run, each Latin word of two letters or more (lower-cased). Hiragana, digits and
  punctuation are not words. A text is NFKC-normalised first, so full- and half-width forms agree.
- An item matches a source item when it shares more than half of its own content words with it, and at
  least two. (Counting the page item's words, not the source item's: a source row or sentence carries
  more than one page item, and a short page item that is made of a source item's words is following it.)
- Page lists: in each page's <article>, every <ul>/<ol> (its items; a nested list is a list of its own),
  every <table> (its rows, cells joined), every <dl> (each term with its descriptions), and the headings
  below each heading (the <h3>s of one <h2>, and so on).
- Source lists: bulleted and numbered items (「・」, 「•」, 「-」, 「1.」, 「①」…; a bullet's indented next line
  belongs to it; several 「・」 items on one line are several items), every run of lines with no blank
  line between them (a table's rows, a list without marks; each line an item), and the headings (short
  lines standing alone, Markdown headings, numbered titles, 「パターンA」 and the like), in document order.
  The 「、」-separated words inside an item are that item's words.
- A page follows a source when at least three consecutive items of one page list match three
  consecutive items of one source list, in the same order. Two are a coincidence of subject (inquiry,
  then quote); a third in the same order is the source's structure.

Prints each run found (page, list, source, and the items side by side) and exits 1 if any is found.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"
DEFAULT_SITE = ROOT / "site"
SOURCES_OF_THE_SITE = ("docs", "estimator/data")

MIN_RUN = 3
MIN_SHARED = 2
_KATAKANA = re.compile(r"[\u30a1-\u30faー]+")

_WORD = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]+)|[\u30a1-\u30faー]{2,}|[a-z][a-z0-9]+")


def content_words(text: str) -> frozenset[str]:
    """Kanji runs as overlapping pairs (a lone kanji as itself), katakana runs, Latin words."""
    words = set()
    for match in _WORD.finditer(unicodedata.normalize("NFKC", text).lower()):
        kanji = match.group(1)
        if kanji and len(kanji) > 1:
            words.update(kanji[i : i + 2] for i in range(len(kanji) - 1))
        else:
            words.add(match.group(0))
    return frozenset(words)


def shared_words(page_words: frozenset[str], source_words: frozenset[str]) -> int:
    """How many of the page item's words the source item has. A katakana word also counts when one
    contains the other (メール and メールチェック): katakana compounds are written without a break."""
    katakana = [w for w in source_words if _KATAKANA.fullmatch(w)]
    return sum(1 for w in page_words
               if w in source_words or _KATAKANA.fullmatch(w) and any(w in k or k in w for k in katakana))


def matches(page_words: frozenset[str], source_words: frozenset[str]) -> bool:
    """More than half of the page item's words are in the source item: at least two of them, or the
    same single word (予算 and 予算)."""
    shared = shared_words(page_words, source_words)
    return 2 * shared > len(page_words) and (shared >= MIN_SHARED or page_words == source_words)


@dataclass(frozen=True)
class Item:
    text: str
    words: frozenset[str]


@dataclass(frozen=True)
class ItemList:
    where: str  # "guide/flow/ ol 3" or "004 lines 118-121"
    items: tuple[Item, ...]


def item_list(where: str, texts) -> ItemList:
    cleaned = [" ".join(t.split()) for t in texts]
    return ItemList(where, tuple(Item(t, content_words(t)) for t in cleaned if t))


@dataclass(frozen=True)
class Run:
    page: ItemList
    source: ItemList
    page_start: int
    source_start: int
    length: int

    def describe(self) -> str:
        lines = [f"{self.page.where}: follows {self.source.where}, {self.length} items in order:"]
        for k in range(self.length):
            mine, theirs = self.page.items[self.page_start + k], self.source.items[self.source_start + k]
            lines.append(f"    {_short(mine.text)}  <-  {_short(theirs.text)}")
        return "\n".join(lines)


def _short(text: str, limit: int = 44) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def runs(page: ItemList, source: ItemList, min_run: int = MIN_RUN) -> list[Run]:
    """Every longest stretch of consecutive page items matching consecutive source items in order."""
    found = []
    n, m = len(page.items), len(source.items)
    for i in range(n):
        for j in range(m):
            if i and j and matches(page.items[i - 1].words, source.items[j - 1].words):
                continue  # inside a stretch that started earlier
            length = 0
            while (i + length < n and j + length < m
                   and matches(page.items[i + length].words, source.items[j + length].words)):
                length += 1
            if length >= min_run:
                found.append(Run(page, source, i, j, length))
    return found


# ---------------------------------------------------------------- source documents (plain text)

_BULLET = re.compile(r"^\s*(?:[・•●◆■□◇▪︎\-*＊]|\d{1,2}[.．)）]|[①-⑳]|[（(]\d{1,2}[)）])\s*")
_TITLE = re.compile(r"^(?:#{1,6}\s*|\d{1,2}[.．]\s*|[①-⑳]\s*|(?:パターン|理由|特徴|ステップ|STEP|Step)\s*[0-9A-Z０-９Ａ-Ｚ]+)")
_SENTENCE_END = ("。", "！", "!", "」。")
TITLE_MAX_CHARACTERS = 40


def source_lists(text: str, name: str) -> list[ItemList]:
    """The lists of a source document: marked items, runs of lines, and its headings."""
    lines = text.splitlines()
    lists = []
    # Runs of lines without a blank line: each line an item, marked or not (a table's rows, a step list).
    run: list[tuple[int, str]] = []
    for number, line in enumerate([*lines, ""], 1):
        if line.strip():
            run.append((number, line))
            continue
        if run:
            lists.append(item_list(f"{name} lines {run[0][0]}-{run[-1][0]}", _items_of_lines([l for _, l in run])))
        run = []
    # Items with the same kind of mark, also when blank lines separate them (Markdown bullets often are).
    marked: list[tuple[int, str]] = []
    family = None
    for number, line in enumerate([*lines, "end"], 1):
        if not line.strip() or (marked and _is_continuation(line)):
            if line.strip():
                marked.append((number, line))
            continue
        if marked and _family(line) == family:
            marked.append((number, line))
            continue
        if marked:
            lists.append(item_list(f"{name} items from line {marked[0][0]}",
                                   _items_of_lines([l for _, l in marked])))
        family = _family(line)
        marked = [(number, line)] if family else []
    # Headings in document order: Markdown headings, numbered titles, short lines standing alone.
    titles = [(n, l.strip()) for n, l in enumerate(lines, 1) if _is_title(lines, n - 1)]
    lists.append(item_list(f"{name} headings", [_BULLET.sub("", _TITLE.sub("", t)) for _, t in titles]))
    unique = {tuple(i.text for i in found.items): found for found in reversed(lists)}  # the first of twins
    return [found for found in lists if len(found.items) >= MIN_RUN
            and unique[tuple(i.text for i in found.items)] is found]


def _family(line: str) -> str | None:
    """The kind of mark a line starts with: bullet, number, circled number or number in brackets."""
    mark = _BULLET.match(line)
    if not mark:
        return None
    first = mark.group(0).strip()[:1]
    if first.isdigit():
        return "number"
    if "①" <= first <= "⑳":
        return "circled"
    return "bracketed" if first in "(（" else "bullet"


def _is_continuation(line: str) -> bool:
    return line.startswith("   ") and not _BULLET.match(line)


def _items_of_lines(lines: list[str]) -> list[str]:
    """One item per line; an indented unmarked line continues the item above; 「・a ・b」 is two items."""
    items: list[str] = []
    for line in lines:
        if items and _is_continuation(line):
            items[-1] += " " + line.strip()
            continue
        parts = re.split(r"\s+・", line.strip())
        items += [_BULLET.sub("", part) for part in parts]
    return items


def _is_title(lines: list[str], index: int) -> bool:
    line = lines[index].strip()
    if not line or _BULLET.match(lines[index]) and lines[index][:1].isspace():
        return False
    alone = (index == 0 or not lines[index - 1].strip()) and (index + 1 >= len(lines) or not lines[index + 1].strip())
    if line.startswith("#") or _TITLE.match(line) and alone:
        return True
    return alone and len(line) <= TITLE_MAX_CHARACTERS and not line.endswith(_SENTENCE_END)


# ---------------------------------------------------------------- pages (the built HTML)

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_SKIP = {"script", "style", "svg", "template", "noscript"}
_NESTED_LISTS = {"ul", "ol", "dl", "table"}


class _Element:
    def __init__(self, tag: str, parent: _Element | None):
        self.tag, self.parent, self.children = tag, parent, []


class _Tree(HTMLParser):
    """A minimal element tree; text is kept as str children."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = _Element("#root", None)

    def handle_starttag(self, tag, attrs):
        element = _Element(tag, self.current)
        self.current.children.append(element)
        if tag not in _VOID:
            self.current = element

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def _elements(node: _Element):
    for child in node.children:
        if isinstance(child, _Element):
            yield child
            if child.tag not in _SKIP:
                yield from _elements(child)


def _text(node: _Element, skip=_NESTED_LISTS) -> str:
    parts = []
    for child in node.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag not in _SKIP and child.tag not in skip:
            parts.append(" " + _text(child, skip) + " ")
    return "".join(parts)


def page_lists(html: str, name: str) -> list[ItemList]:
    """The lists, tables, definition lists and heading sequences inside the page's <article>."""
    tree = _Tree()
    tree.feed(html)
    article = next((e for e in _elements(tree.root) if e.tag == "article"), tree.root)
    lists = []
    counts: dict[str, int] = {}
    headings: list[tuple[int, str]] = []
    for element in _elements(article):
        tag = element.tag
        if tag in ("ul", "ol", "table", "dl"):
            counts[tag] = counts.get(tag, 0) + 1
            where = f"{name} {tag} {counts[tag]}"
            if tag == "table":
                rows = [e for e in _elements(element) if e.tag == "tr" and _owner(e, "table") is element]
                lists.append(item_list(where, [_text(r) for r in rows]))
                cells = [next((c for c in r.children if isinstance(c, _Element)), None) for r in rows]
                lists.append(item_list(f"{where}, first column", [_text(c) for c in cells if c is not None]))
            elif tag == "dl":
                lists.append(item_list(where, _definitions(element)))
            else:
                lists.append(item_list(where, [_text(li) for li in element.children
                                               if isinstance(li, _Element) and li.tag == "li"]))
        elif re.fullmatch(r"h[1-6]", tag):
            headings.append((int(tag[1]), _text(element, skip=set())))
    lists += _heading_sequences(headings, name)
    return [found for found in lists if len(found.items) >= MIN_RUN]


def _owner(element: _Element, tag: str) -> _Element | None:
    node = element.parent
    while node is not None and node.tag != tag:
        node = node.parent
    return node


def _definitions(dl: _Element) -> list[str]:
    """Each <dt> with the <dd>s that follow it, as one item."""
    items: list[str] = []
    for child in dl.children:
        if isinstance(child, _Element) and child.tag == "dt":
            items.append(_text(child))
        elif isinstance(child, _Element) and child.tag == "dd" and items:
            items[-1] += " " + _text(child)
    return items


def _heading_sequences(headings: list[tuple[int, str]], name: str) -> list[ItemList]:
    """The headings directly below each heading, in order: the <h3>s of one <h2>, and so on."""
    children: dict[int, list[str]] = {}
    titles: dict[int, str] = {-1: "the page"}
    stack: list[tuple[int, int]] = []  # (level, index in headings)
    for index, (level, text) in enumerate(headings):
        while stack and stack[-1][0] >= level:
            stack.pop()
        parent = stack[-1][1] if stack else -1
        children.setdefault(parent, []).append(text)
        titles[index] = text
        stack.append((level, index))
    return [item_list(f"{name} headings under 「{' '.join(titles[p].split())[:30]}」", texts)
            for p, texts in children.items()]


# ---------------------------------------------------------------- the check

def site_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not {"assets", "pagefind"} & set(p.relative_to(site).parts))


def stale_sources(site: Path, root: Path = ROOT) -> list[Path]:
    """Files of docs/ and estimator/data/ changed after the site was built."""
    pages = site_pages(site)
    if not pages:
        return []
    built = min(p.stat().st_mtime for p in pages)
    return sorted(p for folder in SOURCES_OF_THE_SITE for p in (root / folder).rglob("*")
                  if p.is_file() and p.stat().st_mtime > built)


def check(site: Path, seeds: Path) -> list[Run]:
    sources = [lst for path in sorted(seeds.glob("*.txt"))
               for lst in source_lists(path.read_text(encoding="utf-8"), path.name.split("_")[0])]
    found, seen = [], set()
    for page in site_pages(site):
        name = str(page.relative_to(site).parent).replace(".", "(home)") + "/"
        for mine in page_lists(page.read_text(encoding="utf-8"), name):
            for theirs in sources:
                for run in runs(mine, theirs):
                    # A source's list is often found twice (as marked items and as a run of lines).
                    key = (mine.where, run.page_start, run.length,
                           tuple(i.text for i in theirs.items[run.source_start : run.source_start + run.length]))
                    if key not in seen:
                        seen.add(key)
                        found.append(run)
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=DEFAULT_SITE)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = parser.parse_args(argv)
    if not list(args.seeds.glob("*.txt")):
        print(f"no source documents in {args.seeds}")
        return 2
    if not site_pages(args.site):
        print(f"no built pages in {args.site}: run `make build` first")
        return 2
    stale = stale_sources(args.site)
    if stale and args.site.resolve() == DEFAULT_SITE:
        print(f"{args.site} is older than {stale[0].relative_to(ROOT)}: run `make build` first")
        return 2
    found = check(args.site, args.seeds)
    for run in found:
        print(run.describe())
    print(f"{len(found)} list(s) follow a source in order" if found else "no page follows a source's list in order")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
