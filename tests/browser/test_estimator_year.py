"""The estimator page's year, hiring comparison, first month and mail link, and a broken link that no
longer breaks anything: in Chromium, checked against the engine."""

from __future__ import annotations

import base64
import zlib
from urllib.parse import unquote

from printed_text import flat, pdf_text
from test_estimator_page import engine, open_estimator, settle, text


def tick(page, task_id, quantity, period=None):
    page.check(f"#t-{task_id}-selected")
    page.fill(f"#t-{task_id}-quantity", str(quantity))
    if period:
        page.select_option(f"#t-{task_id}-period", period)


def test_the_chart_and_its_table_show_the_same_twelve_months(page):
    open_estimator(page)
    tick(page, "year-end-adjustment", 30, "year")
    settle(page)
    view = engine({"tasks": [{"id": "year-end-adjustment", "selected": True, "quantity": "30", "period": "year"}]})["view"]
    bars = page.eval_on_selector_all("[data-est=year] svg.est-chart rect title", "ts => ts.map(t => t.textContent)")
    rows = page.locator("[data-est=year] table.est-year__table tbody tr")
    assert rows.count() == 12 and len(bars) == 12
    for bar, row in zip(bars, view["year"]["rows"]):
        assert bar.endswith(row["hours"])
    table = [r.split("\t") for r in rows.all_inner_texts()]
    assert [cells[1] for cells in table] == [row["hours"] for row in view["year"]["rows"]]
    assert view["year"]["reason"] in text(page, "year")
    heights = {bar: page.locator("[data-est=year] svg.est-chart rect").nth(i).get_attribute("height")
               for i, bar in enumerate(bars)}
    busy = [bar for bar in bars if bar.startswith(("11月", "12月"))]
    assert all(int(heights[b]) > 0 for b in busy)


def test_print_keeps_the_chart_its_table_and_the_hiring_comparison(page):
    open_estimator(page)
    tick(page, "seasonal-cards", 300, "year")
    settle(page)
    printed = flat(pdf_text(page.pdf()))
    assert flat("12か月の見通し") in printed and flat("人を雇う場合との比較") in printed
    view = engine({"tasks": [{"id": "seasonal-cards", "selected": True, "quantity": "300", "period": "year"}]})["view"]
    assert flat(view["year"]["rows"][0]["month"]) in printed
    assert flat(view["hiring"]["verdict"]) in printed
    assert page.locator("[data-est=year] svg.est-chart").is_visible()


def test_the_clients_own_hiring_figures_change_the_comparison(page):
    open_estimator(page)
    before = text(page, "hiring")
    page.locator(".est-hiring-form > summary").click()
    page.select_option("#f-hiring-prefecture", "okinawa")
    page.fill("#f-hiring-hourly_wage", "1,500円")
    settle(page)
    after = text(page, "hiring")
    assert after != before and "沖縄県" in after and "時給1,500円" in after
    page.fill("#f-hiring-hourly_wage", "1,2")
    settle(page)
    assert "3桁ごと" in page.locator("[id='err-hiring.hourly_wage']").inner_text()


def test_weekend_hours_are_asked_when_weekend_work_is_ticked_and_priced(page):
    open_estimator(page)
    assert not page.locator("#f-weekend_hours").is_visible()
    page.check("#f-weekend_work")
    page.fill("#f-weekend_hours", "2")
    settle(page)
    weekend = engine({"profile": {"weekend_work": True, "weekend_hours": "2"}})["view"]["costs"]["weekend"]
    assert "割増" in weekend and weekend in text(page, "costs")


def test_the_first_month_and_the_mail_link_say_what_they_hold(page):
    open_estimator(page)
    page.fill("#f-budget", "40000")
    settle(page)
    costs, budget = text(page, "costs"), text(page, "budget")
    assert "最初の月" in costs and "初期費用" in costs and "最初の月は" in budget
    link = page.locator("[data-action=mailto]")
    href = link.get_attribute("href")
    assert len(href) <= 2000
    if "要点" in link.inner_text():
        assert "全文" in unquote(href)


def deep_link() -> str:
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = deflate.compress(b"[" * 20_000) + deflate.flush()
    return "1." + base64.urlsafe_b64encode(packed).decode().rstrip("=")


def test_a_deeply_nested_link_is_refused_and_the_next_estimate_works(page):
    page.goto("estimate/#s=" + deep_link())
    page.wait_for_selector("#estimator[data-source=python]", timeout=60_000)
    notices = page.locator("[data-est=notices]")
    notices.wait_for(state="visible")
    assert "読み取れませんでした" in notices.inner_text()
    tick(page, "research", 7)
    settle(page)
    assert "7時間" in text(page, "hours")
    assert page.errors == []
