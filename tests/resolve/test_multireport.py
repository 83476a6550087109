"""Merge recall and precision on the multi-outlet fixtures (figures: tests/resolve/multireport.py)."""

from __future__ import annotations

import multireport
import pytest


def test_the_rules_merge_every_real_event_and_nothing_else_given_correct_fields():
    figures = multireport.measure(multireport.load_gold(), multireport.run_oracle())
    assert figures.positive >= 40  # at least 10 events reported 2-5 times
    assert figures.recall >= 0.95, figures.missed
    assert figures.false_merges == []


@pytest.fixture(scope="module")
def pipeline_figures(tmp_path_factory, extractor, geocoder):
    from sitrep.pipeline import Pipeline
    from sitrep.store import Store

    store = Store.open(tmp_path_factory.mktemp("multireport") / "db.sqlite")
    mentions = multireport.run_pipeline(Pipeline(store, extractor=extractor, geocoder=geocoder), store)
    store.close()
    return multireport.measure(multireport.load_gold(), mentions)


def test_the_full_pipeline_never_merges_distractors_in_nearby_villages(pipeline_figures):
    assert pipeline_figures.false_merges == []
    assert pipeline_figures.merged > 0


def test_the_full_pipeline_merges_the_reports_of_each_real_event(pipeline_figures):
    assert pipeline_figures.recall >= 0.95, pipeline_figures.missed
