"""Python's preparation on the estimator page, through a slow link (tests/throttled_server.py): the progress
the summary bar shows, input made before Python is ready, when Python starts, and what the page says and
offers when the download stalls, the connection is gone, or Python cannot start."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from estimator.browser import estimate
from throttled_server import ThrottledServer

SITE = Path(__file__).resolve().parents[2] / "site"
ROOT = "#estimator"
LOADING_TEXT = "計算の準備をしています。準備ができるまでの間も、入力はそのまま続けられます。"

# Recorded from the first moment: every state of the progressbar and every text the polite status gets.
RECORD = """
window.__seen = {progress: [], said: []};
new MutationObserver(() => {
  const bar = document.querySelector("[data-est=progress]");
  if (bar) {
    const state = [bar.hidden, bar.getAttribute("aria-valuenow"), bar.getAttribute("aria-valuetext"),
                   bar.querySelector("[data-est=progress-label]").textContent].join("|");
    if (window.__seen.progress.at(-1) !== state) window.__seen.progress.push(state);
  }
  const said = document.querySelector("[data-est=announce]")?.textContent;
  if (said && window.__seen.said.at(-1) !== said) window.__seen.said.push(said);
}).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""


def engine(request: dict) -> dict:
    today = datetime.datetime.now(ZoneInfo("Asia/Tokyo")).date().isoformat()
    return estimate({"today": today, **request})


@pytest.fixture(scope="module")
def served_copy(tmp_path_factory):
    if not (SITE / "estimate" / "index.html").is_file():
        pytest.fail("site/ is not built: run `make build` (make test does it)")
    copy = tmp_path_factory.mktemp("slow") / "site"
    shutil.copytree(SITE, copy)
    return copy


@pytest.fixture
def slow(served_copy):
    """The site through a 24 Mbit/s link with 20 ms round trips: the runtime takes a few seconds."""
    server = ThrottledServer(served_copy, 24, 20)
    server.url = server.start()
    yield server
    server.release()
    server.stop()


@pytest.fixture
def page(browser, slow):
    ctx = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo", base_url=slow.url, bypass_csp=True)
    ctx.add_init_script(RECORD)
    page = ctx.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    ctx.close()


def shorten(page, **limits):
    """Set the engine's limits (engine.js) while the page runs; takes effect at the worker's next message."""
    page.evaluate("""async (limits) => {
        const engine = await import(new URL('../assets/javascripts/estimator/engine.js', location.href).href);
        Object.assign(engine.limits, limits);
    }""", limits)


def test_the_bar_shows_the_download_then_starting_then_nothing_and_says_so_once(page):
    page.goto("estimate/")
    bar = page.locator("[data-est=progress]")
    expect(bar).to_be_visible(timeout=10_000)
    assert bar.get_attribute("role") == "progressbar" and bar.get_attribute("aria-label") == "計算の準備"
    assert bar.get_attribute("aria-valuemin") == "0" and bar.get_attribute("aria-valuemax") == "100"
    page.wait_for_selector(f"{ROOT}[data-source=python]", timeout=120_000)
    expect(bar).to_be_hidden()
    states = [s.split("|") for s in page.evaluate("window.__seen.progress")]
    downloading = [s for s in states if s[0] == "false" and s[1]]
    percents = [int(s[1]) for s in downloading]
    assert len(percents) >= 5 and percents == sorted(percents) and percents[-1] >= 90, percents
    assert all(s[3].startswith("読み込み中 ") and s[3].endswith(" MB") and "%" in s[2] for s in downloading)
    # Then 準備中 while Python starts: no value (indeterminate), then hidden once ready.
    assert ["false", "", "準備中", "計算の準備中"] in states, states[-4:]
    assert states[-1][0] == "true"
    # Screen readers hear the preparation once, not at every step.
    said = page.evaluate("window.__seen.said")
    assert said.count(LOADING_TEXT) == 1 and said[0] == LOADING_TEXT, said
    assert "計算の準備ができました" in page.locator("[data-est=status-text]").inner_text()
    assert page.errors == []


