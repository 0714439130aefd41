"""Estimator for an online secretary / back-office service: hours, cost, budget fit, advice,
start date and an inquiry message from a task checklist.

Standard library only (plus jpholiday), so the same code runs in CPython and in Pyodide.
Data lives in `estimator/data/*.toml`; `load_dataset` reads and validates it.
"""

from .dataset import Dataset, default_dataset, load_dataset
from .errors import DataError, EstimatorError, FieldError, InputError

__all__ = ["DataError", "Dataset", "EstimatorError", "FieldError", "InputError", "default_dataset", "load_dataset"]
__version__ = "1.0.0"
