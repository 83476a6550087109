"""resolve: mentions of the same real-world event, across sentences, posts and sources, become one Event.

    new mentions ──blocking──▶ candidate events (read from the store block by block)
                 ──cluster/compat──▶ join an event, found one, merge events that are one
                 ──summarize──▶ materialised events (corroboration, disagreements kept)

Event ids never change: a new event is named after the mention that founded it; when two
stored events turn out to be one, the older id survives and the other becomes an alias
(`Store.canonical_event_id` keeps resolving it). Rules: docs/resolution.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from sitrep.model import Event, Mention
from sitrep.resolve.blocking import register_keys
from sitrep.resolve.cluster import Outcome, Pool, assign
from sitrep.resolve.compat import link
from sitrep.resolve.duplicates import mark_near_duplicates
from sitrep.resolve.summarize import summarize
from sitrep.store.db import Store

__all__ = ["ResolveStats", "mark_near_duplicates", "resolve_into", "summarize"]


@dataclass
class ResolveStats:
    created: set[str] = field(default_factory=set)
    updated: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    merged: dict[str, str] = field(default_factory=dict)  # alias -> the event it now resolves to


def _loader(store: Store, conn: Connection):
    def load(keys: set[str]):
        ids = store.event_ids_in_blocks(conn, keys)
        if not ids:
            return []
        ages = store.event_ages(conn, ids)
        members = store.mentions_of_events(conn, ids)
        return [(eid, (0, ages.get(eid), eid), ms) for eid, ms in members.items()]

    return load


def _meta_with_originals(store: Store, conn: Connection, document_ids: set[str]) -> dict[str, dict[str, Any]]:
    """Document metadata, plus that of the originals the copies among them point to."""
    meta = store.document_meta(conn, document_ids)
    originals = {m["duplicate_of"] for m in meta.values() if m.get("duplicate_of")} - set(meta)
    if originals:
        meta.update(store.document_meta(conn, originals))
    return meta


def _same_source(meta: dict[str, dict[str, Any]]):
    def root(doc_id: str) -> str:
        return meta.get(doc_id, {}).get("duplicate_of") or doc_id

    def same(a: str, b: str) -> bool:
        return a != b and root(a) == root(b)

    return same


def _as_mention(event: Event) -> Mention:
    """A stand-in report for an event whose reports are all gone (to recognise its successor)."""
    return Mention(
        id=f"ghost:{event.id}", document_id=f"ghost:{event.id}", post_index=0,
        event_type=event.event_type, sub_event_type=event.sub_event_type, evidence=[],
        actor1=event.actor1, actor2=event.actor2, place=event.place, location_text=event.location_text,
        event_date=event.event_date, date_precision=event.date_precision,
    )  # fmt: skip


def _successions(
    store: Store, conn: Connection, orphans: set[str], new: list[Mention], outcome: Outcome
) -> dict[str, str]:
    """Events left without reports because their page changed: orphan id -> the event that continues it.

    When a document is re-ingested in a new version, its old mentions go; the event they made
    continues as the event the new version's matching mention went to (one candidate only).
    """
    if not orphans:
        return {}
    successors = set(store.superseded_documents(conn, {m.document_id for m in new}).values())
    continued: dict[str, str] = {}
    for event in store.load_events(conn, orphans):
        ghost = _as_mention(event)
        targets = {
            outcome.assignments[m.id]
            for m in new
            if m.document_id in successors and m.id in outcome.assignments and link(ghost, m) is not None
        }
        if len(targets) == 1:
            continued[event.id] = targets.pop()
    return continued


def _rename(outcome: Outcome, old: str, new: str) -> None:
    for mention_id, event_id in outcome.assignments.items():
        if event_id == old:
            outcome.assignments[mention_id] = new
    outcome.created.discard(old)
    outcome.grown.add(new)


def resolve_into(store: Store, conn: Connection, new: list[Mention], touched: set[str]) -> ResolveStats:
    """Assign new (already stored) mentions to events and re-materialise every event they touched.

    `touched`: events that lost mentions before this call (a superseded document version).
    """
    stats = ResolveStats()
    store.add_mention_blocks(conn, [(key, m.id) for m in new for key in register_keys(m)])
    meta = _meta_with_originals(store, conn, {m.document_id for m in new})
    pool = Pool(loader=_loader(store, conn), same_source=_same_source(meta))
    pool.ensure({key for m in new for key in pool.probes(m)})
    outcome = assign(new, pool)

    remaining = store.mentions_of_events(conn, touched) if touched else {}
    orphans = {e for e in touched if not remaining.get(e)} - set(outcome.assignments.values())
    renamed: dict[str, str] = {}
    for orphan, successor in sorted(_successions(store, conn, orphans, new, outcome).items()):
        successor = renamed.get(successor, successor)
        if successor in outcome.created:  # a fresh event takes over the old id: links keep working
            _rename(outcome, successor, orphan)
            renamed[successor] = orphan
        else:
            outcome.merged[orphan] = successor
    orphans -= set(outcome.assignments.values()) | set(outcome.merged)

    store.set_event_ids(conn, outcome.assignments)
    affected = (set(outcome.assignments.values()) | touched) - set(outcome.merged) - orphans
    members = store.mentions_of_events(conn, affected)
    meta.update(_meta_with_originals(store, conn, {m.document_id for ms in members.values() for m in ms} - set(meta)))
    events = [summarize(event_id, ms, meta) for event_id, ms in sorted(members.items())]
    store.save_events(conn, events)
    store.delete_events(conn, set(outcome.merged), merged_into=outcome.merged)
    store.delete_events(conn, orphans)

    stats.created = {e.id for e in events} & outcome.created
    stats.updated = {e.id for e in events} - stats.created
    stats.removed = orphans | set(outcome.merged)
    stats.merged = dict(outcome.merged)
    return stats
