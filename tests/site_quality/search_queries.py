"""Japanese queries as clients and staff type them, each with the sections that answer it.

An answer is a section: "faq/#contract-cancel" (page and heading id), or a page's own top ("guide/subsidy/",
its title and introduction). Several answers are listed where several sections truly answer. The anchors
are stable (anchors.json), so the set survives rewording of the guides and the FAQ.

Three groups:
- WRITTEN_BEFORE_READING: written from the words in a client's or a staff member's head, before the pages'
  wording was read; only their answers were looked up afterwards. Queries the site has no answer for are
  left out (年末調整, 見積もり 無料): they are missing content, not missing search.
- WRITTEN_AFTER_READING: the rest of the guides' subjects, phrased as people ask, not as the headings say.
- EARLIER_SET: the 46 queries of the first search tests, written with the pages at hand.

Used by tests/site_quality/test_search.py (the floors) and bench/search.py (old against new).
"""

from __future__ import annotations

from typing import NamedTuple


class Query(NamedTuple):
    text: str
    answers: tuple[str, ...]


def q(text: str, *answers: str) -> Query:
    return Query(text, answers)


UNUSED_HOURS = ("faq/#fee-unused-hours", "guide/pricing/#unused-hours")
CARRY_OVER = ("glossary/#term-carry-over",) + UNUSED_HOURS
HIRE_THRESHOLD = ("faq/#assistant-hire-or-outsource", "guide/service-types/#kind-hire")
QUOTE = ("faq/#fee-quote", "guide/pricing/#contract-quote", "glossary/#term-quote", "estimate/")
# Widened: the pricing guide's new 解約と返金 gives the notice period and early-cancellation rule, as the FAQ does.
CANCEL = ("faq/#contract-cancel", "guide/pricing/#contract-cancel")
INVOICE_TASK = ("faq/#tasks-invoicing", "guide/tasks/#task-invoice-issue", "guide/tasks/#task-invoice-email")
CONTRACT = ("faq/#contract-method", "guide/pricing/#contract", "guide/pricing/#contract-signing",
            "guide/flow/#step-contract")
THIRTY_HOURS = ("guide/pricing/#pricing-plans", "faq/#fee-minimum-hours", "guide/pricing/#pricing-common-rules",
                "glossary/#term-monthly-plan")
HOURLY_RATE = ("faq/#fee-price", "guide/pricing/#pricing-rates", "faq/#fee-market-price", "guide/pricing/#pricing-market")
# Widened: the FAQ now asks when to pay and how to pay as two questions (faq/#payment-methods).
PAYMENT = ("faq/#payment-timing-methods", "guide/pricing/#payment", "faq/#payment-methods")
START = ("faq/#contract-start-date", "guide/flow/#flow-earliest-start", "guide/flow/#flow-request-path")
SCHEDULING = ("guide/tasks/#task-scheduling-group", "guide/tasks/#task-scheduling-single",
              "guide/service-types/#kind-secretary")
SECURITY = ("faq/#security-confidentiality", "faq/#security-access", "faq/#security-nda", "guide/tasks/#task-security-review")
TRIAL = ("faq/#contract-trial", "guide/flow/#step-trial", "glossary/#term-trial")
TAX_RETURN = ("faq/#tasks-tax-return", "guide/not-delegable/#example-tax-return", "guide/tasks/#task-tax-return")
BOOKKEEPING = ("glossary/#term-bookkeeping", "faq/#tasks-bookkeeping", "guide/tasks/#task-bookkeeping")
PAYROLL = ("faq/#tasks-payroll", "guide/tasks/#task-payroll")
SOCIAL_INSURANCE = ("faq/#tasks-social-insurance", "guide/not-delegable/#reserved-sharoushi",
                    "guide/tasks/#task-insurance-filing")
FLOW = ("guide/flow/", "faq/#process-flow", "guide/flow/#flow-request-path")
INVOICE_SYSTEM = ("faq/#payment-qualified-invoice", "glossary/#term-invoice-system")

