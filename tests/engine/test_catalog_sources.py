"""The catalog's minutes against what was published: every figure read is recorded with its page and day,
the catalog stays within 30 % of each unless the data says why, and work the provider does not do is listed
but never estimated."""

import datetime
from fractions import Fraction

import pytest

from estimator import default_dataset
from estimator.browser import estimate, restore
from estimator.sources import AGREEMENT

from support import load_error, request


def published(data):
    return [(task, source) for task in data.catalog.tasks for source in task.sources]


PUBLISHED = published(default_dataset())


def test_each_task_says_where_its_minutes_come_from(data):
    for task in data.catalog.tasks:
        basis = task.minutes_basis
        if basis == "published":
            assert task.sources and not task.assumption, task.id
        elif basis == "assumed":
            assert len(task.assumption) >= 30, task.id  # the reasons, not a bare 「仮定」
        else:
            assert basis in ("hours", "reserved") and not task.sources and not task.assumption, task.id
    assert sum(1 for task in data.catalog.tasks if task.minutes_basis == "published") >= 15


@pytest.mark.parametrize("task, source", PUBLISHED, ids=[f"{t.id}-{i}" for i, (t, _) in enumerate(PUBLISHED)])
def test_catalog_minutes_are_within_30_percent_of_each_published_figure_or_say_why(task, source):
    typical = task.minutes_per_unit.typical
    gap = abs(typical - source.minutes.middle) / source.minutes.middle
    if source.differs:
        # A reason is recorded only where it is needed: a stale one would explain a gap that is not there.
        assert gap > AGREEMENT, f"{task.id}: {float(gap):.0%} from {source.url}, but the data says why it differs"
    else:
        assert gap <= AGREEMENT, f"{task.id}: {typical} min is {float(gap):.0%} from {source.minutes.middle} ({source.url})"


def test_every_source_is_an_address_read_on_a_day_with_its_figure_and_conversion(data):
    for task, source in published(data):
        assert source.url.startswith("https://") and source.title and source.figure and source.conversion, task.id
        assert datetime.date(2026, 1, 1) <= source.read_on <= datetime.date.today(), task.id


def test_a_page_is_cited_by_several_tasks_only_for_figures_it_gives_each(data):
    """Shared pages are allowed where each task takes its own figure from them."""
    by_url = {}
    for task, source in published(data):
        by_url.setdefault(source.url, []).append((task.id, source.figure))
    for url, uses in by_url.items():
        figures = [figure for _, figure in uses]
        assert len(set(figures)) == len(figures), f"{url} gives the same figure to {[t for t, _ in uses]}"


def test_the_issue_s_corrections_hold(data):
    catalog = data.catalog
    payroll = catalog.task("payroll").minutes_per_unit
    assert payroll.low <= 48 <= payroll.typical <= 72 <= payroll.high * Fraction(13, 10)  # 40–60 h for 50 people
    paper, mailed = catalog.task("invoice-issue"), catalog.task("invoice-email")
    assert mailed.minutes_per_unit.typical < paper.minutes_per_unit.typical
    assert "郵送" in paper.name and "メール" in mailed.name
    assert catalog.task("interview-scheduling").sources[0].url != catalog.task("scheduling-single").sources[0].url
    assert catalog.has_task("recruiting-admin") and catalog.has_task("transcription")
    for task_id in ("meeting-minutes", "translation", "appointment-setting", "proofreading", "manual-update"):
        task = catalog.task(task_id)
        assert task.unit and task.minutes_per_unit.typical > 0 and task.service_kinds and task.delegability == "ok"


def test_contract_drafting_names_each_profession_for_its_part(data):
    task = data.catalog.task("contract-drafting")
    assert data.catalog.reserved_by(task) == ("作成は行政書士（行政書士法第19条）、"
                                              "争いのある案件や法的判断は弁護士（弁護士法第72条）")
    warning = next(w for w in estimate(request(("contract-drafting", 1, "month", "want")))["view"]["warnings"])
    assert warning["title"] == "契約書の作成・リーガルチェック：行政書士・弁護士の独占業務です"
    assert "行政書士（行政書士法第19条）" in warning["note"] and "弁護士（弁護士法第72条）" in warning["note"]


