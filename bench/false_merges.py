"""False merges on ACLED: every row is a distinct event, so processed together they must stay apart.

    .venv/bin/python bench/false_merges.py            # the real pipeline: extract + geo + resolve
    .venv/bin/python bench/false_merges.py --oracle   # resolution alone, on the coded columns
    .venv/bin/python bench/false_merges.py --limit 2000

Reads ../shared/bench/events/acled_middle_east_2018-01_02.csv at run time (skips with a message
when absent). Definition (docs/resolution.md, "Measuring false merges"):
- a *document* is one distinct note text, published on its earliest row date, in its row's country;
- a *unit* is one distinct (note, location) pair: ACLED codes a note naming three villages as three
  rows, and a few notes repeat with the same location (several days) -- those are one unit;
- each mention is attributed to the unit of its document whose location it names: its place phrase
  (or resolved name) matching the row's location name, else a spelling of it placed within
  ATTRIBUTION_KM of the row's coordinates (bench/acled_attribution.py). Names match by WRatio *and* word by word (`one_name`):
  WRatio alone scores 85.5 for any two names sharing one word, so round 3 gave "Omar Ushaghi" to
  the row of "Sati Ushaghi - Al Kan" and "Al Houd" to "Al Aqqaybah" (twin villages, and villages a
  note names in passing); that definition is still printed ("names compared by WRatio").
  A mention of some other place that the note names in passing (ACLED notes often end with a
  summary such as "strikes on A, B and C killed 8") is about no unit of that note;
- a unit is *falsely merged* when one of the events holding its mentions also holds a mention
  attributed to another unit (of another document, or another row of the same note).
The strict variant also gives every mention of a one-row note to that row (a passing reference
then counts as the row itself), and is printed alongside.
Also printed: the variant leaving out pairs read from one sentence that both notes hold verbatim
(ACLED pastes a summary into the note of each row it splits it into; as the same text, any resolver
must read it once). Rate = falsely merged units / all units. Target: <= 1%.
"""

from __future__ import annotations

import argparse
import csv
import pickle
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitrep.countries import to_iso2  # noqa: E402
from sitrep.ids import content_id  # noqa: E402
from sitrep.model import Document, Evidence, Mention, Place, Post  # noqa: E402
from sitrep.store import Store, schema  # noqa: E402
from sitrep.store.rows import row_to_mention  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from acled_attribution import Unit, attribute, coded_alike  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench" / "events" / "acled_middle_east_2018-01_02.csv"
TYPES_2018 = {  # ACLED 2018 event types -> today's (bench README); remote violence sub-type by wording
    "Battle-No change of territory": ("Battles", "Armed clash"),
    "Battle-Government regains territory": ("Battles", "Government regains territory"),
    "Battle-Non-state actor overtakes territory": ("Battles", "Non-state actor overtakes territory"),
    "Violence against civilians": ("Violence against civilians", "Attack"),
    "Riots/Protests": ("Protests", "Peaceful protest"),
    "Strategic development": ("Strategic developments", "Other"),
    "Headquarters or base established": ("Strategic developments", "Headquarters or base established"),
    "Non-violent transfer of territory": ("Strategic developments", "Non-violent transfer of territory"),
}


@dataclass
class Note:
    text: str
    day: date
    country: str
    units: list[Unit] = field(default_factory=list)


def load_notes(limit: int | None) -> list[Note]:
    notes: dict[str, Note] = {}
    seen: set[tuple[str, str]] = set()
    with BENCH.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            day = datetime.strptime(row["event_date"], "%d-%b-%y").date()
            note = notes.setdefault(row["notes"], Note(row["notes"], day, row["country"]))
            note.day = min(note.day, day)
            if (row["notes"], row["location"]) not in seen:
                seen.add((row["notes"], row["location"]))
                note.units.append(Unit(len(seen), row["location"], float(row["latitude"]), float(row["longitude"]), row))
    ordered = sorted(notes.values(), key=lambda n: (n.day, n.text))
    return ordered[:limit] if limit else ordered


def _sentence(m: Mention) -> str:
    return " ".join(m.evidence[0].text.split()) if m.evidence else ""


