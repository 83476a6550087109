"""Find the gazetteer entries a name may mean, and rank them with what the text says around it.

Every candidate gets points, each with a reason a user can read (`sitrep gazetteer lookup`):
how well the name matches (exact spelling > same skeleton > near skeleton), the country focus,
the admin hint ("in southern Idlib"), closeness to the other places of the post, the kind of place the
text asks for ("province", "district") and importance (population, admin seat). No single signal
decides; a fuzzy match only wins when the rest of the evidence agrees.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from sitrep.geo.gazetteer import Gazetteer, NameHit, PlaceRow, distance_km
from sitrep.geo.normalize import fold, keys, sound, unglued

MAX_CANDIDATES = 60
CANDIDATE_CACHE = 20_000  # names whose matches are kept (the same names recur across documents)

# points; see docs/geocoding.md for what each one means
NAME_WEIGHT = 8.0
OWN_NAME = 1.0
OWN_NAME_MIN_SCORE = 0.75  # a spelling this alike of a place's own name beats the same spelling of another's alternate
FOCUS_MATCH, FOCUS_MISMATCH = 3.0, -3.0
DOC_COUNTRY = 1.0
HINT_MATCH, HINT_COUNTY_MATCH, HINT_NEAR, HINT_MISMATCH = 3.0, 3.5, 2.5, -1.0
HINT_NEAR_KM = 35.0
HINT_KM_SLACK = 8.0  # "5 km south of X": points for a stated distance fall off over at least this many km
PROXIMITY, PROXIMITY_KM = 2.5, 30.0
ANCHOR_REGION, ANCHOR_COUNTY = 1.5, 2.0
DISTRICT_SEAT = 1.5
SUBDISTRICT_SEAT_KM = 15.0
SAME_PLACE_KM = 15.0
SIDE_MATCH, SIDE_MISMATCH = 1.5, -1.0
HINT_ABROAD_POPULATION = 100_000
HINT_UNIT_LOOSE = 0.65  # name score at which a province or district spelled loosely is still the hint's unit
KIND_WANTED = 5.5  # beats the population and seat points of the town of the same name
KIND_DEFAULT = {"locality": 0.0, "feature": 1.0, "campus": -0.3, "neighbourhood": -0.8, "county": -0.6,
                "subdistrict": -1.0, "region": -0.4, "country": -0.5}
SEAT_BONUS = {"PPLC": 2.5, "PPLA": 2.0, "PPLA2": 1.5, "PPLA3": 0.8}  # capital, province, district, sub-district seat
POPULATION_WEIGHT, POPULATION_CAP = 0.5, 3.5


@dataclass
class Candidate:
    place: PlaceRow
    matched: str  # the gazetteer spelling that matched
    name_score: float  # 1.0 same folded spelling; less for skeleton and near-skeleton matches
    primary: bool = False  # the spelling that matched is the place's own name, not an alternate
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    importance: float = 0.0  # the points for population and admin seat, part of `score`

    def add(self, points: float, reason: str) -> None:
        if points:
            self.score += points
            self.reasons.append(f"{points:+.1f} {reason}")


@dataclass(frozen=True)
class Anchor:
    """Another place of the same post, resolved without doubt: context for the others."""

    lat: float
    lon: float
    name: str
    key: str  # folded name as written in the text
    cc: str
    kind: str
    admin1: str
    admin2: str
    direction: str | None = None  # "in southern Idlib": the part of the province the text names


@dataclass
class RankContext:
    country: str | None = None  # ISO alpha-2 focus (--country, JSONL, or inferred)
    country_inferred: bool = False
    doc_countries: frozenset[str] = frozenset()
    hint_places: list[PlaceRow] = field(default_factory=list)  # what the admin hint may mean
    hint_text: str | None = None
    hint_direction: str | None = None  # "in *eastern* Deir ez-Zor": "east"
    middles: dict[tuple[str, str], tuple[float, float]] = field(default_factory=dict)  # province -> median point
    anchors: list[Anchor] = field(default_factory=list)
    want_kind: str | None = None  # "region" | "county" when the text says "province" / "district"
    hint_km: float | None = None  # "about 120 km east of Tal Abyad": how far from the hint's town the place lies


def skeleton_score(similarity: float) -> float:
    """Name score of a spelling found through the skeleton: 0.95 for a near-identical one, 0.69 at 0.8 alike."""
    return max(0.0, min(0.95, 1.25 * similarity - 0.3125))


@lru_cache(maxsize=100_000)
def name_similarity(a: str, b: str) -> float:
    """How alike two folded names are (0..1), letting vowels and endings vary the way transliterations do."""
    a, b = unglued(a), unglued(b)  # "dahiet elasad" / "dahiyat asad": an article run into the word is no difference
    raw = max(fuzz.ratio(a, b), fuzz.ratio(a.replace(" ", ""), b.replace(" ", "")))
    sa, sb = sound(a), sound(b)
    alike = max(fuzz.ratio(sa, sb), fuzz.ratio(_joined(sa), _joined(sb)))
    return max(raw, 0.97 * alike) / 100.0


def _joined(sound_key: str) -> str:
    """"kafr ruma" -> "kafruma": words run together, a letter shared across a join written once."""
    return re.sub(r"(.)\1+", r"\1", sound_key.replace(" ", ""))


def candidates(gaz: Gazetteer, name: str, country: str | None = None, fuzzy: bool = True) -> list[Candidate]:
    """Every entry whose spelling matches `name`: folded key, then skeleton, then (for a known country)
    skeletons one or two edits away. One candidate per place, keeping its best-matching spelling."""
    memo = gaz.memo.setdefault("candidates", {})
    found = memo.get((name, country, fuzzy))
    if found is None:
        if len(memo) > CANDIDATE_CACHE:
            memo.clear()
        found = memo[(name, country, fuzzy)] = _matches(gaz, name, country, fuzzy)
    rows = gaz.places(pid for pid, *_ in found)
    return [Candidate(place=row, matched=variant, name_score=score, primary=primary)
            for row, (_, variant, score, primary) in zip(rows, found)]


def _matches(gaz: Gazetteer, name: str, country: str | None, fuzzy: bool) -> tuple[tuple[int, str, float, bool], ...]:
    """(pid, matched spelling, name score, is its own name) of every place the name may mean, best first."""
    key, skel = keys(name)
    if not key:
        return ()
    best: dict[int, tuple[float, NameHit]] = {}

    def offer(hit: NameHit, score: float) -> None:
        if hit.pid not in best or best[hit.pid][0] < score or (best[hit.pid][0] == score and hit.is_primary):
            best[hit.pid] = (score, hit)

    for hit in gaz.by_key(key):
        offer(hit, 1.0)
    if skel and len(key) >= 3:
        similarity: dict[str, float] = {}  # many places share one spelling: compare each spelling once
        for hit in gaz.by_skeleton(skel):
            if hit.key != key:
                if hit.key not in similarity:
                    similarity[hit.key] = skeleton_score(name_similarity(key, hit.key))
                offer(hit, similarity[hit.key])
    if fuzzy and country and not best and len(skel) >= 4:
        for near, edit_score in gaz.near_skeletons(skel, country):
            for hit in gaz.by_skeleton(near):
                sim = name_similarity(key, hit.key)
                if sim >= 0.75:
                    offer(hit, skeleton_score(sim) * edit_score / 100.0)
    ranked = sorted(best.items(), key=lambda item: -item[1][0])
    exact = sum(1 for _, (score, _) in ranked if score >= 1.0)
    ranked = ranked[:max(exact, MAX_CANDIDATES)]  # every place of that very spelling, and the closest others
    return tuple((pid, hit.variant, score, hit.is_primary) for pid, (score, hit) in ranked)


def score(candidate: Candidate, ctx: RankContext, loose_own: bool = True) -> Candidate:
    """Points for one candidate. `loose_own`: a loose spelling of a place's own name gains the own-name points
    too (only when no candidate has the very spelling: it must not rival the exact spelling of another place)."""
    p = candidate.place
    candidate.score, candidate.reasons, candidate.importance = 0.0, [], 0.0
    how = "same spelling" if candidate.name_score >= 1.0 else f"spelling {candidate.name_score:.2f} alike"
    candidate.add(NAME_WEIGHT * candidate.name_score, f"name: {how} ('{candidate.matched}')")
    if candidate.primary and (candidate.name_score >= 1.0 or (loose_own and candidate.name_score >= OWN_NAME_MIN_SCORE)):
        # GeoNames lists old names and the names of neighbouring farms as alternates of other places
        candidate.add(OWN_NAME, "its own name, not an alternate")
    if ctx.country:
        weight = 0.5 if ctx.country_inferred else 1.0
        if p.cc == ctx.country:
            candidate.add(FOCUS_MATCH * weight, f"in the focus country {ctx.country}")
        else:
            candidate.add(FOCUS_MISMATCH * weight, f"outside the focus country {ctx.country}")
    if ctx.doc_countries and p.cc in ctx.doc_countries and p.cc != ctx.country:
        candidate.add(DOC_COUNTRY, "same country as other places in the text")
    if ctx.hint_places:
        _score_hint(candidate, ctx)
    if ctx.anchors and p.has_point:
        _score_anchors(candidate, ctx.anchors, ctx.middles.get((p.cc, p.admin1)))
    if ctx.want_kind and p.kind == ctx.want_kind:
        candidate.add(KIND_WANTED, f"the text asks for a {ctx.want_kind}")
    else:
        candidate.add(KIND_DEFAULT.get(p.kind, 0.0), f"kind: {p.kind}")
    before = candidate.score
    if p.kind == "locality" and p.population > 0:
        pop = min(POPULATION_CAP, POPULATION_WEIGHT * math.log10(p.population + 1))
        candidate.add(round(pop, 1), f"population {p.population:,}")
    if p.fcode in SEAT_BONUS:
        candidate.add(SEAT_BONUS[p.fcode], f"admin seat ({p.fcode})")
    elif p.kind == "locality" and p.admin2 and fold(p.admin2) in (fold(p.name), fold(candidate.matched)):
        candidate.add(DISTRICT_SEAT, f"seat of the district of the same name ({p.admin2})")
    candidate.importance = candidate.score - before
    return candidate


def _is_seat(c: Candidate) -> bool:
    return any("seat" in r for r in c.reasons)


def _score_anchors(candidate: Candidate, anchors: list[Anchor], middle: tuple[float, float] | None) -> None:
    p = candidate.place
    points = [a for a in anchors if a.kind not in ("region", "county", "subdistrict")]
    if points:
        d, name = min((distance_km(p.lat, p.lon, a.lat, a.lon), a.name) for a in points)
        candidate.add(round(PROXIMITY * math.exp(-d / PROXIMITY_KM), 1), f"{d:.0f} km from {name}, also in the text")
    if any(a.kind == "county" and a.cc == p.cc and a.admin2 and a.admin2 == p.admin2 for a in anchors):
        candidate.add(ANCHOR_COUNTY, f"in {p.admin2}, a district the text names")
    elif any(a.kind == "region" and a.cc == p.cc and a.admin1 and a.admin1 == p.admin1 for a in anchors):
        candidate.add(ANCHOR_REGION, f"in {p.admin1}, a province the text names")
        directions = {a.direction for a in anchors if a.kind == "region" and a.admin1 == p.admin1 and a.direction}
        if len(directions) == 1 and middle is not None:
            _score_side(candidate, directions.pop(), middle, "the text", weight=0.6)


def side_of(p: PlaceRow, direction: str, middle: tuple[float, float] | None) -> bool | None:
    """Whether a place lies on the `direction` side ("north", "southeast") of a province's middle point."""
    if middle is None or not p.has_point:
        return None
    sides = []
    if "north" in direction or "south" in direction:
        sides.append((p.lat - middle[0]) * (1 if "north" in direction else -1))
    if "east" in direction or "west" in direction:
        sides.append((p.lon - middle[1]) * (1 if "east" in direction else -1))
    return all(d > 0 for d in sides) if sides else None