WRITTEN_BEFORE_READING = [
    q("週40時間", *HIRE_THRESHOLD),
    q("週 40時間", *HIRE_THRESHOLD),
    q("40時間", *HIRE_THRESHOLD),
    q("使わなかった時間", *UNUSED_HOURS),
    q("繰り越し", *CARRY_OVER),
    q("繰越", *CARRY_OVER),
    q("持ち越し", *CARRY_OVER),
    q("業務委託とは", "glossary/#term-service-contract"),
    q("記帳代行とは", "glossary/#term-bookkeeping"),
    q("オンライン秘書とは", "glossary/#term-online-secretary", "guide/service-types/#kind-secretary"),
    q("やめたい", *CANCEL),
    q("解約したい", *CANCEL),
    q("途中でやめられる？", *CANCEL),
    q("見積り", *QUOTE),
    q("見積", *QUOTE),
    q("せいきゅうしょ", *INVOICE_TASK, "faq/#payment-invoice"),
    q("請求書の発行", *INVOICE_TASK),
    q("けいやく", *CONTRACT),
    q("契約期間", "faq/#contract-term"),
    q("30時間プラン", "guide/pricing/#pricing-plans"),
    q("３０時間", *THIRTY_HOURS),
    q("ＢＰＯとは", "glossary/#term-bpo", "guide/service-types/#kind-bpo"),
    q("料金はいくら", "faq/#fee-price"),
    q("時給", *HOURLY_RATE),
    q("支払いはいつ", *PAYMENT, "guide/flow/#flow-payment"),
    q("銀行振込", *PAYMENT),
    # Widened: the new FAQ question on customers' personal data and the security guide's section on it answer this.
    q("個人情報の扱い", "faq/#security-confidentiality", "faq/#security-access", "faq/#security-personal-data",
      "guide/security/#security-supervision"),
    q("セキュリティ", *SECURITY),
    q("秘密保持契約", "faq/#security-nda"),
    q("税理士に頼むべき業務", "guide/not-delegable/#reserved-zeirishi"),
    q("頼めない仕事", "faq/#tasks-not-delegable", "guide/not-delegable/", "guide/not-delegable/#not-online"),
    q("確定申告の代行", *TAX_RETURN),
    q("社労士", "guide/not-delegable/#reserved-sharoushi"),
    q("経理代行", "faq/#tasks-bookkeeping", "guide/tasks/#tasks-overview", "guide/tasks/#task-bookkeeping",
      "guide/service-types/#kind-bpo"),
    q("電話代行", "faq/#tasks-phone", "guide/tasks/#task-phone-relay"),
    q("メール対応", "guide/tasks/#task-email-reply", "guide/tasks/#task-email-triage", "guide/service-types/#kind-secretary",
      "faq/#tasks-phone", "faq/#tasks-what"),
    q("スケジュール調整", *SCHEDULING),
    q("日程調整", *SCHEDULING),
    q("請求書 送付", *INVOICE_TASK),
    q("入金確認", "guide/tasks/#task-payment-check", "faq/#tasks-invoicing"),
    q("経費精算", "guide/tasks/#task-expense-claims"),
    q("始めるまで何日", *START),
    q("いつから始められる", *START),
    q("問い合わせ方法", "guide/inquiry/#inquiry-channels", "#home-contact", "faq/#process-tools"),
    q("連絡手段 チャット", "faq/#process-tools", "guide/preparation/#prep-communication"),
    q("担当者は変わる？", "faq/#assistant-change"),
    q("営業時間", "faq/#process-response-hours"),
    # Widened: weekday evenings are answered where weekend work is (the FAQ and the pricing guide).
    q("夜間 対応", "faq/#process-response-hours", "faq/#process-urgent", "faq/#process-weekends",
      "guide/pricing/#outside-hours"),
    q("使い切れない", *UNUSED_HOURS),
    q("余った時間", *CARRY_OVER),
    q("超過したら", "faq/#fee-overage", "glossary/#term-overage-fee"),
    # Widened: the pricing guide's 最低契約期間 and the FAQ on renewal state the minimum term too.
    q("最低契約期間", "faq/#contract-term", "guide/pricing/#contract-minimum-term", "faq/#contract-renewal"),
    q("補助金 使える", "faq/#subsidy-available"),
    q("IT導入補助金", "faq/#subsidy-available", "guide/subsidy/"),
    q("見積もりの出し方", *QUOTE, "guide/inquiry/#inquiry-estimator"),
    q("何を準備すればいい", "faq/#process-preparation", "guide/preparation/"),
    q("派遣との違い", "guide/service-types/#cost-figures", "guide/service-types/#diy-hire-outsource"),
    q("採用との比較", "faq/#assistant-hire-or-outsource", "guide/service-types/#kind-hire",
      "guide/service-types/#diy-hire-outsource"),
    q("インボイス対応", *INVOICE_SYSTEM),
    q("適格請求書", *INVOICE_SYSTEM),
    q("消費税 込み", "faq/#fee-consumption-tax", "guide/pricing/#pricing-rates"),
    # Widened: the pricing guide and the glossary now have a section headed 初期費用, with the fee and what it covers.
    q("初期費用", "faq/#fee-initial-cancellation", "guide/pricing/#setup-fee", "glossary/#term-setup-fee"),
    q("無料トライアル", *TRIAL),
    q("使わない時間はどうなる", *UNUSED_HOURS),
]

