"""Speed of the estimator page in headless Chromium (Debian's chromium through Playwright), on localhost.

Compares, cold (new browser context, empty cache) and warm (second visit in the same context), median of
5 runs each (the first visit's tab is closed before the second visit):
- the estimator page: navigation start → first estimate computed by Python and on screen
  (the page's `estimator:first-estimate` performance measure);
- a bare page that only calls loadPyodide() in a module worker from the same self-hosted files:
  navigation start → loadPyodide() resolved (message received on the main thread).
Then input → updated result (the page's `estimator:update` measures, from the input event to the DOM
updated with Python's answer) over 60 changes, p50/p95; and the bytes the server sent for a first and a
second visit, uncompressed (bench/first_visit.py counts them as a host sends them, through a phone's link). The server sends `Cache-Control: max-age=31536000, immutable` for the versioned/hashed
files under assets/pyodide/<version>/ and assets/estimator/<hash>/ and `no-cache` for the rest, as the
README recommends for a host.

Run after `make build`: `.venv/bin/python bench/page.py` (writes bench/results/page.json too).
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
RUNS = 5
CHANGES = 60
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
PYODIDE = json.loads((ROOT / "node_modules/pyodide/package.json").read_text())["version"]

BARE_HTML = f"""<!doctype html><html lang="en"><meta charset="utf-8"><title>bare</title><body><p id="s">loading</p>
<script type="module">
const w = new Worker("/__bench/bare-worker.js", {{type: "module"}});
w.onmessage = (e) => {{ window.__ready = performance.now(); document.getElementById("s").textContent = e.data; }};
</script></body></html>"""
BARE_WORKER = f"""import {{ loadPyodide }} from "/assets/pyodide/{PYODIDE}/pyodide.mjs";
await loadPyodide({{ indexURL: "/assets/pyodide/{PYODIDE}/" }});
postMessage("ready");"""
EXTRA = {"/__bench/bare.html": ("text/html; charset=utf-8", BARE_HTML),
         "/__bench/bare-worker.js": ("text/javascript", BARE_WORKER)}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".mjs": "text/javascript", ".js": "text/javascript", ".gz": "application/gzip"}
    sent = 0
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def end_headers(self):
        immutable = self.path.startswith(f"/assets/pyodide/{PYODIDE}/") or self.path.startswith("/assets/estimator/")
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-cache")
        super().end_headers()

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path in EXTRA:
            kind, body = EXTRA[path]
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            self.count(len(data))
            return
        super().do_GET()

    def copyfile(self, source, outputfile):
        data = source.read()
        outputfile.write(data)
        self.count(len(data))

    @classmethod
    def count(cls, n):
        with cls.lock:
            Handler.sent += n


def serve(directory: Path = SITE):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def estimator_time(page, url):
    page.goto(url + "/estimate/")
    page.wait_for_selector("#estimator[data-source=python]", timeout=120_000)
    return page.evaluate("performance.getEntriesByName('estimator:first-estimate')[0].duration")


def bare_time(page, url):
    page.goto(url + "/__bench/bare.html")
    page.wait_for_function("window.__ready !== undefined", timeout=120_000)
    return page.evaluate("window.__ready")


def measure(p, url, fn):
    """Each run: a fresh profile on disk (cold), then a second visit in the same browser (warm).
    A disk-backed profile matters: an incognito context's in-memory cache drops entries the size of
    pyodide.asm.wasm, which would make every 'second visit' download it again."""
    cold, warm, bytes_cold, bytes_warm, extra = [], [], [], [], []
    for _ in range(RUNS):
        profile = tempfile.TemporaryDirectory()
        ctx = p.chromium.launch_persistent_context(profile.name, executable_path=CHROMIUM, args=ARGS)
        try:
            Handler.sent = 0
            first = ctx.new_page()
            value = fn(first, url)
            bytes_cold.append(Handler.sent)
            if isinstance(value, tuple):
                value, info = value
                extra.append(info)
            cold.append(value)
            # The first visit's tab is closed before the second visit, as when a visitor comes back later:
            # left open, its worker's 2 s warm-up (worker.js) would compete for the CPU with the second visit.
            first.close()
            time.sleep(0.5)  # let Chromium finish writing its caches
            Handler.sent = 0
            second = ctx.new_page()
            value = fn(second, url)
            second.close()
            bytes_warm.append(Handler.sent)
            warm.append(value[0] if isinstance(value, tuple) else value)
        finally:
            ctx.close()
            profile.cleanup()
    return {"cold_ms": cold, "warm_ms": warm, "cold_median_ms": statistics.median(cold),
            "warm_median_ms": statistics.median(warm), "first_visit_bytes": statistics.median(bytes_cold),
            "second_visit_bytes": statistics.median(bytes_warm)}


def input_latency(browser, url):
    ctx = browser.new_context()
    try:
        page = ctx.new_page()
        page.goto(url + "/estimate/")
        page.wait_for_selector("#estimator[data-source=python]", timeout=120_000)
        for i in range(CHANGES):
            field = ("#f-budget", "#t-payroll-selected", "#t-email-reply-quantity")[i % 3]
            # Scroll first, as a user does before typing: Playwright would otherwise scroll inside the
            # measured interval, and Material records every scroll position in history.replaceState.
            page.locator(field).scroll_into_view_if_needed()
            page.wait_for_timeout(200)
            if i % 3 == 0:
                page.fill(field, str(30000 + 1000 * i))
            elif i % 3 == 1:
                page.click(field)
            else:
                page.fill(field, str(1 + i % 7))
            page.wait_for_timeout(150)
        page.wait_for_timeout(500)  # the last change's twelve months
        entries = page.evaluate("performance.getEntriesByName('estimator:update')"
                                ".map(m => [m.duration, m.detail.python, m.detail.send, m.detail.render])")
        years = page.evaluate("performance.getEntriesByName('estimator:year').map(m => [m.duration, m.detail.python])")
    finally:
        ctx.close()
    p95 = lambda xs: sorted(xs)[max(0, round(0.95 * len(xs)) - 1)]  # noqa: E731
    # The rest of an update is the way to the worker and back: messages queued behind other work.
    entries = [[*e, e[0] - e[1] - e[2] - e[3]] for e in entries]
    parts = {"": 0, "python_": 1, "send_": 2, "render_": 3, "transit_": 4}
    result = {"changes": len(entries)}
    for prefix, i in parts.items():
        values = [e[i] for e in entries]
        result[f"{prefix}p50_ms"], result[f"{prefix}p95_ms"] = statistics.median(values), p95(values)
    # The twelve months and the hiring comparison, asked for after each drawn month (not on every keystroke).
    result["year_count"] = len(years)
    for prefix, i in {"year_": 0, "year_python_": 1}.items():
        values = [y[i] for y in years] or [0]
        result[f"{prefix}p50_ms"], result[f"{prefix}p95_ms"] = statistics.median(values), p95(values)
    return result


def main() -> int:
    if not (SITE / "estimate/index.html").is_file():
        print("site/ is not built: run `make build` first", file=sys.stderr)
        return 1
    # Serve a copy: a `make build` elsewhere during the run would otherwise empty site/ under our feet.
    copy = tempfile.TemporaryDirectory()
    shutil.copytree(SITE, Path(copy.name) / "site")
    # The bare page loads Pyodide with its defaults: its full standard library and lock file, which the
    # estimator page does not use and the site does not ship.
    for name in ("python_stdlib.zip", "pyodide-lock.json"):
        shutil.copy2(ROOT / "node_modules" / "pyodide" / name, Path(copy.name) / "site" / "assets" / "pyodide" / PYODIDE / name)
    server, url = serve(Path(copy.name) / "site")
    with sync_playwright() as p:
        page_result = measure(p, url, estimator_time)
        bare_result = measure(p, url, bare_time)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        latency = input_latency(browser, url)
        browser.close()
    server.shutdown()
    copy.cleanup()
    result = {
        "estimator_page": page_result,
        "bare_loadPyodide_page": bare_result,
        "ratio_cold": page_result["cold_median_ms"] / bare_result["cold_median_ms"],
        "ratio_warm": page_result["warm_median_ms"] / bare_result["warm_median_ms"],
        "input_to_result": latency,
        "targets": {"ratio_cold": 1.0, "input_p95_ms": 16},
    }
    out = ROOT / "bench/results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "page.json").write_text(json.dumps(result, indent=2))
    fmt = lambda ms: f"{ms / 1000:.2f} s"  # noqa: E731
    print(f"first estimate by Python, estimator page: cold {fmt(page_result['cold_median_ms'])}, "
          f"warm {fmt(page_result['warm_median_ms'])}")
    print(f"loadPyodide() in a worker, bare page:     cold {fmt(bare_result['cold_median_ms'])}, "
          f"warm {fmt(bare_result['warm_median_ms'])}")
    print(f"ratio page/bare: cold {result['ratio_cold']:.2f} (target ≤ 1.0), warm {result['ratio_warm']:.2f}"
          " (no memory snapshot any more: README, \"No memory snapshot\")")
    print(f"input → result over {latency['changes']} changes: p50 {latency['p50_ms']:.1f} ms, p95 {latency['p95_ms']:.1f} ms "
          f"(target ≤ 16 ms); Python alone p50 {latency['python_p50_ms']:.1f} ms, p95 {latency['python_p95_ms']:.1f} ms; "
          f"before sending p95 {latency['send_p95_ms']:.1f} ms; drawing p95 {latency['render_p95_ms']:.1f} ms; "
          f"to the worker and back p50 {latency['transit_p50_ms']:.1f} ms, p95 {latency['transit_p95_ms']:.1f} ms")
    print(f"the twelve months, after the month is drawn ({latency['year_count']} times): p50 {latency['year_p50_ms']:.1f} ms, "
          f"p95 {latency['year_p95_ms']:.1f} ms; Python alone p50 {latency['year_python_p50_ms']:.1f} ms, "
          f"p95 {latency['year_python_p95_ms']:.1f} ms")
    print(f"bytes sent, estimator page: first visit {page_result['first_visit_bytes']:,}, "
          f"second visit {page_result['second_visit_bytes']:,}; bare page: {bare_result['first_visit_bytes']:,} / "
          f"{bare_result['second_visit_bytes']:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
