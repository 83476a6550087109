"""Toponym resolution: put each mention's location on the map, ACLED style, or say why not.

geo_precision: 1 the place itself; 2 near it / part of an area (a qualifier such as "near", "outskirts of",
"countryside of", "north of"; a district; a mountain, plain or highway); 3 only a province (its centroid)
or a country. A name the gazetteer lacks, or one the context cannot disambiguate, leaves `place` empty
(or at the admin level the text does establish) with `geo_note` saying why.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from sitrep.countries import country_name, to_iso2
from sitrep.geo import area
from sitrep.geo.features import EXTENDED_KINDS
from sitrep.geo.gazetteer import Gazetteer, PlaceRow, distance_km
from sitrep.geo.lexicon import facility_core, lexicon, plain
from sitrep.geo.location import direction_of, parse_location, stated_distance
from sitrep.geo.normalize import fold, twin_variants
from sitrep.geo.operations import is_operation
from sitrep.geo.placing import named_seat, precision_for, seat_of, to_place
from sitrep.geo.rank import (
    SAME_PLACE_KM,
    Anchor,
    Candidate,
    RankContext,
    candidates,
    hint_places,
    rank,
)
from sitrep.geo.readings import other_readings
from sitrep.geo.world import capitals, neighbours
from sitrep.model import Document, Mention

MIN_NAME_SCORE = 0.6  # weaker spelling matches are not accepted, whatever the context
CONFIDENT_NAME_SCORE = 0.85
FACILITY_NAME_SCORE = 0.95  # a feature found through its name without the facility word
FAR_FROM_HINT_KM = 15.0  # "X, 120 km east of Y": X is not placed at Y when the text puts it this far away
AMBIGUOUS_GAP = 1.0  # points between the best two candidates below which the text has not chosen
BORDER_TWIN_KM = 5.0
RIVAL_SPELLING = 0.1 - 1e-9  # a reading whose spelling is this close to the best one's is a rival
OUTER_KM = 40.0  # "Damascus - Jobar": Jobar must lie within this of Damascus
PROMINENT_PREFIX_POPULATION = 10_000  # "Daraa" of "Daraa al-Balad": a leading part alone means a town this big
ABROAD_POPULATION = 15_000  # outside a stated focus country, a town of a neighbouring country this big ...
FAR_ABROAD_POPULATION = 100_000  # ... and farther away only a city this big, by its own name



@dataclass
class Resolution:
    best: Candidate | None
    ranked: list[Candidate] = field(default_factory=list)
    note: str | None = None
    ambiguous: bool = False
    rival: Candidate | None = None  # the other reading that made it ambiguous
    min_precision: int = 1  # 2 when only part of the name was found ("Daraa" of "Daraa al-Balad")
    tied: list[Candidate] = field(default_factory=list)  # the readings an ambiguity is between


def resolve_name(gaz: Gazetteer, text: str, ctx: RankContext) -> Resolution:
    """The best reading of a location text, or why there is none; retries the parts of compound names."""
    capital = capitals().get(ctx.country or "") if fold(parse_location(text).name) == "capital" else None
    if capital:  # "the capital" of a Syrian report is Damascus
        res = _resolve(gaz, capital, replace(ctx, want_kind=None))
        if res.best is not None and not res.ambiguous:
            res.note = f"'{text.strip()}' read as {capital}, the capital of {country_name(ctx.country)}"
        return res
    twin = _twin_reading(gaz, text, ctx)
    if twin is not None:
        return twin
    res = _resolve(gaz, text, ctx)
    if res.best is not None and not res.ambiguous and area.off_area(res.best, ctx, gaz):
        # a loose spelling far from the area the text names: another village, so the retries below may still find it
        p = res.best.place
        res = Resolution(None, note=f"no gazetteer match for '{parse_location(text).name}' in the area the text names "
                                    f"(the nearest spelling, {p.name} in {p.admin1 or p.cc}, lies outside it)")
    if res.best is not None and not res.ambiguous:
        return res
    # an ambiguity between loose spellings only ("Dar'a al-Balad": Darbul or Dar al-Abd?) is no reading at all
    near_exact = res.best is not None and res.best.name_score >= CONFIDENT_NAME_SCORE
    for variant, outer, min_precision, why, part in other_readings(text, compound_only=near_exact):
        sub_ctx = with_hint(gaz, ctx, outer) if outer else ctx
        # a part of a name must be spelled exactly; the village a landform is named after is checked by area instead
        loose_ok = part == "named after"
        alt = _resolve(gaz, variant, sub_ctx, exact_only=not loose_ok and (min_precision > 1 or variant != variant.strip()))
        if alt.best is None or alt.ambiguous or (outer and not _inside(alt.best.place, sub_ctx.hint_places)):
            continue
        if part and not _plausible_part(alt.best.place, ctx, strict=part == "named after"):
            continue
        if min_precision == 3:  # a leading part ("Daraa" of "Daraa al-Balad"): only a town that big is meant
            if not _prominent(alt.best.place):
                continue
            min_precision = 2
        alt.note = f"no gazetteer match for '{text.strip()}'; {why}"
        alt.min_precision = min_precision
        return alt
    return res


def _twin_reading(gaz: Gazetteer, text: str, ctx: RankContext) -> Resolution | None:
    """"Western Ghariyeh", "Big Khwein": the twin village named with the Arabic word, when the gazetteer has it."""
    found = []
    for variant in twin_variants(text):
        res = _resolve(gaz, variant, ctx)
        if res.best is not None and not res.ambiguous and res.best.name_score >= CONFIDENT_NAME_SCORE:
            found.append(res)
    if not found:
        return None
    best = max(found, key=lambda r: r.best.score)
    best.note = f"read '{text.strip()}' as '{best.best.matched}'"
    return best


def _plausible_part(place: PlaceRow, ctx: RankContext, strict: bool = False) -> bool:
    """A part of a name stands for the place only if it is a point (not "Badia" of "Badia al-Alouni") inside
    the area the text names, when it names one (a town of 10,000+ anywhere). `strict`: the village a landform is
    named after ("Jabal Kitaf") must be a village, inside that area whatever its size."""
    if place.kind == "feature" and place.fcode in EXTENDED_KINDS:
        return False
    if strict and place.kind != "locality":
        return False
    if _prominent(place) and not strict:
        return True
    around = area.area_of(ctx, cc=place.cc)
    return around.empty or around.supports(place)


def _prominent(place: PlaceRow) -> bool:
    return place.kind in ("region", "county", "subdistrict") or place.population >= PROMINENT_PREFIX_POPULATION or \
        place.fcode in ("PPLC", "PPLA", "PPLA2")


def _inside(place: PlaceRow, outer: list[PlaceRow]) -> bool:
    """True when a place lies in (or next to) one of the places an outer name may mean."""
    for unit in outer:
        if unit.cc != place.cc:
            continue
        if unit.kind == "region" and unit.admin1 == place.admin1 or unit.kind == "county" and unit.admin2 == place.admin2:
            return True
        if unit.has_point and place.has_point and distance_km(unit.lat, unit.lon, place.lat, place.lon) <= OUTER_KM:
            return True
    return False


def _resolve(gaz: Gazetteer, text: str, ctx: RankContext, exact_only: bool = False) -> Resolution:
    loc = parse_location(text)
    ctx = replace(ctx, want_kind=ctx.want_kind or loc.want_kind or ("region" if loc.direction else None))
    cands = candidates(gaz, text, ctx.country) if loc.name != text.strip() else []
    if not any(c.name_score >= 1.0 for c in cands):
        cands = candidates(gaz, loc.name, ctx.country) + cands
    cands = [c for c in _unique(cands) if _admissible(c, ctx) and (c.name_score >= 1.0 or not exact_only)]
    core = facility_core(loc.name) if not any(c.name_score >= 1.0 for c in cands) else None
    if core:  # "Tiyas Military Airbase" -> the curated "T4 air base" (also called "Tiyas air base")
        cands += [Candidate(gaz.place(pid), matched=core, name_score=FACILITY_NAME_SCORE) for pid in gaz.features_by_core(core)]
    if not cands:
        return Resolution(None, note=f"no gazetteer match for '{loc.name}'")
    ranked = rank(cands, ctx)
    best = ranked[0]
    rival = next((c for c in ranked[1:] if c.name_score >= best.name_score - RIVAL_SPELLING
                  and not _same_place(best.place, c.place)), None)
    if rival is not None and best.score - rival.score < AMBIGUOUS_GAP:
        return Resolution(best, ranked, note=_ambiguity_note(loc.name, best, rival), ambiguous=True, rival=rival)
    return Resolution(best, ranked)


def _admissible(c: Candidate, ctx: RankContext) -> bool:
    """Weak spellings are never accepted; outside a stated focus country only exact, prominent places are:
    in a neighbouring country a province, feature or town of 15,000+, farther away a city of 100,000+ named by
    its own name ("Quwa" is not Quva in Uzbekistan, "Malabas" not Malabo), and none where the admin hint names
    a unit of the focus country ("Malabas village in Hasakah")."""
    if c.place.kind == "country":
        return c.name_score >= 1.0
    if c.name_score < MIN_NAME_SCORE:
        return False
    if ctx.country and not ctx.country_inferred and c.place.cc != ctx.country:
        if c.name_score < 1.0 or any(h.cc == ctx.country for h in ctx.hint_places):
            return False
        if c.place.kind == "region" or (c.place.kind == "feature" and c.place.cc in neighbours().get(ctx.country, ())):
            return True
        big = c.place.population >= FAR_ABROAD_POPULATION
        if c.place.cc in neighbours().get(ctx.country, ()):
            return c.place.population >= ABROAD_POPULATION and (c.primary or big)
        return c.primary and big
    return True


def _unique(cands: list[Candidate]) -> list[Candidate]:
    seen: dict[int, Candidate] = {}
    for c in cands:
        if c.place.pid not in seen or seen[c.place.pid].name_score < c.name_score:
            seen[c.place.pid] = c
    return list(seen.values())


def _same_place(a: PlaceRow, b: PlaceRow) -> bool:
    """Two entries for one place: a town and the district named after it, or twins a few km apart (also
    across a border: Jerusalem is recorded under IL and PS)."""
    if a.cc != b.cc:
        return a.has_point and b.has_point and distance_km(a.lat, a.lon, b.lat, b.lon) <= BORDER_TWIN_KM
    if a.kind == b.kind == "country":
        return True
    for unit, other in ((a, b), (b, a)):
        if unit.kind == "county" and other.admin2 == unit.admin2 or unit.kind == "region" and other.admin1 == unit.admin1:
            return True
    if not (a.has_point and b.has_point):
        return False
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM


def _ambiguity_note(name: str, best: Candidate, rival: Candidate) -> str:
    def where(p: PlaceRow) -> str:
        return ", ".join(x for x in (p.admin2, p.admin1, p.cc) if x)

    return f"ambiguous: '{name}' may be {best.place.name} ({where(best.place)}) or {rival.place.name} ({where(rival.place)})"


def _names_a_unit(want_kind: str | None, res: Resolution) -> bool:
    """"Jandairis district" placed at the town of Jandairis is the district around it, not the town; "the
    Mosul al-Jadida district" of a city is a neighbourhood, the place itself."""
    if want_kind not in ("county", "subdistrict") or res.best is None:
        return False
    seat = res.best.place.fcode.startswith("PPLA")
    return seat or any(c.place.kind in ("county", "subdistrict") for c in res.ranked)


