"""MkDocs hook: each page's last-updated date, shown under the article (overrides/partials/source-file.html).

The date is that of the last commit touching the page's Markdown file (`git log -1 --format=%cs`), so a
rebuild never changes it. A file git does not know (new, or a build outside a clone) falls back to the
file's modification time. In a shallow clone (`git clone --depth 1`, CI checkouts) every file not changed
since the clone's oldest commit would show that commit's date: the build then says so once, since the
full history (`git fetch --unshallow`, `fetch-depth: 0` in CI) is needed for true dates.

The page's description and OGP tags come from front matter `description:` (overrides/main.html).

The sitemap in a build without a public address (no `SITE_URL`, so `site_url` is empty): MkDocs then
writes an empty sitemap.xml, having no address to give. This hook writes one that lists every page
relative to the sitemap itself, naming no host (overrides/main.html completes the addresses in the
browser for Material's instant navigation, which reads the sitemap to tell its own pages from others).
With a public address, MkDocs' own sitemap stands.
"""

from __future__ import annotations

import datetime
import gzip
import logging
import subprocess
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

log = logging.getLogger("mkdocs.hooks.page_meta")

ROOT = Path(__file__).resolve().parents[2]


def _git(*args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    except OSError:  # no git on the machine
        return None
    return result.stdout.strip() if result.returncode == 0 else None


@lru_cache(maxsize=1)
def _shallow_boundaries() -> frozenset[str]:
    """Commits at the edge of a shallow clone (their parents are missing); empty in a full clone."""
    if _git("rev-parse", "--is-shallow-repository") != "true":
        return frozenset()
    shallow = _git("rev-parse", "--git-path", "shallow")
    path = ROOT / shallow if shallow else None
    return frozenset(path.read_text().split()) if path and path.is_file() else frozenset()


_warned_shallow = False


def last_updated(path: Path) -> datetime.date:
    """The date of the last commit that changed `path`, or its modification time if git has none."""
    global _warned_shallow
    line = _git("log", "-1", "--format=%H %cs", "--", str(path))
    if line:
        commit, date = line.split()
        if commit in _shallow_boundaries() and not _warned_shallow:
            _warned_shallow = True
            log.info("page_meta: shallow git clone; pages unchanged since %s show that date "
                     "(fetch the full history for true dates)", date)
        return datetime.date.fromisoformat(date)
    return datetime.date.fromtimestamp(path.stat().st_mtime)


def japanese_date(date: datetime.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def on_page_markdown(markdown, page, config, files):
    path = Path(page.file.abs_src_path)
    if path.is_file():
        date = last_updated(path)
        page.meta["last_updated"] = {"iso": date.isoformat(), "text": japanese_date(date)}
    return markdown


_pages: dict[str, Path] = {}  # site-relative URL -> Markdown source, of every documentation page


def on_files(files, config):
    _pages.clear()
    for file in files.documentation_pages():
        _pages[file.url] = Path(file.abs_src_path)
    return files


def relative_sitemap(pages: dict[str, Path]) -> str:
    """A sitemap whose <loc> entries are relative to sitemap.xml (the site's root): no host anywhere."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url, source in sorted(pages.items()):
        lastmod = last_updated(source).isoformat() if source.is_file() else None
        lines.append(f"    <url>\n         <loc>{escape(url) or './'}</loc>"
                     + (f"\n         <lastmod>{lastmod}</lastmod>" if lastmod else "") + "\n    </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def on_post_build(config):
    if config.get("site_url"):
        return
    site = Path(config["site_dir"])
    text = relative_sitemap(_pages)
    (site / "sitemap.xml").write_text(text, encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
