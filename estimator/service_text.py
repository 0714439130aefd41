"""The provider's answers about the work itself and the people who do it, as the FAQ states them.

Who may ask for work and use the plan's hours, what time counts, when the client hears that the hours
run out, same-day and urgent work, several requests at once, paid tools, and who the assistants are:
built from `data/terms.toml` ([service], [assistants]) like `terms_text`, answer first and in the
provider's own voice, so an operator's change reaches every page that answers the question.
"""

from __future__ import annotations

from .terms import Terms
from .units import hours


def requesters(terms: Terms) -> str:
    most = terms.service.requesters_max
    if most == 1:
        return "ご依頼いただけるのは、1つの契約につき1人の方です。社内のほかの方のご依頼は、その方を通してお送りください。"
    who = ("社内の複数の方からご依頼いただけます。人数に上限はなく、" if most == 0
           else f"社内の複数の方（{most}人まで）からご依頼いただけます。")
    return (who + "どなたのご依頼も同じプランの時間から使います。"
            "ご依頼が重なったときの優先順位は、お客さまの側で決めていただきます。")


def overage_notice(terms: Terms) -> str:
    s = terms.service
    if s.overage_notice_percent:
        text = f"プランの時間の{s.overage_notice_percent}%を使ったところで、残りの時間をお知らせします。"
    else:
        text = "プランの残りの時間は、お問い合わせいただければいつでもお知らせします。"
    if s.overage_needs_consent:
        return text + "プランの時間を超えそうなときは、超えてよいかを伺い、お返事をいただいてから超過分の作業をします。"
    return text + "プランの時間を超えた分は、お知らせなしに作業を続け、超過料金でご請求します。"


def time_counted(terms: Terms) -> str:
    s = terms.service
    meetings = "プランの時間から使います" if s.meetings_count_as_work else "プランの時間に入れません"
    report = "プランの時間から使います" if s.report_counts_as_work else "プランの時間に入れません"
    return (f"作業が始まってからの定例会やオンライン面談の時間は、{meetings}。"
            f"稼働報告の作成にかかる時間は、{report}。")


def tool_fees(terms: Terms) -> str:
    if terms.service.tool_fees == "provider":
        return ("業務のために当社が契約する有料ツールの利用料は、当社の料金に含まれます。"
                "お客さまがすでに契約しているツール（会計ソフトなど）の利用料は、これまでどおりお客さまのご負担です。")
    return ("業務で使う有料のツール（会計ソフト、チャットツールの有料プランなど）は、お客さまの名義で契約し、"
            "利用料もお客さまにお支払いいただきます。アシスタントには、そのツールのアカウントを発行してください。"
            "連絡に使う当社のツールや、アシスタントのパソコンの費用はいただきません。")


def _cutoff(terms: Terms) -> str:
    hour, minute = terms.service.same_day_cutoff
    return f"{hour}時" if minute == 0 else f"{hour}時{minute}分"


def same_day(terms: Terms) -> str:
    s = terms.service
    return (f"営業日の{_cutoff(terms)}までに届いたご依頼で、{hours(s.same_day_max_minutes)}以内に終わる作業は、"
            f"その日のうちに仕上げます。{_cutoff(terms)}より後に届いたご依頼と、それより長い作業は、次の営業日から取りかかります。")


def urgent(terms: Terms) -> str:
    rush = terms.service.rush_surcharge_percent
    surcharge = ("営業時間内の急ぎのご依頼に割増しはありません。" if rush == 0
                 else f"急ぎのご依頼は、その作業の時間の料金が{rush}%の割増しになります。")
    return (f"急ぎの仕事もお引き受けします。その日のうちに仕上げるご依頼は、営業日の{_cutoff(terms)}までにお送りください。"
            + surcharge)


def parallel_tasks(terms: Terms) -> str:
    most = terms.service.parallel_tasks_max
    if most == 0:
        return ("いくつの業務でも、同時にお引き受けします。同時に進める業務の数に上限はなく、"
                "プランの時間の中で、お客さまが決めた優先順位の順に進めます。")
    return (f"同時にお引き受けする業務は{most}つまでです。それより多いときは、"
            "お客さまが決めた優先順位の順に、前の業務が終わりしだい取りかかります。")


# --- Who the assistants are -------------------------------------------------------------------------


def assistants(terms: Terms) -> str:
    a = terms.assistants
    where = "日本国内に住み、" if a.location == "japan" else ""
    experience = f"事務の実務経験が{a.experience_years_min}年以上ある人です。" if a.experience_years_min else "事務の仕事をしてきた人です。"
    contract = "当社と業務委託契約を結んでいます" if a.employment == "contractor" else "当社の社員として雇っています"
    return f"当社のアシスタントは、{where}{experience}{'・'.join(a.selection)}を経て選び、{contract}。"


def assistant_selection(terms: Terms) -> str:
    a = terms.assistants
    return (f"{'・'.join(a.selection)}の順に選んでいます。"
            + (f"応募できるのは、事務の実務経験が{a.experience_years_min}年以上ある人です。" if a.experience_years_min else "")
            + "選んだあとも、当社の手順と秘密保持の決まりを学んでから、お客さまの業務を担当します。")


def assistant_employment(terms: Terms) -> str:
    if terms.assistants.employment == "employee":
        return "はい。当社のアシスタントは全員、当社の社員です。お客さまのご契約の相手は当社です。"
    return ("いいえ。当社のアシスタントは当社の社員ではなく、当社と業務委託契約を結んだ個人です。"
            "お客さまのご契約の相手は当社で、アシスタントの仕事は当社が監督し、責任を持ちます。")


def assistant_location(terms: Terms) -> str:
    if terms.assistants.location == "japan":
        return "はい。当社のアシスタントは全員、日本国内に住み、国内で作業します。海外に住む人が作業することはありません。"
    return ("国内に住むアシスタントのほか、海外に住むアシスタントが作業することもあります。"
            "担当するアシスタントがどこで作業するかは、作業を始める前にお知らせします。")


def assistant_device(terms: Terms) -> str:
    if terms.assistants.device == "provider-managed":
        return ("アシスタントは、当社が用意して設定を管理するパソコンで作業します。ウイルス対策ソフト、ディスクの暗号化、"
                "画面のロック、OSの更新は当社が管理し、私物のパソコンは作業に使いません。")
    return ("アシスタントは、自分のパソコンで作業します。作業を始める前と毎年1回、ウイルス対策ソフト、ディスクの暗号化、"
            "画面のロック、OSの更新が当社の基準を満たしているかを確かめます。")


def assistant_change(terms: Terms) -> str:
    if terms.service.change_on_request:
        return "担当のアシスタントの交代をご希望のときは、無料で交代します。窓口担当に、合わないと感じた点をお知らせください。"
    return "担当のアシスタントの交代は、当社が必要と判断したときに限ります。気になる点は、窓口担当にお知らせください。"
