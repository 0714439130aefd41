"""MkDocs hook: links never rot.

1. Anchor aliases. A page whose heading id had to change keeps the old id working with front matter
       anchor_aliases:
         old-id: new-id
   rendered as a hidden `<span class="anchor-alias" id="old-id"></span>` right before the element
   with id="new-id" (the copy-link script highlights the heading after an alias).
2. The record of published links, anchors.json at the repository root (committed). After each build
   every published page (site-relative URL) and the ids of its headings and aliases are added to it.
   Nothing is ever removed here: tests/site_quality/test_anchors.py fails when a recorded page or
   anchor no longer resolves, unless a redirect (mkdocs-redirects, `redirect_maps` in mkdocs.yml)
   or an anchor alias keeps it working. To retire a link on purpose, delete it from anchors.json by hand.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.anchors")

ROOT = Path(__file__).resolve().parents[2]
RECORD = ROOT / "anchors.json"
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_PUBLISHED = re.compile(r'<(?:h[1-6]\b|span class="anchor-alias")[^>]*?\bid="([^"]+)"')

_current: dict[str, set[str]] = {}


def add_aliases(html: str, aliases: dict[str, str], page: str = "") -> str:
    """Inserts a hidden element with each old id right before the element carrying its new id."""
    for old, new in (aliases or {}).items():
        old, new = str(old), str(new)
        if not (_ID.fullmatch(old) and _ID.fullmatch(new)):
            raise ValueError(f"{page}: anchor_aliases {old!r}: {new!r} are not plain ids")
        if f'id="{old}"' in html:
            raise ValueError(f"{page}: anchor alias {old!r} is still an id on the page")
        target = re.search(rf'<[a-z][a-z0-9]*\b[^>]*\bid="{re.escape(new)}"', html)
        if target is None:
            raise ValueError(f"{page}: anchor alias {old!r} points to {new!r}, which is not on the page")
        span = f'<span class="anchor-alias" id="{old}"></span>'
        html = html[: target.start()] + span + html[target.start():]
    return html


def published_anchors(html: str) -> set[str]:
    """Ids of headings and aliases inside the page's article."""
    article = html.split("<article", 1)[-1].split("</article>", 1)[0]
    return set(_PUBLISHED.findall(article))


def on_pre_build(config):
    _current.clear()


def on_page_content(html, page, config, files):
    return add_aliases(html, page.meta.get("anchor_aliases") or {}, page.file.src_uri)


def _toc_ids(items) -> set[str]:
    ids = set()
    for item in items:
        ids.add(item.id)
        ids |= _toc_ids(item.children)
    return ids


def on_post_page(output, page, config):
    # The page's own sections (its Markdown headings, from the table of contents) and their aliases;
    # headings a template adds (the estimator's panels) are not links anyone is asked to paste.
    aliases = {str(old) for old in (page.meta.get("anchor_aliases") or {})}
    _current[page.url] = (_toc_ids(page.toc.items) | aliases) & published_anchors(output)
    return output


def merge(record: dict, current: dict[str, set[str]]) -> dict:
    pages = {url: set(anchors) for url, anchors in record.get("pages", {}).items()}
    for url, anchors in current.items():
        pages.setdefault(url, set()).update(anchors)
    return {
        "about": "Published pages and section anchors; every one must keep resolving "
                 "(overrides/hooks/anchors.py, tests/site_quality/test_anchors.py).",
        "pages": {url: sorted(pages[url]) for url in sorted(pages)},
    }


def on_post_build(config):
    if not _current:
        return
    record = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.is_file() else {}
    merged = merge(record, _current)
    text = json.dumps(merged, ensure_ascii=False, indent=1) + "\n"
    if not RECORD.is_file() or RECORD.read_text(encoding="utf-8") != text:
        RECORD.write_text(text, encoding="utf-8")
        log.info("anchors.json updated: commit it with the pages")
