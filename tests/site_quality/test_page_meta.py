"""Every built page's description, Open Graph tags, last-updated date, and the sitemap (no browser)."""

from __future__ import annotations

import datetime
import functools
import importlib.util
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from site_support import ROOT, SITE, _redirect_target, built_pages, built_site_url

_spec = importlib.util.spec_from_file_location("page_meta", ROOT / "overrides" / "hooks" / "page_meta.py")
page_meta = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(page_meta)

PUBLISHED = built_site_url()  # "" for a build without SITE_URL
SITE_NAME = re.search(r"^site_name:\s*(.+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1).strip()
PAGES = built_pages()


class Head(HTMLParser):
    """The page's <meta> and <link rel=canonical>, and the <time> of the last-updated line."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.canonical = None
        self.times: list[str] = []
        self.in_source = False
        self.source_text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("name") or a.get("property")):
            self.meta.setdefault(a.get("name") or a.get("property"), []).append(a.get("content", ""))
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        elif tag == "aside" and "md-source-file" in (a.get("class") or ""):
            self.in_source = True
        elif self.in_source and tag == "time":
            self.times.append(a.get("datetime", ""))

    def handle_endtag(self, tag):
        if tag == "aside":  # the date's <aside> holds no other <aside>
            self.in_source = False

    def handle_data(self, data):
        if self.in_source:
            self.source_text += data


def source_of(url: str):
    for candidate in (ROOT / "docs" / (url.rstrip("/") or "index")).with_suffix(".md"), ROOT / "docs" / url / "index.md":
        if candidate.is_file():
            return candidate
    return None


def parsed(url: str) -> Head:
    head = Head()
    head.feed((SITE / url / "index.html").read_text(encoding="utf-8"))
    return head


@functools.cache
def pages_with_content() -> tuple[str, ...]:
    """The built pages that are not mkdocs-redirects pages (read once for the whole module)."""
    if not PAGES:
        pytest.fail("site/ is not built: run `make build` (make test does it)")
    pages = []
    for url in PAGES:
        if _redirect_target(SITE, url, (SITE / url / "index.html").read_text(encoding="utf-8")) is None:
            pages.append(url)
    return tuple(pages)


def content_page(url: str):
    """The parsed head and the Markdown source of a built page; a redirect page is skipped."""
    if url not in pages_with_content():
        pytest.skip("a redirect page")
    return parsed(url), source_of(url)


def front_matter_description(path) -> str | None:
    match = re.match(r"---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.S)
    found = match and re.search(r"^description:\s*(.+)$", match.group(1), re.M)
    return found.group(1).strip() if found else None


@pytest.mark.parametrize("url", PAGES, ids=[u or "home" for u in PAGES])
def test_page_has_its_own_description_and_open_graph_tags(url):
    head, source = content_page(url)
    description = front_matter_description(source)
    assert description, f"{source.relative_to(ROOT)}: add front matter `description:` (one sentence, ≤ 120 characters)"
    assert 20 <= len(description) <= 120, (url, len(description))
    assert head.meta["description"] == [description]
    if PUBLISHED:
        assert head.canonical == PUBLISHED + url
        assert head.meta["og:url"] == [PUBLISHED + url]
    else:  # no public address: no host named anywhere
        assert head.canonical is None and "og:url" not in head.meta
    assert head.meta["og:description"] == [description]
    assert head.meta["og:title"][0].strip()
    assert head.meta["og:type"] == ["website" if url == "" else "article"]
    assert head.meta["og:site_name"] == [SITE_NAME]
    assert head.meta["og:locale"] == ["ja_JP"]
    # No preview image: it would have to be fetched from somewhere, and nothing leaves this site.
    assert not [name for name in head.meta if name.startswith(("og:image", "twitter:"))]


def test_descriptions_differ_from_page_to_page():
    descriptions = [parsed(url).meta["description"][0] for url in pages_with_content()]
    assert len(set(descriptions)) == len(descriptions)


def test_sitemap_lists_every_page_at_its_published_address():
    """With a public address, absolute addresses; without one, each page relative to the sitemap (no host)."""
    tree = ET.parse(SITE / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = [loc.text for loc in tree.getroot().findall("s:url/s:loc", ns)]
    expected = [PUBLISHED + url if PUBLISHED else (url or "./") for url in pages_with_content()]
    assert sorted(listed) == sorted(expected)


def git_date(path) -> str | None:
    out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", str(path)], cwd=ROOT,
                         capture_output=True, text=True, check=False).stdout.strip()
    return out or None


@pytest.mark.parametrize("url", PAGES, ids=[u or "home" for u in PAGES])
def test_page_shows_its_last_updated_date(url):
    head, source = content_page(url)
    expected = git_date(source) or datetime.date.fromtimestamp(source.stat().st_mtime).isoformat()
    assert head.times == [expected]
    year, month, day = (int(part) for part in expected.split("-"))
    assert re.sub(r"\s+", " ", head.source_text).strip() == f"最終更新日: {year}年{month}月{day}日"


def test_date_of_a_file_outside_git_is_its_modification_time(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("# 下書き\n", encoding="utf-8")
    stamp = datetime.datetime(2026, 3, 4, 12, 0).timestamp()
    os.utime(draft, (stamp, stamp))
    assert page_meta.last_updated(draft) == datetime.date(2026, 3, 4)
    assert page_meta.japanese_date(datetime.date(2026, 3, 4)) == "2026年3月4日"


def test_date_of_a_committed_file_is_its_last_commit():
    assert page_meta.last_updated(ROOT / "mkdocs.yml").isoformat() == git_date(ROOT / "mkdocs.yml")
