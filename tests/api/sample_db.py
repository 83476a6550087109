"""A small database with known events, built through Store methods (no NLP), for API and browser tests.

The texts are written for these tests (news style, real places, invented outlets). One document
carries HTML and script in its clean text, as a scraped page can: it must only ever show as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sitrep.model import Document, Event, Evidence, Mention, Place, Post
from sitrep.store import Store

XSS_SCRIPT = "<script>window.__xss = 'script ran'</script>"
XSS_IMG = "<img src=x onerror=\"window.__xss = 'img handler ran'\">"

DOCS = {
    "levant": dict(
        source="https://levant-monitor.example/2024/03/12/idlib-market-strike",
        publisher="Levant Monitor",
        title="Market strike in Maarat al-Numan kills civilians",
        published=date(2024, 3, 12),
        body=(
            "Market strike in Maarat al-Numan kills civilians\n\n"
            "Warplanes struck a crowded vegetable market in Maarat al-Numan in southern Idlib on Tuesday, "
            "killing five civilians, according to the Syrian Observatory for Human Rights. "
            "Rescue workers said a bakery next to the market was also destroyed.\n\n"
            "Later the same day, Hayat Tahrir al-Sham fighters clashed with government forces on the "
            "outskirts of Saraqib, and three fighters were killed."
        ),
    ),
    "dispatch": dict(
        source="https://idlib-dispatch.example/news/4411",
        publisher="Idlib Dispatch",
        title="Seven dead as aircraft hit Maarat al-Numan market",
        published=date(2024, 3, 13),
        body=(
            "Seven dead as aircraft hit Maarat al-Numan market\n\n"
            "Seven people were killed when aircraft bombed the busy market of Maarat al-Numan on 12 March, "
            "the civil defence said.\n\n"
            "Separately, the Syrian defence ministry said its troops had repelled an attack on army "
            "positions near Kafr Nabl on 10 March."
        ),
    ),
    "blog": dict(
        source="https://unverified-blog.example/suwayda-protest",
        publisher="Southern Voices Blog",
        title="Suwayda protest <b>live</b>",
        published=date(2024, 3, 2),
        body=(
            "Suwayda protest live\n\n"
            f"Hundreds of protesters gathered in Suwayda city on 1 March to demand the release of detainees "
            f"{XSS_SCRIPT} {XSS_IMG} and chanted against rising prices.\n\n"
            "Organisers said the rally ended peacefully in the evening."
        ),
    ),
    "north": dict(
        source="/data/saved/north-syria-roundup.txt",
        publisher="Northern Syria Roundup",
        title="Operation against Tal Rifaat being prepared, officials say",
        published=date(2024, 2, 21),
        body=(
            "Operation against Tal Rifaat being prepared, officials say\n\n"
            "Turkish officials said an operation against Kurdish-led forces in Tal Rifaat was being prepared.\n\n"
            "Unconfirmed reports said a drone struck a vehicle near Deir ez-Zor on 5 February, killing two men.\n\n"
            "Police in Daraa arrested four young men on 14 February after a night raid, relatives said.\n\n"
            "Residents of Douma say abandoned homes have been looted."
        ),
    ),
}


def place(name: str, admin1: str, lat: float, lon: float, precision: int = 1, admin2: str | None = None) -> Place:
    return Place(
        name=name, country="Syria", iso=760, admin1=admin1, admin2=admin2, latitude=lat, longitude=lon,
        geo_precision=precision, country_code="SY",
    )  # fmt: skip


@dataclass
class Report:
    """One source's mention of an event: the document and the sentence that says it."""

    doc: str
    sentence: str
    fatalities: int | None = None
    certainty: str = "asserted"
    modality: str = "occurred"
    attribution: list[str] = field(default_factory=list)


@dataclass
class Sample:
    id: str
    event_type: str
    sub_event_type: str
    event_date: date | None
    place: Place
    reports: list[Report]
    actor1: str | None = None
    actor2: str | None = None
    fatalities: int | None = None
    certainty: str = "asserted"
    modality: str = "occurred"
    date_precision: str = "day"


