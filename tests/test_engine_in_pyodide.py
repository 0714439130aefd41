"""The engine tests again, inside real Pyodide under Node.js (the runtime the estimator page uses)."""

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WHEELS = ROOT / "build" / "pyodide-test-wheels"


@pytest.mark.pyodide
def test_engine_tests_pass_inside_pyodide():
    assert any(WHEELS.glob("estimator-*.whl")), "run `make pyodide-test-wheels` first (make test does)"
    run = subprocess.run(["node", str(ROOT / "tests" / "pyodide" / "run_engine_tests.mjs"), str(WHEELS)],
                         capture_output=True, text=True, timeout=900, cwd=ROOT)
    summary = run.stdout.strip().splitlines()[-3:]
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "on emscripten" in run.stdout  # it really ran in Pyodide
    assert any(" passed" in line and "failed" not in line for line in summary), summary
