"""The staff answer list in a real browser: collected from search results and heading buttons, kept while
browsing in the tab, reordered and dropped with the keyboard, copied as plain text and as Markdown."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from site_support import published

RESULTS = "#site-search-results"


def collect_from_search(page, query: str, url: str) -> str:
    page.keyboard.press("/")
    page.get_by_role("searchbox", name="サイト内を検索").fill(query)
    result = page.locator(f"{RESULTS} .site-search-result[data-url='{url}']")
    title = result.get_attribute("data-title")
    result.get_by_role("button", name=f"回答リストに追加：{title}").click()
    expect(page.locator(f"{RESULTS} .md-search-result__meta")).to_have_text(re.compile(f"「{re.escape(title)}」を回答リストに追加しました"))
    page.keyboard.press("Escape")
    return title


def collect_from_heading(page, heading_id: str) -> str:
    heading = page.locator(f"#{heading_id}")
    heading.hover()
    heading.get_by_role("button", name="回答リストに追加").click()
    title = heading.inner_text().strip()
    expect(page.locator("#answer-list-status")).to_have_text(re.compile(f"「{re.escape(title)}」を回答リストに追加しました"))
    return title


def open_list(page, count: int):
    toggle = page.get_by_role("button", name=f"回答リスト（{count}件）")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    return page.locator("#answer-list")


def titles(panel) -> list[str]:
    return panel.locator(".answer-list__title").all_inner_texts()


def test_the_list_is_hidden_until_something_is_collected(page):
    page.goto("faq/")
    expect(page.locator("#answer-list")).to_be_hidden()
    expect(page.locator("#answer-list-status")).to_have_attribute("role", "status")


def test_collect_from_results_and_headings_and_keep_it_while_browsing(page):
    page.goto("")
    first = collect_from_search(page, "解約", "faq/#contract-cancel")
    second = collect_from_search(page, "支払い方法", "faq/#payment-timing-methods")
    # A plain page load in the same tab, then Material's instant navigation.
    page.goto("guide/pricing/")
    third = collect_from_heading(page, "unused-hours")
    page.locator(".md-nav__link", has_text="用語集").first.click()
    page.wait_for_url(re.compile(r"/glossary/$"))
    fourth = collect_from_heading(page, "term-carry-over")
    panel = open_list(page, 4)
    assert titles(panel) == [first, second, third, fourth]
    # Adding the same section twice keeps one.
    page.locator("#term-carry-over").hover()
    page.locator("#term-carry-over").get_by_role("button", name="回答リストに追加").click()
    expect(page.locator("#answer-list-status")).to_have_text(re.compile("もう回答リストにあります"))
    expect(panel.locator(".answer-list__item")).to_have_count(4)


def test_reorder_and_drop_with_the_keyboard_keep_the_focus_and_announce(page):
    page.goto("faq/")
    for heading in ("fee-price", "fee-overage", "contract-cancel"):
        collect_from_heading(page, heading)
    panel = open_list(page, 3)
    first = panel.get_by_role("button", name="「料金はいくらですか」を下へ")
    first.focus()
    page.keyboard.press("Enter")
    assert titles(panel) == ["プランの時間を超えたらどうなりますか", "料金はいくらですか", "途中で解約できますか"]
    expect(panel.get_by_role("button", name="「料金はいくらですか」を下へ")).to_be_focused()
    expect(page.locator("#answer-list-status")).to_have_text("「料金はいくらですか」を2番目に移しました")
    page.keyboard.press("Enter")  # to the bottom: its own "down" is then off, the focus goes to "up"
    assert titles(panel)[-1] == "料金はいくらですか"
    expect(panel.get_by_role("button", name="「料金はいくらですか」を上へ")).to_be_focused()
    expect(panel.get_by_role("button", name="「料金はいくらですか」を下へ")).to_be_disabled()
    panel.get_by_role("button", name="「プランの時間を超えたらどうなりますか」を削除").focus()
    page.keyboard.press("Enter")
    assert titles(panel) == ["途中で解約できますか", "料金はいくらですか"]
    expect(panel.get_by_role("button", name="「途中で解約できますか」を削除")).to_be_focused()
    expect(page.locator("#answer-list-status")).to_have_text("「プランの時間を超えたらどうなりますか」を削除しました（残り2件）")
    page.keyboard.press("Escape")
    expect(panel.locator(".answer-list__panel")).to_be_hidden()
    expect(page.get_by_role("button", name="回答リスト（2件）")).to_be_focused()


def test_copy_all_as_plain_text_and_as_markdown(page, site_url):
    PUBLISHED = published(site_url)
    page.goto("faq/")
    collect_from_heading(page, "contract-cancel")
    page.goto("glossary/")
    collect_from_heading(page, "term-carry-over")
    panel = open_list(page, 2)
    panel.get_by_role("button", name="テキストでコピー").click()
    expect(page.locator("#answer-list-status")).to_have_text("2件をテキストでコピーしました")
    assert page.evaluate("navigator.clipboard.readText()") == (
        f"途中で解約できますか\n{PUBLISHED}faq/#contract-cancel\n\n繰り越し\n{PUBLISHED}glossary/#term-carry-over")
    panel.get_by_role("button", name="Markdownでコピー").click()
    assert page.evaluate("navigator.clipboard.readText()") == (
        f"- [途中で解約できますか]({PUBLISHED}faq/#contract-cancel)\n- [繰り越し]({PUBLISHED}glossary/#term-carry-over)")
    panel.get_by_role("button", name="すべて削除").click()
    expect(panel.locator(".answer-list__item")).to_have_count(0)
    expect(panel.locator(".answer-list__empty")).to_be_visible()
    expect(panel.get_by_role("button", name="テキストでコピー")).to_be_disabled()


def test_the_list_belongs_to_its_tab(context, page):
    page.goto("faq/")
    collect_from_heading(page, "fee-price")
    other = context.new_page()  # another tab of the same browser: its own session
    other.goto("faq/")
    expect(other.locator("#answer-list")).to_be_hidden()
    page.reload()
    expect(page.get_by_role("button", name="回答リスト（1件）")).to_be_visible()
    other.close()


def test_titles_are_inserted_as_text(page):
    page.goto("faq/")
    page.evaluate("""() => sessionStorage.setItem('site-answer-list',
        JSON.stringify([{title: '<img src=x onerror=window.hacked=1>', url: 'faq/#fee-price'}]))""")
    page.reload()
    panel = open_list(page, 1)
    expect(panel.locator(".answer-list__title")).to_have_text("<img src=x onerror=window.hacked=1>")
    assert panel.locator("img").count() == 0 and page.evaluate("window.hacked") is None


def test_axe_finds_nothing_on_the_open_list(browser, site_url):
    from axe_playwright_python.sync_playwright import Axe

    for scheme in ("light", "dark"):
        ctx = browser.new_context(locale="ja-JP", base_url=site_url, color_scheme=scheme)
        try:
            page = ctx.new_page()
            page.goto("faq/")
            collect_from_heading(page, "fee-price")
            collect_from_heading(page, "contract-cancel")
            open_list(page, 2)
            found = Axe().run(page, options={"resultTypes": ["violations"]}).response["violations"]
            assert [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in found] == [], scheme
        finally:
            ctx.close()
