"""The codebook (sitrep/data/codebook.yaml): the taxonomy, and the ordered rules that type a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from sitrep.extract.alternation import Alternation
from sitrep.paths import DATA_DIR

DEFAULT_CODEBOOK = DATA_DIR / "codebook.yaml"


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """A codebook trigger: case-insensitive, anchored on word boundaries."""
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class Trigger:
    """One trigger: every part must match the sentence; the first part locates the trigger."""

    parts: tuple[re.Pattern[str], ...]

    def search(self, text: str) -> re.Match[str] | None:
        first = self.parts[0].search(text)
        if first is None:
            return None
        for part in self.parts[1:]:
            if part.search(text) is None:
                return None
        return first


@dataclass(frozen=True)
class Rule:
    event_type: str
    sub_event_type: str
    triggers: tuple[Trigger, ...]
    unless: tuple[re.Pattern[str], ...] = ()
    actor1: str | None = None  # "home_state" | "not_home_state"
    target: str | None = None  # "civilians"
    needs_actor: bool = False

    single: re.Pattern[str] | None = field(default=None, compare=False, repr=False)  # one-part triggers, as one regex
    multi: tuple[Trigger, ...] = field(default=(), compare=False, repr=False)  # triggers with several parts

    def first_match(self, text: str) -> re.Match[str] | None:
        """The earliest trigger match in `text`, unless an exclusion pattern matches."""
        # the alternation finds the leftmost match, and at one position the earliest trigger: as if each
        # trigger were searched in turn, in one scan
        best = self.single.search(text) if self.single is not None else None
        for trigger in self.multi:
            found = trigger.search(text)
            if found and (best is None or found.start() < best.start()):
                best = found
        if best is None or any(p.search(text) for p in self.unless):
            return None
        return best


@dataclass(frozen=True)
class SubType:
    event_type: str
    name: str
    code: str
    examples: tuple[str, ...]


@dataclass
class Codebook:
    sub_types: dict[str, SubType]
    rules: list[Rule]
    prefilter: Alternation = field(repr=False)  # any rule's trigger (its first part)
    not_events: tuple[re.Pattern[str], ...] = ()  # accidents, disasters, crime, claims of responsibility
    civilian_targets: re.Pattern[str] | None = field(default=None, repr=False)

    def tells_no_event(self, text: str) -> bool:
        return any(p.search(text) for p in self.not_events)

    def type_of(self, sub_event_type: str) -> str:
        return self.sub_types[sub_event_type].event_type

    @property
    def event_types(self) -> list[str]:
        return list(dict.fromkeys(s.event_type for s in self.sub_types.values()))


def _trigger(spec: str | dict) -> Trigger:
    parts = spec["all"] if isinstance(spec, dict) else [spec]
    return Trigger(tuple(compile_pattern(p) for p in parts))


def parse_codebook(data: dict) -> Codebook:
    sub_types: dict[str, SubType] = {}
    for event_type, members in data["types"].items():
        for name, info in members.items():
            sub_types[name] = SubType(event_type, name, info.get("code", "OTHER"), tuple(info.get("examples", ())))
    rules = []
    first_parts: list[str] = []
    for spec in data["rules"]:
        name = spec["sub_type"]
        if name not in sub_types:
            raise ValueError(f"codebook rule names an unknown sub-type: {name!r}")
        singles = [t for t in spec["triggers"] if not isinstance(t, dict)]
        rules.append(
            Rule(
                event_type=sub_types[name].event_type,
                sub_event_type=name,
                triggers=tuple(_trigger(t) for t in spec["triggers"]),
                unless=tuple(compile_pattern(p) for p in spec.get("unless", ())),
                actor1=spec.get("actor1"),
                target=spec.get("target"),
                needs_actor=bool(spec.get("needs_actor", False)),
                single=compile_pattern("|".join(f"(?:{t})" for t in singles)) if singles else None,
                multi=tuple(_trigger(t) for t in spec["triggers"] if isinstance(t, dict)),
            )
        )
        for t in spec["triggers"]:
            first_parts.append(t["all"][0] if isinstance(t, dict) else t)
    # every trigger at once, on every sentence: worth reading which patterns can start at a word (see alternation)
    prefilter = Alternation(first_parts, compile_pattern)
    targets = data.get("civilian_targets")
    return Codebook(
        sub_types=sub_types, rules=rules, prefilter=prefilter,
        not_events=tuple(compile_pattern(p) for p in data.get("not_events", ())),
        civilian_targets=compile_pattern(targets) if targets else None,
    )


@lru_cache(maxsize=4)
def load_codebook(path: str | None = None) -> Codebook:
    """The bundled codebook, or a user's file with the same layout."""
    text = Path(path or DEFAULT_CODEBOOK).read_text(encoding="utf-8")
    return parse_codebook(yaml.safe_load(text))
