"""A short reposted story whose only paragraph closes with a repost note is still an article."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.clean import NoTextError, boilerplate, clean
from sitrep.clean.blocks import Line
from sitrep.model import Input

STORY = ("Two rockets hit a grain silo on the edge of Pokrovsk on Thursday night, killing a night watchman, "
         "the regional administration said on Friday.")


def plain(text: str) -> Input:
    return Input(source="repost.txt", raw=text.encode(), text=text, media_type="text/plain",
                 title="Rockets hit grain silo near Pokrovsk", published=date(2023, 5, 12))


@pytest.mark.parametrize("note", [
    "Republished with permission.",
    "Originally published by Donbas Wire.",
    "This article was originally published on Steppe Monitor.",
    "Reprinted with permission from the Kharkiv Courier.",
])
def test_a_one_paragraph_repost_keeps_its_story_and_loses_the_note(note: str) -> None:
    document = clean(plain(f"{STORY} {note}"))
    assert document.body == STORY
    assert note not in document.body


def test_a_note_before_the_story_goes_too() -> None:
    document = clean(plain(f"Originally published by Donbas Wire. {STORY}"))
    assert document.body == STORY


def test_a_page_that_is_only_the_note_has_no_text() -> None:
    with pytest.raises(NoTextError):
        clean(plain("This article was originally published on Steppe Monitor. Read the original here."))


def test_a_paragraph_of_notes_goes_whole() -> None:
    notes = ("The views expressed in this article are the author's own. "
             "This article was originally published on Steppe Monitor and is republished with permission.")
    assert [x.text for x in boilerplate.filter_page([Line(text=STORY), Line(text=notes)])] == [STORY]


def test_a_copyright_line_after_the_last_sentence_goes() -> None:
    lines = boilerplate.filter_page([Line(text=f"{STORY} © 2023 Steppe Monitor. All rights reserved.")])
    assert [x.text for x in lines] == [STORY]
