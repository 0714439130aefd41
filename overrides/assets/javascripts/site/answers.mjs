// The staff answer list: sections collected from search results and from the heading buttons, kept for
// this tab (sessionStorage), reordered or dropped, and copied in one go as plain text for a mail (each
// title and its URL on their own lines) or as Markdown. Loaded by search.js on every page.
// Every title is inserted as text. The copied address is the published one (site_url), as links.js copies.

const KEY = "site-answer-list";
const MAX_ITEMS = 30;
const ICONS = {
  collect: "M14 10H3v2h11zm0-4H3v2h11zM3 16h7v-2H3zm14-3v-3h-2v3h-3v2h3v3h2v-3h3v-2z",
  up: "M7.41 15.41 12 10.83l4.59 4.58L18 14l-6-6-6 6z",
  down: "M7.41 8.59 12 13.17l4.59-4.58L18 10l-6 6-6-6z",
  remove: "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z",
};
let memory = [];

/** The list: [{title, url}], url site-relative ("faq/#contract-cancel"). */
export function items() {
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(KEY) || "[]");
    return Array.isArray(stored) ? stored.filter((i) => i && typeof i.title === "string" && typeof i.url === "string") : [];
  } catch (error) {
    return memory.slice(); // storage blocked: the list lasts as long as the page
  }
}

function save(list) {
  memory = list.slice();
  try { window.sessionStorage.setItem(KEY, JSON.stringify(list)); } catch (error) { /* kept in memory */ }
  render();
}

/** The published address of a site-relative URL: site_url (mkdocs.yml) + the path. */
export function published(url) {
  return window.siteLinks.siteUrl() + url; // links.js: site_url from mkdocs.yml, as the heading buttons copy
}

export function copyText(text) {
  return window.siteLinks.copyText(text); // links.js: the clipboard, or a hidden textarea where it is blocked
}

/** The list as a mail wants it: each title, its URL on the next line, a blank line between answers. */
export function asText(list) {
  return list.map((item) => `${item.title}\n${published(item.url)}`).join("\n\n");
}

/** The list as Markdown links, one per line. */
export function asMarkdown(list) {
  const escape = (title) => title.replace(/([\\[\]])/g, "\\$1");
  return list.map((item) => `- [${escape(item.title)}](${published(item.url)})`).join("\n");
}

/** Adds a section; returns the sentence to announce. */
export function add(item) {
  const list = items();
  if (list.some((i) => i.url === item.url)) { return `「${item.title}」はもう回答リストにあります（${list.length}件）`; }
  if (list.length >= MAX_ITEMS) { return `回答リストは${MAX_ITEMS}件までです。使い終わったものを削除してください`; }
  list.push({ title: item.title, url: item.url });
  save(list);
  return `「${item.title}」を回答リストに追加しました（${list.length}件）`;
}

function move(index, delta) {
  const list = items();
  const target = index + delta;
  if (target < 0 || target >= list.length) { return ""; }
  const [item] = list.splice(index, 1);
  list.splice(target, 0, item);
  save(list);
  return `「${item.title}」を${target + 1}番目に移しました`;
}

function remove(index) {
  const list = items();
  const [item] = list.splice(index, 1);
  save(list);
  return `「${item.title}」を削除しました（残り${list.length}件）`;
}

function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) { node.setAttribute(name, value); }
  if (text) { node.textContent = text; }
  return node;
}

function iconButton(action, label, path) {
  const button = element("button", { type: "button", class: "answer-list__icon", "data-answer": action, "aria-label": label, title: label });
  button.appendChild(window.siteLinks.icon(path));
  return button;
}

function panel() { return document.getElementById("answer-list"); }

function mount() {
  if (panel()) { return panel(); }
  const section = element("section", { id: "answer-list", class: "answer-list", "aria-label": "回答リスト", hidden: "" });
  const toggle = element("button", { type: "button", class: "answer-list__toggle", "aria-expanded": "false",
    "aria-controls": "answer-list-panel", "data-answer": "toggle" });
  toggle.appendChild(window.siteLinks.icon(ICONS.collect));
  toggle.appendChild(element("span", { class: "answer-list__label" }));
  const body = element("div", { id: "answer-list-panel", class: "answer-list__panel", hidden: "" });
  body.appendChild(element("p", { class: "answer-list__hint" },
    "回答に貼る見出しを集めています。このタブを閉じると消えます。"));
  body.appendChild(element("ol", { class: "answer-list__items" }));
  body.appendChild(element("p", { class: "answer-list__empty" },
    "まだありません。検索結果や見出しの「回答リストに追加」で集められます。"));
  const actions = element("div", { class: "answer-list__actions" });
  actions.appendChild(element("button", { type: "button", class: "md-button", "data-answer": "text" }, "テキストでコピー"));
  actions.appendChild(element("button", { type: "button", class: "md-button", "data-answer": "markdown" }, "Markdownでコピー"));
  actions.appendChild(element("button", { type: "button", class: "md-button", "data-answer": "clear" }, "すべて削除"));
  body.appendChild(actions);
  section.append(toggle, body);
  section.addEventListener("click", onClick);
  section.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !body.hidden) {
      event.stopPropagation();
      setOpen(false);
      toggle.focus();
    }
  });
  document.body.appendChild(section);
  return section;
}

