"""The §11 worked example, the subsidy scenario in the estimate, and the inquiry message."""

from estimator.inquiry import MAILTO_BODY_LIMIT, compose_inquiry
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


def test_scenario_applies_to_eligible_tasks_only(data):
    report = report_for(data, ("sns-posts", 4, "month", "must"), ("email-reply", 5, "day", "must"))
    scenario = report.subsidy
    assert scenario.eligible_task_names == ("SNS投稿の作成・予約",)
    assert scenario.outcome.hours == 3  # 120 min + 20 % = 144 min → 3 started hours
    assert scenario.outcome.client_rate_yen_per_hour == 500  # 3,850 − 3,500 is below the client minimum


def test_message_holds_what_providers_ask_for(data):
    report = report_for(
        data, ("invoice-issue", 12, "month", "must"), budget=60000, industry="美容室", business="2店舗を運営",
        website="https://example.jp", contact_tool="chatwork", video_call="yes", weekend_work=True,
        irregulars="3月は量が倍", notes="よろしくお願いします",
    )
    message = compose_inquiry(report, data)
    for expected in ("美容室", "2店舗を運営", "請求書の発行・送付：1か月あたり12件", "月60,000円（税込）",
                     "https://example.jp", "Chatwork", "希望します", "土日", "3月は量が倍",
                     "見積もりシミュレーターの結果", report.start.start.strftime("%Y年%-m月%-d日")):
        assert expected in message.body, expected
    assert message.body.startswith(data.terms.provider_name)


def test_reserved_tasks_are_named_in_the_message(data):
    report = report_for(data, ("tax-return", 1, "once", "must"))
    assert "確定申告書の作成・提出" in compose_inquiry(report, data).body.split("※")[1]


def test_short_variant_fits_a_mailto_link(data):
    tasks = [(t.id, 1, "month", "want") for t in data.catalog.tasks]
    report = report_for(data, *tasks, notes="あ" * 1000, business="い" * 400, irregulars="う" * 400)
    message = compose_inquiry(report, data)
    assert len(message.body) > MAILTO_BODY_LIMIT
    assert len(message.short_body) <= MAILTO_BODY_LIMIT
    assert "ほか" in message.short_body  # tasks beyond the limit are summarised, not silently dropped
