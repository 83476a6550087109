"""Round-4 rules: the part of a province written after it ("in Idlib's northern countryside"), sub-districts as
hints and placed at the town they are named after, an Arabic article run into the word ("Dahiet Elasad"), and
recognition of names after actor adjectives ("YPG-held X"), ʿayn-marked articles and "recapture"/"retake"."""

from __future__ import annotations

from sitrep.geo.gazetteer import distance_km
from sitrep.geo.normalize import fold, skeleton
from sitrep.geo.rank import name_similarity
from tests.geo.conftest import make_document, make_mention


def placed(geo, body: str, name: str, country: str = "SY"):
    """Recognise the places of `body` as extract would pass them, and resolve the one written `name`."""
    phrases = [p for p in geo.find_places(body, country) if p.text == name]
    assert phrases, f"{name!r} not recognised in {body!r}"
    p = phrases[0]
    mention = make_mention(p.text, p.admin_hint, p.qualifier)
    geo.place([mention], make_document(body, country))
    return mention


def near(m, lat: float, lon: float, km: float = 10.0) -> bool:
    return m.place is not None and m.place.latitude is not None and \
        distance_km(m.place.latitude, m.place.longitude, lat, lon) <= km


def test_the_part_of_a_province_written_after_its_name_picks_the_village_on_that_side(geo):
    # two villages called Ma`arrata in Idlib: one in the north (Harim), others in the south
    north = placed(geo, "Government jets struck Maaratah village in the Idlib northern countryside overnight.", "Maaratah")
    assert north.place is not None and north.place.admin2 == "Harim" and north.place.geo_precision == 1
    south = placed(geo, "Government jets struck Maaratah village in Idlib's southern countryside overnight.", "Maaratah")
    assert south.place is None or south.place.admin2 != "Harim"


def test_a_sub_district_named_as_the_hint_locates_an_unknown_village(geo):
    # Bulbul: a sub-district (and its town) of Afrin, and a village of the same name in Deir ez-Zor
    m = placed(geo, "Turkish shells hit Qzwxrt village in Bulbul sub-district at noon.", "Qzwxrt")
    assert m.place is not None and m.place.admin2 == "Afrin" and m.place.geo_precision == 2


def test_a_sub_district_without_its_level_word_is_still_the_hint(geo):
    body = "Turkish artillery pounded Khalil village in Sharan on Sunday."
    m = placed(geo, body, "Khalil")
    assert m.admin_hint == "Sharan"
    assert m.place is not None and m.place.admin2 == "Afrin"


def test_an_article_run_into_the_word_is_read_as_the_article():
    assert skeleton(fold("Dahiet Elasad")) == skeleton(fold("Dahiyat al Asad"))
    assert skeleton(fold("Orm Eljoz")) == skeleton(fold("Urum al Jawz"))
    assert name_similarity(fold("Orm Eljoz"), fold("Urum al Jawz")) >= 0.8  # recognition accepts a skeleton match this alike
    assert skeleton(fold("Elasad")) != skeleton(fold("Asad"))  # a first word is a name, not an article


def test_a_village_written_with_its_article_run_in_is_found(geo):
    m = placed(geo, "Regime artillery shelled Orm Eljoz village on Tuesday, damaging homes.", "Orm Eljoz")
    assert near(m, 35.79, 36.57, 5)


def test_a_sub_district_is_placed_at_the_town_it_is_named_after(place, geo):
    # OpenSyria's point for the Nashabiyeh sub-district lies ~10 km from the town of An Nashabiyah
    m = place("Nashabiyeh", body="Government artillery shelled Nashabiyeh in Rural Damascus.", hint="Rural Damascus")
    town = next(c.place for c in geo.lookup("An Nashabiyah", "SY") if c.place.kind == "locality")
    assert near(m, town.lat, town.lon, 1)


def test_an_actor_adjective_before_a_village_does_not_hide_it(geo):
    body = "Turkish howitzers fired dozens of shells on YPG-held Jandairis city on Wednesday."
    assert "Jandairis" in [p.text for p in geo.find_places(body, "SY")]


def test_an_article_with_an_ayn_mark_opens_a_name(geo):
    body = "Government troops raided the town of al-'Amiriyah at dawn."
    assert "al-'Amiriyah" in [p.text for p in geo.find_places(body, "SY")]


def test_an_unknown_village_of_a_sub_district_goes_to_the_town_it_is_named_after(geo):
    # the Khanaser sub-district's own point lies ~15 km from the town of Khanasir, which news mean
    m = placed(geo, "Regime forces shelled Qzwxrt village in Khanaser subdistrict.", "Qzwxrt")
    assert near(m, 35.78, 37.50, 3)


def test_a_sub_district_in_a_list_or_called_a_town_is_a_place_not_a_hint(geo):
    listed = geo.find_places("Clashes went on in Atshan, Zafar al-Kabir, Rabiah, Tal Khaznah and Zurzur.", "SY")
    assert "Rabiah" in [p.text for p in listed] and all(p.admin_hint is None for p in listed)
    town = geo.find_places("A car bomb went off on the highway in Khan Shaykun town, south of Idlib.", "SY")
    assert "Khan Shaykun" in [p.text for p in town]


def test_a_village_after_recapture_or_retake_is_recognised(geo):
    for verb in ("recapture", "retake"):
        body = f"Loyalist militias managed to {verb} Sukayk after a day of fighting."
        assert "Sukayk" in [p.text for p in geo.find_places(body, "SY")]
