"""The project's client e-mails typed into the site's search box: one of the first two section results
must hold the words the answer cannot do without, for at least 95 % of them.

Each e-mail is typed into the search box as a client would (the header search, opened with `/`); the
first two results are read from the list on screen, and each result's section (its heading and its text,
as the built page shows it) is looked up in the built site. `python tests/site_quality/test_client_emails.py`
prints the figure and every e-mail that missed.
"""

from __future__ import annotations

import sys
import unicodedata

import pytest
from playwright.sync_api import expect

from client_emails import EMAILS, FLOOR, Email
from site_support import ROOT, SITE

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
from search_records import site_records  # noqa: E402  (the sections as the search indexes them)

pytestmark = pytest.mark.browser

RESULTS = "#site-search-results"
FIRST = 2


def plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def sections() -> dict[str, str]:
    """Every section of the built site by its result URL ("faq/#contract-cancel"), as heading + text."""
    return {record.url: plain(record.title + record.body) for record in site_records(SITE)}


def holds(section: str, email: Email) -> bool:
    return all(plain(word) in section for word in email.needs)


def typed(page, text: str) -> list[str]:
    """The result URLs the search lists for `text`, typed into the open search box."""
    box = page.get_by_role("searchbox", name="サイト内を検索")
    box.fill("")
    meta = page.locator(f"{RESULTS} .md-search-result__meta")
    expect(meta).to_have_text("キーワードを入力してください")
    box.fill(text)
    expect(meta).not_to_have_text("キーワードを入力してください", timeout=10000)
    return page.locator(f"{RESULTS} .site-search-result").evaluate_all(
        "items => items.map((item) => item.getAttribute('data-url'))")


def measure(page) -> tuple[float, list[str]]:
    known = sections()
    page.goto("")
    page.wait_for_function("window.siteSearch")
    page.keyboard.press("/")
    expect(page.get_by_role("searchbox", name="サイト内を検索")).to_be_focused()
    answered, misses = 0, []
    for email in EMAILS:
        urls = typed(page, email.text)
        if any(holds(known.get(url, ""), email) for url in urls[:FIRST]):
            answered += 1
        else:
            mark = " (a section another part of the site adds)" if email.theirs else ""
            misses.append(f"  {email.text} needs {'・'.join(email.needs)}{mark}: got {urls[:FIRST]}")
    return answered / len(EMAILS), misses


def test_the_set_is_large_and_written_as_clients_write():
    assert len(EMAILS) >= 60
    assert len({email.text for email in EMAILS}) == len(EMAILS), "an e-mail is listed twice"
    for email in EMAILS:
        assert email.needs, email.text
        assert len(email.text) >= 8, f"a sentence, not a keyword: {email.text}"


def test_a_section_that_only_touches_the_question_does_not_count():
    email = Email("経費精算に使うので、領収書を発行してもらえますか。", ("領収書", "発行"))
    assert not holds(plain("請求書や領収書を出してもらえますか毎回、請求書をお送りします。"), email)
    assert holds(plain("領収書を出してもらえますか当社は、ご希望があれば領収書を発行します。"), email)


def test_the_search_answers_the_client_emails(page):
    share, misses = measure(page)
    assert share >= FLOOR, f"{share:.1%} answered in the first two results:\n" + "\n".join(misses)


if __name__ == "__main__":  # the figure, without pytest: python tests/site_quality/test_client_emails.py
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from served_site import CHROMIUM, CHROMIUM_ARGS, serve

    server, url = serve(SITE)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            share, misses = measure(browser.new_context(locale="ja-JP", base_url=url).new_page())
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    print(f"{share:.1%} of {len(EMAILS)} e-mails answered in the first two results")
    print("\n".join(misses))
