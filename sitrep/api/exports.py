"""Streamed exports: the same records as `sitrep events`, produced chunk by chunk for HTTP."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from sitrep.export import ACLED_COLUMNS, acled_row, event_record, geojson_feature
from sitrep.model import Event

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "json": "application/json",
}
FORMATS = tuple(MEDIA_TYPES)
CHUNK_ROWS = 200


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def stream_json(events: Iterable[Event]) -> Iterator[str]:
    """A JSON array of output-contract records, one event per line."""
    yield "["
    for i, event in enumerate(events):
        yield ("," if i else "") + "\n" + _dumps(event_record(event))
    yield "\n]\n"


def stream_geojson(events: Iterable[Event]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    for i, event in enumerate(events):
        yield ("," if i else "") + "\n" + _dumps(geojson_feature(event))
    yield "\n]}\n"


def stream_acled_csv(events: Iterable[Event]) -> Iterator[str]:
    """ACLED's columns in ACLED's order (`sitrep.export.write_acled`), flushed every few rows."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(ACLED_COLUMNS), extrasaction="ignore")
    writer.writeheader()
    for i, event in enumerate(events, start=1):
        writer.writerow(acled_row(event))
        if i % CHUNK_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


STREAMS = {"csv": stream_acled_csv, "geojson": stream_geojson, "json": stream_json}


def stream(events: Iterable[Event], fmt: str) -> Iterator[str]:
    return STREAMS[fmt](events)
