"""Actor families: can two reports' actors be the same side? (data: actor_families.yaml)"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import yaml
from unidecode import unidecode

from sitrep.paths import data_file

ActorVerdict = Literal["agree", "unknown", "target", "conflict"]

_PERIOD = re.compile(r"\(\s*\d{4}\s*-\s*\d{0,4}\s*\)")  # ACLED's "(2000-)" / "(2011-2016)"
_COUNTRY_SUFFIX = re.compile(r"\s*\([^)]*\)\s*$")  # "Civilians (Syria)" -> "Civilians"
_STATE = re.compile(r"^(?:military|police|security|armed) forces of (?:the )?([a-z .'-]+?)(?:\s*$|\s+\()")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class _Families:
    wildcard: tuple[re.Pattern[str], ...]
    families: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]


@lru_cache(maxsize=1)
def _load() -> _Families:
    text = data_file("resolve/actor_families.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return _Families(
        wildcard=tuple(re.compile(p) for p in data.get("wildcard", [])),
        families=tuple(
            (name, tuple(re.compile(p) for p in patterns)) for name, patterns in data.get("families", {}).items()
        ),
    )


def _fold(name: str) -> str:
    return _SPACES.sub(" ", unidecode(name).lower()).strip()


@lru_cache(maxsize=4096)
def actor_family(name: str | None) -> str | None:
    """The side an actor name stands for; None when the name says nothing (absent, unidentified)."""
    if not name or not name.strip():
        return None
    folded = _fold(name)
    loaded = _load()
    if any(p.search(folded) for p in loaded.wildcard):
        return None
    for family, patterns in loaded.families:
        if any(p.search(folded) for p in patterns):
            return family
    state = _STATE.match(folded)
    if state:
        return f"state:{state.group(1).strip()}"
    bare = _SPACES.sub(" ", _PERIOD.sub(" ", folded)).strip()
    return _COUNTRY_SUFFIX.sub("", bare) or bare


def families_conflict(a: str | None, b: str | None) -> bool:
    """Two known families that cannot be the same side (one extending the other is compatible)."""
    if a is None or b is None or a == b:
        return False
    shorter, longer = sorted((a, b), key=len)
    return not longer.startswith(shorter + " ")


def _slot(a: str | None, b: str | None) -> ActorVerdict:
    fa, fb = actor_family(a), actor_family(b)
    if fa is None or fb is None:
        return "unknown"
    return "conflict" if families_conflict(fa, fb) else "agree"


_RANK = {"agree": 0, "unknown": 1, "target": 2, "conflict": 3}


def _pair(a1: str | None, a2: str | None, b1: str | None, b2: str | None) -> ActorVerdict:
    first, second = _slot(a1, b1), _slot(a2, b2)
    if first == "conflict":
        return "conflict"
    if second == "conflict":
        return "target"
    return "agree" if first == "agree" else "unknown"


def actors_verdict(a1: str | None, a2: str | None, b1: str | None, b2: str | None, symmetric: bool) -> ActorVerdict:
    """Compare (actor1, actor2) of two reports; `symmetric` (battles) also tries the sides swapped.

    ACLED's event is "same actors, same day, same place": a conflicting actor1 family means two
    events (`conflict`). A conflicting actor2 (`target`) only weakens the match: who was hit is
    the detail outlets, and extraction, disagree on most ("civilians" / "fighters"). Battles have
    no attacker/target order ("A clashed with B" = "B clashed with A"): either alignment may hold.
    """
    straight = _pair(a1, a2, b1, b2)
    if not symmetric:
        return straight
    return min(straight, _pair(a1, a2, b2, b1), key=_RANK.__getitem__)


def actor1_agrees(a1: str | None, b1: str | None) -> bool:
    """Both reports name actor1, and the names are the same side (a positive match, not a blank)."""
    return _slot(a1, b1) == "agree"
