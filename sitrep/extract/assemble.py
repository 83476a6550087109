"""Turn typed sentences into Mentions: one per place, with the sentences that follow attached.

A sentence that only adds casualties or a date ("Three civilians were killed.") completes the event
told just before it (within two sentences of the same post) instead of becoming a new event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from sitrep.extract.actors import Actor, ActorDictionary
from sitrep.extract.allocation import allocate, states_extra
from sitrep.extract.certainty import CertaintyRules
from sitrep.extract.classify import Typing
from sitrep.extract.dates import DateFound, event_date
from sitrep.extract.fatalities import FatalityFinder, combine
from sitrep.extract.modality import DENIED, modality_of
from sitrep.extract.places import PlaceCandidate
from sitrep.ids import mention_id
from sitrep.model import Evidence, Mention

FOLLOW_UP_WINDOW = 2  # sentences after an event that may still complete it
VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
# "the strike", "Thursday's attack", "this week's bombing": the event told just before, named again
_REFERS_BACK = re.compile(r"(?:\b(?:the|this|that|these|its|their)|['’]s)\s+(?:(?:same|latest|deadly|twin|suspected|alleged|"
                          r"reported|initial|first|second|\w+-\w+)\s+){0,2}$", re.I)
# a hit told without its means: "destroyed a military vehicle", "targeted a convoy" (an assault with air support
# stays a battle, as ACLED codes it)
_REMOTE_HIT = re.compile(r"(?:destroy|hit|struck|target|bomb|disabl|smash)", re.I)
# "the town", "the neighbourhood": a place named before, in the same post
_ANAPHORIC_PLACE = re.compile(r"\b(?:the|this|that)\s+(?:same\s+)?(?:town|city|village|neighbou?rhood|area|district|camp|"
                              r"region|base|airport|port|hospital|market)\b(?!\s+of\b)", re.I)
# the place a count of dead is given for: "killing two civilians, a woman and her son, in Kafr Zita"
_IN_PLACE = re.compile(r"^[^;:.]{0,60}?\b(?:in|at)\s+(?:the\s+)?(?:(?:town|village|city|district|area|neighbou?rhood) of\s+)?$", re.I)
# "blamed Syrian government forces for the strike", "accused the Houthis": who the event is laid on
_BLAME = re.compile(r"\b(?:blam(?:e|ed|es|ing)|accus(?:e|ed|es|ing)|held\s+(?:\S+\s+){0,3}responsible)\b", re.I)
# a denial of having done it names the suspect: "The LNA denied carrying out the strike", "denied responsibility"
_DENIED_DOING = re.compile(r"\b(?:denied|denies|deny|denying)\s+(?:any\s+)?(?:responsibility|involvement|carrying out|"
                           r"firing|shelling|bombing|targeting|attacking|striking|having|that (?:its|their|it|they)\b|its\b|their\b)", re.I)
# the police or army breaking up a protest told just before: "Security forces fired tear gas to disperse the crowd"
_INTERVENTION = re.compile(r"\b(?:dispers\w*|tear ?gas|water cannons?|rubber bullets|batons?|broke up|break up|"
                           r"fired (?:\w+\s+){0,4}into the air|(?:arrested|detained) (?:\S+\s+){0,4}(?:demonstrators|protesters))\b", re.I)
_AFTERWARDS = re.compile(r"\b(?:next|following|later|after)\b", re.I)
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
    actors: list[tuple[int, Actor]] = field(default_factory=list)  # actors named (typed, denial and blame sentences)
    situation: bool = False  # describes the war around events (a tally, a habit, a quote): no event, no follow-up
    background: bool = False  # an earlier event told in a subordinate clause: an event of its own, never followed up
    line: int = -1  # where the sentence's paragraph starts (sentences of one paragraph share it)

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
    def __init__(self, actors: ActorDictionary, fatalities: FatalityFinder, certainty: CertaintyRules,
                 without_deaths: Iterable[str] = ()) -> None:
        self.actors = actors
        self.fatalities = fatalities
        self.certainty = certainty
        # types that kill no one by definition ("Protests/Peaceful protest", "Strategic developments/Agreement"): the dead
        # their sentences name belong to another event ("protested against the killing of two civilians")
        self.without_deaths = frozenset(without_deaths)
        self._publisher: str | None = None

    def post_mentions(
        self, document_id: str, post_index: int, facts: list[SentenceFacts], published: date | None,
        country: str | None, title: str | None, publisher: str | None = None,
    ) -> list[Mention]:
        self._publisher = publisher  # whose staff speak in the outlet's own voice (for this post's stances)
        mentions: list[Mention] = []
        group: list[Mention] = []
        group_has_date = False
        since_event = 0
        anchor: date | None = None
        told: tuple[int, DateFound] | None = None  # the paragraph's last event date: undated events after it share it
        previous: Typing | None = None
        last_places: list[PlaceCandidate] = []
        for sentence in facts:
            if sentence.background:
                if sentence.typing is not None:
                    found = event_date(sentence.read, published, anchor)
                    mentions.extend(self._event_mentions(document_id, post_index, sentence, sentence.typing, found,
                                                         published, country, title))
                continue
            if sentence.situation:
                since_event += 1
                continue
            found = event_date(sentence.read, published, anchor)
            typing = sentence.typing
            # "Houthi forces shot dead three fighters. The fighters were shot in Al Hawl.": the place of an event told without one
            placing = len(group) == 1 and group[0].location_text is None and bool(sentence.places) \
                and typing is not None and typing.casualty_only
            follow_up = bool(group) and since_event < FOLLOW_UP_WINDOW and (placing or not _new_places(sentence, group))
            further_strike = False
            retold = False  # the sentence tells the event just told again (its evidence, even without a figure)
            if follow_up and DENIED.search(sentence.read):
                # a party denies the event just told: a report of the same event, denied
                mentions.extend(self._denied(group, sentence, title))
                since_event += 1
                continue
            if follow_up and _BLAME.search(sentence.read) and (typing is None or typing.event_type == "Diplomacy"
                                                               or _same_event(typing, group[0], sentence)):
                self._lay_blame(group, sentence)  # "Turkish officials blamed Syrian government forces for the strike."
                typing = None
            if follow_up and group[0].event_type == "Protests" and _INTERVENTION.search(sentence.read):
                self._intervened(group, sentence, country)
                typing = None
            if typing is not None and follow_up and (typing.casualty_only or _same_event(typing, group[0], sentence)) \
                    and modality_of(sentence.read, typing.trigger_start) == group[0].modality \
                    and (found is None or found.value is None or found.value == group[0].event_date):
                # the same event, told further: its casualties, its date; a further strike on the same
                # place that day ("also", "concurrently") adds its own dead
                further_strike = not typing.casualty_only and (
                    typing.sub_event_type != group[0].sub_event_type or bool(_FURTHER.search(sentence.read)))
                if _weapon_told(previous, typing):
                    # "destroyed a military vehicle ... The truck was hit by a guided rocket.": the weapon types it
                    for mention in group:
                        mention.event_type, mention.sub_event_type = typing.event_type, typing.sub_event_type
                    further_strike = False
                self._name_the_unnamed(group, typing)
                if placing:
                    place, first = sentence.places[0], group[0]
                    first.location_text, first.location_qualifier, first.admin_hint = place.text, place.qualifier, place.admin_hint
                    first.id = mention_id(document_id, first.evidence[0].start, first.evidence[0].end, place.text,
                                          first.sub_event_type)
                typing, retold = None, True
            if typing is None:
                since_event += 1
                if follow_up:
                    self._complete(group, sentence, found, group_has_date, further_strike, told_again=retold)
                    group_has_date = group_has_date or (found is not None and found.value is not None)
                if found and found.value:
                    anchor = found.value
                continue
            typing = self._carry_actors(typing, previous, since_event)
            if not sentence.places and last_places and _ANAPHORIC_PLACE.search(sentence.read):
                # "If the RSF storms the city, ...": the place the post is about
                sentence = replace(sentence, places=last_places[:1])
            if (found is None or found.value is None) and told is not None and told[0] == sentence.line:
                found = told[1]  # "Clashes hit X on Tuesday. ... Clashes in Y also left dead.": the story's day
            group = self._event_mentions(document_id, post_index, sentence, typing, found, published, country, title)
            last_places = sentence.places or last_places
            previous = typing
            mentions.extend(group)
            group_has_date = found is not None and found.value is not None
            since_event = 0
            if found and found.value:
                anchor = found.value
                told = (sentence.line, found)
        can_kill = lambda m: not self._kills_no_one(m.event_type, m.sub_event_type)  # noqa: E731
        return allocate(merge_same_place(mentions), [sentence.read for sentence in facts], can_kill)

    def _event_mentions(
        self, document_id: str, post_index: int, sentence: SentenceFacts, typing: Typing, found: DateFound | None,
        published: date | None, country: str | None, title: str | None,
    ) -> list[Mention]:
        if found is not None:
            when, precision = found.value, found.precision if found.value else "unknown"
        else:
            when, precision = published, "day" if published else "unknown"
        total, _ = (None, None) if self._kills_no_one(typing.event_type, typing.sub_event_type) \
            else self.fatalities.total(sentence.read)
        places = sentence.places or [None]
        counts = self._located_counts(sentence.read, places, total) or split_count(total, len(places))
        stance = self.certainty.stance(sentence.read, title or "", self._publisher)
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

    def _located_counts(self, text: str, places: list, total: int | None) -> list[int | None] | None:
        """ "Shelling hit A, B and C, killing two civilians in A": the dead where the sentence says they died."""
        if total is None or len(places) < 2:
            return None
        counts = self.fatalities.counts(text)
        if len(counts) != 1:
            return None
        after = [p for p in places if p.start >= counts[0].end]
        if not after or not _IN_PLACE.search(text[counts[0].end : after[0].start]):
            return None
        if len(after) > 1 and re.match(r"^\s*(?:,|and|&)\s*(?:the\s+)?$", text[after[0].end : after[1].start]):
            return None  # "killed in the Marat and Harib districts": a list shares the dead
        return [total if p is after[0] else None for p in places]

    @staticmethod
    def _name_the_unnamed(group: list[Mention], typing: Typing | None, named: Actor | None = None) -> None:
        """ "The attack on X killed 80. Syrian jets struck the town at dawn.": the sentence that tells the
        same event further names who did it, where the event had no named author."""
        named = named or (typing.roles.actor1 if typing is not None else None)
        if named is None or named.role not in ("named", "state"):
            return
        for mention in group:
            if mention.actor1 is None or mention.actor1.startswith(("Unidentified", "Military Forces (unknown")):
                mention.actor1, mention.inter1 = named.name, named.inter
                if mention.actor2 == named.name:
                    mention.actor2, mention.inter2 = None, None

    def _lay_blame(self, group: list[Mention], sentence: SentenceFacts) -> None:
        """The armed actor named after "blamed"/"accused" is the suspect of the event told just before."""
        blame = _BLAME.search(sentence.read)
        accused = next((a for start, a in sentence.actors if start > blame.start() and not a.is_civilian), None)
        self._name_the_unnamed(group, None, accused)
        for mention in group:
            mention.evidence.append(Evidence(sentence.text, sentence.start, sentence.end))

    def _intervened(self, group: list[Mention], sentence: SentenceFacts, country: str | None) -> None:
        """A protest told just before, broken up: a protest with intervention, the force that intervened actor2."""
        force = next((a for _, a in sentence.actors if a.role in ("state", "named") or a.role == "unidentified"), None)
        force = force or self.actors.state(country, "police")
        for mention in group:
            if mention.sub_event_type == "Peaceful protest":
                mention.sub_event_type = "Protest with intervention"
                mention.actor2, mention.inter2 = force.name, force.inter

    def _denied(self, group: list[Mention], sentence: SentenceFacts, title: str | None) -> list[Mention]:
        """ "The Houthis denied responsibility.": the event just told, as the denying party tells it (modality
        denied); a party that denies having done it is the one suspected of it."""
        denier = next((a for _, a in sentence.actors if not a.is_civilian), None)
        if denier is not None and _DENIED_DOING.search(sentence.read):
            self._name_the_unnamed(group, None, denier)
        stance = self.certainty.stance(sentence.read, title or "", self._publisher)
        copies = []
        for mention in group:
            copy = replace(
                mention, id=mention_id(mention.document_id, sentence.start, sentence.end, mention.location_text,
                                       mention.sub_event_type),
                evidence=[Evidence(sentence.text, sentence.start, sentence.end)], fatalities=None, modality="denied",
                certainty=stance.certainty, attribution=list(stance.attribution))
            copies.append(copy)
        return copies

    def _complete(self, group: list[Mention], sentence: SentenceFacts, found: DateFound | None, has_date: bool,
                  further_strike: bool = False, told_again: bool = False) -> None:
        """Attach a follow-up sentence's casualties (and date, if the event had none) to the event before it."""
        # "An additional fatality coded for the attacker": added once, with the post's other statements (allocation)
        value, kind = (None, None) if self._kills_no_one(group[0].event_type, group[0].sub_event_type) \
            or states_extra(sentence.read) else self.fatalities.total(sentence.read)
        if further_strike and kind == "count":
            kind = "more"
        # "died the next day", "two days later": a date told from the event's own, never the event's
        dated = found is not None and found.value is not None and not has_date and not _AFTERWARDS.search(found.text)
        if value is None and not dated:
            if told_again:
                for mention in group:
                    mention.evidence.append(Evidence(sentence.text, sentence.start, sentence.end))
            return
        shares = split_count(value, len(group))
        named = [m for m in group if m.location_text and re.search(rf"\b{re.escape(m.location_text)}\b", sentence.read)]
        if value is not None and len(named) == 1 and len(group) > 1:
            # "There were no reports of casualties in Huliaipole.": the figure of the one place it names
            shares = [value if m is named[0] else None for m in group]
        for mention, share in zip(group, shares):
            if share is not None or kind != "zero":
                mention.fatalities = combine(mention.fatalities, share, kind)
            if dated:
                mention.event_date, mention.date_precision = found.value, found.precision
            mention.evidence.append(Evidence(sentence.text, sentence.start, sentence.end))
            if mention.certainty == "asserted":
                stance = self.certainty.stance(sentence.read, "", self._publisher)
                if stance.certainty != "asserted":
                    mention.certainty, mention.attribution = stance.certainty, list(stance.attribution)

    def _kills_no_one(self, event_type: str, sub_event_type: str) -> bool:
        return event_type in self.without_deaths or f"{event_type}/{sub_event_type}" in self.without_deaths

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


