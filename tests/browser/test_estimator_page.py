"""The estimator page in headless Chromium: what a user sees and can do, checked against the engine."""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from estimator import default_dataset
from estimator.browser import estimate
from printed_text import flat, pdf_text

ROOT = "#estimator"
PAYLOAD = '<img src=x onerror="window.__xss=1">"><script>window.__xss=2</script>'


def engine(request: dict) -> dict:
    """What the engine answers for the same input (the page's date is Tokyo's today)."""
    today = datetime.datetime.now(ZoneInfo("Asia/Tokyo")).date().isoformat()
    return estimate({"today": today, **request})


def open_estimator(page, suffix: str = ""):
    page.goto("estimate/" + suffix)
    page.wait_for_selector(f"{ROOT}[data-source=python]", timeout=60_000)
    return page


def text(page, slot: str) -> str:
    return page.locator(f"[data-est={slot}]").inner_text()


def settle(page):
    """Wait until the result reflects the latest input (one request in flight at most)."""
    page.wait_for_function("""() => new Promise(r => requestAnimationFrame(() => setTimeout(() => r(true), 50)))""")
    before = None
    for _ in range(40):
        now = page.locator("[data-est=result]").inner_text()
        if now == before:
            return
        before = now
        page.wait_for_timeout(100)


def test_first_paint_shows_the_build_time_estimate_marked_as_default(page):
    page.route("**/assets/pyodide/**", lambda route: route.abort())  # keep Python from taking over
    page.goto("estimate/")
    assert page.locator(f"{ROOT}[data-source=default]").count() == 1
    assert page.locator("[data-est=default-note]").is_visible()
    view = engine({})["view"]
    assert view["hours"]["monthly_typical"] in text(page, "hours")
    assert view["costs"]["best_gross"] in text(page, "costs")
    # The whole checklist is there, grouped by category, with a guide link per task.
    tasks = len(default_dataset().catalog.tasks)
    assert page.locator("li[data-task]").count() == tasks
    assert page.locator("details.est-category > summary").count() >= 6
    assert page.locator("li[data-task] a.est-qa").count() == tasks


def test_python_starts_loading_only_after_the_page_has_loaded(page):
    """Pyodide's start takes every core it can get: the page is parsed, laid out and loaded first."""
    asked = []
    page.on("request", lambda r: "/assets/pyodide/" in r.url and asked.append(r))
    page.goto("estimate/", wait_until="load")
    loaded_at = page.evaluate("performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventStart")
    page.wait_for_selector(f"{ROOT}[data-source=python]", timeout=60_000)
    assert asked, "the worker fetched nothing of Pyodide"
    first = min(r.timing["startTime"] for r in asked)
    assert first >= loaded_at - 1, (first, loaded_at)  # the request's time is in whole milliseconds


def test_python_takes_over_with_the_same_figures(page):
    page.goto("estimate/")
    default_text = page.locator("[data-est=hours]").inner_text()
    page.wait_for_selector(f"{ROOT}[data-source=python]", timeout=60_000)
    assert not page.locator("[data-est=default-note]").is_visible()
    assert page.locator("[data-est=hours]").inner_text() == default_text
    assert "計算の準備ができました" in text(page, "status-text")
    assert page.errors == []


def test_ticking_tasks_changes_hours_to_the_engines_numbers(page):
    open_estimator(page)
    page.check("#t-payroll-selected")
    page.fill("#t-payroll-quantity", "12")
    page.uncheck("#t-email-reply-selected")
    settle(page)
    view = engine({"tasks": [{"id": "payroll", "selected": True, "quantity": "12"},
                             {"id": "email-reply", "selected": False}]})["view"]
    hours = text(page, "hours")
    assert view["hours"]["monthly_typical"] in hours and view["hours"]["monthly_range"] in hours
    row = page.locator("[data-est=hours] tr[data-task=payroll]").inner_text()
    line = next(line for line in view["hours"]["lines"] if line["task_id"] == "payroll")
    assert line["typical"] in row and line["volume"] in row
    assert page.locator("[data-est=hours] tr[data-task=email-reply]").count() == 0
    assert f"月{view['costs']['best_gross']}" in text(page, "bar")


