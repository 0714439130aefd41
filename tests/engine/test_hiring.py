"""Hiring compared in yen: figures worked out by hand from the data's rates, the defaults that follow the
client (prefecture, days worked, consumption tax, 介護保険, company size), and the break-even."""

import dataclasses
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from estimator import DataError, default_dataset
from estimator.dataset import load_dataset
from estimator.hiring import default_input, default_wage_yen, hiring_cost, monthly_minutes, outsourcing_year_yen
from estimator.hiring_compare import BREAK_EVEN_MAX, break_even
from estimator.terms import Plan

DATA = default_dataset()
HIRING = DATA.hiring


def pinned_terms():
    """The provider's terms with the prices the hand computation below uses, whatever the sample says:
    3,500円 an hour in 15-minute blocks; plans of 10/20/30 hours at 30,000/56,000/78,000円 with overage at
    3,300/3,000/2,800円 an hour in whole hours; tax 10% rounded down; a setup fee of 20,000円; 4.3 weeks a month."""
    pricing = dataclasses.replace(
        DATA.terms.pricing, hourly_rate_yen=3500, hourly_increment_minutes=15, overage_increment_minutes=60,
        carry_over_months=0, tax_rate_percent=10, tax_rounding="floor",
        plans=(Plan("plan-10", "10時間プラン", 10, 30000, 3300), Plan("plan-20", "20時間プラン", 20, 56000, 3000),
               Plan("plan-30", "30時間プラン", 30, 78000, 2800)))
    return dataclasses.replace(DATA.terms, pricing=pricing, setup_fee_yen=20000, weeks_per_month=Fraction("4.3"))


TERMS = pinned_terms()


def test_the_hand_computation_reads_these_rates_from_the_data():
    """The figures below were worked out by hand from these values of hiring.toml; when the data is revised
    (minimum wages each autumn, rates each spring), this test says which value moved."""
    tokyo, okinawa = HIRING.prefecture("tokyo"), HIRING.prefecture("okinawa")
    assert (tokyo.minimum_wage_yen, tokyo.health_employer_percent) == (1226, Fraction("4.925"))
    assert (okinawa.minimum_wage_yen, okinawa.health_employer_percent) == (1023, Fraction("4.72"))
    assert tokyo.clerical_wage_yen is None and okinawa.clerical_wage_yen is None
    assert HIRING.wage_markup_percent.value == Fraction("9.8")
    assert (HIRING.commuting_full_time.yen, HIRING.hours_per_day.value) == (14485, 6)
    assert (HIRING.recruiting.yen, HIRING.equipment.yen) == (50000, 100000)
    rates = {rate.name: (rate.percent, rate.applies) for rate in HIRING.rates}
    assert rates == {"pension": (Fraction("9.15"), "social"), "child_contribution": (Fraction("0.36"), "social"),
                     "child_support": (Fraction("0.115"), "social"), "care_insurance": (Fraction("0.81"), "care"),
                     "employment_insurance": (Fraction("0.85"), "employment"),
                     "workers_compensation": (Fraction("0.3"), "always")}
    c = HIRING.coverage
    assert (c.employment_weekly_hours, c.social_weekly_hours, c.large_company_employees, c.large_social_weekly_hours,
            c.large_social_monthly_wage_yen) == (20, 30, 51, 20, 88000)


