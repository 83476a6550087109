"""Round-4 rules: injuries said and denied, stated tolls, two battles, re-dated copies (docs/resolution.md)."""

from __future__ import annotations

from datetime import timedelta

from resolve_factory import CLASH, DAY, HTS, SHELLING, SYRIA, mention

from sitrep.resolve.compat import link, vetoes
from sitrep.resolve.details import injuries
from sitrep.resolve.tolls import stated_toll

ISLAMIC_STATE = "Islamic State (Syria)"


def _shelling(mid: str, sentence: str, fatalities: int | None = 0, **kwargs) -> object:
    return mention(mid, f"doc-{mid}", kind=SHELLING, actor1=SYRIA, sentence=sentence, fatalities=fatalities, **kwargs)


def test_a_strike_that_hurt_people_and_one_that_hurt_nobody_are_two_strikes():
    hurt = _shelling("a", "Army artillery hit Kafr Nabl, wounding four residents; nobody was killed.")
    unhurt = _shelling("b", "Regime guns shelled Kafr Nabl with neither injuries nor fatalities reported.")
    assert injuries(hurt) is True and injuries(unhurt) is False
    assert link(hurt, unhurt) is None and vetoes(hurt, unhurt)


def test_a_report_silent_on_injuries_says_less_and_still_merges():
    hurt = _shelling("a", "Army artillery hit Kafr Nabl, wounding four residents; nobody was killed.")
    silent = _shelling("b", "Government forces shelled the town of Kafr Nabl on Sunday, activists said.")
    unhurt = _shelling("c", "Shells fell on Kafr Nabl; no one was hurt, the civil defence said.")
    assert injuries(silent) is None
    assert link(hurt, silent) is not None
    assert link(unhurt, silent) is not None


def test_only_a_toll_the_report_states_is_a_detail():
    assert stated_toll(_shelling("a", "The shelling killed fourteen people in Kafr Nabl.", 14))
    assert stated_toll(_shelling("b", "At least 14 people died in the shelling.", 14))
    assert not stated_toll(_shelling("c", "Dozens were killed when shells hit Kafr Nabl.", 12))  # a coded count
    assert not stated_toll(_shelling("d", "Nine died in Kafr Nabl and five in the next village.", 14))  # a sum


def _next_day_pair(first: str, second: str, fatalities: int) -> tuple[object, object]:
    day_one = _shelling("a", first, fatalities)
    day_two = _shelling("b", second, fatalities, day=DAY + timedelta(days=1))
    return day_one, day_two


def test_a_vague_mass_casualty_count_on_consecutive_days_ties_nothing():
    stated = _next_day_pair("Shelling on Kafr Nabl killed 14 people.", "The toll in Kafr Nabl rose: 14 dead.", 14)
    assert link(*stated) is not None  # the same stated mass-casualty toll: a late report of one event
    vague = _next_day_pair("Dozens were killed by shelling on Kafr Nabl.", "Dozens died in Kafr Nabl shelling.", 12)
    assert link(*vague) is None  # "dozens" coded as 12 each day: the next day's strike


def _battle(mid: str, enemy: str, sentence: str) -> object:
    return mention(mid, f"doc-{mid}", kind=CLASH, actor1=SYRIA, actor2=enemy, sentence=sentence)


def test_one_army_fighting_two_different_enemies_in_one_village_is_two_battles():
    against_hts = _battle("a", HTS, "Government troops fought Hayat Tahrir al-Sham fighters in Kafr Nabl.")
    against_is = _battle("b", ISLAMIC_STATE, "The army clashed with Islamic State militants at Kafr Nabl.")
    assert link(against_hts, against_is) is None and vetoes(against_hts, against_is)
    again_hts = _battle("c", HTS, "Syrian soldiers and HTS traded fire around Kafr Nabl overnight.")
    assert link(against_hts, again_hts) is not None


def test_a_copy_of_a_text_dated_the_next_day_is_the_next_days_report():
    first = _shelling("a", "Shells hit Kafr Nabl, activists said.")
    next_day = _shelling("b", "Shells hit Kafr Nabl, activists said (second day).", day=DAY + timedelta(days=1))
    same_day = _shelling("c", "Shells hit Kafr Nabl, activists said.")
    assert link(first, next_day, same_source=True) is None  # copies, but another day
    assert link(first, same_day, same_source=True) is not None  # a repost: one report