def test_budget_fit_and_within_budget_proposal(page):
    open_estimator(page)
    page.fill("#f-budget", "４００００")  # full-width digits, as a Japanese keyboard types them
    page.select_option("#t-invoice-email-priority", "must")  # a task ticked at the start
    settle(page)
    budget = engine({"budget_yen": "40000", "tasks": [{"id": "invoice-email", "priority": "must"}]})["view"]["budget"]
    shown = text(page, "budget")
    assert budget["summary"] in shown and budget["affordable"] in shown
    assert budget["proposal"]["summary"] in shown
    for item in budget["proposal"]["items"]:
        assert item in shown
    page.fill("#f-budget", "200000")
    settle(page)
    assert "予算内です" in text(page, "budget")


def test_bad_input_shows_the_engines_message_next_to_the_field(page):
    open_estimator(page)
    page.fill("#t-email-reply-quantity", "たくさん")
    page.fill("#f-budget", "1,2")
    settle(page)
    error = page.locator("[id='err-tasks.email-reply']")
    assert error.is_visible() and "0以上の数字" in error.inner_text()
    assert page.get_attribute("#t-email-reply-quantity", "aria-invalid") == "true"
    assert "3桁ごと" in page.locator("[id='err-budget_yen']").inner_text()
    # The rest keeps updating: email-reply counts as 0, so the other tasks remain.
    view = engine({"tasks": [{"id": "email-reply", "quantity": "0"}]})["view"]
    assert view["hours"]["monthly_typical"] in text(page, "hours")
    page.fill("#t-email-reply-quantity", "5")
    settle(page)
    assert not error.is_visible()


def test_reserved_task_warning_links_to_the_guide(page):
    open_estimator(page)
    page.check("#t-tax-return-selected")
    settle(page)
    warning = page.locator("[data-est=warnings] .est-warning[data-task=tax-return]")
    assert "税理士の独占業務" in warning.inner_text()
    link = warning.locator("a")
    href = link.get_attribute("href")
    assert href.endswith("/guide/not-delegable/#reserved-zeirishi")
    link.click()
    page.wait_for_url(re.compile(r"/guide/not-delegable/"))
    expect(page.locator("#reserved-zeirishi")).to_have_count(1)  # instant navigation swaps the content in after


def test_copy_mailto_and_txt_download(page):
    open_estimator(page)
    page.fill("#f-industry", "美容室")
    settle(page)
    message = engine({"profile": {"industry": "美容室"}})["view"]["message"]
    page.click("[data-action=copy]")
    page.wait_for_function("document.querySelector('[data-est=action-status]').textContent.includes('コピーしました')")
    clipboard = page.evaluate("navigator.clipboard.readText()")
    assert clipboard == f"件名：{message['subject']}\n\n{message['body']}\n"
    assert page.get_attribute("[data-action=mailto]", "href") == message["mailto"]
    with page.expect_download() as info:
        page.click("[data-action=download]")
    download = info.value
    assert download.suggested_filename.endswith(".txt")
    with open(download.path(), encoding="utf-8") as f:
        assert f.read() == clipboard