WRITTEN_AFTER_READING = [
    q("途中解約", *CANCEL),
    q("違約金", "faq/#fee-initial-cancellation"),
    q("月額プランと従量制どっちがいい", "faq/#fee-plan-or-hourly"),
    q("従量制とは", "glossary/#term-pay-as-you-go", "guide/pricing/#pricing-hourly"),
    q("月額プランって何", "glossary/#term-monthly-plan", "guide/pricing/#pricing-monthly-plan"),
    q("プランの時間を超えた", "faq/#fee-overage", "glossary/#term-overage-fee"),
    q("オンライン秘書 相場", "faq/#fee-market-price", "guide/pricing/#pricing-market"),
    q("予算が少ない", "faq/#fee-small-budget"),
    q("返事待ちの時間も料金？", "faq/#fee-waiting-time", "guide/pricing/#waiting-time"),
    q("デザインも頼める", "faq/#fee-specialist-work", "faq/#tasks-sns-web"),
    q("税込み", "faq/#fee-consumption-tax", "guide/pricing/#pricing-rates", "guide/pricing/#pricing-plans"),
    q("電子契約", "glossary/#term-e-contract", "faq/#contract-method"),
    q("クラウドサイン", "faq/#contract-method", "guide/pricing/#contract-signing", "glossary/#term-e-contract"),
    q("お試し期間", *TRIAL),
    q("申し込みから開始まで", *START, "faq/#process-flow"),
    q("プラン変更", "faq/#contract-change-plan"),
    q("何を頼める", "faq/#tasks-what", "guide/tasks/"),
    q("確定申告", *TAX_RETURN),
    q("仕訳入力", "guide/tasks/#task-bookkeeping", "faq/#tasks-bookkeeping"),
    q("会計ソフトの入力", "faq/#tasks-bookkeeping", "guide/tasks/#task-bookkeeping"),
    q("雇用保険の手続き", *SOCIAL_INSURANCE),
    q("給料の計算", *PAYROLL),
    q("賃金台帳", "faq/#tasks-payroll", "guide/not-delegable/#reserved-sharoushi"),
    q("契約書のリーガルチェック", "faq/#tasks-contracts", "guide/tasks/#task-contract-drafting"),
    q("会社の登記", "faq/#tasks-registration-permits", "guide/tasks/#task-company-registration",
      "guide/not-delegable/#reserved-shihoshoshi"),
    q("許認可の申請", "faq/#tasks-registration-permits", "guide/tasks/#task-permit-application",
      "guide/not-delegable/#reserved-gyoseishoshi"),
    q("来客対応", "faq/#tasks-onsite", "guide/not-delegable/#not-online", "guide/tasks/#task-onsite-reception"),
    q("郵便物の受け取り", "faq/#tasks-mail-scan", "guide/tasks/#task-mail-handling", "faq/#tasks-onsite",
      "guide/not-delegable/#not-online", "guide/tasks/#tasks-delegability"),
    q("ブログ更新", "faq/#tasks-sns-web", "guide/tasks/#task-blog-posts"),
    q("ツール導入の支援", "faq/#tasks-tool-rollout", "guide/tasks/#task-tool-rollout"),
    q("依頼の流れ", *FLOW),
    q("面談なしでも頼める？", "faq/#process-video-meeting", "guide/flow/#step-meeting"),
    q("Zoom", "guide/flow/#flow-request-path", "faq/#process-video-meeting"),
    q("問い合わせに何を書く", "faq/#process-inquiry", "guide/inquiry/#inquiry-items", "guide/inquiry/"),
    q("手順書", "guide/preparation/#prep-manual", "faq/#process-no-manual"),
    q("ChatworkやLINEで連絡できる？", "faq/#process-tools"),
    q("祝日も対応？", "faq/#process-weekends"),
    q("急ぎの依頼", "faq/#process-urgent"),
    q("作業報告", "faq/#process-reports", "guide/flow/#step-review"),
    q("修正してほしい", "faq/#process-revisions", "guide/flow/#step-delivery"),
    # Widened: the new security guide (セキュリティと個人情報) is the page on keeping a client's data from leaking.
    q("情報漏えいが心配", "faq/#security-confidentiality", "faq/#security-access", "guide/security/"),
    q("アカウント共有", "faq/#security-access"),
    q("どんな人が作業する？", "faq/#assistant-who"),
    q("窓口担当", "glossary/#term-account-manager", "faq/#assistant-account-manager"),
    q("アシスタントを交代", "faq/#assistant-change"),
    q("人を雇うのとどっちが安い", "faq/#assistant-hire-or-outsource", "guide/service-types/#cost-figures"),
    q("BPOとオンライン秘書の違い", "faq/#assistant-service-types", "guide/service-types/#outsourcing-kinds"),
    q("伴走型支援", "guide/service-types/#kind-partner", "glossary/#term-accompanying-support"),
    q("前払い", "glossary/#term-prepayment", *PAYMENT, "guide/flow/#flow-payment"),
    q("後払いできる？", "glossary/#term-postpayment", *PAYMENT, "guide/flow/#flow-payment"),
    q("カード払い", *PAYMENT),
    q("デジタル化応援隊", "guide/subsidy/", "guide/subsidy/#subsidy-programme"),
    q("独占業務とは", "glossary/#term-exclusive-work"),
    q("士業", "glossary/#term-licensed-professionals", "guide/not-delegable/"),
    q("司法書士", "guide/not-delegable/#reserved-shihoshoshi"),
    q("弁護士に頼むこと", "guide/not-delegable/#reserved-bengoshi"),
    q("税理士法", "guide/not-delegable/#reserved-zeirishi"),
    q("行政書士法の改正", "guide/not-delegable/#gyoseishoshi-amendment-2026"),
    q("書き出しシート", "guide/preparation/#prep-worksheet"),
    q("属人化", "glossary/#term-knowledge-silo"),
    q("バックオフィスとは", "glossary/#term-back-office", "guide/tasks/"),
    q("変動費", "glossary/#term-variable-cost"),
    q("営業日の数え方", "glossary/#term-business-day"),
    q("見積もりシミュレーター", "estimate/"),
    q("共有リンク", "staff-links/#staff-links-estimate"),
    q("見出しのリンクをコピー", "staff-links/#staff-links-section"),
    q("回答の文例", "staff-links/#staff-links-template"),
    q("目安時間", "guide/tasks/#tasks-reading-times", "guide/tasks/#tasks-catalog"),
    q("請求書1件あたり何分", "guide/tasks/#task-invoice-issue", "guide/tasks/#task-invoice-email",
      "guide/tasks/#tasks-reading-times"),
    q("面接の日程調整", "guide/tasks/#task-interview-scheduling"),
    q("名刺", "guide/tasks/#task-business-cards"),
    q("文字起こし", "guide/tasks/#task-transcription", "guide/tasks/#task-data-entry"),
    q("出張の手配", "guide/tasks/#task-travel"),
    q("ネットショップの商品登録", "guide/tasks/#task-ec-listings"),
    q("就業規則", "guide/tasks/#task-work-rules", "guide/not-delegable/#reserved-sharoushi"),
]

