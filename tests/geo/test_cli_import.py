"""`sitrep gazetteer import` (a GeoNames-format file written here) and `sitrep gazetteer lookup`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.geo import Geocoder
from sitrep.geo.cli import app
from tests.geo.conftest import make_document, make_mention

# Two invented places in GeoNames' 19-column format: a village (with alternate spellings) and a wadi,
# plus a lake, which sitrep does not keep.
GEONAMES_ROWS = [
    ["98000001", "Tall Zumurrud", "Tall Zumurrud", "Tell Zumurrud,Tal Zumurud,تل زمرد", "35.7001", "36.8002",
     "P", "PPL", "SY", "", "12", "", "", "", "850", "", "310", "Asia/Damascus", "2024-01-01"],
    ["98000002", "Wadi Qirmiz", "Wadi Qirmiz", "", "35.7100", "36.8100",
     "H", "WAD", "SY", "", "12", "", "", "", "0", "", "300", "Asia/Damascus", "2024-01-01"],
    ["98000003", "Buhayrat Zumurrud", "Buhayrat Zumurrud", "", "35.7200", "36.8200",
     "H", "LK", "SY", "", "12", "", "", "", "0", "", "300", "Asia/Damascus", "2024-01-01"],
]


@pytest.fixture
def overlay(tmp_path, monkeypatch) -> Path:
    target = tmp_path / "overlay"
    monkeypatch.setenv("SITREP_GAZETTEER_OVERLAY", str(target))
    return target


def write_geonames(path: Path) -> Path:
    path.write_text("".join("\t".join(row) + "\n" for row in GEONAMES_ROWS), encoding="utf-8")
    return path


def test_import_adds_places_that_later_loads_resolve(tmp_path, overlay):
    before = Geocoder.load(overlay=overlay)
    assert before.lookup("Tall Zumurrud", "SY") == []
    result = CliRunner().invoke(app, ["import", str(write_geonames(tmp_path / "SY.txt"))])
    assert result.exit_code == 0, result.output
    assert "imported 2 places" in result.output and "SY 2" in result.output
    geo = Geocoder.load(overlay=overlay)
    mention = make_mention("Tell Zumurrud")
    geo.place([mention], make_document("Shelling hit Tell Zumurrud in southern Idlib.", "SY"))
    assert mention.place.gazetteer_id == "gn:98000001"
    assert (mention.place.admin1, mention.place.geo_precision) == ("Idleb", 1)
    assert geo.find_places("Shelling hit Tell Zumurrud in southern Idlib.", "SY")[0].text == "Tell Zumurrud"
    assert geo.lookup("Wadi Qirmiz", "SY")[0].place.kind == "feature"
    assert geo.lookup("Buhayrat Zumurrud", "SY") == []


def test_import_of_a_file_that_is_not_a_gazetteer_is_a_one_line_error(tmp_path, overlay):
    bad = tmp_path / "notes.txt"
    bad.write_text("this is not a gazetteer\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(bad)])
    assert result.exit_code == 2
    assert "neither a GeoNames dump" in result.output and len(result.output.strip().splitlines()) == 1
    missing = CliRunner().invoke(app, ["import", str(tmp_path / "missing.txt")])
    assert missing.exit_code == 2 and "no such file" in missing.output


def test_lookup_prints_candidates_with_scores_and_reasons(overlay):
    result = CliRunner().invoke(app, ["lookup", "Kafranbel", "--country", "Syria"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "Kafranbel" in result.output and "Idleb" in result.output and "Al Ma'ra" in result.output
    assert "#1 +8.0 name: same spelling ('Kafranbel')" in result.output
    assert "in the focus country SY" in result.output


def test_lookup_of_an_unknown_name_says_so(overlay):
    result = CliRunner().invoke(app, ["lookup", "Qaryat Zumzumiyya", "--country", "SY"])
    assert result.exit_code == 1 and "no gazetteer match" in result.output
    result = CliRunner().invoke(app, ["lookup", "Kafranbel", "--country", "Atlantis"])
    assert result.exit_code == 2 and "unknown country" in result.output
