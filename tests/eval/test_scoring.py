"""The scorers' arithmetic, on small CSVs written here (never benchmark rows), with a stub extractor."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.eval import acled, case, ucdp
from sitrep.eval.common import haversine_km
from sitrep.extract.actors import load_actors
from sitrep.extract.codebook import load_codebook
from sitrep.model import Evidence, Mention, Place

ACLED_HEADER = ("data_id,iso,event_date,year,time_precision,event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,"
                "inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
                "source_scale,notes,fatalities,iso3")


def mention(sub_type: str, event_type: str, actor1: str | None, fatalities: int | None, day: date | None,
            lat: float | None = None, lon: float | None = None, location: str | None = None) -> Mention:
    place = Place(location or "x", "Syria", 760, None, None, lat, lon, 1) if lat is not None else None
    return Mention(id=f"m{sub_type}{location}", document_id="d", post_index=0, event_type=event_type,
                   sub_event_type=sub_type, evidence=[Evidence("x", 0, 1)], actor1=actor1, fatalities=fatalities,
                   event_date=day, place=place, location_text=location)


class StubExtractor:
    """Returns, for each document, the mentions listed for its text."""

    def __init__(self, answers: dict[str, list[Mention]]):
        self.answers = answers
        self.actors = load_actors()
        self.codebook = load_codebook()

    def extract_many(self, documents):
        for document in documents:
            yield self.answers.get(document.body, [])


def write_acled(tmp_path: Path) -> Path:
    rows = [
        # two rows share one note: one event per place
        '1,760,05-Feb-18,2018,1,Remote violence,Military Forces of Syria (2000-),,1,,,0,10,Middle East,Syria,Idlib,,,Alpha,35.0,36.0,1,x,x,"Note one.",3,SYR',
        '2,760,05-Feb-18,2018,1,Remote violence,Military Forces of Syria (2000-),,1,,,0,10,Middle East,Syria,Idlib,,,Beta,35.5,36.5,1,x,x,"Note one.",0,SYR',
        '3,760,06-Feb-18,2018,1,Battle-Government regains territory,Military Forces of Syria (2000-),,1,,,0,10,Middle East,Syria,Idlib,,,Gamma,34.0,37.0,1,x,x,"Note two.",0,SYR',
        '4,760,07-Feb-18,2018,1,Riots/Protests,Protesters (Syria),,6,,,0,60,Middle East,Syria,Idlib,,,Delta,34.0,37.0,1,x,x,"Note three.",0,SYR',
    ]
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_acled_arithmetic(tmp_path):
    path = write_acled(tmp_path)
    answers = {
        "Note one.": [
            mention("Shelling/artillery/missile attack", "Explosions/Remote violence", "Military Forces of Syria (2000-)", 3,
                    date(2018, 2, 5), 35.0, 36.05, "Alpha"),
            mention("Air/drone strike", "Explosions/Remote violence", "Military Forces of Russia (2000-)", None,
                    date(2018, 2, 4), 35.9, 36.5, "Beta"),
        ],
        "Note two.": [mention("Armed clash", "Battles", "Hayat Tahrir al-Sham", 2, date(2018, 2, 6), 34.0, 37.0, "Gamma")],
        # "Note three." yields nothing: wrong on every metric
    }
    result = acled.evaluate(str(path), StubExtractor(answers), None, show_progress=False)
    m = result["metrics"]
    assert result["rows"] == 4 and result["documents"] == 3 and result["documents_without_event"] == 1
    assert (m["event_type"]["correct"], m["event_type"]["total"]) == (3, 4)
    assert (m["sub_event_type"]["correct"], m["sub_event_type"]["total"]) == (0, 1)  # only row 3 has a derivable sub-type
    assert (m["fatalities"]["correct"], m["fatalities"]["total"]) == (2, 4)  # None counts as 0 (row 2)
    assert (m["actor1_family"]["correct"], m["actor1_family"]["total"]) == (1, 4)
    assert (m["date"]["correct"], m["date"]["total"]) == (2, 4)
    assert (m["location_10km"]["correct"], m["location_25km"]["correct"]) == (2, 2)
    assert m["location_25km"]["total"] == 4


def test_acled_best_match_prefers_the_nearest_place():
    row = acled.Row("n", date(2018, 2, 5), "Syria", "Remote violence", "x", "Beta", 35.5, 36.5, 0)
    near = mention("Air/drone strike", "Explosions/Remote violence", None, None, None, 35.51, 36.5, "Beta")
    far = mention("Armed clash", "Battles", None, None, None, 33.0, 36.5, "Other")
    assert acled.best_match(row, [far, near]) is near
    assert acled.best_match(row, []) is None


def test_ucdp_arithmetic(tmp_path):
    path = tmp_path / "ucdp.csv"
    path.write_text(
        "id,source_date,source_headline,latitude,longitude,date_start,date_end,best\n"
        "1,2016-03-02,Headline one,35.0,36.0,2016-03-01,2016-03-01,4\n"
        "2,2016-03-05,Headline two,35.0,36.0,2016-03-04,2016-03-06,0\n",
        encoding="utf-8",
    )
    answers = {"Headline one": [mention("Air/drone strike", "Explosions/Remote violence", None, 4, date(2016, 3, 1), 35.2, 36.0)],
               "Headline two": [mention("Armed clash", "Battles", None, None, date(2016, 3, 5), 36.0, 36.0)]}
    result = ucdp.evaluate(str(path), StubExtractor(answers), None, show_progress=False)
    m = result["metrics"]
    assert (m["location_25km"]["correct"], m["location_10km"]["correct"]) == (1, 0)
    assert m["deaths"]["correct"] == 2 and m["date"]["correct"] == 2


def test_case_arithmetic_and_macro_f1(tmp_path):
    path = tmp_path / "case.tsv"
    path.write_text("id\tEventSnippet\tSubType\n1\tone\tAIR_STRIKE\n2\ttwo\tNATURAL_DISASTER\n3\tthree\tARREST\n4\tfour\tDIPLO\n",
                    encoding="utf-8")
    answers = {"one": [mention("Air/drone strike", "Explosions/Remote violence", None, None, None)],
               "three": [mention("Armed clash", "Battles", None, None, None)],
               "four": [mention("Statement", "Diplomacy", None, None, None)]}
    result = case.evaluate(str(path), StubExtractor(answers), None, show_progress=False)
    assert result["metrics"]["sub_type_accuracy"]["correct"] == 3  # AIR_STRIKE, NONE for a disaster, DIPLO
    assert case.macro_f1([("A", "A"), ("B", "A")]) == pytest.approx((2 / 3 + 0) / 2)


def test_haversine():
    assert haversine_km(35.0, 36.0, 35.0, 36.0) == 0
    assert 110 < haversine_km(35.0, 36.0, 36.0, 36.0) < 112


def test_missing_file_is_skipped_with_one_line(tmp_path):
    from sitrep.eval.cli import app

    result = CliRunner().invoke(app, ["case", str(tmp_path / "absent.tsv")])
    assert result.exit_code == 0
    assert "skipped" in result.output and len(result.output.strip().splitlines()) == 1


def test_case_a_denied_event_is_no_event(tmp_path):
    path = tmp_path / "case.tsv"
    path.write_text("id\tEventSnippet\tSubType\n1\tone\tAIR_STRIKE\n2\ttwo\tAIR_STRIKE\n", encoding="utf-8")
    denied = mention("Air/drone strike", "Explosions/Remote violence", None, None, None)
    denied.modality = "denied"
    answers = {"one": [mention("Air/drone strike", "Explosions/Remote violence", None, None, None)], "two": [denied]}
    result = case.evaluate(str(path), StubExtractor(answers), None, show_progress=False)
    assert result["metrics"]["sub_type_accuracy"]["correct"] == 1
    assert result["top_confusions"] == [{"gold": "AIR_STRIKE", "predicted": "NONE", "count": 1}]
