"""Fatality counts in a sentence: deaths only (never injuries), never counts of weapons, raids or troops.

A count must be tied to a verb or noun of dying ("killing 4 civilians", "at least 17 soldiers were
killed", "the death toll rose to 9", "left three dead"), so "12 rockets" or "1 USD = 250 SYP" can
never become a fatality figure. Vague counts follow the codebook's conventions (dozens = 12 ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.extract.attackers import suicide_attackers
from sitrep.extract.fatality_words import (
    AGES,
    ALTERNATIVE,
    ALTERNATIVE_FIGURE,
    ATTACKER_COUNTED,
    CREW,
    DATE_BEFORE,
    DEATH,
    GAP_BAD,
    KIN,
    LIST_END,
    MASS_GRAVE,
    MODIFIER,
    MONTHS,
    NOT_AGE,
    NOT_VICTIM,
    OF_THEM,
    PEOPLE,
    SHORT_QUOTE,
    SPEECH_THAT,
    THING,
    UNITS,
    WORD_NUMBER,
)


@dataclass(frozen=True)
class Count:
    start: int
    end: int
    value: int
    kind: str  # "count" | "toll" | "more" | "zero" | "recount" (a count of the dead told before: "the three")


class FatalityFinder:
    def __init__(self, vague_counts: dict[str, int], unknown_deaths: int | None = None) -> None:
        self.vague = {k.lower(): int(v) for k, v in vague_counts.items()}
        self.unknown_deaths = unknown_deaths
        vague = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(self.vague, key=len, reverse=True))
        qty = rf"(?P<mod>{MODIFIER})[\"“”']?(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+|{WORD_NUMBER}|{vague}|an?(?!\s+(?:family\s+of|result|total|further|few|couple|number)\b)|another(?=\s+[a-z]))\b[\"“”']?{NOT_AGE}"
        self._after = re.compile(
            rf"\b(?:killing|kiling|killed|kills|kill|fatally (?:shot|shooting|wounded|wounding|stabbed)|claimed the lives of|claiming the lives of|massacred|executed|executing|"
            rf"(?:death|deaths|killing|killings|execution|martyrdom) of|assassinated|assassinating|murdered|murdering|"
            rf"(?:bodies|corpses|body|corpse) of|(?:a |the )?family of|shot dead|shooting dead|gunned down|took the lives of|taking the lives of)\s+{qty}",
            re.IGNORECASE,
        )
        self._before = re.compile(
            rf"(?<![\w-]){qty}(?P<gap>(?:\s+(?:and\s+)?(?!were\b|was\b|and\b|{SPEECH_THAT})[\w'()\"“”-]+){{0,12}}?)"
            rf"(?:\s*,[^;.]{{0,80}}?,|\s*,\s*(?:including|among them|among whom|mostly|most of them|many of them)\b[^;.]{{0,80}}?"
            rf"(?=\s+(?:were|was|have been|had been|has been|are|is)\b))?"
            rf"\s+(?:(?:were|was|have been|had been|has been|are|is|got|reportedly|"
            rf"allegedly|also|all|later|found|were reportedly|were also|(?:are|were|is|was) (?:reported|said|believed|confirmed) to have(?: been)?|"
            rf"(?:were|was) (?:reported|confirmed|said))\s+)*(?:(?!wounded\b|injured\b)(?:\w+ed|hit|shot|struck|caught)\s+and\s+)?{DEATH}\b(?!\s+(?:\d+\b(?!\s+of\s+(?:them|whom|those)\b)|(?:the|a|an|his|her|their|two|three|four|five|count|toll|figures?|estimates?)\b))",
            re.IGNORECASE,
        )
        # "two of the wounded later died": deaths added to the event's toll
        self._of_wounded = re.compile(rf"(?<![\w-]){qty}\s+(?:of\s+(?:the|them|those)\s+)?(?:wounded|injured)(?:\s+[\w-]+){{0,3}}?"
                                      rf"\s+(?:later\s+|subsequently\s+)?(?:died|succumbed)\b", re.IGNORECASE)
        self._left = re.compile(rf"\b(?:left|leaving|leaves)\s+{qty}(?P<gap>(?:,?\s+[\w'/-]+){{0,12}}?)\s+(?:dead|killed)\b", re.IGNORECASE)
        self._to_death = re.compile(
            rf"\b(?:stoned|beat|beaten|burned|burnt|hacked|tortured|stabbed|shot|starved)\s+{qty}(?:\s+[\w'-]+){{0,3}}?\s+to death\b",
            re.IGNORECASE)
        self._toll = tuple(re.compile(p, re.IGNORECASE) for p in (
            rf"\b(?:(?:death|casualty|fatality) (?:toll|count|figure)|toll|number of (?:dead|deaths|victims|fatalities|those killed|(?:[\w'-]+\s+){{1,6}}?(?:who (?:were|have been|had been)\s+)?(?:killed|assassinated|executed)))(?:\s+[\w'-]+){{0,12}}?\s+(?:has\s+|had\s+)?"
            rf"(?:rose|risen|rises|climbed|climbs|reached|reaches|stood|stands|jumped|increased|hit|is|was|of|(?:was |has been |had been )?(?:raised|revised|updated|increased))(?:\s+(?:to|at))?\s+{qty}",
            rf"\b(?:bringing|brings|brought|raising|raised|taking|takes|took|updated|updating|revised|revising|lowered|lowering)\s+(?:the\s+)?(?:(?:total\s+)?(?:death toll|toll|fatalities|deaths|number of (?:dead|deaths|victims|fatalities)|"
            rf"(?:fatality|casualty|death) (?:count|figure)|total(?: number)?(?: of (?:dead|deaths|fatalities))?)|dead)\s+(?:to|at)\s+{qty}",
            # a figure given for the whole event: "the death toll was put at 30", "deaths were estimated at 40"
            rf"\b(?:(?:fatalit(?:y|ies)|deaths|dead|death toll|toll)(?:\s+[\w'-]+){{0,2}}?\s+(?:(?:are|were|is|was|has been|have been|had been)\s+)?"
            rf"(?:estimated|put|recorded|counted|set|placed)|(?:estimated|recorded|put)\s+(?:the\s+)?(?:fatalit(?:y|ies)|deaths|death toll))"
            rf"\s+(?:as|at|to)\s+{qty}",
        ))
        # "killed and wounded dozens": ACLED codes half of a figure that mixes the dead and the wounded
        self._mixed = tuple(re.compile(p, re.IGNORECASE) for p in (
            rf"\b(?:(?:kill(?:ed|ing)?|dead|deaths?)\s+(?:and|or|and/or)\s+(?:wound(?:ed|ing)?|injur(?:ed|ing|ies)?)|"
            rf"(?:wound(?:ed|ing)|injur(?:ed|ing))\s+(?:and|or|and/or)\s+kill(?:ed|ing))[\"”']?\s+(?:of\s+)?{qty}",
            rf"(?<![\w-]){qty}(?:\s+[\w'()-]+){{0,6}}?\s+(?:were|was|have been|had been|are)?\s*(?:reportedly\s+)?"
            rf"(?:(?:killed|dead)\s+(?:and|or|and/or)\s+(?:wounded|injured)|(?:wounded|injured)\s+(?:and|or|and/or)\s+killed)\b",
            rf"\b(?:casualties|dead and wounded|killed and wounded|killed or wounded|killed and injured)\s+(?:of|among|numbering)?\s*{qty}",
        ))
        # "killing the owner", "killing its crew": one victim, or an unknown number of them
        self._definite = re.compile(
            r"\b(?:killing|killed|kills|assassinat(?:ed|ing)|shot dead|shooting dead|executed|executing|gunned down|murdered|"
            r"(?:death|killing|assassination|murder) of)\s+"
            r"(?:all\s+(?:of\s+)?)?(?:the|its|his|her|their)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z-]+)\b(?!\s+of\s+(?:the\s+)?\d)",
            re.IGNORECASE,
        )
        self._along = re.compile(rf"\b(?:along with|together with|as well as)\s+{qty}\s+(?:others|other\s+\w+|people|persons)\b", re.IGNORECASE)
        self._both_sides = re.compile(
            r"\b(?:casualties|fatalities|deaths|losses|dead)\s+(?:were\s+)?(?:\w+\s+){0,2}(?:on|among|from|for)\s+both\s+sides\b",
            re.IGNORECASE,
        )
        self._unnumbered = re.compile(
            r"\b(?:(?:resulted in|resulting in|result in|causing|caused|cause|leaving|left|led to|leading to|with|reports of|"
            r"suffered|inflicting|inflicted)\s+(?:the\s+|some\s+|several\s+|a\s+)?(?:deaths|fatalities|human losses|dead|"
            r"loss of life|losses of life)|(?:heavy\s+)?loss(?:es)?\s+(?:in|of)\s+(?:both\s+)?li(?:fe|ves)\b|(?:fatalities|deaths|dead) (?:were|was|have been|had been) (?:reported|confirmed|recorded)|"
            r"deaths and (?:injuries|casualties)|(?:killed|killing) (?:all )?(?:of )?those (?:inside|aboard|on board|in it)|"
            r"all (?:of )?(?:those|the people|the passengers|the occupants) (?:inside|aboard|on board|in)\b(?:\s+\S+){0,4}?\s+(?:were|had been) killed)\b",
            re.IGNORECASE,
        )
        # "those aboard the vehicle were killed", "the crew of the vehicles was killed", "killing members riding in
        # them": the people in a vehicle or a post, an unknown number of them (not one, for all the singular verb)
        self._occupants = re.compile(
            r"\b(?:(?:those|the people|the soldiers|the men|the fighters|members|soldiers|fighters|troops|militants)\s+"
            r"(?:who were\s+)?(?:aboard|inside|on board|riding in|travelling in|traveling in)\b(?:\s+[\w'-]+){0,4}?"
            r"|(?:crews?|occupants|passengers)\b(?:\s+of\s+(?:the\s+|its\s+|their\s+)?[\w-]+(?:\s+[\w-]+)?)?)"
            r"\s+(?:was|were|had been|have been)\s+(?:(?:reportedly|all|also)\s+)*killed\b"
            r"|\bkill(?:ed|ing)\s+(?:all\s+)?(?:the\s+)?(?:members|soldiers|fighters|men|those|people|troops|militants)\s+"
            r"(?:riding|travelling|traveling|aboard|inside|on board)\b"
            r"|\bkill(?:ed|ing)\s+all\s+(?:those\s+|who\s+were\s+|those\s+who\s+were\s+)(?:aboard|inside|on board|in it|in them)\b",
            re.IGNORECASE,
        )
        self._singular = re.compile(
            r"\b(?:was|has been|had been)\s+(?:reportedly\s+|allegedly\s+|also\s+|later\s+)?(?:(?!wounded|injured)\w+ed\s+and\s+)?(?:killed|shot dead|shot and killed|"
            r"assassinated|executed|murdered|gunned down|stabbed to death|beaten to death|found dead|found killed|found shot dead|"
            r"stoned to death|assasinated)\b"
            # "A man's body was found": one dead
            r"|\b(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?(?:man|woman|child|boy|girl|person|civilian|soldier|fighter|youth)['’]s\s+"
            r"(?:dead\s+|lifeless\s+)?body\s+(?:was|has been|had been)\b"
            r"|\b(?:led to|leading to|resulted in|resulting in|caused|causing)\s+(?:his|her)\s+death\b"
            r"|\b(?:succumbed|died)\s+(?:to|of|from)\s+(?:his|her)\s+(?:wounds|injuries)\b"
            r"|\b(?:a|an|another|one|1)\s+(?:[\w-]+\s+){0,2}?(?:man|woman|child|boy|girl|person|civilian|soldier|fighter|member|"
            r"policeman|officer|commander|militant|resident|teen|teenager|youth|student|farmer|shepherd|journalist|doctor|"
            r"worker|driver|protester|demonstrator|activist|guard|pilot)\s+(?:later\s+|also\s+)?(?:died|succumbed)\b",
            re.IGNORECASE,
        )
        # "shot dead Abdullah al-Qalaf", "killing AQAP militant Akram al-Adeni": one person, named
        self._named = re.compile(
            r"\b(?i:killed|killing|shot dead|shooting dead|assassinated|assassinating|executed|executing|gunned down|murdered)\s+"
            r"(?:(?!(?i:in|on|at|near|by|during|after|before|while|when|with|from|and|or|as|to|for|of|outside|inside|around|"
            r"across|along|between|into|over|under|the|a|an|its|his|her|their|\d+)\b)[\w-]+\s+){0,3}?"
            rf"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|{MONTHS})[A-Z][a-z][\w’-]*"
            r"(?:\s+(?:(?:al|el|bin|ibn|abu|bint|abd|abdul)[- ])?[A-Z][\w’-]*){1,4}\b"
            r"(?!['’]s|\s+(?:(?:al|el|bin|ibn|abu)[- ])?[A-Z]|\s+[a-z]+s\b|-)")
        self._pronoun = re.compile(r"\b(?:killing|killed|executed|executing|shot dead|shooting dead) (?P<who>him|her|both|them both)\b", re.IGNORECASE)
        # "stormed the house of two brothers and killed them": as many dead as the group of people named before
        self._them = re.compile(r"\b(?:killing|killed|executed|executing|shot dead|shooting dead|gunned down|murdered|"
                                r"slaughtered)\s+them(?!\s+both)\b", re.IGNORECASE)
        self._people = re.compile(rf"(?<![\w-]){MODIFIER}(?P<n>\d+|{WORD_NUMBER})\s+(?:[a-z-]+\s+){{0,2}}?"
                                  rf"(?:{PEOPLE})\b", re.IGNORECASE)
        self._zero = re.compile(
            r"\b(?:no (?:one|body) (?:was |were |has been |had been )?(?:killed|hurt|injured|harmed)|nobody was (?:killed|hurt)|"
            r"no (?:reported |immediate |known )?(?:fatalities|deaths|casualties|injuries|human losses|loss of life|victims)|"
            r"no (?:reports|information|news) (?:of|on|about) (?:any )?(?:deaths|casualties|fatalities|injuries|victims)|"
            r"neither (?:injuries|casualties|deaths) nor (?:fatalities|deaths|injuries)|without (?:any )?(?:casualties|fatalities|victims|loss of life)|"
            r"(?:fatalities|casualties|deaths) (?:were|was) not reported|no (?:\w+ ){0,2}(?:were|was) (?:killed|reported killed))\b",
            re.IGNORECASE,
        )
        self._accused = re.compile(r"\b(?:accused of|charged with|responsible for|suspected of|convicted of|wanted for)\s+(?:\w+\s+){0,2}$"
                                   r"|\b(?:attempt(?:ed|s|ing)?|tried|trying|tries|plott?(?:ed|ing)?|planned|sought|seeking|threatened)\s+to\s+$",
                                   re.IGNORECASE)
        self._subset = re.compile(r"\b(?:including|among them|among whom|of whom|of them|among the dead)\W*(?:\w+\W+){0,1}$", re.IGNORECASE)
        self._cumulative = re.compile(r"\bsince\b|\bso far\b|\bin total\b|\boverall\b|\bthis year\b|\btotal of\b", re.IGNORECASE)

    def _half(self, word: str) -> int | None:
        """Half a figure of dead and wounded together (ACLED); an unspecified number stays unknown."""
        value = self.value(word)
        if value is None:
            return None
        if word.lower() in self.vague and value == self.unknown_deaths:
            return value
        return max(value // 2, 1)

    def value(self, word: str) -> int | None:
        word = re.sub(r"\s+", " ", word.lower().replace(",", "").strip())
        dozen = re.fullmatch(r"(.+?)[- ]dozens?", word)
        if dozen and UNITS.get(dozen.group(1)):
            return UNITS[dozen.group(1)] * 12
        if word.isdigit():
            return int(word)
        if word in ("a", "an", "another"):
            return 1
        if word in self.vague:
            return self.vague[word]
        parts = re.split(r"[- ]", word)
        if len(parts) == 2 and parts[0] in UNITS and parts[1] in UNITS:
            return UNITS[parts[0]] + UNITS[parts[1]]
        return UNITS.get(word)

    def counts(self, text: str) -> list[Count]:
        """Each death count stated in `text` (one sentence)."""
        text = ALTERNATIVE_FIGURE.sub(lambda m: m.group(1).ljust(len(m.group())), _unquote(text))
        found: list[Count] = []
        taken: list[tuple[int, int]] = []

        def add(start: int, end: int, value: int | None, kind: str) -> None:
            if value is None or any(start < e and s < end for s, e in taken) or DATE_BEFORE.search(text[max(0, start - 12) : start]):
                return
            taken.append((start, end))
            found.append(Count(start, end, value, kind))

        for m in (m for p in self._toll for m in p.finditer(text)):
            add(m.start(), m.end(), self.value(m.group("n")), "toll")
        for m in (m for p in self._mixed for m in p.finditer(text)):
            if not self._excluded(text, m):
                add(m.start(), m.end(), self._half(m.group("n")), "count")
        for m in self._after.finditer(text):
            if self._excluded(text, m):
                continue
            listed, end = (0, m.end()) if "between" in m.group("mod").lower() else self._listed(text, m.end("n"))
            total = (self.value(m.group("n")) or 0) + listed
            add(m.start(), max(m.end(), end), total, self._kind(m))
        for m in self._of_wounded.finditer(text):
            add(m.start(), m.end(), self.value(m.group("n")), "more")
        for m in self._left.finditer(text):
            if not self._excluded(text, m) and not GAP_BAD.search(m.group("gap")):
                listed = sum(self.value(x.group(1)) or 0 for x in re.finditer(
                    rf"\band\s+(\d+|{WORD_NUMBER}|an?(?=\s+[a-z]))\b{NOT_AGE}", m.group("gap"), re.IGNORECASE))
                add(m.start(), m.end(), (self.value(m.group("n")) or 0) + listed, self._kind(m))
        for m in self._to_death.finditer(text):
            add(m.start(), m.end(), self.value(m.group("n")), "count")
        for m in self._before.finditer(text):
            if self._excluded(text, m) or GAP_BAD.search(m.group("gap") or ""):
                continue
            if re.match(r"\s+of\s+(?:those|the|them)\s+(?:killed|dead|victims|fatalities)\b", text[m.end("n"):], re.IGNORECASE):
                continue  # "some of those killed were hit by an air strike": the dead told already
            # "five civilians including a woman and child": who the dead were, not more dead
            gap = re.split(r"\b(?:including|among them|among whom|of whom)\b|\(", m.group("gap") or "", maxsplit=1, flags=re.IGNORECASE)[0]
            gap = blank(AGES, gap)
            subset = OF_THEM.search(gap)
            if subset:
                add(m.start(), m.end(), self.value(subset.group(1)), self._kind(m))
                continue
            if "between" in (m.group("mod") or "").lower():
                gap = ""  # "between 2 and 4 civilians were killed": the lower figure
            listed = sum(self.value(x.group(1)) or 0 for x in re.finditer(
                rf"\band\s+(?:(?:his|her|their)\s+)?{MODIFIER}(\d+|{WORD_NUMBER}|an?(?=\s+[a-z]))\b{NOT_AGE}", gap, re.IGNORECASE))
            listed += len(KIN.findall(gap))
            add(m.start(), m.end(), (self.value(m.group("n")) or 0) + listed, self._kind(m))
        if self.unknown_deaths is not None:
            for m in self._occupants.finditer(text):
                add(m.start(), m.end(), self.unknown_deaths, "count")
        for m in self._singular.finditer(text):
            if found and re.search(r"\b(?:who|whom|which|that)\s+$", text[max(0, m.start() - 8) : m.start()], re.IGNORECASE):
                continue  # "the bodies of two fighters who had been shot dead": the dead just counted
            if not self._excluded(text, m):
                add(m.start(), m.end(), 1, "more" if _died_later(m) else "count")
        for m in self._definite.finditer(text):
            noun = m.group("noun").lower()
            if noun in CREW:
                add(m.start(), m.end(), self.unknown_deaths, "count")
            elif noun not in NOT_VICTIM and (not noun.endswith("s") or noun.endswith("ss")) and not noun.endswith("men") \
                    and noun not in ("people", "children", "police", "personnel", "staff", "family", "crew"):
                listed, end = self._listed(text, m.end())
                add(m.start(), max(m.end(), end), 1 + listed, "count")  # "the driver and a passenger"
        if found:
            for m in self._along.finditer(text):
                add(m.start(), m.end(), self.value(m.group("n")), "count")
        for m in self._named.finditer(text):
            if not self._excluded(text, m):
                # "... al-Hakim and two of his guards" (", a local commander": who he was, no second victim)
                listed, end = self._listed(text, m.end()) if re.match(r"\s+and\b", text[m.end():]) else (0, m.end())
                add(m.start(), max(m.end(), end), 1 + listed, "count")
        if not found:  # "assassinated a lawyer ... killing him": the victim counted already
            for m in self._pronoun.finditer(text):
                add(m.start(), m.end(), 1 if m.group("who").lower() in ("him", "her") else 2, "count")
        for m in self._them.finditer(text):
            groups = list(self._people.finditer(text, 0, m.start()))
            group = groups[-1] if groups else None
            if group is not None and not any(s <= group.start("n") < e for s, e in taken):
                add(m.start(), m.end(), self.value(group.group("n")), "count")  # not a group just counted dead
        bombers = suicide_attackers(text)
        if bombers and not any(ATTACKER_COUNTED.search(text, c.start, c.end) for c in found):
            # no number of the text stands for them, so none can be a day of a month ("... in Kirkuk on 5 January.")
            found.append(Count(len(text), len(text), bombers, "count"))
        if not found:
            for m in self._zero.finditer(text):
                add(m.start(), m.end(), 0, "zero")
                break
        if not found and self.unknown_deaths is not None:
            for m in self._both_sides.finditer(text):
                add(m.start(), m.end(), self.unknown_deaths, "count")
                break
        if not found and self.unknown_deaths is not None:
            for m in self._unnumbered.finditer(text):
                negated = re.search(r"\b(?:no|not|nor|without|neither)\s+(?:\w+\s+){0,2}$", text[max(0, m.start() - 25) : m.start()], re.I)
                if not negated and not self._excluded(text, m):
                    add(m.start(), m.end(), self.unknown_deaths, "count")
                    break
        return sorted(found, key=lambda c: c.start)

    def _listed(self, text: str, start: int) -> tuple[int, int]:
        """ "killing 4 civilians and 2 fighters": the counts listed after the first one, and where the last ends."""
        tail = LIST_END.split(blank(AGES, text[start : start + 120]), maxsplit=1)[0]
        extra, end = 0, start
        for m in re.finditer(r"\band another (?!\d)[a-z]", tail, re.IGNORECASE):
            extra, end = extra + 1, start + m.end()
        for m in KIN.finditer(text[start : start + len(tail) + 30]):  # beyond the tail: "and her son was wounded"
            if m.start() < len(tail):
                extra, end = extra + 1, max(end, start + m.end())
        for m in re.finditer(rf"(?:,|\band)\s+(?:(?:his|her|their)\s+)?{MODIFIER}(\d+|{WORD_NUMBER}|an?(?=\s+(?!number\b|total\b|few\b|{THING})[a-z]))\b{NOT_AGE}", tail, re.IGNORECASE):
            if not re.search(rf"{MONTHS}\.?\s*$", tail[: m.start()]):  # "on January 1, 2018": a year
                extra, end = extra + (self.value(m.group(1)) or 0), max(end, start + m.end())
        return extra, end

    def _excluded(self, text: str, m: re.Match[str]) -> bool:
        if self._accused.search(text[max(0, m.start() - 40) : m.start()]):
            return True
        if self._subset.search(text[max(0, m.start() - 30) : m.start("n") if "n" in m.re.groupindex else m.start()]):
            return True
        if MASS_GRAVE.search(text):
            return True  # the remains in a mass grave are the dead of an earlier killing, not of what is told
        clause = re.split(r"[;:]", text[m.end() : m.end() + 80])[0] + " " + text[max(0, m.start() - 40) : m.start()]
        return bool(self._cumulative.search(clause))

    @staticmethod
    def _kind(m: re.Match[str]) -> str:
        modifier = (m.group("mod") or "").lower()
        more = re.search(r"another|further|additional", modifier) or re.match(r"\s*(?:more|additional|further)\b", text_after(m))
        if more or _died_later(m):
            return "more"
        # "the three were shot dead": the dead told before, counted again (never further dead)
        return "recount" if re.search(r"\bthe\s*$", modifier) else "count"

    def total(self, text: str) -> tuple[int | None, str | None]:
        """The sentence's fatality figure and how it combines with earlier ones ("more", "toll" ...)."""
        counts = self.counts(text)
        if not counts:
            return None, None
        if any(c.kind == "toll" for c in counts):
            return max(c.value for c in counts if c.kind == "toll"), "toll"
        kind = "more" if all(c.kind == "more" for c in counts) else counts[0].kind
        value = counts[0].value
        for before, count in zip(counts, counts[1:]):
            # "killing at least 25, while other sources put the dead at 37": two reports of one toll, the lower kept
            alternative = ALTERNATIVE.search(text, before.end, count.start) is not None
            value = min(value, count.value) if alternative else value + count.value
        return value, kind


