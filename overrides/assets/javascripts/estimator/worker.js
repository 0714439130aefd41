// The estimator's Web Worker (a module worker): loads the self-hosted Pyodide, then answers small JSON
// messages with the Python engine's answers. No estimation logic here: it only passes text through.
//
// Boot: if the page gives a snapshot URL, fetch it, inflate it with DecompressionStream and restore it
// with loadPyodide({_loadSnapshot}) (a private API of the pinned Pyodide: the estimator is already
// imported inside). On any failure, boot normally and load the two wheels with loadPackage(url).
//
// In:  {type: "init", pyodide, wheels: [url], snapshot: url | ""}
//      {type: "estimate", id, request: JSON text}   {type: "restore", id, state}
// Out: {type: "progress", stage: "download" | "start" | "estimator"}
//      {type: "ready", boot: "snapshot" | "normal", ms, snapshotError?}   {type: "failed", message}
//      {type: "result", id, response: JSON text}   {type: "restored", id, response: JSON text}

let api = null;
let booting = null;

self.onmessage = async (event) => {
  const msg = event.data || {};
  if (msg.type === "init") {
    booting ??= boot(msg);
    return;
  }
  if (!booting) return;
  const ready = await booting;
  if (!ready) return;
  try {
    if (msg.type === "estimate") {
      const started = performance.now();
      const response = api.estimate(String(msg.request));
      self.postMessage({ type: "result", id: msg.id, response, ms: performance.now() - started });
    } else if (msg.type === "restore") {
      self.postMessage({ type: "restored", id: msg.id, response: api.restore(String(msg.state)) });
    }
  } catch (error) {
    self.postMessage({ type: "error", id: msg.id, message: String(error && error.message || error) });
  }
};

const progress = (stage) => self.postMessage({ type: "progress", stage });

async function fetchSnapshot(url) {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`snapshot: HTTP ${response.status}`);
  const inflated = response.body.pipeThrough(new DecompressionStream("gzip"));
  const bytes = new Uint8Array(await new Response(inflated).arrayBuffer());
  mark("snapshot-inflated");
  return bytes;
}

function bind(pyodide) {
  // Everything alive now (stdlib, the estimator, its cached data) is long-lived: keep it out of the
  // cyclic garbage collector's work, which otherwise shows up as pauses while the user types.
  pyodide.runPython("import gc; gc.collect(); gc.freeze()");
  const browser = pyodide.pyimport("estimator.browser");
  const estimateJson = browser.estimate_json;
  const restoreJson = browser.restore_json;
  api = { estimate: (text) => estimateJson(text), restore: (text) => restoreJson(text) };
}

// Absolute times (ms since the epoch) of the boot's steps, for the page's performance measures.
const marks = {};
const mark = (name) => (marks[name] = performance.timeOrigin + performance.now());

async function boot({ pyodide: indexURL, wheels, snapshot }) {
  const started = performance.now();
  mark("worker-start");
  try {
    progress("download");
    const snapshotBytes = snapshot && typeof DecompressionStream === "function" ? fetchSnapshot(snapshot) : null;
    snapshotBytes?.catch(() => {}); // handled below; avoid an unhandled rejection while the runtime loads
    const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
    mark("loader-imported");
    let snapshotError = "";
    if (snapshotBytes) {
      try {
        progress("start");
        // The promise itself: Pyodide fetches and compiles the runtime while the snapshot inflates.
        const pyodide = await loadPyodide({ indexURL, _loadSnapshot: snapshotBytes });
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
    bind(pyodide);
    mark("estimator-imported");
    self.postMessage({ type: "ready", boot: "normal", ms: performance.now() - started, snapshotError, marks });
    return true;
  } catch (error) {
    self.postMessage({ type: "failed", message: String(error && error.message || error) });
    return false;
  }
}
