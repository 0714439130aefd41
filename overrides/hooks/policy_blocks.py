"""Blocks for the privacy policy and the accessibility statement.

Imported by data_tables.py (not a hook of its own). The privacy policy's values are the provider's
terms (terms.toml [privacy]), so they carry the sample notice like every term. The accessibility
statement's lists come from the tests' own record of what they check (tests/accessibility_checks.toml)
and from the navigation in mkdocs.yml, the pages the every-page tests visit once built: the statement
cannot promise a check no test makes, or a page no test visits
(tests/site_quality/test_accessibility_statement.py holds both ends together).
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

import yaml

from estimator.units import day_ja, yen
from markdown_parts import table

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "tests" / "accessibility_checks.toml"
NOT_FOUND_PAGE = "ページが見つからないときに表示するページ"


def _bullets(items) -> str:
    return "\n".join(f"- {item}" for item in items)


def privacy_processors(data) -> str:
    processors = data.terms.privacy.processors
    if not processors:
        return "当社は、お預かりした個人データの取り扱いを、ほかの事業者に委託していません。"
    return (f"当社は、業務に使う次のサービスに、個人データの取り扱いを委託しています：{'、'.join(processors)}。"
            "委託先は、秘密を守る取り決めがあり、安全管理の方法を公表している事業者から選びます。")


def privacy_retention(data) -> str:
    months = data.terms.privacy.inquiry_retention_months
    return f"ご契約に至らなかったお問い合わせの内容は、最後のやり取りから{months}か月が過ぎたら削除します。"


def privacy_requests(data) -> str:
    p = data.terms.privacy
    fee = "手数料はいただきません。" if p.request_fee_yen == 0 else f"手数料は1回{yen(p.request_fee_yen)}です。"
    return (f"ご本人の個人情報の開示、訂正、追加、削除、利用の停止、第三者への提供の停止をご希望のときは、"
            f"{p.contact}（{p.contact_email}）へメールでお申し出ください。ご本人であることを確かめたうえで、"
            f"{p.request_reply_business_days}営業日以内にお答えします。{fee}")


VALUES = {
    "privacy-contact": lambda d: f"{d.terms.privacy.contact}（メール：{d.terms.privacy.contact_email}）",
    "privacy-address": lambda d: d.terms.privacy.address,
    "privacy-representative": lambda d: d.terms.privacy.representative,
    "privacy-established": lambda d: day_ja(d.terms.privacy.established_on),
}
TERMS = {"privacy-processors": privacy_processors, "privacy-retention": privacy_retention,
         "privacy-requests": privacy_requests}


@functools.lru_cache(maxsize=1)
def checks() -> dict:
    with CHECKS.open("rb") as handle:
        return tomllib.load(handle)


def nav_pages(config_path: Path = ROOT / "mkdocs.yml") -> list[tuple[str, str]]:
    """(title, Markdown source path) of every page in the navigation, in its order."""
    config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    pages: list[tuple[str, str]] = []

    def walk(entries):
        for entry in entries:
            for title, target in entry.items():
                if isinstance(target, list):
                    walk(target)
                else:
                    pages.append((title, target))

    walk(config["nav"])
    return pages


def tested_pages(_data) -> str:
    """`<!-- data:a11y-pages -->`: every page the every-page tests visit, by its navigation title.
    Links are Markdown paths from the docs root, where the statement lives: MkDocs checks them."""
    items = [f"- [{title}]({source})" for title, source in nav_pages()]
    items.append(f"- {NOT_FOUND_PAGE}")
    return "\n".join(items)


def every_page_checks(_data) -> str:
    """`<!-- data:a11y-every-page -->`: what is checked on each of those pages."""
    return _bullets(check["what"] for check in checks()["every_page"])


def part_checks(_data) -> str:
    """`<!-- data:a11y-parts -->`: what is checked on one part of the site, keyboard use first of all."""
    rows = []
    for check in checks()["parts"]:
        where = f"[{check['where']}]({check['page']})" if "page" in check else check["where"]
        rows.append([where, check["what"]])
    return table(["どこで", "確かめていること"], rows)


BLOCKS = {"privacy-collected-inquiry": lambda d: _bullets(d.terms.privacy.collected_inquiry),
          "privacy-collected-work": lambda d: _bullets(d.terms.privacy.collected_work),
          "privacy-purposes": lambda d: _bullets(d.terms.privacy.purposes),
          "privacy-safeguards": lambda d: _bullets(d.terms.privacy.safeguards),
          "a11y-pages": tested_pages, "a11y-every-page": every_page_checks, "a11y-parts": part_checks}
# Accessibility blocks come from the tests, not from the provider's terms: they bring no sample notice.
NOT_TERMS = {"a11y-pages", "a11y-every-page", "a11y-parts"}
