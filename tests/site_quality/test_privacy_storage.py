"""What the site keeps in the browser is what the privacy policy says, and nothing leaves as a cookie.

A visitor chooses a colour scheme, collects a section for the staff answer list and types into the
estimator; then every key in localStorage and sessionStorage must be one the policy's table names
(privacy#privacy-this-site), and document.cookie must be empty.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from site_support import SITE

pytestmark = pytest.mark.browser


def policy_names() -> list[str]:
    html = (SITE / "privacy" / "index.html").read_text(encoding="utf-8")
    section = html[html.index('id="privacy-this-site"'):]
    section = section[: section.index("</table>")]
    return re.findall(r"<code>([^<]+)</code>", section)


def test_everything_the_site_keeps_in_the_browser_is_named_on_the_policy(page):
    names = policy_names()
    assert len(names) >= 3, names
    page.emulate_media(color_scheme="light")
    page.goto("")
    page.focus("#__palette_0")  # the colour scheme switch, as the keyboard reaches it
    page.keyboard.press("Enter")
    page.goto("faq/")
    heading = page.locator("#fee-price")
    heading.hover()
    heading.get_by_role("button", name="回答リストに追加").click()
    expect(page.locator("#answer-list-status")).to_have_text(re.compile("回答リストに追加しました"))
    page.goto("estimate/")
    page.fill("#f-budget", "40000")
    page.wait_for_function("Object.keys(localStorage).length >= 2")
    stored = page.evaluate("""() => ({local: Object.keys(localStorage), session: Object.keys(sessionStorage),
                                      cookie: document.cookie})""")
    assert stored["cookie"] == "", "the policy says the site uses no cookies"
    kept = stored["local"] + stored["session"]
    assert len(kept) >= 3, kept  # the scheme, the estimator's input, the answer list: the test did write them
    unnamed = [key for key in kept if not any(key == name or key.endswith("." + name) for name in names)]
    assert unnamed == [], f"kept in the browser but not on the privacy policy: {unnamed}"
