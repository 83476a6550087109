"""The curated features: each lies where its reference village says, and has the admin units around it."""

from __future__ import annotations

import pytest

from sitrep.geo.features import load_features, reference_villages
from sitrep.geo.gazetteer import distance_km

FEATURES = {f.name: f for f in load_features()}


@pytest.mark.parametrize("name", sorted(reference_villages()))
def test_feature_coordinates_agree_with_a_nearby_gazetteer_village(geo, name):
    village, max_km = reference_villages()[name]
    feature = FEATURES[name]
    found = [c.place for c in geo.lookup(village, feature.cc) if c.place.kind == "locality"]
    assert found, f"reference village {village!r} not in the gazetteer"
    nearest = min(distance_km(feature.lat, feature.lon, p.lat, p.lon) for p in found)
    assert nearest <= max_km, f"{name} is {nearest:.0f} km from {village}"


def test_every_feature_has_a_reference_village_and_a_known_kind():
    kinds = {"mountain", "plain", "valley", "area", "highway", "airbase", "crossing", "camp", "site"}
    assert set(reference_villages()) == set(FEATURES)
    assert {f.fcode for f in FEATURES.values()} <= kinds


def test_features_get_admin_units_from_the_gazetteer(geo):
    [hmeimim] = [c.place for c in geo.lookup("Hmeimim air base", "SY")[:1]]
    assert hmeimim.kind == "feature" and hmeimim.admin1 == "Lattakia" and hmeimim.admin2
