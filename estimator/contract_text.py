"""The provider's answers about renewing, pausing and cancelling a contract, who may sign, and paying.

Built from `data/terms.toml` ([contract], [payment]) like `terms_text`, answer first and in the
provider's own voice: whether a plan renews by itself after the minimum term, whether it can be paused,
where and how to cancel, whether sole proprietors may sign and on what terms, receipts, the day a
prepaid month is due, paying afterwards, and when overage is billed.
"""

from __future__ import annotations

from .terms import Terms


def _due(terms: Terms) -> str:
    return "月末締め・翌月末払い" if terms.payment.postpay_due == "next-month-end" else "月末締め・翌月10日払い"


def _either(names: tuple[str, ...]) -> str:
    """「メールかお問い合わせフォーム」: the last two joined with か, the rest with 、."""
    return names[0] if len(names) == 1 else "、".join(names[:-1]) + "か" + names[-1]


def renewal(terms: Terms) -> str:
    c = terms.contract
    lead = f"最低契約期間（{c.minimum_term_months}か月）が終わったあとは" if c.minimum_term_months else "月額プランは"
    if c.renewal == "monthly":
        return f"{lead}、解約のお申し出がない限り、1か月ごとに自動で更新します。更新の手続きや費用はありません。"
    if c.renewal == "term":
        months = c.minimum_term_months or 1
        return f"{lead}、解約のお申し出がない限り、同じ{months}か月の期間で自動で更新します。更新の手続きや費用はありません。"
    return (f"{lead}、自動では更新しません。続ける場合は、最後の月の{c.plan_change_deadline_day}日までに"
            "お知らせいただくと、同じ条件で更新します。")


def pause(terms: Terms) -> str:
    c = terms.contract
    if c.pause_max_months == 0:
        return "月額プランの休止はお引き受けしていません。仕事が少ない月が続くときは、小さいプランへの変更をご相談ください。"
    return (f"月額プランは、1回につき{c.pause_max_months}か月まで休止（お休み）できます。休止したい月の前の月の"
            f"{c.plan_change_deadline_day}日までにお知らせください。休止した月の月額はかからず、その月は最低契約期間にも数えません。")


def cancellation_how(terms: Terms) -> str:
    c = terms.contract
    text = f"解約のお申し出は、{_either(c.cancellation_methods)}で、窓口担当あてにお送りください。"
    if c.cancellation_in_writing:
        text += "文面が届いた日をお申し出の日とし、電話や口頭だけのお申し出は受け付けません（紙の書面や押印は要りません）。"
    else:
        text += "電話でのお申し出も受け付けます（紙の書面や押印は要りません）。"
    return text + "受け付けたら、最後の月と最後のご請求の額をメールでお知らせします。"


def sole_proprietors(terms: Terms) -> str:
    if not terms.contract.sole_proprietors:
        return "ご契約は法人のお客さまに限ります。個人事業主の方からのご依頼はお引き受けしていません。"
    return "個人事業主の方もご契約いただけます。料金、プラン、契約の決まりは法人のお客さまと同じです。"


def sole_proprietor_payment(terms: Terms) -> str:
    p = terms.payment
    if not terms.contract.sole_proprietors:
        return "ご契約は法人のお客さまに限るため、個人事業主の方の支払いの条件はありません。"
    if p.plans_prepaid and p.corporate_postpay:
        return (f"ほぼ同じです。違うのは月額プランの後払い（{_due(terms)}）だけで、個人事業主の方の月額プランは前払いです。"
                "お支払いの方法と、従量制の後払いは法人と同じです。")
    return "同じです。お支払いの時期と方法は、法人のお客さまと変わりません。"


def receipt(terms: Terms) -> str:
    kind = terms.payment.receipt
    if kind == "always":
        return "お支払いを確かめたら、そのたびに領収書を発行し、PDFでお送りします。"
    if kind == "on-request":
        return "領収書は、ご希望があれば発行し、PDFでお送りします。お支払いのたびでも、数か月分をまとめてでもかまいません。"
    return "領収書は発行していません。銀行振込の控えやクレジットカードの利用明細が、お支払いの記録になります。"


def prepay_due(terms: Terms) -> str:
    p = terms.payment
    if not p.plans_prepaid:
        return f"月額プランは前払いではなく、後払い（{_due(terms)}）です。"
    return (f"前払いの月額は、その月の前の月の{p.prepay_due_day}日までにお支払いください。"
            "最初の月だけは、契約のあと、作業を始める前にお支払いいただきます。")


def postpay(terms: Terms) -> str:
    p = terms.payment
    if not p.plans_prepaid:
        return f"はい。月額プランも従量制も、後払い（{_due(terms)}）です。"
    text = f"従量制は、後払い（{_due(terms)}）です。"
    if p.corporate_postpay:
        text += "月額プランも、法人のお客さまは後払いを選べます。"
        return text + ("個人事業主の方の月額プランは前払いです。" if terms.contract.sole_proprietors else "")
    return text + "月額プランと初期費用は前払いで、後払いは選べません。"


def overage_billing(terms: Terms) -> str:
    return f"超過料金は、その月の末日で締めて、後払い（{_due(terms)}）でご請求します。"
