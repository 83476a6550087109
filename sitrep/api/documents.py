"""A stored document's clean text with the evidence spans of its mentions marked.

Article text is untrusted: it may hold HTML or script. The JSON carries it as plain text plus
offsets; the optional HTML rendering escapes every piece of text and adds only <mark> elements.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, HTTPException

from sitrep.documents import document_record
from sitrep.model import Mention
from sitrep.store import Store


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    event_id: str | None
    mention_id: str


@dataclass(frozen=True)
class Segment:
    """A run of the body covered by the same set of spans (none: plain text)."""

    start: int
    end: int
    event_ids: tuple[str, ...]


def evidence_spans(body: str, mentions: list[tuple[str | None, Mention]]) -> list[Span]:
    """Every evidence span that lies inside the body, in reading order."""
    spans = {
        Span(e.start, e.end, event_id, m.id)
        for event_id, m in mentions
        for e in m.evidence
        if 0 <= e.start < e.end <= len(body)
    }
    return sorted(spans, key=lambda s: (s.start, s.end, s.mention_id))


def segments(length: int, spans: list[Span]) -> list[Segment]:
    """Cut [0, length) at every span boundary; overlapping spans share the pieces they cover."""
    cuts = sorted({0, length, *(s.start for s in spans), *(s.end for s in spans)})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = sorted({s.event_id or "" for s in spans if s.start <= start and end <= s.end})
        pieces.append(Segment(start, end, tuple(covering)))
    return pieces


def marked_html(body: str, spans: list[Span]) -> str:
    """The body as HTML text: everything escaped, evidence wrapped in <mark data-events="...">."""
    out = []
    for piece in segments(len(body), spans):
        text = html.escape(body[piece.start : piece.end], quote=True)
        if piece.event_ids:
            events = html.escape(" ".join(e for e in piece.event_ids if e), quote=True)
            out.append(f'<mark data-events="{events}">{text}</mark>')
        else:
            out.append(text)
    return "".join(out)


def documents_router(store: Store) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["documents"])

    @router.get("/documents/{document_id}", summary="Clean text with the evidence spans marked")
    def one_document(document_id: str, html_view: bool = False) -> dict[str, Any]:
        """The document record (`body`, `posts`, `comments`, metadata) plus `spans`: each evidence
        span of each mention, with its `event_id`, as character offsets into `body`. With
        `html_view=true`, also `html`: the escaped body with <mark data-events> around evidence."""
        doc = store.get_document(document_id)
        if doc is None:
            raise HTTPException(404, f"no document {document_id}")
        with store.engine.connect() as conn:
            mentions = store.mentions_in_document(conn, document_id)
        spans = evidence_spans(doc.body, mentions)
        record = document_record(doc)
        record["spans"] = [
            {"start": s.start, "end": s.end, "text": doc.body[s.start : s.end], "event_id": s.event_id,
             "mention_id": s.mention_id}
            for s in spans
        ]  # fmt: skip
        if html_view:
            record["html"] = marked_html(doc.body, spans)
        return record

    return router
