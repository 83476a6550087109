from __future__ import annotations

from api.sample_db import DATED, MERGED_ALIAS, SAMPLES, XSS_SCRIPT


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["events"]]


def test_envelope_counts_every_event_and_pages(client):
    first = client.get("/api/events", params={"limit": 3})
    body = first.json()
    assert body["total"] == len(SAMPLES)
    assert first.headers["X-Total-Count"] == str(len(SAMPLES))
    assert len(body["events"]) == 3
    rest = client.get("/api/events", params={"limit": 100, "offset": 3}).json()["events"]
    assert len(rest) == len(SAMPLES) - 3
    assert {e["id"] for e in body["events"]}.isdisjoint(e["id"] for e in rest)
    assert client.get("/api/events", params={"offset": 50}).json()["events"] == []


def test_default_order_is_newest_first_with_undated_last(client):
    dates = [e["event_date"] for e in client.get("/api/events").json()["events"]]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    assert dates[-1] is None


def test_sort_ascending_by_fatalities(client):
    events = client.get("/api/events", params={"sort": "fatalities"}).json()["events"]
    known = [e["fatalities"] for e in events if e["fatalities"] is not None]
    assert known == sorted(known) and known[0] == 2


def test_record_follows_the_output_contract(client):
    record = client.get("/api/events", params={"event_type": "Protests"}).json()["events"][0]
    for key in (
        "id",
        "event_type",
        "sub_event_type",
        "event_date",
        "date_precision",
        "actor1",
        "actor2",
        "location",
        "admin1",
        "admin2",
        "country",
        "iso",
        "latitude",
        "longitude",
        "geo_precision",
        "fatalities",
        "modality",
        "certainty",
        "attribution",
        "corroboration",
        "notes",
        "sources",
    ):
        assert key in record
    source = record["sources"][0]
    assert source["evidence"][0]["text"].startswith("Hundreds of protesters")
    assert XSS_SCRIPT in source["evidence"][0]["text"]  # JSON carries text as text, unchanged


def test_filters_by_type_subtype_and_actor(client):
    assert set(ids(client.get("/api/events", params={"event_type": "Battles"}))) == {
        "ev_saraqib_clash",
        "ev_kafr_nabl_attack",
        "ev_tal_rifaat_operation",
    }
    both = client.get("/api/events", params=[("event_type", "Protests"), ("event_type", "Battles")])
    assert len(ids(both)) == 4
    assert ids(client.get("/api/events", params={"sub_event_type": "Arrests"})) == ["ev_daraa_arrests"]
    assert set(ids(client.get("/api/events", params={"actor": "hayat tahrir"}))) == {"ev_saraqib_clash"}


def test_filters_by_place(client):
    idlib = set(ids(client.get("/api/events", params={"admin1": "idlib"})))
    assert idlib == {"ev_maarat_strike", "ev_saraqib_clash", "ev_kafr_nabl_attack"}
    assert len(ids(client.get("/api/events", params={"country": "SY"}))) == len(SAMPLES)
    assert ids(client.get("/api/events", params={"country": "Iraq"})) == []
    south = ids(client.get("/api/events", params={"bbox": "35.5,32.0,37.0,33.0"}))
    assert set(south) == {"ev_suwayda_protest", "ev_daraa_arrests"}


def test_radius_counts_and_pages_agree(client):
    # Maarat al-Numan to Kafr Nabl is about 12 km; to Saraqib about 28 km
    near = {"near": "35.6433,36.6725", "radius_km": 15}
    assert set(ids(client.get("/api/events", params=near))) == {"ev_maarat_strike", "ev_kafr_nabl_attack"}
    wider = client.get("/api/events", params={**near, "radius_km": 40, "limit": 1}).json()
    assert wider["total"] == 3 and len(wider["events"]) == 1


def test_filters_by_certainty_modality_corroboration_and_text(client):
    claimed = set(ids(client.get("/api/events", params={"certainty": "claimed"})))
    assert claimed == {"ev_kafr_nabl_attack", "ev_tal_rifaat_operation"}
    assert ids(client.get("/api/events", params={"modality": "planned"})) == ["ev_tal_rifaat_operation"]
    assert ids(client.get("/api/events", params={"min_corroboration": 2})) == ["ev_maarat_strike"]
    # the text filter looks in the evidence of every source, not only the event's notes
    assert ids(client.get("/api/events", params={"q": "civil defence"})) == ["ev_maarat_strike"]


def test_date_range_excludes_undated_events(client):
    march = set(ids(client.get("/api/events", params={"date_from": "2024-03-01", "date_to": "2024-03-31"})))
    assert march == {s.id for s in DATED if s.event_date.month == 3}


