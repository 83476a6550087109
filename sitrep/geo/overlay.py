"""`sitrep gazetteer import`: add GeoNames dumps or WOF TSVs to the user's gazetteer overlay.

Imported places are written, in the compact shipped format, to the overlay directory (user data dir;
SITREP_GAZETTEER_OVERLAY overrides it). The next `Geocoder.load()` indexes them alongside the bundled data.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.geo.formats import open_text, read_geonames, read_wof, sniff
from sitrep.geo.gazetteer import overlay_dir
from sitrep.geo.index import geonames_admin_names
from sitrep.geo.records import PlaceRecord, write_tsv


@dataclass
class ImportResult:
    source: Path
    format: str
    written: Path
    by_country: Counter = field(default_factory=Counter)

    @property
    def places(self) -> int:
        return sum(self.by_country.values())


def _filtered(records: Iterable[PlaceRecord], countries: set[str] | None, min_population: int,
              counts: Counter) -> Iterator[PlaceRecord]:
    for r in records:
        if countries and r.cc not in countries:
            continue
        if r.kind == "locality" and r.population < min_population:
            continue
        counts[r.cc] += 1
        yield r


def import_file(path: Path, countries: set[str] | None = None, min_population: int = 0,
                target_dir: Path | None = None) -> ImportResult:
    """Read `path` (GeoNames or WOF), keep the places sitrep uses, write them to the overlay."""
    if not path.is_file():
        raise ValueError(f"{path}: no such file")
    kind = sniff(path)
    target_dir = target_dir or overlay_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(f"{path.resolve()}|{sorted(countries or [])}|{min_population}".encode()).hexdigest()[:8]
    target = target_dir / f"{path.stem.split('.')[0]}-{digest}.tsv.gz"
    result = ImportResult(source=path, format=kind, written=target)
    admin = geonames_admin_names()
    with open_text(path) as lines:
        records = read_wof(lines) if kind == "wof" else read_geonames(lines, lambda code: admin.get(code, ""))
        tmp = target.with_suffix(".partial")
        write_tsv(tmp, _filtered(records, countries, min_population, result.by_country))
    if not result.places:
        tmp.unlink(missing_ok=True)
        raise ValueError(f"{path.name}: no usable places (populated places, admin units or features) found")
    tmp.replace(target)
    return result


def imported_files(target_dir: Path | None = None) -> list[Path]:
    return sorted((target_dir or overlay_dir()).glob("*.tsv.gz"))
