"""extract: event mentions from a document's posts, one sentence (or a few) at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sitrep.model import Document, Evidence, Mention
from sitrep.ids import mention_id
from sitrep.geo import Geocoder
from sitrep.nlp import load_nlp

_TRIGGERS = {
    "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
    "air strike": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "clashes": ("Battles", "Armed clash"),
    "protest": ("Protests", "Peaceful protest"),
}


class Extractor:
    def __init__(self, geocoder: Geocoder | None = None) -> None:
        self.nlp = load_nlp()
        self.geocoder = geocoder

    def extract_many(self, documents: Iterable[Document]) -> Iterator[list[Mention]]:
        for document in documents:
            yield self.extract(document)

    def extract(self, document: Document) -> list[Mention]:
        mentions = []
        for post_index, post in enumerate(document.posts):
            for sent in self.nlp(post.body).sents:
                lowered = sent.text.lower()
                for trigger, (event_type, sub_type) in _TRIGGERS.items():
                    if trigger in lowered:
                        start = post.start + sent.start_char
                        end = post.start + sent.end_char
                        mentions.append(
                            Mention(
                                id=mention_id(document.id, start, end, None, sub_type),
                                document_id=document.id,
                                post_index=post_index,
                                event_type=event_type,
                                sub_event_type=sub_type,
                                evidence=[Evidence(sent.text, start, end)],
                                event_date=post.published,
                                date_precision="day" if post.published else "unknown",
                            )
                        )
                        break
        return mentions
