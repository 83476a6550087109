"""Does a typed sentence tell a specific event, or only describe a situation around events?

News text mixes the report of an event with talk about the war: "fighting has continued for more than a
year", "the town has been bombed almost daily since April", "more than 350,000 people have fled since
December", "It did not say how many soldiers had been killed", a soldier's quoted remark, a fact-box line
("Displaced: 160,000"). Such sentences carry trigger words but tell no event of their own; ACLED records
none of them. The vocabulary is the codebook's `situation` section; cues count only in the trigger's clause.
"""

from __future__ import annotations

import re
from datetime import date

from sitrep.extract.codebook import compile_pattern
from sitrep.extract.dates import find_dates

# where a clause ends: the cues of a situation must be in the trigger's own clause ("the ceasefire that Russia
# and Turkey announced last week, which SGM has recorded being violated every day" tells the ceasefire)
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?=(?:which|where|while|as|but|and|since|after|when|who|whose|although|though|because|even)\b)"
    r"|\s+(?=(?:while|whereas|although|because)\b)", re.IGNORECASE)
_QUOTE = re.compile(r"[\"“]([^\"“”]{3,400})[\"”]")
QUOTED_WORDS = 5  # a trigger inside a quotation this long is the speaker's remark, not the outlet's report
# a fact-box line: "Displaced: more than 160,000 people", "Start of the offensive: 9 October", "TAIZ: SNIPER FIRE"
_FACT_BOX = re.compile(r"^\s*[\w'’ -]{2,40}:\s*(?:(?:more than|about|over|at least|some|nearly|around)\s+)?[\d,.]+\b"
                       r"(?!.*\b(?:was|were|is|are|has|have|had|\w+ed)\b)|^[^a-z]{3,}$")
_ANY_DAY = date(2000, 1, 1)  # dates are resolved only to learn their precision
VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def trigger_clause(sentence: str, trigger_start: int) -> str:
    """The clause of the sentence that holds the trigger."""
    start, end = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= trigger_start:
            start = m.end()
        elif m.start() > trigger_start:
            end = m.start()
            break
    return sentence[start:end]


class SituationRules:
    def __init__(self, spec: dict) -> None:
        self.habitual = compile_pattern("|".join(f"(?:{p})" for p in spec.get("habitual", ())) or r"(?!x)x")
        self.cumulative = compile_pattern("|".join(f"(?:{p})" for p in spec.get("cumulative", ())) or r"(?!x)x")
        self.untold = compile_pattern("|".join(f"(?:{p})" for p in spec.get("untold", ())) or r"(?!x)x")
        self.unseen = compile_pattern("|".join(f"(?:{p})" for p in spec.get("unseen", ())) or r"(?!x)x")
        self.advocacy = compile_pattern("|".join(f"(?:{p})" for p in spec.get("advocacy", ())) or r"(?!x)x")
        self.ongoing_types = set(spec.get("ongoing_types", ()))

    def describes_situation(self, sentence: str, trigger_start: int, event_type: str) -> bool:
        """True when the sentence tells no specific event (see the module's doc)."""
        if _FACT_BOX.match(sentence):
            return True
        untold = self.untold.search(sentence)
        if untold is not None and untold.start() < trigger_start:
            return True
        if _quoted(sentence, trigger_start):
            return True
        clause = trigger_clause(sentence, trigger_start)
        if self.unseen.search(clause):
            return True
        # "airstrikes hit Nihm repeatedly on Saturday": a day of its own makes it one event
        if event_type not in self.ongoing_types and self.habitual.search(clause) and not any(d.precision == "day" for d in find_dates(clause, _ANY_DAY)):
            return True
        advocacy = self.advocacy.search(sentence)
        if advocacy is not None and advocacy.start() < trigger_start and event_type in VIOLENT_TYPES:
            return True
        # "have been negotiating since May 6": talks are an activity that lasts; a toll or a campaign "since"
        # its start is a tally of many events
        return event_type not in self.ongoing_types and self.cumulative.search(clause) is not None


def _quoted(sentence: str, trigger_start: int) -> bool:
    for m in _QUOTE.finditer(sentence):
        if m.start(1) <= trigger_start < m.end(1) and len(m.group(1).split()) >= QUOTED_WORDS:
            return True
    # a sentence opening a quotation the splitter cut ("The road out was under drones all the time," a sergeant said.)
    opening = re.match(r"^\s*[\"“]([^\"“”]+)[,.]?[\"”]?", sentence)
    return bool(opening and trigger_start < opening.end(1) and len(opening.group(1).split()) >= QUOTED_WORDS)