SAMPLES = [
    Sample(
        "ev_maarat_strike", "Explosions/Remote violence", "Air/drone strike", date(2024, 3, 12),
        place("Maarat al-Numan", "Idlib", 35.6433, 36.6725, admin2="Maarat al-Numan"),
        [
            Report("levant", "Warplanes struck a crowded vegetable market in Maarat al-Numan in southern Idlib on "
                   "Tuesday, killing five civilians, according to the Syrian Observatory for Human Rights.",
                   5, "reported", attribution=["Syrian Observatory for Human Rights"]),
            Report("dispatch", "Seven people were killed when aircraft bombed the busy market of Maarat al-Numan "
                   "on 12 March, the civil defence said.", 7, "reported", attribution=["civil defence"]),
        ],
        actor1="Military Forces of Syria (2000-2024)", actor2="Civilians (Syria)", fatalities=5, certainty="reported",
    ),
    Sample(
        "ev_saraqib_clash", "Battles", "Armed clash", date(2024, 3, 12),
        place("Saraqib", "Idlib", 35.8644, 36.8053, precision=2),
        [Report("levant", "Later the same day, Hayat Tahrir al-Sham fighters clashed with government forces on the "
                "outskirts of Saraqib, and three fighters were killed.", 3)],
        actor1="Hayat Tahrir al-Sham", actor2="Military Forces of Syria (2000-2024)", fatalities=3,
    ),
    Sample(
        "ev_kafr_nabl_attack", "Battles", "Armed clash", date(2024, 3, 10),
        place("Kafr Nabl", "Idlib", 35.6139, 36.5614, precision=2),
        [Report("dispatch", "Separately, the Syrian defence ministry said its troops had repelled an attack on army "
                "positions near Kafr Nabl on 10 March.", None, "claimed", attribution=["Syrian defence ministry"])],
        actor1="Military Forces of Syria (2000-2024)", certainty="claimed",
    ),
    Sample(
        "ev_suwayda_protest", "Protests", "Peaceful protest", date(2024, 3, 1),
        place("As-Suwayda", "As-Suwayda", 32.7089, 36.5695),
        [Report("blog", "Hundreds of protesters gathered in Suwayda city on 1 March to demand the release of "
                f"detainees {XSS_SCRIPT} {XSS_IMG} and chanted against rising prices.")],
        actor1="Protesters (Syria)",
    ),
    Sample(
        "ev_tal_rifaat_operation", "Battles", "Armed clash", date(2024, 2, 20),
        place("Tal Rifaat", "Aleppo", 36.4717, 37.0972),
        [Report("north", "Turkish officials said an operation against Kurdish-led forces in Tal Rifaat was being "
                "prepared.", None, "claimed", "planned", ["Turkish officials"])],
        actor1="Military Forces of Turkey (2016-)", actor2="SDF: Syrian Democratic Forces",
        certainty="claimed", modality="planned", date_precision="week",
    ),
    Sample(
        "ev_deir_drone", "Explosions/Remote violence", "Air/drone strike", date(2024, 2, 5),
        place("Deir ez-Zor", "Deir ez-Zor", 35.3359, 40.1408, precision=2),
        [Report("north", "Unconfirmed reports said a drone struck a vehicle near Deir ez-Zor on 5 February, killing "
                "two men.", 2, "alleged")],
        fatalities=2, certainty="alleged",
    ),
    Sample(
        "ev_daraa_arrests", "Strategic developments", "Arrests", date(2024, 2, 14),
        place("Daraa", "Daraa", 32.6189, 36.1021),
        [Report("north", "Police in Daraa arrested four young men on 14 February after a night raid, relatives said.",
                None, "reported", attribution=["relatives"])],
        actor1="Police Forces of Syria (2000-2024)", actor2="Civilians (Syria)", certainty="reported",
    ),
    Sample(
        "ev_douma_looting", "Strategic developments", "Looting/property destruction", None,
        place("Douma", "Rif Dimashq", 33.5711, 36.4017),
        [Report("north", "Residents of Douma say abandoned homes have been looted.", None, "reported",
                attribution=["residents"])],
        certainty="reported", date_precision="unknown",
    ),
]  # fmt: skip

MERGED_ALIAS = "ev_old_maarat_duplicate"  # an id that was merged into ev_maarat_strike
DATED = [s for s in SAMPLES if s.event_date]


def doc_id(key: str) -> str:
    return f"doc_{key}"


def build_document(key: str) -> Document:
    spec = DOCS[key]
    body = spec["body"]
    return Document(
        id=doc_id(key), source=spec["source"], media_type="text/html", body=body,
        posts=[Post(title=spec["title"], published=spec["published"], start=0, end=len(body), body=body)],
        title=spec["title"], publisher=spec["publisher"], published=spec["published"], country="SY",
        url=spec["source"] if spec["source"].startswith("http") else None,
    )  # fmt: skip


def build_mention(sample: Sample, index: int, report: Report) -> Mention:
    body = DOCS[report.doc]["body"]
    start = body.index(report.sentence)
    evidence = [Evidence(report.sentence, start, start + len(report.sentence))]
    return Mention(
        id=f"m_{sample.id}_{index}", document_id=doc_id(report.doc), post_index=0,
        event_type=sample.event_type, sub_event_type=sample.sub_event_type, evidence=evidence,
        actor1=sample.actor1, actor2=sample.actor2, location_text=sample.place.name, place=sample.place,
        event_date=sample.event_date, date_precision=sample.date_precision, fatalities=report.fatalities,
        modality=report.modality, certainty=report.certainty, attribution=report.attribution,
    )  # fmt: skip


def build_event(sample: Sample, mentions: list[Mention]) -> Event:
    return Event(
        id=sample.id, event_type=sample.event_type, sub_event_type=sample.sub_event_type,
        event_date=sample.event_date, date_precision=sample.date_precision, actor1=sample.actor1,
        actor2=sample.actor2, assoc_actor_1=None, assoc_actor_2=None, inter1=None, inter2=None,
        place=sample.place, location_text=sample.place.name, fatalities=sample.fatalities,
        modality=sample.modality, certainty=sample.certainty,
        attribution=sorted({a for r in sample.reports for a in r.attribution}),
        corroboration=len({r.doc for r in sample.reports}), notes=sample.reports[0].sentence,
        mention_ids=[m.id for m in mentions],
    )  # fmt: skip


def add_samples(store: Store, conn) -> None:
    """Every sample document, its mentions and its event, written through the Store."""
    for key in DOCS:
        store.add_document(conn, build_document(key))
    for sample in SAMPLES:
        mentions = [build_mention(sample, i, r) for i, r in enumerate(sample.reports)]
        store.add_mentions(conn, mentions)
        store.assign_mentions(conn, {m.id: sample.id for m in mentions})
        store.save_events(conn, [build_event(sample, mentions)])


def build_sample_db(path: Path) -> Store:
    store = Store.open(path)
    with store.transaction() as conn:
        add_samples(store, conn)
        duplicate = build_event(SAMPLES[0], [])
        duplicate.id = MERGED_ALIAS
        store.save_events(conn, [duplicate])
        store.delete_events(conn, [MERGED_ALIAS], merged_into={MERGED_ALIAS: SAMPLES[0].id})
    return store
