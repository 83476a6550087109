"""The demo corpus through ingest + clean, checked against its answer key (demo/gold.yaml): per document
the publication date, title, reader comments, posts, every event quote kept in the body and no reader
comment or page furniture left in it; and the inputs that must be skipped, with their reasons.
"""

from __future__ import annotations

import pytest

from sitrep import clean, ingest
from sitrep.model import Document, Input, Skipped
from tests.demo.gold import CORPUS, doc_id, documents, key, normalise, reports_by_source, source_of

if not CORPUS.is_dir():
    pytest.skip("demo corpus not present", allow_module_level=True)

_FURNITURE = ("link title", "image caption", "boilerplate")


@pytest.fixture(scope="module")
def ingested() -> tuple[dict[str, Input], list[Skipped]]:
    inputs: dict[str, Input] = {}
    skipped: list[Skipped] = []
    for target in ingest.plan([str(CORPUS)]):
        if isinstance(target, Skipped):
            skipped.append(target)
            continue
        for item in ingest.read(target):
            if isinstance(item, Skipped):
                skipped.append(item)
            else:
                inputs[item.source] = item
    return inputs, skipped


def _clean(item: Input) -> Document | str:
    try:
        return clean.clean(item)
    except clean.NoTextError as exc:  # reported by the failing document's tests, not by all of them
        return f"no document: {exc}"


@pytest.fixture(scope="module")
def cleaned(ingested) -> dict[str, Document | str]:
    inputs, _ = ingested
    return {source: _clean(item) for source, item in inputs.items()}


def cleaned_doc(cleaned: dict, entry: dict) -> Document:
    doc = cleaned.get(source_of(entry), "not ingested")
    assert isinstance(doc, Document), doc
    return doc


def test_every_document_of_the_key_is_ingested_and_nothing_else(cleaned) -> None:
    assert sorted(cleaned) == sorted(source_of(entry) for entry in documents())
    assert len(cleaned) == key()["summary"]["documents"]


@pytest.mark.parametrize("entry", documents(), ids=doc_id)
def test_document_metadata(entry: dict, cleaned) -> None:
    doc = cleaned_doc(cleaned, entry)
    expected = entry["published"]
    assert (doc.published.isoformat() if doc.published else None) == expected
    if entry.get("title"):
        assert doc.title == entry["title"]
    assert len(doc.comments) == entry["comments"], [c.text for c in doc.comments]


@pytest.mark.parametrize("entry", documents(), ids=doc_id)
def test_posts(entry: dict, cleaned) -> None:
    doc = cleaned_doc(cleaned, entry)
    for post in doc.posts:
        assert doc.body[post.start : post.end] == post.body
    if entry.get("posts"):
        got = [(p.title, p.published.isoformat() if p.published else None) for p in doc.posts]
        assert got == [(p["title"], p["published"]) for p in entry["posts"]]
    else:
        assert len(doc.posts) == 1


@pytest.mark.parametrize("entry", documents(), ids=doc_id)
def test_event_quotes_survive_cleaning(entry: dict, cleaned) -> None:
    doc = cleaned_doc(cleaned, entry)
    body = normalise(doc.body)
    posts = {post.title: normalise(post.body) for post in doc.posts}
    reports = reports_by_source().get(source_of(entry), [])
    missing = [r["quote"] for r in reports if normalise(r["quote"]) not in (posts.get(r["post"], "") if r.get("post") else body)]
    assert not missing


@pytest.mark.parametrize("entry", documents(), ids=doc_id)
def test_reader_comments_and_furniture_stay_out_of_the_body(entry: dict, cleaned) -> None:
    doc = cleaned_doc(cleaned, entry)
    body = normalise(doc.body)
    said = normalise(" ".join(c.text for c in doc.comments))
    for item in entry["not_events"]:
        text = normalise(item["text"])
        if item["why"].startswith("reader comment"):
            assert text not in body and text in said, item["text"]
        elif item["why"].startswith(_FURNITURE):
            assert text not in body, item["text"]


def test_broken_inputs_are_skipped_with_their_reasons(ingested) -> None:
    inputs, skipped = ingested
    by_source = {s.source: s.reason for s in skipped}
    expected = key()["skipped_inputs"]
    assert len(skipped) == len(expected)
    for entry in expected:
        path, _, uri = entry["input"].partition(" ")
        path, _, line = path.partition(":")
        source = uri or (f"{CORPUS / path}:{line}" if line else str(CORPUS / path))
        # the key's reason up to its first parenthesis is how ours must start
        assert by_source[source].startswith(entry["reason"].split("(")[0].strip()), (source, by_source[source])
    # the malformed JSONL line stops nothing: the feed's other records are all read
    feed = [source_of(e) for e in documents() if e["file"] == "feeds/wire-feed-export.jsonl"]
    assert len(feed) == 9 and all(source in inputs for source in feed)
