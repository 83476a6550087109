"""Subordinate clauses that tell their own, earlier event: background events inside a sentence.

"... many of whom fled the Houthis after the group took over Sanaa in September 2014", "its biggest gain
since its forces captured Bakhmut in May 2023", "Kupiansk, which Ukrainian forces recaptured in September
2022, ...", "near al-Shajara, where the two sides clashed throughout Thursday": a relative clause or a
since/after clause, with a verb of its own and a date of its own, tells an event other than the
sentence's. Such a clause is read apart (its own type, place, date and actors, the outlet's own voice),
and the rest of the sentence is read without it, so its words neither type nor date the main event.
A clause without a date of its own only describes ("which brought Daraa back under government control",
"after opposition fighters withdrew"): it is left out of the main reading's typing, not made an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ", which ... ,", ", where ...", "a schoolteacher who had taken part in talks ...,"
_RELATIVE = re.compile(r",\s*(?:which|where|whose|who|whom)\b[^,;:()]*|(?<=[a-z] )(?:who|whose|whom)\b[^,;:()]*(?=,)|"
                       r"\b(?:town|city|village|area|district|base|airbase|positions?|territory|region|neighbou?rhood|"
                       r"palace|airport|front|highway|road|crossing|hill|camp|capital)\s+(?P<that>that)\b[^,;:()]*", re.I)
# "since its forces captured Bakhmut in May 2023", "after the group took over Sanaa", "since driving out IS in 2016"
_SINCE_AFTER = re.compile(r"\b(?:since|after|before|following)\s+(?=(?:\w+ing\b|(?:the\s+|its\s+|their\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,5}?"
                          r"\s+(?:had\s+|have\s+|has\s+)?(?:\w+ed|took|drove|overran|fell|struck|hit|shot|broke|began|won|lost|"
                          r"swept|seized|stormed|retook|met|signed|agreed)\b))[^,;:()]*", re.I)
# "a day after two shopkeepers were killed", "a week after the killing of two teachers": a span of time
# between the two tells an earlier, separate event (the sentence's own is the arrest, the protest)
_SPAN_AFTER = re.compile(r"(?<!\bin )(?<!\bfor )(?<!\bwithin )\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|few|\d+)\s+"
                         r"(?:days?|weeks?|months?|years?)|days|weeks|months|years|a\s+day|the\s+day)\s+"
                         r"(?P<after>(?:after|following)\s+[^,;:()]*)", re.I)
# "the man died two days after he was shot": the clause tells the cause of the death, the event itself
_DEATH_BEFORE = re.compile(r"\b(?:died|dies|succumbed|passed away|found dead|death)\b", re.I)
# "The attack came days after ...": the sentence ties an event told before to the one the clause tells
_CAME = re.compile(r"\b(?:came|comes|come|happened|occurred|took place)\s+(?:[\w-]+\s+){0,4}(?:after|following)\b", re.I)
# "the mass killings committed in El Geneina in 2023", "the Sinjar Agreement signed by Baghdad in October 2020"
_PARTICIPLE = re.compile(r"(?<!was )(?<!were )(?<!been )(?<!being )(?<!is )(?<!are )(?<!had )(?<!has )(?<!have )"
                         r"\b(?:committed|signed|agreed|brokered|reached|concluded)\s+(?:in|by|on|at)\b[^,;:()]*", re.I)
# "The man, a schoolteacher in his fifties who had taken part in talks, died": a clause closing an apposition
_IN_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+[^,]*$", re.I)
# a verb of its own: a clause that is only a phrase ("since the start of the offensive at the end of April") tells nothing
_VERB = re.compile(r"\b(?:\w+ed|took|taken|drove|driving|overran|fell|struck|hit|shot|broke|began|won|lost|swept|met|"
                   r"\w+ing)\b", re.I)


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    kind: str  # "relative" | "since" | "participle" | "earlier" (after a span of time)
    antecedent: int  # where the words the clause depends on end (a relative clause's noun)


def subordinate_clauses(text: str) -> list[Clause]:
    """Relative, since/after and participle clauses of a sentence, without overlaps, in order."""
    found: list[Clause] = []
    for kind, pattern in (("earlier", _SPAN_AFTER), ("relative", _RELATIVE), ("since", _SINCE_AFTER), ("participle", _PARTICIPLE)):
        for m in pattern.finditer(text):
            start = m.start("that") if kind == "relative" and m.group("that") else m.start()
            if kind == "earlier":
                start = m.start("after")
                if _DEATH_BEFORE.search(text, 0, start) or _CAME.search(text):
                    continue
            start += len(m.group()) - len(m.group().lstrip(", ")) if text[start] == "," else 0
            if m.end() - start < 8 or not _VERB.search(text, start, m.end()):
                continue
            if kind == "relative" and text[m.start()] != "," and m.group().split(None, 1)[0].lower() in ("who", "whose", "whom") \
                    and not _IN_APPOSITION.search(text[max(0, start - 80) : start]):
                continue  # "Warplanes whose identity is not known conducted strikes": no telling where it ends
            if any(start < c.end and c.start < m.end() for c in found):
                continue
            found.append(Clause(start, m.end(), kind, m.start()))
    return sorted(found, key=lambda c: c.start)


def describes_only(text: str, clause: Clause) -> bool:
    """A clause that describes a person or a place the sentence names ("who had taken part in talks", "most of
    whose residents have fled") or what has gone on since ("since the rebels seized it"): not the sentence's event.
    A relative "which"/"that" clause may go on telling it ("which killed five people"), and an "after" clause may
    tell its cause ("died after a landmine exploded"): they stay."""
    if clause.kind == "earlier":  # "a day after two shopkeepers were killed": another, earlier event
        return True
    word = text[clause.start : clause.end].split(None, 1)[0].lower() if text[clause.start : clause.end].strip() else ""
    if word == "who":  # "who had taken part in talks": what he had done before; "who stormed the village": the event
        return re.match(r"who\s+(?:had|has|have|is|are|lives?|works?|worked|used to)\b", text[clause.start : clause.end], re.I) is not None
    return word in ("whose", "whom", "since")


def without(text: str, clauses: list[Clause]) -> str:
    """The text with these clauses blanked out (offsets kept)."""
    for c in clauses:
        text = text[: c.start] + " " * (c.end - c.start) + text[c.end :]
    return text


def only(text: str, clause: Clause) -> str:
    """The text with everything but the clause blanked out (offsets kept)."""
    return " " * clause.start + text[clause.start : clause.end] + " " * (len(text) - clause.end)
