"""Event exports: the JSON record of the output contract, ACLED-column CSV, a flat CSV, GeoJSON.

Every writer streams: a million events never sit in memory at once.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import IO, Any

from sitrep.model import Event, SourceReport

FORMATS = ("json", "csv", "acled", "geojson")

RECORD_FIELDS = (
    "id", "event_type", "sub_event_type", "event_date", "date_precision",
    "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2",
    "location", "admin1", "admin2", "country", "iso", "latitude", "longitude", "geo_precision",
    "fatalities", "modality", "certainty", "attribution", "corroboration", "notes", "sources",
)  # fmt: skip

# ACLED's export columns, in ACLED's order.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
DISORDER_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
    "Diplomacy": "Strategic developments",
}
REGION_BY_ISO2 = {
    **dict.fromkeys(["SY", "IQ", "TR", "LB", "JO", "IL", "PS", "YE", "IR", "SA", "BH", "KW", "OM", "QA", "AE"], "Middle East"),
    **dict.fromkeys(["LY", "EG", "TN", "DZ", "MA", "SD"], "Northern Africa"),
    **dict.fromkeys(["UA", "RU", "BY", "MD", "GE", "AM", "AZ"], "Europe"),
}


def iso_date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def source_record(report: SourceReport) -> dict[str, Any]:
    return {
        "document_id": report.document_id,
        "source": report.source,
        "publisher": report.publisher,
        "title": report.title,
        "published": iso_date(report.published),
        "fatalities": report.fatalities,
        "certainty": report.certainty,
        "modality": report.modality,
        "evidence": [{"text": e.text, "start": e.start, "end": e.end} for e in report.evidence],
    }


def event_record(event: Event) -> dict[str, Any]:
    """The output contract's record for one event (DESIGN.md, 'Output contract')."""
    place = event.place
    return {
        "id": event.id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "event_date": iso_date(event.event_date),
        "date_precision": event.date_precision,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "assoc_actor_1": event.assoc_actor_1,
        "assoc_actor_2": event.assoc_actor_2,
        "inter1": event.inter1,
        "inter2": event.inter2,
        "location": place.name if place else event.location_text,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "country": place.country if place else None,
        "iso": place.iso if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": place.geo_precision if place and place.latitude is not None else None,
        "fatalities": event.fatalities,
        "modality": event.modality,
        "certainty": event.certainty,
        "attribution": list(event.attribution),
        "corroboration": event.corroboration,
        "disputed": event.disputed,
        "notes": event.notes,
        "sources": [source_record(s) for s in event.sources],
    }


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    if inter1 is None:
        return None
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def acled_row(event: Event) -> dict[str, Any]:
    record = event_record(event)
    place = event.place
    publishers = sorted({s.publisher or s.source for s in event.sources})
    civilian = any(a and a.startswith("Civilians") for a in (event.actor2, event.assoc_actor_2))
    return {
        "event_id_cnty": event.id,
        "event_date": record["event_date"],
        "year": event.event_date.year if event.event_date else None,
        "time_precision": TIME_PRECISION.get(event.date_precision),
        "disorder_type": DISORDER_TYPE.get(event.event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1,
        "inter1": event.inter1,
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2,
        "inter2": event.inter2,
        "interaction": _interaction(event.inter1, event.inter2),
        "civilian_targeting": "Civilian targeting" if civilian else None,
        "iso": record["iso"],
        "region": REGION_BY_ISO2.get(place.country_code or "") if place else None,
        "country": record["country"],
        "admin1": record["admin1"],
        "admin2": record["admin2"],
        "admin3": place.admin3 if place else None,
        "location": record["location"],
        "latitude": record["latitude"],
        "longitude": record["longitude"],
        "geo_precision": record["geo_precision"],
        "source": "; ".join(publishers),
        "source_scale": None,
        "notes": event.notes,
        "fatalities": event.fatalities if event.fatalities is not None else 0,
        "tags": f"sitrep: modality={event.modality}; certainty={event.certainty}; corroboration={event.corroboration}",
        "timestamp": None,  # ACLED's last-modified stamp; sitrep events carry no such field yet
    }


def flat_row(event: Event) -> dict[str, Any]:
    """The contract record with lists flattened for spreadsheets."""
    record = event_record(event)
    record["attribution"] = "; ".join(record["attribution"])
    record["sources"] = " | ".join(s["source"] for s in record["sources"])
    return record


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _json_array(items: Iterable[dict[str, Any]], head: str, tail: str) -> Iterator[str]:
    """A JSON document holding one array, one item per line, produced piece by piece."""
    yield head
    for i, item in enumerate(items):
        yield ("," if i else "") + "\n" + json.dumps(item, ensure_ascii=False, default=_json_default)
    yield f"\n{tail}\n"


def _csv_rows(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], every: int = 200) -> Iterator[str]:
    """CSV text with a header, flushed every `every` rows."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for i, row in enumerate(rows, start=1):
        writer.writerow(row)
        if i % every == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def geojson_feature(event: Event) -> dict[str, Any]:
    record = event_record(event)
    lat, lon = record["latitude"], record["longitude"]
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    properties = {k: v for k, v in record.items() if k not in ("latitude", "longitude")}
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": properties}


def chunks(events: Iterable[Event], fmt: str) -> Iterator[str]:
    """The export of `events` in one of FORMATS, as pieces of text (for files and HTTP streams alike)."""
    if fmt == "json":
        return _json_array(map(event_record, events), "[", "]")
    if fmt == "geojson":
        return _json_array(map(geojson_feature, events), '{"type": "FeatureCollection", "features": [', "]}")
    if fmt == "csv":
        return _csv_rows(map(flat_row, events), RECORD_FIELDS)
    if fmt == "acled":
        return _csv_rows(map(acled_row, events), ACLED_COLUMNS)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def write(events: Iterable[Event], fmt: str, out: IO[str]) -> int:
    """Write events in one of FORMATS; returns how many were written."""
    count = 0

    def counted() -> Iterator[Event]:
        nonlocal count
        for event in events:
            count += 1
            yield event

    for piece in chunks(counted(), fmt):
        out.write(piece)
    return count
