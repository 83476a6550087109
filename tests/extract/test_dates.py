"""Dates resolved against the post's own publication date, with a precision."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.helpers import document

PUBLISHED = date(2018, 6, 7)  # a Thursday


@pytest.mark.parametrize(
    "phrase,expected,precision",
    [
        ("on April 2", date(2018, 4, 2), "day"),
        ("on July 19", date(2017, 7, 19), "day"),
        ("on June 3, 2016", date(2016, 6, 3), "day"),
        ("in late May 2018", date(2018, 5, 21), "month"),
        ("on Tuesday", date(2018, 6, 5), "day"),
        ("on Sunday evening", date(2018, 6, 3), "day"),
        ("early Thursday", date(2018, 6, 7), "day"),
        ("over the past few days", date(2018, 6, 4), "week"),
        ("in the past ten days", date(2018, 5, 28), "week"),
        ("last spring", date(2018, 3, 1), "month"),
        ("yesterday", date(2018, 6, 6), "day"),
    ],
)
def test_date_expressions(extractor, phrase, expected, precision):
    text = f"Regime forces shelled the village of Hish {phrase}."
    mention = extractor.extract(document(text, published=PUBLISHED))[0]
    assert (mention.event_date, mention.date_precision) == (expected, precision)


def test_relative_to_the_previous_date_in_the_post(extractor):
    text = ("Rebels captured the village of Abu Dali on March 10. "
            "Three days earlier, regime forces had shelled the village of Hish.")
    mentions = extractor.extract(document(text, published=PUBLISHED))
    assert [(m.location_text, m.event_date) for m in mentions] == [
        ("Abu Dali", date(2018, 3, 10)),
        ("Hish", date(2018, 3, 7)),
    ]


def test_the_year_before(extractor):
    text = "Rebels captured the village of Abu Dali in 2016. The year before, regime forces had shelled the village of Hish."
    hish = [m for m in extractor.extract(document(text, published=PUBLISHED)) if m.location_text == "Hish"][0]
    assert (hish.event_date, hish.date_precision) == (date(2015, 1, 1), "year")


def test_background_events_keep_their_own_dates(extractor):
    text = ("Regime forces shelled the village of Hish on Tuesday. "
            "The village was captured by rebels in June 2016.")
    mentions = extractor.extract(document(text, published=PUBLISHED))
    assert [(m.event_date, m.date_precision) for m in mentions] == [(date(2018, 6, 5), "day"), (date(2016, 6, 1), "month")]


def test_no_date_in_the_text_takes_the_posts_date(extractor):
    mention = extractor.extract(document("Regime forces shelled the village of Hish.", published=PUBLISHED))[0]
    assert (mention.event_date, mention.date_precision) == (PUBLISHED, "day")


def test_unknown_publication_date_leaves_relative_dates_unknown(extractor):
    mention = extractor.extract(document("Regime forces shelled the village of Hish on Tuesday.", published=None))[0]
    assert mention.event_date is None
    assert mention.date_precision == "unknown"


def test_post_date_wins_over_the_documents(extractor):
    doc = document("Regime forces shelled the village of Hish yesterday.", published=date(2018, 6, 7))
    doc.published = date(2020, 1, 1)
    assert extractor.extract(doc)[0].event_date == date(2018, 6, 6)


def test_the_date_of_a_denial_is_not_the_events(extractor):
    text = "The defence ministry denied on Wednesday that its jets had struck the hospital in Ariha on Monday."
    mention = extractor.extract(document(text, published=PUBLISHED))[0]
    assert (mention.modality, mention.event_date) == ("denied", date(2018, 6, 4))


@pytest.mark.parametrize(
    "text,expected",
    [
        # the date that opens a statement is the statement's, not the event's
        ("On Wednesday, the observatory reported that warplanes had struck the village of Hish on Monday.", date(2018, 6, 4)),
        ("On Wednesday the monitor said that shelling hit the village of Hish on Tuesday.", date(2018, 6, 5)),
        # unless it dates the event itself ("..., activists said")
        ("On Wednesday, warplanes struck the village of Hish, activists said.", date(2018, 6, 6)),
        ("On Tuesday rebels attacked an army post near Hish, killing 3 soldiers, the monitor said on Wednesday.", date(2018, 6, 5)),
    ],
)
def test_statement_dates_are_not_event_dates(extractor, text, expected):
    assert extractor.extract(document(text, published=PUBLISHED))[0].event_date == expected


def test_over_the_weekend(extractor):
    text = "The monitor said on Wednesday that shelling killed 5 people in the village of Hish over the weekend."
    mention = extractor.extract(document(text, published=PUBLISHED))[0]
    assert (mention.event_date, mention.date_precision) == (date(2018, 6, 2), "week")


def test_an_undated_event_after_a_dated_one_shares_the_storys_day(extractor):
    text = ("Regime forces shelled the village of Hish on Monday. "
            "Later, warplanes also struck the town of Kafr Nabl, killing two civilians.")
    mentions = extractor.extract(document(text, published=PUBLISHED))
    assert [(m.location_text, m.event_date) for m in mentions] == [("Hish", date(2018, 6, 4)), ("Kafr Nabl", date(2018, 6, 4))]


def test_a_new_paragraph_does_not_share_the_last_ones_day(extractor):
    text = ("Gunmen shot dead a teacher in the town of Tafas on Monday evening. The gunmen opened fire at close range "
            "and fled.\n\nTwo children killed by landmine near Nawa\n"
            "Two children were killed this morning when a landmine exploded near Nawa.")
    mentions = extractor.extract(document(text, published=PUBLISHED))
    assert [(m.location_text, m.event_date, m.fatalities, len(m.evidence)) for m in mentions] == [
        ("Tafas", date(2018, 6, 4), 1, 2),  # the sentence telling the same event again joins its evidence
        ("Nawa", PUBLISHED, 2, 2),
    ]
