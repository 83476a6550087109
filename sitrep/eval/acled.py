"""Score against ACLED rows: each row's `notes` is a one-paragraph document published on its
`event_date` in its `country`; the coded columns are the gold.

Several rows can share one note (ACLED codes one event per place): each row is matched to the best
event extracted from its note (the one placed nearest its coordinates, else the one whose place name
is closest to its location, then the one of the right type). A row whose note yields no event
counts as wrong for every metric.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, datetime

from rapidfuzz import fuzz
from unidecode import unidecode

from sitrep.countries import to_iso2
from sitrep.eval.common import Tally, as_document, distance_km, limited, progress_bar, run_stages
from sitrep.extract.actors import ActorDictionary
from sitrep.model import Mention

# ACLED's 2018 event types -> today's (README of the benchmark); None: any sub-type of the type
TYPE_MAP: dict[str, tuple[tuple[str, ...], str | None]] = {
    "Remote violence": (("Explosions/Remote violence",), None),
    "Battle-No change of territory": (("Battles",), "Armed clash"),
    "Battle-Government regains territory": (("Battles",), "Government regains territory"),
    "Battle-Non-state actor overtakes territory": (("Battles",), "Non-state actor overtakes territory"),
    "Violence against civilians": (("Violence against civilians",), None),
    "Riots/Protests": (("Protests", "Riots"), None),
    "Strategic development": (("Strategic developments",), None),
    "Headquarters or base established": (("Strategic developments",), "Headquarters or base established"),
    "Non-violent transfer of territory": (("Strategic developments",), "Non-violent transfer of territory"),
}
METRICS = ("event_type", "sub_event_type", "fatalities", "actor1_family", "date", "location_10km", "location_25km")


@dataclass
class Row:
    note: str
    event_date: date
    country: str
    event_type: str
    actor1: str
    location: str
    latitude: float | None
    longitude: float | None
    fatalities: int


def read_rows(path: str) -> list[Row]:
    rows = []
    with open(path, newline="", encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            rows.append(
                Row(
                    note=record["notes"].strip(),
                    event_date=datetime.strptime(record["event_date"], "%d-%b-%y").date(),
                    country=record["country"],
                    event_type=record["event_type"],
                    actor1=record["actor1"],
                    location=record["location"],
                    latitude=_float(record.get("latitude")),
                    longitude=_float(record.get("longitude")),
                    fatalities=int(record["fatalities"] or 0),
                )
            )
    return rows


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _name_key(text: str | None) -> str:
    text = unidecode(text or "").lower()
    text = re.sub(r"\b(?:al|el|an|ad|ar|as|ash|at|az)[-\s]", "", text)
    return re.sub(r"[^a-z0-9]+", "", text)


def best_match(row: Row, mentions: list[Mention]) -> Mention | None:
    """The extracted event that stands for this row: nearest place, then closest name, then right type."""
    if not mentions:
        return None
    types, _ = TYPE_MAP.get(row.event_type, ((), None))

    def key(m: Mention) -> tuple:
        d = distance_km(m, row.latitude, row.longitude)
        name = fuzz.ratio(_name_key(m.location_text), _name_key(row.location.split(" - ")[-1]))
        return (d is not None and d <= 25, name >= 80, m.event_type in types, -(d if d is not None else 1e9), name)

    return max(mentions, key=key)


def score_row(row: Row, mention: Mention | None, actors: ActorDictionary, tally: Tally) -> None:
    types, sub_type = TYPE_MAP.get(row.event_type, ((), None))
    if mention is None:
        for metric in METRICS:
            tally.add(metric, False if metric != "sub_event_type" or sub_type else None)
        return
    tally.add("event_type", mention.event_type in types)
    tally.add("sub_event_type", None if sub_type is None else mention.sub_event_type == sub_type)
    tally.add("fatalities", (mention.fatalities or 0) == row.fatalities)
    gold = set(actors.families_of_name(row.actor1)) if row.actor1 else set()
    predicted = set(actors.families_of_name(mention.actor1)) if mention.actor1 else set()
    tally.add("actor1_family", bool(gold & predicted))
    tally.add("date", mention.event_date == row.event_date)
    distance = distance_km(mention, row.latitude, row.longitude)
    tally.add("location_10km", distance is not None and distance <= 10)
    tally.add("location_25km", distance is not None and distance <= 25)


def evaluate(path: str, extractor, geocoder, limit: int | None = None, show_progress: bool = True) -> dict:
    rows = limited(read_rows(path), limit)
    notes: dict[tuple, list[Row]] = {}
    for row in rows:
        notes.setdefault((row.note, row.event_date, row.country), []).append(row)
    documents = [as_document(note, day, to_iso2(country), "acled") for (note, day, country) in notes]
    tally = Tally()
    empty = 0
    with progress_bar(len(documents), "ACLED notes", show_progress) as advance:
        for group, mentions in zip(notes.values(), run_stages(extractor, geocoder, documents, advance)):
            empty += not mentions
            for row in group:
                score_row(row, best_match(row, mentions), extractor.actors, tally)
    return {"source": "acled", "rows": len(rows), "documents": len(documents), "documents_without_event": empty,
            "metrics": tally.rates()}

