"""WARC files (`.warc`, `.warc.gz`) via warcio: one `Input` per HTML/text response record, its source the
record's target URI. Other records (requests, metadata, images, scripts, error pages) are passed over.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sitrep.ingest.decode import charset_from_content_type
from sitrep.ingest.files import MAX_BYTES, human_size, to_input
from sitrep.model import Input, Skipped

_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")


def _page_suffix(content_type: str) -> str | None:
    media = content_type.split(";")[0].strip().lower()
    if media not in _PAGE_TYPES:
        return None
    return ".html" if "html" in media else ".md" if media == "text/markdown" else ".txt"


def read_warc(path: Path, path_text: str) -> Iterator[Input | Skipped]:
    """The HTML/text responses of a WARC file."""
    records = pages = 0
    expected = "arc" if path.name.lower().endswith((".arc", ".arc.gz")) else "warc"
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                records += 1
                if record.format != expected:  # warcio reads anything as ARC; a .warc file must be WARC
                    yield Skipped(path_text, f"malformed WARC file: record {records} has no WARC header")
                    return
                if record.rec_type not in ("response", "resource"):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or f"{path_text}#{records}"
                if record.http_headers is not None:
                    status = record.http_headers.get_statuscode()
                    if status and not status.startswith("2"):
                        continue
                    content_type = record.http_headers.get_header("Content-Type") or ""
                else:
                    content_type = record.rec_headers.get_header("Content-Type") or ""
                suffix = _page_suffix(content_type)
                if suffix is None:
                    continue
                raw = record.content_stream().read(MAX_BYTES + 1)
                pages += 1
                if len(raw) > MAX_BYTES:
                    yield Skipped(uri, f"record too large: over {human_size(MAX_BYTES)}")
                    continue
                yield to_input(uri, raw, suffix, charset_from_content_type(content_type), url=uri)
    except ArchiveLoadFailed as exc:
        yield Skipped(path_text, f"malformed WARC file after {records} records: {str(exc).splitlines()[0]}")
        return
    except OSError as exc:
        yield Skipped(path_text, f"cannot read WARC file: {exc.strerror or exc}")
        return
    if pages == 0:
        yield Skipped(path_text, f"no HTML or text responses in WARC file ({records} records)")
