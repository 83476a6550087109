"""Query-string filters shared by every event endpoint, parsed into one `EventQuery`."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query

from sitrep.model import CERTAINTIES, MODALITIES
from sitrep.store import EventQuery
from sitrep.store.queries import SORTABLE

SORT_HELP = f"One of {', '.join(sorted(SORTABLE))}; prefix with '-' for descending (default -event_date)."


def invalid_parameter(message: str) -> HTTPException:
    """A 422 whose detail is one line for the user."""
    return HTTPException(status_code=422, detail=message)


def parse_floats(value: str, count: int, name: str, shape: str) -> tuple[float, ...]:
    parts = [p.strip() for p in value.split(",")]
    try:
        numbers = tuple(float(p) for p in parts)
    except ValueError:
        raise invalid_parameter(f"{name}: expected {shape}, got {value!r}") from None
    if len(numbers) != count:
        raise invalid_parameter(f"{name}: expected {shape}, got {value!r}")
    return numbers


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    west, south, east, north = parse_floats(value, 4, "bbox", "west,south,east,north in degrees")
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise invalid_parameter(f"bbox: out of range or south > north: {value!r}")
    if west > east:
        raise invalid_parameter(f"bbox: west > east (boxes crossing the antimeridian are not supported): {value!r}")
    return west, south, east, north


def parse_point(value: str) -> tuple[float, float]:
    lat, lon = parse_floats(value, 2, "near", "lat,lon in degrees")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise invalid_parameter(f"near: out of range: {value!r}")
    return lat, lon


def parse_sort(value: str) -> tuple[str, bool]:
    descending = value.startswith("-")
    column = value.lstrip("-+")
    if column not in SORTABLE:
        raise invalid_parameter(f"sort: choose one of {', '.join(sorted(SORTABLE))}, not {value!r}")
    return column, descending


def check_choices(values: list[str] | None, allowed: tuple[str, ...], name: str) -> list[str] | None:
    for value in values or []:
        if value not in allowed:
            raise invalid_parameter(f"{name}: choose from {', '.join(allowed)}, not {value!r}")
    return values or None


def event_filters(
    date_from: Annotated[date | None, Query(description="Earliest event date, YYYY-MM-DD.")] = None,
    date_to: Annotated[date | None, Query(description="Latest event date, YYYY-MM-DD.")] = None,
    event_type: Annotated[list[str] | None, Query(description="ACLED event type (repeatable).")] = None,
    sub_event_type: Annotated[list[str] | None, Query(description="ACLED sub-event type (repeatable).")] = None,
    actor: Annotated[str | None, Query(description="Any actor's name contains this (case-insensitive).")] = None,
    country: Annotated[str | None, Query(description="Country name or ISO alpha-2 code.")] = None,
    admin1: Annotated[str | None, Query(description="First-level admin unit, e.g. Idlib.")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.")] = None,
    near: Annotated[str | None, Query(description="lat,lon: centre of a radius search (with radius_km).")] = None,
    radius_km: Annotated[float | None, Query(gt=0, le=2000, description="Radius around `near`, km.")] = None,
    certainty: Annotated[list[str] | None, Query(description="asserted | reported | claimed | alleged")] = None,
    modality: Annotated[list[str] | None, Query(description="occurred | planned | hypothetical | denied")] = None,
    min_corroboration: Annotated[int | None, Query(ge=1, description="At least this many publishers.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Evidence or notes contain this text.")] = None,
    sort: Annotated[str, Query(description=SORT_HELP)] = "-event_date",
) -> EventQuery:
    """Every filter of the event endpoints; pagination is added by the endpoints that page."""
    if date_from and date_to and date_from > date_to:
        raise invalid_parameter(f"date_from {date_from} is after date_to {date_to}")
    if (near is None) != (radius_km is None):
        raise invalid_parameter("near and radius_km go together: near=lat,lon&radius_km=25")
    column, descending = parse_sort(sort)
    return EventQuery(
        date_from=date_from,
        date_to=date_to,
        event_type=event_type or None,
        sub_event_type=sub_event_type or None,
        actor=actor or None,
        country=country or None,
        admin1=admin1 or None,
        bbox=parse_bbox(bbox) if bbox else None,
        point=parse_point(near) if near else None,
        radius_km=radius_km,
        certainty=check_choices(certainty, CERTAINTIES, "certainty"),
        modality=check_choices(modality, MODALITIES, "modality"),
        min_corroboration=min_corroboration,
        text=q.strip() if q and q.strip() else None,
        sort=column,
        descending=descending,
    )
