"""Death tolls as evidence: do two reports' figures tie them together or keep them apart? (pure)

A figure is a detail of one place only when the sentence gives it for that place: "strikes on
A, B and C killed 9" says nothing of A alone (`listed_place`), and only when the report states it:
a figure summed from several sentences, or coded from a vague count ("dozens", "deaths were
reported": ACLED's conventional 10 or 12), is no detail (`stated_toll`). Rules and why:
docs/resolution.md.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from sitrep.model import Mention
from sitrep.paths import data_file

DISTINCTIVE_TOLL = 3  # a death toll from this figure up can tie two reports together ...
TOLL_RATIO = 1.5  # ... when the other report's toll is within this ratio of it
MASS_CASUALTY = 10  # ... or when both are at least this high
STATED_SLACK = 0.05  # a written figure this close to the toll states it (102 written, 104 counted)


_PARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn|abu|umm|de|du)-?"
_NAME = rf"(?:the\s+)?(?:{_PARTICLE})?[A-Z][\w'`’-]*(?:\s+(?:{_PARTICLE}[\w'`’-]+|[A-Z][\w'`’-]*)){{0,3}}"
_SEPARATOR = r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
_PLACE_LIST = re.compile(rf"{_NAME}(?:{_SEPARATOR}{_NAME})+")


@lru_cache(maxsize=65536)
def _list_length(sentence: str, phrase: str) -> int:
    """How many names the list holding `phrase` has (1: the phrase is not in a list)."""
    at = sentence.find(phrase)
    if at < 0:
        return 1
    for run in _PLACE_LIST.finditer(sentence):
        if run.start() <= at < run.end():
            return len(re.split(_SEPARATOR, run.group()))
    return 1


def listed_place(m: Mention) -> bool:
    """The place is one item of a list of places in its sentence ("shelling hit Kafr Zita,
    al-Lataminah and Morek, killing two"): a toll given for the list is no detail of one place."""
    if not (m.location_text and m.evidence):
        return False
    return any(_list_length(e.text, m.location_text) > 1 for e in m.evidence)


@lru_cache(maxsize=1)
def _number_words() -> dict[int, tuple[str, ...]]:
    lexicon = yaml.safe_load(data_file("resolve/distinguishing_details.yaml").read_text(encoding="utf-8"))
    return {int(k): tuple(v) for k, v in lexicon["number_words"].items()}


@lru_cache(maxsize=4096)
def _figure_pattern(n: int) -> re.Pattern[str]:
    words = list(_number_words().get(n, ()))
    tens, units = divmod(n, 10)
    if 20 < n < 100 and units:  # "twenty-three", "thirty one"
        words += [f"{t}[- ]{u}" for t in _number_words().get(tens * 10, ()) for u in _number_words().get(units, ())]
    spelled = "|".join(re.escape(w) if "[" not in w else w for w in words)
    alternatives = rf"(?<![\d.,]){n}(?![\d]|[.,]\d)" + (rf"|\b(?:{spelled})\b" if spelled else "")
    return re.compile(alternatives, re.IGNORECASE)


def stated_toll(m: Mention) -> bool:
    """The report's death toll is a figure its sentences state ("killing 17", "seven civilians"),
    not one summed from several sentences or coded from a vague count ("dozens", "deaths were
    reported"). A written figure within STATED_SLACK of the toll still states it (an extractor may
    add the attackers to their victims: "two suicide bombers who killed 102")."""
    if not m.fatalities:
        return False
    slack = max(1, round(m.fatalities * STATED_SLACK))
    for n in range(max(1, m.fatalities - slack), m.fatalities + slack + 1):
        pattern = _figure_pattern(n)
        if any(pattern.search(e.text) for e in m.evidence):
            return True
    return False


def tolls_contradict(a: Mention, b: Mention) -> bool:
    """One report says nobody was killed, the other counts the dead: two strikes, not one.

    Only between reports that both say the event happened (a denial carries no toll of its own).
    """
    if a.fatalities is None or b.fatalities is None or a.modality != "occurred" or b.modality != "occurred":
        return False
    return min(a.fatalities, b.fatalities) == 0 < max(a.fatalities, b.fatalities)


def distinctive_toll(a: Mention, b: Mention) -> bool:
    """Both report a death toll high enough not to be a coincidence, and close to each other.

    One or two dead are common figures; from DISTINCTIVE_TOLL up, two tolls of which the higher is
    at most TOLL_RATIO times the lower (early and later counts differ), or two mass-casualty
    figures, point to one event.
    """
    if not (stated_toll(a) and stated_toll(b)):
        return False
    low, high = sorted((a.fatalities, b.fatalities))  # type: ignore[type-var]
    return low >= DISTINCTIVE_TOLL and (high <= low * TOLL_RATIO or low >= MASS_CASUALTY)


def same_toll(a: Mention, b: Mention) -> bool:
    return (a.fatalities or 0) >= DISTINCTIVE_TOLL and a.fatalities == b.fatalities and stated_toll(a) and stated_toll(b)


def mass_casualty(a: Mention, b: Mention) -> bool:
    return min(a.fatalities or 0, b.fatalities or 0) >= MASS_CASUALTY and stated_toll(a) and stated_toll(b)
