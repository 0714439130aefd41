"""One voice, checked (overrides/hooks/one_voice.py): a link that names its target's section or page is
quoted 「…」 inside a sentence and the build fails otherwise; 従量制（スポット） at a page's first mention."""

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import one_voice  # noqa: E402  (the hook under test)
from mkdocs.exceptions import PluginError  # noqa: E402

SITE = ROOT / "site"
TARGET = ('<article><h1 id="pricing">料金・契約・支払い</h1><h2 id="contract-cancel">解約と返金</h2>'
          '<h2 id="setup-fee">初期費用</h2></article>')


def pages(body: str) -> dict:
    return {"guide/pricing/": one_voice.read_page(TARGET, "guide/pricing/"),
            "faq/": one_voice.read_page(f'<article><h1 id="faq">よくある質問</h1>{body}</article>', "faq/")}


@pytest.mark.parametrize("body", [
    '<p>詳しくは<a href="../guide/pricing/#contract-cancel">解約と返金</a>をご覧ください。</p>',
    '<p>流れは<a href="../guide/pricing/">料金・契約・支払い</a>にあります。</p>',
    '<p>料金は<a href="../guide/pricing/#contract-cancel">料金・契約・支払い：解約と返金</a>で説明しています。</p>',
    '<table><tr><td>解約金は<a href="../guide/pricing/#contract-cancel">解約と返金</a>をご覧ください</td></tr></table>',
    '<ul><li>あわせて<a href="../guide/pricing/#contract-cancel">解約と返金</a>も<ul><li>x</li></ul></li></ul>',
])
def test_an_unquoted_title_in_a_sentence_is_caught(body):
    problems = one_voice.unquoted_titles(pages(body))
    assert len(problems) == 1, problems
    assert problems[0].startswith("よくある質問（faq/）") and "」のように「」で囲んでください" in problems[0]


@pytest.mark.parametrize("body", [
    '<p>詳しくは「<a href="../guide/pricing/#contract-cancel">解約と返金</a>」をご覧ください。</p>',
    '<p>詳しくは<a href="../guide/pricing/#contract-cancel">「解約と返金」</a>をご覧ください。</p>',
    '<ul><li><a href="../guide/pricing/#contract-cancel">解約と返金</a></li></ul>',  # a list item of links
    '<p><a href="../guide/pricing/#contract-cancel">解約と返金</a></p>',  # a line of its own
    '<table><tr><td><a href="../guide/pricing/#contract-cancel">解約と返金</a></td></tr></table>',
    '<ul><li><a href="../guide/pricing/">料金・契約・支払い</a><ul><li>料金の説明</li></ul></li></ul>',
    '<p>やめるときは<a href="../guide/pricing/#contract-cancel">解約</a>の手続きをします。</p>',  # a word, not a title
    '<p>初期費用の扱いは「<a href="../guide/pricing/#setup-fee">初期費用</a>」にあります。</p>',  # same words earlier
])
def test_quoted_standalone_and_word_links_pass(body):
    assert one_voice.unquoted_titles(pages(body)) == []


def test_the_build_fails_naming_the_page_and_the_link():
    one_voice.on_pre_build(None)
    one_voice._pages.update(pages('<p>詳しくは<a href="../guide/pricing/#contract-cancel">解約と返金</a>を。</p>'))
    with pytest.raises(PluginError, match=r"よくある質問（faq/）: \[解約と返金\]\(\.\./guide/pricing/#contract-cancel\)"):
        one_voice.on_post_build(None)
    one_voice.on_pre_build(None)


def test_the_built_site_quotes_every_title_in_a_sentence():
    built = {}
    for path in sorted(SITE.rglob("index.html")):
        rel = path.parent.relative_to(SITE).as_posix()
        if rel.split("/")[0] in {"assets", "pagefind"}:
            continue
        url = "" if rel == "." else rel + "/"
        built[url] = one_voice.read_page(path.read_text(encoding="utf-8"), url)
    assert len(built) >= 14
    assert one_voice.unquoted_titles(built) == []
    quoted = [link for link in built["faq/"].links if link.inline and link.quoted]
    assert len(quoted) >= 50, "the FAQ names the sections it links to"


def test_pay_as_you_go_is_explained_at_its_first_mention_only():
    markdown = ("# 料金 {#pricing}\n\n従量制で払う方式です。従量制（スポット）は月の時間を決めません。\n"
                "[従量制の説明](guide/pricing.md#pricing-hourly)の従量制\n")
    assert one_voice.first_mention(markdown) == (
        "# 料金 {#pricing}\n\n従量制（スポット）で払う方式です。従量制は月の時間を決めません。\n"
        "[従量制の説明](guide/pricing.md#pricing-hourly)の従量制\n")


def test_a_heading_id_and_a_link_address_are_left_alone():
    markdown = "### 月額と従量制 {#fee-従量制}\n\n[見る](x.md#従量制)\n\n```\n従量制\n```\n"
    assert one_voice.first_mention(markdown) == markdown.replace("月額と従量制 ", "月額と従量制（スポット） ")


def test_the_built_pages_write_spot_once():
    for page in ("faq", "guide/pricing", "glossary"):
        article = (SITE / page / "index.html").read_text(encoding="utf-8").split("<article", 1)[1]
        text = re.sub(r"<[^>]+>", "", article.split("</article>", 1)[0])  # a glossary tooltip wraps the word
        assert text.count("従量制（スポット）") == 1, page
