// Build the two Python files the estimator page's worker downloads besides Pyodide's runtime:
//
//   node tools/python-bundle.mjs <wheels dir> <out dir>
//
// - estimator.zip: the estimator and jpholiday packages from their wheels (no dist-info), each module
//   compiled to bytecode by the pinned Pyodide's own Python, data files as they are. The worker unpacks it
//   into site-packages with pyodide.unpackArchive(…, "zip").
// - python_stdlib.zip: the standard library trimmed to the modules that Pyodide's start and the estimator
//   import, found by tracing `sys.modules` in a fresh Pyodide after the worker's own steps
//   (tools/exercise_estimator.py calls everything the worker calls, on inputs that reach every part of the
//   engine). Each module is compiled to bytecode without docstrings (optimize=2) and without line numbers:
//   Python then starts without compiling source, which took longer than downloading the bytecode, and the
//   bytecode weighs what the source did (README, "The estimator page"). The worker passes it as
//   loadPyodide({stdLibURL}).
// - bundle.json: what the MkDocs hook (overrides/hooks/estimator_page.py) and the tests read: sizes,
//   hashes, the traced module list, the wheels it was made from and the lock file's `info`.
//
// Both zips are deflated entry by entry (a zip is served as it is by hosts that compress only text), with
// fixed timestamps and sorted entries, so the same sources give the same bytes and the same URL.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const wheelsDir = resolve(process.argv[2] ?? join(root, "build/wheels"));
const outDir = resolve(process.argv[3] ?? join(root, "build/python"));
const indexURL = join(root, "node_modules/pyodide") + "/";
const { loadPyodide, version } = await import(join(indexURL, "pyodide.mjs"));

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");
const wheels = readdirSync(wheelsDir).filter((name) => name.endsWith(".whl")).sort();
if (!wheels.some((name) => name.startsWith("estimator-"))) {
  throw new Error(`no estimator wheel in ${wheelsDir}: run \`make wheels\` first`);
}

// Zip writing, shared by both files (runs in the builder's Python, the same version the page runs).
const ZIP_TOOLS = `
import importlib.util, importlib._bootstrap_external as external, sys, types, zipfile

STDLIB = f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip/"
SITE_PACKAGES = f"/lib/python{sys.version_info.major}.{sys.version_info.minor}/site-packages/"

def add(out, name, data):
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    out.writestr(info, data, compresslevel=9)

def without_lines(code):
    """\`code\` with a line table that says "no location" for every instruction: line tables are a third of
    the library's bytecode once compressed (they compress badly), and in the worker nobody reads a
    traceback of the standard library. Tracebacks then show "line None" for those frames."""
    units = len(code.co_code) // 2
    table = b"\\xff" * (units // 8) + (bytes([0x80 | 15 << 3 | units % 8 - 1]) if units % 8 else b"")
    consts = tuple(without_lines(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_linetable=table, co_consts=consts)

def bytecode(source, name, optimize, lines=True):
    # Named by where the module will be in Pyodide's file system, as a source file would be (tracebacks).
    code = compile(source, name, "exec", dont_inherit=True, optimize=optimize)
    if not lines:
        code = without_lines(code)
    return external._code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False)
`;

const builder = await loadPyodide({ indexURL });
builder.runPython(ZIP_TOOLS);

// 1. estimator.zip from the wheels. The estimator's own modules keep docstrings and asserts (optimize=0).
builder.FS.mkdirTree("/build/wheels");
const wheelHashes = {};
for (const name of wheels) {
  const bytes = readFileSync(join(wheelsDir, name));
  wheelHashes[name] = sha256(bytes);
  builder.FS.writeFile(`/build/wheels/${name}`, new Uint8Array(bytes));
}
builder.runPython(`
import os
entries = {}
for wheel in sorted(os.listdir("/build/wheels")):
    with zipfile.ZipFile(f"/build/wheels/{wheel}") as source:
        for name in source.namelist():
            if name.endswith("/") or ".dist-info/" in name:
                continue
            data = source.read(name)
            if name.endswith(".py"):
                entries[name + "c"] = bytecode(data, SITE_PACKAGES + name, 0)
            else:
                entries[name] = data
with zipfile.ZipFile("/build/estimator.zip", "w") as out:
    for name in sorted(entries):
        add(out, name, entries[name])
`);
const app = builder.FS.readFile("/build/estimator.zip");

// 2. The trace: a fresh Pyodide with the full library, set up exactly as the worker sets it up.
const traced = await loadPyodide({ indexURL });
traced.unpackArchive(app, "zip", { extractDir: traced._api.sitePackages ?? "/lib/python3.14/site-packages" });
traced.runPython(readFileSync(join(root, "tools/exercise_estimator.py"), "utf8").replace(/\nif __name__ == "__main__":[\s\S]*$/, "\nexercise()\n"));
const files = traced.runPython(`
import sys
sorted({spec.origin.split(".zip/", 1)[1] for module in list(sys.modules.values())
        if (spec := getattr(module, "__spec__", None)) and spec.origin and spec.origin.startswith("/lib/python314.zip/")})
`).toJs();
const modules = traced.runPython(`
sorted(name for name, module in sys.modules.items()
       if (spec := getattr(module, "__spec__", None)) and spec.origin and spec.origin.startswith("/lib/python314.zip/"))
`).toJs();

// What Pyodide's Python has without any file (compiled in or frozen): the static import check needs it.
const builtin = traced.runPython(`
import _imp
sorted(set(sys.builtin_module_names) | set(_imp._frozen_module_names()))
`).toJs();

// 3. The trimmed library: the traced files as bytecode without docstrings.
builder.FS.writeFile("/build/python_stdlib.zip", new Uint8Array(readFileSync(join(indexURL, "python_stdlib.zip"))));
builder.globals.set("traced_files", builder.toPy(files));
builder.runPython(`
with zipfile.ZipFile("/build/python_stdlib.zip") as source, zipfile.ZipFile("/build/trimmed.zip", "w") as out:
    for name in sorted(traced_files):
        add(out, name + "c", bytecode(source.read(name), STDLIB + name, 2, lines=False))
`);
const stdlib = builder.FS.readFile("/build/trimmed.zip");

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "estimator.zip"), app);
writeFileSync(join(outDir, "python_stdlib.zip"), stdlib);
const lock = JSON.parse(readFileSync(join(indexURL, "pyodide-lock.json"), "utf8"));
const note = {
  pyodide: version,
  stdlib: { file: "python_stdlib.zip", bytes: stdlib.length, sha256: sha256(stdlib), files: files.length,
    full_bytes: readFileSync(join(indexURL, "python_stdlib.zip")).length, modules, builtin },
  app: { file: "estimator.zip", bytes: app.length, sha256: sha256(app), wheels: wheelHashes },
  lock_info: lock.info,
};
writeFileSync(join(outDir, "bundle.json"), JSON.stringify(note, null, 2) + "\n");
console.log(`python_stdlib.zip: ${files.length} files, ${stdlib.length} bytes (full: ${note.stdlib.full_bytes}); ` +
  `estimator.zip: ${app.length} bytes`);
