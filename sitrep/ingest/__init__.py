"""ingest: turn what the user names (paths, directories, URLs, JSONL, WARC) into `Input`s.

`plan(targets)` expands directories so that a progress bar knows the total; `read(target)`
yields one `Input` per document found, or a `Skipped` with a one-line reason.

    files.py   .html/.htm, .txt, .md/.markdown, unknown extensions sniffed, .gz; size cap
    decode.py  binary sniffing, BOM / declared charset / UTF-8 / detection
    jsonl.py   .jsonl/.ndjson, one record per line
    warc.py    .warc/.warc.gz, one input per HTML/text response
    web.py     http(s) URLs
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from sitrep.ingest.files import MAX_BYTES, read_file
from sitrep.ingest.jsonl import read_jsonl
from sitrep.ingest.warc import read_warc
from sitrep.ingest.web import fetch, is_url
from sitrep.model import Input, Skipped

__all__ = ["plan", "read", "MAX_BYTES"]

_WARC = (".warc", ".warc.gz", ".arc", ".arc.gz")


def _walk(directory: Path) -> list[str]:
    """Files under a directory, recursively, sorted; hidden files and folders left out."""
    found = []
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, f) for f in sorted(files) if not f.startswith("."))
    return sorted(found)


def plan(targets: list[str]) -> list[str | Skipped]:
    """Expand directories (recursively, sorted) into files; URLs pass through; a missing path is Skipped."""
    planned: list[str | Skipped] = []
    for target in targets:
        if is_url(target):
            planned.append(target)
            continue
        path = Path(target)
        if path.is_dir():
            files = _walk(path)
            planned.extend(files) if files else planned.append(Skipped(target, "empty directory: no files in it"))
        elif path.is_file():
            planned.append(target)
        elif path.exists():
            planned.append(Skipped(target, "not a regular file"))
        else:
            planned.append(Skipped(target, "no such file or directory"))
    return planned


def read(target: str) -> Iterator[Input | Skipped]:
    """The documents of one planned target (a file, a JSONL/WARC container, a URL)."""
    if is_url(target):
        yield fetch(target)
        return
    path = Path(target)
    if not path.is_file():
        yield Skipped(target, "no such file" if not path.exists() else "not a regular file")
        return
    name = path.name.lower()
    if name.endswith(_WARC):
        yield from read_warc(path, target)
    elif name.endswith((".jsonl", ".ndjson")):
        yield from read_jsonl(path, target)
    else:
        yield from read_file(path, target)
