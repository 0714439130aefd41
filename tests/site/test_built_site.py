"""The built site (make test builds it first): stable ids, data-driven tables, navigation."""

import re
from pathlib import Path

import pytest

from estimator import default_dataset
from estimator.pricing import with_tax
from estimator.units import yen

SITE = Path(__file__).resolve().parents[2] / "site"
PAGES = sorted(p for p in SITE.rglob("*.html") if "assets" not in p.parts)


@pytest.fixture(scope="module", autouse=True)
def built():
    assert (SITE / "index.html").exists(), "build the site first (make test does)"


def html(path: str) -> str:
    return (SITE / path).read_text(encoding="utf-8")


def text(path: str) -> str:
    """The page as a reader sees it: tags (such as glossary <abbr>) removed."""
    return re.sub(r"<[^>]+>", "", html(path))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(SITE)))
def test_every_heading_has_a_stable_ascii_id(page):
    text = page.read_text(encoding="utf-8")
    main = text.split('<article', 1)[-1]
    for level, attributes in re.findall(r"<h([1-6])([^>]*)>", main):
        ident = re.search(r'id="([^"]*)"', attributes)
        if level == "1" and ident is None:
            continue  # Material's page title; the page URL is its link
        assert ident, f"h{level} without id in {page}"
        assert re.fullmatch(r"[a-z][a-z0-9-]*", ident.group(1)), ident.group(1)
    assert not re.search(r'id="_\d+"', text)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(SITE)))
def test_no_data_marker_is_left_unfilled(page):
    assert not re.search(r"<!--\s*(data|value):", page.read_text(encoding="utf-8"))


def task_section(page_html: str, task_id: str) -> str:
    """One task's section of the built task list: its heading up to the next heading."""
    start = page_html.index(f'id="task-{task_id}"')
    return re.split(r"<h[1-4][ >]", page_html[start:], maxsplit=1)[0]


def test_catalog_page_lists_every_task_from_the_data():
    page = text("guide/tasks/index.html")
    for task in default_dataset().catalog.tasks:
        assert task.name in page, task.name
    for category in default_dataset().catalog.categories:
        assert f'id="catalog-{category.id}"' in html("guide/tasks/index.html")


def test_each_task_shows_where_its_minutes_come_from():
    """Every published figure with its page and the day it was read; otherwise 「仮定」 and the reasons."""
    page = html("guide/tasks/index.html")
    assert "2026年11月に確認しました" not in page  # the old check date that no record backed
    catalog = default_dataset().catalog
    for task in catalog.tasks:
        section = task_section(page, task.id)
        words = re.sub(r"<[^>]+>", "", section)
        if task.minutes_basis == "published":
            for source in task.sources:
                assert f'href="{source.url}"' in section.replace("&amp;", "&"), (task.id, source.url)
                assert source.title in words and source.figure in words, task.id
                assert f"{source.read_on.year}年{source.read_on.month}月{source.read_on.day}日に読みました" in words
                assert not source.differs or source.differs in words
        elif task.minutes_basis == "assumed":
            assert "仮定" in words and task.assumption in words, task.id
        elif task.minutes_basis == "reserved":
            assert catalog.reserved_by(task) in words and "時間には含めません" in words, task.id
        assert "に読みました" in words or task.minutes_basis != "published"
    for item in catalog.not_offered:
        words = re.sub(r"<[^>]+>", "", task_section(page, item.id))
        assert item.name in words and "お引き受けしていません" in words and item.reason in words, item.id


def test_contract_drafting_names_both_professions_for_their_parts():
    words = re.sub(r"<[^>]+>", "", task_section(html("guide/tasks/index.html"), "contract-drafting"))
    assert "作成は行政書士（行政書士法第19条）、争いのある案件や法的判断は弁護士（弁護士法第72条）" in words


def test_faq_answers_about_offline_work_and_new_tasks_come_from_the_catalog():
    catalog = default_dataset().catalog
    faq = text("faq/index.html")
    for item_id in ("mail-handling", "document-scanning", "shipping", "onsite-reception"):
        item = catalog.not_offered_task(item_id)
        assert f"当社は{item.name}をお引き受けしていません。{item.reason}" in faq, item_id
    for task_id in ("translation", "meeting-minutes"):
        task = catalog.task(task_id)
        assert f"当社は{task.name}をお引き受けします。" in faq, task_id
    for anchor in ("tasks-translation", "tasks-minutes", "tasks-mail-scan", "tasks-onsite"):
        assert f'id="{anchor}"' in html("faq/index.html")


def test_the_market_section_gives_every_figure_with_its_page_and_day():
    from estimator.market import load_market

    section = html("guide/pricing/index.html").split('id="pricing-market"', 1)[1].split("<h2", 1)[0]
    for figure in load_market():
        assert f'href="{figure.url}"' in section.replace("&amp;", "&"), figure.url
        assert figure.figure in re.sub(r"<[^>]+>", "", section)
    assert "に読みました" in section


def test_pricing_page_shows_the_plans_from_the_terms():
    page = text("guide/pricing/index.html")
    terms = default_dataset().terms
    for plan in terms.pricing.plans:
        assert plan.name in page and yen(plan.monthly_fee_yen) in page
        assert yen(with_tax(plan.monthly_fee_yen, terms.pricing).gross_yen) in page


def test_subsidy_page_shows_the_worked_example_as_ended():
    page = text("guide/subsidy/index.html")
    for figure in ("60,000円", "48,000円", "140,000円", "188,000円", "170,000円"):
        assert figure in page
    assert "終了" in page


def test_links_the_estimator_gives_exist_in_the_guides():
    data = default_dataset()
    targets = {t.guide for t in data.catalog.tasks} | {p.guide for p in data.catalog.professions}
    targets |= {k.guide for k in data.catalog.service_kinds}
    for target in sorted(targets):
        path, _, anchor = target.partition("#")
        page = html(path + "index.html")
        if anchor:
            assert f'id="{anchor}"' in page, target


def test_every_page_is_in_the_navigation():
    home = html("index.html")
    for page in PAGES:
        relative = page.relative_to(SITE).as_posix()
        if relative in ("404.html", "index.html"):
            continue
        url = relative.removesuffix("index.html")
        assert f'href="{url}"' in home or f'href="./{url}"' in home, url


def test_faq_has_forty_questions_with_ids():
    questions = re.findall(r'<h3 id="([a-z0-9-]+)"', html("faq/index.html"))
    assert len(questions) >= 40


def test_glossary_terms_get_tooltips_inside_japanese_text():
    page = html("guide/tasks/index.html")
    # 「バックオフィスの」: Markdown's own abbr needs a word boundary and would not match it.
    assert re.search(r'<abbr title="[^"]+">バックオフィス</abbr>[\u3040-\u30ff\u4e00-\u9fff]', page)


@pytest.mark.parametrize("path", ["guide/flow/index.html", "faq/index.html"])
def test_japanese_lines_are_joined_without_a_space(path):
    paragraphs = re.findall(r"<p>(.*?)</p>", html(path), re.S)
    assert paragraphs
    # Also across inline tags such as a glossary <abbr> at the start of a line.
    stray = re.compile(r"[。、ぁ-んァ-ン一-龥](</[a-z]+>)*\n(<[a-z][^>]*>)*[ぁ-んァ-ン一-龥]")
    assert not any(stray.search(p) for p in paragraphs)
