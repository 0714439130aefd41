import shutil
from pathlib import Path

import pytest

from estimator import default_dataset
from estimator.dataset import DEFAULT_DATA_DIR


@pytest.fixture(scope="session")
def data():
    return default_dataset()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data files."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    return target


from hypothesis import HealthCheck, settings

# No example database on disk (Pyodide's file system is in memory) and a smaller run under Pyodide.
settings.register_profile("default", database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("pyodide", database=None, deadline=None, max_examples=25,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("pyodide" if __import__("sys").platform == "emscripten" else "default")