def test_bad_filters_give_one_line_errors(client):
    for params, needle in [
        ({"certainty": "certain"}, "certainty"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"near": "35,36"}, "radius_km"),
        ({"sort": "colour"}, "sort"),
        ({"date_from": "2024-03-10", "date_to": "2024-03-01"}, "after"),
        ({"date_from": "yesterday"}, "date_from"),
        ({"limit": 5000}, "limit"),
    ]:
        response = client.get("/api/events", params=params)
        assert response.status_code == 422, params
        detail = response.json()["detail"]
        assert needle in detail and "\n" not in detail


def test_one_event_has_every_source_with_its_own_figure(client):
    event = client.get("/api/events/ev_maarat_strike").json()
    assert event["corroboration"] == 2 and event["fatalities"] == 5
    figures = {s["publisher"]: s["fatalities"] for s in event["sources"]}
    assert figures == {"Levant Monitor": 5, "Idlib Dispatch": 7}
    for source in event["sources"]:
        assert source["evidence"] and source["document_id"].startswith("doc_")


def test_merged_id_resolves_and_unknown_id_is_404(client):
    event = client.get(f"/api/events/{MERGED_ALIAS}").json()
    assert event["id"] == "ev_maarat_strike" and event["resolved_from"] == MERGED_ALIAS
    missing = client.get("/api/events/ev_nope")
    assert missing.status_code == 404 and "ev_nope" in missing.json()["detail"]


def test_points_are_compact_rows_of_the_same_events(client):
    body = client.get("/api/points", params={"admin1": "Idlib"}).json()
    rows = [dict(zip(body["fields"], row, strict=True)) for row in body["rows"]]
    assert body["total"] == 3 == len(rows)
    maarat = next(r for r in rows if r["id"] == "ev_maarat_strike")
    assert (maarat["latitude"], maarat["longitude"], maarat["fatalities"]) == (35.6433, 36.6725, 5)
    assert maarat["event_date"] == "2024-03-12" and "sources" not in maarat
    truncated = client.get("/api/points", params={"limit": 2}).json()
    assert truncated["total"] == len(SAMPLES) and len(truncated["rows"]) == 2


def test_facets_list_values_present(client):
    facets = client.get("/api/facets").json()
    types = {f["value"]: f["count"] for f in facets["event_types"]}
    assert types == {"Battles": 3, "Explosions/Remote violence": 2, "Strategic developments": 2, "Protests": 1}
    assert facets["date_min"] == "2024-02-05" and facets["date_max"] == "2024-03-12"
    actors = {a["value"]: a["count"] for a in facets["actors"]}
    assert actors["Military Forces of Syria (2000-2024)"] == 3


def test_text_and_actor_filters_take_wildcards_literally(client):
    assert ids(client.get("/api/events", params={"q": "%"})) == []
    assert ids(client.get("/api/events", params={"actor": "_"})) == []
    assert ids(client.get("/api/events", params={"actor": "(2016-)"})) == ["ev_tal_rifaat_operation"]


SORTS = ["-event_date", "event_date", "-fatalities", "fatalities", "-corroboration", "corroboration",
         "event_type", "-admin1", "id", "-updated_at"]  # fmt: skip


def test_pages_of_every_sort_add_up_to_the_whole_list(client):
    """Ties are broken by id in the sort's direction, so small pages neither repeat nor skip an event."""
    for sort in SORTS:
        whole = ids(client.get("/api/events", params={"sort": sort}))
        paged = [i for offset in range(0, len(SAMPLES), 3)
                 for i in ids(client.get("/api/events", params={"sort": sort, "limit": 3, "offset": offset}))]  # fmt: skip
        assert paged == whole and len(set(whole)) == len(SAMPLES), sort


def test_events_on_the_same_day_are_ordered_by_id_in_the_sort_direction(client):
    newest = ids(client.get("/api/events", params={"date_from": "2024-03-12"}))
    oldest = ids(client.get("/api/events", params={"date_from": "2024-03-12", "sort": "event_date"}))
    assert newest == ["ev_saraqib_clash", "ev_maarat_strike"]
    assert oldest == list(reversed(newest))


def test_country_by_name_or_code_in_any_case(client):
    for value in ("SY", "sy", "Syria", "SYRIA"):
        assert len(ids(client.get("/api/events", params={"country": value}))) == len(SAMPLES), value


def test_total_is_the_same_whether_counted_or_read_off_a_short_page(client):
    for params in ({"limit": 3}, {"limit": 3, "offset": 6}, {"limit": 100}, {"limit": 3, "offset": 99},
                   {"admin1": "Idlib", "limit": 2}, {"admin1": "Idlib"}, {"q": "market", "limit": 1},
                   {"q": "the", "limit": 2}, {"q": "the", "limit": 2, "offset": 50}):  # fmt: skip
        body = client.get("/api/events", params=params).json()
        everything = client.get("/api/events", params={**params, "limit": 1000, "offset": 0}).json()
        assert body["total"] == len(everything["events"]), params
