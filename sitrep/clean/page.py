"""From a page's lines to its parts: comments cut out, boilerplate dropped, title, author and date
found, posts split. Shared by the text-dump and the HTML paths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sitrep.clean import boilerplate, comments, posts
from sitrep.clean.blocks import Line, fold
from sitrep.clean.dates import dateline, year_in_url
from sitrep.clean.title import guess_title, split_site
from sitrep.model import Comment, Post

_COPYRIGHT_OWNER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?"
    r"(?P<owner>[A-Z][\w&'’ .-]{1,50}?)\s*(?:\.\s|,|\ball rights\b|\||$)",
    re.IGNORECASE,
)
_OWNER_NOISE = re.compile(r"^(?:copyright|©|\(c\))\s*|\s*(?:19|20)\d{2}$", re.IGNORECASE)  # "(c) Copyright X 2023"
_DATE_LINE_AUTHOR = re.compile(r"\bby\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$")
_BYLINE_LEAD = re.compile(r"^(?:by|written by|words by|story by|posted by|text by|report by)\s*:?\s+", re.IGNORECASE)


# text above a blog page's first dated post is the blog's own description unless it is this long
_MIN_INTRO_WORDS = 60


class NoTextError(ValueError):
    """Nothing of the page is left once boilerplate and comments are gone."""


@dataclass
class Hints:
    """What the container or metadata already told us."""

    title: str | None = None
    author: str | None = None
    published: date | None = None  # declared by the container or the page's metadata
    url: str | None = None
    read_date: date | None = None  # read off the page's content by an extractor: a date of one article


@dataclass
class Page:
    body: str
    posts: list[Post]
    title: str | None
    author: str | None
    published: date | None
    comments: list[Comment] = field(default_factory=list)
    site: str | None = None  # a site name read off the title ("Title | Site")


def _drop_title(lines: list[Line], title: str | None) -> list[Line]:
    if not title:
        return lines
    folded = fold(title)

    def is_title(line: Line) -> bool:
        text = fold(line.text)
        return text == folded or (text.startswith(folded + " ") and not line.is_prose and len(text) - len(folded) <= 60)

    return [line for line in lines if line.role != "text" or not is_title(line)]


def copyright_owner(lines: list[Line]) -> str | None:
    """The site named in a copyright notice ("© 2020 Levant Monitor. All rights reserved.")."""
    for line in reversed(lines):
        if line.words <= 25 and ("©" in line.text or "opyright" in line.text or "(c)" in line.text.lower()):
            m = _COPYRIGHT_OWNER.search(line.text)
            owner = _OWNER_NOISE.sub("", m.group("owner")).strip(" .-") if m else ""
            if owner and owner.lower() not in ("all rights reserved", "the"):
                return owner
    return None


def _drop_header_furniture(lines: list[Line]) -> list[Line]:
    """Title-like lines above the first paragraph of prose (site name, section, author name, dek)."""
    first = next((k for k, line in enumerate(lines) if line.role == "text" and line.is_prose), len(lines))
    return [line for k, line in enumerate(lines) if k >= first or not (line.role == "text" and line.headline_like)]


def _author(lines: list[Line]) -> str | None:
    for line in lines:
        m = _DATE_LINE_AUTHOR.search(line.text) if line.role == "date" else None
        if m:
            return m.group(1).strip()
        if line.role == "byline" and _BYLINE_LEAD.match(line.text):
            name = _BYLINE_LEAD.sub("", line.text)
            name = re.split(r"\s+(?:\||–|—|-|·|•)\s+|,\s*(?=\d)|\s+(?:on|at)\s+\d", name)[0]
            return name.strip(" ,.;:") or None
    return None


def _text_date(lines: list[Line], url: str | None) -> date | None:
    """A date line of the page (published > plain > updated), else a wire dateline in the first paragraph."""
    hits = [h for line in lines if line.role == "date" for h in line.dates]
    found = posts.best_date([h for h in hits if h.kind != "updated"])
    if found:
        return found
    first = next((line for line in lines if line.role == "text" and line.is_prose), None)
    if first is not None:
        year = hits[0].value.year if hits else year_in_url(url)
        from_dateline = dateline(first.text, year)
        if from_dateline:
            return from_dateline
    return posts.best_date(hits)


def _merge_comments(found: list[Comment], parsed: list[Comment]) -> list[Comment]:
    """The comments read off the markup, plus those of the text thread that they do not already hold."""
    said = [fold(c.text) for c in found]
    extra = [c for c in parsed if not any(s and (fold(c.text) in s or s in fold(c.text)) for s in said)]
    return list(found) + extra


def analyse(
    lines: list[Line],
    hints: Hints,
    published: date | None = None,
    found_comments: list[Comment] | None = None,
    extracted: bool = False,
) -> Page:
    """The page's parts. `published` (the user's override) wins at page level and fills undated posts.

    `extracted`: the lines are already a main-text extraction (trafilatura), so the rules that strip a
    whole page's header and menus are not applied.
    """
    owner = copyright_owner(lines)
    page_lines, thread = comments.split(lines)
    all_comments = _merge_comments(found_comments or [], comments.parse(thread))
    kept = boilerplate.filter_page(page_lines, extracted=extracted)
    anchor_list = posts.anchors(kept)
    site = None
    if len(anchor_list) >= 2:
        preamble, sections = posts.split_sections(kept, anchor_list)
        title = hints.title or guess_title(preamble, page_lines)
        if title:
            title, site = split_site(title, kept)
        preamble = _drop_title(preamble, title)
        for section in sections:
            section.lines = _drop_title(section.lines, title)
            section.published = section.published or published
        intro = [x for x in preamble if x.role == "text"]
        if sum(line.words for line in intro if line.is_prose) >= _MIN_INTRO_WORDS:
            sections.insert(0, posts.Section(title, published or hints.published, intro))
        # each post has its own date: the page has one only when declared (a date read off the
        # content is the first post's heading)
        page_date = published or hints.published
    else:
        title = hints.title or guess_title(kept, page_lines)
        if title:
            title, site = split_site(title, kept)
        page_date = published or hints.published or hints.read_date or _text_date(kept, hints.url)
        body_lines = _drop_title(kept, title)
        if not extracted:
            body_lines = _drop_header_furniture(body_lines)
        body_lines = [line for line in body_lines if line.role == "text"]
        sections = [posts.Section(title, page_date, body_lines)]
    body, post_list = posts.layout(sections)
    if not body:
        raise NoTextError("no article text left after removing boilerplate")
    return Page(
        body=body,
        posts=post_list,
        title=title,
        author=hints.author or _author(kept),
        published=page_date,
        comments=all_comments,
        site=site or owner,
    )
