// The estimator's Web Worker (a module worker): loads the self-hosted Pyodide, then answers small JSON
// messages with the Python engine's answers. No estimation logic here: it only passes text through.
//
// Boot: if the page gives a snapshot URL, fetch it, inflate it with DecompressionStream, put back the
// zero runs left out of it (snapshot.mjs) and restore it with loadPyodide({_loadSnapshot}) (a private
// API of the pinned Pyodide: the estimator is already imported inside). On any failure, boot normally
// and load the two wheels with loadPackage(url). (What was tried to make this faster and dropped is in
// README.md, "The estimator page".)
//
// Settings: the worker URL's fragment holds JSON {pyodide: url, wheels: [url], snapshot: url | ""}, so
// the boot starts as soon as this module runs instead of waiting for a first message. (A fragment is
// not part of the HTTP cache key: the worker script stays cached.)
// In:  {type: "estimate", id, request: JSON text}   {type: "state", id, request: JSON text}
//      {type: "restore", id, state}   {type: "year", id, request: JSON text} (the twelve months and hiring)
// Out: {type: "progress", stage: "download" | "start" | "estimator"}
//      {type: "ready", boot: "snapshot" | "normal", ms, snapshotError?}
//      {type: "failed", message}
//      {type: "result", id, response: JSON text, ms}   {type: "state", id, response: state text}
//      {type: "restored", id, response: JSON text}   {type: "year", id, response: JSON text, ms}

let api = null;
let booting = null; // set at the end of this module, once everything it uses is defined

function readSettings() {
  try {
    return JSON.parse(decodeURIComponent(self.location.hash.slice(1)));
  } catch {
    return null;
  }
}

self.onmessage = async (event) => {
  const msg = event.data || {};
  const ready = await booting;
  if (!ready) return;
  try {
    if (msg.type === "estimate") {
      const started = performance.now();
      const response = api.estimate(String(msg.request));
      self.postMessage({ type: "result", id: msg.id, response, ms: performance.now() - started });
      if (warmUpUntil === 0) warmUp((warmUpUntil = performance.now() + WARM_UP_MS));
    } else if (msg.type === "year") {
      const started = performance.now();
      const response = api.year(String(msg.request));
      self.postMessage({ type: "year", id: msg.id, response, ms: performance.now() - started });
    } else if (msg.type === "state") {
      self.postMessage({ type: "state", id: msg.id, response: api.state(String(msg.request)) });
    } else if (msg.type === "restore") {
      self.postMessage({ type: "restored", id: msg.id, response: api.restore(String(msg.state)) });
    }
  } catch (error) {
    self.postMessage({ type: "error", id: msg.id, message: String(error && error.message || error) });
  }
};

// Warm-up. V8 runs Pyodide's WebAssembly with its baseline compiler first and optimises a function only
// after it has run for a while, so the first estimates take several times longer than later ones (under
// Node: 20 ms each for the first 50, then 3.5 ms). After the page's first answer, the worker keeps
// estimating a sample request in the background for a moment, one estimate per task so that the page's
// own messages are answered in between: the user's first changes are then as quick as later ones.
const WARM_UP_REQUEST = JSON.stringify({ budget_yen: "20000" }); // a small budget: the proposal path too
const WARM_UP_MS = 2000;
let warmUpUntil = 0;

function warmUp(until) {
  if (performance.now() >= until) return;
  setTimeout(() => {
    api.estimate(WARM_UP_REQUEST);
    warmUp(until);
  }, 0);
}

const progress = (stage) => self.postMessage({ type: "progress", stage });

async function fetchSnapshot(url) {
  const format = import("./snapshot.mjs"); // imported here: if it fails, Python boots the normal way
  format.catch(() => {}); // handled where it is awaited; no unhandled rejection if the fetch fails first
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`snapshot: HTTP ${response.status}`);
  const inflated = response.body.pipeThrough(new DecompressionStream("gzip"));
  const packed = new Uint8Array(await new Response(inflated).arrayBuffer());
  const image = (await format).unpackSnapshot(packed);
  mark("snapshot-inflated");
  return image;
}

// Everything alive after the boot (stdlib, the estimator, its cached data) is long-lived: keep it out of
// the cyclic garbage collector's work, which otherwise shows up as pauses while the user types.
// The snapshot was made after the same call (tools/make-snapshot.mjs), so only a normal boot needs it.
const FREEZE = "import gc; gc.collect(); gc.freeze()";

function bind(pyodide) {
  const browser = pyodide.pyimport("estimator.browser");
  const estimateJson = browser.estimate_json;
  const yearJson = browser.year_json;
  const restoreJson = browser.restore_json;
  const stateJson = browser.share_state_json;
  api = { estimate: (text) => estimateJson(text), year: (text) => yearJson(text), restore: (text) => restoreJson(text),
    state: (text) => stateJson(text) };
}

// Absolute times (ms since the epoch) of the boot's steps, for the page's performance measures.
const marks = {};
const mark = (name) => (marks[name] = performance.timeOrigin + performance.now());

async function boot(settings) {
  const started = performance.now();
  mark("worker-start");
  try {
    if (!settings || typeof settings.pyodide !== "string") throw new Error("no settings in the worker URL");
    const { pyodide: indexURL, wheels = [], snapshot = "" } = settings;
    progress("download");
    const pending = snapshot && typeof DecompressionStream === "function" ? fetchSnapshot(snapshot) : null;
    pending?.catch(() => {}); // handled below; avoid an unhandled rejection while the runtime loads
    const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
    mark("loader-imported");
    let snapshotError = "";
    if (pending) {
      try {
        progress("start");
        // The promise itself: Pyodide fetches and compiles the runtime while the snapshot arrives.
        const pyodide = await loadPyodide({ indexURL, _loadSnapshot: pending });
        mark("python-started");
        bind(pyodide);
        mark("estimator-imported");
        self.postMessage({ type: "ready", boot: "snapshot", ms: performance.now() - started, marks });
        return true;
      } catch (error) {
        snapshotError = String(error && error.message || error);
      }
    }
    progress("start");
    const pyodide = await loadPyodide({ indexURL });
    mark("python-started");
    progress("estimator");
    await pyodide.loadPackage(wheels, { messageCallback: () => {}, errorCallback: () => {} });
    pyodide.runPython(FREEZE);
    bind(pyodide);
    mark("estimator-imported");
    self.postMessage({ type: "ready", boot: "normal", ms: performance.now() - started, snapshotError, marks });
    return true;
  } catch (error) {
    self.postMessage({ type: "failed", message: String(error && error.message || error) });
    return false;
  }
}

booting = boot(readSettings());
