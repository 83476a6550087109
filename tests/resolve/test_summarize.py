"""summarize: one event from its reports, disagreements kept visible."""

from __future__ import annotations

from datetime import date, timedelta

from resolve_factory import DAY, RUSSIA, SYRIA, mention, place, province

from sitrep.resolve.summarize import publisher_key, summarize


def meta(**publishers: str) -> dict:
    return {doc: {"id": doc, "source": f"/{doc}", "publisher": pub} for doc, pub in publishers.items()}


def test_the_lowest_figure_across_publishers_and_the_latest_within_one():
    reports = [
        mention("a1", "doc-a", fatalities=9),
        mention("a2", "doc-a2", fatalities=12),  # same publisher, a later update
        mention("b1", "doc-b", fatalities=10),
    ]
    event = summarize("ev_x", reports, meta(**{"doc-a": "SOHR", "doc-a2": "SOHR", "doc-b": "SANA"}))
    assert event.fatalities == 10
    assert sorted(s.fatalities for s in event.sources) == [9, 10, 12]
    assert event.corroboration == 2


def test_a_repost_counts_as_its_original_publisher():
    info = meta(**{"doc-a": "Global Wire", "doc-b": "Daily Digest"})
    info["doc-b"]["duplicate_of"] = "doc-a"
    event = summarize("ev_x", [mention("a1", "doc-a"), mention("b1", "doc-b")], info)
    assert event.corroboration == 1
    assert publisher_key(info["doc-b"], info) == publisher_key(info["doc-a"], info) == "global wire"


def test_a_document_without_publisher_is_known_by_its_site_or_itself():
    assert publisher_key({"url": "https://www.example.org/a/1"}) == "example.org"
    assert publisher_key({"id": "d1", "source": "/tmp/report.txt"}) == "doc:d1"


def test_denied_and_reported_is_disputed_and_still_occurred():
    claim = mention("a1", "doc-a", certainty="reported", fatalities=4)
    denial = mention("b1", "doc-b", modality="denied", certainty="claimed", fatalities=0)
    event = summarize("ev_x", [claim, denial], meta(**{"doc-a": "SOHR", "doc-b": "MoD"}))
    assert event.disputed and event.modality == "occurred"
    assert event.fatalities == 4  # a denial's "no one died" is not a figure for the event
    assert event.corroboration == 1 and event.certainty == "reported"


def test_modality_without_any_report_that_it_happened():
    planned = summarize("ev_x", [mention("a1", "doc-a", modality="planned")], meta(**{"doc-a": "A"}))
    assert planned.modality == "planned" and not planned.disputed
    denied = summarize("ev_x", [mention("a1", "doc-a", modality="denied")], meta(**{"doc-a": "A"}))
    assert denied.modality == "denied" and not denied.disputed


def test_certainty_is_the_strongest_any_source_gives():
    reports = [mention("a1", "doc-a", certainty="alleged"), mention("b1", "doc-b", certainty="claimed")]
    assert summarize("ev_x", reports, meta(**{"doc-a": "A", "doc-b": "B"})).certainty == "claimed"


def test_the_most_precise_place_and_date_win():
    reports = [
        mention("a1", "doc-a", where=province(), day=DAY, precision="week"),
        mention("b1", "doc-b", where=place("Kafr Nabl", precision=2)),
        mention("c1", "doc-c", where="Kafr Nabl", day=DAY + timedelta(days=1)),
        mention("d1", "doc-d", where="Kafr Nabl", day=DAY + timedelta(days=1)),
    ]
    event = summarize("ev_x", reports, meta(**{d: d for d in ("doc-a", "doc-b", "doc-c", "doc-d")}))
    assert event.place.geo_precision == 1 and event.place.name == "Kafr Nabl"
    assert (event.event_date, event.date_precision) == (date(2018, 2, 5), "day")


def test_actors_and_type_follow_the_reports():
    reports = [mention("a1", "doc-a", actor1=None), mention("b1", "doc-b", actor1=RUSSIA), mention("c1", "doc-c", actor1=RUSSIA)]
    event = summarize("ev_x", reports, meta(**{"doc-a": "A", "doc-b": "B", "doc-c": "C"}))
    assert event.actor1 == RUSSIA and event.sub_event_type == "Air/drone strike"
    assert event.mention_ids == ["a1", "b1", "c1"]
    assert SYRIA not in (event.actor1, event.actor2)
