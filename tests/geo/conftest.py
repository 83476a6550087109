"""Geo fixtures: one geocoder over the bundled gazetteer only (no user imports), and a helper to place a name."""

from __future__ import annotations

import pytest

from sitrep.model import Document, Mention, Post


@pytest.fixture(scope="session")
def geo(tmp_path_factory):
    """A Geocoder that ignores the user's imported files (its base index is the usual cached one)."""
    from sitrep.geo import Geocoder

    return Geocoder.load(overlay=tmp_path_factory.mktemp("no-imports"))


def make_document(body: str, country: str | None = "SY") -> Document:
    return Document(id="doc", source="test", media_type="text/plain", body=body,
                    posts=[Post(None, None, 0, len(body), body)], country=country)


def make_mention(location: str, hint: str | None = None, qualifier: str | None = None) -> Mention:
    return Mention(id="m", document_id="doc", post_index=0, event_type="Explosions/Remote violence",
                   sub_event_type="Shelling/artillery/missile attack", evidence=[], location_text=location,
                   admin_hint=hint, location_qualifier=qualifier)


@pytest.fixture
def place(geo):
    """place(location, body=..., country=..., hint=..., qualifier=...) -> the resolved Mention."""

    def _place(location: str, body: str = "", country: str | None = "SY", hint: str | None = None,
               qualifier: str | None = None) -> Mention:
        mention = make_mention(location, hint, qualifier)
        geo.place([mention], make_document(body or location, country))
        return mention

    return _place
