"""Derive the dashboard's offline Syrian admin boundaries from the shared gazetteer.

    python scripts/build_basemap.py [--source PATH] [--out sitrep/data/basemap/sy_admin.topo.json]

Reads Who's On First's Syrian admin polygons (regions = admin1, counties = admin2), keeps only
the Mesoshapes geometries (CC0), names each unit as OpenSyria does (English, Arabic, OCHA P-code;
matched by OpenSyria's centroid falling inside the polygon, one to one, else WOF's own name),
simplifies them with shared borders kept shared (TopoJSON topology), and writes one compact
TopoJSON file that the dashboard draws with topojson-client.
Needs `topojson` and `shapely` (dev-only: `pip install topojson==2.2 shapely==2.2.0`); the output
is committed, so neither is needed to run sitrep.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GAZETTEER = ROOT.parent / "shared" / "data" / "gazetteer"
DEFAULT_SOURCE = GAZETTEER / "wof_sy_admin_polygons.geojson"
OPENSYRIA = {"admin1": GAZETTEER / "opensyria_governorates.json", "admin2": GAZETTEER / "opensyria_districts.json"}
DEFAULT_OUT = ROOT / "sitrep" / "data" / "basemap" / "sy_admin.topo.json"
LEVELS = {"region": "admin1", "county": "admin2"}
TOLERANCE_DEG = 0.004  # about 400 m: invisible at the zoom levels where admin lines matter
QUANTIZATION = 100_000
ATTRIBUTION = (
    "Admin boundaries: Who's On First (Mesoshapes, CC0), https://whosonfirst.org/docs/licenses/; "
    "names and P-codes: OpenSyria data-geography (CC BY 4.0)"
)


def display_name(props: dict[str, Any]) -> str:
    """An English name as people write it ("Deir ez-Zor" style) when WOF has one, else its label."""
    english = props.get("names_eng") or []
    return english[0] if english else props["wof:name"]


def kept(feature: dict[str, Any]) -> bool:
    props = feature["properties"]
    return props.get("wof:placetype") in LEVELS and props.get("src:geom") == "meso" and props.get("mz:is_current") != 0


def opensyria_names(features: list[dict[str, Any]], level: str) -> dict[int, dict[str, Any]]:
    """WOF id -> OpenSyria's names, for units whose OpenSyria centroid matches one polygon only."""
    from shapely.geometry import Point, shape

    path = OPENSYRIA[level]
    if not path.exists():
        return {}
    polygons = [(f["properties"]["wof:id"], shape(f["geometry"])) for f in features]
    matches: dict[int, list[dict[str, Any]]] = {}
    for unit in json.loads(path.read_text(encoding="utf-8")):
        point = Point(unit["centroid"]["longitude"], unit["centroid"]["latitude"])
        inside = [wof_id for wof_id, polygon in polygons if polygon.contains(point)]
        if len(inside) == 1:
            matches.setdefault(inside[0], []).append(unit)
    return {
        wof_id: {
            "name": units[0]["name"]["en"],
            "name_ar": units[0]["name"].get("ar"),
            "pcode": units[0].get("externalIds", {}).get("ochaPcode"),
        }
        for wof_id, units in matches.items()
        if len(units) == 1
    }


def slim_properties(props: dict[str, Any], level: str, names: dict[int, dict[str, Any]]) -> dict[str, Any]:
    slim = {"level": level, "wof_id": props["wof:id"], "name": display_name(props)}
    slim.update({k: v for k, v in names.get(props["wof:id"], {}).items() if v})
    return slim


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not args.source.exists():
        print(f"error: {args.source}: no such file (the shared gazetteer is needed)", file=sys.stderr)
        return 2
    try:
        import topojson
    except ImportError:
        print("error: needs topojson and shapely: pip install topojson==2.2 shapely==2.2.0", file=sys.stderr)
        return 2
    data = json.loads(args.source.read_text(encoding="utf-8"))
    slim: list[dict[str, Any]] = []
    by_id: dict[int, dict[str, Any]] = {}
    for placetype, level in LEVELS.items():
        features = [f for f in data["features"] if kept(f) and f["properties"]["wof:placetype"] == placetype]
        names = opensyria_names(features, level)
        for f in features:
            props = slim_properties(f["properties"], level, names)
            by_id[props["wof_id"]] = props
            slim.append({"type": "Feature", "properties": props, "geometry": f["geometry"]})
    parent_of = {f["properties"]["wof:id"]: f["properties"].get("wof:parent_id") for f in data["features"]}
    for feature in slim:
        parent = by_id.get(parent_of.get(feature["properties"]["wof_id"]))
        if feature["properties"]["level"] == "admin2" and parent:
            feature["properties"]["admin1"] = parent["name"]
    # one object holding both levels: their common borders become shared arcs, simplified once
    collection = {"type": "FeatureCollection", "features": slim}
    topo = topojson.Topology(
        collection,
        object_name="admin",
        prequantize=QUANTIZATION,
        toposimplify=TOLERANCE_DEG,
        prevent_oversimplify=True,
    )
    out = json.loads(topo.to_json())
    out["attribution"] = ATTRIBUTION
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, separators=(",", ":")), encoding="utf-8")
    counts = ", ".join(f"{sum(f['properties']['level'] == lv for f in slim)} {lv}" for lv in LEVELS.values())
    print(f"{args.out}: {counts}; {args.out.stat().st_size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
