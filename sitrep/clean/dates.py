"""Publication dates: parse a metadata value, recognise a date line, read a news dateline.

Never falls back to today: a date with a missing part (no year, no day) is no date at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil import parser as dateutil_parser

MIN_YEAR = 1990

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<{g}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?"
_ORD = r"(?:st|nd|rd|th)?"

_DATE = re.compile(
    "|".join(
        [
            rf"(?P<wd>\b{_WEEKDAY},?\s+)?\b{_MONTH.format(g='m1')}\s+(?P<d1>\d{{1,2}}){_ORD},?\s+(?P<y1>\d{{4}})\b",
            rf"(?P<wd2>\b{_WEEKDAY},?\s+)?\b(?P<d2>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH.format(g='m2')},?\s+(?P<y2>\d{{4}})\b",
            r"\b(?P<y3>\d{4})-(?P<m3>\d{1,2})-(?P<d3>\d{1,2})(?![\d-])",
            r"\b(?P<y4>\d{4})/(?P<m4>\d{1,2})/(?P<d4>\d{1,2})\b",
            r"\b(?P<d5>\d{1,2})[./](?P<m5>\d{1,2})[./](?P<y5>\d{4})\b",
        ]
    ),
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\b\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)"
    r"|\b(?:gmt|utc|bst|cet|cest|eet|eest|est|edt|pst|pdt|ast|msk|ist|local time)\b|[+-]\d{2}:?\d{2}\b"
    r"|\bt\d{2}:\d{2}\S*",
    re.IGNORECASE,
)
_LINE_FILLER = frozenset(
    "published posted updated last modified on at by date first created edited released filed dated the "
    "and in from | - – — · • , : / am pm time uhr le".split()
)
_UPDATED = re.compile(r"\b(updated|modified|edited|last update)", re.IGNORECASE)
_PUBLISHED = re.compile(r"\b(published|posted|created|released|first published|date)\b", re.IGNORECASE)
_RELATIVE = re.compile(
    r"^(?:about |over |almost )?(?:\d+|a|an|one)\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|"
    r"w|wk|weeks?|mo|months?|y|yr|years?)\s*(?:ago)?$|^(?:just now|yesterday|today|moments ago|an? (?:hour|minute|day) ago)$",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^\W*(?P<place>[A-Z][A-Z'’.\- ]{1,40}|[A-Z][a-z'’.\-]+(?: [A-Z][a-z'’.\-]+){0,3})"
    r"(?:,\s*[A-Z][A-Za-z'’.\- ]{1,30})?,?\s+"
    rf"(?i:{_MONTH.format(g='m')})\s+(?P<d>\d{{1,2}})(?:,?\s+(?P<y>\d{{4}}))?\s*"
    r"(?P<agency>\([A-Za-z.\- ]{2,30}\))?\s*[-–—:]"
)


@dataclass(frozen=True)
class DateHit:
    value: date
    kind: str  # "published" | "updated" | "plain"
    start: int
    end: int
    weekday: bool = False


def _latest_allowed() -> date:
    return date.today() + timedelta(days=1)


def _make(year: int, month: int, day: int) -> date | None:
    if not MIN_YEAR <= year <= _latest_allowed().year:
        return None
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return value if value <= _latest_allowed() else None


def _from_match(m: re.Match) -> date | None:
    g = m.groupdict()
    if g["m1"]:
        return _make(int(g["y1"]), _MONTHS[g["m1"].lower()], int(g["d1"]))
    if g["m2"]:
        return _make(int(g["y2"]), _MONTHS[g["m2"].lower()], int(g["d2"]))
    if g["y3"]:
        return _make(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    if g["y4"]:
        return _make(int(g["y4"]), int(g["m4"]), int(g["d4"]))
    day, month = int(g["d5"]), int(g["m5"])
    if month > 12 >= day:  # 06/14/2020: month first
        day, month = month, day
    return _make(int(g["y5"]), month, day)


def find_dates(text: str) -> list[DateHit]:
    """Every complete date (day, month, year) written in `text`, kind read from the words before it."""
    hits = []
    for m in _DATE.finditer(text):
        value = _from_match(m)
        if value is None:
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        updated, published = _UPDATED.search(before), _PUBLISHED.search(before)
        if updated and (not published or updated.start() > published.start()):
            kind = "updated"
        elif published:
            kind = "published"
        else:
            kind = "plain"
        weekday = bool(m.group("wd") or m.group("wd2"))
        hits.append(DateHit(value, kind, m.start(), m.end(), weekday))
    return hits


def date_line(text: str, max_other_words: int = 4) -> list[DateHit]:
    """The dates of a line that is essentially a date ("Published: June 14, 2020 10:32 GMT | By R. Haddad").

    Empty when the line is prose that merely mentions a date.
    """
    if len(text) > 160:
        return []
    hits = find_dates(text)
    if not hits:
        return []
    rest = text
    for hit in reversed(hits):
        rest = rest[: hit.start] + " " + rest[hit.end :]
    rest = _TIME.sub(" ", rest)
    others = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", rest) if w.lower().strip(".") not in _LINE_FILLER]
    others = [w for w in others if not re.fullmatch(_WEEKDAY, w, re.IGNORECASE)]
    return hits if len(others) <= max_other_words else []


_ROW_SEPARATOR = re.compile(r"\s+[|•·]\s+")
_ROW_FIELD_WORDS = 8


def date_row(text: str) -> list[DateHit]:
    """The date of a masthead row that sets a date among short fields, one of them a date line:
    "Idlib | Tuesday 14 January 2020 | USD = 1,050 SYP (Idlib market rate)". Empty otherwise.
    """
    if len(text) > 200:
        return []
    fields = _ROW_SEPARATOR.split(text)
    if not 2 <= len(fields) <= 6 or any(len(f.split()) > _ROW_FIELD_WORDS for f in fields):
        return []
    dated = [f for f in fields if date_line(f)]
    if len(dated) != 1:
        return []
    start = text.index(dated[0])
    return [hit for hit in find_dates(text) if start <= hit.start and hit.end <= start + len(dated[0])]


def is_relative_time(text: str) -> bool:
    """"3 hours ago", "2h", "yesterday": the timestamps of comment widgets."""
    return bool(_RELATIVE.match(text.strip(" .·•|()")))


def parse_date(value: object) -> date | None:
    """A metadata value (ISO, RFC 2822, "14 June 2020", "June 14, 2020", 14/06/2020) as a date, or None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return _make(value.year, value.month, value.day)
    if isinstance(value, date):
        return _make(value.year, value.month, value.day)
    text = str(value).strip()
    if not text:
        return None
    hits = find_dates(text)
    if hits:
        return hits[0].value
    # dateutil fills missing parts from `default`: parse twice with different defaults and
    # accept only when the results agree, so "June 2020" never becomes a day.
    try:
        first = dateutil_parser.parse(text, default=datetime(2001, 1, 1), fuzzy=False)
        second = dateutil_parser.parse(text, default=datetime(2002, 2, 2), fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if first.date() != second.date():
        return None
    return _make(first.year, first.month, first.day)


def dateline(paragraph: str, year: int | None) -> date | None:
    """The date of a wire dateline ("ALEPPO, June 14 (Reuters) -"); needs a year in it or from context."""
    m = _DATELINE.match(paragraph[:160])
    if not m or not (m.group("place").strip().isupper() or m.group("agency")):
        return None
    year = int(m.group("y")) if m.group("y") else year
    if year is None:
        return None
    return _make(year, _MONTHS[m.group("m").lower()], int(m.group("d")))


def year_in_url(url: str | None) -> int | None:
    """The year of a dated URL path (/2020/06/14/...), a context for datelines."""
    if not url:
        return None
    m = re.search(r"/((?:19|20)\d{2})[/-](?:0?[1-9]|1[0-2])(?:[/-]|$)", url)
    return int(m.group(1)) if m else None
