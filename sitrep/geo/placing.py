"""From a gazetteer row to the event's Place record: its precision (ACLED's 1-2-3), and a district placed
at its seat town, ACLED's convention."""

from __future__ import annotations

from dataclasses import replace

from sitrep.countries import country_name, iso_numeric
from sitrep.geo.features import EXTENDED_KINDS
from sitrep.geo.gazetteer import Gazetteer, PlaceRow, distance_km
from sitrep.geo.normalize import fold, skeleton
from sitrep.geo.rank import SUBDISTRICT_SEAT_KM, Candidate, name_similarity
from sitrep.model import Place

SEAT_NAME_SIMILARITY = 0.8  # a town spelled this alike to its sub-district is named after it


def precision_for(place: PlaceRow, qualifier: str | None) -> int:
    if place.kind in ("region", "country"):
        return 3
    if place.kind in ("county", "subdistrict") or (place.kind == "feature" and place.fcode in EXTENDED_KINDS):
        return 2
    return 2 if qualifier else 1


def to_place(row: PlaceRow, precision: int) -> Place:
    """ACLED-style record; a country alone gets no coordinates (a point would pretend to know where)."""
    point = row.has_point and row.kind != "country"
    return Place(
        name=row.name, country=country_name(row.cc), iso=iso_numeric(row.cc),
        admin1=(row.admin1 or None) if row.kind != "country" else None,
        admin2=(row.admin2 or None) if row.kind not in ("region", "country") else None,
        latitude=round(row.lat, 5) if point else None,
        longitude=round(row.lon, 5) if point else None,
        geo_precision=precision, gazetteer_id=row.gid, country_code=row.cc,
    )


def seat_of(unit: PlaceRow, ranked: list[Candidate], gaz: Gazetteer | None = None) -> PlaceRow:
    """A district or sub-district is placed at its seat (ACLED's convention): the district's admin seat (PPLA2),
    or a town of the same name inside it, among the candidates; else (a district) the seat the gazetteer records."""
    if unit.kind not in ("county", "subdistrict"):
        return unit
    for c in ranked:
        p = c.place
        if p.kind != "locality" or p.cc != unit.cc or not p.has_point:
            continue
        if p.admin2 == unit.admin2 and ((unit.kind == "county" and p.fcode == "PPLA2") or fold(p.name) == fold(unit.name)
                                        or fold(c.matched) in {fold(unit.name), fold(unit.admin2)}):
            return replace(p, kind=unit.kind, gid=unit.gid, name=unit.name)
        if unit.kind == "subdistrict" and named_seat(p, c.matched, unit):
            return replace(p, kind=unit.kind, gid=unit.gid, name=unit.name)
    seat = gaz.district_seat(unit.cc, unit.admin1, unit.admin2) if gaz is not None and unit.kind == "county" and \
        unit.admin1 and unit.admin2 else None
    if seat is not None:
        return replace(seat, kind=unit.kind, gid=unit.gid, name=unit.name)
    return unit


def named_seat(town: PlaceRow, matched: str, unit: PlaceRow) -> bool:
    """A town named like a sub-district, spelled alike ("An Nashabiyah" / "Nashabiyeh"), in its district or by the
    point the gazetteer gives it (its middle, often 10 km or more from the town): the seat, where news mean it."""
    if not town.has_point or town.cc != unit.cc or town.admin1 != unit.admin1 or not (town.admin2 and town.admin2 == unit.admin2 or (
            unit.has_point and distance_km(town.lat, town.lon, unit.lat, unit.lon) <= SUBDISTRICT_SEAT_KM)):
        return False
    name = fold(unit.name)
    return any(skeleton(key) == skeleton(name) and name_similarity(key, name) >= SEAT_NAME_SIMILARITY
               for key in (fold(town.name), fold(matched)))
