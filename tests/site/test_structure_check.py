"""The structural originality check (tools/structure_check.py): a page may not follow a source's list in order.

Small crafted lists show the rule; the page as it was before its rewrite (a fixture) shows that the check
finds what the 2026-12-02 review found; the built site shows that the guides pass it now.
"""

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import structure_check as check  # noqa: E402  (the tool under test)

SEEDS = check.DEFAULT_SEEDS
FIXTURE = Path(__file__).parent / "fixtures" / "service-types-115db37.html"
needs_seeds = pytest.mark.skipif(not list(SEEDS.glob("*.txt")), reason=f"the source documents are not in {SEEDS}")


def listed(*texts, where="test"):
    return check.item_list(where, texts)


def run_lengths(page, source):
    return [run.length for run in check.runs(page, source)]


# ---------------------------------------------------------------- words and items


def test_content_words_are_kanji_pairs_katakana_runs_and_latin_words():
    assert check.content_words("日程の調整") == {"日程", "調整"}
    assert check.content_words("スケジュール調整") == {"スケジュール", "調整"}
    assert check.content_words("請求書を発行する") == {"請求", "求書", "発行"}
    assert check.content_words("ＢＰＯ・Web サイト") == {"bpo", "web", "サイト"}
    assert check.content_words("毎日 3 件、です。") == {"毎日", "件"}  # a lone kanji stays; digits and kana do not count


def test_an_item_matches_when_most_of_its_words_are_in_the_source_item():
    mine = check.content_words("日程の調整、メールの返信、出張の手配")
    theirs = check.content_words("スケジュール調整、メール返信、リサーチ、出張手配")
    assert check.matches(mine, theirs)  # 5 of 6 words; 日程 against スケジュール is the one difference
    assert not check.matches(check.content_words("日程の調整"), check.content_words("スケジュール調整"))  # 1 of 2
    assert not check.matches(check.content_words("見積もり"), check.content_words("見積書が必要なら発行します"))
    assert check.matches(check.content_words("予算"), check.content_words("予算"))  # the same single word


def test_katakana_compounds_count_as_sharing_their_parts():
    assert check.matches(check.content_words("メールの確認、日報"), check.content_words("メールチェック、日報"))


# ---------------------------------------------------------------- runs


SOURCE = listed("請求書の発行と入金の確認", "給与計算と勤怠の集計", "郵便物の受け取りと発送", "会議資料の作成と印刷")


def test_three_consecutive_matching_items_are_flagged():
    page = listed("はじめに", "請求書を発行し、入金を確認", "勤怠を集計して給与計算", "郵便物の受け取り、発送")
    [run] = check.runs(page, SOURCE)
    assert (run.page_start, run.source_start, run.length) == (1, 0, 3)
    assert "follows test, 3 items in order" in run.describe()


def test_two_matching_items_are_not_enough():
    page = listed("請求書を発行し、入金を確認", "勤怠を集計して給与計算", "ホームページの更新")
    assert run_lengths(page, SOURCE) == []
    assert [r.length for r in check.runs(page, SOURCE, min_run=2)] == [2]


def test_the_same_items_in_another_order_are_not_flagged():
    page = listed("郵便物の受け取り、発送", "請求書を発行し、入金を確認", "会議資料の作成と印刷", "勤怠を集計して給与計算")
    assert run_lengths(page, SOURCE) == []


def test_a_skipped_source_item_breaks_the_run():
    page = listed("請求書を発行し、入金を確認", "勤怠を集計して給与計算", "会議資料の作成と印刷")
    assert run_lengths(page, SOURCE) == []


def test_a_long_run_is_reported_once_with_its_full_length():
    page = listed("請求書を発行し、入金を確認", "勤怠を集計して給与計算", "郵便物の受け取り、発送", "会議資料を作成し印刷")
    assert run_lengths(page, SOURCE) == [4]


# ---------------------------------------------------------------- reading the sources and the pages


def test_source_lists_read_marks_continuations_runs_of_lines_and_headings():
    text = "\n".join([
        "1. はじめに", "", "本文です。", "",
        "① 経理の仕事", "",
        "  • 日常業務", "    請求書発行、入金確認。",
        "  • 決算業務", "    月次決算。",
        "", "② 人事の仕事", "",
        "・業種 ・予算", "・サイト",
        "", "③ 総務の仕事", "",
    ])
    lists = [[item.text for item in lst.items] for lst in check.source_lists(text, "s")]
    assert lists == [
        ["業種", "予算", "サイト"],  # 「・業種 ・予算」 is two items; found as marked items and as lines, kept once
        ["はじめに", "経理の仕事", "人事の仕事", "総務の仕事"],  # numbered titles and short lines standing alone
    ]  # the two bullets with their indented next lines are two items: too few to be followed


