"""The word lists recognition uses (sitrep/data/gazetteer/recognition.yaml), and the qualifier patterns."""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.lookups import Lookups

from sitrep.countries import to_iso2
from sitrep.geo.normalize import DATA_DIR
from sitrep.nlp import MODEL_MODULES

CONNECTORS = frozenset({"al", "el", "ez", "ash", "esh", "an", "en", "as", "es", "ad", "ed", "ar", "er", "at", "et",
                        "az", "ech", "bin", "ibn", "bani", "beni", "de", "du", "la", "le", "um", "umm", "abu",
                        "wa", "wal"})  # "Khabb wa ash Sha'af"
# "al-Bab", "al-'Amiriyah" (an ʿayn mark after the article): a lower-case article opens a name
ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ed|en|er|es|et|ez)[-‐][ʿʾ'’‘`]?[A-ZĀ-ſḀ-ỿ]")
SPEECH_AFTER = re.compile(r"^\s*(?:said|says|told|tells|stated|added|claimed|announced|warned|denied|accused)\b", re.I)

_DIRS = r"(?:north|south|east|west)(?:-?(?:east|west))?"
_TOWN_OF = r"(?:the\s+)?(?:(?:town|city|village|area|district|camp|neighbou?rhood)\s+of\s+)?"
# qualifiers read backwards from a place name: (pattern ending where the name starts, qualifier)
QUALIFIERS_BEFORE: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\bon\s+the\s+(?:edges?|fringes?|periphery)\s+of\s+" + _TOWN_OF + r"$", re.I), "on the edge of"),
    (re.compile(r"\b(?:the\s+)?(?:" + _DIRS + r"(?:ern)?\s+)?(?:outskirts?|edges?|fringes?|periphery)\s+of\s+" + _TOWN_OF + r"$", re.I),
     "outskirts of"),
    (re.compile(r"\b(?:the\s+)?(?:(?:" + _DIRS + r")(?:ern)?\s+)?(?:countryside|suburbs?|environs|surroundings|hinterland|countrysides|desert|badia)"
                r"\s+of\s+(?:the\s+)?(?:(?:town|city)\s+of\s+)?$", re.I), "countryside of"),
    (re.compile(r"\b(?:rural|reef)\s+$", re.I), "countryside of"),
    (re.compile(r"\b(?:near|close\s+to|in\s+the\s+vicinity\s+of|vicinity\s+of|around|outside|next\s+to|"
                r"not\s+far\s+from|on\s+the\s+road\s+to|in\s+the\s+area\s+of|on\s+the\s+outskirts\s+of)\s+" + _TOWN_OF + r"$",
                re.I), "near"),
    (re.compile(r"\b(?:the\s+area\s+|areas\s+|positions\s+)?(?:\d+(?:\.\d+)?\s*(?:km|kms|kilometers?|kilometres?|miles?)\s+)?"
                r"(?P<dir>" + _DIRS + r")\s+of\s+" + _TOWN_OF + r"$", re.I), "{dir} of"),
    (re.compile(r"\bbetween\s+" + _TOWN_OF + r"$", re.I), "between"),
    (re.compile(r"\b(?P<dir>" + _DIRS + r")(?:ern)?\s+$", re.I), "{dir}ern part of"),
    (re.compile(r"(?:ريف|أرياف|ارياف)\s+$"), "countryside of"),
    (re.compile(r"(?:قرب|بالقرب\s+من|محيط|أطراف|اطراف)\s+(?:بلدة\s+|مدينة\s+|قرية\s+)?$"), "near"),
]
# "in Idlib *southern* countryside", "in Aleppo's northern countryside": the part of the hint's province, named after it
DIRECTION_AFTER = re.compile(r"^(?:['’]s)?\s+(?P<dir>" + _DIRS + r")(?:ern)?\s+(?:countryside|suburbs|outskirts|parts?|rural)\b",
                             re.I)
COUNTRYSIDE_AFTER = re.compile(r"^(?:['’]s)?\s+(?:(?:" + _DIRS + r")(?:ern)?\s+)?(?:countryside|suburbs|outskirts)\b", re.I)
LEVEL_AFTER = re.compile(r"^\s+(?P<word>province|governorate|district|sub-?district)\b", re.I)
# between two names: the second is the first one's admin hint ("Kafr Nabl in southern Idlib")
HINT_BETWEEN = re.compile(
    r"^(?:\s+(?:village|town|city|area|neighbou?rhood|suburbs?|quarter|district|camp))?\s*(?:,|\(|\bin\b|\bof\b)\s*(?:the\s+)?"
    r"(?:(?P<dir>" + _DIRS + r"|central)(?:ern)?\s+)?(?:(?:countryside|suburbs|outskirts|province|governorate|district)\s+of\s+"
    r"(?:the\s+)?)?(?P<rural>rural\s+)?$"
    r"|^\s*(?:في|ب)\s*(?P<ar_level>(?:ريف|محافظة|منطقة)\s+)?$"
    r"|^\s*,?\s*(?:\d+(?:\.\d+)?\s*(?:km|kms|kilometers?|kilometres?|miles?)\s+)?(?P<ref>" + _DIRS + r")\s+of\s+"
    r"(?:the\s+(?:town|city|village)\s+of\s+)?$", re.I)