# Worked out by hand (yen; each yearly line rounded down once):
#
# Wage: the minimum wage plus 9.8%, rounded up. 東京 1,226 × 1.098 = 1,346.148 → 1,347.
#                                               沖縄 1,023 × 1.098 = 1,123.254 → 1,124.
# Days a week: weekly hours ÷ 6, rounded up, at most 5. Commuting: 14,485 × days ÷ 5 a month.
#   3 h → 1 day → 2,897 a month → 34,764 a year; 10 h → 2 days → 5,794 → 69,528; 30 h → 5 days → 14,485 → 173,820.
# Insurance (employer, percent of pay + commuting): 労災 0.3 always; 雇用 0.85 from 20 h; from 30 h (a company of
#   50 or fewer) 厚生年金 9.15 + 拠出金 0.36 + 支援金 0.115 + 健康保険 (東京 4.925, 沖縄 4.72).
# One time: recruiting 50,000 + equipment 100,000 = 150,000.
#
# 東京, 3 h:  pay 1,347 × 3 × 4.3 = 17,376.3 a month → × 12 = 208,515.6 → 208,515
#             insurance (17,376.3 + 2,897) × 0.3% × 12 = 729.8388 → 729
#             total 208,515 + 729 + 34,764 + 150,000 = 394,008
# 東京, 10 h: pay 1,347 × 43 = 57,921 → 695,052; insurance (57,921 + 5,794) × 0.3% × 12 = 2,293.74 → 2,293
#             total 695,052 + 2,293 + 69,528 + 150,000 = 916,873
# 東京, 30 h: pay 1,347 × 129 = 173,763 → 2,085,156; insurance 0.3 + 0.85 + 9.625 + 4.925 = 15.7%:
#             (173,763 + 14,485) × 15.7% × 12 = 354,659.232 → 354,659
#             total 2,085,156 + 354,659 + 173,820 + 150,000 = 2,763,635
# 沖縄, 3 h:  pay 1,124 × 12.9 = 14,499.6 → 173,995.2 → 173,995; insurance (14,499.6 + 2,897) × 0.036 = 626.2776 → 626
#             total 173,995 + 626 + 34,764 + 150,000 = 359,385
# 沖縄, 10 h: pay 1,124 × 43 = 48,332 → 579,984; insurance (48,332 + 5,794) × 0.036 = 1,948.536 → 1,948
#             total 579,984 + 1,948 + 69,528 + 150,000 = 801,460
# 沖縄, 30 h: pay 1,124 × 129 = 144,996 → 1,739,952; insurance 15.495%: (144,996 + 14,485) × 0.15495 × 12
#             = 296,538.97 → 296,538; total 1,739,952 + 296,538 + 173,820 + 150,000 = 2,360,310
#
# The provider (pinned terms), tax included: a month of h hours a week is h × 4.3 × 60 minutes, cheapest way:
#   3 h = 774 min = 12.9 h: 10時間プラン 30,000 + 3 h overage × 3,300 = 39,900 (hourly: 13 h × 3,500 = 45,500)
#        → 43,890 with tax → × 12 + setup 22,000 = 548,680
#   10 h = 43 h: 30時間プラン 78,000 + 13 × 2,800 = 114,400 (20時間: 125,000) → 125,840 → 1,532,080
#   30 h = 129 h: 30時間プラン 78,000 + 99 × 2,800 = 355,200 → 390,720 → 4,710,640
# Hiring costs less at all three loads in both prefectures.
HAND = {
    ("tokyo", 3): (1347, 208515, 729, 34764, 394008),
    ("tokyo", 10): (1347, 695052, 2293, 69528, 916873),
    ("tokyo", 30): (1347, 2085156, 354659, 173820, 2763635),
    ("okinawa", 3): (1124, 173995, 626, 34764, 359385),
    ("okinawa", 10): (1124, 579984, 1948, 69528, 801460),
    ("okinawa", 30): (1124, 1739952, 296538, 173820, 2360310),
}
OUTSOURCING = {3: 548680, 10: 1532080, 30: 4710640}


@pytest.mark.parametrize(("prefecture", "weekly_hours"), sorted(HAND))
def test_a_tokyo_and_an_okinawa_client_at_three_weekly_loads(prefecture, weekly_hours):
    wage, pay, insurance, commuting, total = HAND[prefecture, weekly_hours]
    client = default_input(HIRING, prefecture)
    cost = hiring_cost(Fraction(weekly_hours), client, HIRING, TERMS)
    assert client.hourly_wage_yen == wage
    assert (cost.pay_yen, cost.insurance_yen, cost.commuting_yen, cost.one_time_yen) == (pay, insurance, commuting, 150000)
    assert cost.total_yen == total
    assert outsourcing_year_yen(Fraction(weekly_hours), TERMS) == OUTSOURCING[weekly_hours]
    assert cost.total_yen < OUTSOURCING[weekly_hours]


