"""The deployment headers (site/_headers, written at build by overrides/hooks/deploy_headers.py): the built
site served the way Netlify or Cloudflare Pages would serve it with that file, Content-Security-Policy
included, and every page, the search and the estimator still work with no CSP violation."""

from __future__ import annotations

import importlib.util
import re
import urllib.request

import pytest
from playwright.sync_api import expect

from site_support import ROOT, SITE, built_pages

# deploy/preview.py: the local server that answers like the host, with the headers of site/_headers.
_spec = importlib.util.spec_from_file_location("preview", ROOT / "deploy" / "preview.py")
preview = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(preview)
deploy_headers = preview.deploy_headers

PAGES = built_pages()

# Recorded in every page before its own scripts run (init scripts are not subject to the page's CSP).
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(
  `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));
"""


@pytest.fixture(scope="module")
def host_url():
    if not (SITE / "_headers").is_file():
        pytest.fail("site/ is not built or has no _headers: run `make build` (make test does it)")
    server, url = preview.host_server(SITE)
    yield url
    server.shutdown()
    server.server_close()


def open_page(browser, base_url):
    ctx = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo", base_url=base_url)
    ctx.add_init_script(LISTEN)
    page = ctx.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    # Console messages of the page and of its workers (Pyodide, Pagefind); Chromium reports CSP refusals there.
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
            if m.type == "error" or "Content Security Policy" in m.text else None)
    page.problems = problems
    return page


@pytest.fixture
def csp_page(browser, host_url):
    page = open_page(browser, host_url)
    yield page
    page.context.close()


def assert_clean(page):
    violations = page.evaluate("window.__cspViolations")
    assert not violations, violations
    assert not page.problems, page.problems


def fetch_headers(url: str):
    with urllib.request.urlopen(url) as response:
        return response.headers


def test_committed_deploy_files_match_the_build():
    hashes = deploy_headers.inline_script_hashes(SITE)
    fix = "refresh them: .venv/bin/python overrides/hooks/deploy_headers.py (after make build), then commit"
    assert (ROOT / "deploy" / "_headers").read_text(encoding="utf-8") == (SITE / "_headers").read_text(encoding="utf-8"), fix
    assert (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8") == deploy_headers.render_nginx(hashes), fix


def test_inline_scripts_name_no_file_whose_path_changes_with_its_content():
    # The committed deploy/ files hold the inline scripts' hashes. A path with a content hash in it (the
    # trimmed library and the estimator change with every build of the engine) would change them on every build, and the check above
    # would fail on a fresh clone.
    for page in SITE.rglob("*.html"):
        for body in deploy_headers.inline_scripts(page.read_text(encoding="utf-8")):
            assert "assets/estimator/" not in body and "assets/pyodide/" not in body, page


def test_policy_hashes_every_inline_script_and_allows_nothing_from_elsewhere():
    rules = deploy_headers.parse_headers((SITE / "_headers").read_text(encoding="utf-8"))
    policy = dict(deploy_headers.headers_for(rules, "/"))["Content-Security-Policy"]
    assert policy.startswith("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-")
    assert "unsafe-inline" not in policy and "'unsafe-eval'" not in policy
    assert not re.search(r"https?:|\*", policy), policy
    assert "frame-ancestors 'none'" in policy
    # Material's base.html writes its scripts for each page depth; the estimator page adds one.
    assert len(re.findall(r"'sha256-", policy)) >= 5


def test_host_headers_types_and_cache_lifetimes(host_url):
    page = fetch_headers(host_url + "guide/pricing/")
    assert page["Content-Security-Policy"].startswith("default-src 'self'")
    assert page["X-Content-Type-Options"] == "nosniff"
    assert page["Referrer-Policy"] == "same-origin"
    assert "camera=()" in page["Permissions-Policy"]
    assert "immutable" not in page["Cache-Control"]
    runtime = next((SITE / "assets" / "pyodide").glob("*/pyodide.asm.wasm")).relative_to(SITE).as_posix()
    wasm = fetch_headers(host_url + runtime)
    assert wasm["Content-Type"] == "application/wasm"
    assert wasm["Cache-Control"] == "public, max-age=31536000, immutable"
    bundle = next((SITE / "assets" / "javascripts").glob("bundle.*.min.js")).relative_to(SITE).as_posix()
    assert "immutable" in fetch_headers(host_url + bundle)["Cache-Control"]
    # Not versioned: must revalidate, or a deploy would leave old copies in browsers.
    assert "immutable" not in fetch_headers(host_url + "pagefind/pagefind.js")["Cache-Control"]
    rules = deploy_headers.parse_headers((SITE / "_headers").read_text(encoding="utf-8"))
    assert ("Content-Type", "application/wasm") in deploy_headers.headers_for(rules, "/" + runtime)
    assert ("Content-Type", "text/javascript") in deploy_headers.headers_for(rules, "/assets/x/pyodide.mjs")


def test_the_check_sees_a_violation_when_a_hash_is_missing(browser):
    # The same site with one of the page's inline scripts left out of the policy must be caught.
    html = (SITE / "guide" / "pricing" / "index.html").read_text(encoding="utf-8")
    missing = deploy_headers.script_hash(deploy_headers.inline_scripts(html)[-1])
    hashes = [h for h in deploy_headers.inline_script_hashes(SITE) if h != missing]
    server, url = preview.host_server(SITE, deploy_headers.header_rules(hashes))
    page = open_page(browser, url)
    try:
        page.goto("guide/pricing/")
        page.wait_for_load_state("load")
        assert any(v.startswith("script-src") for v in page.evaluate("window.__cspViolations"))
        assert any("Content Security Policy" in p for p in page.problems)
    finally:
        page.context.close()
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("url", PAGES, ids=[u or "home" for u in PAGES])
def test_every_page_runs_its_scripts_under_the_policy(csp_page, url):
    csp_page.goto(url)
    # Material's bundle ran (it swaps no-js for js) and so did its inline scripts (__md_get).
    expect(csp_page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    assert csp_page.evaluate("typeof __md_get") == "function"
    csp_page.wait_for_load_state("load")
    assert_clean(csp_page)


def test_not_found_page_under_the_policy(csp_page):
    csp_page.goto("no-such-page/")
    expect(csp_page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    # Chromium logs the page's own 404 status as a console error: expected here, nothing else.
    csp_page.problems[:] = [p for p in csp_page.problems if "status of 404" not in p]
    assert_clean(csp_page)


def test_search_runs_pagefind_under_the_policy(csp_page):
    csp_page.goto("guide/flow/")
    box = csp_page.get_by_role("searchbox", name="サイト内を検索")
    box.click()
    box.fill("支払い方法")
    expect(csp_page.locator("#site-search-results .md-search-result__item").first).to_be_visible(timeout=20_000)
    assert_clean(csp_page)


def test_estimator_computes_in_python_under_the_policy(csp_page):
    csp_page.goto("estimate/")
    # The worker, Pyodide's WebAssembly, the trimmed library and the estimator all ran: the result now comes from Python.
    csp_page.wait_for_selector("#estimator[data-source=python]", timeout=60_000)
    assert_clean(csp_page)


def test_estimator_after_instant_navigation_under_the_policy(csp_page):
    csp_page.goto("")
    csp_page.locator(".md-nav__link", has_text="お見積もり").first.click()
    csp_page.wait_for_url(re.compile(r"/estimate/$"))
    csp_page.wait_for_selector("#estimator[data-source=python]", timeout=60_000)
    assert_clean(csp_page)
