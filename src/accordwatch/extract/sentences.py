"""Sentence boundaries over clean text, as half-open (start, end) offsets.

A rule splitter, not a model: news and statements end sentences with . ! ? (possibly
followed by closing quotes or brackets) and a capital or quote after the space. Known
abbreviations ("U.S.", "Mr.", "Jan.") and initials do not end a sentence; paragraph
breaks always do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov",
    "sen", "rep", "st", "jr", "sr", "no", "nos", "vol", "art", "para", "fig", "vs", "etc",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc", "ltd", "co", "corp", "dept", "approx", "est", "e.g", "i.e", "u.s", "u.k", "u.n",
    "a.m", "p.m",
}
# One or more of . ! ? written as one then any more: a pattern that starts with a character class
# (not a repeat of one) lets the regex engine skip in C to the next . ! or ?, where a leading
# repeat makes it try a whole match at every character of the text.
_BOUNDARY = re.compile(r"[.!?][.!?]*[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u0400-\u04ff])")
_PARA = re.compile(r"\n\s*\n")
_DOTTED_ACRONYM = re.compile(r"(?:[a-z]\.)+[a-z]")  # compiled once: re.fullmatch looks it up on every call


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    j = dot
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    word = text[j:dot].lower().lstrip("(\"'\u201c")
    if word in _ABBREV:
        return True
    # single initials: "J. Smith", and dotted acronyms: "U.S."
    return len(word) == 1 and word.isalpha() or _DOTTED_ACRONYM.fullmatch(word) is not None


def _split_paragraph(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_abbreviation(text, m.start()):
            continue
        yield pos, m.end()
        pos = m.end()
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end:
        yield pos, end


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of `text` as (start, end) with surrounding white space trimmed (a new list each call)."""
    return list(sentences(text))


@lru_cache(maxsize=4)
def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """The sentence spans as a tuple, split once and kept for the last few texts: the figures,
    agreements and events stages all read the sentences of the document at hand (a str keeps its
    hash, so the look-up costs little)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in [*_PARA.finditer(text), None]:
        para_end = m.start() if m else len(text)
        for s, e in _split_paragraph(text, pos, para_end):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                out.append((s, e))
        pos = m.end() if m else len(text)
    return tuple(out)
