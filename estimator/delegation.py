"""Who may do a task: the licensed professions whose reserved work an assistant may not do, the parts of
work several professions share (契約書: 作成 is the 行政書士's, 法的判断 the 弁護士's), and the work this
provider does not take on at all (offline work), with what the client can do instead."""

from __future__ import annotations

from dataclasses import dataclass

from .records import Record


@dataclass(frozen=True)
class Profession:
    """A licensed profession whose reserved work an assistant may not do (士業の独占業務)."""

    id: str
    name: str
    law: str
    article: str
    reserved: str
    condition: str
    assistant_can: str
    ask_instead: str
    guide: str


@dataclass(frozen=True)
class ReservedPart:
    """One profession's part of work that several professions share (契約書: 作成 is one's, 法的判断 another's)."""

    profession_id: str
    part: str


@dataclass(frozen=True)
class NotOffered:
    """Work the provider does not take on (郵便物の受け取り, 来客対応): why, and what the client can do instead."""

    id: str
    name: str
    description: str
    category: str
    reason: str
    instead: str
    guide: str


def read_profession(r: Record) -> Profession:
    return Profession(
        id=r.text("id"),
        name=r.text("name"),
        law=r.text("law"),
        article=r.text("article"),
        reserved=r.text("reserved"),
        condition=r.text("condition"),
        assistant_can=r.text("assistant_can"),
        ask_instead=r.text("ask_instead"),
        guide=r.text("guide"),
    )


def read_professions(r: Record, delegability: str,
                     profession_ids: set[str]) -> tuple[str | None, tuple[ReservedPart, ...]]:
    """`profession = "zeirishi"`, or `professions = [{ id, part }, …]` when several share the work."""
    if "profession" in r.data and "professions" in r.data:
        raise r.fail("professions", "profession と professions はどちらか一方にしてください")
    if delegability == "ok":
        for field in ("profession", "professions"):
            if field in r.data:
                raise r.fail(field, "delegability が ok の業務には指定できません")
        return None, ()
    if "professions" not in r.data:
        return r.choice("profession", profession_ids), ()
    items = r.data["professions"]
    if not isinstance(items, list) or len(items) < 2:
        raise r.fail("professions", "2つ以上の { id, part } の配列が必要です（1つなら profession を使います）")
    parts = []
    for index, item in enumerate(items):
        part = Record(r.file, r.label, item, prefix=f"professions[{index}].")
        parts.append(ReservedPart(part.choice("id", profession_ids), part.text("part")))
    return parts[0].profession_id, tuple(parts)


def read_not_offered(r: Record, category_ids: set[str]) -> NotOffered:
    """Work the provider does not take on: why, and what instead. It has no minutes: it is never estimated."""
    for field in ("minutes_per_unit", "sources", "assumption", "default_selected", "profession", "professions"):
        if field in r.data:
            raise r.fail(field, "引き受けていない業務（not-offered）には指定できません")
    return NotOffered(
        id=r.text("id"),
        name=r.text("name"),
        description=r.text("description"),
        category=r.choice("category", category_ids),
        reason=r.text("reason"),
        instead=r.text("instead", default=""),
        guide=r.text("guide"),
    )
