"""The accessibility statement promises no more than the tests hold.

docs/accessibility.md is generated from tests/accessibility_checks.toml (what each check is, and which
tests make it) and from the navigation. Here: every test named there exists; the statement lists
exactly the pages the every-page tests visit (site_support.built_pages, the same function
test_every_page.py and test_validity.py go through) plus the 404 page they also open; and every check
is on the statement in its words. No browser.
"""

from __future__ import annotations

import ast
import re
import tomllib
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest

from site_support import ROOT, SITE, _redirect_target, built_pages

CHECKS = tomllib.loads((ROOT / "tests" / "accessibility_checks.toml").read_text(encoding="utf-8"))
STATEMENT = "accessibility/"
NAMED = sorted({name for group in ("every_page", "parts") for check in CHECKS[group] for name in check["tests"]})


def statement_html() -> str:
    path = SITE / STATEMENT / "index.html"
    if not path.is_file():
        pytest.fail("site/ is not built: run `make build` (make test does it)")
    return path.read_text(encoding="utf-8")


def section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    return html[start: html.index("<h2", start + 1)]


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [value for name, value in attrs if name == "href" and value]


@pytest.mark.parametrize("node", NAMED)
def test_every_test_the_statement_relies_on_exists(node):
    file, _, name = node.partition("::")
    tree = ast.parse((ROOT / file).read_text(encoding="utf-8"))
    functions = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    assert name in functions, f"{node}: no such test; the statement would promise a check no test makes"


def content_pages() -> set[str]:
    """built_pages() without the stubs mkdocs-redirects leaves at moved pages' old paths: they only forward."""
    return {url for url in built_pages()
            if _redirect_target(SITE, url, (SITE / url / "index.html").read_text(encoding="utf-8")) is None}


def test_the_statement_lists_exactly_the_pages_the_every_page_tests_visit():
    parser = Links()
    parser.feed(section(statement_html(), "a11y-pages"))
    base = "http://site.invalid/"
    listed = {urljoin(base + STATEMENT, href)[len(base):] for href in parser.hrefs if not href.startswith("#")}
    assert len(listed) >= 16
    assert listed == content_pages(), sorted(listed ^ content_pages())
    # The every-page tests also open a missing page (the 404 page); the statement names it too.
    assert "ページが見つからないときに表示するページ" in section(statement_html(), "a11y-pages")


def test_every_check_is_on_the_statement_in_its_words():
    flat = re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", statement_html()))
    for group in ("every_page", "parts"):
        for check in CHECKS[group]:
            assert re.sub(r"\s+", "", check["what"]) in flat, check["what"]


def test_the_statement_claims_a_target_not_conformance():
    flat = re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", section(statement_html(), "a11y-policy")))
    assert "JISX8341-3:2016の適合レベルAAに準拠することを目標にしています" in flat
    assert "「準拠」や「一部準拠」とは表明していません" in flat
