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
