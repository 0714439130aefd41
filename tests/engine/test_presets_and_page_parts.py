"""Starting sets (presets.toml) and the parts of the view the page's layout uses (bar, answers, method)."""

import pytest

from estimator import load_dataset
from estimator.browser import estimate
from estimator.presets import find_preset, preset_input
from support import TODAY, edit, load_error, request


def test_every_shipped_set_is_a_clean_input_with_its_own_tasks(data):
    assert len(data.presets) >= 4
    for preset in data.presets:
        raw = {"today": TODAY.isoformat(), **preset_input(preset, data.catalog)}
        result = estimate(raw, data)
        assert result["errors"] == [], preset.id
        lines = result["view"]["hours"]["lines"]
        assert [line["task_id"] for line in lines] == [t.id for t in data.catalog.tasks if t.id in {p.task_id for p in preset.tasks}]
        assert not any(line["reserved"] for line in lines)
        assert find_preset(data.presets, preset.id) is preset
    assert find_preset(data.presets, "no-such-set") is None


def test_a_set_unticks_every_other_task(data):
    preset = data.presets[0]
    raw = preset_input(preset, data.catalog)
    chosen = {t.task_id for t in preset.tasks}
    assert {t["id"] for t in raw["tasks"] if t["selected"]} == chosen
    assert len(raw["tasks"]) == len(data.catalog.tasks)
    first = preset.tasks[0]
    item = next(t for t in raw["tasks"] if t["id"] == first.task_id)
    assert (item["period"], item["priority"]) == (first.period, first.priority)


@pytest.mark.parametrize("old, new, field", [
    ('{ id = "travel", quantity = 2', '{ id = "travels", quantity = 2', "tasks[6].id"),
    ('{ id = "expense-claims", quantity = 20, period = "month" }', '{ id = "expense-claims", quantity = 20, period = "yearly" }', "tasks[2].period"),
    ('{ id = "expense-claims", quantity = 20, period = "month" }', '{ id = "expense-claims", quantity = -1, period = "month" }', "tasks[2].quantity"),
    ('{ id = "expense-claims", quantity = 20, period = "month" }', '{ id = "tax-return", quantity = 1 }', "tasks[2].id"),
    ('{ id = "expense-claims", quantity = 20, period = "month" }', '{ id = "invoice-email", quantity = 1 }', "tasks[2].id"),
    ('priority = "nice" },\n]', 'priority = "someday" },\n]', "tasks[6].priority"),
    ('name = "ひとり社長"\n', '', "name"),
])
def test_a_broken_presets_file_names_file_set_and_field(data_copy, old, new, field):
    error = load_error(data_copy, "presets.toml", old, new, first=True)
    assert error.file == "presets.toml"
    assert "'solo'" in error.record
    assert error.field == field


def test_the_bar_restates_the_figures_of_the_view(data):
    view = estimate(request(("payroll", 5, "month", "want"), ("email-reply", 5, "day", "must"), budget=30000), data)["view"]
    bar = view["bar"]
    assert bar["hours"] == view["hours"]["monthly_typical"]
    assert bar["plan"] == view["costs"]["best_name"] and view["costs"]["best_gross"] in bar["cost"]
    assert bar["within"] is view["budget"]["within"] is False
    assert bar["hours"] in bar["sentence"] and view["costs"]["best_gross"] in bar["sentence"]
    within = estimate(request(("payroll", 1, "month", "want"), budget=1_000_000), data)["view"]["bar"]
    assert within["within"] is True and within["budget"] == "予算内"
    nothing = estimate(request(), data)["view"]["bar"]
    assert nothing["within"] is None and nothing["budget"] == "" and nothing["hours"] == "0時間"


def test_the_answers_list_each_chosen_task_with_its_volume_and_the_budget(data):
    view = estimate(request(("payroll", 12, "month", "must"), ("sns-posts", 2, "week", "nice"), budget=50000), data)["view"]
    answers = view["answers"]
    assert [(a["task_id"], a["volume"], a["priority"]) for a in answers["tasks"]] == [
        ("payroll", "1か月あたり12名", "必須"), ("sns-posts", "1週あたり2件", "余裕があれば")]
    assert "50,000円" in answers["budget"]
    assert estimate(request(("payroll", 1, "month", "want")), data)["view"]["answers"]["budget"] == "入れていません"


def test_the_method_lines_use_this_providers_numbers(data_copy):
    edit(data_copy / "terms.toml", "buffer_percent = 20", "buffer_percent = 35")
    edit(data_copy / "terms.toml", "hourly_rate_yen = 3800", "hourly_rate_yen = 4200")
    lines = estimate(request(("payroll", 1, "month", "want")), load_dataset(data_copy))["view"]["method"]
    text = "".join(lines)
    assert "35%" in text and "4,200円" in text and len(lines) >= 4
