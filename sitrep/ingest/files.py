"""Local files -> `Input`s: size cap, binary sniffing, decoding, media type by extension or by content."""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from sitrep.ingest.decode import DecodeError, binary_kind, decode
from sitrep.model import Input, Skipped

MAX_BYTES = 20 * 1024 * 1024  # one document; JSONL and WARC files are streamed, their records capped

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp", ".cfm"})
TEXT_SUFFIXES = {".txt": "text/plain", ".text": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown"}
# text, but not a page: refusing beats "cleaning" a spreadsheet into prose
NOT_PAGES = frozenset(
    {".csv", ".tsv", ".json", ".geojson", ".js", ".mjs", ".css", ".py", ".sql", ".yaml", ".yml", ".toml", ".ini",
     ".cfg", ".sh", ".bat", ".ps1", ".c", ".h", ".cpp", ".java", ".go", ".rs", ".ts", ".svg", ".xsl", ".log", ".srt",
     ".vtt", ".tex", ".bib", ".ipynb", ".lock"}
)  # fmt: skip
_HTML_SNIFF = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<div[\s>]|<p>|<article[\s>]", re.I)
_FEED_SNIFF = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?<(?:rss|feed|rdf:RDF)[\s>]", re.I)


def human_size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.1f} KB"


def too_large(size: int, limit: int = MAX_BYTES) -> str:
    return f"file too large: {human_size(size)} (limit {human_size(limit)})"


def media_type_of(text: str, suffix: str) -> str | None:
    """The media type for a decoded document: by extension, else by content; None when not a page."""
    if suffix in HTML_SUFFIXES:
        return "text/html"
    if suffix in TEXT_SUFFIXES:
        return TEXT_SUFFIXES[suffix]
    head = text[:4096]
    if _FEED_SNIFF.search(head):
        return None
    if _HTML_SNIFF.search(head):
        return "text/html"
    return "text/plain" if _looks_like_prose(text) else None


def _looks_like_prose(text: str) -> bool:
    sample = text[:20000]
    visible = [c for c in sample if not c.isspace()]
    if not visible:
        return False
    letters = sum(c.isalpha() for c in visible)
    sentences = sum(1 for line in sample.splitlines() if len(line.split()) >= 6)
    return letters / len(visible) >= 0.6 and sentences >= 1


def to_input(source: str, raw: bytes, suffix: str, declared: str | None = None, **hints) -> Input | Skipped:
    """One document's bytes -> an `Input`, or a `Skipped` saying what is wrong with them."""
    if len(raw) > MAX_BYTES:
        return Skipped(source, too_large(len(raw)))
    kind = binary_kind(raw)
    if kind:
        return Skipped(source, f"binary file ({kind})")
    try:
        text, charset = decode(raw, declared)
    except DecodeError as exc:
        return Skipped(source, str(exc))
    if not text.strip().strip("\ufeff"):
        return Skipped(source, "empty file")
    media_type = media_type_of(text, suffix)
    if media_type is None:
        what = "a news feed (RSS/Atom)" if _FEED_SNIFF.search(text[:4096]) else "neither HTML nor prose text"
        return Skipped(source, f"unsupported file type: {suffix or 'no extension'}, content is {what}")
    return Input(source=source, raw=raw, text=text, media_type=media_type, charset=charset, **hints)


def _gunzip(raw: bytes, source: str) -> bytes | Skipped:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
            data = stream.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        return Skipped(source, f"corrupt gzip file: {exc}")
    if len(data) > MAX_BYTES:
        return Skipped(source, f"file too large: over {human_size(MAX_BYTES)} once decompressed")
    return data


def read_file(path: Path, source: str) -> Iterator[Input | Skipped]:
    """One `Input` (or `Skipped`) for an HTML/text file, by extension or by sniffing its content."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield Skipped(source, too_large(size))
            return
        raw = path.read_bytes()
    except PermissionError:
        yield Skipped(source, "cannot read file: permission denied")
        return
    except OSError as exc:
        yield Skipped(source, f"cannot read file: {exc.strerror or exc}")
        return
    if not raw.strip():
        yield Skipped(source, "empty file")
        return
    suffixes = [s.lower() for s in path.suffixes]
    suffix = suffixes[-1] if suffixes else ""
    if suffix == ".gz":
        data = _gunzip(raw, source)
        if isinstance(data, Skipped):
            yield data
            return
        raw, suffix = data, (suffixes[-2] if len(suffixes) >= 2 else "")
        if not raw.strip():
            yield Skipped(source, "empty file")
            return
    if suffix in NOT_PAGES:
        yield Skipped(source, f"unsupported file type: {suffix} is not a web page or text dump")
        return
    yield to_input(source, raw, suffix)
