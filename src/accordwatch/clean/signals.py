"""Line signals for boilerplate: sentence shape, navigation words, script, metadata lines.

Each function looks at one unit of text; none decides alone. `boilerplate.py` weighs them
together with the position of the line and its repetition.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from itertools import repeat
from typing import NamedTuple

from accordwatch.clean.dateline import find_date
from accordwatch.clean.resources import navigation_words, settings, stopwords

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
# Shape and vocabulary are read on the start of a unit: a long paragraph is prose either way.
_SHAPE_SAMPLE = 300
_OPENING = "\"'\u201c\u2018\u00ab([{-\u2014*"
_PUNCTUATION = _OPENING + ".,;:!?\u201d\u2019\u00bb)]}\u2026"
_ASCII_LETTERS = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_BYLINE = re.compile(r"^(by|from|author|written by|reporting by)\b", re.IGNORECASE)
_SENTENCE_ENDERS = ".!?\u2026\u3002\uff01\uff1f"
_CLOSERS = "\"'\u201d\u2019\u00bb)]"


def ends_sentence(text: str) -> bool:
    """A sentence end, then closing quotes or brackets only: read from the end, never a scan of the text."""
    text = text.removesuffix("\n")  # as a "$" regex reads it: a final newline does not count
    last = text.rstrip(_CLOSERS)[-1:]
    return last != "" and last in _SENTENCE_ENDERS


def is_prose(text: str) -> bool:
    """A paragraph of running text: enough words, a sentence end, mostly lower-case words."""
    sample = text[:_SHAPE_SAMPLE]
    counts = _ascii_initials(sample) if sample.isascii() else _initials(sample)
    words, lower, upper = counts
    if words < settings()["prose_min_words"] or not ends_sentence(text):
        return False
    if not lower + upper:  # scripts without case (Arabic, CJK ...): shape is all we have
        return True
    return lower / (lower + upper) >= 0.2


def _initials(sample: str) -> tuple[int, int, int]:
    """Words, and words whose initial past opening marks is lower case and upper case."""
    words = sample.split()
    letters = "".join([w.lstrip(_OPENING)[:1] for w in words])
    return len(words), sum(map(str.islower, letters)), sum(map(str.isupper, letters))


def _ascii_initials(sample: str) -> tuple[int, int, int]:
    """`_initials` of an ASCII sample from its shape in bytes, without splitting it into words: a word
    starts after a blank, and its initial past opening marks is where the marks are deleted."""
    tables = _shape_tables()
    data = sample.encode("ascii")
    words = data.translate(tables.blank_or_word)
    shape = data.translate(tables.case, tables.opening)
    return (words.count(b" w") + words.startswith(b"w"), shape.count(b" l") + shape.startswith(b"l"),
            shape.count(b" U") + shape.startswith(b"U"))


class _ShapeTables(NamedTuple):
    blank_or_word: bytes  # white space (as str.split reads it) -> " ", anything else -> "w"
    case: bytes  # white space -> " ", upper case -> "U", lower case -> "l", anything else -> "x"
    opening: bytes  # the ASCII opening marks, deleted


@lru_cache(maxsize=1)
def _shape_tables() -> _ShapeTables:
    chars = [chr(code) for code in range(128)]
    blank_or_word = bytes(ord(" " if c.isspace() else "w") for c in chars) + b"w" * 128
    case = bytes(ord(" " if c.isspace() else "U" if c.isupper() else "l" if c.islower() else "x") for c in chars)
    return _ShapeTables(blank_or_word, case + b"x" * 128, "".join(c for c in _OPENING if c.isascii()).encode())


def alpha_words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def navigation_share(text: str) -> float:
    """Share of the content words of `text` that are generic site-navigation vocabulary."""
    # Case-folding the sample at once folds each word alike: it neither makes nor takes
    # whitespace or the punctuation stripped from the edges of words.
    words = list(map(str.strip, text[:_SHAPE_SAMPLE].casefold().split(), repeat(_PUNCTUATION)))
    hits = sum(map(_content_navigation_words().__contains__, words))
    if not hits:  # no navigation word: the share is nought whatever the content words are
        return 0.0
    stop = stopwords()
    return hits / len([w for w in words if w and w not in stop and not w[0].isdigit()])


@lru_cache(maxsize=1)
def _content_navigation_words() -> frozenset[str]:
    """The navigation words that are content words (not a stop word, not empty, no leading digit): a
    word of the text is a content navigation word exactly when it is one of these."""
    stop = stopwords()
    return frozenset(w for w in navigation_words() if w and w not in stop and not w[0].isdigit())


def is_widget(text: str) -> bool:
    """Control labels such as font-size buttons: a line of one to three letters, or of tiny tokens."""
    if len(text) > 12:  # checked first: a paragraph is never split into tokens for nothing
        return False
    tokens = text.split()
    return 0 < len(tokens) <= 4 and all(len(t) <= 3 and t.isalpha() for t in tokens)


def is_shouting(text: str) -> bool:
    """A short all-capitals label ("NEWSLETTER", "MENU")."""
    if len(text.split(maxsplit=3)) > 3:  # four words or more, without splitting a whole paragraph
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def is_metadata_line(text: str) -> bool:
    """A dateline, a byline or a reference number: body metadata, never a title."""
    if _BYLINE.match(text) and len(text.split()) <= 12:
        return True
    alnum = sum(map(str.isalnum, text))
    if alnum and sum(map(str.isdigit, text)) / alnum >= 0.5:  # a digit is always alphanumeric
        return True
    return find_date(text, whole_line=True) is not None


@lru_cache(maxsize=4096)
def _char_script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


def script_of(text: str) -> str:
    """The dominant script of the letters of `text` (LATIN, CYRILLIC, ARMENIAN ...), or ""."""
    if text.isascii():  # known without a scan: no letter beyond ASCII
        return "LATIN" if _ASCII_LETTERS.search(text) else ""
    other_letters = [c for c in _NON_ASCII.findall(text) if c.isalpha()]
    if not other_letters:  # letters are ASCII only (curly quotes and dashes are not letters): no count needed
        return "LATIN" if _ASCII_LETTERS.search(text) else ""
    counts: Counter[str] = Counter({"LATIN": len(_ASCII_LETTERS.findall(text))})
    counts.update(_char_script(c) for c in other_letters)
    script, n = counts.most_common(1)[0]
    return script if n else ""