def province_fallback(gaz: Gazetteer, res: Resolution) -> PlaceRow | None:
    """When rivals share a district (else a province), that unit is what the text establishes."""
    if res.best is None or res.rival is None:
        return None
    a, b = res.best.place, res.rival.place
    if a.cc != b.cc or not a.admin1 or a.admin1 != b.admin1:
        return None
    if a.admin2 and a.admin2 == b.admin2:
        county = gaz.admin_unit(a.cc, "county", a.admin2)
        if county is not None and county.has_point and county.admin1 == a.admin1:
            return county
    return gaz.admin_unit(a.cc, "region", a.admin1)


def with_hint(gaz: Gazetteer, ctx: RankContext, hint: str) -> RankContext:
    """The context plus what an admin hint ("southern Idlib", "Homs countryside", "120 km east of Tal Abyad")
    may mean."""
    hint_km, hint = stated_distance(hint)
    ctx = replace(ctx, hint_km=hint_km)
    loc = parse_location(hint)
    # "Rural Damascus" is a province's own name (Rif Dimashq), not the countryside of the Damascus province
    whole = hint_places(gaz, hint.strip(), ctx.country) if loc.name != hint.strip() else []
    places = whole if any(p.kind in ("region", "county") for p in whole) else hint_places(gaz, loc.name, ctx.country)
    return with_middles(gaz, replace(ctx, hint_places=places, hint_text=hint, hint_direction=loc.direction),
                        [(p.cc, p.admin1) for p in places if p.kind == "region"])


