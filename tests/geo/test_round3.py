"""Round-3 rules: foreign look-alikes, the part of a province an unknown village lies in, border villages, landforms
named after villages, loosely spelled districts, joined "Kafr" names, own names before alternates."""

from __future__ import annotations

from sitrep.geo.gazetteer import distance_km


def near(m, lat: float, lon: float, km: float = 10.0) -> bool:
    return m.place is not None and m.place.latitude is not None and \
        distance_km(m.place.latitude, m.place.longitude, lat, lon) <= km


def test_a_village_name_that_is_an_alternate_of_a_far_city_is_not_placed_abroad(place):
    m = place("Malabas", body="Turkish howitzers hit Malabas village north of Hasakah on Monday.", hint="Hasakah")
    assert m.place is None or m.place.country_code == "SY"


def test_a_name_from_a_far_country_is_refused_under_a_stated_country(place):
    m = place("Quwa", body="Houthi snipers fired on a Saudi border post in Quwa.", country="SA")
    assert m.place is None or m.place.country_code in ("SA", "YE")


def test_a_facility_word_alone_is_no_place_but_the_hint_still_places_it(place):
    m = place("Airport", body="Two mortar rounds struck the Airport in Rural Damascus.", hint="Rural Damascus")
    assert m.place is not None and m.place.country_code == "SY" and m.place.geo_precision == 3
    assert "kind of place" in m.geo_note


def test_an_unknown_village_in_northern_aleppo_is_put_in_the_north_of_the_province(place, geo):
    northern = place("Qzwxrt", body="Shells hit Qzwxrt village in northern Aleppo.", hint="northern Aleppo")
    province = place("Qzwxrt", body="Shells hit Qzwxrt village in Aleppo province.", hint="Aleppo province")
    assert northern.place.geo_precision == province.place.geo_precision == 3
    assert northern.place.latitude > province.place.latitude + 0.1
    assert "northern part" in northern.geo_note


def test_an_unknown_place_of_a_city_named_like_its_province_is_put_at_the_city(place):
    m = place("Qzwxrt", body="A bomb went off in the Qzwxrt area of Basra.", country="IQ", hint="Basra")
    assert m.place.geo_precision == 2 and near(m, 30.51, 47.78, 10)
    assert "also its province" in m.geo_note


def test_an_unknown_place_of_an_area_is_put_at_the_area(place):
    m = place("Qzwxrt", body="Regime forces shelled the Qzwxrt area of Lajat region.", hint="Lajat")
    assert m.place is not None and m.place.geo_precision == 2 and m.place.admin1 == "Dar'a"


def test_a_village_just_across_the_border_of_the_named_province_is_found(place):
    # Al-Maslahah lies in Aleppo province, a few km from the Idlib border: news call it "southern Idlib"
    m = place("Maslaha", body="Government troops entered Maslaha in southern Idlib after a night of shelling.",
              hint="southern Idlib")
    assert m.place.admin1 == "Aleppo" and near(m, 35.57, 37.19)


def test_a_hill_the_gazetteer_lacks_is_placed_at_the_village_it_is_named_after(place):
    m = place("Jabal Kaftin", body="Rival factions fought over Jabal Kaftin in Idlib.", hint="Idlib")
    assert m.place.admin1 == "Idleb" and m.place.geo_precision == 2 and near(m, 36.10, 36.68)
    assert "named after" in m.geo_note


def test_the_village_a_hill_is_named_after_must_lie_in_the_area_the_text_names(place):
    m = place("Jabal Kitaf", body="Government troops took Jabal Kitaf in Nati district of al-Bayda.", country="YE",
              hint="Nati")
    assert m.place is None or m.place.admin1 == "Al Bayda"


def test_a_loosely_spelled_district_still_tells_same_name_villages_apart(place):
    m = place("Mandaba", body="Air raids hit the Mandaba area of Baqem district overnight.", country="YE", hint="Baqem")
    assert m.place is not None and m.place.admin2 == "Baqim"


def test_a_part_of_a_city_the_gazetteer_lacks_is_placed_at_the_city(place):
    m = place("Dar'a al-Balad", body="Artillery pounded Dar'a al-Balad overnight.")
    assert m.place.admin1 == "Dar'a" and m.place.geo_precision == 2 and near(m, 32.62, 36.10)


def test_a_joined_kafr_name_meets_the_spaced_spelling(place):
    m = place("Kafruma", body="Jets bombed the town of Kafruma, west of Maarat al-Numan.")
    assert m.place.admin1 == "Idleb" and near(m, 35.64, 36.63, 3)


def test_a_city_named_like_its_province_stands_for_the_province(place):
    m = place("Bajel", body="Six air raids hit Bajel, Hudayda, on Sunday.", country="YE")
    assert m.place is not None and m.place.admin1 == "Al Hudaydah" and near(m, 15.06, 43.29)


def test_a_place_s_own_name_beats_the_same_spelling_listed_for_another_place(place):
    m = place("Modira", body="Regime artillery shelled the town of Modira.")
    assert m.place is not None and m.place.admin1 == "Rural Damascus" and near(m, 33.545, 36.386, 5)


def test_a_named_operation_tells_same_name_villages_apart(place):
    # two villages called Qatma in Aleppo province (Afrin and Menbij districts): the operation names the district
    plain = place("Qatma", body="Artillery shelled the village of Qatma on Sunday.")
    named = place("Qatma", body="Artillery shelled the village of Qatma on Sunday as part of Operation Olive Branch.")
    assert plain.place is None or plain.place.admin2 != "Afrin" or plain.place.geo_precision > 1
    assert named.place is not None and named.place.admin2 == "Afrin" and named.place.geo_precision == 1


def test_a_named_operation_never_places_an_event_by_itself(place):
    m = place("Qzwxrt", body="Olive Branch forces took the hamlet of Qzwxrt after a day of fighting.")
    assert m.place is None


def test_a_rural_damascus_hint_is_the_province_of_rif_dimashq(place):
    m = place("Dhameer Airbase", body="Rebels shelled Dhameer Airbase in Rural Damascus at dawn.", hint="Rural Damascus")
    assert m.place is not None and m.place.admin1 == "Rural Damascus" and near(m, 33.62, 36.75, 15)


def test_the_neighbourhoods_of_a_named_city_are_placed_at_that_city(place):
    m = place("al-Tabaqa", body="Clashes went on in neighbourhoods of al-Tabaqa city in the western countryside of al-Raqqa.",
              hint="al-Raqqa")
    assert near(m, 35.84, 38.55, 10)


def test_a_district_is_placed_at_its_seat_town(place, geo):
    m = place("Tuhayat district", body="A cluster bomb went off in Tuhayat district of Hodeidah province.", country="YE",
              hint="Hodeidah")
    seat = geo.gazetteer.district_seat("YE", m.place.admin1, m.place.admin2)
    assert m.place.geo_precision == 2 and seat is not None and near(m, seat.lat, seat.lon, 0.5)


def test_a_district_named_in_several_provinces_is_placed_at_the_seat_in_its_own_province(place):
    m = place("Merkez district", body="Soldiers clashed with militants in the Merkez district of Sirnak province.",
              country="TR", hint="Sirnak province")
    assert m.place is not None and m.place.admin1 and "rnak" in m.place.admin1 and near(m, 37.52, 42.46, 25)
