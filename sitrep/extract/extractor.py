"""The extract stage: event mentions from each post of a document (never from its comments).

Cost is kept low by doing cheap work on every sentence and expensive work on few: sentences are
split by rule, a single compiled regex of every codebook trigger picks the candidate sentences,
and only those go through spaCy (named entities only, batched with `nlp.pipe`).
"""

from __future__ import annotations

import re
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from typing import TYPE_CHECKING

from sitrep.extract.actors import ActorDictionary, load_actors
from sitrep.extract.assemble import Assembler, SentenceFacts
from sitrep.extract.certainty import CertaintyRules
from sitrep.extract.classify import SentenceClassifier
from sitrep.extract.clauses import Clause, describes_only, only, subordinate_clauses, without
from sitrep.extract.codebook import Codebook, compile_pattern, load_codebook
from sitrep.extract.dates import find_dates
from sitrep.extract.fatalities import FatalityFinder
from sitrep.extract.places import PlaceFinder, event_places
from sitrep.extract.roles import resolve_actors
from sitrep.extract.sentences import deglue, mask_dateline, split_sentences
from sitrep.extract.situation import SituationRules
from sitrep.model import Document, Mention, PlacePhrase
from sitrep.nlp import load_nlp

if TYPE_CHECKING:
    from sitrep.geo import Geocoder

# every component but the entity recogniser (which has its own embedding layer in the small model)
NER_ONLY = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer")
BATCH_DOCUMENTS = 32
PLACE_CACHE_SIZE = 4096  # sentences whose recognised place phrases are kept (repeated wire copy, updates)
PLACE_VOTE_SENTENCES = 12  # sentences whose places vote for the document's country when none is given
PLACE_VOTE = 3  # a place name's vote for its country, against 1 for a state actor named
# a sentence that lays an event told before on someone, denies it or breaks up a protest: its actors count
_NAMES_A_PARTY = re.compile(r"\b(?:den(?:ied|ies|y|ying)|blam\w*|accus\w*|responsible|dispers\w*|tear ?gas|water cannons?|"
                            r"fired)\b", re.IGNORECASE)
# sentences without a trigger are kept (no NER) only if they may complete the event before them
_FOLLOW_UP = re.compile(
    r"\b(?:killed|killing|dead|died|deaths|fatalit(?:y|ies)|casualties|martyred|bodies|toll|injur\w*|wound\w*|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|earlier|ago|last|"
    r"den(?:ied|ies|y|ying)|blam\w*|accus\w*|responsible|dispers\w*|tear ?gas|water cannons?)\b",
    re.IGNORECASE,
)


@dataclass
class _Sentence:
    post_index: int
    start: int  # offsets into Document.body
    end: int
    text: str
    candidate: bool
    analysis: str | None = None  # the text as read when words were glued together ("protestedin")
    line: int = 0  # where its paragraph (line) starts in Document.body

    @property
    def read(self) -> str:
        return self.analysis or self.text