def with_middles(gaz: Gazetteer, ctx: RankContext, provinces: list[tuple[str, str]]) -> RankContext:
    """The context plus the middle point of the provinces whose parts the text names ("southern Idlib")."""
    middles = dict(ctx.middles)
    for cc, admin1 in provinces:
        if (cc, admin1) not in middles and (middle := gaz.region_part(cc, admin1, "")) is not None:
            middles[(cc, admin1)] = middle
    return replace(ctx, middles=middles)


def focus_country(document: Document) -> str | None:
    return to_iso2(document.country) if document.country else None


def confident(res: Resolution) -> bool:
    return res.best is not None and not res.ambiguous and res.best.name_score >= CONFIDENT_NAME_SCORE \
        and res.best.place.has_point and res.best.place.kind != "country"


def infer_country(anchors: list[Anchor]) -> str | None:
    counts = Counter(a.cc for a in anchors)
    return counts.most_common(1)[0][0] if counts else None


def context_for(base: RankContext, anchors: list[Anchor], exclude_key: str, gaz: Gazetteer | None = None) -> RankContext:
    own = [a for a in anchors if a.key != exclude_key]
    ctx = replace(base, anchors=own, doc_countries=frozenset(a.cc for a in own))
    parts = [(a.cc, a.admin1) for a in own if a.kind == "region" and a.direction]
    return with_middles(gaz, ctx, parts) if gaz is not None and parts else ctx


