"""Resolution cost: time and memory to resolve 10k, 100k and 1M synthetic mentions.

    .venv/bin/python bench/resolve.py                 # 10k and 100k
    .venv/bin/python bench/resolve.py --sizes 1000000 # 1M (long: minutes)

Synthetic, with realistic shapes: villages drawn from the Who's On First gazetteer extracts in
../shared/data/gazetteer (Syria, Yemen, Iraq; a hot-spot-heavy Zipf popularity), a steady news
stream of ~250 mentions a day, ACLED-like shares of event types, day precision for most dates,
and each real event reported by 1-5 documents whose details differ (a "near" place, a missing
actor, another toll, the odd province-only report). Mentions arrive in date order in batches,
as from a live feed, through the same `resolve_into` the pipeline uses, into a temp SQLite file.

Prints, per size: total time, time inside resolution, mentions/s, peak memory (RSS), events
made, and pairwise precision/recall of the merges against the synthetic truth.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitrep.model import Evidence, Mention, Place  # noqa: E402
from sitrep.resolve import resolve_into  # noqa: E402
from sitrep.store import Store, schema  # noqa: E402

GAZETTEER = ROOT.parent / "shared" / "data" / "gazetteer"
ZIPF = 0.8  # popularity of the r-th village ~ 1/r^ZIPF
COUNTRIES = {"sy": ("Syria", 760, 0.6), "ye": ("Yemen", 887, 0.25), "iq": ("Iraq", 368, 0.15)}
MENTIONS_PER_DAY = 250  # ACLED's Middle East 2018 had ~130 events a day; each reported ~1.8 times
TYPES = [  # (event type, sub-type, share), roughly ACLED's Middle East mix
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 0.32),
    ("Explosions/Remote violence", "Air/drone strike", 0.22),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 0.04),
    ("Battles", "Armed clash", 0.22),
    ("Battles", "Government regains territory", 0.03),
    ("Battles", "Non-state actor overtakes territory", 0.02),
    ("Protests", "Peaceful protest", 0.07),
    ("Violence against civilians", "Attack", 0.03),
    ("Strategic developments", "Looting/property destruction", 0.03),
    ("Diplomacy", "Meeting", 0.02),
]
ACTORS = {
    "sy": ["Military Forces of Syria (2000-)", "Military Forces of Russia (2000-)", "Hayat Tahrir al-Sham",
           "Islamic State (Syria)", "YPG: People's Protection Units", "Military Forces of Turkey (2016-)"],
    "ye": ["Military Forces of Yemen (2016-) Supreme Political Council", "Military Forces of Yemen (2012-)",
           "Operation Restoring Hope", "AQAP: Al Qaeda in the Arabian Peninsula"],
    "iq": ["Military Forces of Iraq (2014-)", "Islamic State (Iraq)", "Popular Mobilization Forces"],
}  # fmt: skip


@dataclass
class Village:
    name: str
    lat: float
    lon: float
    gid: str
    admin1: str
    cc: str


def load_villages(limit_per_country: int = 4000, seed: int = 3) -> list[tuple[Village, float]]:
    """Villages with Zipf weights (a few hot spots take much of the news); a grid if no gazetteer."""
    rng = random.Random(seed)
    weighted: list[tuple[Village, float]] = []
    for cc, (_, _, share) in COUNTRIES.items():
        path = GAZETTEER / f"wof_admin_{cc}.tsv"
        villages: list[Village] = []
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                    if row["placetype"] == "locality" and row["region_name"] and row["lat"]:
                        villages.append(Village(row["name"], float(row["lat"]), float(row["lon"]),
                                                f"wof:{row['wof_id']}", row["region_name"], cc.upper()))  # fmt: skip
        else:  # no shared data: a plausible grid of villages 2-4 km apart
            villages = [Village(f"{cc}-{i}", 33 + (i % 200) * 0.03, 36 + (i // 200) * 0.03, f"{cc}:{i}",
                                f"{cc}-prov-{i % 12}", cc.upper()) for i in range(limit_per_country)]  # fmt: skip
        rng.shuffle(villages)
        villages = villages[:limit_per_country]
        norm = sum(1 / (r + 1) ** ZIPF for r in range(len(villages)))
        weighted += [(v, share / norm / (r + 1) ** ZIPF) for r, v in enumerate(villages)]
    return weighted


def _evidence(i: int) -> list[Evidence]:
    return [Evidence(f"sentence {i}", 0, 10)]


def stream(n: int, aliases: dict[int, int], seed: int = 1) -> Iterator[list[Mention]]:
    """n mentions of synthetic events, day by day (a live feed), never all in memory.

    A mention id is "m<event serial>-<report>"; `aliases` receives serial -> the serial of an
    identical earlier event (ACLED's definition: same place, day, type and actor is one event).
    """
    rng = random.Random(seed)
    villages = load_villages()
    places, weights = zip(*villages)
    cumulative = list(itertools.accumulate(weights))
    kinds, shares = zip(*[((t, s), w) for t, s, w in TYPES])
    day, made, serial = date(2018, 1, 1), 0, 0
    while made < n:
        today: list[Mention] = []
        seen: dict[tuple, int] = {}
        while len(today) < MENTIONS_PER_DAY and made + len(today) < n:
            serial += 1
            village: Village = rng.choices(places, cum_weights=cumulative)[0]
            kind = rng.choices(kinds, shares)[0]
            actor1 = rng.choice(ACTORS[village.cc.lower()])
            first = seen.setdefault((village.gid, kind, actor1), serial)
            if first != serial:
                aliases[serial] = first
            toll = rng.choice([0, 0, 0, 1, 2, 3, 5, 8, 12])
            for report in range(min(5, 1 + int(rng.expovariate(1.3)))):
                today.append(_report(rng, serial, report, village, day, kind, actor1, toll))
        yield sorted(today[: n - made], key=lambda m: m.id)
        made += min(len(today), n - made)
        day += timedelta(days=1)


def _report(rng: random.Random, serial: int, report: int, village: Village, day: date,
            kind: tuple[str, str], actor1: str, toll: int) -> Mention:  # fmt: skip
    """One outlet's report of an event: its own precision, sometimes no actor, its own toll."""
    precision = rng.choices([1, 2, 3], [0.75, 0.2, 0.05])[0]
    country, iso, _ = COUNTRIES[village.cc.lower()]
    place = Place(
        name=village.name if precision < 3 else village.admin1, country=country, iso=iso, admin1=village.admin1,
        admin2=None, latitude=village.lat if precision < 3 else round(village.lat, 0),
        longitude=village.lon if precision < 3 else round(village.lon, 0), geo_precision=precision,
        gazetteer_id=village.gid if precision < 3 else f"adm:{village.admin1}", country_code=village.cc,
    )  # fmt: skip
    lag = 1 if rng.random() < 0.03 else 0  # a late report, dated the next day
    return Mention(
        id=f"m{serial}-{report}", document_id=f"doc{serial}-{report}", post_index=0, event_type=kind[0],
        sub_event_type=kind[1], evidence=[Evidence(f"sentence {serial}", 0, 10)],
        actor1=actor1 if rng.random() > 0.15 else None, location_text=place.name, place=place,
        event_date=day + timedelta(days=lag), date_precision=rng.choices(["day", "week", "month"], [0.95, 0.04, 0.01])[0],
        fatalities=max(0, toll + rng.choice([0, 0, 0, 1, -1, 2])),
    )  # fmt: skip


def pairwise(store: Store, aliases: dict[int, int]) -> tuple[float, float]:
    """Pairwise precision and recall of the events made, against the synthetic events."""
    def truth(mention_id: str) -> int:
        serial = int(mention_id[1:].split("-")[0])
        return aliases.get(serial, serial)

    made_pairs = good = 0
    true_sizes: Counter = Counter()
    t = schema.mentions
    with store.engine.connect() as conn:
        rows = conn.execute(select(t.c.event_id, t.c.id).order_by(t.c.event_id))
        for _, group in itertools.groupby(rows, key=lambda r: r.event_id):
            events = [truth(r.id) for r in group]
            made_pairs += len(events) * (len(events) - 1) // 2
            counts = Counter(events)
            good += sum(c * (c - 1) // 2 for c in counts.values())
            true_sizes.update(counts)
    true_pairs = sum(c * (c - 1) // 2 for c in true_sizes.values())
    return good / made_pairs if made_pairs else 1.0, good / true_pairs if true_pairs else 1.0


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int, batch: int) -> None:
    aliases: dict[int, int] = {}
    now = datetime(2018, 1, 1)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.sqlite")
        resolving = 0.0
        started = time.perf_counter()
        pending: list[Mention] = []
        feed = stream(n, aliases)
        while True:
            day = next(feed, None)
            if day is not None:
                pending.extend(day)
            while len(pending) >= batch or (day is None and pending):
                chunk, pending = pending[:batch], pending[batch:]
                with store.transaction() as conn:
                    docs = {m.document_id: m.event_date for m in chunk}
                    conn.execute(schema.documents.insert(), [
                        {"id": d, "source": d, "version": 1, "media_type": "text/plain", "body": "",
                         "published": published, "ingested_at": now} for d, published in docs.items()])  # fmt: skip
                    store.add_mentions(conn, chunk)
                    t = time.perf_counter()
                    resolve_into(store, conn, chunk, set())
                    resolving += time.perf_counter() - t
            if day is None:
                break
        total = time.perf_counter() - started
        precision, recall = pairwise(store, aliases)
        events = store.count("events")
        size_mb = (Path(tmp) / "bench.sqlite").stat().st_size / 2**20
        store.close()
    print(
        f"{n:>9,} mentions | {total:7.1f} s total, {resolving:7.1f} s resolving ({n / resolving:,.0f} mentions/s)"
        f" | peak RSS {rss_mb():5.0f} MB | db {size_mb:5.0f} MB | {events:,} events"
        f" | pairwise precision {precision:.3f} recall {recall:.3f}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--batch", type=int, default=1000, help="mentions per transaction (pipeline batch)")
    args = parser.parse_args()
    for n in args.sizes:
        run(n, args.batch)


if __name__ == "__main__":
    main()
