"""The staff page's 「よくある問い合わせと貼るリンク」 (overrides/hooks/staff_answers.py, data in
estimator/data/staff_answers.toml): at least 40 client questions, each linked to a section that exists in
the built site; a section renamed or removed fails the build naming the question and the anchor; a broken
data file names the file, the topic and the field; the list is kept out of the search."""

import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from estimator.errors import DataError

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import staff_answers  # noqa: E402  (the hook under test)
from mkdocs.exceptions import PluginError  # noqa: E402
from search_records import site_records  # noqa: E402

SITE = ROOT / "site"
PAGE = SITE / "staff-links" / "index.html"


def built_ids() -> dict[str, set[str]]:
    ids = {}
    for path in SITE.rglob("index.html"):
        rel = path.parent.relative_to(SITE).as_posix()
        article = path.read_text(encoding="utf-8").split("<article", 1)[-1].split("</article>", 1)[0]
        ids["" if rel == "." else rel + "/"] = set(re.findall(r'\bid="([^"]+)"', article))
    return ids


def test_the_list_holds_forty_client_questions_each_with_a_built_section():
    topics = staff_answers.read_topics()
    questions = [q for topic in topics for q in topic.questions]
    assert len(questions) >= 40
    assert staff_answers.missing(topics, built_ids()) == []


def test_the_staff_page_shows_each_question_with_its_section_heading():
    html = PAGE.read_text(encoding="utf-8")
    assert 'id="staff-links-common-questions"' in html
    rows = []
    for row in BeautifulSoup(html, "html.parser").select(".staff-answers tr"):
        cells = row.find_all("td")
        if cells:
            link = cells[1].find("a")
            rows.append((cells[0].get_text(), link["href"], link.get_text()))
    asked = {q.ask: q for topic in staff_answers.read_topics() for q in topic.questions}
    assert {ask for ask, _, _ in rows} >= set(asked)
    cancel = next(row for row in rows if row[0] == "解約はどこに連絡すればいいですか。書面は要りますか")
    assert cancel[1] == "../faq/#contract-cancel-how" and cancel[2] == "解約はどこに、どの方法で申し出ればよいですか"


def test_a_removed_section_fails_the_build_naming_the_question_and_the_anchor():
    staff_answers.on_pre_build(None)
    for url, ids in built_ids().items():
        staff_answers._built[url] = ids
    staff_answers.on_post_build(None)  # the site as built: nothing missing
    staff_answers._built["faq/"].discard("contract-cancel-how")
    with pytest.raises(PluginError) as caught:
        staff_answers.on_post_build(None)
    assert "「解約はどこに連絡すればいいですか。書面は要りますか」" in str(caught.value)
    assert "faq/#contract-cancel-how" in str(caught.value)
    staff_answers.on_pre_build(None)


def test_the_build_reads_the_ids_each_built_page_publishes():
    staff_answers.on_pre_build(None)
    page = SimpleNamespace(url="faq/")
    staff_answers.on_post_page('<article><h3 id="fee-price">料金</h3></article><p id="outside"></p>', page, None)
    assert staff_answers._built == {"faq/": {"fee-price"}}
    staff_answers.on_pre_build(None)


@pytest.mark.parametrize("text,field", [
    ('[[topics]]\nid = "fee"\nname = "料金"\n[[topics.questions]]\nask = "いくら？"\nlink = "faq/fee-price"\n', "link"),
    ('[[topics]]\nid = "fee"\nname = "料金"\n[[topics.questions]]\nlink = "faq/#fee-price"\n', "ask"),
    ('[[topics]]\nid = "fee"\nname = "料金"\n[[topics.questions]]\nask = "いくら？"\nlink = "faq/#fee-price"\n'
     '[[topics.questions]]\nask = "いくら？"\nlink = "faq/#fee-overage"\n', "ask"),
    ('[[topics]]\nid = "Fee"\nname = "料金"\n[[topics.questions]]\nask = "いくら？"\nlink = "faq/#fee-price"\n', "id"),
])
def test_a_broken_data_file_names_the_file_the_topic_and_the_field(tmp_path, text, field):
    path = tmp_path / "staff_answers.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        staff_answers.read_topics(path)
    assert caught.value.file == "staff_answers.toml" and caught.value.field == field
    assert "topics" in caught.value.record


def test_the_list_is_not_a_search_result():
    """Search results are answers: the question list would outrank the answers it points to."""
    records = [r for r in site_records(SITE) if r.page == "staff-links/"]
    assert records and not any(r.anchor.startswith("staff-answers-") for r in records)
    asked = [q.ask for topic in staff_answers.read_topics() for q in topic.questions]
    assert not any(ask in r.body for r in records for ask in asked)
