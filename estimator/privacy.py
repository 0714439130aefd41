"""The provider's privacy policy values: who answers, what is collected, why, how it is kept safe.

Read from the [privacy] section of `data/terms.toml`, like the other terms, so the privacy policy page
(docs/privacy.md) states this provider's own values through markers and never a copy. What the law
requires a policy to say (the provider's name and address, its representative, the purposes, how to
ask for disclosure) is a required field here; a missing or empty one stops the build with the file and
the field named. The estimator itself never collects anything: it runs in the visitor's browser.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .records import Record

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


@dataclass(frozen=True)
class Privacy:
    address: str  # the provider's address, as the policy states it
    representative: str  # the representative's title and name
    contact: str  # who answers questions and requests about personal data
    contact_email: str
    established_on: datetime.date  # the day this policy took effect
    collected_inquiry: tuple[str, ...]  # what an inquiry asks for
    collected_work: tuple[str, ...]  # personal data in the client's materials, handled for the client
    purposes: tuple[str, ...]
    processors: tuple[str, ...]  # services the provider itself entrusts personal data to
    safeguards: tuple[str, ...]  # 安全管理措置
    inquiry_retention_months: int  # inquiries that led to no contract are deleted after this many months
    request_reply_business_days: int  # answer to a 開示等 request within this many business days
    request_fee_yen: int  # 0: free


def load_privacy(r: Record) -> Privacy:
    email = r.text("contact_email")
    if not _EMAIL.fullmatch(email):
        raise r.fail("contact_email", f"メールアドレスの形が正しくありません（{email!r}）")
    return Privacy(
        address=r.text("address"),
        representative=r.text("representative"),
        contact=r.text("contact"),
        contact_email=email,
        established_on=r.date("established_on"),
        collected_inquiry=_list(r, "collected_inquiry"),
        collected_work=_list(r, "collected_work"),
        purposes=_list(r, "purposes"),
        processors=r.texts("processors"),
        safeguards=_list(r, "safeguards"),
        inquiry_retention_months=r.integer("inquiry_retention_months", minimum=1, maximum=120),
        request_reply_business_days=r.integer("request_reply_business_days", minimum=1, maximum=60),
        request_fee_yen=r.integer("request_fee_yen", maximum=10000),
    )


def _list(r: Record, field: str) -> tuple[str, ...]:
    items = r.texts(field)
    if not items or not all(item.strip() for item in items):
        raise r.fail(field, "空でない文字列を1つ以上並べてください")
    return items