def blank(pattern: re.Pattern[str], text: str) -> str:
    """The text with what the pattern matches blanked out (offsets kept)."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _unquote(text: str) -> str:
    """The text with the quotation marks around short phrases blanked out (offsets kept)."""
    return SHORT_QUOTE.sub(lambda m: f" {m.group(1)} ", text) if '"' in text or "“" in text or "”" in text else text


# "died the next day", "later succumbed to his wounds": deaths added to the event's toll, not a new report of it
_LATER = re.compile(r"\b(?:later|subsequently|the (?:next|following) day|(?:of|from|to) (?:his|her|their|the)?\s*(?:wounds|injuries))\b",
                    re.IGNORECASE)


def _died_later(m: re.Match[str]) -> bool:
    said = m.group()
    # "a woman later died", "two of the wounded died": someone not counted yet ("the man died of his wounds": the victim told)
    counted_anew = re.match(rf"(?:an?|another|one|\d+|{WORD_NUMBER})\b", said, re.IGNORECASE) is not None
    return counted_anew and re.search(r"\b(?:died|dies|succumbed)\b", said, re.IGNORECASE) is not None \
        and _LATER.search(m.string, m.start(), m.end() + 40) is not None


def text_after(m: re.Match[str]) -> str:
    return m.string[m.end("n") : m.end("n") + 12] if "n" in m.re.groupindex else ""


def combine(current: int | None, value: int | None, kind: str | None) -> int | None:
    """A mention's fatalities once a further sentence about the same event gives a figure."""
    if value is None:
        return current
    if current is None:
        return value
    if kind == "toll":
        return max(current, value)
    if kind == "more":
        return current + value
    if kind == "zero":
        return current
    return min(current, value)  # two reports of the same event disagree: keep the lower, as ACLED does
