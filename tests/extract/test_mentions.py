"""Mentions as a whole: one per place, evidence offsets, ids, and what is never a source of events."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.model import Document, Post
from tests.extract.helpers import document, only


def test_one_event_per_place(extractor):
    mentions = extractor.extract(document("Regime shelling hit Kafr Zita, al-Lataminah and Morek in northern Hama."))
    assert [m.location_text for m in mentions] == ["Kafr Zita", "al-Lataminah", "Morek"]
    assert {m.admin_hint for m in mentions} == {"Hama"}
    assert len({m.id for m in mentions}) == 3


def test_qualified_place(extractor):
    mention = only(extractor.extract(document("Regime forces shelled the outskirts of Saraqib.")))
    assert (mention.location_text, mention.location_qualifier) == ("Saraqib", "outskirts of")


def test_evidence_offsets_point_into_the_body(extractor):
    body = "Intro line without events.\n\nRussian warplanes bombed the village of Hbit. Two civilians were killed."
    doc = document(body)
    mention = only(extractor.extract(doc))
    assert len(mention.evidence) == 2
    for evidence in mention.evidence:
        assert doc.body[evidence.start : evidence.end] == evidence.text


def test_offsets_of_later_posts(extractor):
    first = "Regime forces shelled the village of Hish."
    second = "Rebels captured the village of Abu Dali."
    body = f"{first}\n\n{second}"
    doc = Document(
        id="two-posts", source="t", media_type="text/plain", body=body, country="SY",
        posts=[Post(None, date(2018, 2, 1), 0, len(first), first),
               Post(None, date(2018, 2, 5), len(first) + 2, len(body), second)],
    )
    mentions = extractor.extract(doc)
    assert [(m.post_index, m.event_date) for m in mentions] == [(0, date(2018, 2, 1)), (1, date(2018, 2, 5))]
    for m in mentions:
        assert all(doc.body[e.start : e.end] == e.text for e in m.evidence)


def test_reader_comments_are_never_read(extractor):
    doc = document("The town council met to discuss the water supply.",
                   comments=["Russian warplanes bombed the village of Hbit, killing 20 people!"])
    assert extractor.extract(doc) == []


def test_link_titles_and_share_lines_are_not_events(extractor):
    body = ("Related: Airstrike kills five in Idlib\nRead more: Clashes in Daraa leave 10 dead\n"
            "- [Shelling hits Ariha](https://example.org/ariha)\n"
            "The town council met to discuss the water supply.")
    assert extractor.extract(document(body)) == []


def test_extract_many_matches_extract(extractor):
    docs = [document("Regime forces shelled the village of Hish."), document("Nothing happened in Hama."),
            document("Rebels captured the village of Abu Dali.")]
    batched = [[(m.id, m.sub_event_type) for m in ms] for ms in extractor.extract_many(docs)]
    single = [[(m.id, m.sub_event_type) for m in extractor.extract(d)] for d in docs]
    assert batched == single
    assert [len(x) for x in batched] == [1, 0, 1]


def test_mentions_fill_every_field(extractor):
    mention = only(extractor.extract(document("Russian warplanes bombed the village of Hbit on Tuesday, killing 3 civilians.")))
    assert mention.id.startswith("m_")
    assert mention.document_id
    assert mention.inter1 == 8 and mention.inter2 == 7
    assert mention.event_date == date(2018, 2, 6)
    assert mention.place is None  # the geocoder places it afterwards


def test_a_place_and_its_container_make_one_event(extractor):
    text = "Warplanes bombed Hazza town in the Eastern Ghouta, killing four civilians."
    mention = only(extractor.extract(document(text)))
    assert (mention.location_text, mention.fatalities) == ("Hazza", 4)
    assert mention.admin_hint is not None and "Ghouta" in mention.admin_hint


def test_a_chain_of_containers(extractor):
    text = "Gunmen shot dead a soldier in Kafr Amim in Saraqib of Idlib."
    mention = only(extractor.extract(document(text)))
    assert (mention.location_text, mention.admin_hint, mention.fatalities) == ("Kafr Amim", "Saraqib", 1)


def test_a_part_of_a_city_is_coded_at_the_city(extractor):
    text = "A car bomb exploded in the Qusour neighbourhood of Homs city, killing several passers-by."
    mention = only(extractor.extract(document(text)))
    assert (mention.location_text, mention.fatalities) == ("Homs", 10)


def test_a_possessive_container(extractor):
    text = "Two soldiers were killed in clashes in Aleppo's Sheikh Najjar district."
    mention = only(extractor.extract(document(text)))
    assert mention.location_text.startswith("Sheikh Najjar")


def test_a_reference_place_is_a_hint_not_an_event(extractor):
    text = "Jets bombed the hamlet of Kafr Amim in the Tal Tuqan plain, southeast of Saraqib; three farmers died."
    mention = only(extractor.extract(document(text)))
    assert (mention.location_text, mention.fatalities) == ("Kafr Amim", 3)


def test_a_list_stays_a_list(extractor):
    text = "Shelling hit Al Tuwal, Al Khubah and Samitah in Jizan, killing 3 soldiers."
    mentions = extractor.extract(document(text, country="SA"))
    assert [(m.location_text, m.fatalities, m.admin_hint) for m in mentions] == [
        ("Al Tuwal", 1, "Jizan"), ("Al Khubah", 1, "Jizan"), ("Samitah", 1, "Jizan")]


def test_glued_words_still_tell_the_event(extractor):
    text = "Hundreds of teachers protestedin front of the governorate building in Sulaymaniyah."
    mention = only(extractor.extract(document(text, country="IQ")))
    assert (mention.event_type, mention.actor1) == ("Protests", "Protesters (Iraq)")
    body = text
    assert body[mention.evidence[0].start : mention.evidence[0].end] == mention.evidence[0].text



def test_nearby_before_a_village_is_an_adjective_not_a_qualifier(extractor, geocoder):
    body = "Jets struck the nearby village of Kafr Nabl on Sunday, killing two farmers, residents said."
    mention = only(geocoder.place(extractor.extract(document(body)), document(body)))
    assert mention.location_qualifier is None
    assert mention.place is not None and mention.place.geo_precision == 1


def test_near_a_landmark_of_a_city_is_in_the_city(extractor, geocoder):
    body = "A car bomb exploded near Baghdad's Tahrir Square on Sunday, killing five people, police said."
    mention = only(geocoder.place(extractor.extract(document(body, country="IQ")), document(body, country="IQ")))
    assert mention.location_text == "Baghdad" and mention.location_qualifier is None
    assert mention.place is not None and mention.place.geo_precision == 1
    body = "A car bomb exploded near Baghdad on Sunday, killing five people, police said."
    mention = only(geocoder.place(extractor.extract(document(body, country="IQ")), document(body, country="IQ")))
    assert mention.location_qualifier == "near" and mention.place.geo_precision == 2


@pytest.mark.parametrize("body, country, junk, village", [
    # a people, not a place
    ("Hundreds of Bahrainis marched in Sitra after Friday prayers, and police fired tear gas at them.", "BH",
     "Bahrainis", "Sitra"),
    # ordinary English capitalised in a title-cased strike log
    ("Coalition airstrikes hit Farms in Sirwah, destroying two water pumps.", "YE", "Farms", "Sirwah"),
    ("Coalition airstrikes hit Residential area in Baqim on Monday.", "YE", "Residential", "Baqim"),
    ("Coalition airstrikes hit Moving Target (fighters) in Sirwah.", "YE", "Moving Target", "Sirwah"),
    # an adjective made with a hyphen
    ("IRGC-linked gunmen ambushed a patrol near Balad, killing two soldiers.", "IQ", "IRGC-linked", "Balad"),
    # a person after a title
    ("Supporters of House Speaker Nabih Berri blocked roads in Nabatieh with burning tyres.", "LB",
     "House Speaker Nabih Berri", "Nabatieh"),
    # an armed group's name
    ("Clashes between Suqour al-Sham and Hayat Tahrir al-Sham in Kafr Nabl killed three fighters.", "SY",
     "Suqour al-Sham", "Kafr Nabl"),
])
def test_words_that_are_no_place_are_not_event_places(extractor, body, country, junk, village):
    places = [m.location_text for m in extractor.extract(document(body, country=country))]
    assert junk not in places
    assert village in places


def test_a_sea_beside_a_village_is_not_a_second_place(extractor):
    body = "Coalition warships shelled Houthi boats in the Red Sea near Al Khawkhah, killing four fighters."
    places = [m.location_text for m in extractor.extract(document(body, country="YE"))]
    assert places == ["Al Khawkhah"]


def test_a_village_named_with_english_words_stays_when_the_text_calls_it_a_village(extractor):
    body = "Turkish jets bombed Upper Diwan village in northern Aleppo, killing a shepherd."
    assert [m.location_text for m in extractor.extract(document(body))] == ["Upper Diwan"]


@pytest.mark.parametrize("text,place", [
    ("Shells fell on Damascus city's Jaramana suburb, killing two children.", "Jaramana"),
    ("Turkish jets struck Yalanquz village in Jandairis sub-district of southwest Afrin, Aleppo, killing 2 civilians.",
     "Yalanquz"),
    ('Tribal fighters attacked a Houthi post in the "Ahl al Jawf" area of Qurayishah district, killing three.',
     "Ahl al Jawf"),
])
def test_the_places_that_hold_the_event_place_are_no_events_of_their_own(extractor, text, place):
    assert [m.location_text for m in extractor.extract(document(text))] == [place]
