"""Line signals for boilerplate: sentence shape, navigation words, script, metadata lines.

Each function looks at one unit of text; none decides alone. `boilerplate.py` weighs them
together with the position of the line and its repetition.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from accordwatch.clean.dateline import find_date
from accordwatch.clean.resources import navigation_words, settings, stopwords

_SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019\u00bb)\]]*$")
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
# Shape and vocabulary are read on the start of a unit: a long paragraph is prose either way.
_SHAPE_SAMPLE = 300
_OPENING = "\"'\u201c\u2018\u00ab([{-\u2014*"
_PUNCTUATION = _OPENING + ".,;:!?\u201d\u2019\u00bb)]}\u2026"
_ASCII_LETTERS = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_BYLINE = re.compile(r"^(by|from|author|written by|reporting by)\b", re.IGNORECASE)


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def is_prose(text: str) -> bool:
    """A paragraph of running text: enough words, a sentence end, mostly lower-case words."""
    words = text[:_SHAPE_SAMPLE].split()
    if len(words) < settings()["prose_min_words"] or not ends_sentence(text):
        return False
    initials = [w.lstrip(_OPENING)[:1] for w in words]
    cased = [c for c in initials if c.isupper() or c.islower()]
    if not cased:  # scripts without case (Arabic, CJK ...): shape is all we have
        return True
    return sum(c.islower() for c in cased) / len(cased) >= 0.2


def alpha_words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def navigation_share(text: str) -> float:
    """Share of the content words of `text` that are generic site-navigation vocabulary."""
    stop = stopwords()
    words = (w.strip(_PUNCTUATION).casefold() for w in text[:_SHAPE_SAMPLE].split())
    content = [w for w in words if w and w not in stop and not w[0].isdigit()]
    if not content:
        return 0.0
    nav = navigation_words()
    return sum(w in nav for w in content) / len(content)


def is_widget(text: str) -> bool:
    """Control labels such as font-size buttons: a line of one to three letters, or of tiny tokens."""
    tokens = text.split()
    return 0 < len(tokens) <= 4 and all(len(t) <= 3 and t.isalpha() for t in tokens) and len(text) <= 12


def is_shouting(text: str) -> bool:
    """A short all-capitals label ("NEWSLETTER", "MENU")."""
    if len(text.split()) > 3:
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def is_metadata_line(text: str) -> bool:
    """A dateline, a byline or a reference number: body metadata, never a title."""
    if _BYLINE.match(text) and len(text.split()) <= 12:
        return True
    alnum = [c for c in text if c.isalnum()]
    if alnum and sum(c.isdigit() for c in alnum) / len(alnum) >= 0.5:
        return True
    return find_date(text, whole_line=True) is not None


@lru_cache(maxsize=4096)
def _char_script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


def script_of(text: str) -> str:
    """The dominant script of the letters of `text` (LATIN, CYRILLIC, ARMENIAN ...), or ""."""
    latin = len(_ASCII_LETTERS.findall(text))
    if text.isascii():
        return "LATIN" if latin else ""
    counts: Counter[str] = Counter({"LATIN": latin})
    counts.update(_char_script(c) for c in _NON_ASCII.findall(text) if c.isalpha())
    script, n = counts.most_common(1)[0]
    return script if n else ""
