"""MkDocs hook: a `.br` and a `.gz` file next to every text file and WebAssembly module of the built site.

Static servers send these instead of compressing on every request: nginx with `gzip_static on` and
`brotli_static on` (deploy/nginx.conf), and deploy/preview.py the same way. Brotli at its highest quality
makes pyodide.asm.wasm 2.7 MB where gzip makes 3.5 MB, but takes a minute for that one file, which no
server does per request. Large results are kept in build/compressed/ under the file's SHA-256, so only the
first build pays for them; the estimator page hook reads the same cache for the sizes its progress bar
counts (`transfer_size`). A compressed file is written only when it is smaller than the original.

Runs last (after the hooks that write into the site). Not under `mkdocs serve`, which serves plain files.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
from pathlib import Path

import brotli

log = logging.getLogger("mkdocs.hooks.precompress")

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "build" / "compressed"
SUFFIXES = (".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".wasm", ".webmanifest")
MIN_BYTES = 512  # below this, a compressed copy saves less than its headers cost
CACHED_FROM_BYTES = 128 * 1024  # results this large are kept between builds (the runtime, the bundles)
ENCODINGS = {"br": lambda data: brotli.compress(data, quality=11),
             "gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0)}

_enabled = True


def compressed(data: bytes, encoding: str) -> bytes:
    """`data` compressed with `encoding` ("br" or "gz"), from the cache when it is large."""
    if len(data) < CACHED_FROM_BYTES:
        return ENCODINGS[encoding](data)
    cached = CACHE / f"{hashlib.sha256(data).hexdigest()}.{encoding}"
    if cached.is_file():
        return cached.read_bytes()
    result = ENCODINGS[encoding](data)
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(cached.suffix + ".part")
    partial.write_bytes(result)
    partial.replace(cached)
    return result


def transfer_size(path: Path) -> int:
    """The bytes a browser downloads for `path` from a server that has its `.br` (the plain size if the
    file is not one this hook compresses, or under `mkdocs serve`)."""
    data = path.read_bytes()
    if not _enabled or path.suffix not in SUFFIXES or len(data) < MIN_BYTES:
        return len(data)
    return min(len(data), len(compressed(data, "br")))


def precompress(site: Path) -> int:
    """Write the `.br` and `.gz` of every compressible file under `site`; returns how many files."""
    count = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in SUFFIXES:
            continue
        data = path.read_bytes()
        if len(data) < MIN_BYTES:
            continue
        for encoding in ENCODINGS:
            packed = compressed(data, encoding)
            if len(packed) < len(data):
                path.with_name(f"{path.name}.{encoding}").write_bytes(packed)
        count += 1
    return count


def on_startup(command, dirty):
    global _enabled
    _enabled = command != "serve"


def on_post_build(config):
    if _enabled:
        log.info("precompress: %d files with .br and .gz", precompress(Path(config["site_dir"])))
