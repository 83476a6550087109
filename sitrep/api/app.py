"""FastAPI application over a Store."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException

from sitrep.documents import document_record
from sitrep.export import event_record
from sitrep.store import EventQuery, Store, get_event, iter_events


def create_app(store: Store) -> FastAPI:
    app = FastAPI(title="sitrep", description="Conflict events with their sources and evidence.")

    @app.get("/api/events")
    def list_events(limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        query = EventQuery(limit=limit, offset=offset)
        return [event_record(e) for e in iter_events(store, query)]

    @app.get("/api/events/{event_id}")
    def one_event(event_id: str) -> dict[str, Any]:
        event = get_event(store, event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id}")
        return event_record(event)

    @app.get("/api/documents/{document_id}")
    def one_document(document_id: str) -> dict[str, Any]:
        doc = store.get_document(document_id)
        if doc is None:
            raise HTTPException(404, f"no document {document_id}")
        return document_record(doc)

    return app
