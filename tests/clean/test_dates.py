"""Date lines, metadata dates and datelines; a date with a missing part is no date (never today)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.clean.dates import date_line, date_row, dateline, is_relative_time, parse_date, year_in_url


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("Tuesday, April 9, 2019", date(2019, 4, 9), "plain"),
        ("Published: June 14, 2020 10:32 GMT | By Rana Haddad", date(2020, 6, 14), "published"),
        ("Updated 15 June 2020", date(2020, 6, 15), "updated"),
        ("Posted on 09/04/2019 by admin", date(2019, 4, 9), "published"),
        ("2020-06-14T10:00:00Z", date(2020, 6, 14), "plain"),
        ("14th of June, 2020", date(2020, 6, 14), "plain"),
    ],
)
def test_date_lines(text: str, expected: date, kind: str) -> None:
    hits = date_line(text)
    assert hits and hits[0].value == expected and hits[0].kind == kind


def test_prose_mentioning_a_date_is_not_a_date_line() -> None:
    assert date_line("On June 14, 2020, Russian jets struck the town of Ariha in the south of Idlib province.") == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-06-14", date(2020, 6, 14)),
        ("2020-06-14T08:00:00+03:00", date(2020, 6, 14)),
        ("Sun, 14 Jun 2020 10:00:00 GMT", date(2020, 6, 14)),
        ("14 June 2020", date(2020, 6, 14)),
        ("June 14, 2020", date(2020, 6, 14)),
        ("14.06.2020", date(2020, 6, 14)),
        ("06/14/2020", date(2020, 6, 14)),
        ("June 2020", None),
        ("2020", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        ("2099-01-01", None),
        ("1850-01-01", None),
    ],
)
def test_parse_date(value, expected) -> None:
    assert parse_date(value) == expected


def test_dateline_needs_a_year() -> None:
    assert dateline("ALEPPO, June 14 (Reuters) - Shelling killed four people.", 2020) == date(2020, 6, 14)
    assert dateline("KYIV, Ukraine, March 3 (AP) — Russian forces shelled the city.", None) is None
    assert dateline("Idlib, June 14 (SANA) - Units of the army", 2021) == date(2021, 6, 14)
    assert dateline("Residents said that on June 14 - before dawn", 2020) is None
    assert year_in_url("https://x.example/2019/08/29/hodeidah") == 2019


def test_relative_timestamps() -> None:
    assert is_relative_time("3 hours ago") and is_relative_time("2h") and is_relative_time("yesterday")
    assert not is_relative_time("Lina K.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Idlib | Tuesday 14 January 2020 | USD = 1,050 SYP (Idlib market rate)", date(2020, 1, 14)),
        ("Daraa | Thursday 27 May 2021 | Dollar: 3,050 SYP | Gold 21k: 168,000 SYP/gram", date(2021, 5, 27)),
        ("Aden · 3 March 2022 · Rial: 1,150 to the dollar in Aden", date(2022, 3, 3)),
    ],
)
def test_masthead_rows_with_a_date_among_short_fields(text: str, expected: date) -> None:
    assert date_line(text) == []  # too many other words for a plain date line
    assert [hit.value for hit in date_row(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Home | News | Reports | About",  # no date
        "Idlib | 14 January 2020 | Aleppo | 15 January 2020",  # two dates: a list, not a dateline
        "Idlib | On 14 January 2020 the regime and its Russian allies resumed their air campaign on the south",
    ],
)
def test_rows_that_are_not_masthead_date_rows(text: str) -> None:
    assert date_row(text) == []
