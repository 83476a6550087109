"""HTML pages: trafilatura finds the main text and the metadata (title, author, site name, date);
reader comments come from the comment widget's markup (or trafilatura's comment text), never the body.
The main text then goes through the same line rules as text dumps (`page.analyse`).
When trafilatura finds nothing, the page is rendered as a text dump and cleaned as one.
"""

from __future__ import annotations

import re
from datetime import date

import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from sitrep.clean import html_comments, markdown, render
from sitrep.clean.blocks import Line, fold, same_text, squash
from sitrep.clean.dates import parse_date
from sitrep.clean.page import Hints, NoTextError, Page, analyse
from sitrep.clean.title import split_site
from sitrep.model import Comment, Input, Post

_MIN_POST_WORDS = 40
_MIN_PROSE_SHARE = 0.5
# markup that declares a publication date (meta tags, JSON-LD, microdata); without it, trafilatura's
# date was read off the visible text
_DECLARED_DATE = re.compile(
    r"article:published_time|datePublished|dateCreated|[\"']pubdate[\"']|dc\.date|og:pubdate|sailthru\.date|"
    r"parsely-pub-date|name=[\"']date[\"']|publish(?:ed)?[_-]date",
    re.IGNORECASE,
)
_HEADS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


def _element_lines(element: etree._Element, kind: str, level: int = 0) -> list[Line]:
    """One element of trafilatura's output -> lines (a <lb/> starts a new line)."""
    parts: list[list[str]] = [[]]
    link_chars = 0
    for node in element.iter():
        if node is not element and node.tag == "lb":
            parts.append([])
        if node.tag == "ref" and node.text:
            link_chars += len(node.text.strip())
        if node.text and (node is element or node.tag != "lb"):
            parts[-1].append(node.text)
        if node is not element and node.tail:
            parts[-1].append(node.tail)
    lines = []
    for chunk in parts:
        text = squash("".join(chunk))
        if text:
            ratio = min(1.0, link_chars / len(text))
            lines.append(Line(text=text, kind=kind, level=level, link_ratio=ratio, link_only=ratio >= 0.95))
    return lines


def body_lines(body: etree._Element) -> list[Line]:
    """trafilatura's XML body -> lines: heads, paragraphs, list items, quotes, table rows."""
    lines: list[Line] = []
    lead = squash(body.text or "")
    if lead:
        lines.append(Line(text=lead, kind="para"))
    for child in body:
        tag = child.tag
        if tag == "head":
            level = _HEADS.get(child.get("rend", ""), 2)
            lines.extend(_element_lines(child, "heading", level))
        elif tag == "list":
            for item in child.iter("item"):
                lines.extend(_element_lines(item, "item"))
        elif tag == "table":
            for row in child.iter("row"):
                cells = [squash("".join(cell.itertext())) for cell in row.iter("cell")]
                text = "; ".join(c for c in cells if c)
                if text:
                    lines.append(Line(text=text, kind="item"))
        elif tag == "quote":
            lines.extend(_element_lines(child, "quote"))
        elif tag == "graphic":
            continue
        else:
            lines.extend(_element_lines(child, "para"))
        tail = squash(child.tail or "")
        if tail:  # text right after a heading or list, outside any paragraph
            lines.append(Line(text=tail, kind="para"))
    for i, line in enumerate(lines):
        line.index = i
    return lines


def _as_dump(item: Input, tree: etree._Element | None, hints: Hints, published: date | None, found: list[Comment]) -> Page:
    """The page rendered as a text dump and cleaned as one; broken markup is stripped of its tags."""
    dump = render.to_markdown(tree) if tree is not None else ""
    if len(dump) < 0.1 * len(item.text) and len(item.text) > 200:  # the parser lost most of a broken page
        dump = render.strip_tags(item.text)
    return analyse(markdown.parse(dump), hints, published, found)


def _real_post(post: Post) -> bool:
    """A titled post of running prose, not a list of headlines under a date (a "latest news" box)."""
    paragraphs = [Line(text=p) for p in post.body.split("\n\n")]
    words = sum(p.words for p in paragraphs)
    prose = sum(p.words for p in paragraphs if p.is_prose)
    return bool(post.title) and words >= _MIN_POST_WORDS and prose >= _MIN_PROSE_SHARE * words


def _blog_page(dump: str, extracted: Page, hints: Hints, published: date | None, found: list[Comment]) -> Page | None:
    """The whole page split into posts, when it is a blog page of which trafilatura kept one post.

    Accepted only when every post has a title and a body of prose (related-article cards have a teaser
    at most, a "latest" box only headlines) and the longest paragraph trafilatura kept is among them.
    """
    try:
        whole = analyse(markdown.parse(dump), hints, published, found)
    except NoTextError:
        return None
    if len(whole.posts) < 2 or not all(_real_post(post) for post in whole.posts):
        return None
    longest = max(extracted.body.split("\n\n"), key=len)
    return whole if longest and longest in whole.body else None


def _trafilatura_comments(document: trafilatura.settings.Document) -> list[Comment]:
    from sitrep.clean import comments as comment_lines

    if document.commentsbody is None or not len(document.commentsbody):
        return []
    return comment_lines.parse(body_lines(document.commentsbody))


def _page_title(tree: etree._Element | None, document: trafilatura.settings.Document) -> str | None:
    """trafilatura's title, unless it is only the site's name (a blog's <h1>): then the page's <title>,
    its " | Site" suffix removed."""
    title, site = document.title, document.sitename
    if not (title and site and same_text(title, site)) or tree is None:
        return title
    element = tree.find(".//title")
    text = squash(element.text_content()) if element is not None else ""
    head, _ = split_site(text, []) if text else ("", None)
    return head if head and not same_text(head, site) else title


def clean_html(item: Input, published: date | None = None) -> Page:
    """The parts of an HTML page (see `page.Page`)."""
    tree = load_html(item.text)
    if tree is None:
        tree = render.parse_html(item.text)
    found = html_comments.extract(tree) if tree is not None and "comment" in item.text.lower() else []
    dump = render.to_markdown(tree) if tree is not None else ""
    try:
        document = trafilatura.bare_extraction(
            tree if tree is not None else item.text,
            url=item.url,
            with_metadata=True,
            include_comments=True,
            include_tables=True,
            deduplicate=False,
        )
    except (ValueError, TypeError, etree.LxmlError):
        document = None
    if document is None or document.body is None or not len(document.body):
        hints = Hints(title=item.title, published=item.published, url=item.url)
        return _as_dump(item, render.parse_html(item.text), hints, published, found)
    found = found or _trafilatura_comments(document)
    found_date = parse_date(document.date)
    declared = _DECLARED_DATE.search(item.text) is not None
    hints = Hints(
        title=item.title or _page_title(tree, document),
        author=document.author,
        published=item.published or (found_date if declared else None),
        url=item.url or document.url,
        read_date=None if declared else found_date,
    )
    lines = body_lines(document.body)
    if found:  # a comment that leaked into the main text is still a comment
        said = {fold(c.text) for c in found}
        lines = [line for line in lines if fold(line.text) not in said]
    try:
        if not any(line.is_prose or line.words >= 8 for line in lines):
            raise NoTextError("trafilatura kept no sentence")  # menus, a caption: read the whole page instead
        page = analyse(lines, hints, published, found, extracted=True)
    except NoTextError:
        page = _as_dump(item, render.parse_html(item.text), hints, published, found)
    if dump and len(page.posts) < 2:
        whole = _blog_page(dump, page, hints, published, found)
        page = whole or page
    page.site = document.sitename or page.site
    return page
