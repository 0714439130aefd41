// The estimator's Web Worker (a module worker): downloads the self-hosted Pyodide and the estimator, starts
// Python when the page says so, then answers small JSON messages with the Python engine's answers. No
// estimation logic here: it only passes text through.
//
// Download. As soon as it runs, the worker fetches everything Python needs: Pyodide's JavaScript
// (pyodide.asm.mjs) and its WebAssembly, then the trimmed standard library (python_stdlib.zip), then the
// estimator (estimator.zip; both made by tools/python-bundle.mjs), one after the other so that each can be
// used while the next arrives. Every chunk that arrives is counted and reported to the page, which shows
// the progress and judges a stalled download (engine.js). Pyodide's own fetch calls for the WebAssembly
// and the library are handed the responses already under way (a clone: the browser still caches the
// compiled WebAssembly for the next visit); no lock file is fetched (`lockFileContents` from the build).
//
// Start. Downloading takes no CPU worth speaking of; starting Python takes a core or two for a moment.
// The worker starts Python only once the page has sent {type: "start"} (engine.js sends it when the
// page's own work after loading has settled), with whatever has arrived: the WebAssembly compiles as it
// streams in, Python starts once the library is in, and the estimator is unpacked into site-packages,
// imported and kept out of the garbage collector's work once it is in.
//
// Settings: the worker URL's fragment holds JSON {pyodide: url, stdlib: url, app: url, lock: {…},
// files: [{url, bytes, raw}]} (bytes: what the file weighs on the wire; raw: decoded), so the download
// starts as soon as this module runs. (A fragment is not part of the HTTP cache key: the worker script
// stays cached.)
// In:  {type: "start"}   {type: "estimate", id, request: JSON text}   {type: "state", id, request: JSON text}
//      {type: "restore", id, state}   {type: "year", id, request: JSON text} (the twelve months and hiring)
// Out: {type: "download", received, total} (bytes on the wire, estimated from the decoded bytes)
//      {type: "downloaded"} (every file is in)   {type: "starting"} (every file is in and Python is starting)
//      {type: "ready", ms, marks}
//      {type: "failed", kind: "network" | "start", message}
//      {type: "result", id, response: JSON text, ms}   {type: "state", id, response: state text}
//      {type: "restored", id, response: JSON text}   {type: "year", id, response: JSON text, ms}

let api = null;
let booting = null; // set at the end of this module, once everything it uses is defined
let allowStart;
const startAllowed = new Promise((resolve) => (allowStart = resolve));

function readSettings() {
  try {
    return JSON.parse(decodeURIComponent(self.location.hash.slice(1)));
  } catch {
    return null;
  }
}

self.onmessage = async (event) => {
  const msg = event.data || {};
  if (msg.type === "start") {
    allowStart();
    return;
  }
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

// ---- download ------------------------------------------------------------------------------------------

class NetworkError extends Error {}

const PROGRESS_EVERY_MS = 100;

// Counts what arrives, as bytes on the wire: each file's decoded bytes scaled by its compression.
class Progress {
  constructor(files) {
    this.files = new Map(files.map((f) => [f.url, { ...f, got: 0 }]));
    this.total = files.reduce((sum, f) => sum + f.bytes, 0);
    this.sentAt = 0;
  }

  received() {
    let sum = 0;
    for (const f of this.files.values()) sum += Math.min(f.bytes, Math.round(f.got * (f.bytes / f.raw)));
    return sum;
  }

  // Counts `n` more decoded bytes of `url`; returns the share of it that has arrived.
  add(url, n) {
    const file = this.files.get(url);
    if (file) file.got += n;
    this.report(false);
    return file ? file.got / file.raw : 0;
  }

  done(url) {
    const file = this.files.get(url);
    if (file) file.got = file.raw;
    this.report(true);
  }

  report(force) {
    const now = performance.now();
    if (!force && now - this.sentAt < PROGRESS_EVERY_MS) return;
    this.sentAt = now;
    self.postMessage({ type: "download", received: this.received(), total: this.total });
  }
}

// Fetch `url`, counting its bytes as they arrive. `response` resolves as soon as the headers are in, with a
// clone taken before reading (its body streams as the bytes arrive; the browser's own handling of the
// response, such as caching the compiled WebAssembly, is that of a plain fetch); `nearly` once most of it
// has arrived (`NEARLY`); `done` once all of it has.
const NEARLY = 0.85;

function download(url, progress) {
  let nearlyThere;
  const nearly = new Promise((resolve) => (nearlyThere = resolve));
  const fetched = fetch(url).catch((error) => { throw new NetworkError(String(error && error.message || error)); })
    .then((response) => {
      if (!response.ok || !response.body) throw new NetworkError(`HTTP ${response.status} for ${url}`);
      return response;
    });
  const response = fetched.then((r) => r.clone());
  const done = fetched.then(async (r) => {
    const reader = r.body.getReader();
    try {
      for (;;) {
        const { done: end, value } = await reader.read();
        if (end) break;
        if (progress.add(url, value.byteLength) >= NEARLY) nearlyThere();
      }
    } catch (error) {
      throw new NetworkError(String(error && error.message || error));
    }
    progress.done(url);
    nearlyThere();
  });
  response.catch(() => {});
  done.catch(() => nearlyThere());
  return { response, done, nearly };
}

// One file after the other, in the order Python needs them, so that each is usable as early as possible
// on a slow link (all at once, they would share the link and all arrive at the end): the WebAssembly first
// (compiled as it streams in, once Python may start), then the library (Python starts as soon as it is in),
// then the estimator (unpacked once Python runs). Each is asked for when most of the one before has
// arrived, so that the link does not idle for a round trip between them.
function downloadInTurn(urls, progress) {
  const files = [];
  let previous = Promise.resolve();
  for (const url of urls) {
    const started = previous.then(() => download(url, progress));
    const file = { response: started.then((d) => d.response), done: started.then((d) => d.done) };
    file.response.catch(() => {});
    file.done.catch(() => {});
    files.push(file);
    previous = started.then((d) => d.nearly);
  }
  return files;
}

// Pyodide fetches the WebAssembly and the standard library itself: hand it the responses downloaded above.
function handOver(responses) {
  const realFetch = self.fetch;
  self.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), self.location.href).href;
    const response = responses.get(url);
    if (response) {
      responses.delete(url);
      return Promise.resolve(response);
    }
    return realFetch(input, init);
  };
  return () => (self.fetch = realFetch);
}

