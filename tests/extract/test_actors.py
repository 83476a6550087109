"""Actors ACLED style: aliases, acronyms, nationality adjectives, civilians, unidentified groups."""

from __future__ import annotations

import pytest

from tests.extract.helpers import document, only

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
    ("QSD fighters shelled the village of Hajin.", "Syrian Democratic Forces", 2),
    ("YPG fighters shelled the village of Jandaris.", "People's Protection Units (YPG)", 2),
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
        ("Ansar Allah fighters fired artillery shells at Hays.", "YE", "Ansar Allah"),
        ("Saudi-led coalition airstrikes hit a market in Saada.", "YE", "Operation Restoring Hope"),
        ("Coalition jets bombed a depot in Hodeidah.", "YE", "Operation Restoring Hope"),
        ("Coalition jets bombed a depot near Hajin.", "SY", "Global Coalition Against Daesh"),
        ("PMF fighters clashed with Islamic State militants near Baiji.", "IQ", "Military Forces of Iraq (2014-)"),
        ("RSF fighters shelled the market of Omdurman.", "SD", "Rapid Support Forces"),
        ("The SAF shelled the market of Omdurman.", "SD", "Military Forces of Sudan (2019-)"),
        ("LNA warplanes bombed the outskirts of Tripoli.", "LY", "Libyan National Army"),
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
    assert (mention.actor1, mention.actor2) == ("Syrian Democratic Forces", "Islamic State (Syria)")


def test_passive_agent_is_actor1(extractor):
    mention = extractor.extract(document("Two villagers were shot dead by unidentified gunmen in Sarmin."))[0]
    assert mention.actor1 == "Unidentified Armed Group (Syria)"
    assert mention.actor2 == "Civilians (Syria)"
    assert mention.sub_event_type == "Attack"


def test_associated_actor(extractor):
    mention = extractor.extract(document("Turkish forces and Turkish-backed rebels shelled YPG positions in Jandaris."))[0]
    assert mention.actor1 == "Military Forces of Turkey (2016-)"
    assert mention.assoc_actor_1 == "Syrian National Army"
    assert mention.actor2 == "People's Protection Units (YPG)"


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


@pytest.mark.parametrize(
    "text,country,name",
    [
        ("Pro-Houthi forces shelled army positions in the town of Harib.", "YE", "Ansar Allah"),
        ("Ansar Allah fighters shelled army positions in the town of Harib.", "YE", "Ansar Allah"),
        ("Yemeni snipers supporting the al-Houthi movement shot dead a soldier in the town of Harib.", "YE", "Ansar Allah"),
        ("Pro-Hadi forces shelled Houthi positions in the town of Harib.", "YE", "Military Forces of Yemen (2012-)"),
        ("The Security Belt forces clashed with gunmen in the town of Zinjibar.", "YE", "Military Forces of Yemen (2012-)"),
        ("Unknown armed individuals gunned down a traffic officer in the town of Harib.", "YE", "Unidentified Armed Group (Yemen)"),
        ("Unidentified gunmen shot dead a shopkeeper in the town of Harib.", "YE", "Unidentified Armed Group (Yemen)"),
        # an air strike nobody claims in Yemen is the Saudi-led coalition's (ACLED's convention)
        ("Air strikes hit a farm in the Baqim district.", "YE", "Operation Restoring Hope"),
        ("Air strikes hit a farm near the town of Saraqib.", "SY", "Unidentified Military Forces (Syria)"),
        ("PYD/PKK militants launched two mortar rounds at a border post in Hatay.", "TR", "PKK: Kurdistan Workers Party"),
    ],
)
def test_yemen_families_and_unnamed_authors(extractor, text, country, name):
    assert extractor.extract(document(text, country=country))[0].actor1 == name


def test_passive_voice_the_one_who_fired_is_actor1(extractor):
    text = "An army vehicle was hit by a rocket fired by Houthi forces near the town of Harib."
    mention = extractor.extract(document(text, country="YE"))[0]
    assert mention.actor1 == "Ansar Allah"


def test_the_subject_of_a_passive_verb_is_the_target(extractor):
    mention = extractor.extract(document("Three Iraqi soldiers were shot dead near the town of Baiji.", country="IQ"))[0]
    assert (mention.actor1, mention.actor2) == ("Unidentified Armed Group (Iraq)", "Military Forces of Iraq (2014-)")


