"""Score against UCDP GED rows: each `source_headline` is a document published on its source date
(the first of `source_date`, else `date_start`), in Syria. Gold: coordinates, deaths `best`, dates.

Each row is matched to the event of its headline placed nearest its coordinates (else the first).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date

from sitrep.eval.common import Tally, as_document, distance_km, limited, progress_bar, run_stages
from sitrep.model import Mention

METRICS = ("location_10km", "location_25km", "deaths", "date")


@dataclass
class Row:
    headline: str
    published: date | None
    date_start: date | None
    date_end: date | None
    latitude: float | None
    longitude: float | None
    best: int


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "").split(";")[0].strip()[:10])
    except ValueError:
        return None


def read_rows(path: str) -> list[Row]:
    rows = []
    with open(path, newline="", encoding="utf-8") as handle:
        for r in csv.DictReader(handle):
            headline = (r.get("source_headline") or "").strip()
            if not headline:
                continue
            start = _day(r.get("date_start"))
            rows.append(
                Row(
                    headline=headline,
                    published=_day(r.get("source_date")) or start,
                    date_start=start,
                    date_end=_day(r.get("date_end")) or start,
                    latitude=float(r["latitude"]) if r.get("latitude") else None,
                    longitude=float(r["longitude"]) if r.get("longitude") else None,
                    best=int(float(r.get("best") or 0)),
                )
            )
    return rows


def best_match(row: Row, mentions: list[Mention]) -> Mention | None:
    if not mentions:
        return None
    placed = [(distance_km(m, row.latitude, row.longitude), i, m) for i, m in enumerate(mentions)]
    placed = [p for p in placed if p[0] is not None]
    return min(placed)[2] if placed else mentions[0]


def score_row(row: Row, mention: Mention | None, tally: Tally) -> None:
    if mention is None:
        for metric in METRICS:
            tally.add(metric, False)
        return
    distance = distance_km(mention, row.latitude, row.longitude)
    tally.add("location_10km", distance is not None and distance <= 10)
    tally.add("location_25km", distance is not None and distance <= 25)
    tally.add("deaths", (mention.fatalities or 0) == row.best)
    in_range = mention.event_date is not None and row.date_start is not None and \
        row.date_start <= mention.event_date <= (row.date_end or row.date_start)
    tally.add("date", in_range)


def evaluate(path: str, extractor, geocoder, limit: int | None = None, show_progress: bool = True) -> dict:
    rows = limited(read_rows(path), limit)
    groups: dict[tuple, list[Row]] = {}
    for row in rows:
        groups.setdefault((row.headline, row.published), []).append(row)
    documents = [as_document(headline, day, "SY", "ucdp") for headline, day in groups]
    tally = Tally()
    empty = 0
    with progress_bar(len(documents), "UCDP headlines", show_progress) as advance:
        for group, mentions in zip(groups.values(), run_stages(extractor, geocoder, documents, advance)):
            empty += not mentions
            for row in group:
                score_row(row, best_match(row, mentions), tally)
    return {"source": "ucdp", "rows": len(rows), "documents": len(documents), "documents_without_event": empty,
            "metrics": tally.rates()}
