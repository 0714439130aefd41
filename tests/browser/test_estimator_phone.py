"""The estimator on a phone (360 px) and on a desktop screen: starting sets, fields shown only for ticked
tasks, the summary bar, the answers with their 変更 links, keyboard use, axe in both colour schemes, old
share links, and the worker started again after it broke. Figures are compared with the engine's own."""

from __future__ import annotations

import datetime
import json
import urllib.parse
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from estimator import default_dataset
from estimator.browser import estimate, restore
from estimator.presets import preset_input
from estimator.state import V1_TICKED

ROOT = "#estimator"
WIDTHS = {"phone": {"width": 360, "height": 780}, "desktop": {"width": 1280, "height": 800}}
# A share link made before the page changed (state format "1."; estimator/state.py): payroll 25 a month,
# priority 必須, email-reply unticked, budget 70,000 yen, name 山田商店, video call no. The tasks then ticked by
# default are left out of it (V1_TICKED).
OLD_STATE = ("1.q1YqUbKKjlYqSKwsys_JUdIxMtUx0jHQMYzViVZKzU3MzNEtSi3IqVTSMQWJ6hjExuooJSlZmRsAgY5SgZJVtVKekpXS040bn0_Z8HRq"
             "29Nd05V0lMqAQnn5SrW1AA")


# A task of the 経理・財務 category that the starting input ticks (its 変更 link is in the answers).
ACCOUNTING_TICKED = next(t.id for t in default_dataset().catalog.tasks if t.default_selected and t.category == "accounting")


def engine(request: dict) -> dict:
    today = datetime.datetime.now(ZoneInfo("Asia/Tokyo")).date().isoformat()
    return estimate({"today": today, **request})["view"]


@pytest.fixture(params=list(WIDTHS))
def screen(request, browser, site_url):
    ctx = browser.new_context(base_url=site_url, viewport=WIDTHS[request.param], locale="ja-JP",
                              timezone_id="Asia/Tokyo", has_touch=request.param == "phone")
    page = ctx.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    ctx.close()


def open_estimator(page, suffix: str = ""):
    page.goto("estimate/" + suffix)
    page.wait_for_selector(f"{ROOT}[data-source=python]", timeout=60_000)
    return page


def settle(page):
    """Wait until the result reflects the latest input (one request in flight at most)."""
    page.wait_for_function("""() => new Promise(r => requestAnimationFrame(() => setTimeout(() => r(true), 50)))""")
    before = None
    for _ in range(40):
        now = page.locator("[data-est=result]").inner_text() + page.locator("[data-est=bar]").inner_text()
        if now == before:
            return
        before = now
        page.wait_for_timeout(100)


def ticked(page) -> list[str]:
    return page.eval_on_selector_all("li[data-task]:has(input[name$='.selected']:checked)", "els => els.map(e => e.dataset.task)")


def bar_matches_result(page, view: dict):
    """The bar shows the engine's figures, and the same ones as the full result below."""
    bar = view["bar"]
    expect(page.locator("[data-est=bar-hours]")).to_have_text(bar["hours"])
    expect(page.locator("[data-est=bar-cost]")).to_have_text(bar["cost"])
    assert view["costs"]["best_gross"] in bar["cost"]
    expect(page.locator("[data-est=bar-plan]")).to_have_text(view["costs"]["best_name"])
    if view["has_tasks"]:
        expect(page.locator("[data-est=hours] .est-big strong")).to_have_text(bar["hours"])
    # textContent: on a phone the result's blocks are drawn only when scrolled near (content-visibility).
    assert view["costs"]["best_name"] in page.locator("[data-est=costs]").text_content()
    if view["budget"]:
        expect(page.locator("[data-est=bar-budget]")).to_be_visible()
        assert ("予算内" in bar["budget"]) == view["budget"]["within"]
    else:
        expect(page.locator("[data-est=bar-budget]")).to_be_hidden()


def in_view(page, selector: str) -> bool:
    return page.evaluate("""(s) => { const r = document.querySelector(s).getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; }""", selector)


