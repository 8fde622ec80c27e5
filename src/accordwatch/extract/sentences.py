"""Sentence boundaries over clean text, as half-open (start, end) offsets.

A rule splitter, not a model: news and statements end sentences with . ! ? (possibly
followed by closing quotes or brackets) and a capital or quote after the space. Known
abbreviations ("U.S.", "Mr.", "Jan.") and initials do not end a sentence; paragraph
breaks always do.
"""

from __future__ import annotations

import re
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
# `_BOUNDARY` on a text without "!" or "?": starting with one literal character, it is searched for
# at memchr speed (a class is tested character by character, the most of a split's cost).
_DOT_BOUNDARY = re.compile(_BOUNDARY.pattern.replace("[.!?][.!?]*", r"\.\.*", 1))
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


def _cuts(text: str) -> list[int]:
    """Where sentences end, in order: after each boundary that ends no abbreviation, and where each
    paragraph break begins.

    One scan of the whole text for each (not one a paragraph): a boundary never holds a blank, so it
    lies inside a paragraph; one found across a paragraph break (its look-ahead reads over the blank
    lines, which a scan bounded by the paragraph does not) is followed by nothing but blanks up to the
    break, so it ends the same trimmed sentence as the break.
    """
    boundary = _BOUNDARY if "!" in text or "?" in text else _DOT_BOUNDARY
    cuts = [m.end() for m in boundary.finditer(text) if not _is_abbreviation(text, m.start())]
    cuts.extend(m.start() for m in _PARA.finditer(text))
    cuts.sort()
    cuts.append(len(text))
    return cuts


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of `text` as (start, end) with surrounding white space trimmed (a new list each call)."""
    return list(sentences(text))


@lru_cache(maxsize=4)
def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """The sentence spans as a tuple, split once and kept for the last few texts: the figures,
    agreements and events stages all read the sentences of the document at hand (a str keeps its
    hash, so the look-up costs little).

    A sentence runs from the end of one cut to the next, trimmed: what lies between a paragraph
    break's start and the next sentence is blank, and a piece with nothing else is dropped.
    """
    out: list[tuple[int, int]] = []
    s = 0
    for cut in _cuts(text):
        e = cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
        s = cut
    return tuple(out)
