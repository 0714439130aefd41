"""What a client sees on a phone (360×780) while the provider's terms are samples: a staff link to a section
lands below the page-top notice, and the 「見本」 mark is still on screen next to the value; the estimator
says so at its top, in the summary bar, at the start date and in the inquiry. Task lines whose minutes
are assumed show 「仮定」, linked to the reasons."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from estimator import default_dataset, terms_text
from estimator.inquiry import SAMPLE_LINE

PHONE = {"width": 360, "height": 780}


@pytest.fixture
def phone(browser, site_url):
    ctx = browser.new_context(base_url=site_url, viewport=PHONE, locale="ja-JP", timezone_id="Asia/Tokyo",
                              has_touch=True)
    page = ctx.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    assert not page.errors, page.errors
    ctx.close()


def on_screen(page, locator) -> bool:
    """The element is drawn and wholly inside the viewport (below the sticky header too)."""
    box = locator.bounding_box()
    header = page.locator(".md-header").bounding_box()
    return (box is not None and locator.is_visible() and box["y"] >= header["y"] + header["height"] - 1
            and box["y"] + box["height"] <= PHONE["height"] and 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"])


def test_a_deep_link_to_a_faq_answer_shows_the_mark_next_to_the_value(phone):
    phone.goto("faq/#contract-cancel")
    phone.wait_for_timeout(300)  # the browser's scroll to the anchor
    notice = phone.locator(".sample-notice")
    assert notice.count() == 1 and not on_screen(phone, notice), "the link lands below the page-top notice"
    cancellation = terms_text.cancellation(default_dataset().terms)
    answer = phone.locator("#contract-cancel + p")
    expect(answer).to_contain_text(cancellation)
    mark = answer.locator(".sample-mark")
    assert mark.count() == 1 and on_screen(phone, mark)
    expect(mark).to_have_text("見本（サンプルの値）")  # visible 見本, and what a screen reader hears
    assert mark.evaluate("m => m.firstChild.textContent") == "見本"
    hidden = mark.locator(".sample-mark__sr").bounding_box()
    assert hidden["width"] <= 1 and hidden["height"] <= 1, "「（サンプルの値）」 is for screen readers only"


def test_a_deep_link_to_the_plans_shows_the_mark_in_the_table_header(phone):
    phone.goto("guide/pricing/#pricing-plans")
    phone.wait_for_timeout(300)
    plan = default_dataset().terms.pricing.plans[0]
    table = phone.locator("#pricing-plans ~ div table").first
    expect(table).to_contain_text(plan.name)
    mark = table.locator("thead .sample-mark")
    assert mark.count() == 1 and on_screen(phone, mark)
    first_price = table.locator("tbody tr:first-child td:nth-child(2)")
    expect(first_price).to_contain_text(f"{plan.monthly_fee_yen:,}円")
    assert on_screen(phone, first_price), "the value it marks is on the same screen"
    assert not on_screen(phone, phone.locator(".sample-notice"))


def test_the_copied_heading_and_link_carry_no_mark(browser, site_url):
    ctx = browser.new_context(base_url=site_url, viewport=PHONE, locale="ja-JP")
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = ctx.new_page()
    page.goto("faq/#contract-cancel")
    heading = page.locator("#contract-cancel")
    heading.hover()
    heading.get_by_role("button", name="見出しとリンクをコピー").click()
    expect(page.locator("#copy-link-status")).to_have_text("見出しとリンクをコピーしました")
    copied = page.evaluate("navigator.clipboard.readText()")
    ctx.close()
    title, url = copied.split("\n")
    assert title == "途中で解約できますか" and url.endswith("faq/#contract-cancel")


def open_estimator(page):
    page.goto("estimate/")
    page.wait_for_selector("#estimator[data-source=python]", timeout=60_000)
    return page


def test_the_estimator_says_so_at_its_top_in_the_bar_at_the_start_and_in_the_inquiry(phone):
    open_estimator(phone)
    phone.evaluate("window.scrollTo(0, 0)")
    notice = phone.locator(".sample-notice")
    expect(notice).to_contain_text("見本")
    assert on_screen(phone, notice), "the note is on a phone's first screen"
    form = phone.locator("[data-est=presets]")
    assert notice.bounding_box()["y"] < form.bounding_box()["y"], "above the form"
    expect(phone.locator("[data-est=bar-cost]")).to_contain_text("見本")
    assert on_screen(phone, phone.locator("[data-est=bar]")), "the bar too"
    # After inputs that change the price and the start, the page redraws them from Python's view: the
    # marks come from the view, not only from the build.
    bar_before = phone.locator("[data-est=bar-cost]").text_content()
    phone.locator("[data-est=presets] [data-preset]").first.click()
    expect(phone.locator("[data-est=bar-cost]")).not_to_have_text(bar_before, timeout=10_000)
    expect(phone.locator("[data-est=bar-cost]")).to_contain_text("見本")
    phone.check("input[name='profile.video_call'][value=no]")
    start = phone.locator("[data-est=start] p").first
    expect(start).to_contain_text("文章でやり取りする場合", timeout=10_000)
    expect(start.locator(".sample-mark")).to_have_count(1)
    expect(start.locator(".sample-mark")).to_have_text("見本（サンプルの日数で計算した日付）")
    message = phone.locator("[data-est=message]")
    expect(message).to_contain_text(SAMPLE_LINE)
    assert message.text_content().count(SAMPLE_LINE) == 1
    expect(phone.locator("[data-est=costs] caption .sample-mark")).to_have_count(1)


def test_assumed_minutes_show_kateii_and_published_ones_do_not(phone):
    catalog = default_dataset().catalog
    open_estimator(phone)
    assumed = next(t for t in catalog.tasks if t.default_selected and t.minutes_basis == "assumed")
    published = next(t for t in catalog.tasks if t.default_selected and t.minutes_basis == "published")

    def check():
        label = phone.locator(f"[data-est=hours] tr[data-task={assumed.id}] th a.est-assumed")
        expect(label).to_have_count(1)
        assert label.evaluate("a => a.firstChild.textContent") == "仮定"
        assert label.get_attribute("href").endswith(f"guide/tasks/#task-{assumed.id}")
        assert label.get_attribute("title")
        expect(phone.locator(f"[data-est=hours] tr[data-task={published.id}] .est-assumed")).to_have_count(0)
        return label

    check()  # drawn at build time
    quantity = phone.locator(f"[name='tasks.{assumed.id}.quantity']")
    quantity.fill("7")
    expect(phone.locator(f"[data-est=hours] tr[data-task={assumed.id}] td").first).to_contain_text("7", timeout=10_000)
    label = check()  # drawn by the page's script from Python's view
    label.scroll_into_view_if_needed()
    label.click()
    phone.wait_for_url(f"**/guide/tasks/#task-{assumed.id}")
    expect(phone.locator(f"#task-{assumed.id} ~ ul").first).to_contain_text("仮定")
