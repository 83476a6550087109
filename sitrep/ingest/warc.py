"""WARC files (`.warc`, `.warc.gz`) via warcio: one `Input` per HTML/text response record, its source the
record's target URI. Every other response or resource (an image, a script, robots.txt, an error page)
is reported as `Skipped` with its URI and a one-line reason; the WARC's own bookkeeping records
(warcinfo, request, metadata) are passed over silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sitrep.ingest.decode import charset_from_content_type
from sitrep.ingest.files import MAX_BYTES, human_size, to_input
from sitrep.model import Input, Skipped

_BOOKKEEPING = frozenset({"warcinfo", "request", "metadata"})
_PAGE_SUFFIX = {"text/html": ".html", "application/xhtml+xml": ".html", "text/markdown": ".md", "text/plain": ""}


def _not_a_page(what: str) -> str:
    return f"{what} response in the WARC: not a page"


def _record(record, uri: str) -> Input | Skipped:
    """One response/resource record -> an `Input`, or a `Skipped` saying why it is not a page."""
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return Skipped(uri, _not_a_page(f"HTTP {status or 'status-less'}"))
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    media = content_type.split(";")[0].strip().lower()
    if media not in _PAGE_SUFFIX:
        return Skipped(uri, _not_a_page(media or "untyped"))
    raw = record.content_stream().read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        return Skipped(uri, f"record too large: over {human_size(MAX_BYTES)}")
    # text/plain is sniffed (no suffix): robots.txt, sitemaps and listings are not prose
    item = to_input(uri, raw, _PAGE_SUFFIX[media], charset_from_content_type(content_type), url=uri)
    if isinstance(item, Skipped) and item.reason.startswith("unsupported file type"):
        return Skipped(uri, _not_a_page(media) + " (no prose text in it)")
    return item


def read_warc(path: Path, path_text: str) -> Iterator[Input | Skipped]:
    """The HTML/text responses of a WARC file, and a `Skipped` for each other response."""
    records = reported = 0
    expected = "arc" if path.name.lower().endswith((".arc", ".arc.gz")) else "warc"
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                records += 1
                if record.format != expected:  # warcio reads anything as ARC; a .warc file must be WARC
                    yield Skipped(path_text, f"malformed WARC file: record {records} has no WARC header")
                    return
                if record.rec_type in _BOOKKEEPING:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or f"{path_text}#{records}"
                reported += 1
                if record.rec_type not in ("response", "resource"):
                    yield Skipped(uri, f"{record.rec_type} record in the WARC: no page stored in it")
                    continue
                yield _record(record, uri)
    except ArchiveLoadFailed as exc:
        yield Skipped(path_text, f"malformed WARC file after {records} records: {str(exc).splitlines()[0]}")
        return
    except OSError as exc:
        yield Skipped(path_text, f"cannot read WARC file: {exc.strerror or exc}")
        return
    if reported == 0:
        yield Skipped(path_text, f"no HTML or text responses in WARC file ({records} records)")