// The announcement: a polite status that search.js puts on every page beforehand (a region that appears
// together with its message is not read out), shown for a moment like the copy-link buttons' message.
function status() {
  let region = document.getElementById("answer-list-status");
  if (!region) {
    region = element("div", { id: "answer-list-status", class: "copy-link-status", role: "status", "aria-live": "polite" });
    document.body.appendChild(region);
  }
  return region;
}

function setOpen(open) {
  const section = mount();
  section.querySelector(".answer-list__panel").hidden = !open;
  section.querySelector(".answer-list__toggle").setAttribute("aria-expanded", String(open));
  render();
}

export function announce(message) {
  const region = status();
  region.textContent = message;
  region.classList.add("copy-link-status--visible");
  window.clearTimeout(announce.timer);
  announce.timer = window.setTimeout(() => {
    region.classList.remove("copy-link-status--visible");
    region.textContent = "";
  }, 3000);
}

/** Draws the list from storage; the list shows when it has items or is open. */
function render() {
  const section = panel();
  if (!section) { return; }
  const list = items();
  const body = section.querySelector(".answer-list__panel");
  section.hidden = list.length === 0 && body.hidden;
  section.querySelector(".answer-list__label").textContent = `回答リスト（${list.length}件）`;
  const ol = section.querySelector(".answer-list__items");
  ol.textContent = "";
  list.forEach((item, index) => {
    const li = element("li", { class: "answer-list__item" });
    const text = element("span", { class: "answer-list__text" });
    text.appendChild(element("span", { class: "answer-list__title" }, item.title));
    text.appendChild(element("span", { class: "answer-list__url" }, published(item.url)));
    const buttons = element("span", { class: "answer-list__buttons" });
    const up = iconButton("up", `「${item.title}」を上へ`, ICONS.up);
    const down = iconButton("down", `「${item.title}」を下へ`, ICONS.down);
    up.disabled = index === 0;
    down.disabled = index === list.length - 1;
    buttons.append(up, down, iconButton("remove", `「${item.title}」を削除`, ICONS.remove));
    li.append(text, buttons);
    ol.appendChild(li);
  });
  section.querySelector(".answer-list__empty").hidden = list.length > 0;
  section.querySelectorAll(".answer-list__actions button").forEach((button) => { button.disabled = list.length === 0; });
}

// After a change, the focus stays with the item it was on, or the nearest sensible button.
function focusItem(index, action) {
  const items = panel().querySelectorAll(".answer-list__item");
  if (!items.length) { panel().querySelector(".answer-list__toggle").focus(); return; }
  const item = items[Math.min(index, items.length - 1)];
  const wanted = item.querySelector(`[data-answer="${action}"]`);
  const target = wanted && !wanted.disabled ? wanted : item.querySelector("[data-answer]:not(:disabled)");
  target.focus();
}

function onClick(event) {
  const button = event.target.closest("[data-answer]");
  if (!button || button.disabled) { return; }
  const action = button.getAttribute("data-answer");
  const li = button.closest(".answer-list__item");
  const index = li ? [...li.parentNode.children].indexOf(li) : -1;
  if (action === "toggle") {
    setOpen(panel().querySelector(".answer-list__panel").hidden);
  } else if (action === "up" || action === "down") {
    announce(move(index, action === "up" ? -1 : 1));
    focusItem(index + (action === "up" ? -1 : 1), action);
  } else if (action === "remove") {
    announce(remove(index));
    focusItem(index, "remove");
  } else if (action === "clear") {
    save([]);
    announce("回答リストを空にしました");
    panel().querySelector(".answer-list__toggle").focus();
  } else {
    const list = items();
    const markdown = action === "markdown";
    copyText(markdown ? asMarkdown(list) : asText(list)).then(
      () => announce(`${list.length}件を${markdown ? "Markdown" : "テキスト"}でコピーしました`),
      () => announce("コピーできませんでした。もう一度お試しください"));
  }
}

/** Shows the list (search.js calls it on pages of a tab whose list holds answers, and on first use). */
export function setUp() {
  mount();
  status();
  render();
}
