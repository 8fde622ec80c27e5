"""Where in a text the trigger patterns are worth trying, and which of them.

A pattern is tried only at a word where one of its literal starts begins (heads.py: "in a ", "in its "
for "in (?:a|its ...) statement", "sign" for "sign~"). Those words are found in the text's skeleton, one
byte a character: every ASCII letter its lower case, digits, "_", "'" and "-" themselves, every other
word character "_" and every other character a blank. There a start is a blank then its letters, and the
regex engine skips from blank to blank at memchr speed, where on the text itself a pattern starting with
a look-behind is tried at every character.

The skeleton is exact for texts in Latin-1 (\\w is decided per character). A character beyond Latin-1
becomes a blank, which can only add word starts and turn a run of white space into a longer one: the
words found are then a superset, and each is checked on the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from accordwatch import startup_cache
from accordwatch.extract.events.heads import fits
from accordwatch.extract.events.lexicon import Alternative, TriggerRule, prefix_stems, prefix_table
from accordwatch.extract.skeleton import byte_table, skeleton
from accordwatch.extract.wordtrie import trie_regex

WORD = re.compile(r"[\w'’-]+")
WORD_CHAR = re.compile(r"[\w'’-]")


def _skeleton_char(ch: str) -> str:
    if ch.isascii() and (ch.isalnum() or ch in "_'-"):
        return ch.lower()
    return "_" if WORD_CHAR.fullmatch(ch) else " "


_SKELETON = byte_table(_skeleton_char)


def candidates(low: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """(offset, word) of each word of low[start:end] (a lower-cased text) where some pattern's literal
    start begins, in text order: the words WORD finds there that no word character precedes."""
    skeleton_, exact = skeleton(low, _SKELETON)
    data = b" " + skeleton_  # data[i + 1] stands for low[i]; the blank for the text's start
    for m in start_pattern().finditer(data, start, end + 1):
        pos = m.start()  # the blank's index in data: the word's offset in low
        if exact:
            yield pos, low[pos:m.end() - 1]
        elif pos == 0 or not WORD_CHAR.match(low, pos - 1):
            yield pos, WORD.match(low, pos, end).group()  # type: ignore[union-attr]


@lru_cache(maxsize=1)
def start_pattern() -> re.Pattern[bytes]:
    """A blank, a look-ahead for one of the literal starts (as one trie-shaped expression, a space in a start
    being a run of blanks), then the word (a start may reach over the next words: they are not consumed)."""
    starts = sorted({s for entries in prefix_table()[0].values() for _, alt in entries for s in alt.starts})
    return startup_cache.compile(rb" (?=" + trie_regex(starts, space=" +").encode("ascii") + rb")[^ ]*")


@lru_cache(maxsize=1 << 16)
def patterns_for(word: str) -> tuple[tuple[TriggerRule, Alternative], ...]:
    """The patterns filed under the starts of a (lower-case) word that have a literal start fitting it, in
    the order of prefix length, then rule order; words recur across texts, so the look-up is kept."""
    by_prefix, _ = prefix_table()
    stems = prefix_stems()
    out: list[tuple[TriggerRule, Alternative]] = []
    for k in range(2, len(word) + 1):
        if word[:k] not in stems:
            break
        out.extend(e for e in by_prefix.get(word[:k], ()) if any(fits(s, word) for s in e[1].starts))
    return tuple(out)
