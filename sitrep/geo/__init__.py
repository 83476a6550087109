"""geo: find place names in text, and place each mention on the map, ACLED style.

Two entry points on one loaded object (the gazetteer is loaded once per process):
- `find_places(text, country)`: toponym recognition, used by extract to make one event per place;
- `place(mentions, document)`: toponym resolution, fills `Mention.place` (or `geo_note` saying why not).
`lookup(name, country)` shows the candidates for a name and why they rank as they do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from sitrep.countries import to_iso2
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.lexicon import DIRECTION_AFTER, HINT_BETWEEN
from sitrep.geo.location import direction_of
from sitrep.geo.normalize import fold, skeleton
from sitrep.geo.operations import operation_anchors
from sitrep.geo.rank import Anchor, Candidate, RankContext, candidates, name_similarity, rank
from sitrep.geo.recognize import Recognizer
from sitrep.geo.resolve import (
    MIN_NAME_SCORE,
    confident,
    focus_country,
    infer_country,
    parse_location,
    resolve_mention,
    resolve_name,
    with_hint,
)
from sitrep.model import Document, Mention, PlacePhrase

__all__ = ["Candidate", "Geocoder"]
ANCHOR_CACHE = 20_000
PLACES_CACHE = 1_024  # texts whose place phrases are kept: a post recurs (wire copy, a feed read again)
_QUARTER_AFTER = re.compile(r"^\s+(?:neighbou?rhoods?|quarters?)\b", re.I)
_TOWN_AFTER = re.compile(r"^\s+(?:city|town)\b", re.I)
_QUARTER_BEFORE = re.compile(r"\b(?:neighbou?rhoods?|quarters?)\s+of\s+(?:the\s+)?$", re.I)


class Geocoder:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.recognizer = Recognizer(gazetteer)
        self._anchors: dict[tuple, Anchor | None] = {}
        # the same text in the same country is recognised once (a post recurs: wire copy, a feed read again)
        self._recognised = lru_cache(maxsize=PLACES_CACHE)(self._recognise)

    @classmethod
    def load(cls, overlay: Path | None = None, cache: Path | None = None) -> "Geocoder":
        """Open the gazetteer (its index is built on first use and cached; see gazetteer.cache_dir)."""
        return cls(Gazetteer.load(overlay=overlay, cache=cache))

    def find_places(self, text: str, country: str | None = None) -> list[PlacePhrase]:
        """The place phrases of `text` (the same text in the same country is recognised once: an LRU)."""
        return list(self._recognised(text, to_iso2(country) if country else None))

    def _recognise(self, text: str, country: str | None) -> tuple[PlacePhrase, ...]:
        return tuple(self.recognizer.find(text, country))

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
            phrase = _complete_from_text(mention, post.phrases)
            direction = _hint_direction(post.text, phrase, mention.admin_hint)
            quarter = phrase is not None and _is_quarter(post.text, phrase)
            ctx = RankContext(country=focus or infer_country(post.anchors), country_inferred=focus is None)
            try:
                resolve_mention(self.gazetteer, mention, ctx, post.anchors, hint_direction=direction, quarter=quarter)
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
        # "as part of Operation Olive Branch": the operation's district is context too (never a place by itself)
        anchors += operation_anchors(self.gazetteer, text, focus or infer_country(anchors))
        return PostContext(text, phrases, anchors)

    def _anchor(self, phrase: PlacePhrase, ctx: RankContext) -> Anchor | None:
        # the same phrases recur (a province, a front-line town): resolved once per country focus
        key = (phrase.text, phrase.admin_hint, phrase.qualifier, ctx.country, ctx.country_inferred)
        if key not in self._anchors:
            if len(self._anchors) > ANCHOR_CACHE:
                self._anchors.clear()
            self._anchors[key] = self._resolve_anchor(phrase, ctx)
        return self._anchors[key]

    def _resolve_anchor(self, phrase: PlacePhrase, ctx: RankContext) -> Anchor | None:
        if phrase.qualifier and (phrase.qualifier.endswith("part of") or phrase.qualifier == "countryside of"):
            ctx = replace(ctx, want_kind="region")  # "in northern Hama", "Idlib countryside": the province
        if phrase.admin_hint:
            ctx = with_hint(self.gazetteer, ctx, phrase.admin_hint)
        res = resolve_name(self.gazetteer, phrase.text, ctx)
        if not confident(res):
            return None
        p = res.best.place
        direction = direction_of(phrase.qualifier) if phrase.qualifier and phrase.qualifier.endswith("part of") else None
        return Anchor(p.lat, p.lon, p.name, fold(phrase.text), p.cc, p.kind, p.admin1, p.admin2, direction)


@dataclass
class PostContext:
    text: str
    phrases: list[PlacePhrase]
    anchors: list[Anchor]


def _complete_from_text(mention: Mention, phrases: list[PlacePhrase]) -> PlacePhrase | None:
    """The post's phrase for a mention's place (of the same name, or of a spelling a transliteration away:
    "Al Buqa" / "Al Boqe'e"); its qualifier and admin hint complete what extract did not pass."""
    key = fold(parse_location(mention.location_text or "").name)
    if not key:
        return None
    same = [p for p in phrases if fold(parse_location(p.text).name) == key]
    if not same:
        same = [p for p in phrases if _alike(fold(parse_location(p.text).name), key)]
    if not same:
        return None
    phrase = same[0]
    mention.admin_hint = mention.admin_hint or phrase.admin_hint
    mention.location_qualifier = mention.location_qualifier or phrase.qualifier
    return phrase


def _is_quarter(text: str, phrase: PlacePhrase) -> bool:
    """"al-Shaar neighbourhood of Aleppo", "the Jobar quarter": the text calls the place a part of a town."""
    if _TOWN_AFTER.match(text[phrase.end:]):
        return False  # "in neighbourhoods of al-Tabaqa city": the town itself, its quarters unnamed
    return _QUARTER_AFTER.match(text[phrase.end:]) is not None or \
        _QUARTER_BEFORE.search(text[max(0, phrase.start - 40):phrase.start]) is not None


def _hint_direction(text: str, phrase: PlacePhrase | None, hint: str | None) -> str | None:
    """"Shafa town in *eastern* Deir ez-Zor": the part of the hint's province the text names."""
    if phrase is None or not hint:
        return None
    at = text.find(hint, phrase.end)
    between = HINT_BETWEEN.match(text[phrase.end:at]) if at >= 0 else None
    if between and between.group("dir"):
        return direction_of(between.group("dir"))
    after = DIRECTION_AFTER.match(text[at + len(hint):]) if between else None  # "in Idlib southern countryside"
    return direction_of(after.group("dir")) if after else None


def _alike(a: str, b: str) -> bool:
    return bool(a) and (skeleton(a) == skeleton(b) or name_similarity(a, b) >= 0.8)
