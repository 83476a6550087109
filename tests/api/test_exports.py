from __future__ import annotations

import csv
import io

from api.sample_db import SAMPLES
from sitrep.export import ACLED_COLUMNS


def test_csv_export_has_acled_columns_and_honours_filters(client):
    response = client.get("/api/events.csv", params={"admin1": "Idlib"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "sitrep-events.csv" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS
    assert {r["event_id_cnty"] for r in rows} == {"ev_maarat_strike", "ev_saraqib_clash", "ev_kafr_nabl_attack"}
    maarat = next(r for r in rows if r["event_id_cnty"] == "ev_maarat_strike")
    assert maarat["sub_event_type"] == "Air/drone strike" and maarat["fatalities"] == "5"
    assert maarat["source"] == "Idlib Dispatch; Levant Monitor"


def test_geojson_export_is_a_feature_collection(client):
    collection = client.get("/api/events.geojson", params={"event_type": "Protests"}).json()
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.5695, 32.7089]}
    assert feature["properties"]["sources"][0]["publisher"] == "Southern Voices Blog"


def test_json_export_streams_every_match_with_the_api_records(client):
    exported = client.get("/api/events.json").json()
    paged = client.get("/api/events", params={"limit": 100}).json()["events"]
    assert len(exported) == len(SAMPLES)
    assert exported == paged


def test_unknown_export_format_is_refused(client):
    response = client.get("/api/events.xlsx")
    assert response.status_code == 422 and "xlsx" in response.json()["detail"]
