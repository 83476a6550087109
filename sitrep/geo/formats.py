"""Readers for the gazetteer formats sitrep understands: GeoNames dumps and Who's On First TSVs.

- GeoNames: `allCountries.txt` or a country file (`SY.txt`) as geonames.org publishes them
  (19 tab-separated columns, no header), plain or zipped.
- WOF: the TSV layout of ../shared/data/gazetteer/wof_admin_<cc>.tsv (header line, see its SOURCES.txt).
Both yield `PlaceRecord`s; names are kept only in Latin or Arabic script (what news in English carries).
"""

from __future__ import annotations

import csv
import io
import re
import sys
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from rapidfuzz import fuzz

from sitrep.geo.normalize import fold, is_arabic
from sitrep.geo.records import PlaceRecord

GEONAMES_COLUMNS = 19
WOF_HEADER_START = "wof_id\tname\tplacetype"

# GeoNames feature codes worth keeping beyond populated places (P) and admin units (A)
GEONAMES_FEATURES = {
    "AIRB": "airbase", "AIRF": "airbase", "AIRP": "airport", "MILB": "military base", "INSM": "military base",
    "PSTB": "border crossing", "CMPRF": "camp", "DAM": "dam", "BDG": "bridge",
    "MT": "mountain", "MTS": "mountains", "PLN": "plain", "VAL": "valley", "WAD": "wadi", "PASS": "pass",
}
GEONAMES_ADMIN = {"ADM1": "region", "ADM2": "county", "ADM3": "subdistrict"}
WOF_KINDS = {
    "locality": "locality", "neighbourhood": "neighbourhood", "county": "county", "localadmin": "county",
    "region": "region", "campus": "campus", "country": "country", "macrohood": "neighbourhood",
    "borough": "neighbourhood", "macrocounty": "county",
}
_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,5}$")
_PARENTHESIS = re.compile(r"\s*\(([^)]*)\)\s*")
MAX_NAME_LENGTH = 60


def _script_ok(name: str) -> bool:
    """True for a name written in Latin or Arabic script only (digits and punctuation allowed)."""
    scripts = set()
    for ch in name:
        if ch.isalpha():
            label = unicodedata.name(ch, "")
            scripts.add("arabic" if label.startswith("ARABIC") else "latin" if label.startswith("LATIN") else "other")
    return bool(scripts) and "other" not in scripts and len(scripts) == 1


def clean_names(raw: list[str]) -> list[str]:
    """Usable spellings: split "Homs (Hims)" in two, drop codes ("OSKL"), other scripts and duplicates."""
    out: list[str] = []
    seen: set[str] = set()
    for name in raw:
        name = " ".join(name.split())
        pieces = [_PARENTHESIS.sub(" ", name).strip(), *_PARENTHESIS.findall(name)]
        for piece in pieces:
            piece = piece.strip(" ,;")
            if not piece or len(piece) > MAX_NAME_LENGTH or _CODE_LIKE.match(piece) or not _script_ok(piece):
                continue
            if piece not in seen:
                seen.add(piece)
                out.append(piece)
    if not out or not is_arabic(out[0]):
        return out
    latin = [i for i, n in enumerate(out) if not is_arabic(n)][:30]
    if not latin:
        return out
    # the primary name is in Arabic script: show the Latin spelling most like the others ("Homs", not "Emesa")
    keys = {i: fold(out[i]) for i in latin}
    best = max(latin, key=lambda i: (sum(fuzz.ratio(keys[i], keys[j]) for j in latin), out[i].isascii()))
    return [out[best], *out[:best], *out[best + 1:]]


def _number(text: str) -> int:
    try:
        return int(float(text))
    except ValueError:
        return 0


def read_wof(lines: Iterator[str], source: str = "") -> Iterator[PlaceRecord]:
    """WOF TSV rows (current and GeoNames-imported records; deprecated ones skipped)."""
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        kind = WOF_KINDS.get(row.get("placetype", ""))
        if kind is None or row.get("deprecated") or not row.get("lat") or not row.get("country"):
            continue
        names = clean_names([row["name"], *(row.get("alt_names") or "").split("|")])
        if not names:
            continue
        yield PlaceRecord(
            gid=f"wof:{row['wof_id']}",
            kind=kind,
            name=names[0],
            cc=row["country"].upper()[:2],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            admin1=row.get("region_name") or "",
            admin2=row.get("county_name") or "",
            population=_number(row.get("population") or "0"),
            fcode=row.get("gn_feature_code") or "",
            geonameid=row.get("geonameid") or "",
            names=names[1:],
        )


AdminNames = Callable[[str], str]  # "SY.12" or "SY.12.1234" -> name ("" when unknown)


def read_geonames(lines: Iterator[str], admin_name: AdminNames) -> Iterator[PlaceRecord]:
    """GeoNames dump rows: populated places, admin units and conflict-relevant features."""
    for line in lines:
        cells = line.rstrip("\n").split("\t")
        if len(cells) < GEONAMES_COLUMNS:
            continue
        fclass, fcode, cc = cells[6], cells[7], cells[8]
        if fclass == "P":
            kind = "neighbourhood" if fcode == "PPLX" else "locality"
        elif fcode in GEONAMES_ADMIN:
            kind = GEONAMES_ADMIN[fcode]
        elif fcode in GEONAMES_FEATURES:
            kind = "feature"
        else:
            continue
        names = clean_names([cells[1], cells[2], *cells[3].split(",")])
        if not names or not cc:
            continue
        a1 = admin_name(f"{cc}.{cells[10]}") if cells[10] else ""
        a2 = admin_name(f"{cc}.{cells[10]}.{cells[11]}") if cells[11] else ""
        yield PlaceRecord(
            gid=f"gn:{cells[0]}",
            kind=kind,
            name=names[0],
            cc=cc,
            lat=float(cells[4]),
            lon=float(cells[5]),
            admin1=a1 if kind != "region" else names[0],
            admin2=a2 if kind != "county" else names[0],
            population=_number(cells[14] or "0"),
            fcode=GEONAMES_FEATURES.get(fcode, fcode),
            geonameid=cells[0],
            names=names[1:],
        )


def sniff(path: Path) -> str:
    """'wof' or 'geonames' (raises ValueError for anything else)."""
    with open_text(path) as f:
        first = f.readline()
    if first.startswith(WOF_HEADER_START):
        return "wof"
    if len(first.rstrip("\n").split("\t")) >= GEONAMES_COLUMNS and first.split("\t", 1)[0].isdigit():
        return "geonames"
    raise ValueError(f"{path.name}: neither a GeoNames dump (19 tab-separated columns) nor a WOF TSV")


def open_text(path: Path) -> io.TextIOBase:
    """A text stream over a plain file, or over the single .txt inside a GeoNames .zip."""
    if path.suffix.lower() == ".zip":
        archive = zipfile.ZipFile(path)
        members = [n for n in archive.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
        if not members:
            raise ValueError(f"{path.name}: no .txt file inside the zip")
        return io.TextIOWrapper(archive.open(members[0]), encoding="utf-8")
    return open(path, encoding="utf-8", newline="")
