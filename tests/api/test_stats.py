from __future__ import annotations

from datetime import date

import pytest

from api.sample_db import DATED
from sitrep.api.stats import previous_period, trend


@pytest.mark.parametrize(
    ("current", "previous", "label"),
    [
        (126, 100, "large increase"),
        (125, 100, "moderate increase"),
        (110, 100, "moderate increase"),
        (109, 100, "limited change"),
        (100, 100, "limited change"),
        (75, 100, "limited change"),
        (74, 100, "large decrease"),
        (0, 100, "large decrease"),
        (0, 0, "limited change"),
        (3, 0, "no baseline"),
    ],
)
def test_trendfinder_labels(current, previous, label):
    assert trend(current, previous) == label


def test_previous_period_has_equal_length_and_ends_the_day_before():
    assert previous_period(date(2024, 3, 1), date(2024, 3, 12)) == (date(2024, 2, 18), date(2024, 2, 29))
    assert previous_period(date(2024, 3, 1), date(2024, 3, 1)) == (date(2024, 2, 29), date(2024, 2, 29))


def test_stats_compare_with_the_previous_period(client):
    stats = client.get("/api/stats", params={"date_from": "2024-03-01", "date_to": "2024-03-12"}).json()
    assert stats["period"] == {"from": "2024-03-01", "to": "2024-03-12", "days": 12}
    assert stats["previous_period"] == {"from": "2024-02-18", "to": "2024-02-29"}
    # March 1-12: the strike, the clash, the Kafr Nabl attack, the protest; Feb 18-29: the planned operation
    assert stats["total"] == {"count": 4, "previous": 1, "change_pct": 300.0, "trend": "large increase"}
    assert stats["fatalities"]["count"] == 8
    assert stats["by_day"] == [
        {"date": "2024-03-01", "count": 1, "fatalities": 0},
        {"date": "2024-03-10", "count": 1, "fatalities": 0},
        {"date": "2024-03-12", "count": 2, "fatalities": 8},
    ]
    by_type = {t["event_type"]: t for t in stats["by_type"]}
    assert by_type["Battles"]["count"] == 2 and by_type["Battles"]["previous"] == 1
    assert by_type["Battles"]["trend"] == "large increase"
    assert by_type["Protests"]["trend"] == "no baseline" and by_type["Protests"]["change_pct"] is None
    by_admin1 = {a["admin1"]: a["count"] for a in stats["by_admin1"]}
    assert by_admin1 == {"Idlib": 3, "As-Suwayda": 1, "Aleppo": 0}
    assert stats["undated"] == 1


def test_stats_default_period_spans_the_matching_events(client):
    stats = client.get("/api/stats", params={"admin1": "Idlib"}).json()
    assert stats["period"] == {"from": "2024-03-10", "to": "2024-03-12", "days": 3}
    assert stats["total"]["count"] == 3 and stats["undated"] == 0


def test_stats_over_all_dates_equal_stats_over_the_explicit_range(client):
    """With no dates, the period's counts are read as everything less the undated events."""
    everything = client.get("/api/stats").json()
    period = everything["period"]
    explicit = client.get("/api/stats", params={"date_from": period["from"], "date_to": period["to"]}).json()
    for key in ("total", "fatalities", "by_day", "by_type", "by_admin1", "undated"):
        assert everything[key] == explicit[key], key
    assert everything["undated"] == 1 and everything["total"]["count"] == len(DATED)
    assert all(row["admin1"] != "Rif Dimashq" for row in everything["by_admin1"])  # Douma's event has no date
