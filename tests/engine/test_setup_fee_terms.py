"""The setup fee by way of paying and the trial's fee: what the terms say, the figures and the wording follow.

Prices pinned in `support`: the setup fee 20,000 yen; pay-as-you-go 3,500 yen an hour; the 10-hour plan
30,000 yen; the trial 5 hours for 15,000 yen; tax 10 % rounded down.
"""

import dataclasses

import pytest

from estimator import terms_text
from estimator.browser import estimate

from support import load_error, pinned, report_for, request


RESEARCH = ("research", 9, "month", "must")  # 540 minutes: 31,500 yen pay-as-you-go, 30,000 on the 10-hour plan


def firsts(data, *tasks):
    report = report_for(data, *tasks)
    return report, {first.option.id: first for first in report.first_months}


def test_the_fee_is_charged_on_the_ways_the_terms_name():
    report, by_way = firsts(pinned(), RESEARCH)
    assert by_way["hourly"].setup_fee_yen == 0 and by_way["hourly"].cost.gross_yen == 34650
    assert by_way["plan-10"].setup_fee_yen == 20000 and by_way["plan-10"].cost.gross_yen == 55000
    report, by_way = firsts(pinned(setup_applies_to_spot=True, setup_applies_to_plans=False), RESEARCH)
    assert by_way["hourly"].cost.gross_yen == (31500 + 20000) * 110 // 100 and by_way["plan-10"].cost.gross_yen == 33000
    assert report.first_month.option.id == "plan-10"


def test_the_year_charges_the_fee_once_on_the_ways_that_pay_it():
    year = report_for(pinned(), RESEARCH).year
    costs = {cost.id: cost for cost in year.costs}
    assert costs["hourly"].months[0].cost.gross_yen == costs["hourly"].months[1].cost.gross_yen == 34650
    assert costs["plan-10"].months[0].cost.gross_yen == 55000 and costs["plan-10"].months[1].cost.gross_yen == 33000
    # 12 × 34,650 = 415,800 pay-as-you-go against 55,000 + 11 × 33,000 = 418,000 on the plan: a usual month is
    # cheaper on the plan, the year pay-as-you-go, and the page says why.
    assert costs["hourly"].gross_yen == 415800 and costs["plan-10"].gross_yen == 418000 and year.best.id == "hourly"
    reason = estimate(request(RESEARCH), pinned())["view"]["year"]["reason"]
    assert reason == "従量制（スポット）には初期費用がかからないため、1年で見ると従量制（スポット）の方が2,200円（税込）安くなります。"


def test_after_a_trial_its_fee_counts_toward_what_the_terms_say():
    tasks = (("research", 12, "month", "must"),)  # 12 h: 42,000 yen pay-as-you-go; the 10-hour plan 36,600
    # "setup-fee": the plan's first month is 36,600 + (20,000 - 15,000) = 41,600, 45,760 with tax.
    after = report_for(pinned(), *tasks).first_month_after_trial
    assert after.option.id == "plan-10" and after.trial_credit_yen == 15000 and after.cost.gross_yen == 45760
    # "first-month": the trial's 15,000 comes off the whole first month: pay-as-you-go 42,000 - 15,000.
    trial = pinned().terms.trial
    credit_month = pinned(trial=dataclasses.replace(trial, fee_counts_toward="first-month"))
    after = report_for(credit_month, *tasks).first_month_after_trial
    assert after.option.id == "hourly" and after.cost.gross_yen == 27000 * 110 // 100
    # Paid with the trial, the fee is not charged again: the plan's first month is its month alone.
    paid = pinned(setup_applies_to_trial=True, trial=dataclasses.replace(trial, fee_counts_toward="none"))
    after = report_for(paid, *tasks).first_month_after_trial
    assert after.option.id == "plan-10" and after.setup_fee_yen == 0 and after.cost.gross_yen == 36600 * 110 // 100
    shown = estimate(request(*tasks), paid)["view"]["costs"]["setup_fee"]
    assert "お試しから続ける場合、最初の月は10時間プランで40,260円（税込）です（初期費用はお試しのときに" in shown


def test_the_wording_answers_first_and_follows_the_keys():
    sample = pinned().terms
    text = terms_text.setup_fee(sample)
    assert text.startswith("初期費用は、月額プランを始めるときに一度だけいただきます。従量制（スポット）とお試しにはかかりません。")
    assert "最初の月の月額と一緒に、前払いで" in text and "切り替えた月にお支払いいただきます" in text
    assert "お試しの料金を初期費用から差し引きます" in text
    every = pinned(setup_applies_to_spot=True).terms
    assert terms_text.setup_fee(every).startswith("初期費用は、月額プランと従量制（スポット）を始めるときに")
    assert "従量制（スポット）では最初の月の利用料と一緒に後払い" in terms_text.setup_fee(every)
    assert terms_text.setup_fee(pinned(setup_applies_to_plans=False).terms) == "初期費用はかかりません。"
    assert "お試しに初期費用はかかりません。" in terms_text.trial(sample)
    assert "お試しにも初期費用20,000円（税抜）" in terms_text.trial(pinned(setup_applies_to_trial=True,
        trial=dataclasses.replace(sample.trial, fee_counts_toward="none")).terms)
    assert "従量制（スポット）では、この時間の料金はいただきません。" in terms_text.handover_hours(sample)


def test_the_page_says_when_a_start_on_another_way_moves_the_fee():
    # 9 h of research: the first month is cheapest pay-as-you-go (34,650 yen), a usual month on the 10-hour plan
    # (33,000). Changing to the plan in the second month brings the fee then: 50,000 + 10 % = 55,000 yen. Over
    # the two months, starting on the plan (55,000 + 33,000) costs 1,650 yen less than 34,650 + 55,000.
    view = estimate(request(RESEARCH, budget=40000), pinned())["view"]
    costs = view["costs"]
    assert costs["first_month"]["gross"] == "34,650円" and costs["first_month"]["detail"].startswith("従量制（スポット）で")
    assert "10時間プラン 55,000円（初期費用を含む）" in costs["first_month"]["detail"]
    assert ("2か月目から10時間プランにする場合は、切り替えた月に初期費用20,000円（税抜）が加わり、その月は55,000円（税込）です。"
            "最初から10時間プランで始めると、2か月の合計は1,650円（税込）安くなります。") in costs["setup_fee"]
    assert view["budget"]["first_month"] == ("最初の月は34,650円（税込）で、予算内です。2か月目から10時間プランにする場合、"
                                             "その月は初期費用を含めて55,000円（税込）で、予算を15,000円超えます。")
    # When the first month's way pays the fee (or the usual way never does), nothing is said about a later month.
    every_way = estimate(request(RESEARCH, budget=40000), pinned(setup_applies_to_spot=True))["view"]
    assert "2か月目" not in every_way["costs"]["setup_fee"] and "2か月目" not in every_way["budget"]["first_month"]


@pytest.mark.parametrize("old, new, field", [
    ("applies_to_spot = false\n", "", "applies_to_spot"),
    ("applies_to_plans = true", 'applies_to_plans = "yes"', "applies_to_plans"),
    ('fee_counts_toward = "setup-fee"', 'fee_counts_toward = "both"', "fee_counts_toward"),
    ("applies_to_trial = false", "applies_to_trial = true", "fee_counts_toward"),
])
def test_a_broken_setup_or_trial_key_names_file_record_and_field(data_copy, old, new, field):
    error = load_error(data_copy, "terms.toml", old, new)
    assert error.file == "terms.toml" and error.field == field
    assert error.record == ("[trial]" if field == "fee_counts_toward" else "[setup]")
