"""Client e-mails as clients write them, each with the words an answer cannot do without.

The sentences were written from what prospective clients of an online secretary ask by e-mail and in
inquiry forms (the questions of the 2026-12-02 review's twenty typical e-mails and its list of questions
asked before signing, and the questions competitors' FAQs answer), in the client's own words: 「お休み」,
not 休止; 「定例ミーティング」, not 定例会; 「フリーランスの方」, not 業務委託. They were not taken from this site's
headings.

`needs` are the words the section that answers must contain (its heading and its text, compared after
Unicode NFKC normalising, spaces ignored): a section that holds them answers the question, one that does not
only touches it. They name what the answer must say (「最低契約期間」 for 「3か月だけ使ってやめられるか」,
「領収書」 and 「発行」 for 「領収書を出してもらえるか」), not the site's wording of it.

`theirs` marks the e-mails answered by sections that other parts of the site add (which tasks are offered,
hiring against outsourcing, the law's side of personal data, the setup fee of the trial): they stay in the
set, so that the set measures the site as a client meets it.

Used by tests/site_quality/test_client_emails.py, which types each into the site's search box.
"""

from __future__ import annotations

from typing import NamedTuple


class Email(NamedTuple):
    text: str
    needs: tuple[str, ...]
    theirs: bool = False


def e(text: str, *needs: str, theirs: bool = False) -> Email:
    return Email(text, needs, theirs)