@pytest.mark.parametrize("preset", [p.id for p in default_dataset().presets])
def test_a_starting_set_fills_the_checklist_and_the_bar(screen, preset):
    data = default_dataset()
    chosen = next(p for p in data.presets if p.id == preset)
    page = open_estimator(screen)
    page.fill("#f-budget", "80000")
    page.click(f"[data-preset={preset}]")
    settle(page)
    assert sorted(ticked(page)) == sorted(t.task_id for t in chosen.tasks)
    raw = preset_input(chosen, data.catalog)
    for task in raw["tasks"]:
        if task["selected"]:
            assert page.input_value(f"#t-{task['id']}-quantity") == task["quantity"]
            assert page.input_value(f"#t-{task['id']}-period") == task["period"]
            assert page.input_value(f"#t-{task['id']}-priority") == task["priority"]
    assert page.input_value("#f-budget") == "80000"  # a set changes the checklist only
    view = engine({**raw, "budget_yen": "80000"})
    bar_matches_result(page, view)
    assert chosen.name in page.locator("[data-est=preset-status]").inner_text()
    # Each category says how many of its tasks are ticked.
    for category in data.catalog.categories:
        count = sum(1 for t in chosen.tasks if data.catalog.task(t.task_id).category == category.id)
        expect(page.locator(f"#cat-{category.id} [data-est-count]")).to_have_text(f"{count}件を選択中")
    # From the top of the page, the first figure is on the first screen, without scrolling.
    page.evaluate("window.scrollTo(0, 0)")
    assert in_view(page, "[data-est=bar-hours]")
    assert page.errors == []


def test_choose_yourself_unticks_everything_and_the_bar_still_shows_a_figure(screen):
    page = open_estimator(screen)
    page.click("[data-preset=own]")
    settle(page)
    assert ticked(page) == []
    view = engine({"tasks": [{"id": t.id, "selected": False} for t in default_dataset().catalog.tasks]})
    bar_matches_result(page, view)
    page.evaluate("window.scrollTo(0, 0)")
    assert in_view(page, "[data-est=bar-hours]")


def test_staff_link_to_a_set_and_an_unknown_set(page):
    data = default_dataset()
    chosen = data.presets[0]
    open_estimator(page, f"#set={chosen.id}")
    assert sorted(ticked(page)) == sorted(t.task_id for t in chosen.tasks)
    settle(page)
    expect(page.locator("[data-est=bar-hours]")).to_have_text(engine(preset_input(chosen, data.catalog))["bar"]["hours"])
    assert "#set=" not in page.url  # a reload keeps what the client changes afterwards
    page.goto("staff-links/")
    open_estimator(page, "#set=no-such-set")
    notices = page.locator("[data-est=notices]")
    expect(notices).to_be_visible()
    expect(notices).to_contain_text("no-such-set")
    assert sorted(ticked(page)) == sorted(t.task_id for t in chosen.tasks)  # nothing was lost
    assert page.errors == []


@pytest.mark.parametrize("script", ["with the page's script", "without JavaScript"])
def test_ticking_a_task_shows_its_fields_and_unticking_hides_them(browser, site_url, script):
    for size in WIDTHS.values():
        ctx = browser.new_context(base_url=site_url, viewport=size, locale="ja-JP",
                                  java_script_enabled=script == "with the page's script")
        try:
            page = ctx.new_page()
            page.goto("estimate/")
            fields = [f"#t-payroll-{name}" for name in ("period", "quantity", "priority")]
            for field in fields:
                expect(page.locator(field)).to_be_hidden()
            page.check("#t-payroll-selected")
            for field in fields:
                expect(page.locator(field)).to_be_visible()
            page.fill("#t-payroll-quantity", "7")
            page.uncheck("#t-payroll-selected")
            for field in fields:
                expect(page.locator(field)).to_be_hidden()
            page.check("#t-payroll-selected")
            assert page.input_value("#t-payroll-quantity") == "7"  # hiding keeps what was typed
            # Unticked tasks show their name, hint and guide link only.
            email = page.locator("li[data-task=email-triage]")
            expect(email.locator(".est-task__hint")).to_be_visible()
            expect(email.locator("a.est-qa")).to_be_visible()
            assert email.locator("select:visible, input[type=text]:visible").count() == 0
        finally:
            ctx.close()


