"""Round-5 rules: a district named after its seat town is the district, not the town (precision 2), while an
urban district of a city stays the place itself; and the names a list of places goes on to give after
"districts, including" are recognised even when spelled loosely. My own sentences."""

from __future__ import annotations

from tests.geo.test_round4 import placed


def test_a_district_named_after_its_town_is_the_district_around_it(geo):
    m = placed(geo, "Turkish troops fought YPG fighters in Jandairis district on Saturday.", "Jandairis district")
    assert m.place is not None and m.place.admin2 == "Afrin" and m.place.geo_precision == 2
    town = placed(geo, "Turkish troops fought YPG fighters in the town of Jandairis on Saturday.", "Jandairis")
    assert town.place is not None and town.place.geo_precision == 1
    assert (town.place.latitude, town.place.longitude) == (m.place.latitude, m.place.longitude)


def test_a_quarter_of_a_city_called_a_district_is_the_place_itself(geo):
    m = placed(geo, "Coalition jets struck a house in the Mosul al-Jadida district of western Mosul.",
               "Mosul al-Jadida district", country="IQ")
    assert m.place is not None and m.place.geo_precision == 1


def test_places_listed_after_districts_including_are_recognised(geo):
    body = "Separatists and the presidential guard fought in several Aden districts, including Khormaksar and the port."
    names = [p.text for p in geo.find_places(body, "YE")]
    assert "Khormaksar" in names
    assert "Khormaksar" not in [p.text for p in geo.find_places("Officials including Khormaksar's mayor met.", "YE")]


def test_a_highland_named_after_a_village_is_placed_at_the_village(geo):
    m = placed(geo, "Coalition jets struck Houthi positions on Najd Hays in the south of Hodeidah province.", "Najd Hays",
               country="YE")
    assert m.place is not None and m.place.name == "Hays" and m.place.geo_precision == 2


def test_a_province_called_a_region_is_the_province_not_its_city(geo):
    m = placed(geo, "Turkey said on Saturday that 34 of its soldiers died in an air strike in Syria's Idlib region.",
               "Idlib region")
    assert m.place is not None and m.place.geo_precision == 3 and m.place.admin1 == "Idleb"
    # a town that is no province keeps its own name: "the Afrin region" is not extended to a province
    assert "Afrin" in [p.text for p in geo.find_places("Clashes went on in the Afrin region.", "SY")]


def test_a_stated_distance_from_a_town_picks_the_reading_that_far_from_it(geo):
    from tests.geo.conftest import make_document, make_mention

    # several villages are called Ras al-Ain; the text puts this one about 120 km east of Tal Abyad
    body = "In Ras al-Ain, about 120 km east of Tal Abyad, three civilians were killed by shelling on Wednesday."
    m = make_mention("Ras al-Ain", "120 km east of Tal Abyad", None)
    geo.place([m], make_document(body, "SY"))
    assert m.place is not None and m.place.admin1 == "Al-Hasakeh" and m.place.geo_precision == 1


def test_a_place_far_from_the_town_it_is_located_from_is_never_placed_at_that_town(geo):
    from tests.geo.conftest import make_document, make_mention

    m = make_mention("Qzwxrt", "60 km south of Tal Abyad", None)
    geo.place([m], make_document("Shelling hit Qzwxrt, some 60 km south of Tal Abyad.", "SY"))
    assert m.place is None
    near = make_mention("Qzwxrt", "Tal Abyad", None)  # without a distance, the town the text names is the best guess
    geo.place([near], make_document("Shelling hit Qzwxrt near Tal Abyad.", "SY"))
    assert near.place is not None and near.place.name == "Tell Abiad" and near.place.geo_precision == 2


def test_the_distance_a_text_states_travels_with_the_hint(geo):
    hints = [(p.text, p.admin_hint) for p in geo.find_places("Shells hit Kafr Nabl, 5 km south of Hass, killing two.", "SY")]
    assert ("Kafr Nabl", "5 km south of Hass") in hints
