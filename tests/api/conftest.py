from __future__ import annotations

import warnings

import pytest

from api.sample_db import build_sample_db

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette asks for httpx2; httpx is what the project pins
    from fastapi.testclient import TestClient

from sitrep.api import create_app


@pytest.fixture
def sample_store(tmp_path):
    store = build_sample_db(tmp_path / "sample.sqlite")
    yield store
    store.close()


@pytest.fixture
def client(sample_store):
    with TestClient(create_app(sample_store, token="")) as c:
        yield c
