"""Hiring against outsourcing in words: the verdict, the rule, and what each choice gives and costs besides
yen, as the estimate, the FAQ and the guides say them.

Every figure comes from `hiring` (the client's own figures in the estimate, the defaults on the pages)
and every promise of the provider from its terms, so the words can never contradict the figures shown
beside them. The provider speaks in its own voice (当社).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from . import terms_text
from .dataset import Dataset
from .hiring import HiringInput, default_input
from .hiring_compare import BREAK_EVEN_MAX, BreakEven, HiringComparison, break_even
from .schedule import route_steps
from .units import hours, yen


@dataclass(frozen=True)
class Difference:
    """One way the two choices differ besides yen: what hiring means, and what the provider offers."""

    aspect: str
    hire: str
    outsource: str


def percent_text(value: Fraction) -> str:
    """An exact percent as the data writes it: 4.925 → 「4.925」 (never rounded to two decimals)."""
    return format(Decimal(value.numerator) / Decimal(value.denominator), "f")


def weekly(weekly_hours: Fraction) -> str:
    """「週4.8時間」."""
    return f"週{hours(weekly_hours * 60)}"


def verdict(comparison: HiringComparison, provider: str) -> str:
    saves = comparison.hiring_saves_yen
    if saves > 0:
        return f"この量なら、1年目の費用は、人を雇う方が{yen(saves)}安い計算です。"
    if saves < 0:
        return f"この量なら、1年目の費用は、{provider}に頼む方が{yen(-saves)}安い計算です。"
    return f"この量なら、1年目の費用は、人を雇っても{provider}に頼んでも同じです。"


def hiring_from_text(hiring_from: Fraction) -> str:
    """The amount from which hiring costs less, the tenth of an hour above the exact point: 「週1.3時間」."""
    return weekly(Fraction((hiring_from * 10).__floor__() + 1, 10))


def rule(point: BreakEven, provider: str) -> str:
    """The break-even as a rule for a steady amount of work, in tenths of an hour that keep it true: hiring
    from the tenth above the exact point, the provider below the tenth under its own. `provider`: its name,
    or 「当社」 where the provider speaks."""
    if point.hiring_from is None:
        return f"お金だけで比べると、この条件では、毎月同じ量の仕事が週{BREAK_EVEN_MAX}時間あっても、人を雇う方が安くはなりません。"
    if point.hiring_from == 0:
        return "お金だけで比べると、この条件では、毎月同じ量の仕事なら、どの量でも人を雇う方が安くなります。"
    text = f"お金だけで比べると、毎月同じ量の仕事が{hiring_from_text(point.hiring_from)}以上あれば、人を雇う方が安くなります。"
    below = Fraction((point.outsourcing_to * 10).__floor__(), 10)
    if below:
        text += f"{weekly(below)}より少なければ、{provider}に頼む方が安くなります。"
    return text


def rule_says_hiring_cheaper(comparison: HiringComparison) -> bool | None:
    """What the rule says for this client's average hours, had every month the same: True (hiring costs
    less), False (the provider), or None (the rule says nothing about this amount)."""
    point, amount = comparison.break_even, comparison.weekly_hours
    if point.hiring_from is not None and amount > point.hiring_from:
        return True
    if amount <= point.outsourcing_to:
        return False
    return None


def steady_differs(comparison: HiringComparison) -> str:
    """A sentence for when this client's verdict goes against what the rule says for the same average hours:
    the verdict counts the real twelve months (a season, one-off work in the first month), the rule steady
    ones. With the same hours every month the two are one computation and always agree."""
    said = rule_says_hiring_cheaper(comparison)
    saves = comparison.hiring_saves_yen
    if comparison.steady or said is None or saves == 0 or (saves > 0) == said:
        return ""
    reasons = [reason for reason, applies in (
        ("月によって量が変わる（時期のある業務や、最初の月だけの作業がある）", comparison.varies),
        ("土日・祝日の割増しがある", comparison.surcharged)) if applies]
    return (f"この仕事は{'うえ、'.join(reasons)}ため、実際の12か月の量と料金で比べた結果は、毎月同じ量の場合の"
            "目安と違います。")


def tax_basis(given: HiringInput) -> str:
    if given.taxable:
        return ("消費税を除いて比べています（課税事業者の場合）。当社の料金は税抜き、通勤手当と採用・パソコンなどの費用も"
                "消費税を除いた額です。")
    return ("消費税を含めて比べています。給与と社会保険料には消費税がかかりません。課税事業者で、払った消費税を"
            "納める税から差し引いている場合は、「消費税の申告」で選ぶと税抜きで比べます。")


def lead_days(data: Dataset) -> str:
    """From the inquiry to the start of work over both request paths: 「8〜9営業日」."""
    totals = sorted({sum(s.business_days for s in route_steps(data.terms, video)) for video in (True, False)})
    return f"{totals[0]}営業日" if totals[0] == totals[-1] else f"{totals[0]}〜{totals[-1]}営業日"


def differences(given: HiringInput, supervision_minutes_per_month: int, data: Dataset) -> tuple[Difference, ...]:
    """What each choice gives and costs besides yen, with this provider's own terms."""
    terms = data.terms
    return (
        Difference("始めるまで",
                   f"求人を出し、面接をして、働き始めるまでに時間がかかります。求人などの費用もかかります（この比較では"
                   f"{yen(given.recruiting_yen)}）。",
                   f"お問い合わせから業務の開始まで、{lead_days(data)}が目安です。"),
        Difference("休むときや辞めるとき",
                   "休みや退職のあいだは、その仕事が止まるか、代わりの人を探すことになります。",
                   terms_text.staffing(terms)),
        Difference("頼める仕事の幅",
                   "雇った人ができる仕事に限られます。",
                   "一覧にある業務は、どれも同じ料金でお引き受けします。" + terms_text.specialist_work(terms)),
        Difference("管理の手間",
                   f"仕事を教えたり確かめたりする時間が、会社側で月に約{hours(supervision_minutes_per_month)}かかります（仮定）。"
                   "勤怠、給与、社会保険の手続きも会社の仕事です。",
                   "アシスタントの勤怠や手続きを、お客さまが管理する必要はありません。" + terms_text.work_report(terms)),
        Difference("契約の期間",
                   "仕事が少ない月も、決めた勤務時間の分の給与がかかります。",
                   terms_text.minimum_term(terms) + terms_text.plan_change(terms)),
        Difference("社内に残るもの",
                   "仕事のやり方が社内に残り、その場で指示を出せます。",
                   "仕事のやり方は、主にアシスタントが覚えます。"),
    )


