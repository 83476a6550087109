"""Keep the article, drop the page furniture: line rules (`rules.py`) plus the rules that need
neighbours (related-article lists, tag lists, author bios, captions after images, navigation
runs, link-only lines, repeated lines).

Date lines and bylines are kept but marked (`Line.role`), for the date and post logic; they are
not part of the body.
"""

from __future__ import annotations

import re

from sitrep.clean import rules
from sitrep.clean.blocks import Line, fold
from sitrep.clean.dates import date_line, date_row

_BYLINE = re.compile(
    r"^(?:by|written by|words by|story by|posted by|text by|report by)\s*:?\s+[A-Z\u0600-\u06ff@]"
    r"|^(?:reporting|writing|editing|additional reporting|compiled|translated|translation|edited|produced)"
    r"(?: by)?\s*:?\s+[A-Z]",
    re.IGNORECASE,
)
_NAME_WORD = r"(?:[A-Z][\w.'’-]+|(?:al|el|bin|ibn|abu|de|van|von|da|du|le)(?:-[\w'’-]+)?)"
_BIO = re.compile(
    rf"^(?:{_NAME_WORD}\s){{1,4}}(?:is|was|has been|works as)\s+(?:a|an|the)\s+(?:[\w,-]+\s){{0,6}}?"
    r"(?:journalist|reporter|correspondent|writer|editor|researcher|analyst|fellow|photographer|photojournalist|"
    r"contributor|freelancer|columnist|author|blogger|producer|commentator|scholar|professor|lecturer|filmmaker|"
    r"student|intern|member of)\b|"
    rf"^(?:{_NAME_WORD}\s){{1,4}}(?:covers|reports on|writes about|writes on|has covered|has reported)\b"
)
_NAV_SEPARATOR = re.compile(r"\s*(?:\||•|·|»|›|::)\s*|\s+[/>]\s+")  # "a/b", "x>y" and URLs are no menus
_RELATED_BUDGET = 20


def mark_meta(lines: list[Line]) -> None:
    """Mark date lines and bylines (role), so that they leave the body but feed the metadata."""
    for line in lines:
        if line.words <= 20:
            hits = date_line(line.text) or date_row(line.text)
            if hits:
                line.role, line.dates = "date", hits
                continue
        if line.words <= 14 and _BYLINE.match(line.text) and (line.words <= 6 or not line.ends_sentence):
            line.role = "byline"


# a sentence ends at . ! ? (and a closing quote or bracket) before a capital, a digit, an opening quote or ©
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+(?=[\"“(\[]?[A-Z0-9]|©)")


def _without_notes(line: Line) -> Line | None:
    """A paragraph that closes (or opens) with a note ("Republished with permission."): the paragraph without
    the sentences a rule matches, when what is left is still prose; else None."""
    sentences = _SENTENCE_END.split(line.text)
    if len(sentences) < 2:
        return None
    kept = [s for s in sentences if rules.match(s) is None]
    if not kept or len(kept) == len(sentences):
        return None
    trimmed = line.with_text(" ".join(kept))
    return trimmed if trimmed.is_prose else None


def _caption_like(line: Line) -> bool:
    return line.emphasis or (line.words <= 30 and not line.ends_sentence)


def _line_rules(lines: list[Line]) -> list[Line]:
    """Per-line rules plus the sections they open (related lists, tag lists, bios)."""
    kept: list[Line] = []
    section: str | None = None
    budget = 0
    items = 0
    after_image = False
    previous_link_only = False
    for line in lines:
        was_after_image, after_image = after_image, False
        if line.image and not line.is_prose:
            after_image = True
            continue
        rule = rules.match(line.text) if line.role == "text" else None
        if section == "related":
            teaser = previous_link_only and items >= 2 and line.words < 50
            listed = line.kind == "item" and line.headline_like  # a linked headline may end with "?"
            ends = rule is None and line.role == "text" and (line.is_prose or line.kind == "heading") and not (teaser or listed)
            if not ends and budget > 0:
                budget -= 1
                items += line.link_only or line.headline_like
                previous_link_only = line.link_only
                continue
            section = None
        elif section == "tags":
            if line.is_short or rule is not None:
                continue
            section = None
        elif section == "bio":
            if budget > 0 and line.kind != "heading" and (rule is not None or not line.is_prose or line.words < 80):
                budget -= 1
                continue
            section = None
        if rule is not None and rule.per_sentence:
            trimmed = _without_notes(line)
            if trimmed is not None:
                line, rule = trimmed, None
        if rule is not None:
            if rule.role == "related_header":
                section, budget, items, previous_link_only = "related", _RELATED_BUDGET, 0, False
            elif rule.role == "tags_header":
                section = "tags"
            elif rule.role == "bio_header":
                section, budget = "bio", 2
            continue
        if line.caption or (was_after_image and _caption_like(line)):
            continue
        kept.append(line)
    return kept


def _is_nav_separated(line: Line) -> bool:
    parts = [p for p in _NAV_SEPARATOR.split(line.text) if p]
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts) and not line.ends_sentence