def measure(
    notes: list[Note], mentions: list[tuple[str, Mention]], doc_of: dict[str, Note], strict: bool = False,
    by_distance_alone: bool = False, wratio: bool = False, copies_apart: bool = False,
) -> dict:
    """Falsely merged units, from (event id, mention) pairs and each document's note.

    `copies_apart`: two mentions read from one sentence that both notes hold verbatim do not make a
    false merge (ACLED pastes a summary sentence into each row's note; as the same text, any
    resolver must read it once): the variant printed as "leaving out sentences copied between notes".
    """
    by_event: dict[str, list[tuple[str, int | None, str]]] = defaultdict(list)
    for event_id, m in mentions:
        unit = attribute(m, doc_of[m.document_id].units, strict, by_distance_alone, wratio)
        by_event[event_id].append((m.document_id, unit, _sentence(m)))
    rows = {u.key: u.row for n in notes for u in n.units}
    merged: set[int] = set()
    cross: set[int] = set()
    apart_by_acled: set[int] = set()  # merged with a unit ACLED itself codes as another event
    for members in by_event.values():
        attributed = [(doc, unit, text) for doc, unit, text in members if unit is not None]
        partners: dict[int, set[int]] = defaultdict(set)
        for doc, unit, text in attributed:
            for other_doc, other, other_text in attributed:
                if other != unit and not (copies_apart and text == other_text):
                    partners[unit].add(other)
        keys = set(partners)
        if keys:
            merged.update(keys)
            if len({doc for doc, unit, _ in attributed if unit in keys}) > 1:
                cross.update(keys)
            apart_by_acled.update(u for u in keys if any(not coded_alike(rows[u], rows[v], wratio) for v in partners[u]))
    within = merged - cross
    total = sum(len(n.units) for n in notes)
    mentioned = {u for _, u, _ in (x for ms in by_event.values() for x in ms) if u is not None}
    return {
        "units": total,
        "documents": len(notes),
        "mentions": len(mentions),
        "events": len(by_event),
        "units_with_a_mention": len(mentioned),
        "merged_units": len(merged),
        "merged_across_documents": len(cross),
        "merged_within_a_document": len(within),
        "rate": len(merged) / total if total else 0.0,
        "merged_with_a_row_coded_otherwise": len(apart_by_acled),
        "rate_rows_coded_otherwise": len(apart_by_acled) / total if total else 0.0,
    }


def note_document(note: Note) -> Document:
    """A note as a one-paragraph document published on its date (the bench README's protocol)."""
    doc_id = content_id(note.text.encode("utf-8"))
    post = Post(None, note.day, 0, len(note.text), note.text)
    return Document(doc_id, f"acled:{doc_id}", "text/plain", note.text, [post], published=note.day,
                    country=to_iso2(note.country))  # fmt: skip


class DistinctIds:
    """An extractor that drops a mention repeating an id already given for its document.

    Two identical mentions (same sentence, place and sub-type) are an extraction slip that makes
    the store refuse the whole batch; the bench counts them and measures resolution on the rest.
    """

    def __init__(self, extractor):
        self.extractor = extractor
        self.dropped = 0

    def _distinct(self, mentions: list[Mention]) -> list[Mention]:
        kept = list({m.id: m for m in reversed(mentions)}.values())[::-1]
        self.dropped += len(mentions) - len(kept)
        return kept

    def extract(self, document: Document) -> list[Mention]:
        return self._distinct(self.extractor.extract(document))

    def extract_many(self, documents):
        return (self._distinct(ms) for ms in self.extractor.extract_many(documents))


