"""law.toml, subsidy.toml and terms.toml [privacy]: what they record, and broken edits named by file and field."""

import pytest

from support import load_error


def test_every_law_text_says_where_when_and_which_version(data):
    texts = [text for _, text in data.law.articles]
    for profession in data.law.professions:
        texts += [part for part in (profession.bar, profession.penalty, profession.company) if hasattr(part, "url")]
    assert len(texts) >= 20
    for text in texts:
        assert text.url.startswith("http") and text.read_on.year >= 2026 and text.version
        if text.later_change:
            assert text.version_date is None or text.version_date < text.later_change.on
            assert not text.current_text_confirmed


def test_a_penalty_copy_that_still_says_choueki_is_marked_older_than_the_amendment(data):
    """The 懲役 of a copy may never read as the law in force since 2025-06-01 (拘禁刑)."""
    for profession in data.law.professions:
        penalty = profession.penalty
        if hasattr(penalty, "excerpt") and "懲役" in penalty.excerpt:
            assert penalty.later_change is not None, profession.profession_id
            assert penalty.later_change.on.isoformat() == "2025-06-01"
            assert "拘禁刑" in data.law.article(penalty.later_change.source_id).excerpt


def test_company_liability_not_read_says_the_company_is_assumed_liable(data):
    for profession in data.law.professions:
        company = profession.company
        if not hasattr(company, "url"):
            assert "読めていません" in company.note and "罰せられるものと考え" in company.note


def test_every_position_rests_on_records_that_exist(data):
    assert {p.id for p in data.law.positions} >= {"bookkeeping", "account-titles", "etax-guidance",
                                                  "year-end-documents", "disputed-claims", "client-side"}
    for position in data.law.positions:
        assert position.basis, position.id
        for record in position.basis:
            assert data.law.basis(record).read_on


@pytest.mark.parametrize("old, new, field", [
    ("later_change_on = 2025-06-01\n  later_change_source = \"kokinkei\"\n  [professions.company]\n  not_read = \"会社も罰する規定（両罰規定）の条文は、読めていません。当社は、引き受けた会社も罰せられるものと考えて、税理士",
     "later_change_on = 2010-01-01\n  later_change_source = \"kokinkei\"\n  [professions.company]\n  not_read = \"会社も罰する規定（両罰規定）の条文は、読めていません。当社は、引き受けた会社も罰せられるものと考えて、税理士",
     "penalty.later_change_on"),
    ('later_change_source = "gyoseishoshi-amendment"', 'later_change_source = "no-such-record"', "later_change_source"),
    ('basis = ["bengoshi-void-contract"]', 'basis = ["no-such-record"]', "basis"),
    ('version = "版の表示なし"\n  [professions.penalty]\n  article = "税理士法', 'version_date = 2030-01-01\n  version = "版の表示なし"\n  [professions.penalty]\n  article = "税理士法',
     "bar.version_date"),
    ('reading = "secondary-quote"\nsource = "経営者向け', 'reading = "hearsay"\nsource = "経営者向け', "reading"),
])
def test_broken_law_records_name_file_and_field(data_copy, old, new, field):
    error = load_error(data_copy, "law.toml", old, new)
    assert (error.file, error.field) == ("law.toml", field)


def test_the_subsidy_records_its_end_and_what_was_not_verified(data):
    programme = data.subsidy.programme
    assert data.subsidy.status == "ended" and programme.ended.sources
    assert "確かめられていません" in programme.not_verified
    assert all(fact.sources for fact in programme.facts)
    # The usual hourly fee is derived from the page's total, never a figure of its own.
    assert data.subsidy.example_regular_rate_yen_per_hour * data.subsidy.example_hours == \
        data.subsidy.example_without_programme_yen


@pytest.mark.parametrize("old, new, field", [
    ('sources = ["keieisha-connect"]\n\n[programme]', 'sources = ["nowhere"]\n\n[programme]', "sources"),
    ("without_programme_yen = 170000", "without_programme_yen = 170001", "without_programme_yen"),
    ('id = "paid-for"', 'id = "paid-what"', "facts"),
])
def test_broken_subsidy_records_name_file_and_field(data_copy, old, new, field):
    error = load_error(data_copy, "subsidy.toml", old, new)
    assert (error.file, error.field) == ("subsidy.toml", field)


@pytest.mark.parametrize("old, new, field", [
    ('contact_email = "privacy@example.jp"', 'contact_email = "privacy at example"', "contact_email"),
    ('address = "東京都千代田区千代田0-0-0（サンプルの住所）"\n', "", "address"),
    ("request_reply_business_days = 10", "request_reply_business_days = 0", "request_reply_business_days"),
    ('purposes = ["お問い合わせ', 'purposes = ["", "お問い合わせ', "purposes"),
])
def test_broken_privacy_terms_name_file_section_and_field(data_copy, old, new, field):
    error = load_error(data_copy, "terms.toml", old, new)
    assert (error.file, error.record, error.field) == ("terms.toml", "[privacy]", field)
