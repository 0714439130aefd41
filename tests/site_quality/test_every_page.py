"""Every built page in the browser: nothing fetched from another host, no console error, no axe violation
in the light and the dark scheme, no horizontal scroll on a 360 px phone; guides print cleanly; a missing
page gets the friendly 404 page, whose search and main doors work from any depth.

One browser for the module and one context per pass: axe's colour-contrast rule is most of the time,
and each scheme needs it. The site is served from a copy, so a rebuild elsewhere cannot break a pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from printed_text import flat, pdf_text
from served_site import serve_copy
from site_support import SITE, built_pages

# The 404 page as hosts serve it: at a missing path, several folders deep.
MISSING = "no/such/page/"
PAGES = built_pages() + [MISSING]
GUIDES = [url for url in PAGES if url.startswith("guide/")]
RUNTIME = re.compile(r"/assets/(pyodide|estimator)/")  # Pyodide itself, the trimmed library and the estimator
DOORS = {"ホーム": "", "依頼の流れ": "guide/flow/", "料金": "guide/pricing/", "お見積もり": "estimate/",
         "よくある質問": "faq/"}


@dataclass
class Survey:
    """What one pass over every page saw, by page."""

    outside: list[str] = field(default_factory=list)
    runtime: list[str] = field(default_factory=list)  # Pyodide or estimator files fetched, by page
    console: list[str] = field(default_factory=list)
    violations: dict[str, list[str]] = field(default_factory=dict)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob", "about"} or parts.hostname == "127.0.0.1"


def console_error(page_url: str, message) -> str | None:
    """A console error worth failing on, or None. The browser's own log line for the 404 page's status
    is what a missing page is meant to do, not an error of the page."""
    if message.type != "error":
        return None
    if page_url == MISSING and "status of 404" in message.text and MISSING in (message.location or {}).get("url", ""):
        return None
    return f"{page_url or '/'}: {message.text}"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    """A copy of the built site, served for this module: a rebuild elsewhere during the run (another
    `make build`) cannot pull pages away mid-pass."""
    server, url = serve_copy(SITE, tmp_path_factory.mktemp("every-page"))
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module", params=["light", "dark"])
def survey(request, browser, site_url):
    from axe_playwright_python.sync_playwright import Axe

    assert len(PAGES) >= 12, "site/ holds fewer pages than the navigation: rebuild it (make build)"
    axe = Axe()
    seen = Survey()
    current = [""]
    context = browser.new_context(base_url=site_url, color_scheme=request.param, locale="ja-JP",
                                  timezone_id="Asia/Tokyo")
    # On the context, so that requests of workers and of any other page count too.
    context.on("request", lambda r: is_local(r.url) or seen.outside.append(f"{current[0] or '/'}: {r.url}"))
    context.on("request", lambda r: RUNTIME.search(r.url) and seen.runtime.append(f"{current[0] or '/'}: {r.url}"))
    page = context.new_page()
    page.on("console", lambda m: (line := console_error(current[0], m)) and seen.console.append(line))
    page.on("pageerror", lambda error: seen.console.append(f"{current[0] or '/'}: {error}"))
    try:
        for url in PAGES:
            current[0] = url
            # The light pass waits for the network to settle, so late requests (lazy assets) are seen too;
            # the dark pass only needs the page drawn. The estimator's worker starts after the page's load
            # event, so both wait for it there: its requests belong to that page, not to the next one.
            settle = request.param == "light" or url.startswith("estimate/")
            page.goto(url, wait_until="networkidle" if settle else "load")
            found = axe.run(page, options={"resultTypes": ["violations"]}).response["violations"]
            seen.violations[url] = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]}" for v in found]
    finally:
        context.close()
    return request.param, seen


def test_no_page_requests_another_host(survey):
    scheme, seen = survey
    assert seen.outside == [], f"{scheme}: requests leaving 127.0.0.1:\n" + "\n".join(seen.outside)


def test_only_the_estimator_page_loads_python(survey):
    scheme, seen = survey
    elsewhere = [line for line in seen.runtime if not line.startswith("estimate/: ")]
    assert elsewhere == [], f"{scheme}: Pyodide or estimator files fetched outside the estimator:\n" + "\n".join(elsewhere)
    assert any(line.startswith("estimate/: ") for line in seen.runtime), "the estimator page fetched no runtime file"


def test_no_page_logs_a_console_error(survey):
    scheme, seen = survey
    assert seen.console == [], f"{scheme}:\n" + "\n".join(seen.console)


def test_axe_finds_no_violation_on_any_page(survey):
    scheme, seen = survey
    assert set(seen.violations) == set(PAGES)
    found = {url or "/": v for url, v in seen.violations.items() if v}
    assert found == {}, scheme


def test_every_page_fits_a_360px_phone_without_horizontal_scroll(browser, site_url):
    context = browser.new_context(base_url=site_url, viewport={"width": 360, "height": 740}, locale="ja-JP",
                                  is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        wide = []
        for url in PAGES:
            page.goto(url)
            width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            if width[0] > width[1]:
                wide.append(f"{url or '/'}: {width[0]} px wide in {width[1]} px")
        assert wide == []
    finally:
        context.close()


def test_headings_break_between_phrases_where_supported(page):
    page.goto("guide/pricing/")
    assert page.evaluate("CSS.supports('word-break', 'auto-phrase')"), "Debian's chromium supports auto-phrase"
    assert page.locator("article h2").first.evaluate("h => getComputedStyle(h).wordBreak") == "auto-phrase"
    assert page.locator("article p").first.evaluate("p => getComputedStyle(p).wordBreak") != "auto-phrase"


def test_a_guide_prints_its_article_with_link_addresses_and_no_navigation(page):
    page.goto("guide/pricing/")
    article = page.locator("article")
    body = flat(article.inner_text())
    # Navigation and chrome labels that the article itself does not contain.
    chrome = [flat(t) for t in page.locator(".md-nav__link, .md-footer__title, .md-header__topic").all_inner_texts()]
    chrome = [t for t in chrome if t and t not in body]
    assert len(chrome) >= 5
    # The guides cite their sources as text today; a link to another site, as an author would add it, must
    # print its address. (Only drawn into the PDF: nothing is fetched.)
    page.evaluate("""() => { const p = document.createElement('p'); const a = document.createElement('a');
        a.href = 'https://www.example.org/guide'; a.textContent = '外部の資料'; p.append(a);
        document.querySelector('article').append(p); }""")
    external = article.locator("a[href^='http']").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert external
    printed = pdf_text(page.pdf(format="A4"))
    assert flat(page.locator("article h1").inner_text()) in printed
    last_cell = flat(page.locator("article table td").last.inner_text())
    assert last_cell in printed, "the last table cell is missing: a table was cut"
    assert [label for label in chrome if label in printed] == []
    assert all(flat(f"({href})") in printed for href in external)
    assert flat("(../") not in printed, "internal links print no address"
    assert "リンクをコピー" not in printed and "MadewithMaterial" not in printed


def test_every_guide_prints_without_chrome_with_tables_at_page_width_and_rows_kept_whole(page):
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 718, "height": 1000})  # A4 minus Chromium's default margins, in CSS px
    problems = []
    for url in GUIDES:
        page.goto(url)
        shown = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer',
            '.md-search', '.copy-link'].filter(s => [...document.querySelectorAll(s)]
            .some(e => e.getBoundingClientRect().height > 0))""")
        overflowing = page.evaluate("""() => {
            const article = document.querySelector('article').getBoundingClientRect();
            return [...document.querySelectorAll('article table')]
              .filter(t => t.getBoundingClientRect().right > article.right + 1 || t.scrollWidth > t.clientWidth + 1)
              .map(t => t.querySelector('th, td').textContent.trim());
        }""")
        rows = page.evaluate("[...document.querySelectorAll('article tr')].map(r => getComputedStyle(r).breakInside)")
        if shown:
            problems.append(f"{url}: printed chrome {shown}")
        if overflowing:
            problems.append(f"{url}: tables wider than the page, starting {overflowing}")
        if set(rows) - {"avoid"}:
            problems.append(f"{url}: a table row may be split across pages")
    assert len(GUIDES) >= 8 and problems == [], "\n".join(problems)


