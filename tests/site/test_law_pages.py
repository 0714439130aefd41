"""The law and the 謝金 example as a reader sees them on the built site: every quoted text with its
version and reading day, old wording announced before it is quoted, one hedged statement on 記帳
wherever 記帳 is discussed, the site's own readings marked, and the ended programme said once."""

import re
from pathlib import Path

import pytest

from estimator import default_dataset
from estimator.units import day_ja

SITE = Path(__file__).resolve().parents[2] / "site"


def html(path: str) -> str:
    return (SITE / path).read_text(encoding="utf-8")


def text(fragment: str) -> str:
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", fragment))


def section(path: str, anchor: str) -> str:
    """The reader's text of one section, below its heading, up to the next heading of the same or a higher level."""
    page = html(path)
    match = re.search(rf'<h([1-6])[^>]*id="{anchor}"', page)
    assert match, f"{path}#{anchor}"
    level = int(match.group(1))
    end = re.compile(rf"<h[1-{level}][\s>]")
    rest = page[page.index(f"</h{level}>", match.end()) + 5:]
    stop = end.search(rest)
    return text(rest[: stop.start()] if stop else rest)


@pytest.fixture(scope="module", autouse=True)
def built():
    assert (SITE / "index.html").exists(), "build the site first (make test does)"


@pytest.mark.parametrize("page", sorted(p for p in SITE.rglob("*.html") if "assets" not in p.parts),
                         ids=lambda p: str(p.relative_to(SITE)))
def test_no_law_reading_or_term_marker_is_left_unfilled(page):
    assert not re.search(r"<!--\s*(law|quote|reading|term):", page.read_text(encoding="utf-8"))


def test_every_law_block_shows_the_day_this_copy_was_read_and_its_version():
    data = default_dataset()
    page = text(html("guide/not-delegable/index.html"))
    blocks = page.count("この写しを読んだ日：")
    shown = sum(1 for p in data.law.professions for part in (p.bar, p.penalty, p.company) if hasattr(part, "url"))
    assert blocks >= shown >= 6
    assert page.count("写しの版：") == blocks
    assert "に読みました）" not in page.split("この写しを読んだ日")[0], "a reading day outside a law block"


def test_old_penalty_wording_is_announced_before_it_is_quoted():
    block = section("guide/not-delegable/index.html", "reserved-zeirishi")
    warning = block.index("次の文言は、2025年6月1日の改正より前の写しのものです。")
    assert warning < block.index("2年以下の懲役") < block.index("拘禁刑に改められました")
    assert "現在の条文とは確かめていません" in block


def test_company_liability_is_assumed_where_the_article_was_not_read():
    for anchor in ("reserved-zeirishi", "reserved-sharoushi", "reserved-bengoshi", "reserved-shihoshoshi"):
        assert "引き受けた会社も罰せられるものと考えて" in section("guide/not-delegable/index.html", anchor), anchor
    who = section("guide/not-delegable/index.html", "who-is-punished")
    assert "無効とされることがあります" in who and "当社の理解です" in who


def test_the_bengoshi_article_is_stated_with_its_three_conditions():
    data_page = section("guide/not-delegable/index.html", "reserved-bengoshi")
    for condition in ("報酬を得る目的", "業として", "法律事件"):
        assert condition in data_page
    faq = section("faq/index.html", "tasks-contracts")
    assert all(c in faq for c in ("報酬を得る目的", "業として", "法律事件", "弁護士法第72条", "行政書士法第19条"))


BOOKKEEPING = text(default_dataset().law.position("bookkeeping").text)


@pytest.mark.parametrize("path, anchor", [
    ("faq/index.html", "tasks-bookkeeping"),
    ("glossary/index.html", "term-bookkeeping"),
    ("guide/not-delegable/index.html", "gyoseishoshi-fact-documents"),
    ("guide/not-delegable/index.html", "reserved-zeirishi"),
])
def test_bookkeeping_carries_the_same_hedge_wherever_it_is_discussed(path, anchor):
    assert BOOKKEEPING + "（当社の理解です）" in section(path, anchor)


def test_no_page_calls_bookkeeping_free_work_without_the_hedge():
    for page in sorted(p for p in SITE.rglob("index.html") if "assets" not in p.parts):
        body = text(page.read_text(encoding="utf-8"))
        for claim in ("税理士でなくても行えるため", "税理士以外の人にとっては自由業務", "資格がなくても行える自由業務にあたります"):
            assert claim not in body, (page, claim)


def test_account_titles_and_tax_treatment_are_told_apart():
    faq = section("faq/index.html", "tasks-bookkeeping")
    assert "勘定科目" in faq and "税務相談にあたります" in faq


def test_e_tax_guidance_carries_the_same_hedge_in_the_faq_and_the_guide():
    hedge = text(default_dataset().law.position("etax-guidance").text)
    assert hedge in section("faq/index.html", "tasks-tax-return")
    assert hedge in section("guide/not-delegable/index.html", "zeirishi-tax-advice")


def test_permits_answer_reserves_the_making_of_documents_not_everything():
    answer = section("faq/index.html", "tasks-registration-permits")
    assert answer.startswith("登記の手続きと、許認可の申請書類を作ることは")
    assert "書類を他人の依頼で報酬を得て作ること" in answer


def test_every_reading_of_the_site_is_listed_with_what_it_rests_on():
    data = default_dataset()
    listed = section("guide/not-delegable/index.html", "law-positions")
    for position in data.law.positions:
        assert text(position.text) in listed
        for record in position.basis:
            assert text(data.law.basis(record).article) in listed


def test_the_consent_answer_quotes_the_article_it_rests_on():
    answer = section("faq/index.html", "security-consent-third-party")
    assert answer.startswith("業務を任せるために渡すのであれば、本人の同意は要りません。")
    assert "第27条第5項第1号" in answer and "第25条" in answer
    assert 'href="../guide/security/#security-entrustment"' in html("faq/index.html")
    quoted = default_dataset().law.article("privacy-entrustment")
    guide = section("guide/security/index.html", "security-entrustment")
    assert text(quoted.excerpt) in guide and day_ja(quoted.read_on) in guide


def test_the_subsidy_page_is_the_shakin_programme_said_to_have_ended_once():
    page = html("guide/subsidy/index.html")
    title = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)
    assert "謝金" in title and "終了" in title and "補助金の例" not in title
    assert page.count('class="admonition warning"') == 1
    body = text(page.split("<article", 1)[1])
    assert body.count("終了した事業の例として説明しています") == 1
    assert "確かめられていません" in body  # what was not verified about the end is said
    assert "4,250円は、案内ページの170,000円を40時間で割ってこのサイトが出した値です" in body


def test_the_subsidy_faq_answers_whether_a_subsidy_can_pay_this_providers_fees():
    answer = section("faq/index.html", "subsidy-available")
    assert answer.startswith("当社の料金に使える補助金は、当社ではご案内していません。")
    assert "補助金ではありませんでした" in answer
