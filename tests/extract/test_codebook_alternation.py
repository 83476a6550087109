"""The prefilter's fast alternation finds exactly what the plain regex alternation finds."""

from __future__ import annotations

import pytest

from sitrep.extract.alternation import Alternation, _starts
from sitrep.extract.codebook import compile_pattern, load_codebook

SENTENCES = [
    "Government warplanes struck the village of Kafr Nabl in southern Idlib on Sunday, killing four civilians.",
    "Two soldiers were shot dead at a checkpoint near Deir ez-Zor, the Syrian Observatory said.",
    "Hundreds of residents fled Afrin as Turkish artillery shelled its outskirts overnight.",
    "A roadside bomb exploded under a patrol vehicle in Basra, wounding three policemen.",
    "The ministry denied that its forces had seized weapons depots in Marib.",
    "Protesters marched through central Baghdad demanding jobs and electricity.",
    "The talks in Geneva ended without agreement; the envoy said both sides would meet again.",
    "Nothing happened in Hama today, residents said, and shops stayed open.",
    "SDF fighters captured the town of al-Shaddadi after clashes with IS militants.",
    "Israeli jets intercepted a drone launched from Gaza, the army said.",
    "Houthi forces fired a ballistic missile toward Jizan; Saudi air defences shot it down.",
    "Unidentified gunmen assassinated a local council member in Daraa al-Balad.",
    "Security forces dispersed the sit-in with tear gas and arrested 12 people.",
    "The truce agreement of 2016 collapsed when shelling resumed.",
    "Thousands of families have fled toward the Turkish border since Tuesday.",
    "An IED planted by IS was dismantled by army engineers near Mosul.",
    "Ceasefire talks between the two sides collapsed on Thursday.",
    "“Airstrikes hit Ariha,” a rescuer told reporters — “five dead.”",
    "Al-Qaeda’s affiliate claimed the ambush that killed 7 soldiers.",
    "",
    "ok",
]
EDGE_PATTERNS = [
    "shell", "shelling", "(hand )?grenades?", "(?<!former )fighters?", "(?-i:March)(ed|es)?",
    "[Dd]rones? (strike|attack)s?", r"\d+ (people|civilians) (were )?killed", r"\S+-backed forces", "sanctions",
    "stone[- ]throwing", "kill(ed|ing)?|shot dead",
]
EDGE_TEXTS = [
    "The shelling went on.", "shell shelling shells", "A hand grenade and grenades.", "former fighters and fighters",
    "They marched in March; Marches.", "drone strikes and Drones attack", "At least 12 civilians were killed.",
    "Iran-backed forces advanced.", "stone-throwing youths", "He was ſhot dead.", "KILLED", "The Kelvin \u212aILLED sign",
    "sanctions; SANCTIONS", "x-shell y-shelling", "15 people killed by shelling", "naïve shell",
]


def same(fast: Alternation, text: str) -> bool:
    plain = compile_pattern(fast.pattern).search(text)
    found = fast.search(text)
    return (found and found.span()) == (plain and plain.span())


def test_the_codebook_prefilter_matches_as_the_plain_alternation():
    prefilter = load_codebook().prefilter
    assert isinstance(prefilter, Alternation)
    hits = 0
    for text in SENTENCES:
        assert same(prefilter, text), text
        hits += prefilter.search(text) is not None
    assert 10 <= hits < len(SENTENCES)  # the sentences exercise both outcomes


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_edge_patterns_match_as_the_plain_alternation(text):
    assert same(Alternation(EDGE_PATTERNS, compile_pattern), text)
    assert same(Alternation(list(reversed(EDGE_PATTERNS)), compile_pattern), text)


def test_at_one_position_the_earlier_pattern_wins():
    text = "the shelling of the town"
    assert Alternation(["shell", "shelling"], compile_pattern).search(text).group() == "shelling"  # "shell" is cut
    assert Alternation(["shel\\w+", "shelling of"], compile_pattern).search(text).group() == "shelling"
    assert Alternation(["shelling of", "shel\\w+"], compile_pattern).search(text).group() == "shelling of"


def test_a_pattern_read_anywhere_still_loses_to_an_earlier_one_at_the_same_place():
    text = "12 civilians were killed"
    fast = Alternation(["12 civilians", r"\d+ civilians were"], compile_pattern)
    assert fast.search(text).group() == "12 civilians"
    fast = Alternation([r"\d+ civilians were", "12 civilians"], compile_pattern)
    assert fast.search(text).group() == "12 civilians were"


def test_beginnings_read_from_patterns():
    assert _starts("(killed|shot dead)") == {"kil", "sho"}
    assert _starts("(hand )?grenades?") == {"han", "gre"}
    assert _starts("(?<!former )fighters?") == {"fig"}
    assert _starts("[Dd]r") == {"dr"}
    assert _starts(r"\S+-backed") is None or "" in _starts(r"\S+-backed")
    assert "" in _starts(r"\d+ killed")
