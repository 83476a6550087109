"""Actor families: can two reports' actors be the same side?

Families come from the actor dictionary (sitrep/data/actors.yaml, read through
`sitrep.extract.actors.load_actors`): an ACLED-style name ("Military Forces of Syria (2000-)",
"Operation Restoring Hope", "Civilians (Syria)") or an informal one ("Syrian army", "Houthis") maps
to the families the dictionary gives it ("state:SY", "coalition:SA", "houthi" ...). An actor may
belong to several families (a coalition is also its leading state); two actors are the same side
when they share one. A name the dictionary does not know is its own family; one that extends
another (a branch after its force: "X Brigade" / "X Brigade: North Sector") is compatible with it.
The `unidentified` family says nothing about who acted and conflicts with nobody.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from unidecode import unidecode

ActorVerdict = Literal["agree", "unknown", "target", "conflict"]
Families = frozenset[str]

WILDCARD_FAMILIES = frozenset({"unidentified"})
_PERIOD = re.compile(r"\(\s*\d{4}\s*-\s*\d{0,4}\s*\)")  # ACLED's "(2000-)" / "(2011-2016)"
_COUNTRY_SUFFIX = re.compile(r"\s*\([^)]*\)\s*$")  # "Some Brigade (Syria)" -> "Some Brigade"
_SPACES = re.compile(r"\s+")
_OWN_NAME = "name:"  # prefix of the family of a name the dictionary does not know


def _dictionary():
    from sitrep.extract.actors import load_actors  # the extraction stage's dictionary, loaded once

    return load_actors()


def _bare(name: str) -> str:
    folded = _SPACES.sub(" ", unidecode(name).lower()).strip()
    bare = _SPACES.sub(" ", _PERIOD.sub(" ", folded)).strip()
    return _COUNTRY_SUFFIX.sub("", bare) or bare


def _from_aliases(name: str) -> tuple[str, ...]:
    """Families of an informal name ("Syrian army", "Houthis"): the dictionary entry it is an alias of,
    provided the alias covers most of the name."""
    from sitrep.extract.actors import GENERIC_ROLES

    found: list[str] = []
    for match in _dictionary().find(name):
        if match.end - match.start < len(name.strip()) // 2:
            continue
        for entry in match.entries:
            if entry.kind == "named":
                found += entry.families
            elif entry.iso:  # a state's forces, police or government
                found.append(f"state:{entry.iso}")
            else:
                found += [GENERIC_ROLES[r][2] for r in entry.roles if r in GENERIC_ROLES]
    return tuple(found)


@lru_cache(maxsize=8192)
def actor_families(name: str | None) -> Families | None:
    """The sides an actor name stands for; None when the name says nothing (absent, unidentified)."""
    if not name or not name.strip():
        return None
    families = _dictionary().families_of_name(name)
    if families == (name.strip().lower(),):  # not an ACLED name the dictionary lists
        families = _from_aliases(name) or (_OWN_NAME + _bare(name),)
    known = frozenset(families) - WILDCARD_FAMILIES
    return known or None


def _extends(a: str, b: str) -> bool:
    """One unknown name extends the other ("x brigade" / "x brigade: north sector")."""
    if not (a.startswith(_OWN_NAME) and b.startswith(_OWN_NAME)):
        return False
    shorter, longer = sorted((a[len(_OWN_NAME) :], b[len(_OWN_NAME) :]), key=len)
    return longer.startswith((shorter + " ", shorter + ":"))


def families_conflict(a: Families | None, b: Families | None) -> bool:
    """Two known actors that cannot be the same side (no shared family, neither extends the other)."""
    if a is None or b is None or a & b:
        return False
    return not any(_extends(x, y) for x in a for y in b)


def _slot(a: str | None, b: str | None) -> ActorVerdict:
    fa, fb = actor_families(a), actor_families(b)
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
