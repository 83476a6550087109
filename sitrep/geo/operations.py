"""Named military operations as context: "shelled Qatma as part of Operation Olive Branch" puts Qatma in Afrin.

The operations and their districts/provinces are curated facts (data/gazetteer/operations.yaml). An operation named in
a post adds its units to the post's anchors (as a district or province the text names would), so that they weigh
in ranking and tie-breaks; they are never used to place an event by themselves (see `is_operation`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.rank import Anchor
from sitrep.paths import DATA_DIR

OPERATIONS_FILE = DATA_DIR / "gazetteer" / "operations.yaml"
KEY_PREFIX = "operation:"


@lru_cache(maxsize=1)
def _operations() -> tuple[tuple[re.Pattern, str, tuple[tuple[str, ...], ...]], ...]:
    entries = yaml.safe_load(OPERATIONS_FILE.read_text(encoding="utf-8")) or []
    out = []
    for entry in entries:
        names = sorted({entry["name"], *entry.get("aliases", [])}, key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.I)
        out.append((pattern, entry["name"], tuple(tuple(str(x) for x in unit) for unit in entry["units"])))
    return tuple(out)


def operation_anchors(gaz: Gazetteer, text: str, country: str | None) -> list[Anchor]:
    """The districts/provinces of the operations a text names (in the focus country, when one is known)."""
    anchors = []
    for pattern, name, units in _operations():
        if not pattern.search(text):
            continue
        for cc, kind, admin1, *rest in units:
            if country and cc != country:
                continue
            row = gaz.admin_unit(cc, kind, rest[0] if kind == "county" and rest else admin1)
            if row is not None and row.has_point:
                anchors.append(Anchor(row.lat, row.lon, row.name, f"{KEY_PREFIX}{name}", cc, kind, row.admin1, row.admin2))
    return anchors


def is_operation(anchor: Anchor) -> bool:
    return anchor.key.startswith(KEY_PREFIX)
