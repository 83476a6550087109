"""Compatibility: could two mentions be reports of the same real event? (pure functions)

Each dimension gives a verdict: type, date, place, actors. A conflict on any of them vetoes the
pair. Otherwise the pair *supports* a merge only if both date and place are known and agree
(or the two mentions come from the same document, where a sentence without a place refers
back to the event just described). Support is `strong` (same place, same day) or `weak` (a
nearby or province-only place, a neighbouring day, a week/month date): a weak link may only
join an event that is the one candidate in reach (see `cluster`). The rules, and why, are in
docs/resolution.md.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import yaml
from rapidfuzz import fuzz

from sitrep.geo.normalize import keys as name_keys
from sitrep.geo.normalize import without_twin_words
from sitrep.model import Mention
from sitrep.paths import data_file
from sitrep.resolve.actors import actor1_agrees, actors_verdict
from sitrep.resolve.blocking import WINDOW_DAYS, has_coordinates, is_dated, norm_name
from sitrep.resolve.details import VIOLENT_TYPES, details_differ, injuries_contradict
from sitrep.resolve.tolls import distinctive_toll, listed_place, mass_casualty, same_toll, tolls_contradict

__all__ = ["Link", "contradicts", "link", "listed_place", "names_match", "place_verdict", "silent", "vetoes"]

SAME_PLACE_KM = 1.0  # two gazetteer entries this close are one place (duplicate records)
MAX_NEAR_KM = 6.0  # "near X" reaches this far (when gazetteer ids are missing); below half a cell
NAME_SIMILARITY = 88  # rapidfuzz ratio of two spellings of one unresolved place name
SKELETON_SIMILARITY = 70  # ... or the same consonant skeleton and this ratio (short skeletons collide)
SHORT_SKELETON = 5  # skeletons shorter than this ("srn": Sourani, Sirayan) need the ratio too
AREA_KM = 25.0  # a place the geocoder fell back to (the town or district a village lies in) is this close

UNORDERED_TYPES = frozenset({"Battles", "Diplomacy"})  # "A clashed with / met B" = "B ... A"
UNORDERED_SUB_TYPES = frozenset({"Non-violent transfer of territory", "Agreement"})  # a handover, a deal
TERRITORY_SUB_TYPES = frozenset(
    {"Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory"}
)

TypeVerdict = Literal["same", "related", "conflict"]
DateVerdict = Literal["same", "near", "coarse", "unknown", "conflict"]
PlaceVerdict = Literal["same", "near", "coarse", "unknown", "conflict"]


@dataclass(frozen=True)
class Link:
    """Why two mentions may be one event: `score` ranks candidates, `strong` says no ambiguity."""

    score: float
    strong: bool


@lru_cache(maxsize=1)
def _related_types() -> frozenset[frozenset[str]]:
    text = data_file("resolve/compatible_types.yaml").read_text(encoding="utf-8")
    return frozenset(frozenset(pair) for pair in yaml.safe_load(text)["related"])


def type_verdict(a: Mention, b: Mention) -> TypeVerdict:
    if a.event_type == b.event_type and a.sub_event_type == b.sub_event_type:
        return "same"
    if frozenset((a.sub_event_type, b.sub_event_type)) in _related_types():
        return "related"
    return "conflict"


def date_verdict(a: Mention, b: Mention) -> DateVerdict:
    """Day vs day: the same day, or the next (`near`, allowed only with more evidence).

    A week or month date matches any date within its window (`coarse`); a year-only or unknown
    date says nothing (`unknown`).
    """
    if not (is_dated(a) and is_dated(b)):
        return "unknown"
    gap = abs((a.event_date - b.event_date).days)  # type: ignore[operator]
    if a.date_precision == "day" and b.date_precision == "day":
        return "same" if gap == 0 else "near" if gap == 1 else "conflict"
    window = max(WINDOW_DAYS.get(a.date_precision, 0), WINDOW_DAYS.get(b.date_precision, 0))
    return "coarse" if gap <= window else "conflict"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _country(m: Mention) -> str:
    if m.place is None:
        return ""
    return (m.place.country_code or norm_name(m.place.country)).lower()


def names_match(x: str | None, y: str | None) -> bool:
    """Two spellings of one place name ("Khan Sheikhoun" / "Khan Shaykhun", "al-Tamanah" / "Tamanah")."""
    if not (x and y):
        return False
    (fold_x, skeleton_x), (fold_y, skeleton_y) = name_keys(x), name_keys(y)
    if not (fold_x and fold_y):
        return False
    if fold_x == fold_y:
        return True
    ratio = fuzz.ratio(fold_x, fold_y)
    if (
        len(skeleton_x) >= 3
        and skeleton_x == skeleton_y
        and (len(skeleton_x) >= SHORT_SKELETON or ratio >= SKELETON_SIMILARITY)
    ):
        return True
    return ratio >= NAME_SIMILARITY


_AREA_WORDS = re.compile(
    r"\b(?:province|governorate|region|district|countryside|outskirts|city|town|village|area|oblast|raion)\b",
    re.IGNORECASE,
)


def unresolved_name(m: Mention) -> str | None:
    """The place as written, when the gazetteer could not place it exactly: no place at all, or a
    fallback to a wider area under another name ("Abu Hariq" placed at the province of Hama)."""
    if not m.location_text:
        return None
    if m.place is None:
        return m.location_text
    if m.place.geo_precision == 1:
        return None
    written = _AREA_WORDS.sub(" ", m.location_text)
    if names_match(written, m.place.name) or names_match(written, m.place.admin1):
        return None
    return m.location_text


def _unresolved_verdict(a: Mention, b: Mention, written_a: str | None, written_b: str | None) -> PlaceVerdict:
    """At least one place the gazetteer could not resolve: compare what was written.

    Two different unresolved names are two places (usually villages missing from the gazetteer);
    an unresolved name and a resolved village must be spelled alike. A province-only report, or
    no place phrase at all, says nothing either way.
    """
    if _placed_apart(a, b):
        return "conflict"  # one spelling, but placed in two provinces or far apart: two places
    if written_a and written_b:
        alike = names_match(written_a, written_b)
    else:
        written, other = (written_a, b) if written_a else (written_b, a)
        if other.place is None or other.place.geo_precision == 3:
            return "unknown"
        alike = names_match(written, other.place.name) or names_match(written, other.location_text)
        if alike and _ambiguous(a if written_a else b):
            return "near"  # "Kafr Naseh", a name two villages of the province bear: maybe the other one
    if not alike:
        return "conflict"
    # "the outskirts of X", "near X" name an area around X: near it, not X itself
    return "near" if a.location_qualifier or b.location_qualifier else "same"


def _ambiguous(m: Mention) -> bool:
    """The geocoder left the place unresolved because several places bear its name (its note, sitrep/geo/resolve.py)."""
    return (m.geo_note or "").startswith("ambiguous")


def _placed_apart(a: Mention, b: Mention) -> bool:
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return False
    if pa.admin1 and pb.admin1 and norm_name(pa.admin1) != norm_name(pb.admin1):
        return True
    if has_coordinates(a) and has_coordinates(b) and 3 not in (pa.geo_precision, pb.geo_precision):
        return haversine_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude) > AREA_KM  # type: ignore[arg-type]
    return False


def _area_like(m: Mention) -> bool:
    """A town that gives its name to its province ("Idlib", "Hama", "Taizz"): a report naming it
    may mean the province, so it only ever ties reports together with corroborating detail."""
    place = m.place
    if place is None or not place.admin1 or m.event_type not in VIOLENT_TYPES:
        return False  # a protest or a meeting "in Ankara" is in the city
    return names_match(place.name, place.admin1) or names_match(m.location_text, place.admin1)


def twin_villages(x: str | None, y: str | None) -> bool:
    """Two names that differ only by the words telling twin villages apart ("Eastern Ghariyeh" /
    "Western Ghariyeh", "Big Oweinat" / "Little Oweinat"): two places, whatever the gazetteer says."""
    if not (x and y):
        return False
    fold_x, fold_y = name_keys(x)[0], name_keys(y)[0]
    if fold_x == fold_y:
        return False
    stem_x, stem_y = without_twin_words(fold_x), without_twin_words(fold_y)
    return bool(stem_x) and stem_x == stem_y


def written_apart(a: Mention, b: Mention) -> bool:
    """The two reports write place names that are not two spellings of one name ("Kafr Laha" /
    "al-Houla"), although the geocoder put both at one gazetteer entry (an area named after its
    main town, or a fallback from a village it does not know to the town nearby): near, not the
    same place. Spellings ("Morek" / "Murak": one consonant skeleton), a name inside the other
    ("Salhiyeh" / "Haouch Salhiye") or a short form ("Dnipro" / "Dnipropetrovsk") are one name."""
    if not (a.location_text and b.location_text):
        return False
    x, y = _AREA_WORDS.sub(" ", a.location_text), _AREA_WORDS.sub(" ", b.location_text)
    if names_match(x, y):
        return False
    (fold_x, skeleton_x), (fold_y, skeleton_y) = name_keys(x), name_keys(y)
    if not (skeleton_x and skeleton_y) or skeleton_x == skeleton_y:
        return False
    short, long = sorted((fold_x, fold_y), key=len)
    if long.startswith(short):
        return False
    fewer, more = sorted((fold_x.split(), fold_y.split()), key=len)
    return not all(any(names_match(word, other) for other in more) for word in fewer)


def place_verdict(a: Mention, b: Mention) -> PlaceVerdict:
    """`same` village, `near` it (or a shared area), the same province (`coarse`), or a `conflict`.

    Only two reports placed exactly at one village (precision 1) are the `same` place; "near X",
    "the countryside of X" (precision 2) name an area around X where other villages lie, so two
    of them at the same X are only `near` each other, as is X itself.
    """
    pa, pb = a.place, b.place
    if twin_villages(a.location_text, b.location_text):
        return "conflict"
    written_a, written_b = unresolved_name(a), unresolved_name(b)
    if written_a or written_b:
        return _unresolved_verdict(a, b, written_a, written_b)
    if pa is None or pb is None:
        return "unknown"
    ca, cb = _country(a), _country(b)
    if ca and cb and ca != cb:
        return "conflict"
    if 3 in (pa.geo_precision, pb.geo_precision):
        if not (pa.admin1 and pb.admin1):
            return "unknown"
        return "coarse" if norm_name(pa.admin1) == norm_name(pb.admin1) else "conflict"
    if not (has_coordinates(a) and has_coordinates(b)):
        return "unknown"
    km = haversine_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude)  # type: ignore[arg-type]
    if pa.gazetteer_id and pb.gazetteer_id:
        # two gazetteer entries: one place only if the same entry, or a duplicate record of it
        one_place = (pa.gazetteer_id == pb.gazetteer_id and km <= MAX_NEAR_KM) or (
            km <= SAME_PLACE_KM and norm_name(pa.name) == norm_name(pb.name)
        )
        if not one_place:
            return "conflict"  # another village, or an area named after another place
        exact = pa.geo_precision == pb.geo_precision == 1 and not (_area_like(a) or _area_like(b))
        return "same" if exact and not written_apart(a, b) else "near"
    if pa.geo_precision == pb.geo_precision == 1 and km <= SAME_PLACE_KM and not (_area_like(a) or _area_like(b)):
        return "near" if written_apart(a, b) else "same"
    if pa.geo_precision == 1 and pb.geo_precision == 1:
        return "conflict"  # two different villages
    return "near" if km <= MAX_NEAR_KM else "conflict"


def _proximity(a: Mention, b: Mention) -> float:
    """In [0, 1): how close two mentions of one document are in the text (for a back-reference)."""
    if not (a.evidence and b.evidence):
        return 0.0
    gap = abs(a.evidence[0].start - b.evidence[0].start)
    return 1.0 / (1.0 + gap / 200.0)


def _sides_unordered(a: Mention, b: Mention) -> bool:
    """Events between two sides with no attacker and target: outlets name them in either order."""
    if a.event_type != b.event_type:
        return False
    return a.event_type in UNORDERED_TYPES or (
        a.sub_event_type == b.sub_event_type and a.sub_event_type in UNORDERED_SUB_TYPES
    )


def _opponents_differ(a: Mention, b: Mention) -> bool:
    """A battle of the same force against two different named enemies ("the army fought HTS" /
    "the army fought the Islamic State" at one village on one day) is two battles: ACLED's event is
    "same actors". In one-sided violence a conflicting target stays a weak tie (outlets, and
    extraction, disagree on who was hit)."""
    return a.event_type == b.event_type == "Battles" and bool(a.actor2 and b.actor2)


def _changes_hands(a: Mention, b: Mention) -> bool:
    """Both report a place changing hands: one force takes a given town once on a given day, so the
    same named taker is itself the corroborating detail."""
    return a.sub_event_type in TERRITORY_SUB_TYPES and b.sub_event_type in TERRITORY_SUB_TYPES


def _late_denial(a: Mention, b: Mention, named: bool) -> bool:
    """One report denies what the other reports, naming the same actor: a denial is dated by the
    statement ("denied on Monday"), often the day after the event it denies."""
    return named and (a.modality == "denied") != (b.modality == "denied")


def _vague_match_allowed(kind: TypeVerdict, when: DateVerdict, where: PlaceVerdict, detail: bool) -> bool:
    """Across documents, one vague dimension at most, and only with a corroborating detail."""
    if when == "near":  # the next day: a late report, or the next strike on the same village
        return where == "same" and kind == "same" and detail
    if where == "coarse":  # a province-only report merges with care
        return when in ("same", "unknown") and kind == "same" and detail
    if where == "near":  # "near X" and "in X" are two places to ACLED: the same toll says it is one event
        return when in ("same", "unknown") and detail
    if when == "coarse":  # a week or a month holds many strikes on one village
        return where in ("same", "unknown") and detail
    return True


def link(a: Mention, b: Mention, same_source: bool = False) -> Link | None:
    """None when the two mentions cannot be one event; else how well they support a merge.

    `same_source`: the two mentions come from the same document, or from near-duplicate copies
    of one text (a repost says nothing new, so it may be matched like its original).
    """
    kind = type_verdict(a, b)
    when = date_verdict(a, b)
    where = place_verdict(a, b)
    # a copy of a text (a repost) tells the same events; a copy that dates them another day ("the
    # sit-in went on for a second day") is the next day's report, not the same one
    same_doc = a.document_id == b.document_id or (same_source and when != "near")
    actors = actors_verdict(a.actor1, a.actor2, b.actor1, b.actor2, symmetric=_sides_unordered(a, b))
    if actors == "target" and not same_doc and _opponents_differ(a, b):
        return None
    casualties_differ = not same_doc and (tolls_contradict(a, b) or injuries_contradict(a, b))
    if "conflict" in (kind, when, where, actors) or casualties_differ or details_differ(a, b):
        return None
    # a weaker match on one dimension needs a corroborating detail: the same document, or a
    # distinctive death toll reported by both, with the same named attacker (or a toll so high
    # that two such events on one day and place are not credible)
    named = actor1_agrees(a.actor1, b.actor1)
    # a toll given for a list of places ("strikes on A, B and C killed 9") is no detail of one of them
    own_tolls = not (listed_place(a) or listed_place(b))
    detail = same_doc or (own_tolls and distinctive_toll(a, b) and (named or mass_casualty(a, b)))
    # "the army captured X" / "the army entered X after the rebels withdrew": one handover, told two ways
    one_handover = named and _changes_hands(a, b)
    if kind == "related" and not (where == "same" and when == "same" and (detail or one_handover)):
        return None
    late_denial = when == "near" and _late_denial(a, b, named)
    if not same_doc and not _vague_match_allowed(kind, when, where, detail or late_denial):
        return None
    if when == "near" and not (same_doc or late_denial or (named and same_toll(a, b) and mass_casualty(a, b))):
        # the next day: a late report, or the next day of a bombardment of the same town, where
        # the same small toll (2, 5, 7 dead) on two days is common; only a mass-casualty figure
        # repeated exactly ties two days together
        return None

    score = {"same": 2.0, "related": 0.5}[kind]
    score += {"same": 2.0, "near": 0.5, "coarse": 0.5, "unknown": 0.0}[when]
    score += {"same": 3.0, "near": 1.5, "coarse": 0.5, "unknown": 0.0}[where]
    score += 1.0 if actors == "agree" else 0.0
    if same_doc:
        score += 0.5 + _proximity(a, b)

    known = where != "unknown" and when != "unknown"
    if not known:
        # only a sentence of the same document may lean on its neighbour for the missing place/date
        return Link(score, strong=actors != "target") if same_doc else None
    return Link(score, strong=where == "same" and when == "same" and actors != "target")


def vetoes(a: Mention, b: Mention, same_source: bool = False) -> bool:
    """True when the two mentions contradict each other (for complete linkage within an event)."""
    return link(a, b, same_source) is None and contradicts(a, b, same_source)


def contradicts(a: Mention, b: Mention, same_source: bool = False) -> bool:
    """For a pair without a link: is it a contradiction, or does one report just say less?

    A contradiction is a conflict on any dimension, another (even if related) sub-type, or
    another day, that nothing ties together. A vaguer place or date, or a missing one, is not:
    such a report may simply say less than the rest of the event.
    """
    if same_source or a.document_id == b.document_id:
        return True  # within one document only a conflict leaves a pair without a link
    kind, when = type_verdict(a, b), date_verdict(a, b)
    actors = actors_verdict(a.actor1, a.actor2, b.actor1, b.actor2, symmetric=_sides_unordered(a, b))
    where = place_verdict(a, b)
    return (
        "conflict" in (kind, when, where, actors)
        or (actors == "target" and _opponents_differ(a, b))
        or kind == "related"
        or when == "near"
        or tolls_contradict(a, b)
        or injuries_contradict(a, b)
        or details_differ(a, b)
    )


def silent(a: Mention, b: Mention, same_source: bool = False) -> bool:
    """The pair neither supports nor contradicts a merge (something to compare is missing or vague)."""
    return link(a, b, same_source) is None and not vetoes(a, b, same_source)
