"""What a rule's regex needs, read off its parse tree, so that a text can be skipped cheaply:

    needles(regex)  strings one of which every match contains ("jan", "feb", ...)
    gate(tree)      a regex over the `fold`ed text that matches (one character) wherever a match
                    of the rule may start: its first few characters can begin a match

Both compare on `fold`ed text: IGNORECASE also matches four non-ASCII letters to ASCII ones,
which `str.lower` alone does not map.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from accordwatch import startup_cache
from accordwatch.extract.lookup import IGNORECASE_EXTRAS


def parse(regex: re.Pattern[str]) -> Any:
    """The parse tree of a compiled regex (what `needles` and `gate` read)."""
    return sre_parse.parse(regex.pattern, regex.flags)


# Prefilter: a rule whose match must contain one of a few literal strings need not be run over
# a text that contains none of them. The strings are read off the regex's parse tree: a run of
# items each matching one of a small finite set of strings (literals, tries of vocabulary,
# optional dots, zero-width assertions) matches one of their concatenations; an alternation
# needs one of its branches' strings. Comparison is on `fold`ed text: IGNORECASE also matches
# four non-ASCII letters to ASCII ones, which `str.lower` alone does not map.
_NEEDLE_SET_LIMIT = 64
_FOLD_FROM = tuple("".join(IGNORECASE_EXTRAS.values()))
_FOLD = str.maketrans({char: letter for letter, chars in IGNORECASE_EXTRAS.items() for char in chars})
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_NOTHING = frozenset({""})


def fold(text: str) -> str:
    """`text` as the needles are written: every letter an IGNORECASE literal matches, lower-cased."""
    if text.isascii() or not any(map(text.__contains__, _FOLD_FROM)):
        return text.lower()
    return text.translate(_FOLD).lower()


def _product(sets: Iterable[frozenset[str]]) -> frozenset[str] | None:
    out = _NOTHING
    for s in sets:
        out = frozenset(a + b for a in out for b in s)
        if len(out) > _NEEDLE_SET_LIMIT:
            return None
    return out


def _exact(op: Any, av: Any) -> frozenset[str] | None:
    """Every string the item can match, if they are few and ASCII; else None."""
    if op is sre.LITERAL:
        return frozenset({chr(av).lower()}) if chr(av).isascii() else None
    if op is sre.IN:
        ok = all(o is sre.LITERAL and chr(a).isascii() for o, a in av)
        return frozenset(chr(a).lower() for _, a in av) if ok else None
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _NOTHING  # zero-width
    if op is sre.SUBPATTERN:
        return _exact_seq(av[3])
    if op is sre.BRANCH:
        parts = [_exact_seq(b) for b in av[1]]
        if any(p is None for p in parts):
            return None
        union = frozenset(w for p in parts if p is not None for w in p)
        return union if len(union) <= _NEEDLE_SET_LIMIT else None
    if op in _REPEATS and av[1] <= 1:
        child = _exact_seq(av[2])
        return None if child is None else child | _NOTHING if av[0] == 0 else child
    return None


# Results of `_exact_seq` by the id of the parse-tree node, for one `needles` call (the tree is
# alive, so ids are stable): `_required` asks again for the nodes under each node it enters.
_SEQ_MEMO: dict[int, frozenset[str] | None] = {}


def _exact_seq(items: Any) -> frozenset[str] | None:
    key = id(items)
    if key not in _SEQ_MEMO:
        sets = [_exact(op, av) for op, av in items]
        _SEQ_MEMO[key] = None if any(s is None for s in sets) else _product(s for s in sets if s is not None)
    return _SEQ_MEMO[key]


def _required_in(op: Any, av: Any) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        return _required(av[3])
    if op is sre.BRANCH:
        parts = [_required(b) for b in av[1]]
        return None if any(p is None for p in parts) else frozenset().union(*(p for p in parts if p))
    if op in _REPEATS and av[0] >= 1:
        return _required(av[2])
    return None


def _strength(s: frozenset[str]) -> tuple[int, int]:
    return (min(map(len, s)), -len(s)) if s else (0, 0)


def _required(items: Any) -> frozenset[str] | None:
    """Strings one of which every match of the sequence `items` contains; None if none found."""
    found: list[frozenset[str]] = []
    run = _NOTHING
    for op, av in items:
        exact = _exact(op, av)
        if exact is not None:
            grown = _product((run, exact))
            if grown is None:
                found.append(run)
            run = grown if grown is not None else exact
            continue
        found.append(run)
        run = _NOTHING
        inner = _required_in(op, av)
        if inner is not None:
            found.append(inner)
    found.append(run)
    best = max(found, key=_strength)
    return best if _strength(best)[0] > 0 else None


def needles(regex: re.Pattern[str]) -> tuple[str, ...]:
    """Lower-case strings one of which is in the `fold`ed text of every match of `regex`,
    shortest kept ("jan" makes "january" redundant); () when the regex has no such set."""
    try:
        required = _required(parse(regex))
    finally:
        _SEQ_MEMO.clear()
    if required is None:
        return ()
    return tuple(sorted(s for s in required if not any(o != s and o in s for o in required)))


Analysis = tuple[frozenset[tuple[str, ...]] | None, str | None]


def analysis(regex: re.Pattern[str]) -> Analysis:
    """`gate_starts` of a rule's regex, and the regex of those starts (see `gate`; None where they
    are not known), kept between runs by the start-up cache (parsing and reading the tree cost as
    much as compiling the regex, and writing the starts' regex as much again)."""
    return startup_cache.derived(_analysis, regex)


def _analysis(regex: re.Pattern[str]) -> Analysis:
    starts = gate_starts(parse(regex))
    return starts, None if starts is None else _alternatives(starts)


# Gate: the first `_GATE_WIDTH` characters of every match, as sequences of character classes
# over the `fold`ed text ("t" "h" "e", "\d" "\d", "[\s\-]" ...), read off the parse tree: a
# literal is its folded letter; a class its folded members (digit, space and word categories
# are the same on folded text); a look-around or anchor nothing (ignoring it admits more). A
# shorter sequence is a match that can end there. Anything else (a negated class, "."), or too
# many sequences, and the rule gets no gate: it is scanned everywhere. Six characters see past
# "the " ("the company" starts no rule that "the coming" may), which keeps a third of the tries
# that four let through; at seven the starts of a rule ("duration") outgrow the limit.
_GATE_WIDTH = 6
_GATE_LIMIT = 2000
_CATEGORY = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_WORD: r"\w"}
_Starts = set[tuple[str, ...]]


