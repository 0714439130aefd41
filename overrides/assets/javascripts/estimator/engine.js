// Talking to the Pyodide worker (worker.js): starting it, asking it things, and never leaving it broken.
//
// One worker per tab, kept across Material's instant navigation. On a full load it is started once the
// page has loaded: Pyodide's start (compiling WebAssembly, inflating the snapshot) takes every core it can
// get, and started from <head> it slowed the page's own parsing and first layout two to three times on two
// cores (README "Started once the page has loaded"). The protocol is worker.js's:
// {type: "estimate" | "year" | "state" | "restore", id, ...} in,
// {type: "result" | "year" | "state" | "restored" | "error", id, ...} out.
//
// The worker never ends up broken: when it posts an error for a request, throws, dies or leaves a request
// unanswered for `limits.answerMs`, it is ended and started again (Python restores from the snapshot in a
// fraction of a second), every question still waiting gets {type: "restarted"}, and the listener (the page)
// re-sends its latest input once the new worker is ready. More than `limits.restarts` restarts within
// a minute means something is wrong beyond one bad input: the engine then fails, and the page offers the
// printable checklist and the contact details.

export const limits = { loadWaitMs: 5000, bootMs: 45000, answerMs: 10000, restarts: 3 };

export const engine = {
  worker: null,
  state: "idle", // idle | loading | ready | restarting | failed
  boot: "", // "snapshot" | "normal"
  stage: "", // the worker's progress while loading
  message: "", // why it failed
  snapshotError: "",
  restartedAt: [], // times of the recent restarts
  seq: 0,
  waiting: new Map(), // request id -> {resolve, timer}
  settings: null,
  listener: null, // called with no argument whenever the state changes
};

const notify = () => engine.listener?.();

function fail(message) {
  engine.state = "failed";
  engine.message = message;
  end();
  notify();
}

// The worker reads its settings from its URL's fragment (see worker.js), so it starts loading at once.
export function workerURL(settingsJSON, base = location.href) {
  const abs = (url) => new URL(url, base).href;
  const s = JSON.parse(settingsJSON);
  const settings = { pyodide: abs(s.pyodide), wheels: s.wheels.map(abs), snapshot: s.snapshot ? abs(s.snapshot) : "" };
  return `${abs(s.worker)}#${encodeURIComponent(JSON.stringify(settings))}`;
}

export function start(settingsJSON) {
  if (engine.worker || engine.state === "failed" || engine.state === "loading") return;
  engine.settings = settingsJSON;
  engine.state = "loading";
  if (document.readyState === "complete") {
    launch();
    return;
  }
  // After the load event's own work; and not later than `limits.loadWaitMs` should some file hold it up.
  let launched = false;
  const once = () => {
    if (launched) return;
    launched = true;
    launch();
  };
  window.addEventListener("load", () => setTimeout(once, 0), { once: true });
  setTimeout(once, limits.loadWaitMs);
}

function launch() {
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    fail("WebAssembly or Worker unavailable");
    return;
  }
  let worker;
  try {
    worker = new Worker(workerURL(engine.settings), { type: "module" });
  } catch (error) {
    fail(String(error));
    return;
  }
  watch(worker);
}

function watch(worker) {
  engine.worker = worker;
  if (engine.state !== "restarting") engine.state = "loading";
  const mine = () => engine.worker === worker; // messages of an ended worker are ignored
  const watchdog = setTimeout(() => mine() && engine.state !== "ready" && fail("timeout"), limits.bootMs);
  const onError = (event) => {
    event.preventDefault?.();
    if (!mine()) return;
    clearTimeout(watchdog);
    if (engine.state === "ready") restart(event.message || "worker error");
    else fail(event.message || "worker error");
  };
  const onMessage = ({ data }) => {
    if (!mine()) return;
    if (data.type === "progress") {
      engine.stage = data.stage;
      notify();
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
      notify();
    } else if (data.type === "failed") {
      clearTimeout(watchdog);
      fail(data.message);
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
    fail(`restarted too often: ${reason}`);
    return;
  }
  engine.restartedAt.push(now);
  engine.message = String(reason);
  engine.state = "restarting";
  end();
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