def test_what_is_ticked_and_typed_before_python_is_ready_is_estimated_as_soon_as_it_is(page):
    page.goto("estimate/", wait_until="domcontentloaded")
    page.check("#t-payroll-selected")
    page.fill("#t-payroll-quantity", "14")
    page.fill("#f-budget", "30000")
    assert page.get_attribute(ROOT, "data-source") == "default"  # Python was not ready yet
    page.wait_for_selector(f"{ROOT}[data-source=python]", timeout=120_000)
    view = engine({"tasks": [{"id": "payroll", "selected": True, "quantity": "14"}], "budget_yen": "30000"})["view"]
    expect(page.locator("[data-est=hours]")).to_contain_text(view["hours"]["monthly_typical"])
    expect(page.locator("[data-est=bar-hours]")).to_have_text(view["bar"]["hours"])
    assert page.errors == []


@pytest.mark.parametrize("touch", [False, True], ids=["untouched", "touched"])
def test_python_starts_once_the_page_has_settled_or_at_the_first_touch(page, touch):
    # No idle moment ever (as on a page kept busy): Python waits for the client's first touch of the form,
    # or for the longest wait after load (engine.js `limits.settleMaxMs`, 3 s), whichever comes first.
    page.add_init_script("window.requestIdleCallback = () => 0;")
    page.goto("estimate/")
    page.wait_for_load_state("load")
    touched = page.evaluate("performance.now()")
    if touch:
        page.check("#t-payroll-selected")
    page.wait_for_selector(f"{ROOT}[data-source=python]", timeout=120_000)
    allowed = page.evaluate("performance.getEntriesByName('estimator:start-allowed')[0].startTime")
    loaded = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    if touch:
        assert touched <= allowed < loaded + 2900, (touched, allowed, loaded)
    else:
        assert allowed >= loaded + 2900, (allowed, loaded)


def test_a_stalled_download_says_so_and_a_retry_resumes_from_what_arrived(page, slow):
    slow.stall("/python_stdlib.zip", after=64 * 1024)  # arrives after the WebAssembly, then stops
    page.goto("estimate/", wait_until="domcontentloaded")
    shorten(page, stallMs=2000)
    fallback = page.locator("[data-est=fallback]")
    expect(fallback).to_be_visible(timeout=120_000)
    assert page.get_attribute(ROOT, "data-failure") == "stalled"
    said = fallback.inner_text()
    assert "通信が止まった" in said and "読み込めた分" in said
    assert "ブラウザーでは" not in said and "WebAssembly" not in said  # the browser is not blamed
    link = fallback.locator("a[href$='guide/tasks/#tasks-catalog']")
    expect(link).to_be_visible()
    expect(page.locator("[data-est=progress]")).to_be_hidden()
    wasm_before = [r for r in slow.requests if r[0].endswith("pyodide.asm.wasm") and r[1] == 200]
    assert len(wasm_before) == 1

    # The connection is gone: said as such.
    page.context.set_offline(True)
    page.get_by_role("button", name="もう一度試す").click()
    expect(fallback).to_be_visible(timeout=30_000)
    expect(page.locator("[data-est=fallback-reason]")).to_contain_text("インターネットに接続されていない")
    page.context.set_offline(False)

    slow.release()
    page.fill("#f-budget", "45000")
    page.get_by_role("button", name="もう一度試す").click()
    expect(fallback).to_be_hidden()
    page.wait_for_selector(f"{ROOT}[data-source=python]", timeout=120_000)
    # The WebAssembly had arrived: it came from the browser's cache, not again over the link.
    assert [r for r in slow.requests if r[0].endswith("pyodide.asm.wasm") and r[1] == 200] == wasm_before
    view = engine({"budget_yen": "45000"})["view"]
    expect(page.locator("[data-est=bar-budget]")).to_have_text(view["bar"]["budget"])
    assert page.errors == []


def test_a_start_that_fails_after_the_files_arrived_is_not_blamed_on_the_network(page):
    page.route("**/estimator.zip", lambda route: route.fulfill(status=200, body=b"not a zip", content_type="application/zip"))
    page.goto("estimate/")
    fallback = page.locator("[data-est=fallback]")
    expect(fallback).to_be_visible(timeout=120_000)
    assert page.get_attribute(ROOT, "data-failure") == "start"
    expect(page.locator("[data-est=fallback-reason]")).to_have_text("計算のプログラムは読み込めましたが、起動できませんでした。")
    assert "通信" not in page.locator("[data-est=fallback-reason]").inner_text()
    expect(page.get_by_role("button", name="もう一度試す")).to_be_visible()