def aspects_named(items: tuple[Difference, ...]) -> str:
    return "、".join(item.aspect for item in items)


def costs_line(comparison: HiringComparison, provider: str) -> str:
    both = "どちらも税抜き" if comparison.given.taxable else "どちらも税込"
    return (f"この仕事は1年の平均で{weekly(comparison.weekly_hours)}です。1年目の費用は、雇う場合が"
            f"{yen(comparison.cost.total_yen)}、{provider}に頼む場合が{yen(comparison.outsourcing_yen)}です（{both}）。")


def advice(comparison: HiringComparison, data: Dataset) -> dict[str, object]:
    """The estimate's advice on hiring for this client's own figures: the verdict in money, the figures,
    the rule, and what else differs."""
    provider = data.terms.provider_name
    lines = [costs_line(comparison, provider), rule(comparison.break_even, provider)]
    steady = steady_differs(comparison)
    if steady:
        lines.append(steady)
    items = differences(comparison.given, comparison.cost.supervision_minutes_per_month, data)
    lines.append(f"お金のほかに、{aspects_named(items)}が違います。詳しくは「人を雇う場合との比較」をご覧ください。")
    return {"verdict": verdict(comparison, provider), "lines": lines}


def default_rule(data: Dataset) -> tuple[HiringInput, BreakEven]:
    """The defaults the pages state the rule with: the default prefecture, tax included, a small company."""
    given = default_input(data.hiring)
    return given, break_even(given, data.hiring, data.terms)