def resolve_mention(gaz: Gazetteer, mention: Mention, base: RankContext, anchors: list[Anchor],
                    hint_direction: str | None = None, quarter: bool = False) -> None:
    """Fill mention.place (or geo_note). `quarter`: the text calls the place a neighbourhood or quarter."""
    text = mention.location_text or ""
    loc = parse_location(text)
    ctx = context_for(base, anchors, fold(loc.name), gaz)
    if mention.admin_hint:
        ctx = with_hint(gaz, ctx, mention.admin_hint)
        ctx = replace(ctx, hint_direction=ctx.hint_direction or hint_direction)
    qualifier = mention.location_qualifier or loc.qualifier
    if plain(loc.name) in lexicon().not_places:
        mention.place, mention.geo_note = None, f"'{loc.name}' is not a place name"
        return
    if plain(loc.name) in lexicon().facility_words:  # "the Base", "Airport": a kind of place, no name to look up
        res = Resolution(None, note=f"'{loc.name}' names a kind of place, not a place")
    else:
        res = resolve_name(gaz, text, ctx)
    if res.ambiguous:
        res = _settle_tie(res, ctx, gaz)
    town = area.quarter_town(res.best if not res.ambiguous else None, ctx) if quarter else None
    if town is not None:  # a quarter the gazetteer does not place in its town: the town, ACLED style
        mention.place = to_place(town, 2)
        mention.geo_note = f"'{loc.name}' is a quarter of {town.name} the gazetteer does not place there; placed at the town"
        return
    if res.best is not None and not res.ambiguous and res.min_precision == 1 and area.off_area(res.best, ctx, gaz):
        p = res.best.place
        res = Resolution(None, note=f"no gazetteer match for '{loc.name}' in the area the text names "
                                    f"(the nearest spelling, {p.name} in {p.admin1 or p.cc}, lies outside it)")
    if res.best is not None and not res.ambiguous:
        unit = 2 if _names_a_unit(loc.want_kind, res) else 1
        precision = max(res.min_precision, precision_for(res.best.place, qualifier), unit)
        mention.place = to_place(seat_of(res.best.place, res.ranked, gaz), precision)
        direction = loc.direction or (direction_of(qualifier) if qualifier and qualifier.endswith("part of") else None)
        if res.best.place.kind == "region" and direction:
            part = gaz.region_part(res.best.place.cc, res.best.place.admin1, direction)
            if part is not None:
                mention.place.latitude, mention.place.longitude = round(part[0], 5), round(part[1], 5)
                mention.geo_note = f"placed at the middle of the {direction}ern part of {res.best.place.admin1}"
                return
        if res.best.place.kind == "country":
            mention.geo_note = "country level only: no finer place named"
        elif res.note:
            mention.geo_note = res.note
        elif res.best.name_score < 1.0:
            mention.geo_note = f"matched '{loc.name}' to the spelling '{res.best.matched}'"
        return
    if res.ambiguous:
        town = area.common_town(res.tied, ctx)
        if town is not None:  # "the Dahiet al-Assad suburb of Damascus": both readings are by Damascus
            mention.place = to_place(town, 2)
            mention.geo_note = f"{res.note}; placed at {town.name}, which the text names and both lie near"
            return
        unit = province_fallback(gaz, res)
        if unit is not None:
            level = "province" if unit.kind == "region" else "district"
            mention.place = to_place(seat_of(unit, [], gaz), 3 if unit.kind == "region" else 2)
            mention.geo_note = f"{res.note}; placed at their {level}"
            return
    hint_row = next(iter(ctx.hint_places), None)
    seat = _seat_town(ctx, mention.admin_hint) if hint_row is not None and hint_row.kind == "region" else None
    if seat is not None:  # "the Asmaee area of Basra": the city, rather than the middle of its province
        mention.place = to_place(seat, 2)
        mention.geo_note = f"{res.note}; placed at {seat.name}, the city '{mention.admin_hint}' names (also its province)"
        return
    if hint_row is not None and hint_row.kind == "subdistrict":  # at the town it is named after, as news mean it
        hint_row = next((t for t in ctx.hint_places if t.kind == "locality" and named_seat(t, t.name, hint_row)), hint_row)
    if hint_row is not None and hint_row.has_point and not (ctx.hint_km or 0) > FAR_FROM_HINT_KM:
        precision = 3 if hint_row.kind == "region" else 2
        mention.place = to_place(hint_row, precision)
        mention.geo_note = f"{res.note}; placed at '{mention.admin_hint}', which the text names"
        if hint_row.kind == "region" and ctx.hint_direction:
            _at_part(gaz, mention, hint_row, ctx.hint_direction)
        return
    unit = area.named_unit(gaz, [a for a in ctx.anchors if not is_operation(a)])
    if unit is not None:
        mention.place = to_place(seat_of(unit, [], gaz), 3 if unit.kind == "region" else 2)
        mention.geo_note = f"{res.note}; placed at {unit.name}, the {'province' if unit.kind == 'region' else 'district'} the text names"
        sides = {a.direction for a in ctx.anchors if a.kind == "region" and a.admin1 == unit.admin1 and a.direction}
        if unit.kind == "region" and len(sides) == 1:
            _at_part(gaz, mention, unit, sides.pop())
        return
    mention.place = None
    mention.geo_note = res.note


