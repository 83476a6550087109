"""Near-duplicate documents: MinHash signatures of word shingles, stored and looked up by LSH band."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from sitrep.model import Document, Post
from sitrep.resolve.duplicates import mark_near_duplicates, same_text, signature
from sitrep.store import schema

STORY = (
    "Government helicopters dropped at least six barrel bombs on the town of Kafr Zita in northern Hama "
    "on Thursday, killing a farmer and his two sons as they worked in their fields, the local council said. "
    "Rescuers said the bombs also destroyed a water station that served several thousand people, and that "
    "the town's only bakery had been closed since the bombardment intensified last week. Residents have "
    "been leaving for camps near the Turkish border, where aid groups say shelter is already scarce. The "
    "council appealed for fuel for its generators and for ambulances to replace two vehicles lost in the raids."
)
OTHER_STORY = (
    "Four children were among seven people wounded when shells landed near a school in the town of "
    "Jisr al-Shughur on Thursday morning, medics said. Classes were suspended for the rest of the week, "
    "and the education directorate said it would move lessons into basements where it could. Teachers said "
    "attendance had already halved since the autumn as families left the area for the countryside."
)


def document(doc_id: str, body: str, source: str, published: date = date(2019, 5, 2)) -> Document:
    return Document(doc_id, source, "text/plain", body, [Post(None, published, 0, len(body), body)], published=published)


def test_a_lightly_edited_copy_is_the_same_text():
    copy = STORY.replace("the local council said", "according to the council") + " Share this story."
    assert same_text(signature(STORY), signature(copy))


def test_a_wire_story_trimmed_by_the_republishing_site_is_the_same_text():
    trimmed = STORY[: STORY.index(" Residents have been")]
    assert same_text(signature(STORY), signature(trimmed))


def test_two_different_articles_are_not_copies():
    assert not same_text(signature(STORY), signature(OTHER_STORY))


def test_two_short_notes_that_differ_in_the_village_are_not_copies():
    a = "Regime forces shelled the village of Kafr Nabl in southern Idlib. No casualties were reported."
    b = "Regime forces shelled the village of Hass in southern Idlib. No casualties were reported."
    assert not same_text(signature(a), signature(b))
    assert same_text(signature(a), signature(a))


def test_copies_are_marked_against_the_stored_original(store):
    first = [document("orig", STORY, "https://agency.example/1"), document("other", OTHER_STORY, "https://b.example/2")]
    with store.transaction() as conn:
        for doc in first:
            store.add_document(conn, doc)
        assert mark_near_duplicates(store, conn, first) == {}
    with store.transaction() as conn:
        copy = document("copy", STORY + " Republished with permission.", "https://blog.example/3", date(2019, 5, 3))
        store.add_document(conn, copy)
        assert mark_near_duplicates(store, conn, [copy]) == {"copy": "orig"}
        third = document("third", STORY, "https://mirror.example/4", date(2019, 5, 4))
        store.add_document(conn, third)
        assert mark_near_duplicates(store, conn, [third]) == {"third": "orig"}  # the original, not the copy
    with store.engine.connect() as conn:
        marks = dict(conn.execute(select(schema.documents.c.id, schema.documents.c.duplicate_of)).all())
    assert marks == {"orig": None, "other": None, "copy": "orig", "third": "orig"}


def test_a_new_version_of_the_same_page_is_not_a_copy_of_the_old_one(store):
    with store.transaction() as conn:
        old = document("v1", STORY, "https://agency.example/story")
        store.add_document(conn, old)
        mark_near_duplicates(store, conn, [old])
        new = document("v2", STORY + " Updated with the council's appeal.", "https://agency.example/story")
        store.add_document(conn, new)
        assert mark_near_duplicates(store, conn, [new]) == {}
