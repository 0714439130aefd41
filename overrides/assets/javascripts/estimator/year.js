// Drawing the twelve months and the hiring comparison from the view Python returns (estimator/year_view.py),
// once Python has answered (they are not in the first paint: see result.html).
// The chart is inline SVG built with DOM calls from Python's geometry; its table holds the same figures
// for screen readers and print. No figure is computed here.

import { h } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

export function chart(c) {
  const ticks = c.ticks.map((t) => [
    svg("line", { x1: c.left, x2: c.right, y1: t.y, y2: t.y, class: "est-chart__grid" }),
    svg("text", { x: c.left - 6, y: t.y + 4, "text-anchor": "end", class: "est-chart__tick" }, t.label),
  ]).flat();
  const bars = c.bars.map((b) => [
    svg("rect", { x: b.x, y: b.y, width: b.width, height: b.height, class: "est-chart__bar" }, svg("title", {}, `${b.label} ${b.value}`)),
    svg("text", { x: b.label_x, y: c.baseline + 18, "text-anchor": "middle", class: "est-chart__label" }, b.label),
  ]).flat();
  const plan = c.plan.map((p) => svg("line", { x1: p.x1, x2: p.x2, y1: p.y, y2: p.y, class: "est-chart__plan" }));
  // The table next to the chart is what assistive technology reads: the drawing itself is hidden from it.
  return svg("svg", { viewBox: `0 0 ${c.width} ${c.height}`, class: "est-chart", "aria-hidden": "true", focusable: "false" },
    ...ticks, ...bars, ...plan);
}

export function year(y) {
  return [
    h("p", { class: "est-year__reason" }, h("strong", {}, y.reason)),
    h("p", {}, `1年でいちばん安い払い方：${y.best_name}（12か月で${y.best_total}・税込）`),
    h("figure", { class: "est-year__figure" },
      chart(y.chart),
      h("figcaption", {}, `${y.chart.title}（${y.chart.legend}）`)),
    h("table", { class: "est-table est-year__table" },
      h("caption", {}, `${y.start}からの12か月（${y.best_name}の場合）`),
      h("thead", {}, h("tr", {}, ["月", "作業時間", "払い方", "料金（税込）"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, y.rows.map((r) => h("tr", {},
        h("th", { scope: "row" }, r.month), h("td", {}, r.hours),
        h("td", {}, r.way, r.detail ? h("span", { class: "est-detail" }, r.detail) : null), h("td", {}, r.cost))))),
    h("table", { class: "est-table" },
      h("caption", {}, "払い方ごとの1年の合計"),
      h("thead", {}, h("tr", {}, ["払い方", "12か月の合計（税込）"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, y.ways.map((w) => h("tr", { class: w.best ? "is-best" : null },
        h("th", { scope: "row" }, w.name, w.best ? h("span", { class: "est-best" }, "1年でいちばん安い") : null,
          w.usual ? h("span", { class: "est-detail" }, "毎月の目安でいちばん安い払い方") : null),
        h("td", {}, w.total))))),
    h("ul", { class: "est-notes" }, y.notes.map((n) => h("li", {}, n))),
    y.trial ? h("p", { class: "est-note" }, y.trial) : null,
  ].filter(Boolean);
}

// One figure the comparison used: its value, the assumption behind it, and each source as a link with the
// day it was read.
function source(d) {
  return h("li", {}, `${d.label}：${d.value}`,
    d.assumption ? h("span", { class: "est-detail" }, d.assumption) : null,
    d.sources.map((s) => h("span", { class: "est-detail" }, "出典：",
      h("a", { href: s.url, rel: "noreferrer" }, s.title), `（${s.read}）`, s.note ? ` ${s.note}` : "")));
}

export function hiring(x) {
  return [
    h("p", {}, h("strong", {}, x.verdict), `（この仕事は1年の平均で${x.weekly_hours}です）`),
    h("table", { class: "est-table" },
      h("caption", {}, `人を雇う場合と比べた1年目の費用（${x.prefecture}）`),
      h("thead", {}, h("tr", {}, ["項目", "金額", "内訳"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, x.rows.map((r) => h("tr", {}, h("th", { scope: "row" }, r.name), h("td", {}, r.value), h("td", {}, r.note))))),
    h("p", {}, x.break_even),
    x.steady ? h("p", {}, x.steady) : null,
    h("ul", { class: "est-notes" }, x.notes.map((n) => h("li", {}, n))),
    h("p", { class: "est-sources__title" }, "お金のほかの違い"),
    h("dl", { class: "est-differences" }, x.differences.flatMap((d) => [
      h("dt", {}, d.aspect),
      h("dd", {}, `人を雇う：${d.hire}`),
      h("dd", {}, `${x.provider}：${d.outsource}`),
    ])),
    h("p", { class: "est-sources__title" }, "計算に使った数字の出典"),
    h("ul", { class: "est-sources" }, x.defaults.map(source)),
    h("p", { class: "est-note" }, x.caution),
  ].filter(Boolean);
}

// The hiring part of 「合いそうなサービス」: the same comparison's verdict for the client's own figures.
export function hiringAdvice(a) {
  if (!a) return [];
  return [h("p", {}, h("strong", {}, a.verdict)), h("ul", {}, a.lines.map((line) => h("li", {}, line)))];
}
