"""Start dates counted in business days, with Japanese holidays and the provider's closed days."""

import datetime

from estimator.schedule import add_business_days, is_business_day, plan_start

D = datetime.date


def test_public_holiday_is_not_a_business_day(data):
    assert not is_business_day(D(2026, 11, 23), data.terms)  # 勤労感謝の日 (Monday)
    assert is_business_day(D(2026, 11, 24), data.terms)


def test_new_year_closing_wraps_over_the_year(data):
    for day in (D(2026, 12, 29), D(2026, 12, 31), D(2027, 1, 1), D(2027, 1, 3)):
        assert not is_business_day(day, data.terms)
    assert is_business_day(D(2027, 1, 4), data.terms)


def test_a_holiday_in_the_path_delays_the_start(data):
    # From Friday 2026-11-20: Monday 11-23 is 勤労感謝の日, so the first business day is Tuesday 11-24.
    assert add_business_days(D(2026, 11, 20), 1, data.terms) == D(2026, 11, 24)
    plan = plan_start(D(2026, 11, 20), data.terms, with_video=True)
    # 9 business days after Friday 11-20, skipping the weekend and 11-23 (without the holiday: 12-03).
    assert plan.business_days == 9
    assert [s.date for s in plan.steps] == [
        D(2026, 11, 24), D(2026, 11, 27), D(2026, 11, 30), D(2026, 12, 1), D(2026, 12, 2), D(2026, 12, 4)]
    assert plan.earliest_start == D(2026, 12, 4)


def test_year_end_closing_and_coming_of_age_day(data):
    # From 2026-12-24 (Thu): 12-25, 12-28, closed 12-29…1-3, then 1-4 … 1-8, 1-11 is 成人の日, 1-12, 1-13.
    plan = plan_start(D(2026, 12, 24), data.terms, with_video=True)
    assert [s.date for s in plan.steps] == [
        D(2026, 12, 25), D(2027, 1, 5), D(2027, 1, 6), D(2027, 1, 7), D(2027, 1, 8), D(2027, 1, 13)]


def test_steps_follow_the_route(data):
    video = plan_start(D(2026, 11, 24), data.terms, with_video=True)
    text = plan_start(D(2026, 11, 24), data.terms, with_video=False)
    assert "video-meeting" in [s.step.id for s in video.steps]
    assert "text-qa" in [s.step.id for s in text.steps] and "video-meeting" not in [s.step.id for s in text.steps]
    assert [s.step.id for s in video.steps][-2:] == ["payment", "start"]
    payment, start = video.steps[-2].date, video.steps[-1].date
    assert add_business_days(payment, 2, data.terms) == start  # start 2 business days after payment at the earliest


def test_desired_start_later_than_earliest_moves_to_a_business_day(data):
    plan = plan_start(D(2026, 11, 24), data.terms, True, desired_start=D(2027, 1, 2))
    assert plan.start == D(2027, 1, 4) and not plan.desired_too_early


def test_desired_start_too_early_is_reported(data):
    plan = plan_start(D(2026, 11, 24), data.terms, True, desired_start=D(2026, 11, 25))
    assert plan.desired_too_early and plan.start == plan.earliest_start
