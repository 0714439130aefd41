"""The terms behind the FAQ's answers (renewal, pause, cancelling, receipts, plan hours, same-day work,
the assistants): read from terms.toml and checked, a mistake naming the file, the table and the field."""

import pytest

from estimator import DataError, contract_text, load_dataset, service_text, terms_text

from support import load_error


def test_the_shipped_answers_are_read(data):
    t = data.terms
    assert (t.contract.renewal, t.contract.pause_max_months, t.contract.sole_proprietors) == ("monthly", 1, True)
    assert t.contract.cancellation_methods == ("メール", "お問い合わせフォーム")
    assert (t.payment.prepay_due_day, t.payment.receipt) == (27, "on-request")
    assert t.service.same_day_cutoff == (15, 0) and t.service.requesters_max == 0
    assert (t.assistants.employment, t.assistants.location, t.assistants.device) == ("contractor", "japan", "own-checked")


@pytest.mark.parametrize("old,new,record,field", [
    ('renewal = "monthly"', 'renewal = "yearly"', "[contract]", "renewal"),
    ("pause_max_months = 1", "pause_max_months = 7", "[contract]", "pause_max_months"),
    ('cancellation_methods = ["メール", "お問い合わせフォーム"]', "cancellation_methods = []", "[contract]",
     "cancellation_methods"),
    ("cancellation_in_writing = true", 'cancellation_in_writing = "yes"', "[contract]", "cancellation_in_writing"),
    ("sole_proprietors = true\n", "", "[contract]", "sole_proprietors"),
    ("prepay_due_day = 27", "prepay_due_day = 31", "[payment]", "prepay_due_day"),
    ('receipt = "on-request"', 'receipt = "paper"', "[payment]", "receipt"),
    ('same_day_cutoff = "15:00"', 'same_day_cutoff = "25:00"', "[service]", "same_day_cutoff"),
    ('same_day_cutoff = "15:00"', 'same_day_cutoff = "3pm"', "[service]", "same_day_cutoff"),
    ("same_day_max_minutes = 60", "same_day_max_minutes = 0", "[service]", "same_day_max_minutes"),
    ("overage_notice_percent = 80", "overage_notice_percent = 120", "[service]", "overage_notice_percent"),
    ('tool_fees = "client"', 'tool_fees = "shared"', "[service]", "tool_fees"),
    ("requesters_max = 0", "requesters_max = -1", "[service]", "requesters_max"),
    ('employment = "contractor"', 'employment = "freelance"', "[assistants]", "employment"),
    ('location = "japan"', 'location = "tokyo"', "[assistants]", "location"),
    ('selection = ["書類選考", "面接", "事務の実技テスト"]', 'selection = [""]', "[assistants]", "selection"),
    ('device = "own-checked"', 'device = "byod"', "[assistants]", "device"),
])
def test_a_wrong_value_names_the_file_the_table_and_the_field(data_copy, old, new, record, field):
    error = load_error(data_copy, "terms.toml", old, new)
    assert (error.file, error.record, error.field) == ("terms.toml", record, field)


def test_a_missing_assistants_table_is_named(data_copy):
    text = (data_copy / "terms.toml").read_text(encoding="utf-8")
    start = text.index("[assistants]")
    end = text.index("[confidentiality]")
    (data_copy / "terms.toml").write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert caught.value.field == "assistants"


def test_every_answer_is_one_paragraph_that_starts_with_the_answer(data):
    """The FAQ puts each answer right under its question: no line breaks, and a first sentence that
    answers (yes or no, or the rule itself), never a lead-in."""
    answers = [f(data.terms) for f in (
        contract_text.renewal, contract_text.pause, contract_text.cancellation_how, contract_text.sole_proprietors,
        contract_text.sole_proprietor_payment, contract_text.receipt, contract_text.prepay_due, contract_text.postpay,
        contract_text.overage_billing, service_text.requesters, service_text.overage_notice,
        service_text.time_counted, service_text.tool_fees, service_text.same_day, service_text.urgent,
        service_text.parallel_tasks, service_text.assistants, service_text.assistant_selection,
        service_text.assistant_employment, service_text.assistant_location, service_text.assistant_device,
        service_text.assistant_change, terms_text.subcontracting_policy, terms_text.assistants_subcontracting)]
    for answer in answers:
        assert "\n" not in answer and answer.endswith("。") and 1 <= answer.count("。") <= 3, answer
        assert not answer.startswith(("なお", "ただし", "また")), answer
