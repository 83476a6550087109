"""Curated non-village features (sitrep/data/features.yaml): mountains, plains, highways, bases, crossings."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from sitrep.geo.normalize import DATA_DIR
from sitrep.geo.records import PlaceRecord

FEATURES_FILE = DATA_DIR / "features.yaml"
# extended features are placed at a representative point, with geo_precision 2
EXTENDED_KINDS = frozenset({"mountain", "plain", "valley", "area", "highway"})
# mentioned alone they are a fallback: a finer place in the same text wins (see recognize)
FALLBACK_KINDS = frozenset({"highway"})


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def load_features(path: Path = FEATURES_FILE) -> list[PlaceRecord]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    records = []
    for entry in entries:
        records.append(PlaceRecord(
            gid=f"feature:{_slug(entry['name'])}",
            kind="feature",
            name=entry["name"],
            cc=str(entry["country"]).upper(),
            lat=float(entry["lat"]),
            lon=float(entry["lon"]),
            fcode=entry["kind"],
            names=[str(a) for a in entry.get("aliases", [])],
        ))
    return records


def reference_villages(path: Path = FEATURES_FILE) -> dict[str, tuple[str, float]]:
    """feature name -> (a gazetteer village it lies near, max km): the sanity check of its coordinates."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return {e["name"]: (str(e["near"][0]), float(e["near"][1])) for e in entries if e.get("near")}
