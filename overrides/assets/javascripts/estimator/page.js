// The estimator page's glue on the main thread: collect the form into the engine's request dict, post
// it to the Pyodide worker, and put the returned view's strings into the page (textContent only).
// No figure is computed here. Loaded on every page through extra_javascript (a few KB); it does
// nothing unless the page holds #estimator. One worker per tab, kept across instant navigation.

const STORAGE_KEY = "estimator:input:v1";
const PROFILE_TEXT = ["name", "industry", "business", "website", "contact_tool", "desired_start", "irregulars", "notes"];
const PROFILE_FLAGS = ["weekend_work", "volume_fluctuates"];
const TASK_FIELDS = ["selected", "quantity", "period", "priority"]; // each task's fields: tasks.<id>.<field>
const STAGES = {
  download: "計算の準備中：プログラムを読み込んでいます。入力はそのまま続けられます。",
  start: "計算の準備中：Python を起動しています。入力はそのまま続けられます。",
  estimator: "計算の準備中：見積もりのプログラムを読み込んでいます。",
};
const READY_TEXT = "計算の準備ができました。入力に合わせて結果が変わります。";
const WATCHDOG_MS = 45000;

// ---- the worker, shared by every visit of the page in this tab ------------------------------------
const engine = { worker: null, state: "idle", boot: "", stage: "", message: "", seq: 0, waiting: new Map() };
let current = null; // the controller of the estimator on screen, if any

function startWorker(root) {
  if (engine.worker || engine.state === "failed") return;
  engine.state = "loading";
  const fail = (message) => {
    engine.state = "failed";
    engine.message = message;
    current?.onEngine();
  };
  // On a full load, an inline script in <head> has started the worker (partials/estimator/boot.html),
  // buffering its first messages; adopt it. After instant navigation, start it here.
  const early = window.__estimatorBoot;
  let worker = early && early.worker;
  if (!worker) {
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      fail("WebAssembly or Worker unavailable");
      return;
    }
    try {
      worker = new Worker(workerURL(root), { type: "module" });
    } catch (error) {
      fail(String(error));
      return;
    }
  }
  engine.worker = worker;
  const watchdog = setTimeout(() => engine.state === "loading" && fail("timeout"), WATCHDOG_MS);
  const onError = (event) => {
    event.preventDefault?.();
    clearTimeout(watchdog);
    if (engine.state !== "ready") fail(event.message || "worker error");
  };
  const onMessage = ({ data }) => {
    if (data.type === "progress") {
      engine.stage = data.stage;
      current?.onEngine();
    } else if (data.type === "ready") {
      clearTimeout(watchdog);
      engine.state = "ready";
      engine.boot = data.boot;
      engine.snapshotError = data.snapshotError || "";
      // The worker's boot steps as marks on the page's timeline (read by bench/page.py).
      for (const [name, at] of Object.entries(data.marks || {})) {
        try {
          performance.mark(`estimator:${name}`, { startTime: at - performance.timeOrigin });
        } catch { /* a mark before this page's time origin (instant navigation): not needed */ }
      }
      current?.onEngine();
    } else if (data.type === "failed") {
      clearTimeout(watchdog);
      fail(data.message);
    } else if (data.id !== undefined) {
      const resolve = engine.waiting.get(data.id);
      engine.waiting.delete(data.id);
      resolve?.(data);
    }
  };
  if (early) {
    worker.onmessage = null;
    worker.onerror = null;
    for (const event of early.queue.splice(0)) (event.type === "error" ? onError : onMessage)(event);
    window.__estimatorBoot = { worker, queue: [], adopted: true };
  }
  worker.addEventListener("error", onError);
  worker.addEventListener("message", onMessage);
}

// The worker reads its settings from its URL's fragment (see worker.js); the same as the head script
// (partials/estimator/boot.html), from the same JSON.
function workerURL(root) {
  const abs = (url) => new URL(url, location.href).href;
  const s = JSON.parse(root.dataset.workerSettings);
  const settings = { pyodide: abs(s.pyodide), wheels: s.wheels.map(abs), snapshot: s.snapshot ? abs(s.snapshot) : "" };
  return `${abs(s.worker)}#${encodeURIComponent(JSON.stringify(settings))}`;
}

function ask(message) {
  const id = ++engine.seq;
  return new Promise((resolve) => {
    engine.waiting.set(id, resolve);
    engine.worker.postMessage({ ...message, id });
  });
}

// ---- small DOM helpers: text is always text -------------------------------------------------------
function h(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function localDate() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function shareState() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ""));
  return params.get("s");
}

