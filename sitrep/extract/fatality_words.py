"""The words of death counts: numbers, the words that tie a number to dying, and the words that say a
number is something else (an age, a date, a count of weapons or animals). Read by `fatalities`."""

from __future__ import annotations

import re

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100, "a single": 1,
}
NUMBER_WORDS = UNITS  # spelled-out numbers and their values, for other readers of figures
MODIFIER = (r"(?:(?:at least|at most|some|about|around|nearly|almost|more than|over|up to|approximately|roughly|"
             r"as many as|no fewer than|no less than|a total of|an estimated|upwards of|estimated|reportedly|another|between|the|"
             r"a further|an additional|further|additional)\s+)*")
WORD_NUMBER = r"(?:(?:two|three|four|five|six|half a) dozen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine)|" + "|".join(
    sorted(UNITS, key=len, reverse=True)) + ")"
MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b"
# a number that is an age, a distance, a duration or a date is never a count of dead
NOT_AGE = (rf"(?![-\s]*(?:year|month|week|day|km|kilomet|mile|meter|metre|hour|minute|%|percent|per cent|times|{MONTHS}|"
            rf"(?:of\s+(?:(?:his|her|their|the)\s+)?)?(?:sheep|goats?|cattle|cows?|camels?|livestock|animals?|birds|horses?|donkeys?|chickens|poultry)\b"
            rf"(?!\s+(?:shepherds?|herders?|herdsm[ae]n|farmers?|owners?|traders?|merchants?|dealers?))|"
            rf"(?:\w+\s+)?(?:targets?|vehicles?|cars?|trucks?|tanks?|houses?|homes|buildings?|sites?|positions?|raids?|"
            rf"air ?strikes?|shells?|rockets?|missiles?|mortars?|barrel bombs?|bombs?|hideouts?|tunnels?|depots?|caches?|IEDs?|weapons?)\b))")
DEATH = (r"(?:shot and killed|shot to death|stabbed to death|beaten to death|burned to death|killed|dead|died|die|dies|deaths|"
          r"fatalities|fatality|martyred|martyrs|slain|perished|lost (?:their|his|her) lives|assassinated|murdered|"
          r"executed|shot dead|gunned down|lifeless|bodies|corpses|killed instantly|succumbed|assasinated)")
# "A spokesman said that 25 fighters were killed": the speaker is no count of the dead
SPEECH_THAT = r"(?:said|says|claimed|claims|stated|announced|reported|confirmed)\s+that\b"
GAP_BAD = re.compile(r"\b(?:wound\w*|injur\w*|hurt|missing|arrested|detained|kidnapped|abducted|rockets?|shells?|after|before|"
                      r"when|while|because|following|during|released|held|captured|displaced|fled|since|"
                      r"missiles?|strikes?|airstrikes?|raids?|attacks?|bombs?|mortars?|explosions?|times)\b",
                      re.IGNORECASE)


# "killing its crew": an unknown number of victims; "killing the owner": one
CREW = {"crew", "crews", "occupants", "passengers", "crewmen", "guards", "bodyguards", "escorts", "family"}
NOT_VICTIM = {"day", "night", "morning", "evening", "afternoon", "week", "month", "year", "same", "following",
               "previous", "next", "first", "last", "rest", "area", "town", "village", "city", "road", "process",
               "attack", "spot", "scene", "way", "time", "moment", "fighting", "clashes", "incident", "other"}


# people a plural pronoun can stand for ("two brothers ... killed them"), never things ("two cars")
PEOPLE = (r"people|persons|men|women|children|boys|girls|brothers|sisters|sons|daughters|cousins|relatives|civilians|"
           r"residents|villagers|farmers|shepherds|workers|labou?rers|traders|merchants|shopkeepers|drivers|students|"
           r"teachers|doctors|nurses|journalists|activists|passengers|youths|teenagers|soldiers|fighters|militants|"
           r"members|policemen|officers|guards|prisoners|detainees|hostages|captives|suspects|worshippers|pilgrims|lawyers|judges|"
           r"engineers|officials|employees|clerics|imams|elders|tribesmen|herders|fishermen|smugglers|migrants")



# "a man and his son", "a woman and child": one more victim listed without a number
KIN = re.compile(r"\band\s+(?:(?:his|her|their)\s+(?:\w+\s+)?(?:son|daughter|child|baby|wife|husband|brother|sister|father|"
                  r"mother|nephew|niece|grandson|granddaughter|grandchild|cousin|uncle|aunt|companion|driver|bodyguard)|"
                  r"(?:child|baby|son|daughter))\b(?!\s+(?:were|was)\s+(?:wounded|injured))", re.IGNORECASE)
# where a list of victims ends: "killing 21 militants and destroying 11 vehicles and a camp"
LIST_END = re.compile(r"[.;:]|\b(?:wound\w*|injur\w*|including|among them|while|as|destroy\w*|damag\w*|seiz\w*|"
                       r"captur\w*|arrest\w*|abduct\w*|kidnapp\w*|detain\w*)\b", re.IGNORECASE)
# things listed after the dead ("a car bomb and a motorbike were also destroyed"), never victims
THING = (r"(?:car|cars|vehicle|truck|tank|motorbike|motorcycle|bus|pickup|bomb|car bomb|house|building|camp|base|position|"
          r"checkpoint|weapon|launcher|drone|plane|helicopter|mosque|school|hospital|bridge|road)\b")
# a second figure given by another source: "conflicting sources indicate", "other reports said", "according to others"
ALTERNATIVE = re.compile(r"\b(?:conflicting|other (?:sources|reports|accounts)|another (?:source|report|account)|"
                          r"according to others|different (?:sources|reports|figures?)|(?:while|whereas) \w+ (?:said|put|gave|reported))\b",
                          re.IGNORECASE)
# "2, possibly 3, civilians were killed": the first (lower) figure, the other blanked out (offsets kept)
ALTERNATIVE_FIGURE = re.compile(rf"\b(\d+|{WORD_NUMBER}),\s+(?:possibly|perhaps|maybe|or|reportedly)\s+(?:\d+|{WORD_NUMBER}),", re.IGNORECASE)
# the attacker is among the dead already counted: "only killed the bomber", "the belt went off, killing her"
ATTACKER_COUNTED = re.compile(r"\b(?:bombers?|attackers?|him|her|them|himself|herself|themselves)\b", re.IGNORECASE)
MASS_GRAVE = re.compile(r"\bmass graves?\b", re.IGNORECASE)
# "On Feb 19, ...": a day of a month, never a count
DATE_BEFORE = re.compile(rf"\b(?-i:{MONTHS})\.?\s*$")
# "between the ages of 7 and 15", "aged 20 and 25": ages, never further victims
AGES = re.compile(r"\b(?:between\s+)?(?:the\s+)?ages?\s+of\s+\d+\s+(?:and|to)\s+\d+|\baged\s+\d+\s+(?:and|to)\s+\d+", re.IGNORECASE)
# "shot 3 young men ... and one of them was killed": the dead are those of them
OF_THEM = re.compile(rf"\b(\d+|{WORD_NUMBER})\s+of\s+(?:them|whom|those)\s*$", re.IGNORECASE)
# a word or two set in quotes by a careful reporter ('"a number" of soldiers were killed', 'killed "dozens"')
SHORT_QUOTE = re.compile(r"[\"“”]((?:[\w'-]+\s+){0,3}[\w'-]+)[\"“”]")
