"""Date expressions in a sentence, resolved against the post's publication date, with a precision.

Convention: a date stands for the first day of the period it describes ("May 2018" -> 2018-05-01,
"late May" -> May 21, "over the past few days" -> three days before publication), and the
precision says how wide that period is (day | week | month | year). A relative expression with no
publication date to resolve against gives no date (None), never "today".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")]
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "few": 3, "several": 3, "couple of": 2, "a couple of": 2, "a few": 3,
}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}

_MONTH = r"(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUM = r"(?P<num>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|few|several|a few|a couple of|couple of)"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_WEEKDAY = r"(?P<weekday>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in [
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month_num>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("part_month", rf"\b(?P<part>early|mid|late|end of|beginning of|the end of|the beginning of)[- ]?(?P<month>{_MONTH})(?:,? {_YEAR})?\b"),
        ("month_day", rf"\b(?P<month>{_MONTH}) {_DAY}(?:,? {_YEAR})?\b(?!\s*(?:km|kilomet|mile|people|civilians))"),
        ("day_month", rf"\b{_DAY} (?:of )?(?P<month>{_MONTH})(?:,? {_YEAR})?\b"),
        ("month_year", rf"\b(?P<month>{_MONTH}),? {_YEAR}\b"),
        ("season", r"\b(?P<which>last|this|past|in the|early|late)? ?(?P<season>(?-i:spring|summer|autumn|fall|winter))(?: of)?(?: (?P<year>(?:19|20)\d\d))?\b"),
        ("in_month", r"\b(?:in|during|on|early|late) (?:mid-)?(?P<month>(?-i:January|February|March|April|May|June|July|August|September|October|November|December))\b"),
        ("year", rf"\b(?:in|during|of|early|late|mid-?|throughout) {_YEAR}\b"),
        ("weekday", rf"\b(?P<last>last |this past |this )?(?:early |late )?{_WEEKDAY}(?:['’]s)?(?: (?:morning|afternoon|evening|night|dawn))?\b"),
        ("weekend", r"\b(?:over|during|at|on|this|last|this past)\s+(?:the\s+)?weekend\b"),
        ("today", r"\b(?:today|tonight|this (?:morning|afternoon|evening)|earlier today|overnight|on the same day)\b"),
        ("yesterday", r"\b(?:the day before yesterday|yesterday|last night)\b"),
        ("ago", rf"\b{_NUM} {_UNIT} ago\b"),
        ("earlier", rf"\b{_NUM} {_UNIT} (?P<dir>earlier|before|later|after)\b(?! (?:the|a|an|his|her|their|its)\b)"),
        ("prev", r"\b(?:the (?P<dir>day|week|month|year) (?:before|earlier)|the previous (?P<dir2>day|week|month|year)|the next (?P<dir3>day)|a (?P<dir4>day|week|month|year) (?:earlier|before))\b"),
        ("past", rf"\b(?:over|in|during|for|within) the (?:past|last|previous) (?:{_NUM} )?{_UNIT}\b"),
        ("recent", r"\bin recent (?P<unit>day|week|month)s\b"),
        ("this", r"\b(?P<which>last|this|earlier this|past|previous) (?P<unit>week|month|year)\b"),
        ("start_of", r"\b(?:at|in|from|by) the (?P<part>start|beginning|middle|end) of (?P<which>the|this|last) (?P<unit>month|year)\b"),
    ]
]


@dataclass(frozen=True)
class DateFound:
    start: int
    end: int
    text: str
    value: date | None
    precision: str
    relative: bool


def _number(text: str | None) -> int:
    if text is None:
        return 1
    text = text.lower()
    return int(text) if text.isdigit() else SMALL_NUMBERS.get(text, 1)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, anchor: date | None) -> date | None:
    """A day-and-month with no year: the latest such date not well after the anchor."""
    if anchor is None:
        return None
    candidate = _safe(anchor.year, month, day)
    if candidate and candidate > anchor + timedelta(days=7):
        candidate = _safe(anchor.year - 1, month, day)
    return candidate


def _precision(days: int) -> str:
    return "day" if days <= 2 else "week" if days <= 10 else "month" if days <= 45 else "year"


def _resolve(kind: str, m: re.Match[str], published: date | None, anchor: date | None) -> tuple[date | None, str, bool]:
    g = m.groupdict()
    if kind == "iso":
        return _safe(int(g["year"]), int(g["month_num"]), int(g["day"])), "day", False
    if kind in ("month_day", "day_month", "part_month", "month_year", "in_month"):
        month = MONTHS[g["month"].lower().rstrip(".")]
        day = {"early": 1, "beginning of": 1, "the beginning of": 1, "mid": 11, "late": 21,
               "end of": 21, "the end of": 21}.get((g.get("part") or "").lower(), 1)
        if kind in ("month_day", "day_month"):
            day = int(g["day"])
        year = g.get("year")
        base = published or anchor
        if year:
            value = _safe(int(year), month, day)
        else:
            value = _infer_year(month, day, base)
        relative = not year
        return value, "day" if kind in ("month_day", "day_month") else "month", relative
    if kind == "year":
        return date(int(g["year"]), 1, 1), "year", False
    if kind == "season":
        month = SEASON_START[g["season"].lower()]
        if g.get("year"):
            return _safe(int(g["year"]), month, 1), "month", False
        if published is None:
            return None, "month", True
        start = date(published.year, month, 1)
        if start > published or (g.get("which") or "").lower() in ("last", "past") and start + timedelta(days=92) > published:
            start = date(published.year - 1, month, 1)
        return start, "month", True
    if published is None and kind not in ("earlier", "prev"):
        return None, "day", True
    if kind == "weekday":
        target = WEEKDAYS.index(g["weekday"].lower())
        back = (published.weekday() - target) % 7
        if back == 0 and (g.get("last") or "").strip().lower() == "last":
            back = 7
        return published - timedelta(days=back), "day", True
    if kind == "today":
        return published, "day", True
    if kind == "weekend":  # the Saturday just past (today's, on a Saturday or a Sunday)
        back = (published.weekday() - 5) % 7
        return published - timedelta(days=back), "week", True
    if kind == "yesterday":
        return published - timedelta(days=2 if "before" in m.group().lower() else 1), "day", True
    if kind == "ago":
        days = _number(g["num"]) * _UNIT_DAYS[g["unit"].lower()]
        return published - timedelta(days=days), _precision(_UNIT_DAYS[g["unit"].lower()]), True
    if kind in ("earlier", "prev"):
        base = anchor or published
        if base is None:
            return None, "day", True
        unit = (g.get("unit") or g.get("dir") or g.get("dir2") or g.get("dir3") or g.get("dir4")).lower()
        days = _number(g.get("num")) * _UNIT_DAYS[unit]
        forward = (g.get("dir") or "").lower() in ("later", "after") or g.get("dir3")
        if unit == "year":
            return date(base.year + (1 if forward else -1) * max(1, days // 365), 1, 1), "year", True
        value = base + timedelta(days=days) if forward else base - timedelta(days=days)
        return value, _precision(_UNIT_DAYS[unit]), True
    if kind in ("past", "recent"):
        unit = g["unit"].lower()
        count = _number(g.get("num")) if g.get("num") else (3 if kind == "recent" else 1)
        days = count * _UNIT_DAYS[unit]
        return published - timedelta(days=days), _precision(days), True
    if kind == "start_of":
        back = g["which"].lower() == "last"
        if g["unit"].lower() == "month":
            first = published.replace(day=1)
            first = (first - timedelta(days=1)).replace(day=1) if back else first
            return first.replace(day={"start": 1, "beginning": 1, "middle": 11, "end": 21}[g["part"].lower()]), "month", True
        return date(published.year - (1 if back else 0), 1, 1), "year", True
    if kind == "this":
        unit, which = g["unit"].lower(), g["which"].lower()
        back = which in ("last", "past", "previous")
        if unit == "week":
            return published - timedelta(days=7 if back else published.weekday()), "week", True
        if unit == "month":
            first = published.replace(day=1)
            return ((first - timedelta(days=1)).replace(day=1) if back else first), "month", True
        return date(published.year - (1 if back else 0), 1, 1), "year", True
    return None, "unknown", True


def find_dates(text: str, published: date | None, anchor: date | None = None) -> list[DateFound]:
    """Date expressions in `text`, in order, without overlaps (the first pattern listed wins)."""
    found: list[DateFound] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            value, precision, relative = _resolve(kind, m, published, anchor)
            taken.append((m.start(), m.end()))
            found.append(DateFound(m.start(), m.end(), m.group(), value, precision if value else "unknown", relative))
    found.sort(key=lambda d: d.start)
    return found


_NOT_EVENT_DATE = re.compile(r"\b(?:since|until|till|by|born|founded|established)\s*$", re.IGNORECASE)
# "struck X in response to the downing of a jet the day before": the date of the event it answers
_ANSWERED_EVENT = re.compile(r"\b(?:in (?:response|retaliation|revenge|reprisal) (?:to|for)|to avenge)\b[^,;]*$", re.IGNORECASE)
# "the army denied on Wednesday that ...", "the governor said on Saturday": the date of a statement
_STATEMENT_DATE = re.compile(
    r"\b(?:said|says|say|denied|denies|deny|announced|announces|reported|reports|told|stated|added|claimed|claims|"
    r"confirmed|confirms|accused|warned|insisted|acknowledged|rejected|declared|tweeted|wrote)\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE)

# "On Monday, the observatory reported that ...": a date that opens a statement
_STATEMENT_AFTER = re.compile(
    r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?:[\w'’-]+\s+){1,6}?(?:said|says|reported|reports|announced|announces|"
    r"stated|claimed|claims|confirmed|confirms|denied|denies|told|declared|tweeted|wrote)\b", re.IGNORECASE)


def event_date(text: str, published: date | None, anchor: date | None = None) -> DateFound | None:
    """The date a sentence gives for its event: a date that names it ("Thursday's strike"), else its first date
    not introduced by "since", "until"..., nor the date of a statement about it ("denied on Wednesday that ... on
    Tuesday") when another is given."""
    dates = [d for d in find_dates(text, published, anchor)
             if not _NOT_EVENT_DATE.search(text[max(0, d.start - 12) : d.start])
             and not _ANSWERED_EVENT.search(text[max(0, d.start - 120) : d.start])]
    # "Thursday's missile strike", "last week's attack": a date that names the event itself
    named = [d for d in dates if d.text.endswith(("'s", "’s")) or re.match(r"['’]s\b", text[d.end : d.end + 2])]
    told = [d for d in dates if not _STATEMENT_DATE.search(text[max(0, d.start - 20) : d.start])
            and not _STATEMENT_AFTER.match(text, d.end)]
    return (named or told or dates or [None])[0]
