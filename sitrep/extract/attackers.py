"""Suicide attackers, who die in their own attack: ACLED counts them among the event's dead ("coding
fatalities to one to account for the SVBIED driver"), and so does an analyst counting deaths."""

from __future__ import annotations

import re

_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "twin": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_ATTACKER = r"suicide\s+(?:car\s+|truck\s+|vehicle\s+)?(?:bombers?|attackers?)"
# the attacker carried the attack out (and died in it): "blew himself up", "detonated his explosive vest",
# "twin suicide car bombers struck", "a suicide bomber who targeted"
_SELF = re.compile(
    r"\b(?:blew|blow|blown|blowing)\s+(?:himself|herself|themselves)\s+up\b"
    r"|\bdetonated\s+(?:himself|herself|themselves|his|her|their)\b"
    r"|\bself-detonat\w*"
    rf"|\b{_ATTACKER}\s+(?:who\s+|that\s+)?(?:\S+\s+){{0,4}}?(?:struck|attacked|targeted|rammed|detonated|exploded|blew|hit|"
    r"stormed|drove|set off)\b",
    re.IGNORECASE)
# how many: "two suicide bombers", "twin suicide car bombers", "4 suicide attackers"
_HOW_MANY = re.compile(rf"\b(?P<n>\d+|a|an|one|two|twin|three|four|five|six)\s+(?:[\w-]+\s+){{0,3}}?{_ATTACKER}\b", re.IGNORECASE)
# the attackers were killed, caught or stopped by others: counted as victims, or not dead
_STOPPED = re.compile(
    rf"\b(?:killed|killing|kills|gunned down|shot(?: dead)?|neutrali[sz](?:ed|ing)|eliminated|arrested|captured|caught|"
    rf"detained|intercepted|stopped)\s+(?:\S+\s+){{0,4}}?{_ATTACKER}"
    r"|\b(?:arrested|captured|caught|detained|foiled|thwarted|defused|before (?:he|she|they) could)\b", re.IGNORECASE)


def suicide_attackers(sentence: str) -> int:
    """The suicide attackers a sentence tells died carrying out their attack (0 when it tells none)."""
    if not _SELF.search(sentence) or _STOPPED.search(sentence):
        return 0
    told = _HOW_MANY.search(sentence)
    if told is None:
        return 1
    word = told.group("n").lower()
    return int(word) if word.isdigit() else _COUNTS.get(word, 1)
