"""The orchestrator: idempotency, versions, bad inputs beside good ones, nothing stored is lost."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.pipeline import RunOptions
from sitrep.store import EventQuery, iter_events

STRIKE = """Shelling kills three in Kafr Nabl

June 16, 2020

Regime shelling hit the town of Kafr Nabl in southern Idlib on Tuesday, killing three civilians,
according to the Syrian Observatory for Human Rights. Rescue workers said two houses were destroyed.
"""

CLASH = """Clashes on the Saraqib front

March 2, 2020

Fierce clashes broke out between government forces and opposition fighters on the outskirts of Saraqib
on Monday, a war monitor said. Both sides brought in reinforcements overnight.
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    return folder


def counts(store) -> tuple[int, int, int]:
    return store.count("documents"), store.count("mentions"), store.count("events")


def test_same_content_twice_changes_nothing(pipeline, store, inputs):
    write(inputs, "strike.txt", STRIKE)
    first = pipeline.run([str(inputs)])
    assert first.documents_new == 1
    assert store.count("events") >= 1
    before = counts(store)
    again = pipeline.run([str(inputs)])
    assert again.documents_new == 0 and again.documents_unchanged == 1
    assert again.mentions == 0 and again.events_created == 0
    assert counts(store) == before


def test_same_bytes_under_two_names_are_one_document(pipeline, store, inputs):
    write(inputs, "a.txt", STRIKE)
    write(inputs, "copy-of-a.txt", STRIKE)
    summary = pipeline.run([str(inputs)])
    assert summary.documents_new == 1 and summary.documents_unchanged == 1
    assert store.count("documents") == 1


def test_changed_page_is_a_new_version_not_a_duplicate(pipeline, store, inputs):
    page = write(inputs, "page.txt", STRIKE)
    pipeline.run([str(page)])
    events_before = {e.id for e in iter_events(store, EventQuery())}
    write(inputs, "page.txt", STRIKE + "\nUpdate: a fourth body was recovered from the rubble on Wednesday.\n")
    summary = pipeline.run([str(page)])
    assert summary.documents_new == 1 and summary.documents_versioned == 1
    current = list(store.iter_documents())
    assert len(current) == 1 and "fourth body" in current[0].body
    # the old version's mentions are gone; every event is backed only by the current version
    for event in iter_events(store, EventQuery()):
        assert {s.document_id for s in event.sources} == {current[0].id}
    assert events_before  # the strike was an event before the update too


def test_bad_inputs_are_skipped_with_reasons_and_the_rest_processed(pipeline, store, inputs):
    write(inputs, "good.txt", STRIKE)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    summary = pipeline.run([str(inputs), str(inputs / "missing.txt")])
    assert summary.documents_new == 1
    reasons = {Path(s.source).name: s.reason for s in summary.skipped}
    assert set(reasons) >= {"empty.txt", "image.png", "missing.txt"}
    assert all(reason and "\n" not in reason for reason in reasons.values())


def test_earlier_data_survives_a_run_of_only_bad_inputs(pipeline, store, inputs):
    write(inputs, "good.txt", STRIKE)
    pipeline.run([str(inputs / "good.txt")])
    before = counts(store)
    (inputs / "empty.txt").write_bytes(b"   \n")
    summary = pipeline.run([str(inputs / "empty.txt"), str(inputs / "nope.html")])
    assert summary.processed == 0 and len(summary.skipped) == 2
    assert counts(store) == before


def test_published_option_overrides_document_date(pipeline, store, inputs):
    write(inputs, "clash.txt", CLASH)
    pipeline.run([str(inputs)], RunOptions(published=date(2020, 3, 3)))
    (doc,) = list(store.iter_documents())
    assert doc.published == date(2020, 3, 3)


def test_runs_are_recorded_with_their_skips(pipeline, store, inputs):
    write(inputs, "clash.txt", CLASH)
    pipeline.run([str(inputs), str(inputs / "absent.md")])
    assert store.count("runs") == 1
    assert store.count("skipped") == 1


def test_evidence_offsets_point_into_the_clean_body(pipeline, store, inputs):
    write(inputs, "strike.txt", STRIKE)
    write(inputs, "clash.txt", CLASH)
    pipeline.run([str(inputs)])
    bodies = {d.id: d.body for d in store.iter_documents()}
    events = list(iter_events(store, EventQuery()))
    assert events
    for event in events:
        for source in event.sources:
            for evidence in source.evidence:
                assert bodies[source.document_id][evidence.start : evidence.end] == evidence.text


def test_the_database_itself_is_never_ingested(pipeline, store, db_path):
    write(db_path.parent, "strike.txt", STRIKE)
    summary = pipeline.run([str(db_path.parent)])
    assert summary.documents_new == 1
    assert not any("sqlite" in s.source for s in summary.skipped)


class RepeatingExtractor:
    """Wraps the real extractor and returns every mention twice, as a slip in extraction could."""

    def __init__(self, extractor):
        self.extractor = extractor

    def extract(self, document):
        mentions = self.extractor.extract(document)
        return mentions + mentions

    def extract_many(self, documents):
        for document in documents:
            yield self.extract(document)


def test_a_repeated_mention_is_stored_once_and_does_not_lose_the_batch(store, extractor, geocoder, inputs, tmp_path):
    from sitrep.pipeline import Pipeline
    from sitrep.store import Store

    write(inputs, "strike.txt", STRIKE)
    write(inputs, "clash.txt", CLASH)
    summary = Pipeline(store, extractor=RepeatingExtractor(extractor), geocoder=geocoder).run([str(inputs)])
    plain_store = Store.open(tmp_path / "plain.sqlite")
    plain = Pipeline(plain_store, extractor=extractor, geocoder=geocoder).run([str(inputs)])
    assert summary.skipped == [] and store.count("documents") == 2
    assert summary.mentions == plain.mentions == store.count("mentions") > 0
    assert counts(store) == counts(plain_store)
    plain_store.close()
