"""A year, not a month: seasons, the cheapest way to pay over twelve months, and the hiring comparison as the
page shows it (its figures: test_hiring.py; its words: test_hiring_advice.py)."""

import dataclasses
import datetime

from hypothesis import given, strategies as st

from estimator import default_dataset
from estimator.annual import _price
from estimator.seasons import MonthHours, add_months
from estimator.browser import estimate, restore

from support import report_for, request

DATA = default_dataset()
START = datetime.date(2027, 1, 12)
FLAT_TASKS = [t.id for t in DATA.catalog.tasks
              if not t.season.peaks and not t.is_reserved and t.default_period in ("day", "week", "month")]


def test_the_years_total_is_the_sum_of_its_months(data):
    report = report_for(data, ("invoice-issue", 10, "month", "must"), ("year-end-adjustment", 12, "year", "must"),
                        ("manual-writing", 1, "once", "must"))
    for cost in report.year.costs:
        assert cost.gross_yen == sum(month.cost.gross_yen for month in cost.months)
        assert len(cost.months) == 12


def test_seasonal_work_falls_in_its_months(data):
    report = report_for(data, ("year-end-adjustment", 10, "year", "must"))
    by_month = {m.first_day.month: m.minutes for m in report.year.months}
    assert by_month[11] > 0 and by_month[12] > 0
    assert all(minutes == 0 for month, minutes in by_month.items() if month not in (11, 12))
    line = report.hours.yearly_lines[0]
    assert by_month[11] + by_month[12] >= line.minutes.typical  # the whole year's work, plus its buffer


def test_work_that_follows_the_business_year_moves_with_the_fiscal_month(data):
    for fiscal in (3, 9):
        report = report_for(data, ("bookkeeping", 100, "month", "must"), ("closing-prep", 1, "year", "must"),
                            fiscal_month=str(fiscal))
        by_month = {m.first_day.month: m.minutes for m in report.year.months}
        usual = report.hours.monthly_total.typical
        assert by_month[fiscal] > by_month[fiscal - 1] > usual  # the peak and the closing prep before it
        assert by_month[(fiscal % 12) + 1] == usual


flat_tasks = st.lists(st.tuples(st.sampled_from(FLAT_TASKS), st.integers(1, 40), st.sampled_from(["day", "week", "month"])),
                      min_size=1, max_size=6, unique_by=lambda t: t[0])


@given(flat_tasks)
def test_with_a_flat_load_and_expiring_hours_the_year_agrees_with_the_month(tasks):
    report = report_for(DATA, *[(task, quantity, period, "want") for task, quantity, period in tasks])
    assert {m.minutes for m in report.year.months} == {report.hours.monthly_total.typical}
    # Twelve usual months on each way, the first with the setup fee where the terms charge it on that way.
    by_way = {first.option.id: first.cost.gross_yen + 11 * first.option.cost.gross_yen for first in report.first_months}
    assert report.year.best.gross_yen == min(by_way.values()) and by_way[report.year.best.id] == min(by_way.values())


loads = st.lists(st.integers(0, 3000), min_size=12, max_size=12)
plan_ids = st.lists(st.sampled_from([p.id for p in DATA.terms.pricing.plans]), min_size=12, max_size=12)


@given(loads, plan_ids, st.integers(1, 6))
def test_carrying_hours_over_never_costs_more_than_letting_them_expire(minutes, plans, carry_months):
    months = tuple(MonthHours(add_months(START, i), m) for i, m in enumerate(minutes))
    expiring = DATA.terms
    carrying = dataclasses.replace(expiring, pricing=dataclasses.replace(expiring.pricing, carry_over_months=carry_months))
    for expired, carried in zip(_price(months, plans, expiring), _price(months, plans, carrying)):
        assert carried.cost.gross_yen <= expired.cost.gross_yen


def test_carried_hours_reduce_the_next_months_overage():
    terms = DATA.terms
    carrying = dataclasses.replace(terms, pricing=dataclasses.replace(terms.pricing, carry_over_months=1))
    months = (MonthHours(START, 300), MonthHours(add_months(START, 1), 900))  # 5 h, then 15 h on the 10-hour plan
    expired, carried = (_price(months, ["plan-10"] * 2, t) for t in (terms, carrying))
    assert expired[1].overage_minutes == 300 and carried[1].overage_minutes == 0
    assert carried[1].carried_in_minutes == 300


def test_a_december_peak_makes_the_year_cheaper_another_way_and_says_why(data):
    # 10 h of work a month; in November and December the year-end adjustment of 40 employees is added.
    raw = request(("research", 10, "month", "must"), ("year-end-adjustment", 40, "year", "must"))
    year = estimate(raw)["view"]["year"]
    report = report_for(data, ("research", 10, "month", "must"), ("year-end-adjustment", 40, "year", "must"))
    assert report.year.best.gross_yen <= min(c.gross_yen for c in report.year.costs)
    assert year["best_total"] == f"{report.year.best.gross_yen:,}円"
    assert "12月" in year["reason"] and "11月" in year["reason"]


def test_the_chart_and_its_table_hold_the_same_months(data):
    year = estimate(request(("invoice-issue", 10, "month", "must"), ("seasonal-cards", 200, "year", "must")))["view"]["year"]
    assert [bar["value"] for bar in year["chart"]["bars"]] == [row["hours"] for row in year["rows"]]
    assert [bar["label"] for bar in year["chart"]["bars"]] == [row["month"].split("年")[1] for row in year["rows"]]
    tallest = max(year["chart"]["bars"], key=lambda bar: bar["height"])
    assert tallest["label"] in ("7月", "12月")


def test_the_hiring_comparison_uses_the_clients_own_figures(data):
    plain = estimate(request(("research", 40, "month", "must")))["view"]["hiring"]
    own = estimate({**request(("research", 40, "month", "must")),
                    "hiring": {"prefecture": "okinawa", "hourly_wage": "1,500円", "commuting": "0"}})["view"]["hiring"]
    assert own["rows"][0]["note"].startswith("時給1,500円") and own["prefecture"] == "沖縄県"
    assert own["rows"] != plain["rows"] and "専門家" in own["caution"]
    assert any(entry["assumption"].startswith("仮定") for entry in own["defaults"])  # assumptions are named as such
    assert all(entry["assumption"] or entry["sources"] for entry in own["defaults"])
    assert all(s["url"].startswith("http") and s["read"].endswith("に確認") for e in own["defaults"] for s in e["sources"])


def test_new_inputs_ride_in_the_share_link_and_old_links_still_restore(data):
    raw = {**request(("payroll", 5, "month", "must"), fiscal_month="9", weekend_work=True, weekend_hours="3"),
           "hiring": {"prefecture": "hokkaido", "hourly_wage": "1200"}}
    response = estimate(raw)
    restored = restore(response["state"])["input"]
    assert restored["profile"]["fiscal_month"] == 9 and restored["hiring"] == {"prefecture": "hokkaido", "hourly_wage": 1200}
    assert estimate({**restored, "today": raw["today"]})["state"] == response["state"]
    old_link = "1.q1YqUbKKjlYqSKwsys_JUdIx1THSMdAxjI2tBQA"  # {"t": [["payroll", 5, 2, 0, 1]]}, before these inputs
    old = restore(old_link)
    assert old["notices"] == [] and old["input"]["tasks"][0]["id"] == "payroll"
