"""Blocking: which stored mentions could possibly match a new one, by date bucket and map cell.

Every mention is filed under a few block keys `"<where>|<when>"`; a new mention probes the keys
that any compatible mention must be filed under, so resolution reads a handful of blocks from
the store instead of the whole table (cost grows with the density of events, not their number).

where: `g:<x>:<y>`  a grid cell of CELL_DEG degrees (places known to village level, precision 1-2)
       `A:<cc>:<admin1>` the province of a precise place; `a:<cc>:<admin1>` a province-only place
       `n:<skeleton>` a place name as written and as resolved (its consonant skeleton), so that a
                  name the geocoder could not resolve still meets the reports that it could
when:  `d<ordinal>` a day (day precision); `m<yyyymm>` a month (week or month precision)

Year-precision, undated and unplaced mentions file under nothing: they merge only within their
own document (see `compat`). The compatibility windows in `compat` must never reach beyond what
the probes below cover: place links stay within half a cell (MAX_NEAR_KM < CELL_DEG / 2), day links
within one day, week/month links within `WINDOW_DAYS`. A place probes the 2x2 cells of its
quadrant (its cell and the three nearest), which cover every point within MAX_NEAR_KM.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from functools import lru_cache

from unidecode import unidecode

from sitrep.geo.normalize import keys as name_keys
from sitrep.model import Mention

CELL_DEG = 0.2  # ~22 km north-south, ~18 km east-west at 35°N, ~14 km at 52°N
WINDOW_DAYS = {"week": 7, "month": 31}


@lru_cache(maxsize=65536)
def norm_name(text: str | None) -> str:
    """A place or admin name folded for comparison: "Ma'arrat an-Nu'man" -> "maarrat annuman"."""
    if not text:
        return ""
    folded = unidecode(text).lower()
    return " ".join("".join(c for c in folded if c.isalnum() or c.isspace()).split())


def has_coordinates(m: Mention) -> bool:
    return m.place is not None and m.place.latitude is not None and m.place.longitude is not None


def is_precise_place(m: Mention) -> bool:
    return has_coordinates(m) and m.place.geo_precision in (1, 2)  # type: ignore[union-attr]


def is_province_place(m: Mention) -> bool:
    return m.place is not None and m.place.geo_precision == 3 and bool(m.place.admin1)


def is_dated(m: Mention) -> bool:
    return m.event_date is not None and m.date_precision in ("day", "week", "month")


def cell_of(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lon / CELL_DEG), math.floor(lat / CELL_DEG)


@lru_cache(maxsize=65536)
def _cells(lat: float, lon: float, probing: bool) -> tuple[str, ...]:
    """A place's cell; when probing, the 2x2 cells around it (3x3 beyond 55°, where cells narrow).

    Half a cell is ~6.8 km east-west at 52°N, more than MAX_NEAR_KM, so the quadrant a place sits
    in names every cell that a place within MAX_NEAR_KM can fall into.
    """
    x, y = cell_of(lat, lon)
    if not probing:
        return (f"g:{x}:{y}",)
    if abs(lat) > 55:
        return tuple(f"g:{x + dx}:{y + dy}" for dx in (-1, 0, 1) for dy in (-1, 0, 1))
    sx = 1 if lon / CELL_DEG - x >= 0.5 else -1
    sy = 1 if lat / CELL_DEG - y >= 0.5 else -1
    return tuple(f"g:{x + dx}:{y + dy}" for dx in (0, sx) for dy in (0, sy))


def _admin(prefix: str, m: Mention) -> str:
    place = m.place
    assert place is not None
    return f"{prefix}:{(place.country_code or norm_name(place.country)).lower()}:{norm_name(place.admin1)}"


@lru_cache(maxsize=65536)
def _name_key(name: str) -> str:
    skeleton = name_keys(name)[1]  # transliteration-blind: "Saraqeb" = "Saraqib"
    return f"n:{skeleton[:120]}" if skeleton else ""


def _names(m: Mention) -> list[str]:
    """The name keys of a place: as written, and as the gazetteer spells it."""
    written = [m.location_text, m.place.name if m.place else None]
    return sorted({key for name in written if name and (key := _name_key(name))})


def _where(m: Mention, probing: bool) -> list[str]:
    if is_precise_place(m):
        keys = list(_cells(m.place.latitude, m.place.longitude, probing))  # type: ignore[union-attr,arg-type]
        if m.place.admin1:  # type: ignore[union-attr]
            # filed as a precise place of its province; probes for province-only reports there
            keys.append(_admin("a" if probing else "A", m))
        return keys + _names(m)  # a report of the same place that the geocoder could not resolve
    if is_province_place(m):
        return [_admin("a", m), _admin("A", m)] if probing else [_admin("a", m)]
    if m.place is None and m.location_text:
        return _names(m)
    return []


def _months_between(start: date, end: date) -> list[str]:
    months, cursor = [], date(start.year, start.month, 1)
    while cursor <= end:
        months.append(f"m{cursor.year:04d}{cursor.month:02d}")
        cursor = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
    return months


@lru_cache(maxsize=16384)
def _when_keys(day: date, precision: str, probing: bool) -> tuple[str, ...]:
    if precision == "day":
        if not probing:
            return (f"d{day.toordinal()}",)
        days = [f"d{day.toordinal() + k}" for k in (-1, 0, 1)]
        return tuple(days + _months_between(day - timedelta(days=1), day + timedelta(days=1)))
    window = WINDOW_DAYS[precision]
    start, end = day - timedelta(days=window), day + timedelta(days=window)
    months = _months_between(start, end)
    if not probing:
        return tuple(months)
    return tuple([f"d{o}" for o in range(start.toordinal(), end.toordinal() + 1)] + months)


def _when(m: Mention, probing: bool) -> tuple[str, ...]:
    if not is_dated(m):
        return ()
    return _when_keys(m.event_date, m.date_precision, probing)  # type: ignore[arg-type]


def register_keys(m: Mention) -> list[str]:
    """The blocks a mention is filed under."""
    return [f"{w}|{t}" for w in _where(m, probing=False) for t in _when(m, probing=False)]


def probe_keys(m: Mention) -> list[str]:
    """The blocks where any mention compatible with `m` (outside its own document) is filed."""
    return [f"{w}|{t}" for w in _where(m, probing=True) for t in _when(m, probing=True)]
