"""The answer key and the corpus stay in step: every quote and snippet of demo/gold.yaml is in the raw
source text of its document (whitespace collapsed; HTML with tags dropped and entities decoded; a JSONL
record's text/html; a WARC page as kept under demo/warc-src/, which must be what the WARC holds).
"""

from __future__ import annotations

import json
from functools import lru_cache

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.demo.gold import CORPUS, WARC_SOURCES, doc_id, documents, html_text, key, normalise

if not CORPUS.is_dir():
    pytest.skip("demo corpus not present", allow_module_level=True)

_REPORT_FIELDS = ("quote", "place_as_written", "date_as_written")
_DOCUMENT_LISTS = ("not_events", "not_fatalities", "optional_events")


@lru_cache(maxsize=None)
def _jsonl_records(file: str) -> dict[str, str]:
    records = {}
    for line in (CORPUS / file).read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue  # the feed's deliberately truncated line
        records[record["id"]] = html_text(record["html"]) if record.get("html") else normalise(record["text"])
    return records


@lru_cache(maxsize=None)
def _warc_pages(file: str) -> dict[str, bytes]:
    with (CORPUS / file).open("rb") as stream:
        return {
            record.rec_headers.get_header("WARC-Target-URI"): record.content_stream().read()
            for record in ArchiveIterator(stream)
            if record.rec_type == "response" and "html" in (record.http_headers.get_header("Content-Type") or "")
        }


def raw_text(file: str, record: str | None) -> str:
    """The document's raw text, in the form the key quotes it."""
    if file.endswith(".jsonl"):
        return _jsonl_records(file)[record]
    if file.endswith((".warc", ".warc.gz")):
        return html_text(_warc_pages(file)[record].decode("utf-8"))
    text = (CORPUS / file).read_text(encoding="utf-8")
    return html_text(text) if file.endswith((".html", ".htm")) else normalise(text)


def _snippets(entry: dict) -> list[str]:
    """The document's own snippets, and every field its event reports quote from it."""
    texts = [item["text"] for name in _DOCUMENT_LISTS for item in entry.get(name) or []]
    record = entry.get("record")
    for event in key()["events"]:
        for report in event["reports"]:
            if report["file"] == entry["file"] and report.get("record") == record:
                texts.extend(report[name] for name in _REPORT_FIELDS if report.get(name))
    return texts


@pytest.mark.parametrize("entry", documents(), ids=doc_id)
def test_every_snippet_is_in_the_source_text(entry: dict) -> None:
    text = raw_text(entry["file"], entry.get("record"))
    snippets = _snippets(entry)
    assert snippets, "a document of the key with nothing quoted from it"
    missing = [s for s in snippets if normalise(s) not in text]
    assert not missing


def test_every_report_quotes_a_document_of_the_key() -> None:
    known = {(e["file"], e.get("record")) for e in documents()}
    quoted = {(r["file"], r.get("record")) for event in key()["events"] for r in event["reports"]}
    assert quoted <= known


def test_the_warc_holds_exactly_the_pages_of_warc_src() -> None:
    pages = sorted(_warc_pages("crawls/idlib-2020-crawl.warc.gz").values())
    assert pages == sorted(path.read_bytes() for path in WARC_SOURCES.glob("*.html"))
