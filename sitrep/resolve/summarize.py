"""An Event is a pure function of its mentions (and of who published them)."""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlparse

from sitrep.model import Event, Mention

# strongest first: the outlet's own voice, then a named neutral source, then a party, then a hedge
CERTAINTY_STRENGTH = {"asserted": 0, "reported": 1, "claimed": 2, "alleged": 3}
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}


def publisher_key(meta: dict[str, Any]) -> str:
    """Who stands behind a document: its publisher, else its site, else the document itself."""
    if meta.get("duplicate_of"):
        return f"dup:{meta['duplicate_of']}"
    if meta.get("publisher"):
        return meta["publisher"].strip().lower()
    url = meta.get("url") or meta.get("source") or ""
    host = urlparse(url).netloc.lower().removeprefix("www.")
    return host or meta.get("id", url)


def _most_common(values: list[Any]) -> Any:
    present = [v for v in values if v]
    return Counter(present).most_common(1)[0][0] if present else None


def conservative_fatalities(mentions: list[Mention]) -> int | None:
    """ACLED's rule: per source the figure it gives, across sources the lowest."""
    per_document: dict[str, int] = {}
    for m in mentions:
        if m.fatalities is not None:
            per_document[m.document_id] = max(per_document.get(m.document_id, 0), m.fatalities)
    return min(per_document.values()) if per_document else None


def summarize(event_id: str, mentions: list[Mention], meta: dict[str, dict[str, Any]]) -> Event:
    occurred = [m for m in mentions if m.modality == "occurred"] or mentions
    lead = min(
        occurred,
        key=lambda m: (
            PRECISION_RANK.get(m.date_precision, 4),
            m.place.geo_precision if m.place else 9,
            CERTAINTY_STRENGTH.get(m.certainty, 9),
            m.id,
        ),
    )
    type_votes = Counter((m.event_type, m.sub_event_type) for m in occurred)
    event_type, sub_event_type = type_votes.most_common(1)[0][0]
    modalities = {m.modality for m in mentions}
    publishers = {publisher_key({**meta.get(m.document_id, {}), "id": m.document_id}) for m in mentions}
    attribution = sorted({a for m in mentions for a in m.attribution})
    return Event(
        id=event_id,
        event_type=event_type,
        sub_event_type=sub_event_type,
        event_date=lead.event_date,
        date_precision=lead.date_precision,
        actor1=lead.actor1 or _most_common([m.actor1 for m in occurred]),
        actor2=lead.actor2 or _most_common([m.actor2 for m in occurred]),
        assoc_actor_1=lead.assoc_actor_1,
        assoc_actor_2=lead.assoc_actor_2,
        inter1=lead.inter1,
        inter2=lead.inter2,
        place=lead.place,
        location_text=lead.location_text,
        fatalities=conservative_fatalities(occurred),
        modality="occurred" if "occurred" in modalities else lead.modality,
        certainty=min((m.certainty for m in mentions), key=lambda c: CERTAINTY_STRENGTH.get(c, 9)),
        attribution=attribution,
        corroboration=len(publishers),
        notes=" ".join(e.text for e in lead.evidence),
        mention_ids=sorted(m.id for m in mentions),
        disputed="denied" in modalities and "occurred" in modalities,
    )
