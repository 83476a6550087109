"""Free-text search on SQLite: an FTS5 trigram index over the evidence of every mention.

A trigram index answers "contains this text" (case-insensitive, any script: Arabic, quotes,
punctuation) without reading every row; a needle shorter than three characters has no trigram
and falls back to LIKE, as does PostgreSQL (no FTS5 there: the queries stay plain SQLAlchemy Core).

An event's notes are its lead source's evidence sentences joined by spaces
(`sitrep.resolve.summarize`); the index joins a mention's sentences by spaces too, so whatever
the notes contain, the evidence index finds (tests/store/test_search.py holds resolve to that).

Triggers keep the index in step with every insert, update and delete of mentions, whoever writes
them. FTS rows are keyed through `mention_search_keys`, whose INTEGER PRIMARY KEY never changes (the
implicit rowid of `mentions`, a text primary key, may change on VACUUM); it also keeps each
mention's event id, so that a search reads no mention row.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import Column, Connection, Integer, MetaData, String, Table, literal_column, select, text

MIN_NEEDLE = 3  # characters: a trigram index cannot look up anything shorter

_DDL = (
    (
        "CREATE TABLE IF NOT EXISTS mention_search_keys"
        " (id INTEGER PRIMARY KEY, mention_id TEXT NOT NULL UNIQUE, event_id TEXT)"
    ),
    "CREATE VIRTUAL TABLE IF NOT EXISTS mention_search USING fts5(evidence_text, tokenize='trigram')",
)

_FORGET_MENTION = """
    DELETE FROM mention_search WHERE rowid = (SELECT id FROM mention_search_keys WHERE mention_id = old.id);
    DELETE FROM mention_search_keys WHERE mention_id = old.id;"""
_INDEX_MENTION = """
    INSERT OR REPLACE INTO mention_search_keys (mention_id, event_id) VALUES (new.id, new.event_id);
    INSERT INTO mention_search (rowid, evidence_text)
    VALUES (last_insert_rowid(), replace(new.evidence_text, char(10), ' '));"""
_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS mentions_search_insert AFTER INSERT ON mentions BEGIN {_INDEX_MENTION} END",
    f"CREATE TRIGGER IF NOT EXISTS mentions_search_delete AFTER DELETE ON mentions BEGIN {_FORGET_MENTION} END",
    (
        "CREATE TRIGGER IF NOT EXISTS mentions_search_update AFTER UPDATE OF id, evidence_text ON mentions "
        f"BEGIN {_FORGET_MENTION} {_INDEX_MENTION} END"
    ),
    (  # resolution moves mentions between events all the time: only the key row follows
        "CREATE TRIGGER IF NOT EXISTS mentions_search_event AFTER UPDATE OF event_id ON mentions BEGIN "
        "UPDATE mention_search_keys SET event_id = new.event_id WHERE mention_id = new.id; END"
    ),
)

_REBUILD = (
    "DELETE FROM mention_search",
    "DELETE FROM mention_search_keys",
    "INSERT INTO mention_search_keys (mention_id, event_id) SELECT id, event_id FROM mentions",
    (
        "INSERT INTO mention_search (rowid, evidence_text) SELECT k.id, replace(m.evidence_text, char(10), ' ') "
        "FROM mention_search_keys k JOIN mentions m ON m.id = k.mention_id"
    ),
)

# Lightweight table objects for building queries (the DDL above is what creates them).
_meta = MetaData()
mention_search = Table("mention_search", _meta, Column("rowid", Integer), Column("evidence_text", String))
mention_search_keys = Table(
    "mention_search_keys", _meta, Column("id", Integer), Column("mention_id", String), Column("event_id", String)
)


def install(conn: Connection) -> bool:
    """Create the search tables and triggers if missing and fill them from what is stored.

    Idempotent (a second run rebuilds the same rows). Returns False, changing nothing, where
    the database cannot hold them (not SQLite, or a SQLite built without FTS5 trigrams).
    """
    if conn.dialect.name != "sqlite" or not _trigram_fts5_available():
        return False
    for statement in (*_DDL, *_TRIGGERS, *_REBUILD):
        conn.exec_driver_sql(statement)
    return True


def _trigram_fts5_available() -> bool:
    """Whether this SQLite library has FTS5 with the trigram tokenizer (3.34 or later)."""
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE probe USING fts5(x, tokenize='trigram')")
        return True
    except sqlite3.OperationalError:  # "no such module: fts5" or "no such tokenizer: trigram"
        return False
    finally:
        probe.close()


def installed(conn: Connection) -> bool:
    if conn.dialect.name != "sqlite":
        return False
    query = text("SELECT count(*) FROM sqlite_master WHERE name = 'mention_search'")
    return conn.execute(query).scalar_one() == 1


def searchable(needle: str) -> bool:
    """Whether the trigram index can answer a search for this needle (else: LIKE)."""
    return len(needle) >= MIN_NEEDLE and "\n" not in needle


def _phrase(needle: str) -> str:
    """An FTS5 query for `needle` as one literal phrase: quotes and operators in it are inert."""
    escaped = needle.replace('"', '""')
    return f'"{escaped}"'


def events_with_evidence(needle: str) -> Any:
    """SELECT of the ids of events with a mention whose evidence (or so its notes) contains `needle`."""
    f, k = mention_search, mention_search_keys
    match = literal_column("mention_search").op("MATCH")(_phrase(needle))
    return select(k.c.event_id).select_from(f.join(k, k.c.id == f.c.rowid)).where(match, k.c.event_id.is_not(None))
