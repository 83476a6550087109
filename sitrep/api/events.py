"""Event endpoints: a paged list, compact map points, facets, one event, and streamed exports."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Response
from fastapi.responses import StreamingResponse

from sitrep.api import exports
from sitrep.api.params import event_filters, invalid_parameter
from sitrep.export import event_record
from sitrep.store import EventQuery, Store, count_events, get_event, iter_events
from sitrep.store.queries import (
    POINT_FIELDS,
    count_combinations,
    date_bounds,
    event_page_with_total,
    iter_points,
    top_actors,
)

MAX_PAGE = 1000
MAX_POINTS = 200_000

Filters = Annotated[EventQuery, Depends(event_filters)]

FACETS = {
    "event_types": "event_type",
    "sub_event_types": "sub_event_type",
    "certainties": "certainty",
    "modalities": "modality",
    "countries": "country",
    "admin1s": "admin1",
}


def facet_counts(combinations: list[tuple[Any, ...]]) -> dict[str, list[dict[str, Any]]]:
    """Per facet, its values with counts (most frequent first), from rows of (*FACETS values, count, _)."""
    result = {}
    for i, key in enumerate(FACETS):
        counts: dict[Any, int] = {}
        for row in combinations:
            if row[i] is not None:
                counts[row[i]] = counts.get(row[i], 0) + row[len(FACETS)]
        ordered = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
        result[key] = [{"value": value, "count": n} for value, n in ordered]
    return result


def events_router(store: Store) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["events"])

    @router.get("/events", summary="Events matching the filters, one page at a time")
    def list_events(
        response: Response,
        query: Filters,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page size.")] = 100,
        offset: Annotated[int, Query(ge=0, description="Events to skip.")] = 0,
    ) -> dict[str, Any]:
        """An envelope: `total` (all matches), `limit`, `offset` and `events`, each an output-contract
        record with its sources and evidence. `X-Total-Count` carries the total too."""
        page, total = event_page_with_total(store, replace(query, limit=limit, offset=offset))
        events = [event_record(e) for e in page]
        response.headers["X-Total-Count"] = str(total)
        sort = ("-" if query.descending else "") + query.sort
        return {"total": total, "limit": limit, "offset": offset, "sort": sort, "events": events}

    @router.get("/points", summary="Compact rows of every matching event (for maps and lists)")
    def points(
        query: Filters,
        limit: Annotated[int, Query(ge=1, le=MAX_POINTS, description="At most this many rows.")] = 50_000,
    ) -> dict[str, Any]:
        """`fields` names the columns, `rows` holds one array per event (no sources), in the
        requested order; `total` counts all matches, so `total > len(rows)` means truncated."""
        rows = list(iter_points(store, replace(query, limit=limit)))
        total = len(rows) if len(rows) < limit else count_events(store, query)
        return {"total": total, "fields": list(POINT_FIELDS), "rows": rows}

    @router.get("/facets", summary="The values present, for filter menus")
    def facets(query: Filters) -> dict[str, Any]:
        """Counts by event type, sub-type, certainty, modality, country and admin1, the most
        frequent actors, and the date range, among the events matching the filters."""
        low, high = date_bounds(store, query)
        combinations = count_combinations(store, query, tuple(FACETS.values()))
        return {
            "total": sum(row[len(FACETS)] for row in combinations),
            "date_min": low.isoformat() if low else None,
            "date_max": high.isoformat() if high else None,
            **facet_counts(combinations),
            "actors": [{"value": name, "count": n} for name, n in top_actors(store, query)],
        }

    @router.get("/events/{event_id}", summary="One event with every source and its evidence")
    def one_event(event_id: str) -> dict[str, Any]:
        """A merged event's old id resolves to the event it was merged into (`resolved_from`)."""
        event = get_event(store, event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id}")
        record = event_record(event)
        if event.id != event_id:
            record["resolved_from"] = event_id
        return record

    @router.get(
        "/events.{fmt}",
        summary="Export every matching event: csv (ACLED columns), geojson or json",
        response_class=StreamingResponse,
    )
    def export_events(
        fmt: str,
        query: Filters,
        limit: Annotated[int | None, Query(ge=1, description="At most this many events.")] = None,
    ) -> StreamingResponse:
        if fmt not in exports.FORMATS:
            raise invalid_parameter(f"format: choose one of {', '.join(exports.FORMATS)}, not {fmt!r}")
        events = iter_events(store, replace(query, limit=limit))
        return StreamingResponse(
            exports.stream(events, fmt),
            media_type=exports.MEDIA_TYPES[fmt],
            headers={"Content-Disposition": f'attachment; filename="sitrep-events.{fmt}"'},
        )

    return router
