"""Forms that used to give no event (advances, closures, movements of forces, found bodies, vandalism), glued
words, and the ways of telling the dead that were missed or over-counted. All sentences are my own."""

from __future__ import annotations

import pytest

from sitrep.extract.allocation import read_allocation
from sitrep.extract.attackers import suicide_attackers
from tests.extract.helpers import document, only

NEW_EVENTS = [
    ("Government troops advanced on the village of Tal Hamkah in southern Idlib.", "Battles", "Armed clash"),
    ("Rebel fighters tried to enter the town of Kafr Nabudah from the north.", "Battles", "Armed clash"),
    ("An army patrol came under fire near the town of Arsal.", "Battles", "Armed clash"),
    ("Unknown gunmen shot a local commander in the town of Tafas.", "Battles", "Armed clash"),
    ("Two army soldiers were reportedly shot dead near the town of Harib.", "Battles", "Armed clash"),
    ("Rebels damaged an army armoured vehicle near the town of Kafr Zita.", "Battles", "Armed clash"),
    ("A military bulldozer was destroyed by rebels near the village of Tal Sukayk.", "Battles", "Armed clash"),
    ("The YPG announced the death of four of its fighters near the town of Jandairis.", "Battles", "Armed clash"),
    ("Turkish troops destroyed a YPG watchtower on the hills above Raju.", "Battles", "Armed clash"),
    ("Turkish artillery targeted (the report did not say with what) the town of Jandairis.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Coalition jets destroyed a Houthi command and control centre in the district of Hays.",
     "Explosions/Remote violence", "Air/drone strike"),
    ("Israeli forces closed the main entrance of the village of Beita south of Nablus.", "Strategic developments", "Other"),
    ("The body of a young shepherd was found near the village of Tal Abyad.", "Strategic developments", "Other"),
    ("A convoy of government reinforcements arrived in the town of Khan Shaykhun from Hama.",
     "Strategic developments", "Change to group/activity"),
    ("Five rebel factions announced the creation of a new operations room in the Latakia mountains.",
     "Strategic developments", "Change to group/activity"),
    ("Rebel fighters abandoned their positions in the village of Tal Khaznah.", "Strategic developments", "Change to group/activity"),
    ("Israeli bulldozers levelled a two-storey building in the village of Al-Walaja.",
     "Strategic developments", "Looting/property destruction"),
    ("Settlers took over 40 dunums of farmland near the village of Burin.", "Strategic developments", "Looting/property destruction"),
    ("Settlers spray-painted hostile slogans on a mosque in the village of Aqraba.", "Riots", "Mob violence"),
    ("Dozens of teachers held a sit in outside the education directorate in Sulaymaniyah.", "Protests", "Peaceful protest"),
    ("Students burned effigies of the minister in the main square of Tyre.", "Protests", "Peaceful protest"),
    ("Residents held aprotestin the village of Kafr Qaddum.", "Protests", "Peaceful protest"),
]


@pytest.mark.parametrize("text,event_type,sub_type", NEW_EVENTS)
def test_events_that_used_to_give_nothing(extractor, text, event_type, sub_type):
    mention = only(extractor.extract(document(text, country=None)))
    assert (mention.event_type, mention.sub_event_type) == (event_type, sub_type)


def test_a_closure_without_a_party_is_no_event(extractor):
    assert extractor.extract(document("The road to Sarmada closed after heavy snow on Monday.")) == []


def test_a_passive_destruction_after_a_strike_is_part_of_the_strike(extractor):
    text = ("Coalition jets struck a police building in the Sheikh Othman district of Aden, killing three guards. "
            "The building was destroyed along with several police cars parked outside.")
    mention = only(extractor.extract(document(text, country="YE")))
    assert (mention.sub_event_type, mention.fatalities) == ("Air/drone strike", 3)


def test_a_casualty_sentence_places_an_event_told_without_a_place(extractor):
    text = "Houthi fighters reportedly shot dead two army soldiers on Monday. The soldiers were reportedly shot in Sirwah."
    mention = only(extractor.extract(document(text, country="YE")))
    assert (mention.location_text, mention.fatalities) == ("Sirwah", 2)


def test_an_outpost_in_the_north_of_a_region_is_one_place(extractor):
    text = "A gunman shot dead a settler near Havat Gilad outpost in the north of the occupied West Bank."
    mention = only(extractor.extract(document(text, country="PS")))
    assert mention.location_text == "Havat Gilad"


@pytest.mark.parametrize(
    "text,expected",
    [
        # "N deaths, M of them ...": the total, not the subset
        ("Clashes near Saraqib left 9 fatalities 6 of them from the rebel side.", 9),
        ("Unknown gunmen shot 3 young men in Idlib city and one of them was killed.", 1),
        ("2, possibly 3, civilians were killed by shelling on Kafr Nabl.", 2),
        ("An air strike on Hays killed 5 girls between the ages of 8 and 14.", 5),
        ("Settlers attacked a shepherd near Burin and killed six of his sheep.", 0),
        ("A roadside bomb near Ramadi left a policeman and an army officer killed.", 2),
        ("Gunmen assassinated a judge in Raqqa, shooting and killing him at his door.", 1),
        ("Rebels shelled Aziziyah, killing a soldier, and fired mortars at Hamdaniyah, killing another soldier.", 2),
        ("An officer of the army was assasinated by gunmen in Daraa city.", 1),
        ("The body of a young man was found on the edge of the village of Nawa.", 1),
        ("A man's body was found near the highway outside Qusayr.", 1),
        ("Gunmen tried to kill a police officer in Kirkuk but were arrested.", 0),
    ],
)
def test_ways_of_telling_the_dead(extractor, text, expected):
    country = "IQ" if any(w in text for w in ("Ramadi", "Kirkuk")) else "YE" if "Hays" in text else "SY"
    assert sum(m.fatalities or 0 for m in extractor.extract(document(text, country=country))) == expected