// ---- the page ---------------------------------------------------------------------------------------
class Estimator {
  constructor(root) {
    this.root = root;
    this.form = root.querySelector("[data-est=form]"); // several small <form>s (see form.html)
    this.named = new Map(); // field name -> its element (the first radio of a group)
    for (const field of this.form.querySelectorAll("[name]")) if (!this.named.has(field.name)) this.named.set(field.name, field);
    this.base = new URL(root.dataset.base || "./", location.href);
    this.slot = (name) => root.querySelector(`[data-est="${name}"]`);
    this.response = null;
    this.shown = {}; // result section name -> the JSON of the view part on screen
    this.inFlight = false;
    this.dirty = true; // an estimate is wanted (the first one recomputes with the browser's date)
    this.dirtySince = null;
    this.firstDone = false;
    this.restoring = shareState();
    if (!this.restoring) this.applyInput(this.loadSaved());
    // "input" fires for every control (text, checkbox, radio, select, date); "change" would double it.
    this.form.addEventListener("input", () => this.onInput());
    this.form.addEventListener("submit", (e) => e.preventDefault());
    root.addEventListener("click", (e) => this.onClick(e));
  }

  // -- engine state
  onEngine() {
    const root = this.root;
    if (engine.state === "failed") {
      root.dataset.engine = "failed";
      this.slot("status").hidden = true;
      this.slot("fallback").hidden = false;
      if (this.restoring) {
        // A share link needs Python to be read; keep what this browser had instead.
        this.restoring = null;
        this.applyInput(this.loadSaved());
        this.showNotices(["共有リンクは、計算の準備ができないため読み込めませんでした。"]);
      }
      return;
    }
    if (engine.state === "ready") {
      root.dataset.engine = "ready";
      root.dataset.boot = engine.boot;
      if (engine.snapshotError) root.dataset.snapshotError = engine.snapshotError;
      this.slot("fallback").hidden = true;
      this.slot("status").hidden = false;
      this.slot("status-text").textContent = READY_TEXT;
      if (this.restoring) this.restore(this.restoring);
      else this.pump();
      return;
    }
    root.dataset.engine = "loading";
    if (engine.stage) this.slot("status-text").textContent = STAGES[engine.stage] || STAGES.download;
  }

  // -- input
  onInput() {
    this.dirtySince ??= performance.now();
    this.dirty = true;
    // Post the request first: saving then overlaps with Python's work in the worker.
    const sent = this.pump();
    this.save(sent || this.collect());
  }

  // The form is rendered at build time and never changes shape: find its fields once, not per keystroke.
  fields() {
    if (this.fieldIndex) return this.fieldIndex;
    const get = (name) => this.named.get(name);
    this.fieldIndex = {
      tasks: [...this.form.querySelectorAll("li[data-task]")].map((li) => {
        const d = li.dataset;
        const defaults = { selected: d.defaultSelected === "true", quantity: d.defaultQuantity, period: d.defaultPeriod, priority: d.defaultPriority };
        const task = { id: d.task, defaults };
        for (const key of TASK_FIELDS) task[key] = get(`tasks.${d.task}.${key}`);
        return task;
      }),
      budget: get("budget_yen"),
      text: Object.fromEntries(PROFILE_TEXT.map((name) => [name, get(`profile.${name}`)])),
      flags: Object.fromEntries(PROFILE_FLAGS.map((name) => [name, get(`profile.${name}`)])),
      videoCall: [...this.form.querySelectorAll("input[name='profile.video_call']")],
    };
    return this.fieldIndex;
  }

  collect() {
    const x = this.fields();
    const tasks = x.tasks.map((t) => ({
      id: t.id, selected: t.selected.checked, quantity: t.quantity.value, period: t.period.value, priority: t.priority.value,
    }));
    const profile = {};
    for (const [name, field] of Object.entries(x.text)) profile[name] = field.value;
    for (const [name, field] of Object.entries(x.flags)) profile[name] = field.checked;
    profile.video_call = x.videoCall.find((radio) => radio.checked)?.value || "either";
    return { tasks, budget_yen: x.budget.value, profile };
  }

