"""The extract stage: event mentions from each post of a document (never from its comments).

Cost is kept low by doing cheap work on every sentence and expensive work on few: sentences are
split by rule, a single compiled regex of every codebook trigger picks the candidate sentences,
and only those go through spaCy (named entities only, batched with `nlp.pipe`).
"""

from __future__ import annotations

import re
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from sitrep.extract.actors import ActorDictionary, load_actors
from sitrep.extract.assemble import Assembler, SentenceFacts
from sitrep.extract.certainty import CertaintyRules
from sitrep.extract.classify import SentenceClassifier
from sitrep.extract.codebook import Codebook, compile_pattern, load_codebook
from sitrep.extract.dates import find_dates
from sitrep.extract.fatalities import FatalityFinder
from sitrep.extract.places import PlaceFinder, event_places
from sitrep.extract.sentences import deglue, split_sentences
from sitrep.model import Document, Mention, PlacePhrase
from sitrep.nlp import load_nlp

if TYPE_CHECKING:
    from sitrep.geo import Geocoder

# every component but the entity recogniser (which has its own embedding layer in the small model)
NER_ONLY = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer")
BATCH_DOCUMENTS = 32
PLACE_CACHE_SIZE = 4096  # sentences whose recognised place phrases are kept (repeated wire copy, updates)
# sentences without a trigger are kept (no NER) only if they may complete the event before them
_FOLLOW_UP = re.compile(
    r"\b(?:killed|killing|dead|died|deaths|fatalities|casualties|martyred|bodies|toll|injur\w*|wound\w*|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|earlier|ago|last)\b",
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
        self.places = PlaceFinder(spec["places"])
        self.assembler = Assembler(
            self.actors,
            FatalityFinder(spec["fatalities"]["vague_counts"], spec["fatalities"].get("unknown_deaths")),
            CertaintyRules(spec["certainty"], self.actors),
        )
        self._nlp = None
        # spaCy's entities only add place candidates; with a geocoder, its gazetteer-backed recognition and
        # the codebook's patterns find the same places (measured on ACLED: location within 0.3 points)
        # at a fraction of the cost, so the model is used (and loaded) only without one
        self.use_ner = geocoder is None if use_ner is None else use_ner
        self._recognised: OrderedDict[tuple[str, str | None], list[PlacePhrase]] = OrderedDict()

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
                candidate = self.codebook.prefilter.search(text) is not None
                analysis = None
                if not candidate:
                    analysis = deglue(text)
                    candidate = analysis is not None and self.codebook.prefilter.search(analysis) is not None
                if candidate or _FOLLOW_UP.search(analysis or text):
                    result.append(_Sentence(index, post.start + span.start, post.start + span.end, text, candidate, analysis))
        return result

    def _mentions(self, document: Document, plan: list[_Sentence], entities: dict[int, list]) -> list[Mention]:
        country = document.country or self._guess_country(document)
        by_post: dict[int, list[SentenceFacts]] = {}
        for sentence in plan:
            facts = SentenceFacts(sentence.start, sentence.end, sentence.text, analysis=sentence.analysis)
            if sentence.candidate:
                matches = self.actors.find(sentence.read)
                facts.typing = self.classifier.classify(sentence.read, matches, country)
                if facts.typing is not None:
                    facts.places = self._places(sentence.read, entities.get(id(sentence), []), matches, country)
            by_post.setdefault(sentence.post_index, []).append(facts)
        mentions: list[Mention] = []
        for index, facts in sorted(by_post.items()):
            post = document.posts[index]
            published = post.published or document.published
            mentions.extend(
                self.assembler.post_mentions(document.id, index, facts, published, country, post.title)
            )
        return mentions

    def _places(self, text: str, ner: list, matches: list, country: str | None) -> list:
        excluded = [(m.start, m.end) for m in matches if any(e.kind != "government" for e in m.entries)]
        excluded += [(d.start, d.end) for d in find_dates(text, None)]
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

    def _guess_country(self, document: Document) -> str | None:
        """The country most of the document's state actors belong to (when no hint was given)."""
        votes: Counter[str] = Counter()
        for m in self.actors.find(document.body[:5000]):
            for entry in m.entries:
                if entry.iso:
                    votes[entry.iso] += 2 if entry.kind == "government" else 1
                    break
        return votes.most_common(1)[0][0] if votes else None
