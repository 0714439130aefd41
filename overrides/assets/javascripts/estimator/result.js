// Drawing the result from the view Python returns (estimator/browser.py): one function per section, each
// placing Python's strings as text. No figure is computed here. A section is redrawn only when its part of
// the view changed: most inputs change one or two, and leaving the rest alone keeps each update small.
//
// To add a section: a block with data-est="<name>" in partials/estimator/result.html (its build-time
// first paint) and one entry in SECTIONS below.

import { guideLink, h } from "./dom.js";
import { hiring, hiringAdvice, year } from "./year.js";

// [slot name, the view's part for it, draw(part, view, base) -> nodes]
export const SECTIONS = [
  ["answers", (v) => v.answers, answers],
  ["hours", (v) => v.has_tasks && v.hours, hours],
  ["costs", (v) => v.costs, costs],
  ["budget", (v) => v.budget, budget],
  ["advice", (v) => v.advice, advice],
  ["hiring-advice", (v) => v.hiring && v.hiring.advice, hiringAdvice],
  ["warnings", (v) => v.warnings, warnings],
  ["start", (v) => v.start, start],
  ["subsidy", (v) => v.subsidy, subsidy],
  ["year", (v) => v.year, year],
  ["hiring", (v) => v.hiring, hiring],
  ["method", (v) => v.method, method],
];

// `slot(name)` gives the element with data-est="<name>"; `shown` remembers what each section shows.
export function drawResult(slot, view, shown, base) {
  for (const [name, pick, draw] of SECTIONS) {
    const element = slot(name);
    const part = pick(view);
    if (!element || part === undefined) continue; // a view without this part (an older or newer engine)
    const key = JSON.stringify(part ?? null);
    if (shown[name] === key) continue;
    shown[name] = key;
    element.replaceChildren(...draw(part, view, base));
  }
}

export function answers(a) {
  const change = (target, name) => h("a", { href: `#${target}`, "data-change": target }, "変更", h("span", { class: "est-sr" }, `：${name}`));
  const rows = a.tasks.map((t) => h("div", { class: "est-answers__row", "data-task": t.task_id },
    h("dt", {}, t.name), h("dd", {}, `${t.volume}（${t.priority}）`),
    h("dd", { class: "est-answers__change" }, change(`t-${t.task_id}-quantity`, t.name))));
  rows.push(h("div", { class: "est-answers__row", "data-field": "budget_yen" },
    h("dt", {}, "月の予算"), h("dd", {}, a.budget), h("dd", { class: "est-answers__change" }, change("f-budget", "月の予算"))));
  return [
    h("dl", { class: "est-answers" }, rows),
    a.tasks.length ? null : h("p", {}, "業務がまだ選ばれていません。「頼みたい業務を選ぶ」でチェックを入れてください。"),
  ].filter(Boolean);
}

const HOUR_GROUPS = [["monthly", "毎月の業務", "monthly_typical", "buffer_line"], ["one_off", "初回のみの業務", "one_off", "one_off_buffer_line"],
  ["yearly", "時期のある業務（1年あたり）", "yearly", "yearly_buffer_line"]];

// The small 「見本」 label next to a provider's value while the terms are samples (Python gives its words).
function sampleMark(m) {
  return m ? h("span", { class: "sample-mark" }, m.label, h("span", { class: "sample-mark__sr" }, m.spoken)) : null;
}

// 「仮定」 on a task line whose minutes are assumed, linked to the task's reasons in the guide.
function assumedMark(a, base) {
  const link = a ? guideLink(base, a.guide, a.label) : null;
  if (!(link instanceof Node)) return null;
  link.className = "est-assumed";
  link.title = a.title;
  link.append(h("span", { class: "est-sr" }, a.spoken));
  return link;
}