def test_offline_work_is_listed_as_not_offered_and_never_estimated(data):
    catalog = data.catalog
    names = {item.id: item for item in catalog.not_offered}
    assert {"mail-handling", "document-scanning", "shipping", "onsite-reception"} <= set(names)
    for item in catalog.not_offered:
        assert not catalog.has_task(item.id) and item.reason and item.instead
    response = estimate({"tasks": [{"id": "mail-handling", "selected": True, "quantity": "10"}]})
    [error] = [e for e in response["errors"] if e["field"].startswith("tasks.")]
    assert error["message"] == "「郵便物の受け取り・転送」は当社ではお引き受けしていません"
    assert all(line["task_id"] != "mail-handling" for line in response["view"]["hours"]["lines"])


def test_a_link_naming_offline_work_says_it_is_not_offered():
    import base64
    import json
    import zlib

    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = deflate.compress(json.dumps({"t": [["shipping", 3, 2, 1, 1]]}).encode()) + deflate.flush()
    restored = restore("2." + base64.urlsafe_b64encode(packed).decode().rstrip("="))
    assert restored["notices"] == ["共有リンクにある「発送（郵送・宅配便）」は、当社ではお引き受けしていないため、読み込みませんでした。"]


def test_the_starting_input_is_a_small_client_not_an_email_heavy_one(data):
    view = estimate({})["view"]
    lines = view["hours"]["lines"]
    ticked = [t for t in data.catalog.tasks if t.default_selected]
    assert len(lines) == len(ticked) >= 4 and {line["task_id"] for line in lines} == {t.id for t in ticked}
    assert {t.category for t in ticked} >= {"accounting", "secretary"}
    minutes = {line["task_id"]: Fraction(line["typical"].removesuffix("時間")) for line in lines}
    total = sum(minutes.values())
    assert max(minutes.values()) <= total / 2  # no one task is most of the month
    assert total <= max(plan.hours for plan in data.terms.pricing.plans)


@pytest.mark.parametrize("old, new, field", [
    ('read_on = 2026-12-02\nfigure = "資料に問題', 'read_on = "2026-12-02"\nfigure = "資料に問題', "sources[0].read_on"),
    ('url = "https://arai-zc.com/journal-entry-speed"', 'url = "arai-zc.com"', "sources[0].url"),
    ('minutes = 0.6\n', 'minutes = { low = 1, high = 0.5 }\n', "sources[0].minutes"),
    ('conversion = "60分 ÷ 100件 ＝ 1件0.6分"\n', '', "sources[0].conversion"),
    ('season = { peaks = [{ fiscal_offset = 0, percent = 150 }]', 'assumption = "仮定の理由を書いたつもりの文です。"\nseason = { peaks = [{ fiscal_offset = 0, percent = 150 }]', "sources"),
])
def test_a_broken_source_names_the_file_the_task_and_the_field(data_copy, old, new, field):
    error = load_error(data_copy, "catalog.toml", old, new)
    assert (error.file, error.field) == ("catalog.toml", field)
    assert "'bookkeeping'" in error.record


@pytest.mark.parametrize("old, new, task, field", [
    ('assumption = "公表された数字は見つかりませんでした。振込先', 'note = "公表された数字は見つかりませんでした。振込先',
     "'transfer-data'", "sources"),
    ('reason = "封入や梱包', 'minutes_per_unit = { low = 1, typical = 2, high = 3 }\nreason = "封入や梱包',
     "'shipping'", "minutes_per_unit"),
    ('{ id = "bengoshi", part = "争いのある案件や法的判断" },\n]\nservice_kinds = []',
     '{ id = "lawyer", part = "争いのある案件や法的判断" },\n]\nservice_kinds = []', "'contract-drafting'", "professions[1].id"),
    ('delegability = "not-offered"\nreason = "紙の', 'delegability = "offline"\nreason = "紙の', "'document-scanning'",
     "delegability"),
])
def test_broken_provenance_and_offline_records_name_task_and_field(data_copy, old, new, task, field):
    error = load_error(data_copy, "catalog.toml", old, new)
    assert (error.file, error.field) == ("catalog.toml", field)
    assert task in error.record
