"""Modality: did the event happen (occurred), is it being prepared (planned), conditional
(hypothetical), or does a party say it did not happen (denied)?

Cues count only where they govern the event: before its trigger in the same clause ("will launch",
"if ... would strike", "plans to attack"); a denial anywhere in the sentence ("the ministry denied").
"""

from __future__ import annotations

import re

DENIED = re.compile(
    r"\b(?:denied|denies|deny|denying|refuted|refutes|dismissed|dismisses|rejected|rejects)\b(?:\s+\w+){0,5}?\s+"
    r"(?:reports?|claims?|allegations?|accusations?|responsibility|involvement|that|carrying out|having|any|the|its|their|firing|shelling|bombing|targeting)\b|"
    r"\b(?:did not|didn't|never) (?:take place|happen|occur|carry out|conduct|launch|strike|bomb|shell|attack|target)\b|"
    r"\bno (?:such )?(?:attack|strike|raid|shelling|incident) (?:took place|happened|occurred)\b|"
    r"\b(?:false|fabricated|baseless|fake) (?:reports?|claims?|news|allegations?)\b",
    re.IGNORECASE,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:if|unless|in case|in the event|should the|were the|whether)\b|"
    r"\b(?:could|would|might|(?-i:may))(?: well)?(?: (?:not|soon|also|even|eventually))?(?: be)?\b",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"\b(?:will|shall|'ll|is going to|are going to|plans?|planning|planned|preparing|prepares?|"
    r"preparations?|are being prepared|is being prepared|under way|underway|is set to|are set to|intends? to|"
    r"intending to|about to|poised to|expected to|gearing up|upcoming|imminent|impending|threaten(?:s|ed|ing)? to|"
    r"vow(?:s|ed|ing)? to|pledge[sd]? to|promise[sd]? to|ready to|readying|massing (?:for|ahead)|to launch|to storm|to attack)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:and|but|while|as|after|killing|leaving|which)\b|\.\s")


def _governing_window(sentence: str, trigger_start: int) -> str:
    """The text before the trigger, back to the start of its clause, at most ~12 words."""
    before = sentence[:trigger_start]
    cut = 0
    for m in _CLAUSE_BREAK.finditer(before):
        cut = m.end()
    words = before[cut:].split()
    return " ".join(words[-12:])


def _predicate_after_subject(sentence: str, trigger_start: int) -> str:
    """When the trigger is the head of the clause's subject ("A strike on the dam could ..."), the
    words after it, up to the clause's end, where its verb and modal stand."""
    if len(_governing_window(sentence, trigger_start).split()) > 3:
        return ""
    rest = sentence[trigger_start:]
    cut = _CLAUSE_BREAK.search(rest)
    return " ".join(rest[: cut.start() if cut else len(rest)].split()[1:10])


def modality_of(sentence: str, trigger_start: int) -> str:
    if DENIED.search(sentence):
        return "denied"
    window = _governing_window(sentence, trigger_start)
    predicate = _predicate_after_subject(sentence, trigger_start)
    if re.search(r"\bif\b|\bunless\b", sentence[:trigger_start], re.IGNORECASE) or _HYPOTHETICAL.search(window) \
            or re.search(r"\b(?:could|would|might|(?-i:may))\b", predicate, re.IGNORECASE):
        return "hypothetical"
    if _PLANNED.search(window) or re.search(r"\b(?:will|is (?:being )?(?:prepared|planned|expected)|are (?:being )?(?:prepared|planned|expected)|is set to|are set to|is due to)\b", predicate, re.IGNORECASE):
        return "planned"
    return "occurred"