def _score_side(candidate: Candidate, direction: str, middle: tuple[float, float] | None, who: str,
                weight: float = 1.0) -> None:
    """"In *eastern* Deir ez-Zor": a village on that side of the province's middle gains, one on the other loses."""
    on_side = side_of(candidate.place, direction, middle)
    if on_side is None:
        return
    points = SIDE_MATCH if on_side else SIDE_MISMATCH
    candidate.add(round(points * weight, 1), f"{'in' if on_side else 'not in'} the {direction}ern part {who} names")


def _score_hint(candidate: Candidate, ctx: RankContext) -> None:
    p = candidate.place
    admin = 0.0
    for hint in ctx.hint_places:
        if hint.pid == p.pid or hint.cc != p.cc:
            continue
        if hint.kind == "county" and p.admin2 and hint.admin2 == p.admin2:
            admin, why = HINT_COUNTY_MATCH, f"in the district named by the hint ({hint.admin2})"
            break
        if hint.kind == "region" and p.admin1 and hint.admin1 == p.admin1 and not admin:
            admin, why = HINT_MATCH, f"in the province named by the hint ({hint.admin1})"
    if admin:
        candidate.add(admin, why)
        if ctx.hint_direction:
            _score_side(candidate, ctx.hint_direction, ctx.middles.get((p.cc, p.admin1)), "the hint")
    towns = [h for h in ctx.hint_places if h.kind not in ("region", "county") and h.pid != p.pid and h.has_point]
    if towns and p.has_point:
        d, town = min((distance_km(p.lat, p.lon, h.lat, h.lon), h.name) for h in towns)
        if ctx.hint_km is not None:  # as far from the town as the text says: points fall off over a quarter of it
            off = abs(d - ctx.hint_km)
            near = HINT_NEAR * math.exp(-off / max(HINT_KM_SLACK, ctx.hint_km / 4))
            if near >= 0.1:
                candidate.add(round(near, 1), f"{d:.0f} km from {town}; the text says {ctx.hint_km:.0f} km")
                return
            candidate.add(HINT_MISMATCH, f"{d:.0f} km from {town}, not the {ctx.hint_km:.0f} km the text says")
            return
        near = HINT_NEAR * math.exp(-d / HINT_NEAR_KM) * (0.4 if admin else 1.0)
        if near >= 0.1:
            candidate.add(round(near, 1), f"{d:.0f} km from {town}, named by the hint")
            return
    if not admin:
        candidate.add(HINT_MISMATCH, f"not in '{ctx.hint_text}'")


