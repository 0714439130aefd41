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


def wait_for_text(page, slot, expected):
    page.wait_for_function("([slot, expected]) => document.querySelector(`[data-est=${slot}]`).innerText.includes(expected)",
                           arg=[slot, expected], timeout=15_000)


def test_the_hiring_questions_work_by_keyboard_and_change_what_is_counted(page):
    open_estimator(page)
    tick(page, "research", 129)  # 30 hours a week
    page.locator(".est-hiring-form > summary").focus()
    page.keyboard.press("Enter")  # opens the folded part
    page.focus("#f-hiring-tax_status")
    page.keyboard.press("ArrowDown")  # 課税事業者
    page.focus("#f-hiring-company_size")
    page.keyboard.press("ArrowDown")  # 51人以上
    page.focus("#f-hiring-care_insurance")
    page.keyboard.press("Space")
    settle(page)
    assert page.input_value("#f-hiring-tax_status") == "taxable"
    assert page.input_value("#f-hiring-company_size") == "large"
    assert page.is_checked("#f-hiring-care_insurance")
    request = {"tasks": [{"id": "research", "selected": True, "quantity": "129"}],
               "hiring": {"tax_status": "taxable", "company_size": "large", "care_insurance": True}}
    view = engine(request)["view"]["hiring"]
    wait_for_text(page, "hiring", view["verdict"])  # the year comes after the month: settle() may be early
    shown = text(page, "hiring")
    assert view["verdict"] in shown and "税抜き" in shown and "介護保険" in shown
    assert all(row["value"] in shown for row in view["rows"])
    assert "51人以上の会社として" in shown
    # The advice opens with the same verdict and figures, for the client's own answers.
    advice = text(page, "hiring-advice")
    assert view["advice"]["verdict"] in advice and all(line in advice for line in view["advice"]["lines"])


def test_the_advice_states_the_comparisons_verdict_and_the_sources_are_links(page):
    open_estimator(page)
    settle(page)
    view = engine({})["view"]["hiring"]
    wait_for_text(page, "hiring-advice", view["advice"]["verdict"])
    assert view["advice"]["verdict"] in text(page, "hiring-advice") and view["verdict"] in text(page, "hiring")
    assert "週40時間" not in text(page, "advice") + text(page, "hiring-advice")
    links = page.locator("[data-est=hiring] ul.est-sources a")
    assert links.count() >= len({s["url"] for d in view["defaults"] for s in d["sources"]})
    assert all(href.startswith("http") for href in links.evaluate_all("els => els.map(e => e.href)"))
    for difference in view["differences"]:
        assert difference["aspect"] in text(page, "hiring")


def test_axe_finds_nothing_in_the_hiring_part(page):
    from axe_playwright_python.sync_playwright import Axe

    open_estimator(page)
    page.locator(".est-hiring-form > summary").click()
    page.check("#f-hiring-care_insurance")
    settle(page)
    page.locator("[data-est=hiring]").scroll_into_view_if_needed()
    results = Axe().run(page, context={"include": [[".est-hiring-form"], ["[data-est=hiring]"], ["[data-est=hiring-advice]"]]})
    assert results.violations_count == 0, results.generate_report()


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
