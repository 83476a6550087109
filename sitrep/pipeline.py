"""The orchestrator: ingest → clean → extract → geo → store → resolve, in batches.

Each batch is one transaction: a failure loses at most that batch, never what was stored before.
One bad input is a `Skipped` with a reason; the run goes on.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from sitrep import ingest
from sitrep.clean import clean
from sitrep.extract import Extractor
from sitrep.geo import Geocoder
from sitrep.model import Document, Input, Mention, Skipped
from sitrep.resolve import mark_near_duplicates, resolve_into
from sitrep.store import Store
from sitrep.store.schema import events as events_table

SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
ProgressCallback = Callable[[int, int, str], None]  # (done, total, current source)


@dataclass
class RunOptions:
    published: date | None = None  # overrides every document's publication date
    country: str | None = None  # country focus for geocoding (name or ISO code)
    batch_size: int = 32


@dataclass
class RunSummary:
    inputs: int = 0
    documents_new: int = 0
    documents_unchanged: int = 0
    documents_versioned: int = 0
    posts: int = 0
    comments: int = 0
    mentions: int = 0
    events_created: int = 0
    events_updated: int = 0
    events_by_type: Counter = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def processed(self) -> int:
        return self.documents_new + self.documents_unchanged

    def as_dict(self) -> dict:
        return {
            "inputs": self.inputs,
            "documents_new": self.documents_new,
            "documents_unchanged": self.documents_unchanged,
            "documents_versioned": self.documents_versioned,
            "posts": self.posts,
            "comments": self.comments,
            "mentions": self.mentions,
            "events_created": self.events_created,
            "events_updated": self.events_updated,
            "events_by_type": dict(self.events_by_type),
            "skipped": [{"source": s.source, "reason": s.reason} for s in self.skipped],
            "seconds": round(self.seconds, 3),
        }


def unique_mentions(mentions: list[Mention]) -> list[Mention]:
    """Drop repeats of one mention id (same span, place and sub-type): the store would refuse the batch."""
    seen: set[str] = set()
    return [m for m in mentions if not (m.id in seen or seen.add(m.id))]


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{exc.__class__.__name__}: {text[0]}" if text else exc.__class__.__name__


class Pipeline:
    def __init__(self, store: Store, extractor: Extractor | None = None, geocoder: Geocoder | None = None):
        self.store = store
        self.geocoder = geocoder or Geocoder.load()
        self.extractor = extractor or Extractor(geocoder=self.geocoder)

    def run(
        self,
        targets: list[str],
        options: RunOptions | None = None,
        progress: ProgressCallback | None = None,
    ) -> RunSummary:
        options = options or RunOptions()
        summary = RunSummary()
        started = time.perf_counter()
        run_id = self.store.start_run()
        planned = [t for t in ingest.plan(targets) if not self._is_own_database(t)]
        batch: list[Document] = []
        seen_in_run: set[str] = set()
        for done, item in enumerate(self._inputs(planned, summary), start=1):
            if progress:
                progress(done, len(planned), item.source if item else "")
            if item is None:
                continue
            document = self._clean(item, options, summary)
            if document is None:
                continue
            if document.id in seen_in_run or self._already_stored(document.id):
                summary.documents_unchanged += 1
                continue
            seen_in_run.add(document.id)
            batch.append(document)
            if len(batch) >= options.batch_size:
                self._process(batch, summary)
                batch = []
        if batch:
            self._process(batch, summary)
        summary.seconds = time.perf_counter() - started
        self.store.finish_run(run_id, summary.as_dict(), [(s.source, s.reason) for s in summary.skipped])
        return summary

    def _is_own_database(self, target: str | Skipped) -> bool:
        """Never ingest the database we write to (`sitrep run . --db ./sitrep.sqlite`)."""
        database = self.store.engine.url.database if self.store.engine.dialect.name == "sqlite" else None
        if not database or isinstance(target, Skipped) or "://" in target:
            return False
        own = Path(database).resolve()
        return Path(target).resolve() in {own, *(own.with_name(own.name + s) for s in SQLITE_SIDE_FILES)}

    def _inputs(self, planned: list[str | Skipped], summary: RunSummary) -> Iterator[Input | None]:
        """One item per planned target read (None when the target yielded nothing usable)."""
        for target in planned:
            if isinstance(target, Skipped):
                summary.skipped.append(target)
                yield None
                continue
            produced = False
            try:
                for item in ingest.read(target):
                    if isinstance(item, Skipped):
                        summary.skipped.append(item)
                        continue
                    summary.inputs += 1
                    produced = True
                    yield item
            except Exception as exc:  # a reader bug must not end the batch
                summary.skipped.append(Skipped(target, f"cannot read: {_one_line(exc)}"))
            if not produced:
                yield None

    def _clean(self, item: Input, options: RunOptions, summary: RunSummary) -> Document | None:
        try:
            return clean(item, published=options.published, country=options.country)
        except Exception as exc:
            summary.skipped.append(Skipped(item.source, f"cannot clean: {_one_line(exc)}"))
            return None

    def _already_stored(self, document_id: str) -> bool:
        with self.store.transaction() as conn:
            return self.store.document_exists(conn, document_id)

    def _mentions_for(self, documents: list[Document], summary: RunSummary) -> dict[str, list[Mention]]:
        result: dict[str, list[Mention]] = {}
        try:
            for document, mentions in zip(documents, self.extractor.extract_many(documents)):
                result[document.id] = unique_mentions(mentions)
        except Exception:
            # find the document at fault: extract one by one, skipping only the one that fails
            result = {}
            for document in documents:
                try:
                    result[document.id] = unique_mentions(self.extractor.extract(document))
                except Exception as exc:
                    summary.skipped.append(Skipped(document.source, f"cannot extract events: {_one_line(exc)}"))
        for document in documents:
            if document.id in result:
                try:
                    self.geocoder.place(result[document.id], document)
                except Exception as exc:
                    summary.skipped.append(Skipped(document.source, f"cannot geocode: {_one_line(exc)}"))
                    del result[document.id]
        return result

    def _process(self, documents: list[Document], summary: RunSummary) -> None:
        mentions_by_doc = self._mentions_for(documents, summary)
        kept = [d for d in documents if d.id in mentions_by_doc]
        new_mentions = [m for d in kept for m in mentions_by_doc[d.id]]
        with self.store.transaction() as conn:
            touched: set[str] = set()
            for document in kept:
                superseded = self.store.add_document(conn, document)
                if superseded:
                    summary.documents_versioned += 1
                    touched |= self.store.remove_mentions_of(conn, superseded)
            mark_near_duplicates(self.store, conn, kept)  # a repost is not a second source
            self.store.add_mentions(conn, new_mentions)
            stats = resolve_into(self.store, conn, new_mentions, touched)
            if stats.created:
                query = (
                    select(events_table.c.event_type, func.count())
                    .where(events_table.c.id.in_(list(stats.created)))
                    .group_by(events_table.c.event_type)
                )
                summary.events_by_type.update(dict(conn.execute(query).all()))
        summary.documents_new += len(kept)
        summary.posts += sum(len(d.posts) for d in kept)
        summary.comments += sum(len(d.comments) for d in kept)
        summary.mentions += len(new_mentions)
        summary.events_created += len(stats.created)
        summary.events_updated += len(stats.updated)
