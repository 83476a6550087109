"""The store: schema creation and migration, versions of a changed page, aliases, bad databases."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy import text

from sitrep.model import Document, Post
from sitrep.store import Store, StoreError
from sitrep.store.migrations import SCHEMA_VERSION


def make_document(doc_id: str, source: str, body: str) -> Document:
    return Document(
        id=doc_id,
        source=source,
        media_type="text/plain",
        body=body,
        posts=[Post(title="t", published=date(2020, 6, 14), start=0, end=len(body), body=body)],
        published=date(2020, 6, 14),
        raw=body.encode(),
    )


def test_new_database_gets_current_schema(db_path):
    store = Store.open(db_path)
    with store.transaction() as conn:
        version = conn.execute(text("select value from meta where key='schema_version'")).scalar_one()
        journal = conn.execute(text("PRAGMA journal_mode")).scalar_one()
    assert int(version) == SCHEMA_VERSION
    assert journal == "wal"
    store.close()
    # reopening applies nothing and keeps data
    Store.open(db_path).close()


def test_file_that_is_not_a_database_is_refused_in_one_line(tmp_path):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("these are my field notes, not a database\n")
    with pytest.raises(StoreError) as info:
        Store.open(bogus)
    assert "not a SQLite database" in str(info.value)
    assert "\n" not in str(info.value)
    assert bogus.read_text().startswith("these are my field notes")


def test_sqlite_database_of_another_application_is_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("create table birds (name text)")
    with pytest.raises(StoreError, match="not sitrep's"):
        Store.open(other)


def test_newer_schema_is_refused(db_path):
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("update meta set value='999' where key='schema_version'")
    with pytest.raises(StoreError, match="newer than this sitrep"):
        Store.open(db_path)


def test_missing_directory_is_reported(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "nowhere" / "db.sqlite")


def test_changed_page_becomes_a_new_version(store):
    with store.transaction() as conn:
        assert store.add_document(conn, make_document("a" * 32, "page.txt", "First version.")) is None
    with store.transaction() as conn:
        superseded = store.add_document(conn, make_document("b" * 32, "page.txt", "Second version."))
        assert superseded == "a" * 32
        assert store.current_document_for(conn, "page.txt") == ("b" * 32, 2)
    current = [d.id for d in store.iter_documents()]
    everything = [d.id for d in store.iter_documents(include_superseded=True)]
    assert current == ["b" * 32]
    assert sorted(everything) == ["a" * 32, "b" * 32]


def test_document_round_trip_keeps_posts_and_raw(store):
    doc = make_document("c" * 32, "x.txt", "Body text here.")
    with store.transaction() as conn:
        store.add_document(conn, doc)
    loaded = store.get_document("c" * 32, with_raw=True)
    assert loaded.body == doc.body
    assert loaded.posts[0].body == doc.body
    assert loaded.posts[0].published == date(2020, 6, 14)
    assert loaded.raw == doc.raw
    assert store.get_document("missing") is None


def test_merged_event_id_keeps_resolving(store):
    with store.transaction() as conn:
        store.delete_events(conn, ["ev_old"], merged_into={"ev_old": "ev_mid"})
        store.delete_events(conn, ["ev_mid"], merged_into={"ev_mid": "ev_new"})
        assert store.canonical_event_id(conn, "ev_old") == "ev_new"
        assert store.canonical_event_id(conn, "ev_mid") == "ev_new"
        assert store.canonical_event_id(conn, "ev_other") == "ev_other"


def test_free_text_search_matches_quotes_and_arabic_script(store):
    from sitrep.model import Evidence, Mention
    from sitrep.resolve import resolve_into
    from sitrep.store import EventQuery, iter_events

    body = 'Residents said "the bakery is gone" after the strike on معرة النعمان.'
    doc = make_document("d" * 32, "quote.txt", body)
    mention = Mention(
        id="m_quote", document_id=doc.id, post_index=0, event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", evidence=[Evidence(body, 0, len(body))],
        event_date=date(2020, 6, 14), date_precision="day",
    )  # fmt: skip
    with store.transaction() as conn:
        store.add_document(conn, doc)
        store.add_mentions(conn, [mention])
        resolve_into(store, conn, [mention], set())
    for needle in ('"the bakery is gone"', "معرة النعمان", "BAKERY"):
        assert [e.mention_ids for e in iter_events(store, EventQuery(text=needle))] == [["m_quote"]], needle
    assert list(iter_events(store, EventQuery(text="no such words"))) == []


def test_evidence_text_is_backfilled_for_databases_made_before_it(db_path):
    from sitrep.store import migrations

    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "insert into documents (id, source, version, media_type, body, ingested_at) "
            "values ('doc', 's', 1, 'text/plain', 'b', '2020-01-01 00:00:00')"
        )
        conn.execute(
            "insert into mentions (id, document_id, post_index, event_type, sub_event_type, date_precision, "
            "modality, certainty, attribution, evidence) values ('m', 'doc', 0, 'Battles', 'Armed clash', "
            "'day', 'occurred', 'asserted', '[]', '[{\"text\": \"Clashes in Saraqib\", \"start\": 0, \"end\": 18}]')"
        )
        conn.execute("update meta set value='3' where key='schema_version'")
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select evidence_text from mentions").fetchone() == ("Clashes in Saraqib",)
        assert conn.execute("select value from meta where key='schema_version'").fetchone() == (
            str(migrations.SCHEMA_VERSION),
        )
