"""The Store: one object over one database (a SQLite file by default, or any SQLAlchemy URL)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, create_engine, event, func, select
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError

from sitrep.model import Document, Event, Mention, SourceReport
from sitrep.store import rows, schema, search
from sitrep.store.migrations import SchemaError, migrate

SQLITE_MAGIC = b"SQLite format 3\x00"


class StoreError(RuntimeError):
    """The database cannot be used; the message is one line for the user."""


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def database_url(target: str | os.PathLike[str]) -> str:
    """A file path becomes a SQLite URL; anything with a scheme is used as given."""
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser()}"


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"{path}: is a directory, not a database file")
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                raise StoreError(f"{path}: file exists but is not a SQLite database")
    if not path.parent.exists():
        raise StoreError(f"{path}: directory {path.parent} does not exist")


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def open(cls, target: str | os.PathLike[str]) -> "Store":
        url = database_url(target)
        if url.startswith("sqlite:///"):
            _check_sqlite_file(Path(url.removeprefix("sqlite:///")))
        try:
            engine = create_engine(url)
        except (SQLAlchemyError, ImportError) as exc:
            raise StoreError(f"{target}: cannot open database ({exc.__class__.__name__}: {exc})") from exc
        if engine.dialect.name == "sqlite":
            _tune_sqlite(engine)
        store = cls(engine)
        try:
            with engine.begin() as conn:
                migrate(conn)
        except SchemaError as exc:
            raise StoreError(f"{target}: {exc}") from exc
        except (DatabaseError, OperationalError) as exc:
            reason = str(exc.orig).splitlines()[0] if exc.orig else str(exc).splitlines()[0]
            raise StoreError(f"{target}: database is unusable ({reason})") from exc
        return store

    def close(self) -> None:
        self.engine.dispose()

    @cached_property
    def text_index(self) -> bool:
        """Whether text filters can use the FTS5 trigram indexes (SQLite, schema v6; else LIKE)."""
        with self.engine.connect() as conn:
            return search.installed(conn)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    # documents ---------------------------------------------------------------------------

    def document_exists(self, conn: Connection, document_id: str) -> bool:
        query = select(schema.documents.c.id).where(schema.documents.c.id == document_id)
        return conn.execute(query).first() is not None

    def current_document_for(self, conn: Connection, source: str) -> tuple[str, int] | None:
        """The latest, not superseded version stored for a source, as (id, version)."""
        t = schema.documents
        query = (
            select(t.c.id, t.c.version)
            .where(t.c.source == source, t.c.superseded_by.is_(None))
            .order_by(t.c.version.desc())
        )
        row = conn.execute(query).first()
        return (row.id, row.version) if row else None

    def add_document(self, conn: Connection, doc: Document) -> str | None:
        """Store a document. A changed page becomes a new version of its source.

        Returns the id of the version it supersedes, if any; that version's mentions are
        removed (the new version speaks for the source now) and the caller re-resolves the
        events they belonged to.
        """
        previous = self.current_document_for(conn, doc.source)
        version = previous[1] + 1 if previous else 1
        doc_row, post_rows, comment_rows = rows.document_rows(doc, version, utcnow())
        conn.execute(schema.documents.insert(), [doc_row])
        if post_rows:
            conn.execute(schema.posts.insert(), post_rows)
        if comment_rows:
            conn.execute(schema.comments.insert(), comment_rows)
        if previous is None:
            return None
        conn.execute(
            schema.documents.update().where(schema.documents.c.id == previous[0]).values(superseded_by=doc.id)
        )
        return previous[0]

    def mark_duplicate(self, conn: Connection, document_id: str, duplicate_of: str) -> None:
        t = schema.documents
        conn.execute(t.update().where(t.c.id == document_id).values(duplicate_of=duplicate_of))

    def get_document(self, document_id: str, with_raw: bool = False) -> Document | None:
        with self.engine.connect() as conn:
            docs = list(self._load_documents(conn, [document_id], with_raw))
        return docs[0] if docs else None

    def iter_documents(self, include_superseded: bool = False, batch: int = 200) -> Iterator[Document]:
        t = schema.documents
        query = select(t.c.id).order_by(t.c.ingested_at, t.c.id)
        if not include_superseded:
            query = query.where(t.c.superseded_by.is_(None))
        with self.engine.connect() as conn:
            ids = list(conn.execute(query).scalars())
            for i in range(0, len(ids), batch):
                yield from self._load_documents(conn, ids[i : i + batch])

    def _load_documents(self, conn: Connection, ids: list[str], with_raw: bool = False) -> Iterator[Document]:
        d, p, c = schema.documents, schema.posts, schema.comments
        doc_rows = {r.id: r._mapping for r in conn.execute(select(d).where(d.c.id.in_(ids)))}
        post_rows: dict[str, list] = {}
        for r in conn.execute(select(p).where(p.c.document_id.in_(ids))):
            post_rows.setdefault(r.document_id, []).append(r._mapping)
        comment_rows: dict[str, list] = {}
        for r in conn.execute(select(c).where(c.c.document_id.in_(ids))):
            comment_rows.setdefault(r.document_id, []).append(r._mapping)
        for doc_id in ids:
            if doc_id in doc_rows:
                yield rows.rows_to_document(
                    doc_rows[doc_id], post_rows.get(doc_id, []), comment_rows.get(doc_id, []), with_raw
                )

    def document_meta(self, conn: Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Per document: source, publisher, title, published, url, duplicate_of."""
        d = schema.documents
        cols = [d.c.id, d.c.source, d.c.url, d.c.publisher, d.c.title, d.c.published, d.c.duplicate_of]
        result: dict[str, dict[str, Any]] = {}
        id_list = list(set(ids))
        for i in range(0, len(id_list), 500):
            for r in conn.execute(select(*cols).where(d.c.id.in_(id_list[i : i + 500]))):
                result[r.id] = dict(r._mapping)
        return result

    # mentions ----------------------------------------------------------------------------

    def add_mentions(self, conn: Connection, mentions: list[Mention]) -> None:
        if mentions:
            conn.execute(schema.mentions.insert(), [rows.mention_to_row(m) for m in mentions])

    def assign_mentions(self, conn: Connection, assignments: dict[str, str]) -> None:
        t = schema.mentions
        by_event: dict[str, list[str]] = {}
        for mention_id, event_id in assignments.items():
            by_event.setdefault(event_id, []).append(mention_id)
        for event_id, mention_ids in by_event.items():
            for i in range(0, len(mention_ids), 500):
                chunk = mention_ids[i : i + 500]
                conn.execute(t.update().where(t.c.id.in_(chunk)).values(event_id=event_id))

    def remove_mentions_of(self, conn: Connection, document_id: str) -> set[str]:
        """Delete a document's mentions; returns the event ids they belonged to."""
        t = schema.mentions
        events = set(conn.execute(select(t.c.event_id).where(t.c.document_id == document_id)).scalars())
        conn.execute(t.delete().where(t.c.document_id == document_id))
        events.discard(None)
        return events

    def mentions_of_events(self, conn: Connection, event_ids: Iterable[str]) -> dict[str, list[Mention]]:
        t = schema.mentions
        result: dict[str, list[Mention]] = {}
        id_list = list(set(event_ids))
        for i in range(0, len(id_list), 500):
            query = select(t).where(t.c.event_id.in_(id_list[i : i + 500])).order_by(t.c.id)
            for r in conn.execute(query):
                result.setdefault(r.event_id, []).append(rows.row_to_mention(r._mapping))
        return result

    def mentions_in_document(self, conn: Connection, document_id: str) -> list[tuple[str | None, Mention]]:
        """A document's stored mentions, each with the event it belongs to (for evidence marking)."""
        t = schema.mentions
        query = select(t).where(t.c.document_id == document_id).order_by(t.c.id)
        return [(r.event_id, rows.row_to_mention(r._mapping)) for r in conn.execute(query)]

    def mentions_between(self, conn: Connection, start: date, end: date) -> list[tuple[str, Mention]]:
        """Stored mentions dated in [start, end], each with its event id (for resolution)."""
        t = schema.mentions
        query = select(t).where(t.c.event_date >= start, t.c.event_date <= end, t.c.event_id.is_not(None))
        return [(r.event_id, rows.row_to_mention(r._mapping)) for r in conn.execute(query)]

    # events ------------------------------------------------------------------------------

    def save_events(self, conn: Connection, events: list[Event]) -> None:
        """Insert or replace materialised events (ids are stable, so replace keeps links)."""
        t = schema.events
        if not events:
            return
        ids = [e.id for e in events]
        created = {
            r.id: r.created_at for r in conn.execute(select(t.c.id, t.c.created_at).where(t.c.id.in_(ids)))
        }
        conn.execute(t.delete().where(t.c.id.in_(ids)))
        now = utcnow()
        new_rows = []
        for e in events:
            row = rows.event_to_row(e)
            row["created_at"] = created.get(e.id, now)
            row["updated_at"] = now
            new_rows.append(row)
        conn.execute(t.insert(), new_rows)

    def delete_events(self, conn: Connection, event_ids: Iterable[str], merged_into: dict[str, str] | None = None) -> None:
        ids = list(event_ids)
        if not ids:
            return
        conn.execute(schema.events.delete().where(schema.events.c.id.in_(ids)))
        if merged_into:
            aliases = schema.event_aliases
            conn.execute(aliases.delete().where(aliases.c.alias.in_(list(merged_into))))
            conn.execute(aliases.insert(), [{"alias": a, "event_id": e} for a, e in merged_into.items()])
            # earlier aliases that pointed at a now-merged id follow it
            for alias, target in merged_into.items():
                conn.execute(aliases.update().where(aliases.c.event_id == alias).values(event_id=target))

    def canonical_event_id(self, conn: Connection, event_id: str) -> str:
        a = schema.event_aliases
        row = conn.execute(select(a.c.event_id).where(a.c.alias == event_id)).first()
        return row.event_id if row else event_id

    def attach_sources(self, conn: Connection, events: list[Event]) -> None:
        """Fill each event's `sources` (one report per document) and `mention_ids`."""
        mentions_by_event = self.mentions_of_events(conn, [e.id for e in events])
        doc_ids = {m.document_id for ms in mentions_by_event.values() for m in ms}
        meta = self.document_meta(conn, doc_ids)
        for ev in events:
            mentions = mentions_by_event.get(ev.id, [])
            ev.mention_ids = [m.id for m in mentions]
            ev.sources = build_source_reports(mentions, meta)

    def count(self, table: str) -> int:
        t = schema.metadata.tables[table]
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t)).scalar_one()

    # resolution: block index, event ages, near-duplicate signatures ------------------------

    def add_mention_blocks(self, conn: Connection, filed: list[tuple[str, str]]) -> None:
        """File mentions under block keys: (key, mention id) pairs (see sitrep.resolve.blocking)."""
        if filed:
            conn.execute(schema.mention_blocks.insert(), [{"key": k, "mention_id": m} for k, m in set(filed)])

    def set_event_ids(self, conn: Connection, assignments: dict[str, str]) -> None:
        """Mention id -> event id, in one executemany (resolution moves many mentions at once)."""
        t = schema.mentions
        if assignments:
            query = t.update().where(t.c.id == bindparam("mention")).values(event_id=bindparam("event"))
            conn.execute(query, [{"mention": m, "event": e} for m, e in assignments.items()])

    def event_ids_in_blocks(self, conn: Connection, keys: Iterable[str]) -> set[str]:
        """Events with a mention filed under any of these block keys."""
        b, m = schema.mention_blocks, schema.mentions
        key_list, found = sorted(set(keys)), set()
        for i in range(0, len(key_list), 500):
            query = (
                select(m.c.event_id)
                .distinct()
                .select_from(b.join(m, m.c.id == b.c.mention_id))
                .where(b.c.key.in_(key_list[i : i + 500]), m.c.event_id.is_not(None))
            )
            found.update(conn.execute(query).scalars())
        return found

    def event_ages(self, conn: Connection, event_ids: Iterable[str]) -> dict[str, datetime]:
        """When each stored event was created (the older id survives a merge)."""
        t = schema.events
        id_list, ages = list(set(event_ids)), {}
        for i in range(0, len(id_list), 500):
            query = select(t.c.id, t.c.created_at).where(t.c.id.in_(id_list[i : i + 500]))
            ages.update({r.id: r.created_at for r in conn.execute(query)})
        return ages

    def load_events(self, conn: Connection, event_ids: Iterable[str]) -> list[Event]:
        t = schema.events
        query = select(t).where(t.c.id.in_(list(set(event_ids))))
        return [rows.row_to_event(r._mapping) for r in conn.execute(query)]

    def superseded_documents(self, conn: Connection, new_ids: Iterable[str]) -> dict[str, str]:
        """Old document id -> the new version that replaced it, for these new versions."""
        t = schema.documents
        query = select(t.c.id, t.c.superseded_by).where(t.c.superseded_by.in_(list(set(new_ids))))
        return {r.id: r.superseded_by for r in conn.execute(query)}

    def add_document_signature(
        self, conn: Connection, document_id: str, shingles: int, minhash: bytes, bands: list[str]
    ) -> None:
        conn.execute(
            schema.document_signatures.insert(),
            [{"document_id": document_id, "shingles": shingles, "minhash": minhash}],
        )
        if bands:
            conn.execute(schema.document_bands.insert(), [{"band": b, "document_id": document_id} for b in set(bands)])

    def documents_in_bands(self, conn: Connection, bands: Iterable[str]) -> set[str]:
        t = schema.document_bands
        band_list, found = sorted(set(bands)), set()
        for i in range(0, len(band_list), 500):
            found.update(conn.execute(select(t.c.document_id).where(t.c.band.in_(band_list[i : i + 500]))).scalars())
        return found

    def document_signatures(self, conn: Connection, document_ids: Iterable[str]) -> dict[str, tuple[int, bytes]]:
        """Document id -> (number of shingles, MinHash signature bytes)."""
        t = schema.document_signatures
        query = select(t.c.document_id, t.c.shingles, t.c.minhash).where(t.c.document_id.in_(list(set(document_ids))))
        return {r.document_id: (r.shingles, r.minhash) for r in conn.execute(query)}

    # runs --------------------------------------------------------------------------------

    def start_run(self) -> int:
        with self.transaction() as conn:
            result = conn.execute(schema.runs.insert().values(started_at=utcnow()))
            return int(result.inserted_primary_key[0])

    def finish_run(self, run_id: int, summary: dict[str, Any], skipped: list[tuple[str, str]]) -> None:
        with self.transaction() as conn:
            conn.execute(
                schema.runs.update().where(schema.runs.c.id == run_id).values(finished_at=utcnow(), summary=summary)
            )
            if skipped:
                conn.execute(
                    schema.skipped.insert(), [{"run_id": run_id, "source": s, "reason": r} for s, r in skipped]
                )


def build_source_reports(mentions: list[Mention], meta: dict[str, dict[str, Any]]) -> list[SourceReport]:
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m.document_id, []).append(m)
    reports = []
    for doc_id, doc_mentions in by_doc.items():
        info = meta.get(doc_id, {})
        evidence = sorted({e for m in doc_mentions for e in m.evidence}, key=lambda e: (e.start, e.end))
        figures = [m.fatalities for m in doc_mentions if m.fatalities is not None]
        reports.append(
            SourceReport(
                document_id=doc_id,
                source=info.get("source", ""),
                publisher=info.get("publisher"),
                title=info.get("title"),
                published=info.get("published"),
                evidence=evidence,
                fatalities=max(figures) if figures else None,
                modality=doc_mentions[0].modality,
                certainty=doc_mentions[0].certainty,
            )
        )
    reports.sort(key=lambda r: (r.published or date.max, r.source))
    return reports
