"""Time to first render of the dashboard with 10k events, in Debian's headless Chromium.

    .venv/bin/python bench/first_render.py [--events 10000] [--loads 5] [--db PATH] [--rebuild]
                                           [--server-root DIR]

Builds a synthetic database (as bench/api_latency.py does, kept in /tmp), serves it with
`python -m sitrep serve`, and loads the page in a fresh browser context each time (no cache).
"Ready" is the page's own mark, set once the events are loaded and drawn: markers on the map,
the list, the timeline, and the offline basemap. Needs /usr/bin/chromium and playwright.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_latency import ROOT, build_db, start_server  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip
TIMINGS = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const ready = performance.getEntriesByName("sitrep-ready")[0];
  const loaded = performance.getEntriesByName("sitrep-points")[0];
  const points = performance.getEntriesByType("resource").find((r) => r.name.includes("/api/points"));
  return {
    dom: nav.domContentLoadedEventEnd, paint: paint ? paint.startTime : null, ready: ready.startTime,
    loaded: loaded ? loaded.startTime : null,
    points: points ? points.responseEnd - points.requestStart : null,
    points_kb: points ? points.transferSize / 1024 : null,
  };
}"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--server-root", type=Path, default=ROOT, help="Serve with the sitrep code in this folder.")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"error: {CHROMIUM} is missing (apt-get install chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    db = args.db or Path(f"/tmp/sitrep-bench-{args.events}.sqlite")
    if args.rebuild or not db.exists():
        build_db(db, args.events)
    server, url = start_server(db, args.server_root)
    runs = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for _ in range(args.loads + 1):  # the first load warms the server and the disk cache
                context = browser.new_context(viewport={"width": 1400, "height": 900})
                page = context.new_page()
                page.goto(url + "/")
                page.wait_for_selector("body[data-ready=true]", timeout=120_000)
                runs.append(
                    page.evaluate(TIMINGS)
                    | {
                        "markers": page.locator(".ev-marker, .ev-cluster").count(),
                        "listed": page.get_attribute("#list-count", "data-count"),
                    }
                )
                context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    runs = runs[1:]
    first = runs[0]
    print(f"{args.events:,} events; {first['listed']} in the list, {first['markers']} markers/clusters drawn; "
          f"/api/points {first['points_kb']:.0f} kB over the wire")  # fmt: skip
    for key, label in [("dom", "DOM content loaded"), ("paint", "first contentful paint"),
                       ("points", "/api/points request"), ("loaded", "events loaded and parsed"),
                       ("ready", "first render (ready)")]:  # fmt: skip
        values = [r[key] for r in runs if r[key] is not None]
        median, low, high = statistics.median(values), min(values), max(values)
        print(f"{label:26} median {median:7.0f} ms   min {low:7.0f}   max {high:7.0f}")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
