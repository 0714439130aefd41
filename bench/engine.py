"""Engine speed: full-catalog estimates per second in CPython and in Pyodide under Node, side by side; and
the ways of starting the estimator's Python, CPU only (every file read from disk).

Prints medians of 5 rounds and the ratios that matter (Pyodide vs CPython for the same work; each way of
starting against Pyodide's defaults), because absolute times on these shared machines are noisy. The ways
(bench/start_pyodide.mjs, each in a fresh Node process, interleaved):
- Pyodide's defaults: its full standard library (source, compiled at import) and the wheels;
- as shipped: the trimmed library and the estimator as bytecode (tools/python-bundle.mjs);
- a memory snapshot of the shipped start, restored (what the page did before, with the full library):
  with the bytes it would add to a visit, gzip and brotli.
Run with `make bench` (or `.venv/bin/python bench/engine.py` after `make python`).
"""

from __future__ import annotations

import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import brotli

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


def start(way: str, *args: str) -> dict:
    run = subprocess.run(["node", str(ROOT / "bench" / "start_pyodide.mjs"), way, *args], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    return json.loads(run.stdout.strip().splitlines()[-1]) if way != "make-snapshot" else {}


def starts() -> dict:
    """Start to first estimate, median of 5 fresh processes per way, interleaved; the snapshot's bytes."""
    python, wheels = str(ROOT / "build" / "python"), str(ROOT / "build" / "wheels")
    with tempfile.TemporaryDirectory() as tmp:
        image = str(Path(tmp) / "snapshot.bin")
        start("make-snapshot", python, image)
        raw = Path(image).read_bytes()
        sizes = {"raw": len(raw), "gzip": len(gzip.compress(raw, 9)), "brotli": len(brotli.compress(raw, quality=9))}
        ways = {"defaults": (wheels,), "shipped": (python,), "snapshot": (python, image)}
        runs = {way: [] for way in ways}
        for _ in range(5):
            for way, args in ways.items():
                runs[way].append(start(way, *args)["first_estimate_ms"])
    return {"first_estimate_ms": {way: statistics.median(r) for way, r in runs.items()}, "runs": runs,
            "snapshot_bytes": sizes}


def main() -> None:
    request = full_catalog_request()
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        handle.write(request)
    cpython = cpython_rate(request)
    run = subprocess.run(["node", str(ROOT / "bench" / "engine_pyodide.mjs"), str(ROOT / "build" / "python"),
                          handle.name, str(REPEATS)], capture_output=True, text=True, check=True, cwd=ROOT)
    pyodide = json.loads(run.stdout.strip().splitlines()[-1])
    print(f"full-catalog estimates per second, CPython {sys.version.split()[0]}: {cpython:8.1f}")
    print(f"full-catalog estimates per second, Pyodide under Node:       {pyodide['estimates_per_s']:8.1f}"
          f"   (ratio Pyodide/CPython {pyodide['estimates_per_s'] / cpython:.2f})")
    ways = starts()
    ms = ways["first_estimate_ms"]
    size = ways["snapshot_bytes"]
    print("start to first estimate under Node, CPU only, median of 5 fresh processes:")
    print(f"  Pyodide's defaults (full library as source, wheels): {ms['defaults'] / 1000:.2f} s")
    print(f"  as shipped (trimmed library and estimator as bytecode): {ms['shipped'] / 1000:.2f} s"
          f"   (ratio to the defaults {ms['shipped'] / ms['defaults']:.2f})")
    print(f"  a snapshot of the shipped start, restored: {ms['snapshot'] / 1000:.2f} s"
          f"   (ratio to the defaults {ms['snapshot'] / ms['defaults']:.2f}; saves {(ms['shipped'] - ms['snapshot']) / 1000:.2f} s"
          f" against shipped for {size['gzip'] / 1e6:.1f} MB gzip, {size['brotli'] / 1e6:.1f} MB brotli more to download)")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "engine.json").write_text(json.dumps({"cpython_per_s": cpython, "pyodide": pyodide, "starts": ways}, indent=1))


if __name__ == "__main__":
    main()
