"""Where sitrep's bundled data lives (codebook, actors, gazetteer, boilerplate rules, basemap ...)."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


def data_file(relative: str) -> Path:
    """A bundled data file, e.g. data_file("resolve/compatible_types.yaml")."""
    return DATA_DIR / relative
