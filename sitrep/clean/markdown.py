"""Text and markdown dumps of web pages -> `Line`s.

Markdown structure (headings, list items, quotes, images, links, emphasis, tables) becomes `Line`
attributes; plain-text dumps pass through the same code. Hard-wrapped paragraphs are rejoined.
A reader-service header ("Title: ... / URL Source: ... / Published Time: ... / Markdown Content:")
is read as metadata.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from sitrep.clean.blocks import Line, squash

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_RULE = re.compile(r"^(?:[-*_]\s*){3,}$|^[=~]{3,}$")
_FENCE = re.compile(r"^(```|~~~)")
_QUOTE = re.compile(r"^(?:>\s?)+")
_ITEM = re.compile(r"^(?:[-*+•·▪◦–]|\d{1,3}[.)])\s+")
_TABLE_SEP = re.compile(r"^\|?[\s:|-]+\|[\s:|-]*$")
_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+")
_IMAGE = re.compile(r"!\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_EMPTY_LINK = re.compile(r"\[\s*\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]+>")
_BARE_URL = re.compile(r"(?:https?://|www\.)\S+")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])")
_CODE = re.compile(r"`([^`]*)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_SEPARATORS = re.compile(r"[\s|•·/,;:»«›‹>→\-–—*+()\[\]]+")
_SPACED = re.compile(r" {2,}")
_READER_FIELDS = ("title:", "url source:", "published time:", "markdown content:", "url:", "source:", "date:")


@dataclass
class DumpHeader:
    title: str | None = None
    url: str | None = None
    published: str | None = None


def read_header(text: str) -> tuple[DumpHeader, str]:
    """Split off a reader-service metadata header, if the dump starts with one."""
    lines = text.split("\n", 12)
    header = DumpHeader()
    consumed = 0
    for i, line in enumerate(lines[:12]):
        low = line.strip().lower()
        if not low:
            continue
        if not low.startswith(_READER_FIELDS):
            break
        name, _, value = line.partition(":")
        name, value = name.strip().lower(), value.strip()
        if name == "title":
            header.title = value or None
        elif name in ("url source", "url", "source") and value.startswith("http"):
            header.url = value
        elif name in ("published time", "date"):
            header.published = value or None
        consumed = i + 1
        if name == "markdown content":
            break
    if header.title is None and header.url is None:
        return DumpHeader(), text
    return header, "\n".join(text.split("\n")[consumed:])


def _inline(text: str) -> tuple[str, bool, float, bool]:
    """Markdown inline markup removed -> (text, had an image, share of link text, wholly emphasised)."""
    image = bool(_IMAGE.search(text))
    text = _IMAGE.sub(" ", text)
    text = _EMPTY_LINK.sub(" ", text)
    text = _AUTOLINK.sub(" ", text)
    link_chars = 0

    def _link_text(m: re.Match) -> str:
        nonlocal link_chars
        link_chars += len(m.group(1).strip())
        return m.group(1)

    text = _LINK.sub(_link_text, text)
    text = _REF_LINK.sub(_link_text, text)
    text = _TAG.sub(" ", text)
    stripped = text.strip()
    emphasis = bool(stripped) and (
        bool(re.fullmatch(r"(\*\*?|__?)[^*_].*?\1", stripped)) or bool(re.fullmatch(r"\*[^*]+\*|_[^_]+_", stripped))
    )
    text = _STRONG.sub(r"\2", text)
    text = _EM.sub(lambda m: m.group(1) or m.group(2), text)
    text = _CODE.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    text = squash(html.unescape(text))
    if _BARE_URL.fullmatch(text):
        link_chars, text = len(text), ""
    letters = len(_SEPARATORS.sub("", text))
    ratio = min(1.0, link_chars / letters) if letters else (1.0 if link_chars else 0.0)
    return text, image, ratio, emphasis


def _new_line(raw: str, kind: str, level: int = 0) -> Line | None:
    text, image, ratio, emphasis = _inline(raw)
    if not text and not image:
        return None
    residue = _SEPARATORS.sub("", _strip_links_only(raw))
    link_only = ratio > 0 and not residue
    return Line(text=text, kind=kind, level=level, link_only=link_only, link_ratio=ratio, image=image, emphasis=emphasis)


def _strip_links_only(raw: str) -> str:
    """What is left of a line once links, images and markup are removed (empty for a link-only line)."""
    rest = _IMAGE.sub(" ", raw)
    rest = _LINK.sub(" ", _EMPTY_LINK.sub(" ", rest))
    rest = _REF_LINK.sub(" ", _AUTOLINK.sub(" ", rest))
    rest = _BARE_URL.sub(" ", _TAG.sub(" ", rest))
    return rest.replace("#", "")


def wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped dump was wrapped at, or None when lines are whole paragraphs."""
    lengths = sorted(len(line.rstrip()) for line in lines if len(line.strip()) >= 40)
    if len(lengths) < 5:
        return None
    width = lengths[int(len(lengths) * 0.9) - 1]
    near = sum(1 for n in lengths if width - 14 <= n <= width)
    return width if width <= 100 and near >= len(lengths) * 0.4 else None


