"""Event queries: one filter object shared by the CLI, the exports and the API."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import Select, String, and_, cast, func, or_, select

from sitrep.model import Event
from sitrep.store import rows, schema, search
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


def _like(column: Any, needle: str, dialect: str = "default") -> Any:
    """Case-insensitive substring; the user's % and _ are literal characters, not wildcards.

    SQLite's LIKE already ignores (ASCII) case, as its lower() folds ASCII only: leaving lower()
    out there gives the same answer 3-4 times faster. Elsewhere ILIKE (lower() LIKE lower()).
    An ESCAPE clause only when the needle needs one: SQLite's LIKE runs twice as slow with it.
    """
    like = column.like if dialect == "sqlite" else column.ilike
    if not any(c in needle for c in "\\%_"):
        return like(f"%{needle}%")
    literal = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return like(f"%{literal}%", escape="\\")


def _equals_ignoring_case(column: Any, value: str, dialect: str = "default") -> Any:
    """ASCII case-insensitive equality: COLLATE NOCASE on SQLite (its index, migration v5, then
    answers counts alone), lower() = lower() elsewhere."""
    if dialect == "sqlite":
        return column.collate("NOCASE") == value
    return func.lower(column) == value.lower()


def _radius_box(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    dlat = km / 111.0
    dlon = km / (111.0 * max(math.cos(math.radians(lat)), 0.01))
    return lon - dlon, lat - dlat, lon + dlon, lat + dlat


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _within_radius_sql(lat: float, lon: float, km: float) -> Any:
    """Equirectangular distance in plain arithmetic (runs on SQLite and PostgreSQL alike).

    Within a few hundred kilometres it differs from the great-circle distance by well under 1%,
    so counts, pages and exports agree with each other without a post-filter.
    """
    e = schema.events
    kx = 111.195 * max(math.cos(math.radians(lat)), 0.01)
    dx = (e.c.longitude - lon) * kx
    dy = (e.c.latitude - lat) * 111.195
    return dx * dx + dy * dy <= km * km


def _conditions(
    q: EventQuery, dialect: str = "default", text_index: bool = False, text_scan: bool = False
) -> list[Any]:
    """The WHERE terms of a query; `text_index`: the FTS5 trigram tables exist (see store.search);
    `text_scan`: many events match the text, so test each event read in sort order against the
    matches rather than look every match up and sort them all."""
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
    if q.actor:  # few distinct names, a narrow index to scan (migration v6): no text index needed
        actor_cols = (e.c.actor1, e.c.actor2, e.c.assoc_actor_1, e.c.assoc_actor_2)
        conds.append(or_(*(_like(c, q.actor, dialect) for c in actor_cols)))
    if q.country:
        # a two-letter value is an ISO code, anything longer a name: one indexed column each
        column = e.c.country_code if len(q.country) == 2 else e.c.country
        conds.append(_equals_ignoring_case(column, q.country, dialect))
    if q.admin1:
        conds.append(_equals_ignoring_case(e.c.admin1, q.admin1, dialect))
    boxes = [q.bbox] if q.bbox else []
    if q.point and q.radius_km:
        boxes.append(_radius_box(q.point[0], q.point[1], q.radius_km))  # the box lets an index help
        conds.append(_within_radius_sql(q.point[0], q.point[1], q.radius_km))
    for west, south, east, north in boxes:
        conds.append(and_(e.c.longitude >= west, e.c.longitude <= east, e.c.latitude >= south, e.c.latitude <= north))
    if q.certainty:
        conds.append(e.c.certainty.in_(q.certainty))
    if q.modality:
        conds.append(e.c.modality.in_(q.modality))
    if q.min_corroboration:
        conds.append(e.c.corroboration >= q.min_corroboration)
    if q.text and text_index and search.searchable(q.text):
        key = e.c.id.concat("") if text_scan else e.c.id  # `id || ''` has no index: SQLite scans in order
        conds.append(key.in_(search.events_with_evidence(q.text)))  # notes are evidence too
    elif q.text:
        # one pass over the mentions (an IN subquery), not one correlated lookup per event
        matching = select(m.c.event_id).where(m.c.event_id.is_not(None), _like(m.c.evidence_text, q.text, dialect))
        in_evidence = e.c.id.in_(matching)
        conds.append(or_(_like(e.c.notes, q.text, dialect), in_evidence))
    return conds


def _order(q: EventQuery) -> list[Any]:
    """The sort column (empty values last), then id in the same direction: an index on
    (column, id) read forwards or backwards gives exactly this order, so no page needs a sort."""
    e = schema.events
    column = e.c[q.sort] if q.sort in SORTABLE else e.c.event_date
    if q.descending:
        return [column.desc().nulls_last(), e.c.id.desc()]
    return [column.asc().nulls_last(), e.c.id.asc()]


def _where(store: Store, q: EventQuery, text_scan: bool = False) -> list[Any]:
    return _conditions(q, store.engine.dialect.name, store.text_index, text_scan)


def _select(store: Store, q: EventQuery) -> Select:
    return select(schema.events).where(*_where(store, q)).order_by(*_order(q))


def count_events(store: Store, q: EventQuery) -> int:
    e = schema.events
    query = select(func.count()).select_from(e).where(*_where(store, q))
    with store.engine.connect() as conn:
        return conn.execute(query).scalar_one()


def iter_events(store: Store, q: EventQuery, with_sources: bool = True, batch: int = 500) -> Iterator[Event]:
    """Events matching the query, in order, each with its sources when asked."""
    query = _select(store, q)
    if q.limit is not None:
        query = query.limit(q.limit)
    if q.offset:
        query = query.offset(q.offset)
    with store.engine.connect() as conn:
        result = conn.execute(query)
        while chunk := result.fetchmany(batch):
            events = [rows.row_to_event(r._mapping) for r in chunk]
            if with_sources and events:
                store.attach_sources(conn, events)
            yield from events


def event_page(store: Store, q: EventQuery) -> list[Event]:
    """One page (q.limit from q.offset) of matching events with their sources.

    The page's ids are chosen first, from narrow rows an index can often cover, and only then
    are those few full rows read: sorting thousands of whole rows for 100 of them is what costs.
    """
    return event_page_with_total(store, q, count=False)[0]


# From this many text matches on, a page reads events in sort order and keeps those that match
# (a page of 100 then reads about 100 x N / matches index entries); below it, it looks the matches up.
TEXT_SCAN_FROM = 1000


def event_page_with_total(store: Store, q: EventQuery, count: bool = True) -> tuple[list[Event], int | None]:
    """`event_page` and the number of all matching events (None when `count` is False).

    The total is read off the page when the page ends the list, else counted (a pass over an
    index) while the page itself is read in index order and stops after `limit` rows. A text
    search is counted first: how many events match decides how its page is best read.
    """
    e = schema.events
    limit = q.limit if q.limit is not None else 100
    total, text_scan = None, False
    if count and q.text and store.text_index and search.searchable(q.text):
        total = count_events(store, q)
        if q.offset >= total:
            return [], total
        text_scan = total >= TEXT_SCAN_FROM
    ids = select(e.c.id).where(*_where(store, q, text_scan)).order_by(*_order(q)).limit(limit).offset(q.offset)
    with store.engine.connect() as conn:
        page_ids = list(conn.execute(ids).scalars())
        query = select(e).where(e.c.id.in_(page_ids)).order_by(*_order(q))
        events = [rows.row_to_event(r._mapping) for r in conn.execute(query)] if page_ids else []
        if events:
            store.attach_sources(conn, events)
    if not count or total is not None:
        return events, total
    if len(events) < limit and (events or q.offset == 0):
        return events, q.offset + len(events)
    return events, count_events(store, q)


def get_event(store: Store, event_id: str) -> Event | None:
    with store.engine.connect() as conn:
        canonical = store.canonical_event_id(conn, event_id)
        row = conn.execute(select(schema.events).where(schema.events.c.id == canonical)).first()
        if row is None:
            return None
        event = rows.row_to_event(row._mapping)
        store.attach_sources(conn, [event])
        return event


# summaries for the API and the dashboard: grouped counts, date bounds, compact map points ----------

POINT_FIELDS = (
    "id", "event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "location", "admin1", "country", "latitude", "longitude", "geo_precision", "fatalities",
    "certainty", "modality", "corroboration",
)  # fmt: skip
GROUPABLE = {"event_date", "event_type", "sub_event_type", "admin1", "country", "certainty", "modality"}


def count_by(store: Store, q: EventQuery, column: str) -> dict[Any, tuple[int, int]]:
    """Matching events grouped by one column: value -> (events, known fatalities)."""
    if column not in GROUPABLE:
        raise ValueError(f"cannot group events by {column!r}")
    e = schema.events
    key = e.c[column]
    query = (
        select(key, func.count(), func.coalesce(func.sum(e.c.fatalities), 0))
        .where(*_where(store, q))
        .group_by(key)
    )
    with store.engine.connect() as conn:
        return {value: (int(n), int(dead)) for value, n, dead in conn.execute(query)}


def count_combinations(store: Store, q: EventQuery, columns: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """Matching events grouped by several columns in one pass: rows of (*values, events, fatalities)."""
    unknown = set(columns) - GROUPABLE
    if unknown:
        raise ValueError(f"cannot group events by {', '.join(sorted(unknown))}")
    return _grouped(store, _where(store, q), columns)


def count_dated_combinations(store: Store, q: EventQuery, columns: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """`count_combinations` over the matching events that have a date, for a query with no date range.

    Read as all matching events less the undated ones: with no date condition SQLite reads the
    summary index (migration v5) in order, where "any date" would make it sort every row.
    """
    everything = count_combinations(store, q, columns)
    undated_rows = _grouped(store, [*_where(store, q), schema.events.c.event_date.is_(None)], columns)
    undated = {row[:-2]: row[-2:] for row in undated_rows}
    result = []
    for row in everything:
        n, dead = undated.get(row[:-2], (0, 0))
        if row[-2] > n:
            result.append((*row[:-2], row[-2] - n, row[-1] - dead))
    return result


def _grouped(store: Store, conds: list[Any], columns: tuple[str, ...]) -> list[tuple[Any, ...]]:
    e = schema.events
    keys = [e.c[c] for c in columns]
    dead = func.coalesce(func.sum(e.c.fatalities), 0)
    query = select(*keys, func.count(), dead).where(*conds).group_by(*keys)
    with store.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query)]


def date_bounds(store: Store, q: EventQuery) -> tuple[date | None, date | None]:
    """Earliest and latest event date among the matching events."""
    e = schema.events
    # two subqueries: SQLite reads a min() or a max() alone from one end of an index, not both at once
    low = select(func.min(e.c.event_date)).where(*_where(store, q)).scalar_subquery()
    high = select(func.max(e.c.event_date)).where(*_where(store, q)).scalar_subquery()
    with store.engine.connect() as conn:
        low, high = conn.execute(select(low, high)).one()
    return _as_date(low), _as_date(high)


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])  # SQLite aggregates return the stored text


def count_undated(store: Store, q: EventQuery) -> int:
    """Matching events with no known date (the query's own date range aside)."""
    e = schema.events
    conds = [*_where(store, replace(q, date_from=None, date_to=None)), e.c.event_date.is_(None)]
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(e).where(*conds)).scalar_one()


