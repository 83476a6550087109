"""Toponym recognition: the place names of a sentence, with their qualifiers and admin hints.

Gazetteer-driven and rule-gated, no statistical model: capitalised word runs (and Arabic script) are
looked up, longest first; a match is kept only when the text treats it as a place: a locative word before
it ("in", "near", "shelled"), a place noun after it ("village", "countryside") or before it ("the town of"),
a list that started with a place, or a name prominent enough to stand alone (a province, a city).
Actors, demonyms, weekdays, titles and given names are refused (data/gazetteer/recognition.yaml).
Countries and highways are kept only when the text names nothing finer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from sitrep.countries import country_name
from sitrep.geo.features import FALLBACK_KINDS
from sitrep.geo.gazetteer import Gazetteer, PlaceRow
from sitrep.geo.lexicon import (
    ARTICLE_PREFIX,
    CONNECTORS,
    COUNTRYSIDE_AFTER,
    HINT_BETWEEN,
    HYPHEN_ADJECTIVE,
    HYPHEN_ADJECTIVE_AFTER,
    LEVEL_AFTER,
    SPEECH_AFTER,
    is_demonym,
    lexicon,
    near_something_of,
    ordinary_phrase,
    qualifier_before,
)
from sitrep.geo.lexicon import plain as _plain
from sitrep.geo.location import distance_hint
from sitrep.geo.normalize import is_arabic, keys
from sitrep.geo.rank import name_similarity
from sitrep.model import PlacePhrase

MAX_SPAN_TOKENS = 6
PROMINENT_POPULATION = 50_000  # stands alone anywhere
LOCAL_PROMINENT_POPULATION = 10_000  # stands alone in the focus country
HINT_CITY_POPULATION = 100_000
SKELETON_MIN_SIMILARITY = 0.8
STANDALONE_SIMILARITY = 0.85
# capitalised at the start of a sentence, these start no name ("In Asir border province ...")
FUNCTION_WORDS = frozenset({"in", "at", "on", "near", "from", "to", "into", "towards", "toward", "around", "outside",
                            "inside", "across", "through", "throughout", "between", "within", "beyond", "along", "of",
                            "for", "after", "before", "during", "since", "the", "a", "an", "and", "but", "also", "while"})
STRONG_PLACE_NOUNS = frozenset({"village", "town", "city", "neighbourhood", "neighborhood", "district", "camp",
                                "villages", "towns", "suburb", "quarter", "area", "site", "sites", "hill",
                                "mountain", "valley", "subdistrict", "sub-district", "nahiya", "qadaa"})
SETTLEMENT_NOUNS = frozenset({"village", "town", "city", "neighbourhood", "neighborhood", "camp", "suburb", "quarter"})
_IN_UNIT = re.compile(
    r"^\s*(?:village\s+|town\s+)?(?:,|\bin\b|\bof\b)\s*(?:the\s+)?(?:(?:north|south|east|west)[a-z-]*\s+)?"
    r"(?:(?:countryside|province|governorate|district)\s+of\s+)?(?P<unit>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
_CAPITAL = re.compile(r"\b[Tt]he\s+(?:(?P<adj>[A-Z][a-z]+)\s+)?capital\b(?!\s+(?:of|city\s+of)\b)")
_REGION_AFTER = re.compile(r"^\s+(?P<word>region)\b", re.IGNORECASE)
# "in several Aden districts, including Khormaksar and ...": the names a list of places goes on to give
_PLACES_INCLUDING = re.compile(r"\b(?:districts|neighbou?rhoods|areas|villages|towns|cities|quarters|suburbs|localities|parts)"
                               r"\s*,?\s+(?:including|such as|notably|among them)\s+(?:the\s+)?$", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:al|el|an|ad|ar|as|ash|at|az|ed|en|er|es|et|ez) (?=\S)")  # "Al-Ahrar" -> "ahrar"
_TOKEN = re.compile(r"[^\W_]+(?:['’`ʿʾ‘\-]{1,2}[^\W_]+)*")  # "al-'Amiriyah" is one word
_POSSESSIVE = re.compile(r"['’]s$")
# the words of news text recur: each is made plain once (plain is pure)
plain = lru_cache(maxsize=100_000)(_plain)
_ARABIC_CUES = frozenset({"في", "قرب", "بلدة", "قرية", "مدينة", "ريف", "محافظة", "منطقة", "حي", "مخيم", "بالقرب", "شمال",
                          "جنوب", "شرق", "غرب", "اطراف", "أطراف", "محيط"})


@dataclass
class Token:
    start: int
    end: int
    text: str
    name_like: bool = field(init=False)  # capitalised, a digit-led code ("T4"), Arabic script, or "al-..."

    def __post_init__(self) -> None:
        self.name_like = _name_like(self.text)


@lru_cache(maxsize=100_000)
def _name_like(t: str) -> bool:
    return t[0].isupper() or (t[0].isdigit() and len(t) > 1 and any(c.isupper() for c in t)) or \
        is_arabic(t) or bool(ARTICLE_PREFIX.match(t))


@dataclass
class Span:
    i: int  # first token
    j: int  # one past the last token
    start: int
    end: int
    text: str
    places: list[PlaceRow]
    exact: bool
    qualifier: str | None = None
    admin_hint: str | None = None
    level_word: str | None = None
    cued: bool = False
    drop: bool = field(default=False)

    @property
    def kinds(self) -> set[str]:
        return {p.kind for p in self.places}


def tokenize(text: str) -> list[Token]:
    tokens = []
    for m in _TOKEN.finditer(text):
        start, end = m.start(), m.end()
        possessive = _POSSESSIVE.search(m.group())
        if possessive and end - start > 3:
            end -= len(possessive.group())
        tokens.append(Token(start, end, text[start:end]))
    return tokens


class Recognizer:
    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer
        self.lex = lexicon()

    def find(self, text: str, country: str | None = None) -> list[PlacePhrase]:
        tokens = tokenize(text)
        spans = self._match(text, tokens, country)
        kept = self._gate(text, tokens, spans, country)
        for span in kept:
            self._qualify(text, span)
        kept = self._link_hints(text, kept)
        finer = [s for s in kept if not self._is_fallback(s)]
        if finer:
            kept = finer
        if country:  # "the Red Sea near Al Khawkhah" in Yemen: Sudan's Red Sea province is no second place
            local = [s for s in kept if any(p.cc == country for p in s.places)]
            kept = [s for s in kept if not (local and s.places and _abroad_region(s, country))]
        phrases = [PlacePhrase(s.start, s.end, text[s.start:s.end], s.qualifier, s.admin_hint) for s in kept]
        return sorted(phrases + self._capital(text, kept, country), key=lambda p: p.start) if country else phrases

    def _capital(self, text: str, kept: list[Span], country: str) -> list[PlacePhrase]:
        """"Clashes on the outskirts of the capital": the capital of the text's country (resolve reads it)."""
        found = []
        name = (country_name(country) or "").lower()
        for m in _CAPITAL.finditer(text):
            if any(s.start < m.end() + 3 and m.start() < s.end for s in kept):
                continue  # "the capital, Sanaa": the name itself is there
            adjective = m.group("adj")
            if adjective and adjective.lower()[:4] != name[:4]:
                continue  # "the Yemeni capital" in a Syrian report: not the focus country's
            found.append(PlacePhrase(m.start(), m.end(), m.group(), qualifier_before(text[max(0, m.start() - 80):m.start()])))
        return found

    # --- finding candidate spans -------------------------------------------------------------
    def _match(self, text: str, tokens: list[Token], country: str | None) -> list[Span]:
        spans: list[Span] = []
        i = 0
        while i < len(tokens):
            if not tokens[i].name_like or plain(tokens[i].text) in FUNCTION_WORDS or _adjective(tokens[i].text):
                i += 1  # "In Asir ...": a capitalised preposition or article starts no name; nor "YPG-held" in
                continue  # "YPG-held Jandairis"
            span = self._longest_at(text, tokens, i, country)
            run_end = self._name_run_end(text, tokens, span.j if span else i + 1)
            if span is None or run_end > span.j:
                # an unknown name, or a known one that the text continues ("Tal" of "Tal al-Eis")
                unknown = self._unknown(text, tokens, i, run_end)
                if unknown is not None:
                    spans.append(unknown)
                i = run_end
                continue
            spans.append(span)
            i = span.j
        return spans

    def _name_run_end(self, text: str, tokens: list[Token], j: int) -> int:
        """Where a run of capitalised words that continues at token j ends (place nouns excluded)."""
        while j < len(tokens) and not _gap(text, tokens, j - 1, j + 1) and not is_arabic(tokens[j].text):
            word = plain(tokens[j].text)
            if word in self.lex.type_after or word in self.lex.not_places:
                break
            if not (tokens[j].name_like or (word in CONNECTORS and j + 1 < len(tokens) and tokens[j + 1].name_like)):
                break
            j += 1
        return j

    def _unknown(self, text: str, tokens: list[Token], i: int, j: int) -> Span | None:
        """A name the gazetteer lacks, kept only when a place noun marks it ("the village of X", "X town")."""
        span = Span(i, j, tokens[i].start, tokens[j - 1].end, text[tokens[i].start:tokens[j - 1].end], [], exact=False)
        words = re.split(r"[\s\-]+", span.text)
        if any(w and (w[0].islower() and plain(w) not in CONNECTORS or plain(w) in self.lex.not_places) for w in words):
            return None  # "YPG-held", "Russian-backed": an actor, not a name
        after = plain(tokens[j].text) if j < len(tokens) else ""
        before = [plain(t.text) for t in tokens[max(0, i - 2):i]]
        settlement = _called(after, before, SETTLEMENT_NOUNS)
        if (ordinary_phrase(words, single_nouns=_sentence_start(text, tokens, i)) and not settlement) or self.lex.group_name(span.text):
            return None  # "Residential area", "Towns": English words, unless the text calls them a village
        marked = _called(after, before, STRONG_PLACE_NOUNS)
        if j - i == 1 and (_sentence_start(text, tokens, i) or tokens[i].text.isupper()):
            return span if marked else None  # "Clashes in Hama", "IS in Homs": capitals that say nothing
        qualified = qualifier_before(text[max(0, span.start - 80):span.start]) is not None
        return span if marked or qualified or self._in_admin_unit(text[span.end:]) else None

    def _in_admin_unit(self, after: str) -> bool:
        """"Rasm Tineh in northeast Hama": a name placed in a province or district is a place."""
        m = _IN_UNIT.match(after)
        if not m:
            return False
        return any(self.gaz.place(h.pid).kind in ("region", "county") for h in self.gaz.by_key(keys(m.group("unit"))[0]))

    def _longest_at(self, text: str, tokens: list[Token], i: int, country: str | None) -> Span | None:
        """The longest run of words from token i that the gazetteer knows: same spelling, else same skeleton."""
        for j in range(_run_end(text, tokens, i, i + MAX_SPAN_TOKENS), i, -1):
            inner = tokens[i:j]
            plain_shape = all(t.name_like or plain(t.text) in CONNECTORS for t in inner) and inner[-1].name_like
            span_text = text[tokens[i].start:tokens[j - 1].end]
            key, skel = keys(span_text)
            if not key:
                continue
            places = [self.gaz.place(h.pid) for h in self.gaz.by_key(key)]
            if not plain_shape:
                places = [p for p in places if p.kind == "feature"]  # "Kuweires air base"
            if places:
                return Span(i, j, tokens[i].start, tokens[j - 1].end, span_text, places, exact=True)
            if plain_shape and len(skel) >= 3:  # a loose spelling is accepted only where the text cues a place
                hits = [h for h in self.gaz.by_skeleton(skel) if name_similarity(key, h.key) >= SKELETON_MIN_SIMILARITY]
                places = [p for p in (self.gaz.place(h.pid) for h in hits) if country is None or p.cc == country]
                if places:
                    return Span(i, j, tokens[i].start, tokens[j - 1].end, span_text, places, exact=False)
        return None

    # --- deciding which spans are places -----------------------------------------------------
    def _gate(self, text: str, tokens: list[Token], spans: list[Span], country: str | None) -> list[Span]:
        for span in spans:
            span.cued = self._cued(text, tokens, span)
        accepted = [self._accept(text, tokens, s, country) for s in spans]
        # a list shares its cue both ways: "shelled Kafr Nabl, Hass and Kafranbel"; "Hass and Kafr Nabl were hit"
        for order in (range(1, len(spans)), range(len(spans) - 2, -1, -1)):
            for k in order:
                other = k - 1 if order.step == 1 else k + 1
                a, b = sorted((spans[k], spans[other]), key=lambda s: s.start)
                if accepted[other] and not accepted[k] and _listed(text[a.end:b.start]):
                    spans[k].cued = True
                    accepted[k] = self._accept(text, tokens, spans[k], country)
        return [s for s, ok in zip(spans, accepted) if ok]

    def _cued(self, text: str, tokens: list[Token], span: Span) -> bool:
        before = [plain(t.text) for t in tokens[max(0, span.i - 3):span.i]]
        after = plain(tokens[span.j].text) if span.j < len(tokens) else ""
        if after in self.lex.type_after or COUNTRYSIDE_AFTER.match(text[span.end:]):
            return True
        if before and (before[-1] in self.lex.locative_before or before[-1] in _ARABIC_CUES):
            return True
        if len(before) >= 2 and before[-1] == "of" and before[-2] in self.lex.type_before_of:
            return True
        if len(before) >= 2 and before[-1] in ("the", "northern", "southern", "eastern", "western", "rural") and \
                before[-2] in self.lex.locative_before:
            return True
        if qualifier_before(text[max(0, span.start - 80):span.start]) is not None:
            return True
        if _PLACES_INCLUDING.search(text[max(0, span.start - 40):span.start]):
            return True
        return self._in_admin_unit(text[span.end:])

    def _accept(self, text: str, tokens: list[Token], span: Span, country: str | None) -> bool:
        lex = self.lex
        words = plain(span.text)
        content = [_ARTICLE.sub("", plain(t.text)) for t in tokens[span.i:span.j] if plain(t.text) not in CONNECTORS]
        if words in lex.not_places or (len(content) == 1 and content[0] in lex.not_places) or not content:
            return False
        if span.j - span.i == 1 and span.text.isupper() and len(span.text) <= 4 and span.kinds != {"country"}:
            return False  # an acronym ("IS", "SDF", "HTS"), not the village that shares its letters
        if content[0] in lex.given_names or " ".join(content[:2]) in lex.given_names:
            return span.cued and self._typed(text, tokens, span)
        before = plain(tokens[span.i - 1].text) if span.i > 0 else ""
        if before in lex.titles or SPEECH_AFTER.match(text[span.end:]) or any(is_demonym(w) for w in content):
            return False
        if HYPHEN_ADJECTIVE_AFTER.match(text[span.end:]):
            return False  # "Tehran-linked", "Saudi-paid": an adjective made of the name
        if span.kinds == {"country"}:
            return before in ("in", "inside", "into", "across", "throughout", "within", "from", "to", "towards",
                              "across", "of", "near", "entire", "northern", "southern", "eastern", "western")
        if not span.places:
            return True  # an unknown name: _unknown only keeps those a place noun marks
        if not span.exact:  # a loose spelling: cued, or a province/feature spelled nearly as the gazetteer does
            return span.cued or any(p.kind in ("region", "feature") for p in span.places) and \
                max(name_similarity(keys(span.text)[0], k) for k in self._keys_of(span)) >= STANDALONE_SIMILARITY
        if (ordinary_phrase(content, single_nouns=_sentence_start(text, tokens, span.i)) or lex.group_name(span.text)) and not self._known_well(span, country):
            return False  # "Traffic", "Victory": an English word the gazetteer knows only as a small place abroad
        if span.cued:
            return True
        if country is None:
            return any(_prominent(p, PROMINENT_POPULATION) for p in span.places)
        local = [p for p in span.places if p.cc == country]
        several_words = len(content) > 1
        return any(several_words or _prominent(p, LOCAL_PROMINENT_POPULATION) for p in local)

    def _known_well(self, span: Span, country: str | None) -> bool:
        """Spelled as the gazetteer spells a place of the focus country, or a prominent one anywhere."""
        return span.exact and any((country is not None and p.cc == country) or _prominent(p, PROMINENT_POPULATION)
                                  for p in span.places)

    def _keys_of(self, span: Span) -> list[str]:
        """The folded spellings of the provinces and features a loose span matched."""
        key, skel = keys(span.text)
        pids = {p.pid for p in span.places if p.kind in ("region", "feature")}
        return [h.key for h in self.gaz.by_skeleton(skel) if h.pid in pids] or [key]

    def _typed(self, text: str, tokens: list[Token], span: Span) -> bool:
        """Marked as a place by a place noun ("village of X", "X village"), not just a preposition."""
        after = plain(tokens[span.j].text) if span.j < len(tokens) else ""
        before = [plain(t.text) for t in tokens[max(0, span.i - 2):span.i]]
        return after in self.lex.type_after or (len(before) == 2 and before[1] == "of" and
                                                before[0] in self.lex.type_before_of)

    # --- qualifiers and admin hints ----------------------------------------------------------
    def _qualify(self, text: str, span: Span) -> None:
        level = LEVEL_AFTER.match(text[span.end:])
        if level is None and any(p.kind == "region" for p in span.places):
            level = _REGION_AFTER.match(text[span.end:])  # "Syria's Idlib region": the province, not its city
        if level:
            span.level_word = level.group("word").lower()
            span.end += level.end()
        span.qualifier = qualifier_before(text[max(0, span.start - 80):span.start])
        if span.qualifier == "near" and near_something_of(text[span.end:]):
            span.qualifier = None
        if span.qualifier is None and COUNTRYSIDE_AFTER.match(text[span.end:]):
            span.qualifier = "countryside of"

    def _link_hints(self, text: str, spans: list[Span]) -> list[Span]:
        """"Kafr Nabl in southern Idlib": Idlib becomes Kafr Nabl's admin hint, not a place of its own."""
        for first, second in zip(spans, spans[1:]):
            between = HINT_BETWEEN.match(text[first.end:second.start])
            if between and self._admin_like(text, second, between, comma=text[first.end:second.start].strip() == ","):
                if not first.drop:  # "X, 5 km south of Y" keeps the distance: the resolver looks that far from Y
                    first.admin_hint = _with_distance(between, second.text)
                second.drop = True  # "X of Y city in northern Z": Y is X's hint; Z only narrows Y
        kept = [s for s in spans if not s.drop]
        for k in range(len(kept) - 2, -1, -1):  # "Kafr Zeita and Latamneh in northern Hama": the list shares it
            if kept[k].admin_hint is None and kept[k + 1].admin_hint and _listed(text[kept[k].end:kept[k + 1].start]):
                kept[k].admin_hint = kept[k + 1].admin_hint
        return kept

    def _admin_like(self, text: str, span: Span, between: re.Match, comma: bool) -> bool:
        marked = span.level_word is not None or between.group("dir") or between.group("rural") or \
            between.group("ar_level") or \
            COUNTRYSIDE_AFTER.match(text[span.end:]) is not None or "of" in between.group(0).split()[-1:]
        if span.kinds & {"region", "county"} or between.group("ref"):
            return True  # a province, a district, or the reference of "X, 5 km south of Y"
        if marked:
            return True
        if comma:
            return False
        if "subdistrict" in span.kinds and not _called_settlement(text[span.end:]):
            return True  # "Khalil village in Sharan" (a sub-district), not "... in Khan Shaykhun town"
        return any(p.kind == "locality" and p.population >= HINT_CITY_POPULATION for p in span.places)

    def _is_fallback(self, span: Span) -> bool:
        return span.kinds == {"country"} or (
            span.kinds == {"feature"} and all(p.fcode in FALLBACK_KINDS for p in span.places))