EARLIER_SET = [
    q("記帳代行", *BOOKKEEPING),
    q("支払い方法", *PAYMENT),
    q("30時間", *THIRTY_HOURS),
    q("確定申告 頼める?", "faq/#tasks-tax-return", "guide/not-delegable/#example-tax-return"),
    q("確定申告を頼めますか", "faq/#tasks-tax-return", "guide/not-delegable/#example-tax-return"),
    q("解約", *CANCEL, "faq/#fee-initial-cancellation"),
    q("途中で解約できる?", *CANCEL),
    q("解約金", "faq/#fee-initial-cancellation"),
    q("インボイス", *INVOICE_SYSTEM),
    q("インボイス制度", *INVOICE_SYSTEM),
    q("料金 相場", "guide/pricing/#pricing-market", "faq/#fee-market-price"),
    q("最低何時間", "faq/#fee-minimum-hours"),
    q("超過料金", "glossary/#term-overage-fee", "faq/#fee-overage"),
    q("お試し", *TRIAL),
    q("トライアル", *TRIAL),
    q("NDA", "faq/#security-nda"),
    q("秘密保持", "faq/#security-nda", "faq/#security-confidentiality"),
    q("土日 対応", "faq/#process-weekends"),
    q("給与計算", *PAYROLL),
    q("社会保険の手続き", *SOCIAL_INSURANCE),
    q("電話対応", "faq/#tasks-phone", "guide/tasks/#task-phone-relay"),
    q("登記", "faq/#tasks-registration-permits", "guide/not-delegable/#reserved-shihoshoshi",
      "guide/tasks/#task-company-registration"),
    q("補助金", "guide/subsidy/", "faq/#subsidy-available"),
    q("助成金の申請", "faq/#subsidy-application"),
    q("マニュアルがない", "faq/#process-no-manual", "guide/preparation/#prep-manual"),
    q("オンライン面談", "faq/#process-video-meeting", "guide/flow/#step-meeting"),
    q("棚卸し", "guide/preparation/#prep-tasks", "glossary/#term-work-inventory", "guide/tasks/#task-inventory-count"),
    q("税理士 独占業務", "guide/not-delegable/#reserved-zeirishi"),
    q("行政書士", "guide/not-delegable/#reserved-gyoseishoshi"),
    q("消費税", "faq/#fee-consumption-tax"),
    # Moved: receipts have their own question now (faq/#payment-receipt); invoices keep faq/#payment-invoice.
    q("領収書", "faq/#payment-receipt"),
    q("クレジットカード", *PAYMENT),
    q("従量制", "guide/pricing/#pricing-hourly", "glossary/#term-pay-as-you-go"),
    q("月額プラン", "guide/pricing/#pricing-monthly-plan", "glossary/#term-monthly-plan", "guide/pricing/#pricing-plans"),
    q("問い合わせ 例文", "guide/inquiry/#inquiry-examples", "guide/inquiry/#inquiry-example-good"),
    q("何を頼めばいいかわからない", "faq/#tasks-not-sure", "guide/preparation/#prep-unsure",
      "guide/inquiry/#inquiry-undecided"),
    q("急ぎ", "faq/#process-urgent"),
    q("対応時間", "faq/#process-response-hours"),
    q("BPO", "guide/service-types/#kind-bpo", "glossary/#term-bpo"),
    q("伴走型", "guide/service-types/#kind-partner", "glossary/#term-accompanying-support"),
    q("雇う", "guide/service-types/#kind-hire", "faq/#assistant-hire-or-outsource"),
    q("見積もり", *QUOTE),
    q("SNS 更新", "faq/#tasks-sns-web", "guide/tasks/#task-sns-posts"),
    q("契約書 作成", "faq/#tasks-contracts", "guide/tasks/#task-contract-drafting",
      "guide/not-delegable/#reserved-gyoseishoshi"),
]

