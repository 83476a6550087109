"""The area a text names around a place, and the decisions it settles when the name alone does not.

The area is what the admin hint ("in southern Idlib", "of Khab wa Ashaf district") and the other places of the
post (anchors: places resolved without doubt) establish: admin units (provinces, districts) and points.
It settles three things, ACLED style:
- a tie between same-name villages: the one inside the named units, or clearly nearest the other places;
- a loose spelling match far outside that area is not trusted (another village the gazetteer lacks);
- a name that stays unplaced is put at the one district or province the post names (precision 2 or 3).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.geo.gazetteer import Gazetteer, PlaceRow, distance_km
from sitrep.geo.normalize import fold
from sitrep.geo.operations import is_operation
from sitrep.geo.rank import Anchor, Candidate, RankContext, side_of

NEAR_KM = 40.0  # a point this close to a place the text names is "in the area"
TIE_NEAR_KM = 40.0  # proximity breaks a tie when the nearest reading is this close to another place ...
TIE_RATIO = 2.5
BORDER_KM = 10.0  # a place this close to a village of a unit the text names is "in" it as news write it ("in southern
# Idlib" for a village just across the Aleppo border): second choice after the places truly inside
QUARTER_KM = 15.0  # a town's quarters lie this close to it
HINT_AREA_SCORE = 0.92  # name scores: below these, a match outside the hinted unit / the post's area is refused
POST_AREA_SCORE = 0.8  # ... and the other readings at least this many times farther


@dataclass
class Area:
    units: list[tuple[str, str, str]] = field(default_factory=list)  # (cc, "region"|"county", admin name)
    points: list[tuple[float, float]] = field(default_factory=list)
    gaz: Gazetteer | None = None  # to tell what lies just across the border of a unit

    @property
    def empty(self) -> bool:
        return not self.units and not self.points

    def contains(self, p: PlaceRow) -> bool:
        return any(cc == p.cc and (kind == "region" and p.admin1 == name or kind == "county" and p.admin2 == name)
                   for cc, kind, name in self.units)

    def distance(self, p: PlaceRow) -> float | None:
        if not self.points or not p.has_point:
            return None
        return min(distance_km(p.lat, p.lon, lat, lon) for lat, lon in self.points)

    def supports(self, p: PlaceRow) -> bool:
        d = self.distance(p)
        return self.contains(p) or (d is not None and d <= NEAR_KM) or self.borders(p)

    def borders(self, p: PlaceRow) -> bool:
        """Just across the border of a unit of the area (BORDER_KM from one of its villages)."""
        if self.gaz is None or not p.has_point:
            return False
        return any(cc == p.cc and self.gaz.near_unit(cc, kind, name, round(p.lat, 4), round(p.lon, 4), BORDER_KM)
                   for cc, kind, name in self.units)


def area_of(ctx: RankContext, hint_only: bool = False, cc: str | None = None, gaz: Gazetteer | None = None,
            operations: bool = True) -> Area:
    """The hint's places and (unless hint_only) the post's anchors; only those in `cc` when it is given.
    `operations=False`: without the units of a named operation (context enough to choose, not to refuse)."""
    area = Area(gaz=gaz)
    for h in ctx.hint_places:
        if cc is None or h.cc == cc:
            _add(area, h.cc, h.kind, h.admin1, h.admin2, h.lat if h.has_point else None, h.lon)
    if not hint_only:
        for a in ctx.anchors:
            if (cc is None or a.cc == cc) and (operations or not is_operation(a)):
                _add(area, a.cc, a.kind, a.admin1, a.admin2, a.lat, a.lon)
                if a.kind == "locality" and a.admin1 and fold(a.name) == fold(a.admin1):
                    # "Bajel, Hudayda": a city named like its province stands for the province too
                    _add(area, a.cc, "region", a.admin1, a.admin2, None, None)
    return area


def _add(area: Area, cc: str, kind: str, admin1: str, admin2: str, lat: float | None, lon: float | None) -> None:
    if kind == "region" and admin1:
        area.units.append((cc, "region", admin1))
    elif kind == "county" and admin2:
        area.units.append((cc, "county", admin2))
    elif lat is not None and lon is not None and kind != "country":
        area.points.append((lat, lon))


def break_tie(tied: list[Candidate], ctx: RankContext, gaz: Gazetteer | None = None) -> tuple[Candidate, str] | None:
    """Of near-tied readings of one name, the one the area picks, and why; None when it does not pick."""
    for area, what in ((area_of(ctx, hint_only=True, gaz=gaz), "the area the hint names"),
                       (area_of(ctx, gaz=gaz), "the area the text names")):
        if area.empty:
            continue
        inside = [c for c in tied if area.contains(c.place)]
        if len(inside) == 1:
            return inside[0], f"the only reading in {what}"
        bordering = [c for c in tied if area.borders(c.place)] if not inside else []
        if len(bordering) == 1 and not any(c is not bordering[0] and (d := area.distance(c.place)) is not None
                                           and d <= NEAR_KM for c in tied):
            return bordering[0], f"the only reading by {what} (just across its border)"
        pool = inside or tied
        if ctx.hint_direction and inside:
            side = [c for c in inside if side_of(c.place, ctx.hint_direction, ctx.middles.get((c.place.cc, c.place.admin1)))]
            if len(side) == 1:
                return side[0], f"the only reading in the {ctx.hint_direction}ern part the hint names"
        near = sorted(((d, c) for c in pool if (d := area.distance(c.place)) is not None), key=lambda x: x[0])
        if len(near) == len(pool) and near[0][0] <= TIE_NEAR_KM and \
                all(d >= TIE_RATIO * near[0][0] + 5 for d, _ in near[1:]):
            return near[0][1], f"the reading nearest the other places of the text ({near[0][0]:.0f} km)"
    return None


def quarter_town(c: Candidate | None, ctx: RankContext) -> PlaceRow | None:
    """"Al-Akrad neighbourhood, Raqqa city": the town a quarter belongs to, when the quarter found is not in it."""
    towns = [h for h in ctx.hint_places if h.kind == "locality" and h.has_point]
    if not towns:
        return None
    if c is not None and c.place.has_point and any(
            distance_km(c.place.lat, c.place.lon, t.lat, t.lon) <= QUARTER_KM for t in towns):
        return None
    return towns[0]


def common_town(tied: list[Candidate], ctx: RankContext) -> PlaceRow | None:
    """The town the hint names when every tied reading lies near it ("X suburb of Damascus")."""
    towns = [h for h in ctx.hint_places if h.kind == "locality" and h.has_point]
    for town in towns:
        if len(tied) > 1 and all(c.place.has_point and c.place.cc == town.cc and
                                 distance_km(c.place.lat, c.place.lon, town.lat, town.lon) <= NEAR_KM for c in tied):
            return town
    return None


def off_area(c: Candidate, ctx: RankContext, gaz: Gazetteer | None = None) -> bool:
    """A loose spelling match outside the area the text names: more likely a village the gazetteer lacks.
    Outside the unit the hint names ("X in eastern Daraa") only a near-identical spelling is trusted; outside
    the area of the whole post, a clearly different one is not."""
    if c.name_score >= 1.0 or c.place.kind in ("region", "country"):
        return False
    hinted = area_of(ctx, hint_only=True, cc=c.place.cc, gaz=gaz)
    if not hinted.empty and not hinted.supports(c.place) and c.name_score < HINT_AREA_SCORE:
        return True
    area = area_of(ctx, cc=c.place.cc, gaz=gaz, operations=False)
    return c.name_score < POST_AREA_SCORE and not area.empty and not area.supports(c.place)


def named_unit(gaz: Gazetteer, anchors: list[Anchor]) -> PlaceRow | None:
    """The one district (else province) the post names, for a place it does not let us find."""
    for kind, column in (("county", "admin2"), ("region", "admin1")):
        units = {(a.cc, getattr(a, column)) for a in anchors if a.kind == kind and getattr(a, column)}
        if len(units) == 1:
            cc, name = units.pop()
            row = gaz.admin_unit(cc, kind, name)
            if row is not None and row.has_point:
                return row
        if units:
            return None  # several districts: the text does not say which
    return None