def _called_settlement(after: str) -> bool:
    m = re.match(r"\s+([a-z]+)", after)
    return m is not None and m.group(1) in SETTLEMENT_NOUNS


def _adjective(word: str) -> bool:
    """"YPG-controlled", "Turkish-backed": an adjective made of a name (not "Al-bab", an article and a name)."""
    return HYPHEN_ADJECTIVE.search(word) is not None and re.split(r"[-‐]", word, maxsplit=1)[0].lower() not in CONNECTORS


def _run_end(text: str, tokens: list[Token], i: int, limit: int) -> int:
    """One past the last token (before `limit`) of the run of words that starts at token i: `_gap` is
    false for i..j exactly when j is at most this."""
    j = i + 1
    while j < min(len(tokens), limit) and not text[tokens[j - 1].end:tokens[j].start].strip(" -'’"):
        j += 1
    return j


def _gap(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """True when the tokens i..j-1 are not one run of words (a comma, a full stop between them)."""
    for a, b in zip(tokens[i:j], tokens[i + 1:j]):
        if text[a.end:b.start].strip(" -'’"):
            return True
    return False


def _sentence_start(text: str, tokens: list[Token], i: int) -> bool:
    return i == 0 or re.search(r"[.!?;:\n\"“]\s*$", text[tokens[i - 1].end:tokens[i].start]) is not None


def _prominent(p: PlaceRow, population: int) -> bool:
    return p.kind in ("region", "county", "feature") or (p.kind == "locality" and p.population >= population)


def _called(after: str, before: list[str], nouns: frozenset[str]) -> bool:
    """The text calls the name one of `nouns`: "X village", "the village of X"."""
    return after in nouns or (len(before) == 2 and before[1] == "of" and before[0] in nouns)


def _abroad_region(span: Span, country: str) -> bool:
    return all(p.cc != country and p.kind in ("region", "county") for p in span.places)


def _with_distance(between: re.Match, reference: str) -> str:
    """"X, 5 km south of Y": Y as the hint, with the distance the resolver looks for ("5 km south of Y")."""
    stated = re.match(r"\s*,?\s*(\d+(?:\.\d+)?)\s*(km|kms|kilomet\w*|miles?)", between.group(0), re.IGNORECASE) \
        if between.group("ref") else None
    return distance_hint(stated.group(1), stated.group(2), between.group("ref"), reference) if stated else reference


def _listed(between: str) -> bool:
    return re.fullmatch(r"\s*(?:,|and|or|,\s*and|&|،|و)\s*", between, re.I) is not None