def merge_same_place(mentions: list[Mention]) -> list[Mention]:
    """One event per place: "Clashes hit Hit. ... Clashes in Hit, Bekar and Jabaliyeh left fatalities on both
    sides." tells the fighting in Hit twice; the later telling (its casualties, its evidence) completes the first.
    Two tellings that each give a figure stay apart (two strikes on one town, or two reports: not ours to judge)."""
    kept: list[Mention] = []
    first: dict[tuple, Mention] = {}
    for mention in mentions:
        key = (mention.location_text.lower() if mention.location_text else None, mention.event_type,
               mention.sub_event_type, mention.event_date, mention.modality)
        earlier = first.get(key) if key[0] else None
        if earlier is None or (earlier.fatalities is not None and mention.fatalities is not None) \
                or any(e.start == mention.evidence[0].start for e in earlier.evidence):
            first.setdefault(key, mention)
            kept.append(mention)
            continue
        if earlier.fatalities is None:
            earlier.fatalities = mention.fatalities
        earlier.evidence.extend(e for e in mention.evidence if e not in earlier.evidence)
    return kept


def _new_places(sentence: SentenceFacts, group: list[Mention]) -> bool:
    known = {m.location_text.lower() for m in group if m.location_text}
    return any(p.text.lower() not in known for p in sentence.places if p.role != "origin")


def _same_event(typing: Typing, first: Mention, sentence: SentenceFacts) -> bool:
    """A typed sentence after an event, naming no new place, tells that event further: the same kind of
    violence, or the same strategic development; a different kind of violence when it names no place at all
    ("The gunmen opened fire at close range and fled.") or names the event again ("the strike", "Thursday's attack")."""
    if typing.event_type != first.event_type:
        return typing.event_type in VIOLENT_TYPES and first.event_type in VIOLENT_TYPES and (
            not sentence.places or _REFERS_BACK.search(sentence.read[: typing.trigger_start]) is not None)
    return typing.event_type in (*VIOLENT_TYPES, "Protests", "Riots") or typing.sub_event_type == first.sub_event_type


def _weapon_told(told: Typing | None, further: Typing) -> bool:
    """An attack told without its means ("attacked", "destroyed a vehicle"), then the weapon that did it."""
    return told is not None and told.sub_event_type == "Armed clash" and further.event_type == "Explosions/Remote violence" \
        and _REMOTE_HIT.match(told.trigger) is not None
