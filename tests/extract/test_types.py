"""Event types and sub-types, from the codebook's trigger vocabulary and its ordered rules."""

from __future__ import annotations

import pytest

from tests.extract.helpers import document, only

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