def test_the_bar_stays_in_view_while_scrolling_and_follows_every_input(screen):
    page = open_estimator(screen)
    steps = [
        ("check", "#t-payroll-selected", None, {"tasks": [{"id": "payroll", "selected": True}]}),
        ("fill", "#t-payroll-quantity", "12", {"tasks": [{"id": "payroll", "selected": True, "quantity": "12"}]}),
        ("fill", "#f-budget", "30000", {"budget_yen": "30000"}),
        ("uncheck", "#t-email-reply-selected", None, {"tasks": [{"id": "email-reply", "selected": False}]}),
        ("fill", "#f-budget", "300000", {"budget_yen": "300000"}),
    ]
    request: dict = {"tasks": []}
    for action, selector, value, change in steps:
        getattr(page, action)(selector, *([value] if value is not None else []))
        request = {**request, **{k: v for k, v in change.items() if k != "tasks"},
                   "tasks": [t for t in request["tasks"] if t["id"] not in {c["id"] for c in change.get("tasks", [])}]
                   + [{**old, **new} for new in change.get("tasks", [])
                      for old in [next((t for t in request["tasks"] if t["id"] == new["id"]), {})]]}
        page.locator(selector).blur()
        settle(page)
        bar_matches_result(page, engine(request))
        for y in (1500, 3000):  # within the checklist
            page.evaluate(f"window.scrollTo(0, {y})")
            page.wait_for_timeout(100)
            assert in_view(page, "[data-est=bar-hours]"), f"bar not in view at {y} px"
    assert page.errors == []


def test_the_bar_announces_politely_once_the_client_pauses(page):
    open_estimator(page)
    announcer = page.locator("[data-est=announce]")
    assert page.get_attribute("[data-est=announce]", "role") == "status"
    assert page.get_attribute("[data-est=bar]", "aria-live") is None  # the bar itself is not live
    page.check("#t-payroll-selected")
    page.locator("#t-payroll-quantity").select_text()
    page.locator("#t-payroll-quantity").press_sequentially("12", delay=80)
    assert announcer.inner_text() == ""  # nothing said while typing
    view = engine({"tasks": [{"id": "payroll", "selected": True, "quantity": "12"}]})
    expect(announcer).to_have_text(view["bar"]["sentence"], timeout=5_000)


def test_the_bar_never_covers_the_focused_field(browser, site_url):
    ctx = browser.new_context(base_url=site_url, viewport=WIDTHS["phone"], locale="ja-JP", has_touch=True)
    try:
        page = open_estimator(ctx.new_page())
        page.check("#t-payroll-selected")
        page.focus("#t-payroll-quantity")
        covered = """() => { const f = document.activeElement.getBoundingClientRect();
            const b = document.querySelector('[data-est=bar]').getBoundingClientRect();
            return f.top < b.bottom && f.bottom > b.top; }"""
        assert not page.evaluate(covered)  # focusing scrolls the field below the bar
        # The client scrolls the field up under the bar while typing: the bar steps out of the way.
        page.evaluate("""() => { const f = document.activeElement.getBoundingClientRect();
            window.scrollBy(0, f.top - 70); }""")
        page.wait_for_timeout(200)
        assert not page.evaluate(covered)
        assert page.get_attribute("[data-est=bar]", "data-away") == "true"
        page.locator("#t-payroll-quantity").blur()
        page.wait_for_timeout(100)
        assert page.get_attribute("[data-est=bar]", "data-away") is None
    finally:
        ctx.close()


def test_keyboard_reaches_every_field_and_change_links_land_on_their_field(screen):
    page = open_estimator(screen)
    page.click("[data-preset=solo]")
    settle(page)
    page.locator("#est-presets-title").click()  # start from the top of the form
    wanted = set(page.eval_on_selector_all(
        "[data-est=form] :is(input, select, textarea):not([type=radio]):not([hidden])",
        "els => els.filter(e => e.getClientRects().length).map(e => e.id)"))
    wanted.add("f-video_call-radio")
    reached = set()
    for _ in range(600):
        page.keyboard.press("Tab")
        # A folded part (the hiring figures) opens as a keyboard user opens it: Enter on its summary.
        if page.evaluate("() => document.activeElement.tagName === 'SUMMARY' && !document.activeElement.parentElement.open"):
            page.keyboard.press("Enter")
        active = page.evaluate("""() => { const a = document.activeElement;
            if (a.type === 'radio') return 'f-video_call-radio';
            return a.closest('[data-est=form]') ? a.id : (a.closest('[data-est=result]') ? '#result' : a.id); }""")
        reached.add(active)
        if active == "#result":
            break
    assert wanted <= reached, sorted(wanted - reached)
    # A 変更 link moves focus to its field, opening its category when it is folded.
    page.evaluate("document.querySelector('#cat-accounting').open = false")
    link = page.locator(f"[data-est=answers] a[data-change='t-{ACCOUNTING_TICKED}-quantity']")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.activeElement && document.activeElement.id === 't-{ACCOUNTING_TICKED}-quantity'")
    assert page.evaluate("document.querySelector('#cat-accounting').open")
    assert in_view(page, f"#t-{ACCOUNTING_TICKED}-quantity")
    page.keyboard.press("Control+A")
    page.keyboard.type("25")
    settle(page)
    row = page.locator(f"[data-est=answers] [data-task={ACCOUNTING_TICKED}]")
    expect(row).to_contain_text("1か月あたり25")
    budget = page.locator("[data-est=answers] a[data-change='f-budget']")
    budget.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'f-budget'")
    assert page.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", list(WIDTHS))
