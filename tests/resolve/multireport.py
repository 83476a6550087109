"""Merge recall and precision on the multi-outlet fixtures (tests/fixtures/multireport).

    .venv/bin/python tests/resolve/multireport.py          # full pipeline into a temp DB, with diagnostics
    .venv/bin/python tests/resolve/multireport.py --oracle # resolution alone, on the gold fields

A *report* is (document, real event it tells). Positive pairs: two reports of the same real
event; they are merged when one sitrep event holds mentions of both. Any two reports of
different real events sharing a sitrep event are a false merge. A mention belongs to the
report of its document whose place it names (within ATTRIBUTION_KM of the gold coordinates, or
the same name); a document telling one event also owns its mentions without a place.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "multireport"
ATTRIBUTION_KM = 15.0

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sitrep.model import Evidence, Mention, Place  # noqa: E402
from sitrep.resolve.actors import actor_families, families_conflict  # noqa: E402
from sitrep.resolve.compat import date_verdict, haversine_km, names_match, place_verdict, type_verdict  # noqa: E402


@dataclass
class Gold:
    events: dict[str, dict]
    reports: dict[str, dict[str, dict]]  # record id -> event key -> details
    records: dict[str, dict]  # record id -> the JSONL record

    def event_of(self, record_id: str, m: Mention) -> str | None:
        told = self.reports.get(record_id, {})
        if m.place and m.place.latitude is not None and m.place.geo_precision < 3:
            km, key = min(
                (haversine_km(m.place.latitude, m.place.longitude, self.events[k]["lat"], self.events[k]["lon"]), k)
                for k in told
            )
            return key if km <= ATTRIBUTION_KM else None
        named = [k for k in told if names_match(m.location_text, self.events[k]["place"])]
        if named:
            return named[0]
        if len(told) == 1 and (m.place is not None or not m.location_text):
            return next(iter(told))  # a province, or no place: the document's one event
        return None


def load_gold() -> Gold:
    data = yaml.safe_load((FIXTURES / "gold.yaml").read_text(encoding="utf-8"))
    records = {}
    for line in (FIXTURES / "reports.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            records[record["id"]] = record
    return Gold(data["events"], data["reports"], records)


@dataclass
class Figures:
    positive: int = 0
    merged: int = 0
    predicted: int = 0
    false_merges: list[tuple[str, str]] = field(default_factory=list)
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # (report a, report b, why)

    @property
    def recall(self) -> float:
        return self.merged / self.positive if self.positive else 1.0

    @property
    def precision(self) -> float:
        return self.merged / (self.merged + len(self.false_merges)) if self.merged or self.false_merges else 1.0


def measure(gold: Gold, mentions: list[tuple[str, str, Mention]]) -> Figures:
    """From (record id, event id, mention) triples: pairwise recall and precision of merging."""
    events_of: dict[tuple[str, str], set[str]] = {}
    examples: dict[tuple[str, str], list[Mention]] = {}
    for record_id, event_id, m in mentions:
        key = gold.event_of(record_id, m)
        if key is not None:
            events_of.setdefault((record_id, key), set()).add(event_id)
            examples.setdefault((record_id, key), []).append(m)
    reports = [(r, k) for r, told in gold.reports.items() for k in told]
    figures = Figures()
    for a, b in itertools.combinations(reports, 2):
        shared = events_of.get(a, set()) & events_of.get(b, set())
        if a[1] == b[1]:
            figures.positive += 1
            if shared:
                figures.merged += 1
            else:
                figures.missed.append((a[0], b[0], why_apart(gold, a, b, examples)))
        elif shared:
            figures.false_merges.append((f"{a[0]}:{a[1]}", f"{b[0]}:{b[1]}"))
    return figures


def why_apart(gold: Gold, a: tuple[str, str], b: tuple[str, str], examples: dict) -> str:
    """Which field kept two reports of one event apart: extraction/geocoding, or resolution."""
    if a not in examples or b not in examples:
        missing = [r for r in (a, b) if r not in examples]
        return "no mention extracted for " + ", ".join(r[0] for r in missing)
    event = gold.events[a[1]]
    notes = []
    for report in (a, b):
        m = examples[report][0]
        wrong = []
        if m.event_date != date.fromisoformat(str(event["date"])):
            wrong.append(f"date {m.event_date} ({m.date_precision})")
        if m.sub_event_type != event["sub_event_type"]:
            wrong.append(f"type {m.sub_event_type}")
        if event.get("actor1") and families_conflict(actor_families(m.actor1), actor_families(event["actor1"])):
            wrong.append(f"actor1 {m.actor1}")
        if m.place is None:
            wrong.append(f"place unresolved ({m.location_text})")
        elif m.place.geo_precision != 1:
            wrong.append(f"place precision {m.place.geo_precision} ({m.place.name})")
        if wrong:
            notes.append(f"{report[0]}: " + ", ".join(wrong))
    ma, mb = examples[a][0], examples[b][0]
    verdicts = f"type {type_verdict(ma, mb)}, date {date_verdict(ma, mb)}, place {place_verdict(ma, mb)}"
    return ("; ".join(notes) + " | " if notes else "resolution: ") + verdicts + f" | actors {ma.actor1} / {mb.actor1}"


def run_pipeline(pipeline, store) -> list[tuple[str, str, Mention]]:
    """Everything in reports.jsonl through the real pipeline; (record id, event id, mention)."""
    from sqlalchemy import select

    from sitrep.store import schema
    from sitrep.store.rows import row_to_mention

    gold = load_gold()
    by_url = {record["url"]: record_id for record_id, record in gold.records.items()}
    pipeline.run([str(FIXTURES / "reports.jsonl")])
    m, d = schema.mentions, schema.documents
    query = select(m, d.c.source.label("doc_source")).join(d, d.c.id == m.c.document_id)
    with store.engine.connect() as conn:
        return [(by_url[r.doc_source], r.event_id, row_to_mention(r._mapping)) for r in conn.execute(query)]


def ideal_mentions(gold: Gold) -> list[tuple[str, Mention]]:
    """What a perfect extractor and geocoder would give: one mention per report, gold fields."""
    result = []
    for record_id, told in gold.reports.items():
        for key, detail in told.items():
            event = gold.events[key]
            kind = "Battles" if event["sub_event_type"] == "Armed clash" else "Explosions/Remote violence"
            place = Place(event["place"], None, None, "admin", None, event["lat"], event["lon"], 1, f"gold:{key}", "XX")
            result.append((record_id, Mention(
                id=f"{record_id}:{key}", document_id=record_id, post_index=0, event_type=kind,
                sub_event_type=event["sub_event_type"], evidence=[Evidence(record_id, 0, 1)], actor1=event["actor1"],
                location_text=event["place"], place=place, event_date=date.fromisoformat(str(event["date"])),
                date_precision="day", fatalities=detail.get("fatalities"), modality=detail.get("modality", "occurred"),
            )))  # fmt: skip
    return result


def run_oracle() -> list[tuple[str, str, Mention]]:
    from sitrep.resolve.cluster import Pool, assign

    gold = load_gold()
    pairs = ideal_mentions(gold)
    outcome = assign([m for _, m in pairs], Pool())
    return [(record_id, outcome.assignments[m.id], m) for record_id, m in pairs]


def report(figures: Figures, title: str) -> None:
    print(f"{title}: pairwise recall {figures.recall:.3f} ({figures.merged}/{figures.positive}), "
          f"precision {figures.precision:.3f} ({len(figures.false_merges)} false merges)")  # fmt: skip
    causes: dict[str, int] = {}
    for a, b, why in figures.missed:
        print(f"  missed {a} + {b}: {why}")
        for cause in ("no mention", "date", "type", "actor1", "place", "resolution"):
            if cause in why.split("|")[0]:
                causes[cause] = causes.get(cause, 0) + 1
    if causes:
        print("  missed pairs by field (a pair may count under several): " + ", ".join(f"{k} {v}" for k, v in causes.items()))
    for a, b in figures.false_merges:
        print(f"  false merge {a} + {b}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--oracle", action="store_true", help="gold fields straight into resolution")
    args = parser.parse_args()
    gold = load_gold()
    if args.oracle:
        report(measure(gold, run_oracle()), "multireport, resolution alone (gold fields)")
        return 0
    from sitrep.pipeline import Pipeline
    from sitrep.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "multireport.sqlite")
        mentions = run_pipeline(Pipeline(store), store)
        store.close()
    report(measure(gold, mentions), "multireport, full pipeline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
