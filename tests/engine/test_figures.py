"""Figures a client will not question: hours that add up, budgets that say what fits, one-off work as
one-off, amounts typed the Japanese way, one-line fields that stay one line."""

from fractions import Fraction

from hypothesis import given, strategies as st

from estimator import default_dataset
from estimator.browser import estimate, restore
from estimator.inquiry import compose_inquiry
from estimator.numbers import parse_yen
from estimator.state import encode_state
from estimator.inputs import parse_input, validate_input

from support import TODAY, pinned, report_for, request

DATA = default_dataset()


def view(*tasks, **kwargs):
    return estimate(request(*tasks, **kwargs))["view"]


def tenths(text):
    return round(float(text.removesuffix("時間")) * 10)


def test_a_task_entered_in_hours_gets_no_buffer(data):
    v = view(("research", 10, "month", "must"))
    [line] = v["hours"]["lines"]
    assert line["typical"] == "10時間" and v["hours"]["monthly_typical"] == "10時間"
    assert "上乗せ" in line["note"] and any("上乗せしていません" in note for note in v["hours"]["notes"])
    assert v["hours"]["buffer_line"]["typical"] == "0時間"


def test_measured_work_still_gets_its_buffer_next_to_hours(data):
    report = report_for(data, ("research", 10, "month", "must"), ("invoice-issue", 10, "month", "must"))
    invoice = next(l for l in report.hours.lines if l.task.id == "invoice-issue").minutes.typical
    assert report.hours.monthly_buffer.typical == -(-invoice * 20 // 100)
    assert report.hours.monthly_total.typical == 600 + invoice + report.hours.monthly_buffer.typical


task_entries = st.lists(
    st.tuples(st.sampled_from([t.id for t in DATA.catalog.tasks]), st.integers(1, 60),
              st.sampled_from(["day", "week", "month", "once"]), st.just("want")),
    min_size=1, max_size=10, unique_by=lambda entry: entry[0])


@given(task_entries)
def test_the_lines_shown_add_up_to_the_totals_shown(tasks):
    h = view(*tasks)["hours"]
    monthly = [l["typical"] for l in h["lines"] if not l["one_off"]] + [h["buffer_line"]["typical"]]
    assert sum(map(tenths, monthly)) == tenths(h["monthly_typical"])
    if h["one_off_buffer_line"]:
        one_off = [l["typical"] for l in h["lines"] if l["one_off"]] + [h["one_off_buffer_line"]["typical"]]
        assert sum(map(tenths, one_off)) == tenths(h["one_off"])


def test_when_only_dropping_everything_fits_it_names_the_one_task_to_keep(data):
    # No 必須 task; one blog post alone is over the budget, so the reductions empty the month.
    tasks = (("sns-posts", 8, "month", "nice"), ("blog-posts", 4, "month", "want"))
    proposal = report_for(data, *tasks, budget=6000).budget.proposal
    assert not proposal.fits and proposal.keep_one is not None
    keep = proposal.keep_one
    assert keep.task_id == "sns-posts" and keep.quantity == 2 and keep.option.cost.gross_yen <= 6000
    assert report_for(data, ("sns-posts", 3, "month", "nice"), budget=6000).budget.proposal is not None  # 3 would not fit
    summary = view(*tasks, budget=6000)["budget"]["proposal"]["summary"]
    assert "収まります" not in summary and "0円" not in summary and "SNS投稿の作成・予約" in summary


def test_a_budget_below_any_single_unit_says_what_the_least_costs(data):
    v = view(("blog-posts", 2, "month", "nice"), budget=500)
    proposal = v["budget"]["proposal"]
    assert not proposal["fits"] and "収まります" not in proposal["summary"] and "いちばん少ない量でも" in proposal["summary"]


def test_one_off_work_is_reported_as_one_off_not_as_zero_monthly_hours(data):
    v = view(("manual-writing", 3, "once", "must"))
    assert v["summary"].startswith("毎月の作業はありません。初回のみ")
    reasons = " ".join(v["advice"]["reasons"])
    assert "約0時間" not in reasons and "初回のみ" in reasons


def test_budget_compares_the_first_month_with_its_setup_fee_separately():
    # 9 h of research: a usual month on the 10-hour plan, 33,000 yen with tax. The setup fee is charged on
    # plans only, so the first month is cheapest pay-as-you-go: 9 h × 3,500 = 31,500 yen, 34,650 with tax.
    shipped = pinned()
    report = report_for(shipped, ("research", 9, "month", "must"), budget=35000)
    fit = report.budget
    assert fit.within and fit.option.id == "plan-10" and fit.option.cost.gross_yen == 33000
    assert report.first_month.option.id == "hourly" and report.first_month.setup_fee_yen == 0
    assert fit.first_month_gross_yen == report.first_month.cost.gross_yen == 34650 and fit.first_month_within
    # Charged on pay-as-you-go too, the fee lands on every way: the first month is the plan's, 50,000 + 10 %.
    charged = pinned(setup_applies_to_spot=True)
    report = report_for(charged, ("research", 9, "month", "must"), budget=35000)
    assert report.first_month.option.id == "plan-10" and report.first_month.setup_fee_yen == 20000
    assert report.budget.first_month_gross_yen == (30000 + 20000) * 110 // 100
    assert not report.budget.first_month_within and report.budget.first_month_over_by_yen == 55000 - 35000
    budget = estimate(request(("research", 9, "month", "must"), budget=35000), charged)["view"]["budget"]
    assert "予算内" in budget["summary"] and "初期費用を含めて55,000円" in budget["first_month"] and "超えます" in budget["first_month"]


def test_first_month_tax_is_computed_once_on_the_whole_net():
    data = pinned(setup_applies_to_spot=True)
    report = report_for(data, ("payroll", 5, "month", "must"), ("manual-writing", 2, "once", "want"))
    first = report.first_month
    assert first.cost.net_yen == first.option.cost.net_yen + 20000 and first.setup_fee_yen == 20000
    assert first.cost.gross_yen == first.cost.net_yen + first.cost.net_yen * 10 // 100


def test_amounts_are_read_the_way_they_are_typed():
    for typed, yen in (("5万", 50000), ("5万円", 50000), ("5万5千円", 55000), ("50,000円", 50000),
                       ("５０，０００", 50000), ("¥60,000", 60000), ("6.5万", 65000), ("60000", 60000)):
        assert parse_yen(typed) == Fraction(yen), typed
    errors = {e["field"]: e["message"] for e in estimate(request(budget="1,2"))["errors"]}
    assert "3桁ごと" in errors["budget_yen"]
    assert estimate(request(("payroll", 3, "month", "must"), budget="5万円"))["view"]["budget"]["budget"] == "50,000円"


def test_quantities_refuse_misplaced_separators_too(data):
    errors = {e["field"]: e["message"] for e in estimate(request(("bookkeeping", "1,20", "month", "want")))["errors"]}
    assert "3桁ごと" in errors["tasks.bookkeeping.quantity"]


FAMILY = "👨\u200d👩\u200d👧\u200d👦"


def test_one_line_fields_are_one_line_on_every_path(data):
    raw = request(("payroll", 3, "month", "must"), name="山田\n商店\r\nBcc: x@example.com", industry="美容室\u202e\n" + FAMILY)
    for path in ("form", "link"):
        if path == "link":
            parsed = validate_input(raw, data.catalog, frozenset(t.id for t in data.terms.work_tools))
            state = encode_state(parsed, data.catalog)
            raw = {**restore(state)["input"], "today": TODAY.isoformat()}
        report = report_for(data, ("payroll", 3, "month", "must"), **raw["profile"])
        message = compose_inquiry(report, data)
        assert "\n" not in message.subject and "\u202e" not in message.subject
        assert FAMILY in message.subject  # the family emoji keeps its joiners
        greeting = next(line for line in message.body.splitlines() if "と申します" in line)
        assert "Bcc: x@example.com" in greeting  # kept as text, on the same line, never a line of its own
        assert not any(line.startswith("Bcc:") for line in message.body.splitlines())


def test_long_text_is_cut_between_whole_characters(data):
    errors = {e["field"]: e["message"] for e in estimate(request(industry="あ" * 101))["errors"]}
    assert "100文字以内" in errors["profile.industry"] and "いま101文字" in errors["profile.industry"]
    parsed, _ = parse_input(request(industry=FAMILY * 101), data.catalog, frozenset())
    assert parsed.profile.industry == FAMILY * 12  # 25 bytes each: the 300 bytes of 100 kanji hold 12 of them
