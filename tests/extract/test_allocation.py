"""A report that says how its dead are shared among places: the figures follow what it says."""

from __future__ import annotations

import pytest

from sitrep.extract.allocation import read_allocation
from tests.extract.helpers import document


def figures(extractor, text: str, country: str = "SY") -> dict[str, int | None]:
    return {m.location_text: m.fatalities for m in extractor.extract(document(text, country=country))}


def test_a_statement_without_figures_is_no_allocation():
    assert read_allocation("Regime forces shelled Kafr Nabl on Monday, killing two civilians.") is None


def test_named_shares_are_read_from_either_side_of_the_verb():
    found = read_allocation("The 9 deaths were split between the villages, with Kansafra and Bara allocated 3 each "
                            "and 3 coded to al-Bara'a.")
    assert found is not None
    assert found.per_place == {"Kansafra": 3, "Bara": 3, "al-Bara'a": 3}


def test_a_coded_total_is_given_to_the_one_place_told(extractor):
    text = ("Houthi fighters clashed with pro-government troops near Sirwah in Marib, with losses reported on the "
            "Houthi side. Unknown fatalities coded as 10.")
    assert figures(extractor, text, "YE") == {"Sirwah": 10}


def test_a_total_spread_across_places_is_split_evenly(extractor):
    text = ("Regime artillery pounded Kansafra and Bara in the Zawiya mountain, killing and wounding a number of "
            "fighters. Unknown fatalities coded as 10. Fatalities spread across two locations.")
    assert figures(extractor, text) == {"Kansafra": 5, "Bara": 5}


def test_each_named_place_gets_its_own_share(extractor):
    text = ("Barrel bombs fell on Kafr Nabl, Hass and Maarzita, killing 8 civilians. Four fatalities coded to "
            "Kafr Nabl and two each to Hass and Maarzita.")
    assert figures(extractor, text) == {"Kafr Nabl": 4, "Hass": 2, "Maarzita": 2}


def test_a_split_between_some_places_leaves_the_others_without_dead(extractor):
    text = ("Shells hit Kafr Nabl, Hass, Maarzita and Kansafra, killing 4 civilians. The 4 fatalities were split "
            "between Hass and Kansafra.")
    assert figures(extractor, text) == {"Kafr Nabl": 0, "Hass": 2, "Maarzita": 0, "Kansafra": 2}


def test_one_each_between_the_villages(extractor):
    text = ("Clashes in Kafr Nabl, Hass and Maarzita left fatalities on both sides, with the unknown number coded "
            "as 10 and split, 1 each, between the villages.")
    assert set(figures(extractor, text).values()) == {1}


def test_a_half_coded_figure_is_not_split_again(extractor):
    text = ('Houthi fighters said they killed and wounded "dozens" of Saudi soldiers in Qais and Alab in Jizan. '
            "Fatalities coded as half.")
    assert figures(extractor, text, "SA") == {"Qais": 6, "Alab": 6}


def test_the_dead_of_this_location(extractor):
    text = ("Warplanes struck the town of Hass on Monday. Dozens of civilians were killed by strikes across southern "
            "Idlib that day, with two fatalities coded at this location.")
    assert figures(extractor, text)["Hass"] == 2


@pytest.mark.parametrize("text", [
    "The colour-coded map shows Saraqib and Binnish under heavy shelling, where 3 civilians were killed.",
    "Shelling killed 3 civilians in Saraqib and Binnish.",
])
def test_ordinary_reports_keep_their_own_figures(extractor, text):
    assert sum(v or 0 for v in figures(extractor, text).values()) == 3
