"""Browser tests of the estimator page: the built site (make build → site/) served on 127.0.0.1 and
driven in Debian's chromium through Playwright. Nothing is built here."""

from __future__ import annotations

from pathlib import Path

import pytest

from served_site import serve_copy

SITE = Path(__file__).resolve().parents[2] / "site"


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    server, url = serve_copy(SITE, tmp_path_factory.mktemp("served"))
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture
def context(browser, site_url):
    ctx = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo", base_url=site_url, accept_downloads=True)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    page.close()
