"""The staff page (docs/staff-links.md): its sample estimate link opens exactly the estimate the page
describes, and the notices it quotes are the ones the estimator really shows.

The sample link is a literal state string in the page. It stays valid while the catalog keeps the
task ids (they are permanent) and their names; the starting input may change (a link names every task
it ticks). When a task's name changes, these tests fail and say how to make a new string.
"""

from __future__ import annotations

import base64
import json
import re
import zlib
from pathlib import Path
from urllib.parse import unquote, urlparse

from playwright.sync_api import expect

from estimator.browser import estimate, restore
from estimator.inputs import PRIORITY_NAMES
from estimator.state import VERSION as STATE_VERSION

ROOT = "#estimator"
SITE = Path(__file__).resolve().parents[2] / "site"
SAMPLE = "xpath=//h2[@id='staff-links-sample']/following::"
NOTICES = "xpath=//h2[@id='staff-links-client-view']/following::table[1]"
REGENERATE = ("regenerate the sample link in docs/staff-links.md: .venv/bin/python -c \"from estimator.browser "
              "import estimate; print(estimate({...the tasks of the page's table...})['state'])\"")


def sample_state(html: str) -> str:
    link = re.search(r'<a href="[^"]*#s=([^"]+)"[^>]*>見本の見積もりを開く</a>', html)
    assert link, "the staff page has no sample estimate link"
    return unquote(link.group(1))


def sample_rows(html: str) -> list[tuple[str, str, str]]:
    """The sample's table on the built page: (task name, volume, priority name) per row."""
    section = html.split('id="staff-links-sample"', 1)[1]
    table = section.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    return [tuple(re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", row, re.S)) for row in rows]


def test_the_sample_state_restores_exactly_the_tasks_the_page_names():
    html = (SITE / "staff-links" / "index.html").read_text(encoding="utf-8")
    state, rows = sample_state(html), sample_rows(html)
    assert len(rows) >= 2
    restored = restore(state)
    assert restored["notices"] == [], f"{restored['notices']}: {REGENERATE}"
    view = estimate(restored["input"])
    assert view["errors"] == []
    lines = [(line["name"], line["volume"]) for line in view["view"]["hours"]["lines"]]
    assert lines == [(name, volume) for name, volume, _ in rows], REGENERATE
    priorities = {t["id"]: PRIORITY_NAMES[t["priority"]] for t in restored["input"]["tasks"] if t["selected"]}
    names = {line["task_id"]: line["name"] for line in view["view"]["hours"]["lines"]}
    assert sorted((names[i], p) for i, p in priorities.items()) == sorted((n, p) for n, _, p in rows), REGENERATE


def instant_navigation(page, site_url):
    # Material navigates instantly only to the URLs of its sitemap, which names site_url's port (8000);
    # hand it the same sitemap with the test server's port (as on the published site).
    port = urlparse(site_url).port
    page.route("**/sitemap.xml", lambda route: route.fulfill(
        content_type="application/xml", body=route.fetch().text().replace("127.0.0.1:8000", f"127.0.0.1:{port}")))


def test_clicking_the_sample_link_replaces_saved_input_with_the_tasks_named_on_the_page(page, site_url):
    instant_navigation(page, site_url)
    # A staff member's own unfinished estimate, saved in this browser.
    page.goto("estimate/")
    page.wait_for_selector(f"{ROOT}[data-source=python]", timeout=60_000)
    page.check("#t-payroll-selected")
    page.fill("#f-notes", "作りかけのメモ")
    page.wait_for_function("(localStorage.getItem('estimator:input:v1') || '').includes('作りかけのメモ')")

    documents = []
    page.on("request", lambda request: request.resource_type == "document" and documents.append(request.url))
    page.goto("staff-links/")
    rows = page.locator(SAMPLE + "table[1]//tbody/tr")
    named = [tuple(rows.nth(i).locator("td").all_inner_texts()) for i in range(rows.count())]
    assert len(named) >= 2
    page.locator(SAMPLE + "a[contains(@href, '#s=')][1]").click()
    page.wait_for_url(re.compile(r"/estimate/"))
    notices = page.locator("[data-est=notices]")
    expect(notices).to_have_text("共有リンクの内容を読み込みました。", timeout=60_000)
    assert documents == [site_url + "staff-links/"], "the sample link did not open by instant navigation"

    ticked = page.locator("li[data-task]:has(input[name$='.selected']:checked)")
    expect(ticked).to_have_count(len(named))
    for name, volume, priority in named:
        task = page.locator("li[data-task]", has=page.get_by_text(name, exact=True))
        task_id = task.get_attribute("data-task")
        assert page.is_checked(f"#t-{task_id}-selected"), name
        expect(page.locator(f"#t-{task_id}-priority option:checked")).to_have_text(priority)
        assert page.input_value(f"#t-{task_id}-quantity") == re.search(r"(\d+(?:\.\d+)?)\D*$", volume).group(1)
        row = page.locator(f"[data-est=hours] tr[data-task='{task_id}']")
        expect(row).to_contain_text(name)
        expect(row).to_contain_text(volume)
    expect(page.locator("[data-est=hours] tbody tr[data-task]")).to_have_count(len(named))
    assert page.input_value("#f-industry") == "ネットショップ"
    assert page.input_value("#f-notes") == ""  # the saved input was replaced, as the page says
    assert "作りかけのメモ" not in page.evaluate("localStorage.getItem('estimator:input:v1')")
    assert "#s=" not in page.url
    assert page.errors == []


def notice_for(page, situation: str) -> str:
    row = page.locator(NOTICES + "//tbody/tr", has=page.get_by_text(situation))
    return row.locator("td").nth(1).inner_text()


def state_with_unknown_task(task_id: str) -> str:
    # A link made before the task left the catalog: the state format of estimator/state.py.
    data = json.dumps({"t": [[task_id, 1, 2, 1, 1]]}).encode()
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return f"{STATE_VERSION}." + base64.urlsafe_b64encode(packer.compress(data) + packer.flush()).decode().rstrip("=")


def test_the_notices_the_page_quotes_are_the_ones_clients_see(page):
    page.goto("staff-links/")
    removed = notice_for(page, "なくなっていた")
    broken = notice_for(page, "途中で切れていた")
    failed = notice_for(page, "準備ができなかった")
    assert "（業務のID）" in removed

    page.goto(f"estimate/#s={state_with_unknown_task('retired-task')}")
    notices = page.locator("[data-est=notices]")
    expect(notices).to_have_text(removed.replace("（業務のID）", "retired-task"), timeout=60_000)
    page.goto("staff-links/")  # a new document, so the next link is read on load again
    page.goto("estimate/#s=1.cut-off-link")
    expect(notices).to_have_text(broken, timeout=60_000)

    page.route("**/assets/pyodide/**", lambda route: route.abort())
    page.route("**/assets/estimator/**", lambda route: route.abort())
    page.goto("staff-links/")
    page.goto(f"estimate/#s={estimate({})['state']}")
    expect(notices).to_have_text(failed, timeout=10_000)
    assert page.errors == []
