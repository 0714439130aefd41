// Talking to the Pyodide worker (worker.js): starting it, following its download, asking it things, and
// never leaving it broken.
//
// One worker per tab, kept across Material's instant navigation. It is created once the page has loaded
// and downloads at once (network, little CPU), but starts Python (compiling WebAssembly, starting the
// interpreter, importing the estimator: both cores of a phone for a moment) only once the page's own work
// after loading has settled (two idle moments in a row with nothing queued), at the client's first touch
// of the form, or `limits.settleMaxMs` after load, whichever comes first: started at load, Python slowed
// the page's own scripts two to three times (README, "The estimator page"). The protocol is worker.js's.
//
// The watchdog judges progress, not time: a download that keeps arriving is never cut off; a download
// with no bytes for `limits.stallMs`, a start that has not finished `limits.startMs` after the files
// arrived, or a worker that reports a failure ends it, and the page says why (`engine.failure`) and offers
// to try again (`retry`; the files that arrived are in the browser's cache).
//
// The worker never ends up broken: when it posts an error for a request, throws, dies or leaves a request
// unanswered for `limits.answerMs`, it is ended and started again, every question still waiting gets
// {type: "restarted"}, and the listener (the page) re-sends its latest input once the new worker is ready.
// More than `limits.restarts` restarts within a minute means something is wrong beyond one bad input: the
// engine then fails, and the page offers the task tables, the printable checklist and the contact details.

export const limits = {
  loadWaitMs: 5000, stallMs: 20000, startMs: 60000, answerMs: 10000, restarts: 3,
  settleMaxMs: 3000, // the longest wait after load for the page to settle before Python starts anyway
};

// When the worker downloads and when Python starts: "settled" (the rule kept: the download from load on,
// Python once the page has settled), or the other candidates measured (README; a settings field `start`
// selects one, for bench/first_visit.py and bench/site.py): "load" (both at load), "idle" (both once the
// page has settled), "interaction" (both at the first touch of the form or `limits.settleMaxMs` after load).
const RULES = new Set(["settled", "load", "idle", "interaction"]);

export const engine = {
  worker: null,
  state: "idle", // idle | downloading | starting | ready | restarting | failed
  progress: { received: 0, total: 0, done: false },
  failure: null, // {kind: "network" | "offline" | "stalled" | "start" | "unsupported" | "restarts", message}
  message: "", // why the worker was last restarted
  restartedAt: [], // times of the recent restarts
  seq: 0,
  waiting: new Map(), // request id -> {resolve, timer}
  settings: null,
  rule: "settled",
  allowed: false, // the page has said Python may start
  listener: null, // called with no argument whenever the state or the progress changes
};

const notify = () => engine.listener?.();

function fail(kind, message) {
  if (kind === "network" && typeof navigator === "object" && navigator.onLine === false) kind = "offline";
  engine.state = "failed";
  engine.failure = { kind, message: String(message) };
  end();
  notify();
}

// The worker reads its settings from its URL's fragment (see worker.js), so it starts loading at once.
export function workerURL(settingsJSON, base = location.href) {
  const abs = (url) => new URL(url, base).href;
  const s = JSON.parse(settingsJSON);
  const files = (s.files || []).map((url, i) => ({ url: abs(url), bytes: s.sizes[i], raw: s.raw[i] }));
  const settings = { pyodide: abs(s.pyodide), stdlib: s.stdlib ? abs(s.stdlib) : "", app: s.app ? abs(s.app) : "",
    lock: s.lock || {}, files };
  return `${abs(s.worker)}#${encodeURIComponent(JSON.stringify(settings))}`;
}

export function start(settingsJSON) {
  if (engine.worker || engine.state !== "idle") return;
  engine.settings = settingsJSON;
  try {
    const rule = JSON.parse(settingsJSON).start;
    if (RULES.has(rule)) engine.rule = rule;
  } catch { /* the default rule */ }
  engine.state = "downloading";
  afterLoad(() => {
    // The worker downloads from load on ("load", "settled"); Python starts at once ("load") or once the page
    // has settled; the other rules create the worker only then.
    if (engine.rule === "load" || engine.rule === "settled") launch();
    if (engine.rule === "load") allow();
    else whenSettled(allow);
  });
}

// After the load event's own work; and not later than `limits.loadWaitMs` should some file hold it up.
// At once after Material's instant navigation (the document is long loaded).
function afterLoad(then) {
  if (document.readyState === "complete") {
    then();
    return;
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    then();
  };
  window.addEventListener("load", () => setTimeout(once, 0), { once: true });
  setTimeout(once, limits.loadWaitMs);
}

// ---- when Python may start ------------------------------------------------------------------------------

const QUIET_IDLE_MS = 40; // an idle period this long means nothing is queued (Chromium gives at most 50)

// Python may start: the worker is created now if it was not yet, and told so.
function allow() {
  if (engine.allowed) return;
  engine.allowed = true;
  if (engine.worker) engine.worker.postMessage({ type: "start" });
  else if (engine.state === "downloading") launch();
}

