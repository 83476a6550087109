"""Fill resolution's block index and document signatures for data stored before they existed."""

from __future__ import annotations

from sqlalchemy import Connection, select

from sitrep.resolve.blocking import register_keys
from sitrep.resolve.duplicates import band_keys, signature
from sitrep.store import rows, schema
from sitrep.store.db import Store

CHUNK = 2000


def backfill_resolution_index(conn: Connection) -> None:
    """File every stored mention under its block keys; sign every stored document body.

    Idempotent: mentions already filed and documents already signed are left as they are.
    """
    store = Store(conn.engine)
    m, b = schema.mentions, schema.mention_blocks
    filed = set(conn.execute(select(b.c.mention_id).distinct()).scalars())
    last = ""
    while chunk := conn.execute(select(m).where(m.c.id > last).order_by(m.c.id).limit(CHUNK)).all():
        last = chunk[-1].id
        store.add_mention_blocks(
            conn,
            [(key, r.id) for r in chunk if r.id not in filed for key in register_keys(rows.row_to_mention(r._mapping))],
        )

    d, s = schema.documents, schema.document_signatures
    signed = set(conn.execute(select(s.c.document_id)).scalars())
    last = ""
    while chunk := conn.execute(select(d.c.id, d.c.body).where(d.c.id > last).order_by(d.c.id).limit(CHUNK)).all():
        last = chunk[-1].id
        for doc_id, body in chunk:
            sig = signature(body) if doc_id not in signed else None
            if sig is not None:
                store.add_document_signature(conn, doc_id, sig.shingles, sig.to_bytes(), band_keys(sig))
