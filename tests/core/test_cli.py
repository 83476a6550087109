"""The command line: exit codes, one-line errors, formats of the output contract."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep import cli, export

from .test_pipeline import CLASH, STRIKE

cli._register_subcommands()
runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(cli.app, list(args))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "strike.txt").write_text(STRIKE)
    (folder / "clash.md").write_text(CLASH)
    return folder


@pytest.fixture
def filled_db(tmp_path: Path, corpus: Path) -> Path:
    db = tmp_path / "events.sqlite"
    result = invoke("run", str(corpus), "--db", str(db), "--quiet")
    assert result.exit_code == 0, result.output
    return db


def test_run_prints_a_summary_and_exits_zero(tmp_path, corpus):
    result = invoke("run", str(corpus), "--db", str(tmp_path / "x.sqlite"), "--quiet", "--json")
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["documents_new"] == 2


def test_run_with_nothing_processable_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = invoke("run", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "x.sqlite"), "--quiet")
    assert result.exit_code == 1
    assert "nothing could be processed" in result.stderr


def test_unusable_database_is_a_one_line_error(tmp_path, corpus):
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database")
    result = invoke("run", str(corpus), "--db", str(bad), "--quiet")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "not a SQLite database" in result.stderr


@pytest.mark.parametrize(
    "option,value,message",
    [("--published", "14/06/2020", "YYYY-MM-DD"), ("--country", "Atlantis", "unknown country")],
)
def test_bad_options_are_explained(tmp_path, corpus, option, value, message):
    result = invoke("run", str(corpus), "--db", str(tmp_path / "x.sqlite"), option, value)
    assert result.exit_code == 2 and message in result.stderr


def test_events_json_follows_the_contract(filled_db):
    result = invoke("events", "--db", str(filled_db), "--format", "json")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert records
    for record in records:
        assert set(export.RECORD_FIELDS) <= set(record)
        for source in record["sources"]:
            assert {"document_id", "source", "publisher", "title", "published", "evidence"} <= set(source)


def test_events_acled_and_geojson(filled_db, tmp_path):
    out = tmp_path / "events.csv"
    result = invoke("events", "--db", str(filled_db), "--format", "acled", "-o", str(out))
    assert result.exit_code == 0
    header = next(csv.reader(io.StringIO(out.read_text())))
    assert tuple(header) == export.ACLED_COLUMNS
    result = invoke("events", "--db", str(filled_db), "--format", "geojson")
    assert json.loads(result.stdout)["type"] == "FeatureCollection"


def test_events_filters_and_bad_format(filled_db):
    everything = json.loads(invoke("events", "--db", str(filled_db)).stdout)
    types = {r["event_type"] for r in everything}
    some_type = sorted(types)[0]
    filtered = json.loads(invoke("events", "--db", str(filled_db), "--type", some_type).stdout)
    assert filtered and all(r["event_type"] == some_type for r in filtered)
    assert invoke("events", "--db", str(filled_db), "--format", "xml").exit_code == 2


def test_events_on_missing_database_is_an_error_not_an_empty_file(tmp_path):
    result = invoke("events", "--db", str(tmp_path / "nothing.sqlite"))
    assert result.exit_code == 2 and "no such database" in result.stderr
    assert not (tmp_path / "nothing.sqlite").exists()


def test_documents_json_follows_the_contract(filled_db):
    result = invoke("documents", "--db", str(filled_db), "--format", "json")
    docs = json.loads(result.stdout)
    assert len(docs) == 2
    for doc in docs:
        assert {"id", "source", "title", "publisher", "author", "published", "body", "comments", "posts"} <= set(doc)
        for post in doc["posts"]:
            assert {"title", "published", "body"} <= set(post)
