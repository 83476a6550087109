"""The output contract's record for one stored document."""

from __future__ import annotations

from typing import Any

from sitrep.export import iso_date
from sitrep.model import Document


def document_record(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "source": doc.source,
        "url": doc.url,
        "title": doc.title,
        "publisher": doc.publisher,
        "author": doc.author,
        "published": iso_date(doc.published),
        "country": doc.country,
        "body": doc.body,
        "comments": [
            {"text": c.text, "author": c.author, "published": iso_date(c.published)}
            for c in doc.comments
        ],
        "posts": [
            {
                "title": p.title,
                "published": iso_date(p.published),
                "body": p.body,
                "start": p.start,
                "end": p.end,
            }
            for p in doc.posts
        ],
    }
