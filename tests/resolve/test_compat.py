"""Pairwise compatibility of hand-built mentions: type, date, place, actors."""

from __future__ import annotations

from datetime import timedelta

import pytest
from resolve_factory import (
    AIR,
    CIVILIANS,
    CLASH,
    DAY,
    HTS,
    IED,
    MEETING,
    REGAIN,
    RUSSIA,
    SHELLING,
    SYRIA,
    mention,
    place,
    province,
)  # fmt: skip

from sitrep.model import Place
from sitrep.resolve.actors import actor_families, actors_verdict
from sitrep.resolve.compat import date_verdict, link, place_verdict, silent, type_verdict, vetoes


def test_same_village_same_day_same_type_is_a_strong_link():
    found = link(mention("a1", "doc-a"), mention("b1", "doc-b"))
    assert found is not None and found.strong


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        ((AIR, AIR), "same"),
        ((AIR, SHELLING), "related"),
        ((CLASH, REGAIN), "related"),
        ((AIR, IED), "conflict"),
        ((CLASH, MEETING), "conflict"),
        ((CLASH, AIR), "conflict"),
    ],
)
def test_type_verdicts(kinds, expected):
    a, b = mention("a", kind=kinds[0]), mention("b", kind=kinds[1])
    assert type_verdict(a, b) == expected


def test_battles_never_merge_with_diplomacy_even_same_place_and_day():
    assert link(mention("a", "doc-a", kind=CLASH), mention("b", "doc-b", kind=MEETING)) is None


def test_air_strike_reported_as_shelling_merges_only_with_the_same_actor_and_toll():
    strike = mention("a", "doc-a", kind=AIR, actor1=RUSSIA, fatalities=9)
    assert link(strike, mention("b", "doc-b", kind=SHELLING, actor1=RUSSIA, fatalities=8)) is not None
    assert link(strike, mention("c", "doc-c", kind=SHELLING, actor1=None, fatalities=9)) is None
    assert link(strike, mention("d", "doc-d", kind=SHELLING, actor1=RUSSIA, fatalities=1)) is None
    assert link(strike, mention("e", "doc-e", kind=SHELLING, actor1=RUSSIA, fatalities=9, where="Hass")) is None
    assert link(strike, mention("f", "doc-a", kind=SHELLING, actor1=None, start=90)) is not None  # same article


def test_different_villages_on_the_same_day_stay_apart():
    assert place_verdict(mention("a", where="Kafr Nabl"), mention("b", where="Hass")) == "conflict"
    assert link(mention("a", "doc-a", where="Kafr Nabl"), mention("b", "doc-b", where="Hass")) is None


def test_near_a_village_is_a_weak_link_that_needs_the_same_toll():
    exact = mention("a", "doc-a", where="Kafr Nabl", fatalities=5)
    near = mention("b", "doc-b", where=place("Kafr Nabl", precision=2), fatalities=6)
    assert place_verdict(exact, near) == "near"
    assert link(exact, near) == link(near, exact)
    assert link(exact, near) is not None and not link(exact, near).strong
    assert link(exact, mention("c", "doc-c", where=place("Kafr Nabl", precision=2), fatalities=0)) is None
    # "near Hass" is another place than Kafr Nabl, 3.7 km away: another gazetteer entry
    assert link(exact, mention("d", "doc-d", where=place("Hass", precision=2), fatalities=5)) is None


def test_two_reports_near_the_same_village_are_only_near_each_other():
    a = mention("a", "doc-a", where=place("Saraqib", precision=2))
    b = mention("b", "doc-b", where=place("Saraqib", precision=2))
    assert place_verdict(a, b) == "near" and link(a, b) is None


def test_a_town_named_like_its_province_is_treated_as_an_area():
    idlib_town = Place("Idlib", "Syria", 760, "Idlib", None, 35.93, 36.63, 1, "wof:idlib-city", "SY")
    a, b = mention("a", "doc-a", where=idlib_town), mention("b", "doc-b", where=idlib_town)
    assert place_verdict(a, b) == "near" and link(a, b) is None
    a, b = (mention(x, f"doc-{x}", where=idlib_town, fatalities=14) for x in "ab")
    assert link(a, b) is not None


