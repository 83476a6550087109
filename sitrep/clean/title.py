"""The page's headline, read off the lines above its first paragraph of prose.

A page's head is typically: masthead (site name, tagline), menu, ticker, date, TITLE (often twice),
byline, share row. So, in order of trust: a heading; a line the page repeats; the first real headline
(five words or more) below the masthead; any headline-like line below it; the masthead itself (a
newsletter whose only title is its name).
"""

from __future__ import annotations

import re

from sitrep.clean.blocks import Line, fold, same_text

_TITLE_SUFFIX = re.compile(r"^(?P<title>.{8,}?)\s+(?:\||–|—|-|::|»|·)\s+(?P<site>[^|–—»·]{2,60})$")
_MASTHEAD_LINES = 3  # brand, tagline, one more line at most before the menu
_MASTHEAD_BRAND_WORDS = 5


def split_site(title: str, lines: list[Line]) -> tuple[str, str | None]:
    """"Shelling hits Ariha | Levant Monitor" -> ("Shelling hits Ariha", "Levant Monitor")."""
    m = _TITLE_SUFFIX.match(title)
    if not m:
        return title, None
    head, site = m.group("title").strip(), m.group("site").strip()
    if " | " in title or any(same_text(line.text, head) for line in lines):
        return head, site if len(site.split()) <= 6 else None
    return title, None


def _index(lines: list[Line], target: Line) -> int | None:
    return next((k for k, line in enumerate(lines) if line is target), None)


def _head(region: list[Line], page: list[Line]) -> list[Line]:
    """The page's lines (kept or not) above the region's first paragraph of prose."""
    if not region:
        return []
    first = next((k for k, line in enumerate(region) if line.role == "text" and line.is_prose), None)
    if first is not None:
        k = _index(page, region[first])
        return page[:k] if k is not None else region[:first]
    k = _index(page, region[-1])
    return page[: k + 1] if k is not None else region


def _masthead(head: list[Line], kept: set[int]) -> list[Line]:
    """Site name and tagline: the short lines above the first menu/share row the cleaner dropped."""
    dropped = next((k for k, line in enumerate(head) if id(line) not in kept), None)
    if dropped is None or not 1 <= dropped <= _MASTHEAD_LINES:
        return []
    block = head[:dropped]
    if block[0].words > _MASTHEAD_BRAND_WORDS or any(line.role != "text" or line.is_prose for line in block):
        return []
    return block


def _repeated(head: list[Line], kept: set[int]) -> str | None:
    """A headline the page prints twice (the cleaner keeps one copy; a table of contents keeps none)."""
    seen: dict[str, Line] = {}
    for line in head:
        if line.role != "text" or not line.headline_like or line.words < 3 or line.kind == "item":
            continue
        folded = fold(line.text)
        first = seen.setdefault(folded, line)
        if first is not line and (id(first) in kept or id(line) in kept):
            return first.text
    return None


def guess_title(region: list[Line], page: list[Line] | None = None) -> str | None:
    """The headline of `region` (the kept lines of a page or of its preamble); `page` holds all the
    page's lines, dropped ones included, which show where the masthead ends and what is repeated.
    """
    page = page if page is not None else region
    kept = {id(line) for line in region}
    head = _head(region, page)
    for line in head:
        if id(line) in kept and line.role == "text" and line.kind == "heading" and 2 <= line.words <= 30:
            return line.text
    repeated = _repeated(head, kept)
    if repeated:
        return repeated
    masthead = _masthead(head, kept)
    candidates = [
        line
        for line in head
        if id(line) in kept and line.headline_like and 2 <= line.words <= 25 and line.kind != "item"
        and not line.link_only and all(line is not m for m in masthead)
    ]  # fmt: skip
    for line in candidates:
        if line.words >= 5 and not line.text.isupper():
            return line.text
    if candidates:
        return candidates[0].text
    return masthead[0].text if masthead else None
