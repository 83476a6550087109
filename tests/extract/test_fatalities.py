"""Deaths only: never injuries, never counts of weapons, raids or troops, never currency rates."""

from __future__ import annotations

from datetime import date

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


@pytest.mark.parametrize(
    "text,expected",
    [
        # a vague count set in quotes by the reporter
        ('Rebels say "a number" of soldiers were killed in a failed assault on the village of Kafr Aweid.', 10),
        ('Houthi forces shelled army posts near Haradh. According to the group, "several" of the soldiers were wounded or killed.', 10),
        # the people in a vehicle or a post: an unknown number, not one
        ("Rebels blew up an army truck near the town of Kafr Aweid. Those aboard the truck were killed.", 10),
        ("Houthi fighters hit an army vehicle with a guided missile near Haradh. The crew of the vehicle was reportedly killed.", 10),
        ("Rebels ambushed a convoy near the town of Kafr Aweid, killing all who were on board.", 10),
        ("Rebels ambushed a convoy near the town of Kafr Aweid, killing all its crew.", 10),
        ("Warplanes struck three pickups near the town of Kafr Aweid, killing the fighters riding in them.", 10),
        # losses of life without a figure
        ("Houthi forces shelled army posts near Haradh, inflicting heavy losses in life and equipment.", 10),
        # a figure the report states for the whole event
        ("Rebels attacked army positions near the town of Kafr Aweid. The death toll was put at 30.", 30),
        ("Clashes broke out between the army and rebels near Kafr Aweid. Deaths were estimated at 14.", 14),
        ("Clashes broke out between the army and rebels near Kafr Aweid. The number of dead was put at 10.", 10),
        ("Clashes broke out near Kafr Aweid, killing 5 rebels and some soldiers. Fatalities were estimated at 12.", 12),
        ("Warplanes struck the market of Sarmin. Local medics later updated the fatality count to 23 people.", 23),
        # an aside that lists who the dead were
        ("Eleven civilians, including women, children and two rescue workers, were killed in an air strike on Sarmin.", 11),
        ("Eleven civilians, including two rescue workers, were wounded in an air strike on Sarmin.", None),
        # one victim of two verbs
        ("Rebels shot down a jet near Saraqib. The pilot ejected and was captured and killed by the rebels.", 1),
        # a figure word that is not a figure
        ("Warplanes struck the market of Sarmin; medics would not give a fatality count.", None),
    ],
)
def test_counts_without_a_plain_number(extractor, text, expected):
    mentions = extractor.extract(document(text, country="YE" if "Haradh" in text else "SY"))
    assert mentions and mentions[0].fatalities == expected


def test_a_later_sentence_naming_the_same_place_completes_its_event(extractor):
    text = ("Regime forces clashed with rebels in the village of Kafr Aweid on Tuesday. "
            "Clashes in Kafr Aweid, Kansafra and Bara resulted in fatalities on both sides.")
    mentions = extractor.extract(document(text))
    assert [m.location_text for m in mentions] == ["Kafr Aweid", "Kansafra", "Bara"]
    assert mentions[0].fatalities is not None and len(mentions[0].evidence) == 2


def test_two_figures_for_one_place_stay_apart(extractor):
    text = ("An air strike on the market of Sarmin killed 6 people on Tuesday. "
            "Hours later a second air strike hit a school in Sarmin and Binnish, killing 3 children.")
    mentions = [m for m in extractor.extract(document(text)) if m.location_text == "Sarmin"]
    assert sorted(m.fatalities for m in mentions) in ([2, 6], [3, 6])


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Regime forces shelled the town of Duma, killing 2 people. 1 man died the next day of his injuries.", 3),
        ("Warplanes struck the town of Sarmin, killing 4 people. Two of the wounded died later in hospital.", 6),
        ("Warplanes struck the town of Sarmin, wounding 14 people. Two of them later died.", 2),
        ("Warplanes struck the town of Sarmin, killing 4 people. A woman later succumbed to her wounds.", 5),
    ],
)
def test_deaths_of_the_wounded_add_to_the_toll(extractor, text, expected):
    mention = only(extractor.extract(document(text)))
    assert mention.fatalities == expected
    assert mention.event_date == date(2018, 2, 8)  # "the next day" dates the death, not the strike