# Written after the ranking and the synonyms were settled, and measured before any further change: how the
# search does on queries it was not shaped by (first two 76.9 %, MRR 0.787 at that first run; the ranking
# changed after it, and three answer lists were widened where a second section truly answers: 料金の払い方
# (the pricing page's opening names the two ways to pay), 任せる業務の決め方, 見積もりリンクの作り方). After the
# guides' rewrite it gave 82.1 % and 0.804; after the changes that followed, 89.7 % and 0.888 with these lists
# as they were, and 97.4 % and 0.936 with 15分単位, 補助金の申請方法 and CANCEL widened to sections the rewrite added.
WRITTEN_AFTER_TUNING = [
    q("料金の払い方", *PAYMENT, "guide/pricing/", "guide/flow/#flow-payment"),
    q("1時間いくら", "faq/#fee-price", "guide/pricing/#pricing-rates"),
    q("プランを変えたい", "faq/#contract-change-plan"),
    q("社会保険の届出", *SOCIAL_INSURANCE),
    q("請求書を毎月出してほしい", *INVOICE_TASK),
    q("経理を任せたい", "faq/#tasks-bookkeeping", "guide/tasks/#tasks-overview", "guide/tasks/#task-bookkeeping",
      "guide/service-types/#kind-bpo"),
    q("営業日って何", "glossary/#term-business-day"),
    q("稼働時間とは", "glossary/#term-working-hours"),
    q("付随業務", "glossary/#term-incidental-work"),
    q("自由業務とは", "glossary/#term-free-work"),
    q("何時まで対応", "faq/#process-response-hours"),
    q("チャットで相談できる", "faq/#process-tools"),
    q("LINE", "faq/#process-tools", "#home-contact", "guide/inquiry/#inquiry-channels"),
    q("面談は必要？", "faq/#process-video-meeting"),
    q("ビデオ通話なしで", "faq/#process-video-meeting", "guide/flow/#step-meeting"),
    q("納品物のチェック", "guide/flow/#step-delivery", "faq/#process-revisions"),
    q("定例会", "guide/flow/#step-review"),
    q("手順書がない", "faq/#process-no-manual", "guide/preparation/#prep-manual"),
    q("ゴールを伝える", "guide/preparation/#prep-manual"),
    q("任せる業務の決め方", "guide/preparation/#prep-tasks", "faq/#tasks-not-sure", "guide/preparation/#prep-unsure",
      "guide/preparation/"),
    q("採用費", "guide/service-types/#kind-hire", "guide/service-types/#cost-figures"),
    q("社員1人の費用", "guide/service-types/#cost-figures", "faq/#assistant-hire-or-outsource"),
    q("派遣の時給", "guide/service-types/#cost-figures"),
    # Widened: the FAQ now covers 補助金 as well as 助成金, and a new section says who writes the application and what we do.
    q("補助金の申請方法", "guide/subsidy/#subsidy-steps", "faq/#subsidy-available", "faq/#subsidy-application",
      "guide/not-delegable/#boundary-subsidy-application"),
    q("謝金", "guide/subsidy/#subsidy-programme", "guide/subsidy/#subsidy-how-it-works"),
    q("法律相談", "guide/not-delegable/#reserved-bengoshi", "faq/#tasks-contracts"),
    q("税務相談", "guide/not-delegable/#reserved-zeirishi", "guide/tasks/#task-tax-advice"),
    q("節税の相談", "guide/tasks/#task-tax-advice", "guide/not-delegable/#reserved-zeirishi"),
    q("お茶出し", "faq/#tasks-onsite", "guide/not-delegable/#not-online", "guide/tasks/#task-onsite-reception"),
    q("データ入力", "guide/tasks/#task-data-entry", "faq/#tasks-what"),
    q("資料作成", "guide/tasks/#task-documents"),
    q("HP更新", "guide/tasks/#task-website-updates", "faq/#tasks-sns-web"),
    q("予約システム", "guide/tasks/#task-booking-system"),
    q("見積書", *QUOTE),
    q("問い合わせの例", "guide/inquiry/#inquiry-examples", "guide/inquiry/#inquiry-example-good"),
    q("見積もりリンクの作り方", "staff-links/#staff-links-estimate", "staff-links/"),
    q("消費税の端数", "faq/#fee-consumption-tax", "guide/pricing/#pricing-rates"),
    # Widened: the rewritten overage FAQ and 従量制 section now state the 15-minute unit as part of their answer.
    q("15分単位", "guide/pricing/#pricing-rates", "guide/pricing/#pricing-hourly", "faq/#fee-overage"),
    q("解約の連絡はいつまで", *CANCEL),
]

QUERIES = WRITTEN_BEFORE_READING + WRITTEN_AFTER_READING + EARLIER_SET + WRITTEN_AFTER_TUNING

# The floors the set must keep (issue 13): accepted answer in the first two results, mean reciprocal rank.
TOP_TWO_FLOOR = 0.95
MRR_FLOOR = 0.9
RANKS_COUNTED = 10


def rank_of_answer(query: Query, urls: list[str]) -> int | None:
    """The 1-based rank of the first accepted answer among the result links, or None."""
    for index, url in enumerate(urls[:RANKS_COUNTED]):
        if url in query.answers:
            return index + 1
    return None


def scores(ranks: list[int | None]) -> dict[str, float]:
    """Top-two share, mean reciprocal rank and the count of queries whose answer was not found."""
    count = len(ranks)
    return {
        "top_two": sum(1 for r in ranks if r is not None and r <= 2) / count,
        "mrr": sum(1 / r for r in ranks if r is not None) / count,
        "missed": sum(1 for r in ranks if r is None),
    }
