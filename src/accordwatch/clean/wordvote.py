"""A cheap first vote on the language of a Latin-script sample, by its function words.

lingua weighs letter trigrams of every Latin-script language it knows, about a millisecond
for a 300-character sample. A sample of running text in one language carries a dozen or
more of that language's most frequent words; when one language has many such hits and a
wide lead over every other, lingua's answer is that language too, and it is not asked.
Anything less clear (short texts, mixed or close languages, other scripts) returns None:
lingua decides.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import chain, repeat
from operator import itemgetter
from typing import Literal, NamedTuple

from accordwatch.clean.resources import function_words, settings

# A letter outside the Latin blocks (Basic, Latin-1, Extended-A/B, IPA for Azerbaijani ə,
# Extended Additional): the sample is not (only) Latin script, the vote does not apply.
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00aa\u00ba\u00c0-\u02af\u1e00-\u1eff]")
# Runs of letters. Once _NON_LATIN_LETTER found none, every letter is in these ranges (the
# blocks less the two signs × and ÷), so this is "[^\W\d_]+" on such a sample, only faster.
_WORD = re.compile(r"[A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u1e00-\u1eff]+")


@lru_cache(maxsize=1)
def _ballot() -> dict[str, tuple[str, ...]] | None:
    """Function word -> the configured languages it counts for.

    None when a configured Latin-script language has no word list: its texts could win no
    vote and might be taken for a neighbour's, so lingua must decide every Latin text.
    """
    from lingua import Language

    configured = set(settings()["languages"])
    latin = {language.name for language in Language.all_with_latin_script()} & configured
    lists = function_words()
    if not latin <= lists.keys():
        return None
    ballot: dict[str, set[str]] = {}
    for language in latin:
        for word in lists[language]:
            ballot.setdefault(word, set()).add(language)
    return {word: tuple(sorted(languages)) for word, languages in ballot.items()}


def vote(sample: str, *, wide: bool = False) -> str | None:
    """lingua's name of the language of `sample` (ENGLISH ...) when its function words leave no doubt.

    `wide`: the sample is the wider one of a long text (settings: language_wide_sample_chars), where
    many hits count instead of a margin over names."""
    ballot = _ballot()
    if ballot is None:
        return None
    read = _read_latin1(sample)
    if read is False:
        read = _read_words(sample)
    if read is None:  # letters of another script
        return None
    lowered, capitalised = read
    hits = Counter(chain.from_iterable(map(ballot.get, lowered, repeat((), len(lowered)))))
    if not hits:
        return None
    best = max(hits, key=hits.__getitem__)
    return best if _beyond_doubt(hits, best, None if wide else capitalised) else None


def _read_words(sample: str) -> tuple[list[str], int] | None:
    """The lower-cased letter runs of a Latin-script sample and how many start with a capital; None
    when the sample has letters of another script."""
    if _NON_LATIN_LETTER.search(sample):
        return None
    words = _WORD.findall(sample)
    return list(map(str.lower, words)), _capitalised(words)


def _read_latin1(sample: str) -> tuple[list[str], int] | None | Literal[False]:
    """`_read_words(sample)` for a sample in Latin-1 (nearly every Western text), from two byte
    translations instead of a regex scan and a lower-casing a word; False for other samples."""
    try:
        data = sample.encode("latin-1")
    except UnicodeEncodeError:
        return False
    tables = _latin1_tables()
    if len(data.translate(None, tables.other_script)) < len(data):  # one of them was deleted
        return None
    shape = data.translate(tables.shape)
    capitalised = shape.count(b" U") + shape.startswith(b"U")
    return data.translate(tables.lower).decode("latin-1").split(), capitalised


class _Latin1Tables(NamedTuple):
    lower: bytes  # a letter of _WORD -> its lower case, anything else -> a blank
    shape: bytes  # an upper-case letter of _WORD -> "U", another letter -> "l", anything else -> a blank
    other_script: bytes  # the Latin-1 characters _NON_LATIN_LETTER finds ("µ", "²")


@lru_cache(maxsize=1)
def _latin1_tables() -> _Latin1Tables:
    """Byte tables read off _WORD and _NON_LATIN_LETTER themselves, one Latin-1 character at a time
    (a letter run is a run of characters each of which _WORD matches, and each Latin-1 letter
    lower-cases to one Latin-1 letter)."""
    lower, shape = bytearray(b" " * 256), bytearray(b" " * 256)
    for code in range(256):
        char = chr(code)
        if _WORD.fullmatch(char):
            lower[code] = ord(char.lower())
            shape[code] = ord("U" if char.isupper() else "l")
    other = bytes(code for code in range(256) if _NON_LATIN_LETTER.match(chr(code)))
    return _Latin1Tables(bytes(lower), bytes(shape), other)


def _beyond_doubt(hits: Counter[str], best: str, capitalised: int | None) -> bool:
    """Many hits, a wide lead, and more hits than capitalised words.

    Names (a team sheet, a list of places) sway lingua's letter trigrams towards their own
    language, while the vote sees only function words: a sample with nearly as many
    capitalised words as function words goes to lingua. On a wide sample (`capitalised` None)
    names are outweighed by the running text: many hits are asked for instead.
    """
    runner_up = max((n for language, n in hits.items() if language != best), default=0)
    if hits[best] < settings()["language_vote_lead"] * runner_up:
        return False
    if capitalised is None:
        return hits[best] >= settings()["language_wide_vote_min_hits"]
    return (hits[best] >= settings()["language_vote_min_hits"]
            and hits[best] >= capitalised + settings()["language_vote_margin_over_names"])


def _capitalised(words: list[str]) -> int:
    return sum(map(str.isupper, map(itemgetter(0), words)))