def test_a_missing_page_gets_the_friendly_404_page_with_the_main_doors(page, site_url):
    response = page.goto(MISSING)
    assert response.status == 404
    expect(page.locator("article h1")).to_have_text("お探しのページが見つかりません")
    expect(page).to_have_title(re.compile("^ページが見つかりません"))
    doors = page.locator("article ul.not-found-doors a")
    expect(doors).to_have_text(list(DOORS))
    for name, target in DOORS.items():
        href = page.get_by_role("link", name=name, exact=True).last.evaluate("a => a.href")
        assert href.rstrip(".") == site_url + target, name
        assert page.request.get(href).status == 200, name
    doors.filter(has_text="料金").click()
    page.wait_for_url(site_url + "guide/pricing/")
    expect(page.locator("article h1")).to_contain_text("料金")


def test_the_404_page_opens_the_site_search_and_finds_pages(page, site_url):
    page.goto("deeper/still/missing.html")
    page.get_by_role("button", name="サイト内を検索する").click()
    box = page.get_by_role("searchbox", name="サイト内を検索")
    expect(box).to_be_focused()
    expect(page.locator("#__search")).to_be_checked()
    box.fill("支払い方法")
    first = page.locator("#site-search-results .md-search-result__link").first
    expect(first).to_be_visible()
    first.click()
    page.wait_for_url(re.compile(re.escape(site_url) + r"(guide|faq)/"))
    # Material's instant navigation may change the address before it swaps the content in.
    expect(page.locator("article h1")).not_to_have_text("お探しのページが見つかりません")
    expect(page.locator("article h1")).to_have_count(1)


def test_the_404_page_is_not_in_the_search_index(page):
    page.goto("")
    page.wait_for_function("window.siteSearch")
    results = page.evaluate("q => window.siteSearch.run(q)", "お探しのページが見つかりません")
    assert not [r for r in results if "404" in r["url"]]
