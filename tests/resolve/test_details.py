"""Round-2 rules: what ties two reports of different outlets together, and what keeps them apart."""

from __future__ import annotations

from datetime import timedelta

from resolve_factory import AIR, CLASH, DAY, MEETING, PROTEST, RUSSIA, SHELLING, SYRIA, mention, place

from sitrep.model import Place
from sitrep.resolve.compat import link, listed_place, names_match, place_verdict, vetoes

TRANSFER = ("Strategic developments", "Non-violent transfer of territory")
SDF = "Syrian Democratic Forces"


def test_nobody_killed_and_a_death_toll_are_two_strikes():
    quiet = mention("a", "doc-a", kind=SHELLING, actor1=SYRIA, fatalities=0)
    deadly = mention("b", "doc-b", kind=SHELLING, actor1=SYRIA, fatalities=5)
    assert link(quiet, deadly) is None and vetoes(quiet, deadly)
    assert link(quiet, mention("c", "doc-c", kind=SHELLING, actor1=SYRIA, fatalities=0)) is not None
    assert link(quiet, mention("d", "doc-d", kind=SHELLING, actor1=SYRIA)) is not None  # no figure: says less
    denial = mention("e", "doc-e", kind=SHELLING, actor1=SYRIA, fatalities=0, modality="denied")
    assert link(denial, deadly) is not None  # a denial carries no toll of its own


def test_short_consonant_skeletons_need_similar_spellings():
    assert not names_match("Sourani", "Sirayan")  # both "srn"
    assert not names_match("Termala", "Tir Maallah")
    assert names_match("Saraqeb", "Saraqib")
    assert names_match("Khan Sheikhoun", "Khan Shaykhun")


def _fallback(name: str, admin1: str, lat: float, lon: float) -> Place:
    """Where a geocoder puts a village it does not know: a town it names, precision 2."""
    return Place(name=name, country="Syria", iso=760, admin1=admin1, admin2=None, latitude=lat, longitude=lon,
                 geo_precision=2, gazetteer_id=f"wof:{name}", country_code="SY")  # fmt: skip


def test_one_unresolved_spelling_placed_in_two_provinces_is_two_villages():
    in_homs = mention("a", "doc-a", where=_fallback("Talbiseh", "Homs", 34.84, 36.73), location_text="Umm Sharshuh")
    in_idlib = mention("b", "doc-b", where=_fallback("Saraqib", "Idlib", 35.86, 36.80), location_text="Umm Sharshuh")
    assert place_verdict(in_homs, in_idlib) == "conflict"
    same_area = mention("c", "doc-c", where=_fallback("Talbiseh", "Homs", 34.85, 36.72), location_text="Umm Sharshuh")
    assert place_verdict(in_homs, same_area) == "same"


def test_the_outskirts_of_a_village_are_near_it_not_the_village():
    # a hamlet the gazetteer lacks, placed at the town the text names: compared as written
    hamlet = mention("a", "doc-a", where=place("Kafr Nabl", 2), location_text="Tell Sahl")
    outskirts = mention("b", "doc-b", where=place("Kafr Nabl", 2), location_text="Tell Sahl", qualifier="outskirts of")
    assert place_verdict(hamlet, outskirts) == "near"
    assert (
        place_verdict(hamlet, mention("c", "doc-c", where=place("Kafr Nabl", 2), location_text="Tell Sahl")) == "same"
    )


def test_the_next_day_with_the_same_small_toll_is_another_strike():
    today = mention("a", "doc-a", actor1=RUSSIA, fatalities=5)
    tomorrow = mention("b", "doc-b", day=DAY + timedelta(days=1), actor1=RUSSIA, fatalities=5)
    assert link(today, tomorrow) is None
    massacre = mention("c", "doc-c", actor1=RUSSIA, fatalities=42)
    late_report = mention("d", "doc-d", day=DAY + timedelta(days=1), actor1=RUSSIA, fatalities=42)
    assert link(massacre, late_report) is not None


def test_a_denial_dated_the_day_after_joins_the_event_it_denies():
    strike = mention("a", "doc-a", actor1=RUSSIA, fatalities=9)
    denial = mention("b", "doc-b", day=DAY + timedelta(days=1), actor1=RUSSIA, modality="denied")
    assert link(strike, denial) is not None
    other_actor = mention("c", "doc-c", day=DAY + timedelta(days=1), actor1=None, modality="denied")
    assert link(strike, other_actor) is None  # only a denial by the actor the report names


def test_a_toll_given_for_a_list_of_places_ties_nothing():
    listed = "Regime shelling hit Kafr Nabl, Hass and Hish, killing six civilians."
    a = mention("a", "doc-a", kind=SHELLING, actor1=SYRIA, where=place("Kafr Nabl", 2), qualifier="near",
                fatalities=6, sentence=listed, location_text="Kafr Nabl")  # fmt: skip
    b = mention("b", "doc-b", kind=SHELLING, actor1=SYRIA, fatalities=6, location_text="Kafr Nabl")
    assert listed_place(a) and not listed_place(b)
    assert link(a, b) is None  # "near" needs a detail, and the list's toll is not one of Kafr Nabl
    own = mention("c", "doc-c", kind=SHELLING, actor1=SYRIA, where=place("Kafr Nabl", 2), qualifier="near",
                  fatalities=6, location_text="Kafr Nabl")  # fmt: skip
    assert link(own, b) is not None


def test_a_handover_or_a_meeting_may_name_its_two_sides_in_either_order():
    handed = mention("a", "doc-a", kind=TRANSFER, actor1=SYRIA, actor2=SDF)
    taken = mention("b", "doc-b", kind=TRANSFER, actor1=SDF, actor2=SYRIA)
    assert link(handed, taken) is not None
    met = mention("c", "doc-c", kind=MEETING, actor1=RUSSIA, actor2=SYRIA)
    assert link(met, mention("d", "doc-d", kind=MEETING, actor1=SYRIA, actor2=RUSSIA)) is not None
    strike = mention("e", "doc-e", kind=AIR, actor1=RUSSIA, actor2=SYRIA)
    assert link(strike, mention("f", "doc-f", kind=AIR, actor1=SYRIA, actor2=RUSSIA)) is None  # attacker matters


def test_a_town_named_like_its_province_is_vague_only_for_violent_events():
    idlib = Place(name="Idlib", country="Syria", iso=760, admin1="Idlib", admin2=None, latitude=35.93,
                  longitude=36.63, geo_precision=1, gazetteer_id="wof:idlib-city", country_code="SY")  # fmt: skip
    strike_a, strike_b = mention("a", "doc-a", where=idlib), mention("b", "doc-b", where=idlib)
    assert place_verdict(strike_a, strike_b) == "near"  # "strikes in Idlib" may mean the province
    protest_a = mention("c", "doc-c", kind=PROTEST, actor1="Protesters (Syria)", where=idlib)
    protest_b = mention("d", "doc-d", kind=PROTEST, actor1="Protesters (Syria)", where=idlib)
    assert place_verdict(protest_a, protest_b) == "same"  # a protest in Idlib is in the city
    battle = mention("e", "doc-e", kind=CLASH, actor1=SYRIA, where=idlib)
    assert place_verdict(battle, mention("f", "doc-f", kind=CLASH, actor1=SYRIA, where=idlib)) == "near"
