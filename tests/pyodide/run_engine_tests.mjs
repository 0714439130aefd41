// Runs the engine tests (tests/engine) inside real Pyodide under Node.js, from the pinned npm
// package, so that code which works in CPython 3.11 but not in Pyodide's Python fails CI.
// Usage: node tests/pyodide/run_engine_tests.mjs <wheel dir> [pytest args...]
// The wheel dir holds the estimator and jpholiday wheels and pytest/hypothesis with their
// pure-Python dependencies (see the Makefile's `pyodide-test-wheels`).
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const [wheelDir, ...pytestArgs] = process.argv.slice(2);

// indexURL given explicitly: Node resolves it to the package folder, not to a file:// URL (pyodide #4232).
const pyodide = await loadPyodide({ indexURL: join(root, "node_modules", "pyodide") + "/" });
for (const name of readdirSync(wheelDir).filter((n) => n.endsWith(".whl")).sort()) {
  pyodide.unpackArchive(new Uint8Array(readFileSync(join(wheelDir, name))), "wheel");
}
// The tests are read from the work tree, so they are exactly the ones CPython runs.
pyodide.FS.mkdirTree("/project/tests/engine");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: join(root, "tests", "engine") }, "/project/tests/engine");
pyodide.globals.set("pytest_args", pyodide.toPy(["-q", "-p", "no:cacheprovider", "/project/tests/engine", ...pytestArgs]));
const code = await pyodide.runPythonAsync(`
import sys, pytest
print(f"Python {sys.version.split()[0]} on {sys.platform}")
int(pytest.main(list(pytest_args)))
`);
process.exit(code);