def test_backed_by_names_an_associate_not_the_agent(extractor):
    mention = extractor.extract(document("The SDF, backed by coalition warplanes, clashed with IS fighters near Hajin."))[0]
    assert mention.actor1 == "Syrian Democratic Forces"


def test_settlers_are_their_own_actor(extractor):
    attack = extractor.extract(document("Israeli settlers shot dead a Palestinian farmer near the village of Burin.", country="PS"))[0]
    assert (attack.sub_event_type, attack.actor1, attack.inter1) == ("Attack", "Settlers (Israel)", 4)
    # a settler mob: rioters, with the settlers as associated actor (ACLED's coding of mob violence)
    mob = extractor.extract(document("A group of Israeli settlers attacked Palestinian farmers near the village of Burin.", country="PS"))[0]
    assert (mob.sub_event_type, mob.actor1, mob.assoc_actor_1) == ("Mob violence", "Rioters (Palestine)", "Settlers (Israel)")


def test_rioters_and_protesters_are_actor1(extractor):
    riot = extractor.extract(document("Rioters threw stones at police and burned tyres in the town of Sitra.", country="BH"))[0]
    protest = extractor.extract(document("Hundreds of workers rallied outside the ministry in Amman.", country="JO"))[0]
    assert (riot.actor1, protest.actor1) == ("Rioters (Bahrain)", "Protesters (Jordan)")


def test_a_sentence_without_an_actor_keeps_the_previous_events_actors(extractor):
    text = "Turkish artillery shelled YPG positions in the town of Tal Rifaat. Shelling on Ahras damaged two houses."
    mentions = extractor.extract(document(text))
    assert [(m.location_text, m.actor1) for m in mentions] == [
        ("Tal Rifaat", "Military Forces of Turkey (2016-)"), ("Ahras", "Military Forces of Turkey (2016-)")]


def test_an_attack_nobody_claims_on_saudi_forces_is_the_houthis(extractor):
    mention = extractor.extract(document("Two Saudi soldiers were shot dead at a border post near Al Khubah.", country="SA"))[0]
    assert mention.actor1 == "Ansar Allah"


def test_an_offensive_by_x_is_no_passive_agent(extractor):
    text = "Houthi fighters repelled an advance by pro-Hadi forces on the hills east of Harib."
    assert extractor.extract(document(text, country="YE"))[0].actor1 == "Ansar Allah"


def test_families_of_acled_names_read_through_aliases(extractor):
    families = extractor.actors.families_of_name
    assert families("Jaysh al-Islam") == ("rebels",)
    assert families("Sham Legion") == ("rebels",)
    assert families("AAS: Ahrar al-Sham") == ("islamist",)


def test_families_of_multi_word_country_names(extractor):
    families = extractor.actors.families_of_name
    assert families("Military Forces of Saudi Arabia (2015-)") == ("state:SA",)
    assert families("Military Forces of the United Arab Emirates (2004-)") == ("state:AE",)
    assert families("Military Forces of United States") == ("state:US",)
    # the Saudi-led coalition and the Saudi state share a family; the Houthis' ACLED names are one family
    assert "state:SA" in families("Operation Restoring Hope")
    assert families("Military Forces of Yemen (2016-) Supreme Political Council") == ("houthi",)


def test_a_later_sentence_names_the_author_of_the_same_event(extractor):
    text = "A chemical attack on the town of Sheikh Maskin killed 12 people. Regime jets struck the town at dawn, medics said."
    mention = only(extractor.extract(document(text)))
    assert (mention.sub_event_type, mention.actor1, mention.fatalities) == ("Chemical weapon", "Military Forces of Syria (2000-)", 12)


def test_those_who_died_are_the_target(extractor):
    mention = extractor.extract(document("Five soldiers died when American missiles hit the Shayrat airbase."))[0]
    assert (mention.actor1, mention.actor2) == ("Military Forces of the United States (2017-)", "Military Forces of Syria (2000-)")


def test_a_name_of_one_country_needs_no_country_hint(extractor):
    # no country known (no hint, no place the gazetteer knows): "Syrian opposition fighters" still names Syria's rebels
    text = "Syrian opposition fighters retook a strategic hilltop from government forces on Thursday, activists said."
    mention = only(extractor.extract(document(text, country=None)))
    assert mention.actor1 == "Opposition Rebels (Syria)"
    assert mention.sub_event_type == "Non-state actor overtakes territory"
