"""How a report shares its dead among the places and events it tells.

Careful coders (ACLED's notes, a monitor's daily tally) say so in words: "Unknown fatalities coded as 10",
"fatalities split between the 3 locations, with Samalil and Sensil allocated 3 each and Jaborine
allocated 4", "Fatalities spread across two locations", "6 fatalities coded to Otaya and 2 to Hazrama".
Such a statement is about the figures of the events already told, never an event of its own: it sets
the total, how many events share it, and what each named place gets.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from sitrep.extract.attackers import suicide_attackers
from sitrep.extract.fatality_words import NUMBER_WORDS
from sitrep.geo.normalize import keys as name_keys
from sitrep.model import Mention

# the figures coders write: digits, or a word from one to twenty (the fatality finder's number words)
_NUMBER = "(?:\\d+|" + "|".join(word for word, value in NUMBER_WORDS.items() if value <= 20 and " " not in word) + ")"
# a statement about figures, not about what happened
_STATEMENT = re.compile(
    r"\b(?:coded|coding|al+oc?a\w*ted|allocating|assigned)\b"
    r"|\b(?:fatalities|deaths|dead)\b(?:\s+[\w-]+){0,3}?\s+(?:were\s+|are\s+|was\s+)?(?:split|spread|divided|distributed|averaged)\b"
    r"|\b(?:split|spread|divided|distributed)\s+(?:the\s+)?fatalities\b|\baveraging out\b|\bestimate\s*\(\d+\)", re.IGNORECASE)
_TOTAL = re.compile(
    rf"\bcoded\s+(?:as\s+as|as|to|at)\s+(?P<n>{_NUMBER})\b(?!\s+(?:for|to|at|in|each)\b)"
    rf"|\b(?P<m>{_NUMBER})\s+(?:\w+\s+)?fatalities\s+(?:were\s+|are\s+)?(?:split|spread|divided|distributed)\b"
    rf"|\bcod(?:ed|ing)\s+fatalities\s+(?:as|to)\s+(?P<k>{_NUMBER})\b"
    rf"|\bestimate\s*\((?P<e>{_NUMBER})\)", re.IGNORECASE)
# "three fatalities coded to this location": the place the report is about (its first)
_HERE = re.compile(rf"(?:\b(?P<n>{_NUMBER})\s+(?:fatalities\s+|deaths\s+)?(?:were\s+)?(?:coded|al+oc?a\w*ted)"
                   rf"|\b(?:coded|al+oc?a\w*ted)\s+(?P<m>{_NUMBER})\s+(?:fatalities|deaths))\s+(?:to|at|for)\s+"
                   r"this\s+(?:location|event|place|area)\b", re.IGNORECASE)
# "for a total of 11 fatalities", "Therefore, total fatalities coded to 13": the figure of the report's event, all told
_GRAND = re.compile(rf"\b(?:for\s+)?a\s+total\s+of\s+(?P<n>{_NUMBER})\s+fatalities|\btotal\s+fatalities\s+(?:coded\s+)?(?:as|to|at|of)\s+"
                    rf"(?P<m>{_NUMBER})\b", re.IGNORECASE)
# "An additional fatality coded for the suicide attacker": one more dead than the figures told (not "... coded at X")
_EXTRA = re.compile(rf"\b(?P<n>an|{_NUMBER})\s+additional\s+fatalit(?:y|ies)\s+(?:was\s+|were\s+)?coded\b(?!\s+(?:at|to|in)\s+[A-Z])",
                    re.IGNORECASE)
_HALF = re.compile(r"\bcoded\s+as\s+half\b", re.IGNORECASE)
_NAME = r"(?:(?:al|el|Al|El)[-\s])?[A-Z][\w'’/-]*(?:\s+(?:(?:al|el|Al|El)[-\s])?[A-Z][\w'’/-]*){0,3}"
_NAMES = rf"{_NAME}(?:\s*,\s*(?:and\s+)?{_NAME}|\s+and\s+{_NAME})*"
_SHARED = re.compile(
    rf"(?i:\b(?:split|spread|divided|distributed|averag\w*(?:\s+out)?)\b(?:\s+(?:evenly|equally|out))?(?:\s+(?:the\s+)?fatalities)?\s*,?\s+"
    rf"(?:\w+\s+)?(?:between|across|among|over|throughout|amongst)\s+(?:the\s+)?(?P<k>{_NUMBER})\s+"
    rf"(?:\w+\s+)?(?:locat\w*|events|areas|sites|villages|towns|places|districts|sub-districts|days|reports|activities|fronts)\b"
    r"|\bsplit\s+with\s+(?P<one>another|one other)\s+event\b"
    # "spread evenly across events", "divided among multiple events": every place told has a share
    r"|\b(?:split|spread|divided|distributed)\s+(?:\w+\s+)?(?:between|across|among|over)\s+(?:the\s+)?(?P<all>multiple\s+|several\s+)?"
    r"(?:events|locations|areas|sites|villages|places)\b)"
    # "split between Oumawiyeen and Dar'a city", "distributed over the activities in A, B and C"
    rf"|\b(?i:split|spread|divided|distributed)\s+(?i:(?:the\s+)?fatalities\s+)?(?i:(?:evenly|equally)\s+)?(?i:between|across|among|over)\s+"
    rf"(?i:(?:the\s+)?(?:activities|fighting|clashes|events)\s+(?:in|at)\s+)?(?P<names>{_NAMES})")
# "6 fatalities coded to Otaya and Nashabiyeh", "3 allocated to Harasta", "2 at Jandairis", "two coded to Hamouriyah"
_TO_PLACES = re.compile(
    rf"\b(?P<n>(?i:{_NUMBER}))\s+(?i:(?:additional\s+|more\s+|known\s+)?(?:fatalities\s+|deaths\s+)?(?:were\s+|died\s+)?(?:each\s+)?"
    rf"(?:(?:coded|allocated|assigned|attributed)\s+(?:each\s+)?)?(?:to|at|in|for)\s+(?:the\s+)?(?:(?:fighting|clashes|shelling|strikes?)\s+(?:at|in)\s+)?)"
    rf"(?P<places>{_NAMES})")
# "coded as 10 and split, 1 each, between the villages" (not "3 each allocated to A and B": a figure per place)
_EACH = re.compile(rf"\b(?P<n>{_NUMBER})\s+(?:fatalities\s+|deaths\s+)?each\b(?!\s+(?:(?:allocated|coded|assigned)\s+)?(?:to|at|in)\b)",
                   re.IGNORECASE)
# "Samalil and Sensil allocated 3 each", "with Zamalka allocated 4 fatalities"
_PLACES_GET = re.compile(
    rf"(?P<places>{_NAMES})\s+(?:were\s+|was\s+)?(?:each\s+)?(?i:allocated|assigned|coded)\s+(?:with\s+)?(?P<n>(?i:{_NUMBER}))\b")
@dataclass
class Allocation:
    """What one statement says: the total, how many events share it, and each named place's figure."""

    total: int | None = None
    parts: int | None = None  # how many events share the total (0: every place told)
    each: int | None = None  # "1 each": what every place sharing the total gets
    here: int | None = None  # "3 fatalities coded to this location": the report's own place
    grand: int | None = None  # "for a total of 11 fatalities": the report's own event, all told
    extra: int = 0  # "an additional fatality coded for the attacker"
    half: bool = False
    per_place: dict[str, int] = field(default_factory=dict)  # name as written -> its dead
    sharers: list[str] = field(default_factory=list)  # "split between A and B": the places that share the total


