"""Hiring compared in yen: what employing someone for the same work would cost in its first year, and what
a steady year of the same hours costs with the provider (`hiring_compare` puts the two side by side).

A rough comparison from the client's own figures and public defaults (data/hiring.toml, read by
`hiring_data`). A year of employment is:
- pay: the hourly wage × weekly hours × weeks per month × 12 (or a monthly salary × 12 for 40 hours);
- the commuting allowance: the client's monthly figure, or the full-time default prorated by the days
  worked (days = weekly hours ÷ hours a day, rounded up, at most five);
- the employer's share of insurance on pay and allowance: 労災 always, 雇用保険 from 20 hours a week,
  健康保険・厚生年金・子ども子育て拠出金・支援金 from 30 hours (from 20 hours and a monthly wage of 88,000円
  in a company of 51 or more), and 介護保険 on top for an employee aged 40-64;
- recruiting and equipment, once.
Each yearly line is rounded down to the yen once. A client who is a 課税事業者 (and deducts the tax it pays)
compares without consumption tax: the provider's fees net, and the taxable costs of hiring (commuting,
recruiting, equipment) without their tax. Otherwise every figure is what is paid, tax included.
Supervision is shown in hours, not yen. It is never advice on employment law: the rules for who must be
insured have more conditions than these.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .hiring_data import HiringData, Prefecture
from .hiring_input import HiringFigures
from .pricing import cost_options, with_tax
from .terms import Terms

FULL_TIME_WEEKLY_HOURS = 40
WORKING_DAYS_PER_WEEK = 5


@dataclass(frozen=True)
class HiringInput:
    """The client's figures, with the public defaults where the client gave none."""

    prefecture_id: str
    hourly_wage_yen: int
    monthly_salary_yen: int | None  # a full-time salary instead of an hourly wage
    commuting_yen_per_month: int | None  # None: the full-time default, prorated by the days worked
    recruiting_yen: int
    equipment_yen: int
    taxable: bool = False  # a 課税事業者 that deducts the consumption tax it pays: compared without tax
    care_insurance: bool = False  # the employee is 40-64: 介護保険 on top of health insurance
    large_company: bool = False  # 51 or more employees: social insurance from 20 hours a week


@dataclass(frozen=True)
class HiringCost:
    weekly_hours: Fraction
    days_per_week: int
    pay_yen: int  # a year
    insurance_yen: int  # a year, the employer's share
    commuting_yen_per_month: int  # as paid (the insurance base)
    commuting_yen: int  # a year, without tax for a 課税事業者
    one_time_yen: int  # recruiting and equipment, without tax for a 課税事業者
    employment_insured: bool
    social_insured: bool
    care_insured: bool
    supervision_minutes_per_month: int

    @property
    def total_yen(self) -> int:
        return self.pay_yen + self.insurance_yen + self.commuting_yen + self.one_time_yen


def default_wage_yen(prefecture: Prefecture, data: HiringData) -> int:
    """The prefecture's sourced clerical wage, or its minimum wage plus the markup, rounded up to the yen."""
    if prefecture.clerical_wage_yen is not None:
        return max(prefecture.clerical_wage_yen, prefecture.minimum_wage_yen)
    return (prefecture.minimum_wage_yen * (100 + data.wage_markup_percent.value) / 100).__ceil__()


def default_input(data: HiringData, prefecture_id: str | None = None) -> HiringInput:
    prefecture = data.prefecture(prefecture_id or data.default_prefecture)
    return HiringInput(prefecture.id, default_wage_yen(prefecture, data), None, None,
                       data.recruiting.yen, data.equipment.yen)


def client_input(figures: HiringFigures, data: HiringData) -> HiringInput:
    """The client's own figures over the defaults of the chosen prefecture."""
    given = default_input(data, figures.prefecture_id)
    return HiringInput(
        prefecture_id=given.prefecture_id,
        hourly_wage_yen=given.hourly_wage_yen if figures.hourly_wage_yen is None else figures.hourly_wage_yen,
        monthly_salary_yen=figures.monthly_salary_yen,
        commuting_yen_per_month=figures.commuting_yen,
        recruiting_yen=given.recruiting_yen if figures.recruiting_yen is None else figures.recruiting_yen,
        equipment_yen=given.equipment_yen if figures.equipment_yen is None else figures.equipment_yen,
        taxable=figures.tax_status == "taxable",
        care_insurance=figures.care_insurance,
        large_company=figures.company_size == "large",
    )


