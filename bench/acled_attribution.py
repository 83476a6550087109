"""Which row of an ACLED note a mention is about (bench/false_merges.py): names compared word by word, ACLED's
dashed locations split into the names they join, and a spelling placed within ATTRIBUTION_KM of the row."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from unidecode import unidecode

from sitrep.model import Mention
from sitrep.resolve.compat import haversine_km

ATTRIBUTION_KM = 2.0  # ACLED's and the gazetteer's coordinates of one village
NAME_SIMILARITY = 85  # a place phrase names the row's location (fuzz.ratio, word by word without articles)
SPELLING_SIMILARITY = 70  # ... provided the names are two spellings of it, not two neighbouring villages


@dataclass
class Unit:
    key: int
    location: str
    lat: float
    lon: float
    row: dict


ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "the"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_MARKS = re.compile(r"['`]")


def _words(name: str) -> list[str]:
    """Lower-case ASCII words of a name, articles dropped: "al-Shifunya" -> ["shifunya"]."""
    folded = _MARKS.sub("", unidecode(name).lower())  # "Na'im", "Ta`izz": one word
    return [w for w in _NON_ALNUM.split(folded) if w and w not in ARTICLES]


def _parts(location: str) -> list[str]:
    """ACLED's location and the names it joins with a dash ("Aden-Kraytar", "Busra - Zafar al-Saghir":
    a town and the quarter or village the row is about); an article's hyphen ("al-Saghir") joins no names."""
    parts = [location]
    for piece in re.split(r"\s+-\s+", location):
        fragments = piece.split("-")
        joined = [fragments[0]]
        for fragment in fragments[1:]:
            last = joined[-1].split()
            if last and last[-1].lower() in ARTICLES:
                joined[-1] += "-" + fragment
            else:
                joined.append(fragment)
        parts += [p.strip() for p in ([piece] if len(joined) == 1 else [piece, *joined]) if p.strip()]
    return list(dict.fromkeys(parts))


def _vowelless(word: str) -> str:
    return re.sub(r"[aeiouy]", "", word)


def _word_spelled(word: str, others: list[str]) -> bool:
    return any(
        fuzz.ratio(word, o) >= SPELLING_SIMILARITY or (_vowelless(word) != "" and _vowelless(word) == _vowelless(o))
        for o in others
    )


def one_name(phrase: str, location: str) -> bool:
    """The phrase and the row's location (or one of the names it joins) are one name: spelled alike
    as a whole (ratio >= NAME_SIMILARITY), or every word of the shorter has a spelling in the other
    ("Kahbub" / "Jabal Kahbub", "Beit Furik" / "Bayt Furik"). WRatio alone scores 85.5 for any two
    names that share one word: "Sati Ushaghi" / "Omar Ushaghi", "Al Houd" / "Al Aqqaybah",
    "Zafar al-Kabir" / "Busra - Zafar al-Saghir" are two villages each."""
    mine = _words(phrase)
    for part in _parts(location):
        theirs = _words(part)
        if not (mine and theirs):
            continue
        fewer, more = sorted((mine, theirs), key=len)
        alike_whole = fuzz.ratio(" ".join(mine), " ".join(theirs)) >= NAME_SIMILARITY
        if alike_whole or all(_word_spelled(w, more) for w in fewer):
            return True
    return False


def _phrases(m: Mention) -> list[str]:
    return [p for p in (m.location_text, m.place.name if m.place else None) if p]


def _similarity(m: Mention, location: str) -> float:
    return max((fuzz.WRatio(p, location) for p in _phrases(m)), default=0)


def attribute(
    m: Mention, units: list[Unit], strict: bool = False, by_distance_alone: bool = False, wratio: bool = False
) -> int | None:
    """The unit (row) of its note a mention is about: the unit whose location the mention's place
    names (by name, or a spelling of it placed within ATTRIBUTION_KM); None for a mention of some
    other place the note names in passing. `strict`: a note with one unit owns all its mentions.
    `by_distance_alone` (round 1's definition): any place within ATTRIBUTION_KM counts as the row's,
    which in the towns of Eastern Ghouta, 1-2 km apart, gives a passing reference to the next town
    to the row. `wratio` (rounds 2-3): names compared with rapidfuzz's WRatio, which scores 85.5
    for any two names sharing one word ("Al Houd" / "Al Aqqaybah", "Omar Ushaghi" / "Sati Ushaghi")."""
    if strict and len(units) == 1:
        return units[0].key
    for phrase in _phrases(m):
        named = [(fuzz.WRatio(phrase, u.location), u.key) for u in units if wratio or one_name(phrase, u.location)]
        score, unit = max(named, default=(0, None))
        if score >= NAME_SIMILARITY:
            return unit
    if m.place and m.place.latitude is not None and m.place.longitude is not None:
        lat, lon = m.place.latitude, m.place.longitude
        near = min(units, key=lambda u: (haversine_km(lat, lon, u.lat, u.lon), u.key))
        km = haversine_km(lat, lon, near.lat, near.lon)
        if km > ATTRIBUTION_KM:
            return None
        if by_distance_alone:
            return near.key
        spelled = [p for p in _phrases(m) if fuzz.WRatio(p, near.location) >= SPELLING_SIMILARITY]
        return near.key if any(wratio or one_name(p, near.location) for p in spelled) else None
    return None


def coded_alike(a: dict, b: dict, wratio: bool = False) -> bool:
    """Two rows that ACLED's own definition makes one event (same day, place, type and actor1), kept
    as two rows because two sources reported it (SOHR's and SHAM's notes of one shelling, which
    spell the village differently: "Jisrein" / "Jesrin")."""
    if any(a[f] != b[f] for f in ("event_date", "event_type", "actor1")):
        return False
    km = haversine_km(float(a["latitude"]), float(a["longitude"]), float(b["latitude"]), float(b["longitude"]))
    if wratio:
        return km <= ATTRIBUTION_KM and fuzz.WRatio(a["location"], b["location"]) >= SPELLING_SIMILARITY
    alike = fuzz.WRatio(a["location"], b["location"]) >= SPELLING_SIMILARITY and one_name(a["location"], b["location"])
    return km <= ATTRIBUTION_KM and alike
