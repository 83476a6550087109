"""Shared fixtures: a fresh database per test, and one loaded pipeline per session (spaCy loads once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite"


@pytest.fixture
def store(db_path: Path):
    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture(scope="session")
def geocoder():
    from sitrep.geo import Geocoder

    return Geocoder.load()


@pytest.fixture(scope="session")
def extractor(geocoder):
    from sitrep.extract import Extractor

    return Extractor(geocoder=geocoder)


@pytest.fixture
def pipeline(store, extractor, geocoder):
    from sitrep.pipeline import Pipeline

    return Pipeline(store, extractor=extractor, geocoder=geocoder)