def test_a_month_day_is_no_count(extractor):
    text = 'On Feb 19, Turkish troops "neutralised" (killed or captured) one PKK militant in the Zap region.'
    assert all((m.fatalities or 0) <= 1 for m in extractor.extract(document(text, country="IQ")))


def test_a_speaker_is_not_counted_as_the_dead(extractor):
    text = "A spokesman for the brigade said that 25 Houthi fighters had been killed in the battle for Hays."
    assert only(extractor.extract(document(text, country="YE"))).fatalities == 25


def test_remains_in_a_mass_grave_are_dead_of_an_earlier_killing(extractor):
    text = "Police found a mass grave near Sinjar holding the remains of 40 villagers killed by Islamic State militants."
    assert all(not m.fatalities for m in extractor.extract(document(text, country="IQ")))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Two suicide bombers blew themselves up at a checkpoint in Kirkuk, killing 12 soldiers.", 2),
        ("A suicide bomber who detonated himself at a market in Tikrit killed four people.", 1),
        ("Twin suicide car bombers struck an army base near Haditha.", 2),
        ("Soldiers shot dead two suicide bombers before they reached the checkpoint in Samarra.", 0),
        ("Police arrested a would-be suicide bomber in Baiji.", 0),
        ("Mortars hit a market in Tikrit, killing four people.", 0),
    ],
)
def test_suicide_attackers_die_in_their_attack(text, expected):
    assert suicide_attackers(text) == expected


def test_the_suicide_attackers_are_among_the_dead(extractor):
    text = "Two suicide bombers blew themselves up at a checkpoint in Kirkuk, killing 12 soldiers."
    assert only(extractor.extract(document(text, country="IQ"))).fatalities == 14


def test_the_suicide_attackers_count_in_a_sentence_ending_with_a_month(extractor):
    text = "Two suicide bombers blew themselves up at a checkpoint in Kirkuk in January."
    assert only(extractor.extract(document(text, country="IQ"))).fatalities == 2


def test_a_bomber_already_counted_is_not_counted_twice(extractor):
    text = "A militant detonated his explosive belt when soldiers surrounded him in Hawija; the blast only killed the bomber."
    assert sum(m.fatalities or 0 for m in extractor.extract(document(text, country="IQ"))) == 1


@pytest.mark.parametrize(
    "sentence,field,value",
    [
        ("Unknown fatalities from the clashes coded to 10, for a total of 12 fatalities.", "grand", 12),
        ("Therefore, total fatalities coded to 15.", "grand", 15),
        ("An additional fatality coded for the suicide attacker.", "extra", 1),
        ("No casualties confirmed, but coding fatalities to one to account for the driver.", "total", 1),
        ("Coded 6 fatalities to this event and 4 to the fighting in Raju.", "here", 6),
        ("Clashes also caused losses on both sides, coded as as 10.", "total", 10),
    ],
)
def test_more_coder_statements(sentence, field, value):
    found = read_allocation(sentence)
    assert found is not None and getattr(found, field) == value


def test_a_grand_total_is_the_figure_of_the_one_place(extractor):
    text = ("Regime forces clashed with rebels in Harasta, killing 2 rebels; losses on the regime side too. "
            "Unknown fatalities from the fighting coded to 10, for a total of 12 fatalities.")
    assert {m.location_text: m.fatalities for m in extractor.extract(document(text))} == {"Harasta": 12}


def test_an_extra_fatality_adds_to_the_one_place(extractor):
    text = ("A car bomb driven by a suicide attacker hit an army post near Tal Afar, killing 3 soldiers. "
            "An additional fatality coded for the suicide attacker.")
    assert {m.location_text: m.fatalities for m in extractor.extract(document(text, country="IQ"))} == {"Tal Afar": 4}


def test_a_total_split_evenly_between_named_places(extractor):
    text = ("Regime forces and IS fighters clashed in Sinjar and Aleppo, killing 12. The 12 fatalities are split "
            "evenly between Aleppo and Sinjar.")
    assert set(m.fatalities for m in extractor.extract(document(text))) == {6}


@pytest.mark.parametrize(
    "text,country,places",
    [
        # a district or city that sets the scene before its comma holds the event's place
        ("In Majaz district of Saada, three civilians were killed when an airstrike hit a car in Raghafa area.", "YE",
         ["Raghafa"]),
        ("In the Red Sea port city of Hodeidah, an air strike hit a fuel station in the district of Jarrahi, killing a guard.",
         "YE", ["Jarrahi"]),
        # a place located from a provincial capital is the one place
        ("Iraqi jets struck hideouts near Himreen lake, some 70 km northeast of the provincial capital Baquba.", "IQ",
         ["Himreen"]),
        ("Heavy clashes broke out at the crossroads of Jabal Rais just north of Hays.", "YE", ["Jabal Rais"]),
        # a hedged container: "X, likely in the Y area" is X
        ("Turkish forces shelled Kadah village, probably in the Raju area, killing a YPG fighter.", "SY", ["Kadah"]),
        # a named aircraft is no place
        ("Russian Su-34 warplanes carried out raids on Duma, killing two civilians.", "SY", ["Duma"]),
    ],
)
def test_places_that_set_the_scene_or_locate_are_no_events(extractor, text, country, places):
    assert [m.location_text for m in extractor.extract(document(text, country=country))] == places