def _navish(line: Line) -> bool:
    return (
        line.role == "text"
        and line.kind != "heading"
        and line.is_short
        and not any(c.isdigit() for c in line.text)
    )


def _navigation_runs(lines: list[Line]) -> list[Line]:
    """Runs of three or more short menu-like lines (two when both are links), unless a colon introduces them."""
    drop: set[int] = set()
    n = len(lines)
    i = 0
    while i < n:
        if not _navish(lines[i]):
            i += 1
            continue
        j = i
        while j < n and _navish(lines[j]):
            j += 1
        run = lines[i:j]
        introduced = i > 0 and lines[i - 1].text.rstrip().endswith(":")
        if not introduced and (len(run) >= 3 or (len(run) == 2 and all(x.link_ratio > 0.5 for x in run))):
            drop.update(range(i, j))
        i = j
    return [line for k, line in enumerate(lines) if k not in drop]


def _link_rules(lines: list[Line]) -> list[Line]:
    """Separator rows and link-only lines (a link-only heading survives as a post title)."""
    drop: set[int] = set()
    n = len(lines)
    for k, line in enumerate(lines):
        if k in drop or line.role != "text":
            continue
        if _is_nav_separated(line):
            drop.add(k)
        elif line.link_only or (line.link_ratio >= 0.8 and not line.is_prose):
            nxt = next((lines[m] for m in range(k + 1, n) if m not in drop), None) if line.kind == "heading" else None
            titles_a_post = nxt is not None and (nxt.role == "date" or nxt.is_prose)
            if not titles_a_post and not (line.is_prose and line.words >= 12):
                drop.add(k)
    return [line for k, line in enumerate(lines) if k not in drop]


def _bios_and_repeats(lines: list[Line], repeats: bool = True) -> list[Line]:
    """Author bios in the second half of the article; lines repeated verbatim (when `repeats`)."""
    kept: list[Line] = []
    seen: set[str] = set()
    for position, line in enumerate(lines):
        if position >= len(lines) * 0.5 and line.words <= 80 and _BIO.match(line.text):
            continue
        if repeats and line.role == "text" and line.words >= 3:
            folded = fold(line.text)
            if folded in seen:
                continue
            seen.add(folded)
        kept.append(line)
    return kept


def filter_page(lines: list[Line], extracted: bool = False) -> list[Line]:
    """The lines of the article (and its date lines and bylines, marked), without page furniture.

    `extracted`: the lines are already a main-text extraction (trafilatura), so runs of short lines and
    repeated lines are left alone: there they are lists, tables, interview questions, not menus and
    the page header printed twice.
    """
    mark_meta(lines)
    kept = lines if extracted else _navigation_runs(lines)
    kept = _line_rules(kept)
    kept = _link_rules(kept)
    return _bios_and_repeats(kept, repeats=not extracted)
