"""Other readings of a name the gazetteer lacks as written: its parts ("Damascus - Jobar"), alternatives
("Tadmur/Palmyra"), the place a facility or landform is named after ("Atmah Camp", "Jabal Kaftin"), the twin
village without its twin word, its leading words ("Daraa" of "Daraa al-Balad"). The resolver tries them in order.
"""

from __future__ import annotations

import re

from sitrep.geo.lexicon import facility_core
from sitrep.geo.location import parse_location
from sitrep.geo.normalize import fold, is_generic, landform_rest, without_twin_words

_SPACED_DASH = re.compile(r"\s+[-–]\s*|\s*[-–]\s+")
_JOINING_DASH = re.compile(r"\b([A-Za-z]{3,})-(?=[A-Z])")


def other_readings(text: str, compound_only: bool = False) -> list[tuple[str, str | None, int, str, bool | str]]:
    """Other readings of a name the gazetteer lacks: (text, outer place, lowest precision, what was done,
    whether it is only a part of the name: "Daraa" of "Daraa al-Balad", "Atmah" of "Atmah Camp")."""
    out = []
    name = parse_location(text).name
    alternatives = [a.strip(" ,") for a in re.split(r"[/()]", name) if a.strip(" ,")]
    if len(alternatives) > 1:  # "Tadmur/Palmyra town", "Al-Rai (Choban Bey)"
        for alternative in alternatives:
            out.append((parse_location(alternative).name, None, 1, f"matched '{alternative}'", False))
        return out
    parts = compound_parts(text)
    if len(parts) == 2:
        outer, inner = parts
        out.append((inner, outer, 1, f"matched '{inner}' in '{outer}'", False))
        out.append((outer, None, 2, f"placed at '{outer}', the part the gazetteer knows", True))
    if compound_only:
        return out
    key = fold(name)
    bare = without_twin_words(key)
    if bare and bare != key:
        out.append((bare, None, 1, f"matched '{bare}', its twin village (a few km apart)", False))
    core = facility_core(name)
    if core and not is_generic(fold(core)):  # "Atmah Camp", "Adra Central Prison": by the place it is named after
        out.append((core, None, 2, f"placed at '{core}', the place it is named after", True))
    named_after = landform_rest(name)
    if named_after:  # "Jabal Kaftin", "Tal Abu Rweil": the hill is by the village of that name
        out.append((named_after, None, 2, f"placed at '{named_after}', the village it is named after", "named after"))
    words = name.split() if len(parts) == 1 else []
    for n in range(len(words) - 1, 0, -1):
        prefix = " ".join(words[:n])
        if not is_generic(fold(prefix)) and len(fold(prefix).replace(" ", "")) >= 4:
            # one word more ("Tabaj Hamid") is a part of that village; more than that, only a big town is meant
            out.append((prefix, None, 2 if n == len(words) - 1 else 3, f"placed at '{prefix}', the part the gazetteer knows",
                        True))
    return out


def compound_parts(text: str) -> list[str]:
    """"Damascus - Al-Shaghour", "Taizz-Al Jahmaliyah" -> [outer, inner]; "Deir ez-Zor", "Al-Bab" stay whole."""
    parts = [p.strip() for p in _SPACED_DASH.split(text.strip()) if p.strip()]
    if len(parts) == 2:
        return parts
    for m in _JOINING_DASH.finditer(text):
        if fold(m.group(1) + " x") != "x":  # the left word is not an article
            return [text[:m.end(1)].strip(), text[m.end(1) + 1:].strip()]
    return [text.strip()]
