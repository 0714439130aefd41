"""The pages state the hiring rule the engine computes, with the default figures, and no fixed hour rule."""

import sys
from fractions import Fraction
from pathlib import Path

from estimator import default_dataset
from estimator.hiring import hiring_cost, outsourcing_year_yen
from estimator.hiring_text import default_rule, hiring_from_text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import data_tables  # noqa: E402  (the build's own marker filling)
from sample_marks import MARK  # noqa: E402

DATA = default_dataset()


def test_the_marker_states_the_rule_and_an_example_from_the_engine():
    client, point = default_rule(DATA)
    text = data_tables.fill("<!-- term:hire-or-outsource -->", DATA, "test")
    # The exact point, stated as the tenth of an hour above it (so that the sentence holds at every amount).
    assert f"毎月同じ量の仕事が{hiring_from_text(point.hiring_from)}以上あれば、人を雇う方が安くなります" in text
    ten = hiring_cost(Fraction(10), client, DATA.hiring, DATA.terms).total_yen
    assert f"雇うと{ten:,}円、当社では{outsourcing_year_yen(Fraction(10), DATA.terms):,}円" in text
    for aspect in ("始めるまで", "休むときや辞めるとき", "頼める仕事の幅", "管理の手間", "契約の期間"):
        assert f"- {aspect}\n" in text
    assert f"最低契約期間は{DATA.terms.contract.minimum_term_months}か月" in text
    # While the terms are samples the figure carries the 「見本」 mark: it rests on the provider's prices.
    assert data_tables.fill("<!-- value:hire-break-even -->", DATA, "test") == hiring_from_text(point.hiring_from) + MARK


def test_the_table_gives_both_costs_at_each_load_and_every_figures_source():
    client, _ = default_rule(DATA)
    table = data_tables.fill("<!-- data:hire-or-outsource -->", DATA, "test")
    for hours in (3, 10, 20, 30, 40):
        hire = hiring_cost(Fraction(hours), client, DATA.hiring, DATA.terms).total_yen
        outsource = outsourcing_year_yen(Fraction(hours), DATA.terms)
        assert f"| 週{hours}時間 | {hire:,}円 | {outsource:,}円 |" in table
    for source in DATA.hiring.sources:
        assert source.url in table
    assert table.count("仮定：") == sum(1 for d in (DATA.hiring.wage_markup_percent, DATA.hiring.hours_per_day,
                                                   DATA.hiring.recruiting, DATA.hiring.equipment,
                                                   DATA.hiring.supervision_percent) if d.assumption)


def test_the_faq_answer_is_the_marker_and_no_page_keeps_a_fixed_hour_rule():
    faq = (ROOT / "docs" / "faq.md").read_text(encoding="utf-8")
    answer = faq[faq.index("{#assistant-hire-or-outsource}"):]
    answer = answer[:answer.index("\n### ")]
    assert "<!-- term:hire-or-outsource -->" in answer
    for page in (ROOT / "docs").rglob("*.md"):
        filled = data_tables.fill(page.read_text(encoding="utf-8"), DATA, str(page))
        assert "週40時間を超える" not in filled and "週40時間より少ない" not in filled, page