class _NoGate(Exception):
    """The regex uses what the gate does not model."""


def _folded_char(code: int) -> str:
    ch = chr(code)
    if ch.isascii():
        return ch.lower()
    if ch.lower() == ch.upper():  # not a letter with a case: it matches itself only
        return ch
    raise _NoGate


def _class_body(items: Any) -> str:
    parts = []
    for op, av in items:
        if op is sre.LITERAL:
            parts.append(re.escape(_folded_char(av)))
        elif op is sre.RANGE and (all(chr(c).isdigit() and chr(c).isascii() for c in av)
                                  or all(chr(c).isascii() and chr(c).isalpha() for c in av)):
            parts.append(f"{chr(av[0]).lower()}-{chr(av[1]).lower()}")
        elif op is sre.CATEGORY and av in _CATEGORY:
            parts.append(_CATEGORY[av])
        else:
            raise _NoGate
    return "".join(parts)


def _seq_starts(items: Any, width: int) -> _Starts:
    ended: _Starts = {()}  # the sequence so far, where it may be followed by more
    full: _Starts = set()
    for op, av in items:
        grown: _Starts = set()
        for head in ended:
            for tail in _item_starts(op, av, width - len(head)):
                (full if len(head) + len(tail) == width else grown).add(head + tail)
        ended = grown
        if len(full) + len(ended) > _GATE_LIMIT:
            raise _NoGate
        if not ended:
            break
    return full | ended


def _repeat_starts(low: int, high: int, child: Any, width: int) -> _Starts:
    out: _Starts = set()
    heads: _Starts = {()}
    explored: _Starts = set()
    count = 0
    while True:
        out |= {h for h in heads if len(h) == width}
        short = {h for h in heads if len(h) < width}
        if count >= low:
            out |= short
            if short <= explored:
                return out  # nothing new to grow: more repeats give what is there already
            explored |= short
        if count == high or not short:
            return out
        heads = {h + t for h in short for t in _seq_starts(child, width - len(h))}
        count += 1
        if len(heads) > _GATE_LIMIT:
            raise _NoGate


def _item_starts(op: Any, av: Any, width: int) -> _Starts:
    """The item's possible first `width` character classes (fewer: the item ends there)."""
    if op is sre.LITERAL:
        return {(re.escape(_folded_char(av)),)}
    if op is sre.IN:
        return {(f"[{_class_body(av)}]",)}
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {()}
    if op is sre.SUBPATTERN:
        return _seq_starts(av[3], width)
    if op is sre.BRANCH:
        return {s for branch in av[1] for s in _seq_starts(branch, width)}
    if op in _REPEATS:
        return _repeat_starts(av[0], av[1], av[2], width)
    raise _NoGate


