"""End-to-end score of the whole pipeline on the demo corpus against its answer key (demo/gold.yaml).

    python bench/demo_gold.py [--db FILE] [--show-misses]

Runs `sitrep run demo/corpus` into a fresh SQLite file (or reads --db), then maps every gold report
(a quote in a document) to the sitrep event whose evidence holds that quote (several events can share
a sentence that names several villages: the place as written decides). Prints:
- event recall: gold events with at least one report found in an event of the right event type;
- precision: sitrep events that stand for a gold event (or a borderline `optional_events` text),
  and how many come from text the key says must never be an event (comments, link titles, ...);
- field accuracy over found events: sub-type, date, location within 10 km, fatalities, modality,
  certainty, actor1;
- merge recall / precision: pairs of reports of one gold event that share a sitrep event, and
  pairs of reports of different gold events that wrongly do.
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import yaml
from rapidfuzz import fuzz
from unidecode import unidecode

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo"
CORPUS_ARG = "demo/corpus"  # sources are stored as given, relative to the repository root
WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> set[str]:
    return set(WORD.findall(unidecode(text or "").lower()))


def overlap(quote: str, evidence: str) -> float:
    """Share of the quote's words found in the evidence."""
    q = words(quote)
    return len(q & words(evidence)) / len(q) if q else 0.0


def name_key(text: str | None) -> str:
    text = unidecode(text or "").lower()
    text = re.sub(r"\b(?:al|el|an|ad|ar|as|ash|at|az)[-\s]", "", text)
    return re.sub(r"[^a-z0-9]+", "", text)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


def stored_source(gold_source: str) -> str:
    if gold_source.startswith(("http://", "https://")):
        return gold_source
    return f"{CORPUS_ARG}/{gold_source}"


def run_pipeline(db: Path) -> None:
    from sitrep.pipeline import Pipeline
    from sitrep.store import Store

    store = Store.open(db)
    Pipeline(store).run([CORPUS_ARG])
    store.close()


def load_events(db: Path) -> list:
    from sitrep.store import EventQuery, Store, iter_events

    store = Store.open(db)
    events = list(iter_events(store, EventQuery()))
    store.close()
    return events


def event_texts(event) -> dict[str, str]:
    """Per stored source: the event's evidence text there."""
    return {s.source: " ".join(e.text for e in s.evidence) for s in event.sources}


def place_names(event) -> list[str]:
    names = [event.location_text or ""]
    if event.place:
        names.append(event.place.name)
    return names


def find_report(report: dict, by_source: dict[str, list]) -> object | None:
    """The sitrep event that carries this gold report, or None."""
    candidates = []
    for event in by_source.get(stored_source(report["source"]), []):
        text = event_texts(event)[stored_source(report["source"])]
        score = overlap(report["quote"], text)
        if score >= 0.6:
            place = max(fuzz.ratio(name_key(report.get("place_as_written")), name_key(n)) for n in place_names(event))
            candidates.append((place >= 80, score, place, event))
    if not candidates:
        return None
    return max(candidates, key=lambda c: (c[0], c[1], c[2]))[3]


