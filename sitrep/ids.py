"""Stable, content-derived identifiers."""

from __future__ import annotations

import hashlib


def content_id(raw: bytes) -> str:
    """A document's id: the hash of its raw bytes, so re-ingesting them is a no-op."""
    return hashlib.sha256(raw).hexdigest()[:32]


def stable_id(prefix: str, *parts: object) -> str:
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}{digest}"


def mention_id(document_id: str, start: int, end: int, location: str | None, sub_event_type: str) -> str:
    return stable_id("m_", document_id, start, end, location or "", sub_event_type)


def event_id_for(first_mention_id: str) -> str:
    """An event is named after the mention that founded it; the id never changes afterwards."""
    return stable_id("ev_", first_mention_id)
