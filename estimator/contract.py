"""The provider's contract terms: what a client agrees to before signing, and what the provider promises.

Read from `data/terms.toml` (sections [payment], [contract], [trial], [service], [assistants],
[confidentiality], [outside_hours]). These are the answers the FAQ and the guides give in the provider's own voice, and
some of them change figures: the minimum term and plan changes shape the twelve-month cost, the
surcharges price weekend work. The wording built from them lives in `terms_text`, so every page and
the estimate say the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .records import Record

POSTPAY_DUE = ("next-month-end", "next-month-10")
EARLY_CANCELLATION = ("none", "remaining-fees")
STAFFING = ("one-person", "team")
REPORT_FREQUENCY = ("weekly", "monthly")
NDA_SIGNED = ("before-meeting", "with-contract")
SUBCONTRACTING = ("never", "with-consent", "allowed")
SPECIALIST_WORK = ("separate-quote", "same-rate")
MY_NUMBER = ("handled", "not-handled")
RECEIPT = ("on-request", "always", "not-issued")
RENEWAL = ("monthly", "term", "ends")
TOOL_FEES = ("client", "provider")
EMPLOYMENT = ("employee", "contractor")
LOCATION = ("japan", "anywhere")
DEVICE = ("provider-managed", "own-checked")
_CLOCK = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
# What a trial's fee counts toward when the client goes on: nothing, the setup fee, or the first month's fee.
TRIAL_CREDIT = ("none", "setup-fee", "first-month")
_REGISTRATION_NUMBER = re.compile(r"T\d{13}")


@dataclass(frozen=True)
class Payment:
    plans_prepaid: bool
    corporate_postpay: bool
    postpay_due: str
    methods: tuple[str, ...]
    contract_methods: tuple[str, ...]
    quote_on_request: bool
    quote_free: bool
    prepay_due_day: int  # a prepaid month is paid by this day of the month before
    receipt: str


@dataclass(frozen=True)
class Contract:
    minimum_term_months: int
    cancellation_notice_days: int
    early_cancellation: str
    refund_unstarted_months: bool
    plan_change_deadline_day: int
    renewal: str  # after the minimum term
    pause_max_months: int  # 0: a plan cannot be paused
    cancellation_methods: tuple[str, ...]
    cancellation_in_writing: bool  # only in writing (e-mail counts), never by phone alone
    sole_proprietors: bool  # 個人事業主 may sign, on the same terms as companies except plan postpay


@dataclass(frozen=True)
class Trial:
    offered: bool
    hours: int
    fee_yen: int
    days: int
    converts_automatically: bool
    fee_counts_toward: str  # TRIAL_CREDIT: deducted, when the client goes on, from the setup fee or the first month


@dataclass(frozen=True)
class Service:
    staffing: str
    change_on_request: bool
    reply_within_hours: int
    report_frequency: str
    report_increment_minutes: int
    liability_cap_months: int
    waiting_time_billed: bool
    specialist_work: str
    requesters_max: int  # people of the client who may ask for work on one contract; 0: any number
    overage_notice_percent: int  # the client is told when this share of the plan's hours is used; 0: never
    overage_needs_consent: bool  # hours beyond the plan are worked only once the client agrees
    meetings_count_as_work: bool  # regular meetings with the client use the plan's hours
    report_counts_as_work: bool  # writing the work report uses the plan's hours
    tool_fees: str  # who pays for the paid tools the work needs
    same_day_cutoff: tuple[int, int]  # (hour, minute): requests received by then are done the same day
    same_day_max_minutes: int  # the largest request done the same day
    rush_surcharge_percent: int  # on urgent requests within business hours; 0: none
    parallel_tasks_max: int  # requests worked on at the same time; 0: any number


@dataclass(frozen=True)
class Assistants:
    """Who does the work: it decides whether handing them the client's data is 再委託."""

    employment: str
    location: str
    experience_years_min: int  # 0: no office experience required
    selection: tuple[str, ...]
    device: str


@dataclass(frozen=True)
class Confidentiality:
    nda_signed: str
    staff_pledge: bool
    subcontracting: str
    my_number: str
    return_within_business_days: int
    delete_within_days: int


@dataclass(frozen=True)
class OutsideHours:
    weekend_allowed: bool
    weekend_surcharge_percent: int
    after_hours_allowed: bool
    after_hours_surcharge_percent: int


def registration_number(r: Record, field: str) -> str:
    value = r.text(field)
    if not _REGISTRATION_NUMBER.fullmatch(value):
        raise r.fail(field, f"「T」と13桁の数字が必要です（{value!r}）")
    return value


