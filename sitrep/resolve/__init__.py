"""resolve: mentions of the same real-world event, across sentences, posts and sources, become one Event."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import Connection

from sitrep.ids import event_id_for
from sitrep.model import Mention
from sitrep.resolve.summarize import summarize
from sitrep.store.db import Store


@dataclass
class ResolveStats:
    created: set[str] = field(default_factory=set)
    updated: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)


def _key(m: Mention) -> tuple:
    place = m.place.gazetteer_id if m.place and m.place.gazetteer_id else (m.location_text or "").lower()
    return (m.event_type, m.sub_event_type, m.event_date, place or m.document_id)


def assign(new: list[Mention], existing: list[tuple[str, Mention]]) -> dict[str, str]:
    """mention id -> event id. Existing events keep their ids; a new event is named after its first mention."""
    by_key: dict[tuple, str] = {}
    for event_id, m in existing:
        by_key.setdefault(_key(m), event_id)
    assignments: dict[str, str] = {}
    for m in sorted(new, key=lambda m: m.id):
        key = _key(m)
        if key not in by_key:
            by_key[key] = event_id_for(m.id)
        assignments[m.id] = by_key[key]
    return assignments


def resolve_into(store: Store, conn: Connection, new: list[Mention], touched: set[str]) -> ResolveStats:
    """Assign new mentions to events (existing or new) and re-materialise every event touched."""
    stats = ResolveStats()
    dated = [m.event_date for m in new if m.event_date]
    existing = store.mentions_between(conn, min(dated) - timedelta(days=1), max(dated) + timedelta(days=1)) if dated else []
    existing_ids = {event_id for event_id, _ in existing} | touched
    assignments = assign(new, existing)
    store.assign_mentions(conn, assignments)
    affected = set(assignments.values()) | touched
    mentions_by_event = store.mentions_of_events(conn, affected)
    meta = store.document_meta(conn, {m.document_id for ms in mentions_by_event.values() for m in ms})
    events = [summarize(eid, ms, meta) for eid, ms in mentions_by_event.items()]
    store.save_events(conn, events)
    gone = affected - set(mentions_by_event)
    store.delete_events(conn, gone)
    stats.removed = gone
    stats.created = {e.id for e in events} - existing_ids
    stats.updated = {e.id for e in events} & existing_ids
    return stats
