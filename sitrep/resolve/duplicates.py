"""Near-duplicate documents: a repost or a syndicated copy is one source, not a second one.

Each body becomes a set of word shingles and a MinHash signature (datasketch). Signatures are
stored with their LSH band hashes, so a new document is checked against every stored one by
looking up a few band hashes, not by comparing with the whole table. A document whose text is
the same as an earlier one's (estimated Jaccard >= SAME_TEXT), or wholly contained in a long
one (a wire story trimmed by the republishing site), is marked `documents.duplicate_of` the
earliest stored copy; corroboration then counts its publisher once (see `summarize`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH
from sqlalchemy import Connection
from unidecode import unidecode

from sitrep.model import Document
from sitrep.store.db import Store

NUM_PERM = 128
SHINGLE_WORDS = 5
SAME_TEXT = 0.8  # estimated Jaccard of shingle sets: the same text, lightly edited
CONTAINED = 0.9  # share of the shorter text's shingles found in the longer one
MIN_SHINGLES = 8  # shorter texts are too short to call copies (unless identical)
MIN_SHINGLES_CONTAINED = 40  # containment alone is only trusted for real articles
LSH_THRESHOLD = 0.5  # band layout retrieves candidates from about this Jaccard up

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Signature:
    shingles: int
    hashvalues: np.ndarray  # uint64, NUM_PERM values

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype("<u8").tobytes()

    @classmethod
    def from_bytes(cls, shingles: int, blob: bytes) -> Signature:
        return cls(shingles, np.frombuffer(blob, dtype="<u8"))


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(unidecode(text).lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> Signature | None:
    grams = shingles(text)
    if not grams:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch(sorted(grams))
    return Signature(len(grams), np.asarray(minhash.hashvalues, dtype=np.uint64))


@lru_cache(maxsize=1)
def _bands() -> tuple[int, int]:
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def band_keys(sig: Signature) -> list[str]:
    bands, rows = _bands()
    values = sig.hashvalues.astype("<u8")
    return [
        f"{i}:{hashlib.sha1(values[i * rows : (i + 1) * rows].tobytes()).hexdigest()[:20]}" for i in range(bands)
    ]


def estimated_jaccard(a: Signature, b: Signature) -> float:
    return float(np.mean(a.hashvalues == b.hashvalues))


def same_text(a: Signature, b: Signature) -> bool:
    """Is one text a copy of the other (lightly edited, or trimmed from a long article)?"""
    jaccard = estimated_jaccard(a, b)
    if jaccard >= 0.999:
        return True  # identical shingle sets, however short
    if min(a.shingles, b.shingles) < MIN_SHINGLES:
        return False
    if jaccard >= SAME_TEXT:
        return True
    shared = jaccard * (a.shingles + b.shingles) / (1.0 + jaccard)
    shorter = min(a.shingles, b.shingles)
    return shorter >= MIN_SHINGLES_CONTAINED and shared / shorter >= CONTAINED


def _earliest(meta: dict[str, dict], ids: Iterable[str]) -> str:
    return min(ids, key=lambda i: (meta.get(i, {}).get("published") or _LAST, i))


_LAST = date.max


def mark_near_duplicates(store: Store, conn: Connection, documents: Iterable[Document]) -> dict[str, str]:
    """Check new (already stored) documents against stored signatures; mark and return copies.

    Returns {document id: the earliest stored document it copies}. Earlier documents of the
    same batch count as stored: documents are taken in order of publication. Another version
    of the same source (an edited page) is not a copy: it replaces the old version.
    """
    found: dict[str, str] = {}
    ordered = sorted(documents, key=lambda d: (d.published or _LAST, d.id))
    for doc in ordered:
        sig = signature(doc.body)
        if sig is None:
            continue
        bands = band_keys(sig)
        stored = store.document_signatures(conn, store.documents_in_bands(conn, bands) - {doc.id})
        copies = [i for i, (count, blob) in stored.items() if same_text(sig, Signature.from_bytes(count, blob))]
        store.add_document_signature(conn, doc.id, sig.shingles, sig.to_bytes(), bands)
        meta = store.document_meta(conn, copies)
        copies = [i for i in copies if meta.get(i, {}).get("source") != doc.source]
        if not copies:
            continue
        roots = {meta[i].get("duplicate_of") or i for i in copies}
        meta.update(store.document_meta(conn, roots - set(meta)))
        original = _earliest(meta, roots)
        store.mark_duplicate(conn, doc.id, original)
        found[doc.id] = original
    return found
