"""Certainty and attribution: who says the event happened, as written, and how sure the text is.

    alleged   an editor's "unconfirmed" mark, or a hedge ("reportedly", "reports suggest")
    claimed   said by a party to the conflict (an army, a ministry, an armed group, state media)
    reported  said by a named source that is not a party (a monitor, an agency, witnesses)
    asserted  the outlet's own voice
The vocabulary is the codebook's `certainty` section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.extract.actors import ActorDictionary
from sitrep.extract.codebook import compile_pattern

_CAPITALISED = r"(?:[A-Z][\w'’.&-]*|al-[A-Z][\w'’-]*|[A-Z]{2,})"
_NAME = rf"{_CAPITALISED}(?:\s+(?:(?:of|for|the|al|and|de|on|in)\s+)?{_CAPITALISED}){{0,7}}"
_COMMON = (r"(?:(?![a-z]+ed\b)[a-z][\w'-]*\s+){0,3}?(?:sources?|spokes(?:man|woman|person)|officials?|ministry|army|military|agency|"
           r"observatory|group|monitors?|media|activists|residents|witnesses|eyewitnesses|medics|doctors|police|"
           r"commanders?|officers?|hospital|television|tv|outlets?|network|correspondent|reporter|journalists?|soldiers|forces|troops|"
           r"fighters|militants|rebels|coalition|government|regime|movement|authorities|council|committee|cent(?:er|re)|"
           r"office|services?|command|statement|governor|mayor|head|chief|director|minister|administration|prosecutors?|"
           r"investigators?|researchers?|volunteers|workers|teams?|staff|officers)")
_COMMON_HEAD = _COMMON
_OF_PLACE = re.compile(r"\bof\s+(?:the\s+)?(?:(?:town|village|city|district|area)\s+of\s+)?(?:al-|el-)?[A-Z][\w'’-]*(?:\s+(?:al-|el-)?[A-Z][\w'’-]*){0,3}$")
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?(?:(?:town|village|city|district|area|province|governorate)\s+of\s+)?$")
_PRONOUN = re.compile(r"^(?:he|she|it|they|we|i|you|this|that|which|who|there)$", re.IGNORECASE)


@dataclass(frozen=True)
class Stance:
    certainty: str
    attribution: tuple[str, ...]


class CertaintyRules:
    def __init__(self, spec: dict, actors: ActorDictionary) -> None:
        self.actors = actors
        self.unconfirmed = [re.compile(p, re.IGNORECASE | re.MULTILINE) for p in spec["unconfirmed_marks"]]
        self.hedges = compile_pattern("|".join(f"(?:{p})" for p in spec["hedges"]))
        self.party = compile_pattern("|".join(f"(?:{p})" for p in spec["party_sources"]))
        self.independent = compile_pattern("|".join(f"(?:{p})" for p in spec["independent_sources"]))
        self.bystanders = compile_pattern("|".join(f"(?:{p})" for p in spec.get("bystander_sources", ())) or r"(?!x)x")
        verbs = spec["speech_verbs"]
        self._according = re.compile(
            rf"\baccording to\s+(?P<src>(?:the\s+|a\s+|an\s+)?(?:{_NAME}(?:\s+{_COMMON})?|{_COMMON}|{_NAME}))", re.IGNORECASE
        )
        self._subject = re.compile(
            rf"(?P<src>(?:[Tt]he\s+|[Aa]n?\s+)?(?:{_NAME}(?:'s)?(?:\s+{_COMMON})?|{_COMMON}))"
            rf"\s+(?:(?:also|later|then|had|has|have|on \w+|quickly|previously|earlier|separately)\s+)*{verbs}\b"
            # "Medical sources in four hospitals in the city of Hodeidah confirmed"
            rf"|^\s*(?:[Tt]he\s+)?(?P<src2>{_COMMON}\s+(?:in|of|at|from)\s+(?:the\s+|a\s+)?[\w'’-]+(?:\s+[\w'’-]+){{0,5}}?)"
            r"\s+(?:said|told|reported|confirmed|announced|stated|added|claimed|documented)\b"
        )
        self._inverted = re.compile(rf"[,\"”]\s*{verbs}\s+(?P<src>(?:the\s+|a\s+|an\s+)?(?:{_NAME}(?:\s+{_COMMON})?|{_COMMON}))")
        self._quoted = re.compile(rf"\b(?:quoted|cited|reported) by\s+(?P<src>(?:the\s+|a\s+)?(?:{_NAME}(?:\s+{_COMMON})?|{_COMMON}))")
        # "..., the governor of Turkey's Hatay province said.", "..., local sources told Horan Free Press.": the
        # attribution clause that closes a sentence
        self._trailing = re.compile(
            rf",\s+(?P<src>(?:the\s+|a\s+|an\s+)?(?:[\w'’().-]+\s+){{0,5}}?(?:{_COMMON_HEAD}|{_NAME}(?:\s*\([^()]{{1,20}}\))?)"
            rf"(?:\s+(?:of|in|for|at|from)\s+[^,;:\"“”]{{1,60}}?)?)\s+(?:(?:also|later|had|has|have)\s+)?{verbs}\b"
            r"(?=\s*,|\s*[.!]?\s*$|\s+(?:on|in|late|early|at|to|via)\b[^,;]{0,60}(?:,|[.!]?\s*$))")
        self._state_media = re.compile(r"\bstate(?:-run| run)? (?:media|television|tv|news agency)\b", re.IGNORECASE)

    def _found(self, sentence: str) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        for pattern in (self._according, self._subject, self._inverted, self._quoted, self._trailing, self._state_media):
            for m in pattern.finditer(sentence):
                group = ("src" if m.group("src") is not None else "src2") if "src" in pattern.groupindex else 0
                name = _tidy(m.group(group))
                if name and not _PRONOUN.match(name):
                    found.append((m.start(group), m.end(group), name))
        return sorted(found)

    def sources(self, sentence: str) -> list[str]:
        """Source names as written in the sentence, in order."""
        names: list[str] = []
        for _, _, name in self._found(sentence):
            if not any(name in other or other in name for other in names):
                names.append(name)
        return names

    def source_spans(self, sentence: str, keep_of_places: bool = False) -> list[tuple[int, int]]:
        """Where the sentence names its sources. With `keep_of_places`, a name after "of" that ends the source
        ("residents of Mosul al-Jadida", "the local council of Al Atarib") is left out: the place they speak for."""
        spans = []
        for start, end, _ in self._found(sentence):
            if keep_of_places:
                m = _OF_PLACE.search(sentence, start, end)
                if m is not None and m.end() == end:
                    end = m.start()
                elif _OF_BEFORE.search(sentence[max(0, start - 40) : start]):
                    continue  # "Medical sources in the city of Hodeidah confirmed": the name after "of" is a place
            if end > start:
                spans.append((start, end))
        return spans

    def is_party(self, source: str) -> bool:
        """A party to the conflict: a named independent body never is; an actor of the dictionary ("Houthi health
        officials", "the GNA health ministry") or a party word (a ministry, a governor, state media) is."""
        if self.independent.search(source):
            return False
        if self.party.search(source):
            return True
        return any(
            (actor := self.actors.resolve(m, None, "Diplomacy")) is not None and not actor.is_civilian
            and "un" not in actor.families for m in self.actors.find(source)
        )

    def stance(self, sentence: str, context: str = "", publisher: str | None = None) -> Stance:
        """Certainty and attribution of an event told in `sentence` (`context`: the post's title; `publisher`:
        the outlet, whose own staff speak in its own voice)."""
        found = [(start, end, name) for start, end, name in self._found(sentence) if not _own(name, publisher)]
        sources: list[str] = []
        for _, _, name in found:
            if not any(name in other or other in name for other in sources):
                sources.append(name)
        if any(p.search(sentence) or (context and p.search(context)) for p in self.unconfirmed):
            return Stance("alleged", tuple(sources))
        if self.hedges.search(sentence):
            return Stance("alleged", tuple(sources))
        if any(self.is_party(s) for s in sources) or any(self._party_named(sentence, start, end) for start, end, _ in found):
            return Stance("claimed", tuple(sources))
        if sources:
            return Stance("reported", tuple(sources))
        return Stance("asserted", ())

    def _party_named(self, sentence: str, start: int, end: int) -> bool:
        """ "Forces loyal to Khalifa Haftar denied ...": the source is part of an actor's name in the sentence."""
        for m in self.actors.find(sentence):
            if m.start < end and start < m.end:
                actor = self.actors.resolve(m, None, "Diplomacy")
                return actor is not None and not actor.is_civilian and "un" not in actor.families
        return False


def _tidy(text: str) -> str:
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"'s$", "", text)
    return text.strip(" ,.;:")


def _own(source: str, publisher: str | None) -> bool:
    """The outlet's own staff: "SGM field researchers" at Syria Ground Monitor, "our correspondent", "our teams"."""
    if re.search(r"\b(?:our|us)\b", source, re.IGNORECASE):
        return True
    if not publisher:
        return False
    name = publisher.strip().lower()
    initials = "".join(w[0] for w in publisher.split() if w[:1].isupper())
    lowered = source.lower()
    return name in lowered or (len(initials) >= 2 and re.search(rf"\b{re.escape(initials)}\b", source) is not None)
