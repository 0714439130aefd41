"""The provider's terms as the sentences the guides, the FAQ and the estimate use.

Built from the numbers and choices in `data/terms.toml`, never typed twice: when an operator changes a
value, every page and every estimate says the new one. Each function answers one question a client asks
before signing, answer first (「15分単位です」), in the provider's own voice.
"""

from __future__ import annotations

from .pricing import with_tax
from .terms import Terms
from .units import hours, yen

WEEKDAY_NAMES = "月火水木金土日"
TAX_ROUNDING_NAMES = {"floor": "切り捨て", "round": "四捨五入", "ceil": "切り上げ"}


def money(net_yen: int, terms: Terms) -> str:
    """An amount with both taxes stated: 「20,000円（税抜）／22,000円（税込）」."""
    gross = with_tax(net_yen, terms.pricing).gross_yen
    return f"{yen(net_yen)}（税抜）／{yen(gross)}（税込）"


def unused_hours(terms: Terms) -> str:
    months = terms.pricing.carry_over_months
    if months == 0:
        return "月額プランで使わなかった時間は、その月の末日で消え、翌月には繰り越せません。"
    return f"月額プランで使わなかった時間は、{months}か月先の月末まで繰り越せます。それを過ぎると消えます。"


def billing_increments(terms: Terms) -> str:
    p = terms.pricing
    return (f"従量制（スポット）は{p.hourly_increment_minutes}分単位、月額プランの超過分は"
            f"{p.overage_increment_minutes}分単位で、それぞれ切り上げて計算します。")


def _ways(names: list[str]) -> str:
    return "と".join(names) if len(names) <= 2 else "、".join(names[:-1]) + "と" + names[-1]


def setup_fee_ways(terms: Terms) -> tuple[list[str], list[str]]:
    """The ways of starting that pay the setup fee, and those that do not, by their names on the site."""
    ways = (("月額プラン", terms.setup_applies_to_plans), ("従量制（スポット）", terms.setup_applies_to_spot))
    if terms.trial.offered:
        ways += (("お試し", terms.setup_applies_to_trial),)
    return [name for name, applies in ways if applies], [name for name, applies in ways if not applies]


def setup_fee(terms: Terms) -> str:
    """Whether a client pays the setup fee: on which ways of starting, how much, for what, and when."""
    return setup_fee_summary(terms) + setup_fee_payment(terms)


def setup_fee_summary(terms: Terms) -> str:
    """The answer first: on which ways of starting the fee is paid, how much, and what it covers."""
    paying, free = setup_fee_ways(terms)
    if not terms.setup_fee_applies or not paying:
        return "初期費用はかかりません。"
    text = f"初期費用は、{_ways(paying)}を始めるときに一度だけいただきます。"
    if free:
        text += f"{_ways(free)}にはかかりません。"
    return text + f"金額は{money(terms.setup_fee_yen, terms)}で、{'・'.join(terms.setup_covers)}が含まれます。"


def setup_fee_payment(terms: Terms) -> str:
    """When the setup fee is paid, and what a trial's fee counts toward (nothing when no fee is charged)."""
    paying, _ = setup_fee_ways(terms)
    if not terms.setup_fee_applies or not paying:
        return ""
    p = terms.payment
    after = "後払い（月末締め・翌月末払い）" if p.postpay_due == "next-month-end" else "後払い（月末締め・翌月10日払い）"
    plans = "前払い" if p.plans_prepaid else after
    text = ""
    if terms.setup_applies_to_trial and terms.trial.offered:
        text += "お試しから始めるときは、お試しの料金と一緒にお支払いいただきます。"
    if terms.setup_applies_to_plans and terms.setup_applies_to_spot:
        text += (f"月額プランでは最初の月の月額と一緒に{plans}で、従量制（スポット）では最初の月の利用料と一緒に"
                 f"{after}でお支払いいただきます。")
    elif terms.setup_applies_to_plans:
        text += (f"最初の月の月額と一緒に、{plans}でお支払いいただきます。"
                 "従量制（スポット）から月額プランに切り替えたときは、切り替えた月にお支払いいただきます。")
    elif terms.setup_applies_to_spot:
        text += f"最初の月の利用料と一緒に、{after}でお支払いいただきます。"
    if terms.trial.offered and terms.trial.fee_counts_toward == "setup-fee":
        text += "お試しのあと続けてご契約いただくと、お試しの料金を初期費用から差し引きます。"
    return text


