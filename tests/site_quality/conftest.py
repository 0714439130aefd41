"""Site-quality tests: the built site (make build → site/) served on 127.0.0.1, driven in Debian's
chromium through Playwright. Nothing is built here."""

from __future__ import annotations

from pathlib import Path

import pytest

from served_site import serve as serve_directory
from site_support import SITE

BROWSER_TESTS = {"test_links.py", "test_search.py", "test_answer_list.py", "test_every_page.py", "test_csp.py", "test_palette.py"}


def pytest_collection_modifyitems(items):
    for item in items:
        path = Path(str(item.fspath))
        if path.parent == Path(__file__).parent and path.name in BROWSER_TESTS:
            item.add_marker(pytest.mark.browser)


def serve(headers: dict[str, str] | None = None):
    return serve_directory(SITE, headers)


@pytest.fixture(scope="session")
def site_url():
    if not (SITE / "index.html").is_file():
        pytest.fail("site/ is not built: run `make build` (make test does it)")
    server, url = serve()
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture
def context(browser, site_url):
    ctx = browser.new_context(locale="ja-JP", timezone_id="Asia/Tokyo", base_url=site_url)
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    assert not page.errors, page.errors
    page.close()
