"""The package's two errors: one for bad data files, one for bad user input.

Both carry Japanese messages that are safe to show to a user: they never echo more than a short,
truncated piece of what was typed, and they name the field concerned.
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import clean, clip


class EstimatorError(ValueError):
    """Base class: anything the package raises on purpose."""


class DataError(EstimatorError):
    """A data file is malformed. Names the file, the record id and the field, so an operator can fix it."""

    def __init__(self, file: str, record: str, field: str, problem: str):
        self.file, self.record, self.field, self.problem = file, record, field, problem
        super().__init__(f"{file}: {record}: {field}: {problem}")


@dataclass(frozen=True)
class FieldError:
    """One problem with one input field. `field` is a dotted path such as `tasks.payroll.quantity`."""

    field: str
    message: str


class InputError(EstimatorError):
    """The user's input could not be used. Holds every problem found, not only the first."""

    def __init__(self, errors: tuple[FieldError, ...] | list[FieldError]):
        self.errors = tuple(errors)
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in self.errors))


def preview(value: str, limit: int = 20) -> str:
    """A short, single-line rendering of a bad value for an error message, cut between whole characters."""
    return clip(clean(value, multiline=False), limit + 1, "…")