def test_share_link_restores_everything_in_a_new_context(page, browser, site_url):
    open_estimator(page)
    page.check("#t-payroll-selected")
    page.fill("#t-payroll-quantity", "25")
    page.select_option("#t-payroll-priority", "must")
    page.fill("#f-budget", "70000")
    page.fill("#f-name", "山田商店")
    page.fill("#f-notes", "月末は忙しいです。\n2行目")
    page.check("input[name='profile.video_call'][value=no]")
    settle(page)
    page.click("[data-action=share]")
    page.wait_for_function("document.querySelector('[data-est=action-status]').textContent.includes('共有リンク')")
    link = page.input_value("[data-est=share-url]")
    assert "#s=" in link and urlparse(link).query == ""
    assert page.evaluate("navigator.clipboard.readText()") == link
    blocks = ("bar", "answers", "hours", "costs", "budget", "advice", "warnings", "start", "subsidy", "message")
    expected = [text(page, slot) for slot in blocks]

    other = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
    try:
        fresh = other.new_page()
        errors = []
        fresh.on("pageerror", lambda e: errors.append(str(e)))
        fresh.goto(link)
        fresh.wait_for_selector(f"{ROOT}[data-source=python]", timeout=60_000)
        fresh.wait_for_function("document.querySelector('#t-payroll-selected').checked")
        settle(fresh)
        assert fresh.input_value("#t-payroll-quantity") == "25"
        assert fresh.input_value("#t-payroll-priority") == "must"
        assert fresh.input_value("#f-budget") == "70000"
        assert fresh.input_value("#f-name") == "山田商店"
        assert fresh.input_value("#f-notes") == "月末は忙しいです。\n2行目"
        assert fresh.is_checked("input[name='profile.video_call'][value=no]")
        assert "#s=" not in fresh.url  # the link did its job; a reload keeps later edits
        assert [text(fresh, slot) for slot in blocks] == expected
        assert errors == []
    finally:
        other.close()


def test_shared_link_wins_over_saved_input_and_bad_links_only_give_a_notice(page):
    open_estimator(page)
    page.fill("#f-name", "保存された名前")
    settle(page)
    state = engine({"profile": {"name": "リンクの名前"}})["state"]
    open_estimator(page, f"#s={state}")
    page.wait_for_function("document.querySelector('#f-name').value === 'リンクの名前'")
    open_estimator(page, "#s=1.this-is-not-a-state")
    page.wait_for_selector("[data-est=notices]:not([hidden])")
    assert text(page, "notices").strip() != ""
    assert page.errors == []


def test_reload_keeps_input_and_clear_resets_it(page):
    open_estimator(page)
    page.check("#t-travel-selected")
    page.fill("#f-budget", "55000")
    page.fill("#f-business", "ネットで焼き菓子を販売")
    settle(page)
    page.reload()
    page.wait_for_selector(f"{ROOT}[data-source=python]", timeout=60_000)
    assert page.is_checked("#t-travel-selected")
    assert page.input_value("#f-budget") == "55000"
    assert page.input_value("#f-business") == "ネットで焼き菓子を販売"
    settle(page)
    assert "ネットで焼き菓子を販売" in text(page, "message")
    page.click("[data-action=clear]")
    settle(page)
    assert not page.is_checked("#t-travel-selected") and page.input_value("#f-budget") == ""
    page.reload()
    page.wait_for_selector(f"{ROOT}[data-source=python]", timeout=60_000)
    assert page.input_value("#f-business") == ""


def test_what_is_typed_before_the_estimator_arrives_wins_over_the_saved_input(page):
    # A slow phone: the client types while the estimator's modules are still on their way. What they typed
    # stays on screen (the input saved on an earlier visit does not replace it), is saved, and is estimated.
    open_estimator(page)
    page.fill("#f-budget", "50000")
    page.wait_for_function("Object.values(localStorage).some(v => v.includes('50000'))")
    held = []
    page.route("**/javascripts/estimator/estimator.js", lambda route: held.append(route))
    page.goto("estimate/")
    while not held:
        page.wait_for_timeout(50)
    page.check("#t-payroll-selected")
    page.fill("#t-payroll-quantity", "14")
    page.fill("#f-budget", "70000")
    held[0].continue_()
    page.wait_for_selector(f"{ROOT}[data-source=python]", timeout=60_000)
    settle(page)
    assert page.input_value("#f-budget") == "70000" and page.is_checked("#t-payroll-selected")
    assert page.evaluate("Object.values(localStorage).some(v => v.includes('70000'))")
    view = engine({"tasks": [{"id": "payroll", "selected": True, "quantity": "14"}], "budget_yen": "70000"})["view"]
    assert view["hours"]["monthly_typical"] in text(page, "hours")
    page.unroute("**/javascripts/estimator/estimator.js")
    page.reload()
    page.wait_for_selector(f"{ROOT}[data-source=python]", timeout=60_000)
    assert page.input_value("#f-budget") == "70000"
    assert page.errors == []


