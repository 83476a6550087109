"""Measure API latency (p50/p95 per query kind) on a synthetic 100k-event database, served by `sitrep serve`.

    .venv/bin/python bench/api_latency.py [--events 100000] [--runs 30] [--db PATH] [--rebuild]
                                          [--server-root DIR]

The database is synthetic (rows written through the store's row conversions and SQL, not the NLP
pipeline): events spread over two years and Syria's governorates, one source document and mention
per event with an evidence sentence. It is kept (default /tmp/sitrep-bench-<N>.sqlite) so that a
second run measures straight away; the server migrates an older one when it starts. The server runs
as a subprocess (`python -m sitrep serve`, from --server-root: another checkout, to compare code) on
a loopback port; each query is requested `--runs` times after two warm-ups, one request at a time.
Besides wall-clock p50/p95 it prints the server process's CPU time per request (from /proc), a
figure that other work on a shared machine inflates far less than wall-clock time.
Target: p95 < 100 ms for every typical /api/events query; facets and stats < 150 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from sitrep.model import Document, Event, Evidence, Mention, Place, Post  # noqa: E402
from sitrep.store import Store, schema  # noqa: E402
from sitrep.store import rows as row_of  # noqa: E402

GOVERNORATES = [  # name, latitude, longitude, weight
    ("Idlib", 35.75, 36.65, 30), ("Aleppo", 36.2, 37.4, 20), ("Hama", 35.2, 36.8, 10),
    ("Deir ez-Zor", 35.1, 40.3, 10), ("Daraa", 32.75, 36.2, 8), ("Rif Dimashq", 33.5, 36.6, 6),
    ("Homs", 34.6, 37.2, 5), ("Raqqa", 35.9, 38.9, 4), ("Al-Hasakah", 36.6, 40.9, 3),
    ("Latakia", 35.6, 35.9, 2), ("As-Suwayda", 32.7, 36.6, 1), ("Damascus", 33.51, 36.29, 1),
]  # fmt: skip
TYPES = [  # event type, sub-event type, weight
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 30),
    ("Explosions/Remote violence", "Air/drone strike", 20), ("Battles", "Armed clash", 20),
    ("Violence against civilians", "Attack", 8), ("Strategic developments", "Arrests", 6),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 5), ("Protests", "Peaceful protest", 5),
    ("Strategic developments", "Looting/property destruction", 3), ("Diplomacy", "Statement", 3),
]  # fmt: skip
ACTORS = [
    "Military Forces of Syria (2000-2024)", "Hayat Tahrir al-Sham", "Military Forces of Russia (2000-)",
    "SDF: Syrian Democratic Forces", "Syrian National Army", "Islamic State (Syria)", "Civilians (Syria)",
    "Military Forces of Turkey (2016-)", "Unidentified Armed Group (Syria)",
]  # fmt: skip
START = date(2023, 1, 1)
DAYS = 730
BATCH = 5000


def synthetic(i: int, rng: random.Random) -> tuple[Document, Mention, Event]:
    admin1, lat, lon, _ = rng.choices(GOVERNORATES, weights=[g[3] for g in GOVERNORATES])[0]
    event_type, sub_type, _ = rng.choices(TYPES, weights=[t[2] for t in TYPES])[0]
    day = START + timedelta(days=int(rng.triangular(0, DAYS, DAYS)))
    place = Place(name=f"{admin1} village {i % 400}", country="Syria", iso=760, admin1=admin1, admin2=None,
                  latitude=lat + rng.gauss(0, 0.25), longitude=lon + rng.gauss(0, 0.25),
                  geo_precision=rng.choice((1, 1, 1, 2, 3)), country_code="SY")  # fmt: skip
    actor1, actor2 = rng.sample(ACTORS, 2)
    fatalities = None if rng.random() < 0.5 else int(rng.expovariate(0.3))
    certainty = rng.choices(("asserted", "reported", "claimed", "alleged"), weights=(4, 3, 2, 1))[0]
    modality = rng.choices(("occurred", "planned", "hypothetical", "denied"), weights=(90, 5, 3, 2))[0]
    sentence = f"{sub_type} reported in {place.name}, {admin1}, on {day:%d %B %Y}, involving {actor1}."
    body = f"Report {i}\n\n{sentence} Residents described the situation as tense."
    doc_id, mention_id, event_id = f"doc{i:07d}", f"m{i:07d}", f"ev{i:07d}"
    document = Document(id=doc_id, source=f"https://news{i % 50}.example/{i}", media_type="text/html", body=body,
                        posts=[Post(None, day, 0, len(body), body)], title=f"Report {i}",
                        publisher=f"Outlet {i % 50}", published=day)  # fmt: skip
    start = body.index(sentence)
    mention = Mention(id=mention_id, document_id=doc_id, post_index=0, event_type=event_type,
                      sub_event_type=sub_type, evidence=[Evidence(sentence, start, start + len(sentence))],
                      actor1=actor1, actor2=actor2, place=place, event_date=day, date_precision="day",
                      fatalities=fatalities, modality=modality, certainty=certainty)  # fmt: skip
    event = Event(id=event_id, event_type=event_type, sub_event_type=sub_type, event_date=day, date_precision="day",
                  actor1=actor1, actor2=actor2, assoc_actor_1=None, assoc_actor_2=None, inter1=None, inter2=None,
                  place=place, location_text=place.name, fatalities=fatalities, modality=modality,
                  certainty=certainty, attribution=[], corroboration=rng.choice((1, 1, 1, 2, 2, 3, 4)),
                  notes=sentence, mention_ids=[mention_id])  # fmt: skip
    return document, mention, event


def build_db(path: Path, count: int, seed: int = 7) -> None:
    """Write `count` synthetic events (with one document and mention each) in batches of SQL inserts."""
    path.unlink(missing_ok=True)
    store = Store.open(path)
    rng = random.Random(seed)
    now = datetime(2025, 1, 1)
    started = time.perf_counter()
    for first in range(0, count, BATCH):
        docs, mentions, events = [], [], []
        for i in range(first, min(first + BATCH, count)):
            document, mention, event = synthetic(i, rng)
            doc_row, post_rows, _ = row_of.document_rows(document, 1, now)
            docs.append((doc_row, post_rows))
            mentions.append(row_of.mention_to_row(mention, event.id))
            events.append({**row_of.event_to_row(event), "created_at": now, "updated_at": now})
        with store.transaction() as conn:
            conn.execute(schema.documents.insert(), [d for d, _ in docs])
            conn.execute(schema.posts.insert(), [p for _, ps in docs for p in ps])
            conn.execute(schema.mentions.insert(), mentions)
            conn.execute(schema.events.insert(), events)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    store.close()
    print(f"built {count:,} events in {time.perf_counter() - started:.1f}s: {path}")


def queries(latest: date) -> dict[str, dict]:
    """The typical /api/events requests (limit 100), by kind."""
    month = {"date_from": str(latest - timedelta(days=29)), "date_to": str(latest)}
    quarter = {"date_from": str(latest - timedelta(days=89)), "date_to": str(latest)}
    return {
        "latest 100 (no filter)": {},
        "last 30 days": month,
        "type": {"event_type": "Battles"},
        "sub-type": {"sub_event_type": "Air/drone strike"},
        "actor (substring)": {"actor": "Hayat Tahrir"},
        "country": {"country": "SY"},
        "admin1": {"admin1": "Idlib"},
        "bbox": {"bbox": "36.4,35.5,36.9,36.0"},
        "near 25 km": {"near": "35.93,36.63", "radius_km": 25},
        "certainty": {"certainty": "claimed"},
        "modality": {"modality": "planned"},
        "certainty+modality": {"certainty": "claimed", "modality": "occurred"},
        "corroboration>=3": {"min_corroboration": 3},
        "type+admin1+90 days": {"event_type": "Explosions/Remote violence", "admin1": "Aleppo", **quarter},
        "text, rare": {"q": "Latakia village 12,"},
        "text, common": {"q": "Hayat Tahrir"},
        "sort -fatalities": {"sort": "-fatalities"},
        "sort event_date (oldest)": {"sort": "event_date"},
        "sort -corroboration": {"sort": "-corroboration"},
        "page 51 (offset 5000)": {"offset": 5000},
        "page 501 (offset 50000)": {"offset": 50000},
    }


def summaries(latest: date) -> list[tuple[str, str, dict]]:
    month = {"date_from": str(latest - timedelta(days=29)), "date_to": str(latest)}
    return [
        ("/api/facets (all)", "/api/facets", {}),
        ("/api/facets (30 days)", "/api/facets", month),
        ("/api/stats (all)", "/api/stats", {}),
        ("/api/stats (30 days)", "/api/stats", month),
        ("/api/points (30 days)", "/api/points", month),
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, root: Path = ROOT) -> tuple[subprocess.Popen, str]:
    """`sitrep serve` from `root` on a free port; waits while it migrates an older database."""
    port = free_port()
    cmd = [sys.executable, "-m", "sitrep", "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(cmd, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{url}/openapi.json", timeout=1)
            return server, url
        except httpx.TransportError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("error: the server did not start within 300 s")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def row(times: list[float], cpu: float) -> str:
    return f"{statistics.median(times):>8.1f} {percentile(times, 95):>8.1f} {cpu:>14.1f}"


def cpu_ms(pid: int) -> float:
    """CPU time (user + system) a process has used so far, in ms (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def measure(client: httpx.Client, path: str, params: dict, runs: int, pid: int) -> tuple[list[float], float, int]:
    """Wall-clock ms per request, the server's mean CPU ms per request, and the total matches."""
    for _ in range(2):
        client.get(path, params=params).raise_for_status()
    times, total = [], 0
    cpu_before = cpu_ms(pid)
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(path, params=params)
        times.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
        total = int(response.headers.get("X-Total-Count", 0))
    return times, (cpu_ms(pid) - cpu_before) / runs, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--rebuild", action="store_true", help="Build the database again even if it exists.")
    parser.add_argument("--server-root", type=Path, default=ROOT, help="Serve with the sitrep code in this folder.")
    args = parser.parse_args()
    db = args.db or Path(f"/tmp/sitrep-bench-{args.events}.sqlite")
    if args.rebuild or not db.exists():
        build_db(db, args.events)
    server, url = start_server(db, args.server_root)
    try:
        with httpx.Client(base_url=url, timeout=60) as client:
            latest = date.fromisoformat(client.get("/api/stats").json()["period"]["to"])
            typical: list[float] = []
            print(f"{'/api/events (limit 100)':28} {'matches':>8} {'p50 ms':>8} {'p95 ms':>8} {'server CPU ms':>14}")
            for name, params in queries(latest).items():
                times, cpu, total = measure(client, "/api/events", {"limit": 100, **params}, args.runs, server.pid)
                typical += times
                print(f"{name:28} {total:>8,} {row(times, cpu)}")
            print(f"{'all of the above, together':28} {'':>8} {statistics.median(typical):>8.1f} "
                  f"{percentile(typical, 95):>8.1f}")  # fmt: skip
            for name, path, params in summaries(latest):
                times, cpu, _ = measure(client, path, params, max(5, args.runs // 2), server.pid)
                print(f"{name:28} {'':>8} {row(times, cpu)}")
        print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
