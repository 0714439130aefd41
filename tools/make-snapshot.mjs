// Make the Pyodide memory snapshot that the estimator page restores instead of booting Python.
//
//   node tools/make-snapshot.mjs <wheels dir> <out dir>
//
// Boots the pinned Pyodide (node_modules/pyodide) with the private `_makeSnapshot` option, unpacks
// the estimator and jpholiday wheels into site-packages (packages loaded with loadPackage cannot be
// snapshotted), imports estimator.browser, runs one estimate so the catalog data is parsed and cached,
// moves everything alive out of the garbage collector's work (gc.freeze), then writes the memory image
// packed without its zero runs (overrides/assets/javascripts/estimator/snapshot.mjs) and gzipped, and a
// small JSON note naming the wheels it was made from (the MkDocs hook ships the snapshot only when
// those wheels are the current ones).
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const wheelsDir = resolve(process.argv[2] ?? join(root, "build/wheels"));
const outDir = resolve(process.argv[3] ?? join(root, "build/snapshot"));
const indexURL = join(root, "node_modules/pyodide") + "/";
const { FORMAT, packSnapshot, unpackSnapshot } = await import(
  join(root, "overrides/assets/javascripts/estimator/snapshot.mjs"));

const { loadPyodide, version } = await import(join(indexURL, "pyodide.mjs"));
const wheels = readdirSync(wheelsDir).filter((name) => name.endsWith(".whl")).sort();
if (!wheels.some((name) => name.startsWith("estimator-"))) {
  throw new Error(`no estimator wheel in ${wheelsDir}: run \`make wheels\` first`);
}

const started = Date.now();
const pyodide = await loadPyodide({ indexURL, _makeSnapshot: true });
const hashes = {};
for (const name of wheels) {
  const bytes = new Uint8Array(readFileSync(join(wheelsDir, name)));
  hashes[name] = createHash("sha256").update(bytes).digest("hex");
  pyodide.unpackArchive(bytes, "wheel");
}
// One estimate: imports every module and fills the dataset cache, so the page's first estimate is fast.
pyodide.runPython(`
import json
import estimator.browser
estimator.browser.estimate_json(json.dumps({"today": "2026-01-05", "budget_yen": "50000"}))
import gc
gc.collect()
gc.freeze()  # as the worker does after a normal boot (overrides/assets/javascripts/estimator/worker.js)
`);
const image = pyodide.makeMemorySnapshot();
const packed = packSnapshot(image);
if (Buffer.compare(unpackSnapshot(packed), image) !== 0) throw new Error("snapshot: unpacking does not give the image back");
const gzipped = gzipSync(packed, { level: 9 });
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "estimator.snapshot.gz"), gzipped);
const note = {
  pyodide: version,
  wheels: hashes,
  format: FORMAT,
  raw_bytes: image.length,
  packed_bytes: packed.length,
  gzip_bytes: gzipped.length,
  sha256: createHash("sha256").update(gzipped).digest("hex"),
};
writeFileSync(join(outDir, "snapshot.json"), JSON.stringify(note, null, 2) + "\n");
console.log(`snapshot: ${image.length} bytes raw, ${packed.length} without zero runs, ${gzipped.length} gzipped, made in ${Date.now() - started} ms`);
