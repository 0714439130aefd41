"""Budget fit with a concrete proposal, and the service-kind advice with its reasons."""

from estimator.pricing import with_tax

from support import report_for


def test_within_budget_shows_headroom(data):
    report = report_for(data, ("payroll", 5, "month", "must"), budget=100000)
    assert report.budget.within and report.budget.over_by_yen == 0
    assert report.budget.headroom_yen == 100000 - report.best_option.cost.gross_yen
    assert report.budget.proposal is None


def test_budget_buys_the_hours_of_the_best_option(data):
    smallest = min(data.terms.pricing.plans, key=lambda plan: plan.hours)
    budget = with_tax(smallest.monthly_fee_yen, data.terms.pricing).gross_yen  # exactly the smallest plan, with tax
    report = report_for(data, ("payroll", 5, "month", "must"), budget=budget)
    assert report.budget.affordable_minutes == smallest.hours * 60


def test_over_budget_proposal_reduces_lowest_priority_first_and_fits(data):
    must = ("email-reply", 5, "day", "must")
    budget = report_for(data, must).best_option.cost.gross_yen + 10000  # the 必須 task fits, with room to spare
    report = report_for(data, must, ("sns-posts", 8, "month", "nice"), ("blog-posts", 2, "month", "want"), budget=budget)
    fit = report.budget
    assert not fit.within and fit.over_by_yen == fit.option.cost.gross_yen - budget
    proposal = fit.proposal
    assert proposal.fits and proposal.option.cost.gross_yen <= budget
    ids = [a.task_id for a in proposal.adjustments]
    assert ids[0] == "sns-posts"  # 余裕があれば before できれば
    assert "email-reply" not in ids  # 必須 is never touched
    assert all(a.to_quantity < a.from_quantity for a in proposal.adjustments)


def test_proposal_keeps_as_much_as_fits(data):
    # The reduced task is kept at the largest whole quantity that fits: one more would not fit.
    report = report_for(data, ("sns-posts", 20, "month", "nice"), budget=40000)
    [adjustment] = report.budget.proposal.adjustments
    kept = int(adjustment.to_quantity)
    assert kept > 0
    assert not report_for(data, ("sns-posts", kept + 1, "month", "nice"), budget=40000).budget.within


def test_when_musts_alone_exceed_the_budget_it_says_so(data):
    report = report_for(data, ("email-reply", 10, "day", "must"), ("sns-posts", 4, "month", "nice"), budget=20000)
    proposal = report.budget.proposal
    assert not proposal.fits
    assert proposal.must_only_option.cost.gross_yen > 20000


def test_secretary_work_advises_an_online_secretary_with_reasons(data):
    report = report_for(data, ("scheduling-group", 6, "month", "must"), ("email-reply", 3, "day", "must"))
    assert report.advice.kind_id == "secretary"
    assert any("オンライン秘書" in reason for reason in report.advice.reasons)


def test_routine_accounting_advises_bpo(data):
    report = report_for(data, ("bookkeeping", 300, "month", "must"), ("payroll", 10, "month", "must"))
    assert report.advice.kind_id == "bpo"


def test_tool_rollout_and_manuals_advise_a_hands_on_partner(data):
    report = report_for(data, ("security-review", 2, "month", "must"), ("cashflow", 2, "month", "must"))
    assert report.advice.kind_id == "partner"


def test_no_fixed_hour_rule_decides_hiring_in_the_service_advice(data):
    # 173 h a month is 40.2 h a week: once the point where 「人を雇う」 was advised by a fixed rule. The kind of
    # service now follows the tasks at any volume; whether hiring costs less is the hiring comparison's answer.
    for monthly_hours in (10, 172, 173, 400):
        report = report_for(data, ("research", monthly_hours, "month", "must"))
        assert report.advice.kind_id == "secretary"
        assert not any("目安" in reason or "週40時間" in reason for reason in report.advice.reasons)


def test_no_task_no_advice(data):
    assert report_for(data).advice is None
