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
_COMMON = (r"(?:[a-z][\w'-]*\s+){0,3}?(?:sources?|spokes(?:man|woman|person)|officials?|ministry|army|military|agency|"
           r"observatory|group|monitors?|media|activists|residents|witnesses|eyewitnesses|medics|doctors|police|"
           r"commanders?|officers?|hospital|television|tv|outlets?|network|correspondent|reporter|journalists?|soldiers|forces|troops|"
           r"fighters|militants|rebels|coalition|government|regime|movement|authorities|council|committee|cent(?:er|re)|"
           r"office|services?|command|statement)")
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
        verbs = spec["speech_verbs"]
        self._according = re.compile(
            rf"\baccording to\s+(?P<src>(?:the\s+|a\s+|an\s+)?(?:{_NAME}(?:\s+{_COMMON})?|{_COMMON}|{_NAME}))", re.IGNORECASE
        )
        self._subject = re.compile(
            rf"(?P<src>(?:[Tt]he\s+|[Aa]n?\s+)?(?:{_NAME}(?:'s)?(?:\s+{_COMMON})?|{_COMMON}))\s+(?:(?:also|later|then|had|has|have|on \w+|quickly|previously|earlier|separately)\s+)*{verbs}\b"
        )
        self._inverted = re.compile(rf"[,\"”]\s*{verbs}\s+(?P<src>(?:the\s+|a\s+|an\s+)?(?:{_NAME}(?:\s+{_COMMON})?|{_COMMON}))")
        self._quoted = re.compile(rf"\b(?:quoted|cited|reported) by\s+(?P<src>(?:the\s+|a\s+)?(?:{_NAME}(?:\s+{_COMMON})?|{_COMMON}))")
        self._state_media = re.compile(r"\bstate(?:-run| run)? (?:media|television|tv|news agency)\b", re.IGNORECASE)

    def sources(self, sentence: str) -> list[str]:
        """Source names as written in the sentence, in order."""
        found: list[tuple[int, str]] = []
        for pattern in (self._according, self._subject, self._inverted, self._quoted, self._state_media):
            for m in pattern.finditer(sentence):
                text = m.group("src") if "src" in pattern.groupindex else m.group()
                name = _tidy(text)
                if name and not _PRONOUN.match(name):
                    found.append((m.start(), name))
        names: list[str] = []
        for _, name in sorted(found):
            if not any(name in other or other in name for other in names):
                names.append(name)
        return names

    def is_party(self, source: str) -> bool:
        if self.independent.search(source):
            return False
        if self.party.search(source):
            return True
        return any(
            (actor := self.actors.resolve(m, None, "Diplomacy")) is not None and not actor.is_civilian
            for m in self.actors.find(source)
        )

    def stance(self, sentence: str, context: str = "") -> Stance:
        """Certainty and attribution of an event told in `sentence` (`context`: the post's title)."""
        sources = self.sources(sentence)
        if any(p.search(sentence) or (context and p.search(context)) for p in self.unconfirmed):
            return Stance("alleged", tuple(sources))
        if any(self.is_party(s) for s in sources):
            return Stance("claimed", tuple(sources))
        if self.hedges.search(sentence):
            return Stance("alleged", tuple(sources))
        if sources:
            return Stance("reported", tuple(sources))
        return Stance("asserted", ())


def _tidy(text: str) -> str:
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"'s$", "", text)
    return text.strip(" ,.;:")
