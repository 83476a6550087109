"""Fatality counts in a sentence: deaths only (never injuries), never counts of weapons, raids or troops.

A count must be tied to a verb or noun of dying ("killing 4 civilians", "at least 17 soldiers were
killed", "the death toll rose to 9", "left three dead"), so "12 rockets" or "1 USD = 250 SYP" can
never become a fatality figure. Vague counts follow the codebook's conventions (dozens = 12 ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100, "a single": 1,
}
_MODIFIER = (r"(?:(?:at least|at most|some|about|around|nearly|almost|more than|over|up to|approximately|roughly|"
             r"as many as|no fewer than|no less than|a total of|an estimated|upwards of|estimated|reportedly|another|between|the|"
             r"a further|an additional|further|additional)\s+)*")
_WORD_NUMBER = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine)|" + "|".join(
    sorted(_UNITS, key=len, reverse=True)) + ")"
_NOT_AGE = r"(?![-\s]*(?:year|month|week|day|km|kilomet|mile|meter|metre|hour|minute|%|percent|per cent|times))"
_DEATH = (r"(?:shot and killed|shot to death|stabbed to death|beaten to death|burned to death|killed|dead|died|die|dies|deaths|"
          r"fatalities|martyred|martyrs|slain|perished|lost (?:their|his|her) lives|assassinated|murdered|"
          r"executed|shot dead|gunned down|lifeless|bodies|corpses|killed instantly|succumbed)")
_GAP_BAD = re.compile(r"\b(?:wound\w*|injur\w*|hurt|missing|arrested|detained|kidnapped|abducted|rockets?|shells?|after|before|"
                      r"when|while|because|following|during|released|held|captured|displaced|fled|since|"
                      r"missiles?|strikes?|airstrikes?|raids?|attacks?|bombs?|mortars?|explosions?|times)\b",
                      re.IGNORECASE)


@dataclass(frozen=True)
class Count:
    start: int
    end: int
    value: int
    kind: str  # "count" | "toll" | "more" | "zero"


class FatalityFinder:
    def __init__(self, vague_counts: dict[str, int], unknown_deaths: int | None = None) -> None:
        self.vague = {k.lower(): int(v) for k, v in vague_counts.items()}
        self.unknown_deaths = unknown_deaths
        vague = "|".join(re.escape(k) for k in sorted(self.vague, key=len, reverse=True))
        qty = rf"(?P<mod>{_MODIFIER})(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+|{_WORD_NUMBER}|{vague}|an?)\b{_NOT_AGE}"
        self._after = re.compile(
            rf"\b(?:killing|killed|kills|kill|claimed the lives of|claiming the lives of|massacred|executed|executing|"
            rf"(?:death|deaths|killing|killings|execution|martyrdom) of|assassinated|assassinating|murdered|murdering|"
            rf"shot dead|shooting dead|gunned down|took the lives of|taking the lives of)\s+{qty}",
            re.IGNORECASE,
        )
        self._before = re.compile(
            rf"(?<![\w-]){qty}(?P<gap>(?:\s+(?:and\s+(?=\d|{_WORD_NUMBER}\b))?(?!were\b|was\b|and\b)[\w'()-]+){{0,9}}?)\s+(?:(?:were|was|have been|had been|has been|are|is|got|reportedly|"
            rf"allegedly|also|all|later|were reportedly|were also)\s+)*{_DEATH}\b(?!\s+(?:\d|the|a|an|his|her|their|two|three|four|five)\b)",
            re.IGNORECASE,
        )
        self._left = re.compile(rf"\b(?:left|leaving|leaves)\s+{qty}(?:\s+[\w'-]+){{0,3}}?\s+(?:dead|killed)\b", re.IGNORECASE)
        self._toll = re.compile(
            rf"\b(?:death toll|toll|number of (?:dead|deaths|victims|fatalities|those killed))(?:\s+[\w'-]+){{0,5}}?\s+"
            rf"(?:rose|risen|rises|climbed|climbs|reached|reaches|stood|stands|jumped|increased|hit|is|was|of)(?:\s+(?:to|at))?\s+{qty}",
            re.IGNORECASE,
        )
        self._unnumbered = re.compile(
            r"\b(?:(?:resulted in|resulting in|result in|causing|caused|cause|leaving|left|led to|leading to|with|reports of|"
            r"suffered|inflicting|inflicted)\s+(?:the\s+|some\s+|several\s+|a\s+)?(?:deaths|fatalities|human losses|dead|"
            r"loss of life|losses of life)|(?:fatalities|deaths|dead) (?:were|was|have been|had been) (?:reported|confirmed|recorded)|"
            r"deaths and (?:injuries|casualties)|(?:killed|killing) (?:all )?those (?:inside|aboard|on board|in it))\b",
            re.IGNORECASE,
        )
        self._singular = re.compile(
            r"\b(?:was|has been|had been)\s+(?:reportedly\s+|allegedly\s+|also\s+|later\s+)?(?:killed|shot dead|shot and killed|"
            r"assassinated|executed|murdered|gunned down|stabbed to death|beaten to death)\b",
            re.IGNORECASE,
        )
        self._pronoun = re.compile(r"\b(?:killing|killed|executed|executing|shot dead|shooting dead) (?P<who>him|her|both|them both)\b", re.IGNORECASE)
        self._zero = re.compile(
            r"\b(?:no (?:one|body) (?:was |were |has been |had been )?(?:killed|hurt|injured|harmed)|nobody was (?:killed|hurt)|"
            r"no (?:reported |immediate |known )?(?:fatalities|deaths|casualties|injuries|human losses|loss of life|victims)|"
            r"no (?:reports|information|news) (?:of|on|about) (?:any )?(?:deaths|casualties|fatalities|injuries|victims)|"
            r"neither (?:injuries|casualties|deaths) nor (?:fatalities|deaths|injuries)|without (?:any )?(?:casualties|fatalities|victims|loss of life)|"
            r"(?:fatalities|casualties|deaths) (?:were|was) not reported|no (?:\w+ ){0,2}(?:were|was) (?:killed|reported killed))\b",
            re.IGNORECASE,
        )
        self._subset = re.compile(r"\b(?:including|among them|among whom|of whom|of them|among the dead)\W*(?:\w+\W+){0,1}$", re.IGNORECASE)
        self._cumulative = re.compile(r"\bsince\b|\bso far\b|\bin total\b|\boverall\b|\bthis year\b|\btotal of\b", re.IGNORECASE)

    def value(self, word: str) -> int | None:
        word = word.lower().replace(",", "").strip()
        if word.isdigit():
            return int(word)
        if word in ("a", "an"):
            return 1
        if word in self.vague:
            return self.vague[word]
        parts = re.split(r"[- ]", word)
        if len(parts) == 2 and parts[0] in _UNITS and parts[1] in _UNITS:
            return _UNITS[parts[0]] + _UNITS[parts[1]]
        return _UNITS.get(word)

    def counts(self, text: str) -> list[Count]:
        """Each death count stated in `text` (one sentence)."""
        found: list[Count] = []
        taken: list[tuple[int, int]] = []

        def add(start: int, end: int, value: int | None, kind: str) -> None:
            if value is None or any(start < e and s < end for s, e in taken):
                return
            taken.append((start, end))
            found.append(Count(start, end, value, kind))

        for m in self._toll.finditer(text):
            add(m.start(), m.end(), self.value(m.group("n")), "toll")
        for m in self._after.finditer(text):
            if self._excluded(text, m):
                continue
            listed = 0 if "between" in m.group("mod").lower() else self._more_in_list(text, m.end("n"))
            total = (self.value(m.group("n")) or 0) + listed
            add(m.start(), m.end(), total, self._kind(m))
        for m in self._left.finditer(text):
            if not self._excluded(text, m):
                add(m.start(), m.end(), self.value(m.group("n")), self._kind(m))
        for m in self._before.finditer(text):
            if self._excluded(text, m) or _GAP_BAD.search(m.group("gap") or ""):
                continue
            listed = sum(self.value(x.group(1)) or 0 for x in re.finditer(
                rf"\band\s+(\d+|{_WORD_NUMBER})\b{_NOT_AGE}", m.group("gap") or "", re.IGNORECASE))
            add(m.start(), m.end(), (self.value(m.group("n")) or 0) + listed, self._kind(m))
        for m in self._singular.finditer(text):
            if not self._excluded(text, m):
                add(m.start(), m.end(), 1, "count")
        for m in self._pronoun.finditer(text):
            add(m.start(), m.end(), 1 if m.group("who").lower() in ("him", "her") else 2, "count")
        if not found:
            for m in self._zero.finditer(text):
                add(m.start(), m.end(), 0, "zero")
                break
        if not found and self.unknown_deaths is not None:
            for m in self._unnumbered.finditer(text):
                negated = re.search(r"\b(?:no|not|nor|without|neither)\s+(?:\w+\s+){0,2}$", text[max(0, m.start() - 25) : m.start()], re.I)
                if not negated and not self._excluded(text, m):
                    add(m.start(), m.end(), self.unknown_deaths, "count")
                    break
        return sorted(found, key=lambda c: c.start)

    def _more_in_list(self, text: str, start: int) -> int:
        """ "killing 4 civilians and 2 fighters": the counts listed after the first one."""
        tail = re.split(r"[.;:]|\b(?:wound\w*|injur\w*|including|among them|while|as)\b", text[start : start + 120], maxsplit=1)[0]
        extra = 0
        for m in re.finditer(rf"(?:,|\band)\s+{_MODIFIER}(\d+|{_WORD_NUMBER})\b{_NOT_AGE}", tail, re.IGNORECASE):
            extra += self.value(m.group(1)) or 0
        return extra

    def _excluded(self, text: str, m: re.Match[str]) -> bool:
        if self._subset.search(text[max(0, m.start() - 30) : m.start("n") if "n" in m.re.groupindex else m.start()]):
            return True
        clause = re.split(r"[;:]", text[m.end() : m.end() + 80])[0] + " " + text[max(0, m.start() - 40) : m.start()]
        return bool(self._cumulative.search(clause))

    @staticmethod
    def _kind(m: re.Match[str]) -> str:
        modifier = (m.group("mod") or "").lower()
        return "more" if re.search(r"another|further|additional", modifier) or re.match(r"\s*more\b", text_after(m)) else "count"

    def total(self, text: str) -> tuple[int | None, str | None]:
        """The sentence's fatality figure and how it combines with earlier ones ("more", "toll" ...)."""
        counts = self.counts(text)
        if not counts:
            return None, None
        if any(c.kind == "toll" for c in counts):
            return max(c.value for c in counts if c.kind == "toll"), "toll"
        kind = "more" if all(c.kind == "more" for c in counts) else counts[0].kind
        return sum(c.value for c in counts), kind


def text_after(m: re.Match[str]) -> str:
    return m.string[m.end("n") : m.end("n") + 6] if "n" in m.re.groupindex else ""


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
