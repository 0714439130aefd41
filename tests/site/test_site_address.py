"""The built site names no host unless it was given one: no 127.0.0.1, no localhost, in any built file.

The public address comes from SITE_URL at build (mkdocs.yml); a build without it (this one, in `make test`)
uses relative links and the address a page was opened at. tests/browser/test_deploy_address.py builds the
site with an address and serves both under a sub-path.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
TEXT = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".txt", ".svg", ".webmanifest", ".conf", ""}
LOCAL = re.compile(r"127\.0\.0\.1|//localhost\b")


def built_address(site: Path) -> str:
    match = re.search(r'id="site-data" data-site-url="([^"]*)"', (site / "index.html").read_text(encoding="utf-8"))
    return match.group(1) if match else ""


def local_addresses(site: Path) -> list[str]:
    """"file: the local address" for every built text file that holds one."""
    found = []
    for path in sorted(site.rglob("*")):
        if path.is_file() and (path.suffix in TEXT or path.name == "_headers"):
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [f"{path.relative_to(site)}: {m.group(0)}" for m in LOCAL.finditer(text)]
    return found


def test_no_built_file_names_a_local_address_unless_asked():
    if not (SITE / "index.html").is_file():
        pytest.fail("site/ is not built: run `make build` (make test does it)")
    if LOCAL.search(built_address(SITE)):
        pytest.skip(f"built with SITE_URL={built_address(SITE)}: asked for")
    assert local_addresses(SITE) == []


def test_the_check_finds_a_local_address(tmp_path):
    (tmp_path / "index.html").write_text('<a href="http://127.0.0.1:8000/faq/">x</a>', encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text("<loc>http://localhost:8000/</loc>", encoding="utf-8")
    assert local_addresses(tmp_path) == ["index.html: 127.0.0.1", "sitemap.xml: //localhost"]


def test_without_an_address_the_site_names_no_host_in_its_links():
    if built_address(SITE):
        pytest.skip("built with SITE_URL")
    html = (SITE / "guide" / "pricing" / "index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in html and 'property="og:url"' not in html
    sitemap = (SITE / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>guide/pricing/</loc>" in sitemap and "://" not in sitemap.replace("http://www.sitemaps.org", "")