def trial(terms: Terms) -> str:
    return trial_summary(terms) + trial_details(terms)


def trial_summary(terms: Terms) -> str:
    """The answer to 「お試しはできますか」: whether there is one, how long and for how much."""
    t = terms.trial
    if not t.offered:
        return "お試しプランはありません。"
    return f"お試しプランがあります。{t.hours}時間分で{money(t.fee_yen, terms)}、始めた日から{t.days}日間使えます。"


def trial_details(terms: Terms) -> str:
    """What follows the answer: unused hours, the setup fee, the credit and what happens after."""
    t = terms.trial
    if not t.offered:
        return ""
    after = ("お試しのあとは、そのまま月額プランに切り替わります。"
             if t.converts_automatically else
             "お試しのあとに自動で契約が続くことはありません。続ける場合は、プランを選んで契約していただきます。")
    fee = ""
    if terms.setup_fee_applies and terms.setup_applies_to_trial:
        fee = f"お試しにも初期費用{money(terms.setup_fee_yen, terms)}がかかります。続けるときに、もう一度いただくことはありません。"
    elif terms.setup_fee_applies:
        fee = "お試しに初期費用はかかりません。"
    credit = {"setup-fee": "お試しのあと続けてご契約いただくと、お試しの料金を初期費用から差し引きます。",
              "first-month": "お試しのあと続けてご契約いただくと、お試しの料金を最初の月の料金から差し引きます。",
              "none": ""}[t.fee_counts_toward]
    return f"使い切れなかった時間は返金しません。{fee}{credit}{after}"


def minimum_term(terms: Terms) -> str:
    months = terms.contract.minimum_term_months
    if months == 0:
        return "最低契約期間はありません。"
    return f"月額プランの最低契約期間は{months}か月です。従量制（スポット）には最低契約期間はありません。"


def cancellation(terms: Terms) -> str:
    c = terms.contract
    text = f"解約は、最後にしたい月の末日の{c.cancellation_notice_days}日前までにお知らせください。"
    if c.minimum_term_months and c.early_cancellation == "remaining-fees":
        text += f"最低契約期間（{c.minimum_term_months}か月）の途中で解約する場合は、解約金として残りの月の月額をお支払いいただきます。"
    else:
        text += "解約金はかかりません。"
    return text


def refund(terms: Terms) -> str:
    text = "前払いの月額は、その月が始まったあとに解約しても返金しません。"
    if terms.contract.refund_unstarted_months:
        text += "まだ始まっていない月の分をお支払い済みの場合は、全額を返金します。"
    return text


def plan_change(terms: Terms) -> str:
    day = terms.contract.plan_change_deadline_day
    return f"プランは毎月変えられます。{day}日までにお知らせいただくと、翌月から新しいプランになります。"


def outside_hours(terms: Terms) -> str:
    """Weekend and after-hours work; the surcharge is a share of the pay-as-you-go rate, added per hour
    whichever way the client pays (the estimate prices it so)."""
    o = terms.outside_hours
    weekend, evening = "土日・祝日の作業", "平日の営業時間外の作業"
    if not (o.weekend_allowed or o.after_hours_allowed):
        return "土日・祝日と、平日の営業時間外の作業は、お引き受けしていません。"
    if o.weekend_allowed and o.after_hours_allowed:
        text = f"{weekend}も、{evening}も、前もってご依頼いただければお引き受けします。"
        if o.weekend_surcharge_percent == o.after_hours_surcharge_percent:
            rate = f"{o.weekend_surcharge_percent}%"
        else:
            rate = f"{o.weekend_surcharge_percent}%（土日・祝日）、{o.after_hours_surcharge_percent}%（平日の営業時間外）"
        return text + f"その時間には、1時間につき従量制の時間単価の{rate}を割増しとして加えます。"
    allowed, refused = (weekend, evening) if o.weekend_allowed else (evening, weekend)
    percent = o.weekend_surcharge_percent if o.weekend_allowed else o.after_hours_surcharge_percent
    return (f"{allowed}は、前もってご依頼いただければお引き受けします。"
            f"その時間には、1時間につき従量制の時間単価の{percent}%を割増しとして加えます。{refused}はお引き受けしていません。")


