"""Matching in memory: joining, founding, ambiguity, complete linkage, merges, blocking."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from resolve_factory import AIR, CLASH, DAY, SHELLING, SYRIA, mention, place, province

from sitrep.ids import event_id_for
from sitrep.model import Place
from sitrep.resolve.blocking import probe_keys, register_keys
from sitrep.resolve.cluster import Pool, assign
from sitrep.resolve.compat import link


def _events(outcome) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = {}
    for mention_id, event_id in outcome.assignments.items():
        groups.setdefault(event_id, set()).add(mention_id)
    return groups


def _stored_pool(stored: dict[str, list], created: dict[str, datetime] | None = None) -> Pool:
    """A pool whose loader serves `stored` events by block key, like the store does."""
    created = created or {}

    def load(keys):
        for event_id, members in stored.items():
            if any(k in keys for m in members for k in register_keys(m)):
                yield event_id, (0, created.get(event_id, datetime(2018, 1, 1)), event_id), members

    return Pool(loader=load)


def test_reports_of_one_strike_merge_and_the_event_is_named_after_its_first_report():
    reports = [mention("a1", "doc-a"), mention("b1", "doc-b", fatalities=4), mention("c1", "doc-c", actor1=None)]
    groups = _events(assign(reports, Pool()))
    assert list(groups.values()) == [{"a1", "b1", "c1"}]
    assert list(groups) == [event_id_for("a1")]


def test_distractors_in_nearby_villages_on_the_same_day_stay_separate():
    reports = [
        mention("a1", "doc-a", where="Kafr Nabl"),
        mention("b1", "doc-b", where="Hass"),
        mention("c1", "doc-c", where="Kafr Nabl"),
        mention("d1", "doc-d", where="Hish"),
        mention("e1", "doc-e", where="Hass"),
    ]
    groups = sorted(map(sorted, _events(assign(reports, Pool())).values()))
    assert groups == [["a1", "c1"], ["b1", "e1"], ["d1"]]


def test_a_province_only_report_joins_the_one_candidate_but_not_one_of_two():
    village = mention("a1", "doc-a", fatalities=12)
    idlib = mention("p1", "doc-p", where=province(), fatalities=11)
    assert len(_events(assign([village, idlib], Pool()))) == 1
    other = mention("b1", "doc-b", where="Maarat al-Numan", fatalities=12)
    groups = _events(assign([village, other, idlib], Pool()))
    assert len(groups) == 3  # ambiguous: the province-level report stays its own event


def test_a_province_only_report_without_a_shared_detail_stays_apart():
    outcome = assign([mention("a1", "doc-a", fatalities=1), mention("p1", "doc-p", where=province(), fatalities=1)], Pool())
    assert len(_events(outcome)) == 2


def test_complete_linkage_a_vague_member_does_not_bridge_two_villages():
    pool = Pool()
    assign([mention("p1", "doc-p", where=province(), fatalities=20)], pool)
    first = assign([mention("a1", "doc-a", where="Kafr Nabl", fatalities=20)], pool)
    second = assign([mention("b1", "doc-b", where="Maarat al-Numan", fatalities=20)], pool)
    assert first.assignments["a1"] != second.assignments["b1"]


def test_a_sentence_without_place_joins_the_nearest_event_of_its_document():
    reports = [
        mention("a1", "doc-a", where="Kafr Nabl", start=0),
        mention("a2", "doc-a", where="Hass", start=400),
        mention("a3", "doc-a", where=None, start=450, fatalities=3),
    ]
    outcome = assign(reports, Pool())
    assert outcome.assignments["a3"] == outcome.assignments["a2"] != outcome.assignments["a1"]


def test_a_new_report_joins_a_stored_event_and_keeps_its_id():
    pool = _stored_pool({"ev_old": [mention("a1", "doc-a")]})
    outcome = assign([mention("b1", "doc-b", fatalities=2)], pool)
    assert outcome.assignments == {"b1": "ev_old"}
    assert outcome.grown == {"ev_old"} and not outcome.created


def test_two_stored_events_that_turn_out_to_be_one_merge_into_the_older():
    # two stored events that are one (stored apart by an earlier version of the rules, say)
    stored = {
        "ev_older": [mention("a1", "doc-a", kind=AIR, actor1=SYRIA, fatalities=6)],
        "ev_newer": [mention("b1", "doc-b", kind=SHELLING, actor1=SYRIA, fatalities=7)],
    }
    pool = _stored_pool(stored, {"ev_older": datetime(2018, 1, 1), "ev_newer": datetime(2018, 1, 2)})
    outcome = assign([mention("c1", "doc-c", kind=SHELLING, actor1=SYRIA, fatalities=6)], pool)
    assert outcome.merged == {"ev_newer": "ev_older"}
    assert set(outcome.assignments.values()) == {"ev_older"}
    assert outcome.assignments.keys() == {"b1", "c1"}


def test_a_vaguer_member_does_not_block_a_precise_report_of_the_same_event():
    exact = mention("a1", "doc-a", fatalities=12)
    near = mention("b1", "doc-b", where=place("Kafr Nabl", precision=2), fatalities=11)
    later = mention("c1", "doc-c")  # no toll: too little to tie it to "near Kafr Nabl" alone
    groups = _events(assign([exact, near, later], Pool()))
    assert list(groups.values()) == [{"a1", "b1", "c1"}]


def test_battles_and_strikes_at_the_same_place_stay_two_events():
    outcome = assign([mention("a1", "doc-a", kind=AIR), mention("b1", "doc-b", kind=CLASH, actor1=SYRIA)], Pool())
    assert len(_events(outcome)) == 2


def test_only_the_blocks_of_the_new_report_are_read():
    requested: list[set[str]] = []

    def load(keys):
        requested.append(set(keys))
        return []

    assign([mention("a1", "doc-a", where="Douma")], Pool(loader=load))
    keys = set().union(*requested)
    assert keys == set(probe_keys(mention("a1", "doc-a", where="Douma")))
    assert all("|d" in k or "|m" in k for k in keys) and len(keys) < 60


SHARED = {"wof:shared-a": (35.5001, 36.5999), "wof:shared-b": (35.61, 36.71)}  # near cell corners


def _random_mention(rng: random.Random, i: int):
    """A report somewhere in a 40 x 40 km square that straddles blocking cells, any precision."""
    lat, lon = 35.5 + rng.uniform(-0.2, 0.2), 36.6 + rng.uniform(-0.2, 0.2)
    precision = rng.choice([1, 1, 2, 3])
    gid = rng.choice([f"wof:{i}", "wof:shared-a", "wof:shared-b", None])
    if gid in SHARED:  # one gazetteer entry, one position (a "near" report may sit a little off)
        lat, lon = SHARED[gid][0] + rng.uniform(-0.01, 0.01), SHARED[gid][1]
    where = province("Idlib") if precision == 3 else Place(f"v{i}", "Syria", 760, "Idlib", None, lat, lon, precision, gid, "SY")
    return mention(
        f"m{i}", f"doc-{i}", kind=rng.choice([AIR, SHELLING]), where=where,
        day=DAY + timedelta(days=rng.randint(-3, 3)), precision=rng.choice(["day", "day", "day", "week", "month"]),
        actor1=rng.choice([None, SYRIA]), fatalities=rng.choice([None, 2, 12]),
    )  # fmt: skip


def test_blocking_never_hides_a_compatible_pair():
    rng = random.Random(7)
    reports = [_random_mention(rng, i) for i in range(400)]
    linked = 0
    for a in reports:
        probes = set(probe_keys(a))
        for b in reports:
            if a is not b and link(a, b) is not None:
                linked += 1
                assert probes & set(register_keys(b)), (a, b)
    assert linked > 50
