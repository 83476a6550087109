"""Extraction slips that joined two events in resolution: a weapon's model between a state's adjective and its
noun, a place named in "the border between X and Y", a rebel group missing from the dictionary, the date of the
event a strike answers, and a place that only contains the places a sentence goes on to list. My own sentences."""

from __future__ import annotations

from datetime import date

from tests.extract.helpers import document, only


def test_a_weapons_model_between_a_states_adjective_and_its_noun_still_names_its_forces(extractor):
    m = only(extractor.extract(document("Israeli F-16 jets struck a Hezbollah depot near the town of Qusayr.")))
    assert m.actor1 == "Military Forces of Israel (2009-)"
    found = extractor.actors.find("Turkish T-155 MLRS batteries pounded villages north of Tal Rifaat.")
    assert [(a.text, a.entries[0].iso) for a in found] == [("Turkish T-155 MLRS batteries", "TR")]
    # a model not after a state's adjective is left alone
    assert extractor.actors.find("Brigade 313 fighters entered the village.") == []


def test_a_country_named_in_a_border_between_two_places_is_no_actor(extractor):
    m = only(extractor.extract(document(
        "YPG fighters shelled rebel positions along the border between Turkey and the Afrin district.")))
    assert m.actor1 == "People's Protection Units (YPG)"


def test_the_army_of_victory_is_jaish_al_nasr(extractor):
    m = only(extractor.extract(document("Army of Victory fighters shelled regime positions in the town of Taybat al-Imam.")))
    assert m.actor1 == "Jaish al-Nasr"


def test_the_date_of_the_event_a_strike_answers_is_not_the_strikes_date(extractor):
    body = "Government jets bombed the town of Saraqib in response to the downing of a helicopter there the day before."
    m = only(extractor.extract(document(body, published=date(2018, 2, 8))))
    assert m.event_date == date(2018, 2, 8)


def test_a_place_followed_by_the_places_it_includes_only_contains_them(extractor):
    body = "Government troops fought separatists in several Aden districts, including Khormaksar and Crater."
    places = {m.location_text for m in extractor.extract(document(body, country="YE"))}
    assert places == {"Khormaksar", "Crater"}


def test_a_heading_place_before_a_colon_contains_the_places_that_follow(extractor):
    body = "Third day of fighting in Aden: government troops and separatists clashed in Khormaksar."
    places = {m.location_text for m in extractor.extract(document(body, country="YE"))}
    assert places == {"Khormaksar"}


def test_a_building_named_in_a_district_is_coded_at_the_district(extractor):
    body = "Separatists clashed with the presidential guard around the Aden Mall area in Crater on Sunday."
    assert only(extractor.extract(document(body, country="YE"))).location_text == "Crater"


def test_a_place_followed_by_other_things_it_includes_keeps_its_event(extractor):
    body = "Regime artillery shelled Kafr Nabl, including a hospital, and the nearby town of Hass."
    places = {m.location_text for m in extractor.extract(document(body))}
    assert "Kafr Nabl" in places


def test_a_province_named_after_the_places_it_holds_is_their_hint(extractor):
    body = "Houthi fighters said they killed a Saudi soldier in the Qaisan and Jabal Dud areas of Saudi Arabia's Jizan region."
    mentions = extractor.extract(document(body, country="SA"))
    assert {m.location_text for m in mentions} == {"Qaisan", "Jabal Dud"}
    assert {m.admin_hint for m in mentions} == {"Jizan region"}


def test_a_reference_town_keeps_the_distance_the_text_gives(extractor):
    body = "Government jets bombed Tal Hamkah, about 12 km north of Khan Shaykhun, on Sunday."
    m = only(extractor.extract(document(body)))
    assert (m.location_text, m.admin_hint) == ("Tal Hamkah", "12 km north of Khan Shaykhun")
