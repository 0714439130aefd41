"""The provider's terms: rates, plans, tax, buffer, calendar, contact and request steps, and (from
`contract`) payment, contract, trial, service, assistants and confidentiality terms, and (from `privacy`)
the privacy policy's values.

Read from `data/terms.toml`, the one file an operator edits to make the site and the estimator
speak for their own service.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from .contract import (Assistants, Confidentiality, Contract, OutsideHours, Payment, Service, Trial,
                       load_assistants, load_confidentiality, load_contract, load_outside_hours, load_payment,
                       load_service, load_trial, registration_number)
from .privacy import Privacy, load_privacy
from .records import Record, cached_hash, read_toml

TAX_ROUNDINGS = ("floor", "round", "ceil")
HOURLY = "hourly"  # the id of pay-as-you-go (従量制) among the ways to pay; plans have their own ids
STEP_ROUTES = ("both", "video", "text")


@dataclass(frozen=True)
class Plan:
    id: str
    name: str
    hours: int
    monthly_fee_yen: int
    overage_yen_per_hour: int


@dataclass(frozen=True)
class Pricing:
    hourly_rate_yen: int
    hourly_increment_minutes: int
    overage_increment_minutes: int
    carry_over_months: int  # 0: unused plan hours expire at the end of the month
    tax_rate_percent: int
    tax_rounding: str
    buffer_percent: int
    plans: tuple[Plan, ...]

    __hash__ = cached_hash


@dataclass(frozen=True)
class ClosedPeriod:
    """A yearly closed period, inclusive, as (month, day) pairs; it may wrap over the new year."""

    start: tuple[int, int]
    end: tuple[int, int]

    def contains(self, day: datetime.date) -> bool:
        key = (day.month, day.day)
        if self.start <= self.end:
            return self.start <= key <= self.end
        return key >= self.start or key <= self.end


@dataclass(frozen=True)
class Step:
    id: str
    name: str
    business_days: int
    route: str
    who: str


@dataclass(frozen=True)
class Channel:
    id: str
    name: str


@dataclass(frozen=True)
class Terms:
    provider_name: str
    is_sample: bool
    sample_note: str
    business_hours: str
    invoice_registration_number: str
    pricing: Pricing
    outside_hours: OutsideHours
    setup_fee_yen: int
    setup_applies_to_plans: bool  # the fee is paid when a monthly plan starts
    setup_applies_to_spot: bool  # ... when 従量制 (spot work, pay-as-you-go) starts
    setup_applies_to_trial: bool  # ... with the trial (and then not again)
    setup_covers: tuple[str, ...]
    setup_handover_minutes: int
    setup_minutes_per_task: int
    business_days_per_month: Fraction
    weeks_per_month: Fraction
    business_weekdays: frozenset[int]
    closed_periods: tuple[ClosedPeriod, ...]
    payment: Payment
    contract: Contract
    trial: Trial
    service: Service
    assistants: Assistants
    confidentiality: Confidentiality
    privacy: Privacy
    inquiry_channels: tuple[Channel, ...]
    work_tools: tuple[Channel, ...]
    email: str
    steps: tuple[Step, ...]

    __hash__ = cached_hash

    def plan(self, plan_id: str) -> Plan:
        return next(p for p in self.pricing.plans if p.id == plan_id)

    def setup_fee_for(self, option_id: str) -> int:
        """The setup fee (net) due when a client starts on this way to pay: 0 where the terms waive it."""
        applies = self.setup_applies_to_spot if option_id == HOURLY else self.setup_applies_to_plans
        return self.setup_fee_yen if applies else 0

    @property
    def setup_fee_applies(self) -> bool:
        """Whether any way of starting pays the setup fee."""
        return self.setup_fee_yen > 0 and (self.setup_applies_to_plans or self.setup_applies_to_spot
                                           or self.setup_applies_to_trial)


def load_terms(path: Path) -> Terms:
    root = Record(path.name, "(ファイル全体)", read_toml(path))
    provider = root.table("provider", "[provider]")
    pricing = root.table("pricing", "[pricing]")
    setup = root.table("setup", "[setup]")
    workload = root.table("workload", "[workload]")
    calendar = root.table("calendar", "[calendar]")
    payment = root.table("payment", "[payment]")
    contact = root.table("contact", "[contact]")
    weekdays = calendar.data.get("business_weekdays")
    if not isinstance(weekdays, list) or not weekdays or not all(
        isinstance(d, int) and not isinstance(d, bool) and 1 <= d <= 7 for d in weekdays
    ):
        raise calendar.fail("business_weekdays", "1（月）〜7（日）の整数の配列が必要です")
    return Terms(
        provider_name=provider.text("name"),
        is_sample=provider.flag("is_sample"),
        sample_note=provider.text("sample_note", default=""),
        business_hours=provider.text("business_hours"),
        invoice_registration_number=registration_number(provider, "invoice_registration_number"),
        pricing=_pricing(pricing),
        outside_hours=load_outside_hours(root.table("outside_hours", "[outside_hours]")),
        setup_fee_yen=setup.integer("fee_yen"),
        setup_applies_to_plans=setup.flag("applies_to_plans"),
        setup_applies_to_spot=setup.flag("applies_to_spot"),
        setup_applies_to_trial=setup.flag("applies_to_trial"),
        setup_covers=setup.texts("covers"),
        setup_handover_minutes=setup.integer("handover_minutes"),
        setup_minutes_per_task=setup.integer("minutes_per_task"),
        business_days_per_month=workload.number("business_days_per_month", minimum=1),
        weeks_per_month=workload.number("weeks_per_month", minimum=1),
        business_weekdays=frozenset(weekdays),
        closed_periods=tuple(_closed_period(r) for r in calendar.tables("closed_periods", id_field=None)),
        payment=load_payment(payment),
        contract=load_contract(root.table("contract", "[contract]")),
        trial=_trial(root.table("trial", "[trial]"), setup),
        service=load_service(root.table("service", "[service]")),
        assistants=load_assistants(root.table("assistants", "[assistants]")),
        confidentiality=load_confidentiality(root.table("confidentiality", "[confidentiality]")),
        privacy=load_privacy(root.table("privacy", "[privacy]")),
        inquiry_channels=tuple(Channel(r.text("id"), r.text("name")) for r in contact.tables("inquiry_channels")),
        work_tools=tuple(Channel(r.text("id"), r.text("name")) for r in contact.tables("work_tools")),
        email=contact.text("email"),
        steps=tuple(
            Step(r.text("id"), r.text("name"), r.integer("business_days", maximum=60), r.choice("route", STEP_ROUTES), r.text("who"))
            for r in root.tables("steps")
        ),
    )


def _pricing(r: Record) -> Pricing:
    plans = tuple(
        Plan(p.text("id"), p.text("name"), p.integer("hours", minimum=1), p.integer("monthly_fee_yen", minimum=1),
             p.integer("overage_yen_per_hour", minimum=1))
        for p in r.tables("plans")
    )
    return Pricing(
        hourly_rate_yen=r.integer("hourly_rate_yen", minimum=1),
        hourly_increment_minutes=r.integer("hourly_increment_minutes", minimum=1, maximum=60),
        overage_increment_minutes=r.integer("overage_increment_minutes", minimum=1, maximum=60),
        carry_over_months=r.integer("carry_over_months", maximum=12),
        tax_rate_percent=r.integer("tax_rate_percent", maximum=100),
        tax_rounding=r.choice("tax_rounding", TAX_ROUNDINGS),
        buffer_percent=r.integer("buffer_percent", maximum=200),
        plans=plans,
    )


def _trial(r: Record, setup: Record) -> Trial:
    """The trial, checked against the setup fee: its fee cannot count toward a setup fee that the trial
    itself has paid, nor toward one that no way to pay is charged."""
    trial = load_trial(r)
    if trial.offered and trial.fee_counts_toward == "setup-fee":
        if setup.flag("applies_to_trial"):
            raise r.fail("fee_counts_toward", "[setup] applies_to_trial = true のときは、お試しの料金を初期費用に充てられません"
                                              "（\"first-month\" か \"none\" にしてください）")
        if not setup.integer("fee_yen") or not (setup.flag("applies_to_plans") or setup.flag("applies_to_spot")):
            raise r.fail("fee_counts_toward", "初期費用がかからない設定のため、お試しの料金を初期費用に充てられません"
                                              "（\"first-month\" か \"none\" にしてください）")
    return trial


def _closed_period(r: Record) -> ClosedPeriod:
    return ClosedPeriod(_month_day(r, "from"), _month_day(r, "to"))


def _month_day(r: Record, field: str) -> tuple[int, int]:
    text = r.text(field)
    try:
        month, day = (int(part) for part in text.split("-"))
        datetime.date(2000, month, day)  # a leap year, so 02-29 is accepted
    except ValueError:
        raise r.fail(field, f"MM-DD 形式の日付が必要です（{text!r}）") from None
    return (month, day)