def iter_points(store: Store, q: EventQuery) -> Iterator[tuple[Any, ...]]:
    """Matching events as compact rows of POINT_FIELDS (no sources): what a map and a list need."""
    e = schema.events
    special = {
        "location": func.coalesce(e.c.location, e.c.location_text).label("location"),
        # the date as stored text (YYYY-MM-DD): no parsing into date objects and back for every row
        "event_date": cast(e.c.event_date, String).label("event_date"),
    }
    query = _select(store, q).with_only_columns(*(special.get(n, e.c[n]) for n in POINT_FIELDS))
    if q.limit is not None:
        query = query.limit(q.limit)
    if q.offset:
        query = query.offset(q.offset)
    with store.engine.connect() as conn:
        yield from (tuple(row) for row in conn.execute(query))


def top_actors(store: Store, q: EventQuery, limit: int = 300) -> list[tuple[str, int]]:
    """The most frequent actor names (either side) among the matching events."""
    e = schema.events
    # grouped by the pair, read in the order of ix_events_actors: one pass, no sort
    query = select(e.c.actor1, e.c.actor2, func.count()).where(*_where(store, q)).group_by(e.c.actor1, e.c.actor2)
    counts: dict[str, int] = {}
    with store.engine.connect() as conn:
        for actor1, actor2, n in conn.execute(query):
            for name in (actor1, actor2):
                if name is not None:
                    counts[name] = counts.get(name, 0) + int(n)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