def test_the_clients_answers_change_the_figures_as_worked_out_by_hand():
    tokyo, okinawa = default_input(HIRING, "tokyo"), default_input(HIRING, "okinawa")
    # 介護保険 (40-64) at 30 h in 東京: 15.7% + 0.81% = 16.51%; (173,763 + 14,485) × 16.51% × 12 = 372,956.94 → 372,956.
    care = hiring_cost(Fraction(30), dataclasses.replace(tokyo, care_insurance=True), HIRING, TERMS)
    assert care.care_insured and care.insurance_yen == 372956 and care.total_yen == 2781932
    # ... but only for someone in health insurance: at 10 h nothing changes.
    assert hiring_cost(Fraction(10), dataclasses.replace(tokyo, care_insurance=True), HIRING, TERMS).total_yen == 916873
    # A 課税事業者 compares without tax, at 10 h in 東京: commuting 69,528 × 100/110 = 63,207.27 → 63,207; one time
    # 150,000 × 100/110 = 136,363.6 → 136,363; total 695,052 + 2,293 + 63,207 + 136,363 = 896,915. The provider
    # without tax: 114,400 × 12 + 20,000 = 1,392,800.
    taxable = dataclasses.replace(tokyo, taxable=True)
    net = hiring_cost(Fraction(10), taxable, HIRING, TERMS)
    assert (net.commuting_yen, net.one_time_yen, net.total_yen) == (63207, 136363, 896915)
    assert outsourcing_year_yen(Fraction(10), TERMS, taxable=True) == 1392800
    # 51 or more employees, 20 h in 沖縄: pay 1,124 × 86 = 96,664 a month (at least 88,000), so health and pension
    # insurance apply: 15.495% of (96,664 + 11,588) × 12 = 201,283.77 → 201,283. With 50 or fewer: 0.3 + 0.85 =
    # 1.15% → 14,938.776 → 14,938. Pay 1,159,968, commuting (4 days) 11,588 × 12 = 139,056.
    small = hiring_cost(Fraction(20), okinawa, HIRING, TERMS)
    large = hiring_cost(Fraction(20), dataclasses.replace(okinawa, large_company=True), HIRING, TERMS)
    assert (small.social_insured, small.insurance_yen, small.total_yen) == (False, 14938, 1463962)
    assert (large.social_insured, large.insurance_yen, large.total_yen) == (True, 201283, 1650307)
    # Below 88,000 a month (1,023 × 86 = 87,978) a large company's part-timer at 20 h is not insured.
    low = dataclasses.replace(okinawa, large_company=True, hourly_wage_yen=1023)
    assert not hiring_cost(Fraction(20), low, HIRING, TERMS).social_insured


def test_commuting_follows_the_days_worked_and_the_clients_own_figure_is_kept():
    client = default_input(HIRING, "osaka")
    by_hours = {h: hiring_cost(Fraction(h), client, HIRING, TERMS) for h in (2, 6, 7, 12, 13, 24, 25, 40)}
    assert [by_hours[h].days_per_week for h in (2, 6, 7, 12, 13, 24, 25, 40)] == [1, 1, 2, 2, 3, 4, 5, 5]
    assert by_hours[2].commuting_yen_per_month == 2897 and by_hours[40].commuting_yen_per_month == 14485
    own = hiring_cost(Fraction(2), dataclasses.replace(client, commuting_yen_per_month=8000), HIRING, TERMS)
    assert own.commuting_yen == 96000


