"""Schema versions, applied in order inside one transaction each.

To change the schema: append a function to `MIGRATIONS` that brings version N-1 to N. Never edit
a released migration; databases in the field have already run it.

A new database runs every migration in turn, and v1 creates the tables as `schema.py` declares them
now, so every later migration must be idempotent: create with checkfirst / IF NOT EXISTS, add a
column only when it is missing.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, inspect, select

from sitrep.store import schema, search

Migration = Callable[[Connection], None]


def _v1_initial(conn: Connection) -> None:
    schema.metadata.create_all(conn)


def _v2_resolution_index(conn: Connection) -> None:
    """Resolution's block index and near-duplicate signatures, filled for what is already stored.

    (A new database gets these tables from v1's create_all; creating them is then a no-op.)
    """
    from sitrep.resolve.backfill import backfill_resolution_index  # resolve imports the store

    for table in (schema.mention_blocks, schema.document_signatures, schema.document_bands):
        table.create(conn, checkfirst=True)
    backfill_resolution_index(conn)


# Indexes for the API's usual filters and sorts (measured by bench/api_latency.py). Several end
# in (event_date, id) so that choosing a page's ids in date order reads the index alone.
# Plain SQL that SQLite and PostgreSQL share.
_V3_EVENT_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_events_type_date ON events (event_type, event_date)",
    "CREATE INDEX IF NOT EXISTS ix_events_admin1_date ON events (lower(admin1), event_date)",
    "CREATE INDEX IF NOT EXISTS ix_events_fatalities ON events (fatalities)",
    "CREATE INDEX IF NOT EXISTS ix_events_certainty_modality ON events (certainty, modality, event_date, id)",
    "CREATE INDEX IF NOT EXISTS ix_events_corroboration ON events (corroboration, event_date, id)",
    "CREATE INDEX IF NOT EXISTS ix_events_place_date ON events (latitude, longitude, event_date, id)",
)


def _v3_event_query_indexes(conn: Connection) -> None:
    for statement in _V3_EVENT_INDEXES:
        conn.exec_driver_sql(statement)


def _v4_mention_evidence_text(conn: Connection) -> None:
    """Evidence as plain text, so that free-text search matches quotes and non-Latin script."""
    columns = {c["name"] for c in inspect(conn).get_columns("mentions")}
    if "evidence_text" not in columns:
        conn.exec_driver_sql("ALTER TABLE mentions ADD COLUMN evidence_text TEXT")
    m = schema.mentions
    pending = conn.execute(select(m.c.id, m.c.evidence).where(m.c.evidence_text.is_(None))).all()
    for mention_id, evidence in pending:
        text = "\n".join(item["text"] for item in evidence or [])
        conn.execute(m.update().where(m.c.id == mention_id).values(evidence_text=text))


# v5: every index a page is chosen from ends in `id`, and pages break ties by id in the sort's own
# direction, so that a sorted page (of any depth) is read from one index in order, with no sort.
# Indexes that these make redundant are dropped (fewer indexes to write on every resolution).
# `ix_events_summary` covers the facet and trend counts: one pass over it, no sort.
_V5_EVENT_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_events_date_id ON events (event_date, id)",
    "CREATE INDEX IF NOT EXISTS ix_events_type_date_id ON events (event_type, event_date, id)",
    "CREATE INDEX IF NOT EXISTS ix_events_sub_type_date_id ON events (sub_event_type, event_date, id)",
    "CREATE INDEX IF NOT EXISTS ix_events_fatalities_id ON events (fatalities, id)",
    "CREATE INDEX IF NOT EXISTS ix_events_corroboration_id ON events (corroboration, id)",
    "CREATE INDEX IF NOT EXISTS ix_events_updated_id ON events (updated_at, id)",
    "CREATE INDEX IF NOT EXISTS ix_events_summary ON events"
    " (event_type, sub_event_type, admin1, country, certainty, modality, event_date, fatalities)",
)
# Case-insensitive equality (admin1, country): SQLite compares COLLATE NOCASE, which a plain column
# index can answer alone (an index on lower() cannot cover a count there); PostgreSQL uses lower().
_V5_CASELESS_COLUMNS = ("admin1", "country_code", "country")
_V5_SUPERSEDED_INDEXES = (
    "ix_events_event_date", "ix_events_event_type", "ix_events_type_date", "ix_events_admin1_date",
    "ix_events_fatalities", "ix_events_place",
)  # fmt: skip


def _v5_sorted_page_indexes(conn: Connection) -> None:
    for statement in _V5_EVENT_INDEXES:
        conn.exec_driver_sql(statement)
    caseless = "{} COLLATE NOCASE" if conn.dialect.name == "sqlite" else "lower({})"
    for column in _V5_CASELESS_COLUMNS:
        key = caseless.format(column)
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_events_{column}_caseless ON events ({key}, event_date, id)")
    for name in _V5_SUPERSEDED_INDEXES:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")


# v6: the date and type indexes also carry what the trend and facet counts read (so a date range
# is counted from the index alone, whatever plan SQLite picks), a narrow index over the four actor
# columns for actor substring filters, and FTS5 trigram text search (SQLite; see store.search).
_V6_EVENT_INDEXES = (
    (
        "CREATE INDEX IF NOT EXISTS ix_events_date_cover ON events"
        " (event_date, id, fatalities, event_type, sub_event_type, admin1, country, certainty, modality)"
    ),
    (
        "CREATE INDEX IF NOT EXISTS ix_events_type_date_cover ON events"
        " (event_type, event_date, id, sub_event_type, admin1, fatalities)"
    ),
    "CREATE INDEX IF NOT EXISTS ix_events_actors ON events (actor1, actor2, assoc_actor_1, assoc_actor_2)",
)
_V6_SUPERSEDED_INDEXES = ("ix_events_date_id", "ix_events_type_date_id")


def _v6_covering_indexes_and_text_search(conn: Connection) -> None:
    for statement in _V6_EVENT_INDEXES:
        conn.exec_driver_sql(statement)
    for name in _V6_SUPERSEDED_INDEXES:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    search.install(conn)
    if conn.dialect.name == "sqlite" and _has_statistics(conn):
        conn.exec_driver_sql("ANALYZE")  # statistics that predate these indexes would mislead the planner


def _has_statistics(conn: Connection) -> bool:
    """Whether ANALYZE ever ran on this SQLite database (sitrep never runs it unasked)."""
    return conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").scalar_one() > 0


MIGRATIONS: list[Migration] = [
    _v1_initial,
    _v2_resolution_index,
    _v3_event_query_indexes,
    _v4_mention_evidence_text,
    _v5_sorted_page_indexes,
    _v6_covering_indexes_and_text_search,
]
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaError(RuntimeError):
    pass


def current_version(conn: Connection) -> int:
    """0 for an empty database; raises SchemaError for a database that is not ours."""
    tables = set(inspect(conn).get_table_names())
    if not tables:
        return 0
    if "meta" not in tables:
        raise SchemaError("database holds tables that are not sitrep's (no 'meta' table)")
    row = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).first()
    if row is None:
        raise SchemaError("database has no schema version")
    return int(row[0])


def _set_version(conn: Connection, version: int) -> None:
    table = schema.meta
    updated = conn.execute(
        table.update().where(table.c.key == "schema_version").values(value=str(version))
    )
    if updated.rowcount == 0:
        conn.execute(table.insert().values(key="schema_version", value=str(version)))


def migrate(conn: Connection) -> int:
    """Bring the database to SCHEMA_VERSION; returns the number of migrations applied."""
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"database schema version {version} is newer than this sitrep ({SCHEMA_VERSION}); upgrade sitrep"
        )
    for step in MIGRATIONS[version:]:
        step(conn)
    if version < SCHEMA_VERSION:
        _set_version(conn, SCHEMA_VERSION)
    return SCHEMA_VERSION - version
