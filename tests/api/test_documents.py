from __future__ import annotations

import re

from api.sample_db import DOCS, XSS_SCRIPT
from sitrep.api.documents import Span, evidence_spans, marked_html, segments


def test_spans_are_offsets_into_the_clean_body(client):
    doc = client.get("/api/documents/doc_levant").json()
    assert doc["body"] == DOCS["levant"]["body"]
    assert {s["event_id"] for s in doc["spans"]} == {"ev_maarat_strike", "ev_saraqib_clash"}
    for span in doc["spans"]:
        assert doc["body"][span["start"] : span["end"]] == span["text"]
    assert "html" not in doc  # only on request


def test_html_view_escapes_markup_and_marks_evidence(client):
    doc = client.get("/api/documents/doc_blog", params={"html_view": "true"}).json()
    rendered = doc["html"]
    assert XSS_SCRIPT in doc["body"]  # the body is the text as stored
    assert "<script" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;" in rendered and "&lt;img src=x onerror=" in rendered
    # the only tags are our marks
    assert set(re.findall(r"</?([a-zA-Z]+)", rendered)) == {"mark"}
    assert '<mark data-events="ev_suwayda_protest">Hundreds of protesters' in rendered
    # unmarked, the text reads as the body again
    plain = re.sub(r"</?mark[^>]*>", "", rendered)
    assert (
        plain.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
        == doc["body"]
    )


def test_title_with_markup_comes_back_as_text(client):
    doc = client.get("/api/documents/doc_blog").json()
    assert doc["title"] == "Suwayda protest <b>live</b>"


def test_unknown_document_is_404(client):
    assert client.get("/api/documents/doc_missing").status_code == 404


def test_overlapping_spans_split_into_shared_segments():
    spans = [Span(0, 10, "a", "m1"), Span(5, 15, "b", "m2")]
    pieces = [(p.start, p.end, p.event_ids) for p in segments(20, spans)]
    assert pieces == [(0, 5, ("a",)), (5, 10, ("a", "b")), (10, 15, ("b",)), (15, 20, ())]


def test_spans_outside_the_body_are_dropped():
    from sitrep.model import Evidence, Mention

    mention = Mention(
        id="m",
        document_id="d",
        post_index=0,
        event_type="Battles",
        sub_event_type="Armed clash",
        evidence=[Evidence("ok", 0, 2), Evidence("past the end", 5, 99)],
    )
    assert evidence_spans("ok then", [("ev", mention)]) == [Span(0, 2, "ev", "m")]


def test_marked_html_escapes_quotes_and_ampersands():
    body = 'A & B said "<x>"'
    assert marked_html(body, [Span(0, 5, "e1", "m")]) == (
        '<mark data-events="e1">A &amp; B</mark> said &quot;&lt;x&gt;&quot;'
    )
