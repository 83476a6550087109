"""Reader comments read off the HTML of a comment widget (WordPress, Blogger, Disqus-style static markup
and their many cousins), each with its author and date, replies included.

A comment is found by its text node: an element whose class names it comment text ("comment-content",
"comment-body", ...) and that holds no other one. Its comment is the nearest enclosing element (a few
levels up at most) that also holds an author or a timestamp and no other comment's text; the author
and date are read there. So a reply, nested inside its parent's item, is its own comment.
"""

from __future__ import annotations

import re

from lxml import etree

from sitrep.clean.blocks import squash
from sitrep.clean.dates import parse_date
from sitrep.model import Comment

_CONTENT = re.compile(
    r"(?:^|\s)(?:comment-content|comment-text|comment__text|comment__content|comment_text|comment-message|"
    r"post-message|comment-entry-content|comment-body-text|comment-copy|comment__message)(?:\s|$)",
    re.IGNORECASE,
)
# a comment's body on some widgets, its whole item (meta and text) on others (WordPress): it is the text
# only when it holds no element of `_CONTENT`
_LOOSE_CONTENT = re.compile(r"(?:^|\s)(?:comment-body|comment__body|comment_body|commentbody)(?:\s|$)", re.IGNORECASE)
_AUTHOR = re.compile(
    r"(?:^|\s)(?:fn|comment-author|comment__author|comment-author-name|author-name|user-?name|username|nickname|"
    r"commenter|commenter-name|comment-name|comment-user|user|author)(?:\s|$)",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(?:^|\s)(?:comment-date|comment-time|comment-timestamp|comment__date|comment__time|datetime|timestamp|date)(?:\s|$)",
    re.IGNORECASE,
)
_NOISE = re.compile(r"(?:^|\s)(?:reply|comment-reply-link|comment-meta|commentmetadata|says)(?:\s|$)", re.IGNORECASE)
_LEVELS_UP = 4


def _classes(element: etree._Element) -> str:
    return element.get("class") or ""


def _text(element: etree._Element) -> str:
    parts = []
    for node in element.iter():
        if not isinstance(node.tag, str) or node.tag in ("script", "style"):
            continue
        if _NOISE.search(_classes(node)):
            continue
        if node.tag in ("p", "br", "div", "li") and parts:
            parts.append("\n")
        if node.text and not _inside_noise(node, element):
            parts.append(node.text)
        if node.tail and node is not element and not _inside_noise(node.getparent(), element):
            parts.append(node.tail)
    paragraphs = [squash(p) for p in "".join(parts).split("\n")]
    return "\n\n".join(p for p in paragraphs if p)


def _inside_noise(node: etree._Element | None, root: etree._Element) -> bool:
    while node is not None and node is not root:
        if _NOISE.search(_classes(node)):
            return True
        node = node.getparent()
    return False


def _text_nodes(tree: etree._Element) -> list[etree._Element]:
    """The comment-text elements, in page order; a wrapper that holds a more specific one is not one."""
    strict = [el for el in tree.iter() if isinstance(el.tag, str) and _CONTENT.search(_classes(el))]
    inner = set(strict)
    loose = [el for el in tree.iter() if isinstance(el.tag, str) and _LOOSE_CONTENT.search(_classes(el))]
    for el in loose:
        if el not in inner and not any(d in inner for d in el.iterdescendants()):
            inner.add(el)
    nodes = [el for el in inner if not any(d in inner for d in el.iterdescendants())]
    order = {el: k for k, el in enumerate(tree.iter())}
    return sorted(nodes, key=order.__getitem__)


def _first(item: etree._Element, text_node: etree._Element, wanted) -> etree._Element | None:
    inside = set(text_node.iter())
    for el in item.iter():
        if isinstance(el.tag, str) and el not in inside and wanted(el):
            return el
    return None


def _is_author(el: etree._Element) -> bool:
    return el.tag == "cite" or bool(_AUTHOR.search(_classes(el)))


def _is_time(el: etree._Element) -> bool:
    return el.tag == "time" or bool(_TIME.search(_classes(el)))


def _item(text_node: etree._Element, others: set) -> etree._Element:
    """The element holding this comment's author and date: a few levels up, never another comment's text."""
    node = text_node
    for _ in range(_LEVELS_UP):
        parent = node.getparent()
        if parent is None or any(d in others for d in parent.iterdescendants() if d is not text_node):
            break
        node = parent
        if _first(node, text_node, _is_author) is not None or _first(node, text_node, _is_time) is not None:
            return node
    return text_node


def _author(item: etree._Element, text_node: etree._Element) -> str | None:
    found = _first(item, text_node, _is_author)
    if found is None:
        return None
    author = squash(_text(found) or found.text_content())
    return re.sub(r"\s+(?:says|said|wrote)\s*:?$", "", author, flags=re.IGNORECASE).strip() or None


def _published(item: etree._Element, text_node: etree._Element):
    found = _first(item, text_node, lambda el: el.tag == "time")
    if found is None:
        found = _first(item, text_node, _is_time)
    if found is None:
        return None
    return parse_date(found.get("datetime") or squash(found.text_content()))


def extract(tree: etree._Element) -> list[Comment]:
    """The comments in the page's markup, in page order; empty when it has no comment widget."""
    nodes = _text_nodes(tree)
    others = set(nodes)
    comments = []
    for node in nodes:
        text = _text(node)
        if not text:
            continue
        item = _item(node, others)
        author = _author(item, node) if item is not node else None
        published = _published(item, node) if item is not node else None
        comments.append(Comment(text=text, author=author, published=published))
    return comments
