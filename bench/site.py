"""Speed and quality of the built site: Lighthouse scores, and how `mkdocs build` grows with the content.

1. Lighthouse 13.5.0 (node_modules/.bin/lighthouse, Debian's chromium, default mobile settings) on the
   home page, one guide, the FAQ and the estimator, median of 3 runs each, each against a bare Material page
   built from the same Markdown (a MkDocs project with only the material theme, built into a temp dir)
   run side by side:
   performance, accessibility, best practices, SEO, Total Blocking Time and Largest Contentful Paint,
   also as ratios to the bare page.
   Both are served by deploy/preview.py, i.e. with site/_headers (CSP, cache lifetimes) and gzip, as a
   static host serves them.
2. `mkdocs build --strict` of a copy of this project, and of a copy whose FAQ holds every entry 10 times
   (with unique ids), alternating, median of 3: the time ratio against the content ratio (linear or better
   means time ratio ≤ content ratio).

Each Lighthouse run's long tasks are printed (script, start, duration, as Lighthouse's simulation gives
them), so that a figure can be traced to its cause.

Run after `make build`: `.venv/bin/python bench/site.py` (make bench does). Writes bench/results/site.json.
    .venv/bin/python bench/site.py --pages estimate --runs 3 --no-build-bench
    .venv/bin/python bench/site.py --pages estimate --start load   # another rule for when Python starts
    .venv/bin/python bench/site.py --compare-starts load,settled,idle,interaction --runs 5
    .venv/bin/python bench/site.py --pages estimate,guide --site /tmp/old/site --no-build-bench  # an older build
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
BIN = ROOT / ".venv" / "bin"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
PAGES = {"home": "", "guide": "guide/pricing/", "faq": "faq/", "estimate": "estimate/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
RUNS = 3
# Targets against the bare page of the same run (issue 12): performance at most this much below it, TBT at
# most this much above it; accessibility, best practices and SEO 1.00 on every page.
TARGET = {"estimate": {"performance": 0.05, "tbt": 100}, "guide": {"performance": 0.02, "tbt": 60}}

_spec = importlib.util.spec_from_file_location("preview", ROOT / "deploy" / "preview.py")
preview = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(preview)

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONDONTWRITEBYTECODE": "1"}


def lighthouse(url: str) -> dict:
    """One Lighthouse run: the four category scores, TBT in ms, and the audits that lost points."""
    for attempt in range(3):  # Lighthouse now and then fails to record the trace (NO_NAVSTART): run again
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "report.json"
            done = subprocess.run([str(LIGHTHOUSE), url, f"--chrome-flags={CHROME_FLAGS}", "--output", "json",
                                   "--output-path", str(out), "--quiet"],
                                  env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, check=attempt == 2)
            if done.returncode == 0:
                report = json.loads(out.read_text(encoding="utf-8"))
                break
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    lost = sorted({ref["id"] for c in CATEGORIES for ref in report["categories"][c]["auditRefs"]
                   if ref["weight"] > 0 and (report["audits"][ref["id"]].get("score") is not None)
                   and report["audits"][ref["id"]]["score"] < 1})
    audits = report["audits"]
    long_tasks = [(short(item.get("url", "")), round(item.get("startTime", 0)), round(item.get("duration", 0)))
                  for item in (audits.get("long-tasks", {}).get("details") or {}).get("items", [])]
    return {**scores, "tbt": audits["total-blocking-time"]["numericValue"],
            "lcp": audits["largest-contentful-paint"]["numericValue"], "lost": lost, "long_tasks": long_tasks}


def short(url: str) -> str:
    """A script's URL as its file name (the page itself as "page"), for the long-task lines."""
    name = url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    return name if "." in name else ("page" if url.startswith("http") else url or "(unattributed)")


def median_run(url: str) -> dict:
    runs = []
    for _ in range(RUNS):
        run = lighthouse(url)
        runs.append(run)
        tasks = ", ".join(f"{name} @{start} {duration} ms" for name, start, duration in run["long_tasks"]) or "none"
        print(f"    run: perf {run['performance']:.2f}, TBT {run['tbt']:.0f} ms; long tasks: {tasks}", file=sys.stderr, flush=True)
    result = {key: statistics.median(r[key] for r in runs) for key in (*CATEGORIES, "tbt", "lcp")}
    result["lost"] = sorted({audit for r in runs for audit in r["lost"]})
    result["runs"] = [{k: r[k] for k in ("performance", "tbt", "lcp", "long_tasks")} for r in runs]
    print(f"  {url}: " + " / ".join(f"{result[c]:.2f}" for c in CATEGORIES) + f", TBT {result['tbt']:.0f} ms, LCP {result['lcp']:.0f} ms",
          file=sys.stderr, flush=True)
    return result


# Each page's Markdown source, for its bare twin.
SOURCES = {"home": "index.md", "guide": "guide/pricing.md", "faq": "faq.md", "estimate": "estimate/index.md"}