def test_the_default_wage_follows_the_prefecture_and_a_sourced_clerical_wage_comes_first(data_copy):
    wages = {p.id: default_input(HIRING, p.id).hourly_wage_yen for p in HIRING.prefectures}
    assert all(wages[p.id] > p.minimum_wage_yen for p in HIRING.prefectures)
    assert wages["tokyo"] > wages["osaka"] > wages["okinawa"]
    path = data_copy / "hiring.toml"
    text = path.read_text(encoding="utf-8")
    tokyo = 'name = "東京都"\n'
    path.write_text(text.replace(tokyo, tokyo + 'clerical_wage_yen = 1400\nclerical_wage_source = "clerk-wage"\n'),
                    encoding="utf-8")
    hiring = load_dataset(data_copy).hiring
    assert default_wage_yen(hiring.prefecture("tokyo"), hiring) == 1400
    assert default_wage_yen(hiring.prefecture("chiba"), hiring) == wages["chiba"]


@pytest.mark.parametrize(("old", "new", "field"), [
    ('applies = "care"', 'applies = "sometimes"', "applies"),
    ('recruiting_yen = { value = 50000, sources = ["recruiting"]', 'recruiting_yen = { value = 50000, sources = ["nowhere"]',
     "sources"),
    ('wage_markup_percent = { value = "9.8"', 'wage_markup_percent = { value = "abc"', "value"),
    ("large_company_employees = 51", "large_company_employees = 1", "large_company_employees"),
])
def test_a_broken_hiring_file_names_the_file_and_the_field(data_copy, old, new, field):
    path = data_copy / "hiring.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_dataset(data_copy)
    assert "hiring.toml" in str(raised.value) and field in str(raised.value)


@given(st.sampled_from([p.id for p in HIRING.prefectures]), st.integers(900, 3000), st.integers(0, 30000),
       st.integers(0, 500000), st.booleans(), st.booleans(), st.booleans(), st.lists(st.fractions(0, 60), max_size=20))
def test_the_break_even_holds_at_every_amount_and_is_the_exact_point(prefecture, wage, commuting, recruiting, taxable,
                                                                     care, large, amounts):
    client = dataclasses.replace(default_input(HIRING, prefecture), hourly_wage_yen=wage, commuting_yen_per_month=commuting,
                                 recruiting_yen=recruiting, taxable=taxable, care_insurance=care, large_company=large)
    point = break_even(client, HIRING, DATA.terms)
    per_hour = DATA.terms.weeks_per_month * 60

    def hire(hours):
        return hiring_cost(hours, client, HIRING, DATA.terms).total_yen

    def outsource(hours):
        return outsourcing_year_yen(hours, DATA.terms, taxable)

    edges = [point.outsourcing_to, point.hiring_from or Fraction(0)]
    for hours in [h for h in amounts if h > 0] + [e + Fraction(1, 1000) for e in edges] + edges:
        if point.hiring_from is not None and point.hiring_from < hours <= BREAK_EVEN_MAX:
            assert hire(hours) <= outsource(hours), hours
        if 0 < hours <= point.outsourcing_to:
            assert outsource(hours) < hire(hours), hours
    # Exact: just at `hiring_from` hiring does not win yet, and the next billed minute after `outsourcing_to`
    # is no longer the provider's for every amount it covers.
    if point.hiring_from is None:
        assert hire(Fraction(BREAK_EVEN_MAX)) > outsource(Fraction(BREAK_EVEN_MAX))
    elif point.hiring_from > 0:
        assert hire(point.hiring_from) > outsource(point.hiring_from)
    next_minute = monthly_minutes(point.outsourcing_to, DATA.terms) + 1
    if point.outsourcing_to < BREAK_EVEN_MAX:
        assert outsource(Fraction(next_minute) / per_hour) >= hire(Fraction(next_minute - 1) / per_hour)


def test_insurance_starts_at_its_thresholds_and_costs_grow_with_hours():
    client = default_input(HIRING, "osaka")
    costs = {h: hiring_cost(Fraction(h), client, HIRING, DATA.terms) for h in (10, 19, 20, 29, 30)}
    assert not costs[19].employment_insured and costs[20].employment_insured
    assert not costs[29].social_insured and costs[30].social_insured
    assert costs[10].total_yen < costs[19].total_yen < costs[20].total_yen < costs[30].total_yen
