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
  ATTRIBUTION_KM of the row's coordinates. Names match by WRatio *and* word by word (`one_name`):
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
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from rapidfuzz import fuzz
from sqlalchemy import select
from unidecode import unidecode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitrep.countries import to_iso2  # noqa: E402
from sitrep.ids import content_id  # noqa: E402
from sitrep.model import Document, Evidence, Mention, Place, Post  # noqa: E402
from sitrep.resolve.compat import haversine_km  # noqa: E402
from sitrep.store import Store, schema  # noqa: E402
from sitrep.store.rows import row_to_mention  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench" / "events" / "acled_middle_east_2018-01_02.csv"
ATTRIBUTION_KM = 2.0  # ACLED's and the gazetteer's coordinates of one village
NAME_SIMILARITY = 85  # a place phrase names the row's location (fuzz.ratio, word by word without articles)
SPELLING_SIMILARITY = 70  # ... provided the names are two spellings of it, not two neighbouring villages
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
class Unit:
    key: int
    location: str
    lat: float
    lon: float
    row: dict


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


ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "the"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_MARKS = re.compile(r"['`]")


def _words(name: str) -> list[str]:
    """Lower-case ASCII words of a name, articles dropped: "al-Shifunya" -> ["shifunya"]."""
    folded = _MARKS.sub("", unidecode(name).lower())  # "Na'im", "Ta`izz": one word
    return [w for w in _NON_ALNUM.split(folded) if w and w not in ARTICLES]


def _parts(location: str) -> list[str]:
    """ACLED's location and the names it joins with a dash ("Aden-Kraytar", "Busra - Zafar al-Saghir":
    a town and the quarter or village the row is about); an article's hyphen ("al-Saghir") joins no names."""
    parts = [location]
    for piece in re.split(r"\s+-\s+", location):
        fragments = piece.split("-")
        joined = [fragments[0]]
        for fragment in fragments[1:]:
            last = joined[-1].split()
            if last and last[-1].lower() in ARTICLES:
                joined[-1] += "-" + fragment
            else:
                joined.append(fragment)
        parts += [p.strip() for p in ([piece] if len(joined) == 1 else [piece, *joined]) if p.strip()]
    return list(dict.fromkeys(parts))


def _vowelless(word: str) -> str:
    return re.sub(r"[aeiouy]", "", word)


def _word_spelled(word: str, others: list[str]) -> bool:
    return any(
        fuzz.ratio(word, o) >= SPELLING_SIMILARITY or (_vowelless(word) != "" and _vowelless(word) == _vowelless(o))
        for o in others
    )


def one_name(phrase: str, location: str) -> bool:
    """The phrase and the row's location (or one of the names it joins) are one name: spelled alike
    as a whole (ratio >= NAME_SIMILARITY), or every word of the shorter has a spelling in the other
    ("Kahbub" / "Jabal Kahbub", "Beit Furik" / "Bayt Furik"). WRatio alone scores 85.5 for any two
    names that share one word: "Sati Ushaghi" / "Omar Ushaghi", "Al Houd" / "Al Aqqaybah",
    "Zafar al-Kabir" / "Busra - Zafar al-Saghir" are two villages each."""
    mine = _words(phrase)
    for part in _parts(location):
        theirs = _words(part)
        if not (mine and theirs):
            continue
        fewer, more = sorted((mine, theirs), key=len)
        alike_whole = fuzz.ratio(" ".join(mine), " ".join(theirs)) >= NAME_SIMILARITY
        if alike_whole or all(_word_spelled(w, more) for w in fewer):
            return True
    return False


def _phrases(m: Mention) -> list[str]:
    return [p for p in (m.location_text, m.place.name if m.place else None) if p]


def _similarity(m: Mention, location: str) -> float:
    return max((fuzz.WRatio(p, location) for p in _phrases(m)), default=0)


def attribute(
    m: Mention, note: Note, strict: bool = False, by_distance_alone: bool = False, wratio: bool = False
) -> int | None:
    """The unit (row) of its note a mention is about: the unit whose location the mention's place
    names (by name, or a spelling of it placed within ATTRIBUTION_KM); None for a mention of some
    other place the note names in passing. `strict`: a note with one unit owns all its mentions.
    `by_distance_alone` (round 1's definition): any place within ATTRIBUTION_KM counts as the row's,
    which in the towns of Eastern Ghouta, 1-2 km apart, gives a passing reference to the next town
    to the row. `wratio` (rounds 2-3): names compared with rapidfuzz's WRatio, which scores 85.5
    for any two names sharing one word ("Al Houd" / "Al Aqqaybah", "Omar Ushaghi" / "Sati Ushaghi")."""
    if strict and len(note.units) == 1:
        return note.units[0].key
    for phrase in _phrases(m):
        named = [(fuzz.WRatio(phrase, u.location), u.key) for u in note.units if wratio or one_name(phrase, u.location)]
        score, unit = max(named, default=(0, None))
        if score >= NAME_SIMILARITY:
            return unit
    if m.place and m.place.latitude is not None and m.place.longitude is not None:
        lat, lon = m.place.latitude, m.place.longitude
        near = min(note.units, key=lambda u: (haversine_km(lat, lon, u.lat, u.lon), u.key))
        km = haversine_km(lat, lon, near.lat, near.lon)
        if km > ATTRIBUTION_KM:
            return None
        if by_distance_alone:
            return near.key
        spelled = [p for p in _phrases(m) if fuzz.WRatio(p, near.location) >= SPELLING_SIMILARITY]
        return near.key if any(wratio or one_name(p, near.location) for p in spelled) else None
    return None


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
        unit = attribute(m, doc_of[m.document_id], strict, by_distance_alone, wratio)
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


def coded_alike(a: dict, b: dict, wratio: bool = False) -> bool:
    """Two rows that ACLED's own definition makes one event (same day, place, type and actor1), kept
    as two rows because two sources reported it (SOHR's and SHAM's notes of one shelling, which
    spell the village differently: "Jisrein" / "Jesrin")."""
    if any(a[f] != b[f] for f in ("event_date", "event_type", "actor1")):
        return False
    km = haversine_km(float(a["latitude"]), float(a["longitude"]), float(b["latitude"]), float(b["longitude"]))
    if wratio:
        return km <= ATTRIBUTION_KM and fuzz.WRatio(a["location"], b["location"]) >= SPELLING_SIMILARITY
    alike = fuzz.WRatio(a["location"], b["location"]) >= SPELLING_SIMILARITY and one_name(a["location"], b["location"])
    return km <= ATTRIBUTION_KM and alike


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
        units = {attribute(m, doc_of[m.document_id]) for m in members} - {None}
        if len(units) < 2:
            continue
        print(f"== {event_id}")
        for m in members:
            note = doc_of[m.document_id]
            place = m.place
            where = f"{place.name}/{place.admin1} p{place.geo_precision} {place.gazetteer_id}" if place else "-"
            print(f"  [{attribute(m, note)}] {m.sub_event_type} | {m.event_date} {m.date_precision} | "
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