def test_page_lists_read_lists_table_rows_first_column_definitions_and_headings():
    html = """<nav><ul><li>ナビ</li><li>ナビ</li><li>ナビ</li></ul></nav><article>
      <h2 id="a">分野</h2><h3 id="b">経理</h3><h3 id="c">人事</h3><h3 id="d">総務</h3>
      <h2 id="e">手順</h2>
      <ol><li>問い合わせ<ul><li>フォーム</li><li>メール</li><li>電話</li></ul></li><li>返信</li><li>契約</li></ol>
      <table><tr><th>頻度</th><th>例</th></tr><tr><td>毎日</td><td>メール</td></tr><tr><td>毎週</td><td>請求書</td></tr></table>
      <dl><dt>よい点</dt><dd>安い</dd><dd>速い</dd><dt>注意点</dt><dd>遅い</dd><dt>時期</dt><dd>創業期</dd></dl>
    </article>"""
    lists = {lst.where: [item.text for item in lst.items] for lst in check.page_lists(html, "p")}
    assert lists["p headings under 「分野」"] == ["経理", "人事", "総務"]
    assert lists["p ol 1"] == ["問い合わせ", "返信", "契約"]  # the nested list is a list of its own
    assert lists["p ul 1"] == ["フォーム", "メール", "電話"]
    assert lists["p table 1"] == ["頻度 例", "毎日 メール", "毎週 請求書"]
    assert lists["p table 1, first column"] == ["頻度", "毎日", "毎週"]
    assert lists["p dl 1"] == ["よい点 安い 速い", "注意点 遅い", "時期 創業期"]
    assert not any("ナビ" in " ".join(texts) for texts in lists.values())  # only the article is read


def test_the_tool_fails_on_a_page_that_follows_a_source_and_passes_otherwise(tmp_path, capsys):
    seeds, site = tmp_path / "seeds", tmp_path / "site"
    seeds.mkdir()
    (seeds / "009_example.txt").write_text("\n".join(["・" + t.text for t in SOURCE.items]), encoding="utf-8")
    (site / "guide").mkdir(parents=True)
    page = site / "guide" / "index.html"
    page.write_text("<article><ul><li>請求書を発行し、入金を確認</li><li>勤怠を集計して給与計算</li>"
                    "<li>郵便物の受け取り、発送</li></ul></article>", encoding="utf-8")
    assert check.main([str(site), "--seeds", str(seeds)]) == 1
    out = capsys.readouterr().out
    assert "guide/ ul 1: follows 009" in out and "郵便物の受け取り、発送  <-  郵便物の受け取りと発送" in out
    page.write_text("<article><ul><li>郵便物の受け取り、発送</li><li>請求書を発行し、入金を確認</li>"
                    "<li>勤怠を集計して給与計算</li></ul></article>", encoding="utf-8")
    assert check.main([str(site), "--seeds", str(seeds)]) == 0
    assert "no page follows a source's list in order" in capsys.readouterr().out


def test_a_site_older_than_its_sources_is_refused(tmp_path):
    site = tmp_path / "site"
    (site / "faq").mkdir(parents=True)
    (site / "faq" / "index.html").write_text("<article></article>", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    newer = tmp_path / "docs" / "faq.md"
    newer.write_text("# よくある質問", encoding="utf-8")
    built = (site / "faq" / "index.html").stat().st_mtime
    os.utime(newer, (built + 10, built + 10))
    assert check.stale_sources(site, tmp_path) == [newer]
    os.utime(newer, (built - 10, built - 10))
    assert check.stale_sources(site, tmp_path) == []


# ---------------------------------------------------------------- the real sources


@needs_seeds
def test_the_page_before_its_rewrite_is_flagged(tmp_path):
    """guide/service-types at 115db37 took source 004's comparison table row by row (review finding O1)."""
    (tmp_path / "guide" / "service-types").mkdir(parents=True)
    shutil.copy(FIXTURE, tmp_path / "guide" / "service-types" / "index.html")
    [run] = check.check(tmp_path, SEEDS)
    assert run.source.where.startswith("004") and run.length == 3
    mine = [item.text for item in run.page.items[run.page_start : run.page_start + 3]]
    assert mine == ["オンライン秘書", "BPO ・専門代行", "伴走型 バックオフィス 支援"]


@needs_seeds
def test_the_built_guides_follow_no_source_list():
    site = ROOT / "site"
    assert (site / "index.html").exists(), "build the site first (make test does)"
    found = check.check(site, SEEDS)
    assert found == [], "\n".join(run.describe() for run in found)
