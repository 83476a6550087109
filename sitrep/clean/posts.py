"""Split a page's lines into dated posts, and lay the posts out as one body with offsets.

A page is several posts when at least two date lines ("Tuesday, April 9, 2019", "Posted on April 9,
2019 by admin") with different dates each head prose of their own. A post's title is the title-like
line right after its date line (blog day headings) or right before it (title, then "Posted on ..."),
whichever the page uses most. Anything else is one post.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sitrep.clean.blocks import Line
from sitrep.clean.dates import DateHit
from sitrep.model import Post


@dataclass
class Section:
    """A post before layout: its title, own date, and content lines."""

    title: str | None
    published: date | None
    lines: list[Line] = field(default_factory=list)


def best_date(hits: list[DateHit]) -> date | None:
    """Published beats a plain date, which beats updated."""
    for kind in ("published", "plain", "updated"):
        for hit in hits:
            if hit.kind == kind:
                return hit.value
    return None


def _clusters(lines: list[Line]) -> list[tuple[int, int]]:
    """Runs of date lines (with bylines between) not separated by prose: (first, last) indices."""
    clusters: list[tuple[int, int]] = []
    for k, line in enumerate(lines):
        if line.role != "date":
            continue
        if clusters:
            a, b = clusters[-1]
            if all(x.role != "text" or not x.is_prose for x in lines[b + 1 : k]) and k - b <= 3:
                clusters[-1] = (a, k)
                continue
        clusters.append((k, k))
    return clusters


def _has_prose(lines: list[Line]) -> bool:
    return any(line.role == "text" and line.is_prose for line in lines)


def _title_after(lines: list[Line], b: int) -> bool:
    k = b + 1
    while k < len(lines) and lines[k].role == "byline":
        k += 1
    if k >= len(lines) or not lines[k].headline_like or lines[k].is_prose:
        return False
    return lines[k].kind == "heading" or (k + 1 < len(lines) and (lines[k + 1].is_prose or lines[k + 1].role != "text"))


def _title_before(lines: list[Line], a: int, floor: int) -> bool:
    k = a - 1
    while k > floor and lines[k].role == "byline":
        k -= 1
    return k > floor and lines[k].headline_like and not lines[k].is_prose and lines[k].role == "text"


def anchors(lines: list[Line]) -> list[tuple[int, int]]:
    """The date clusters that each head prose of their own (post starts); none when they all carry the
    same date (one article that repeats its date, in its header and above its last paragraphs)."""
    clusters = _clusters(lines)
    result = []
    for i, (a, b) in enumerate(clusters):
        end = clusters[i + 1][0] if i + 1 < len(clusters) else len(lines)
        if _has_prose(lines[b + 1 : end]):
            result.append((a, b))
    days = {best_date([h for line in lines[a : b + 1] for h in line.dates]) for a, b in result}
    return result if len(days) >= 2 else []


def split_sections(lines: list[Line], anchor_list: list[tuple[int, int]]) -> tuple[list[Line], list[Section]]:
    """(preamble lines, posts) for a page with two or more anchors."""
    after = sum(_title_after(lines, b) for _, b in anchor_list)
    floors = [-1] + [b for _, b in anchor_list[:-1]]
    before = sum(_title_before(lines, a, f) for (a, _), f in zip(anchor_list, floors))
    title_after = after >= before
    starts = []
    for (a, _b), floor in zip(anchor_list, floors):
        start = a
        if not title_after and _title_before(lines, a, floor):
            start = a - 1
            while lines[start].role == "byline":
                start -= 1
        starts.append(start)
    sections = []
    for i, ((a, b), start) in enumerate(zip(anchor_list, starts)):
        stop = starts[i + 1] if i + 1 < len(starts) else len(lines)
        hits = [h for line in lines[a : b + 1] for h in line.dates]
        chunk = lines[start:stop]
        title = None
        if title_after and _title_after(lines, b):
            k = next(k for k in range(b + 1, stop) if lines[k].role != "byline")
            title = lines[k].text
            chunk = [x for x in chunk if x is not lines[k]]
        elif not title_after and start < a:
            title = lines[start].text
            chunk = chunk[1:]
        sections.append(Section(title, best_date(hits), [x for x in chunk if x.role == "text"]))
    return lines[: starts[0]], sections


def layout(sections: list[Section]) -> tuple[str, list[Post]]:
    """One body ("\\n\\n" between paragraphs and posts) and its posts, offsets into it."""
    parts: list[str] = []
    posts: list[Post] = []
    cursor = 0
    for section in sections:
        paragraphs = [line.text for line in section.lines if line.text]
        if not paragraphs:
            continue
        text = "\n\n".join(paragraphs)
        if parts:
            cursor += 2
        posts.append(Post(title=section.title, published=section.published, start=cursor, end=cursor + len(text), body=text))
        parts.append(text)
        cursor += len(text)
    return "\n\n".join(parts), posts