  applyInput(input) {
    if (!input || typeof input !== "object") return;
    this.reset();
    const set = (name, value) => {
      const field = this.named.get(name);
      if (!field || value === undefined || value === null) return;
      if (field.type === "checkbox") field.checked = value === true;
      else if (typeof value === "string" || typeof value === "number") field.value = String(value);
      if (field.tagName === "SELECT" && field.selectedIndex < 0) field.selectedIndex = 0;
    };
    for (const task of Array.isArray(input.tasks) ? input.tasks : []) {
      if (!task || typeof task.id !== "string" || !this.named.has(`tasks.${task.id}.selected`)) continue;
      set(`tasks.${task.id}.selected`, task.selected === undefined ? true : task.selected);
      for (const key of ["quantity", "period", "priority"]) set(`tasks.${task.id}.${key}`, task[key]);
    }
    set("budget_yen", input.budget_yen);
    const profile = input.profile && typeof input.profile === "object" ? input.profile : {};
    for (const key of [...PROFILE_TEXT, ...PROFILE_FLAGS]) set(`profile.${key}`, profile[key]);
    for (const radio of this.fields().videoCall) {
      if (radio.value === profile.video_call) radio.checked = true;
    }
  }

  reset() {
    for (const form of this.form.querySelectorAll("form")) form.reset();
  }

  loadSaved() {
    try {
      return JSON.parse(localStorage.getItem(STORAGE_KEY) || "null");
    } catch {
      return null;
    }
  }