// Calls `then` once two idle periods in a row had nothing queued (the page's own scripts: Material, the
// search, the copy-link buttons added while idle, the estimator's first drawing, have run), at the client's
// first touch of the form, or `limits.settleMaxMs` after load, whichever comes first ("interaction": the
// touch or that wait only).
function whenSettled(then) {
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    for (const type of TOUCH) document.removeEventListener(type, touched, true);
    then();
  };
  const touched = (event) => event.target?.closest?.("#estimator") && once();
  const TOUCH = ["pointerdown", "keydown", "input"];
  for (const type of TOUCH) document.addEventListener(type, touched, true);
  setTimeout(once, limits.settleMaxMs);
  if (engine.rule === "interaction") return;
  if (typeof requestIdleCallback !== "function") {
    setTimeout(once, 500);
    return;
  }
  let quiet = 0;
  const check = (deadline) => {
    quiet = deadline.timeRemaining() >= QUIET_IDLE_MS ? quiet + 1 : 0;
    if (quiet >= 2) once();
    else if (!called) requestIdleCallback(check);
  };
  requestIdleCallback(check);
}

// ---- the worker ----------------------------------------------------------------------------------------------

function launch() {
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    fail("unsupported", "WebAssembly or Worker unavailable");
    return;
  }
  let worker;
  try {
    worker = new Worker(workerURL(engine.settings), { type: "module" });
  } catch (error) {
    fail("start", error);
    return;
  }
  watch(worker);
  if (engine.allowed) worker.postMessage({ type: "start" });
}

function watch(worker) {
  engine.worker = worker;
  if (engine.state !== "restarting") engine.state = "downloading";
  engine.progress = { received: 0, total: 0, done: false };
  const mine = () => engine.worker === worker; // messages of an ended worker are ignored
  let timer = 0;
  // No bytes for `stallMs` while downloading; or no answer `startMs` after the start began.
  const watchdog = (ms, kind) => {
    clearTimeout(timer);
    timer = setTimeout(() => mine() && engine.state !== "ready" && fail(kind, `no progress for ${ms} ms`), ms);
  };
  watchdog(limits.stallMs, "stalled");
  const onError = (event) => {
    event.preventDefault?.();
    if (!mine()) return;
    clearTimeout(timer);
    if (engine.state === "ready") restart(event.message || "worker error");
    else fail(engine.progress.done ? "start" : "network", event.message || "worker error");
  };
  const onMessage = ({ data }) => {
    if (!mine()) return;
    if (data.type === "download") {
      engine.progress = { received: data.received, total: data.total, done: false };
      watchdog(limits.stallMs, "stalled");
      notify();
    } else if (data.type === "downloaded") {
      engine.progress = { ...engine.progress, received: engine.progress.total, done: true };
      clearTimeout(timer); // waiting for the page to allow the start is not a stall
      notify();
    } else if (data.type === "starting") {
      if (engine.state !== "restarting") engine.state = "starting";
      watchdog(limits.startMs, "start");
      notify();
    } else if (data.type === "ready") {
      clearTimeout(timer);
      engine.state = "ready";
      // The worker's steps as marks on the page's timeline (read by bench/page.py and bench/first_visit.py).
      for (const [name, at] of Object.entries(data.marks || {})) {
        try {
          performance.mark(`estimator:${name}`, { startTime: at - performance.timeOrigin });
        } catch { /* a mark before this page's time origin (instant navigation): not needed */ }
      }
      notify();
    } else if (data.type === "failed") {
      clearTimeout(timer);
      fail(data.kind, data.message);
    } else if (data.id !== undefined) {
      const waiting = engine.waiting.get(data.id);
      engine.waiting.delete(data.id);
      if (waiting) {
        clearTimeout(waiting.timer);
        waiting.resolve(data);
      }
      // Python raised: its interpreter may be left in a bad state (a stack overflow in Pyodide is fatal).
      if (data.type === "error") restart(data.message || "error");
    }
  };
  worker.addEventListener("error", onError);
  worker.addEventListener("message", onMessage);
}

// End the current worker; every question still waiting is answered {type: "restarted"}.
function end() {
  const worker = engine.worker;
  engine.worker = null;
  try {
    worker?.terminate();
  } catch { /* already gone */ }
  for (const { resolve, timer } of engine.waiting.values()) {
    clearTimeout(timer);
    resolve({ type: "restarted" });
  }
  engine.waiting.clear();
}

export function restart(reason) {
  if (engine.state === "failed" || engine.state === "restarting") return;
  const now = performance.now();
  engine.restartedAt = engine.restartedAt.filter((at) => now - at < 60000);
  if (engine.restartedAt.length >= limits.restarts) {
    fail("restarts", `restarted too often: ${reason}`);
    return;
  }
  engine.restartedAt.push(now);
  engine.message = String(reason);
  engine.state = "restarting";
  end();
  notify();
  engine.allowed = true;
  launch();
}

// After a failure, at the client's request: a new worker, which finds the files that arrived in the cache.
export function retry() {
  if (engine.state !== "failed") return;
  engine.failure = null;
  engine.restartedAt = [];
  engine.state = "downloading";
  engine.allowed = true; // the client asked: no waiting
  notify();
  launch();
}

// Ask the worker; resolves with its answer, or with {type: "restarted"} when the worker had to be started
// again first (the caller sends its latest input again once the engine is ready).
export function ask(message) {
  if (!engine.worker || engine.state !== "ready") return Promise.resolve({ type: "restarted" });
  const id = ++engine.seq;
  return new Promise((resolve) => {
    const timer = setTimeout(() => engine.waiting.has(id) && restart("no answer"), limits.answerMs);
    engine.waiting.set(id, { resolve, timer });
    engine.worker.postMessage({ ...message, id });
  });
}
