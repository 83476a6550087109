"""Distinguishing details: two reports alike on type, day, place and actors that still tell two events.

Outlets reporting one event name the same specifics, or leave them out; two reports that each
name a specific of their own, and none in common, are about two events:
- a *part of the city*: "the army entered the Sheikh Maqsoud neighbourhood" / "... the Haydariyeh
  neighbourhood" (both placed at Aleppo) are two handovers;
- *who protests*: teachers outside the governorate / bus workers outside the municipality, on
  one day in one city, are two protests (ACLED codes a protest by who gathers where);
- *what was hit*: a shell on the dam / a shell on a school of one town on one day are two strikes;
- *injuries*: "shelling injured several civilians" / "with neither injuries nor fatalities
  reported" are two strikes (as "no casualties" against a death toll is: sitrep/resolve/tolls.py).
Words live in sitrep/data/resolve/distinguishing_details.yaml. Pure functions.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from sitrep.model import Mention
from sitrep.paths import data_file

PROTEST_TYPES = frozenset({"Protests", "Riots"})
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_LEADING_WORDS = frozenset(
    {"in", "on", "at", "the", "a", "an", "from", "near", "of", "and", "by", "to", "into", "across"}
)
_NAME = r"(?:(?:al|el|an|ad|ar|as|ash|at|az)-)?[A-Z][\w'’`-]*(?:\s+(?:(?:al|el)-)?[A-Z][\w'’`-]*){0,3}"


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    return yaml.safe_load(data_file("resolve/distinguishing_details.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _subplace_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = "|".join(re.escape(w) for w in _lexicon()["subplace_words"])
    # "the Sheikh Maqsoud neighbourhood" / "the neighbourhood of Sheikh Maqsoud"
    before = re.compile(rf"(?<![\w-])({_NAME})\s+(?:{words})\b")
    after = re.compile(rf"\b(?:{words})\s+of\s+(?:the\s+)?({_NAME})")
    return before, after


def _any_word(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _subplace_word() -> re.Pattern[str]:
    return _any_word(_lexicon()["subplace_words"])


@lru_cache(maxsize=None)
def _kind_patterns(section: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One pattern per kind of a lexicon section whose kinds each list their words (protest_groups, struck_sites)."""
    return tuple((kind, _any_word(words)) for kind, words in _lexicon()[section].items())


def _sentences(m: Mention) -> list[str]:
    return [e.text for e in m.evidence]


def _same_name(x: str, y: str) -> bool:
    from sitrep.resolve.compat import names_match  # compat imports this module

    return names_match(x, y)


def _without_leading_words(name: str) -> str:
    """ "In Hazm" -> "Hazm": a capitalised preposition opening the sentence is no part of the name."""
    tokens = name.split()
    while tokens and tokens[0].lower() in _LEADING_WORDS:
        tokens = tokens[1:]
    return " ".join(tokens)


@lru_cache(maxsize=65536)
def _subplaces_in(sentence: str) -> tuple[str, ...]:
    before, after = _subplace_patterns()
    found = [_without_leading_words(m.group(1)) for pattern in (before, after) for m in pattern.finditer(sentence)]
    return tuple(name for name in found if name)


def _own_names(m: Mention) -> list[str]:
    words = _subplace_word()
    names = [n for n in (m.location_text, m.place.name if m.place else None) if n]
    return names + [stripped for n in names if (stripped := words.sub(" ", n).strip())]


def subplaces(m: Mention) -> list[str]:
    """Parts of a city (neighbourhood, quarter, district) the report names, other than its own place."""
    own = _own_names(m)
    names = [name for s in _sentences(m) for name in _subplaces_in(s)]
    return [n for n in names if not any(_same_name(n, o) for o in own)]


def subplaces_differ(a: Mention, b: Mention) -> bool:
    """Both reports name a part of the city, and no part one names is a spelling of one the other names."""
    pa, pb = subplaces(a), subplaces(b)
    return bool(pa and pb) and not any(_same_name(x, y) for x in pa for y in pb)


@lru_cache(maxsize=65536)
def _kinds_in(section: str, sentence: str) -> frozenset[str]:
    return frozenset(kind for kind, pattern in _kind_patterns(section) if pattern.search(sentence))


def _kinds_named(m: Mention, section: str, types: frozenset[str]) -> frozenset[str]:
    """The kinds of `section` a report of one of `types` names in its sentences."""
    if m.event_type not in types:
        return frozenset()
    return frozenset().union(*(_kinds_in(section, s) for s in _sentences(m)))


def _none_in_common(x: frozenset[str], y: frozenset[str]) -> bool:
    """Both reports name a kind, and no kind is named by both."""
    return bool(x and y) and not (x & y)


def protest_groups(m: Mention) -> frozenset[str]:
    """The constituencies a protest report names (teachers, retirees, bus workers ...)."""
    return _kinds_named(m, "protest_groups", PROTEST_TYPES)


def protesters_differ(a: Mention, b: Mention) -> bool:
    """Two protest reports that each name who protested, with no group in common."""
    return _none_in_common(protest_groups(a), protest_groups(b))


def struck_sites(m: Mention) -> frozenset[str]:
    """The kinds of site a report of violence says were hit (a school, the dam, a market ...)."""
    return _kinds_named(m, "struck_sites", VIOLENT_TYPES)


def sites_differ(a: Mention, b: Mention) -> bool:
    """Two reports of violence that each name a site hit, with no kind of site in common."""
    return _none_in_common(struck_sites(a), struck_sites(b))


def details_differ(a: Mention, b: Mention) -> bool:
    """The two reports name specifics that make them two events (see the module docstring)."""
    return subplaces_differ(a, b) or protesters_differ(a, b) or sites_differ(a, b)


@lru_cache(maxsize=1)
def _injury_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lexicon = _lexicon()
    none = re.compile("|".join(f"(?:{p})" for p in lexicon["no_injuries"]), re.IGNORECASE)
    return none, _any_word(lexicon["injury_words"])


@lru_cache(maxsize=65536)
def _injuries_in(sentence: str) -> bool | None:
    """True: the sentence tells of people hurt; False: it says nobody was; None: it says neither."""
    none, hurt = _injury_patterns()
    rest, denials = none.subn(" ", sentence)
    if hurt.search(rest):
        return True
    return False if denials else None


def injuries(m: Mention) -> bool | None:
    """Does the report tell of people hurt (True), say that nobody was (False), or neither (None)?"""
    said = [_injuries_in(s) for s in _sentences(m)]
    if True in said:
        return True
    return False if False in said else None


def injuries_contradict(a: Mention, b: Mention) -> bool:
    """One report tells of people hurt, the other says nobody was: two events, when both say it happened."""
    if a.modality != "occurred" or b.modality != "occurred":
        return False
    return {injuries(a), injuries(b)} == {True, False}
