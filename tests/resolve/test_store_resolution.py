"""Resolution against a real database: ids, aliases, corroboration, reposts, disagreements."""

from __future__ import annotations

from datetime import date, timedelta

from resolve_factory import DAY, mention, province
from sqlalchemy import select

from sitrep.model import Document, Mention, Post
from sitrep.resolve import ResolveStats, mark_near_duplicates, resolve_into
from sitrep.store import get_event, schema

WIRE = (
    "Russian warplanes struck the town of Kafr Nabl in the southern Idlib countryside on Sunday, "
    "killing four civilians and wounding at least ten others, local rescuers said. The strikes hit "
    "a residential street near the main market shortly before noon, and civil defence teams spent "
    "hours pulling survivors from the rubble of two collapsed buildings. Residents said the jets "
    "returned twice within an hour. The area has seen intensified bombardment since the start of the month."
)


def document(doc_id: str, body: str = "", publisher: str | None = None, url: str | None = None,
             published: date = DAY, source: str | None = None) -> Document:  # fmt: skip
    body = body or f"Report {doc_id}: warplanes struck Kafr Nabl."
    return Document(
        id=doc_id, source=source or url or f"/reports/{doc_id}.txt", media_type="text/plain", body=body,
        posts=[Post(None, published, 0, len(body), body)], publisher=publisher, published=published, url=url,
    )  # fmt: skip


def process(store, batch: list[tuple[Document, list[Mention]]]) -> ResolveStats:
    """What the pipeline does with one batch after extraction and geocoding."""
    with store.transaction() as conn:
        touched: set[str] = set()
        for doc, _ in batch:
            superseded = store.add_document(conn, doc)
            if superseded:
                touched |= store.remove_mentions_of(conn, superseded)
        mark_near_duplicates(store, conn, [doc for doc, _ in batch])
        mentions = [m for _, ms in batch for m in ms]
        store.add_mentions(conn, mentions)
        return resolve_into(store, conn, mentions, touched)


def only_event(store):
    with store.engine.connect() as conn:
        ids = list(conn.execute(select(schema.events.c.id)).scalars())
    assert len(ids) == 1, ids
    return get_event(store, ids[0])


def test_a_new_outlet_later_joins_the_same_event_and_adds_one_to_corroboration(store):
    first = process(store, [(document("d1", publisher="Enab Baladi"), [mention("m1", "d1")])])
    event_id = next(iter(first.created))
    later = process(store, [(document("d2", publisher="SANA", published=DAY + timedelta(days=1)), [mention("m2", "d2")])])
    assert later.updated == {event_id} and not later.created
    event = only_event(store)
    assert event.id == event_id and event.corroboration == 2


def test_two_articles_by_one_publisher_are_one_source(store):
    process(store, [(document("d1", publisher="Enab Baladi"), [mention("m1", "d1")])])
    process(store, [(document("d2", publisher="enab baladi "), [mention("m2", "d2")])])
    assert only_event(store).corroboration == 1


def test_a_repost_on_another_site_is_not_a_second_source(store):
    process(store, [(document("d1", WIRE, url="https://agency.example/strike"), [mention("m1", "d1")])])
    repost = WIRE + " Share this article."
    stats = process(store, [(document("d2", repost, url="https://blog.example/copy"), [mention("m2", "d2")])])
    assert stats.updated and not stats.created
    event = only_event(store)
    assert event.corroboration == 1 and len(event.sources) == 2
    with store.engine.connect() as conn:
        dup = conn.execute(select(schema.documents.c.duplicate_of).where(schema.documents.c.id == "d2")).scalar()
    assert dup == "d1"


def test_a_rewritten_story_by_another_outlet_is_a_second_source(store):
    process(store, [(document("d1", WIRE, url="https://agency.example/strike"), [mention("m1", "d1")])])
    own_words = (
        "Four civilians died in Kafr Nabl on Sunday when jets bombed a street close to the market, "
        "according to the civil defence, which said ten people were hurt and two buildings collapsed."
    )
    process(store, [(document("d2", own_words, url="https://daily.example/kafr-nabl"), [mention("m2", "d2")])])
    assert only_event(store).corroboration == 2


