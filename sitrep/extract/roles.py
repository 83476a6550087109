"""Who did it (actor1) and to whom (actor2), from the order of actors around the event's trigger.

Rules, in order: "between X and Y" (X, Y; "... against Z" makes Z the target); a passive agent
"by X"; the first actor before the trigger that is not in a target phrase ("on X positions");
the target is the first other actor after the trigger (or the passive subject when the agent came
from "by"); civilian victims when no armed target is named. Actors joined to actor1 by "and",
"backed by", "alongside" are its associates; likewise for actor2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.extract.actors import Actor, ActorDictionary, ActorMatch

_BY = re.compile(r"\bby\s+(?:the\s+|a\s+|an\s+|suspected\s+|presumed\s+)*$", re.IGNORECASE)
_TARGET_BEFORE = re.compile(
    r"\b(?:against|on|at|targeting|targeted|hit|hitting|struck|striking|towards|toward|with|into|of|from|to|near|in|"
    r"between|and|including|among|killing|wounding|injuring)\s+(?:the\s+|a\s+|an\s+|several\s+|\d+\s+)*$",
    re.IGNORECASE,
)
_STRONG_TARGET_BEFORE = re.compile(
    r"\b(?:against|on|at|targeting|targeted|hit|hitting|struck|striking|towards|toward|with|into|killing|wounding|"
    r"injuring|between)\s+(?:the\s+|a\s+|an\s+|several\s+|\d+\s+)*$",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(r"\b(?:in|to|from|near|at|across|into|inside|outside|towards|toward|of|over|visited|visit)\s+$", re.IGNORECASE)
_ASSOC_GAP = re.compile(
    r"^\s*(?:,\s*|\s+)(?:and|&|as well as|alongside|along with|backed by|supported by|with the support of|together with|"
    r"and allied|and their allies|and its allies)?(?:\s+(?:the|allied))?\s*$",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass
class Roles:
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc1: Actor | None = None
    assoc2: Actor | None = None


@dataclass(frozen=True)
class Placed:
    match: ActorMatch
    actor: Actor


def resolve_actors(
    dictionary: ActorDictionary, text: str, matches: list[ActorMatch], country: str | None, event_type: str | None
) -> list[Placed]:
    placed = []
    for m in matches:
        actor = dictionary.resolve(m, country, event_type)
        if actor is None:
            continue
        kinds = {e.kind for e in m.entries}
        if kinds == {"government"} and _LOCATIVE.search(text[max(0, m.start - 12) : m.start]):
            continue  # "in Syria", "to Ankara": a place, not an actor
        placed.append(Placed(m, actor))
    return placed


def assign_roles(text: str, placed: list[Placed], trigger_start: int) -> Roles:
    roles = Roles()
    armed = [p for p in placed if not p.actor.is_civilian]
    civilians = [p for p in placed if p.actor.is_civilian]
    between = [p for p in armed if _BETWEEN.search(text[max(0, p.match.start - 12) : p.match.start])]
    agent: Placed | None = None
    target: Placed | None = None
    if between:
        agent = between[0]
        rest = [p for p in armed if p.match.start > agent.match.start and p.actor.name != agent.actor.name]
        against = [p for p in rest if re.search(r"\bagainst\s+(?:the\s+)?$", text[max(0, p.match.start - 12) : p.match.start], re.I)]
        target = against[0] if against else (rest[0] if rest else None)
    if agent is None:
        passive = [p for p in armed if _BY.search(text[max(0, p.match.start - 25) : p.match.start])]
        if passive:
            agent = passive[0]
            earlier = [p for p in placed if p.match.start < agent.match.start and p.actor.name != agent.actor.name]
            if earlier:
                target = earlier[0]
    if agent is None:
        subjects = [
            p for p in armed
            if p.match.start <= trigger_start and not _TARGET_BEFORE.search(text[max(0, p.match.start - 25) : p.match.start])
        ]
        if subjects:
            agent = subjects[0]
    if agent is None:
        after = [p for p in armed if p.match.start > trigger_start and not _TARGET_BEFORE.search(text[max(0, p.match.start - 25) : p.match.start])]
        if after:
            agent = after[0]
    if agent is None:
        anywhere = [p for p in armed if not _STRONG_TARGET_BEFORE.search(text[max(0, p.match.start - 25) : p.match.start])]
        if anywhere:
            agent = anywhere[0]
    if target is None and agent is not None:
        later = [p for p in placed if p.match.start > max(agent.match.start, trigger_start) and p.actor.name != agent.actor.name
                 and not _is_assoc(text, agent, p)]
        others = later or [p for p in armed if p.match.start > agent.match.start and p.actor.name != agent.actor.name
                           and not _is_assoc(text, agent, p)]
        if others:
            target = others[0]
    if target is None and civilians:
        target = civilians[0]
    roles.actor1 = agent.actor if agent else None
    roles.actor2 = target.actor if target and (agent is None or target.actor.name != agent.actor.name) else None
    if agent:
        roles.assoc1 = _associate(text, agent, placed, exclude={roles.actor2.name if roles.actor2 else ""})
    if target and roles.actor2:
        roles.assoc2 = _associate(text, target, placed, exclude={roles.actor1.name if roles.actor1 else ""})
    return roles


def _is_assoc(text: str, first: Placed, other: Placed) -> bool:
    return other.match.start >= first.match.end and bool(_ASSOC_GAP.match(text[first.match.end : other.match.start]))


def _associate(text: str, head: Placed, placed: list[Placed], exclude: set[str]) -> Actor | None:
    for p in placed:
        if p.actor.name in exclude or p.actor.name == head.actor.name or p.actor.is_civilian != head.actor.is_civilian:
            continue
        if _is_assoc(text, head, p):
            return p.actor
    return None