def run_pipeline(notes: list[Note], batch: int) -> tuple[list[tuple[str, Mention]], dict[str, Note]]:
    from sitrep.extract import Extractor
    from sitrep.geo import Geocoder
    from sitrep.pipeline import Pipeline, RunSummary

    doc_of: dict[str, Note] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "acled.sqlite")
        geocoder = Geocoder.load()
        extractor = DistinctIds(Extractor(geocoder))
        pipeline = Pipeline(store, extractor=extractor, geocoder=geocoder)  # type: ignore[arg-type]
        summary = RunSummary()
        documents = [note_document(note) for note in notes]
        doc_of = {doc.id: note for doc, note in zip(documents, notes)}
        started = time.perf_counter()
        for i in range(0, len(documents), batch):
            pipeline._process(documents[i : i + batch], summary)  # the orchestrator's batch step
            if (i // batch) % 20 == 0:
                print(f"  {i + batch:>5}/{len(documents)} documents, {time.perf_counter() - started:.0f} s", flush=True)
        t = schema.mentions
        with store.engine.connect() as conn:
            mentions = [(r.event_id, row_to_mention(r._mapping)) for r in conn.execute(select(t))]
        store.close()
    if extractor.dropped:
        print(f"  extraction gave {extractor.dropped} mention(s) repeating an id of their document: dropped")
    if summary.skipped:
        print(f"  skipped: {len(summary.skipped)} (first: {summary.skipped[0].reason})")
    return mentions, doc_of


def oracle_mention(unit: Unit, doc_id: str, index: int) -> Mention:
    """The mention a perfect extractor and geocoder would give for one ACLED row."""
    row = unit.row
    kind = TYPES_2018.get(row["event_type"])
    if kind is None:  # Remote violence: the sub-type from the wording
        text = row["notes"].lower()
        sub = "Air/drone strike" if any(w in text for w in ("air", "warplane", "jet", "drone", "helicopter")) else (
            "Remote explosive/landmine/IED" if any(w in text for w in ("ied", "explosive", "landmine", "bomb")) else
            "Shelling/artillery/missile attack")  # fmt: skip
        kind = ("Explosions/Remote violence", sub)
    precision = {"1": "day", "2": "week", "3": "month"}.get(row["time_precision"], "day")
    place = Place(
        name=row["location"], country=row["country"], iso=int(row["iso"]), admin1=row["admin1"],
        admin2=row["admin2"], latitude=unit.lat, longitude=unit.lon, geo_precision=int(row["geo_precision"]),
        gazetteer_id=f"{row['location']}@{unit.lat:.4f},{unit.lon:.4f}", country_code=None,
    )  # fmt: skip
    return Mention(
        id=f"m{unit.key}", document_id=doc_id, post_index=0, event_type=kind[0], sub_event_type=kind[1],
        evidence=[Evidence(row["notes"][:80], index * 10, index * 10 + 5)], actor1=row["actor1"] or None,
        actor2=row["actor2"] or None, location_text=row["location"], place=place,
        event_date=datetime.strptime(row["event_date"], "%d-%b-%y").date(), date_precision=precision,
        fatalities=int(row["fatalities"] or 0),
    )  # fmt: skip


def resolve_batches(notes: list[Note], mentions_of: Callable[[Note, str], list[Mention]], batch: int):
    """Resolution alone, batch by batch as the orchestrator does it, on given mentions."""
    from sitrep.resolve import mark_near_duplicates, resolve_into

    doc_of: dict[str, Note] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "resolve.sqlite")
        for i in range(0, len(notes), batch):
            with store.transaction() as conn:
                new: list[Mention] = []
                documents = []
                for note in notes[i : i + batch]:
                    doc = note_document(note)
                    doc_of[doc.id] = note
                    store.add_document(conn, doc)
                    documents.append(doc)
                    new += mentions_of(note, doc.id)
                mark_near_duplicates(store, conn, documents)
                store.add_mentions(conn, new)
                resolve_into(store, conn, new, set())
        with store.engine.connect() as conn:
            mentions = [(r.event_id, row_to_mention(r._mapping)) for r in conn.execute(select(schema.mentions))]
        store.close()
    return mentions, doc_of


def run_oracle(notes: list[Note], batch: int) -> tuple[list[tuple[str, Mention]], dict[str, Note]]:
    return resolve_batches(notes, lambda note, doc_id: [oracle_mention(u, doc_id, k) for k, u in enumerate(note.units)], batch)


def replay(notes: list[Note], saved: Path, batch: int) -> tuple[list[tuple[str, Mention]], dict[str, Note]]:
    """Resolution alone on the mentions a pipeline run saved (`--save`): iterate on resolve quickly."""
    with saved.open("rb") as handle:
        by_doc: dict[str, list[Mention]] = pickle.load(handle)
    return resolve_batches(notes, lambda note, doc_id: list(by_doc.get(doc_id, [])), batch)