EMAILS = [
    # Contract, renewal, pause, cancellation
    e("来月から3か月だけ使って、その後やめることはできますか？", "最低契約期間"),
    e("最低契約期間が過ぎたら、自動で更新されるのでしょうか。", "自動", "更新"),
    e("繁忙期じゃない8月だけ、1か月お休みすることはできますか。", "休止"),
    e("解約したいときは、誰にどうやって連絡すればいいですか。電話でもいいですか？", "解約", "メール"),
    e("解約の申し出は書面で出す必要がありますか。", "解約", "書面"),
    e("契約期間の途中で解約すると違約金はかかりますか？", "解約金"),
    e("前払いした分は、解約したら返ってきますか。", "返金"),
    e("プランを途中で変更することはできますか。", "プラン", "翌月から"),
    e("契約書は紙ですか？電子契約でも大丈夫ですか。", "電子契約"),
    e("ミスがあって損害が出たときは、補償してもらえますか。", "賠償"),
    e("個人事業主でも契約できますか？法人じゃないとダメですか。", "個人事業主"),
    # Plan hours: who may use them, what counts, warnings
    e("経理の担当と私の2人から依頼しても大丈夫ですか？プランの時間は共有できますか。", "複数", "プランの時間"),
    e("プランの時間を超えそうになったら、先に教えてもらえますか？", "超え", "お知らせ"),
    e("毎週の定例ミーティングの時間も、プランの時間から引かれますか。", "定例会", "プランの時間"),
    e("稼働報告を作る時間も料金に含まれるんですか？", "稼働報告", "作成"),
    e("プランの時間を超えたら、いくらかかりますか。", "超過料金"),
    e("使わなかった時間は翌月に回せますか？", "繰り越"),
    # Money
    e("料金はだいたい月いくらくらいになりますか？", "月額プラン"),
    e("1時間あたりの料金はいくらですか？", "1時間"),
    e("消費税は別ですか？", "消費税", "税抜"),
    e("月額プランの料金は、毎月何日までに振り込めばいいですか？", "前払い", "日まで"),
    e("個人事業主でも後払いにできますか。", "個人事業主", "後払い"),
    e("経費精算に使うので、領収書を発行してもらえますか。", "領収書", "発行"),
    e("支払いはクレジットカードでもできますか。", "クレジットカード"),
    e("インボイスの登録番号はありますか？", "登録番号"),
    e("今使っているfreeeやChatworkの有料プランの料金は、こちらで払うのでしょうか。", "ツール", "利用料"),
    e("見積もりは無料ですか。", "見積もり", "無料"),
    e("毎月の予算が3万円くらいなのですが、お願いできますか？", "予算"),
    e("返事が遅れてしまった場合、その待ち時間も料金になりますか。", "待", "料金"),
    e("お試しで少しだけ頼んでみることはできますか？", "お試しプラン"),
    e("お試しにも初期費用はかかりますか。", "お試し", "初期費用", theirs=True),
    # Speed, hours, several tasks
    e("今日中にお願いしたい作業があるのですが、何時までに連絡すれば間に合いますか。", "時までに"),
    e("急ぎの依頼をすると追加料金はかかりますか。", "急ぎ", "割増"),
    e("請求書の作成と、SNSの投稿を同時にお願いすることはできますか。", "同時"),
    e("いくつかの仕事をまとめて頼んでも大丈夫でしょうか。", "同時"),
    e("返信はどれくらいで来ますか？", "時間以内"),
    e("土日にお願いすることもできますか？", "土日", "増し"),
    e("夜の作業もお願いできますか。", "営業時間外"),
    e("年末年始はお休みですか？", "お休みです"),
    e("申し込んでから、どのくらいで作業を始めてもらえますか？", "営業日"),
    # The assistant
    e("作業してくれるのはどんな方ですか？経験のある方でしょうか。", "アシスタント", "経験"),
    e("アシスタントさんは日本国内の方ですか？海外在住の方が作業することはありますか。", "国内"),
    e("アシスタントの方は、会社の社員さんですか、それともフリーランスの方ですか。", "社員", "業務委託"),
    e("作業は個人のパソコンでされるんですか？セキュリティが心配です。", "パソコン"),
    e("アシスタントはどうやって選ばれているんですか。", "選考"),
    e("担当の方が合わなかったら、変えてもらえますか。", "交代"),
    e("担当の方がお休みのときはどうなりますか？", "休む"),
    # Working together
    e("作業報告はもらえますか？", "稼働報告"),
    e("マニュアルが何もないのですが、それでも大丈夫ですか。", "手順書"),
    e("やり取りはChatworkでお願いしたいのですが。", "Chatwork"),
    e("最初にZoomで話す必要はありますか？", "オンライン面談"),
    e("クラウドの共有フォルダにアクセスしてもらう形でいいですか？", "アカウント"),
    # Confidentiality and personal data
    e("秘密保持契約を結んでもらえますか？", "秘密保持契約"),
    e("会社の情報が外に漏れないか心配です。どんな対策をしていますか。", "秘密保持", "パソコン"),
    e("マイナンバーが載った書類を扱ってもらうことはできますか。", "マイナンバー", "許諾"),
    e("仕事を別の会社に回したりすることはありますか？", "再委託"),
    e("契約が終わったら、渡したデータは消してもらえますか。", "削除"),
    e("取引先の住所や電話番号をお渡しするのに、取引先の同意はいりますか？", "同意", "第27条", theirs=True),
    # Which tasks
    e("英語のメールの返信もお願いできますか？", "英語", theirs=True),
    e("翻訳もお願いできますか？", "翻訳", theirs=True),
    e("会議の議事録を作ってもらうことはできますか。", "議事録", theirs=True),
    e("郵便物のスキャンをお願いできますか？", "郵便", "スキャン", theirs=True),
    e("来客の受付はお願いできますか。", "来客", theirs=True),
    e("Googleカレンダーでの日程調整をお願いしたいです。", "日程調整"),
    e("ホームページの更新をお願いできますか。", "ホームページ", "更新"),
    e("請求書の支払いが遅れている取引先に催促してもらえますか。", "催促"),
    e("確定申告の書類を作ってもらえますか？", "税理士"),
    e("社会保険の手続きもお願いできますか。", "社会保険労務士"),
    e("記帳をお願いしたいのですが、税理士さんがいなくても大丈夫でしょうか。", "記帳", "税理士"),
    e("正社員を1人雇うのと比べて、どちらが安いですか。", "雇う", "費用", theirs=True),
]

FLOOR = 0.95  # share of e-mails answered by one of the first two results
