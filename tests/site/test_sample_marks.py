"""The 「見本」 mark (overrides/hooks/sample_marks.py, applied by data_tables.fill): while the provider's terms
are samples, every value filled from them carries one mark where it stands, one per paragraph or table,
never in a heading nor in the search index; sourced figures (catalog, market, law) carry none; and a
build with `is_sample = false` has no mark and no notice anywhere."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from estimator import default_dataset, load_dataset, terms_text
from estimator.dataset import DEFAULT_DATA_DIR

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import data_tables  # noqa: E402
import sample_marks  # noqa: E402
import search_records  # noqa: E402

SITE = ROOT / "site"
MARK = sample_marks.MARK
NOTICE = "!!! info sample-notice"


def real_terms(tmp_path: Path) -> Path:
    """A copy of the data whose terms are the provider's own (`is_sample = false`)."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    terms = target / "terms.toml"
    text = terms.read_text(encoding="utf-8")
    assert text.count("\nis_sample = true") == 1
    terms.write_text(text.replace("\nis_sample = true", "\nis_sample = false"), encoding="utf-8")
    return target


def fill(markdown: str, data=None) -> str:
    return data_tables.fill(markdown, data or default_dataset(), "guide/example.md")


def provider_markers():
    """Every marker filled from the provider's terms, and every one that is not."""
    tables = {"value": data_tables.VALUES, "term": data_tables.TERMS, "data": data_tables.BLOCKS}
    everything = [(kind, name) for kind, table in tables.items() for name in table]
    return ([m for m in everything if m[1] not in data_tables.NOT_TERMS],
            [m for m in everything if m[1] in data_tables.NOT_TERMS])


PROVIDER, SOURCED = provider_markers()


@pytest.mark.parametrize("kind, name", PROVIDER, ids=lambda m: str(m))
def test_every_provider_marker_carries_one_mark(kind, name):
    filled = fill(f"# 見出し {{#x}}\n\n<!-- {kind}:{name} -->\n")
    assert filled.count(MARK) == 1, filled
    assert NOTICE in filled


@pytest.mark.parametrize("kind, name", SOURCED + [("law", "zeirishi"), ("task", "translation")], ids=lambda m: str(m))
def test_sourced_figures_carry_no_mark_and_bring_no_notice(kind, name):
    filled = fill(f"# 見出し {{#x}}\n\n<!-- {kind}:{name} -->\n")
    assert MARK not in filled and NOTICE not in filled


def test_hiring_markers_are_marked_they_rest_on_the_providers_prices():
    assert {("term", "hire-or-outsource"), ("data", "hire-or-outsource"), ("value", "hire-break-even")} <= set(PROVIDER)


def test_a_value_is_marked_at_the_end_of_its_sentence_not_inside_a_word():
    data = default_dataset()
    filled = fill("# 料金\n\n超過分は<!-- value:overage-increment -->単位で切り上げます。\n次の文です。\n")
    overage = f"{data.terms.pricing.overage_increment_minutes}分単位で切り上げます。"
    assert f"{overage}{MARK}\n次の文です。" in filled


def test_one_mark_per_paragraph_after_the_last_value():
    data = default_dataset()
    filled = fill("# 解約\n\n<!-- term:cancellation -->\n<!-- term:refund -->\nくわしくは料金のページをご覧ください。\n\n"
                  "<!-- term:trial -->\n")
    first, second = filled.split("\n\n")[-2:]
    assert first.count(MARK) == 1 and first.index(MARK) == first.index(terms_text.refund(data.terms)) + len(terms_text.refund(data.terms))
    assert second.count(MARK) == 1


def test_a_table_carries_its_mark_in_the_header_of_the_column_with_values():
    filled = fill("# 比較\n\n| 確かめる点 | 当社 |\n|---|---|\n| 期間 | <!-- term:minimum-term --> |\n"
                  "| 繰り越し | <!-- term:unused-hours --> |\n| 範囲 | 一覧のとおり |\n")
    table = filled.split("\n\n")[-1].split("\n")
    assert table[0] == f"| 確かめる点 | 当社{MARK} |"
    assert all(MARK not in row for row in table[1:])
    plans = fill("# プラン\n\n<!-- data:plans -->\n").split("\n\n")[-1]
    assert plans.split("\n")[0].startswith(f"| プラン{MARK} |") and plans.count(MARK) == 1


def test_a_list_gets_a_caption_and_the_paragraph_that_introduces_it_no_second_mark():
    filled = fill("# 単価\n\n単価は1時間<!-- value:hourly-rate -->です。\n次のとおりです。\n\n<!-- data:rates -->\n")
    intro, caption, items = filled.split("\n\n")[-3:]
    assert MARK not in intro
    assert caption == sample_marks.CAPTION_HTML
    assert items.startswith("- ") and MARK not in items


