"""Deaths only: never injuries, never counts of weapons, raids or troops, never currency rates."""

from __future__ import annotations

import pytest

from tests.extract.helpers import document, only


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Regime forces shelled the village of Hish, killing 4 civilians.", 4),
        ("At least 17 soldiers were killed when rebels attacked a checkpoint near Morek.", 17),
        ("Warplanes bombed the town of Ariha, killing dozens of people.", 12),
        ("Hundreds of people were killed when warplanes bombed the town of Ariha.", 100),
        ("Warplanes bombed the town of Ariha, killing three and wounding twelve.", 3),
        ("Warplanes bombed the town of Ariha, killing 4 civilians and 2 fighters.", 6),
        ("Several shells fell on the town of Ariha, injuring 9 people.", None),
        ("Warplanes carried out 12 raids on the town of Ariha.", None),
        ("Regime forces fired 40 rockets at the town of Ariha as 300 troops massed nearby.", None),
        ("Shells fell on the town of Ariha. No casualties were reported.", 0),
        ("Warplanes bombed the town of Ariha, killing 11 people, including 3 children.", 11),
    ],
)
def test_fatalities(extractor, text, expected):
    assert only(extractor.extract(document(text))).fatalities == expected


def test_a_currency_rate_in_a_dateline_is_no_fatality(extractor):
    text = "Damascus, 1 USD = 2,500 SYP. Regime forces shelled the village of Hish."
    assert only(extractor.extract(document(text))).fatalities is None


def test_casualties_in_the_next_sentence_complete_the_event(extractor):
    text = "Russian warplanes bombed the village of Hbit on Tuesday. Three civilians were killed."
    mention = only(extractor.extract(document(text)))
    assert mention.fatalities == 3
    assert len(mention.evidence) == 2


def test_a_total_over_several_places_is_split_as_acled_does(extractor):
    text = "Regime shelling hit Kafr Zita, al-Lataminah and Morek, killing 7 civilians."
    assert [m.fatalities for m in extractor.extract(document(text))] == [3, 2, 2]


@pytest.mark.parametrize(
    "text,expected",
    [
        # ACLED's vague counts
        ("Rebel shelling on the town of Kafr Nabl killed several soldiers.", 10),
        ("Warplanes struck the town of Kafr Nabl, killing many people.", 10),
        ("Shells hit the town of Kafr Nabl, killing a number of civilians.", 10),
        ("An unspecified number of soldiers were killed when rebels attacked a checkpoint near Kafr Nabl.", 10),
        ("Warplanes struck the town of Kafr Nabl, killing a dozen people.", 12),
        ("Warplanes struck the town of Kafr Nabl, killing two dozen people.", 24),
        ('Houthi forces claim to have killed "dozens" of soldiers near the town of Haradh.', 12),
        ("Rebels shelled army positions near the town of Kafr Nabl, causing deaths and injuries.", 10),
        ("Clashes broke out between the rebels and the army in the town of Kafr Nabl, with casualties on both sides.", 10),
        # figures that mix the dead and the wounded: half, as ACLED codes them
        ("Houthi forces say they killed and wounded dozens of soldiers in the town of Haradh.", 6),
        ('Houthi forces shelled army positions near Haradh, "killing and injuring" 20 soldiers.', 10),
        # picking the number of the dead
        ("Regime forces shelled the village of Tal Mardikh, killing four civilians and wounding another 2.", 4),
        ("Warplanes struck the town of Sarmin, which led to the killing of 1 civilian.", 1),
        ("Unknown gunmen killed a senior officer in the town of Sarmin.", 1),
        ("Gunmen assassinated a tribal chief in the town of Sarmin.", 1),
        ("A soldier was shot dead in the town of Sarmin.", 1),
        ("Rebels found the bodies of 13 soldiers near the town of Sarmin.", 13),
        ("An airstrike hit a house in the town of Sarmin, killing the owner.", 1),
        ("Rebels destroyed an army vehicle near the town of Sarmin, killing its crew.", 10),
        ("A local militia leader was killed together with 3 others when a shell struck his car in Sarmin.", 4),
        ("A man and a woman were killed when shells hit the town of Sarmin.", 2),
        ("Regime forces shelled the town of Sarmin, killing a girl and a woman.", 2),
        ("Warplanes bombed a house in the town of Sarmin, killing a family of five.", 5),
        ("Nine villagers, among them four women, were killed by an air strike on the town of Sarmin.", 9),
        ("Two days of fighting near Sarmin left 15 soldiers and 6 rebels dead.", 21),
        ("Militants stoned a woman to death in the town of Sarmin.", 1),
        ("A local teacher was found dead near the town of Sarmin.", 1),
        ("Regime shelling on the town of Sarmin continued, bringing fatalities to 17.", 17),
        # a date after a count is no count
        ("Gendarmes killed 2 militants in a gunfight near the town of Silvan on Friday, 16 March 2018.", 2),
    ],
)
def test_fatality_conventions(extractor, text, expected):
    assert only(extractor.extract(document(text))).fatalities == expected


def test_a_cumulative_toll_update_and_more_bodies(extractor):
    text = ("Warplanes struck the market of Sarmin, killing 9 people. The death toll was later raised to 11. "
            "Rescuers said 3 more bodies were pulled from the rubble.")
    mention = only(extractor.extract(document(text)))
    assert mention.fatalities == 14
    assert len(mention.evidence) == 3


def test_a_further_strike_on_the_same_place_adds_its_dead(extractor):
    text = ("Regime forces shelled the town of Saqba, killing two civilians. "
            "An air raid on the town the same day killed a third.")
    mentions = extractor.extract(document(text))
    assert [(m.location_text, m.fatalities) for m in mentions] == [("Saqba", 3)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Warplanes struck Binnish, Taftanaz and Sarmin, killing 4 civilians.", [2, 1, 1]),
        ("Dozens of fighters were killed in clashes in the Marat and Harib districts.", [6, 6]),
    ],
)
def test_one_figure_over_several_places_is_split(extractor, text, expected):
    assert [m.fatalities for m in extractor.extract(document(text, country="YE" if "Harib" in text else "SY"))] == expected
