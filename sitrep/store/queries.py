"""Event queries: one filter object shared by the CLI, the exports and the API."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select

from sitrep.model import Event
from sitrep.store import rows, schema
from sitrep.store.db import Store

SORTABLE = {"event_date", "fatalities", "corroboration", "event_type", "admin1", "id", "updated_at"}


@dataclass
class EventQuery:
    date_from: date | None = None
    date_to: date | None = None
    event_type: list[str] | None = None
    sub_event_type: list[str] | None = None
    actor: str | None = None  # substring of actor1/actor2/assoc actors, case-insensitive
    country: str | None = None  # name or ISO alpha-2
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    point: tuple[float, float] | None = None  # lat, lon
    radius_km: float | None = None
    certainty: list[str] | None = None
    modality: list[str] | None = None
    min_corroboration: int | None = None
    text: str | None = None  # substring of the evidence / notes
    sort: str = "event_date"
    descending: bool = True
    limit: int | None = None
    offset: int = 0


def _like(column: Any, needle: str) -> Any:
    return func.lower(column).like(f"%{needle.lower()}%")


def _radius_box(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    dlat = km / 111.0
    dlon = km / (111.0 * max(math.cos(math.radians(lat)), 0.01))
    return lon - dlon, lat - dlat, lon + dlon, lat + dlat


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _conditions(q: EventQuery) -> list[Any]:
    e, m = schema.events, schema.mentions
    conds: list[Any] = []
    if q.date_from:
        conds.append(e.c.event_date >= q.date_from)
    if q.date_to:
        conds.append(e.c.event_date <= q.date_to)
    if q.event_type:
        conds.append(e.c.event_type.in_(q.event_type))
    if q.sub_event_type:
        conds.append(e.c.sub_event_type.in_(q.sub_event_type))
    if q.actor:
        actor_cols = (e.c.actor1, e.c.actor2, e.c.assoc_actor_1, e.c.assoc_actor_2)
        conds.append(or_(*(_like(c, q.actor) for c in actor_cols)))
    if q.country:
        conds.append(or_(func.lower(e.c.country) == q.country.lower(), func.lower(e.c.country_code) == q.country.lower()))
    if q.admin1:
        conds.append(func.lower(e.c.admin1) == q.admin1.lower())
    box = q.bbox
    if q.point and q.radius_km:
        box = _radius_box(q.point[0], q.point[1], q.radius_km)
    if box:
        west, south, east, north = box
        conds.append(and_(e.c.longitude >= west, e.c.longitude <= east, e.c.latitude >= south, e.c.latitude <= north))
    if q.certainty:
        conds.append(e.c.certainty.in_(q.certainty))
    if q.modality:
        conds.append(e.c.modality.in_(q.modality))
    if q.min_corroboration:
        conds.append(e.c.corroboration >= q.min_corroboration)
    if q.text:
        in_evidence = exists().where(m.c.event_id == e.c.id, _like(m.c.evidence, q.text))
        conds.append(or_(_like(e.c.notes, q.text), in_evidence))
    return conds


def _select(q: EventQuery) -> Select:
    e = schema.events
    query = select(e).where(*_conditions(q))
    column = e.c[q.sort] if q.sort in SORTABLE else e.c.event_date
    order = column.desc() if q.descending else column.asc()
    return query.order_by(order.nulls_last(), e.c.id)


def _within_radius(event: Event, q: EventQuery) -> bool:
    if not (q.point and q.radius_km):
        return True
    if event.place is None or event.place.latitude is None or event.place.longitude is None:
        return False
    return haversine_km(q.point[0], q.point[1], event.place.latitude, event.place.longitude) <= q.radius_km


def count_events(store: Store, q: EventQuery) -> int:
    e = schema.events
    query = select(func.count()).select_from(e).where(*_conditions(q))
    with store.engine.connect() as conn:
        return conn.execute(query).scalar_one()


def iter_events(store: Store, q: EventQuery, with_sources: bool = True, batch: int = 500) -> Iterator[Event]:
    """Events matching the query, in order, each with its sources when asked."""
    query = _select(q)
    if q.limit is not None and not (q.point and q.radius_km):
        query = query.limit(q.limit).offset(q.offset)
    with store.engine.connect() as conn:
        result = conn.execute(query)
        while chunk := result.fetchmany(batch):
            events = [rows.row_to_event(r._mapping) for r in chunk]
            events = [ev for ev in events if _within_radius(ev, q)]
            if with_sources and events:
                store.attach_sources(conn, events)
            yield from events


def get_event(store: Store, event_id: str) -> Event | None:
    with store.engine.connect() as conn:
        canonical = store.canonical_event_id(conn, event_id)
        row = conn.execute(select(schema.events).where(schema.events.c.id == canonical)).first()
        if row is None:
            return None
        event = rows.row_to_event(row._mapping)
        store.attach_sources(conn, [event])
        return event
