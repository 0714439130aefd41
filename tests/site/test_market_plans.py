"""The sample rate and plans (terms.toml) against other providers' published prices (market.toml): a sample
the site shows must be a price some provider could ask. market.toml stays out of the wheel, so these run in
CPython only (not with the engine tests in Pyodide)."""

import re
import statistics
from fractions import Fraction

import pytest

from estimator import DataError, default_dataset
from estimator.market import MARKET_FILE, load_market

MARKET = load_market()
PRICING = default_dataset().terms.pricing


def test_every_figure_has_its_page_day_and_words():
    assert len(MARKET) >= 5
    for figure in MARKET:
        assert figure.url.startswith("https://") and figure.title and figure.figure, figure.provider
        assert figure.yen_per_hour[0] <= figure.yen_per_hour[1]


def test_the_sample_rate_and_plans_lie_within_the_published_range():
    low = min(f.yen_per_hour[0] for f in MARKET)
    high = max(f.yen_per_hour[1] for f in MARKET)
    assert low <= PRICING.hourly_rate_yen <= high
    for plan in PRICING.plans:
        assert low <= Fraction(plan.monthly_fee_yen, plan.hours) <= high, plan.id
        assert low <= plan.overage_yen_per_hour <= high, plan.id


def test_the_30_hour_plan_is_near_the_middle_of_the_published_30_hour_plans():
    published = [f.yen_per_hour[0] for f in MARKET if f.hours == 30]
    assert len(published) >= 3
    middle = statistics.median(published)
    plan = next(p for p in PRICING.plans if p.hours == 30)
    assert abs(Fraction(plan.monthly_fee_yen, 30) - middle) <= middle / 10  # within 10 %


def test_plans_cost_less_an_hour_than_pay_as_you_go_and_overage_sits_between():
    per_hour = [Fraction(p.monthly_fee_yen, p.hours) for p in sorted(PRICING.plans, key=lambda p: p.hours)]
    assert per_hour == sorted(per_hour, reverse=True)  # a larger plan is cheaper per hour
    for plan, rate in zip(sorted(PRICING.plans, key=lambda p: p.hours), per_hour):
        assert rate < PRICING.hourly_rate_yen, plan.id
        assert rate <= plan.overage_yen_per_hour <= PRICING.hourly_rate_yen, plan.id


@pytest.mark.parametrize("old, new, field", [
    ('read_on = 2026-12-02\nfigure = "月額9万6,000円', 'read_on = 2099-01-01\nfigure = "月額9万6,000円', "read_on"),
    ('url = "https://bizmow.com/plans"', 'url = "bizmow.com/plans"', "url"),
    ('hours = 10\nmonthly_fee_yen = 25000', 'hours = 10\nmonthly_fee_yen = 25000\nyen_per_hour = { low = 1, high = 2 }',
     "yen_per_hour"),
])
def test_a_broken_market_file_names_the_record_and_field(tmp_path, old, new, field):
    text = MARKET_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "market.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_market(path)
    assert caught.value.file == "market.toml" and caught.value.field == field
    assert re.match(r"figures\[\d+\]", caught.value.record)
