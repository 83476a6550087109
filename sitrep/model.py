"""The typed records that flow between pipeline stages.

    Input ──clean──▶ Document(posts, comments) ──extract──▶ Mention ──geo──▶ Mention.place
          ──resolve──▶ Event

Offsets (`start`, `end`) are always character offsets into `Document.body`, the clean text,
so any field can be traced back to the sentence it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

DatePrecision = Literal["day", "week", "month", "year", "unknown"]
Modality = Literal["occurred", "planned", "hypothetical", "denied"]
Certainty = Literal["asserted", "reported", "claimed", "alleged"]

MODALITIES: tuple[str, ...] = ("occurred", "planned", "hypothetical", "denied")
CERTAINTIES: tuple[str, ...] = ("asserted", "reported", "claimed", "alleged")
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year", "unknown")


@dataclass(frozen=True)
class Input:
    """Raw bytes as ingested, plus whatever the container told us about them.

    `source` is the path or URL as the user gave it (for a JSONL record: its `url`, else
    `FILE#id`). Hints come from the container (JSONL fields, HTTP headers), never guessed.
    """

    source: str
    raw: bytes
    text: str  # `raw` decoded (declared or detected charset)
    media_type: str  # "text/html" | "text/plain" | "text/markdown"
    charset: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    publisher: str | None = None
    country: str | None = None  # a country name or ISO code, as given


@dataclass(frozen=True)
class Skipped:
    """An input that could not be processed, with a one-line reason for the user."""

    source: str
    reason: str


@dataclass
class Comment:
    text: str
    author: str | None = None
    published: date | None = None


@dataclass
class Post:
    """One dated piece of a page. A plain article is a page with a single post.

    `start`/`end` locate the post's text inside `Document.body`.
    """

    title: str | None
    published: date | None
    start: int
    end: int
    body: str


@dataclass
class Document:
    id: str  # content hash of the raw bytes: re-ingesting the same bytes is a no-op
    source: str
    media_type: str
    body: str
    posts: list[Post]
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: date | None = None
    comments: list[Comment] = field(default_factory=list)
    country: str | None = None  # ISO 3166 alpha-2 focus hint, when known
    url: str | None = None
    raw: bytes = b""


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class PlacePhrase:
    """A toponym found in a piece of text, with what qualifies it (geo recognises, extract uses).

    "in the southern countryside of Aleppo" -> text="Aleppo", qualifier="countryside of",
    "near Saraqib" -> text="Saraqib", qualifier="near"; "Kafr Nabl in southern Idlib" ->
    text="Kafr Nabl", admin_hint="Idlib". Offsets are into the text that was searched.
    """

    start: int
    end: int
    text: str
    qualifier: str | None = None
    admin_hint: str | None = None


@dataclass
class Place:
    """A resolved location, ACLED style."""

    name: str
    country: str | None  # country name, e.g. "Syria"
    iso: int | None  # ISO 3166 numeric, as ACLED's `iso` column
    admin1: str | None
    admin2: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int  # 1 the place itself, 2 near/part of, 3 only the province
    gazetteer_id: str | None = None
    country_code: str | None = None  # ISO alpha-2
    admin3: str | None = None


@dataclass
class Mention:
    """One report of one event in one place, as found in one sentence (or a few)."""

    id: str
    document_id: str
    post_index: int
    event_type: str
    sub_event_type: str
    evidence: list[Evidence]
    actor1: str | None = None
    actor2: str | None = None
    assoc_actor_1: str | None = None
    assoc_actor_2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    location_text: str | None = None  # the place phrase as written
    location_qualifier: str | None = None  # "near", "north of", "countryside of" ...
    admin_hint: str | None = None  # "Aleppo" in "the southern countryside of Aleppo"
    place: Place | None = None
    event_date: date | None = None
    date_precision: str = "unknown"
    fatalities: int | None = None
    modality: str = "occurred"
    certainty: str = "asserted"
    attribution: list[str] = field(default_factory=list)
    geo_note: str | None = None  # why a place is missing or approximate


@dataclass
class SourceReport:
    """What one document says about an event."""

    document_id: str
    source: str
    publisher: str | None
    title: str | None
    published: date | None
    evidence: list[Evidence]
    fatalities: int | None = None
    modality: str = "occurred"
    certainty: str = "asserted"


@dataclass
class Event:
    id: str
    event_type: str
    sub_event_type: str
    event_date: date | None
    date_precision: str
    actor1: str | None
    actor2: str | None
    assoc_actor_1: str | None
    assoc_actor_2: str | None
    inter1: int | None
    inter2: int | None
    place: Place | None
    location_text: str | None
    fatalities: int | None
    modality: str
    certainty: str
    attribution: list[str]
    corroboration: int
    notes: str
    mention_ids: list[str]
    disputed: bool = False
    sources: list[SourceReport] = field(default_factory=list)
