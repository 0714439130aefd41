"""The engine tests again, inside real Pyodide under Node.js, set up as the estimator page's worker is: the
trimmed standard library as Pyodide's own, the estimator's shipped bytecode (tests/pyodide/run_engine_tests.mjs).
It fails when the worker's calls or the engine's code need a module the trimmed library lacks."""

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WHEELS = ROOT / "build" / "pyodide-test-wheels"
PYTHON = ROOT / "build" / "python"


@pytest.mark.pyodide
def test_engine_tests_pass_inside_pyodide_with_only_the_trimmed_library():
    assert any(WHEELS.glob("pytest-*.whl")), "run `make pyodide-test-wheels` first (make test does)"
    assert (PYTHON / "bundle.json").is_file(), "run `make python` first (make test does)"
    run = subprocess.run(["node", str(ROOT / "tests" / "pyodide" / "run_engine_tests.mjs"), str(WHEELS), str(PYTHON)],
                         capture_output=True, text=True, timeout=900, cwd=ROOT)
    summary = run.stdout.strip().splitlines()[-3:]
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "with only the trimmed library" in run.stdout  # the worker's calls ran first, on nothing else
    assert "on emscripten" in run.stdout  # it really ran in Pyodide
    assert "MISSING" not in run.stdout
    assert any(" passed" in line and "failed" not in line for line in summary), summary
