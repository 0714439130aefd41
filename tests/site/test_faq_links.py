"""The FAQ as staff paste it into replies: one question per heading, the answer in the first sentences
(at most three before any detail), every answer links to the exact section that continues it (never to a
page's top, the estimator's included), every such section exists in the built page, and no answer about
the provider's own terms says that it depends on the provider (make test builds the site first)."""

import re
from html import unescape
from pathlib import PurePosixPath

import pytest

SITE = __import__("pathlib").Path(__file__).resolve().parents[2] / "site"
FAQ = "faq/"
# At most this many sentences before the first detail (a list, a table, the next paragraph).
ANSWER_SENTENCES = 3
# Phrases that stand in for an answer about the provider's own terms.
NON_ANSWERS = ("依頼先によって", "事業者によって違", "事業者ごとに違", "ご確認ください", "2026年11月確認")


def article(url: str) -> str:
    html = (SITE / url / "index.html").read_text(encoding="utf-8")
    return html.split("<article", 1)[1].split("</article>", 1)[0]


def ids(url: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', article(url)))


def resolve(href: str, base: str = FAQ) -> tuple[str, str]:
    """(site-relative page URL, fragment) for a relative link written on `base`."""
    path, _, fragment = href.partition("#")
    if not path:
        return base, fragment
    parts: list[str] = []
    for part in PurePosixPath(base, path).parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    url = "/".join(parts)
    return (url + "/" if url and not url.endswith("/") else url), fragment


def answers() -> dict[str, str]:
    """Each question's id and the HTML of its answer (up to the next heading)."""
    body = article(FAQ)
    pieces = re.split(r'(<h[23] id="[^"]+")', body)
    found = {}
    for opening, content in zip(pieces[1::2], pieces[2::2]):
        if opening.startswith("<h3"):
            found[re.search(r'id="([^"]+)"', opening).group(1)] = content
    return found


def links(html: str) -> list[str]:
    hrefs = re.findall(r'<a [^>]*href="([^"]+)"', html)
    return [unescape(h) for h in hrefs if not re.match(r"[a-z]+:", h) and "copy-link" not in h]


ANSWERS = answers()


def test_the_faq_has_its_questions():
    assert len(ANSWERS) >= 50


@pytest.mark.parametrize("question", sorted(ANSWERS))
def test_every_link_names_a_section_that_exists(question):
    for href in links(ANSWERS[question]):
        page, fragment = resolve(href)
        assert (SITE / page / "index.html").exists(), f"#{question}: {href} goes to no page"
        assert fragment, f"#{question}: {href} links to the top of a page, not to the section that continues the answer"
        assert fragment in ids(page), f"#{question}: {href}: no section #{fragment} on {page}"


@pytest.mark.parametrize("question", sorted(ANSWERS))
def test_every_answer_links_to_a_section(question):
    sections = [h for h in links(ANSWERS[question]) if "#" in h]
    assert sections, f"#{question} does not link to the section that explains it"


@pytest.mark.parametrize("question", sorted(ANSWERS))
def test_no_answer_says_it_depends(question):
    text = re.sub(r"<[^>]+>", "", ANSWERS[question])
    for phrase in NON_ANSWERS:
        assert phrase not in text, f"#{question}: {phrase}"


def sentences(text: str) -> int:
    """Sentences ended by 。 outside quotation brackets (「…」 may hold a sentence of its own)."""
    depth, count = 0, 0
    for char in text:
        depth += {"「": 1, "」": -1}.get(char, 0)
        count += char == "。" and depth == 0
    return count


def headings() -> dict[str, str]:
    body = article(FAQ)
    return {m.group(1): re.sub(r"<[^>]+>", "", m.group(2)).strip()
            for m in re.finditer(r'<h3 id="([^"]+)"[^>]*>(.*?)</h3>', body, re.S)}


@pytest.mark.parametrize("question", sorted(ANSWERS))
def test_the_answer_comes_first_in_a_short_paragraph(question):
    first = re.match(r"\s*<p>(.*?)</p>", ANSWERS[question].split("</h3>", 1)[-1], re.S)
    assert first, f"#{question} does not open with a paragraph that answers"
    text = re.sub(r"<[^>]+>", "", first.group(1))
    assert sentences(text) <= ANSWER_SENTENCES, f"#{question}: {sentences(text)} sentences before any detail: {text}"


def test_each_heading_asks_one_question():
    for question, heading in headings().items():
        assert "。" not in heading and "？" not in heading.rstrip("？"), f"#{question}: {heading}"
        assert heading.endswith(("か", "ください")), f"#{question} is not a question: {heading}"


def test_sentences_are_counted_outside_quotes():
    assert sentences("はい。「今日はここまで。」と書きます。") == 2


def test_resolve_reads_relative_links_as_the_browser_does():
    assert resolve("../guide/pricing/#pricing-plans") == ("guide/pricing/", "pricing-plans")
    assert resolve("#fee-price") == ("faq/", "fee-price")
    assert resolve("../estimate/") == ("estimate/", "")


def test_a_missing_section_is_caught():
    page, fragment = resolve("../guide/pricing/#no-such-section")
    assert fragment not in ids(page)
