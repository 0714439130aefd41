"""Serve the built site locally the way Netlify or Cloudflare Pages serve it: every response gets the
headers that the site's `_headers` file gives its path (the Content-Security-Policy included), files with
no Cache-Control rule get those hosts' default (revalidate), text files are sent gzip-compressed as every
such host (and deploy/nginx.conf) does, and a missing page gets 404.html.

    .venv/bin/python deploy/preview.py            # site/ on http://127.0.0.1:8000/
    .venv/bin/python deploy/preview.py site 8080

Used by tests/site_quality/test_csp.py and bench/site.py, so that they see what production sends.
"""

from __future__ import annotations

import email.utils
import functools
import gzip
import importlib.util
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from served_site import Handler, Server  # noqa: E402  (the shared local server of the tests)

_spec = importlib.util.spec_from_file_location("deploy_headers", ROOT / "overrides" / "hooks" / "deploy_headers.py")
deploy_headers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(deploy_headers)

HOST_DEFAULT_CACHE = "public, max-age=0, must-revalidate"
COMPRESSED = ("text/", "application/javascript", "application/json", "application/wasm", "image/svg+xml")


def host_server(directory: Path, rules=None, port: int = 0):
    """Serve `directory` with the headers of its `_headers` (or `rules`); returns the server and its URL."""
    if rules is None:
        rules = deploy_headers.parse_headers((directory / "_headers").read_text(encoding="utf-8"))
    packed: dict[tuple[str, float], bytes] = {}

    class HostHandler(Handler):
        def do_GET(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            kind = self.guess_type(str(path))
            if not (path.is_file() and kind.startswith(COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", "")
                    and self.path.split("?")[0].endswith(("/", path.name))):
                return super().do_GET()
            stat = path.stat()
            since = self.headers.get("If-Modified-Since")
            if since and email.utils.parsedate_to_datetime(since).timestamp() >= int(stat.st_mtime):
                self.send_response(304)
                self.end_headers()
                return
            key = (str(path), stat.st_mtime)
            if key not in packed:
                packed[key] = gzip.compress(path.read_bytes(), 6)
            body = packed[key]
            self.send_response(200)
            self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
            self.end_headers()
            self.wfile.write(body)

        def end_headers(self):
            headers = deploy_headers.headers_for(rules, urlsplit(self.path).path)
            for name, value in headers:
                if name != "Content-Type":  # Handler already sends the same types for these files
                    self.send_header(name, value)
            if not any(name == "Cache-Control" for name, _ in headers):
                self.send_header("Cache-Control", HOST_DEFAULT_CACHE)
            super().end_headers()

    server = Server(("127.0.0.1", port), functools.partial(HostHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


if __name__ == "__main__":
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    server, url = host_server(site, port=int(sys.argv[2]) if len(sys.argv) > 2 else 8000)
    print(f"serving {site} with its _headers on {url} (Ctrl+C stops)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()
