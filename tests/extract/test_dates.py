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
