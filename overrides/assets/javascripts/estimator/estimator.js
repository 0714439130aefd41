// The estimator page's controller: wires the form, the worker, the result, the summary bar, saving and
// sharing, and the starting sets. Imported by page.js only on a page holding #estimator.
// No figure is computed here or in the modules it uses: Python formats every figure, JS only places text.

import { h, setText } from "./dom.js";
import { ask, engine, retry, start } from "./engine.js";
import { Form } from "./form.js";
import { OWN, presetFromHash, presetInput, presetName, readPresets } from "./presets.js";
import { drawErrors, drawResult } from "./result.js";
import { SummaryBar } from "./bar.js";
import { clearHash, copy, download, forget, loadSaved, messageText, save, shareURL, stateFromHash } from "./saving.js";

// Said once to screen readers (the bar's polite status) when the preparation starts; the progress itself is
// the summary bar's progressbar, which screen readers read when they reach it, not at every step. The
// visible status line keeps the words it had at first paint, so that nothing below it moves.
const LOADING_TEXT = "計算の準備をしています。準備ができるまでの間も、入力はそのまま続けられます。";
// What happened, when Python could not be loaded or started: the network is never blamed on the browser.
const FAILURES = {
  offline: "インターネットに接続されていないため、計算のプログラムを読み込めませんでした。",
  network: "通信が途切れたため、計算のプログラムを読み込めませんでした。",
  stalled: "通信が止まったまま進まないため、計算のプログラムの読み込みを止めました。",
  start: "計算のプログラムは読み込めましたが、起動できませんでした。",
  unsupported: "このブラウザーでは、計算に使う WebAssembly か Web Worker が使えないため、計算を始められません。",
  restarts: "計算が何度も止まったため、計算を続けられませんでした。",
};
const NEXT_STEP = {
  offline: "接続してから「もう一度試す」を押してください。読み込めた分はブラウザーに残っているので、続きから読み込みます。",
  network: "電波の届きやすい場所で「もう一度試す」を押してください。読み込めた分はブラウザーに残っているので、続きから読み込みます。",
  stalled: "電波の届きやすい場所で「もう一度試す」を押してください。読み込めた分はブラウザーに残っているので、続きから読み込みます。",
  start: "「もう一度試す」を押すか、ページを読み込み直してください。",
  restarts: "「もう一度試す」を押すか、ページを読み込み直してください。",
};
const READY_TEXT = "計算の準備ができました。入力に合わせて結果が変わります。";
const RESTARTING_TEXT = "計算が止まったため、計算のプログラムを起動し直しています。入力はそのまま残っています。";
const RESTARTED_TEXT = "計算のプログラムを起動し直しました。入力に合わせて結果が変わります。";

let current = null; // the controller of the estimator on screen, if any

