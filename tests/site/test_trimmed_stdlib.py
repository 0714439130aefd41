"""The trimmed standard library and the estimator's bytecode that the estimator page's worker downloads
(tools/python-bundle.mjs, `make python`), and what the built site ships of them.

tests/test_engine_in_pyodide.py runs the engine suite in Pyodide with nothing else; these check the
size against its record, every import of the estimator's source against the traced module list, and
that the site ships the trimmed library and not the full one.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / "build" / "python"
RECORD = ROOT / "tools" / "stdlib-record.json"
SITE = ROOT / "site"
GROWTH = 1.10


@pytest.fixture(scope="module")
def bundle() -> dict:
    if not (PYTHON / "bundle.json").is_file():
        pytest.fail("build/python is missing: run `make python` (make build does)")
    return json.loads((PYTHON / "bundle.json").read_text(encoding="utf-8"))


def test_it_grows_only_with_a_recorded_reason(bundle):
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    assert record["history"] and all(entry["reason"].strip() for entry in record["history"])
    assert record["history"][-1]["bytes"] == record["bytes"]
    stdlib = bundle["stdlib"]
    added = sorted(set(stdlib["modules"]) - set(record["modules"]))
    assert stdlib["bytes"] <= record["bytes"] * GROWTH, (
        f"python_stdlib.zip is {stdlib['bytes']:,} bytes, over 10 % more than the {record['bytes']:,} recorded "
        f"(modules since the record: {', '.join(added) or 'none'}). Every first visit downloads it: if it must "
        "grow, run `make stdlib-record REASON=\"why\"` and commit tools/stdlib-record.json.")


def imported_modules(source: str) -> set[str]:
    """Every absolute module name a source file imports, at any depth (functions included)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def package_sources(name: str) -> list[Path]:
    spec = importlib.util.find_spec(name)
    return sorted(Path(spec.submodule_search_locations[0]).rglob("*.py"))


def test_every_module_the_estimator_and_jpholiday_import_is_in_it(bundle):
    available = set(bundle["stdlib"]["modules"]) | set(bundle["stdlib"]["builtin"])
    missing = []
    for path in package_sources("estimator") + package_sources("jpholiday"):
        for module in imported_modules(path.read_text(encoding="utf-8")):
            if module.split(".")[0] in {"estimator", "jpholiday"}:
                continue
            if module not in available:
                missing.append(f"{path.name}: {module}")
    assert not missing, ("imported but not in the trimmed library (rebuild with `make python`; if it is still "
                         f"missing, tools/exercise_estimator.py does not reach that code): {missing}")


def test_the_check_above_sees_a_missing_module():
    assert imported_modules("def f():\n    import decimal\n    from xml.dom import minidom\n") == {"decimal", "xml.dom"}


def test_the_trimmed_library_is_bytecode_of_the_traced_modules_only(bundle):
    with zipfile.ZipFile(PYTHON / bundle["stdlib"]["file"]) as trimmed:
        names = trimmed.namelist()
    assert names and all(name.endswith(".pyc") for name in names)
    assert len(names) == bundle["stdlib"]["files"]
    # Each module traced is a file of the zip (a package as its __init__), and nothing else is.
    files = {name[:-4].removesuffix("/__init__").replace("/", ".") for name in names}
    assert files == set(bundle["stdlib"]["modules"])
    assert bundle["stdlib"]["bytes"] < bundle["stdlib"]["full_bytes"] / 2


def test_the_site_ships_the_trimmed_library_and_the_page_points_at_it(bundle):
    if not (SITE / "estimate" / "index.html").is_file():
        pytest.fail("site/ is not built: run `make build` (make test does it)")
    shipped = sorted(SITE.rglob("python_stdlib.zip"))
    assert len(shipped) == 1, shipped  # not Pyodide's full library as well
    assert shipped[0].read_bytes() == (PYTHON / bundle["stdlib"]["file"]).read_bytes()
    apps = sorted(SITE.rglob("estimator.zip"))
    assert len(apps) == 1 and apps[0].read_bytes() == (PYTHON / bundle["app"]["file"]).read_bytes()
    assert not list(SITE.rglob("*.whl")) and not list(SITE.rglob("pyodide-lock.json"))
    html = (SITE / "estimate" / "index.html").read_text(encoding="utf-8")
    settings = json.loads(re.search(r"data-worker-settings='([^']*)'", html).group(1))
    assert (SITE / "estimate" / settings["stdlib"]).resolve() == shipped[0].resolve()
    assert (SITE / "estimate" / settings["app"]).resolve() == apps[0].resolve()
    assert settings["lock"] == bundle["lock_info"]
    # Every file the progress bar counts is in the site, with its decoded size.
    for url, raw in zip(settings["files"], settings["raw"]):
        assert (SITE / "estimate" / url).stat().st_size == raw