def test_axe_finds_nothing_on_a_phone_and_a_desktop(browser, site_url, scheme, width):
    from axe_playwright_python.sync_playwright import Axe

    ctx = browser.new_context(base_url=site_url, viewport=WIDTHS[width], locale="ja-JP", color_scheme=scheme)
    try:
        page = open_estimator(ctx.new_page())
        page.click("[data-preset=salon]")
        page.fill("#f-budget", "40000")
        page.check("#t-tax-return-selected")
        page.fill("#t-payroll-quantity", "x")  # an inline error is on screen too
        page.evaluate("document.querySelector('#cat-web').open = false")  # a folded category
        settle(page)
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        ctx.close()


def test_a_share_link_made_before_the_change_still_restores(page):
    open_estimator(page, f"#s={OLD_STATE}")
    page.wait_for_function("document.querySelector('#t-payroll-selected').checked")
    expect(page.locator("[data-est=notices]")).to_have_text("共有リンクの内容を読み込みました。")
    settle(page)
    assert page.input_value("#t-payroll-quantity") == "25"
    assert page.input_value("#t-payroll-priority") == "must"
    assert not page.is_checked("#t-email-reply-selected")
    assert page.input_value("#f-budget") == "70000" and page.input_value("#f-name") == "山田商店"
    assert page.is_checked("input[name='profile.video_call'][value=no]")
    # The tasks ticked by default when the link was made come back ticked; those ticked by default since, do not.
    for task_id in V1_TICKED:
        assert page.is_checked(f"#t-{task_id}-selected") == (task_id != "email-reply"), task_id
    for task in default_dataset().catalog.tasks:
        if task.default_selected and task.id not in V1_TICKED:
            assert not page.is_checked(f"#t-{task.id}-selected"), task.id
    view = engine(restore(OLD_STATE)["input"])
    bar_matches_result(page, view)
    assert page.errors == []


BREAK_ON_SECOND_MESSAGE = """
// Test only: this worker throws on its second message, as a worker broken by an input would.
const answer = self.onmessage;
let messages = 0;
self.onmessage = (event) => {
  if (++messages === 2) throw new Error("broken on purpose");
  return answer(event);
};
"""


