"""Turn typed sentences into Mentions: one per place, with the sentences that follow attached.

A sentence that only adds casualties or a date ("Three civilians were killed.") completes the event
told just before it (within two sentences of the same post) instead of becoming a new event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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


@dataclass
class SentenceFacts:
    """What extraction found in one sentence of a post (offsets relative to the document body)."""

    start: int
    end: int
    text: str
    typing: Typing | None = None
    places: list[PlaceCandidate] = field(default_factory=list)


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
        for sentence in facts:
            found = event_date(sentence.text, published, anchor)
            typing = sentence.typing
            follow_up = group and since_event < FOLLOW_UP_WINDOW
            if typing is not None and follow_up and not _new_places(sentence, group) and (
                typing.casualty_only or (not sentence.places and typing.event_type == group[0].event_type)
            ):
                typing = None  # the same event, told further: its casualties, its date
            if typing is None:
                since_event += 1
                if follow_up:
                    self._complete(group, sentence, found, group_has_date)
                    group_has_date = group_has_date or (found is not None and found.value is not None)
                if found and found.value:
                    anchor = found.value
                continue
            group = self._event_mentions(document_id, post_index, sentence, typing, found, published, country, title)
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
        total, _ = self.fatalities.total(sentence.text)
        places = sentence.places or [None]
        counts = split_count(total, len(places))
        stance = self.certainty.stance(sentence.text, title or "")
        modality = modality_of(sentence.text, typing.trigger_start)
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

    def _complete(self, group: list[Mention], sentence: SentenceFacts, found: DateFound | None, has_date: bool) -> None:
        """Attach a follow-up sentence's casualties (and date, if the event had none) to the event before it."""
        value, kind = self.fatalities.total(sentence.text)
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
                stance = self.certainty.stance(sentence.text)
                if stance.certainty != "asserted":
                    mention.certainty, mention.attribution = stance.certainty, list(stance.attribution)

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
            if sub == "Mob violence":
                return crowd, actor2 if actor2 and actor2.role != "rioters" else None, None, None
            return crowd, state, None, None
        if actor1 is None and kind in ("Explosions/Remote violence", "Violence against civilians"):
            air = sub == "Air/drone strike"
            actor1 = self.actors.generic("unidentified_military" if air else "unidentified", country)
        if kind == "Violence against civilians" and actor2 is None:
            actor2 = self.actors.generic("civilians", country)
        return actor1, actor2, assoc1, assoc2


def _new_places(sentence: SentenceFacts, group: list[Mention]) -> bool:
    known = {m.location_text.lower() for m in group if m.location_text}
    return any(p.text.lower() not in known for p in sentence.places)
