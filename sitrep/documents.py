"""The output contract's record for one stored document."""

from __future__ import annotations

from typing import Any

from sitrep.model import Document


def document_record(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "source": doc.source,
        "url": doc.url,
        "title": doc.title,
        "publisher": doc.publisher,
        "author": doc.author,
        "published": doc.published.isoformat() if doc.published else None,
        "country": doc.country,
        "body": doc.body,
        "comments": [
            {"text": c.text, "author": c.author, "published": c.published.isoformat() if c.published else None}
            for c in doc.comments
        ],
        "posts": [
            {
                "title": p.title,
                "published": p.published.isoformat() if p.published else None,
                "body": p.body,
                "start": p.start,
                "end": p.end,
            }
            for p in doc.posts
        ],
    }
