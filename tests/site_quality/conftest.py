"""Site-quality tests: the built site (make build → site/) served on 127.0.0.1, driven in Debian's
chromium through Playwright. Nothing is built here."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from site_support import SITE

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
BROWSER_TESTS = {"test_links.py", "test_search.py", "test_every_page.py", "test_csp.py", "test_not_found.py"}


def pytest_collection_modifyitems(items):
    # Playwright's sync API allows one instance at a time, and tests/browser keeps its own open for the
    # whole session: these tests run first, each module with its own browser, closed at the module's end.
    here = Path(__file__).parent
    items.sort(key=lambda item: Path(str(item.fspath)).parent != here)
    for item in items:
        path = Path(str(item.fspath))
        if path.parent == Path(__file__).parent and path.name in BROWSER_TESTS:
            item.add_marker(pytest.mark.browser)


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".mjs": "text/javascript", ".js": "text/javascript", ".gz": "application/gzip",
                      ".pf_meta": "application/octet-stream", ".pf_fragment": "application/octet-stream",
                      ".pf_index": "application/octet-stream", ".pagefind": "application/octet-stream"}
    extra_headers: dict[str, str] = {}

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        # Serve the site's own 404 page, as a static host does.
        if code == 404 and (SITE / "404.html").is_file():
            body = (SITE / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


def serve(headers: dict[str, str] | None = None):
    handler = type("SiteHandler", (Handler,), {"extra_headers": headers or {}})
    server = Server(("127.0.0.1", 0), functools.partial(handler, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url():
    if not (SITE / "index.html").is_file():
        pytest.fail("site/ is not built: run `make build` (make test does it)")
    server, url = serve()
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


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
