"""The search's text modules under Node: search-text.mjs cuts the index at build time and the query in the
browser (search-query.mjs reads the query as words), so these hold for both."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
MODULE = ROOT / "overrides/assets/javascripts/site/search-text.mjs"
ENGINE = ROOT / "overrides/assets/javascripts/site/search-engine.mjs"
QUERY = ROOT / "overrides/assets/javascripts/site/search-query.mjs"

RUN = """
const t = await import(process.argv[1]);
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = {};
for (const [name, call, args] of cases) { out[name] = call === "shown"
  ? t.tokenTexts(t.contentTokens(args[0])).map((x) => x.text).join("")
  : call === "decodedTerms" ? t.searchTerms(args[0]).map((x) => t.tokenTexts([x])[0].text + (t.tokenTexts([x])[0].pair ? "+" : ""))
  : t[call](...args); }
console.log(JSON.stringify(out));
"""


def node(cases: list, module: Path = MODULE) -> dict:
    result = subprocess.run(["node", "--input-type=commonjs", "-e", f"(async () => {{ {RUN} }})()", module.as_uri()],
                            input=json.dumps(cases), capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_full_width_and_half_width_forms_are_one_form_and_punctuation_keeps_its_own():
    out = node([("a", "normalize", ["３０時間のＢＰＯ、ｶﾞｲﾄﾞ（仮）"]), ("b", "searchTerms", ["３０"]), ("c", "searchTerms", ["30"]),
                ("d", "searchTerms", ["ＢＰＯ"]), ("e", "searchTerms", ["bpo"]), ("f", "searchTerms", ["3,500円"])])
    assert out["a"] == "30時間のBPO、ガイド（仮）"
    assert out["b"] == out["c"] and out["d"] == out["e"] == ["bpo"]
    assert out["f"][0] == "3500"


def test_japanese_is_cut_into_neighbouring_pairs_and_digits_stay_whole():
    out = node([("a", "decodedTerms", ["週40時間"]), ("b", "decodedTerms", ["繰り越し"]), ("c", "decodedTerms", ["週"])])
    assert out["a"] == ["週", "40", "時+"]
    assert out["b"] == ["繰+", "り+", "越+"]
    assert out["c"] == ["週"]


def test_terms_are_one_plain_word_each_for_pagefind():
    """No term may be split by the browser's segmenter or folded (が→か) by Pagefind: each is "ｘ" + hex."""
    out = node([("a", "searchTerms", ["がかりかっぱ時間"])])
    assert all(term.startswith("ｘ") and term[1:].isalnum() and term[1:].isascii() for term in out["a"])
    assert len(set(out["a"])) == len(out["a"])


def test_questions_lose_their_endings_and_a_definition_query_is_recognised():
    out = node([(q, "analyzeQuery", [q]) for q in ("業務委託とは", "BPOって何ですか", "インボイスの意味", "確定申告を頼めますか",
                                                   "支払いについて教えてください", "解約")], module=QUERY)
    assert out["業務委託とは"]["definition"] and out["業務委託とは"]["text"] == "業務委託"
    assert out["BPOって何ですか"]["definition"] and out["BPOって何ですか"]["text"] == "BPO"
    assert out["インボイスの意味"]["definition"]
    assert not out["確定申告を頼めますか"]["definition"] and out["確定申告を頼めますか"]["text"] == "確定申告を頼め"
    assert out["支払いについて教えてください"]["text"] == "支払い"
    assert not out["解約"]["definition"]


def test_a_query_knows_what_it_is_about_and_what_only_shapes_it():
    out = node([(q, "analyzeQuery", [q]) for q in ("使わなかった時間", "解約したい", "問い合わせ方法", "最低何時間", "やめたい")],
               module=QUERY)

    def roles(query):
        return [(word["role"], len(word["terms"])) for word in out[query]["words"]]

    assert roles("使わなかった時間") == [("light", 1), ("optional", 4), ("key", 1)]  # 使 / わなかった / 時間
    assert roles("解約したい") == [("key", 1), ("optional", 2)]
    assert roles("問い合わせ方法") == [("key", 6)], "okurigana inside a word keeps it one word"
    assert roles("最低何時間")[0] == ("key", 1) and roles("最低何時間")[1][0] == "optional"
    assert roles("やめたい") == [("key", 3)], "a query in kana only is all meaning"


