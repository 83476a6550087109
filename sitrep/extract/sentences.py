"""Sentence spans of a post's text, without a statistical model (fast), minus link and share lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

# a sentence ends at . ! ? (optionally followed by a closing quote or bracket) before a capital,
# a digit or an opening quote; unless the word before the full stop is a known abbreviation
_BOUNDARY = re.compile(r"""(?<=[.!?])(?P<close>["'”’)\]]*)\s+(?=["'“‘(\[]?[A-Z0-9])""")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Brig|Adm|Cmdr|Rep|Sen|Gov|Prof|St|Mt|No|Vol|vs|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|est|etc|al|Inc|Ltd|Co|Corp|Jr|Sr|U\.S|U\.N|U\.K|a\.m|p\.m)|\b[A-Z])\.$"
)
_LINE = re.compile(r"[^\n]+")
# lines that are navigation, link lists or share/donation boilerplate, never reporting
_BOILERPLATE = re.compile(
    r"^\s*(?:[-*•>]\s*)?(?:related(?: articles?| stories| news| posts?)?|read (?:more|also)|see also|also read|more on|"
    r"more:|watch:|listen:|recommended|you may also like|share (?:this|on)|follow us|subscribe|donate|support us|"
    r"click here|sign up|tags?:|categories?:|filed under|posted in|previous (?:post|article)|next (?:post|article))\b",
    re.IGNORECASE,
)
_MARKDOWN_LINK_LINE = re.compile(r"^\s*(?:[-*•]\s*)?\[[^\]]+\]\([^)]+\)\s*$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def is_boilerplate(line: str) -> bool:
    return bool(_BOILERPLATE.match(line) or _MARKDOWN_LINK_LINE.match(line))


def split_sentences(text: str) -> list[Span]:
    """Sentence spans (start, end offsets into `text`), trimmed of surrounding blanks."""
    spans: list[Span] = []
    for line in _LINE.finditer(text):
        content = line.group()
        if not content.strip() or is_boilerplate(content):
            continue
        start = 0
        for boundary in _BOUNDARY.finditer(content):
            if _ends_with_abbreviation(content, boundary.start()):
                continue
            _append(spans, content, start, boundary.start() + len(boundary.group("close")), line.start())
            start = boundary.end()
        _append(spans, content, start, len(content), line.start())
    return spans


def _ends_with_abbreviation(content: str, end: int) -> bool:
    return _ABBREVIATIONS.search(content[max(0, end - 8) : end]) is not None


def _append(spans: list[Span], content: str, start: int, end: int, offset: int) -> None:
    piece = content[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    spans.append(Span(offset + start + lead, offset + start + lead + len(stripped)))


# a wire story's dateline: "KYIV, Feb 17 (Black Sea Wire) -", "IDLIB, Syria, May 5 (Levant Wire) -", "KIRKUK -",
# "Idleb, SANA -": where the reporter files from and when, never the event's place or date
_CAPITALISED = r"[A-Z][\w'’.-]*(?:\s+(?:al-|el-)?[A-Z][\w'’.-]*){0,3}"
_DATELINE = re.compile(
    rf"^\s*{_CAPITALISED}(?:,\s*{_CAPITALISED}){{0,2}}"
    r"(?:,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?)?"
    r"(?:\s*\([^()\n]{2,40}\))?\s+[-–—]{1,2}\s+"
)


def mask_dateline(text: str) -> str | None:
    """The sentence with its opening dateline blanked out (offsets kept), or None when it has none."""
    m = _DATELINE.match(text)
    if m is None or len(m.group().split()) > 12:
        return None
    return " " * m.end() + text[m.end():]


# words run together by bad text extraction: "protestedThursday", "inclasheswith", "theWest Bank"
_GLUED_CASE = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")
_STEMS = (r"(?:clash(?:es|ed)?|protest(?:s|ed|ers)?|demonstrat(?:ions?|ors|ed)|riot(?:s|ed|ers)?|rall(?:y|ies|ied)|airstrikes?"
          r"|shelling|attacks|wounds)")
_GLUE_WORDS = r"(?:in|during|on|at|with|of|the|amid|after|a|his|her|their)"
_AFTER_WORDS = r"(?:in|with|that|on|at|the|and|to|against|near|after|over|outside|took)"
_GLUED_BEFORE = re.compile(rf"\b({_GLUE_WORDS})({_STEMS})", re.I)
_GLUED_AFTER = re.compile(rf"\b({_STEMS})({_AFTER_WORDS})\b", re.I)
_ANY_GLUE = re.compile(rf"(?-i:[a-z]{{2}}[A-Z][a-z])|\b{_GLUE_WORDS}{_STEMS}|{_STEMS}{_AFTER_WORDS}\b", re.I)


def deglue(text: str) -> str | None:
    """The sentence with glued words spaced apart, or None when nothing was glued."""
    if _ANY_GLUE.search(text) is None:  # the common case: one scan
        return None
    fixed = _GLUED_CASE.sub(" ", text)
    fixed = _GLUED_BEFORE.sub(r"\1 \2", fixed)
    fixed = _GLUED_AFTER.sub(r"\1 \2", fixed)
    return fixed if fixed != text else None
