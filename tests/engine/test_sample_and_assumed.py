"""While the provider's terms are samples, the estimate says so where a client reads its figures (the
summary bar, the prices, the start date, the inquiry, how it was made), and says nothing of the kind once
they are real. Task lines whose minutes are assumed carry 「仮定」 with a link to the reasons."""

import json
from urllib.parse import unquote

from estimator import load_dataset
from estimator.browser import estimate
from estimator.inquiry import SAMPLE_LINE
from support import edit, request


TASKS = (("payroll", 5, "month", "want"), ("email-reply", 5, "day", "must"))


def test_the_estimate_marks_sample_prices_and_days_where_they_are_shown(data):
    assert data.terms.is_sample
    view = estimate(request(*TASKS, budget=30000), data)["view"]
    assert "見本" in view["bar"]["cost"] and view["costs"]["best_gross"] in view["bar"]["cost"]
    assert view["start"]["sample_mark"]["label"] == "見本" and view["start"]["sample_mark"]["spoken"]
    assert view["costs"]["sample_mark"]["label"] == "見本"
    body = view["message"]["body"]
    assert body.count(SAMPLE_LINE) == 1
    figures = body.index("■見積もりシミュレーターの結果")
    assert figures < body.index(SAMPLE_LINE), "the line belongs to the estimate's figures"
    assert "見本" in view["method"][-1]


def test_real_terms_leave_no_sample_word_in_the_estimate(data_copy):
    edit(data_copy / "terms.toml", "\nis_sample = true", "\nis_sample = false")
    view = estimate(request(*TASKS, budget=30000), load_dataset(data_copy))["view"]
    assert "見本" not in json.dumps(view, ensure_ascii=False)
    assert view["start"]["sample_mark"] is None and view["costs"]["sample_mark"] is None
    assert view["bar"]["cost"] == f"月{view['costs']['best_gross']}（税込）"


def test_the_short_mail_keeps_the_sample_line_when_it_fits(data):
    many = [(t.id, 3, "month", "want") for t in data.catalog.tasks if not t.is_reserved and not t.in_hours][:30]
    message = estimate(request(*many), data)["view"]["message"]
    assert message["mailto_is_short"]
    assert SAMPLE_LINE in unquote(message["mailto"])


def test_assumed_minutes_are_labelled_and_linked_to_their_reasons(data):
    assumed = next(t for t in data.catalog.tasks if t.minutes_basis == "assumed")
    published = next(t for t in data.catalog.tasks if t.minutes_basis == "published")
    lines = {line["task_id"]: line for line in estimate(request(
        (assumed.id, 2, "month", "want"), (published.id, 2, "month", "want")), data)["view"]["hours"]["lines"]}
    label = lines[assumed.id]["assumed"]
    assert label["label"] == "仮定" and label["guide"] == f"guide/tasks/#task-{assumed.id}"
    assert assumed.name in label["spoken"]
    assert lines[published.id]["assumed"] is None


def test_the_method_says_what_assumed_means_and_whose_rule_the_buffer_is(data):
    view = estimate(request(*TASKS), data)["view"]
    assert "当社の決まり" in view["hours"]["buffer_line"]["name"]
    text = "".join(view["method"])
    assert "「仮定」の印がある業務" in text
    assert f"当社の見積もりの決まりとして、作業時間に{data.terms.pricing.buffer_percent}%" in text
    assert "正式なお見積もりでは" in text
