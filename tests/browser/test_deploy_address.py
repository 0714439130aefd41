"""The site on a real host's terms: under a sub-path (a project page), with and without its own address.

- The built site (no SITE_URL, as `make test` builds it) served under /pfx/: the estimator computes, the
  search finds and links inside /pfx/, copy-link gives the address the page was opened at, and Material's
  instant navigation works (overrides/main.html completes the relative sitemap).
- The site built again with SITE_URL=https://example.org/guide/ (into a temporary folder): canonical links,
  Open Graph, the sitemap and the copy-link buttons name that address, and no file names 127.0.0.1.
"""

from __future__ import annotations

import datetime
import importlib.util
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from estimator.browser import estimate

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
PREFIX = "/pfx/"
ADDRESS = "https://example.org/guide/"

_spec = importlib.util.spec_from_file_location("preview", ROOT / "deploy" / "preview.py")
preview = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(preview)


def deploy_headers():
    return preview.deploy_headers


def serve(site: Path, prefix: str):
    if not (site / "index.html").is_file():
        pytest.fail(f"{site} is not built: run `make build` (make test does it)")
    return preview.host_server(site, prefix=prefix)


@pytest.fixture(scope="module")
def under_prefix():
    server, url = serve(SITE, PREFIX)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(browser, under_prefix):
    ctx = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo", base_url=under_prefix)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=under_prefix.split(PREFIX)[0])
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    ctx.close()
    assert errors == []


def copy_heading_link(page, heading_id: str) -> str:
    heading = page.locator(f"#{heading_id}")
    heading.hover()
    heading.get_by_role("button", name="リンクをコピー", exact=True).click()
    expect(page.locator("#copy-link-status")).to_have_text("リンクをコピーしました")
    return page.evaluate("navigator.clipboard.readText()")


def test_the_estimator_computes_under_a_sub_path(page, under_prefix):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto("estimate/")
    page.wait_for_selector("#estimator[data-source=python]", timeout=120_000)
    page.check("#t-payroll-selected")
    today = datetime.datetime.now(ZoneInfo("Asia/Tokyo")).date().isoformat()
    hours = estimate({"today": today, "tasks": [{"id": "payroll", "selected": True}]})["view"]["hours"]["monthly_typical"]
    expect(page.locator("[data-est=hours]")).to_contain_text(hours)
    assert all(url.startswith(under_prefix) for url in requests), [u for u in requests if not u.startswith(under_prefix)]


def test_search_and_copy_link_under_a_sub_path(page, under_prefix):
    page.goto("")
    page.wait_for_function("window.siteSearch")
    page.keyboard.press("/")
    page.get_by_role("searchbox", name="サイト内を検索").fill("途中で解約")
    first = page.locator("#site-search-results .site-search-result").first
    expect(first).to_have_attribute("data-url", "faq/#contract-cancel")
    assert first.get_by_role("link").first.evaluate("a => a.href") == under_prefix + "faq/#contract-cancel"
    first.get_by_role("link").first.click()
    page.wait_for_url(under_prefix + "faq/#contract-cancel")
    assert copy_heading_link(page, "fee-price") == under_prefix + "faq/#fee-price"


def test_instant_navigation_works_under_a_sub_path_without_an_address(page, under_prefix):
    documents = []
    page.on("request", lambda r: r.resource_type == "document" and documents.append(r.url))
    page.goto("guide/flow/")
    page.wait_for_load_state("networkidle")
    page.locator(".md-nav__link", has_text="よくある質問").first.click()
    page.wait_for_url(re.compile(r"/pfx/faq/$"))
    expect(page.locator("h1")).to_contain_text("よくある質問")
    assert documents == [under_prefix + "guide/flow/"], "Material did a full page load: no instant navigation"
    # The copied address follows the page the navigation arrived at.
    assert copy_heading_link(page, "fee-price") == under_prefix + "faq/#fee-price"


# ---- built with its own address -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def addressed_site(tmp_path_factory):
    """This project built again with SITE_URL (the hooks are the same; only the address differs)."""
    out = tmp_path_factory.mktemp("addressed") / "site"
    env = {**os.environ, "SITE_URL": ADDRESS, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict", "-q", "-d", str(out)],
                   cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
    return out


def test_a_build_with_an_address_names_it_in_links_and_the_sitemap(addressed_site):
    html = (addressed_site / "guide" / "pricing" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{ADDRESS}guide/pricing/">' in html
    assert f'<meta property="og:url" content="{ADDRESS}guide/pricing/">' in html
    assert f'data-site-url="{ADDRESS}"' in html
    assert "siteSitemap" not in html  # Material reads the sitemap as it is
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text for loc in ET.parse(addressed_site / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    assert locs and all(loc.startswith(ADDRESS) for loc in locs) and ADDRESS + "guide/pricing/" in locs
    # The 404 page is served at any depth: its links start from the site's path.
    assert 'href="/guide/assets/stylesheets/' in (addressed_site / "404.html").read_text(encoding="utf-8")
    text = [p for p in addressed_site.rglob("*") if p.suffix in {".html", ".xml", ".js", ".json"} or p.name == "_headers"]
    assert not [p.name for p in text if "127.0.0.1" in p.read_text(encoding="utf-8", errors="replace")]
    # The committed deploy files (made from a build without an address) allow every inline script of the
    # pages; only the 404 page's names the sub-path (its links start from it), and site/_headers has it.
    headers = deploy_headers()
    hashes = {headers.script_hash(body) for page in addressed_site.rglob("*.html") if page.name != "404.html"
              or page.parent != addressed_site for body in headers.inline_scripts(page.read_text(encoding="utf-8"))}
    committed = set(re.findall(r"'sha256-[^']+'", (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")))
    assert hashes and hashes <= committed
    assert hashes <= set(re.findall(r"'sha256-[^']+'", (addressed_site / "_headers").read_text(encoding="utf-8")))


def test_copy_link_gives_the_public_address(browser, addressed_site):
    server, url = serve(addressed_site, "/guide/")
    ctx = browser.new_context(locale="ja-JP", base_url=url)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.split("/guide/")[0])
    try:
        page = ctx.new_page()
        page.goto("faq/")
        assert copy_heading_link(page, "fee-price") == ADDRESS + "faq/#fee-price"
    finally:
        ctx.close()
        server.shutdown()
        server.server_close()
