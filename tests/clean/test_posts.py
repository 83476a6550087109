"""Pages holding several dated posts are split into posts, each with its own title and date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sitrep.clean import clean
from sitrep.model import Input

FIXTURES = Path(__file__).parents[1] / "fixtures" / "clean"


def load(name: str) -> Input:
    raw = (FIXTURES / name).read_bytes()
    media = "text/html" if name.endswith(".html") else "text/markdown"
    return Input(source=name, raw=raw, text=raw.decode("utf-8"), media_type=media)


def assert_offsets(doc) -> None:
    for post in doc.posts:
        assert doc.body[post.start : post.end] == post.body
    assert "\n\n".join(p.body for p in doc.posts) == doc.body


def test_blog_day_headings_split_posts() -> None:
    doc = clean(load("ukraine_live_blog.md"))
    assert [(p.title, p.published) for p in doc.posts] == [
        ("Shelling resumes in Saltivka", date(2022, 5, 13)),
        ("Counteroffensive pushes north toward the border", date(2022, 5, 11)),
        ("A quiet Victory Day in the metro", date(2022, 5, 9)),
    ]
    assert_offsets(doc)
    assert doc.title == "Frontline Notes from Kharkiv"
    assert doc.published is None  # each post has its own date; the page has none
    assert "retook the villages of Cherkaski Tyshky" in doc.posts[1].body
    assert "Saltivka" not in doc.posts[1].body
    for junk in ("Posted by", "comments", "Older Posts", "Powered by", "Archive", "Friday, May 13"):
        assert junk not in doc.body
    assert doc.comments == []


def test_title_before_date_orientation() -> None:
    doc = clean(load("sudan_wordpress_blog.md"))
    assert [(p.title, p.published) for p in doc.posts] == [
        ("RSF fighters loot market in El Geneina", date(2023, 6, 2)),
        ("Displaced families reach Adre across the Chad border", date(2023, 5, 28)),
        ("Army jets bomb RSF positions near Nyala", date(2023, 5, 20)),
    ]
    assert_offsets(doc)
    assert doc.posts[2].body.startswith("Sudanese Air Force jets struck positions")
    for junk in ("Categories", "Tags", "Leave a comment", "1 Comment", "Older posts", "PayPal", "Independent reporting"):
        assert junk not in doc.body
    assert doc.comments == []


def test_blogger_html_page_is_split_although_trafilatura_keeps_one_post() -> None:
    doc = clean(load("html/blogger_khartoum_diary.html"))
    assert [(p.title, p.published) for p in doc.posts] == [
        ("Ceasefire holds only in name", date(2023, 4, 25)),
        ("Foreign embassies evacuate their staff", date(2023, 4, 23)),
        ("Eid without prayers", date(2023, 4, 21)),
    ]
    assert_offsets(doc)
    assert "no Eid prayers at the mosque in Riyadh district" in doc.posts[2].body
    assert "Blog Archive" not in doc.body and "Posted by" not in doc.body


def test_published_argument_fills_undated_posts_but_keeps_post_dates() -> None:
    doc = clean(load("ukraine_live_blog.md"), published=date(2022, 6, 1))
    assert doc.published == date(2022, 6, 1)
    assert [p.published for p in doc.posts] == [date(2022, 5, 13), date(2022, 5, 11), date(2022, 5, 9)]


def test_single_article_is_one_post_with_title_and_date() -> None:
    doc = clean(load("syria_direct_style.md"))
    assert len(doc.posts) == 1
    post = doc.posts[0]
    assert (post.title, post.published, post.start, post.end) == (doc.title, doc.published, 0, len(doc.body))


def test_blogger_live_page_posts_titles_comments_and_no_page_date() -> None:
    doc = clean(load("html/tobruk_live_notes.html"))
    assert [(p.title, p.published) for p in doc.posts] == [
        ("GNA forces reach the outskirts of Sirte", date(2020, 6, 8)),
        ("Drone strike near al-Jufra", date(2020, 6, 18)),
    ]
    assert_offsets(doc)
    assert doc.published is None  # a date read off the first post heading is that post's, not the page's
    assert doc.title == "Sirte front notes: the summer stand-off"  # <title>, not the blog name of the <h1>
    assert [(c.author, c.published) for c in doc.comments] == [("Marwan", date(2020, 6, 9)), ("Anonymous", date(2020, 6, 19))]
    for junk in ("Eastern Libya, one dated note", "Posted by", "Benghazi", "mark my words", "Powered by"):
        assert junk not in doc.body


def test_an_article_that_repeats_its_date_is_one_post() -> None:
    text = (
        "Monday, March 2, 2020\n\nTurkish drones strike Syrian army positions near Saraqib\n\n"
        "Turkish drones struck Syrian government positions around Saraqib on Monday, a war monitor said, "
        "as fighting for the town on the M5 highway continued for a fourth day.\n\n"
        "Monday, March 2, 2020\n\n"
        "Russian military police said they had deployed to the town to secure the highway for traffic.\n"
    )
    doc = clean(Input(source="saraqib.txt", raw=text.encode(), text=text, media_type="text/plain"))
    assert len(doc.posts) == 1 and doc.published == date(2020, 3, 2)
    assert doc.title == "Turkish drones strike Syrian army positions near Saraqib"
    assert "Russian military police said" in doc.body
