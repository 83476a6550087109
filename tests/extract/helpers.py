"""Build documents from my own news-style sentences (never from real articles or benchmarks)."""

from __future__ import annotations

from datetime import date

from sitrep.model import Comment, Document, Post


def document(body: str, published: date | None = date(2018, 2, 8), country: str | None = "SY",
             comments: list[str] | None = None, title: str | None = None) -> Document:
    """A one-post document; 2018-02-08 is a Thursday."""
    return Document(
        id=f"doc-{abs(hash((body, published, country)))}",
        source="test",
        media_type="text/plain",
        body=body,
        posts=[Post(title=title, published=published, start=0, end=len(body), body=body)],
        published=published,
        country=country,
        comments=[Comment(text=c) for c in comments or []],
    )


def only(mentions):
    assert len(mentions) == 1, [(m.sub_event_type, m.location_text) for m in mentions]
    return mentions[0]
