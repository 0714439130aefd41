"""An hourly fee paid to experts by a past national programme, as a worked example.

The programme (中小企業デジタル化応援隊事業) paid IT experts a 謝金 per hour of support; it was not a
subsidy paid to the businesses, and it has ended (data/subsidy.toml says so in `status`, with what was
read about its end and what was not). The estimator shows it as "had the programme still run", never
as something to apply for. Every fact about the programme names the pages it was read from. All
amounts are tax included, as in the programme. The platform fee is an assumption of the worked
example, not a rule of the programme, and the expert's usual hourly rate is derived from the example's
total, which is what the platform's page gives.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from .records import Record, read_toml

STATUSES = ("ended", "open")


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str
    read_on: datetime.date


@dataclass(frozen=True)
class Fact:
    """One thing the site says about the programme, and the pages it was read from."""

    id: str
    label: str
    text: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Programme:
    facts: tuple[Fact, ...]
    ended: Fact  # what was read about the programme's end
    not_verified: str  # what about its end could not be read, said plainly

    @property
    def paid_for(self) -> str:
        return self.fact("paid-for").text

    def fact(self, fact_id: str) -> Fact:
        return next(f for f in self.facts if f.id == fact_id)


@dataclass(frozen=True)
class SubsidyRule:
    id: str
    name: str
    status: str
    status_note: str
    cap_yen_per_hour: int
    client_minimum_yen_per_hour: int
    programme: Programme
    platform_fee_percent: int  # an assumption of the worked example
    example_client_rate_yen_per_hour: int
    example_hours: int
    example_without_programme_yen: int  # the expert's usual fee for the example's hours, as the page gives it
    example_source: Source

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def example_regular_rate_yen_per_hour(self) -> int:
        """Derived, not read: the example's usual total divided by its hours (the data file keeps it exact)."""
        return self.example_without_programme_yen // self.example_hours


@dataclass(frozen=True)
class SubsidyOutcome:
    """Money for `hours` of work under the programme, all in integer yen (tax included, as in the programme)."""

    hours: int
    client_rate_yen_per_hour: int
    client_pays_yen: int
    platform_fee_yen: int
    provider_from_client_yen: int
    subsidy_yen: int
    provider_receives_yen: int
    without_subsidy_yen: int

    @property
    def client_saves_yen(self) -> int:
        """How much less the business paid than the expert's usual fee: the expert's choice, not the 謝金."""
        return self.without_subsidy_yen - self.client_pays_yen


def load_subsidy(path: Path) -> SubsidyRule:
    root = Record(path.name, "(ファイル全体)", read_toml(path))
    rule = root.table("subsidy", "[subsidy]")
    example = root.table("example", "[example]")
    programme = root.table("programme", "[programme]")
    sources = {r.text("id"): Source(r.text("id"), r.text("title"), r.address(), r.read_day())
               for r in root.tables("sources")}
    facts = tuple(_fact(r, sources) for r in programme.tables("facts"))
    if "paid-for" not in {f.id for f in facts}:
        raise programme.fail("facts", "id = \"paid-for\"（対象になった支援）の項目が必要です")
    minimum = rule.integer("client_minimum_yen_per_hour")
    client_rate = example.integer("client_rate_yen_per_hour")
    if client_rate < minimum:
        raise example.fail("client_rate_yen_per_hour", f"お客さまの最低負担 {minimum} 円を下回っています")
    hours = example.integer("hours", minimum=1)
    without = example.integer("without_programme_yen", minimum=1)
    if without % hours:
        raise example.fail("without_programme_yen", f"時間数 {hours} で割り切れる額にしてください（1時間あたりの額を出すため）")
    return SubsidyRule(
        id=rule.text("id"),
        name=rule.text("name"),
        status=rule.choice("status", STATUSES),
        status_note=rule.text("status_note"),
        cap_yen_per_hour=rule.integer("cap_yen_per_hour", minimum=1),
        client_minimum_yen_per_hour=minimum,
        programme=Programme(facts, _fact(programme.table("ended"), sources), programme.text("not_verified")),
        platform_fee_percent=example.integer("platform_fee_percent", maximum=100),
        example_client_rate_yen_per_hour=client_rate,
        example_hours=hours,
        example_without_programme_yen=without,
        example_source=_sources(example, "source", sources)[0],
    )



def _fact(r: Record, sources: dict[str, Source]) -> Fact:
    return Fact(r.text("id", default="ended"), r.text("label"), r.text("text"), _sources(r, "sources", sources))


def _sources(r: Record, field: str, sources: dict[str, Source]) -> tuple[Source, ...]:
    ids = (r.text(field),) if isinstance(r.data.get(field), str) else r.texts(field)
    if not ids:
        raise r.fail(field, "読んだページ（[[sources]] の id）を1つ以上挙げてください")
    for source_id in ids:
        if source_id not in sources:
            raise r.fail(field, f"[[sources]] に {source_id!r} がありません")
    return tuple(sources[i] for i in ids)


def subsidy_outcome(rule: SubsidyRule, client_rate_yen_per_hour: int, hours: int,
                    regular_rate_yen_per_hour: int) -> SubsidyOutcome:
    """Split the money of `hours` of work between client, platform, secretariat and expert.

    The client's rate is raised to the programme's minimum if it is below; the platform fee is
    rounded down to the yen (the expert never receives less than the rule says).
    """
    rate = max(client_rate_yen_per_hour, rule.client_minimum_yen_per_hour)
    client_pays = rate * hours
    fee = client_pays * rule.platform_fee_percent // 100
    subsidy = rule.cap_yen_per_hour * hours
    return SubsidyOutcome(
        hours=hours,
        client_rate_yen_per_hour=rate,
        client_pays_yen=client_pays,
        platform_fee_yen=fee,
        provider_from_client_yen=client_pays - fee,
        subsidy_yen=subsidy,
        provider_receives_yen=client_pays - fee + subsidy,
        without_subsidy_yen=regular_rate_yen_per_hour * hours,
    )


def worked_example(rule: SubsidyRule) -> SubsidyOutcome:
    """The example of the platform's page (in facts: 1,500 yen x 40 h, against 170,000 yen without)."""
    return subsidy_outcome(rule, rule.example_client_rate_yen_per_hour, rule.example_hours,
                           rule.example_regular_rate_yen_per_hour)
