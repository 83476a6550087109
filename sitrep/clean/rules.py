"""Boilerplate line rules, loaded from `sitrep/data/clean/boilerplate.yaml`.

`match(text)` names the first rule category a line falls under (and its role), or None for a line
that no rule claims. Every matcher is a set lookup or one compiled, linear regex per category.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from sitrep.paths import data_file

_EDGE_PUNCT = " \t\"'`*_~|•·»«›‹>→←▶►◀▸-–—:;,.!?()[]{}#+=/\\"
_WORD = re.compile(r"[\w'’&+-]+", re.UNICODE)


@dataclass(frozen=True)
class Rule:
    category: str
    role: str
    per_sentence: bool = False  # a paragraph loses only the sentences the rule matches


@dataclass(frozen=True)
class _Category:
    rule: Rule
    exact: frozenset[str]
    contains: re.Pattern | None
    max_words: int
    short: re.Pattern | None
    short_words: int
    starts: re.Pattern | None
    starts_words: int
    patterns: re.Pattern | None
    vocabulary: frozenset[str]
    vocabulary_needs: frozenset[str]


def normalise(text: str) -> str:
    """Lower-cased, whitespace collapsed: the form every rule sees."""
    return " ".join(text.lower().split())


def key(text: str) -> str:
    """`normalise` plus surrounding punctuation/bullets stripped: the form `exact` rules see."""
    return normalise(text).strip(_EDGE_PUNCT)


def _phrase_regex(phrases: list[str], anchored_start: bool = False) -> re.Pattern | None:
    if not phrases:
        return None
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        body = re.escape(phrase.lower())
        left = r"\b" if re.match(r"\w", phrase) else ""
        right = r"\b" if re.search(r"\w$", phrase) else ""
        parts.append(f"{left}{body}{right}")
    prefix = r"^[^\w]*(?:" if anchored_start else "(?:"
    return re.compile(prefix + "|".join(parts) + ")")


def _compile(name: str, spec: dict) -> _Category:
    patterns = spec.get("patterns") or []
    return _Category(
        rule=Rule(name, spec.get("role", "drop"), bool(spec.get("per_sentence", False))),
        exact=frozenset(key(t) for t in spec.get("exact") or []),
        contains=_phrase_regex(spec.get("contains") or []),
        max_words=int(spec.get("max_words", 60)),
        short=_phrase_regex(spec.get("short") or []),
        short_words=int(spec.get("short_words", 12)),
        starts=_phrase_regex(spec.get("starts") or [], anchored_start=True),
        starts_words=int(spec.get("starts_words", 6)),
        patterns=re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None,
        vocabulary=frozenset(spec.get("vocabulary") or []),
        vocabulary_needs=frozenset(spec.get("vocabulary_needs") or []),
    )


@lru_cache(maxsize=1)
def categories() -> tuple[_Category, ...]:
    text = data_file("clean/boilerplate.yaml").read_text(encoding="utf-8")
    return tuple(_compile(name, spec) for name, spec in yaml.safe_load(text).items())


def _vocabulary_only(cat: _Category, words: list[str]) -> bool:
    if not cat.vocabulary or not words:
        return False
    lowered = [w.lower().strip("'’") for w in words if not w.replace(",", "").replace(".", "").isdigit()]
    if not lowered or not all(w in cat.vocabulary or w.rstrip("s") in cat.vocabulary for w in lowered):
        return False
    return not cat.vocabulary_needs or any(w in cat.vocabulary_needs for w in lowered)


def match(text: str) -> Rule | None:
    """The rule a line falls under, or None."""
    low = normalise(text)
    if not low:
        return None
    stripped = low.strip(_EDGE_PUNCT)
    words = _WORD.findall(low)
    n_words = len(words)
    for cat in categories():
        if stripped in cat.exact:
            return cat.rule
        if cat.contains is not None and n_words <= cat.max_words and cat.contains.search(low):
            return cat.rule
        if cat.short is not None and n_words <= cat.short_words and cat.short.search(low):
            return cat.rule
        if cat.starts is not None and n_words <= cat.starts_words and cat.starts.search(low):
            return cat.rule
        if cat.patterns is not None and cat.patterns.search(low):
            return cat.rule
        if n_words <= 12 and _vocabulary_only(cat, words):
            return cat.rule
    return None
