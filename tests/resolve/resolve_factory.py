"""Hand-built mentions for resolution tests: real places, invented reports."""

from __future__ import annotations

from datetime import date

from sitrep.model import Evidence, Mention, Place

AIR = ("Explosions/Remote violence", "Air/drone strike")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
CLASH = ("Battles", "Armed clash")
REGAIN = ("Battles", "Government regains territory")
MEETING = ("Diplomacy", "Meeting")
PROTEST = ("Protests", "Peaceful protest")

SYRIA = "Military Forces of Syria (2000-)"
RUSSIA = "Military Forces of Russia (2000-)"
HTS = "Hayat Tahrir al-Sham"
CIVILIANS = "Civilians (Syria)"

DAY = date(2018, 2, 4)

# (name, lat, lon, gazetteer id, admin1); villages of southern Idlib a few km apart
PLACES = {
    "Kafr Nabl": (35.61376, 36.56449, "wof:890449847", "Idlib"),
    "Hass": (35.62160, 36.60400, "wof:hass", "Idlib"),  # ~3.7 km east of Kafr Nabl
    "Hish": (35.54793, 36.64356, "wof:1327114607", "Idlib"),  # ~10 km south-east
    "Maarat al-Numan": (35.64310, 36.67170, "wof:maarat", "Idlib"),
    "Saraqib": (35.86470, 36.80440, "wof:saraqib", "Idlib"),
    "Douma": (33.57175, 36.40270, "wof:890442375", "Rural Damascus"),
}


def place(name: str, precision: int = 1) -> Place:
    lat, lon, gid, admin1 = PLACES[name]
    return Place(
        name=name, country="Syria", iso=760, admin1=admin1, admin2=None, latitude=lat, longitude=lon,
        geo_precision=precision, gazetteer_id=gid, country_code="SY",
    )  # fmt: skip


def province(admin1: str = "Idlib") -> Place:
    return Place(
        name=admin1, country="Syria", iso=760, admin1=admin1, admin2=None, latitude=35.8, longitude=36.6,
        geo_precision=3, gazetteer_id=f"admin:{admin1}", country_code="SY",
    )  # fmt: skip


def mention(
    mid: str,
    doc: str = "doc-a",
    kind: tuple[str, str] = AIR,
    where: Place | str | None = "Kafr Nabl",
    day: date | None = DAY,
    precision: str = "day",
    actor1: str | None = RUSSIA,
    actor2: str | None = None,
    fatalities: int | None = None,
    modality: str = "occurred",
    certainty: str = "asserted",
    start: int = 0,
    location_text: str | None = None,
    sentence: str | None = None,
    qualifier: str | None = None,
) -> Mention:
    resolved = place(where) if isinstance(where, str) else where
    text = sentence or (f"report {mid}: {fatalities} killed" if fatalities else f"report {mid}")  # a toll is stated
    return Mention(
        id=mid, document_id=doc, post_index=0, event_type=kind[0], sub_event_type=kind[1],
        evidence=[Evidence(text, start, start + len(text))], actor1=actor1, actor2=actor2,
        location_text=location_text or (resolved.name if resolved else None), place=resolved,
        event_date=day, date_precision=precision if day else "unknown", fatalities=fatalities,
        modality=modality, certainty=certainty, location_qualifier=qualifier,
    )  # fmt: skip