def _alternatives(sequences: Iterable[tuple[str, ...]]) -> str:
    """An alternation of sequences of character classes, as a trie (shared heads once)."""
    by_head: dict[str, list[tuple[str, ...]]] = {}
    for s in sequences:
        by_head.setdefault(s[0] if s else "", []).append(s[1:])
    branches = [head + (_alternatives(rests) if rests != [()] else "") if head else ""
                for head, rests in sorted(by_head.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def gate_starts(tree: Any) -> frozenset[tuple[str, ...]] | None:
    """The possible first `_GATE_WIDTH` character classes of a match of the parsed regex (fewer:
    a match that ends there); None where they are not known or a match may be empty."""
    try:
        starts = _seq_starts(tree, _GATE_WIDTH)
    except _NoGate:
        return None
    return None if () in starts else frozenset(starts)


def gate(tree: Any, start_after: str) -> re.Pattern[str] | None:
    """A regex that, run with `finditer` over a `fold`ed text, ends a match (of one character) at
    every place but the first where a match of the parsed regex may start (and at others); None
    where no gate is known. `start_after` is the body of the class of the characters no match
    starts right after (the rule's own look-behind)."""
    starts = gate_starts(tree)
    return None if starts is None else gate_of(_alternatives(starts), start_after)


@lru_cache(maxsize=256)
def gate_of(starts: str, start_after: str) -> re.Pattern[str]:
    """`gate` from the regex of the `gate_starts` of a parse tree (see `analysis`)."""
    # A pattern that starts with a set of characters lets the regex engine skip in C to the
    # next member: here the character before a start (the rule's look-behind is its complement),
    # so that only the places after one are looked at. The place is the match's end.
    return startup_cache.compile(f"{_before_start(start_after)}(?={starts})")


def shared_gate(starts: list[str], start_after: str) -> re.Pattern[str]:
    """One gate for several rules (the regexes of their `gate_starts`), run as `gate` is: it stops
    where any of them may start. One scan over the text tries a single trie of all their starts at
    each place, instead of one scan per rule; which rules may start there a `StartTable` tells."""
    union = startup_cache.parsed(_union_of_starts, json.dumps(starts))
    return startup_cache.compile(f"{_before_start(start_after)}(?={union})")


def _union_of_starts(starts: str) -> str:
    """One trie of what any of the regexes of starts (a JSON list) matches, read back off their parse
    trees (`_alternatives` wrote them as sequences of character classes, which the gate reads)."""
    union: set[tuple[str, ...]] = set()
    for pattern in json.loads(starts):
        read = gate_starts(sre_parse.parse(pattern))
        if read is None:
            raise ValueError(f"not a regex of starts: {pattern!r}")
        union |= read
    return _alternatives(union)


class StartTable(dict[str, tuple[int, ...]]):
    """The rules (by index in `starts`) whose gate lets a match start at a place, by the `width`
    `fold`ed characters there, learnt place by place. A gate reads no more than that (its starts
    are sequences of at most `_GATE_WIDTH` character classes), and places repeat from text to text
    ("the ", "last", "2005"): one dictionary look-up at a place where a `shared_gate` stops, instead
    of a test of each rule's own starts there in the gate."""

    width = _GATE_WIDTH

    def __init__(self, starts: Iterable[str]) -> None:  # the regexes of their `gate_starts`
        super().__init__()
        self.tests = tuple(map(startup_cache.compile, starts))

    def __missing__(self, key: str) -> tuple[int, ...]:
        found = tuple(i for i, test in enumerate(self.tests) if test.match(key))
        if len(self) < 100_000:  # the beginnings of words: a vocabulary, not a leak
            self[key] = found
        return found


@lru_cache(maxsize=8)
def _before_start(start_after: str) -> str:
    """A regex for one character not in the class `start_after`. Written as the ASCII ones listed
    (a bitmap the regex engine tests at once, where `\\w` asks the Unicode tables for each character
    it skips) or any other, which a look-behind then tests against the class itself."""
    outside = re.compile(f"[^{start_after}]")
    ascii_ones = "".join(f"\\x{i:02x}" for i in range(128) if outside.match(chr(i)))
    return f"[{ascii_ones}\\x80-\\U0010ffff](?<=[^{start_after}])"
