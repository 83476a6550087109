"""What the words around a location name say: "Idlib province" asks for a province, "rural Aleppo" is its
countryside, "northern Hama" a part of the province, "the town of X" is X."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TYPE_SUFFIX = re.compile(
    r"[\s,]+(?P<word>province|governorate|gov\.?|muhafazat?|district|region|sub-?district|nahiya|"
    r"countryside|city|town|village|neighbou?rhood|quarter|suburbs?|area|outskirts|environs|"
    r"mountains?|hills?|plains?|valley|desert)$", re.I)
_LEADING = re.compile(
    r"^(?:the\s+)?(?:(?P<rural>rural|reef|rif)\s+|(?P<dir>(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?)\s+)?"
    r"(?:(?:village|town|city|area|province|district|governorate)\s+of\s+)?", re.I)
_WANT = {"province": "region", "governorate": "region", "region": "region", "gov": "region", "gov.": "region", "muhafaza": "region",
         "muhafazat": "region", "district": "county", "subdistrict": "subdistrict", "sub-district": "subdistrict",
         "nahiya": "subdistrict"}
_AREA_WORDS = {"countryside", "suburbs", "suburb", "outskirts", "environs", "area"}


@dataclass
class LocationText:
    name: str
    want_kind: str | None = None
    qualifier: str | None = None  # implied by the words around the name ("Idlib countryside")
    direction: str | None = None  # "northern Hama": the northern part of the province -> "north"


def parse_location(text: str) -> LocationText:
    """"Idlib province" -> Idlib (a region); "rural Aleppo" -> Aleppo (countryside of); "the town of X" -> X."""
    name, want, qualifier, direction = text.strip(), None, None, None
    lead = _LEADING.match(name)
    if lead and lead.end() < len(name):
        if lead.group("rural"):
            # "Rif Dimashq" is a province's own name: only strip when the rest is not a name on its own
            qualifier = "countryside of"
        if lead.group("dir"):
            direction = direction_of(lead.group("dir"))
        name = name[lead.end():]
    while (m := _TYPE_SUFFIX.search(name)) and m.start() > 0:
        word = m.group("word").lower()
        want = want or _WANT.get(word)
        if word in _AREA_WORDS:
            qualifier = qualifier or ("countryside of" if word == "countryside" else "outskirts of"
                                      if word == "outskirts" else "near")
        name = name[:m.start()]
    name = re.sub(r"'s$|’s$", "", name.strip(" ,"))
    return LocationText(name=name or text.strip(), want_kind=want, qualifier=qualifier, direction=direction)


def direction_of(word: str) -> str | None:
    """"northern" / "north-eastern" / "northeastern part of" -> "north" / "northeast"; "central" -> None."""
    word = word.lower().replace("-", "").replace("ern", "").split()[0]
    return word if word.startswith(("north", "south", "east", "west")) else None


MILE_KM = 1.609
_HINT_DISTANCE = re.compile(r"^\s*(?P<km>\d+(?:\.\d+)?)\s*(?:km|kms|kilomet(?:er|re)s?)\s+(?:\w+\s+)?(?:of|from)\s+", re.IGNORECASE)


def distance_hint(number: str, unit: str, direction: str | None, reference: str) -> str:
    """A reference town with the distance the text states, in km: ("5", "miles", "south", "Hass") ->
    "8 km south of Hass". The resolver reads it back with `stated_distance`."""
    km = float(number) * (MILE_KM if unit.lower().startswith("mi") else 1.0)
    return f"{round(km, 1):g} km {direction.lower() + ' ' if direction else ''}of {reference}"


def stated_distance(hint: str) -> tuple[float | None, str]:
    """"120 km east of Tal Abyad" -> (120.0, "Tal Abyad"); a hint without a distance -> (None, hint)."""
    m = _HINT_DISTANCE.match(hint)
    return (float(m.group("km")), hint[m.end():]) if m else (None, hint)