def bare_material_site(tmp: Path) -> Path:
    """A MkDocs + Material site (fonts off: nothing may come from another host) holding each measured page
    built from that page's own Markdown, at the same address: front matter, comments (the data markers)
    and attribute lists dropped, so it is Material alone with the same text."""
    project = tmp / "bare"
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: Bare\nsite_url: http://127.0.0.1:8000/\n"
                                        "theme:\n  name: material\n  language: ja\n  font: false\n", encoding="utf-8")
    for source in SOURCES.values():
        text = (ROOT / "docs" / source).read_text(encoding="utf-8")
        text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
        text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
        text = re.sub(r"\s*\{[#.][^}\n]*\}", "", text)
        target = project / "docs" / source
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    subprocess.run([str(BIN / "mkdocs"), "build", "-q", "-f", str(project / "mkdocs.yml")], env=ENV, check=True,
                   capture_output=True)
    (project / "site" / "_headers").write_text("", encoding="utf-8")
    return project / "site"


def compare_starts(tmp: Path, rules: list[str]) -> dict:
    """The estimator page with each rule for when Python starts, and its bare twin, interleaved run by run
    (so that every rule sees the same machine load), RUNS runs each: median performance and TBT."""
    servers = {rule: preview.host_server(served_site(tmp / rule, SITE, rule)) for rule in rules}
    servers["bare twin"] = preview.host_server(bare_material_site(tmp))
    runs = {name: [] for name in servers}
    try:
        for i in range(RUNS):
            for name, (_, url) in servers.items():
                run = lighthouse(url + PAGES["estimate"])
                runs[name].append(run)
                tasks = ", ".join(f"{n} @{s} {d} ms" for n, s, d in run["long_tasks"]) or "none"
                print(f"    {name} run {i + 1}: perf {run['performance']:.2f}, TBT {run['tbt']:.0f} ms; long tasks: {tasks}",
                      file=sys.stderr, flush=True)
    finally:
        for server, _ in servers.values():
            server.shutdown()
            server.server_close()
    return {name: {"performance": statistics.median(r["performance"] for r in rs), "tbt": statistics.median(r["tbt"] for r in rs),
                   "runs": [{k: r[k] for k in ("performance", "tbt", "lcp", "long_tasks")} for r in rs]}
            for name, rs in runs.items()}


def served_site(tmp: Path, site: Path, rule: str | None) -> Path:
    """The built site as served: as it is, or a copy whose estimator page starts Python by `rule`
    (engine.js), or a copy of an older build that wrote no precompressed files (its server compressed on
    the fly), with them written now."""
    if not rule and (site / "index.html.gz").is_file():
        return site
    copy = tmp / "site-served"
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(site, copy)
    spec = importlib.util.spec_from_file_location("precompress", ROOT / "overrides" / "hooks" / "precompress.py")
    precompress = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(precompress)
    page = copy / "estimate" / "index.html"
    if rule:
        html = page.read_text(encoding="utf-8")
        page.write_text(html.replace("data-worker-settings='{", f"data-worker-settings='{{\"start\": \"{rule}\", ", 1), encoding="utf-8")
    precompress.precompress(page.parent if (site / "index.html.gz").is_file() else copy)
    return copy


def lighthouse_bench(tmp: Path, pages: dict, start_rule: str | None = None, site: Path = SITE) -> dict:
    site_server, site_url = preview.host_server(served_site(tmp, site, start_rule))
    bare_server, bare_url = preview.host_server(bare_material_site(tmp))
    results = {}
    try:
        for name, path in pages.items():
            results[name] = median_run(site_url + path)
            # Its bare twin right after it, so both see the same machine load.
            results[f"bare ({name})"] = median_run(bare_url + path)
    finally:
        for server in (site_server, bare_server):
            server.shutdown()
            server.server_close()
    return results


# ---- build time ------------------------------------------------------------------------------------

PROJECT_FILES = ("mkdocs.yml", "docs", "overrides", "includes", "anchors.json")


def project_copy(tmp: Path, name: str, faq_copies: int) -> Path:
    """This project's sources in a temp dir; the hooks find node_modules, build/ and the data (estimator/,
    where the search's synonyms are) through symlinks."""
    copy = tmp / name
    copy.mkdir()
    for item in PROJECT_FILES:
        source = ROOT / item
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, copy / item)
    for item in ("node_modules", "build", "estimator"):
        (copy / item).symlink_to(ROOT / item)
    if faq_copies > 1:
        faq = copy / "docs" / "faq.md"
        text = faq.read_text(encoding="utf-8")
        # Front matter and the H1 once, then every section and question again with "-copyN" ids.
        head, body = re.match(r"(\A.*?^# [^\n]*\n)(.*)", text, re.S | re.M).groups()
        copies = [re.sub(r"\{#([A-Za-z][\w-]*)\}", rf"{{#\1-copy{n}}}", body) for n in range(2, faq_copies + 1)]
        faq.write_text(head + body + "".join("\n" + c for c in copies), encoding="utf-8")
    return copy


