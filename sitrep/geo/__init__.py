"""geo: find place names in text, and place each mention on the map, ACLED style.

Two entry points on one loaded object (the gazetteer is loaded once per process):
- `find_places(text, country)`: toponym recognition, used by extract to make one event per place;
- `place(mentions, document)`: toponym resolution, fills `Mention.place` (or `geo_note` saying why not).
`lookup(name, country)` shows the candidates for a name and why they rank as they do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sitrep.countries import to_iso2
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.rank import Anchor, Candidate, RankContext, candidates, rank
from sitrep.geo.recognize import Recognizer
from sitrep.geo.resolve import (
    MIN_NAME_SCORE, confident, focus_country, infer_country, parse_location, resolve_mention, resolve_name, with_hint,
)
from sitrep.geo.normalize import fold
from sitrep.model import Document, Mention, PlacePhrase

__all__ = ["Candidate", "Geocoder"]


class Geocoder:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.recognizer = Recognizer(gazetteer)

    @classmethod
    def load(cls, overlay: Path | None = None, cache: Path | None = None) -> "Geocoder":
        """Open the gazetteer (its index is built on first use and cached; see gazetteer.cache_dir)."""
        return cls(Gazetteer.load(overlay=overlay, cache=cache))

    def find_places(self, text: str, country: str | None = None) -> list[PlacePhrase]:
        return self.recognizer.find(text, to_iso2(country) if country else None)

    def lookup(self, name: str, country: str | None = None) -> list[Candidate]:
        """Every candidate for `name`, best first, each with its score and the reasons for it."""
        cc = to_iso2(country) if country else None
        found = [c for c in candidates(self.gazetteer, name, cc) if c.name_score >= MIN_NAME_SCORE]
        return rank(found, RankContext(country=cc))

    def place(self, mentions: list[Mention], document: Document) -> list[Mention]:
        focus = focus_country(document)
        posts: dict[int, PostContext] = {}
        for mention in mentions:
            if not mention.location_text:
                continue
            if mention.post_index not in posts:
                posts[mention.post_index] = self._post_context(document, mention.post_index, focus)
            post = posts[mention.post_index]
            _complete_from_text(mention, post.phrases)
            ctx = RankContext(country=focus or infer_country(post.anchors), country_inferred=focus is None)
            try:
                resolve_mention(self.gazetteer, mention, ctx, post.anchors)
            except Exception as exc:  # one bad mention must not lose the document's other events
                mention.place = None
                mention.geo_note = f"geocoding failed: {exc.__class__.__name__}: {exc}"
        return mentions

    def _post_context(self, document: Document, post_index: int, focus: str | None) -> "PostContext":
        """The post's place phrases, and those that resolve without doubt (anchors: context for the others)."""
        posts = document.posts
        text = posts[post_index].body if 0 <= post_index < len(posts) else document.body
        phrases = self.find_places(text, focus)
        anchors = [a for a in (self._anchor(p, RankContext(country=focus)) for p in phrases) if a is not None]
        if focus is None and anchors:  # again, with the country the confident places agree on
            inferred = RankContext(country=infer_country(anchors), country_inferred=True)
            anchors = [a for a in (self._anchor(p, inferred) for p in phrases) if a is not None]
        return PostContext(phrases, anchors)

    def _anchor(self, phrase: PlacePhrase, ctx: RankContext) -> Anchor | None:
        if phrase.admin_hint:
            ctx = with_hint(self.gazetteer, ctx, phrase.admin_hint)
        res = resolve_name(self.gazetteer, phrase.text, ctx)
        if not confident(res):
            return None
        p = res.best.place
        return Anchor(p.lat, p.lon, p.name, fold(phrase.text), p.cc, p.kind, p.admin1, p.admin2)


@dataclass
class PostContext:
    phrases: list[PlacePhrase]
    anchors: list[Anchor]


def _complete_from_text(mention: Mention, phrases: list[PlacePhrase]) -> None:
    """Take the qualifier and admin hint the post gives a mention's place when extract did not pass them."""
    if mention.admin_hint and mention.location_qualifier:
        return
    key = fold(parse_location(mention.location_text or "").name)
    for phrase in phrases:
        if fold(parse_location(phrase.text).name) == key:
            mention.admin_hint = mention.admin_hint or phrase.admin_hint
            mention.location_qualifier = mention.location_qualifier or phrase.qualifier
            return
