"""Text and markdown dumps of real-looking pages: boilerplate out, body in, comments apart, dates right."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.clean import clean
from sitrep.model import Input

FIXTURES = Path(__file__).parents[1] / "fixtures" / "clean"


def load(name: str, **hints) -> Input:
    raw = (FIXTURES / name).read_bytes()
    media = "text/markdown" if name.endswith(".md") else "text/plain"
    return Input(source=name, raw=raw, text=raw.decode("utf-8"), media_type=media, **hints)


CASES = {
    "syria_direct_style.md": dict(
        title="Russian jets strike market in Ariha as Idlib offensive widens",
        published=date(2020, 6, 14),
        author="Rana Haddad",
        keep=["At least seven civilians were killed on Sunday", "The Syrian Observatory for Human Rights put the toll at nine.",
              "Damascus has said its operations in Idlib"],
        drop=["Skip to content", "12 shares", "Facebook", "Smoke rises over the market", "ALSO READ", "Thousands flee Jabal",
              "is a journalist covering", "readers like you", "$1,240", "68%", "Donate now", "views expressed", "Tags:",
              "Turkey sends reinforcements", "Sort by Newest", "God protect", "Notify of", "Comments are moderated", "©",
              "](", "Follow her"],
        comments=["Abu Omar", "Lina K.", "syrian_voice_88"],
    ),
    "iraq_wire_plain.txt": dict(
        title="Rocket attack targets air base hosting US troops in western Iraq",
        published=date(2021, 3, 3),
        author="Omar al-Janabi",
        keep=["BAGHDAD, March 3 (Gulf Wire) - At least ten rockets struck the Ain al-Asad air base in Anbar province on Wednesday, "
              "the Iraqi military said, in the latest attack on a facility hosting troops of the US-led coalition."],
        drop=["Skip to main content", "cookies", "Accept all", "5 min read", "Listen to this article", "Advertisement",
              "Reporting by", "Our Standards", "Militia leader arrested", "Facebook Twitter", "Tags:", "About Us", "Copyright",
              "\nIraq\n", "| Gulf Wire"],
        comments=[],
    ),
    "yemen_reader_header.md": dict(
        title="Saudi-led coalition air strikes hit Hodeidah port, residents say",
        published=date(2019, 8, 29),
        author=None,
        keep=["Air strikes by the Saudi-led coalition hit warehouses", "It did not mention casualties."],
        drop=["Red Sea Post logo", "Smoke billows", "Photo: AFP", "Read more", "UN envoy arrives", "newsletter",
              "delivered to your inbox", "Subscribe", "Follow us", "Markdown Content", "URL Source", "=="],
        comments=[],
    ),
    "libya_comment_thread.txt": dict(
        title="Clashes erupt in Tripoli's Ain Zara as rival armed groups trade fire",
        published=date(2022, 8, 27),
        author="Newsroom",
        keep=["The Ministry of Health said at least 12 people were killed", "Flights at Mitiga airport were suspended"],
        drop=["Share this", "Dbeibah and Bashagha", "42 thoughts", "says:", "Lies.", "Leave a Reply", "Required fields",
              "Save my name", "Powered by WordPress", "Libya Observer Online"],
        comments=["Khaled Benghazi", "Salma T.", "Observer99"],
    ),
    "syria_ngo_appeal.md": dict(
        title="Field report: water crisis deepens in Al-Bab after pumping station cut",
        published=date(2021, 9, 21),
        author=None,
        keep=["has been out of service for more than three weeks", "Each side blames the other for the cut."],
        drop=["Donate", "Become a member", "Residents queue for water trucks", "Support our work", "readers like you",
              "$12,480", "62%", "214 donors", "PayPal", "About the author", "Yara Saleh", "Disclaimer", "Follow us", "©"],
        comments=[],
    ),
    "iraq_no_date.txt": dict(
        title="Turkish drone strike kills two PKK members near Makhmour camp, Kurdish officials say",
        published=None,
        author=None,
        keep=["A Turkish drone struck a vehicle on the road between the Makhmour refugee camp and the town of Gwer"],
        drop=["Kurdistan Chronicle", "Iraqi army deploys to Sinjar", "February 2, 2022", "Sort by Best", "Nobody protects"],
        comments=["Dilan", "Reber M."],
    ),
    "sudan_dateline_wire.txt": dict(
        title="Sudan army and RSF clash in Khartoum for a second day",
        published=date(2023, 4, 15),  # the dateline's day, the year from the "Updated" line
        author=None,
        keep=["KHARTOUM, April 15 (Nile Wire) - Fighting between Sudan's army"],
        drop=["Updated April 16", "Reporting by"],
        comments=[],
    ),
    "ukraine_news_dump.md": dict(
        title="Russian missiles hit Kramatorsk railway station crowded with evacuees",
        published=date(2022, 4, 8),
        author=None,
        keep=["killed at least 39 people and wounded more than 100 on Friday morning",
              "Russia's defence ministry denied it had carried out the attack"],
        drop=["Skip to main content", "Politics", "Home > War", "4 min read", "Listen", "Ukrainian police officers inspect",
              "Getty Images", "Share on Facebook", "Copy link", "More on this topic", "Mariupol", "Most read", "Explosions heard",
              "cookies", "Got it", "Olena Hrytsenko"],
        comments=[],
    ),
    "yemen_disqus_style.txt": dict(
        title="Houthi drone attack on Marib power plant cuts electricity to city",
        published=date(2021, 1, 12),
        author="Fatima al-Hadi",
        keep=["An explosive-laden drone launched by the Houthi movement struck the gas-fired power station in Marib",
              "The Houthis did not immediately comment."],
        drop=["MENU", "Search", "Telegram", "ADVERTISEMENT", "is a freelance journalist", "Commenting guidelines",
              "18 Comments", "Most voted", "Notify of", "Marib will never fall", "Wishful thinking", "Load more", "Privacy"],
        comments=["Ahmed_Sanaani", "Hadramawt Lad", "Ummu Salem"],
    ),
    "daraa_masthead_row.txt": dict(
        title="Government forces shell Daraa al-Balad as siege enters its fifth week",
        published=date(2021, 7, 30),  # from the "Place | weekday date | currency" masthead row
        author="Southern Front Today correspondents",
        keep=["Government artillery shelled residential streets of Daraa al-Balad on Thursday night",
              "There was no word on casualties."],
        drop=["SOUTHERN FRONT TODAY", "Independent reporting", "Detainees", "USD", "Shares", "Who is negotiating",
              "Water pumping station", "58%", "Donate", "Sort", "storm al-Balad", "God protect", "Republishing"],
        comments=["Abu Hamza", "Um Yazan"],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_dump_is_cleaned(name: str) -> None:
    case = CASES[name]
    doc = clean(load(name))
    assert doc.title == case["title"]
    assert doc.published == case["published"]
    assert doc.author == case["author"]
    for sentence in case["keep"]:
        assert sentence in doc.body, sentence
    for junk in case["drop"]:
        assert junk not in doc.body, junk
    assert [c.author for c in doc.comments] == case["comments"]
    for comment in doc.comments:
        assert comment.text and comment.text not in doc.body
    assert len(doc.posts) == 1 and doc.posts[0].body == doc.body


def test_comments_keep_their_text_and_dates() -> None:
    doc = clean(load("libya_comment_thread.txt"))
    by_author = {c.author: c for c in doc.comments}
    assert by_author["Observer99"].text == "Lies. The fighting started in Salah al-Din, not Ain Zara."
    assert by_author["Salma T."].published == date(2022, 8, 27)
    short = clean(load("yemen_disqus_style.txt"))
    assert [c.text for c in short.comments][1] == "Wishful thinking."


def test_paragraph_breaks_survive_and_wrapped_lines_are_joined() -> None:
    doc = clean(load("iraq_wire_plain.txt"))
    paragraphs = doc.body.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[1] == ("A civilian contractor died of a heart attack while sheltering during the barrage, "
                             "a coalition spokesman said, adding that no troops were wounded.")


def test_publisher_from_copyright_or_title_or_url() -> None:
    assert clean(load("syria_direct_style.md")).publisher == "Levant Monitor"
    assert clean(load("iraq_wire_plain.txt")).publisher == "Gulf Wire"
    doc = clean(load("yemen_reader_header.md"))
    assert doc.url == "https://redseapost.example/2019/08/29/hodeidah-port-strikes"
    assert doc.publisher == "Red Sea Post"
    jsonl_like = clean(load("sudan_dateline_wire.txt", url="https://www.nilewire.example/sudan/1", publisher=None))
    assert jsonl_like.publisher == "nilewire.example"


def test_metadata_hints_override_text_and_published_argument_overrides_all() -> None:
    item = load("iraq_no_date.txt", title="Drone strike near Makhmour", published=date(2022, 3, 2), country="Iraq")
    doc = clean(item)
    assert doc.title == "Drone strike near Makhmour"
    assert doc.published == date(2022, 3, 2)
    assert doc.country == "IQ"
    forced = clean(load("syria_direct_style.md"), published=date(2020, 6, 15), country="SY")
    assert forced.published == date(2020, 6, 15) and forced.posts[0].published == date(2020, 6, 15)
    assert forced.country == "SY"


def test_document_identity_and_raw() -> None:
    item = load("iraq_no_date.txt")
    a, b = clean(item), clean(item)
    assert a.id == b.id and len(a.id) == 32 and a.raw == item.raw
    changed = clean(Input(source="x", raw=item.raw + b" ", text=item.text + " ", media_type="text/plain"))
    assert changed.id != a.id


@pytest.mark.parametrize(
    ("notice", "owner"),
    [
        ("© 2020 Levant Monitor. All rights reserved.", "Levant Monitor"),
        ("All rights reserved © Euphrates Daily 2023. Reproduction with reference to the source.", "Euphrates Daily"),
        ("(c) Copyright Gulf Wire 2021. Click for restrictions", "Gulf Wire"),
    ],
)
def test_copyright_owner_without_years_or_markers(notice: str, owner: str) -> None:
    from sitrep.clean.blocks import Line
    from sitrep.clean.page import copyright_owner

    assert copyright_owner([Line(text=notice)]) == owner
