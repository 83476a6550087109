"""Turn typed sentences into Mentions: one per place, with the sentences that follow attached.

A sentence that only adds casualties or a date ("Three civilians were killed.") completes the event
told just before it (within two sentences of the same post) instead of becoming a new event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from sitrep.extract.actors import Actor, ActorDictionary
from sitrep.extract.certainty import CertaintyRules
from sitrep.extract.classify import Typing
from sitrep.extract.dates import DateFound, event_date
from sitrep.extract.fatalities import FatalityFinder, combine
from sitrep.extract.modality import modality_of
from sitrep.extract.places import PlaceCandidate
from sitrep.ids import mention_id
from sitrep.model import Evidence, Mention

FOLLOW_UP_WINDOW = 2  # sentences after an event that may still complete it
_FURTHER = re.compile(r"\b(?:also|another|concurrently|meanwhile|in addition|additionally|as well|further|separately|other|"
                      r"same day|same time|simultaneously|in conjunction)\b", re.I)


@dataclass
class SentenceFacts:
    """What extraction found in one sentence of a post (offsets relative to the document body)."""

    start: int
    end: int
    text: str
    typing: Typing | None = None
    places: list[PlaceCandidate] = field(default_factory=list)
    analysis: str | None = None  # the text as read, when glued words were spaced apart

    @property
    def read(self) -> str:
        return self.analysis or self.text


def split_count(total: int | None, parts: int) -> list[int | None]:
    """A fatality total over several places, as ACLED splits it: evenly, the remainder to the first."""
    if total is None or parts <= 1:
        return [total] * max(parts, 1)
    base, rest = divmod(total, parts)
    return [base + (rest if i == 0 else 0) for i in range(parts)]


class Assembler:
    def __init__(self, actors: ActorDictionary, fatalities: FatalityFinder, certainty: CertaintyRules) -> None:
        self.actors = actors
        self.fatalities = fatalities
        self.certainty = certainty

    def post_mentions(
        self, document_id: str, post_index: int, facts: list[SentenceFacts], published: date | None,
        country: str | None, title: str | None,
    ) -> list[Mention]:
        mentions: list[Mention] = []
        group: list[Mention] = []
        group_has_date = False
        since_event = 0
        anchor: date | None = None
        previous: Typing | None = None
        for sentence in facts:
            found = event_date(sentence.read, published, anchor)
            typing = sentence.typing
            follow_up = group and since_event < FOLLOW_UP_WINDOW
            further_strike = False
            if typing is not None and follow_up and not _new_places(sentence, group) and (
                typing.casualty_only or typing.event_type == group[0].event_type
            ):
                # the same event, told further: its casualties, its date; a further strike on the same
                # place that day ("also", "concurrently") adds its own dead
                further_strike = not typing.casualty_only and (
                    typing.sub_event_type != group[0].sub_event_type or bool(_FURTHER.search(sentence.read)))
                self._name_the_unnamed(group, typing)
                typing = None
            if typing is None:
                since_event += 1
                if follow_up:
                    self._complete(group, sentence, found, group_has_date, further_strike)
                    group_has_date = group_has_date or (found is not None and found.value is not None)
                if found and found.value:
                    anchor = found.value
                continue
            typing = self._carry_actors(typing, previous, since_event)
            group = self._event_mentions(document_id, post_index, sentence, typing, found, published, country, title)
            previous = typing
            mentions.extend(group)
            group_has_date = found is not None and found.value is not None
            since_event = 0
            if found and found.value:
                anchor = found.value
        return mentions

    def _event_mentions(
        self, document_id: str, post_index: int, sentence: SentenceFacts, typing: Typing, found: DateFound | None,
        published: date | None, country: str | None, title: str | None,
    ) -> list[Mention]:
        if found is not None:
            when, precision = found.value, found.precision if found.value else "unknown"
        else:
            when, precision = published, "day" if published else "unknown"
        total, _ = self.fatalities.total(sentence.read)
        places = sentence.places or [None]
        counts = split_count(total, len(places))
        stance = self.certainty.stance(sentence.read, title or "")
        modality = modality_of(sentence.read, typing.trigger_start)
        actor1, actor2, assoc1, assoc2 = self._actors(typing, country)
        evidence = [Evidence(sentence.text, sentence.start, sentence.end)]
        mentions = []
        for place, count in zip(places, counts):
            location = place.text if place else None
            mentions.append(
                Mention(
                    id=mention_id(document_id, sentence.start, sentence.end, location, typing.sub_event_type),
                    document_id=document_id,
                    post_index=post_index,
                    event_type=typing.event_type,
                    sub_event_type=typing.sub_event_type,
                    evidence=list(evidence),
                    actor1=actor1.name if actor1 else None,
                    actor2=actor2.name if actor2 else None,
                    assoc_actor_1=assoc1.name if assoc1 else None,
                    assoc_actor_2=assoc2.name if assoc2 else None,
                    inter1=actor1.inter if actor1 else None,
                    inter2=actor2.inter if actor2 else None,
                    location_text=location,
                    location_qualifier=place.qualifier if place else None,
                    admin_hint=place.admin_hint if place else None,
                    event_date=when,
                    date_precision=precision,
                    fatalities=count,
                    modality=modality,
                    certainty=stance.certainty,
                    attribution=list(stance.attribution),
                )
            )
        return mentions

    @staticmethod
    def _name_the_unnamed(group: list[Mention], typing: Typing) -> None:
        """ "The attack on X killed 80. Syrian jets struck the town at dawn.": the sentence that tells the
        same event further names who did it, where the event had no named author."""
        named = typing.roles.actor1
        if named is None or named.role not in ("named", "state"):
            return
        for mention in group:
            if mention.actor1 is None or mention.actor1.startswith(("Unidentified", "Military Forces (unknown")):
                mention.actor1, mention.inter1 = named.name, named.inter

    def _complete(self, group: list[Mention], sentence: SentenceFacts, found: DateFound | None, has_date: bool,
                  further_strike: bool = False) -> None:
        """Attach a follow-up sentence's casualties (and date, if the event had none) to the event before it."""
        value, kind = self.fatalities.total(sentence.read)
        if further_strike and kind == "count":
            kind = "more"
        dated = found is not None and found.value is not None and not has_date
        if value is None and not dated:
            return
        shares = split_count(value, len(group))
        for mention, share in zip(group, shares):
            mention.fatalities = combine(mention.fatalities, share, kind)
            if dated:
                mention.event_date, mention.date_precision = found.value, found.precision
            mention.evidence.append(Evidence(sentence.text, sentence.start, sentence.end))
            if mention.certainty == "asserted":
                stance = self.certainty.stance(sentence.read)
                if stance.certainty != "asserted":
                    mention.certainty, mention.attribution = stance.certainty, list(stance.attribution)

    @staticmethod
    def _carry_actors(typing: Typing, previous: Typing | None, since: int) -> Typing:
        """ "Army artillery shelled Latamna. Shelling on Kafr Zita caused damage.": a sentence that names no
        actor and tells the same kind of event right after another keeps that event's actors."""
        if typing.roles.actor1 is not None or previous is None or since > FOLLOW_UP_WINDOW \
                or previous.event_type != typing.event_type or previous.roles.actor1 is None:
            return typing
        roles = replace(previous.roles, actor2=typing.roles.actor2 or previous.roles.actor2)
        return replace(typing, roles=roles)

    def _actors(self, typing: Typing, country: str | None) -> tuple[Actor | None, Actor | None, Actor | None, Actor | None]:
        roles = typing.roles
        actor1, actor2, assoc1, assoc2 = roles.actor1, roles.actor2, roles.assoc1, roles.assoc2
        kind, sub = typing.event_type, typing.sub_event_type
        state = next((p.actor for p in typing.placed if p.actor.role == "state"), None)
        if kind == "Protests":
            crowd = next((p.actor for p in typing.placed if p.actor.role == "protesters"), None) or self.actors.generic("protesters", country)
            police = state or self.actors.state(country, "police")
            if sub == "Excessive force against protesters":
                return police, crowd, None, None
            if sub == "Protest with intervention":
                return crowd, police, None, None
            return crowd, None, None, None
        if kind == "Riots":
            crowd = next((p.actor for p in typing.placed if p.actor.role == "rioters"), None) or self.actors.generic("rioters", country)
            if sub == "Mob violence" and actor1 is not None and actor1.role == "named":
                # a mob of an identity group ("settlers"): rioters, the group associated (ACLED's coding)
                return crowd, actor2 if actor2 and actor2.role != "rioters" else None, actor1, None
            if sub == "Mob violence":
                return crowd, actor2 if actor2 and actor2.role != "rioters" else None, None, None
            return crowd, state, None, None
        if actor1 is None and sub == "Air/drone strike":
            actor1 = self.actors.unattributed_air(country) or self.actors.generic("unidentified_military", country)
        if actor1 is None and actor2 is not None and actor2.role == "state" and f"state:{country}" in actor2.families:
            actor1 = self.actors.unattributed_attack(country)
        if actor1 is None and kind in ("Explosions/Remote violence", "Violence against civilians", "Battles"):
            actor1 = self.actors.generic("unidentified", country)
        if kind == "Violence against civilians" and actor2 is None:
            actor2 = self.actors.generic("civilians", country)
        return actor1, actor2, assoc1, assoc2


def _new_places(sentence: SentenceFacts, group: list[Mention]) -> bool:
    known = {m.location_text.lower() for m in group if m.location_text}
    return any(p.text.lower() not in known for p in sentence.places)
