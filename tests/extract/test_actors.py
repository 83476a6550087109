"""Actors ACLED style: aliases, acronyms, nationality adjectives, civilians, unidentified groups."""

from __future__ import annotations

import pytest

from tests.extract.helpers import document

ALIASES = [
    ("HTS fighters attacked army positions near Kafr Nabudah.", "Hayat Tahrir al-Sham", 2),
    ("Tahrir al-Sham fighters attacked army positions near Kafr Nabudah.", "Hayat Tahrir al-Sham", 2),
    ("Al-Nusra fighters attacked army positions near Kafr Nabudah.", "Hayat Tahrir al-Sham", 2),
    ("The SAA shelled the village of Hish.", "Military Forces of Syria (2000-)", 1),
    ("Regime forces shelled the village of Hish.", "Military Forces of Syria (2000-)", 1),
    ("Assad forces shelled the village of Hish.", "Military Forces of Syria (2000-)", 1),
    ("Government forces shelled the village of Hish.", "Military Forces of Syria (2000-)", 1),
    ("The VKS bombed the village of Hish.", "Military Forces of Russia (2000-)", 8),
    ("Russian warplanes bombed the village of Hish.", "Military Forces of Russia (2000-)", 8),
    ("The Russian Aerospace Forces bombed the village of Hish.", "Military Forces of Russia (2000-)", 8),
    ("QSD fighters shelled the village of Hajin.", "QSD: Syrian Democratic Forces", 2),
    ("YPG fighters shelled the village of Jandaris.", "YPG: People's Protection Units", 2),
    ("NLF fighters shelled the village of Jurin.", "National Liberation Front", 2),
    ("TFSA fighters shelled the village of Tal Rifaat.", "Syrian National Army", 2),
    ("Pro-Turkish groups shelled the village of Tal Rifaat.", "Syrian National Army", 2),
    ("Daesh militants shelled the village of Hajin.", "Islamic State (Syria)", 2),
    ("Turkish forces shelled the village of Jandaris.", "Military Forces of Turkey (2016-)", 8),
]


@pytest.mark.parametrize("text,name,inter", ALIASES)
def test_aliases_and_adjectives_name_the_actor(extractor, text, name, inter):
    mention = extractor.extract(document(text))[0]
    assert (mention.actor1, mention.inter1) == (name, inter)


@pytest.mark.parametrize(
    "text,country,name",
    [
        ("Ansar Allah fighters fired artillery shells at Hays.", "YE", "Houthis (Ansar Allah)"),
        ("Saudi-led coalition airstrikes hit a market in Saada.", "YE", "Operation Restoring Hope"),
        ("Coalition jets bombed a depot in Hodeidah.", "YE", "Operation Restoring Hope"),
        ("Coalition jets bombed a depot near Hajin.", "SY", "Global Coalition Against Daesh"),
        ("PMF fighters clashed with Islamic State militants near Baiji.", "IQ", "Military Forces of Iraq (2014-)"),
        ("RSF fighters shelled the market of Omdurman.", "SD", "RSF: Rapid Support Forces"),
        ("The SAF shelled the market of Omdurman.", "SD", "Military Forces of Sudan (2019-)"),
        ("LNA warplanes bombed the outskirts of Tripoli.", "LY", "LNA: Libyan National Army"),
    ],
)
def test_actors_depend_on_the_country_of_the_event(extractor, text, country, name):
    mention = extractor.extract(document(text, country=country))[0]
    assert mention.actor1 == name


def test_victims_and_target(extractor):
    mention = extractor.extract(document("Regime forces shelled the village of Hish, killing four civilians."))[0]
    assert mention.actor1 == "Military Forces of Syria (2000-)"
    assert (mention.actor2, mention.inter2) == ("Civilians (Syria)", 7)


def test_clash_between_two_sides(extractor):
    mention = extractor.extract(document("Clashes broke out between the SDF and IS fighters near Hajin."))[0]
    assert (mention.actor1, mention.actor2) == ("QSD: Syrian Democratic Forces", "Islamic State (Syria)")


def test_passive_agent_is_actor1(extractor):
    mention = extractor.extract(document("Two villagers were shot dead by unidentified gunmen in Sarmin."))[0]
    assert mention.actor1 == "Unidentified Armed Group (Syria)"
    assert mention.actor2 == "Civilians (Syria)"
    assert mention.sub_event_type == "Attack"


def test_associated_actor(extractor):
    mention = extractor.extract(document("Turkish forces and Turkish-backed rebels shelled YPG positions in Jandaris."))[0]
    assert mention.actor1 == "Military Forces of Turkey (2016-)"
    assert mention.assoc_actor_1 == "Syrian National Army"
    assert mention.actor2 == "YPG: People's Protection Units"


def test_unattributed_shells_are_an_unidentified_armed_group(extractor):
    mention = extractor.extract(document("Several shells fell on the Shaghour neighbourhood of Damascus."))[0]
    assert mention.actor1 == "Unidentified Armed Group (Syria)"


def test_protesters_are_named_after_the_country(extractor):
    mention = extractor.extract(document("Workers gathered outside the governorate building in Ahvaz to protest unpaid wages.", country="IR"))[0]
    assert (mention.actor1, mention.inter1) == ("Protesters (Iran)", 6)


def test_families_of_acled_style_names(extractor):
    families = extractor.actors.families_of_name
    assert families("Military Forces of Syria (2000-) Syrian Arab Air Force") == ("state:SY",)
    assert families("HTS: Hayat Tahrir al-Sham") == ("islamist",)
    assert families("Islamic State (Iraq)") == ("IS",)
    assert families("Civilians (Yemen)") == ("civilians",)
    assert set(families("Allied Syrian and/or Russian Forces")) == {"state:SY", "state:RU"}
