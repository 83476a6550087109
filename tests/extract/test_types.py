"""Event types and sub-types, from the codebook's trigger vocabulary and its ordered rules."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.helpers import document

CASES = [
    ("Russian warplanes carried out several airstrikes on the town of Saraqib.", "Explosions/Remote violence", "Air/drone strike"),
    ("Government artillery shelled the village of Hish in southern Idlib.", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("A roadside bomb exploded as an army patrol passed near Tikrit.", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("A suicide bomber blew himself up at a checkpoint in Azaz.", "Explosions/Remote violence", "Suicide bomb"),
    ("Doctors treated dozens of residents after a chlorine gas attack on Douma.", "Explosions/Remote violence", "Chemical weapon"),
    ("An attacker threw a hand grenade into a cafe in Kirkuk.", "Explosions/Remote violence", "Grenade"),
    ("Fierce clashes broke out between regime forces and rebel fighters near Kafr Nabudah.", "Battles", "Armed clash"),
    ("The Syrian army recaptured the village of Abu Dali from the rebels.", "Battles", "Government regains territory"),
    ("Rebel factions seized the hilltop of Tal Sukayk from government troops.", "Battles", "Non-state actor overtakes territory"),
    ("Unidentified gunmen shot dead a teacher in front of his house in Daraa.", "Violence against civilians", "Attack"),
    ("Gunmen kidnapped two aid workers on the road to Marib.", "Violence against civilians", "Abduction/forced disappearance"),
    ("Hundreds of workers rallied outside the governorate building in Ahvaz to demand unpaid wages.", "Protests", "Peaceful protest"),
    ("Police fired tear gas to disperse a demonstration in Manama.", "Protests", "Protest with intervention"),
    ("Security forces opened fire on protesters in Basra, killing three.", "Protests", "Excessive force against protesters"),
    ("Rioters threw stones at police and set tyres on fire in Kerman.", "Riots", "Violent demonstration"),
    ("Police arrested six men suspected of planning attacks in Mosul.", "Strategic developments", "Arrests"),
    ("Army engineers defused an improvised explosive device planted on the road to Baiji.", "Strategic developments", "Disrupted weapons use"),
    ("Turkish forces set up a new observation post near the village of Surman.", "Strategic developments", "Headquarters or base established"),
    ("Government forces entered the town of Dumayr without a fight after the rebels withdrew.", "Strategic developments", "Non-violent transfer of territory"),
    ("The foreign ministers of Russia and Turkey met in Ankara to discuss Idlib.", "Diplomacy", "Meeting"),
    ("The militia leader threatened to retaliate against Israel.", "Diplomacy", "Threat"),
]


@pytest.mark.parametrize("text,event_type,sub_type", CASES)
def test_type_and_sub_type(extractor, text, event_type, sub_type):
    mention = extractor.extract(document(text))[0]
    assert (mention.event_type, mention.sub_event_type) == (event_type, sub_type)


def test_sentences_without_an_event_give_nothing(extractor):
    text = "The weather in Aleppo was mild. Prices of bread rose by ten percent, traders said."
    assert extractor.extract(document(text)) == []


def test_a_fire_or_a_flood_is_no_conflict_event(extractor):
    text = "Heavy floods killed 12 people in the province. A fire at a textile factory killed three workers."
    assert extractor.extract(document(text)) == []


def test_every_sub_type_of_the_codebook_has_examples_and_a_rule(extractor):
    codebook = extractor.codebook
    ruled = {rule.sub_event_type for rule in codebook.rules}
    for name, sub in codebook.sub_types.items():
        assert sub.examples, name
        assert name in ruled, name


def test_codebook_examples_are_typed_as_their_own_sub_type(extractor):
    wrong = []
    for name, sub in extractor.codebook.sub_types.items():
        for example in sub.examples:
            mentions = extractor.extract(document(example, country=None))
            if not mentions or mentions[0].sub_event_type != name:
                wrong.append((name, example, mentions[0].sub_event_type if mentions else None))
    assert len(wrong) <= 3, wrong


NEW_CASES = [
    # forms that used to give no event at all
    ("Regime forces opened heavy machine gun fire on the village of Kafr Zita.", "Battles", "Armed clash"),
    ("Regime forces targeted the village of Kafr Zita with machinegun fire.", "Battles", "Armed clash"),
    ("Houthi forces carried out a military operation on army positions near the town of Harib.", "Battles", "Armed clash"),
    ("Rebels destroyed an army tank near the town of Kafr Zita.", "Battles", "Armed clash"),
    ("Regime forces targeted the village of Kafr Zita by unknown means.", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("A mine detonated under a car on the road to Tikrit.", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ('Houthi forces claim to have "bombed" an army vehicle near the town of Harib.', "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("An air raid was launched on the Al Malahit area.", "Explosions/Remote violence", "Air/drone strike"),
    ("Regime forces managed to establish control over the village of Tal Khaznah.", "Battles", "Government regains territory"),
    ("A local council member was assassinated by unknown gunmen in the town of Tafas.", "Violence against civilians", "Attack"),
    ("Gunmen opened fire on a wedding party in the city of Kirkuk, killing two guests.", "Violence against civilians", "Attack"),
    ("A Palestinian teenager was beaten by a group of settlers near the village of Burin.", "Riots", "Mob violence"),
    ("Workers gathered outside the ministry in Tehran, demanding unpaid wages.", "Protests", "Peaceful protest"),
    ("Angry residents set tires on fire across the highway near Zinjibar.", "Riots", "Violent demonstration"),
    ("Truck drivers blocked highways around the capital to protest the fuel price rise.", "Riots", "Violent demonstration"),
    ("Riot police violently dispersed a peaceful sit-in of nurses in front of the health ministry in Sulaymaniyah.", "Protests", "Excessive force against protesters"),
    ("Police prevented the gathering of retired teachers in front of the governorate in Ahvaz.", "Protests", "Protest with intervention"),
    # ordered rules: what a coder puts first
    ("An attacker threw a grenade at soldiers during clashes in the town of Bijbehara.", "Explosions/Remote violence", "Grenade"),
    ("Army and rebel commanders agreed to a truce on Sunday after a week of heavy fighting around the town of Kidal.", "Strategic developments", "Agreement"),
    ("Forty insurgents surrendered to the army near the town of Baidoa.", "Strategic developments", "Agreement"),
    ("The militia freed nine captured soldiers in exchange for twelve of its fighters held in Marib prison.", "Strategic developments", "Agreement"),
    ("Police arrested six men during overnight raids in the town of Silopi.", "Strategic developments", "Arrests"),
    ("Troops withdrew from a base south of the town of Kobani.", "Strategic developments", "Change to group/activity"),
    ("The army is moving troops and tanks towards the border near Al Qaim.", "Strategic developments", "Change to group/activity"),
    ("Army sappers destroyed landmines and explosive devices found during a search of farmland near Tal Afar.", "Strategic developments", "Disrupted weapons use"),
    ("Russian military police established a checkpoint on the edge of Tal Rifaat under the new agreement.", "Strategic developments", "Headquarters or base established"),
    ("Thousands of families fled the villages around Kafr Nabl as the fighting came closer.", "Strategic developments", "Other"),
    ("The European Union slapped fresh sanctions on three generals over the missile strikes.", "Diplomacy", "Statement"),
    ("Baghdad ordered out the ambassador and severed relations with its neighbour.", "Diplomacy", "Statement"),
    ("Attack helicopters flew combat sorties above militant hideouts near Hawija.", "Explosions/Remote violence", "Air/drone strike"),
    ("Rebels attacked army positions in a failed attempt to capture the town of Suran.", "Battles", "Armed clash"),
]


@pytest.mark.parametrize("text,event_type,sub_type", NEW_CASES)
def test_new_rules(extractor, text, event_type, sub_type):
    mention = extractor.extract(document(text, country=None))[0]
    assert (mention.event_type, mention.sub_event_type) == (event_type, sub_type)


@pytest.mark.parametrize(
    "text",
    [
        "A blaze at a paint warehouse killed nine workers on the outskirts of the city.",
        "Eight passengers died when a small aircraft crashed into a hillside.",
        "Floods killed 20 people and displaced thousands in the eastern districts.",
        "Customs officers detained a trader caught with forged banknotes and counterfeit passports at the airport.",
        "A jihadist group took responsibility for the roadside blast that hit a police van last week.",
        "Six workers were killed when a gas cylinder exploded in a restaurant kitchen.",
    ],
)
def test_accidents_disasters_crime_and_claims_are_no_events(extractor, text):
    assert extractor.extract(document(text, country=None)) == []


def test_a_protest_about_an_accident_is_still_a_protest(extractor):
    mention = extractor.extract(document("Villagers marched in Sylhet to demand justice for a boy killed in a traffic accident.", country="BD"))[0]
    assert mention.sub_event_type == "Peaceful protest"


def test_a_rally_against_riots_is_a_peaceful_protest(extractor):
    text = "Thousands rallied in Mashhad to condemn the recent riots and to support the government."
    mention = extractor.extract(document(text, country="IR"))[0]
    assert (mention.sub_event_type, mention.actor1) == ("Peaceful protest", "Protesters (Iran)")


def test_an_agreement_named_with_its_own_date_is_a_background_event(extractor):
    text = ("Government forces set up three checkpoints in the town of Tafas on Wednesday. "
            "The settlement of July 2018 had let former rebels keep their light weapons.")
    agreement = [m for m in extractor.extract(document(text)) if m.sub_event_type == "Agreement"]
    assert [(m.event_date, m.date_precision) for m in agreement] == [(date(2018, 7, 1), "month")]
