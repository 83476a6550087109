"""JSONL: one Input per good record, a `FILE:LINENO` Skipped per bad one, the rest goes on."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from sitrep import ingest
from sitrep.clean import clean
from sitrep.model import Input, Skipped

FIXTURE = Path(__file__).parents[1] / "fixtures" / "ingest" / "records.jsonl"


def test_jsonl_records_and_malformed_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    shutil.copy(FIXTURE, path)
    items = list(ingest.read(str(path)))
    inputs = [i for i in items if isinstance(i, Input)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [i.source for i in inputs] == [
        "https://levant-monitor.example/2020/06/14/ariha", f"{path}#ye-002", f"{path}#4", f"{path}#iq-007"]
    assert [(s.source, s.reason.split(":")[0]) for s in skipped] == [
        (f"{path}:3", "malformed JSONL line"),
        (f"{path}:5", "malformed record"),
        (f"{path}:6", "missing text"),
    ]
    assert "column" in skipped[0].reason and "got list" in skipped[1].reason
    first, second, third, fourth = inputs
    assert (first.published, first.publisher, first.country, first.title) == (
        date(2020, 6, 14), "Levant Monitor", "Syria", "Shelling hits Ariha market")
    assert first.url == "https://levant-monitor.example/2020/06/14/ariha" and first.media_type == "text/plain"
    assert second.media_type == "text/html" and second.published == date(2021, 1, 12)
    assert third.published == date(2023, 5, 20) and third.url is None
    assert fourth.published == date(2021, 3, 3)  # compact ISO 8601 (YYYYMMDD)


def test_jsonl_text_and_html_go_through_their_cleaners(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    shutil.copy(FIXTURE, path)
    docs = [clean(i) for i in ingest.read(str(path)) if isinstance(i, Input)]
    assert docs[0].body.split("\n\n") == [
        "At least seven civilians were killed on Sunday when artillery shells struck a crowded market in Ariha, in the "
        "southern countryside of Idlib, local rescuers said.",
        "The White Helmets said their teams pulled four bodies from the rubble.",
    ]
    assert (docs[0].country, docs[0].publisher, docs[0].published) == ("SY", "Levant Monitor", date(2020, 6, 14))
    assert docs[1].title == "Houthi drone hits Marib power plant" and docs[1].country == "YE"
    assert "Two guards were wounded" in docs[1].body and "Houthi drone hits Marib" not in docs[1].body
    assert docs[3].country == "IQ"


def test_empty_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n")
    assert list(ingest.read(str(path))) == [Skipped(str(path), "empty file")]
