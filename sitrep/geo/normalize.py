"""Transliteration-aware keys for place names.

`fold(name)` is the exact key: "Ma'arrat an-Nu'man", "Maarat al-Numan" and "Marat al Numan" all fold to
"maarat numan" (apostrophes and ʿayn marks gone, articles dropped, common spellings of "Kafr", "Tal",
"Deir", "Jabal"... unified, see data/gazetteer/transliteration.yaml).
`skeleton(key)` is the loose key used to find candidates: consonants only, sound-alike letters merged,
doubled letters collapsed, so "Khan Sheikhoun" and "Khan Shaykhun", "Kafranbel" and "Kafr Nabl" meet.
Candidates found through the skeleton are ranked by string similarity, never accepted on the key alone.
Arabic script folds to its own key (hamza and ta marbuta forms unified, vowel marks and the article gone).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import yaml
from unidecode import unidecode

from sitrep.paths import DATA_DIR

_MARKS = re.compile(r"[ʿʾʼʻ`´'’‘ʹʽ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_ARABIC_CHARS = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]")
_ARABIC_DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_ARABIC_NON_LETTERS = re.compile(r"[^\u0621-\u064A\u0660-\u0669\u0671-\u06D3 ]+")
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ک": "ك", "ی": "ي"})
_VOWELS = set("aeiouyw")



@lru_cache(maxsize=1)
def _rules() -> dict:
    rules = yaml.safe_load((DATA_DIR / "gazetteer" / "transliteration.yaml").read_text(encoding="utf-8"))
    synonyms = {}
    for canonical, variants in (rules.get("synonyms") or {}).items():
        for variant in variants or []:
            synonyms[str(variant)] = str(canonical)
    return {
        "articles": frozenset(str(a) for a in rules["articles"]),
        "synonyms": synonyms,
        "letter_groups": [(str(a), str(b)) for a, b in rules["letter_groups"]],
        "twin_words": frozenset(str(w) for w in rules.get("twin_words", [])),
        "generic_words": frozenset(str(w) for w in rules.get("generic_words", [])),
        "landform_words": frozenset(str(w) for w in rules.get("landform_words", [])),
        "twin_translations": {str(k): [str(v) for v in vs] for k, vs in (rules.get("twin_translations") or {}).items()},
    }


def is_arabic(text: str) -> bool:
    return bool(_ARABIC_CHARS.search(text))


def latin_tokens(text: str) -> list[str]:
    """Lower-case ASCII words of a Latin-script name, marks removed ("Ma'arrat" -> "maarrat")."""
    text = _MARKS.sub("", unicodedata.normalize("NFKC", text))
    return [t for t in _NON_ALNUM.split(unidecode(text).lower()) if t]


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """The exact comparison key of a name ("" when nothing is left)."""
    if is_arabic(name):
        return arabic_fold(name)
    rules = _rules()
    tokens = latin_tokens(name)
    kept: list[str] = []
    for i, token in enumerate(tokens):
        if token in rules["articles"] and i + 1 < len(tokens):
            continue
        kept.append(rules["synonyms"].get(token, token))
    return " ".join(kept)


def arabic_fold(name: str) -> str:
    text = _ARABIC_DIACRITICS.sub("", unicodedata.normalize("NFKC", name)).translate(_ARABIC_LETTERS)
    tokens = _ARABIC_NON_LETTERS.sub(" ", text).split()
    out = []
    for token in tokens:
        if token.startswith("ال") and len(token) > 3:
            token = token[2:]
        out.append(token)
    return " ".join(out)


_GLUED_ARTICLE = re.compile(r"^(?:al|el)(?=[a-z]{3,}$)")


def unglued(key: str) -> str:
    """A folded key with an article run into a later word dropped: "dahiet elasad" -> "dahiet asad", "orm eljoz" ->
    "orm joz" (news write "Elasad" for "al-Asad"). Used for finding and comparing only, never as the exact key."""
    words = key.split()
    return " ".join([words[0], *(_GLUED_ARTICLE.sub("", w) for w in words[1:])]) if len(words) > 1 else key


@lru_cache(maxsize=200_000)
def skeleton(key: str) -> str:
    """Consonant skeleton of a folded key: "khan sheikhoun" -> "xn$xn", "kafr nabl" -> "kfrnbl".

    The first word keeps its opening vowel as "A" ("Idlib" "Idleb" -> "Adlb"); later words lose it,
    which also absorbs an article run into the word ("Deir Ezzor" = "Deir ez-Zor").
    """
    if not key or is_arabic(key):
        return key.replace(" ", "")
    groups = _rules()["letter_groups"]
    parts = []
    for i, token in enumerate(unglued(key).split()):
        for src, dst in groups:
            if src in token:
                token = token.replace(src, dst)
        part = _consonants(token, keep_initial_vowel=(i == 0))
        if parts and part and parts[-1].endswith(part[0]):
            part = part[1:]  # "Kafr Ruma" = "Kafruma": a letter shared across the join is written once
        parts.append(part)
    return "".join(parts)


def _consonants(token: str, keep_initial_vowel: bool) -> str:
    out: list[str] = []
    previous = ""
    for j, ch in enumerate(token):
        doubled = ch == previous  # "qq" in "Raqqa" is one sound; the two m of "Hamam" are not
        previous = ch
        if ch in _VOWELS:
            if j == 0 and ch in "yw":
                out.append(ch)
            elif j == 0 and keep_initial_vowel:
                out.append("A")
            continue
        if not doubled:
            out.append(ch)
    if len(out) > 1 and out[-1] == "h" and token.endswith("h"):
        out.pop()  # "Raqqah" = "Raqqa", "Hamah" = "Hama"
    return "".join(out)


_VOWEL_CLASSES = str.maketrans({"e": "a", "o": "u", "y": "i", "w": "u"})
_ENDINGS = re.compile(r"(?:ah|eh|at|et|a|e|h)\b")


@lru_cache(maxsize=200_000)
def sound(key: str) -> str:
    """A folded key with sound-alike spellings merged, for comparing two names: "hezzeh" and "hazzah" -> "haza"."""
    groups = _rules()["letter_groups"]
    words = []
    for token in key.split():
        for src, dst in groups:
            if src in token:
                token = token.replace(src, dst)
        token = _ENDINGS.sub("a", token.translate(_VOWEL_CLASSES))
        words.append(re.sub(r"(.)\1+", r"\1", token))
    return " ".join(words)


def without_twin_words(key: str) -> str:
    """A folded key without the words that tell twin villages apart ("tal abu rweil sharqi" -> "tal abu rweil")."""
    kept = [t for t in key.split() if t not in _rules()["twin_words"]]
    return " ".join(kept) if kept and not all(t in _rules()["generic_words"] for t in kept) else ""


def twin_variants(name: str) -> list[str]:
    """"Western Ghariyeh" -> ["Ghariyeh Gharbi", "Ghariyeh Gharbiyah"]: how the gazetteer names twin villages."""
    first, _, rest = name.strip().partition(" ")
    forms = _rules()["twin_translations"].get(first.lower())
    if not forms or not rest.strip():
        return []
    return [f"{rest.strip()} {form}" for form in forms]


def landform_rest(name: str) -> str | None:
    """"Jabal Kaftin" -> "Kaftin", "Tal Abu Rweil" -> "Abu Rweil": the name a landform is named after, else None."""
    words = name.split()
    if len(words) < 2 or fold(words[0]) not in _rules()["landform_words"]:
        return None
    rest = " ".join(words[1:])
    return rest if fold(rest) and not is_generic(fold(rest)) else None


def is_generic(key: str) -> bool:
    """True for a key made only of words such as "kafr", "tal", "jabal": a kind of place, not a name."""
    return all(t in _rules()["generic_words"] for t in key.split())


def keys(name: str) -> tuple[str, str]:
    """(fold, skeleton) of a name."""
    key = fold(name)
    return key, skeleton(key)