def test_province_only_report_is_weak_and_needs_the_same_province_and_a_detail():
    village = mention("a", "doc-a", where="Kafr Nabl", fatalities=12)
    idlib = mention("b", "doc-b", where=province("Idlib"), fatalities=12)
    assert place_verdict(village, idlib) == "coarse"
    assert not link(village, idlib).strong
    assert link(mention("c", "doc-c", where="Douma", fatalities=12), idlib) is None
    assert link(mention("d", "doc-d", fatalities=0), mention("e", "doc-e", where=province(), fatalities=0)) is None


def test_unresolved_place_names_compare_as_written():
    a = mention("a", "doc-a", where=None, location_text="Khan Sheikhoun")
    b = mention("b", "doc-b", where=None, location_text="Khan Shaykhun")
    c = mention("c", "doc-c", where=None, location_text="al-Tamanah")
    assert place_verdict(a, b) == "same" and link(a, b) is not None
    assert place_verdict(a, c) == "conflict"
    assert place_verdict(mention("d", "doc-d", where="Kafr Nabl"), mention("e", "doc-e", where=None, location_text="Kafranbel")) == "same"


def test_day_dates_must_match_and_the_next_day_needs_the_same_toll():
    a = mention("a", "doc-a", fatalities=12)
    assert date_verdict(a, mention("b", day=DAY)) == "same"
    assert date_verdict(a, mention("b", day=DAY + timedelta(days=1))) == "near"
    assert date_verdict(a, mention("b", day=DAY + timedelta(days=2))) == "conflict"
    assert link(a, mention("b", "doc-b", day=DAY + timedelta(days=1), fatalities=12)) is not None
    assert link(a, mention("c", "doc-c", day=DAY + timedelta(days=1), fatalities=5)) is None
    assert link(a, mention("d", "doc-d", day=DAY + timedelta(days=1))) is None


def test_week_and_month_dates_reach_wider_but_only_weakly_and_with_a_detail():
    day = mention("a", "doc-a", fatalities=30)
    week = mention("b", "doc-b", day=DAY + timedelta(days=5), precision="week", fatalities=28)
    month = mention("c", "doc-c", day=DAY.replace(day=20), precision="month", fatalities=30)
    far = mention("d", "doc-d", day=DAY + timedelta(days=40), precision="month", fatalities=30)
    assert date_verdict(day, week) == "coarse" and not link(day, week).strong
    assert date_verdict(day, month) == "coarse" and link(day, month) is not None
    assert date_verdict(day, far) == "conflict"
    assert link(mention("e", "doc-e"), mention("f", "doc-f", precision="week")) is None  # no toll to tie them


def test_vague_place_and_vague_date_together_never_link_across_documents():
    a = mention("a", "doc-a", where=province(), precision="week", fatalities=9)
    b = mention("b", "doc-b", where="Kafr Nabl", fatalities=9)
    assert link(a, b) is None
    assert link(a, mention("c", "doc-a", where="Kafr Nabl", start=80)) is not None  # same document


def test_unknown_date_or_place_links_only_within_the_same_document():
    dated = mention("a", "doc-a")
    undated = mention("b", "doc-b", day=None)
    unplaced = mention("c", "doc-c", where=None)
    assert link(dated, undated) is None and link(dated, unplaced) is None
    assert silent(dated, undated) and silent(dated, unplaced)  # no contradiction either
    same_doc = mention("d", "doc-a", where=None, day=None, start=120)
    assert link(dated, same_doc) is not None and link(dated, same_doc).strong


def test_a_back_reference_prefers_the_nearest_report_in_the_text():
    near = mention("a", "doc-a", start=100)
    far = mention("b", "doc-a", where="Hass", start=2000)
    pronoun = mention("c", "doc-a", where=None, start=160)
    assert link(pronoun, near).score > link(pronoun, far).score


def test_conflicting_actor1_families_veto():
    russia = mention("a", "doc-a", actor1=RUSSIA)
    regime = mention("b", "doc-b", actor1=SYRIA)
    unknown = mention("c", "doc-c", actor1=None)
    assert vetoes(russia, regime)
    assert link(russia, unknown) is not None


