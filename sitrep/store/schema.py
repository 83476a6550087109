"""Tables, in SQLAlchemy Core, so that the same code runs on SQLite and PostgreSQL.

Events are materialised from their mentions (see `sitrep.resolve.summarize`); mentions keep
every per-source field so that an event can always be recomputed and explained.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("source", Text, nullable=False, index=True),
    Column("url", Text),
    Column("version", Integer, nullable=False, default=1),
    Column("superseded_by", String(64)),
    Column("duplicate_of", String(64)),  # a repost of another stored document
    Column("media_type", String(32), nullable=False),
    Column("title", Text),
    Column("publisher", Text),
    Column("author", Text),
    Column("published", Date),
    Column("country", String(2)),
    Column("body", Text, nullable=False),
    Column("raw", LargeBinary),  # zlib-compressed original bytes
    Column("ingested_at", DateTime, nullable=False),
)

posts = Table(
    "posts",
    metadata,
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("title", Text),
    Column("published", Date),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

comments = Table(
    "comments",
    metadata,
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("author", Text),
    Column("published", Date),
    Column("text", Text, nullable=False),
)

_PLACE_COLUMNS = (
    ("location", Text),
    ("admin1", Text),
    ("admin2", Text),
    ("admin3", Text),
    ("country", Text),
    ("country_code", String(2)),
    ("iso", Integer),
    ("latitude", Float),
    ("longitude", Float),
    ("geo_precision", Integer),
    ("gazetteer_id", String(64)),
)


def _place_columns() -> list[Column]:
    return [Column(name, kind) for name, kind in _PLACE_COLUMNS]


PLACE_COLUMN_NAMES: tuple[str, ...] = tuple(name for name, _ in _PLACE_COLUMNS)

_ACTOR_COLUMNS = (
    ("actor1", Text),
    ("actor2", Text),
    ("assoc_actor_1", Text),
    ("assoc_actor_2", Text),
    ("inter1", Integer),
    ("inter2", Integer),
)


def _actor_columns() -> list[Column]:
    return [Column(name, kind) for name, kind in _ACTOR_COLUMNS]


mentions = Table(
    "mentions",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("post_index", Integer, nullable=False),
    Column("event_id", String(64), index=True),
    Column("event_type", Text, nullable=False),
    Column("sub_event_type", Text, nullable=False),
    *_actor_columns(),
    Column("location_text", Text),
    Column("location_qualifier", Text),
    Column("admin_hint", Text),
    *_place_columns(),
    Column("geo_note", Text),
    Column("event_date", Date),
    Column("date_precision", String(8), nullable=False),
    Column("fatalities", Integer),
    Column("modality", String(16), nullable=False),
    Column("certainty", String(16), nullable=False),
    Column("attribution", JSON, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("evidence_text", Text),  # the evidence sentences as plain text, for free-text search
    Index("ix_mentions_document", "document_id"),
    Index("ix_mentions_date", "event_date"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("event_type", Text, nullable=False),  # indexed with the date (migrations v3, v5)
    Column("sub_event_type", Text, nullable=False),
    Column("event_date", Date),
    Column("date_precision", String(8), nullable=False),
    *_actor_columns(),
    Column("location_text", Text),
    *_place_columns(),
    Column("fatalities", Integer),
    Column("modality", String(16), nullable=False),
    Column("certainty", String(16), nullable=False),
    Column("attribution", JSON, nullable=False),
    Column("corroboration", Integer, nullable=False),
    Column("disputed", Boolean, nullable=False, default=False),
    Column("notes", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)  # indexes for the API's filters and sorts: migrations v3 and v5

# An event id that was merged into another keeps resolving: links never break.
event_aliases = Table(
    "event_aliases",
    metadata,
    Column("alias", String(64), primary_key=True),
    Column("event_id", String(64), nullable=False, index=True),
)

# Resolution's block index: each mention filed under a few "<where>|<when>" keys (see
# sitrep.resolve.blocking), so candidates are read block by block, never the whole table.
mention_blocks = Table(
    "mention_blocks",
    metadata,
    Column("key", String(255), primary_key=True),
    Column("mention_id", String(64), ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_mention_blocks_mention", "mention_id"),
)

# Near-duplicate documents (reposts, syndicated copies): a MinHash signature of each body's
# word shingles, and its LSH band hashes for lookup (see sitrep.resolve.duplicates).
document_signatures = Table(
    "document_signatures",
    metadata,
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("shingles", Integer, nullable=False),
    Column("minhash", LargeBinary, nullable=False),
)

document_bands = Table(
    "document_bands",
    metadata,
    Column("band", String(64), primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_document_bands_document", "document_id"),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
    Column("summary", JSON),
)

skipped = Table(
    "skipped",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="CASCADE"), nullable=False),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
)
