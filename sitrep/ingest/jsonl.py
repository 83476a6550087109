"""JSONL files: one record per line (`id`, `url`, `title`, `text` or `html`, `published`, `publisher`,
`country`). A malformed line is skipped as `FILE:LINENO` with the reason; the other lines go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from sitrep.clean.dates import parse_date
from sitrep.ingest.files import MAX_BYTES, human_size
from sitrep.model import Input, Skipped

_STRING_FIELDS = ("id", "url", "title", "publisher", "country")


def _record_source(path_text: str, record: dict, lineno: int) -> str:
    url = record.get("url")
    if isinstance(url, str) and url.strip():
        return url.strip()
    rid = record.get("id")
    rid = str(rid).strip() if rid is not None else ""
    return f"{path_text}#{rid}" if rid else f"{path_text}#{lineno}"


def _text_field(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def record_to_input(record: object, raw: bytes, path_text: str, lineno: int) -> Input | Skipped:
    """One parsed JSONL record -> an `Input`, or a `Skipped` at `FILE:LINENO`."""
    where = f"{path_text}:{lineno}"
    if not isinstance(record, dict):
        return Skipped(where, f"malformed record: expected a JSON object, got {type(record).__name__}")
    for name in (*_STRING_FIELDS, "text", "html"):
        value = record.get(name)
        allowed = (str,) if name in ("text", "html") else (str, int)
        if value is not None and (not isinstance(value, allowed) or isinstance(value, bool)):
            return Skipped(where, f"malformed record: '{name}' should be a string, got {type(value).__name__}")
    html, text = _text_field(record.get("html")), _text_field(record.get("text"))
    if html is None and text is None:
        empty = "html" in record or "text" in record
        return Skipped(where, "empty record: 'text'/'html' is blank" if empty else "missing text: record has neither 'text' nor 'html'")
    body = html if html is not None else text
    if len(body.encode("utf-8")) > MAX_BYTES:
        return Skipped(where, f"record too large: {human_size(len(body.encode('utf-8')))} (limit {human_size(MAX_BYTES)})")
    url = _text_field(record.get("url"))
    return Input(
        source=_record_source(path_text, record, lineno),
        raw=raw,
        text=body,
        media_type="text/html" if html is not None else "text/plain",
        charset="utf-8",
        url=url,
        title=_text_field(record.get("title")),
        published=parse_date(record.get("published")),
        publisher=_text_field(record.get("publisher")),
        country=_text_field(record.get("country")),
    )


def read_jsonl(path: Path, path_text: str) -> Iterator[Input | Skipped]:
    """Every record of a JSONL file, streamed line by line."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Skipped(path_text, f"cannot read file: {exc.strerror or exc}")
        return
    nonblank = False
    with handle:
        for lineno, raw in enumerate(handle, start=1):
            line = raw.strip()
            if lineno == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            if not line:
                continue
            nonblank = True
            try:
                record = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield Skipped(f"{path_text}:{lineno}", f"malformed line: not UTF-8 (byte {exc.start})")
                continue
            except json.JSONDecodeError as exc:
                yield Skipped(f"{path_text}:{lineno}", f"malformed JSONL line: {exc.msg} (column {exc.colno})")
                continue
            yield record_to_input(record, line, path_text, lineno)
    if not nonblank:
        yield Skipped(path_text, "empty file")
