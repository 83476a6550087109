"""Places that only hold the sentence's other places: a place followed by the places it includes ("in several
Aden districts, including Khormaksar and Crater"), a heading's place ("Day 2 of clashes in Aden: ..."), a
province named after the places it holds ("the A and B areas of Saudi Arabia's Asir region"). Each becomes
the admin hint of the places it holds, not an event of its own."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # places.py defines the candidates and calls these passes
    from sitrep.extract.places import PlaceCandidate

# "in several Aden districts, including Khormaksar and Crater", "Afrin, including the villages of A and B"
_INCLUDING_AFTER = re.compile(r"^(?:\s+(?:city|town|province|governorate|region|countryside))?(?:\s+(?:districts|neighbou?rhoods|"
                              r"areas|quarters|villages|towns|suburbs|parts|localities))?\s*,?\s+(?:including|such as|notably|"
                              r"among them)\s", re.IGNORECASE)
_HEADING_AFTER = re.compile(r"^\s*:\s")  # "Day 2 of clashes in Aden: ... in Khormaksar and Crater"
_LISTED_NEXT = re.compile(r"^(?:the\s+)?(?:(?:villages?|towns?|areas?|districts?|neighbou?rhoods?)\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)


def holding_lists(text: str, found: list[PlaceCandidate]) -> list[PlaceCandidate]:
    """A place followed by the places it includes, or heading the text that names them, is their container,
    not an event place of its own."""
    result = list(found)
    for i, c in enumerate(found):
        listed = [k for k in range(i + 1, len(found)) if found[k].role == "event"]
        if c.role != "event" or not listed:
            continue
        including = _INCLUDING_AFTER.match(text[c.end :])
        # the list must start right after "including": "Kafr Nabl, including a hospital, and Hass" lists no places
        if not (including and _LISTED_NEXT.match(text[c.end + including.end() : found[listed[0]].start])
                or _HEADING_AFTER.match(text[c.end :])):
            continue
        _hold(result, i, listed)
    return result


_NAMED_PROVINCE = re.compile(r"\s(?:province|governorate|region)$", re.IGNORECASE)


def provinces_after_places(found: list[PlaceCandidate]) -> list[PlaceCandidate]:
    """A province named as such after the sentence's places holds them ("in the A and B areas of Saudi
    Arabia's Asir region"): it is their hint, not an event of its own."""
    result = list(found)
    for i, c in enumerate(found):
        before = [k for k in range(i) if result[k].role == "event"]
        if c.role != "event" or not before or not _NAMED_PROVINCE.search(c.text):
            continue
        _hold(result, i, before)
    return result


def _hold(result: list[PlaceCandidate], container: int, held: list[int]) -> None:
    """Make `result[container]` the admin hint of the places at `held` (those without one), not an event itself."""
    c = result[container]
    result[container] = replace(c, role="admin")
    for k in held:
        if result[k].admin_hint is None:
            result[k] = replace(result[k], admin_hint=c.text)
