// Runs the engine tests (tests/engine) inside real Pyodide under Node.js, from the pinned npm package, set
// up as the estimator page's worker sets it up: the trimmed standard library as Pyodide's own
// (loadPyodide({stdLibURL})) and the estimator's shipped bytecode (estimator.zip) in site-packages. So code
// that works in CPython 3.11 but not in Pyodide's Python fails CI, and so does an import the trimmed
// library lacks.
//
// Usage: node tests/pyodide/run_engine_tests.mjs <test wheel dir> <python dir> [pytest args...]
// The test wheel dir holds pytest, hypothesis and their pure-Python dependencies (the Makefile's
// `pyodide-test-wheels`); the python dir is `make python`'s output (python_stdlib.zip, estimator.zip,
// bundle.json).
//
// 1. With nothing but the trimmed library, every call the worker makes runs on inputs that reach every part
//    of the engine (tools/exercise_estimator.py). A missing module raises here.
// 2. pytest and hypothesis need modules the estimator does not: the full library is added after the
//    trimmed one on sys.path for them, and every import statement is watched. An import that the
//    estimator's code makes (directly, or through trimmed modules it called) and that only the full
//    library answers is a module the page's worker would not have: it is reported and fails the run,
//    even when the test tools had already imported that module.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const [wheelDir, pythonDir, ...pytestArgs] = process.argv.slice(2);
const bundle = JSON.parse(readFileSync(join(pythonDir, "bundle.json"), "utf8"));

// indexURL given explicitly: Node resolves it to the package folder, not to a file:// URL (pyodide #4232).
const indexURL = join(root, "node_modules", "pyodide") + "/";
const pyodide = await loadPyodide({ indexURL, stdLibURL: join(pythonDir, bundle.stdlib.file),
  lockFileContents: { info: bundle.lock_info, packages: {} } });
pyodide.unpackArchive(new Uint8Array(readFileSync(join(pythonDir, bundle.app.file))), "zip");

// 1. Only the trimmed library.
const exercise = readFileSync(join(root, "tools", "exercise_estimator.py"), "utf8")
  .replace(/\nif __name__ == "__main__":[\s\S]*$/, "\n");
pyodide.runPython(exercise);
const calls = pyodide.runPython("exercise()");
const outside = pyodide.runPython(`
import sys
sorted(name for name, module in sys.modules.items()
       if (spec := getattr(module, "__spec__", None)) and spec.origin and spec.origin.startswith("/lib/")
       and not spec.origin.startswith(("/lib/python314.zip/", "/lib/python3.14/site-packages/")))
`).toJs();
if (outside.length) {
  console.log(`modules from outside the trimmed library and the estimator: ${outside.join(", ")}`);
  process.exit(1);
}
console.log(`the worker's calls: ${calls} calls with only the trimmed library (${bundle.stdlib.files} files)`);

// 2. The suite, with the full library behind the trimmed one for the test tools.
for (const name of readdirSync(wheelDir).filter((n) => n.endsWith(".whl") && !/^(estimator|jpholiday)-/.test(n)).sort()) {
  pyodide.unpackArchive(new Uint8Array(readFileSync(join(wheelDir, name))), "wheel");
}
pyodide.FS.writeFile("/lib/full_stdlib.zip", new Uint8Array(readFileSync(join(indexURL, "python_stdlib.zip"))));
// The tests are read from the work tree, so they are exactly the ones CPython runs.
pyodide.FS.mkdirTree("/project/tests/engine");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: join(root, "tests", "engine") }, "/project/tests/engine");
pyodide.globals.set("pytest_args", pyodide.toPy(["-q", "-p", "no:cacheprovider", "/project/tests/engine", ...pytestArgs]));
const code = await pyodide.runPythonAsync(`
import builtins, importlib.machinery, importlib.util, sys

sys.path.append("/lib/full_stdlib.zip")
TRIMMED = "/lib/python314.zip/"
FULL = "/lib/full_stdlib.zip/"


class FullLibraryFinder:
    """Submodules the trimmed library's packages lack (importlib.resources, say), from the full library."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        elsewhere = [p.replace(TRIMMED.rstrip("/"), FULL.rstrip("/"), 1) for p in path or () if p.startswith(TRIMMED.rstrip("/"))]
        return importlib.machinery.PathFinder.find_spec(name, elsewhere) if elsewhere else None


sys.meta_path.append(FullLibraryFinder)
APP = tuple(f"{path}/{package}/" for path in sys.path if path.endswith("site-packages") for package in ("estimator", "jpholiday"))
missing = {}
real_import = builtins.__import__


def importer():
    """The estimator's frame that asked for this import, if only trimmed-library code lies between."""
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith(APP):
            return f"{name}:{frame.f_lineno}"
        if not (name.startswith(TRIMMED) or name.startswith("<frozen")):
            return None  # the tests, pytest, hypothesis or the full library asked
        frame = frame.f_back
    return None


def from_full_library(name):
    module = sys.modules.get(name)
    spec = getattr(module, "__spec__", None)
    return bool(spec and spec.origin and spec.origin.startswith(FULL))


def audited_import(name, globals=None, locals=None, fromlist=(), level=0):
    module = real_import(name, globals, locals, fromlist, level)
    absolute = importlib.util.resolve_name("." * level + name, (globals or {}).get("__package__")) if level else name
    names = [absolute] + [f"{absolute}.{item}" for item in (fromlist or ()) if item != "*"]
    wanted = [n for n in names if from_full_library(n)]
    if wanted and (where := importer()):
        for n in wanted:
            missing.setdefault(n, where)
    return module


builtins.__import__ = audited_import
import pytest
print(f"Python {sys.version.split()[0]} on {sys.platform}")
code = int(pytest.main(list(pytest_args)))
builtins.__import__ = real_import
for module, where in sorted(missing.items()):
    print(f"MISSING from the trimmed library: {module} (imported at {where})")
code or (1 if missing else 0)
`);
process.exit(code);