  save(input = this.collect()) {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(input));
    } catch {
      /* private mode or full storage: the page still works, it just won't remember */
    }
  }

  // -- talking to Python: at most one request in flight, the latest input wins
  // Returns the input it sent (or nothing when it sent nothing); the answer is handled in settle().
  pump() {
    if (engine.state !== "ready" || this.restoring || this.inFlight || !this.dirty) return null;
    this.dirty = false;
    const since = this.dirtySince;
    this.dirtySince = null;
    this.inFlight = true;
    const input = this.collect();
    // Tasks still as the catalog sets them need not be sent: Python starts from the same defaults (the
    // form is rendered from them), and reading all 45 was over a third of an estimate's time.
    const defaults = this.fields().tasks;
    const tasks = input.tasks.filter((t, i) => TASK_FIELDS.some((key) => t[key] !== defaults[i].defaults[key]));
    const answer = ask({ type: "estimate", request: JSON.stringify({ today: localDate(), ...input, tasks }) });
    const sent = performance.now();
    answer.then((data) => this.settle(data, since, sent));
    return input;
  }

  settle(answer, since, sent) {
    this.inFlight = false;
    if (current !== this) return;
    if (answer.type === "result") {
      const received = performance.now();
      this.render(JSON.parse(answer.response));
      const end = performance.now();
      if (!this.firstDone) {
        this.firstDone = true;
        performance.measure("estimator:first-estimate", { start: 0, end });
      }
      // The parts of an update, for bench/page.py: before the request left, Python, and drawing.
      const detail = { python: answer.ms, send: since === null ? 0 : sent - since, render: end - received };
      if (since !== null) performance.measure("estimator:update", { start: since, end, detail });
    }
    this.pump();
  }

  async restore(state) {
    this.restoring = null;
    const answer = await ask({ type: "restore", state });
    let notices = [];
    if (answer.type === "restored") {
      const restored = JSON.parse(answer.response);
      notices = restored.notices || [];
      if (restored.input) {
        this.applyInput(restored.input);
        this.save();
      }
    } else {
      notices = ["共有リンクを読み込めませんでした。"];
    }
    // The link has done its job: a reload now keeps what the user changes afterwards.
    history.replaceState(history.state, "", location.pathname + location.search);
    this.showNotices(notices.length ? notices : ["共有リンクの内容を読み込みました。"]);
    this.dirty = true;
    this.pump();
  }

  showNotices(notices) {
    const box = this.slot("notices");
    box.replaceChildren(...notices.map((text) => h("p", {}, text)));
    box.hidden = notices.length === 0;
  }

  // -- rendering the view (strings from Python, placed as text)
  link(path, text) {
    if (typeof path !== "string" || !/^[\w\-./#]+$/.test(path) || path.includes("//")) return text;
    return h("a", { href: new URL(path, this.base).href }, text);
  }

  render(response) {
    this.response = response;
    const v = response.view;
    const root = this.root;
    root.dataset.source = "python";
    this.slot("default-note").hidden = true;
    const summary = v.summary;
    const summaryNode = this.slot("summary");
    if (summaryNode.textContent !== summary) summaryNode.textContent = summary;
    this.section("hours", v.has_tasks && v.hours, () => this.hoursView(v));
    this.section("costs", v.costs, () => this.costsView(v.costs));
    this.section("budget", v.budget, () => this.budgetView(v.budget));
    this.section("advice", v.advice, () => this.adviceView(v.advice));
    this.section("warnings", v.warnings, () => this.warningsView(v.warnings));
    this.section("start", v.start, () => this.startView(v.start));
    this.section("subsidy", v.subsidy, () => this.subsidyView(v.subsidy));
    this.slot("subject").textContent = v.message.subject;
    this.slot("message").textContent = v.message.body;
    const mailto = root.querySelector("[data-action=mailto]");
    mailto.setAttribute("href", v.message.mailto);
    if (mailto.textContent !== v.message.mailto_label) mailto.textContent = v.message.mailto_label;
    const errors = response.errors || [];
    const errorsKey = JSON.stringify(errors);
    if (this.shown.errors !== errorsKey) {
      this.shown.errors = errorsKey;
      this.showErrors(errors);
    }
  }

  // Rebuild a result section only when its part of the view changed: most inputs change one or two,
  // and leaving the rest alone keeps each update's DOM and layout work small.
  section(name, part, build) {
    const key = JSON.stringify(part ?? null);
    if (this.shown[name] === key) return;
    this.shown[name] = key;
    this.slot(name).replaceChildren(...build());
  }

  hoursView(v) {
    if (!v.has_tasks) return [h("p", {}, "業務を選ぶと、ここに毎月の作業時間が出ます。")];
    const x = v.hours;
    const note = (l) => (l.reserved ? "（時間に含めません）" : l.one_off ? "（初回のみ）" : "");
    return [
      h("p", { class: "est-big" }, "毎月 約", h("strong", {}, x.monthly_typical)),
      h("p", {}, `幅：${x.monthly_range}（作業 ${x.work}＋やりとりや修正 ${x.buffer}＝${x.buffer_percent}%）`),
      x.setup_note ? h("p", {}, x.setup_note) : null,
      h("table", { class: "est-table" },
        h("caption", {}, "業務ごとの内訳"),
        h("thead", {}, h("tr", {}, ["業務", "量", "目安", "幅"].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, x.lines.map((l) => h("tr", { "data-task": l.task_id },
          h("th", { scope: "row" }, l.name), h("td", {}, l.volume), h("td", {}, l.typical + note(l)), h("td", {}, l.range))))),
    ].filter(Boolean);
  }

  costsView(c) {
    return [
      h("p", {}, "いちばん安い払い方：", h("strong", {}, c.best_name), ` 月${c.best_gross}（税込）／${c.best_net}（税抜）`),
      h("table", { class: "est-table" },
        h("caption", {}, "払い方ごとの月額"),
        h("thead", {}, h("tr", {}, ["払い方", "税抜", "税込"].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, c.options.map((o) => h("tr", { class: o.best ? "is-best" : null },
          h("th", { scope: "row" }, o.name, o.best ? h("span", { class: "est-best" }, "いちばん安い") : null,
            h("span", { class: "est-detail" }, o.detail)),
          h("td", {}, o.net), h("td", {}, o.gross))))),
      h("p", {}, `最初の月：${c.first_month.gross}（税込）。${c.first_month.detail}`),
      h("p", {}, c.setup_fee),
      h("p", { class: "est-note" }, c.tax_note),
      c.sample_note ? h("p", { class: "est-note" }, c.sample_note) : null,
    ].filter(Boolean);
  }

  budgetView(b) {
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

  adviceView(a) {
    if (!a) return [h("p", {}, "業務を選ぶと、合いそうなサービスの種類を理由つきでご案内します。")];
    return [
      h("p", {}, h("strong", {}, a.name), `：${a.summary}`),
      h("ul", {}, a.reasons.map((r) => h("li", {}, r))),
      a.shares.length ? h("p", {}, `業務時間の内訳：${a.shares.join("、")}`) : null,
      h("p", {}, this.link(a.guide, "サービスの種類と選び方を読む")),
    ].filter(Boolean);
  }

  warningsView(warnings) {
    if (!warnings.length) return [h("p", {}, "選んだ業務に、士業の独占業務はありません。")];
    return warnings.map((w) => h("div", { class: "est-warning", "data-task": w.task_id },
      h("p", { class: "est-warning__title" }, h("strong", {}, w.title)),
      h("p", {}, w.note),
      h("dl", {},
        h("dt", {}, "根拠"), h("dd", {}, `${w.law}（${w.condition}）`),
        h("dt", {}, "アシスタントに頼めること"), h("dd", {}, w.assistant_can),
        h("dt", {}, "相談先"), h("dd", {}, w.ask_instead)),
      h("p", {}, this.link(w.guide, `「${w.task_name}」が頼めない理由を読む`))));
  }

  startView(s) {
    return [
      h("p", {}, "開始の目安：", h("strong", {}, s.start), `（${s.route}、お問い合わせから${s.business_days}営業日）`),
      s.note ? h("p", { class: "est-over" }, s.note) : null,
      h("ol", { class: "est-steps" }, s.steps.map((st) => h("li", {}, `${st.date}：${st.name}（${st.who}・${st.days}）`))),
    ].filter(Boolean);
  }

  subsidyView(s) {
    const o = s.outcome;
    return [
      h("p", {}, h("strong", {}, s.name), `：${s.status_note}`),
      o ? h("p", {}, `対象になる業務：${o.tasks}（${o.hours}）。補助があった場合のお客さまの負担は${o.client_pays}（1時間${o.client_rate}）、補助がない場合は${o.without}でした。`)
        : h("p", {}, "選んだ業務には、この例で対象になる業務がありません。"),
    ];
  }

  showErrors(errors) {
    const byScope = new Map();
    for (const error of errors) {
      const parts = String(error.field).split(".");
      const scope = parts[0] === "tasks" && parts.length > 1 ? `tasks.${parts[1]}` : error.field;
      const target = document.getElementById(`err-${scope}`) ? scope : "general";
      if (!byScope.has(target)) byScope.set(target, []);
      byScope.get(target).push(error);
    }
    for (const box of this.root.querySelectorAll(".est-error")) {
      const scope = box.id.replace(/^err-/, "");
      const list = byScope.get(scope);
      const text = list ? list.map((e) => e.message).join(" ") : "";
      if (box.textContent !== text) box.textContent = text;
      box.hidden = !list;
    }
    for (const field of this.form.querySelectorAll("[aria-invalid]")) field.removeAttribute("aria-invalid");
    for (const error of errors) {
      this.named.get(error.field)?.setAttribute("aria-invalid", "true");
    }
  }

  // -- buttons
  messageText() {
    const m = this.response ? this.response.view.message : { subject: this.slot("subject").textContent, body: this.slot("message").textContent };
    return `件名：${m.subject}\n\n${m.body}\n`;
  }

  say(text) {
    const node = this.slot("action-status");
    node.textContent = "";
    requestAnimationFrame(() => (node.textContent = text));
  }

  async copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      const area = h("textarea", { class: "est-sr", "aria-hidden": "true" });
      area.value = text;
      document.body.append(area);
      area.select();
      const ok = document.execCommand("copy");
      area.remove();
      return ok;
    }
  }

  async onClick(event) {
    const button = event.target.closest("[data-action]");
    if (!button || !this.root.contains(button)) return;
    const action = button.dataset.action;
    if (action === "mailto") return; // a plain link
    event.preventDefault();
    if (action === "copy") {
      this.say((await this.copy(this.messageText())) ? "問い合わせ文をコピーしました。" : "コピーできませんでした。本文を選んでコピーしてください。");
    } else if (action === "download") {
      const url = URL.createObjectURL(new Blob([this.messageText()], { type: "text/plain;charset=utf-8" }));
      const a = h("a", { href: url, download: "お問い合わせ文.txt" });
      a.click(); // not attached to the document, so Material's instant navigation never sees it
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      this.say("問い合わせ文をテキストファイルで保存しました。");
    } else if (action === "share") {
      // The state of what the form holds now, asked for only here (not with every estimate).
      const answer = engine.state === "ready" ? await ask({ type: "state", request: JSON.stringify(this.collect()) }) : null;
      if (answer?.type !== "state") {
        this.say("共有リンクは、計算の準備ができてから作れます。");
        return;
      }
      const url = `${location.origin}${location.pathname}#s=${encodeURIComponent(answer.response)}`;
      const box = this.slot("share");
      this.slot("share-url").value = url;
      box.hidden = false;
      this.say((await this.copy(url)) ? "共有リンクをコピーしました。入力した内容はリンクの中だけにあり、サーバーには送られません。" : "下の共有リンクを選んでコピーしてください。");
    } else if (action === "print") {
      window.print();
    } else if (action === "print-checklist") {
      this.root.dataset.print = "checklist";
      window.print();
      setTimeout(() => delete this.root.dataset.print, 0);
    } else if (action === "clear") {
      try {
        localStorage.removeItem(STORAGE_KEY);
      } catch { /* nothing saved */ }
      this.reset();
      this.slot("share").hidden = true;
      this.showNotices([]);
      this.dirty = true;
      this.dirtySince = performance.now();
      this.pump();
      this.say("入力をクリアしました。");
    }
  }
}

function mount() {
  const root = document.getElementById("estimator");
  if (!root) {
    current = null;
    return;
  }
  if (current && current.root === root) return;
  current = new Estimator(root);
  startWorker(root);
  current.onEngine();
}

if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(mount);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
else mount();