def reply_time(terms: Terms) -> str:
    return (f"営業時間内のご連絡には{terms.service.reply_within_hours}時間以内に返信します。"
            "営業時間外のご連絡には、次の営業日に返信します。")


def staffing(terms: Terms) -> str:
    if terms.service.staffing == "team":
        return ("主に担当するアシスタント1人と、業務を共有するもう1人の2人で担当します。"
                "主に担当するアシスタントが休むときは、もう1人が引き継ぎます。")
    return "アシスタント1人が担当します。アシスタントが休むときは前もってお知らせし、急ぎの業務は当社の別のアシスタントが引き継ぎます。"


def subcontracting(terms: Terms) -> str:
    """The whole rule, as the security guide states it: the policy, then what the assistants' contract means."""
    return subcontracting_policy(terms) + assistants_subcontracting(terms)


def subcontracting_policy(terms: Terms) -> str:
    """Whether the work goes to anyone but the provider's assistants."""
    others = "当社のアシスタント以外の会社や個人" if terms.assistants.employment == "contractor" else "ほかの会社や個人"
    policy = terms.confidentiality.subcontracting
    if policy == "never":
        return f"業務を{others}に再委託することはありません。"
    if policy == "with-consent":
        return (f"{others}への再委託は、お客さまの書面（メールを含む）の同意がある場合に限ります。"
                "その場合も、再委託先に当社と同じ秘密保持の義務を負わせます。")
    return f"業務の一部を{others}に再委託することがあります。その場合も、再委託先に当社と同じ秘密保持の義務を負わせ、当社が責任を持ちます。"


def assistants_subcontracting(terms: Terms) -> str:
    """With contractor assistants, handing them the work is itself 再委託: My Number work then needs the
    client's permission for each assistant (番号法第10条第1項)."""
    if terms.assistants.employment == "employee":
        return "当社のアシスタントは当社の社員のため、アシスタントの作業は再委託にあたりません。"
    text = ("当社のアシスタントは当社と業務委託契約を結んだ個人のため、アシスタントに作業を任せることも再委託にあたります。"
            "アシスタントには当社と同じ秘密保持の義務を負わせ、当社が監督します。")
    if terms.confidentiality.my_number == "handled":
        text += _MY_NUMBER_PERMISSION
    return text


_MY_NUMBER_PERMISSION = ("マイナンバーを含む事務は、担当するアシスタントごとに、お客さまの書面（メールを含む）による許諾を"
                         "いただいてから任せます（番号法第10条第1項）。")


def nda(terms: Terms) -> str:
    c = terms.confidentiality
    when = ("ご希望があれば、オンライン面談の前に結びます" if c.nda_signed == "before-meeting"
            else "ご契約と同時に結びます")
    text = f"秘密保持契約（NDA）は、{when}。お客さまのひな形でもかまいません。"
    if c.staff_pledge:
        text += "業務にあたるアシスタントは全員、当社と個別に秘密保持の誓約を交わしています。"
    return text


def end_of_contract_data(terms: Terms) -> str:
    c = terms.confidentiality
    return (f"契約が終わったら、お預かりした資料を{c.return_within_business_days}営業日以内にお返しし、"
            f"当社の手元の複製は{c.delete_within_days}日以内に削除して、削除したことを書面でお知らせします。"
            "当社のために発行していただいたアカウントやパスワードは、最終日に止めていただくようご案内します。")


def invoice_number(terms: Terms) -> str:
    sample = "（サンプルの番号です）" if terms.is_sample else ""
    return f"当社は、適格請求書発行事業者として登録しています。登録番号は{terms.invoice_registration_number}です{sample}。"


def work_report(terms: Terms) -> str:
    s = terms.service
    when = "毎週末" if s.report_frequency == "weekly" else "毎月の末日"
    return (f"{when}に、業務ごとの作業時間（{s.report_increment_minutes}分単位）と作業の内容をまとめた稼働報告をお送りします。"
            "プランの残り時間は、いつでもお問い合わせいただけます。")


