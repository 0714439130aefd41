"""Helpers shared by the site-quality tests."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"


def built_site_url(site: Path = SITE) -> str:
    """The public address the built site was made for (SITE_URL at build), or "" when it was built without
    one (it then names no host: copy-link buttons use the address the page was opened at)."""
    match = re.search(r'id="site-data" data-site-url="([^"]*)"', (site / "index.html").read_text(encoding="utf-8"))
    return match.group(1) if match else ""


def published(served_url: str) -> str:
    """Where the copy-link buttons point: the built site's public address, or the one it is served at."""
    return built_site_url() or served_url


def built_pages() -> list[str]:
    """Every built HTML page as a site-relative URL ("" for the home page), 404.html excluded."""
    pages = []
    for path in sorted(SITE.rglob("index.html")):
        rel = path.relative_to(SITE)
        if rel.parts[0] in {"assets", "pagefind"}:
            continue
        pages.append("" if rel.parent == Path(".") else rel.parent.as_posix() + "/")
    return pages


def _redirect_target(site: Path, url: str, html: str) -> str | None:
    """The site-relative URL a mkdocs-redirects page sends to, or None for an ordinary page."""
    match = re.search(r'location\.href="([^"]+)"', html)
    if 'http-equiv="refresh"' not in html or match is None:
        return None
    from urllib.parse import urljoin

    base = "http://site/"
    target = urljoin(base + url, match.group(1).split("#")[0])
    return target[len(base):] if target.startswith(base) else None


def broken_links(record: dict, site: Path = SITE) -> list[str]:
    """Recorded pages and anchors that no longer resolve in the built site (following redirects)."""
    broken = []
    for url, anchors in record["pages"].items():
        path, seen = url, set()
        while True:
            file = site / path / "index.html"
            if not file.is_file():
                broken.append(f"page {url!r} (as {path!r}) is gone and has no redirect")
                break
            html = file.read_text(encoding="utf-8")
            target = _redirect_target(site, path, html)
            if target is None or target in seen:
                ids = set(re.findall(r'\bid="([^"]+)"', html))
                broken += [f"{url}#{anchor} is gone and has no alias" for anchor in anchors if anchor not in ids]
                break
            seen.add(path)
            path = target
    return broken
