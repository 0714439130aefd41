"""One call from input to everything the client sees: hours, costs, budget, advice, start, message."""

from __future__ import annotations

from dataclasses import dataclass

from .advice import ReservedWarning, ServiceAdvice, advise_service, reserved_warnings
from .budget import BudgetFit, fit_budget
from .dataset import Dataset
from .estimate import HoursEstimate, estimate_hours
from .inputs import EstimateInput
from .pricing import CostOption, FirstMonth, cheapest, cost_options, first_month
from .schedule import StartPlan, plan_start
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
    first_month: FirstMonth  # the best option with the one-off work added, plus the setup fee
    budget: BudgetFit | None
    advice: ServiceAdvice | None
    warnings: tuple[ReservedWarning, ...]
    start: StartPlan
    subsidy: SubsidyScenario


def build_report(estimate_input: EstimateInput, data: Dataset) -> Report:
    catalog, terms = data.catalog, data.terms
    hours = estimate_hours(estimate_input.choices, catalog, terms)
    options = cost_options(hours.monthly_total.typical, terms.pricing)
    best = cheapest(options)
    one_off = hours.one_off_work.typical + hours.one_off_buffer.typical
    first = first_month(best.id, hours.monthly_total.typical, one_off, terms.setup_fee_yen, terms.pricing)
    profile = estimate_input.profile
    return Report(
        input=estimate_input,
        hours=hours,
        options=options,
        best_option=best,
        first_month=first,
        budget=None if estimate_input.budget_yen is None
        else fit_budget(estimate_input.budget_yen, hours, catalog, terms, first),
        advice=advise_service(hours, catalog, terms),
        warnings=reserved_warnings(hours, catalog),
        start=plan_start(estimate_input.today, terms, profile.video_call != "no", profile.desired_start),
        subsidy=subsidy_scenario(hours, data),
    )


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
