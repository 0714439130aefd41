"""Hours, buffer, plans, tax: the figures a client sees first."""

import math
from fractions import Fraction

from estimator.inputs import validate_input
from estimator.pricing import cost_options, hourly_cost, plan_cost, with_tax
from estimator.report import build_report
from estimator.units import hours

from support import request


def report_for(data, *tasks, budget=None, **profile):
    tools = frozenset(t.id for t in data.terms.work_tools)
    return build_report(validate_input(request(*tasks, budget=budget, **profile), data.catalog, tools), data)


def test_hundred_journal_entries_take_an_hour_plus_the_buffer(data):
    report = report_for(data, ("bookkeeping", 100, "month", "must"))
    assert report.hours.monthly_work.typical == 60  # 100 entries an hour, exactly, no float drift
    assert report.hours.monthly_buffer.typical == 12  # 20 %
    assert report.hours.monthly_total.typical == 72


def test_per_day_and_per_week_quantities_become_monthly(data):
    daily = report_for(data, ("email-reply", 5, "day", "must")).hours.lines[0]
    weekly = report_for(data, ("scheduling-single", 3, "week", "must")).hours.lines[0]
    assert daily.units_per_month == 100  # 20 business days
    assert daily.minutes.typical == 100 * data.catalog.task("email-reply").minutes_per_unit.typical
    assert weekly.units_per_month == Fraction("12.9")  # 4.3 weeks
    per_unit = data.catalog.task("scheduling-single").minutes_per_unit.typical
    assert weekly.minutes.typical == math.ceil(Fraction("12.9") * per_unit)  # each line rounded up once


def test_one_off_tasks_and_setup_are_not_monthly(data):
    report = report_for(data, ("tool-rollout", 1, "once", "must"), ("payroll", 5, "month", "must"))
    rollout = data.catalog.task("tool-rollout").minutes_per_unit.typical
    assert report.hours.monthly_work.typical == 5 * data.catalog.task("payroll").minutes_per_unit.typical
    assert report.hours.one_off_work.typical == rollout
    terms = data.terms
    assert report.hours.setup_minutes == terms.setup_handover_minutes + terms.setup_minutes_per_task  # one recurring task
    buffer = math.ceil(rollout * data.terms.pricing.buffer_percent / 100)
    assert report.hours.initial_total.typical == rollout + buffer + report.hours.setup_minutes


def test_range_is_ordered_and_totals_are_sums(data):
    report = report_for(data, ("invoice-issue", 10, "month", "must"), ("sns-posts", 8, "month", "nice"))
    total = report.hours.monthly_work
    assert total.low <= total.typical <= total.high
    assert total.typical == sum(line.minutes.typical for line in report.hours.lines)


def test_tax_is_ten_percent_rounded_down(data):
    pricing = data.terms.pricing
    assert with_tax(30000, pricing).gross_yen == 33000
    assert with_tax(875, pricing).tax_yen == 87  # 87.5 → 87 (切り捨て)


def test_hourly_cost_is_billed_in_fifteen_minute_blocks(data):
    option = hourly_cost(61, data.terms.pricing)
    assert option.billed_minutes == 75
    assert option.cost.net_yen == data.terms.pricing.hourly_rate_yen * 5 // 4  # 1.25 h


def test_plan_overage_is_billed_per_started_hour_and_unused_hours_are_shown(data):
    plan = data.terms.plan("plan-10")
    over = plan_cost(10 * 60 + 1, plan, data.terms.pricing)
    assert over.overage_minutes == 60
    assert over.cost.net_yen == plan.monthly_fee_yen + plan.overage_yen_per_hour
    under = plan_cost(8 * 60, plan, data.terms.pricing)
    assert under.unused_minutes == 120 and under.cost.net_yen == plan.monthly_fee_yen


def test_cheapest_option_is_marked(data):
    report = report_for(data, ("email-reply", 5, "day", "must"))  # 730 + 146 buffer = 876 min = 14.6 h
    options = {o.id: o.cost.gross_yen for o in report.options}
    assert report.best_option.cost.gross_yen == min(options.values())
    plan = data.terms.plan("plan-10")  # 10 hours and 5 started hours of overage
    assert options["plan-10"] == with_tax(plan.monthly_fee_yen + 5 * plan.overage_yen_per_hour, data.terms.pricing).gross_yen
    rate = data.terms.pricing.hourly_rate_yen
    assert options["hourly"] == with_tax(rate * 59 // 4, data.terms.pricing).gross_yen  # 14.75 h in 15-minute blocks


def test_reserved_task_adds_no_hours_and_is_flagged_with_law_and_link(data):
    plain = report_for(data, ("bookkeeping", 100, "month", "must"))
    with_tax_return = report_for(data, ("bookkeeping", 100, "month", "must"), ("tax-return", 1, "once", "must"))
    assert with_tax_return.hours.monthly_total == plain.hours.monthly_total
    assert with_tax_return.hours.initial_total == plain.hours.initial_total
    [warning] = with_tax_return.warnings
    assert warning.task_id == "tax-return" and warning.wholly_reserved
    assert warning.profession.name == "税理士"
    assert (warning.profession.law, warning.profession.article) == ("税理士法", "第52条")
    assert "記帳" in warning.profession.assistant_can
    assert warning.profession.guide == "guide/not-delegable/#reserved-zeirishi"


def test_payroll_is_fine_on_instructions_but_statutory_books_are_the_sharoushis(data):
    [warning] = report_for(data, ("payroll", 5, "month", "must")).warnings
    assert not warning.wholly_reserved and warning.profession.id == "sharoushi"
    assert "賃金台帳" in warning.note and "指示" in warning.note


def test_partly_reserved_task_counts_hours_and_explains_the_reserved_part(data):
    report = report_for(data, ("onboarding", 2, "month", "must"))
    assert report.hours.monthly_work.typical == 120
    [warning] = report.warnings
    assert not warning.wholly_reserved and "社会保険労務士" in warning.note


def test_hours_format_rounds_half_up_to_a_tenth():
    assert hours(125) == "2.1時間"
    assert hours(60) == "1時間"
    assert hours(0) == "0時間"


def test_cost_options_list_pay_as_you_go_then_plans(data):
    assert [o.id for o in cost_options(600, data.terms.pricing)] == ["hourly", "plan-10", "plan-20", "plan-30"]
