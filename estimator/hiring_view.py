"""The hiring comparison as the page shows it (「人を雇う場合との比較」) and the hiring part of the advice.

Like `view`, every figure is formatted here and the page only places text. The sentences come from
`hiring_text`, the same words the FAQ and the guides use with the default figures.
"""

from __future__ import annotations

from typing import Any

from . import hiring_text
from .hiring_text import percent_text
from .dataset import Dataset
from .hiring import FULL_TIME_WEEKLY_HOURS, default_wage_yen
from .hiring_compare import HiringComparison
from .hiring_data import Default, Source
from .report import Report
from .units import day_ja, quantity, yen

CAUTION = "大まかな比較です。雇用や社会保険の加入の判断には、社会保険労務士などの専門家にご相談ください。"


def hiring_view(report: Report, data: Dataset) -> dict[str, Any]:
    h = report.hiring
    provider = data.terms.provider_name
    items = hiring_text.differences(h.given, h.cost.supervision_minutes_per_month, data)
    return {
        "weekly_hours": hiring_text.weekly(h.weekly_hours),
        "verdict": hiring_text.verdict(h, provider),
        "rows": _rows(h, report, data),
        "break_even": hiring_text.rule(h.break_even, provider),
        "steady": hiring_text.steady_differs(h),
        "differences": [{"aspect": d.aspect, "hire": d.hire, "outsource": d.outsource} for d in items],
        "provider": provider,
        "notes": [hiring_text.tax_basis(h.given), *_coverage_notes(h, data)],
        "prefecture": data.hiring.prefecture(h.given.prefecture_id).name,
        "defaults": _sources(h, data),
        "caution": CAUTION,
        "advice": hiring_text.advice(h, data) if h.weekly_hours else None,
    }


def _rows(h: HiringComparison, report: Report, data: Dataset) -> list[dict[str, str]]:
    cost, given = h.cost, h.given
    weeks = quantity(data.terms.weeks_per_month)
    pay = (f"月給{yen(given.monthly_salary_yen)}×12か月（週{FULL_TIME_WEEKLY_HOURS}時間で計算）"
           if given.monthly_salary_yen is not None else
           f"時給{yen(given.hourly_wage_yen)}×{hiring_text.weekly(cost.weekly_hours)}×{weeks}週×12か月")
    insured = ["労災保険"]
    if cost.employment_insured:
        insured.append("雇用保険")
    if cost.social_insured:
        insured.append("健康保険・厚生年金など")
    if cost.care_insured:
        insured.append("介護保険")
    commuting = (f"月{yen(cost.commuting_yen_per_month)}" + ("（入力した額）" if given.commuting_yen_per_month is not None
                                                            else f"（週{cost.days_per_week}日の出勤）"))
    without_tax = "。消費税を除いた額" if given.taxable else ""
    taxed = "税抜き" if given.taxable else "税込"
    return [
        {"name": "給与（1年）", "value": yen(cost.pay_yen), "note": pay},
        {"name": "社会保険・労働保険の会社負担（1年）", "value": yen(cost.insurance_yen), "note": "・".join(insured)},
        {"name": "通勤手当（1年）", "value": yen(cost.commuting_yen), "note": commuting + without_tax},
        {"name": "採用と、パソコンなどの準備（最初に1回）", "value": yen(cost.one_time_yen),
         "note": f"採用{yen(given.recruiting_yen)}、準備{yen(given.equipment_yen)}{without_tax}"},
        {"name": "雇う場合の合計（1年目）", "value": yen(cost.total_yen), "note": ""},
        {"name": f"{data.terms.provider_name}に頼む場合（1年・{taxed}）", "value": yen(h.outsourcing_yen),
         "note": report.year.best.name},
    ]


def _coverage_notes(h: HiringComparison, data: Dataset) -> list[str]:
    c, given = data.hiring.coverage, h.given
    if given.large_company:
        rule = (f"従業員{c.large_company_employees}人以上の会社として、健康保険と厚生年金は週{c.large_social_weekly_hours}時間以上"
                f"（月の給与{yen(c.large_social_monthly_wage_yen)}以上）で加入としています。")
    else:
        rule = (f"従業員{c.large_company_employees - 1}人以下の会社として、健康保険と厚生年金は週{c.social_weekly_hours}時間以上で"
                f"加入としています（{c.large_company_employees}人以上なら週{c.large_social_weekly_hours}時間から。「会社の人数」で選べます）。")
    notes = [f"雇用保険は週{c.employment_weekly_hours}時間以上で加入としています。" + rule]
    care = next(r for r in data.hiring.rates if r.applies == "care")
    if not given.care_insurance:
        notes.append(f"雇う人が40〜64歳なら、介護保険料（会社負担{percent_text(care.percent)}%）も加わります。"
                     "「40〜64歳の人を雇う」にチェックを入れると含めます。")
    elif not h.cost.social_insured:
        notes.append("介護保険料は健康保険に入る人にかかるため、この勤務時間では含めていません。")
    return notes


def _sources(h: HiringComparison, data: Dataset) -> list[dict[str, Any]]:
    """Every figure the comparison used, with its sources (address and the day read) or as an assumption."""
    d = data.hiring
    prefecture = d.prefecture(h.given.prefecture_id)
    out = [_entry(f"{prefecture.name}の最低賃金", f"時給{yen(prefecture.minimum_wage_yen)}"
                  f"（{day_ja(prefecture.minimum_wage_from)}から）", ("minimum-wage",), data)]
    if prefecture.clerical_wage_yen is not None:
        out.append(_entry("時給の初期値", f"{yen(prefecture.clerical_wage_yen)}（{prefecture.name}の事務の時給）",
                          (prefecture.clerical_wage_source,), data))
    else:
        out.append(_default("時給の初期値", f"{prefecture.name}は{yen(default_wage_yen(prefecture, d))}（最低賃金＋{percent_text(d.wage_markup_percent.value)}%）",
                            d.wage_markup_percent, data))
    out.append(_default("通勤手当の初期値", f"週5日で月{yen(d.commuting_full_time.yen)}", d.commuting_full_time, data))
    out.append(_default("1日の勤務時間", f"{quantity(d.hours_per_day.value)}時間まで", d.hours_per_day, data))
    out.append(_default("採用の費用の初期値", yen(d.recruiting.yen), d.recruiting, data))
    out.append(_default("パソコンなどの費用の初期値", yen(d.equipment.yen), d.equipment, data))
    out.append(_default("教える時間", f"勤務時間の{quantity(d.supervision_percent.value)}%", d.supervision_percent, data))
    out.append(_entry(f"健康保険料（{prefecture.name}）", f"会社負担{percent_text(prefecture.health_employer_percent)}%",
                      ("health-insurance",), data))
    for rate in d.rates:
        out.append(_entry(rate.label, f"会社負担{percent_text(rate.percent)}%", (rate.source,), data))
    out.append(_entry("保険に入る勤務時間", "雇用保険、健康保険と厚生年金の加入の条件", d.coverage.sources, data))
    return out


def _default(label: str, value: str, default: Default, data: Dataset) -> dict[str, Any]:
    entry = _entry(label, value, default.sources, data)
    entry["assumption"] = default.assumption
    return entry


def _entry(label: str, value: str, source_ids: tuple[str, ...], data: Dataset) -> dict[str, Any]:
    return {"label": label, "value": value, "assumption": "",
            "sources": [_source(data.hiring.source(s)) for s in source_ids]}


def _source(source: Source) -> dict[str, str]:
    return {"title": source.title, "url": source.url, "read": f"{day_ja(source.read_on)}に確認",
            "note": source.note}
