"""clean: one `Input` becomes one `Document`: main text, posts, comments, metadata."""

from __future__ import annotations

from datetime import date

from sitrep.countries import to_iso2
from sitrep.ids import content_id
from sitrep.model import Document, Input, Post


def clean(item: Input, published: date | None = None, country: str | None = None) -> Document:
    body = item.text.strip()
    pub = published or item.published
    return Document(
        id=content_id(item.raw),
        source=item.source,
        media_type=item.media_type,
        body=body,
        posts=[Post(title=item.title, published=pub, start=0, end=len(body), body=body)],
        title=item.title,
        publisher=item.publisher,
        published=pub,
        country=to_iso2(country) or to_iso2(item.country),
        url=item.url,
        raw=item.raw,
    )
