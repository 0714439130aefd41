"""What the search index is built from (overrides/hooks/search_records.py, search_synonyms.py,
pagefind_index.py): one record per section, mentions weighing half, and the operator's synonym file,
whose mistakes stop the build naming the file, the group and the field."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import pagefind_index  # noqa: E402
import search_records  # noqa: E402
from search_synonyms import load_synonyms, read_synonyms  # noqa: E402

from estimator.errors import DataError  # noqa: E402

SITE = ROOT / "site"
SYNONYMS = ROOT / "estimator" / "data" / "search.toml"

PAGE = """<html><body><article><div data-pagefind-body>
<h1 id="top">よくある質問<span class="copy-link"><button>x</button></span></h1><p>はじめに。</p>
<h2 id="fee">料金</h2>
<h3 id="fee-price">料金はいくらですか</h3><p>1時間3,500円です。詳しくは<a href="#x">料金の決まり方</a>をご覧ください。</p>
<blockquote><p>例文：メール対応をお願いします</p></blockquote>
<div class="wrapper"><h3 id="fee-tax">税込みですか</h3><p>税抜きです。</p></div>
<aside class="md-source-file">最終更新日: 2026年11月1日</aside>
</div></article></body></html>"""


def test_each_heading_with_an_id_is_a_section_with_its_own_text():
    records = search_records.page_records(PAGE, "faq/")
    assert [(r.url, r.title, r.parents) for r in records] == [
        ("faq/", "よくある質問", []),
        ("faq/#fee-price", "料金はいくらですか", ["料金"]),
        ("faq/#fee-tax", "税込みですか", ["料金"]),
    ], "the category 料金 has no text of its own and is no answer"
    assert records[0].body == "はじめに。"
    assert records[2].body == "税抜きです。", "the last-updated line is no part of a section"
    assert records[1].kind == "section" and records[0].kind == "page"


def test_links_and_quotations_weigh_half():
    price = search_records.page_records(PAGE, "faq/")[1]
    weights = {text.strip(): weight for text, weight in price.parts}
    assert weights["料金の決まり方"] == 0.5
    assert weights["例文：メール対応をお願いします"] == 0.5
    assert any(weight == 1 and "1時間3,500円です。" in text for text, weight in price.parts)


def test_a_page_with_a_form_is_a_tool_indexed_by_its_title_and_introduction():
    page = """<div data-pagefind-body><h1 id="top">お見積もり</h1><p>業務を選ぶと料金が出ます。</p>
    <h2 id="form">1. 業務を選ぶ</h2><form><label>請求書の発行</label></form></div>"""
    records = search_records.page_records(page, "estimate/")
    assert [(r.url, r.body) for r in records] == [("estimate/", "業務を選ぶと料金が出ます。")]


def test_glossary_terms_are_definitions():
    page = '<div data-pagefind-body><h1 id="g">用語集</h1><h2 id="s">料金</h2><h3 id="term-x">従量制</h3><p>使った分だけ払う方式です。</p></div>'
    assert [r.kind for r in search_records.page_records(page, "glossary/")] == ["page", "definition"]


def test_record_files_give_pagefind_the_link_the_search_reads_back():
    page, section = search_records.page_records(PAGE, "faq/")[:2]
    assert pagefind_index.file_name(page) == "faq/index.html"
    assert pagefind_index.file_name(section) == "faq/fee-price.html"


def test_the_built_site_has_a_record_for_every_faq_question_and_glossary_term():
    if not (SITE / "index.html").exists():
        pytest.fail("build the site first (make test does)")
    records = search_records.site_records(SITE)
    urls = {r.url for r in records}
    faq = (SITE / "faq" / "index.html").read_text(encoding="utf-8")
    questions = re.findall(r'<h3 id="([^"]+)"', faq)
    assert len(questions) > 40 and all(f"faq/#{q}" in urls for q in questions)
    glossary = re.findall(r'<h3 id="(term-[^"]+)"', (SITE / "glossary" / "index.html").read_text(encoding="utf-8"))
    assert all(f"glossary/#{t}" in urls for t in glossary)
    assert [r.url for r in records if r.page == "estimate/"] == ["estimate/"]
    assert all(r.body for r in records if r.level > 1)


def test_the_shipped_synonyms_load():
    groups = load_synonyms(SYNONYMS)
    assert ["繰り越し", "繰越", "持ち越し", "翌月に回す"] in groups
    assert any("せいきゅうしょ" in group for group in groups)


@pytest.mark.parametrize("content,where", [
    ('[[synonyms]]\nwords = ["繰越"]\n', "search.toml: synonyms[0]: words: 2つ以上の言葉が必要です"),
    ('[[synonyms]]\nwords = ["a", "b"]\n[[synonyms]]\nwords = ["c", "Ａ"]\n', "search.toml: synonyms[1]: words: 「Ａ」はsynonyms[0]にもあります"),
    ('[[synonyms]]\nword = ["a", "b"]\n', "search.toml: synonyms[0]: words: 必須の項目がありません"),
    ('[[synonyms]]\nwords = ["a", "、"]\n', "search.toml: synonyms[0]: words: 文字や数字を含む言葉が必要です"),
    ('[[synonyms]]\nwords = "a b"\n', "search.toml: synonyms[0]: words: 文字列の配列が必要です"),
    ('synonyms = 1\n', "search.toml: -: synonyms: 1つ以上のテーブルの配列が必要です"),
    ('[[synonyms]\n', "search.toml: -: -: TOML として読めません"),
])
def test_a_mistake_in_the_synonym_file_names_the_file_the_group_and_the_field(tmp_path, content, where):
    path = tmp_path / "search.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as error:
        read_synonyms(path)
    assert str(error.value).startswith(where)


def test_the_build_stops_on_a_broken_synonym_file(tmp_path):
    from mkdocs.exceptions import PluginError

    path = tmp_path / "search.toml"
    path.write_text('[[synonyms]]\nwords = ["繰越"]\n', encoding="utf-8")
    with pytest.raises(PluginError, match="search.toml: synonyms"):
        load_synonyms(path)