def test_conflicting_targets_only_weaken_the_link_and_battle_sides_may_be_swapped():
    civilians = mention("a", "doc-a", actor2=CIVILIANS)
    fighters = mention("b", "doc-b", actor2=HTS)
    assert not vetoes(civilians, fighters)
    assert link(civilians, fighters) is not None and not link(civilians, fighters).strong
    clash = mention("c", "doc-c", kind=CLASH, actor1=SYRIA, actor2=HTS)
    swapped = mention("d", "doc-d", kind=CLASH, actor1="Hayat Tahrir al-Sham", actor2="Syrian army")
    assert link(clash, swapped) is not None and link(clash, swapped).strong


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("Military Forces of Syria (2000-)", "Syrian Arab Army", "agree"),
        ("Military Forces of Syria (2000-) Syrian Arab Air Force", "Military Forces of Syria (2000-)", "agree"),
        ("Military Forces of Russia (2000-)", "Military Forces of Syria (2000-)", "conflict"),
        ("Military Forces of Yemen (2016-) Supreme Political Council", "Military Forces of Yemen (2012-)", "conflict"),
        ("Operation Restoring Hope", "Saudi-led coalition", "agree"),
        ("Unidentified Armed Group (Syria)", "Islamic State (Syria)", "unknown"),
        ("Islamic State (Syria)", "Hayat Tahrir al-Sham", "conflict"),
        ("Civilians (Syria)", "Civilians (Syria)", "agree"),
    ],
)
def test_actor_families(a, b, verdict):
    assert actors_verdict(a, None, b, None, symmetric=False) == verdict


def test_actor_families_come_from_the_actor_dictionary():
    assert actor_families("Military Forces of Russia (2000-)") == {"state:RU"}
    assert actor_families("Russian army") == {"state:RU"}  # an alias of the same forces
    assert "state:SA" in actor_families("Operation Restoring Hope")  # a coalition is also its leading state
    assert actor_families("Houthis") == actor_families("Military Forces of Yemen (2016-) Supreme Political Council")
    assert actor_families("Unidentified Armed Group (Syria)") is None
    assert actor_families(None) is None


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("Allied Syrian and/or Russian Forces", "Military Forces of Russia (2000-)", "agree"),
        ("Operation Olive Branch", "Military Forces of Turkey (2016-)", "agree"),
        ("Kataib al-Fajr", "Kataib al-Fajr: Northern Sector", "agree"),  # a branch after its force
        ("Kataib al-Fajr", "Liwa Ahfad al-Nasr", "conflict"),  # two names the dictionary does not know
        ("Ansar Allah", "Military Forces of Yemen (2012-)", "conflict"),
    ],
)
def test_shared_family_or_extended_name_is_the_same_side(a, b, verdict):
    assert actors_verdict(a, None, b, None, symmetric=False) == verdict


def test_twin_villages_are_two_places_even_on_one_gazetteer_entry():
    east = mention("a", "doc-a", location_text="Eastern Ghariyeh")
    west = mention("b", "doc-b", location_text="Western Ghariyeh")
    assert place_verdict(east, west) == "conflict"
    assert place_verdict(east, mention("c", "doc-c", location_text="Eastern Ghariyeh")) == "same"


def test_a_village_the_gazetteer_lacks_is_not_its_province():
    # the geocoder placed two unknown villages at their province: what was written still differs
    fallback = province("Hama")
    a = mention("a", "doc-a", where=fallback, location_text="Abu Khanadeq", fatalities=4)
    b = mention("b", "doc-b", where=fallback, location_text="Jeb Zreiq", fatalities=4)
    assert place_verdict(a, b) == "conflict"
    assert place_verdict(a, mention("c", "doc-c", where=fallback, location_text="Abu Khanadeq")) == "same"
    # a report that names the province itself still reaches a village of it, with care
    idlib = mention("d", "doc-d", where=province("Idlib"), location_text="Idlib province")
    assert place_verdict(idlib, mention("e", "doc-e", where="Kafr Nabl")) == "coarse"
    lost = mention("f", "doc-f", where=province("Idlib"), location_text="Tal Sukayk")
    assert place_verdict(lost, mention("g", "doc-g", where="Kafr Nabl")) == "conflict"


def test_a_town_written_like_its_province_is_an_area_whatever_its_gazetteer_name():
    aleppo = Place("حلب", "Syria", 760, "Aleppo", None, 36.2, 37.15, 1, "wof:aleppo-city", "SY")
    a = mention("a", "doc-a", where=aleppo, location_text="Aleppo")
    b = mention("b", "doc-b", where=aleppo, location_text="Aleppo")
    assert place_verdict(a, b) == "near"
