"""Type a sentence: the first codebook rule that fires decides its event type and sub-type."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.extract.actors import ActorDictionary, ActorMatch
from sitrep.extract.codebook import Codebook
from sitrep.extract.roles import Placed, Roles, assign_roles, resolve_actors

# a trigger that only says someone died: on its own the sentence may just report the casualties
# of an event told in the sentence before
_CASUALTY_TRIGGER = re.compile(
    r"^(?:(?:killed|killing|kill|dead|died|wounded|injured|shot dead|gunned down)\b.*|\S+(?:\s+\S+){0,5}\s+(?:killed|wounded|injured|shot(?: dead)?)|"
    r".*\b(?:bodies|corpses|remains)|(?:bodies|corpses|remains)\b.*)$",
    re.IGNORECASE,
)


_SPEECH_AND_CROWDS = ("Protests", "Riots", "Diplomacy")


@dataclass
class Typing:
    event_type: str
    sub_event_type: str
    trigger_start: int
    trigger_end: int
    roles: Roles
    placed: list[Placed]
    casualty_only: bool
    trigger: str = ""  # the words that fired the rule


class SentenceClassifier:
    def __init__(self, codebook: Codebook, actors: ActorDictionary, political: re.Pattern[str] | None = None) -> None:
        self.codebook = codebook
        self.actors = actors
        self.political = political

    def classify(self, text: str, matches: list[ActorMatch], country: str | None) -> Typing | None:
        resolved: dict[str, list[Placed]] = {}
        no_event: bool | None = None  # an accident, a disaster, a crime, a claim: computed when first needed
        for rule in self.codebook.rules:
            m = rule.first_match(text)
            if m is None:
                continue
            if rule.event_type not in _SPEECH_AND_CROWDS:
                # a protest over an accident is still a protest; a blast at a chemical plant is no attack
                if no_event is None:
                    no_event = self.codebook.tells_no_event(text)
                if no_event:
                    continue
            if rule.event_type not in resolved:
                resolved[rule.event_type] = resolve_actors(self.actors, text, matches, country, rule.event_type)
            placed = resolved[rule.event_type]
            armed = [p for p in placed if not p.actor.is_civilian]
            if rule.needs_actor and not armed and not (self.political and self.political.search(text)):
                continue
            roles = assign_roles(text, placed, m.start(), speakers_act=rule.event_type in _SPEECH_AND_CROWDS)
            if rule.actor1 and not self._actor1_holds(rule.actor1, roles, country):
                continue
            if rule.target == "civilians" and not self._civilian_target(text, roles, m.end()):
                continue
            return Typing(
                rule.event_type,
                rule.sub_event_type,
                m.start(),
                m.end(),
                roles,
                placed,
                casualty_only=bool(_CASUALTY_TRIGGER.match(m.group())),
                trigger=m.group(),
            )
        return None

    def _civilian_target(self, text: str, roles: Roles, trigger_end: int) -> bool:
        """A perpetrator and civilian victims: named ("four civilians") or a civilian place ("a teahouse")."""
        if roles.actor1 is not None and roles.actor1.role == "government":
            return False
        if roles.actor2 is not None:
            return roles.actor1 is not None and roles.actor2.role == "civilians"
        targets = self.codebook.civilian_targets
        return roles.actor1 is not None and targets is not None and targets.search(text, trigger_end) is not None

    @staticmethod
    def _actor1_holds(condition: str, roles: Roles, country: str | None) -> bool:
        state = roles.actor1 is not None and roles.actor1.role in ("state", "government")
        # with no country known, any state's forces are taken as acting at home
        home = state and (country is None or f"state:{country}" in roles.actor1.families)
        return home if condition == "home_state" else not home
