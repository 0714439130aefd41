"""The precompressed files the build writes (overrides/hooks/precompress.py) and how they are served: by
deploy/preview.py as nginx's `brotli_static` and `gzip_static` serve them (deploy/nginx.conf)."""

from __future__ import annotations

import gzip
import importlib.util
import urllib.request
from pathlib import Path

import brotli
import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"


def load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


precompress = load("precompress", ROOT / "overrides" / "hooks" / "precompress.py")
preview = load("preview", ROOT / "deploy" / "preview.py")
DECODE = {"br": brotli.decompress, "gz": gzip.decompress}


def compressible() -> list[Path]:
    if not (SITE / "index.html").is_file():
        pytest.fail("site/ is not built: run `make build` (make test does it)")
    return [p for p in sorted(SITE.rglob("*")) if p.is_file() and p.suffix in precompress.SUFFIXES
            and p.stat().st_size >= precompress.MIN_BYTES]


def test_every_text_file_and_webassembly_module_has_its_br_and_gz():
    files = compressible()
    assert any(p.name == "pyodide.asm.wasm" for p in files) and any(p.suffix == ".html" for p in files)
    for path in files:
        data = path.read_bytes()
        for encoding, decode in DECODE.items():
            packed = path.with_name(f"{path.name}.{encoding}")
            assert packed.is_file(), packed
            assert decode(packed.read_bytes()) == data, f"{packed} is not {path.name} (stale?)"
            assert packed.stat().st_size < len(data)


def test_no_compressed_file_outlives_its_original():
    for packed in list(SITE.rglob("*.br")) + list(SITE.rglob("*.gz")):
        if packed.name == "sitemap.xml.gz":  # MkDocs' own, for search engines
            continue
        assert packed.with_suffix("").is_file(), packed


def test_brotli_makes_the_runtime_smaller_than_gzip():
    wasm = next(SITE.glob("assets/pyodide/*/pyodide.asm.wasm"))
    br, gz = (wasm.with_name(wasm.name + s).stat().st_size for s in (".br", ".gz"))
    assert br < 0.85 * gz < 0.4 * wasm.stat().st_size


@pytest.fixture(scope="module")
def host():
    server, url = preview.host_server(SITE)
    yield url
    server.shutdown()
    server.server_close()


def fetch(url: str, accept: str):
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept} if accept else {})
    with urllib.request.urlopen(request) as response:
        return response.headers, response.read()


@pytest.mark.parametrize("accept, encoding", [("gzip, deflate, br, zstd", "br"), ("gzip", "gzip"), ("", None)])
def test_the_preview_sends_the_precompressed_file_the_client_accepts(host, accept, encoding):
    wasm = next(SITE.glob("assets/pyodide/*/pyodide.asm.wasm")).relative_to(SITE).as_posix()
    for path, original in ((wasm, SITE / wasm), ("guide/pricing/", SITE / "guide" / "pricing" / "index.html")):
        headers, body = fetch(host + path, accept)
        assert headers.get("Content-Encoding") == encoding
        decode = {"br": brotli.decompress, "gzip": gzip.decompress, None: lambda b: b}[encoding]
        assert decode(body) == original.read_bytes()
        assert headers["Content-Type"].split(";")[0] == ("application/wasm" if path == wasm else "text/html")
        assert headers["Vary"] == "Accept-Encoding"


def test_nginx_sends_the_precompressed_files():
    conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert "gzip_static on;" in conf and "brotli_static on;" in conf