def test_a_denial_makes_the_event_disputed_and_it_still_occurred(store):
    process(store, [(document("d1", publisher="SOHR"), [mention("m1", "d1", certainty="reported")])])
    denial = mention("m2", "d2", modality="denied", certainty="claimed")
    process(store, [(document("d2", publisher="TASS"), [denial])])
    event = only_event(store)
    assert event.disputed and event.modality == "occurred"
    assert event.certainty == "reported"
    assert event.corroboration == 1  # a denial is a source on the event, not a corroboration


def test_two_figures_the_lowest_is_kept_and_both_stay_visible(store):
    process(store, [(document("d1", publisher="SOHR"), [mention("m1", "d1", fatalities=9)])])
    process(store, [(document("d2", publisher="SANA"), [mention("m2", "d2", fatalities=4)])])
    event = only_event(store)
    assert event.fatalities == 4
    assert sorted(s.fatalities for s in event.sources) == [4, 9]


def test_certainty_is_the_strongest_and_modality_occurred_needs_a_source_saying_so(store):
    process(store, [(document("d1", publisher="A"), [mention("m1", "d1", modality="planned", certainty="alleged")])])
    assert only_event(store).modality == "planned"
    process(store, [(document("d2", publisher="B"), [mention("m2", "d2", certainty="claimed")])])
    event = only_event(store)
    assert event.modality == "occurred" and event.certainty == "claimed"


def test_resolving_nothing_new_changes_nothing(store):
    process(store, [(document("d1"), [mention("m1", "d1")]), (document("d2"), [mention("m2", "d2", fatalities=3)])])
    before = only_event(store)
    stats = process(store, [])
    assert not (stats.created or stats.updated or stats.removed)
    after = only_event(store)
    assert (after.id, after.corroboration, after.fatalities) == (before.id, before.corroboration, before.fatalities)


def test_events_merged_later_keep_resolving_through_an_alias(store):
    kafr_nabl = process(store, [(document("dk", source="/k"), [mention("mk", "dk", fatalities=7)])])
    maarat = process(store, [(document("dm", source="/m"), [mention("mm", "dm", where="Maarat al-Numan", fatalities=7)])])
    vague = process(store, [(document("dp", source="/p"), [mention("mp", "dp", where=province(), fatalities=7)])])
    ev_k, ev_m, ev_p = (next(iter(s.created)) for s in (kafr_nabl, maarat, vague))
    assert len({ev_k, ev_m, ev_p}) == 3  # the province-level report was ambiguous
    # the Maarat page is corrected: the strike it reported was in Kafr Nabl
    corrected = document("dm2", "Corrected: warplanes struck Kafr Nabl.", source="/m")
    stats = process(store, [(corrected, [mention("mm2", "dm2", fatalities=7)])])
    # the Maarat event lost its only report; the province-level one is now unambiguous
    assert stats.merged == {ev_p: ev_k} and ev_m in stats.removed
    with store.engine.connect() as conn:
        assert store.canonical_event_id(conn, ev_p) == ev_k
    event = get_event(store, ev_p)
    assert event.id == ev_k and set(event.mention_ids) == {"mk", "mm2", "mp"}
    assert event.corroboration == 3 and get_event(store, ev_m) is None


def test_a_corrected_page_keeps_its_event_id(store):
    first = process(store, [(document("v1", "Strike on Kafr Nabl, 3 dead.", source="/page"), [mention("a", "v1", fatalities=3)])])
    event_id = next(iter(first.created))
    process(store, [(document("v2", "Strike on Kafr Nabl, 5 dead.", source="/page"), [mention("b", "v2", fatalities=5)])])
    event = only_event(store)
    assert event.id == event_id and event.fatalities == 5


def test_mentions_are_filed_under_their_blocks(store):
    process(store, [(document("d1"), [mention("m1", "d1")])])
    with store.engine.connect() as conn:
        keys = set(conn.execute(select(schema.mention_blocks.c.key)).scalars())
        assert keys and store.event_ids_in_blocks(conn, keys) == {only_event(store).id}
