"""geo: find place names in text, and place each mention on the map, ACLED style.

Two entry points on one loaded object (the gazetteer is loaded once per process):
- `find_places(text, country)`: toponym recognition, used by extract to make one event per place;
- `place(mentions, document)`: toponym resolution, fills `Mention.place` (or `geo_note` saying why not).
"""

from __future__ import annotations

from sitrep.model import Document, Mention, PlacePhrase


class Geocoder:
    @classmethod
    def load(cls) -> "Geocoder":
        return cls()

    def find_places(self, text: str, country: str | None = None) -> list[PlacePhrase]:
        return []

    def place(self, mentions: list[Mention], document: Document) -> list[Mention]:
        for mention in mentions:
            if mention.place is None and mention.location_text:
                mention.geo_note = "not resolved"
        return mentions