def liability(terms: Terms) -> str:
    months = terms.service.liability_cap_months
    span = "その月" if months == 1 else f"その月までの{months}か月"
    return (f"当社の過失でお客さまに損害が出たときは、{span}にお支払いいただいた料金の額を上限として賠償します。"
            "当社に故意または重大な過失がある場合は、この上限はありません。")


def payment(terms: Terms) -> str:
    p = terms.payment
    due = "月末締め・翌月末払い" if p.postpay_due == "next-month-end" else "月末締め・翌月10日払い"
    text = ("月額プランと初期費用は前払いで、最初の月は契約のあと、次の月からは"
            f"前の月の{p.prepay_due_day}日までにお支払いください。"
            if p.plans_prepaid else f"月額プランと初期費用は後払い（{due}）です。")
    text += f"従量制（スポット）は、使った時間の分を後払い（{due}）でお支払いいただきます。"
    if p.plans_prepaid and p.corporate_postpay:
        text += f"法人のお客さまは、月額プランも後払い（{due}）を選べます。"
    return text


def work_start(terms: Terms) -> str:
    """What "work starts after payment" means for each way of paying."""
    p = terms.payment
    start = next(s for s in terms.steps if s.id == "start").business_days
    if p.plans_prepaid:
        text = f"前払いの場合は、お支払いを確かめてから{start}営業日後に作業を始めます。"
        if p.corporate_postpay:
            text += f"後払いを選んだ法人のお客さまは、お支払いを待たず、契約を結んでから{start}営業日後に始めます。"
        return text
    return f"契約を結んでから{start}営業日後に作業を始めます。"


def business_days(terms: Terms) -> str:
    weekdays = "・".join(WEEKDAY_NAMES[d - 1] for d in sorted(terms.business_weekdays))
    closed = "、".join(_closed_period(p) for p in terms.closed_periods)
    text = f"営業日は{weekdays}曜日（祝日を除く）、対応時間は{terms.business_hours}です。"
    return text + (f"{closed}は、毎年お休みです。" if closed else "")


def _closed_period(period) -> str:
    """「年末年始（12月29日〜1月3日）」 for a period over the new year, else the days alone."""
    days = f"{period.start[0]}月{period.start[1]}日〜{period.end[0]}月{period.end[1]}日"
    return f"年末年始（{days}）" if period.start > period.end else days


def handover_hours(terms: Terms) -> str:
    text = (f"引き継ぎには、基本の{hours(terms.setup_handover_minutes)}に、任せる業務1つにつき"
            f"{terms.setup_minutes_per_task}分ほどかかります。")
    paying, free = setup_fee_ways(terms)
    if not terms.setup_fee_applies or not paying:
        return text + "この時間の料金はいただきません。"
    text += "この時間は初期費用に含まれます。" if not free else f"{_ways(paying)}では、この時間は初期費用に含まれます。"
    free = [name for name in free if name != "お試し"]
    return text + (f"{_ways(free)}では、この時間の料金はいただきません。" if free else "")


def waiting_time(terms: Terms) -> str:
    if terms.service.waiting_time_billed:
        return "お返事を待っているあいだ作業が止まる時間も、作業時間として数えます。"
    return "お返事を待っているあいだの時間は、料金に含めません。料金の対象は、稼働報告に記録する作業の時間だけです。"


def specialist_work(terms: Terms) -> str:
    if terms.service.specialist_work == "same-rate":
        return "一覧にない専門的な作業（本格的なデザインやコンサルティングなど）も、同じ料金で承ります。"
    return "一覧にない専門的な作業（本格的なデザインやコンサルティングなど）は、内容を伺って別にお見積もりします。"


def my_number(terms: Terms) -> str:
    if terms.confidentiality.my_number == "not-handled":
        return "マイナンバーを含む書類や事務はお引き受けしていません。"
    text = "マイナンバーを含む事務もお引き受けします。"
    if terms.assistants.employment == "contractor":
        text += ("当社のアシスタントは当社と業務委託契約を結んだ個人のため、この事務をアシスタントに任せることは再委託にあたり、"
                 "担当するアシスタントごとに、お客さまの書面（メールを含む）による許諾をいただいてから任せます（番号法第10条第1項）。")
    return text + "扱うアシスタントを決め、業務に必要な範囲だけで使い、作業が終わったら当社の手元に複製を残しません。"

