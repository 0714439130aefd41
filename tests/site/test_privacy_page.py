"""The privacy policy states this provider's values from terms.toml [privacy] (marked as samples while
they are), and names every item the site's own scripts keep in the browser's storage."""

import re
import shutil
import sys
from pathlib import Path

import pytest

from estimator import load_dataset
from estimator.dataset import DEFAULT_DATA_DIR

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import data_tables  # noqa: E402

POLICY = ROOT / "docs" / "privacy.md"
SITE = ROOT / "site"


def policy(data) -> str:
    return data_tables.fill(POLICY.read_text(encoding="utf-8"), data, str(POLICY))


def copy_with(tmp_path: Path, old: str, new: str):
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    terms = target / "terms.toml"
    text = terms.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    terms.write_text(text.replace(old, new), encoding="utf-8")
    return load_dataset(target)


@pytest.mark.parametrize("old, new, phrase", [
    ('address = "東京都千代田区千代田0-0-0（サンプルの住所）"', 'address = "大阪府大阪市北区0-0"', "大阪府大阪市北区0-0"),
    ('representative = "代表取締役 見本 太郎"', 'representative = "代表 試験 花子"', "代表 試験 花子"),
    ('contact_email = "privacy@example.jp"', 'contact_email = "kojin@example.com"', "kojin@example.com"),
    ('contact = "個人情報のお問い合わせ窓口"', 'contact = "総務部"', "総務部（メール：privacy@example.jp）"),
    ("established_on = 2026-12-01", "established_on = 2027-04-01", "2027年4月1日"),
    ('collected_inquiry = ["お名前と会社名"', 'collected_inquiry = ["ご担当の部署"', "- ご担当の部署"),
    ('purposes = ["お問い合わせへの返信', 'purposes = ["新しいサービスのご案内", "お問い合わせへの返信', "- 新しいサービスのご案内"),
    ('processors = ["メールとファイル共有のクラウドサービス", "電子契約サービス", "請求書を作るクラウドサービス"]',
     "processors = []", "個人データの取り扱いを、ほかの事業者に委託していません"),
    ('safeguards = ["アシスタント全員と', 'safeguards = ["入退室を記録しています。", "アシスタント全員と', "- 入退室を記録しています。"),
    ("inquiry_retention_months = 6", "inquiry_retention_months = 12", "最後のやり取りから12か月"),
    ("request_reply_business_days = 10", "request_reply_business_days = 5", "5営業日以内にお答えします"),
    ("request_fee_yen = 0", "request_fee_yen = 1000", "手数料は1回1,000円です"),
])
def test_each_privacy_value_reaches_the_policy(tmp_path, old, new, phrase):
    changed = policy(copy_with(tmp_path, old, new))
    assert phrase in changed
    assert phrase not in policy(load_dataset(DEFAULT_DATA_DIR)), "the phrase must be new, or the case proves nothing"


def test_the_policy_carries_the_sample_notice_while_the_values_are_samples():
    data = load_dataset(DEFAULT_DATA_DIR)
    assert data.terms.is_sample
    assert '!!! info sample-notice "' in policy(data)


def test_the_built_policy_has_stable_section_ids_for_each_required_item():
    page = (SITE / "privacy" / "index.html").read_text(encoding="utf-8")
    for anchor in ("privacy-provider", "privacy-inquiry", "privacy-work", "privacy-purposes", "privacy-processors",
                   "privacy-third-party", "privacy-safeguards", "privacy-retention", "privacy-requests",
                   "privacy-this-site"):
        assert f'id="{anchor}"' in page, anchor


# Every place the site's own code keeps something in the browser, and the name it keeps it under.
STORAGE_USE = re.compile(r"\b(localStorage|sessionStorage|__md_set|document\.cookie)\b")


def stored_names() -> dict[str, set[str]]:
    """Storage names written by the site's scripts, by file: string constants next to a storage call."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "overrides").rglob("*")):
        if path.suffix not in {".js", ".mjs", ".html"} or "pyodide" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        if not STORAGE_USE.search(source):
            continue
        names = set(re.findall(r'__md_set\("([^"]+)"', source))
        names |= set(re.findall(r'(?:KEY|LIST_KEY|STORAGE_KEY)\s*=\s*"([^"]+)"', source))
        found[str(path.relative_to(ROOT))] = names
    return found


def test_every_name_the_scripts_store_is_on_the_policy():
    found = stored_names()
    assert len(found) >= 3, found  # the palette, the estimator's input, the staff answer list
    assert not any("document.cookie" in (ROOT / f).read_text(encoding="utf-8") for f in found), "the policy says: no cookies"
    page = POLICY.read_text(encoding="utf-8")
    section = page[page.index("{#privacy-this-site}"):]
    for file, names in found.items():
        assert names, f"{file} uses browser storage under a name this test cannot read: describe it on the policy"
        for name in names:
            assert f"`{name}`" in section, f"{file} stores {name!r}: add it to the policy's table"
