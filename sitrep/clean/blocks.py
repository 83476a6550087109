"""`Line`: one paragraph-level unit of a page (a paragraph, heading, list item, quote) with what the
markup told us about it. Both the text-dump and the HTML paths produce lines; the rest of the
cleaner works on lines only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from sitrep.clean.dates import DateHit

_TERMINAL = tuple('.!?…"”’»:;)') + ("'",)
_WORDS = re.compile(r"[^\W_][\w'’.-]*", re.UNICODE)


@dataclass
class Line:
    text: str
    kind: str = "para"  # para | heading | item | quote
    level: int = 0  # heading level, 0 when not a heading
    link_only: bool = False  # only link text (navigation, related headlines, post titles)
    link_ratio: float = 0.0  # share of the text that was link text
    image: bool = False  # an image line (dropped, but it makes the next line a caption candidate)
    emphasis: bool = False  # wholly italic/bold (captions, standfirsts)
    caption: bool = False  # known to be a caption (HTML figcaption)
    role: str = "text"  # text | date | byline
    dates: list[DateHit] = field(default_factory=list)
    index: int = 0  # position in the page, for "where on the page" rules

    @property
    def words(self) -> int:
        return len(_WORDS.findall(self.text))

    @property
    def ends_sentence(self) -> bool:
        return self.text.rstrip().endswith(_TERMINAL)

    @property
    def is_prose(self) -> bool:
        """A sentence-bearing paragraph, the kind boilerplate rarely is."""
        n = self.words
        return self.kind != "heading" and ((n >= 8 and self.ends_sentence) or n >= 25)

    @property
    def is_short(self) -> bool:
        return self.words <= 4 and len(self.text) <= 40 and not self.ends_sentence

    @property
    def headline_like(self) -> bool:
        """A title: a few words, not a finished sentence with a period."""
        n = self.words
        return 1 <= n <= 25 and not self.text.rstrip().endswith((".", ":", ";", ",")) and self.role == "text"

    def with_text(self, text: str) -> Line:
        return replace(self, text=text)


def squash(text: str) -> str:
    """Collapse whitespace (incl. NBSP and zero-width characters) to single spaces."""
    return " ".join(text.replace("\u200b", "").replace("\ufeff", "").replace("\u00ad", "").split())


def same_text(a: str, b: str) -> bool:
    """Equal up to case, whitespace and punctuation."""
    return fold(a) == fold(b)


def fold(text: str) -> str:
    """Lower-cased words only: the form used to compare lines."""
    return " ".join(re.findall(r"\w+", text.lower()))