def _seat_town(ctx: RankContext, hint: str | None) -> PlaceRow | None:
    """The seat of the province a bare hint names ("of Basra", "in Hama"; not "Hama province", "northern Hama"):
    a name both a province and its city mostly means the city when it locates a smaller place."""
    loc = parse_location(hint or "")
    if not hint or loc.want_kind or loc.direction or loc.qualifier or loc.name != hint.strip():
        return None
    regions = {(p.cc, p.admin1) for p in ctx.hint_places if p.kind == "region"}
    for p in ctx.hint_places:
        if p.kind == "locality" and p.has_point and (p.cc, p.admin1) in regions and \
                (p.fcode in ("PPLA", "PPLC") or fold(p.name) == fold(p.admin1)):
            return p
    return None


def _at_part(gaz: Gazetteer, mention: Mention, region: PlaceRow, direction: str) -> None:
    """"X village in *northern* Aleppo", X unknown: the middle of that part of the province, not its centroid."""
    part = gaz.region_part(region.cc, region.admin1, direction)
    if part is not None and mention.place is not None:
        mention.place.latitude, mention.place.longitude = round(part[0], 5), round(part[1], 5)
        mention.geo_note = f"{mention.geo_note}, in the middle of its {direction}ern part"


def _settle_tie(res: Resolution, ctx: RankContext, gaz: Gazetteer) -> Resolution:
    """Same-name readings the score could not tell apart: the area the text names may still pick one."""
    tied = [res.best]
    for c in res.ranked[1:]:
        if res.best.score - c.score >= AMBIGUOUS_GAP:
            break
        if c.name_score >= res.best.name_score - RIVAL_SPELLING and not any(_same_place(c.place, t.place) for t in tied):
            tied.append(c)
    picked = area.break_tie(tied, ctx, gaz)
    if picked is None:
        res.tied = tied
        return res
    choice, why = picked
    others = ", ".join(f"{c.place.name} ({c.place.admin1 or c.place.cc})" for c in tied if c is not choice)
    return Resolution(choice, res.ranked, note=f"'{choice.place.name}' chosen over {others}: {why}")