def test_a_query_asking_what_also_looks_up_the_other_words_for_it():
    """「何を頼める」 is the question the FAQ asks as 「どんな業務を頼めますか」; 何 inside 何時間 is not "what"."""
    out = node([(q, "analyzeQuery", [q]) for q in ("何を頼める", "どんな業務を頼める", "最低何時間")], module=QUERY)
    what = node([(w, "searchTerms", [w]) for w in ("何", "どんな", "どのような")])
    asked = set(what["何"] + what["どんな"] + what["どのような"])
    assert asked <= set(out["何を頼める"]["terms"]) and asked <= set(out["どんな業務を頼める"]["terms"])
    assert not set(what["どんな"]) & set(out["最低何時間"]["terms"])
    assert [w["role"] for w in out["何を頼める"]["words"]].count("key") == 0, "the other words only rank"


def test_synonyms_touch_a_text_by_the_stem_of_their_words():
    groups = [["繰り越し", "繰越", "持ち越し"], ["解約", "やめる"], ["雇う", "採用"]]
    out = node([("a", "synonymsFor", ["翌月に繰り越せますか", groups]), ("b", "synonymsFor", ["途中でやめるとき", groups]),
                ("c", "synonymsFor", ["雇用の契約", groups]), ("d", "synonymsFor", ["ＮＤＡ", [["NDA", "秘密保持契約"]]])])
    assert sorted(out["a"]) == sorted(["繰り越し", "繰越", "持ち越し"])
    assert out["b"] == ["解約"]
    assert out["c"] == [], "a one-kanji stem (雇) would touch too much: the whole word is needed"
    assert out["d"] == ["秘密保持契約"]


def test_synonym_tokens_are_indexed_but_never_shown():
    out = node([("a", "synonymTokens", [["繰越"]])])
    shown = node([("b", "tokenTexts", [out["a"]])])["b"]
    assert out["a"][0] == "⟦" and out["a"][-1] == "⟧" and len(out["a"]) == 3
    assert [part["text"] for part in shown] == ["", "", ""]


TEXT = st.text(alphabet=st.sampled_from(list("時間繰り越しのがパプラン週ー々ｶﾞ３０ABCabc123,._~ 、。（）¶§⟦⟧\n")) , max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXT, min_size=20, max_size=20))
def test_the_excerpt_reads_back_the_text_the_index_was_cut_from(texts):
    """Every character is one token: the excerpt shows the page's text (normalized, spaces as one)."""
    out = node([(f"s{i}", "shown", [t]) for i, t in enumerate(texts)] +
               [(f"n{i}", "normalize", [t]) for i, t in enumerate(texts)])
    for i, text in enumerate(texts):
        assert out[f"s{i}"] == re.sub(r"\s+", " ", out[f"n{i}"]), text


@settings(max_examples=40, deadline=None)
@given(st.lists(TEXT, min_size=20, max_size=20))
def test_every_term_of_a_text_is_found_among_its_index_tokens(texts):
    """What a query cuts from a text, the index holds for that text, as Pagefind looks terms up: by prefix,
    lower-cased. A run's last character is closed ("z"), so no shorter term answers for a longer one."""
    out = node([(f"q{i}", "searchTerms", [t]) for i, t in enumerate(texts)] +
               [(f"c{i}", "contentTokens", [t]) for i, t in enumerate(texts)])
    for i in range(len(texts)):
        indexed = [token.lower().replace(",", "").replace(".", "") for token in out[f"c{i}"]]
        for term in out[f"q{i}"]:
            assert any(token.startswith(term) for token in indexed), (texts[i], term)
        for token in indexed:
            if token.startswith("ｘ"):
                assert not any(other != token and other.startswith(token) for other in indexed if other.startswith("ｘ")), token


def test_a_result_link_is_read_back_from_the_record_file_name():
    out = node([(u, "link", [u]) for u in ("/faq/fee-price.html", "/faq/", "/", "/home-contact.html",
                                           "/guide/pricing/unused-hours.html")], module=ENGINE)
    assert out == {"/faq/fee-price.html": "faq/#fee-price", "/faq/": "faq/", "/": "", "/home-contact.html": "#home-contact",
                   "/guide/pricing/unused-hours.html": "guide/pricing/#unused-hours"}


def test_nfkc_matches_python():
    """Python's NFKC (the data loader's duplicate check) and the module's agree on the forms that matter."""
    sample = "３０ＢＰＯｶﾞ①"
    assert node([("a", "normalize", [sample])])["a"] == unicodedata.normalize("NFKC", sample)
