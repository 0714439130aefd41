"""Japanese search (Pagefind, run after mkdocs build) in a real browser, through the header search."""

import re

import pytest
from playwright.sync_api import expect

from search_queries import QUERIES


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    ctx = browser.new_context(locale="ja-JP", base_url=site_url)
    page = ctx.new_page()
    page.goto("")
    page.wait_for_function("window.siteSearch")
    yield page
    ctx.close()


def test_the_query_set_is_realistic_and_large_enough():
    assert len(QUERIES) >= 30
    assert {"記帳代行", "支払い方法", "30時間", "確定申告 頼める?", "解約", "インボイス"} <= {q for q, _ in QUERIES}


@pytest.mark.parametrize("query,expected", QUERIES, ids=[f"{q}->{e}" for q, e in QUERIES])
def test_query_finds_the_page_and_section_first_or_second(search_page, query, expected):
    results = search_page.evaluate("q => window.siteSearch.run(q)", query)
    page, _, anchor = expected.partition("#")
    pages = [r["url"].lstrip("/") for r in results]
    assert page in pages[:2], (query, pages[:3])
    if anchor:
        sections = [s["url"].split("#", 1)[1] for s in results[pages.index(page)]["sections"]]
        assert anchor in sections[:2], (query, sections[:3])


def test_header_search_shows_native_results_and_opens_the_section(page):
    page.goto("guide/flow/")
    box = page.get_by_role("searchbox", name="サイト内を検索")
    box.click()
    box.fill("解約金")
    first = page.locator("#site-search-results .md-search-result__item").first
    expect(first).to_contain_text("よくある質問")
    expect(page.locator("#site-search-results .md-search-result__meta")).to_contain_text("件のページが見つかりました")
    expect(first.locator("mark").first).to_be_visible()
    first.get_by_role("link", name=re.compile("初期費用や解約金")).click()
    page.wait_for_url(re.compile(r"/faq/#fee-initial-cancellation$"))
    expect(page.locator("#__search")).not_to_be_checked()
    expect(page.locator("#fee-initial-cancellation")).to_be_in_viewport()


def test_search_opens_with_slash_and_closes_with_escape_and_says_when_nothing_matches(page):
    page.goto("")
    page.keyboard.press("/")
    box = page.get_by_role("searchbox", name="サイト内を検索")
    expect(box).to_be_focused()
    expect(page.locator("#__search")).to_be_checked()
    box.fill("qzxqzx")
    expect(page.locator("#site-search-results .md-search-result__meta")).to_contain_text("見つかりませんでした")
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()


def test_search_on_a_phone_opens_from_the_header_button(browser, site_url):
    ctx = browser.new_context(base_url=site_url, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        page = ctx.new_page()
        page.goto("")
        page.locator("label.md-header__button[for=__search]").tap()
        box = page.get_by_role("searchbox", name="サイト内を検索")
        expect(box).to_be_visible()
        box.fill("支払い方法")
        expect(page.locator("#site-search-results .md-search-result__item").first).to_be_visible()
    finally:
        ctx.close()
