"""One call from input to everything the client sees: hours, costs, budget, advice, start, message."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .advice import ReservedWarning, ServiceAdvice, advise_service, reserved_warnings
from .annual import YearEstimate, estimate_year
from .budget import BudgetFit, fit_budget
from .dataset import Dataset
from .estimate import HoursEstimate, estimate_hours
from .hiring import client_input
from .hiring_compare import HiringComparison, compare
from .inputs import EstimateInput
from .pricing import (CostOption, FirstMonth, Money, Weekend, cheapest, cheapest_first_month, fee_paid_later, first_months,
                      month_options)
from .schedule import StartPlan, plan_start
from .seasons import DEFAULT_FISCAL_END_MONTH, Calendar, SeasonCut, month_hours, season_cuts
from .terms import Terms
from .subsidy import SubsidyOutcome, SubsidyRule, subsidy_outcome
from .units import ceil_div


@dataclass(frozen=True)
class SubsidyScenario:
    """What the ended per-hour subsidy would have changed for the eligible (IT) tasks ticked."""

    rule: SubsidyRule
    eligible_task_names: tuple[str, ...]
    outcome: SubsidyOutcome | None


@dataclass(frozen=True)
class Report:
    input: EstimateInput
    hours: HoursEstimate
    options: tuple[CostOption, ...]
    best_option: CostOption
    calendar: Calendar  # the start, the 決算月 and whether cut seasonal tasks come whole
    season_cuts: tuple[SeasonCut, ...]  # yearly tasks whose months began before the start
    first_month_minutes: int  # the start's month: usual work (with its peak), one-off and seasonal work
    first_months: tuple[FirstMonth, ...]  # the first month on each way to pay, in the order of `options`
    first_month: FirstMonth  # the cheapest of `first_months`
    first_month_after_trial: FirstMonth | None  # the same for a client who goes on after the trial (None: no trial)
    fee_later: Money | None  # the month the usual way starts, with the setup fee the first month's way did not pay
    weekend: Weekend  # the weekend work asked for, priced on each month's own minutes
    weekend_surcharge_yen: int  # net, in every option's monthly cost
    budget: BudgetFit | None
    advice: ServiceAdvice | None
    warnings: tuple[ReservedWarning, ...]
    start: StartPlan
    subsidy: SubsidyScenario
    year: YearEstimate | None  # None when not asked for (the page asks for it after drawing the month)
    hiring: "HiringComparison | None"


def build_report(estimate_input: EstimateInput, data: Dataset, *, with_year: bool = True) -> Report:
    """Everything from one input. `with_year=False` leaves the twelve months and the hiring comparison out:
    the page draws the month first and asks for the year right after (browser.year_json, `add_year`)."""
    catalog, terms = data.catalog, data.terms
    hours = estimate_hours(estimate_input.choices, catalog, terms)
    profile = estimate_input.profile
    weekend = weekend_work(estimate_input, terms)
    start = plan_start(estimate_input.today, terms, profile.video_call != "no", profile.desired_start)
    calendar = Calendar(start.start, profile.fiscal_month or DEFAULT_FISCAL_END_MONTH, profile.whole_seasons)
    usual = hours.monthly_total.typical
    options = month_options(usual, terms.pricing, weekend)
    first_minutes = month_hours(hours, 0, calendar).minutes
    firsts = first_months(first_minutes, terms, weekend)
    first = cheapest_first_month(firsts)
    best = cheapest(options)
    fee_later = fee_paid_later(first, best, terms)
    report = Report(
        input=estimate_input,
        hours=hours,
        options=options,
        best_option=best,
        calendar=calendar,
        season_cuts=season_cuts(hours, calendar),
        first_month_minutes=first_minutes,
        first_months=firsts,
        first_month=first,
        first_month_after_trial=cheapest_first_month(first_months(first_minutes, terms, weekend, after_trial=True))
        if terms.trial.offered else None,
        fee_later=fee_later,
        weekend=weekend,
        weekend_surcharge_yen=weekend.surcharge_yen(usual, terms.pricing),
        budget=None if estimate_input.budget_yen is None
        else fit_budget(estimate_input.budget_yen, hours, catalog, terms, first, weekend, fee_later),
        advice=advise_service(hours, catalog, terms),
        warnings=reserved_warnings(hours, catalog),
        start=start,
        subsidy=subsidy_scenario(hours, data),
        year=None,
        hiring=None,
    )
    return add_year(report, data) if with_year else report


def add_year(report: Report, data: Dataset) -> Report:
    """The report with the twelve months and the hiring comparison, from the month it already holds."""
    year = estimate_year(report.hours, report.calendar, data.terms, report.weekend)
    return replace(report, year=year, hiring=compare_hiring(report.input, year, data, report.weekend_surcharge_yen > 0))


def compare_hiring(estimate_input: EstimateInput, year: YearEstimate, data: Dataset,
                   surcharged: bool = False) -> HiringComparison:
    """The client's hiring figures against the year's cheapest way to pay (net of tax for a 課税事業者)."""
    given = client_input(estimate_input.hiring, data.hiring)
    best = year.best
    outsourcing = sum(month.cost.net_yen for month in best.months) if given.taxable else best.gross_yen
    return compare(given, tuple(month.minutes for month in year.months), outsourcing, data.hiring, data.terms,
                   surcharged)


def weekend_work(estimate_input: EstimateInput, terms: Terms) -> Weekend:
    """The weekend hours the client named, with the provider's surcharge (none when the provider takes no
    weekend work: the estimate then says so instead). Each month pays it on at most its own minutes."""
    profile, outside = estimate_input.profile, terms.outside_hours
    if not (profile.weekend_work and outside.weekend_allowed and profile.weekend_hours):
        return Weekend()
    return Weekend((profile.weekend_hours * 60).__ceil__(), outside.weekend_surcharge_percent)


def subsidy_scenario(hours: HoursEstimate, data: Dataset) -> SubsidyScenario:
    """The first month's eligible work (monthly and one-off), had the programme still run."""
    eligible = [line for line in hours.lines if line.task.subsidy_eligible and line.minutes.typical > 0]
    rule = data.subsidy
    if not eligible:
        return SubsidyScenario(rule, (), None)
    pricing = data.terms.pricing
    work = sum(line.minutes.typical for line in eligible)
    with_buffer = work + ceil_div(work * pricing.buffer_percent, 100)
    whole_hours = ceil_div(with_buffer, 60)
    # The programme's cap is tax included, so compare it with the rate including tax.
    gross_rate = pricing.hourly_rate_yen + pricing.hourly_rate_yen * pricing.tax_rate_percent // 100
    outcome = subsidy_outcome(rule, gross_rate - rule.cap_yen_per_hour, whole_hours, gross_rate)
    return SubsidyScenario(rule, tuple(line.task.name for line in eligible), outcome)