def rank(cands: list[Candidate], ctx: RankContext) -> list[Candidate]:
    loose_own = not any(c.name_score >= 1.0 for c in cands)
    scored = [score(c, ctx, loose_own) for c in cands]
    _subdistrict_seats(scored)
    ranked = sorted(scored, key=lambda c: (-c.score, -c.place.population, c.place.pid))[:MAX_CANDIDATES]
    return _exact_before_loose(ranked)


def _exact_before_loose(ranked: list[Candidate]) -> list[Candidate]:
    """A loose spelling ("Adraa", an old name of Daraa) does not beat the very spelling of another place
    ("Adra") on size alone: without its population and seat points it must still score higher."""
    if not ranked or ranked[0].name_score >= 1.0:
        return ranked
    best = ranked[0]
    exact = next((c for c in ranked if c.name_score >= 1.0 and c.place.cc == best.place.cc
                  and c.place.kind not in ("region", "county", "subdistrict")), None)
    if exact is None or best.score - best.importance > exact.score - exact.importance:
        return ranked
    a, b = best.place, exact.place
    if a.has_point and b.has_point and distance_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM:
        return ranked  # one town recorded twice, under two spellings
    exact.reasons.append("first: the very spelling, ahead of a loose one that is only bigger")
    return [exact, *[c for c in ranked if c is not exact]]


