"""What every scorer shares: documents from benchmark text, running the stages in memory, distances."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from sitrep.ids import content_id
from sitrep.model import Document, Mention, Post


def as_document(text: str, published: date | None, country: str | None, key: str = "") -> Document:
    """A benchmark text as a one-post document published on `published`."""
    raw = f"{key}\n{published}\n{country}\n{text}".encode("utf-8")
    return Document(
        id=content_id(raw),
        source=f"bench:{key}",
        media_type="text/plain",
        body=text,
        posts=[Post(title=None, published=published, start=0, end=len(text), body=text)],
        published=published,
        country=country,
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def distance_km(mention: Mention, latitude: float | None, longitude: float | None) -> float | None:
    place = mention.place
    if place is None or place.latitude is None or place.longitude is None or latitude is None or longitude is None:
        return None
    return haversine_km(place.latitude, place.longitude, latitude, longitude)


def run_stages(extractor, geocoder, documents: list[Document], advance: Callable[[], None] | None = None) -> Iterator[list[Mention]]:
    """Extract then place each document's mentions, in batches, as the pipeline does (no database)."""
    for document, mentions in zip(documents, extractor.extract_many(documents)):
        if geocoder is not None:
            try:
                mentions = geocoder.place(mentions, document)
            except Exception:  # a geocoder failure costs this document its locations, not the run
                pass
        if advance:
            advance()
        yield mentions


@dataclass
class Tally:
    """Correct / total per metric, in the order metrics were first seen."""

    counts: dict[str, list[int]] = field(default_factory=dict)

    def add(self, metric: str, correct: bool | None) -> None:
        """`correct=None`: the metric does not apply to this item (not counted)."""
        if correct is None:
            return
        entry = self.counts.setdefault(metric, [0, 0])
        entry[0] += int(bool(correct))
        entry[1] += 1

    def rates(self) -> dict[str, dict[str, float | int]]:
        return {
            metric: {"correct": c, "total": n, "rate": round(c / n, 4) if n else 0.0}
            for metric, (c, n) in self.counts.items()
        }


def progress_bar(total: int, description: str, enabled: bool):
    """A Rich progress bar (a no-op context when disabled), yielding a one-step `advance`."""
    from contextlib import contextmanager

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    @contextmanager
    def bar():
        if not enabled:
            yield lambda: None
            return
        with Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=Console(stderr=True), transient=True,
        ) as progress:
            task = progress.add_task(description, total=total)
            yield lambda: progress.advance(task)

    return bar()


def limited(items: Iterable, limit: int | None) -> list:
    items = list(items)
    return items[:limit] if limit else items
