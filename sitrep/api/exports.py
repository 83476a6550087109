"""Streamed exports over HTTP: the same pieces of text as `sitrep events` writes (`sitrep.export.chunks`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sitrep.export import chunks
from sitrep.model import Event

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "json": "application/json",
}
FORMATS = tuple(MEDIA_TYPES)
EXPORT_FORMAT = {"csv": "acled", "geojson": "geojson", "json": "json"}  # the API's CSV has ACLED's columns


def stream(events: Iterable[Event], fmt: str) -> Iterator[str]:
    return chunks(events, EXPORT_FORMAT[fmt])
