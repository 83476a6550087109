"""The shortcuts of recognition (a cache of recognised texts, the run of words) change no result."""

from __future__ import annotations

from sitrep.geo.recognize import _gap, _run_end, tokenize

TEXTS = [
    "Warplanes bombed Kafr Nabl in southern Idlib on Sunday. Residents of Maarat al-Numan fled, a monitor said.",
    "Shelling hit Kafr Zita, al-Lataminah and Morek; the SAA's 4th Division advanced - locals said.",
    "Clashes near Tal Rifaat (north of Aleppo) killed two; \"we saw it\", one said.",
]


def test_run_end_is_where_a_gap_first_opens():
    for text in TEXTS:
        tokens = tokenize(text)
        for i in range(len(tokens)):
            end = _run_end(text, tokens, i, i + 6)
            for j in range(i + 1, min(len(tokens), i + 6) + 1):
                assert _gap(text, tokens, i, j) == (j > end), (text, i, j)


def test_find_places_gives_the_same_phrases_again_and_per_country(geo):
    text = TEXTS[0]
    first = geo.find_places(text, "SY")
    assert [p.text for p in first] == ["Kafr Nabl", "Maarat al-Numan"]
    first.clear()  # a caller's list is its own
    again = geo.find_places(text, "Syria")
    assert again == geo.recognizer.find(text, "SY")
    assert again and geo.find_places(text, None) == geo.recognizer.find(text, None)
