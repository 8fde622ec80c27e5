"""Small text helpers for fusion: words, n-gram shingles, the sentence around a span."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def shingles(text: str, n: int) -> frozenset[tuple[str, ...]]:
    """Every run of n consecutive words: shared runs mark a quote or a repost."""
    ws = words(text)
    return frozenset(tuple(ws[i:i + n]) for i in range(len(ws) - n + 1))


@lru_cache(maxsize=16384)
def sentence_shingles(sentence: str, n: int) -> frozenset[tuple[str, ...]]:
    """`shingles` of a sentence, kept: fusion compares each sentence with many others."""
    return shingles(sentence, n)


def squash(text: str) -> str:
    """White space runs (hard wraps, PDF gaps) to single spaces."""
    return " ".join(text.split())


def sentence_around(sentences: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The sentence (from `sentences`, sorted (start, end) pairs) holding [start, end); sentences
    it spans over are joined."""
    lo, hi = start, end
    i = max(bisect.bisect_right(sentences, (start, float("inf"))) - 1, 0)
    for s, e in sentences[i:]:
        if s >= end:
            break
        if s <= start < e or s < end <= e:
            lo, hi = min(lo, s), max(hi, e)
    return lo, hi


def has_word(text: str, stems: Sequence[str]) -> bool:
    """Does `text` hold one of the stems at the start of a word ("withdr" matches "withdrawal")?"""
    low = " " + squash(text).lower()
    return any(re.search(r"(?<![\w])" + re.escape(s.lower()), low) for s in stems)
