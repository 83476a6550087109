"""The sentence's own event against what it tells in passing: an earlier killing behind an arrest or a protest,
a named or a pronoun victim, a fight that also made arrests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.helpers import document, only


def types(mentions) -> list[tuple[str, str]]:
    return [(m.event_type, m.sub_event_type) for m in mentions]


@pytest.mark.parametrize("text,country", [
    ("Gunmen killed Karim al-Harbi, a tribal sheikh, in Kirkuk on Tuesday.", "IQ"),
    ("Unknown gunmen shot dead Saleh Nasser, a local council member, near Tuz Khurmatu.", "IQ"),
    ("Masked gunmen on a motorcycle killed Yousef Haddad, a pharmacist, in the town of Tafas.", "SY"),
])
def test_a_named_victim_makes_an_attack_with_one_dead(extractor, text, country):
    mention = only(extractor.extract(document(text, country=country)))
    assert (mention.event_type, mention.sub_event_type) == ("Violence against civilians", "Attack")
    assert mention.fatalities == 1
    assert mention.actor1.startswith("Unidentified Armed Group")


def test_an_armed_group_after_the_verb_is_no_named_victim(extractor):
    text = "Turkish forces killed Hayat Tahrir al-Sham fighters near the village of Hish."
    mention = only(extractor.extract(document(text)))
    assert (mention.event_type, mention.sub_event_type) == ("Battles", "Armed clash")


def test_an_arrest_a_day_after_a_killing_is_an_arrest(extractor):
    text = "Police arrested four men in Basra on Tuesday, a day after two shopkeepers were killed in the city's main market."
    mention = only(extractor.extract(document(text, country="IQ")))
    assert (mention.event_type, mention.sub_event_type) == ("Strategic developments", "Arrests")
    assert mention.actor1 == "Police Forces of Iraq (2014-)"
    assert not mention.fatalities
    assert mention.location_text == "Basra"
    assert mention.event_date == date(2018, 2, 6)


def test_a_dated_earlier_killing_is_its_own_event_with_its_own_date(extractor):
    text = ("Police arrested four men in Basra on Tuesday, a day after two shopkeepers were shot dead in the city's "
            "main market on Monday.")
    mentions = extractor.extract(document(text, country="IQ"))
    by_type = {m.sub_event_type: m for m in mentions}
    assert set(by_type) == {"Arrests", "Attack"}
    assert by_type["Arrests"].event_date == date(2018, 2, 6) and not by_type["Arrests"].fatalities
    attack = by_type["Attack"]
    assert (attack.event_date, attack.fatalities) == (date(2018, 2, 5), 2)
    assert attack.actor1 == "Unidentified Armed Group (Iraq)"  # not the police who made the arrests
    assert attack.location_text == "Basra"  # "the city"


def test_a_sentence_that_only_ties_two_events_keeps_the_one_it_tells(extractor):
    text = "The advance came two days after an air strike on a military academy in Misrata killed 30 cadets on Saturday."
    mention = only(extractor.extract(document(text, published=date(2020, 1, 6), country="LY")))
    assert mention.sub_event_type == "Air/drone strike"
    assert mention.fatalities == 30


def test_a_death_days_after_a_shooting_is_still_the_shooting(extractor):
    text = "A civilian died in Nawa on Thursday, two days after he was shot by unknown gunmen."
    mention = only(extractor.extract(document(text, country="SY")))
    assert mention.sub_event_type == "Attack"
    assert mention.fatalities == 1


@pytest.mark.parametrize("text", [
    "Iraqi forces killed eleven militants and arrested six others during a raid near Hawija.",
    "Security forces killed eleven gunmen and detained six others in a sweep of villages near Tarmiyah.",
])
def test_a_killing_dominates_the_arrests_made_with_it(extractor, text):
    mention = only(extractor.extract(document(text, country="IQ")))
    assert (mention.event_type, mention.sub_event_type) == ("Battles", "Armed clash")
    assert mention.fatalities == 11


def test_a_raid_that_only_arrests_stays_arrests(extractor):
    text = "Iraqi forces arrested six suspected militants during a raid near Hawija."
    assert types(extractor.extract(document(text, country="IQ"))) == [("Strategic developments", "Arrests")]


@pytest.mark.parametrize("text", [
    "Residents held a protest in Jasim on Tuesday, a week after the killing of two teachers by unknown gunmen.",
    "Hundreds of students protested in Sulaymaniyah over the killing of two teachers by gunmen.",
    "Dozens of people demonstrated in Nasiriyah on Friday, two days after two teachers were shot dead.",
])
def test_a_protest_over_a_killing_is_a_peaceful_protest(extractor, text):
    mention = only(extractor.extract(document(text, country="IQ" if "Jasim" not in text else "SY")))
    assert (mention.event_type, mention.sub_event_type) == ("Protests", "Peaceful protest")
    assert not mention.fatalities
    assert mention.actor1.startswith("Protesters")


def test_force_against_the_protest_itself_is_still_excessive_force(extractor):
    text = "Security forces opened fire on protesters in Nasiriyah, killing two, a week after the killing of a teacher."
    mention = only(extractor.extract(document(text, country="IQ")))
    assert mention.sub_event_type == "Excessive force against protesters"


@pytest.mark.parametrize("text,dead", [
    ("Gunmen stormed the house of two brothers in the village of Tafas and killed them.", 2),
    ("Militants seized three shepherds near the village of Hish and later executed them.", 3),
    ("Gunmen stormed a house in Tafas, seized two brothers and a cousin and killed them both.", 2),
])
def test_a_plural_pronoun_victim_counts_the_group_named_before(extractor, text, dead):
    mention = extractor.extract(document(text))[0]
    assert mention.fatalities == dead


def test_a_plural_pronoun_never_counts_things(extractor):
    text = "Gunmen stopped two cars at a checkpoint near Tafas and killed them."
    mentions = extractor.extract(document(text))
    assert all(m.fatalities in (None, 0, 10) for m in mentions)
