"""A per-hour subsidy as a worked example: what the client pays and what the provider receives.

The rule comes from a programme that has ended (data/subsidy.toml says so in `status`, and what the
programme was in [programme], with the pages it was read from); the estimator shows it as "had the
programme still run", never as something to apply for. All amounts here are tax included, as in the
programme. The platform fee is an assumption of the worked example, not a rule of the programme.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from .records import Record, read_toml

STATUSES = ("ended", "open")


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    read_on: datetime.date


@dataclass(frozen=True)
class Programme:
    operator: str
    period: str
    paid_whom: str
    paid_for: str
    sources: tuple[Source, ...]


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
    example_regular_rate_yen_per_hour: int

    @property
    def is_open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True)
class SubsidyOutcome:
    """Money for `hours` of subsidised work, all in integer yen (tax included, as in the programme)."""

    hours: int
    client_rate_yen_per_hour: int
    client_pays_yen: int
    platform_fee_yen: int
    provider_from_client_yen: int
    subsidy_yen: int
    provider_receives_yen: int
    without_subsidy_yen: int


def load_subsidy(path: Path) -> SubsidyRule:
    root = Record(path.name, "(ファイル全体)", read_toml(path))
    rule = root.table("subsidy", "[subsidy]")
    example = root.table("example", "[example]")
    programme = root.table("programme", "[programme]")
    sources = tuple(Source(r.text("title"), r.text("url"), r.date("read_on"))
                    for r in programme.tables("sources", id_field=None))
    minimum = rule.integer("client_minimum_yen_per_hour")
    client_rate = example.integer("client_rate_yen_per_hour")
    if client_rate < minimum:
        raise example.fail("client_rate_yen_per_hour", f"お客さまの最低負担 {minimum} 円を下回っています")
    return SubsidyRule(
        id=rule.text("id"),
        name=rule.text("name"),
        status=rule.choice("status", STATUSES),
        status_note=rule.text("status_note"),
        cap_yen_per_hour=rule.integer("cap_yen_per_hour", minimum=1),
        client_minimum_yen_per_hour=minimum,
        programme=Programme(programme.text("operator"), programme.text("period"), programme.text("paid_whom"),
                            programme.text("paid_for"), sources),
        platform_fee_percent=example.integer("platform_fee_percent", maximum=100),
        example_client_rate_yen_per_hour=client_rate,
        example_hours=example.integer("hours", minimum=1),
        example_regular_rate_yen_per_hour=example.integer("regular_rate_yen_per_hour", minimum=1),
    )


def subsidy_outcome(rule: SubsidyRule, client_rate_yen_per_hour: int, hours: int,
                    regular_rate_yen_per_hour: int) -> SubsidyOutcome:
    """Split the money of `hours` of work between client, platform, secretariat and provider.

    The client's rate is raised to the programme's minimum if it is below; the platform fee is
    rounded down to the yen (the provider never receives less than the rule says).
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
    """The example of the data file (in facts: 1,500 yen x 40 h)."""
    return subsidy_outcome(rule, rule.example_client_rate_yen_per_hour, rule.example_hours,
                           rule.example_regular_rate_yen_per_hour)