export function hours(x, view, base) {
  if (!x) return [h("p", {}, "業務を選ぶと、ここに毎月の作業時間が出ます。")];
  const tables = HOUR_GROUPS.map(([kind, caption, totalKey, bufferKey]) => {
    const rows = x.lines.filter((l) => l.kind === kind);
    if (!rows.length) return null;
    const buffer = x[bufferKey];
    return h("table", { class: "est-table", "data-kind": kind },
      h("caption", {}, `${caption}の内訳`),
      h("thead", {}, h("tr", {}, ["業務", "量", "目安", "幅"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {},
        rows.map((l) => h("tr", { "data-task": l.task_id },
          h("th", { scope: "row" }, l.name, assumedMark(l.assumed, base), l.note ? h("span", { class: "est-detail" }, l.note) : null),
          h("td", {}, l.volume), h("td", {}, l.typical), h("td", {}, l.range))),
        h("tr", {}, h("th", { scope: "row" }, buffer.name), h("td", {}), h("td", {}, buffer.typical), h("td", {}))),
      h("tfoot", {}, h("tr", {}, h("th", { scope: "row" }, "合計"), h("td", {}), h("td", {}, x[totalKey]), h("td", {}))));
  });
  return [
    h("p", { class: "est-big" }, ...(x.has_monthly ? ["毎月 約", h("strong", {}, x.monthly_typical)] : ["毎月の作業はありません"])),
    x.has_monthly ? h("p", {}, `幅：${x.monthly_range}（作業 ${x.work}＋やり取りや修正 ${x.buffer}）`) : null,
    x.setup_note ? h("p", {}, x.setup_note) : null,
    ...tables,
    h("ul", { class: "est-notes" }, x.notes.map((n) => h("li", {}, n))),
  ].filter(Boolean);
}

export function costs(c) {
  return [
    h("p", {}, "いちばん安い払い方：", h("strong", {}, c.best_name), ` 月${c.best_gross}（税込）／${c.best_net}（税抜）`),
    h("table", { class: "est-table" },
      h("caption", {}, "払い方ごとの月額", sampleMark(c.sample_mark)),
      h("thead", {}, h("tr", {}, ["払い方", "税抜", "税込"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, c.options.map((o) => h("tr", { class: o.best ? "is-best" : null },
        h("th", { scope: "row" }, o.name, o.best ? h("span", { class: "est-best" }, "いちばん安い") : null,
          h("span", { class: "est-detail" }, o.detail)),
        h("td", {}, o.net), h("td", {}, o.gross))))),
    c.weekend ? h("p", {}, c.weekend) : null,
    h("p", {}, "最初の月：", h("strong", {}, c.first_month.gross), `（税込）。${c.first_month.detail}`),
    h("p", {}, c.setup_fee),
    h("p", { class: "est-note" }, c.tax_note),
    c.sample_note ? h("p", { class: "est-note" }, c.sample_note) : null,
  ].filter(Boolean);
}

export function budget(b) {
  if (!b) return [h("p", {}, "月の予算を入れると、予算に収まるかどうかと、収めるための案を出します。")];
  const out = [
    h("p", { class: b.within ? "est-ok" : "est-over" }, h("strong", {}, b.summary), `（予算 月${b.budget}）`),
    h("p", { class: b.first_month_within ? "est-ok" : "est-over" }, b.first_month),
    h("p", {}, b.affordable),
  ];
  if (b.proposal) {
    out.push(h("p", {}, b.proposal.summary));
    if (b.proposal.items.length) out.push(h("ul", { class: "est-proposal" }, b.proposal.items.map((i) => h("li", {}, i))));
  }
  return out;
}

export function advice(a, view, base) {
  if (!a) return [h("p", {}, "業務を選ぶと、合いそうなサービスの種類を理由つきでご案内します。")];
  return [
    h("p", {}, h("strong", {}, a.name), `：${a.summary}`),
    h("ul", {}, a.reasons.map((r) => h("li", {}, r))),
    a.shares.length ? h("p", {}, `業務時間の内訳：${a.shares.join("、")}`) : null,
    h("p", {}, guideLink(base, a.guide, "サービスの種類と選び方を読む")),
  ].filter(Boolean);
}

export function warnings(list, view, base) {
  if (!list.length) return [h("p", {}, "選んだ業務に、士業の独占業務はありません。")];
  return list.map((w) => h("div", { class: "est-warning", "data-task": w.task_id },
    h("p", { class: "est-warning__title" }, h("strong", {}, w.title)),
    h("p", {}, w.note),
    h("dl", {},
      h("dt", {}, "根拠"), h("dd", {}, `${w.law}（${w.condition}）`),
      h("dt", {}, "アシスタントに頼めること"), h("dd", {}, w.assistant_can),
      h("dt", {}, "相談先"), h("dd", {}, w.ask_instead)),
    h("p", {}, guideLink(base, w.guide, `「${w.task_name}」が頼めない理由を読む`))));
}

export function start(s) {
  return [
    h("p", {}, "開始の目安：", h("strong", {}, s.start), sampleMark(s.sample_mark), `（${s.route}、お問い合わせから${s.business_days}営業日）`),
    s.note ? h("p", { class: "est-over" }, s.note) : null,
    h("ol", { class: "est-steps" }, s.steps.map((st) => h("li", {}, `${st.date}：${st.name}（${st.who}・${st.days}）`))),
  ].filter(Boolean);
}

export function subsidy(s) {
  return [
    h("p", {}, h("strong", {}, s.name), `：${s.status_note}`),
    h("p", {}, s.summary),
    h("p", { class: "est-note" }, s.paid_for),
  ];
}

export function method(lines) {
  return [h("ul", { class: "est-method" }, lines.map((line) => h("li", {}, line)))];
}

// Python's messages next to their fields; a message for a task goes under the task.
export function drawErrors(root, form, errors) {
  const byScope = new Map();
  for (const error of errors) {
    const parts = String(error.field).split(".");
    const scope = parts[0] === "tasks" && parts.length > 1 ? `tasks.${parts[1]}` : error.field;
    const target = document.getElementById(`err-${scope}`) ? scope : "general";
    if (!byScope.has(target)) byScope.set(target, []);
    byScope.get(target).push(error);
  }
  for (const box of root.querySelectorAll(".est-error")) {
    const scope = box.id.replace(/^err-/, "");
    const list = byScope.get(scope);
    const text = list ? list.map((e) => e.message).join(" ") : "";
    if (box.textContent !== text) box.textContent = text;
    box.hidden = !list;
  }
  for (const field of form.element.querySelectorAll("[aria-invalid]")) field.removeAttribute("aria-invalid");
  for (const error of errors) form.named.get(error.field)?.setAttribute("aria-invalid", "true");
}