def test_print_gives_the_inquiry_and_estimate_without_navigation(page):
    open_estimator(page)
    page.fill("#f-industry", "印刷テスト業")
    settle(page)
    printed = pdf_text(page.pdf(format="A4"))
    message = engine({"profile": {"industry": "印刷テスト業"}})["view"]["message"]
    assert flat(message["subject"]) in printed
    for line in message["body"].splitlines():
        assert flat(line) in printed
    assert "見積もりの結果" in printed and "印刷テスト業" in printed
    for absent in ("依頼の流れ", "よくある質問", "問い合わせ文をコピー", "入力をクリア", "ダークモード", "頼みたい業務を選ぶ"):
        assert absent not in printed


def test_pyodide_blocked_falls_back_and_keeps_input(page):
    page.route("**/assets/pyodide/**", lambda route: route.abort())
    page.route("**/assets/estimator/**", lambda route: route.abort())
    page.goto("estimate/")
    page.fill("#f-name", "フォールバック確認")
    page.check("#t-payroll-selected")
    page.wait_for_selector("[data-est=fallback]:not([hidden])", timeout=5_000)
    fallback = text(page, "fallback")
    # The network is the cause: said so, without blaming the browser; a retry and the task table offered.
    assert "通信が途切れた" in fallback and "ブラウザー" not in fallback.split("読み込めた分")[0] and "メール" in fallback
    assert page.locator("[data-action=retry]").is_visible()
    assert page.locator("[data-est=fallback] a[href$='guide/tasks/#tasks-catalog']").is_visible()
    assert page.get_attribute(ROOT, "data-engine") == "failed"
    assert page.input_value("#f-name") == "フォールバック確認" and page.is_checked("#t-payroll-selected")
    assert page.locator("[data-action=print-checklist]").is_visible()
    printed = pdf_text(page.pdf())
    assert "頼みたい業務を選ぶ" in printed and "見積もりの結果" not in printed
    assert page.errors == []


@pytest.mark.parametrize("script", ["with the page's script", "before or without it"])
def test_enter_in_a_field_sends_the_input_nowhere(page, site_url, script):
    if script != "with the page's script":
        page.route("**/estimator/page.js", lambda route: route.abort())
    page.goto("estimate/")
    documents = []
    page.on("request", lambda request: request.resource_type == "document" and documents.append(request.url))
    page.check("#t-payroll-selected")  # its fields show once ticked, with or without the script
    for field, value in (("#f-budget", "50000"), ("#t-payroll-quantity", "12"), ("#f-name", "山田商店")):
        page.fill(field, value)
        page.press(field, "Enter")
    page.wait_for_timeout(300)
    assert documents == [] and page.url == site_url + "estimate/"
    assert page.input_value("#f-budget") == "50000" and page.input_value("#f-name") == "山田商店"


def test_no_request_leaves_localhost(context, site_url):
    hosts = set()
    context.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    page = context.new_page()
    open_estimator(page)
    page.check("#t-payroll-selected")
    page.fill("#f-website", "https://example.com/shop")
    settle(page)
    page.click("[data-action=share]")
    page.wait_for_timeout(300)
    hosts.discard(None)
    assert hosts == {"127.0.0.1"}


