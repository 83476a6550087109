"""Conversions between model records and table rows (plain dicts)."""

from __future__ import annotations

import zlib
from datetime import datetime
from typing import Any, Mapping

from sitrep.model import Comment, Document, Event, Evidence, Mention, Place, Post
from sitrep.store.schema import PLACE_COLUMN_NAMES

Row = Mapping[str, Any]


def place_to_row(place: Place | None) -> dict[str, Any]:
    if place is None:
        return dict.fromkeys(PLACE_COLUMN_NAMES)
    return {
        "location": place.name,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "admin3": place.admin3,
        "country": place.country,
        "country_code": place.country_code,
        "iso": place.iso,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "geo_precision": place.geo_precision,
        "gazetteer_id": place.gazetteer_id,
    }


def row_to_place(row: Row) -> Place | None:
    if row["location"] is None and row["latitude"] is None and row["admin1"] is None:
        return None
    return Place(
        name=row["location"] or "",
        country=row["country"],
        iso=row["iso"],
        admin1=row["admin1"],
        admin2=row["admin2"],
        admin3=row["admin3"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        geo_precision=row["geo_precision"] or 3,
        gazetteer_id=row["gazetteer_id"],
        country_code=row["country_code"],
    )


def evidence_to_json(evidence: list[Evidence]) -> list[dict[str, Any]]:
    return [{"text": e.text, "start": e.start, "end": e.end} for e in evidence]


def evidence_text(evidence: list[Evidence]) -> str:
    return "\n".join(e.text for e in evidence)


def json_to_evidence(items: list[dict[str, Any]]) -> list[Evidence]:
    return [Evidence(text=i["text"], start=i["start"], end=i["end"]) for i in items]


def document_rows(
    doc: Document, version: int, ingested_at: datetime
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    doc_row = {
        "id": doc.id,
        "source": doc.source,
        "url": doc.url,
        "version": version,
        "superseded_by": None,
        "duplicate_of": None,
        "media_type": doc.media_type,
        "title": doc.title,
        "publisher": doc.publisher,
        "author": doc.author,
        "published": doc.published,
        "country": doc.country,
        "body": doc.body,
        "raw": zlib.compress(doc.raw) if doc.raw else None,
        "ingested_at": ingested_at,
    }
    post_rows = [
        {"document_id": doc.id, "idx": i, "title": p.title, "published": p.published, "start": p.start, "end": p.end}
        for i, p in enumerate(doc.posts)
    ]
    comment_rows = [
        {"document_id": doc.id, "idx": i, "author": c.author, "published": c.published, "text": c.text}
        for i, c in enumerate(doc.comments)
    ]
    return doc_row, post_rows, comment_rows


def rows_to_document(doc_row: Row, post_rows: list[Row], comment_rows: list[Row], with_raw: bool = False) -> Document:
    body = doc_row["body"]
    posts = [
        Post(title=p["title"], published=p["published"], start=p["start"], end=p["end"], body=body[p["start"] : p["end"]])
        for p in sorted(post_rows, key=lambda r: r["idx"])
    ]
    comments = [
        Comment(text=c["text"], author=c["author"], published=c["published"])
        for c in sorted(comment_rows, key=lambda r: r["idx"])
    ]
    raw = zlib.decompress(doc_row["raw"]) if with_raw and doc_row["raw"] else b""
    return Document(
        id=doc_row["id"],
        source=doc_row["source"],
        media_type=doc_row["media_type"],
        body=body,
        posts=posts,
        title=doc_row["title"],
        publisher=doc_row["publisher"],
        author=doc_row["author"],
        published=doc_row["published"],
        comments=comments,
        country=doc_row["country"],
        url=doc_row["url"],
        raw=raw,
    )


_MENTION_FIELDS = (
    "id", "document_id", "post_index", "event_type", "sub_event_type",
    "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2",
    "location_text", "location_qualifier", "admin_hint", "geo_note",
    "event_date", "date_precision", "fatalities", "modality", "certainty",
)  # fmt: skip


def mention_to_row(mention: Mention, event_id: str | None = None) -> dict[str, Any]:
    row = {name: getattr(mention, name) for name in _MENTION_FIELDS}
    row.update(place_to_row(mention.place))
    row["attribution"] = list(mention.attribution)
    row["evidence"] = evidence_to_json(mention.evidence)
    row["evidence_text"] = evidence_text(mention.evidence)
    row["event_id"] = event_id
    return row


def row_to_mention(row: Row) -> Mention:
    fields = {name: row[name] for name in _MENTION_FIELDS}
    return Mention(
        **fields,
        evidence=json_to_evidence(row["evidence"]),
        attribution=list(row["attribution"]),
        place=row_to_place(row),
    )


_EVENT_FIELDS = (
    "id", "event_type", "sub_event_type", "event_date", "date_precision",
    "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2",
    "location_text", "fatalities", "modality", "certainty", "corroboration", "disputed", "notes",
)  # fmt: skip


def event_to_row(event: Event) -> dict[str, Any]:
    row = {name: getattr(event, name) for name in _EVENT_FIELDS}
    row.update(place_to_row(event.place))
    row["attribution"] = list(event.attribution)
    return row


def row_to_event(row: Row, mention_ids: list[str] | None = None) -> Event:
    fields = {name: row[name] for name in _EVENT_FIELDS}
    fields["disputed"] = bool(fields["disputed"])
    return Event(
        **fields,
        place=row_to_place(row),
        attribution=list(row["attribution"]),
        mention_ids=mention_ids or [],
    )
