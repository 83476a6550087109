"""Line rules at their edges: what counts as a menu row, and what extracted main text keeps."""

from __future__ import annotations

import pytest

from sitrep.clean import boilerplate, markdown, rules
from sitrep.clean.blocks import Line


def kept(texts: list[str], extracted: bool) -> list[str]:
    return [line.text for line in boilerplate.filter_page([Line(text=t) for t in texts], extracted=extracted)]


def test_url_and_slash_lists_are_not_menu_rows() -> None:
    lines = ["Home | News | Reports | About", "Ports: Tartus/Latakia/Baniyas", "http://reliefweb.example/report/syria/2019"]
    assert kept(lines, extracted=True) == lines[1:]


def test_main_text_keeps_repeated_lines_a_dump_does_not() -> None:
    lines = [
        "Question: how many families left the camp this week?",
        "About forty, the camp manager said, most of them towards Azaz.",
        "Question: how many families left the camp this week?",
        "None, she said: the road was closed by the shelling.",
    ]
    assert kept(lines, extracted=True) == lines
    assert kept(lines, extracted=False) == [lines[0], lines[1], lines[3]]


def test_space_separated_menu_in_a_dump_is_a_menu() -> None:
    lines = markdown.parse("Home   Politics   Security   Economy   Opinion\n\nClashes erupt in Tripoli suburbs overnight.\n")
    assert [line.text for line in boilerplate.filter_page(lines)] == ["Clashes erupt in Tripoli suburbs overnight."]


@pytest.mark.parametrize(
    "text",
    [
        "Sort: newest first",
        "[████░░░░░░] 41% of our winter goal collected",
        "[####------] 43% of our monthly goal reached: $4,300 of $10,000",
        "36% funded — $430,000 of $1.2 million",
        "Photo caption: Rescuers search the rubble in Ariha.",
        "Support Southern Front Today: we answer only to our readers.",
        "LIVE UPDATES: War in Sudan",
        "ALSO ON THE BULLETIN:",
        "IN THIS ISSUE",
    ],
)
def test_furniture_lines(text: str) -> None:
    assert rules.match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "65% of the town's residents have fled since the offensive began.",
        "Live fire was used to disperse the protesters, witnesses said.",
        "Support for the truce is eroding among the factions in Idlib.",
    ],
)
def test_article_lines_are_not_furniture(text: str) -> None:
    assert rules.match(text) is None
