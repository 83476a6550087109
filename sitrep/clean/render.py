"""Render an HTML page as a markdown-like text dump, boilerplate and all (headings, links, images,
list items), the way reader tools and "save as text" do.

Used when trafilatura finds no main text (the dump then goes through the text cleaner), and by
bench/web_extraction.py to make realistic text dumps out of benchmark HTML.
"""

from __future__ import annotations

import html as html_entities
import re

from lxml import etree
from lxml import html as lxml_html

from sitrep.clean.blocks import squash

_SKIP = frozenset("script style noscript template svg iframe head object embed canvas select option button form input textarea".split())
_BLOCKS = frozenset(
    "p div section article main aside header footer nav ul ol li dl dt dd table tr td th thead tbody tfoot "
    "blockquote pre figure figcaption h1 h2 h3 h4 h5 h6 hr br address details summary body".split()
)
_HEADINGS = {f"h{i}": i for i in range(1, 7)}


def _tag(element: etree._Element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buffer: list[str] = []
        self.prefix = ""

    def flush(self) -> None:
        text = squash("".join(self.buffer))
        if text:
            self.lines.append(self.prefix + text)
        self.buffer = []
        self.prefix = ""

    def walk(self, element: etree._Element) -> None:
        tag = _tag(element)
        if tag in _SKIP or not tag:
            if element.tail:
                self.buffer.append(element.tail)
            return
        block = tag in _BLOCKS
        if block:
            self.flush()
            if tag in _HEADINGS:
                self.prefix = "#" * _HEADINGS[tag] + " "
            elif tag == "li":
                self.prefix = "- "
            elif tag == "blockquote":
                self.prefix = "> "
            elif tag == "figcaption":
                self.prefix = "_"
        if tag == "img":
            alt = squash(element.get("alt") or "")
            self.buffer.append(f" ![{alt}]({element.get('src') or ''}) ")
        elif tag == "a" and element.get("href"):
            inner = squash(element.text_content())
            if inner:
                self.buffer.append(f" [{inner}]({element.get('href')}) ")
            else:
                for child in element:
                    self.walk(child)
        else:
            if element.text:
                self.buffer.append(element.text)
            for child in element:
                self.walk(child)
        if block:
            if tag == "figcaption" and self.buffer:
                self.buffer.append("_")
            self.flush()
        if element.tail:
            self.buffer.append(element.tail)


def to_markdown(tree: etree._Element) -> str:
    """The page's visible text, one block per line, markdown markup for headings, links, images, items."""
    writer = _Writer()
    body = tree.find(".//body")
    writer.walk(body if body is not None else tree)
    writer.flush()
    return "\n\n".join(writer.lines)


def parse_html(text: str) -> etree._Element | None:
    """A lenient parse; None when there is nothing to parse."""
    try:
        return lxml_html.document_fromstring(text.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return None


_SCRIPTS = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?(?:</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|td|article|section|title|header|footer|ul|ol|table|blockquote)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]{0,2000}>")


def strip_tags(text: str) -> str:
    """The last resort for broken markup: tags removed with regular expressions, blocks on their own lines."""
    text = _SCRIPTS.sub(" ", text)
    text = _BLOCK_TAG.sub("\n\n", text)
    text = _ANY_TAG.sub(" ", text)
    return html_entities.unescape(text)
