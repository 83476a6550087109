"""Toponym recognition in my own news-style sentences: offsets, qualifiers, admin hints, refusals."""

from __future__ import annotations

import pytest


def phrases(geo, text, country="SY"):
    found = geo.find_places(text, country)
    for p in found:
        assert text[p.start:p.end] == p.text  # offsets always point at the words as written
    return found


def texts(geo, text, country="SY"):
    return [p.text for p in phrases(geo, text, country)]


def test_village_with_its_province_is_one_place_with_an_admin_hint(geo):
    [p] = phrases(geo, "Warplanes bombed Kafr Nabl in southern Idlib on Sunday, residents said.")
    assert (p.text, p.admin_hint, p.qualifier) == ("Kafr Nabl", "Idlib", None)


def test_countryside_of_a_city(geo):
    [p] = phrases(geo, "Government artillery pounded villages in the southern countryside of Aleppo.")
    assert (p.text, p.qualifier) == ("Aleppo", "countryside of")
    [p] = phrases(geo, "Clashes went on in Idlib's western countryside.")
    assert (p.text, p.qualifier) == ("Idlib", "countryside of")


@pytest.mark.parametrize("sentence,name,qualifier", [
    ("Two shells landed near Saraqib at dawn.", "Saraqib", "near"),
    ("Fighters massed on the outskirts of Saraqib.", "Saraqib", "outskirts of"),
    ("A drone struck a car on the edge of Ariha.", "Ariha", "on the edge of"),
    ("Fighting raged in the area north of Hama.", "Hama", "north of"),
    ("Troops dug in 5 km east of the town of Khan Shaykhun.", "Khan Shaykhun", "east of"),
    ("A checkpoint in the vicinity of Morek was shelled.", "Morek", "near"),
    ("The army shelled Jisr al-Shughur, killing two.", "Jisr al-Shughur", None),
])
def test_qualifiers(geo, sentence, name, qualifier):
    found = {p.text: p.qualifier for p in phrases(geo, sentence)}
    assert found == {name: qualifier}


def test_a_list_of_villages_shares_the_cue(geo):
    assert texts(geo, "Airstrikes hit Kafranbel, Hass and Maarat al-Numan overnight.") == [
        "Kafranbel", "Hass", "Maarat al-Numan"]
    assert texts(geo, "Kafranbel and Hass were hit by airstrikes.") == ["Kafranbel", "Hass"]


def test_province_word_stays_in_the_text_so_resolution_knows_the_level(geo):
    [p] = phrases(geo, "An IED exploded in Idlib province on Tuesday.")
    assert p.text == "Idlib province"


@pytest.mark.parametrize("sentence", [
    "Assad met Putin on Monday, according to SANA.",
    "Russian and Turkish officials discussed the ceasefire.",
    "Mohammed Ali said the strike was a war crime.",
    "President Erdogan warned Damascus-backed militias.",
    "Hezbollah fighters and Houthis were mentioned in the report.",
    "The Syrian Observatory for Human Rights said casualties were rising.",
    "Russia bombed targets, the ministry claimed.",
])
def test_actors_weekdays_people_and_countries_as_actors_are_not_places(geo, sentence):
    assert [p for p in phrases(geo, sentence) if p.text != "Damascus"] == []


def test_a_country_is_a_place_only_when_nothing_finer_is_named(geo):
    assert texts(geo, "Hundreds of fighters were killed in Syria last year.") == ["Syria"]
    assert texts(geo, "Rebels shelled Aleppo in northern Syria.") == ["Aleppo"]


def test_a_highway_gives_way_to_the_town_it_passes(geo):
    assert texts(geo, "Fighting continued on the M5 highway near Saraqib.") == ["Saraqib"]
    assert texts(geo, "Convoys moved along the M4 highway.") == ["M4 highway"]


def test_curated_features_are_recognised(geo):
    assert texts(geo, "Rebels shelled the Kuweires air base and the Jabal al-Zawiya area.") == [
        "Kuweires air base", "Jabal al-Zawiya"]


def test_an_unknown_village_marked_as_one_is_returned_for_the_resolver_to_judge(geo):
    [p] = phrases(geo, "Shells fell on the village of Qaryat Zumzumiyya in rural Hama.")
    assert (p.text, p.admin_hint) == ("Qaryat Zumzumiyya", "Hama")


def test_a_known_name_continued_by_unknown_words_is_not_cut_short(geo):
    # "Tal" alone is a town near Damascus; "Tal al-Eis" is another place, which the gazetteer lacks
    [p] = phrases(geo, "Clashes broke out near Tal al-Eis south of Aleppo.")
    assert (p.text, p.qualifier, p.admin_hint) == ("Tal al-Eis", "near", "Aleppo")


def test_arabic_script(geo):
    [p] = phrases(geo, "قصف الطيران الحربي مدينة معرة النعمان في ريف إدلب الجنوبي")
    assert (p.text, p.admin_hint) == ("معرة النعمان", "إدلب")


def test_country_focus_keeps_local_namesakes(geo):
    assert texts(geo, "Gunmen attacked a checkpoint in Tripoli.", "LB") == ["Tripoli"]


@pytest.mark.parametrize("text, country, junk, village", [
    ("Traffic stopped on the road near Saraqib after shells hit Kafr Nabl.", "SY", "Traffic", "Kafr Nabl"),
    ("Omanis and Yemenis crossed at the Sarfait border post as shelling hit Hawf.", "YE", "Omanis", "Hawf"),
    ("Coalition airstrikes hit Checkpoints in Razih on Tuesday.", "YE", "Checkpoints", "Razih"),
    ("Gunmen from Suqour al-Sham raided Sarmin at dawn.", "SY", "Suqour al-Sham", "Sarmin"),
    ("A drone hit a boat in the Red Sea near Al Khawkhah.", "YE", "Red Sea", "Al Khawkhah"),
])
def test_no_place_beside_a_village(geo, text, country, junk, village):
    found = texts(geo, text, country)
    assert junk not in found and village in found


def test_words_that_name_no_place():
    from sitrep.geo.lexicon import is_demonym, ordinary_phrase
    assert is_demonym("Bahrainis") and is_demonym("Egyptians") and is_demonym("African")
    assert not is_demonym("Bahrain") and not is_demonym("Idlib")
    assert ordinary_phrase(["Residential"], single_nouns=False) and ordinary_phrase(["Moving", "Target"], False)
    assert not ordinary_phrase(["Damascus", "Central", "Prison"], False)  # opens with a name WordNet lists
    assert not ordinary_phrase(["Saraqib"], single_nouns=True)
