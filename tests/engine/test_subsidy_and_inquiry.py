"""The §11 worked example, the subsidy scenario in the estimate, and the inquiry message."""

from urllib.parse import quote, unquote

from hypothesis import given, strategies as st

from estimator.inquiry import MAILTO_URL_LIMIT, compose_inquiry, url_encoded
from estimator.pricing import with_tax
from estimator.subsidy import worked_example

from support import report_for


def test_worked_example_comes_out_exactly(data):
    example = worked_example(data.subsidy)
    assert example.client_pays_yen == 60000  # 1,500 × 40 h
    assert example.provider_from_client_yen == 48000  # after the platform fee
    assert example.subsidy_yen == 140000  # 3,500 × 40 h
    assert example.provider_receives_yen == 188000
    assert example.without_subsidy_yen == 170000


def test_the_programme_is_marked_ended(data):
    assert data.subsidy.status == "ended" and not data.subsidy.is_open
    assert "終了" in data.subsidy.status_note


def test_scenario_applies_to_digitalisation_tasks_only(data):
    report = report_for(data, ("security-review", 2, "month", "must"), ("sns-posts", 4, "month", "must"),
                        ("contract-prep", 3, "month", "must"), ("email-reply", 5, "day", "must"))
    scenario = report.subsidy
    assert scenario.eligible_task_names == ("セキュリティ設定の点検",)  # office routine and content are not
    assert scenario.outcome.hours == 3  # 120 min + 20 % = 144 min → 3 started hours
    gross_rate = with_tax(data.terms.pricing.hourly_rate_yen, data.terms.pricing).gross_yen
    expected = max(gross_rate - data.subsidy.cap_yen_per_hour, data.subsidy.client_minimum_yen_per_hour)
    assert scenario.outcome.client_rate_yen_per_hour == expected  # the rate less the cap, at least the minimum


def test_one_off_digitalisation_work_shows_the_example_too_worded_as_past(data):
    from estimator.browser import estimate
    from support import request

    view = estimate(request(("tool-rollout", 1, "once", "must")))["view"]["subsidy"]
    assert view["outcome"] is not None
    assert view["summary"].startswith("この事業がまだ続いていたら") and "（税込）" in view["summary"]


def test_message_holds_what_providers_ask_for(data):
    report = report_for(
        data, ("invoice-issue", 12, "month", "must"), budget=60000, industry="美容室", business="2店舗を運営",
        website="https://example.jp", contact_tool="chatwork", video_call="yes", weekend_work=True,
        irregulars="3月は量が倍", notes="よろしくお願いします",
    )
    message = compose_inquiry(report, data)
    invoices = f"{data.catalog.task('invoice-issue').name}：1か月あたり12件"
    for expected in ("美容室", "2店舗を運営", invoices, "月60,000円（税込）",
                     "https://example.jp", "Chatwork", "希望します", "土日", "3月は量が倍",
                     "見積もりシミュレーターの結果", report.start.start.strftime("%Y年%-m月%-d日")):
        assert expected in message.body, expected
    assert message.body.startswith(data.terms.provider_name)


def test_reserved_work_is_something_to_discuss_not_a_request(data):
    report = report_for(data, ("tax-return", 1, "once", "must"), ("invoice-issue", 5, "month", "want"))
    body = compose_inquiry(report, data).body
    requested, _, rest = body.partition("■お願いしたい業務")[2].partition("■相談したいこと")
    assert "請求書の発行・送付" in requested and "確定申告書の作成・提出" not in requested
    consult = rest.split("■")[0]
    assert "確定申告書の作成・提出" in consult and "税理士" in consult


def test_mailto_link_stays_within_what_mail_programs_accept(data):
    tasks = [(t.id, 1, "month", "want") for t in data.catalog.tasks]
    report = report_for(data, *tasks, notes="あ" * 1000, business="い" * 400, irregulars="う" * 400,
                        industry="え" * 100, name="お" * 100)
    message = compose_inquiry(report, data)
    assert len(message.mailto) <= MAILTO_URL_LIMIT and message.mailto_is_short
    body = unquote(message.mailto.partition("&body=")[2])
    assert "全文" in body  # it says where the full text is


def test_mailto_summarises_tasks_by_category_when_they_do_not_fit(data):
    tasks = [(t.id, 1, "month", "want") for t in data.catalog.tasks[:12]]
    message = compose_inquiry(report_for(data, *tasks, industry="美容室"), data)
    body = unquote(message.mailto.partition("&body=")[2])
    assert message.mailto_is_short and len(message.mailto) <= MAILTO_URL_LIMIT
    assert data.catalog.category("accounting").name in body and "件" in body and "毎月約" in body


@given(st.text(st.characters(exclude_categories=["Cs"])))  # lone surrogates are not text a page can send
def test_the_mailto_link_encodes_any_text_as_urllib_does(text):
    # Mail programs decode what the standard library's quote writes; the faster encoding must agree.
    assert url_encoded(text) == quote(text, safe="")
    assert unquote(url_encoded(text)) == text
