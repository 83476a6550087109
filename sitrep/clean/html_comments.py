"""Reader comments read off the HTML of a comment widget (WordPress, Disqus-style static markup and
their many cousins), each with its author and date, replies included.

A comment item is an element whose class names it a comment; it owns the comment-content nodes and
author nodes below it that no nested comment item owns (so a reply is its own comment).
"""

from __future__ import annotations

import re

from lxml import etree

from sitrep.clean.blocks import squash
from sitrep.clean.dates import parse_date
from sitrep.model import Comment

_ITEM = re.compile(
    r"(?:^|\s)(?:comment|comment-item|comment-entry|comment-body|c-comment|single-comment|comment_item|comment-wrapper|"
    r"comment-container|commentlist-item|comment-thread-item|js-comment)(?:\s|$)",
    re.IGNORECASE,
)
_AUTHOR = re.compile(
    r"(?:^|\s)(?:fn|comment-author|comment__author|comment-author-name|author-name|user-?name|username|nickname|"
    r"commenter|comment-name|comment-user|author)(?:\s|$)",
    re.IGNORECASE,
)
_CONTENT = re.compile(
    r"(?:^|\s)(?:comment-content|comment-text|comment__text|comment__content|comment_text|comment-message|"
    r"post-message|comment-entry-content|comment-body-text)(?:\s|$)",
    re.IGNORECASE,
)
_NOISE = re.compile(r"(?:^|\s)(?:reply|comment-reply-link|comment-meta|commentmetadata|says)(?:\s|$)", re.IGNORECASE)


def _owner(element: etree._Element, items: set) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None:
        if parent in items:
            return parent
        parent = parent.getparent()
    return None


def _text(element: etree._Element) -> str:
    parts = []
    for node in element.iter():
        if not isinstance(node.tag, str) or node.tag in ("script", "style"):
            continue
        if _NOISE.search(node.get("class") or ""):
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
        if _NOISE.search(node.get("class") or ""):
            return True
        node = node.getparent()
    return False


def extract(tree: etree._Element) -> list[Comment]:
    """The comments in the page's markup, in page order; empty when it has no comment widget."""
    items = [el for el in tree.iter() if isinstance(el.tag, str) and _ITEM.search(el.get("class") or "")]
    if not items:
        return []
    item_set = set(items)
    owned: dict[etree._Element, dict[str, etree._Element]] = {}
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        cls = element.get("class") or ""
        for role, pattern in (("content", _CONTENT), ("author", _AUTHOR)):
            if pattern.search(cls) and not (role == "content" and element in item_set):
                owner = _owner(element, item_set)
                if owner is not None:
                    owned.setdefault(owner, {}).setdefault(role, element)
        if element.tag == "time":
            owner = _owner(element, item_set)
            if owner is not None:
                owned.setdefault(owner, {}).setdefault("time", element)
    comments = []
    for item in items:
        parts = owned.get(item, {})
        if "content" not in parts:
            continue
        text = _text(parts["content"])
        if not text:
            continue
        author = squash(parts["author"].text_content()) if "author" in parts else None
        if author:
            author = re.sub(r"\s+(?:says|said|wrote)\s*:?$", "", author, flags=re.IGNORECASE).strip() or None
        time = parts.get("time")
        published = parse_date(time.get("datetime") or time.text_content()) if time is not None else None
        comments.append(Comment(text=text, author=author, published=published))
    return comments