def test_headings_never_carry_a_mark():
    filled = fill("# <!-- value:provider-name --> {#x}\n\n## <!-- value:provider-name -->について {#y}\n\nふつうの文です。\n")
    assert MARK not in filled


def test_the_estimator_page_gets_its_own_notice_and_real_terms_none(tmp_path):
    page = (ROOT / "docs" / "estimate" / "index.md").read_text(encoding="utf-8")
    assert NOTICE in data_tables.fill(page, default_dataset(), "estimate/index.md")
    assert NOTICE not in data_tables.fill(page, load_dataset(real_terms(tmp_path)), "estimate/index.md")


def test_real_terms_fill_every_guide_without_mark_or_notice(tmp_path):
    data = load_dataset(real_terms(tmp_path))
    for path in sorted((ROOT / "docs").rglob("*.md")):
        filled = data_tables.fill(path.read_text(encoding="utf-8"), data, str(path.relative_to(ROOT / "docs")))
        assert "sample-" not in filled and sample_marks.PENDING not in filled, path


# The built site (make build).

def built(page: str) -> BeautifulSoup:
    return BeautifulSoup((SITE / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def section(soup: BeautifulSoup, anchor: str) -> list:
    """The elements of one section: after its heading, up to the next heading."""
    out = []
    for element in soup.find(id=anchor).find_next_siblings():
        if re.fullmatch(r"h[1-6]", element.name or ""):
            break
        out.append(element)
    return out


def test_the_built_answers_carry_the_mark_next_to_the_value():
    terms = default_dataset().terms
    cancel = section(built("faq"), "contract-cancel")
    marked = [p for p in cancel if p.select(".sample-mark")]
    assert len(marked) == 1 and terms_text.cancellation(terms) in marked[0].get_text()
    plans = section(built("guide/pricing"), "pricing-plans")
    headers = [th for element in plans for th in element.select("thead th .sample-mark")]
    assert len(headers) == 1


def test_no_heading_and_no_paragraph_of_the_built_site_has_more_than_it_should():
    pages = [p.parent.relative_to(SITE).as_posix() for p in SITE.rglob("index.html")
             if p.relative_to(SITE).parts[0] not in {"assets", "pagefind"}]
    total = 0
    for page in pages:
        soup = built(page)
        for heading in soup.select("h1, h2, h3, h4, h5, h6"):
            assert not heading.select(".sample-mark"), (page, heading.get_text())
        for paragraph in soup.select("article p, article li, article td, article dd"):
            assert len(paragraph.select(".sample-mark")) <= 1, (page, paragraph.get_text()[:60])
        total += len(soup.select(".sample-mark"))
    assert total > 50, "the shipped terms are samples: pages show marks"


def test_the_search_records_leave_the_marks_and_notes_out():
    """A mark reads 「見本（サンプルの値）」 and the note 「…見本として入れた値です」: neither may be in a record."""
    records = search_records.site_records(SITE)
    assert len(records) > 100
    for record in records:
        text = record.title + record.body
        assert "サンプルの値" not in text and "見本として入れた" not in text, record.url
        assert data_tables.SAMPLE_NOTICE not in text, record.url


BUILD = """
import sys
from pathlib import Path
import estimator.dataset
estimator.dataset.DEFAULT_DATA_DIR = Path(sys.argv[1])
from mkdocs.__main__ import cli
cli(["build", "--strict", "--quiet", "--site-dir", sys.argv[2]])
"""


def test_a_build_with_real_terms_has_no_mark_and_no_notice(tmp_path):
    shipped = (SITE / "faq" / "index.html").read_text(encoding="utf-8")
    assert "sample-mark" in shipped and "sample-notice" in shipped, "the shipped build marks its samples"
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-c", BUILD, str(real_terms(tmp_path)), str(site)], cwd=ROOT, check=True,
                   timeout=600)
    pages = sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)
    assert len(pages) > 10
    for path in pages:
        html = path.read_text(encoding="utf-8")
        for found in ("sample-mark", "sample-caption", "sample-notice", "サンプルの値", "見本として入れた"):
            assert found not in html, (path, found)
    estimator = BeautifulSoup((site / "estimate" / "index.html").read_text(encoding="utf-8"), "html.parser")
    for slot in ("bar", "start", "costs", "message", "method"):
        assert "見本" not in estimator.select_one(f"[data-est={slot}]").get_text(), slot