@dataclass(frozen=True)
class Lexicon:
    not_places: frozenset[str]
    given_names: frozenset[str]
    titles: frozenset[str]
    locative_before: frozenset[str]
    type_after: frozenset[str]
    type_before_of: frozenset[str]
    facility_words: tuple[str, ...]  # longest first
    group_name_tails: tuple[str, ...]

    def group_name(self, name: str) -> bool:
        """"Suqour al-Sham": a name that ends as armed groups' names do."""
        text = plain(name)
        return any(text.endswith(" " + tail) and text != tail for tail in self.group_name_tails)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = yaml.safe_load((DATA_DIR / "gazetteer" / "recognition.yaml").read_text(encoding="utf-8"))

    def words(name: str) -> frozenset[str]:
        return frozenset(plain(str(w)) for w in data[name])

    facilities = tuple(sorted((plain(str(w)) for w in data["facility_words"]), key=len, reverse=True))
    return Lexicon(words("not_places"), words("given_names"), words("titles"), words("locative_before"),
                   words("type_after"), words("type_before_of"), facilities,
                   tuple(plain(str(w)) for w in data.get("group_name_tails", ())))


def facility_core(name: str) -> str | None:
    """"Tiyas Military Airbase" -> "tiyas"; None when the name does not end with a facility word."""
    text = plain(name)
    for word in lexicon().facility_words:
        if text.endswith(" " + word):
            return text[: -len(word) - 1].strip() or None
    return None


def plain(text: str) -> str:
    """Lower case, apostrophes out, hyphens as spaces: how the word lists are compared."""
    return " ".join(re.sub(r"['’`ʿʾ]", "", text.lower()).replace("-", " ").split())


def near_something_of(after: str) -> bool:
    """"near Ankara's main railway station": the "near" is the station's, which lies in the place itself."""
    return POSSESSIVE_AFTER.match(after) is not None and COUNTRYSIDE_AFTER.match(after) is None


POSSESSIVE_AFTER = re.compile(r"^['’]s\s")


def qualifier_before(prefix: str) -> str | None:
    for pattern, label in QUALIFIERS_BEFORE:
        m = pattern.search(prefix)
        if m:
            return label.format(dir=m.group("dir").lower()) if "{dir}" in label else label
    return None


# --- words that are not names --------------------------------------------------------------------------
_DEMONYM_ENDINGS = (("ians", ""), ("ian", ""), ("ans", "a"), ("an", "a"), ("ns", ""), ("n", ""), ("is", ""), ("i", ""),
                    ("ese", ""), ("ese", "on"), ("ites", ""), ("ite", ""))
_CONTINENTS = frozenset({"africa", "asia", "europe", "america", "oceania", "australia"})
_INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"))
# the tail of "IRGC-linked", "Saudi-paid", "NON-frontline": a hyphen then a lower-case word makes an adjective
_HYPHEN_SUFFIX = r"[-‐][a-z]{3,}"  # "IRGC-linked", "Saudi-paid": an adjective made of a name
HYPHEN_ADJECTIVE = re.compile(_HYPHEN_SUFFIX + "$")  # the word ends with it
HYPHEN_ADJECTIVE_AFTER = re.compile(_HYPHEN_SUFFIX)  # the text after a name opens with it (use .match)


def is_demonym(word: str) -> bool:
    """"Bahrainis", "Qatari", "Egyptians", "African": a country's or continent's people, not a place."""
    w = plain(word).replace(" ", "")
    if len(w) < 5 or not w.isalpha():
        return False
    for ending, restore in _DEMONYM_ENDINGS:
        if w.endswith(ending):
            stem = w[: -len(ending)] + restore
            if len(stem) >= 3 and (stem in _CONTINENTS or (len(stem) > 3 and to_iso2(stem) is not None)):
                return True
    return False


@lru_cache(maxsize=1)
def _english_index() -> dict[str, frozenset[str]]:
    """English lemmas by part of speech (WordNet's index, shipped with the spaCy model's lemmatizer)."""
    for name in MODEL_MODULES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in Path(next(iter(spec.submodule_search_locations))).glob("*/lemmatizer/lookups"):
            table = Lookups().from_disk(folder).get_table("lemma_index")
            return {pos: frozenset(table[pos]) for pos in ("noun", "verb", "adj", "adv")}
    return {}


def common_word(word: str, nouns: bool = False) -> bool:
    """An English word, not a name: an adjective, verb or adverb ("Residential", "Distributed"), an inflected
    form ("Towns", "Checkpoints", "Moving"), and, with `nouns`, any noun ("Victory", "Department"). WordNet lists
    some proper names among its nouns ("aleppo"), so a bare singular noun counts only when the caller asks."""
    w = word.lower()
    if len(w) < 3 or not w.isalpha():
        return False
    index = _english_index()
    if not index:
        return False
    if any(w in index[pos] for pos in ("verb", "adj", "adv")) or (nouns and w in index["noun"]):
        return True
    return any(w.endswith(end) and len(w) - len(end) >= 3 and (w[: -len(end)] + add) in lemmas
               for end, add in _INFLECTIONS for lemmas in index.values())


def ordinary_phrase(words: list[str], single_nouns: bool) -> bool:
    """Ordinary English, not a name: "Moving Target", "Ground Fighting", "Residential", and, with `single_nouns`,
    a lone noun ("Traffic"). A phrase must open with a word that is no bare noun, since WordNet's nouns hold names
    ("Baghdad Street", "Damascus Central Prison", "Tehran Wagon" name places or firms in places)."""
    content = [w for w in words if w and plain(w) not in CONNECTORS]
    if len(content) == 1:
        return common_word(content[0], nouns=single_nouns)
    return bool(content) and common_word(content[0]) and all(common_word(w, nouns=True) for w in content[1:])
