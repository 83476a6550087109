"""What the text around a name settles, with my own sentences: directions, districts, quarters, proximity,
provinces named elsewhere in the post, twin villages, "the capital", and worldwide towns (GeoNames cities500)."""

from __future__ import annotations

from sitrep.geo.gazetteer import distance_km


def km(a, b) -> float:
    return distance_km(a.place.latitude, a.place.longitude, b.place.latitude, b.place.longitude)


def test_a_direction_in_the_hint_chooses_between_same_name_villages_of_one_province(place):
    east = place("Zurzur", body="Jets bombed Zurzur in eastern Aleppo on Tuesday.")
    west = place("Zurzur", body="Jets bombed Zurzur in western Aleppo on Tuesday.")
    assert east.place.admin1 == west.place.admin1 == "Aleppo"
    assert east.place.longitude > west.place.longitude + 0.2
    assert east.place.admin2 != west.place.admin2


def test_a_province_named_with_a_direction_elsewhere_in_the_post_chooses_the_village(place):
    m = place("Umm Haratayn", body="Fighting raged in northern Hama, around Umm Haratayn, through the night.")
    assert m.place is not None and m.place.admin1 == "Hama"


def test_the_same_name_without_context_stays_unplaced(place):
    m = place("Umm Haratayn", body="Fighting raged around Umm Haratayn through the night.")
    assert m.place is None and m.geo_note.startswith("ambiguous:")


def test_an_unknown_place_in_a_named_district_is_put_at_that_district_with_precision_2(place):
    m = place("Bir Mahamishah", country="YE",
              body="Pro-government troops and Houthi fighters clashed in the Bir Mahamishah area of Khabb wa ash Shaaf district.")
    assert m.place is not None and m.place.geo_precision == 2
    assert m.place.admin1 == "Al Jawf" and "Khabb" in (m.place.admin2 or "")
    assert "no gazetteer match for 'Bir Mahamishah'" in m.geo_note


def test_an_unknown_place_in_a_post_that_names_one_province_is_put_at_the_province_with_precision_3(place):
    m = place("Wadi Zubayrah", country="SA", body="In Jizan province, Houthi artillery hit positions in Wadi Zubayrah overnight.")
    assert m.place is not None and m.place.geo_precision == 3
    assert m.place.admin1 == "Jazan" and m.place.latitude is not None
    assert "the province the text names" in m.geo_note


def test_an_unknown_quarter_of_a_city_is_put_at_the_city_with_precision_2(place):
    m = place("al-Shaar", body="Shells fell on the al-Shaar neighbourhood of Aleppo, wounding two children.")
    assert (m.place.name, m.place.admin1, m.place.geo_precision) == ("Aleppo", "Aleppo", 2)
    assert "quarter" in m.geo_note


def test_a_suburb_named_by_its_own_name_is_placed_by_the_city_it_belongs_to(place):
    # two suburbs of Damascus bear the name (one as an alternate): either the suburb that bears it as its own
    # name, or Damascus itself when the readings tie; never a same-name place elsewhere
    m = place("Dahiyat al-Assad", body="Rockets hit the Dahiyat al-Assad suburb of Damascus.")
    assert m.place.admin1 in ("Damascus", "Rural Damascus")
    assert distance_km(m.place.latitude, m.place.longitude, 33.51, 36.29) < 20


def test_an_english_twin_word_finds_the_twin_village_by_its_arabic_name(place):
    west = place("Western Ghariyeh", body="Regime artillery shelled Western Ghariyeh in eastern Daraa.")
    big = place("Big Khwein", body="Government forces took Big Khwein in southern Idlib.")
    assert (west.place.name, west.place.admin1) == ("Ghariyah al Gharbiyah", "Dar'a")
    assert (big.place.name, big.place.admin1) == ("Khuwayn al Kabir", "Idleb")


def test_the_capital_is_the_capital_of_the_country_of_the_text(geo, place):
    body = "Mortar rounds fell on the outskirts of the capital on Sunday."
    [phrase] = geo.find_places(body, "SY")
    assert (phrase.text, phrase.qualifier) == ("the capital", "outskirts of")
    m = place("the capital", body=body)
    assert (m.place.name, m.place.geo_precision) == ("Damascus", 2)
    assert geo.find_places("Explosions rocked the Yemeni capital overnight.", "SY") == []


def test_towns_outside_the_who_s_on_first_countries_come_from_geonames_cities500(place):
    samtah = place("Samtah", country="SA", body="A projectile fired from Yemen landed in Samtah, civil defence said.")
    izeh = place("Izeh", country="IR", body="Protesters gathered in Izeh on Friday.")
    assert samtah.place.admin1 == "Jazan" and samtah.place.country_code == "SA"
    assert 16.4 < samtah.place.latitude < 16.8 and samtah.place.geo_precision == 1
    assert izeh.place.admin1 == "Khuzestan" and 31.7 < izeh.place.latitude < 32.0


def test_a_province_outside_the_who_s_on_first_countries_has_a_point_and_acled_like_spellings(place):
    m = place("Jizan province", country="SA", body="Houthi rockets hit Jizan province.")
    assert m.place.geo_precision == 3 and m.place.admin1 == "Jazan" and m.place.latitude is not None


def test_an_acronym_or_a_sentence_initial_word_is_not_a_place(geo):
    phrases = geo.find_places("Clashes between regime forces and IS in Homs countryside.", "SY")
    assert [(p.text, p.qualifier) for p in phrases] == [("Homs", "countryside of")]
    phrases = geo.find_places("Clashes erupted in the eastern countryside of Hama.", "SY")
    assert [p.text for p in phrases] == ["Hama"]


def test_a_list_of_villages_shares_the_province_that_follows_it(geo):
    phrases = geo.find_places("Airstrikes target Kafr Zeita and Latamneh in the northern countryside of Hama", "SY")
    assert [(p.text, p.admin_hint) for p in phrases] == [("Kafr Zeita", "Hama"), ("Latamneh", "Hama")]


def test_a_facility_the_gazetteer_lacks_is_placed_at_the_village_it_is_named_after(place):
    m = place("Adra Central Prison", body="Shells landed near Adra Central Prison on Monday.")
    assert m.place is not None and m.place.admin1 == "Rural Damascus" and m.place.geo_precision == 2


def test_same_name_villages_are_told_apart_by_the_nearest_other_place_of_the_post(place):
    alone = place("Zurzur", body="Warplanes struck Zurzur overnight.")
    west = place("Zurzur", body="Warplanes struck Zurzur and nearby Jisr al-Shughur on Monday.")
    east = place("Zurzur", body="Clashes reached Zurzur as government troops pushed out of Aleppo city.")
    assert alone.place is None and alone.geo_note.startswith("ambiguous:")
    assert (west.place.admin1, east.place.admin1) == ("Idleb", "Aleppo")
    assert km(west, east) > 50
