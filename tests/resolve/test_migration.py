"""Schema v2: a database written before resolution's index existed gets it filled on open."""

from __future__ import annotations

from resolve_factory import mention
from sqlalchemy import select, text

from sitrep.model import Document, Post
from sitrep.store import Store, schema
from sitrep.store.migrations import SCHEMA_VERSION

BODY = "Warplanes struck Kafr Nabl in southern Idlib on Sunday, killing four civilians, rescuers said. " * 3


def test_a_version_1_database_is_indexed_when_opened(db_path):
    store = Store.open(db_path)
    with store.transaction() as conn:
        store.add_document(conn, Document("d1", "/d1", "text/plain", BODY, [Post(None, None, 0, len(BODY), BODY)]))
        store.add_mentions(conn, [mention("m1", "d1")])
        for table in ("mention_blocks", "document_bands", "document_signatures"):
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("UPDATE meta SET value = '1' WHERE key = 'schema_version'"))
    store.close()

    store = Store.open(db_path)
    with store.engine.connect() as conn:
        version = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).scalar()
        blocks = conn.execute(select(schema.mention_blocks.c.mention_id)).scalars().all()
        signed = conn.execute(select(schema.document_signatures.c.document_id)).scalars().all()
    store.close()
    assert int(version) == SCHEMA_VERSION >= 2
    assert set(blocks) == {"m1"} and signed == ["d1"]