def save(mentions: list[tuple[str, Mention]], path: Path) -> None:
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for _, m in mentions:
        by_doc[m.document_id].append(m)
    for ms in by_doc.values():
        ms.sort(key=lambda m: (m.evidence[0].start if m.evidence else 0, m.id))
    with path.open("wb") as handle:
        pickle.dump(dict(by_doc), handle)


def show(notes: list[Note], mentions: list[tuple[str, Mention]], doc_of: dict[str, Note]) -> None:
    """Every event holding mentions of two units: the notes and the fields that joined them."""
    by_event: dict[str, list[Mention]] = defaultdict(list)
    for event_id, m in mentions:
        by_event[event_id].append(m)
    for event_id, members in sorted(by_event.items()):
        units = {attribute(m, doc_of[m.document_id].units) for m in members} - {None}
        if len(units) < 2:
            continue
        print(f"== {event_id}")
        for m in members:
            note = doc_of[m.document_id]
            place = m.place
            where = f"{place.name}/{place.admin1} p{place.geo_precision} {place.gazetteer_id}" if place else "-"
            print(f"  [{attribute(m, note.units)}] {m.sub_event_type} | {m.event_date} {m.date_precision} | "
                  f"{m.actor1} / {m.actor2} | '{m.location_text}' -> {where} | fat {m.fatalities} | doc {m.document_id[:6]}")  # fmt: skip
            print(f"      {note.text[:300]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--oracle", action="store_true", help="mentions from the coded columns (resolution only)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N notes (by date)")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--save", type=Path, help="pipeline run: also save its mentions to this file (pickle)")
    parser.add_argument("--replay", type=Path, help="resolution alone, on the mentions saved by --save")
    parser.add_argument("--show", action="store_true", help="print every falsely merged event")
    args = parser.parse_args()
    if not BENCH.exists():
        print(f"skipped: {BENCH} not found (the shared bench folder is absent)")
        return 0
    if args.replay and not args.replay.is_file():
        print(f"error: --replay {args.replay}: no such file (write one with --save)", file=sys.stderr)
        return 2
    notes = load_notes(args.limit)
    started = time.perf_counter()
    if args.replay:
        mentions, doc_of = replay(notes, args.replay, args.batch)
        mode = f"replay ({args.replay} -> resolve)"
    elif args.oracle:
        mentions, doc_of = run_oracle(notes, args.batch)
        mode = "oracle (coded columns -> resolve)"
    else:
        mentions, doc_of = run_pipeline(notes, args.batch)
        mode = "pipeline (extract + geo + resolve)"
        if args.save:
            save(mentions, args.save)
    figures = measure(notes, mentions, doc_of)
    if args.show:
        show(notes, mentions, doc_of)
    print(f"ACLED false merges, {mode}, {time.perf_counter() - started:.0f} s")
    for name, value in figures.items():
        print(f"  {name:28} {value:.4f}" if isinstance(value, float) else f"  {name:28} {value}")
    strict = measure(notes, mentions, doc_of, strict=True)
    print(f"  strict (a one-row note owns all its mentions): {strict['merged_units']} units, {strict['rate'] * 100:.2f}%")
    old = measure(notes, mentions, doc_of, wratio=True)
    print(f"  names compared by WRatio (rounds 2-3): {old['merged_units']} units, {old['rate'] * 100:.2f}%; "
          f"{old['merged_with_a_row_coded_otherwise']} units, {old['rate_rows_coded_otherwise'] * 100:.2f}% leaving out "
          "rows coded alike")  # fmt: skip
    copies = measure(notes, mentions, doc_of, copies_apart=True)
    print(f"  leaving out sentences copied between notes: {copies['merged_units']} units, {copies['rate'] * 100:.2f}%; "
          f"{copies['merged_with_a_row_coded_otherwise']} units, {copies['rate_rows_coded_otherwise'] * 100:.2f}% "
          "leaving out rows coded alike too")  # fmt: skip
    loose = measure(notes, mentions, doc_of, by_distance_alone=True)
    print(f"  attributed by distance alone (round 1): {loose['merged_units']} units, {loose['rate'] * 100:.2f}%")
    print(f"FALSE-MERGE RATE {figures['rate'] * 100:.2f}% of {figures['units']} (note, location) units (target <= 1%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