def number(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def states_extra(sentence: str) -> bool:
    """Whether the sentence codes additional fatalities ("An additional fatality coded for the attacker")."""
    return _EXTRA.search(sentence) is not None


def read_allocation(sentence: str) -> Allocation | None:
    """The allocation a sentence states, or None when it states none."""
    if not _STATEMENT.search(sentence):
        return None
    found = Allocation(half=bool(_HALF.search(sentence)))
    total = _TOTAL.search(sentence)
    if total:
        found.total = number(total.group("n") or total.group("m") or total.group("k") or total.group("e"))
    here = _HERE.search(sentence)
    if here:
        found.here = number(here.group("n") or here.group("m"))
    grand = _GRAND.search(sentence)
    if grand:
        found.grand = number(grand.group("n") or grand.group("m"))
    extra = _EXTRA.search(sentence)
    if extra:
        found.extra = 1 if extra.group("n").lower() == "an" else number(extra.group("n")) or 0
    shared = _SHARED.search(sentence)
    if shared:
        found.sharers = _split_names(shared.group("names")) if shared.group("names") else []
        found.parts = 2 if shared.group("one") else number(shared.group("k")) if shared.group("k") \
            else len(found.sharers) if found.sharers else 0
    for m in _TO_PLACES.finditer(sentence):
        if total is None or m.start() != total.start("n" if total.group("n") else "m" if total.group("m") else "k"):
            _assign(found, m.group("places"), number(m.group("n")))
    for m in _PLACES_GET.finditer(sentence):
        _assign(found, m.group("places"), number(m.group("n")))
    each = _EACH.search(sentence)
    if each and (total is None or each.start() > total.end()):
        found.each = number(each.group("n"))
    if found.total is None and found.parts is None and not found.per_place and not found.half and found.each is None \
            and found.here is None and found.grand is None and not found.extra:
        return None
    return found


def _assign(found: Allocation, names: str, value: int | None) -> None:
    if value is None:
        return
    for name in _split_names(names):
        found.per_place.setdefault(name, value)


def _split_names(names: str) -> list[str]:
    """The place names of a list ("Rihan, al-Shifunya, and Beit Sawa"), numbers left out."""
    listed = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", names)
    return [name for name in listed if re.sub(r"^(?:al|el)[-\s]", "", name, flags=re.IGNORECASE)[:1].isupper()
            and name.lower() not in NUMBER_WORDS]


def allocate(mentions: list[Mention], sentences: list[str], can_kill: Callable[[Mention], bool]) -> list[Mention]:
    """The post's mentions with the figures its allocation statements give, read together
    ("Unknown fatalities coded as 10. Fatalities spread across two locations.": 5 each)."""
    statements = [found for sentence in sentences if (found := read_allocation(sentence)) is not None]
    if statements:
        allocation = _together(statements)
        if allocation.extra and any(suicide_attackers(sentence) for sentence in sentences):
            allocation.extra = 0  # "an additional fatality coded for the attacker": counted already
        _apply(allocation, [m for m in mentions if can_kill(m) and m.modality == "occurred"])
    return mentions


def _together(statements: list[Allocation]) -> Allocation:
    joined = Allocation()
    for found in statements:
        joined.total = joined.total if joined.total is not None else found.total
        joined.parts = joined.parts if joined.parts is not None else found.parts
        joined.each = joined.each if joined.each is not None else found.each
        joined.here = joined.here if joined.here is not None else found.here
        joined.half = joined.half or found.half
        joined.grand = joined.grand if joined.grand is not None else found.grand
        joined.extra += found.extra
        joined.sharers = joined.sharers or found.sharers
        for name, value in found.per_place.items():
            joined.per_place.setdefault(name, value)
    return joined


def _apply(allocation: Allocation, mentions: list[Mention]) -> None:
    if not mentions:
        return
    one_place = _places(mentions) == 1
    if allocation.grand is not None and (allocation.here is not None or one_place):
        mentions[0].fatalities = allocation.grand
        return
    if allocation.here is not None:
        mentions[0].fatalities = allocation.here
        return
    _share(allocation, mentions)
    if allocation.extra and one_place:
        mentions[0].fatalities = (mentions[0].fatalities or 0) + allocation.extra


def _share(allocation: Allocation, mentions: list[Mention]) -> None:
    named = {m.id: value for m in mentions if (value := _named_value(allocation.per_place, m.location_text)) is not None}
    rest = [m for m in mentions if m.id not in named]
    total = allocation.total if allocation.total is not None else _told_total(mentions)
    if total is not None and allocation.half and allocation.total is not None:
        total //= 2  # "Unknown fatalities coded as 10. Fatalities coded as half."
    parts = allocation.parts
    sharing = [m for m in rest if any(_same_place(name, m.location_text) for name in allocation.sharers)]
    if sharing:  # "4 more fatalities were split between A and B": the other places told had none of them
        for mention in rest:
            if mention not in sharing:
                mention.fatalities = 0
        rest, parts = sharing, max(len(allocation.sharers), _places(sharing))
        if allocation.total is not None:
            named = {}
    elif parts == 0:
        parts = _places(rest) + len(named)
    if allocation.each is not None:
        shares = [allocation.each] * len(rest)
    elif rest and total is not None and (allocation.total is not None or parts or not named):
        left = max(total - sum(named.values()), 0)
        parts = parts - len(named) if parts and parts > len(named) else None
        shares = _split(left, parts, rest) if parts else _split(left, len(rest), rest) if named else [left] * len(rest)
    else:
        shares = [m.fatalities for m in rest]
    for mention, share in zip(rest, shares):
        mention.fatalities = share
    for mention in mentions:
        if mention.id in named:
            mention.fatalities = named[mention.id]


def _places(mentions: list[Mention]) -> int:
    return len({name_keys(m.location_text or "")[1] for m in mentions})


def _split(total: int, parts: int, mentions: list[Mention]) -> list[int]:
    """Each place's even share; the remainder goes to no place (ACLED gives it now to one place, now to another)."""
    return [total // max(parts, 1)] * len(mentions)


def _told_total(mentions: list[Mention]) -> int | None:
    """The dead the post tells: a figure split over the places of one sentence counts once, whole."""
    by_sentence: dict[int, int] = {}
    for mention in mentions:
        if mention.fatalities:
            start = mention.evidence[0].start if mention.evidence else -1
            by_sentence[start] = by_sentence.get(start, 0) + mention.fatalities
    return max(by_sentence.values()) if by_sentence else None


def _named_value(per_place: dict[str, int], location: str | None) -> int | None:
    return next((value for name, value in per_place.items() if _same_place(name, location)), None)


def _same_place(name: str, location: str | None) -> bool:
    """One place, however spelled ("Hamouriya" / "Hamouriyah"; "Dar'a city" / "Dar'a")."""
    if not location:
        return False
    key, skeleton = name_keys(name)[1], name_keys(location)[1]
    return bool(key and skeleton) and (key == skeleton or min(len(key), len(skeleton)) >= 4
                                       and (key.startswith(skeleton) or skeleton.startswith(key)))
