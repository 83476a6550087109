"""Resolution through the whole pipeline (ingest, clean, extract, geo, store, resolve)."""

from __future__ import annotations

import json
from pathlib import Path

import multireport
from sqlalchemy import select

from sitrep.store import get_event, schema

GOLD = multireport.load_gold()


def jsonl(tmp_path: Path, name: str, *records: dict) -> str:
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def fixture(record_id: str) -> dict:
    return GOLD.records[record_id]


def event_at(store, place_words: tuple[str, ...], sub_event_type: str):
    """The one stored event of this sub-type whose location matches (the test's event of interest)."""
    e = schema.events
    with store.engine.connect() as conn:
        rows = conn.execute(select(e.c.id, e.c.location, e.c.location_text).where(e.c.sub_event_type == sub_event_type)).all()
    hits = [r.id for r in rows if any(w in f"{r.location} {r.location_text}".lower() for w in place_words)]
    assert len(hits) == 1, rows
    return get_event(store, hits[0])


KHAN_SHAYKHUN = ("khan", "khān")
CHEMICAL = "Chemical weapon"


def snapshot(store) -> list[tuple]:
    e = schema.events
    with store.engine.connect() as conn:
        return sorted(conn.execute(select(e.c.id, e.c.corroboration, e.c.fatalities, e.c.disputed, e.c.updated_at)).all())


def test_running_twice_changes_nothing(pipeline, store):
    first = pipeline.run([str(multireport.FIXTURES / "reports.jsonl")])
    before = snapshot(store)
    second = pipeline.run([str(multireport.FIXTURES / "reports.jsonl")])
    assert second.events_created == second.events_updated == 0
    assert second.documents_unchanged == first.documents_new
    assert snapshot(store) == before


def test_a_new_outlet_later_keeps_the_event_id_and_adds_to_corroboration(pipeline, store, tmp_path):
    pipeline.run([jsonl(tmp_path, "first", fixture("ks-monitor"))])
    before = event_at(store, KHAN_SHAYKHUN, CHEMICAL)
    pipeline.run([jsonl(tmp_path, "later", fixture("ks-wire"))])
    after = event_at(store, KHAN_SHAYKHUN, CHEMICAL)
    assert after.id == before.id
    assert after.corroboration == before.corroboration + 1 == 2


def test_a_repost_is_not_a_second_source(pipeline, store, tmp_path):
    pipeline.run([jsonl(tmp_path, "first", fixture("ks-monitor"), fixture("ks-wire"))])
    before = event_at(store, KHAN_SHAYKHUN, CHEMICAL)
    pipeline.run([jsonl(tmp_path, "repost", fixture("ks-wire-repost"))])
    after = event_at(store, KHAN_SHAYKHUN, CHEMICAL)
    assert after.id == before.id and after.corroboration == before.corroboration
    assert len(after.sources) == len(before.sources) + 1  # the copy is listed, not counted
    with store.engine.connect() as conn:
        copies = conn.execute(select(schema.documents.c.source).where(schema.documents.c.duplicate_of.is_not(None)))
        assert [r.source for r in copies] == [fixture("ks-wire-repost")["url"]]


def test_two_figures_the_lowest_is_kept_and_both_are_visible(pipeline, store, tmp_path):
    pipeline.run([jsonl(tmp_path, "two", fixture("mn-wire"), fixture("mn-ngo"))])
    event = event_at(store, ("nu man", "numan"), "Air/drone strike")
    assert event.fatalities == 39
    assert sorted(s.fatalities for s in event.sources) == [39, 43]
    assert event.corroboration == 2


def test_a_denial_makes_the_event_disputed(pipeline, store, tmp_path):
    denial = {
        "id": "denial", "url": "https://statenews.example/denial", "publisher": "State News", "country": "Syria",
        "published": "2017-04-04", "title": "Army denies gas use",
        "text": "The Syrian army on Tuesday denied carrying out any chemical attack in Khan Sheikhoun.",
    }  # fmt: skip
    pipeline.run([jsonl(tmp_path, "claim", fixture("ks-monitor"))])
    pipeline.run([jsonl(tmp_path, "denial", denial)])
    event = event_at(store, KHAN_SHAYKHUN, CHEMICAL)
    assert event.disputed and event.modality == "occurred"
    assert {s.modality for s in event.sources} == {"occurred", "denied"}
