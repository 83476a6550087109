"""Place phrases of one sentence, and which of them are where the event happened.

Candidates come from the geocoder's toponym recognition (`Geocoder.find_places`), from spaCy's
named entities (GPE/LOC/FAC) and from patterns ("the village of X", "shelled X", "X, Y and Z").
Each is then given a role: `event` (one event per such place), `admin` ("in southern Idlib",
"Hama countryside": a hint for the place before it), `reference` (", east of Baquba" after a place),
`origin` ("fired from X" when the target is named) or `country`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sitrep.countries import to_iso2
from sitrep.extract.containers import holding_lists, provinces_after_places
from sitrep.geo.lexicon import HYPHEN_ADJECTIVE, common_word, is_demonym, lexicon, near_something_of, ordinary_phrase
from sitrep.geo.location import distance_hint
from sitrep.model import PlacePhrase

_PARTICLE = r"(?:al|el|an|ad|ar|as|ash|at|az|ed|en|er|es|et|ez|bin|ibn|wal|abu|umm|de|du)"
_WORD = rf"(?:{_PARTICLE}[-'’])?(?-i:[A-Z])[\w'’]*(?:-[\w'’]+)*"
CAPSEQ = rf"{_WORD}(?:\s+(?:{_PARTICLE}[-\s])?{_WORD}){{0,3}}"
_DIRECTION = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
_REGION_ADJ = rf"(?:{_DIRECTION}(?:ern)?|central|rural|greater|upper|lower|eastern|western|northern|southern)"
_QUALIFIER_BEFORE = [
    ("outskirts of", re.compile(r"(?:outskirts|edges?|periphery|environs|surroundings|suburbs?) of (?:the )?(?:(?:town|village|city) of )?$", re.I)),
    ("vicinity of", re.compile(r"vicinity of (?:the )?(?:(?:town|village|city) of )?$", re.I)),
    ("countryside of", re.compile(rf"(?:(?:{_REGION_ADJ})[- ])?(?:countryside|country side|rural areas|parts|part|areas) of (?:the )?(?:(?:town|city|province|governorate) of )?$", re.I)),
    ("near", re.compile(r"\b(?:near|close to|around|outside|next to|adjacent to|off) (?:the )?(?:(?:town|village|city) of )?$", re.I)),
    ("direction of", re.compile(rf"\b(?:\d+\s*(?:km|kilometers|kilometres|miles)\s+)?(?P<dir>{_DIRECTION}) of (?:the )?(?:(?:town|village|city) of )?$", re.I)),
    ("between", re.compile(r"\bbetween (?:the )?(?:(?:towns|villages|cities) of )?$", re.I)),
]
_ADMIN_BEFORE = re.compile(rf"\b(?:{_REGION_ADJ})(?:\s+(?:countryside of|parts of))?\s+(?:the\s+)?$|"
                           r"\b(?:province|governorate|region) of\s+(?:the\s+)?$", re.I)
# "In Jizan, Houthi forces shelled ...": a place that opens the sentence before a comma sets the scene
_SCENE = re.compile(r"^\s*(?:In|At)\s+(?:the\s+)?(?:(?:\w+ern|central)\s+)?"
                    r"(?:(?:[\w-]+\s+){0,3}?(?:province|governorate|region|district|city|town) of\s+)?$")
# "In Majaz district of Saada, ...", "In Jizan, ...": what follows the scene-setting place before its comma
_SCENE_AFTER = re.compile(r"^(?:\s+(?:province|governorate|district|region|city))?(?:\s+of\s+(?:the\s+)?"
                          r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?\s*,")
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:(?:town|village|city|area|direction) of\s+)?$", re.I)
# a withdrawal from a place happens there: "withdrew from Avdiivka", "drove IS out of Sirte"
_LEFT_FROM = re.compile(r"\b(?:withdr[ae]w\w*|withdrawal|pull(?:ed|ing|s)? (?:out|back)|pull-out|retreat\w*|expelled|driven|drove|ousted|"
                        r"evacuat\w*|fled|fleeing)[,\s]+(?:\S+\s+){0,4}?from\s+(?:the\s+)?(?:(?:town|village|city|area) of\s+)?$", re.I)
_LIST_NEXT = re.compile(rf"^\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+(?:(?:town|village|city)\s+of\s+)?)?(?P<name>{CAPSEQ})")
_PART_OF_CITY = re.compile(
    r"^\s+(?:neighbou?rhoods?|streets?|squares?|quarters?|roads?|roundabouts?|junctions?|blocks?|markets?|bridges?)\b"
    rf"(?!.*\b{_REGION_ADJ}\b)", re.I)
# "Idlib's Jisr al-Shughur", "Damascus city's Jaramana suburb": the first place holds the second
_POSSESSIVE = re.compile(r"^(?:\s+(?:city|town|province|governorate|district|region|area))?['’]s\s+(?:the\s+)?$", re.IGNORECASE)
# "the Aden Mall area in Kritir": a building or site named in a place is coded at that place
_FACILITY_NAME = re.compile(r"\b(?:mall|market|hospital|university|stadium|square|roundabout|mosque|school|hotel|prison|palace)$",
                            re.IGNORECASE)
_CITY_BEFORE = re.compile(r"\bcity of\s+(?:the\s+)?$", re.I)
_CITY_AFTER = re.compile(r"^\s+city\b", re.I)
_REFERENCE_WORDS = re.compile(r"\b(?:vicinity|outskirts|near|close|edges?|direction)\b", re.I)
_ORGANISATION_OF = re.compile(
    r"\b(?:Ministry|Minister|Department|Office|Council|University|Bank|Directorate|Commission|Court|Chamber|Union|League|"
    r"Institute|College|Academy|Governor|Mayor|Secretary|Bureau|Agency|Authority|Army|Brigades?|Battalions?|Front|Corps|"
    r"Movement|Party|Forces|Division|Regiment|Lions|Soldiers|Partisans|Guardians|Sons)\s+of\s+(?:the\s+)?(?:[A-Z]\w*\s+(?:and|&)\s+)?$")
# "X in Y, Z and W": a list goes on after Y ("in Afrin, Aleppo, killing": Aleppo holds Afrin, no list)
_LIST_AFTER = re.compile(rf"^\s*(?:,\s*and\s+|\s+and\s+)(?:the\s+)?{CAPSEQ}"
                         rf"|^\s*,\s*(?:the\s+)?{CAPSEQ}\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?{CAPSEQ}")
_NAMED_THING = re.compile(r"^[ -]+(?:rockets?|missiles?|shells?|drones?|jets?|warplanes?|planes?|tanks?|launchers?|vehicles?|aircraft|helicopters?|"
                          r"rifles?|guns?|mortars?|bombs?|system|TV|television|channel|radio|newspaper|agency|website)\b", re.I)
_EDGE_OF = r"on the (?:(?:\w+ern|far|very)\s+)?(?:edges?|outskirts|fringes?|periphery|side|approaches) of"
_REFERENCE_GAP = re.compile(rf"^(?:\s+(?:area|village|town|city|district|region|neighbou?rhood|camp|hill|site|plain|valley|"
                            rf"mountains?|hills|farms|desert|basin|front|lake|river|dam|base|airport|highway|road))?\s*,?\s*(?:(?:(?:about|some|around|just|immediately|slightly)\s+)?(?:\d+\s*(?:km|kilometers|kilometres|miles)\s+)?{_DIRECTION}(?:ern)? of|near|close to|outside|{_EDGE_OF})\s+(?:the\s+)?(?:(?:town|village|city) of\s+|(?:provincial\s+|regional\s+)?capital\s+(?:city\s+)?)?$", re.I)
# a description of a place already named ("Mitiga airport, the only functioning airport in the capital,", "the town
# that straddles the M5 highway"): the places inside describe, they are not further events
_APPOSITION = re.compile(r"(?<=[\w'’)]),\s+(?:the|a|an|its|their)\s+[^,;:]{3,90}?(?=,|;|:|\.\s|\.?$)")
_SETTLEMENT_MARK = re.compile(r"\b(?:village|town|city|camp|neighbou?rhood) of (?:the )?\||^\|\s+(?:village|town|camp)\b", re.I)
_NAME_BEFORE = re.compile(r"(?-i:[A-Z])[\w'’-]*\s+$")  # "Khalid bin Al Walid Military Camp": the tail of a name
_RELATIVE = re.compile(r"\b(?:that|which|who|whose)\b[^,;:]*")  # "..., where X took Y town": the event's own place


@dataclass(frozen=True)
class PlaceCandidate:
    start: int
    end: int
    text: str
    qualifier: str | None = None
    admin_hint: str | None = None
    role: str = "event"
    source: str = "pattern"  # "geocoder" | "ner" | "pattern"


class PlaceFinder:
    def __init__(self, spec: dict, adjectives: frozenset[str] | set[str] = frozenset()) -> None:
        features = "|".join(re.escape(w) for w in sorted(spec["feature_words"], key=len, reverse=True))
        admin = "|".join(re.escape(w) for w in sorted(spec["admin_words"], key=len, reverse=True))
        self.not_places = set(spec["not_places"])
        self.organisation_words = set(spec.get("organisation_words", []))
        self.adjectives = {a.lower() for a in adjectives}
        self._feature_words = {w.lower() for w in [*spec["feature_words"], *spec["admin_words"]]}
        titles = "|".join(re.escape(t) for t in sorted(spec.get("person_titles", []), key=len, reverse=True))
        # "President Recep Tayyip Erdogan", "Deputy Defence Minister Hanna Maliar": a name after a title is a person's
        self._person = re.compile(rf"\b(?:{titles})\.?\s+(?:(?:al-|el-|bin\s+|ibn\s+)?[A-Z][\w'’.-]*\s+){{0,4}}$") if titles else None
        self._origin = re.compile(rf"\b{spec['origin_before']}\s+(?:the\s+)?(?:(?:town|village|city|area) of\s+)?$", re.I) \
            if spec.get("origin_before") else None
        self._feature_of = re.compile(rf"\b(?:{features}) of\s+(?:the\s+)?(?P<name>{CAPSEQ})", re.I)
        self._name_feature = re.compile(rf"(?P<name>{CAPSEQ})\s+(?-i:{features})\b", re.I)
        self._after_prep = re.compile(
            rf"(?:^|(?<=[\s,;:(]))(?:In|At|Near|Inside|Outside|Around)\s+(?:the\s+)?(?:(?i:downtown|central|old)\s+)?(?P<lead>{CAPSEQ})(?=\s*,)|"
            rf"\b(?:in|at|on|near|into|towards|toward|around|outside|of|from|hit|hitting|struck|striking|targeted|targeting|"
            rf"shelled|shelling|bombed|bombing|bombarded|pounded|captured|seized|stormed|entered|controlled|recaptured|retook|"
            rf"capture|recapture|seize|retake|storm|enter|control|reach|reached|besieged|besiege|"
            rf"to|across|inside|within|between|and)\s+(?:the\s+)?(?:(?i:downtown|central|old)\s+)?(?:(?i:{_REGION_ADJ})\s+(?:(?i:countryside|parts) of\s+)?)?(?P<name>{CAPSEQ})"
        )
        self._admin_after = re.compile(rf"^\s+(?:{admin})\b", re.I)
        # "Hazza town in the Eastern Ghouta", "Qusour neighbourhood of Homs city", "Al-Qadam area in the Midan
        # district of Damascus", "Al Tuwal site, Jizan": the second place contains the first; also "Al-Amil area
        # (Bayaa district) of Baghdad", "Al Khubah border site in Samitah", "X village, area of Y"
        self._contained_gap = re.compile(
            rf"^[\"”’]?(?:\s*/\S+)?(?:\s*\([^)]*\))?(?:\s+(?:[\w-]+\s+)?(?:{features})s?\b)?(?:\s*\([^)]*\))?\s*(?:,\s*|\s+)(?:(?:located\s+|situated\s+|lying\s+|likely\s+|probably\s+|possibly\s+|most likely\s+)?(?:in|of|within|inside)\s+|(?=(?:the\s+)?(?:{features})s?\s+of\s))"
            rf"(?:the\s+)?(?:(?:{_REGION_ADJ})\s+)?"
            # "X outpost in the north of the occupied West Bank"
            rf"(?:(?:(?<=north )|(?<=south )|(?<=east )|(?<=west )|(?:part|parts|end)\s+)of\s+(?:the\s+)?(?:occupied\s+)?)?"
            rf"(?:(?:\S+\s+){{0,3}}?(?:{features})s?\s+(?:of|in)\s+(?:the\s+)?)?$|^\s+(?:{features})s?\s*,\s*$", re.I)

    def candidates(self, text: str, ner: list[tuple[int, int, str]], excluded: list[tuple[int, int]],
                   geocoded: list[PlacePhrase]) -> list[PlaceCandidate]:
        found: list[PlaceCandidate] = [
            PlaceCandidate(p.start, p.end, p.text, p.qualifier, p.admin_hint, source="geocoder") for p in geocoded
        ]
        for start, end, label in ner:
            if label in ("GPE", "LOC", "FAC"):
                found.append(PlaceCandidate(start, end, text[start:end], source="ner"))
        for pattern in (self._feature_of, self._name_feature, self._after_prep):
            for m in pattern.finditer(text):
                group = "name" if m.group("name") is not None else "lead"  # "In Maan, ...": a sentence's scene
                found.append(PlaceCandidate(m.start(group), m.end(group), m.group(group)))
        cleaned = [c for c in (self._trim(text, c) for c in found) if c is not None and c.text not in self.not_places
                   and not self._not_a_place(text, c)]
        # a name inside an actor's name ("pro-Hadi forces", "Manbij Military Council", "IS") is no place
        cleaned = [c for c in cleaned if not _overlaps_any(c, excluded)]
        merged = _merge(cleaned)
        merged = self._extend_lists(text, merged, excluded)
        hints = {p.admin_hint.lower() for p in geocoded if p.admin_hint}
        qualified = [self._qualify(text, c) for c in merged]
        qualified = [replace(c, role="admin") if c.source != "geocoder" and c.text.lower() in hints else c for c in qualified]
        return provinces_after_places(holding_lists(text, self._link_containers(text, qualified)))

    def _not_a_place(self, text: str, c: PlaceCandidate) -> bool:
        """A nationality or group adjective ("Arab tribal fighters", "Ukrainian officials", "Arab-majority"), a person's
        name ("Presidents Vladimir Putin and Recep Tayyip Erdogan"), or the first words of a longer proper name that
        is not a place's ("Afrin Watch", "Sudan Doctors", "Kharkiv Regional Military Administration")."""
        bare = re.sub(r"['’]s$", "", c.text)
        if bare.lower() in self.adjectives or re.search(r"-(?:majority|speaking|dominated|populated|born)$", bare, re.I):
            return True
        if self._person is not None and self._person.search(text[max(0, c.start - 80) : c.start]):
            return True
        if c.source != "geocoder" and not _NAME_BEFORE.search(text[max(0, c.start - 30) : c.start]) and \
                self._word_not_name(c.text) and not _SETTLEMENT_MARK.search(
                text[max(0, c.start - 20) : c.start] + "|" + text[c.end : c.end + 15]):
            return True  # unless the text calls it a village: "Upper Diwan village"
        if _NAMED_THING.match(text[c.end :]):
            return True  # "Katsuya rockets", "Tochka-U missile": a weapon's name
        ahead = re.match(r"^(?:\s+(?:the|of|and|al-|[A-Z][\w'’-]*)){1,5}", text[c.end :])
        if ahead and any(w.strip("'’") in self.organisation_words for w in ahead.group().split()):
            return True  # "the Repel the Invaders Operation Room", "Hatay Security Directorate": an organisation
        if c.text.split()[-1].lower() in self._feature_words:
            return False  # "Al-Sawmaa district Bayda": a name ends with its feature word, another may follow
        following = re.match(r"^[ \t]+((?:(?:al-|el-)?[A-Z][\w'’.-]*[ \t]+){0,2}(?:al-|el-)?[A-Z][\w'’.-]*)", text[c.end :])
        if following is None:
            return False
        words = [w.lower() for w in following.group(1).split()]
        # "Kafr Nabl Surgical Hospital", "Khartoum International Airport", "Sinjar Mountain": still the place
        return not any(w in self._feature_words or " ".join(words[i : i + 2]) in self._feature_words
                       for i, w in enumerate(words))

    def _word_not_name(self, name: str) -> bool:
        """Words the gazetteer-backed recognition left out that are no name: a people ("Bahrainis"), an adjective made
        with a hyphen ("IRGC-linked", "NON-frontline"), a person after a title ("House Speaker Nabih Berri"),
        ordinary English ("Towns", "Residential", "Moving Target")."""
        words = name.split()
        titles = lexicon().titles
        if any(is_demonym(w) for w in words) or HYPHEN_ADJECTIVE.search(words[-1]):
            return True
        if any(w.lower().strip(".") in titles for w in words[:-1]) or lexicon().group_name(name):
            return True
        return ordinary_phrase(words, single_nouns=False)

    def _link_containers(self, text: str, found: list[PlaceCandidate]) -> list[PlaceCandidate]:
        """One event, one place: a place that contains the one before it ("X in Y", "X district of Y",
        "X site, Y", "Y's X") is not a second event. A village or town keeps the event and takes the
        container as its admin hint; a part of a city ("X neighbourhood of Y", "X street in the city of Y")
        gives the event to the city, as ACLED codes it ("Y - X" at the city)."""
        result = list(found)
        contained_by: dict[int, int] = {}  # container index -> the event place it contains (chains follow)
        for i in range(len(result) - 1):
            j = i + 1
            # "Al-Amil area (Bayaa district) of Baghdad": a place in brackets right after another qualifies it
            if result[i].role == "event" and re.match(r"^(?:\s+[\w-]+)?\s*\($", text[result[i].end : result[j].start]) \
                    and ")" in text[result[j].end : result[j].end + 20]:
                result[j] = replace(result[j], role="admin")
                result[i] = replace(result[i], admin_hint=result[i].admin_hint or result[j].text)
                j += 1
                if j >= len(result):
                    break
            first, second = result[i], result[j]
            if (first.role != "event" and i not in contained_by) or second.role not in ("event", "admin"):
                continue
            gap = text[first.end : second.start]
            bare_comma = re.match(r"^\s*,\s*$", gap) and (second.role == "admin" or i in contained_by) \
                and not (i > 0 and re.match(r"^\s*(?:,|and)\s*$", text[result[i - 1].end : first.start]))
            if (self._contained_gap.match(gap) or bare_comma) and not _REFERENCE_WORDS.search(gap) \
                    and not _LIST_AFTER.match(text[second.end :]):
                urban = _PART_OF_CITY.match(gap) or _CITY_BEFORE.search(gap) or _CITY_AFTER.match(text[second.end :]) \
                    or _FACILITY_NAME.search(first.text)
                if urban and i not in contained_by:
                    result[i] = replace(first, role="part")
                    result[j] = replace(second, role="event", qualifier=second.qualifier or first.qualifier)
                    continue
                result[j] = replace(second, role="admin")
                contained_by[j] = contained_by.get(i, i)
                if i not in contained_by and first.admin_hint is None:
                    result[i] = replace(first, admin_hint=second.text)
            elif _POSSESSIVE.match(gap) and i in contained_by:
                result[j] = replace(second, role="admin")  # "X village of the Y province's Z district"
                contained_by[j] = contained_by[i]
            elif _POSSESSIVE.match(gap):
                result[i] = replace(first, role="admin")
                if second.admin_hint is None:
                    result[j] = replace(second, admin_hint=first.text)
        return result

    def _trim(self, text: str, c: PlaceCandidate) -> PlaceCandidate | None:
        if c.source == "geocoder":
            return c
        words = list(re.finditer(r"\S+", c.text))
        if _ORGANISATION_OF.search(text[max(0, c.start - 40) : c.start]):
            return None  # "the Ministry of Construction", "the University of Mosul": an institution
        if any(w.group().strip(",.'’") in self.organisation_words for w in words) or re.search(
            r"-(?:controlled|held|backed|led|run|affiliated|based|allied)\b", c.text, re.I
        ):
            return None
        while words and (words[0].group().strip(",.") in self.not_places or words[0].group().lower() == "the"):
            words.pop(0)
        while words and words[-1].group().strip(",.'’s") in self.not_places:
            words.pop()
        if not words:
            return None
        if len(words) < len(list(re.finditer(r"\S+", c.text))) and all(common_word(w.group().strip(",.;:"), nouns=True) for w in words):
            return None  # "Red Sea" less "Red": the "Sea" left is no name
        start, end = c.start + words[0].start(), c.start + words[-1].end()
        name = text[start:end].rstrip(",.;:'’")
        if name.endswith("'s") or name.endswith("’s"):
            name = name[:-2]
        if len(name) < 3 or name.isupper() and len(name) <= 5:
            return None
        return replace(c, start=start, end=start + len(name), text=name)

    def _extend_lists(self, text: str, found: list[PlaceCandidate], excluded: list[tuple[int, int]]) -> list[PlaceCandidate]:
        """"shelling hit Kafr Zita, al-Lataminah and Morek": every item of a list of places."""
        result = list(found)
        queue = list(found)
        while queue:
            current = queue.pop(0)
            m = _LIST_NEXT.match(text[current.end :])
            if not m:
                continue
            start = current.end + m.start("name")
            candidate = self._trim(text, PlaceCandidate(start, start + len(m.group("name")), m.group("name")))
            if candidate is None or _overlaps_any(candidate, excluded) or any(_overlap(candidate, r) for r in result) \
                    or self._not_a_place(text, candidate):
                continue  # "Kafr Batna, Distributed fatalities", "the rebel and Islamist factions": no list item
            result.append(candidate)
            queue.append(candidate)
        return sorted(result, key=lambda c: c.start)

    def _qualify(self, text: str, c: PlaceCandidate) -> PlaceCandidate:
        before = text[max(0, c.start - 60) : c.start]
        after = text[c.end : c.end + 30]
        qualifier = c.qualifier
        role = "event"
        if qualifier is None:
            for name, pattern in _QUALIFIER_BEFORE:
                m = pattern.search(before)
                if m:
                    qualifier = f"{m.group('dir').lower()} of" if "dir" in pattern.groupindex else name
                    break
            if qualifier == "near" and near_something_of(after):
                qualifier = None
        if to_iso2(c.text) is not None and len(c.text) > 3:
            role = "country"
        elif self._admin_after.match(after) or (_ADMIN_BEFORE.search(before) and (
                qualifier in (None, "countryside of") or qualifier.endswith("part of"))) or _SCENE.match(text[: c.start]) and _SCENE_AFTER.match(after):
            role = "admin"
        elif (self._origin is not None and self._origin.search(before)) or (_FROM_BEFORE.search(before) and not _LEFT_FROM.search(before)):
            role = "origin"
        return replace(c, qualifier=qualifier, role=role)