def score(key: dict, events: list, show_misses: bool) -> None:
    by_source: dict[str, list] = defaultdict(list)
    for event in events:
        for source in event.sources:
            by_source[source.source].append(event)

    found_events, fields, matched_ids = 0, Counter(), set()
    report_event: dict[tuple[str, int], str] = {}
    misses = []
    for gold in key["events"]:
        hits = []
        for i, report in enumerate(gold["reports"]):
            event = find_report(report, by_source)
            if event is not None:
                report_event[(gold["id"], i)] = event.id
                matched_ids.add(event.id)
                if event.event_type == gold["event_type"] or any(
                    alt.get("event_type") == event.event_type for alt in gold.get("also_acceptable", []) or []
                ):
                    hits.append(event)
        if not hits:
            misses.append(gold["id"])
            continue
        found_events += 1
        event = hits[0]
        fields["sub_event_type"] += event.sub_event_type == gold["sub_event_type"]
        fields["date"] += (event.event_date.isoformat() if event.event_date else None) == gold["date"]
        loc = gold["location"]
        if loc.get("latitude") is not None and event.place and event.place.latitude is not None:
            fields["location_10km"] += km(loc["latitude"], loc["longitude"], event.place.latitude, event.place.longitude) <= 10
        elif loc.get("latitude") is None:
            fields["location_10km"] += event.place is None or event.place.latitude is None
        fields["fatalities"] += event.fatalities == gold["fatalities"]
        fields["modality"] += event.modality == gold["modality"]
        fields["certainty"] += event.certainty == gold["certainty"]
        fields["actor1"] += event.actor1 == gold["actor1"]

    not_event_texts = defaultdict(list)
    optional_texts = defaultdict(list)
    for doc in key["documents"]:
        source = stored_source(doc["source"])
        not_event_texts[source] += [n["text"] for n in doc.get("not_events", []) or []]
        optional_texts[source] += [n["text"] for n in doc.get("optional_events", []) or []]

    from_non_events, optional, spurious = 0, 0, []
    for event in events:
        if event.id in matched_ids:
            continue
        texts = event_texts(event)
        if any(overlap(n, t) >= 0.6 or overlap(t, n) >= 0.6 for s, t in texts.items() for n in not_event_texts[s]):
            from_non_events += 1
        elif any(overlap(n, t) >= 0.6 or overlap(t, n) >= 0.6 for s, t in texts.items() for n in optional_texts[s]):
            optional += 1
        else:
            spurious.append(event)

    same, pairs, split = 0, 0, []
    for gold in key["events"]:
        for i, j in itertools.combinations(range(len(gold["reports"])), 2):
            pairs += 1
            a, b = report_event.get((gold["id"], i)), report_event.get((gold["id"], j))
            same += a is not None and a == b
        held = {report_event.get((gold["id"], i)) for i in range(len(gold["reports"]))}
        if len(gold["reports"]) > 1 and len(held) > 1:
            split.append((gold["id"], held))
    owners: dict[str, set[str]] = defaultdict(set)
    for (gold_id, _), event_id in report_event.items():
        owners[event_id].add(gold_id)
    wrong_merges = sum(len(g) - 1 for g in owners.values() if len(g) > 1)

    total = len(key["events"])
    print(f"events: {len(events)} from sitrep, {total} in the key")
    print(f"event recall: {found_events}/{total} = {found_events / total:.3f}")
    useful = len(matched_ids) + optional
    print(
        f"precision: {useful}/{len(events)} = {useful / max(len(events), 1):.3f} "
        f"({len(matched_ids)} gold, {optional} optional; {from_non_events} from must-not-be-event text, "
        f"{len(spurious)} other unmatched)"
    )
    for name in ("sub_event_type", "date", "location_10km", "fatalities", "modality", "certainty", "actor1"):
        print(f"  {name:15} {fields[name]:4}/{found_events} = {fields[name] / max(found_events, 1):.3f}")
    print(f"merge recall: {same}/{pairs} report pairs of one event share a sitrep event = {same / max(pairs, 1):.3f}")
    print(f"merge errors: {wrong_merges} gold events folded into another's sitrep event")
    if show_misses:
        print("\nmissed gold events:", ", ".join(misses))
        print("\ngold events whose reports sitrep keeps apart:")
        by_id = {e.id: e for e in events}
        for gold_id, held in split:
            print(f"  {gold_id}")
            for event_id in sorted(held, key=str):
                e = by_id.get(event_id)
                print(f"    {e.id} {e.sub_event_type} {e.event_date} @ {e.location_text} | {e.actor1} | fat {e.fatalities}"
                      if e else "    (report not found)")
        print("\nunmatched sitrep events:")
        for event in spurious:
            text = next(iter(event_texts(event).values()), "")
            print(f"  {event.event_type} / {event.sub_event_type} @ {event.location_text}: {text[:140]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="score this database instead of running the pipeline")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    os.chdir(ROOT)
    key = yaml.safe_load((DEMO / "gold.yaml").read_text(encoding="utf-8"))
    if args.db:
        db = args.db
    else:
        db = Path(tempfile.mkdtemp(prefix="sitrep-demo-gold-")) / "demo.sqlite"
        print(f"running the pipeline on {CORPUS_ARG} into {db}", file=sys.stderr)
        run_pipeline(db)
    score(key, load_events(db), args.show_misses)


if __name__ == "__main__":
    main()