def _subdistrict_seats(cands: list[Candidate]) -> None:
    """A village with a sub-district of the same name around it is that sub-district's seat: a known town."""
    units = [c.place for c in cands if c.place.kind == "subdistrict" and c.place.has_point]
    for c in cands:
        p = c.place
        if p.kind != "locality" or not p.has_point or _is_seat(c):
            continue
        key = fold(c.matched)
        for unit in units:
            if distance_km(p.lat, p.lon, unit.lat, unit.lon) <= SUBDISTRICT_SEAT_KM and fold(unit.name) in (key, fold(p.name)):
                c.add(DISTRICT_SEAT, f"seat of the sub-district of the same name ({unit.name})")
                break


def hint_places(gaz: Gazetteer, hint: str, country: str | None) -> list[PlaceRow]:
    """What an admin hint can mean: provinces, then districts of that name, then towns (for "near Aleppo")."""
    every = candidates(gaz, hint, country, fuzzy=False)
    found = [c for c in every if c.name_score >= 0.85]
    if not any(country is None or c.place.cc == country for c in found):
        # a hint names an admin unit: a looser spelling of one of the focus country ("Baqem" = Baqim) is still meant
        found += [c for c in every if HINT_UNIT_LOOSE <= c.name_score < 0.85 and c.place.kind in ("region", "county")
                  and (country is None or c.place.cc == country)]
    if country:  # a hint names a unit of the focus country; elsewhere only a province or a big city
        found = [c for c in found if c.place.cc == country] or \
            [c for c in found if c.place.kind == "region" or c.place.population >= HINT_ABROAD_POPULATION]
    # provinces first, then districts; among those, the ones that bear the name as their own
    admin = [c.place for c in sorted((c for c in found if c.place.kind in ("region", "county")),
                                     key=lambda c: (c.place.kind != "region", not c.primary, -c.name_score))]
    # a sub-district ("Jama village in the Sharan sub-district"): a point near which to look; a town of its name
    # in another province is another place
    subdistricts = [c.place for c in found if c.place.kind == "subdistrict" and c.place.has_point]
    towns = sorted((c.place for c in found if c.place.kind == "locality"), key=lambda p: -p.population)
    if subdistricts and not admin:
        towns = [t for t in towns if any(t.cc == u.cc and t.admin1 == u.admin1 for u in subdistricts)]
    # an area or landform ("the Al-Khawabi area of Lajat region", "in Sahl al-Ghab"): a point near which to look
    features = [c.place for c in found if c.place.kind == "feature" and c.place.has_point][:2]
    return admin + subdistricts[:2] + towns[:3] + features