def _overlap(a: PlaceCandidate, b: PlaceCandidate) -> bool:
    return a.start < b.end and b.start < a.end


def _overlaps_any(c: PlaceCandidate, spans: list[tuple[int, int]]) -> bool:
    return any(c.start < e and s < c.end for s, e in spans)


def _merge(found: list[PlaceCandidate]) -> list[PlaceCandidate]:
    """Overlapping candidates: the geocoder's wins, else the longer one."""
    rank = {"geocoder": 0, "pattern": 1, "ner": 2}
    ordered = sorted(found, key=lambda c: (rank[c.source], -(c.end - c.start), c.start))
    kept: list[PlaceCandidate] = []
    for c in ordered:
        if not any(_overlap(c, k) for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def event_places(text: str, candidates: list[PlaceCandidate]) -> list[PlaceCandidate]:
    """The places where the sentence's event happened, each with its admin hint; one event per place."""
    admins = [c for c in candidates if c.role == "admin"]
    events = [c for c in candidates if c.role == "event"]
    # ", east of Baquba" right after a place locates that place; it is no place of its own; nor is the
    # second end of "between X and Y" (the event is on the way between, coded at the first)
    references: dict[int, str] = {}  # index of a place -> the reference place that follows it
    kept = []
    for c in events:
        anchor = next((p for p in [*events, *admins] if p is not c and p.end <= c.start and (
            _REFERENCE_GAP.match(text[p.end : c.start]) or
            (p.qualifier == "between" and re.match(r"^\s+and\s+(?:the\s+)?$", text[p.end : c.start])))), None)
        if anchor is None:
            kept.append(c)
        elif anchor.qualifier != "between":
            references.setdefault(id(anchor), _reference_hint(text[anchor.end : c.start], c.text))
    events, described = _outside_descriptions(text, kept)
    if not events:
        # the origin of a strike ("took off from Hmeimim") is where it happened only when nothing else is named;
        # the assembler does not count it as a new place for a sentence that goes on telling an event
        events = [c for c in candidates if c.role == "origin"][:1] or admins[:1] or [c for c in candidates if c.role == "country"][:1]
        admins = [a for a in admins if a not in events]
    for place, description in described.items():
        references.setdefault(place, description)
    placed: list[PlaceCandidate] = []
    seen: set[str] = set()
    for c in events:
        key = c.text.lower()
        if key in seen:
            continue
        seen.add(key)
        hint = c.admin_hint or references.get(id(c))
        if hint is None:
            after = [a for a in admins if a.start >= c.end]
            before = [a for a in admins if a.end <= c.start]
            chosen = after[0] if after else (before[-1] if before else None)
            hint = chosen.text if chosen else None
        placed.append(replace(c, admin_hint=hint))
    return placed


_STATED_KM = re.compile(rf"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>km|kilomet(?:er|re)s|miles)\s+(?:(?P<dir>{_DIRECTION})(?:ern)?\s+)?(?:of|from)\b",
                        re.IGNORECASE)


def _reference_hint(gap: str, reference: str) -> str:
    """The hint a reference place gives, with the distance the text states: "X, about 120 km east of Tal Abyad"
    -> "120 km east of Tal Abyad" (the geocoder looks for an X that far from Tal Abyad)."""
    m = _STATED_KM.search(gap)
    return distance_hint(m.group("n"), m.group("unit"), m.group("dir"), reference) if m else reference


def _outside_descriptions(text: str, events: list[PlaceCandidate]) -> tuple[list[PlaceCandidate], dict[int, str]]:
    """Event places less those inside a description of a place named before them (an apposition, a relative
    clause): "Mitiga airport, the only functioning airport in the capital", "the town that straddles the M5".
    A described place locates the one before it ("al-Basateen area, which lies between Harasta and Duma"):
    it becomes that place's hint (the place's id -> the hint)."""
    if len(events) < 2:
        return events, {}
    spans = [(m.start(), m.end()) for m in _APPOSITION.finditer(text)] + [(m.start(), m.end()) for m in _RELATIVE.finditer(text)]
    if not spans:
        return events, {}
    first = events[0].start
    kept, hints = [], {}
    for c in events:
        if c is events[0] or not any(s >= first and s <= c.start and c.end <= e for s, e in spans):
            kept.append(c)
        else:
            hints.setdefault(id(kept[-1]), c.text)
    return kept, hints