@pytest.mark.parametrize(
    "text,expected",
    [
        # things destroyed after the dead are no victims
        ("Coalition air strikes killed 21 militants and destroyed 11 vehicles and a camp near the town of Rutba.", 21),
        ("Police ambushed and killed nine militants near the town of Rutba, a car bomb and a motorbike were also destroyed.", 9),
        # two sources' figures for one toll: the lower, not the sum
        ("Air strikes on the town of Saqba killed at least 25 civilians, while conflicting reports said 37 civilians were killed.", 25),
        ("Shelling of the town of Saqba killed 14 people, though other sources said 19 people were killed.", 14),
        # two groups of victims still add up
        ("Shelling of the town of Saqba killed 14 civilians, and 3 rescue workers were killed in a second strike.", 17),
    ],
)
def test_what_is_not_added_to_a_toll(extractor, text, expected):
    assert extractor.extract(document(text, country="IQ" if "Rutba" in text else "SY"))[0].fatalities == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a relative or a child listed without a number is one more victim
        ("Warplanes bombed the town of Binnish, killing a man and his daughter.", 2),
        ("A woman and her two sons were killed when shells hit the town of Binnish.", 3),
        ("A rocket hit a car near the town of Binnish, killing a woman and child.", 2),
        ("Shells hit the town of Binnish, killing a woman, and her son was wounded.", 1),
        # a number of targets, vehicles or houses is no count of dead
        ("Helicopters struck 17 targets near the town of Rutba and 21 militants were killed.", 21),
        # the dead told already, named again
        ("Clashes broke out near the town of Rutba, killing at least 40. Some of those killed were hit by an air strike.", 40),
        ("Rescuers recovered the bodies of two shepherds who had been shot dead by gunmen near the town of Rutba.", 2),
        ("Four militiamen were killed in clashes near Rutba on Sunday. The four were shot by army snipers.", 4),
        # one victim found
        ("Gunmen attacked a police checkpoint near the town of Rutba. A policeman was later found killed nearby.", 1),
    ],
)
def test_who_is_counted(extractor, text, expected):
    mentions = extractor.extract(document(text, country="IQ" if "Rutba" in text else "SY"))
    assert mentions[0].fatalities == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of people protested in the town of Binnish against the killing of two civilians by a drone strike.",
        "Rebels handed over the town of Binnish to government forces on Monday, after the killing of two local mediators.",
    ],
)
def test_events_that_kill_no_one_carry_no_dead(extractor, text):
    mention = only(extractor.extract(document(text)))
    assert mention.event_type in ("Protests", "Strategic developments")
    assert mention.sub_event_type in ("Peaceful protest", "Non-violent transfer of territory")
    assert mention.fatalities is None


def test_who_the_dead_were_adds_no_dead(extractor):
    text = "Seven civilians including a woman and child were killed when missiles hit the town of Binnish."
    assert only(extractor.extract(document(text))).fatalities == 7


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Three civilians (a woman and her two sons) were killed when a missile hit their house in Binnish.", 3),
        ("Shelling on the town of Binnish resulted in between 2 and 4 civilian deaths.", 2),
        ("Shelling on the town of Binnish killed between 11 and 14 people.", 11),
    ],
)
def test_asides_and_ranges(extractor, text, expected):
    assert only(extractor.extract(document(text))).fatalities == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Gunmen ambushed a police patrol near Rutba. The number of policemen who were killed in the ambush rose to 6.", 6),
        ("Two soldiers were hit and killed by sniper fire near the town of Rutba.", 2),
        ("Militants abducted two farmers near the town of Rutba; the two farmers were later found dead.", 2),
        ("Militants killed a sheep herder and wounded his brother near the town of Rutba.", 1),
        ("Militants stole 200 sheep near the town of Rutba and shot dead their owner.", 1),
    ],
)
def test_more_ways_of_telling_the_dead(extractor, text, expected):
    assert extractor.extract(document(text, country="IQ"))[0].fatalities == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("An air strike near the town of Rutba killed Karim bin Salem al-Harbi, a local militia commander.", 1),
        ("A drone strike near the town of Rutba killed militant leader Abu Omar al-Shishani and two of his guards.", 3),
        ("Air strikes near the town of Rutba killed Islamic State militants.", None),
        ("Army troops killed Hayat Tahrir al-Sham fighters near the town of Saraqib.", None),
    ],
)
def test_a_named_victim_is_one(extractor, text, expected):
    mentions = extractor.extract(document(text, country="SY" if "Saraqib" in text else "IQ"))
    assert mentions[0].fatalities == expected


def test_a_year_after_a_date_is_no_further_victim(extractor):
    text = "Coalition jets struck the port of Hodeidah, killing 20 civilians on the 1st of January, 2018."
    assert only(extractor.extract(document(text, country="YE"))).fatalities == 20


def test_wounded_and_killed_dozens_counts_half(extractor):
    text = 'Rebels said they wounded and killed "dozens" of soldiers at the Abu al-Duhur airbase.'
    assert only(extractor.extract(document(text))).fatalities == 6