function localDate() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export class Estimator {
  constructor(root) {
    this.root = root;
    this.form = new Form(root.querySelector("[data-est=form]"));
    this.bar = new SummaryBar(root);
    this.presets = readPresets(root.querySelector("[data-est=presets]"));
    this.base = new URL(root.dataset.base || "./", location.href);
    const slots = new Map(); // found once: the page's markup never changes shape
    this.slot = (name) => {
      if (!slots.has(name)) slots.set(name, root.querySelector(`[data-est="${name}"]`));
      return slots.get(name);
    };
    this.response = null;
    this.shown = {}; // result section name -> the JSON of the view part on screen
    this.inFlight = false;
    this.yearInFlight = false; // the twelve months, asked for after the month is drawn (pumpYear)
    this.yearWanted = null;
    this.lastRequest = null;
    this.dirty = true; // an estimate is wanted (the first one recomputes with the browser's date)
    this.dirtySince = null;
    this.firstDone = false;
    this.userChanged = false; // announce figures only after the client changed something
    this.restarted = false;
    this.restoring = stateFromHash();
    // What the client typed while these modules were on their way is kept: it wins over the input saved
    // on an earlier visit, and is saved and estimated as if typed now.
    const typedEarly = this.form.changedOnScreen();
    if (!this.restoring) {
      if (!typedEarly) this.form.apply(loadSaved());
      const set = presetFromHash();
      if (set !== null) {
        clearHash();
        if (!this.choosePreset(set)) this.showNotices([`「${set.slice(0, 40)}」という始め方は見つかりませんでした。近い始め方を選ぶか、業務を自分で選んでください。`]);
      }
    }
    if (typedEarly) {
      this.userChanged = true;
      save(this.form.collect());
      this.form.showCounts();
    }
    // "input" fires for every control (text, checkbox, radio, select, date); "change" would double it.
    this.form.element.addEventListener("input", () => this.onInput());
    this.form.element.addEventListener("submit", (e) => e.preventDefault());
    root.addEventListener("click", (e) => this.onClick(e));
  }

  detach() {
    this.bar.detach();
  }

  // -- the engine's state, on the status line
  onEngine() {
    const root = this.root;
    const status = this.slot("status-text");
    if (engine.state === "failed") {
      root.dataset.engine = "failed";
      root.dataset.failure = engine.failure?.kind || "start";
      this.bar.progress(null);
      this.slot("status").hidden = true;
      this.showFailure(engine.failure?.kind);
      if (this.restoring) {
        // A share link needs Python to be read; keep what this browser had instead.
        this.restoring = null;
        this.form.apply(loadSaved());
        this.showNotices(["共有リンクは、計算の準備ができないため読み込めませんでした。"]);
      }
      return;
    }
    if (!this.slot("fallback").hidden) this.slot("fallback").hidden = true;
    if (root.dataset.failure) delete root.dataset.failure;
    if (engine.state === "restarting") {
      root.dataset.engine = "restarting";
      this.restarted = true;
      this.inFlight = false;
      this.dirty = true; // the latest input is sent again once the new worker is ready
      this.slot("status").hidden = false;
      setText(status, RESTARTING_TEXT);
      return;
    }
    if (engine.state === "ready") {
      root.dataset.engine = "ready";
      this.bar.progress(null);
      this.slot("status").hidden = false;
      setText(status, this.restarted ? RESTARTED_TEXT : READY_TEXT);
      if (this.restoring) this.restore(this.restoring);
      else this.pump();
      return;
    }
    // Downloading, then starting: the bar shows the progress; screen readers are told once. Written only
    // when changed (a progress message comes every 100 ms; data-engine is matched by the page's CSS).
    if (root.dataset.engine !== "loading") root.dataset.engine = "loading";
    if (this.slot("status").hidden) this.slot("status").hidden = false;
    if (!this.announcedLoading) {
      this.announcedLoading = true;
      this.bar.say(LOADING_TEXT);
    }
    this.bar.progress(engine.progress, engine.state === "starting" || engine.progress.done);
  }

  showFailure(kind) {
    setText(this.slot("fallback-reason"), FAILURES[kind] || FAILURES.start);
    setText(this.slot("fallback-next"), NEXT_STEP[kind] || "");
    this.slot("retry-row").hidden = !NEXT_STEP[kind];
    this.slot("fallback").hidden = false;
  }

  // -- input
  onInput() {
    this.dirtySince ??= performance.now();
    this.dirty = true;
    this.userChanged = true;
    this.bar.hold();
    // Post the request first: saving then overlaps with Python's work in the worker.
    const sent = this.pump();
    const input = sent || this.form.collect();
    save(input);
    this.form.showCounts();
  }

  choosePreset(id) {
    const input = presetInput(this.presets, id, this.form.tasks.map((t) => t.id));
    if (!input) return false;
    const { budget_yen, profile } = this.form.collect();
    this.form.apply({ ...input, budget_yen, profile });
    const chosen = input.tasks.filter((t) => t.selected !== false).length;
    setText(this.slot("preset-status"), id === OWN
      ? "チェックをすべて外しました。頼みたい業務を選んでください。"
      : `「${presetName(this.presets, id)}」の見本の業務${chosen}件にチェックを入れました。量は見本の値です。実際に近い数に変えてください。`);
    this.onInput();
    return true;
  }

  // -- talking to Python: at most one request in flight, the latest input wins.
  // Returns the input it sent (or nothing when it sent nothing); the answer is handled in settle().
  pump() {
    if (engine.state !== "ready" || this.restoring || this.inFlight || !this.dirty) return null;
    this.dirty = false;
    const since = this.dirtySince;
    this.dirtySince = null;
    this.inFlight = true;
    const input = this.form.collect();
    const request = JSON.stringify({ today: localDate(), ...this.form.request(input) });
    const answer = ask({ type: "estimate", request });
    const sent = performance.now();
    answer.then((data) => this.settle(data, since, sent, request));
    return input;
  }

  // The twelve months and the hiring comparison, asked for once the month is drawn and no newer input
  // waits: computing them with every keystroke would slow the answer the client is watching.
  pumpYear() {
    if (engine.state !== "ready" || this.yearInFlight || this.dirty || this.inFlight || !this.yearWanted) return;
    const request = this.yearWanted;
    this.yearWanted = null;
    this.yearInFlight = true;
    const started = performance.now();
    ask({ type: "year", request }).then((data) => {
      this.yearInFlight = false;
      if (current !== this) return;
      if (data.type === "year" && request === this.lastRequest) {
        drawResult(this.slot, JSON.parse(data.response), this.shown, this.base);
        performance.measure("estimator:year", { start: started, end: performance.now(), detail: { python: data.ms } });
      }
      this.pumpYear();
    });
  }

  settle(answer, since, sent, request) {
    this.inFlight = false;
    if (current !== this) return;
    if (answer.type === "result") {
      const received = performance.now();
      this.render(JSON.parse(answer.response));
      this.lastRequest = this.yearWanted = request;
      const end = performance.now();
      if (!this.firstDone) {
        this.firstDone = true;
        performance.measure("estimator:first-estimate", { start: 0, end });
      }
      // The parts of an update, for bench/page.py: before the request left, Python, and drawing.
      const detail = { python: answer.ms, send: since === null ? 0 : sent - since, render: end - received };
      if (since !== null) performance.measure("estimator:update", { start: since, end, detail });
    } else {
      this.dirty = true; // no answer (the worker is being restarted): send the latest input again when ready
    }
    this.pump();
    this.pumpYear();
  }

  async restore(state) {
    this.restoring = null;
    const answer = await ask({ type: "restore", state });
    if (answer.type === "restarted") {
      this.restoring = state; // read the link again once the new worker is ready
      return;
    }
    let notices = [];
    if (answer.type === "restored") {
      const restored = JSON.parse(answer.response);
      notices = restored.notices || [];
      if (restored.input) {
        this.form.apply(restored.input);
        save(this.form.collect());
      }
    } else {
      notices = ["共有リンクを読み込めませんでした。"];
    }
    clearHash();
    this.showNotices(notices.length ? notices : ["共有リンクの内容を読み込みました。"]);
    this.dirty = true;
    this.pump();
  }

  showNotices(notices) {
    const box = this.slot("notices");
    box.replaceChildren(...notices.map((text) => h("p", {}, text)));
    box.hidden = notices.length === 0;
  }

  // -- drawing the view (strings from Python, placed as text)
  render(response) {
    this.response = response;
    const v = response.view;
    this.root.dataset.source = "python";
    this.slot("default-note").hidden = true;
    drawResult(this.slot, v, this.shown, this.base);
    this.bar.draw(v.bar);
    if (this.userChanged && v.bar) this.bar.announce(v.bar.sentence);
    setText(this.slot("subject"), v.message.subject);
    setText(this.slot("message"), v.message.body);
    const mailto = this.root.querySelector("[data-action=mailto]");
    mailto.setAttribute("href", v.message.mailto);
    setText(mailto, v.message.mailto_label);
    const errors = response.errors || [];
    const errorsKey = JSON.stringify(errors);
    if (this.shown.errors !== errorsKey) {
      this.shown.errors = errorsKey;
      drawErrors(this.root, this.form, errors);
    }
  }

  // -- buttons and links
  message() {
    return this.response ? this.response.view.message : { subject: this.slot("subject").textContent, body: this.slot("message").textContent };
  }

  say(text) {
    const node = this.slot("action-status");
    node.textContent = "";
    requestAnimationFrame(() => (node.textContent = text));
  }

  async onClick(event) {
    const change = event.target.closest("[data-change]");
    if (change && this.root.contains(change)) {
      if (this.form.focusField(change.dataset.change)) event.preventDefault();
      return;
    }
    const preset = event.target.closest("[data-preset]");
    if (preset && this.root.contains(preset)) {
      event.preventDefault();
      this.choosePreset(preset.dataset.preset);
      return;
    }
    const button = event.target.closest("[data-action]");
    if (!button || !this.root.contains(button)) return;
    const action = button.dataset.action;
    if (action === "mailto") return; // a plain link
    event.preventDefault();
    if (action === "retry") {
      this.announcedLoading = false;
      retry();
      return;
    }
    if (action === "copy") {
      this.say((await copy(messageText(this.message()))) ? "問い合わせ文をコピーしました。" : "コピーできませんでした。本文を選んでコピーしてください。");
    } else if (action === "download") {
      download(messageText(this.message()), "お問い合わせ文.txt");
      this.say("問い合わせ文をテキストファイルで保存しました。");
    } else if (action === "share") {
      // The state of what the form holds now, asked for only here (not with every estimate).
      const answer = engine.state === "ready" ? await ask({ type: "state", request: JSON.stringify(this.form.collect()) }) : null;
      if (answer?.type !== "state") {
        this.say("共有リンクは、計算の準備ができてから作れます。");
        return;
      }
      const url = shareURL(answer.response);
      this.slot("share-url").value = url;
      this.slot("share").hidden = false;
      this.say((await copy(url)) ? "共有リンクをコピーしました。入力した内容はリンクの中だけにあり、サーバーには送られません。" : "下の共有リンクを選んでコピーしてください。");
    } else if (action === "print") {
      window.print();
    } else if (action === "print-checklist") {
      this.root.dataset.print = "checklist";
      window.print();
      setTimeout(() => delete this.root.dataset.print, 0);
    } else if (action === "clear") {
      forget();
      this.form.reset();
      this.slot("share").hidden = true;
      this.showNotices([]);
      setText(this.slot("preset-status"), "");
      this.dirty = true;
      this.dirtySince = performance.now();
      this.pump();
      this.say("入力をクリアしました。");
    }
  }
}

export function mount() {
  const root = document.getElementById("estimator");
  if (!root) {
    current?.detach();
    current = null;
    engine.listener = null;
    return;
  }
  if (current && current.root === root) return;
  current?.detach();
  current = new Estimator(root);
  engine.listener = () => current?.onEngine();
  start(root.dataset.workerSettings);
  current.onEngine();
}