// ---- start ------------------------------------------------------------------------------------------------

// Everything alive after the start (the library, the estimator, its cached data) is long-lived: keep it out
// of the cyclic garbage collector's work, which otherwise shows up as pauses while the user types.
const PREPARE = "import estimator.browser, gc; gc.collect(); gc.freeze()";

function bind(pyodide) {
  const browser = pyodide.pyimport("estimator.browser");
  const estimateJson = browser.estimate_json;
  const yearJson = browser.year_json;
  const restoreJson = browser.restore_json;
  const stateJson = browser.share_state_json;
  api = { estimate: (text) => estimateJson(text), year: (text) => yearJson(text), restore: (text) => restoreJson(text),
    state: (text) => stateJson(text) };
}

// Absolute times (ms since the epoch) of the start's steps, for the page's performance measures.
const marks = {};
const mark = (name) => (marks[name] = performance.timeOrigin + performance.now());

async function boot(settings) {
  const started = performance.now();
  mark("worker-start");
  try {
    if (!settings || typeof settings.pyodide !== "string") throw new Error("no settings in the worker URL");
    const indexURL = settings.pyodide;
    const asmURL = new URL("pyodide.asm.mjs", indexURL).href;
    const wasmURL = new URL("pyodide.asm.wasm", indexURL).href;
    const progress = new Progress(settings.files);
    progress.report(true);
    // Pyodide's JavaScript is a module: imported here (parsed, not run), counted when it has arrived.
    const loader = import(new URL("pyodide.mjs", indexURL).href).catch((e) => { throw new NetworkError(String(e)); });
    const asm = import(asmURL).then((module) => (progress.done(asmURL), module),
      (e) => { throw new NetworkError(String(e)); });
    const [wasm, stdlib, app] = downloadInTurn([wasmURL, settings.stdlib, settings.app], progress);
    for (const pending of [loader, asm]) pending.catch(() => {}); // awaited below
    const all = Promise.all([loader, asm, wasm.done, stdlib.done, app.done]).then(() => {
      mark("downloaded");
      self.postMessage({ type: "downloaded" });
    });
    all.catch(() => {});

    await Promise.race([startAllowed, all.then(() => startAllowed)]); // a failed download is said at once
    mark("start-allowed");
    const [{ loadPyodide }, { default: createPyodideModule }] = await Promise.all([loader, asm]);
    // Python starts now, with whatever has arrived: Pyodide compiles the WebAssembly as it streams in and
    // waits for the library; the estimator arrives meanwhile. The page is told once all files are in.
    all.then(() => self.postMessage({ type: "starting" }), () => {});
    const restore = handOver(new Map([[wasmURL, wasm.response], [settings.stdlib, stdlib.response]]));
    let pyodide;
    try {
      // A download that fails fails the start with it: report the download's error, not Pyodide's.
      pyodide = await Promise.race([
        loadPyodide({ indexURL, stdLibURL: settings.stdlib, createPyodideModule,
          lockFileContents: { info: settings.lock, packages: {} } }),
        Promise.all([wasm.done, stdlib.done]).then(() => new Promise(() => {})),
      ]);
    } finally {
      restore();
    }
    mark("python-started");
    await app.done;
    pyodide.unpackArchive(new Uint8Array(await (await app.response).arrayBuffer()), "zip");
    pyodide.runPython(PREPARE);
    bind(pyodide);
    mark("estimator-imported");
    self.postMessage({ type: "ready", ms: performance.now() - started, marks });
    return true;
  } catch (error) {
    const kind = error instanceof NetworkError ? "network" : "start";
    self.postMessage({ type: "failed", kind, message: String(error && error.message || error) });
    return false;
  }
}

booting = boot(readSettings());
