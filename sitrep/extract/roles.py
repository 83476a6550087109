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

# "hit by Houthi forces" names the agent; "backed by the coalition" names an associate, "reported by Saba" a source
_BY = re.compile(
    r"\b(?!backed\b|supported\b|accompanied\b|assisted\b|aided\b|joined\b|helped\b|covered\b|reported\b|claimed\b|"
    r"announced\b|led\b|controlled\b|held\b|run\b|quoted\b|owned\b|operated\b|organi[sz]ed\b|followed\b|"
    r"preceded\b|attended\b|documented\b|confirmed\b|published\b|released\b|suffered\b|sustained\b|incurred\b|endured\b|"
    r"faced\b|felt\b|denied\b|condemned\b|welcomed\b|accused\b|blamed\b|mourned\b)"
    r"(?:\w+ed|\w+en|shot|hit|struck|out|up|off|down|set|led|held|run|caught|fought|thrown|blown)\s+"
    r"(?:\w+ly\s+)?by\s+(?:the\s+|a\s+|an\s+|suspected\s+|presumed\s+)*$", re.IGNORECASE)
_SOURCE_AFTER = re.compile(r"^\s*(?:news|media|agency|television|tv|website|sources?|channel|outlets?)\b", re.IGNORECASE)
_QUANTITY = (r"(?:the\s+|a\s+|an\s+|several\s+|many\s+|dozens\s+of\s+|a\s+number\s+of\s+|[\"“]?\d+[\"”]?\s+|"
             r"(?:at\s+least|some|about|around|more\s+than)\s+|"
             r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+|its\s+|their\s+|his\s+)*")
# "a group of settlers", "members of HTS": the actor after "of" is still the one who acts
_OF = (r"(?<!group )(?<!groups )(?<!members )(?<!dozens )(?<!hundreds )(?<!number )(?<!elements )(?<!units )(?<!unit )"
       r"(?<!squad )(?<!cell )(?<!cells )(?<!column )(?<!some )(?<!many )(?<!several )(?<!most )(?<!gang )of")
_TARGET_BEFORE = re.compile(
    rf"\b(?:against|on|at|targeting|targeted|hit|hitting|struck|striking|towards|toward|with|into|{_OF}|from|to|near|in|"
    r"between|and|including|among|killing|killed|kills|wounding|wounded|injuring|injured|shot|shooting|ambushed|ambushing|"
    r"belonging to|held by|controlled by|loyal to|affiliated with|"
    rf"attacked|attacking|assassinated|executed|kidnapped|abducted|arrested|detained)\s+{_QUANTITY}$",
    re.IGNORECASE,
)
_STRONG_TARGET_BEFORE = re.compile(
    r"\b(?:against|on|at|targeting|targeted|hit|hitting|struck|striking|towards|toward|with|into|killing|killed|wounding|"
    rf"injuring|between|ambushed|attacked|assassinated|executed|kidnapped|abducted|arrested|detained|{_OF}|belonging to|held by|"
    rf"controlled by)\s+{_QUANTITY}$",
    re.IGNORECASE,
)
# "three soldiers were killed", "the convoy was hit": the subject of a passive verb of violence is its target
_PASSIVE_AFTER = re.compile(
    r"^\s*(?:\S+\s+){0,6}?(?:were|was|have been|had been|has been|are|is|got|being)\s+(?:\w+ly\s+)?(?:killed|shot|wounded|injured|"
    r"targeted|hit|attacked|ambushed|struck|shelled|bombed|assassinated|executed|kidnapped|abducted|arrested|detained|"
    r"captured|seized|stormed|destroyed|gunned|stabbed|beaten|burned|blown|intercepted|downed)\b(?!\s+(?:by\s+)?(?:its|their)\s+own)"
    r"|^\s*(?:\S+\s+){0,6}?(?:died|perished|lost their lives|lost his life)\b",
    re.IGNORECASE,
)
# "the border between Turkey and Afrin", "the road between Damascus and Homs": places, not the sides of a fight
_PLACES_BETWEEN = re.compile(r"\b(?:border(?:line)?s?|frontiers?|boundary|road|highway|area|areas|line|lines|villages|towns|"
                             r"cities|crossings?|corridor|region)\s+between\s+(?:the\s+)?$", re.IGNORECASE)
