"""Every term of the provider reaches the pages and, where it changes a figure, the estimate.

Each case changes one value of terms.toml in a copy of the data, fills every guide's markers from the
copy (the same function the build uses), and checks that the guides say the new value; cases whose
term changes money or hours check the estimate too. A term no page shows fails here: every question a
client asks before signing must have its answer on the site.
"""

import re
import shutil
import sys
from pathlib import Path

import pytest

from estimator import load_dataset
from estimator.browser import estimate
from estimator.dataset import DEFAULT_DATA_DIR

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import data_tables  # noqa: E402

sys.path.insert(0, str(ROOT / "tests" / "engine"))
from support import request  # noqa: E402

PAGES = sorted((ROOT / "docs").rglob("*.md"))
SHOWN = data_tables.fill  # the build's own marker filling


def site_text(data) -> str:
    return "\n".join(SHOWN(page.read_text(encoding="utf-8"), data, str(page)) for page in PAGES)


def copy_with(tmp_path: Path, old: str, new: str, *more: tuple[str, str]):
    """The data with lines of terms.toml changed (`more`: further (old, new) pairs, for keys checked together)."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    terms = target / "terms.toml"
    text = terms.read_text(encoding="utf-8")
    for before, after in ((old, new), *more):
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    terms.write_text(text, encoding="utf-8")
    return load_dataset(target)


# (the line in terms.toml, its new value, a phrase the pages must then show)
PAGE_CASES = [
    ('invoice_registration_number = "T0000000000000"', 'invoice_registration_number = "T1111111111111"', "T1111111111111"),
    ("carry_over_months = 0", "carry_over_months = 2", "2か月先の月末まで繰り越せます"),
    ("weekend_surcharge_percent = 25", "weekend_surcharge_percent = 35", "35%（土日・祝日）"),
    ("weekend_allowed = true", "weekend_allowed = false", "土日・祝日の作業はお引き受けしていません"),
    ("after_hours_surcharge_percent = 25", "after_hours_surcharge_percent = 40", "40%（平日の営業時間外）"),
    ("fee_yen = 20000", "fee_yen = 30000", "30,000円（税抜）"),
    ('covers = ["引き継ぎの打ち合わせ"', 'covers = ["業務フローの棚卸し"', "業務フローの棚卸し"),
    ("corporate_postpay = true", "corporate_postpay = false", None),
    ('postpay_due = "next-month-end"', 'postpay_due = "next-month-10"', "翌月10日払い"),
    ("minimum_term_months = 3", "minimum_term_months = 6", "最低契約期間は6か月"),
    ("cancellation_notice_days = 30", "cancellation_notice_days = 45", "45日前まで"),
    ('early_cancellation = "remaining-fees"', 'early_cancellation = "none"', "解約金はかかりません"),
    ("refund_unstarted_months = true", "refund_unstarted_months = false", None),
    ("plan_change_deadline_day = 20", "plan_change_deadline_day = 15", "15日までにお知らせいただくと"),
    ("hours = 5\nfee_yen = 15000", "hours = 8\nfee_yen = 15000", "8時間分"),
    ("fee_yen = 15000", "fee_yen = 12000", "12,000円（税抜）"),
    ("\ndays = 30", "\ndays = 14", "14日間"),
    ("converts_automatically = false", "converts_automatically = true", "そのまま月額プランに切り替わります"),
    ('staffing = "team"', 'staffing = "one-person"', "アシスタント1人が担当します"),
    ("change_on_request = true", "change_on_request = false", None),
    ("reply_within_hours = 3", "reply_within_hours = 2", "2時間以内に返信します"),
    ('report_frequency = "monthly"', 'report_frequency = "weekly"', "毎週末に、業務ごとの作業時間"),
    ("report_increment_minutes = 15", "report_increment_minutes = 30", "作業時間（30分単位）"),
    ("liability_cap_months = 1", "liability_cap_months = 3", "その月までの3か月"),
    ('nda_signed = "before-meeting"', 'nda_signed = "with-contract"', "ご契約と同時に結びます"),
    ("staff_pledge = true", "staff_pledge = false", None),
    ('subcontracting = "with-consent"', 'subcontracting = "never"', "再委託することはありません"),
    ("return_within_business_days = 10", "return_within_business_days = 5", "5営業日以内にお返し"),
    ("delete_within_days = 30", "delete_within_days = 60", "60日以内に削除"),
    ("waiting_time_billed = false", "waiting_time_billed = true", "作業時間として数えます"),
    ('specialist_work = "separate-quote"', 'specialist_work = "same-rate"', "同じ料金で承ります"),
    ('my_number = "handled"', 'my_number = "not-handled"', "マイナンバーを含む書類や事務はお引き受けしていません"),
    ("quote_free = true", "quote_free = false", "お見積もりは有料です"),
    # The answers to the questions clients ask before signing (faq, guide/pricing, guide/security).
    ("prepay_due_day = 27", "prepay_due_day = 25", "前の月の25日まで"),
    ('receipt = "on-request"', 'receipt = "not-issued"', "領収書は発行していません"),
    ('renewal = "monthly"', 'renewal = "ends"', "自動では更新しません"),
    ('renewal = "monthly"', 'renewal = "term"', "同じ3か月の期間で自動で更新します"),
    ("pause_max_months = 1", "pause_max_months = 0", "月額プランの休止はお引き受けしていません"),
    ('cancellation_methods = ["メール", "お問い合わせフォーム"]', 'cancellation_methods = ["メール", "郵送"]', "メールか郵送で"),
    ("cancellation_in_writing = true", "cancellation_in_writing = false", "電話でのお申し出も受け付けます"),
    ("sole_proprietors = true", "sole_proprietors = false", "ご契約は法人のお客さまに限ります"),
    ("requesters_max = 0", "requesters_max = 3", "社内の複数の方（3人まで）"),
    ("requesters_max = 0", "requesters_max = 1", "1つの契約につき1人の方"),
    ("overage_notice_percent = 80", "overage_notice_percent = 90", "90%を使ったところで"),
    ("overage_needs_consent = true", "overage_needs_consent = false", "お知らせなしに作業を続け"),
    ("meetings_count_as_work = true", "meetings_count_as_work = false", "オンライン面談の時間は、プランの時間に入れません"),
    ("report_counts_as_work = false", "report_counts_as_work = true", "稼働報告の作成にかかる時間は、プランの時間から使います"),
    ('tool_fees = "client"', 'tool_fees = "provider"', "当社の料金に含まれます"),
    ('same_day_cutoff = "15:00"', 'same_day_cutoff = "13:30"', "営業日の13時30分までに"),
    ("same_day_max_minutes = 60", "same_day_max_minutes = 90", "1.5時間以内に終わる作業"),
    ("rush_surcharge_percent = 0", "rush_surcharge_percent = 20", "20%の割増し"),
    ("parallel_tasks_max = 0", "parallel_tasks_max = 2", "同時にお引き受けする業務は2つまで"),
    ('employment = "contractor"', 'employment = "employee"', "当社の社員のため、アシスタントの作業は再委託にあたりません"),
    ('location = "japan"', 'location = "anywhere"', "海外に住むアシスタントが作業することもあります"),
    ("experience_years_min = 3", "experience_years_min = 5", "事務の実務経験が5年以上"),
    ('selection = ["書類選考", "面接", "事務の実技テスト"]', 'selection = ["書類選考", "適性検査"]', "書類選考・適性検査"),
    ('device = "own-checked"', 'device = "provider-managed"', "当社が用意して設定を管理するパソコン"),
    ("applies_to_spot = false", "applies_to_spot = true", "月額プランと従量制（スポット）を始めるときに一度だけいただきます"),
    ('fee_counts_toward = "setup-fee"', 'fee_counts_toward = "first-month"', "お試しの料金を最初の月の料金から差し引きます"),
    ('fee_counts_toward = "setup-fee"', 'fee_counts_toward = "none"', None),
]
# Keys that must change together with another to stay consistent (checked when the data is read).
NO_CREDIT = ('fee_counts_toward = "setup-fee"', 'fee_counts_toward = "none"')
PAIRED_CASES = [
    ("applies_to_plans = true", "applies_to_plans = false", "\n初期費用はかかりません。"),
    ("applies_to_trial = false", "applies_to_trial = true", "お試しにも初期費用"),
]


@pytest.mark.parametrize("old,new,phrase", PAGE_CASES, ids=[case[1].strip() for case in PAGE_CASES])
def test_each_term_reaches_the_pages(tmp_path, old, new, phrase):
    before = site_text(load_dataset(DEFAULT_DATA_DIR))
    after = site_text(copy_with(tmp_path, old, new))
    assert after != before, f"no page shows {old!r}"
    if phrase:
        assert phrase in after and phrase not in before


def page_text(data, page: str) -> str:
    path = ROOT / "docs" / page
    return SHOWN(path.read_text(encoding="utf-8"), data, str(path))


def test_contractor_assistants_make_my_number_work_need_the_clients_permission(tmp_path):
    """Assistants under a 業務委託 contract with the provider are 再委託先: the FAQ's subcontracting and My
    Number answers and the security guide say that each assistant needs the client's written 許諾
    (番号法第10条第1項); with employees they say the work is not 再委託."""
    permission = "担当するアシスタントごとに、お客さまの書面（メールを含む）による許諾"
    shipped = load_dataset(DEFAULT_DATA_DIR)
    employees = copy_with(tmp_path, 'employment = "contractor"', 'employment = "employee"')
    faq, guide = page_text(shipped, "faq.md"), page_text(shipped, "guide/security.md")
    subcontracting = faq.split("{#security-subcontracting}")[1].split("\n### ")[0]
    my_number = faq.split("{#security-my-number}")[1].split("\n### ")[0]
    assert permission in subcontracting and permission in my_number and permission in guide
    assert "番号法第10条第1項" in subcontracting and "再委託にあたります" in guide
    for text in (page_text(employees, "faq.md"), page_text(employees, "guide/security.md")):
        assert permission not in text and "アシスタントの作業は再委託にあたりません" in text


def test_my_number_work_not_taken_leaves_no_permission_to_ask(tmp_path):
    refused = copy_with(tmp_path, 'my_number = "handled"', 'my_number = "not-handled"')
    assert "許諾をいただいてから任せます" not in page_text(refused, "faq.md")


@pytest.mark.parametrize("old,new,phrase", PAIRED_CASES, ids=[case[1].split("=")[0].strip() for case in PAIRED_CASES])
def test_each_paired_term_reaches_the_pages(tmp_path, old, new, phrase):
    before = site_text(load_dataset(DEFAULT_DATA_DIR))
    after = site_text(copy_with(tmp_path, old, new, NO_CREDIT))
    assert phrase in after and phrase not in before


def view(data, *tasks, **profile):
    tasks = tasks or (("payroll", 5, "month", "must"),)
    return estimate(request(*tasks, budget=40000, **profile), data)["view"]


# 40 h of research a month: a month far cheaper on a plan than pay-as-you-go, so the fee decides the start.
MANY_HOURS = ("research", 40, "month", "must")


def test_the_setup_fee_reaches_the_first_month_and_its_budget_check(tmp_path):
    changed = copy_with(tmp_path, "fee_yen = 20000", "fee_yen = 50000")
    shipped = load_dataset(DEFAULT_DATA_DIR)
    before, after = view(shipped, MANY_HOURS), view(changed, MANY_HOURS)
    assert before["costs"]["options"] == after["costs"]["options"]  # the month itself does not change
    assert after["costs"]["first_month"] != before["costs"]["first_month"]
    shown = after["costs"]["first_month"]["detail"] + after["costs"]["setup_fee"]
    assert "初期費用 50,000円" in shown or "初期費用50,000円" in shown
    assert after["budget"]["first_month"] != before["budget"]["first_month"] and "超えます" in after["budget"]["first_month"]


# (the lines changed in terms.toml, the tasks): each key of the setup fee and the trial changes the estimate
# (its first month on some way to pay, or what a client who comes from the trial pays) and not the month.
ESTIMATE_CASES = [
    ([("applies_to_spot = false", "applies_to_spot = true")], (("travel", 1, "once", "must"),)),
    ([("applies_to_plans = true", "applies_to_plans = false"), NO_CREDIT], (MANY_HOURS,)),
    ([("applies_to_trial = false", "applies_to_trial = true"), NO_CREDIT], (MANY_HOURS,)),
    ([('fee_counts_toward = "setup-fee"', 'fee_counts_toward = "first-month"')], (("research", 9, "month", "must"),)),
    ([NO_CREDIT], (MANY_HOURS,)),
]


@pytest.mark.parametrize("edits,tasks", ESTIMATE_CASES, ids=[" ".join(e[1] for e in c[0]) for c in ESTIMATE_CASES])
def test_each_setup_and_trial_term_reaches_the_estimate(tmp_path, edits, tasks):
    before = view(load_dataset(DEFAULT_DATA_DIR), *tasks)["costs"]
    after = view(copy_with(tmp_path, *edits[0], *edits[1:]), *tasks)["costs"]
    assert after["options"] == before["options"]
    def figures(costs):
        return re.findall(r"[\d,]+円", str(costs["first_month"]) + costs["setup_fee"])
    assert figures(after) != figures(before)


def test_the_weekend_surcharge_reaches_every_way_to_pay(tmp_path):
    shipped = load_dataset(DEFAULT_DATA_DIR)
    plain = view(shipped)
    weekend = view(shipped, weekend_work=True, weekend_hours="2")
    steeper = view(copy_with(tmp_path, "weekend_surcharge_percent = 25", "weekend_surcharge_percent = 50"),
                   weekend_work=True, weekend_hours="2")
    rate, percent = shipped.terms.pricing.hourly_rate_yen, shipped.terms.outside_hours.weekend_surcharge_percent
    surcharge = 2 * rate * percent // 100  # 2 h of weekend work at the surcharge
    for base, more, most in zip(plain["costs"]["options"], weekend["costs"]["options"], steeper["costs"]["options"]):
        yen = lambda text: int(text.removesuffix("円").replace(",", ""))  # noqa: E731
        assert yen(base["net"]) + surcharge == yen(more["net"])
        assert yen(base["net"]) + 2 * surcharge == yen(most["net"])  # twice the percent
    assert f"月{surcharge:,}円（税抜）" in weekend["costs"]["weekend"]


def test_refused_weekend_work_is_said_and_adds_nothing(tmp_path):
    changed = copy_with(tmp_path, "weekend_allowed = true", "weekend_allowed = false")
    shown = view(changed, weekend_work=True, weekend_hours="2")
    assert "お引き受けしていません" in shown["costs"]["weekend"]
    assert shown["costs"]["options"] == view(changed)["costs"]["options"]
