"""Hard-wrapped text (a PDF text layer): detect the wrapping and join lines into paragraphs.

A text is taken as hard-wrapped by general signals, never by its source: many line pairs
look like one sentence broken in two (no sentence end, next line lower-case, a function
word or a hyphen at the end) and line lengths cluster just under a common width. An
ordinary one-paragraph-a-line text has neither, so its lines are never joined.
"""

from __future__ import annotations

import itertools
from collections import Counter

from accordwatch.clean.lines import Line, Unit
from accordwatch.clean.resources import continuation_words, settings
from accordwatch.clean.signals import ends_sentence


def _last_word(text: str) -> str:
    words = text.rsplit(maxsplit=1)  # the last word only: a long line is not split whole
    return words[-1].casefold().strip(",;:\"'()[]") if words else ""


def _breaks_mid_sentence(a: Line, b: Line) -> bool:
    """`a` cannot end a paragraph here: a hyphenated word, a trailing function word, or `b` goes on lower-case."""
    if a.text.endswith("-") and a.text[-2:-1].isalpha():
        return True
    if _last_word(a.text) in continuation_words():
        return True
    return not ends_sentence(a.text) and b.text[:1].islower()


def _width(lines: list[Line]) -> int:
    lengths = sorted(len(line.text) for line in lines)
    return lengths[int(0.9 * (len(lengths) - 1))]


def is_hard_wrapped(lines: list[Line]) -> bool:
    if len(lines) < settings()["wrap_min_pairs"] + 1:
        return False
    pairs = list(itertools.pairwise(lines))
    wrapped = sum(_breaks_mid_sentence(a, b) for a, b in pairs)
    if wrapped < settings()["wrap_min_pairs"] or wrapped / len(pairs) < settings()["wrap_min_share"]:
        return False
    width = _width(lines)
    if width < settings()["wrap_min_width"]:  # short lines are a list or verse, not a page width
        return False
    near_width = sum(len(line.text) >= 0.6 * width for line in lines)
    return near_width / len(lines) >= 0.5


def _mode(values: list[int]) -> int:
    return Counter(values).most_common(1)[0][0] if values else 0


def group_units(lines: list[Line]) -> list[Unit]:
    """Units of the text: joined paragraphs where the text is hard-wrapped, else one unit a line."""
    if not is_hard_wrapped(lines):
        return [Unit((line,)) for line in lines]
    width = _width(lines)
    typical_gap = _mode([line.gap_before for line in lines[1:]])
    typical_indent = _mode([line.indent for line in lines])
    units: list[list[Line]] = [[lines[0]]]
    for a, b in itertools.pairwise(lines):
        if _continues(a, b, width, typical_gap, typical_indent):
            units[-1].append(b)
        else:
            units.append([b])
    return [Unit(tuple(group)) for group in units]


def _continues(a: Line, b: Line, width: int, typical_gap: int, typical_indent: int) -> bool:
    if _breaks_mid_sentence(a, b):
        return True
    if b.gap_before > typical_gap:  # more space than between wrapped lines: a new paragraph
        return False
    if len(a.text) < settings()["wrap_short_line"] * width:  # a short line ends its paragraph
        return False
    # A full-width line goes on, unless it ends a sentence and the next line is indented.
    return not (ends_sentence(a.text) and b.indent > typical_indent)
