"""MkDocs hook: the site search index (Pagefind), built into site/pagefind/ after each build.

One Pagefind record per section (overrides/hooks/search_records.py), so a result is the answer, with
its heading as the title and a link to its anchor. The text is indexed as Japanese bigrams, cut by the
same module the browser uses for the query (assets/javascripts/site/search-text.mjs, run here by Node),
so the index and the query always agree. Synonyms and spelling variants (estimator/data/search.toml)
are added to the sections that use one of their words. Headings weigh more than body text, so a
question that matches ranks above a passing mention.

The header search (assets/javascripts/site/search.js) loads the index on first use. Pagefind's own UI
bundles are not used and not published.
"""

from __future__ import annotations

import html
import json
import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

from search_records import Record, site_records
from search_synonyms import load_synonyms

log = logging.getLogger("mkdocs.hooks.pagefind_index")

ROOT = Path(__file__).resolve().parents[2]
TEXT_MODULE = ROOT / "overrides" / "assets" / "javascripts" / "site" / "search-text.mjs"
SYNONYMS = ROOT / "estimator" / "data" / "search.toml"
OUTPUT = "pagefind"
# A language Pagefind neither segments nor stems: the text arrives already cut into terms.
LANGUAGE = "und"
HEADING_WEIGHT = 4.0
CONTEXT_WEIGHT = 0.5
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")

# Run by Node: the records' text in, their tokens out (one JSON document each way): the heading and its
# synonyms up to HEADING_END, the headings above it, then from BODY_START the body and its synonyms.
TOKENIZE = """
import { readFileSync } from "node:fs";
import { BODY_START, HEADING_END, contentTokens, synonymTokens, synonymsFor } from %s;
const { records, groups } = JSON.parse(readFileSync(0, "utf8"));
const out = records.map(({ title, parents, parts }) => {
  const titleWords = synonymsFor(title, groups);
  const context = parents.join(" ");
  const body = parts.map(([text]) => text).join("");
  return {
    heading: [...contentTokens(title), ...synonymTokens(titleWords), HEADING_END],
    context: [...contentTokens(context), ...synonymTokens(synonymsFor(context, groups))],
    body: [[[BODY_START], 1], ...parts.map(([text, weight]) => [contentTokens(text), weight]),
      [synonymTokens(synonymsFor(body, groups).filter((word) => !titleWords.includes(word))), 1]],
  };
});
process.stdout.write(JSON.stringify(out));
"""


def tokenize(records: list[Record], groups: list[list[str]]) -> list[dict]:
    script = TOKENIZE % json.dumps(TEXT_MODULE.as_uri())
    payload = json.dumps({"groups": groups, "records": [
        {"title": r.title, "parents": r.parents, "parts": r.parts} for r in records]}, ensure_ascii=False)
    try:
        result = subprocess.run(["node", "--input-type=module", "-e", script], input=payload, capture_output=True,
                                text=True, encoding="utf-8", check=False)
    except FileNotFoundError:
        raise PluginError("search index: Node.js (node) is needed to build the search index") from None
    if result.returncode != 0:
        raise PluginError(f"search index: tokenizing failed:\n{result.stderr}")
    return json.loads(result.stdout)


def document(record: Record, tokens: dict) -> str:
    """The record as the HTML Pagefind indexes: the tokens, weighted, and what a result shows."""
    meta = {"title": record.title, "page": record.page_title, "section": " › ".join(record.parents)}
    head = "".join(f'<meta data-pagefind-meta="{key}[content]" content="{html.escape(value)}">'
                   for key, value in meta.items() if value)
    head += f'<meta data-pagefind-filter="kind[content]" content="{record.kind}">'

    def span(words: list[str], weight: float | None = None) -> str:
        attr = f' data-pagefind-weight="{weight}"' if weight is not None else ""
        return f"<span{attr}>{html.escape(' '.join(words))}</span> " if words else ""

    # One paragraph of inline parts: Pagefind ends each block with a full stop, which would glue onto a token.
    body = (span(tokens["heading"], HEADING_WEIGHT) + span(tokens["context"], CONTEXT_WEIGHT)
            + "".join(span(words, None if weight == 1 else weight) for words, weight in tokens["body"]))
    return (f'<!doctype html><html lang="{LANGUAGE}"><head><title>{html.escape(record.title)}</title>{head}'
            f"</head><body><main data-pagefind-body><p>{body}</p></main></body></html>")


def file_name(record: Record) -> str:
    """Where the record is written for Pagefind, which makes its URL from the path: a page's own record
    is `faq/index.html` (URL /faq/), a section `faq/fee-price.html` (/faq/fee-price.html, which the
    search reads as faq/#fee-price)."""
    return f"{record.page}index.html" if record.level == 1 else f"{record.page}{record.anchor}.html"


def run_pagefind(documents: dict[str, str], output: Path) -> None:
    """Index the records with the Pagefind CLI, each written as its own small HTML file.
    (The Python API waits 0.1 s per record on its pipe: 25 s for this site, against 1 s here.)"""
    with tempfile.TemporaryDirectory(prefix="search-records-") as scratch:
        for name, content in documents.items():
            path = Path(scratch, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        command = [sys.executable, "-m", "pagefind", "--site", scratch, "--output-path", str(output),
                   "--force-language", LANGUAGE, "--quiet"]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PluginError(f"search index: pagefind failed:\n{result.stdout}{result.stderr}")


def build(site: Path) -> int:
    groups = load_synonyms(SYNONYMS)
    records = site_records(site)
    tokens = tokenize(records, groups)
    documents = {file_name(r): document(r, t) for r, t in zip(records, tokens)}
    if len(documents) != len(records):
        raise PluginError("search index: a section id is used twice on one page, or a section is named 'index'")
    output = site / OUTPUT
    shutil.rmtree(output, ignore_errors=True)
    run_pagefind(documents, output)
    for name in UNUSED:
        (output / name).unlink(missing_ok=True)
    return len(documents)


def on_post_build(config):
    count = build(Path(config.site_dir))
    log.info("search index: %d sections", count)
