"""Death tolls as evidence: do two reports' figures tie them together or keep them apart? (pure)

A figure is a detail of one place only when the sentence gives it for that place: "strikes on
A, B and C killed 9" says nothing of A alone (`listed_place`). Rules and why: docs/resolution.md.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.model import Mention

DISTINCTIVE_TOLL = 3  # a death toll from this figure up can tie two reports together ...
TOLL_RATIO = 1.5  # ... when the other report's toll is within this ratio of it
MASS_CASUALTY = 10  # ... or when both are at least this high


_PARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn|abu|umm|de|du)-?"
_NAME = rf"(?:the\s+)?(?:{_PARTICLE})?[A-Z][\w'`’-]*(?:\s+(?:{_PARTICLE}[\w'`’-]+|[A-Z][\w'`’-]*)){{0,3}}"
_SEPARATOR = r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
_PLACE_LIST = re.compile(rf"{_NAME}(?:{_SEPARATOR}{_NAME})+")


@lru_cache(maxsize=65536)
def _list_length(sentence: str, phrase: str) -> int:
    """How many names the list holding `phrase` has (1: the phrase is not in a list)."""
    at = sentence.find(phrase)
    if at < 0:
        return 1
    for run in _PLACE_LIST.finditer(sentence):
        if run.start() <= at < run.end():
            return len(re.split(_SEPARATOR, run.group()))
    return 1


def listed_place(m: Mention) -> bool:
    """The place is one item of a list of places in its sentence ("shelling hit Kafr Zita,
    al-Lataminah and Morek, killing two"): a toll given for the list is no detail of one place."""
    if not (m.location_text and m.evidence):
        return False
    return any(_list_length(e.text, m.location_text) > 1 for e in m.evidence)


def tolls_contradict(a: Mention, b: Mention) -> bool:
    """One report says nobody was killed, the other counts the dead: two strikes, not one.

    Only between reports that both say the event happened (a denial carries no toll of its own).
    """
    if a.fatalities is None or b.fatalities is None or a.modality != "occurred" or b.modality != "occurred":
        return False
    return min(a.fatalities, b.fatalities) == 0 < max(a.fatalities, b.fatalities)


def distinctive_toll(a: Mention, b: Mention) -> bool:
    """Both report a death toll high enough not to be a coincidence, and close to each other.

    One or two dead are common figures; from DISTINCTIVE_TOLL up, two tolls of which the higher is
    at most TOLL_RATIO times the lower (early and later counts differ), or two mass-casualty
    figures, point to one event.
    """
    if a.fatalities is None or b.fatalities is None:
        return False
    low, high = sorted((a.fatalities, b.fatalities))
    return low >= DISTINCTIVE_TOLL and (high <= low * TOLL_RATIO or low >= MASS_CASUALTY)


def same_toll(a: Mention, b: Mention) -> bool:
    return a.fatalities is not None and a.fatalities >= DISTINCTIVE_TOLL and a.fatalities == b.fatalities


def mass_casualty(a: Mention, b: Mention) -> bool:
    return min(a.fatalities or 0, b.fatalities or 0) >= MASS_CASUALTY
