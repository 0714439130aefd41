"""Engine speed: full-catalog estimates per second in CPython and in Pyodide under Node, side by side.

Prints medians of 5 rounds and the ratios that matter (Pyodide vs CPython for the same work; Pyodide's
first estimate vs its bare boot), because absolute times on these shared machines are noisy.
Run with `make bench` (or `.venv/bin/python bench/engine.py` after `make wheels`).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from estimator import default_dataset  # noqa: E402
from estimator.browser import estimate_json  # noqa: E402

REPEATS = 50


def full_catalog_request() -> str:
    """Every task ticked, a budget that forces a proposal, every text field filled."""
    tasks = [{"id": t.id, "selected": True, "quantity": str(t.default_quantity), "period": t.default_period,
              "priority": ("must", "want", "nice")[i % 3]} for i, t in enumerate(default_dataset().catalog.tasks)]
    profile = {"industry": "小売業", "business": "ネットショップ運営", "notes": "よろしくお願いします。" * 20,
               "contact_tool": "chatwork", "video_call": "yes", "weekend_work": True}
    return json.dumps({"today": "2026-11-23", "budget_yen": "150000", "tasks": tasks, "profile": profile},
                      ensure_ascii=False)


def cpython_rate(request: str) -> float:
    estimate_json(request)
    rounds = []
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(REPEATS):
            estimate_json(request)
        rounds.append(time.perf_counter() - started)
    return REPEATS / statistics.median(rounds)


def main() -> None:
    request = full_catalog_request()
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        handle.write(request)
    cpython = cpython_rate(request)
    run = subprocess.run(["node", str(ROOT / "bench" / "engine_pyodide.mjs"), str(ROOT / "build" / "wheels"),
                          handle.name, str(REPEATS)], capture_output=True, text=True, check=True, cwd=ROOT)
    pyodide = json.loads(run.stdout.strip().splitlines()[-1])
    print(f"full-catalog estimates per second, CPython {sys.version.split()[0]}: {cpython:8.1f}")
    print(f"full-catalog estimates per second, Pyodide under Node:       {pyodide['estimates_per_s']:8.1f}"
          f"   (ratio Pyodide/CPython {pyodide['estimates_per_s'] / cpython:.2f})")
    print(f"Pyodide under Node, bare boot:               {pyodide['boot_s']:.2f} s")
    print(f"Pyodide under Node, start to first estimate: {pyodide['start_to_first_estimate_s']:.2f} s"
          f"   (ratio to bare boot {pyodide['start_to_first_estimate_s'] / pyodide['boot_s']:.2f})")


if __name__ == "__main__":
    main()
