"""Measure the geo stage alone: gazetteer load time (cold/warm), memory, speed, and resolver accuracy.

    .venv/bin/python bench/geo.py [--limit N] [--skip-cold] [--bench DIR]

Accuracy isolates the resolver from extraction: each benchmark row's gold location string is resolved
with the context the row gives (ACLED: its country and its `notes` as the document; UCDP: Syria and the
`source_headline`), and the result is compared with the row's coordinates (share within 10 and 25 km;
an unplaced mention counts as a miss). Location strings are passed as written ("Damascus - Al-Shaghour",
"Tadmur/Palmyra town"): reading them is part of the resolver's job.
The UCDP ceiling says how far headlines allow: for each row, the distance from the gold point to the nearest
place recognised and resolved in its headline (a row whose headline names no place cannot be placed).
Benchmarks are read from ../shared/bench/events; nothing from them is stored.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BENCH = ROOT.parent / "shared" / "bench" / "events"
LOAD_SNIPPET = "import time; t=time.perf_counter(); from sitrep.geo import Geocoder; g=Geocoder.load(); print(time.perf_counter()-t)"


def timed_load(cache: str | None) -> float:
    env = dict(os.environ)
    if cache:
        env["SITREP_CACHE_DIR"] = cache
    out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def acled_rows(limit: int | None) -> list[dict]:
    with open(BENCH / "acled_middle_east_2018-01_02.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return rows[:limit] if limit else rows


def ucdp_rows(limit: int | None) -> list[dict]:
    with open(BENCH / "ucdp_ged_syria_2016-2017.csv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["where_coordinates"] and r["latitude"]]
    step = max(1, len(rows) // limit) if limit else 1
    return rows[::step][:limit] if limit else rows


def resolve_row(geocoder, body: str, country: str | None, location: str, hint: str | None):  # noqa: ANN001
    from sitrep.geo.normalize import fold
    from sitrep.geo.resolve import parse_location
    from sitrep.model import Document, Mention, Post

    doc = Document(id="bench", source="bench", media_type="text/plain", body=body,
                   posts=[Post(None, None, 0, len(body), body)], country=country)
    mention = Mention(id="m", document_id="bench", post_index=0, event_type="", sub_event_type="", evidence=[],
                      location_text=location, admin_hint=hint)
    for phrase in geocoder.find_places(body, country):  # what the extractor would pass along
        if fold(parse_location(phrase.text).name) == fold(parse_location(location).name):
            mention.location_qualifier = phrase.qualifier
            mention.admin_hint = mention.admin_hint or phrase.admin_hint
            break
    geocoder.place([mention], doc)
    return mention


def score(name: str, cases: list[tuple], geocoder) -> None:  # noqa: ANN001
    from sitrep.geo.gazetteer import distance_km

    within10 = within25 = placed = 0
    by_gold_precision: Counter = Counter()
    hits_by_precision: Counter = Counter()
    misses: Counter = Counter()
    started = time.perf_counter()
    for body, country, location, hint, lat, lon, gold_precision in cases:
        m = resolve_row(geocoder, body, country, location, hint)
        by_gold_precision[gold_precision] += 1
        if m.place is None or m.place.latitude is None:
            misses[(m.geo_note or "")[:40]] += 1
            continue
        placed += 1
        d = distance_km(m.place.latitude, m.place.longitude, lat, lon)
        within10 += d <= 10
        within25 += d <= 25
        hits_by_precision[gold_precision] += d <= 25
    n = len(cases)
    elapsed = time.perf_counter() - started
    print(f"\n{name}: {n} rows, resolver only ({elapsed / n * 1000:.1f} ms/row incl. context)")
    print(f"  placed {placed / n:.3f}   within 25 km {within25 / n:.3f}   within 10 km {within10 / n:.3f}")
    for p in sorted(by_gold_precision):
        print(f"  gold precision {p}: {by_gold_precision[p]} rows, within 25 km {hits_by_precision[p] / by_gold_precision[p]:.3f}")
    print("  unplaced, by reason:", ", ".join(f"{k.split(':')[0]} {v}" for k, v in misses.most_common(4)))


def acled_cases(limit: int | None) -> list[tuple]:
    from sitrep.countries import to_iso2

    cases = []
    for r in acled_rows(limit):
        cases.append((r["notes"], to_iso2(r["country"]), r["location"], None, float(r["latitude"]),
                      float(r["longitude"]), r["geo_precision"]))
    return cases


def ucdp_cases(limit: int | None) -> list[tuple]:
    return [(r["source_headline"], "SY", r["where_coordinates"], None, float(r["latitude"]), float(r["longitude"]),
             r["where_prec"]) for r in ucdp_rows(limit)]


def ucdp_ceiling(geocoder, limit: int | None) -> None:  # noqa: ANN001
    """The best any event placed from the headline could do: the gold point's distance to the nearest place
    that recognition + resolution find in the headline (every phrase placed as if it were an event)."""
    from sitrep.geo.gazetteer import distance_km
    from sitrep.model import Document, Mention, Post

    found: dict[str, tuple[int, list]] = {}
    tally: Counter = Counter()
    by_precision: dict[str, Counter] = {}
    rows = [r for r in ucdp_rows(limit) if r["source_headline"].strip()]
    for r in rows:
        headline = r["source_headline"].strip()
        if headline not in found:
            doc = Document(id="h", source="bench", media_type="text/plain", body=headline,
                           posts=[Post(None, None, 0, len(headline), headline)], country="SY")
            phrases = geocoder.find_places(headline, "SY")
            mentions = [Mention(id=str(i), document_id="h", post_index=0, event_type="", sub_event_type="", evidence=[],
                                location_text=p.text, admin_hint=p.admin_hint, location_qualifier=p.qualifier)
                        for i, p in enumerate(phrases)]
            geocoder.place(mentions, doc)
            found[headline] = (len(phrases), [m.place for m in mentions if m.place and m.place.latitude is not None])
        n_phrases, places = found[headline]
        lat, lon = float(r["latitude"]), float(r["longitude"])
        d = min((distance_km(p.latitude, p.longitude, lat, lon) for p in places), default=None)
        kind = "names no place" if not n_phrases else "unplaced" if d is None else "within 25 km" if d <= 25 else "farther"
        tally[kind] += 1
        by_precision.setdefault(r["where_prec"], Counter())[kind] += 1
    n = len(rows)
    print(f"\nUCDP ceiling ({n} rows): nearest place found in the headline vs the gold point")
    print("  " + "   ".join(f"{k} {v / n:.3f}" for k, v in tally.most_common()))
    for prec in sorted(by_precision):
        c = by_precision[prec]
        total = sum(c.values())
        print(f"  where_prec {prec}: {total} rows, within 25 km {c['within 25 km'] / total:.3f}, "
              f"names no place {c['names no place'] / total:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description="geo stage figures")
    parser.add_argument("--limit", type=int, default=None, help="at most N rows per benchmark")
    parser.add_argument("--skip-cold", action="store_true", help="do not measure a cold build (takes ~20 s)")
    parser.add_argument("--bench", type=Path, default=BENCH)
    args = parser.parse_args()
    globals()["BENCH"] = args.bench

    if not args.skip_cold:
        with tempfile.TemporaryDirectory() as tmp:
            print(f"cold load (index built from the shipped data): {timed_load(tmp):.2f} s")
    timed_load(None)  # make sure the user cache is built
    warm = [timed_load(None) for _ in range(3)]
    print(f"warm load (cached index): {statistics.median(warm):.2f} s (median of 3, in a fresh process)")

    base = rss_mb()
    from sitrep.geo import Geocoder

    geocoder = Geocoder.load()
    if not BENCH.is_dir():
        print(f"\n{BENCH}: not found; speed on notes and accuracy skipped")
        return
    sentences = [r["notes"] for r in acled_rows(400)]
    started = time.perf_counter()
    found = sum(len(geocoder.find_places(s, "SY")) for s in sentences)
    per = (time.perf_counter() - started) / len(sentences) * 1000
    print(f"find_places: {per:.2f} ms per note ({found} places in {len(sentences)} notes)")

    score("ACLED notes (gold location + country + notes)", acled_cases(args.limit), geocoder)
    score("UCDP GED Syria (gold where_coordinates + headline)", ucdp_cases(args.limit), geocoder)
    ucdp_ceiling(geocoder, args.limit)
    print(f"\npeak memory: {rss_mb():.0f} MB RSS for the whole process ({rss_mb() - base:.0f} MB after start-up)")


if __name__ == "__main__":
    main()
