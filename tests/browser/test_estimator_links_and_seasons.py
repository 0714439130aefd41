"""Text that would make a share link too long is refused at its field and kept in the form; a start inside a
season's months is said on the task's line, and the client can ask for the whole task: in Chromium,
checked against the engine."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from test_estimator_page import ROOT, engine, open_estimator, settle, text

JOINED = "漢\u200d" * 1200  # 1,200 characters (a joiner between kanji joins nothing): over the notes' 1,000


def test_text_too_long_for_a_link_gets_a_message_on_its_field_and_the_link_opens(page, browser):
    open_estimator(page)
    page.check("#t-payroll-selected")
    page.fill("#f-notes", JOINED)
    settle(page)
    message = page.locator("[id='err-profile.notes']")
    assert message.is_visible() and "1,000文字以内で入力してください（いま1,200文字）" in message.inner_text()
    assert "共有リンクに入りきりません" in message.inner_text()
    assert page.get_attribute("#f-notes", "aria-invalid") == "true"
    assert page.input_value("#f-notes") == JOINED  # nothing typed is lost
    page.click("[data-action=share]")
    page.wait_for_function("document.querySelector('[data-est=action-status]').textContent.includes('共有リンク')")
    link = page.input_value("[data-est=share-url]")
    assert len(link.split("#s=")[1]) <= 8000
    other = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
    try:
        fresh = other.new_page()
        fresh.goto(link)
        fresh.wait_for_selector(f"{ROOT}[data-source=python]", timeout=60_000)
        fresh.wait_for_function("document.querySelector('#f-notes').value.length > 0")
        assert fresh.input_value("#f-notes") == "漢\u200d" * 500  # 6 bytes each: the notes' 3,000 hold 500
        assert "共有リンクの内容を読み込みました" in fresh.locator("[data-est=notices]").inner_text()
    finally:
        other.close()


def next_december_15() -> datetime.date:
    """A 15 December the request steps can reach from today (Tokyo)."""
    today = datetime.datetime.now(ZoneInfo("Asia/Tokyo")).date()
    day = datetime.date(today.year, 12, 15)
    return day if day - today >= datetime.timedelta(days=30) else datetime.date(today.year + 1, 12, 15)


def test_a_start_inside_a_season_is_said_and_the_whole_task_can_be_asked_for(page):
    start = next_december_15().isoformat()
    open_estimator(page)
    page.check("#t-year-end-adjustment-selected")
    page.fill("#t-year-end-adjustment-quantity", "10")
    page.select_option("#t-year-end-adjustment-period", "year")
    page.fill("#f-desired_start", start)
    settle(page)
    task = {"id": "year-end-adjustment", "selected": True, "quantity": "10", "period": "year"}
    cut = engine({"tasks": [task], "profile": {"desired_start": start}})["view"]
    row = page.locator("[data-est=hours] tr[data-task=year-end-adjustment]").inner_text()
    assert "開始が12月15日のため、12月分のみ" in row
    assert cut["costs"]["first_month"]["gross"] in text(page, "costs")
    page.check("#f-whole_seasons")
    settle(page)
    whole = engine({"tasks": [task], "profile": {"desired_start": start, "whole_seasons": True}})["view"]
    row = page.locator("[data-est=hours] tr[data-task=year-end-adjustment]").inner_text()
    assert "11月分も12月にまとめて行います" in row
    assert whole["costs"]["first_month"]["gross"] in text(page, "costs")
    assert whole["costs"]["first_month"]["gross"] != cut["costs"]["first_month"]["gross"]
    assert page.errors == []
