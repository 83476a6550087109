from __future__ import annotations

import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from sitrep.api import create_app

TOKEN = "s3cret-token"
TEXT = (
    "Shelling hits Ariha\n\n"
    "Artillery shells landed on a residential street in Ariha in Idlib province on 3 April 2024, "
    "wounding a child, local medics said."
)


class RecordingPipeline:
    """Stands in for the pipeline where only the endpoint's own behaviour is tested."""

    def __init__(self):
        self.runs = []

    def run(self, targets, options):
        from sitrep.pipeline import RunSummary

        self.runs.append((targets, options))
        return RunSummary(inputs=1, documents_new=1)


@pytest.fixture
def recorder():
    return RecordingPipeline()


@pytest.fixture
def writable(sample_store, recorder, tmp_path):
    app = create_app(sample_store, token=TOKEN, make_pipeline=lambda: recorder, submissions_dir=tmp_path / "subs")
    with TestClient(app) as c:
        yield c


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_no_token_configured_means_no_write_endpoint(client, monkeypatch):
    monkeypatch.delenv("SITREP_TOKEN", raising=False)
    assert client.post("/api/submissions", json={"text": TEXT}, headers=auth()).status_code in (404, 405)
    assert "/api/submissions" not in client.get("/openapi.json").json()["paths"]


def test_token_is_read_from_the_environment(sample_store, monkeypatch):
    monkeypatch.setenv("SITREP_TOKEN", TOKEN)
    with TestClient(create_app(sample_store)) as c:
        assert c.post("/api/submissions", json={"text": TEXT}).status_code == 401


def test_missing_token_is_401_and_wrong_token_403(writable, recorder):
    missing = writable.post("/api/submissions", json={"text": TEXT})
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert writable.post("/api/submissions", json={"text": TEXT}, headers=auth("guess")).status_code == 403
    assert recorder.runs == []


def test_text_is_kept_as_a_file_and_processed(writable, recorder, tmp_path):
    response = writable.post(
        "/api/submissions",
        json={"text": TEXT, "published": "2024-04-03", "country": "Syria"},
        headers=auth(),
    )
    assert response.status_code == 200, response.text
    ((targets, options),) = recorder.runs
    saved = Path(targets[0])
    assert saved.parent == tmp_path / "subs" and saved.read_text(encoding="utf-8") == TEXT
    assert options.published.isoformat() == "2024-04-03" and options.country == "Syria"
    assert response.json()["summary"]["documents_new"] == 1


def test_a_url_is_passed_on_as_given(writable, recorder):
    url = "https://news.example/ariha-shelling"
    assert writable.post("/api/submissions", json={"url": url}, headers=auth()).status_code == 200
    assert recorder.runs[0][0] == [url]


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"text": "  "},
        {"url": "ftp://x.example/a"},
        {"url": "https://a.example", "text": TEXT},
        {"text": TEXT, "country": "Atlantis"},
    ],
)
def test_bad_submissions_are_refused_with_one_line(writable, recorder, payload):
    response = writable.post("/api/submissions", json=payload, headers=auth())
    assert response.status_code == 422
    assert "\n" not in response.json()["detail"]
    assert recorder.runs == []


def test_the_real_pipeline_stores_a_submitted_text(pipeline, tmp_path):
    app = create_app(pipeline.store, token=TOKEN, make_pipeline=lambda: pipeline, submissions_dir=tmp_path)
    with TestClient(app) as c:
        response = c.post("/api/submissions", json={"text": TEXT, "published": "2024-04-03"}, headers=auth())
        assert response.status_code == 200, response.text
        summary = response.json()["summary"]
        assert summary["documents_new"] == 1 and summary["skipped"] == []
        again = c.post("/api/submissions", json={"text": TEXT, "published": "2024-04-03"}, headers=auth())
        assert again.json()["summary"]["documents_unchanged"] == 1
    (document,) = list(pipeline.store.iter_documents())
    assert "Ariha" in document.body
