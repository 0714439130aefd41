"""Serve the built site locally the way a static host serves it: every response gets the headers that the
site's `_headers` file gives its path (the Content-Security-Policy included), files with no Cache-Control
rule get the hosts' default (revalidate), a file with a precompressed `.br` or `.gz` next to it (written
at build by overrides/hooks/precompress.py) is sent as that, the way nginx's `brotli_static` and
`gzip_static` do (deploy/nginx.conf), and a missing page gets 404.html.

    .venv/bin/python deploy/preview.py            # site/ on http://127.0.0.1:8000/
    .venv/bin/python deploy/preview.py site 8080
    .venv/bin/python deploy/preview.py site 8080 /guide/   # under a sub-path, as a project page

Used by tests/site_quality/test_csp.py and bench/site.py, so that they see what production sends.
"""

from __future__ import annotations

import email.utils
import functools
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
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))  # in order of preference


def precompressed(path: Path, accept_encoding: str) -> tuple[Path, str | None]:
    """The file to send for `path` and its Content-Encoding: its `.br` or `.gz` sibling when the client
    accepts that encoding and the build wrote one, else the file itself (None)."""
    accepted = {part.split(";")[0].strip() for part in accept_encoding.split(",")}
    for encoding, suffix in ENCODINGS:
        sibling = path.with_name(path.name + suffix)
        if encoding in accepted and sibling.is_file():
            return sibling, encoding
    return path, None


def host_server(directory: Path, rules=None, port: int = 0, prefix: str = "/"):
    """Serve `directory` with the headers of its `_headers` (or `rules`), under the path `prefix` (a project
    page of a static host lives under one, e.g. "/guide/"); returns the server and its URL."""
    if rules is None:
        rules = deploy_headers.parse_headers((directory / "_headers").read_text(encoding="utf-8"))

    class HostHandler(Handler):
        def parse_request(self):
            ok = super().parse_request()
            if ok and prefix != "/":
                # The site's own paths below the prefix; anything outside it is not the site's (404).
                self.path = "/" + self.path[len(prefix):] if self.path.startswith(prefix) else "/__outside-the-site__/"
            return ok

        def do_GET(self):
            self.send_file(head=False)

        def do_HEAD(self):
            self.send_file(head=True)

        def send_file(self, head: bool):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                if not self.path.split("?")[0].endswith("/"):
                    return super().do_HEAD() if head else super().do_GET()  # the redirect to the folder
                path = path / "index.html"
            if not path.is_file():
                return super().do_HEAD() if head else super().do_GET()  # 404.html
            sent, encoding = precompressed(path, self.headers.get("Accept-Encoding", ""))
            stat = path.stat()
            since = self.headers.get("If-Modified-Since")
            if since and email.utils.parsedate_to_datetime(since).timestamp() >= int(stat.st_mtime):
                self.send_response(304)
                self.end_headers()
                return
            kind = self.guess_type(str(path))
            body = sent.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
            if encoding:
                self.send_header("Content-Encoding", encoding)
            if path.with_name(path.name + ".gz").is_file():
                self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
            self.end_headers()
            if not head:
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
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


if __name__ == "__main__":
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    server, url = host_server(site, port=int(sys.argv[2]) if len(sys.argv) > 2 else 8000,
                              prefix=sys.argv[3] if len(sys.argv) > 3 else "/")
    print(f"serving {site} with its _headers on {url} (Ctrl+C stops)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()
