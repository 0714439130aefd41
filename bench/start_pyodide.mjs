// One way of starting the estimator's Python under Node, timed from the start to the first estimate
// (CPU only: every file is read from disk). Run by bench/engine.py, once per process and way, interleaved.
//
//   node bench/start_pyodide.mjs defaults <wheel dir>          Pyodide's defaults: its full library as source,
//                                                               the wheels unpacked
//   node bench/start_pyodide.mjs shipped <python dir>          what the page does: the trimmed library and the
//                                                               estimator as bytecode (tools/python-bundle.mjs)
//   node bench/start_pyodide.mjs make-snapshot <python dir> <image file>
//                                                               the shipped start, then a memory snapshot of it
//                                                               (Pyodide's private _makeSnapshot), written raw
//   node bench/start_pyodide.mjs snapshot <python dir> <image file>
//                                                               restoring that snapshot instead of starting
// Prints one JSON line: {start_ms, first_estimate_ms}.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const indexURL = join(root, "node_modules", "pyodide") + "/";
const { loadPyodide } = await import(join(indexURL, "pyodide.mjs"));
const [way, dir, image] = process.argv.slice(2);
const REQUEST = JSON.stringify({ today: "2026-01-05" });
const PREPARE = "import estimator.browser, gc; gc.collect(); gc.freeze()"; // as worker.js does

function shippedOptions() {
  const bundle = JSON.parse(readFileSync(join(dir, "bundle.json"), "utf8"));
  return { indexURL, stdLibURL: join(dir, bundle.stdlib.file), lockFileContents: { info: bundle.lock_info, packages: {} },
    app: new Uint8Array(readFileSync(join(dir, bundle.app.file))) };
}

const started = performance.now();
let pyodide;
if (way === "defaults") {
  pyodide = await loadPyodide({ indexURL });
  for (const name of readdirSync(dir).filter((n) => /^(estimator|jpholiday)-.*\.whl$/.test(n))) {
    pyodide.unpackArchive(new Uint8Array(readFileSync(join(dir, name))), "wheel");
  }
  pyodide.runPython(PREPARE);
} else if (way === "shipped" || way === "make-snapshot") {
  const { app, ...options } = shippedOptions();
  pyodide = await loadPyodide({ ...options, _makeSnapshot: way === "make-snapshot" });
  pyodide.unpackArchive(app, "zip");
  pyodide.runPython(PREPARE);
  if (way === "make-snapshot") {
    pyodide.runPython(`import estimator.browser; estimator.browser.estimate_json('${REQUEST}')`);
    writeFileSync(image, pyodide.makeMemorySnapshot());
    process.exit(0);
  }
} else if (way === "snapshot") {
  const { app, ...options } = shippedOptions();
  pyodide = await loadPyodide({ ...options, _loadSnapshot: new Uint8Array(readFileSync(image)) });
} else {
  throw new Error(`unknown way ${way}`);
}
const ready = performance.now();
pyodide.pyimport("estimator.browser").estimate_json(REQUEST);
console.log(JSON.stringify({ start_ms: ready - started, first_estimate_ms: performance.now() - started }));
