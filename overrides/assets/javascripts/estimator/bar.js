// The summary bar (partials/estimator/bar.html): the estimate in one line, kept on screen while the client
// scrolls the checklist, redrawn with every answer from the view's `bar` part (strings from Python).
//
// Screen readers hear the figures once the client pauses (`QUIET_MS` after the last answer), through a
// separate polite status, not on every keystroke. The bar is sticky under the header; it steps out of the
// way (back to its place in the page) while it would cover the field that has focus, e.g. after the
// client scrolled with the on-screen keyboard open.
//
// While Python is prepared, `progress` draws the download (bytes received out of the total, as a
// progressbar with its values) and then 「準備中」 while Python starts. Screen readers are told once that
// the preparation runs (`say`, through the same polite status), not at every step: a progressbar is not
// a live region.

import { setText } from "./dom.js";

const QUIET_MS = 1200;
const EDITABLE = "input:not([type=checkbox]):not([type=radio]), select, textarea";

export class SummaryBar {
  constructor(root) {
    this.root = root;
    this.bar = root.querySelector("[data-est=bar]");
    this.hours = root.querySelector("[data-est=bar-hours]");
    this.plan = root.querySelector("[data-est=bar-plan]");
    this.cost = root.querySelector("[data-est=bar-cost]");
    this.budget = root.querySelector("[data-est=bar-budget]");
    this.announcer = root.querySelector("[data-est=announce]");
    this.meter = root.querySelector("[data-est=progress]");
    this.meterFill = root.querySelector("[data-est=progress-fill]");
    this.meterLabel = root.querySelector("[data-est=progress-label]");
    this.timer = 0;
    this.pending = "";
    this.frame = 0;
    const check = () => {
      if (!this.frame) this.frame = requestAnimationFrame(() => ((this.frame = 0), this.keepClear()));
    };
    root.addEventListener("focusin", check);
    root.addEventListener("focusout", () => delete this.bar.dataset.away);
    this.listeners = [["scroll", check], ["resize", check]];
    for (const [type, fn] of this.listeners) {
      window.addEventListener(type, fn, { passive: true });
      window.visualViewport?.addEventListener(type, fn, { passive: true });
    }
  }

  detach() {
    for (const [type, fn] of this.listeners) {
      window.removeEventListener(type, fn);
      window.visualViewport?.removeEventListener(type, fn);
    }
    clearTimeout(this.timer);
  }

  draw(bar) {
    if (!bar) return;
    setText(this.hours, bar.hours);
    setText(this.plan, bar.plan);
    setText(this.cost, bar.cost);
    setText(this.budget, bar.budget);
    this.budget.hidden = !bar.budget;
    if (bar.within === null || bar.within === undefined) delete this.budget.dataset.within;
    else this.budget.dataset.within = String(bar.within);
  }

  // The preparation: {received, total} bytes while downloading, `starting` once the files are in;
  // null when Python is ready (or cannot be), which hides the indicator.
  progress(bytes, starting) {
    const meter = this.meter;
    if (!meter) return;
    if (!bytes) {
      if (!meter.hidden) meter.hidden = true;
      // The preparation is over (the status line says how): its sentence is not left in the live region.
      if (this.said && this.announcer.textContent === this.said) setText(this.announcer, "");
      this.said = "";
      return;
    }
    // Only what changed is written: each write of an attribute is style work on a page of 2,600 elements.
    const set = (name, value) => {
      if (value === null) meter.removeAttribute(name);
      else if (meter.getAttribute(name) !== value) meter.setAttribute(name, value);
    };
    if (meter.hidden) meter.hidden = false;
    if (starting) {
      set("aria-valuenow", null);
      set("aria-valuetext", "準備中");
      set("data-stage", "starting");
      this.fillTo("");
      setText(this.meterLabel, "計算の準備中");
      return;
    }
    const percent = bytes.total ? Math.min(100, Math.floor((100 * bytes.received) / bytes.total)) : 0;
    const mb = (n) => (n / 1e6).toFixed(1);
    const text = `読み込み中 ${mb(bytes.received)} / ${mb(bytes.total)} MB`;
    set("data-stage", null);
    set("aria-valuenow", String(percent));
    set("aria-valuetext", `${text}（${percent}%）`);
    this.fillTo(`${percent}%`);
    setText(this.meterLabel, text);
  }

  fillTo(width) {
    if (this.meterFill.style.width !== width) this.meterFill.style.width = width;
  }

  // Tell screen readers `sentence` once the client has paused; a newer sentence replaces a pending one.
  announce(sentence) {
    this.pending = sentence;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      setText(this.announcer, "");
      requestAnimationFrame(() => setText(this.announcer, this.pending));
    }, QUIET_MS);
  }

  // Tell screen readers `sentence` now (not a figure: nothing to wait for).
  say(sentence) {
    this.said = sentence;
    this.pending = sentence;
    clearTimeout(this.timer);
    this.timer = 0;
    setText(this.announcer, "");
    requestAnimationFrame(() => setText(this.announcer, sentence));
  }

  // The client is typing: hold back the announcement until the next pause.
  hold() {
    if (this.timer) this.announce(this.pending);
  }

  keepClear() {
    const field = document.activeElement;
    if (!field || !this.root.contains(field) || !field.matches(EDITABLE) || !this.bar.isConnected) {
      delete this.bar.dataset.away;
      return;
    }
    if (this.bar.dataset.away) return; // already out of the way until the field loses focus
    const f = field.getBoundingClientRect();
    const b = this.bar.getBoundingClientRect();
    if (f.top < b.bottom && f.bottom > b.top) this.bar.dataset.away = "true";
  }
}
