"""MkDocs hook: the Pagefind search index, built into site/pagefind/ after each build.

Runs the extended Pagefind binary from the venv (`pagefind[extended]`, the build that segments Japanese);
the pages say `<html lang="ja">`, so the index is Japanese. Only each page's article is indexed
(`data-pagefind-body` in overrides/main.html); the header search (assets/javascripts/site/search.js)
loads the index on first use.
"""

from __future__ import annotations

import logging
import subprocess
import sys

log = logging.getLogger("mkdocs.hooks.pagefind_index")


def on_post_build(config):
    command = [sys.executable, "-m", "pagefind", "--site", config.site_dir, "--output-subdir", "pagefind", "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        log.error("pagefind failed:\n%s%s", result.stdout, result.stderr)
        raise SystemExit(1)
    for line in (result.stdout + result.stderr).splitlines():
        if line.strip():
            log.info("pagefind: %s", line.strip())
