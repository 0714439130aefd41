"""The estimator on a phone's first visit: bytes and time to the first figure, through one slow shared link.

The built site is served by tests/throttled_server.py (one bandwidth limit shared by every connection, a round
trip added to every connection and request, the `_headers` of the site and its precompressed files, as a
static host serves them) and opened in Debian's Chromium with a fresh profile for every run. For each
profile (9 Mbit/s with 40 ms round trips, 1.6 Mbit/s with 150 ms), median of 5, interleaved:
- the estimator page: navigation start → the first figure computed by Python on screen (the page's
  `estimator:first-estimate` measure), and the bytes the server sent until then;
- a bare page from the same server that only calls `loadPyodide()` in a module worker, with Pyodide's own
  defaults (its full standard library and lock file, added to the served copy from node_modules):
  navigation start → `loadPyodide()` resolved and said so on the page, and the bytes sent;
- then a second visit in the same profile (the first tab closed): its time, and the bytes of versioned
  files it downloaded (the target is none: they come from the browser's cache).

    .venv/bin/python bench/first_visit.py                        # both profiles, 5 runs (make bench)
    .venv/bin/python bench/first_visit.py --profiles slow --runs 3
    .venv/bin/python bench/first_visit.py --start load           # another rule for when Python starts
    .venv/bin/python bench/first_visit.py --site /tmp/old/site --gzip-only   # an older build, as served then
    .venv/bin/python bench/first_visit.py --cpu 4                # DevTools CPU slowdown of the page
    .venv/bin/python bench/first_visit.py --screenshot progress.png  # the bar mid-download at 360 px

Run after `make build`. Writes bench/results/first_visit.json.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from throttled_server import ThrottledServer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
PYODIDE = json.loads((PYODIDE_DIR / "package.json").read_text())["version"]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
PROFILES = {"fast": ("9 Mbit/s, 40 ms", 9.0, 40), "slow": ("1.6 Mbit/s, 150 ms", 1.6, 150)}
VERSIONED = re.compile(r"^/assets/(pyodide|estimator)/")
TIMEOUT_MS = 300_000

BARE_HTML = b"""<!doctype html><html lang="en"><meta charset="utf-8"><title>bare</title><body><p id="s">loading</p>
<script type="module">
const w = new Worker("/__bench/bare-worker.js", {type: "module"});
w.onmessage = (e) => { document.getElementById("s").textContent = e.data;
  requestAnimationFrame(() => { window.__ready = performance.now(); }); };
</script></body></html>"""
BARE_WORKER = f"""import {{ loadPyodide }} from "/assets/pyodide/{PYODIDE}/pyodide.mjs";
await loadPyodide({{ indexURL: "/assets/pyodide/{PYODIDE}/" }});
postMessage("ready");""".encode()
EXTRA = {"/__bench/bare.html": ("text/html; charset=utf-8", BARE_HTML),
         "/__bench/bare-worker.js": ("text/javascript", BARE_WORKER)}


def served_copy(site: Path, tmp: Path, start_rule: str | None) -> Path:
    """A copy of `site` with what the bare page needs besides (Pyodide's full standard library and lock
    file, with the precompressed files a build would write), and the worker's start rule if asked."""
    copy = tmp / "site"
    shutil.copytree(site, copy)
    runtime = copy / "assets" / "pyodide" / PYODIDE
    for name in ("python_stdlib.zip", "pyodide-lock.json", "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"):
        if not (runtime / name).is_file():
            shutil.copy2(PYODIDE_DIR / name, runtime / name)
    precompress = preview_precompress()
    # An older build made no precompressed files (its server compressed on the fly): make them now.
    precompress.precompress(runtime if (copy / "index.html.gz").is_file() else copy)
    if start_rule:
        page = copy / "estimate" / "index.html"
        html = page.read_text(encoding="utf-8")
        patched = re.sub(r"data-worker-settings='\{", f"data-worker-settings='{{\"start\": \"{start_rule}\", ", html, count=1)
        assert patched != html, "no worker settings in estimate/index.html"
        page.write_text(patched, encoding="utf-8")
        for sibling in (page.with_name("index.html.br"), page.with_name("index.html.gz")):
            sibling.unlink(missing_ok=True)
        precompress.precompress(page.parent)
    return copy


