// Engine speed inside Pyodide under Node, set up as the page's worker sets it up (the trimmed library and
// the estimator's bytecode, `make python`): full-catalog estimates per second.
// Usage: node bench/engine_pyodide.mjs <python dir> <request json file> <repeats>
// Prints one JSON line. Run by bench/engine.py, which also runs the CPython side for the ratio.
import { readFileSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { loadPyodide } from "pyodide";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const [pythonDir, requestFile, repeats] = process.argv.slice(2);
const request = readFileSync(requestFile, "utf8");
const bundle = JSON.parse(readFileSync(join(pythonDir, "bundle.json"), "utf8"));

const started = performance.now();
const pyodide = await loadPyodide({ indexURL: join(root, "node_modules", "pyodide") + "/",
  stdLibURL: join(pythonDir, bundle.stdlib.file), lockFileContents: { info: bundle.lock_info, packages: {} } });
const booted = performance.now();
pyodide.unpackArchive(new Uint8Array(readFileSync(join(pythonDir, bundle.app.file))), "zip");
const estimate = pyodide.runPython("from estimator.browser import estimate_json; estimate_json");
estimate(request);
const firstEstimate = performance.now();
const samples = [];
for (let round = 0; round < 5; round += 1) {
  const t0 = performance.now();
  for (let i = 0; i < Number(repeats); i += 1) estimate(request);
  samples.push((performance.now() - t0) / 1000);
}
samples.sort((a, b) => a - b);
console.log(JSON.stringify({
  boot_s: (booted - started) / 1000,
  start_to_first_estimate_s: (firstEstimate - started) / 1000,
  estimates_per_s: Number(repeats) / samples[2],
}));
