"""Build the compact gazetteer shipped in sitrep/data/gazetteer/ from ../shared/data/gazetteer.

    .venv/bin/python scripts/build_gazetteer.py [--source /work/shared/data/gazetteer]

Reads the Who's On First extracts (villages with alternate and Arabic names, admin units), the OpenSyria
admin units (P-codes, English/Arabic names and aliases) and the GeoNames admin code tables, and writes:
- places_<cc>.tsv.gz: one row per place, duplicates merged (same GeoNames id, or same name within 3 km),
  admin1/admin2 filled from the WOF hierarchy (or, where WOF has none, from the nearest neighbours);
- geonames_admin.tsv.gz: GeoNames admin1/admin2 code -> name (for worldwide towns and imports).
Only the columns sitrep needs are kept; names only in Latin or Arabic script.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402

from sitrep.geo.formats import clean_names, read_wof  # noqa: E402
from sitrep.geo.normalize import fold  # noqa: E402
from sitrep.geo.records import PlaceRecord, write_tsv  # noqa: E402

COUNTRIES = ("sy", "iq", "tr", "lb", "jo", "il", "ps", "ua", "ye", "ly", "sd")
OUT = ROOT / "sitrep" / "data" / "gazetteer"
MERGE_KM = 3.0
NEIGHBOURS = 5
GRID_DEG = 0.25


def km(a: PlaceRecord, b: PlaceRecord) -> float:
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def quality(r: PlaceRecord) -> tuple:
    """Which of two duplicate records keeps its name and coordinates."""
    return (bool(r.admin1), bool(r.admin2), r.population, -len(r.names))


def merge_into(keep: PlaceRecord, other: PlaceRecord) -> None:
    seen = {fold(n) for n in keep.all_names()}
    for name in other.all_names():
        key = fold(name)
        if key and key not in seen:
            seen.add(key)
            keep.names.append(name)
    keep.population = max(keep.population, other.population)
    keep.geonameid = keep.geonameid or other.geonameid
    keep.fcode = keep.fcode or other.fcode
    keep.admin1 = keep.admin1 or other.admin1
    keep.admin2 = keep.admin2 or other.admin2


def dedupe(records: list[PlaceRecord]) -> list[PlaceRecord]:
    by_gn: dict[tuple, PlaceRecord] = {}
    out: list[PlaceRecord] = []
    for r in sorted(records, key=quality, reverse=True):
        if r.geonameid and (r.kind, r.geonameid) in by_gn:
            merge_into(by_gn[(r.kind, r.geonameid)], r)
            continue
        if r.geonameid:
            by_gn[(r.kind, r.geonameid)] = r
        out.append(r)
    by_name: dict[tuple, list[PlaceRecord]] = defaultdict(list)
    result: list[PlaceRecord] = []
    for r in out:
        keys = {fold(n) for n in r.all_names()} - {""}
        twin = next((g for k in keys for g in by_name[(r.kind, k)] if km(g, r) < MERGE_KM), None)
        if twin is not None:
            merge_into(twin, r)
            keys = {fold(n) for n in twin.all_names()} - {""}
            r = twin
        else:
            result.append(r)
        for k in keys:
            if r not in by_name[(r.kind, k)]:
                by_name[(r.kind, k)].append(r)
    return result


def compact_names(r: PlaceRecord) -> None:
    """Keep one spelling per fold key (the display name's key excluded)."""
    seen = {fold(r.name)}
    kept = []
    for name in r.names:
        key = fold(name)
        if key and key not in seen:
            seen.add(key)
            kept.append(name)
    r.names = kept


def fill_admin_from_neighbours(records: list[PlaceRecord]) -> int:
    """Give places WOF left without admin1/admin2 those of their nearest placed neighbours (majority)."""
    grid: dict[tuple[int, int], list[PlaceRecord]] = defaultdict(list)
    for r in records:
        if r.admin1 and r.admin2 and r.kind == "locality":
            grid[(int(r.lat // GRID_DEG), int(r.lon // GRID_DEG))].append(r)
    filled = 0
    for r in records:
        if r.kind in ("region", "country") or (r.admin1 and (r.admin2 or r.kind == "county")):
            continue
        gy, gx = int(r.lat // GRID_DEG), int(r.lon // GRID_DEG)
        near = [n for dy in (-1, 0, 1) for dx in (-1, 0, 1) for n in grid.get((gy + dy, gx + dx), ())]
        near = sorted(near, key=lambda n: km(n, r))[:NEIGHBOURS]
        if not near:
            continue
        admin1 = r.admin1 or Counter(n.admin1 for n in near).most_common(1)[0][0]
        same = [n for n in near if n.admin1 == admin1]
        if not r.admin1:
            r.admin1 = admin1
            filled += 1
        if not r.admin2 and r.kind != "county" and same:
            r.admin2 = Counter(n.admin2 for n in same).most_common(1)[0][0]
    return filled


def opensyria(source: Path, records: list[PlaceRecord]) -> list[PlaceRecord]:
    """Add OpenSyria P-codes and aliases to the Syrian admin units, and its sub-districts as places."""
    by_gn = {(r.kind, r.geonameid): r for r in records if r.geonameid}
    by_name = {(r.kind, fold(r.name)): r for r in records if r.kind in ("region", "county")}
    units = {kind: json.loads((source / f"opensyria_{f}.json").read_text(encoding="utf-8"))
             for kind, f in (("region", "governorates"), ("county", "districts"), ("subdistrict", "subdistricts"))}
    names_of = {}
    for kind, items in units.items():
        for u in items:
            names_of[u["id"]] = u["name"]["en"]
    added = []
    twins: dict[str, PlaceRecord] = {}  # OpenSyria unit id -> the WOF unit it describes
    for kind, items in units.items():
        for u in items:
            names = clean_names([u["name"]["en"], u["name"].get("ar", ""), *(a["value"] for a in u.get("aliases", []))])
            gn = (u.get("externalIds") or {}).get("geonames", "")
            pcode = (u.get("externalIds") or {}).get("ochaPcode", "")
            target = by_gn.get((kind, gn)) or by_name.get((kind, fold(u["name"]["en"])))
            if target is None and kind == "county":
                target = _nearest_county(records, u, by_gn.get(("region", _gn_of(units["region"], u["governorateId"]))))
            if target is not None:
                twins[u["id"]] = target
                target.pcode = pcode
                merge_into(target, PlaceRecord("", kind, names[0], "SY", 0, 0, names=names[1:]))
                continue
            if kind != "subdistrict":
                print(f"  OpenSyria {kind} {u['name']['en']} has no WOF twin; skipped", file=sys.stderr)
                continue
            region, county = twins.get(u["governorateId"]), twins.get(u["districtId"])
            added.append(PlaceRecord(
                gid=f"ocha:{pcode}" if pcode else f"opensyria:{u['id']}",
                kind="subdistrict", name=names[0], cc="SY",
                lat=u["centroid"]["latitude"], lon=u["centroid"]["longitude"],
                admin1=region.admin1 if region else names_of[u["governorateId"]],
                admin2=county.admin2 if county else names_of[u["districtId"]],
                population=int((u.get("population") or {}).get("value") or 0),
                geonameid=gn, pcode=pcode, names=names[1:],
            ))
    return added


def _nearest_county(records: list[PlaceRecord], unit: dict, region: PlaceRecord | None) -> PlaceRecord | None:
    """The WOF district whose centroid is nearest an OpenSyria district's (names differ: "Harem"/"Harim")."""
    if region is None:
        return None
    probe = PlaceRecord("", "county", "", "SY", unit["centroid"]["latitude"], unit["centroid"]["longitude"])
    wanted = fold(unit["name"]["en"])
    counties = [
        r for r in records
        if r.kind == "county" and r.admin1 == region.admin1
        and max(fuzz.ratio(wanted, fold(n)) for n in r.all_names()) >= 60
    ]
    best = min(counties, key=lambda r: km(r, probe), default=None)
    return best if best is not None and km(best, probe) < 40 else None


def _gn_of(items: list[dict], unit_id: str) -> str:
    return next(((u.get("externalIds") or {}).get("geonames", "") for u in items if u["id"] == unit_id), "")


def admin_codes(source: Path) -> list[tuple[str, str]]:
    rows = []
    for fname in ("geonames_admin1CodesASCII.txt", "geonames_admin2Codes.txt"):
        with open(source / fname, encoding="utf-8") as f:
            for line in f:
                cells = line.rstrip("\n").split("\t")
                if len(cells) >= 2:
                    rows.append((cells[0], cells[1]))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=ROOT.parent / "shared" / "data" / "gazetteer")
    args = parser.parse_args()
    if not args.source.is_dir():
        sys.exit(f"error: {args.source}: no such directory")
    OUT.mkdir(parents=True, exist_ok=True)
    for cc in COUNTRIES:
        with open(args.source / f"wof_admin_{cc}.tsv", encoding="utf-8", newline="") as f:
            records = [r for r in read_wof(f) if r.cc == cc.upper()]
        raw = len(records)
        records = dedupe(records)
        if cc == "sy":
            records += opensyria(args.source, records)
        filled = fill_admin_from_neighbours(records)
        for r in records:
            compact_names(r)
        records.sort(key=lambda r: (r.kind, r.gid))
        path = OUT / f"places_{cc}.tsv.gz"
        n = write_tsv(path, records)
        print(f"{path.name}: {raw} WOF rows -> {n} places ({filled} admin1 from neighbours), {path.stat().st_size:,} bytes")
    path = OUT / "geonames_admin.tsv.gz"
    with open(path, "wb") as raw_file, gzip.GzipFile(fileobj=raw_file, mode="wb", mtime=0) as gz:
        for code, name in admin_codes(args.source):
            gz.write(f"{code}\t{name}\n".encode())
    print(f"{path.name}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