class Extractor:
    def __init__(
        self, geocoder: Geocoder | None = None, codebook: Codebook | None = None, actors: ActorDictionary | None = None,
        use_ner: bool | None = None,
    ) -> None:
        import yaml

        from sitrep.extract.codebook import DEFAULT_CODEBOOK

        self.geocoder = geocoder
        self.codebook = codebook or load_codebook()
        self.actors = actors or load_actors()
        spec = yaml.safe_load(DEFAULT_CODEBOOK.read_text(encoding="utf-8"))
        political = compile_pattern(re.sub(r"\|\s+", "|", spec["political_words"])) if spec.get("political_words") else None
        self.classifier = SentenceClassifier(self.codebook, self.actors, political)
        adjectives = {a for info in self.actors.states.values() for a in info.get("adjectives", []) if " " not in a}
        self.places = PlaceFinder(spec["places"], adjectives)
        self.situation = SituationRules(spec.get("situation", {}))
        self.assembler = Assembler(
            self.actors,
            FatalityFinder(spec["fatalities"]["vague_counts"], spec["fatalities"].get("unknown_deaths")),
            CertaintyRules(spec["certainty"], self.actors),
            spec["fatalities"].get("without_deaths", ()),
        )
        self._nlp = None
        # spaCy's entities only add place candidates; with a geocoder, its gazetteer-backed recognition and
        # the codebook's patterns find the same places (measured on ACLED: location within 0.3 points)
        # at a fraction of the cost, so the model is used (and loaded) only without one
        self.use_ner = geocoder is None if use_ner is None else use_ner
        self._recognised: OrderedDict[tuple[str, str | None], list[PlacePhrase]] = OrderedDict()
        self._looked_up: dict[str, list] = {}

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_nlp(disable=NER_ONLY)
        return self._nlp

    def extract(self, document: Document) -> list[Mention]:
        return next(iter(self.extract_many([document])))

    def extract_many(self, documents: Iterable[Document]) -> Iterator[list[Mention]]:
        iterator = iter(documents)
        while chunk := list(islice(iterator, BATCH_DOCUMENTS)):
            plans = [self._sentences(d) for d in chunk]
            candidates = [s for plan in plans for s in plan if s.candidate]
            entities = {
                id(s): [(e.start_char, e.end_char, e.label_) for e in doc.ents]
                for s, doc in zip(candidates, self.nlp.pipe((s.read for s in candidates), batch_size=64))
            } if self.use_ner and candidates else {}
            for document, plan in zip(chunk, plans):
                yield self._mentions(document, plan, entities)

    def _sentences(self, document: Document) -> list[_Sentence]:
        """The sentences worth looking at, with whether they may tell an event."""
        result = []
        for index, post in enumerate(document.posts):
            for span in split_sentences(post.body):
                text = post.body[span.start : span.end]
                if text.rstrip(" \"'”’)").endswith("?"):
                    continue  # a question asserts no event ("Who are the factions fighting alongside ...?")
                analysis = mask_dateline(text)
                read = analysis or text
                glued = deglue(read)  # "held aprotestin the village": read with the words spaced apart
                if glued is not None:
                    analysis = read = glued
                candidate = self.codebook.prefilter.search(read) is not None
                if candidate or _FOLLOW_UP.search(analysis or text):
                    line = post.start + post.body.rfind("\n", 0, span.start) + 1  # where its paragraph starts
                    result.append(_Sentence(index, post.start + span.start, post.start + span.end, text, candidate, analysis,
                                            line))
        return result

    def _mentions(self, document: Document, plan: list[_Sentence], entities: dict[int, list]) -> list[Mention]:
        country = document.country or self._guess_country(document, plan)
        by_post: dict[int, list[SentenceFacts]] = {}
        for sentence in plan:
            by_post.setdefault(sentence.post_index, []).extend(self._analyse(sentence, country, entities.get(id(sentence), [])))
        mentions: list[Mention] = []
        for index, facts in sorted(by_post.items()):
            post = document.posts[index]
            published = post.published or document.published
            mentions.extend(
                self.assembler.post_mentions(document.id, index, facts, published, country, post.title, document.publisher)
            )
        return mentions

    def _analyse(self, sentence: _Sentence, country: str | None, ner: list) -> list[SentenceFacts]:
        """What one sentence tells: its own event (or none), and the earlier events its clauses tell."""
        facts = SentenceFacts(sentence.start, sentence.end, sentence.text, analysis=sentence.analysis, line=sentence.line)
        background: list[SentenceFacts] = []
        if sentence.candidate:
            read = sentence.read
            matches = self.actors.find(read)
            # "Police arrested four men a day after two shopkeepers were killed": read apart when the rest of the
            # sentence tells an event of its own ("The advance came two days after an air strike ...": it does not)
            clauses = [c for c in subordinate_clauses(read)
                       if c.kind != "earlier" or self.codebook.prefilter.search(without(read, [c])) is not None]
            dated = [c for c in clauses if _own_date(read, c)]
            hidden = [c for c in clauses if c in dated or describes_only(read, c)]
            if hidden:
                # the sentence's own event, read without the clauses that tell or describe something else
                read, matches = without(read, hidden), _outside(matches, hidden)
                facts.analysis = read
            facts.typing = self.classifier.classify(read, matches, country)
            if facts.typing is not None and self.situation.describes_situation(
                    read, facts.typing.trigger_start, facts.typing.event_type):
                facts.typing, facts.situation = None, True
            if facts.typing is not None:
                facts.places = self._places(read, ner, matches, country)
                facts.actors = [(p.match.start, p.actor) for p in facts.typing.placed]
            background = [b for b in (self._background(sentence, c, facts, country) for c in dated) if b is not None]
        if facts.typing is None and not facts.situation and _NAMES_A_PARTY.search(sentence.read):
            placed = resolve_actors(self.actors, sentence.read, self.actors.find(sentence.read), country, None)
            facts.actors = [(p.match.start, p.actor) for p in placed]
        return [facts, *background]

    def _background(self, sentence: _Sentence, clause: Clause, main: SentenceFacts, country: str | None) -> SentenceFacts | None:
        """The earlier event a dated subordinate clause tells ("since its forces captured Bakhmut in May 2023")."""
        read = only(sentence.read, clause)
        everywhere = self.actors.find(sentence.read)
        matches = [m for m in everywhere if clause.start <= m.start < clause.end]
        typing = self.classifier.classify(read, matches, country)
        if typing is None or self.situation.describes_situation(read, typing.trigger_start, typing.event_type):
            return None
        if typing.roles.actor1 is None and typing.event_type != "Diplomacy" and clause.kind != "earlier":
            # "after the group took over Sanaa", "since its forces captured ...": the last party named before
            before = resolve_actors(self.actors, sentence.read, [m for m in everywhere if m.end <= clause.start],
                                    country, typing.event_type)
            armed = [p for p in before if not p.actor.is_civilian]
            if armed:
                typing = replace(typing, roles=replace(typing.roles, actor1=armed[-1].actor))
        places = self._places(read, [], matches, country)
        if not places and clause.kind == "relative":
            # "Kupiansk, which Ukrainian forces recaptured in 2022": the place the clause depends on
            places = [p for p in main.places if p.end <= clause.start][-1:]
        elif not places and clause.kind == "earlier" and _SAME_PLACE.search(read):
            # "arrested four men in Basra, a day after two shopkeepers were killed in the city's main market"
            places = main.places[:1]
        return SentenceFacts(sentence.start, sentence.end, sentence.text, typing=typing, places=places, analysis=read, line=sentence.line,
                             background=True, actors=[(p.match.start, p.actor) for p in typing.placed])

    def _places(self, text: str, ner: list, matches: list, country: str | None) -> list:
        excluded = [(m.start, m.end) for m in matches if any(e.kind != "government" for e in m.entries)]
        excluded += [(d.start, d.end) for d in find_dates(text, None)]
        # the sources of the report ("according to Afrin Watch", "al-Masirah said"), not the event's places; but
        # "residents of Mosul al-Jadida said": the place the sources speak for
        excluded += self.assembler.certainty.source_spans(text, keep_of_places=True)
        return event_places(text, self.places.candidates(text, ner, excluded, self._recognise(text, country)))

    def _recognise(self, text: str, country: str | None) -> list[PlacePhrase]:
        """The geocoder's place phrases of one sentence: asked once per sentence text (an LRU cache)."""
        if self.geocoder is None:
            return []
        key = (text, country)
        if key in self._recognised:
            self._recognised.move_to_end(key)
            return self._recognised[key]
        try:
            found = list(self.geocoder.find_places(text, country))
        except Exception:  # recognition is an aid here: without it the patterns still work
            found = []
        self._recognised[key] = found
        if len(self._recognised) > PLACE_CACHE_SIZE:
            self._recognised.popitem(last=False)
        return found

    def _guess_country(self, document: Document, plan: list[_Sentence] | None = None) -> str | None:
        """The country the document's events are in (when no hint was given): where its places are, as the
        geocoder's gazetteer knows them, else the country most of its state actors belong to."""
        votes: Counter[str] = Counter()
        for m in self.actors.find(document.body[:5000]):
            for entry in m.entries:
                if entry.iso:
                    votes[entry.iso] += 2 if entry.kind == "government" else 1
                    break
        if self.geocoder is not None and plan:
            for rank, sentence in enumerate([s for s in plan if s.candidate][:PLACE_VOTE_SENTENCES]):
                sources = self.assembler.certainty.source_spans(sentence.read)
                for phrase in self._recognise(sentence.read, None):
                    if any(s <= phrase.start and phrase.end <= e for s, e in sources) or self.actors.find(phrase.text):
                        continue  # where a source speaks from; a capital named for its government ("Ankara said")
                    # each country a name may be in (an ambiguous name votes for all of them, once each); the
                    # lead sentence's places count double
                    countries = {c.place.cc for c in self._lookup(phrase.text) if c.name_score >= 0.95 and c.place.cc}
                    for cc in countries:
                        votes[cc] += PLACE_VOTE * (2 if rank == 0 else 1)
        return votes.most_common(1)[0][0] if votes else None

    def _lookup(self, name: str) -> list:
        if name not in self._looked_up:
            try:
                self._looked_up[name] = self.geocoder.lookup(name)[:10] if self.geocoder is not None else []
            except Exception:  # an aid only
                self._looked_up[name] = []
            if len(self._looked_up) > PLACE_CACHE_SIZE:
                self._looked_up.pop(next(iter(self._looked_up)))
        return self._looked_up[name]


_SAME_PLACE = re.compile(r"\b(?:the|the same)\s+(?:city|town|village|area|district|province|neighbou?rhood)\b", re.I)


def _outside(matches: list, clauses: list[Clause]) -> list:
    return [m for m in matches if not any(c.start <= m.start < c.end for c in clauses)]


def _own_date(text: str, clause: Clause) -> bool:
    """A clause dated apart from its sentence: any date in a relative clause ("where the two sides clashed on
    Thursday"); a month or a year in a since/after clause ("after the group took over Sanaa in September 2014"),
    where a weekday or "today" dates the sentence's own event ("injured after being shot on Sunday")."""
    dates = find_dates(text[clause.start : clause.end], None)
    if clause.kind in ("relative", "earlier"):
        return bool(dates)
    return any(re.search(r"\b(?:19|20)\d\d\b|January|February|March|April|May|June|July|August|September|October|November|"
                         r"December|month|year", d.text) for d in dates)