def content_size(project: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8")) for p in (project / "docs").rglob("*.md"))


def build_seconds(project: Path) -> float:
    started = time.perf_counter()
    subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-q", "-f", str(project / "mkdocs.yml")],
                   cwd=project, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - started


def build_bench(tmp: Path) -> dict:
    plain, grown = project_copy(tmp, "plain", 1), project_copy(tmp, "faq10", 10)
    times = {"plain": [], "faq10": []}
    build_seconds(plain), build_seconds(grown)  # warm-up (disk cache, imports), not counted
    for _ in range(RUNS):
        times["plain"].append(build_seconds(plain))
        times["faq10"].append(build_seconds(grown))
    plain_s, grown_s = statistics.median(times["plain"]), statistics.median(times["faq10"])
    pages = lambda p: len(list((p / "site").rglob("index.html")))  # noqa: E731
    return {"plain_s": plain_s, "faq10_s": grown_s, "time_ratio": grown_s / plain_s,
            "content_ratio": content_size(grown) / content_size(plain),
            "faq_headings": [len(re.findall(r"^#{2,3} ", (p / "docs" / "faq.md").read_text(encoding="utf-8"), re.M))
                             for p in (plain, grown)],
            "pages": pages(plain)}


def main():
    global RUNS
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", default=",".join(PAGES), help=f"some of {', '.join(PAGES)}")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--start", choices=("settled", "load", "idle", "interaction"),
                        help="when the estimator starts Python")
    parser.add_argument("--no-build-bench", action="store_true", help="Lighthouse only")
    parser.add_argument("--site", type=Path, default=SITE, help="another built site (an older build, say)")
    parser.add_argument("--compare-starts", help="rules for when the estimator starts Python, compared interleaved "
                        "(e.g. load,settled,idle,interaction); nothing else is measured")
    args = parser.parse_args()
    RUNS = args.runs
    pages = {name: PAGES[name] for name in args.pages.split(",")}
    if not (SITE / "_headers").is_file():
        sys.exit("site/ is not built: run `make build` first")
    builds = None
    if args.compare_starts:
        with tempfile.TemporaryDirectory() as tmp:
            compared = compare_starts(Path(tmp), args.compare_starts.split(","))
        bare = compared["bare twin"]
        print(f"\nLighthouse 13.5.0, mobile, the estimator page by rule for when Python starts, median of {RUNS}, interleaved:")
        for name, r in compared.items():
            print(f"  {name:15} performance {r['performance']:.2f} ({r['performance'] - bare['performance']:+.2f}), "
                  f"TBT {r['tbt']:4.0f} ms ({r['tbt'] - bare['tbt']:+.0f} ms)")
        out = ROOT / "bench" / "results"
        out.mkdir(exist_ok=True)
        (out / "site-starts.json").write_text(json.dumps(compared, indent=1), encoding="utf-8")
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if not args.no_build_bench:
            builds = build_bench(tmp)
            print(f"mkdocs build --strict (median of {RUNS}): site {builds['plain_s']:.2f} s, FAQ x10 "
                  f"({builds['faq_headings'][0]} -> {builds['faq_headings'][1]} FAQ headings) {builds['faq10_s']:.2f} s: "
                  f"time x{builds['time_ratio']:.2f} for content x{builds['content_ratio']:.2f} "
                  f"({'linear or better' if builds['time_ratio'] <= builds['content_ratio'] else 'WORSE than linear'})", flush=True)
        scores = lighthouse_bench(tmp, pages, args.start, args.site)
    print(f"\nLighthouse 13.5.0, mobile, median of {RUNS}  (perf / a11y / best practices / SEO, TBT ms, LCP ms)"
          + (f", estimator started by rule {args.start}" if args.start else ""))
    for name in pages:
        ours, bare = scores[name], scores[f"bare ({name})"]
        line = " / ".join(f"{ours[c]:.2f}" for c in CATEGORIES)
        ratio = " / ".join(f"{ours[c] / bare[c]:.2f}" if bare[c] else "-" for c in CATEGORIES)
        bare_line = " / ".join(f"{bare[c]:.2f}" for c in CATEGORIES)
        target = TARGET["estimate" if name == "estimate" else "guide"]
        misses = [c for c in CATEGORIES[1:] if ours[c] < 1.0]
        if ours["performance"] < bare["performance"] - target["performance"]:
            misses.append("performance")
        if ours["tbt"] > bare["tbt"] + target["tbt"]:
            misses.append("TBT")
        print(f"  {name:9} {line}  TBT {ours['tbt']:4.0f}  LCP {ours['lcp']:5.0f}   bare Material {bare_line}  TBT {bare['tbt']:4.0f}"
              f"  LCP {bare['lcp']:5.0f}   ratio {ratio}; perf {ours['performance'] - bare['performance']:+.2f}, "
              f"TBT {ours['tbt'] - bare['tbt']:+.0f} ms, LCP {ours['lcp'] - bare['lcp']:+.0f} ms"
              + (f"   below target: {', '.join(misses)}" if misses else ""))
        if ours["lost"]:
            print(f"            audits below 1: {', '.join(ours['lost'])}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "site.json").write_text(json.dumps({"build": builds, "lighthouse": scores, "start": args.start}, indent=1),
                                   encoding="utf-8")


if __name__ == "__main__":
    main()
