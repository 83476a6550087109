"""clean: one `Input` becomes one `Document`: main text, posts, comments, metadata.

    HTML        -> trafilatura (main text, metadata) + comment widget markup -> page rules
    text / md   -> markdown.parse (lines) -> page rules
    page rules  =  comments.split/parse, boilerplate.filter_page, title, dates, posts.split_sections

`Document.body` is the clean text of all posts joined with "\\n\\n"; each `Post` is a slice of it.
Raises `NoTextError` when nothing of the page is left (the pipeline reports it as a skipped input).
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

from sitrep.clean import markdown
from sitrep.clean.dates import parse_date
from sitrep.clean.html import clean_html
from sitrep.clean.page import Hints, NoTextError, Page, analyse
from sitrep.countries import to_iso2
from sitrep.ids import content_id
from sitrep.model import Document, Input

__all__ = ["clean", "clean_text", "NoTextError"]


def clean_text(item: Input, published: date | None = None) -> tuple[Page, str | None]:
    """A text or markdown dump -> its parts, and the page URL if the dump's header names one."""
    header, text = markdown.read_header(item.text)
    hints = Hints(
        title=item.title or header.title,
        published=item.published or parse_date(header.published),
        url=item.url or header.url,
    )
    return analyse(markdown.parse(text), hints, published), hints.url


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def clean(item: Input, published: date | None = None, country: str | None = None) -> Document:
    """The clean document of one input. `published` overrides the page's date (and fills undated posts)."""
    url = item.url
    if item.media_type == "text/html":
        page = clean_html(item, published)
    else:
        page, url = clean_text(item, published)
    return Document(
        id=content_id(item.raw),
        source=item.source,
        media_type=item.media_type,
        body=page.body,
        posts=page.posts,
        title=page.title,
        publisher=item.publisher or page.site or _host(url),
        author=page.author,
        published=page.published,
        comments=page.comments,
        country=to_iso2(country) or to_iso2(item.country),
        url=url,
        raw=item.raw,
    )
