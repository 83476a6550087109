"""A few real benchmark rows through the real stages (skipped when ../shared/bench is absent)."""

from __future__ import annotations

import pytest

from tests.conftest import SHARED

EVENTS = SHARED / "bench" / "events"


@pytest.mark.skipif(not (EVENTS / "acled_middle_east_2018-01_02.csv").exists(), reason="no ACLED benchmark here")
def test_acled_rows_score(extractor):
    from sitrep.eval import acled

    result = acled.evaluate(str(EVENTS / "acled_middle_east_2018-01_02.csv"), extractor, None, limit=30, show_progress=False)
    assert result["rows"] == 30
    assert result["metrics"]["event_type"]["total"] == 30
    assert result["metrics"]["event_type"]["rate"] >= 0.6


@pytest.mark.skipif(not (EVENTS / "case2021_task2_odd.tsv").exists(), reason="no CASE benchmark here")
def test_case_rows_score(extractor):
    from sitrep.eval import case

    result = case.evaluate(str(EVENTS / "case2021_task2_odd.tsv"), extractor, None, limit=40, show_progress=False)
    assert result["rows"] == 40
    assert 0.3 <= result["metrics"]["sub_type_accuracy"]["rate"] <= 1.0
