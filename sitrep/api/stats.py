"""Counts by day, type and admin1, and change against the previous period of equal length.

Change is labelled the ACLED Trendfinder way: more than +25% is a large increase, +10% to +25% a
moderate increase, -25% to +10% limited change, less than -25% a large decrease.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from fastapi import APIRouter

from sitrep.api.events import Filters
from sitrep.store import EventQuery, Store
from sitrep.store.queries import count_by, count_combinations, count_dated_combinations, count_undated, date_bounds

LARGE_INCREASE = "large increase"
MODERATE_INCREASE = "moderate increase"
LIMITED_CHANGE = "limited change"
LARGE_DECREASE = "large decrease"
NO_BASELINE = "no baseline"  # nothing in the previous period: a percentage would be meaningless


def percent_change(current: int, previous: int) -> float | None:
    if previous == 0:
        return None
    return round(100.0 * (current - previous) / previous, 1)


def trend(current: int, previous: int) -> str:
    """The Trendfinder label for a change from `previous` to `current` events."""
    if previous == 0:
        return LIMITED_CHANGE if current == 0 else NO_BASELINE
    change = 100.0 * (current - previous) / previous
    if change > 25:
        return LARGE_INCREASE
    if change >= 10:
        return MODERATE_INCREASE
    if change >= -25:
        return LIMITED_CHANGE
    return LARGE_DECREASE


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period of equal length that ends the day before `start`."""
    days = (end - start).days + 1
    return start - timedelta(days=days), start - timedelta(days=1)


def compared(current: int, previous: int) -> dict[str, Any]:
    return {
        "count": current,
        "previous": previous,
        "change_pct": percent_change(current, previous),
        "trend": trend(current, previous),
    }


def _grouped(now: dict[Any, tuple[int, int]], before: dict[Any, tuple[int, int]], name: str) -> list[dict[str, Any]]:
    keys = sorted(set(now) | set(before), key=lambda k: (-now.get(k, (0, 0))[0], str(k)))
    return [
        {name: key, **compared(now.get(key, (0, 0))[0], before.get(key, (0, 0))[0]),
         "fatalities": now.get(key, (0, 0))[1]}
        for key in keys
    ]  # fmt: skip


def _sum_by(rows: list[tuple], index: int) -> dict[Any, tuple[int, int]]:
    """(events, fatalities) per value of one column, from rows of (*values, events, fatalities)."""
    sums: dict[Any, tuple[int, int]] = {}
    for row in rows:
        n, dead = sums.get(row[index], (0, 0))
        sums[row[index]] = (n + row[-2], dead + row[-1])
    return sums


def build_stats(store: Store, query: EventQuery) -> dict[str, Any]:
    low, high = (None, None) if query.date_from and query.date_to else date_bounds(store, query)
    start = query.date_from or low
    end = query.date_to or high
    undated = count_undated(store, query)
    if start is None or end is None:
        return {"period": None, "previous_period": None, "undated": undated, "total": compared(0, 0),
                "fatalities": compared(0, 0), "by_day": [], "by_type": [], "by_admin1": []}  # fmt: skip
    before_start, before_end = previous_period(start, end)
    now_q = replace(query, date_from=start, date_to=end)
    before_q = replace(query, date_from=before_start, date_to=before_end)
    # grouped by a prefix of the summary index (type, sub-type, admin1): one pass over it, no sort
    columns = ("event_type", "sub_event_type", "admin1")
    if query.date_from or query.date_to:
        now = count_combinations(store, now_q, columns)
    else:  # the period holds every dated event
        now = count_dated_combinations(store, query, columns)
    before = count_combinations(store, before_q, columns)
    by_day = count_by(store, now_q, "event_date")
    by_type_now, by_type_before = _sum_by(now, 0), _sum_by(before, 0)
    by_admin_now, by_admin_before = _sum_by(now, 2), _sum_by(before, 2)
    total_now = sum(n for n, _ in by_type_now.values())
    total_before = sum(n for n, _ in by_type_before.values())
    dead_now = sum(d for _, d in by_type_now.values())
    dead_before = sum(d for _, d in by_type_before.values())
    return {
        "period": {"from": start.isoformat(), "to": end.isoformat(), "days": (end - start).days + 1},
        "previous_period": {"from": before_start.isoformat(), "to": before_end.isoformat()},
        "undated": undated,
        "total": compared(total_now, total_before),
        "fatalities": compared(dead_now, dead_before),
        "by_day": [
            {"date": str(day)[:10], "count": n, "fatalities": dead}
            for day, (n, dead) in sorted(by_day.items(), key=lambda item: str(item[0]))
        ],
        "by_type": _grouped(by_type_now, by_type_before, "event_type"),
        "by_admin1": _grouped(by_admin_now, by_admin_before, "admin1"),
    }


def stats_router(store: Store) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["stats"])

    @router.get("/stats", summary="Counts by day, type and admin1, with the trend against the previous period")
    def stats(query: Filters) -> dict[str, Any]:
        """The period is `date_from`..`date_to` (each defaults to the earliest/latest matching event);
        the previous period has the same length and ends the day before. `change_pct` is null and
        `trend` "no baseline" when the previous period has no events. Undated events are counted
        apart (`undated`). Fatalities are sums of each event's conservative figure."""
        return build_stats(store, query)

    return router
