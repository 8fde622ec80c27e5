"""The literal heads of a trigger pattern: the texts a match must start with, across words.

literal_prefixes (agreements/rules.py) gives the first word's literal start ("in" for "in (?:a|its)
(?:\\w+ )?statement"); a head reaches further, through spaces, literal groups and optional parts ("in a ",
"in its ", ...), so that a pattern led by a function word is tried only where its whole literal start
occurs, not at every "in", "is" or "was" of a text. In a head, " " stands for a run of white space (the
house syntax's space). Every head is a necessary start: where the pattern matches, the text starts with
one of its heads (a part that is not plainly literal ends the head there, which only makes it shorter).
"""

from __future__ import annotations

import re

from accordwatch.extract.agreements.rules import group_end, top_level_split

LITERAL = frozenset("abcdefghijklmnopqrstuvwxyz0123456789'- ")
ZERO_WIDTH = ("(?<=", "(?<!", "(?=", "(?!")  # assertions: they require nothing of the text they stand at
# A head stops growing past this many variants (a shorter head is still a necessary start).
MAX_HEADS = 48
_WORD_BEFORE_TILDE = re.compile(r"[A-Za-z-]+$")
UNBALANCED = re.compile(r"\\[()]|\[[^\]]*[()]")


def literal_heads(pattern: str) -> tuple[str, ...]:
    """The heads of `pattern` (house syntax), none a start of another, in sorted order; () where some
    way of matching it has no literal start of two characters."""
    if UNBALANCED.search(pattern):
        return ()  # an escaped or bracketed parenthesis would throw the group reading off
    heads = {h for h, _ in _alternation(pattern)}
    if any(len(h.split(" ")[0]) < 2 for h in heads):
        return ()
    return tuple(sorted(h for h in heads if not any(o != h and h.startswith(o) for o in heads)))


def _alternation(body: str) -> list[tuple[str, bool]]:
    return [x for piece in top_level_split(body) for x in _sequence(piece)]


def _sequence(s: str) -> list[tuple[str, bool]]:
    """(head, whether it reached the end of `s`, so that what follows `s` may extend it)."""
    open_, closed = [""], []
    i = 0
    while i < len(s):
        if s.startswith(ZERO_WIDTH, i):
            i += group_end(s[i:]) + 1
            continue
        if s.startswith("(?:", i):
            j = i + group_end(s[i:])
            quant, after = s[j + 1:j + 2], s[j + 2:j + 3]
            inner = _alternation(s[i + 3:j])
            combos = [(h + x, ended) for h in open_ for x, ended in inner]
            if quant == "?" and after not in ("?", "+"):
                combos += [(h, True) for h in open_]
            elif quant in ("?", "*", "+", "{"):
                break
            if len(combos) > MAX_HEADS:
                break
            closed += [h for h, ended in combos if not ended]
            open_ = list(dict.fromkeys(h for h, ended in combos if ended))
            i = j + 1 + (quant == "?")
            continue
        space = s.startswith("\\s", i)
        ch = " " if space else s[i]
        width = 2 if space else 1
        quant, after = s[i + width:i + width + 1], s[i + width + 1:i + width + 2]
        if ch not in LITERAL:
            break
        if quant == "~":  # "word~" inflects: expand keeps the word's last letter only where it doesn't end in e or y
            word = _WORD_BEFORE_TILDE.search(s[:i + 1])
            if word is None or not _drops_last(word.group()):
                open_ = [h + ch for h in open_]
            break
        if quant == "?" and after not in ("?", "+"):
            open_ = list(dict.fromkeys([*(h + ch for h in open_), *open_]))
            if len(open_) > MAX_HEADS:
                break
            i += width + 1
            continue
        if quant in ("*", "{") or quant == "?" or (quant == "+" and ch != " "):
            break
        open_ = [h + ch for h in open_]
        i += width + (quant == "+")  # a space is a run of white space already ("\\s+" is a space)
    else:
        return [*((h, False) for h in closed), *((h, True) for h in open_)]
    return [(h, False) for h in [*closed, *open_]]


def _drops_last(word: str) -> bool:
    """Whether expand() inflects `word~` without its last letter ("agree~" -> "agre(?:e|es|ed|ing)")."""
    return word.endswith("e") or (word.endswith("y") and len(word) > 3 and word[-2] not in "aeiou")


def word_starts(pattern: str, prefixes: tuple[str, ...]) -> tuple[str, ...]:
    """The starts a pattern is tried at: its heads, where they say more than `prefixes` (the literal starts of
    its first word, which a word of the text must begin with for the pattern to be tried there at all), and
    `prefixes` where they say more ("agree~" has head "agre" and prefix "agree": "agree"). `prefixes` where
    the heads give nothing."""
    out: set[str] = set()
    for head in literal_heads(pattern):
        first = head.split(" ")[0]
        if " " in head:
            if any(first.startswith(p) for p in prefixes):
                out.add(head)
            continue
        longer = [p for p in prefixes if p.startswith(head)]
        if longer:
            out.update(longer)
        elif any(head.startswith(p) for p in prefixes):
            out.add(head)
    if not out:
        return prefixes
    return tuple(sorted(h for h in out if not any(o != h and h.startswith(o) for o in out)))


def fits(start: str, word: str) -> bool:
    """Whether a start (of word_starts) can begin at a word of the text: a start that goes on after a space
    takes the whole word, one within a word only begins it."""
    first, space, _ = start.partition(" ")
    return word == first if space else word.startswith(start)
