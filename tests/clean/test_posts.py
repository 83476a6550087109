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
    assert doc.published == date(2022, 5, 13)  # the newest post
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