_LOCATIVE = re.compile(r"\b(?:in|to|from|near|at|across|into|inside|outside|towards|toward|of|over|visited|visit)\s+$", re.IGNORECASE)
_ASSOC_GAP = re.compile(
    r"^\s*(?:,\s*|\s+)(?:and|&|as well as|alongside|along with|backed by|supported by|with the support of|together with|"
    r"and allied|and their allies|and its allies)?(?:\s+(?:the|allied))?\s*$",
    re.IGNORECASE,
)
# the subject of a verb of speech or mourning: a source, not (unless it speaks of itself) the one who acted
_SPEAKS = re.compile(r"^['’]?s?\s+(?:\w+\s+){0,2}?(?:said|says|told|declared|announced|confirmed|reported|denied|denies|"
                     r"condemned|accused|blamed|warned|urged|called|mourned|insisted|stated|added|observed|marked)\b", re.IGNORECASE)
_OF_ITSELF = re.compile(r"\b(?:its|their|it|they|we|our)\b", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
# who tells the story, not whom it happened to: "according to the United Nations", "..., the UN mission in X said"
_ACCORDING_BEFORE = re.compile(r"\b(?:according to|cited by|quoted by)\s+(?:the\s+)?$", re.IGNORECASE)
_AFTER_COMMA = re.compile(r",\s*(?:the\s+)?$", re.IGNORECASE)
_SAID_AFTER = re.compile(r"^['’]?s?\s+(?:(?!and\b)[\w-]+\s+){0,3}?(?:said|says|reported|stated|added|confirmed|announced)\b",
                         re.IGNORECASE)


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
        if kinds == {"government"} and (_LOCATIVE.search(text[max(0, m.start - 12) : m.start])
                                        or _PLACES_BETWEEN.search(text[max(0, m.start - 30) : m.start])):
            continue  # "in Syria", "to Ankara", "the border between Turkey and ...": a place, not an actor
        placed.append(Placed(m, actor))
    return placed


def _tells_the_story(text: str, p: Placed) -> bool:
    before = text[max(0, p.match.start - 20) : p.match.start]
    return _ACCORDING_BEFORE.search(before) is not None or (
        _AFTER_COMMA.search(before) is not None and _SAID_AFTER.match(text[p.match.end : p.match.end + 60]) is not None)


def assign_roles(text: str, placed: list[Placed], trigger_start: int, speakers_act: bool = True) -> Roles:
    roles = Roles()
    tellers = [p for p in placed if _tells_the_story(text, p)]
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
        passive = [p for p in armed if _BY.search(text[max(0, p.match.start - 25) : p.match.start])
                   and not _SOURCE_AFTER.match(text[p.match.end : p.match.end + 20])]
        if passive:
            agent = passive[0]
            earlier = [p for p in placed if p.match.start < agent.match.start and p.actor.name != agent.actor.name]
            if earlier:
                target = earlier[0]
    passive_subjects: list[Placed] = []
    # "Ukraine declared a day of mourning after Thursday's missile strike": who speaks did not strike, unless it
    # speaks of itself ("The SDF said its fighters killed nine gunmen")
    speakers = [] if speakers_act else [
        p for p in armed if _SPEAKS.match(text[p.match.end : p.match.end + 40])
        and not _OF_ITSELF.search(text[p.match.end : p.match.end + 80])]
    if agent is None:
        subjects = [
            p for p in armed
            if p.match.start <= trigger_start and not _TARGET_BEFORE.search(text[max(0, p.match.start - 25) : p.match.start])
        ]
        passive_subjects = [p for p in subjects if _PASSIVE_AFTER.match(text[p.match.end : p.match.end + 80])]
        subjects = [p for p in subjects if p not in passive_subjects]
        subjects = [p for p in subjects if p not in speakers]
        if subjects:
            agent = subjects[0]
    if agent is None:
        after = [p for p in armed if p.match.start > trigger_start and p not in passive_subjects and p not in speakers
                 and not _TARGET_BEFORE.search(text[max(0, p.match.start - 25) : p.match.start])]
        if after:
            agent = after[0]
    if agent is None:
        anywhere = [p for p in armed if p not in passive_subjects and p not in speakers
                    and not _STRONG_TARGET_BEFORE.search(text[max(0, p.match.start - 25) : p.match.start])]
        if anywhere:
            agent = anywhere[0]
    if tellers and (target is None or target in tellers):
        target = None  # the source of the report is never the target of what it reports
        placed = [p for p in placed if p not in tellers]
        armed = [p for p in armed if p not in tellers]
        civilians = [p for p in civilians if p not in tellers]
        passive_subjects = [p for p in passive_subjects if p not in tellers]
    if target is None and passive_subjects:
        target = next((p for p in passive_subjects if agent is None or p.actor.name != agent.actor.name), None)
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
