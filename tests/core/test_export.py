"""Exports follow the output contract (DESIGN.md) and ACLED's column order."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from sitrep import export
from sitrep.model import Event, Evidence, Place, SourceReport

CONTRACT_FIELDS = {
    "id", "event_type", "sub_event_type", "event_date", "date_precision", "actor1", "actor2",
    "assoc_actor_1", "assoc_actor_2", "inter1", "inter2", "location", "admin1", "admin2", "country",
    "iso", "latitude", "longitude", "geo_precision", "fatalities", "modality", "certainty",
    "attribution", "corroboration", "notes", "sources",
}  # fmt: skip


def sample_event(placed: bool = True) -> Event:
    place = Place(
        name="Kafr Nabl", country="Syria", iso=760, admin1="Idleb", admin2="Al Ma'ra",
        latitude=35.61376, longitude=36.56449, geo_precision=1, country_code="SY",
    ) if placed else None  # fmt: skip
    source = SourceReport(
        document_id="d1", source="feeds/obs.txt", publisher="Observatory", title="Shelling on Kafr Nabl",
        published=date(2020, 6, 16), evidence=[Evidence("Shelling hit Kafr Nabl on Tuesday.", 10, 45)], fatalities=3,
    )  # fmt: skip
    return Event(
        id="ev_1", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        event_date=date(2020, 6, 16), date_precision="day", actor1="Military Forces of Syria (2000-)",
        actor2="Civilians (Syria)", assoc_actor_1=None, assoc_actor_2=None, inter1=1, inter2=7, place=place,
        location_text="Kafr Nabl", fatalities=3, modality="occurred", certainty="reported",
        attribution=["Syrian Observatory for Human Rights"], corroboration=1,
        notes="Shelling hit Kafr Nabl on Tuesday.", mention_ids=["m_1"], sources=[source],
    )  # fmt: skip


def test_event_record_has_every_contract_field():
    record = export.event_record(sample_event())
    assert CONTRACT_FIELDS <= set(record)
    assert record["event_date"] == "2020-06-16"
    assert record["sources"][0]["evidence"] == [{"text": "Shelling hit Kafr Nabl on Tuesday.", "start": 10, "end": 45}]
    assert record["sources"][0]["source"] == "feeds/obs.txt"
    assert record["geo_precision"] == 1


def test_unplaced_event_has_empty_coordinates_not_zeroes():
    record = export.event_record(sample_event(placed=False))
    assert record["latitude"] is None and record["longitude"] is None and record["geo_precision"] is None
    feature = export.geojson_feature(sample_event(placed=False))
    assert feature["geometry"] is None


def test_acled_csv_uses_acled_columns_in_order():
    out = io.StringIO()
    assert export.write([sample_event()], "acled", out) == 1
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == export.ACLED_COLUMNS
    row = dict(zip(rows[0], rows[1]))
    assert row["interaction"] == "17"
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["iso"] == "760" and row["region"] == "Middle East"
    assert row["time_precision"] == "1"


def test_json_and_geojson_parse_and_round_trip():
    for fmt in ("json", "geojson"):
        out = io.StringIO()
        export.write([sample_event(), sample_event(placed=False)], fmt, out)
        parsed = json.loads(out.getvalue())
        items = parsed if fmt == "json" else parsed["features"]
        assert len(items) == 2
    empty = io.StringIO()
    export.write([], "json", empty)
    assert json.loads(empty.getvalue()) == []


def test_flat_csv_flattens_lists():
    out = io.StringIO()
    export.write([sample_event()], "csv", out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["attribution"] == "Syrian Observatory for Human Rights"
    assert row["sources"] == "feeds/obs.txt"
