"""Free-text search over evidence: the FTS5 trigram index answers exactly what LIKE would, in any script."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from api.sample_db import SAMPLES, build_sample_db
from sqlalchemy import text

from sitrep.model import Document, Evidence, Mention, Place, Post
from sitrep.resolve.summarize import summarize
from sitrep.store import EventQuery, count_events, iter_events
from sitrep.store.queries import event_page

ARABIC_BODY = (
    "قصف مدفعي على بلدة كفرنبل\n\n"
    "قال الدفاع المدني إن قصفاً مدفعياً استهدف بلدة كفرنبل في ريف إدلب الجنوبي صباح الأحد، "
    "ما أدى إلى مقتل مدنيين اثنين. "
    'وقال متحدث باسم فصيل محلي: "سنرد في الوقت المناسب".'
)
QUOTED_BODY = (
    "Ministry rejects report\n\n"
    'A ministry spokesman called the report "fabricated, like the last one" and said no strike took place. '
    "Local activists said the strike hit a school near Ariha."
)


def _place() -> Place:
    return Place(name="Kafr Nabl", country="Syria", iso=760, admin1="Idlib", admin2=None, latitude=35.61,
                 longitude=36.56, geo_precision=1, country_code="SY")  # fmt: skip


def _document(doc_id: str, body: str) -> Document:
    return Document(id=doc_id, source=f"https://example.org/{doc_id}", media_type="text/html", body=body,
                    posts=[Post(None, date(2024, 3, 3), 0, len(body), body)], published=date(2024, 3, 3))  # fmt: skip


def _mention(mention_id: str, doc: Document, sentences: list[str]) -> Mention:
    evidence = [Evidence(s, doc.body.index(s), doc.body.index(s) + len(s)) for s in sentences]
    return Mention(id=mention_id, document_id=doc.id, post_index=0, event_type="Explosions/Remote violence",
                   sub_event_type="Shelling/artillery/missile attack", evidence=evidence, place=_place(),
                   event_date=date(2024, 3, 3), date_precision="day", modality="occurred", certainty="reported")  # fmt: skip


def add_event(store, event_id: str, body: str, sentences: list[list[str]]) -> None:
    """One document, one mention per list of sentences, all merged into one event (through resolve's summary)."""
    doc = _document(f"doc_{event_id}", body)
    mentions = [_mention(f"m_{event_id}_{i}", doc, s) for i, s in enumerate(sentences)]
    with store.transaction() as conn:
        store.add_document(conn, doc)
        store.add_mentions(conn, mentions)
        store.assign_mentions(conn, {m.id: event_id for m in mentions})
        store.save_events(conn, [summarize(event_id, mentions, store.document_meta(conn, [doc.id]))])


@pytest.fixture
def store(tmp_path):
    store = build_sample_db(tmp_path / "search.sqlite")
    arabic = [s.strip() for s in ARABIC_BODY.split("\n\n")[1].split(". ")]
    add_event(store, "ev_arabic", ARABIC_BODY, [[arabic[0] + "."], [arabic[1]]])
    quoted = QUOTED_BODY.split("\n\n")[1]
    first, second = quoted[: quoted.index(" Local") + 1].strip(), quoted[quoted.index("Local") :]
    add_event(store, "ev_quoted", QUOTED_BODY, [[first, second]])
    yield store
    store.close()


def found(store, needle: str) -> list[str]:
    return [e.id for e in iter_events(store, EventQuery(text=needle), with_sources=False)]


def found_by_like(store, needle: str) -> list[str]:
    store.__dict__["text_index"] = False  # what PostgreSQL (or a SQLite without FTS5) answers
    try:
        return found(store, needle)
    finally:
        del store.__dict__["text_index"]


def test_the_trigram_index_is_installed_on_sqlite(store):
    assert store.text_index
    with store.engine.connect() as conn:
        indexed = conn.execute(text("SELECT count(*) FROM mention_search_keys")).scalar_one()
        mentions = conn.execute(text("SELECT count(*) FROM mentions")).scalar_one()
    assert indexed == mentions


@pytest.mark.parametrize("needle", ["كفرنبل", "مقتل مدنيين", "الدفاع المدني"])
def test_arabic_text_is_found(store, needle):
    assert found(store, needle) == ["ev_arabic"]


@pytest.mark.parametrize(
    "needle",
    ['"fabricated, like the last one"', 'report "fabricated', '"سنرد في الوقت المناسب"', "one\" and said"],
)
def test_quoted_text_is_found_as_written(store, needle):
    assert len(found(store, needle)) == 1


@pytest.mark.parametrize("needle", ["market OR bakery", "strike*", "NEAR(strike school)", "school -Ariha", "{notes}:"])
def test_query_syntax_in_the_needle_is_literal_text(store, needle):
    assert found(store, needle) == []


@pytest.mark.parametrize(
    "needle",
    ["MAARAT AL-NUMAN", "civil defence", "Kafr", "ar", "took place. Local", "وقال متحدث", "%", "_", "a drone struck"],
)
def test_the_index_answers_what_like_answers(store, needle):
    assert sorted(found(store, needle)) == sorted(found_by_like(store, needle))


def test_notes_are_found_even_across_two_evidence_sentences(store):
    """An event's notes join its lead evidence with spaces; the index joins them the same way."""
    for event in iter_events(store, EventQuery(), with_sources=False):
        assert event.id in found(store, event.notes), event.id
    assert found(store, "no strike took place. Local activists") == ["ev_quoted"]


def test_count_and_page_agree_with_the_search(store):
    query = EventQuery(text="Maarat al-Numan", limit=1)
    assert count_events(store, query) == 1
    assert [e.id for e in event_page(store, query)] == ["ev_maarat_strike"]


def test_the_index_follows_deletes_and_updates(store):
    with store.transaction() as conn:  # resolution moving mentions to another event
        store.set_event_ids(conn, {"m_ev_arabic_0": "ev_moved", "m_ev_arabic_1": "ev_moved"})
        store.save_events(conn, [replace(store.load_events(conn, ["ev_arabic"])[0], id="ev_moved")])
        store.delete_events(conn, ["ev_arabic"])
    assert found(store, "كفرنبل") == ["ev_moved"]
    with store.transaction() as conn:
        store.remove_mentions_of(conn, "doc_ev_arabic")
        store.delete_events(conn, ["ev_moved"])
    assert found(store, "كفرنبل") == []
    assert found(store, "الدفاع") == []
    with store.transaction() as conn:
        conn.execute(
            text("UPDATE mentions SET evidence_text = 'Shells fell on Kansafra overnight' WHERE event_id = :e"),
            {"e": SAMPLES[1].id},
        )
    assert found(store, "Kansafra") == [SAMPLES[1].id]
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT count(*) FROM mention_search")).scalar_one()
        mentions = conn.execute(text("SELECT count(*) FROM mentions")).scalar_one()
    assert rows == mentions


@pytest.mark.parametrize("sort", ["event_date", "fatalities", "id"])
@pytest.mark.parametrize("descending", [True, False])
def test_a_page_of_a_text_search_is_the_same_read_either_way(store, monkeypatch, sort, descending):
    """Many matches: events read in sort order and tested; few: matches looked up and sorted."""
    from sitrep.store import queries

    for offset in (0, 1, 3):
        query = EventQuery(text="the", sort=sort, descending=descending, limit=2, offset=offset)
        monkeypatch.setattr(queries, "TEXT_SCAN_FROM", 10**9)
        looked_up = queries.event_page_with_total(store, query)
        monkeypatch.setattr(queries, "TEXT_SCAN_FROM", 1)
        scanned = queries.event_page_with_total(store, query)
        assert [e.id for e in scanned[0]] == [e.id for e in looked_up[0]] and scanned[1] == looked_up[1]
        assert scanned[1] == len(found_by_like(store, "the")) > 3
