"""HTML pages through trafilatura plus the page rules: metadata, body, comments with authors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.clean import clean
from sitrep.model import Input

FIXTURES = Path(__file__).parents[1] / "fixtures" / "clean" / "html"


def load(name: str, **hints) -> Input:
    raw = (FIXTURES / name).read_bytes()
    return Input(source=name, raw=raw, text=raw.decode("utf-8"), media_type="text/html", **hints)


CASES = {
    "idlib_wordpress_comments.html": dict(
        title="Shelling hits Idlib market", published=date(2020, 6, 14), author="Rana Haddad", publisher="Levant Monitor",
        keep=["At least seven civilians were killed on Sunday", "A second strike hit the outskirts of the town an hour later."],
        drop=["Home", "God protect", "They will pay", "says:", "Reply", "All rights reserved"],
    ),
    "kyiv_news_portal.html": dict(
        title="Drone attack damages energy facility in Odesa region", published=date(2022, 12, 10), author="Iryna Bondar",
        publisher="Black Sea Herald",
        keep=["leaving more than 1.5 million people without electricity", "Energy company DTEK said repairs could take"],
        drop=["cookies", "Power lines in Odesa", "ALSO READ", "Shelling of Kherson", "newsletter", "Tags", "Kyiv metro",
              "Moldova reports", "©"],
    ),
    "aden_agency_jsonld.html": dict(
        title="Explosion hits military parade rehearsal in Aden", published=date(2019, 8, 1), author="Nabil al-Sharabi",
        publisher="Aden Press Agency",
        keep=["ADEN, Aug 1 (APA) - A missile and drone attack claimed by the Houthi movement",
              "The Islamic State group later claimed that attack"],
        drop=["Sports", "1.2K shares", "WhatsApp", "Editing by", "Tags", "All rights reserved"],
    ),
    "baghdad_no_meta.html": dict(
        title="Protesters killed as security forces open fire in Nasiriyah", published=date(2019, 11, 28), author=None,
        publisher=None,
        keep=["killing at least 18 people and wounding dozens", "ordered the formation of a crisis cell"],
        drop=["Published:", "Baghdad Bulletin"],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_html_page_is_cleaned(name: str) -> None:
    case = CASES[name]
    doc = clean(load(name))
    assert (doc.title, doc.published, doc.author, doc.publisher) == (
        case["title"], case["published"], case["author"], case["publisher"])
    for sentence in case["keep"]:
        assert sentence in doc.body, sentence
    for junk in case["drop"]:
        assert junk not in doc.body, junk
    assert doc.body.count("\n\n") >= 2  # paragraphs stay apart
    assert doc.posts[0].body == doc.body


def test_html_comments_are_separate_with_authors_and_dates() -> None:
    doc = clean(load("idlib_wordpress_comments.html"))
    assert [(c.author, c.published) for c in doc.comments] == [("Abu Khaled", date(2020, 6, 14)), ("Lina", None)]
    assert doc.comments[1].text == "They will pay for this, mark my words."
    assert all(c.text not in doc.body for c in doc.comments)


def test_comment_bodies_of_other_widgets_are_comments() -> None:
    doc = clean(load("hasakah_comment_body.html"))
    assert [(c.author, c.published) for c in doc.comments] == [
        ("Rojhat", None), ("Nisreen K.", date(2022, 11, 23)), ("guest_4411", None)]
    assert doc.comments[0].text == "Tomorrow they will hit the Alouk water station, they always do."
    assert "Alouk" not in doc.body and "guarantors" not in doc.body and "Reply" not in doc.body


def test_text_right_after_a_heading_is_kept() -> None:
    doc = clean(load("hasakah_comment_body.html"))
    assert "Shopkeepers in Hasakah city closed early on Wednesday" in doc.body
    assert doc.body.index("Shopkeepers") < doc.body.index("The Turkish defence ministry said")


def test_publisher_falls_back_to_url_host() -> None:
    doc = clean(load("baghdad_no_meta.html", url="https://www.baghdad-bulletin.example/2019/11/28/nasiriyah"))
    assert doc.publisher == "baghdad-bulletin.example"
    assert doc.url == "https://www.baghdad-bulletin.example/2019/11/28/nasiriyah"


def test_malformed_html_does_not_crash_and_keeps_its_text() -> None:
    doc = clean(load("malformed_mosul.html"))
    assert "Reconstruction of the Old City of Mosul has stalled" in doc.body
    assert "Engineers from the UN Development Programme cleared rubble from 40 houses" in doc.body
    assert "not text" not in doc.body and "<p>" not in doc.body
    assert doc.published is None


def test_html_without_text_raises_a_clear_error() -> None:
    from sitrep.clean import NoTextError

    raw = b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><img src='x.jpg'></body></html>"
    with pytest.raises(NoTextError, match="no article text"):
        clean(Input(source="empty.html", raw=raw, text=raw.decode(), media_type="text/html"))
