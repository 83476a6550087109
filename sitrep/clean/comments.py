"""Reader-comment threads in a page's lines: find them, cut them out of the page, read each comment.

A thread starts at a comment header ("12 Comments", "Leave a Reply", "Join the discussion") when
comment-widget signals follow (a control such as "Sort by Newest" or "Reply", a timestamp such as
"3 hours ago", a "Name says:" line). It ends at a related-articles header, a copyright footer, or a
new dated post. Inside it, a comment is an author line (a name followed by a timestamp, or "Name
says:") then text, until the next author, timestamp or widget control.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sitrep.clean import rules
from sitrep.clean.blocks import Line
from sitrep.clean.dates import date_line, find_dates, is_relative_time
from sitrep.model import Comment

_SIGNAL_WINDOW = 8
_SAYS = re.compile(r"^@?(?P<name>[^\s].{0,40}?)\s+(?:says|said|wrote|writes|replied|commented|replies)\b\s*:?\s*(?P<rest>.*)$", re.I)
_NAME_THEN_TIME = re.compile(r"^@?(?P<name>[^\s·•|]{1,40}?(?:\s[^\s·•|]+){0,3}?)\s*(?:[·•|,–—-]|\bon\b)\s*(?P<time>.+)$")
_END_CATEGORIES = frozenset({"related_header", "copyright"})


@dataclass
class _Draft:
    author: str | None = None
    published: date | None = None
    texts: list[str] = field(default_factory=list)
    closed: bool = False


def _role(line: Line) -> str | None:
    rule = rules.match(line.text)
    return rule.role if rule else None


def _is_header(line: Line) -> bool:
    """A comment-section header; a link to the comments ("[4 comments](...#comments)") is not one."""
    return line.words <= 30 and not line.link_only and _role(line) == "comment_header"


def _is_signal(line: Line) -> bool:
    rule = rules.match(line.text)
    if rule and (rule.role == "comment_control" or rule.category == "comment_guidelines"):
        return True
    return is_relative_time(line.text) or _author_line(line.text) is not None


def _thread_follows(lines: list[Line], i: int) -> bool:
    header = lines[i]
    if header.kind == "heading" and "comment" in header.text.lower() and i + 1 < len(lines):
        return True  # a heading naming comments ("Top Rated Comments") heads a thread
    return any(_is_signal(line) for line in lines[i + 1 : i + 1 + _SIGNAL_WINDOW])


def _post_starts(lines: list[Line], j: int) -> bool:
    """A dated post begins at j: a date line, a title, then a long paragraph (not a comment)."""
    if j + 2 >= len(lines) or not date_line(lines[j].text) or ":" in lines[j].text:
        return False
    return lines[j + 1].headline_like and lines[j + 2].words >= 15


def _ends_thread(lines: list[Line], j: int) -> bool:
    rule = rules.match(lines[j].text)
    if rule and (rule.role in _END_CATEGORIES or rule.category in _END_CATEGORIES):
        return True
    return _post_starts(lines, j)


def split(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(page lines, comment-thread lines): every thread cut out of the page."""
    page: list[Line] = []
    thread: list[Line] = []
    i = 0
    while i < len(lines):
        if _is_header(lines[i]) and _thread_follows(lines, i):
            j = i + 1
            while j < len(lines) and not _ends_thread(lines, j):
                j += 1
            thread.extend(lines[i + 1 : j])
            i = j
            continue
        page.append(lines[i])
        i += 1
    return page, thread


def _author_line(text: str) -> tuple[str, date | None] | None:
    """("Abu Khaled", 2020-06-14) for "Abu Khaled says: June 14, 2020 at 10:00 am", "Lina · 3 hours ago"."""
    if len(text) > 90:
        return None
    m = _SAYS.match(text)
    if m and len(m.group("name").split()) <= 4:
        rest = m.group("rest")
        if rest and not (date_line(rest) or is_relative_time(rest)):
            return None
        hits = find_dates(rest) if rest else []
        return _clean_name(m.group("name")), hits[0].value if hits else None
    m = _NAME_THEN_TIME.match(text)
    if m and _looks_like_name(m.group("name")):
        time = m.group("time")
        if is_relative_time(time):
            return _clean_name(m.group("name")), None
        hits = date_line(time, max_other_words=1)
        if hits:
            return _clean_name(m.group("name")), hits[0].value
    return None


def _clean_name(name: str) -> str:
    return name.strip(" @:·•|,-–—").strip()


def _looks_like_name(text: str) -> bool:
    text = text.strip()
    initial = re.search(r"\b[A-Z]\.$", text) is not None
    if not text or len(text) > 40 or (text.endswith((".", "!", "?", ",", ":", ";", '"', "”")) and not initial):
        return False
    words = text.split()
    if not 1 <= len(words) <= 4:
        return False
    return words[0][:1].isupper() or text.startswith("@") or bool(re.search(r"[_\d]", words[0]))


def _kinds(lines: list[Line]) -> list[tuple[str, object]]:
    kinds: list[tuple[str, object]] = []
    for line in lines:
        text = line.text
        if not any(c.isalnum() for c in text):
            continue
        if is_relative_time(text):
            kinds.append(("time", None))
            continue
        hits = date_line(text, max_other_words=1)
        if hits and line.words <= 10:
            kinds.append(("time", hits[0].value))
            continue
        author = _author_line(text)
        if author:
            kinds.append(("author", author))
            continue
        if rules.match(text) is not None:
            kinds.append(("control", None))
        elif _looks_like_name(text) and line.words <= 4:
            kinds.append(("name", text))
        else:
            kinds.append(("text", text))
    return kinds


def parse(lines: list[Line]) -> list[Comment]:
    """The comments of a thread's lines, each with its author and date when the page shows them."""
    kinds = _kinds(lines)
    comments: list[Comment] = []
    draft = _Draft()

    def flush() -> None:
        nonlocal draft
        if draft.texts:
            comments.append(Comment(text="\n\n".join(draft.texts), author=draft.author, published=draft.published))
        draft = _Draft()

    for i, (kind, payload) in enumerate(kinds):
        nxt = kinds[i + 1][0] if i + 1 < len(kinds) else None
        prev = kinds[i - 1][0] if i > 0 else "control"
        if kind == "name" and (nxt == "time" or (prev in ("control", "time") and nxt == "text")):
            kind, payload = "author", (_clean_name(str(payload)), None)
        if kind == "author":
            flush()
            draft.author, draft.published = payload  # type: ignore[misc]
        elif kind == "time":
            if draft.texts:
                flush()
            draft.published = draft.published or payload  # type: ignore[assignment]
        elif kind in ("text", "name"):
            if draft.closed:
                flush()
            draft.texts.append(str(payload))
        elif draft.texts:
            draft.closed = True
    flush()
    return comments
