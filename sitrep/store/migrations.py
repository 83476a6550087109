"""Schema versions, applied in order inside one transaction each.

To change the schema: append a function to `MIGRATIONS` that brings version N-1 to N. Never edit
a released migration; databases in the field have already run it.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, inspect, select

from sitrep.store import schema

Migration = Callable[[Connection], None]


def _v1_initial(conn: Connection) -> None:
    schema.metadata.create_all(conn)


MIGRATIONS: list[Migration] = [_v1_initial]
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