def _continues(prev: Line, prev_length: int, raw_next: str, width: int | None) -> bool:
    """Whether the next physical line continues a hard-wrapped paragraph."""
    if prev.kind == "heading" or prev.image or prev.link_only or prev.ends_sentence:
        return False
    stripped = raw_next.strip()
    if not stripped or _HEADING.match(stripped) or _ITEM.match(stripped) or stripped.startswith(("|", "!", ">")):
        return False
    return stripped[:1].islower() or (width is not None and prev_length >= width - 14)


def parse(text: str) -> list[Line]:
    """A text or markdown page -> its lines, in order (blank lines and markup-only lines gone)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    lines: list[Line] = []
    in_fence = False
    joinable = False  # the previous physical line was text (no blank line since)
    physical = text.split("\n")
    width = wrap_width(physical)
    previous_length = 0
    for raw in physical:
        stripped = raw.strip().replace("\u00a0", " ")
        if _FENCE.match(stripped):
            in_fence, joinable = not in_fence, False
            continue
        if in_fence or not stripped or _REF_DEF.match(stripped) or _TABLE_SEP.match(stripped):
            joinable = False
            continue
        if lines and joinable and _SETEXT.match(stripped) and lines[-1].kind == "para":
            lines[-1].kind, lines[-1].level = "heading", 1 if stripped[0] == "=" else 2
            joinable = False
            continue
        if _RULE.match(stripped):
            joinable = False
            continue
        if joinable and lines and _continues(lines[-1], previous_length, stripped, width):
            merged = _new_line(stripped, "para")
            if merged is not None:
                prev = lines[-1]
                prev.text = f"{prev.text} {merged.text}"
                prev.link_only = prev.link_only and merged.link_only
                previous_length = len(raw.rstrip())
                continue
        previous_length = len(raw.rstrip())
        line = _classify(stripped)
        joinable = line is not None
        if line is not None:
            lines.append(line)
    for i, line in enumerate(lines):
        line.index = i
    return lines


def _spaced_row(stripped: str) -> str:
    """A menu laid out with runs of spaces ("Home   Politics   Security") gets visible separators, so that
    the navigation rules see a row of short fields and not a phrase."""
    fields = _SPACED.split(stripped)
    if len(fields) >= 3 and all(
        len(f.split()) <= 3 and not any(c.isdigit() for c in f) and not f.endswith((".", "!", "?", ",", ";")) for f in fields
    ):
        return " | ".join(fields)
    return stripped


def _classify(stripped: str) -> Line | None:
    stripped = _spaced_row(stripped)
    m = _HEADING.match(stripped)
    if m:
        return _new_line(m.group(2), "heading", len(m.group(1)))
    m = _QUOTE.match(stripped)
    if m:
        return _new_line(stripped[m.end() :], "quote")
    m = _ITEM.match(stripped)
    if m and not re.match(r"^\d{1,3}[.)]\s+\d", stripped):
        return _new_line(stripped[m.end() :], "item")
    if stripped.startswith("|") and stripped.endswith("|"):
        cells = [c.strip() for c in stripped.strip("|").split("|") if c.strip()]
        return _new_line("; ".join(cells), "para")
    return _new_line(stripped, "para")
