"""Every built page is valid HTML (Nu Html Checker) and every internal link and anchor resolves.

No browser: the Nu checker (npm vnu-jar) runs once, in one JVM, over all pages; links are read from the
built files. linkchecker (PyPI) was tried first: on this site it takes about two minutes and reads the
estimator's share-state fragments (`estimate/#s=...`) as missing anchors, so a small checker over the
built HTML does the same job here in under a second.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from site_support import ROOT, SITE, built_pages, built_site_url

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PUBLISHED = built_site_url() or "http://site.invalid/"  # no address: no absolute link to our own site

def pages() -> list[str]:
    """Every built page as a site-relative URL, 404.html included."""
    return built_pages() + ["404.html"]


def page_file(url: str) -> Path:
    return SITE / url if url.endswith(".html") else SITE / url / "index.html"


@pytest.fixture(scope="module")
def vnu_messages():
    if not (SITE / "index.html").is_file():
        pytest.fail("site/ is not built: run `make build` (make test does it)")
    if not VNU.is_file() or shutil.which("java") is None:
        pytest.fail("the Nu Html Checker needs node_modules (npm ci) and java")
    files = [str(page_file(url)) for url in pages()]
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True, check=False)
    # The report goes to stderr, after anything the JVM itself prints there.
    output = result.stderr + result.stdout
    assert "{" in output, output
    return json.loads(output[output.index("{"):])["messages"]


def test_nu_html_checker_finds_no_error_on_any_page(vnu_messages):
    errors = [f"{m.get('url', '').split('/site/', 1)[-1]}:{m.get('lastLine')}: {m.get('message', '')} "
              f"[{m.get('extract', '').strip()[:80]}]" for m in vnu_messages]
    assert errors == [], "\n".join(errors)


class Links(HTMLParser):
    """The ids of a page and the URLs it points to (href, src, form action), with their line numbers."""

    ATTRIBUTES = {"href", "src", "action"}

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in {"id", "name"} and value and (name == "id" or tag == "a"):
                self.ids.add(value)
            elif name in self.ATTRIBUTES and value is not None and tag != "base":
                self.links.append((self.getpos()[0], value))


@functools.lru_cache(maxsize=None)
def parse(file: Path) -> Links:
    parser = Links()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser


def target_file(path: str) -> Path | None:
    """The built file a site path is served from, as a static host serves it (dir/ → dir/index.html)."""
    file = SITE / unquote(path).lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    return file if file.is_file() else None


def broken_internal_links() -> list[str]:
    """Links to a file that is not built or to an id that is not on the target page, as "page:line: why"."""
    base = "http://site.invalid/"
    published = urlsplit(PUBLISHED)
    broken = []
    for url in pages():
        source = page_file(url)
        links = parse(source)
        for line, href in links.links:
            href = href.strip()
            parts = urlsplit(href)
            if parts.scheme in {"mailto", "tel", "data", "javascript", "blob"}:
                continue
            if parts.scheme in {"http", "https"}:
                if parts.netloc != published.netloc:
                    continue  # another site: not ours to check here (and never fetched by the pages)
                href = "/" + parts.path[len(published.path):] + (f"#{parts.fragment}" if parts.fragment else "")
            absolute = urlsplit(urljoin(base + url, href))
            if not absolute.geturl().startswith(base):
                broken.append(f"{url}:{line}: {href} leaves the site root")
                continue
            target = target_file(absolute.path)
            if target is None:
                broken.append(f"{url}:{line}: {href} (no file for {absolute.path})")
                continue
            fragment = unquote(absolute.fragment)
            # A fragment with "=" is page state (the estimator's share links, "#s=..."), not an anchor.
            if not fragment or "=" in fragment or target.suffix != ".html":
                continue
            ids = parse(target).ids
            if fragment not in ids:
                broken.append(f"{url}:{line}: {href} (no id {fragment!r} on {absolute.path})")
    return broken


def test_every_internal_link_and_anchor_resolves():
    broken = broken_internal_links()
    assert broken == [], "\n".join(broken)


def test_the_checker_sees_links_and_anchors():
    # Guard against a checker that passes because it reads nothing.
    faq = parse(SITE / "faq" / "index.html")
    assert "fee-price" in faq.ids
    assert sum(1 for _, href in faq.links if "#" in href and "://" not in href) > 5

