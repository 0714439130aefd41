"""Links never rot: every page and anchor ever published (anchors.json) still resolves."""

import json
import sys

import pytest

from site_support import ROOT, SITE, broken_links

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import anchors  # noqa: E402  (the hook under test)

RECORD = ROOT / "anchors.json"


def test_every_published_page_and_anchor_still_resolves():
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    assert len(record["pages"]) >= 12 and sum(map(len, record["pages"].values())) >= 200
    assert broken_links(record) == []


def test_the_record_holds_every_section_of_the_built_site():
    record = json.loads(RECORD.read_text(encoding="utf-8"))["pages"]
    for url in ("", "faq/", "guide/pricing/", "glossary/"):
        html = (SITE / url / "index.html").read_text(encoding="utf-8")
        assert anchors.published_anchors(html) - {"top"} <= set(record[url]) | {"top"}, url
    assert "fee-price" in record["faq/"]


def test_a_removed_anchor_or_page_is_reported(tmp_path):
    (tmp_path / "faq").mkdir()
    (tmp_path / "faq" / "index.html").write_text('<h2 id="fee">料金</h2>', encoding="utf-8")
    record = {"pages": {"faq/": ["fee", "fee-price"], "old/": []}}
    problems = broken_links(record, tmp_path)
    assert any("faq/#fee-price" in p for p in problems)
    assert any("'old/'" in p for p in problems)
    assert len(problems) == 2


def test_a_redirect_keeps_a_moved_page_and_its_anchors(tmp_path):
    from mkdocs_redirects.plugin import write_html

    (tmp_path / "guide" / "fees").mkdir(parents=True)
    (tmp_path / "guide" / "fees" / "index.html").write_text('<h2 id="price">料金</h2>', encoding="utf-8")
    write_html(str(tmp_path), "guide/price/index.html", "../fees/")
    assert broken_links({"pages": {"guide/price/": ["price"]}}, tmp_path) == []
    assert broken_links({"pages": {"guide/price/": ["gone"]}}, tmp_path) == ["guide/price/#gone is gone and has no alias"]


def test_an_alias_keeps_an_old_anchor_before_the_renamed_heading():
    html = '<p>前置き</p>\n<h2 id="pricing-new">料金</h2>'
    out = anchors.add_aliases(html, {"pricing-old": "pricing-new"}, "x.md")
    assert out == '<p>前置き</p>\n<span class="anchor-alias" id="pricing-old"></span><h2 id="pricing-new">料金</h2>'
    assert anchors.published_anchors("<article>" + out + "</article>") == {"pricing-old", "pricing-new"}


@pytest.mark.parametrize("aliases", [{"a": "missing"}, {"pricing-new": "pricing-new"}, {"bad id": "pricing-new"}])
def test_a_wrong_alias_fails_the_build(aliases):
    with pytest.raises(ValueError):
        anchors.add_aliases('<h2 id="pricing-new">料金</h2>', aliases, "x.md")


def test_the_record_only_grows():
    merged = anchors.merge({"pages": {"faq/": ["old"]}}, {"faq/": {"new"}, "glossary/": {"term"}})
    assert merged["pages"] == {"faq/": ["new", "old"], "glossary/": ["term"]}
