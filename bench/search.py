"""Search quality and size: the current header search against the one before it, on the same query set.

Both run on the same built site (`make build`), side by side in Debian's chromium:
- "before": the built pages indexed as they were before section records (Pagefind over each page's
  `data-pagefind-body`, its Japanese segmentation, default settings) and bench/baseline/search.js, the
  header search of that time (pages, each with up to three of its sections);
- "now": site/pagefind/ as the build writes it (overrides/hooks/pagefind_index.py) and the site's search.

For the query set (tests/site_quality/search_queries.py) it reports, per group and overall: the share of
queries whose accepted section is among the first two results, the mean reciprocal rank (first ten
results), and the queries with no result at all. A result is a link as the list shows it, in order: for
"before" a page's own link and then its sections; for "now" each section. It also reports the index bytes
(published total, and the data loaded by searches: metadata, index chunks, fragments, filters; per page),
the bytes a first search downloads, and the median time per query (a ratio: the machine is shared).

Run after `make build`: `.venv/bin/python bench/search.py` (make bench does). Writes bench/results/search.json.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "site_quality"))
from search_queries import EARLIER_SET, QUERIES, WRITTEN_AFTER_READING, WRITTEN_AFTER_TUNING  # noqa: E402
from search_queries import WRITTEN_BEFORE_READING  # noqa: E402
from search_queries import rank_of_answer, scores  # noqa: E402
from served_site import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

GROUPS = {"written before reading": WRITTEN_BEFORE_READING, "written after reading": WRITTEN_AFTER_READING,
          "earlier set": EARLIER_SET, "written after tuning": WRITTEN_AFTER_TUNING, "all": QUERIES}
DATA_PARTS = ("index", "fragment", "filter")

# The results as links in the order the list shows them.
RUN = """async (query) => {
  const started = performance.now();
  const response = await window.siteSearch.run(query);
  const ms = performance.now() - started;
  if (response.length && response[0].sections) {  // before: pages, each with up to three of its sections under it
    const urls = [];
    for (const page of response) {
      urls.push(page.url);
      for (const section of page.sections.slice(0, 3)) { urls.push(section.url); }
    }
    return { urls: urls.map((u) => u.replace(/^\\//, "")), ms };
  }
  return { urls: response.map((r) => r.url), ms };
}"""


def before_site(scratch: Path) -> Path:
    """A copy of the built site with the index and the header search of before."""
    copy = scratch / "before"
    shutil.copytree(SITE, copy)
    shutil.rmtree(copy / "pagefind")
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(copy), "--output-subdir", "pagefind", "--quiet"],
                   check=True)
    shutil.copy(ROOT / "bench" / "baseline" / "search.js", copy / "assets" / "javascripts" / "site" / "search.js")
    return copy


def index_bytes(site: Path) -> dict[str, int]:
    folder = site / "pagefind"
    files = [p for p in folder.rglob("*") if p.is_file()]
    data = [p for p in files if p.suffix == ".pf_meta" or p.parent.name in DATA_PARTS]
    pages = sum(1 for p in site.rglob("index.html") if p.relative_to(site).parts[0] not in {"assets", "pagefind"})
    total_data = sum(p.stat().st_size for p in data)
    return {"published": sum(p.stat().st_size for p in files), "data": total_data, "pages": pages,
            "data_per_page": round(total_data / pages)}


def measure(browser, url: str) -> dict:
    context = browser.new_context(locale="ja-JP", base_url=url)
    page = context.new_page()
    fetched: dict[str, int] = {}
    outside: list[str] = []

    def on_response(response):
        if not response.url.startswith(url):
            outside.append(response.url)
        elif "/pagefind/" in response.url or "/javascripts/site/search" in response.url:
            try:
                fetched[response.url] = len(response.body())
            except Exception:  # a cancelled request has no body
                pass

    page.on("response", on_response)
    page.goto("")
    page.wait_for_function("window.siteSearch")
    first = page.evaluate(RUN, QUERIES[0].text)
    first_bytes = sum(fetched.values())
    ranks, times, details = [], [], []
    for query in QUERIES:
        result = page.evaluate(RUN, query.text)
        rank = rank_of_answer(query, result["urls"])
        ranks.append(rank)
        times.append(result["ms"])
        details.append({"query": query.text, "rank": rank, "results": len(result["urls"]), "top": result["urls"][:3]})
    context.close()
    by_text = dict(zip((q.text for q in QUERIES), ranks))
    groups = {name: scores([by_text[q.text] for q in group]) for name, group in GROUPS.items()}
    for name, group in GROUPS.items():
        groups[name]["no_result"] = sum(1 for d in details if d["results"] == 0 and d["query"] in {q.text for q in group})
        groups[name]["queries"] = len(group)
    return {"groups": groups, "first_search_bytes": first_bytes, "first_search_ms": first["ms"],
            "median_ms": statistics.median(times), "requests_elsewhere": outside, "details": details}


def main() -> int:
    from playwright.sync_api import sync_playwright

    if not (SITE / "pagefind").is_dir():
        print("site/ is not built: run `make build`", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp:
        before = before_site(Path(tmp))
        results = {}
        servers = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, folder in (("before", before), ("now", SITE)):
                server, url = serve(folder)
                servers.append(server)
                results[name] = measure(browser, url)
                results[name]["index"] = index_bytes(folder)
            browser.close()
        for server in servers:
            server.shutdown()
    report(results)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "search.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def report(results: dict) -> None:
    before, now = results["before"], results["now"]
    print(f"{'':26} {'before':>16} {'now':>16}")
    for name in GROUPS:
        b, n = before["groups"][name], now["groups"][name]
        print(f"{name} ({n['queries']} queries)")
        print(f"  {'first two':24} {b['top_two']:>16.1%} {n['top_two']:>16.1%}")
        print(f"  {'MRR':24} {b['mrr']:>16.3f} {n['mrr']:>16.3f}")
        print(f"  {'answer not in top 10':24} {b['missed']:>16} {n['missed']:>16}")
        print(f"  {'no result at all':24} {b['no_result']:>16} {n['no_result']:>16}")
    for key, label in (("published", "index, published bytes"), ("data", "index data bytes"),
                       ("data_per_page", "index data per page")):
        print(f"{label:26} {before['index'][key]:>16,} {now['index'][key]:>16,}")
    print(f"{'first search downloads':26} {before['first_search_bytes']:>16,} {now['first_search_bytes']:>16,}")
    print(f"{'median ms per query':26} {before['median_ms']:>16.1f} {now['median_ms']:>16.1f}"
          f"   (now/before {now['median_ms'] / before['median_ms']:.2f})")
    print(f"requests to another host: before {len(before['requests_elsewhere'])}, now {len(now['requests_elsewhere'])}")
    missed = [d for d in now["details"] if d["rank"] is None or d["rank"] > 2]
    if missed:
        print("now, answer not in the first two:")
        for d in missed:
            print(f"  {d['query']}: rank {d['rank']}, got {d['top']}")


if __name__ == "__main__":
    sys.exit(main())
