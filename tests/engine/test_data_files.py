"""The data files are the single source of truth: broken files fail loudly, edits flow everywhere."""

import re

import pytest

from estimator import DataError, load_dataset
from estimator.browser import estimate
from support import edit, load_error, request


def test_shipped_catalog_is_large_enough_and_covers_every_category(data):
    assert len(data.catalog.tasks) >= 30
    for category in data.catalog.categories:
        assert data.catalog.tasks_in(category.id), category.id
    assert {t.minutes_basis for t in data.catalog.tasks} == {"published", "assumed", "hours", "reserved"}


def test_rate_change_in_a_copy_flows_into_every_output(data_copy):
    edit(data_copy / "terms.toml", "hourly_rate_yen = 3800", "hourly_rate_yen = 4000")
    edit(data_copy / "terms.toml", "monthly_fee_yen = 34000", "monthly_fee_yen = 31000")
    edit(data_copy / "terms.toml", 'name = "サンプル事務サポート"', 'name = "テスト秘書室"')
    edit(data_copy / "terms.toml", "buffer_percent = 20", "buffer_percent = 50")
    changed = load_dataset(data_copy)
    raw = request(("sns-posts", 8, "month", "want"), budget=40000)
    view = estimate(raw, changed)["view"]
    options = {o["id"]: o for o in view["costs"]["options"]}
    assert options["hourly"]["detail"].startswith("1時間4,000円")
    # 8 × 30 min = 240 min + 50 % = 360 min = 6 h: 24,000 yen pay-as-you-go, 31,000 yen on the plan.
    assert options["hourly"]["net"] == "24,000円" and options["plan-10"]["net"] == "31,000円"
    assert view["hours"]["monthly_typical"] == "6時間" and view["hours"]["buffer_percent"] == 50
    assert view["message"]["body"].startswith("テスト秘書室")
    assert view["budget"]["within"]
    assert "1時間4,000円" not in estimate(raw)["view"]["costs"]["options"][0]["detail"]


def test_closed_days_in_a_copy_move_the_start(data_copy, data):
    raw = {"today": "2026-11-24", "tasks": []}
    before = estimate(raw, data)["view"]["start"]["earliest"]
    edit(data_copy / "terms.toml", 'closed_periods = [{ from = "12-29", to = "01-03" }]',
         'closed_periods = [{ from = "11-25", to = "12-10" }]')
    after = estimate(raw, load_dataset(data_copy))["view"]["start"]["earliest"]
    assert before != after and after.startswith("2026年12月2")


@pytest.mark.parametrize("old, new, where", [
    ('minutes_per_unit = { low = 8, typical = 21, high = 27 }', 'minutes_per_unit = { low = -1, typical = 21, high = 27 }',
     ("catalog.toml", "'invoice-issue'", "minutes_per_unit.low")),
    ('category = "accounting"', 'category = "finance"', ("catalog.toml", "'bookkeeping'", "category")),
    ('id = "payroll"', 'id = "bookkeeping"', ("catalog.toml", "'bookkeeping'", "id")),
    ('unit = "名"\n', '', ("catalog.toml", "'payroll'", "unit")),
    ('default_period = "month"', 'default_period = "yearly"', ("catalog.toml", "'bookkeeping'", "default_period")),
    ('profession = "zeirishi"', 'profession = "accountant"', ("catalog.toml", "'tax-return'", "profession")),
])
def test_broken_catalog_names_file_task_and_field(data_copy, old, new, where):
    error = load_error(data_copy, "catalog.toml", old, new, first=True)
    assert (error.file, error.field) == (where[0], where[2])
    assert where[1] in error.record
    assert all(part in str(error) for part in where)


def test_broken_terms_and_subsidy_name_file_and_field(data_copy):
    edit(data_copy / "terms.toml", "tax_rate_percent = 10", 'tax_rate_percent = "10%"')
    with pytest.raises(DataError, match=re.escape("terms.toml: [pricing]: tax_rate_percent")):
        load_dataset(data_copy)


def test_malformed_toml_names_the_file(data_copy):
    (data_copy / "subsidy.toml").write_text("[subsidy\nname = 1", encoding="utf-8")
    with pytest.raises(DataError, match="subsidy.toml"):
        load_dataset(data_copy)
