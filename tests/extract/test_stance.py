"""Modality, certainty and attribution."""

from __future__ import annotations

import pytest

from tests.extract.helpers import document


@pytest.mark.parametrize(
    "text,modality",
    [
        ("Regime forces shelled the village of Hish.", "occurred"),
        ("Preparations are under way for an offensive on the town of Afrin.", "planned"),
        ("Turkey plans to launch an offensive on the town of Manbij.", "planned"),
        ("The army will attack the town of Douma next week.", "planned"),
        ("Government troops are preparing an assault on the town of Kafr Nabl, a commander said.", "planned"),
        ("The Houthis are planning a new offensive on the city of Marib.", "planned"),
        ("If the rebels do not withdraw, the army will storm the town of Douma.", "hypothetical"),
        ("A strike on the dam near Tabqa could trigger a flood.", "hypothetical"),
        ("The ministry denied reports that its jets bombed the market in Ariha.", "denied"),
    ],
)
def test_modality(extractor, text, modality):
    assert extractor.extract(document(text))[0].modality == modality


@pytest.mark.parametrize(
    "text,certainty,attribution",
    [
        ("Warplanes struck the town of Saraqib, according to the Syrian Observatory for Human Rights.", "reported",
         ["Syrian Observatory for Human Rights"]),
        ("The Russian Ministry of Defence said its jets destroyed a rebel depot near Idlib.", "claimed",
         ["Russian Ministry of Defence"]),
        ("SANA reported that terrorists shelled the city of Aleppo.", "claimed", ["SANA"]),
        ("Hayat Tahrir al-Sham said its fighters repelled an attack near Morek.", "claimed", ["Hayat Tahrir al-Sham"]),
        ("Warplanes reportedly struck the town of Saraqib.", "alleged", []),
        ("Reports suggest that a drone hit a convoy near Marib.", "alleged", []),
        ("[Unconfirmed] Turkish forces shelled the town of Tal Rifaat.", "alleged", []),
        ("Regime forces shelled the village of Hish.", "asserted", []),
    ],
)
def test_certainty_and_attribution(extractor, text, certainty, attribution):
    mention = extractor.extract(document(text))[0]
    assert (mention.certainty, mention.attribution) == (certainty, attribution)


def test_unconfirmed_mark_in_the_title(extractor):
    doc = document("Turkish forces shelled the town of Tal Rifaat.", title="[Unconfirmed] Shelling on Tal Rifaat")
    assert extractor.extract(doc)[0].certainty == "alleged"


@pytest.mark.parametrize(
    "text,country",
    [
        ("Houthi fighters shelled the port of Saleef on Saturday, according to the United Nations.", "YE"),
        ("Houthi fighters shelled the port of Saleef on Saturday, the United Nations mission in Hodeidah said.", "YE"),
        ("The RSF shelled the outskirts of El Fasher on Sunday, the African Union said.", "SD"),
    ],
)
def test_the_source_of_a_report_is_never_its_target(extractor, text, country):
    mention = extractor.extract(document(text, country=country))[0]
    assert mention.actor1 is not None
    assert mention.actor2 is None or ("United Nations" not in mention.actor2 and "African Union" not in mention.actor2)
