"""Serving the built site on 127.0.0.1 and launching Debian's chromium: shared by the browser tests."""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


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
        not_found = Path(self.directory) / "404.html"
        if code == 404 and not_found.is_file():
            body = not_found.read_bytes()
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

    def handle_error(self, request, client_address):
        # The browser cancels requests it no longer needs (navigation, aborted routes): not an error.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(directory: Path, headers: dict[str, str] | None = None):
    """Serve `directory` on a free port; returns the server (shut it down) and its base URL."""
    handler = type("SiteHandler", (Handler,), {"extra_headers": headers or {}})
    server = Server(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def serve_copy(site: Path, scratch: Path):
    """Serve a copy of the built `site` made in `scratch`: a rebuild elsewhere during the run (another
    `make build`) cannot pull pages away mid-test. Returns the server (shut it down) and its base URL."""
    if not (site / "index.html").is_file():
        raise FileNotFoundError("site/ is not built: run `make build` (make test does it)")
    served = scratch / "site"
    shutil.copytree(site, served)
    return serve(served)
