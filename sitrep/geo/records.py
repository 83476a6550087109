"""One gazetteer entry, and the compact TSV it is shipped (and imported) in.

The shipped files in sitrep/data/gazetteer/places_*.tsv.gz and the user overlay files written by
`sitrep gazetteer import` share this format: gzipped, tab-separated, one header line, names joined by "|".
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path

# kinds, most specific first: what a gazetteer row is
KINDS = (
    "locality", "neighbourhood", "campus", "feature", "subdistrict", "county", "region", "country",
)
ADMIN_KINDS = frozenset({"subdistrict", "county", "region", "country"})


@dataclass
class PlaceRecord:
    gid: str  # "wof:890449847", "gn:168661", "feature:jabal-al-zawiya", "ocha:SY070300"
    kind: str
    name: str
    cc: str  # ISO alpha-2
    lat: float
    lon: float
    admin1: str = ""
    admin2: str = ""
    population: int = 0
    fcode: str = ""  # GeoNames feature code (PPL, PPLA2 ...) or the curated feature's kind
    geonameid: str = ""
    pcode: str = ""  # OCHA P-code where known
    names: list[str] = field(default_factory=list)  # other spellings, display name excluded

    def all_names(self) -> list[str]:
        return [self.name, *self.names]


COLUMNS = [f.name for f in fields(PlaceRecord)]


def _cell(value: object) -> str:
    if isinstance(value, list):
        return "|".join(v.replace("|", " ") for v in value)
    if isinstance(value, float):
        return f"{value:.5f}".rstrip("0").rstrip(".")
    return str(value).replace("\t", " ").replace("\n", " ")


def write_tsv(path: Path, records: Iterable[PlaceRecord]) -> int:
    n = 0
    # mtime=0 keeps the gzip bytes (and so the cache key) identical across rebuilds
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(("\t".join(COLUMNS) + "\n").encode())
        for record in records:
            row = "\t".join(_cell(getattr(record, c)) for c in COLUMNS)
            gz.write((row + "\n").encode("utf-8"))
            n += 1
    return n


def read_tsv(path: Path) -> Iterator[PlaceRecord]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if header != COLUMNS:
            raise ValueError(f"{path}: not a sitrep gazetteer file (unexpected columns)")
        for line in f:
            cells = line.rstrip("\n").split("\t")
            yield PlaceRecord(
                gid=cells[0],
                kind=cells[1],
                name=cells[2],
                cc=cells[3],
                lat=float(cells[4]),
                lon=float(cells[5]),
                admin1=cells[6],
                admin2=cells[7],
                population=int(cells[8] or 0),
                fcode=cells[9],
                geonameid=cells[10],
                pcode=cells[11],
                names=cells[12].split("|") if cells[12] else [],
            )
