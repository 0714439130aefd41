"""Staff links: copy-link buttons on headings and FAQ questions, and arriving at a section."""

import re

from playwright.sync_api import expect

from site_support import published



def clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


def test_every_heading_with_an_id_has_the_two_copy_buttons(page):
    page.goto("faq/")
    headings = page.locator(".md-content h2[id], .md-content h3[id]")
    count = headings.count()
    assert count > 20
    expect(page.locator(".md-content h3[id] .copy-link")).to_have_count(page.locator(".md-content h3[id]").count())
    expect(page.locator(".md-content h2[id] .copy-link")).to_have_count(page.locator(".md-content h2[id]").count())
    question = page.locator("#fee-price")
    expect(question.get_by_role("button", name="リンクをコピー", exact=True)).to_have_count(1)
    expect(question.get_by_role("button", name="見出しとリンクをコピー")).to_have_count(1)


def test_the_page_title_does_not_move_the_page_when_its_buttons_arrive(browser, site_url):
    """On a phone the title's copy-link buttons come after the first paint; the text under it stays put."""
    context = browser.new_context(base_url=site_url, viewport={"width": 360, "height": 740}, is_mobile=True,
                                  has_touch=True)
    try:
        page = context.new_page()
        # Where the text under the title is as soon as the page is parsed, before links.js adds any button.
        page.add_init_script("""document.addEventListener("DOMContentLoaded", () => {
            const first = document.querySelector(".md-content h1 + *");
            window.__before = first && first.getBoundingClientRect().top + scrollY;
        });""")
        for path in ("", "guide/pricing/", "faq/", "estimate/"):
            page.goto(path)
            expect(page.locator(".md-content h1 .copy-link")).to_have_count(1)
            after = page.evaluate('document.querySelector(".md-content h1 + *").getBoundingClientRect().top + scrollY')
            assert page.evaluate("window.__before") == after, path
    finally:
        context.close()


def test_copy_button_copies_the_published_url_of_the_question_and_confirms(page, site_url):
    page.goto("faq/")
    question = page.locator("#fee-price")
    question.hover()
    button = question.get_by_role("button", name="リンクをコピー", exact=True)
    expect(button).to_be_visible()
    page.wait_for_function("() => getComputedStyle(document.querySelector('#fee-price .copy-link')).opacity === '1'")
    button.click()
    status = page.locator("#copy-link-status")
    expect(status).to_have_text("リンクをコピーしました")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert clipboard(page) == published(site_url) + "faq/#fee-price"


def test_second_button_copies_title_and_url(page, site_url):
    page.goto("guide/pricing/")
    heading = page.locator("#pricing-how")
    heading.hover()
    heading.get_by_role("button", name="見出しとリンクをコピー").click()
    expect(page.locator("#copy-link-status")).to_have_text("見出しとリンクをコピーしました")
    assert clipboard(page) == "料金の決まり方\n" + published(site_url) + "guide/pricing/#pricing-how"


def test_buttons_are_hidden_until_hover_or_keyboard_focus(page):
    page.goto("faq/")
    group = page.locator("#fee-overage .copy-link")
    assert float(group.evaluate("g => getComputedStyle(g).opacity")) < 0.1
    group.get_by_role("button", name="リンクをコピー", exact=True).focus()
    page.wait_for_function("() => getComputedStyle(document.querySelector('#fee-overage .copy-link')).opacity === '1'")
    page.keyboard.press("Enter")
    expect(page.locator("#copy-link-status")).to_have_text("リンクをコピーしました")
    assert clipboard(page).endswith("faq/#fee-overage")


def test_buttons_always_show_on_touch_screens(browser, site_url):
    ctx = browser.new_context(base_url=site_url, has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844})
    try:
        page = ctx.new_page()
        page.goto("faq/")
        group = page.locator("#fee-overage .copy-link")
        assert float(group.evaluate("g => getComputedStyle(g).opacity")) > 0.9
    finally:
        ctx.close()


def test_copy_after_instant_navigation_uses_the_new_page(page, site_url):
    page.goto("")
    page.locator(".md-nav__link", has_text="よくある質問").first.click()
    page.wait_for_url(re.compile(r"/faq/$"))
    heading = page.locator("#fee-price")
    heading.hover()
    heading.get_by_role("button", name="リンクをコピー", exact=True).click()
    assert clipboard(page) == published(site_url) + "faq/#fee-price"


def test_arriving_at_a_section_lands_below_the_header_and_highlights_it(page):
    page.goto("faq/#fee-overage")
    heading = page.locator("#fee-overage")
    expect(heading).to_have_class(re.compile(r"\bis-arrived\b"))
    page.wait_for_timeout(300)
    header_bottom = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    top = heading.evaluate("h => h.getBoundingClientRect().top")
    assert header_bottom <= top < header_bottom + 80, (header_bottom, top)
    expect(heading).not_to_have_class(re.compile(r"\bis-arrived\b"), timeout=4000)
