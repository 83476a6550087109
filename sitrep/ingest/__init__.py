"""ingest: turn what the user names (paths, directories, URLs, JSONL, WARC) into `Input`s.

`plan(targets)` expands directories so that a progress bar knows the total; `read(target)`
yields one `Input` per document found, or a `Skipped` with a one-line reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sitrep.model import Input, Skipped

TEXT_SUFFIXES = {".txt": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def plan(targets: list[str]) -> list[str | Skipped]:
    """Expand directories (recursively, sorted) into files; URLs pass through."""
    planned: list[str | Skipped] = []
    for target in targets:
        if target.startswith(("http://", "https://")):
            planned.append(target)
            continue
        path = Path(target)
        if path.is_dir():
            planned.extend(str(p) for p in sorted(path.rglob("*")) if p.is_file())
        elif path.exists():
            planned.append(target)
        else:
            planned.append(Skipped(target, "no such file or directory"))
    return planned


def read(target: str) -> Iterator[Input | Skipped]:
    path = Path(target)
    raw = path.read_bytes()
    if not raw.strip():
        yield Skipped(target, "empty file")
        return
    suffix = path.suffix.lower()
    media_type = "text/html" if suffix in HTML_SUFFIXES else TEXT_SUFFIXES.get(suffix, "text/plain")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        yield Skipped(target, "cannot decode text")
        return
    yield Input(source=target, raw=raw, text=text, media_type=media_type, charset="utf-8")
