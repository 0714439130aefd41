"""One word per concept: the project dictionary (prh.yml, run by textlint) flags the other words and
leaves the chosen ones alone. Runs the pinned textlint from node_modules, as `make lint` does."""

import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def lint(paths: list[str]) -> dict[str, list[tuple[str, str]]]:
    """(word found, word it should be) for every dictionary hit, by file, in one textlint run."""
    run = subprocess.run(["npx", "--no-install", "textlint", "--format", "json", *paths],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.stdout, run.stderr
    hits = {}
    for result in json.loads(run.stdout):
        text = Path(result["filePath"]).read_text(encoding="utf-8")
        hits[result["filePath"]] = [
            (text[m["fix"]["range"][0]:m["fix"]["range"][1]], m["fix"]["text"])
            for m in result["messages"] if m["ruleId"] == "prh"
        ]
    return hits


SAMPLES = [
    ("あなたの会社", "お客さま"),              # the reader
    ("お客様の会社", "お客さま"),
    ("サンプル事業者の料金", "当社"),           # the provider speaks as 当社
    ("顧客への請求書", "取引先"),               # the reader's own customers
    ("請求書がお客さまへ届いている", "取引先へ届"),
    ("従量課金で払う", "従量制"),               # pay-as-you-go (the build adds （スポット） at a page's first mention)
    ("スポットで頼む", "従量制"),
    ("見積もりページで試す", "お見積もりシミュレーター"),  # the estimator page
    ("シミュレーターを開く", "お見積もりシミュレーター"),
    ("解約手数料はかかりません", "解約金"),       # ending the contract
    ("中途解約の場合", "途中解約"),
    ("面談の日時を決めます", "オンライン面談"),  # the meeting with the provider
    ("引き継ぎの打ち合わせをします", "オンライン面談"),
    ("オンライン会議（Zoom など）で話し合います", "オンライン面談"),
    ("当社の窓口担当者と話します", "窓口担当"),  # the provider's people
    ("担当者を変えてほしいとき", "アシスタント"),
    ("定期報告を送ります", "稼働報告"),          # one word for each thing
    ("マニュアルを用意してください", "手順書"),
    ("帳簿づけの代行", "記帳"),
    ("くわしくはこちら", "詳しく"),
    ("やりとりが増えます", "やり取り"),
    ("記帳の代行は頼めます", "お引き受けします"),  # answers in the provider's voice
    ("申告書の作成は頼めません", "お引き受けしていません"),
    ("お伺いした内容で", "伺った"),
    ("SNS への投稿", "SNS"),
]
# The chosen words, and the other words where they are right: the client's own meetings and other people's
# staff, マニュアル in a client's question or quoted words, 頼めますか as the client's question.
CHOSEN = ("# マニュアルがなくても頼めますか {#process-no-manual}\n\n"
          "お客さまの取引先へ、当社が請求書を送ります。従量制（スポット）でも従量制でも、当社がお引き受けします。"
          "お見積もりシミュレーターで目安を出せます。解約金はかかりません。\n"
          "オンライン面談の前に、窓口担当が伺います。アシスタントが稼働報告を送ります。\n"
          "弁護士との打ち合わせの日程調整や、社内の打ち合わせの資料づくりもお引き受けします。\n"
          "行政書士との面談の予約、オンライン会議の準備もお引き受けします。取引先の担当者にも送ります。\n"
          "手順書（マニュアル）を作ります。「マニュアルはありません」と書いていただいてもかまいません。\n"
          "「確定申告も頼めますか」と書いてくださっても、詳しくお答えします。やり取りは記帳の前に決めます。\n")


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    """Each sample in its own Markdown file, all linted in one run (textlint takes seconds to start)."""
    folder = tmp_path_factory.mktemp("prh")
    files = {}
    for number, (written, _) in enumerate(SAMPLES):
        files[written] = folder / f"sample{number}.md"
        files[written].write_text(f"{written}です。\n", encoding="utf-8")
    files[CHOSEN] = folder / "chosen.md"
    files[CHOSEN].write_text(CHOSEN, encoding="utf-8")
    hits = lint([str(f) for f in files.values()])
    return {text: hits.get(str(f), []) for text, f in files.items()}


@pytest.mark.parametrize(("written", "expected"), SAMPLES)
def test_the_dictionary_flags_the_other_word(samples, written, expected):
    assert samples[written] and samples[written][0][1] == expected, samples[written]


def test_the_chosen_words_pass(samples):
    assert samples[CHOSEN] == []


def test_the_site_uses_the_chosen_words():
    """Every page passes the dictionary (the whole textlint run is `make lint`)."""
    problems = {path: hits for path, hits in lint(["docs"]).items() if hits}
    assert problems == {}