def days_per_week(weekly_hours: Fraction, data: HiringData) -> int:
    return min(WORKING_DAYS_PER_WEEK, (weekly_hours / data.hours_per_day.value).__ceil__())


def net_of_tax(amount_yen: int, terms: Terms) -> int:
    """A tax-included amount without its consumption tax, rounded down."""
    return amount_yen * 100 // (100 + terms.pricing.tax_rate_percent)


def hiring_cost(weekly_hours: Fraction, given: HiringInput, data: HiringData, terms: Terms) -> HiringCost:
    """The first year of employing someone for `weekly_hours` (40 hours for a monthly salary)."""
    salaried = given.monthly_salary_yen is not None
    hours = Fraction(FULL_TIME_WEEKLY_HOURS) if salaried else Fraction(weekly_hours)
    monthly_pay = Fraction(given.monthly_salary_yen) if salaried else given.hourly_wage_yen * hours * terms.weeks_per_month
    days = days_per_week(hours, data)
    commuting = (given.commuting_yen_per_month if given.commuting_yen_per_month is not None
                 else int(data.commuting_full_time.value * days / WORKING_DAYS_PER_WEEK))
    coverage = data.coverage
    employment = hours >= coverage.employment_weekly_hours
    social = hours >= coverage.social_weekly_hours or (
        given.large_company and hours >= coverage.large_social_weekly_hours
        and monthly_pay >= coverage.large_social_monthly_wage_yen)
    care = social and given.care_insurance
    applies = {"always": True, "employment": employment, "social": social, "care": care}
    percent = sum((rate.percent for rate in data.rates if applies[rate.applies]), Fraction(0))
    if social:
        percent += data.prefecture(given.prefecture_id).health_employer_percent
    one_time = given.recruiting_yen + given.equipment_yen
    supervision = hours * terms.weeks_per_month * 60 * data.supervision_percent.value / 100
    return HiringCost(
        weekly_hours=hours,
        days_per_week=days,
        pay_yen=int(monthly_pay * 12),
        insurance_yen=int((monthly_pay + commuting) * percent / 100 * 12),
        commuting_yen_per_month=commuting,
        commuting_yen=net_of_tax(commuting * 12, terms) if given.taxable else commuting * 12,
        one_time_yen=net_of_tax(one_time, terms) if given.taxable else one_time,
        employment_insured=employment,
        social_insured=social,
        care_insured=care,
        supervision_minutes_per_month=supervision.__ceil__(),
    )


def monthly_minutes(weekly_hours: Fraction, terms: Terms) -> int:
    """A steady month of `weekly_hours`, in whole minutes as the provider bills them."""
    return (weekly_hours * terms.weeks_per_month * 60).__ceil__()


def outsourcing_year_yen(weekly_hours: Fraction, terms: Terms, taxable: bool = False) -> int:
    """A flat year of `weekly_hours` with the provider: the cheapest month twelve times, and the setup fee
    (tax included, or without tax for a 課税事業者)."""
    return outsourcing_year_for_minutes(monthly_minutes(weekly_hours, terms), terms, taxable)


def outsourcing_year_for_minutes(minutes: int, terms: Terms, taxable: bool = False) -> int:
    """The cheapest way to pay kept for twelve months, each way with the setup fee its terms charge (paid with
    the first month, as the year of the estimate pays it), so the pages' rule and the year agree."""
    def year(option) -> int:
        first = with_tax(option.cost.net_yen + terms.setup_fee_for(option.id), terms.pricing)
        if taxable:
            return first.net_yen + option.cost.net_yen * 11
        return first.gross_yen + option.cost.gross_yen * 11
    return min(year(option) for option in cost_options(minutes, terms.pricing))
