"""All data files together, checked against each other, and the default set shipped in the package."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from .catalog import Catalog, load_catalog
from .errors import DataError
from .hiring_data import HiringData, load_hiring
from .law import Law, load_law
from .presets import Preset, load_presets
from .subsidy import SubsidyRule, load_subsidy
from .terms import Terms, load_terms

DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Dataset:
    catalog: Catalog
    terms: Terms
    subsidy: SubsidyRule
    law: Law
    hiring: HiringData
    presets: tuple[Preset, ...]  # starting sets for the page


def load_dataset(data_dir: Path = DEFAULT_DATA_DIR) -> Dataset:
    """Load and validate catalog.toml, terms.toml, subsidy.toml, law.toml, hiring.toml and presets.toml
    from one folder."""
    data_dir = Path(data_dir)
    catalog = load_catalog(data_dir / "catalog.toml")
    dataset = Dataset(
        catalog=catalog,
        terms=load_terms(data_dir / "terms.toml"),
        subsidy=load_subsidy(data_dir / "subsidy.toml"),
        law=load_law(data_dir / "law.toml", tuple(p.id for p in catalog.professions)),
        hiring=load_hiring(data_dir / "hiring.toml"),
        presets=load_presets(data_dir / "presets.toml", catalog),
    )
    _check_steps(dataset.terms)
    return dataset


@functools.lru_cache(maxsize=1)
def default_dataset() -> Dataset:
    return load_dataset(DEFAULT_DATA_DIR)


def _check_steps(terms: Terms) -> None:
    ids = [step.id for step in terms.steps]
    if ids[-1] != "start":
        raise DataError("terms.toml", "steps", "id", "最後の手順は id = \"start\"（業務開始）にしてください")
    if "payment" not in ids:
        raise DataError("terms.toml", "steps", "id", "id = \"payment\"（お支払い）の手順が必要です")