@pytest.mark.parametrize("how", ["throws", "posts an error", "stops answering"])
def test_a_broken_worker_is_started_again_with_the_input_kept(page, how):
    fetched = []

    def worker(route):
        fetched.append(route.request.url)
        body = route.fetch().text()
        if len(fetched) == 1:  # only the first worker is broken
            if how == "throws":
                body += BREAK_ON_SECOND_MESSAGE
            elif how == "posts an error":
                body += BREAK_ON_SECOND_MESSAGE.replace('throw new Error("broken on purpose")',
                                                        'return self.postMessage({type: "error", id: event.data.id, message: "RecursionError"})')
        route.fulfill(status=200, content_type="text/javascript", body=body)

    page.route("**/estimator/worker.js*", worker)
    open_estimator(page)
    if how == "stops answering":
        # The test reaches the page's own module: a shorter wait, then the worker is ended behind its back.
        page.evaluate("""async () => {
            const engine = await import(new URL('../assets/javascripts/estimator/engine.js', location.href).href);
            engine.limits.answerMs = 1500;
            engine.engine.worker.terminate();
        }""")
    page.fill("#f-name", "再起動の確認")
    page.check("#t-payroll-selected")
    page.fill("#t-payroll-quantity", "9")
    page.wait_for_selector(f"{ROOT}[data-engine=ready]", timeout=60_000)
    expect(page.locator("[data-est=status-text]")).to_contain_text("起動し直し", timeout=60_000)
    settle(page)
    assert len([u for u in fetched if "worker.js" in u]) >= 2, "the worker was not started again"
    assert page.input_value("#f-name") == "再起動の確認" and page.input_value("#t-payroll-quantity") == "9"
    view = engine({"tasks": [{"id": "payroll", "selected": True, "quantity": "9"}], "profile": {"name": "再起動の確認"}})
    bar_matches_result(page, view)
    assert view["hours"]["monthly_typical"] in page.locator("[data-est=hours]").inner_text()
    # And a normal estimate afterwards gets its answer.
    page.fill("#t-payroll-quantity", "3")
    settle(page)
    bar_matches_result(page, engine({"tasks": [{"id": "payroll", "selected": True, "quantity": "3"}]}))
    assert page.errors == []


def test_modules_load_only_on_the_estimator_page(context):
    page = context.new_page()
    scripts = []
    page.on("request", lambda r: r.resource_type == "script" and scripts.append(r.url))
    styles = []
    page.on("request", lambda r: r.resource_type == "stylesheet" and styles.append(r.url))
    page.goto("guide/pricing/")
    page.wait_for_load_state("networkidle")
    assert [u for u in scripts if "/javascripts/estimator/" in u] == []
    assert [u for u in styles if u.endswith("/estimator.css")] == []
    page.goto("estimate/")
    page.wait_for_selector(f"{ROOT}[data-source=python]", timeout=60_000)
    assert any(u.endswith("/estimator/estimator.js") for u in scripts)
    assert any(u.endswith("/estimator.css") for u in styles)


def test_the_modules_work_on_their_own(page):
    """The pure parts of the modules, imported on their own in the browser."""
    open_estimator(page)
    result = page.evaluate("""async () => {
        const base = new URL('../assets/javascripts/estimator/', location.href).href;
        const presets = await import(base + 'presets.js');
        const form = await import(base + 'form.js');
        const engine = await import(base + 'engine.js');
        const sets = [{id: 'a', name: 'A', tasks: [{id: 'x', selected: true, quantity: '3', period: 'month', priority: 'must'}]}];
        return {
            set: presets.presetInput(sets, 'a', ['x', 'y']),
            own: presets.presetInput(sets, 'own', ['x']),
            unknown: presets.presetInput(sets, 'zzz', ['x']),
            hash: presets.presetFromHash('#set=solo'),
            changed: form.changedTasks(
                [{id: 'x', selected: true, quantity: '1', period: 'month', priority: 'want'},
                 {id: 'y', selected: false, quantity: '2', period: 'week', priority: 'want'}],
                [{selected: true, quantity: '1', period: 'month', priority: 'want'},
                 {selected: false, quantity: '1', period: 'week', priority: 'want'}]).map(t => t.id),
            url: engine.workerURL(JSON.stringify({worker: 'w.js', pyodide: 'p/', stdlib: 's/l.zip', app: 'a/e.zip', lock: {},
                                                  files: ['p/a.wasm'], sizes: [10], raw: [30]}), 'http://h/x/'),
        };
    }""")
    assert result["set"] == {"tasks": [{"id": "x", "selected": True, "quantity": "3", "period": "month", "priority": "must"},
                                       {"id": "y", "selected": False}]}
    assert result["own"] == {"tasks": [{"id": "x", "selected": False}]}
    assert result["unknown"] is None and result["hash"] == "solo"
    assert result["changed"] == ["y"]
    assert result["url"].startswith("http://h/x/w.js#") and "http%3A%2F%2Fh%2Fx%2Fp%2F" in result["url"]
    settings = json.loads(urllib.parse.unquote(result["url"].split("#", 1)[1]))
    assert settings["stdlib"] == "http://h/x/s/l.zip" and settings["app"] == "http://h/x/a/e.zip"
    assert settings["files"] == [{"url": "http://h/x/p/a.wasm", "bytes": 10, "raw": 30}]
