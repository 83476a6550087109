"""A fast `search` for a long alternation of codebook patterns (the prefilter: every trigger at once).

`re` tries every pattern of an alternation at every word start, and with IGNORECASE it has no fast
path to skip the ones whose first letter differs. Here each pattern is read once (with the stdlib's
regex parser) for the few lowercased letters its matches can begin with ("kil", "sho", "gun" for
"killed|shot dead|gunned down"); at a word start only the patterns whose beginnings agree with the
text are tried, one by one in their original order. The result is the very match the plain
alternation finds: a pattern left out could not match there, at one position the earlier pattern still
wins, and the plain alternation backtracks into a pattern as that pattern alone does. Patterns whose beginning cannot be read (`\\S+ ...`, `[\\d,]+`) are searched as usual.
It pays for hundreds of patterns; for a dozen (one rule's triggers) the plain regex is faster.
"""

from __future__ import annotations

import re

try:
    from re import _constants as _sre
    from re import _parser
except ImportError:  # Python < 3.11
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

PREFIX = 3  # letters of a pattern's beginning that pick it
MAX_PREFIXES = 2_000  # beyond this, a pattern is searched as usual
MAX_CLASS = 64  # characters of a class expanded ("[a-z]"); wider ones end what is known
_NON_ASCII = "\x80-\U0010ffff"
# (complete, open): beginnings after which the pattern goes on as the next item says, and those after
# which nothing more is known (a `\S+`, a repeat, the pattern's end)
_Beginnings = tuple[frozenset[str], frozenset[str]]
_EMPTY: _Beginnings = (frozenset({""}), frozenset())
_UNKNOWN: _Beginnings = (frozenset(), frozenset({""}))


class TooMany(ValueError):
    pass


class Alternation:
    """`search` as `compile_pattern("|".join(patterns)).search`, with the same match."""

    def __init__(self, patterns: list[str], compile_pattern) -> None:
        self._each = [compile_pattern(p) for p in patterns]
        self.pattern = "|".join(f"(?:{p})" for p in patterns)
        index: dict[str, list[int]] = {}
        anywhere: list[int] = []
        for i, p in enumerate(patterns):
            found = _starts(p)
            if found is None or "" in found:
                anywhere.append(i)
                continue
            for start in found:
                index.setdefault(start, []).append(i)
        self._index = {k: frozenset(v) for k, v in index.items()}
        self._anywhere = tuple(anywhere)
        self._anywhere_re = compile_pattern("|".join(f"(?:{patterns[i]})" for i in anywhere)) if anywhere else None
        firsts = "".join(sorted({k[0] for k in index} | {k[0].upper() for k in index}))
        self._positions = re.compile(rf"(?<![\w-])[{re.escape(firsts)}{_NON_ASCII}]") if firsts else None

    def search(self, text: str) -> re.Match[str] | None:
        limit = len(text) + 1
        elsewhere = self._anywhere_re.search(text) if self._anywhere_re is not None else None
        if elsewhere is not None:
            limit = elsewhere.start()
        if self._positions is not None:
            for at in self._positions.finditer(text, 0, limit):
                p = at.start()
                found = self._first_at(text, p, self._candidates(text, p))
                if found is not None:
                    return found
        if elsewhere is None:
            return None
        # the patterns read anywhere matched first here; at this position the earlier pattern still wins
        return self._first_at(text, limit, sorted(set(self._candidates(text, limit)) | set(self._anywhere)))

    def _first_at(self, text: str, p: int, chosen) -> re.Match[str] | None:
        for i in chosen:
            found = self._each[i].match(text, p)
            if found is not None:
                return found
        return None

    def _candidates(self, text: str, p: int) -> tuple[int, ...]:
        head = text[p:p + PREFIX]
        if not head.isascii():  # a letter that folds to an ASCII one ("ſ", the Kelvin sign): try every pattern
            return tuple(range(len(self._each)))
        head = head.lower()
        chosen: set[int] = set()
        for n in range(1, len(head) + 1):
            chosen.update(self._index.get(head[:n], ()))
        return tuple(sorted(chosen))


def _starts(pattern: str) -> frozenset[str] | None:
    """The lowercased beginnings (up to PREFIX letters) of every match of `pattern`; None if unreadable."""
    try:
        complete, open_ = _sequence(_parser.parse(pattern, re.IGNORECASE))
    except (TooMany, re.error, TypeError, ValueError):
        return None
    return complete | open_


def _sequence(items) -> _Beginnings:
    """The beginnings of a parsed sequence: each item continues the beginnings still short of PREFIX."""
    complete, open_ = {""}, set()
    for item in items:
        growing = {c for c in complete if len(c) < PREFIX}
        open_ |= complete - growing
        if not growing:
            break
        more, stop = _item(*item)
        complete = {_cut(a + b) for a in growing for b in more}
        open_ |= {_cut(a + b) for a in growing for b in stop}
        if len(complete) + len(open_) > MAX_PREFIXES:
            raise TooMany("too many beginnings")
    return frozenset(complete), frozenset(open_)


def _item(op, av) -> _Beginnings:
    if op is _sre.LITERAL:
        return _chars([chr(av)])
    if op is _sre.IN:
        return _chars(_class_chars(av))
    if op is _sre.BRANCH:
        found = [_sequence(branch) for branch in av[1]]
        return frozenset().union(*(c for c, _ in found)), frozenset().union(*(o for _, o in found))
    if op is _sre.SUBPATTERN:
        return _sequence(av[3])  # a case-sensitive group ("(?-i:march)") only narrows what is lowercased
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        low, high, inner = av
        complete, open_ = _sequence(inner)
        once = (complete, open_) if high == 1 else (frozenset(), complete | open_)  # after one copy: unknown
        return (frozenset({""}) | once[0], once[1]) if low == 0 else once
    if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
        return _EMPTY  # zero-width: the match begins with what follows
    return _UNKNOWN


def _chars(chars: list[str] | None) -> _Beginnings:
    if chars is None or not all(c.isascii() for c in chars):
        return _UNKNOWN
    return frozenset(c.lower() for c in chars), frozenset()


def _class_chars(members) -> list[str] | None:
    chars: list[str] = []
    for op, av in members:
        if op is _sre.LITERAL:
            chars.append(chr(av))
        elif op is _sre.RANGE and av[1] - av[0] <= MAX_CLASS:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        else:  # a negated class, a category (\w, \d), a wide range
            return None
    return chars


def _cut(text: str) -> str:
    return text[:PREFIX]