def test_guide_pages_do_not_load_pyodide_and_instant_navigation_keeps_one_worker(context, site_url):
    page = context.new_page()
    # Material navigates instantly only to the URLs of its sitemap: without SITE_URL the build lists them
    # relative to the sitemap, and overrides/main.html completes them with the test server's address.
    documents = []
    page.on("request", lambda request: request.resource_type == "document" and documents.append(request.url))
    urls, workers = [], []
    page.on("request", lambda request: urls.append(request.url))
    page.on("worker", lambda worker: workers.append(worker.url))
    page.goto("guide/flow/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in urls if "/assets/pyodide/" in u or "/assets/estimator/" in u]
    page.click("nav a[href$='estimate/']")
    page.wait_for_selector(f"{ROOT}[data-source=python]", timeout=60_000)
    page.click("li[data-task=bookkeeping] a.est-qa")  # an instant navigation to a guide page
    page.wait_for_url(re.compile(r"/guide/tasks/"))
    page.go_back()
    page.wait_for_selector(f"{ROOT}[data-source=python]", timeout=10_000)
    assert documents == [site_url + "guide/flow/"], "instant navigation did not happen"
    estimator_workers = [w for w in workers if "estimator/worker.js" in w]
    assert len(estimator_workers) == 1
    assert len([u for u in urls if u.endswith("pyodide.asm.wasm")]) <= 1
    page.check("#t-payroll-selected")
    settle(page)
    assert engine({"tasks": [{"id": "payroll"}]})["view"]["hours"]["monthly_typical"] in text(page, "hours")


def test_free_text_never_executes(page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_estimator(page)
    page.check("#f-weekend_work")  # shows the weekend hours field
    page.locator(".est-hiring-form > summary").click()
    fields = page.locator(":is(input[type=text], textarea):is([name^='profile.'], [name^='hiring.'])")
    for i in range(fields.count()):
        fields.nth(i).fill(PAYLOAD)
    page.check("#t-payroll-selected")
    page.fill("#t-payroll-quantity", PAYLOAD)
    settle(page)
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src=x]").count() == 0
    assert page.locator(".est-result script").count() == 0
    assert '<img src=x onerror="window.__xss=1">' in text(page, "message")
    page.reload()  # the saved input comes back as text too
    page.wait_for_selector(f"{ROOT}[data-source=python]", timeout=60_000)
    settle(page)
    page.pdf()
    assert page.evaluate("window.__xss") is None and dialogs == []


def test_axe_finds_nothing(page):
    from axe_playwright_python.sync_playwright import Axe

    open_estimator(page)
    page.fill("#f-budget", "40000")
    page.check("#t-tax-return-selected")
    page.fill("#t-email-reply-quantity", "x")  # an inline error is on screen too
    settle(page)
    # Two findings belong to the Material theme's own chrome on every page, not to this page, and are
    # reported to the theme owner: the search dialog has no accessible name (best practice) and the
    # footer's "Made with Material" line. Everything else on the page is scanned.
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_keyboard_only_completion(page):
    open_estimator(page)

    def tab_to(selector: str, limit: int = 400):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
                outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
                assert outline != "none", f"no visible focus on {selector}"
                return
        raise AssertionError(f"could not reach {selector} with Tab")

    tab_to("#t-payroll-selected")
    page.keyboard.press("Space")
    tab_to("#t-payroll-quantity")
    page.keyboard.press("Control+A")
    page.keyboard.type("30")
    tab_to("#f-budget")
    page.keyboard.type("90000")
    settle(page)
    view = engine({"tasks": [{"id": "payroll", "selected": True, "quantity": "30"}], "budget_yen": "90000"})["view"]
    assert view["hours"]["monthly_typical"] in text(page, "hours")
    tab_to("[data-action=copy]")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('[data-est=action-status]').textContent.includes('コピーしました')")
    assert view["message"]["body"] in page.evaluate("navigator.clipboard.readText()")


@pytest.mark.parametrize("width", [360, 640])  # 640 CSS px = a 1280 px window at 200 % zoom
def test_small_screens_and_zoom_have_no_horizontal_scroll(browser, site_url, width):
    ctx = browser.new_context(base_url=site_url, viewport={"width": width, "height": 800}, locale="ja-JP")
    try:
        page = ctx.new_page()
        open_estimator(page)
        page.check("#t-tax-return-selected")
        page.fill("#f-budget", "40000")
        settle(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.locator("[data-action=copy]").is_visible()
    finally:
        ctx.close()