def preview_precompress():
    import importlib.util
    spec = importlib.util.spec_from_file_location("precompress", ROOT / "overrides" / "hooks" / "precompress.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def estimator_visit(page, url: str) -> float:
    """Time to the first figure by Python; infinity when the page gave up (an older build's watchdog)."""
    page.goto(url + "estimate/", wait_until="commit")
    page.wait_for_selector("#estimator:is([data-source=python], [data-engine=failed])", timeout=TIMEOUT_MS)
    if page.get_attribute("#estimator", "data-source") != "python":
        return float("inf")
    return page.evaluate("performance.getEntriesByName('estimator:first-estimate')[0].duration")


def bare_visit(page, url: str) -> float:
    page.goto(url + "__bench/bare.html", wait_until="commit")
    page.wait_for_function("window.__ready !== undefined", timeout=TIMEOUT_MS, polling=50)
    return page.evaluate("window.__ready")


def one_run(p, server: ThrottledServer, url: str, visit, cpu: float) -> dict:
    """A first visit on a fresh profile, then a second visit in it (the first tab closed)."""
    profile = tempfile.TemporaryDirectory()
    ctx = p.chromium.launch_persistent_context(profile.name, executable_path=CHROMIUM, args=ARGS,
                                               viewport={"width": 360, "height": 780}, locale="ja-JP",
                                               bypass_csp=True)  # for the waits; the site is unchanged
    try:
        result = {}
        for name in ("first", "second"):
            page = ctx.new_page()
            if cpu > 1:
                ctx.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": cpu})
            server.reset()
            ms = visit(page, url)
            sent = server.sent
            if ms == float("inf"):
                result[name] = {"ms": ms, "bytes": sent, "versioned_bytes": 0}
                page.close()
                break  # the page gave up: no second visit to speak of
            requests = list(server.requests)
            result[name] = {"ms": ms, "bytes": sent,
                            "versioned_bytes": sum(n for path, status, n in requests if VERSIONED.match(path) and status == 200)}
            page.close()
            time.sleep(0.5)  # let Chromium finish writing its caches
        return result
    finally:
        ctx.close()
        profile.cleanup()


def shoot_mid_download(p, url: str, path: Path) -> None:
    """The page at 360 px once a third of the download has arrived (a visit of its own, not measured)."""
    profile = tempfile.TemporaryDirectory()
    ctx = p.chromium.launch_persistent_context(profile.name, executable_path=CHROMIUM, args=ARGS, bypass_csp=True,
                                               viewport={"width": 360, "height": 780}, locale="ja-JP")
    try:
        page = ctx.new_page()
        page.goto(url + "estimate/", wait_until="commit")
        page.wait_for_function("(document.querySelector('[data-est=progress]')?.getAttribute('aria-valuenow') | 0) >= 30",
                               timeout=TIMEOUT_MS, polling=100)
        page.screenshot(path=str(path))
        print(f"  screenshot of the progress at 360 px: {path}", file=sys.stderr)
    finally:
        ctx.close()
        profile.cleanup()


def measure(site: Path, profiles: list[str], runs: int, start_rule: str | None, cpu: float, gzip_only: bool,
            screenshot: Path | None) -> dict:
    results = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        copy = served_copy(site, Path(tmp), start_rule)
        if gzip_only:
            for br in copy.rglob("*.br"):
                br.unlink()
        for key in profiles:
            label, mbit, rtt = PROFILES[key]
            server = ThrottledServer(copy, mbit, rtt, EXTRA)
            url = server.start()
            try:
                if screenshot and key == profiles[-1]:
                    shoot_mid_download(p, url, screenshot)
                runs_of = {"estimator": [], "bare": []}
                for i in range(runs):
                    for name, visit in (("estimator", estimator_visit), ("bare", bare_visit)):
                        run = one_run(p, server, url, visit, cpu)
                        runs_of[name].append(run)
                        second = run.get("second")
                        print(f"  {label} run {i + 1} {name}: first {run['first']['ms'] / 1000:.2f} s, "
                              f"{run['first']['bytes'] / 1e6:.2f} MB"
                              + (f"; second {second['ms'] / 1000:.2f} s, versioned {second['versioned_bytes']:,} B" if second
                                 else " (the page gave up)"), file=sys.stderr, flush=True)
            finally:
                server.stop()
            results[key] = {"label": label, **{name: summary(r) for name, r in runs_of.items()}}
    return results


def summary(runs: list[dict]) -> dict:
    med = lambda key, visit="first": statistics.median(r[visit][key] for r in runs if visit in r) if any(visit in r for r in runs) else float("inf")  # noqa: E731
    return {"first_ms": med("ms"), "first_bytes": med("bytes"), "second_ms": med("ms", "second"),
            "second_versioned_bytes": max((r["second"]["versioned_bytes"] for r in runs if "second" in r), default=0),
            "gave_up": sum(r["first"]["ms"] == float("inf") for r in runs), "runs": runs}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--profiles", default="fast,slow", help="fast (9 Mbit/s, 40 ms), slow (1.6 Mbit/s, 150 ms)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--start", choices=("settled", "load", "idle", "interaction"),
                        help="when the worker downloads and starts Python (engine.js)")
    parser.add_argument("--site", type=Path, default=SITE, help="a built site (default: site/)")
    parser.add_argument("--gzip-only", action="store_true", help="serve no brotli (as the site was served before)")
    parser.add_argument("--cpu", type=float, default=1, help="DevTools CPU slowdown of the page's main thread")
    parser.add_argument("--screenshot", type=Path, help="save the progress bar mid-download (slow profile, 360 px)")
    args = parser.parse_args()
    if not (args.site / "estimate" / "index.html").is_file():
        print(f"{args.site} is not built: run `make build` first", file=sys.stderr)
        return 1
    profiles = [p.strip() for p in args.profiles.split(",")]
    results = measure(args.site, profiles, args.runs, args.start, args.cpu, args.gzip_only, args.screenshot)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "first_visit.json").write_text(json.dumps({"args": {k: str(v) for k, v in vars(args).items()}, **results}, indent=1))
    print(f"\nFirst visit, fresh profile, median of {args.runs}" + (f", start rule {args.start}" if args.start else "")
          + (f", CPU slowdown {args.cpu:g}" if args.cpu > 1 else "") + f" ({args.site}):")
    print("  profile              | estimator: first figure, bytes | bare loadPyodide(): ready, bytes | ratio time, bytes | second visit: estimator, bare, versioned bytes")
    for key in profiles:
        r = results[key]
        page, bare = r["estimator"], r["bare"]
        print(f"  {r['label']:20} | {page['first_ms'] / 1000:6.2f} s, {page['first_bytes'] / 1e6:5.2f} MB | "
              f"{bare['first_ms'] / 1000:6.2f} s, {bare['first_bytes'] / 1e6:5.2f} MB | "
              f"{page['first_ms'] / bare['first_ms']:.2f} (target ≤ 0.8), {page['first_bytes'] / bare['first_bytes']:.2f} | "
              f"{page['second_ms'] / 1000:.2f} s, {bare['second_ms'] / 1000:.2f} s, {page['second_versioned_bytes']:,} B"
              + (f"; the estimator page gave up {page['gave_up']} of {args.runs} times" if page["gave_up"] else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
