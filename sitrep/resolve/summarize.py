"""An Event is a pure function of its mentions (and of who published them).

Disagreements stay visible: every source keeps its own figure (`Event.sources[].fatalities`);
the event's `fatalities` is the most conservative one (ACLED: the lowest reported when sources
disagree), `disputed` says that one source reports it and another denies it, `certainty` is the
strongest any source gives, and `modality` is `occurred` as soon as one source reports it as
having happened. `corroboration` counts independent publishers: two articles of one publisher
are one, a repost or syndicated copy counts as its original's publisher.
"""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlparse

from sitrep.model import Event, Mention
from sitrep.store.db import build_source_reports

# strongest first: the outlet's own voice, then a named neutral source, then a party, then a hedge
CERTAINTY_STRENGTH = {"asserted": 0, "reported": 1, "claimed": 2, "alleged": 3}
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
# when no source says it happened: what the reports say instead, most telling first
MODALITY_ORDER = ("occurred", "denied", "planned", "hypothetical")
_MAX_HOPS = 8  # duplicate_of chains are one hop when written by sitrep; guard against loops


def publisher_key(meta: dict[str, Any], all_meta: dict[str, dict[str, Any]] | None = None) -> str:
    """Who stands behind a document: its original's publisher for a copy, else its publisher,
    else its site, else the document itself."""
    seen = 0
    while meta.get("duplicate_of") and seen < _MAX_HOPS:
        original = (all_meta or {}).get(meta["duplicate_of"])
        if original is None:
            return f"copy-of:{meta['duplicate_of']}"
        meta, seen = original, seen + 1
    if meta.get("publisher") and meta["publisher"].strip():
        return " ".join(meta["publisher"].lower().split())
    url = meta.get("url") or meta.get("source") or ""
    host = urlparse(url).netloc.lower().removeprefix("www.") if "://" in url else ""
    return host or f"doc:{meta.get('id', url)}"


def _publisher_of(document_id: str, meta: dict[str, dict[str, Any]]) -> str:
    return publisher_key({**meta.get(document_id, {}), "id": document_id}, meta)


def _most_common(values: list[Any]) -> Any:
    present = [v for v in values if v]
    if not present:
        return None
    counts = Counter(present)
    return max(counts, key=lambda v: (counts[v], len(str(v)), str(v)))  # ties: the more specific name


def conservative_fatalities(mentions: list[Mention], meta: dict[str, dict[str, Any]] | None = None) -> int | None:
    """ACLED's rule: each publisher's figure (its highest, i.e. latest toll), then the lowest of those."""
    per_publisher: dict[str, int] = {}
    for m in mentions:
        if m.fatalities is not None:
            who = _publisher_of(m.document_id, meta or {})
            per_publisher[who] = max(per_publisher.get(who, 0), m.fatalities)
    return min(per_publisher.values()) if per_publisher else None


def _lead(mentions: list[Mention]) -> Mention:
    """The most precise report: exact date, exact place, strongest voice, named actors."""
    return min(
        mentions,
        key=lambda m: (
            PRECISION_RANK.get(m.date_precision, 4),
            m.place.geo_precision if m.place and m.place.latitude is not None else 9,
            CERTAINTY_STRENGTH.get(m.certainty, 9),
            m.actor1 is None,
            m.id,
        ),
    )


def _event_date(mentions: list[Mention], lead: Mention) -> tuple[Any, str]:
    best = PRECISION_RANK.get(lead.date_precision, 4)
    dated = [m.event_date for m in mentions if m.event_date and PRECISION_RANK.get(m.date_precision, 4) == best]
    if not dated:
        return lead.event_date, lead.date_precision
    counts = Counter(dated)
    return min(counts, key=lambda d: (-counts[d], d)), lead.date_precision


def _place_mention(mentions: list[Mention], lead: Mention) -> Mention:
    placed = [m for m in mentions if m.place is not None]
    if not placed:
        return lead
    best = min(m.place.geo_precision for m in placed if m.place)
    top = [m for m in placed if m.place and m.place.geo_precision == best]
    counts = Counter((m.place.gazetteer_id or m.place.name) for m in top if m.place)
    winner = max(counts, key=lambda k: (counts[k], k))
    return next(m for m in ([lead] + top) if m.place and (m.place.gazetteer_id or m.place.name) == winner)


def _modality(mentions: list[Mention]) -> str:
    present = {m.modality for m in mentions}
    return next((mod for mod in MODALITY_ORDER if mod in present), mentions[0].modality)


def summarize(event_id: str, mentions: list[Mention], meta: dict[str, dict[str, Any]]) -> Event:
    """Materialise one event from all its mentions; `meta`: document id -> its metadata."""
    occurred = [m for m in mentions if m.modality == "occurred"]
    supporting = occurred or [m for m in mentions if m.modality != "denied"] or mentions
    lead = _lead(supporting)
    type_votes = Counter((m.event_type, m.sub_event_type) for m in supporting)
    top = max(type_votes.values())
    event_type, sub_event_type = (
        (lead.event_type, lead.sub_event_type)
        if type_votes[(lead.event_type, lead.sub_event_type)] == top
        else min(k for k, v in type_votes.items() if v == top)
    )
    event_date, date_precision = _event_date(supporting, lead)
    where = _place_mention(supporting, lead)
    actor1 = lead.actor1 or _most_common([m.actor1 for m in supporting])
    actor_source = next((m for m in [lead, *supporting] if m.actor1 == actor1), lead)
    actor2 = actor_source.actor2 or _most_common([m.actor2 for m in supporting])
    target_source = next((m for m in [actor_source, *supporting] if m.actor2 == actor2), actor_source)
    publishers = {_publisher_of(m.document_id, meta) for m in supporting}
    attribution = sorted({a for m in mentions for a in m.attribution})
    modality = _modality(mentions)
    return Event(
        id=event_id,
        event_type=event_type,
        sub_event_type=sub_event_type,
        event_date=event_date,
        date_precision=date_precision,
        actor1=actor1,
        actor2=actor2,
        assoc_actor_1=actor_source.assoc_actor_1,
        assoc_actor_2=target_source.assoc_actor_2,
        inter1=actor_source.inter1,
        inter2=target_source.inter2,
        place=where.place,
        location_text=where.location_text,
        fatalities=conservative_fatalities(occurred, meta),
        modality=modality,
        certainty=min((m.certainty for m in supporting), key=lambda c: CERTAINTY_STRENGTH.get(c, 9)),
        attribution=attribution,
        corroboration=len(publishers),
        notes=" ".join(e.text for e in lead.evidence),
        mention_ids=sorted(m.id for m in mentions),
        disputed=bool(occurred) and any(m.modality == "denied" for m in mentions),
        sources=build_source_reports(mentions, meta),
    )