def load_payment(r: Record) -> Payment:
    return Payment(
        plans_prepaid=r.flag("plans_prepaid"),
        corporate_postpay=r.flag("corporate_postpay"),
        postpay_due=r.choice("postpay_due", POSTPAY_DUE),
        methods=r.texts("methods"),
        contract_methods=r.texts("contract_methods"),
        quote_on_request=r.flag("quote_on_request"),
        quote_free=r.flag("quote_free"),
        prepay_due_day=r.integer("prepay_due_day", minimum=1, maximum=28),
        receipt=r.choice("receipt", RECEIPT),
    )


def load_contract(r: Record) -> Contract:
    return Contract(
        minimum_term_months=r.integer("minimum_term_months", maximum=12),
        cancellation_notice_days=r.integer("cancellation_notice_days", maximum=180),
        early_cancellation=r.choice("early_cancellation", EARLY_CANCELLATION),
        refund_unstarted_months=r.flag("refund_unstarted_months"),
        plan_change_deadline_day=r.integer("plan_change_deadline_day", minimum=1, maximum=28),
        renewal=r.choice("renewal", RENEWAL),
        pause_max_months=r.integer("pause_max_months", maximum=6),
        cancellation_methods=_some_texts(r, "cancellation_methods"),
        cancellation_in_writing=r.flag("cancellation_in_writing"),
        sole_proprietors=r.flag("sole_proprietors"),
    )


def load_trial(r: Record) -> Trial:
    offered = r.flag("offered")
    return Trial(
        offered=offered,
        hours=r.integer("hours", minimum=1 if offered else 0, maximum=100),
        fee_yen=r.integer("fee_yen"),
        days=r.integer("days", minimum=1 if offered else 0, maximum=90),
        converts_automatically=r.flag("converts_automatically"),
        fee_counts_toward=r.choice("fee_counts_toward", TRIAL_CREDIT),
    )


def load_service(r: Record) -> Service:
    return Service(
        staffing=r.choice("staffing", STAFFING),
        change_on_request=r.flag("change_on_request"),
        reply_within_hours=r.integer("reply_within_hours", minimum=1, maximum=72),
        report_frequency=r.choice("report_frequency", REPORT_FREQUENCY),
        report_increment_minutes=r.integer("report_increment_minutes", minimum=1, maximum=60),
        liability_cap_months=r.integer("liability_cap_months", minimum=1, maximum=24),
        waiting_time_billed=r.flag("waiting_time_billed"),
        specialist_work=r.choice("specialist_work", SPECIALIST_WORK),
        requesters_max=r.integer("requesters_max", maximum=100),
        overage_notice_percent=r.integer("overage_notice_percent", maximum=100),
        overage_needs_consent=r.flag("overage_needs_consent"),
        meetings_count_as_work=r.flag("meetings_count_as_work"),
        report_counts_as_work=r.flag("report_counts_as_work"),
        tool_fees=r.choice("tool_fees", TOOL_FEES),
        same_day_cutoff=_clock(r, "same_day_cutoff"),
        same_day_max_minutes=r.integer("same_day_max_minutes", minimum=1, maximum=480),
        rush_surcharge_percent=r.integer("rush_surcharge_percent", maximum=200),
        parallel_tasks_max=r.integer("parallel_tasks_max", maximum=100),
    )


def load_assistants(r: Record) -> Assistants:
    return Assistants(
        employment=r.choice("employment", EMPLOYMENT),
        location=r.choice("location", LOCATION),
        experience_years_min=r.integer("experience_years_min", maximum=30),
        selection=_some_texts(r, "selection"),
        device=r.choice("device", DEVICE),
    )


def _some_texts(r: Record, field: str) -> tuple[str, ...]:
    values = r.texts(field)
    if not values or not all(value.strip() for value in values):
        raise r.fail(field, "空でない文字列を1つ以上並べた配列が必要です")
    return values


def _clock(r: Record, field: str) -> tuple[int, int]:
    """A time of day written "15:00"."""
    value = r.text(field)
    match = _CLOCK.fullmatch(value)
    if match is None:
        raise r.fail(field, f"「15:00」の形の時刻が必要です（{value!r}）")
    return int(match.group(1)), int(match.group(2))


def load_confidentiality(r: Record) -> Confidentiality:
    return Confidentiality(
        nda_signed=r.choice("nda_signed", NDA_SIGNED),
        staff_pledge=r.flag("staff_pledge"),
        subcontracting=r.choice("subcontracting", SUBCONTRACTING),
        my_number=r.choice("my_number", MY_NUMBER),
        return_within_business_days=r.integer("return_within_business_days", minimum=1, maximum=60),
        delete_within_days=r.integer("delete_within_days", minimum=1, maximum=180),
    )


def load_outside_hours(r: Record) -> OutsideHours:
    return OutsideHours(
        weekend_allowed=r.flag("weekend_allowed"),
        weekend_surcharge_percent=r.integer("weekend_surcharge_percent", maximum=200),
        after_hours_allowed=r.flag("after_hours_allowed"),
        after_hours_surcharge_percent=r.integer("after_hours_surcharge_percent", maximum=200),
    )
