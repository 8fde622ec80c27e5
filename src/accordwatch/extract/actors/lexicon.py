"""Tokens and the phrase index: every gazetteer name, demonym, place, office and generic noun as a
token sequence, matched longest-first in one left-to-right pass.

A dictionary keyed by lower-cased token tuples is faster here than a spaCy PhraseMatcher (no Doc to
build) and than one big regex alternation (Python's re does not share prefixes): about 1 ms for a 3 KB
text. Case is checked per name: acronyms ("US", "TWG") must match exactly, capitalised names need a
capital first letter ("Turkey" but not "turkey"), lower-case forms ("police", "ethnic Armenians") match
in any case.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress, count, repeat
from operator import add, not_
from typing import NamedTuple, overload

from accordwatch import startup_cache
from accordwatch.extract.actors.gazetteer import (
    Entry,
    GenericNoun,
    Office,
    Place,
    load_gazetteer,
    load_generic_nouns,
    load_offices,
    load_places,
)
from accordwatch.extract.lowered import LATIN1_LOWER, lowered
from accordwatch.extract.skeleton import byte_table, skeleton

# Dotted acronyms (U.S., U.N.), words with inner hyphens or apostrophes (Nagorno-Karabakh, d'Ivoire),
# a possessive 's as its own token, any other single character. Every token starts with a non-space
# (the look-ahead lets the engine skip white space at once), and the word parts never need to give
# characters back (possessive quantifiers: the same tokens, with no backtracking state kept).
_TOKEN = re.compile(r"(?=\S)(?:[A-Za-z](?:\.[A-Za-z])+\.?|\w++(?:[-\u2010\u2011]\w++)*+(?:['\u2019](?!s\b)\w++)*+"
                    r"|['\u2019]s\b|\S)")
# The same tokens as the odd items of a split (gaps and tokens alternate), for the pieces of text the
# shortcuts of _words_and_starts do not cover.
_SPLIT = re.compile(f"({_TOKEN.pattern})")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    key: str  # case-folded, curly apostrophe straightened
    capitalised: bool


class Tokens:
    """The tokens of a text as parallel lists (cheap to build); tokens[i] makes a Token on demand."""

    def __init__(self, text: str):
        self.words, self.starts = _words_and_starts(text)
        self._joined = " ".join(self.words)  # no token holds a space
        self.keys: list[str] = _keys(self._joined, text.isascii())
        self._capitalised: list[int] | None = None
        self._ends: list[int] | None = None

    def end(self, i: int) -> int:
        """Where token i ends (a document needs a few ends, not the list of all)."""
        return self.starts[i] + len(self.words[i])

    @property
    def ends(self) -> list[int]:
        if self._ends is None:
            self._ends = list(map(add, self.starts, map(len, self.words)))
        return self._ends

    @property
    def spans(self) -> list[tuple[int, int]]:
        return list(zip(self.starts, self.ends))

    def capitalised(self) -> list[int]:
        """Indices of the tokens that start with a capital letter (computed once)."""
        if self._capitalised is None:
            self._capitalised = _capitalised(self.words, self._joined)
        return self._capitalised

    def __len__(self) -> int:
        return len(self.words)

    def _token(self, i: int) -> Token:
        w = self.words[i]
        return Token(self.starts[i], self.starts[i] + len(w), w, self.keys[i], w[:1].isupper())

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...

    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self._token(j) for j in range(*i.indices(len(self)))]
        return self._token(i)


# The words joined by spaces as bytes (extract/skeleton.py): a blank for the space between two words, "A"
# for a capital, "x" for anything else; a character beyond Latin-1 (whose skeleton byte is "?") is a capital
# maybe, tested on the word itself.
_CAPITAL_BYTES = byte_table(lambda c: " " if c == " " else "A" if c.isupper() else "x")
_MAYBE_CAPITAL_BYTES = byte_table(lambda c: " " if c == " " else "A" if c.isupper() or c == "?" else "x")


def _capitalised(words: list[str], joined: str) -> list[int]:
    """The indices of the words that start with a capital letter, from a few C-level calls on their
    skeleton instead of a test a word. With a blank put before the first, every word follows a blank,
    so splitting at each blank followed by a capital gives a part before each capitalised word: its
    index is the number of blanks before it (those inside the parts before, and one each split)."""
    if not words:
        return []
    skel = skeleton(joined, _CAPITAL_BYTES)
    data = skel.data if skel.exact else skeleton(joined, _MAYBE_CAPITAL_BYTES).data
    parts = (b" " + data).split(b" A")
    found = list(accumulate(map(add, map(bytes.count, parts[:-1], repeat(b" ")), repeat(1)), initial=-1))
    del found[0]
    return found if skel.exact else [i for i in found if words[i][0].isupper()]


def tokenize(text: str) -> Tokens:
    return Tokens(text)


# The white-space characters of str.isspace (re's \s): each becomes a plain space, which keeps every
# offset, so that one str.split(" ") cuts the text into pieces whose offsets a running sum gives.
_WHITE_SPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006" \
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_TO_SPACE = str.maketrans(_WHITE_SPACE, " " * len(_WHITE_SPACE))
# str.translate costs a dictionary look-up a character, and a regex search for the odd white space
# nearly as much; most texts hold no white space but spaces and new lines, which a few C-level
# substring tests find out (memchr, or nothing for a character wider than the text's) and one
# str.replace maps.
_ODD_SPACES = _WHITE_SPACE.replace(" ", "").replace("\n", "")


def _spaced(text: str) -> str:
    """The text with every white-space character a space."""
    if not any(c in text for c in _ODD_SPACES):
        return text.replace("\n", " ")
    return text.translate(_TO_SPACE)


# A character of punctuation at the end of a word is a token of its own ("said.", "said,": a dot, hyphen
# or apostrophe joins only with a word character after it), except "_", which re's \w holds; at the start
# of a word an apostrophe can also begin one ("'s").
_JOINS_BEFORE = frozenset("_")
_JOINS_AFTER = frozenset("_'\u2019")


def _words_and_starts(text: str) -> tuple[list[str], list[int]]:
    """The tokens of _TOKEN and their offsets, without running the regex over most of the text.

    No token holds white space, so the text is tokenised piece by piece between white space. A piece
    that is all letters and digits (str.isalnum is re's \\w less "_") is one token; one with a single
    character of punctuation at its end or start ("said,", "(BBC") is that word and that character,
    unless the character can join it (_JOINS_BEFORE, _JOINS_AFTER); only the other pieces ("U.S.",
    "Russia's", "5.3") go through the regex, about one in ten. The pieces are the lists of words and
    starts to begin with; the others are replaced by their tokens in place, last first (so that the
    indices of those before stay put), instead of copying the lists run by run.
    """
    words = _spaced(text).split(" ")
    # piece k starts after the pieces before it and the k spaces between them (a length plus one is a
    # small int, which Python does not allocate: one new int a piece, the running sum)
    starts = list(accumulate(map(add, map(len, words), repeat(1)), initial=0))
    del starts[-1]  # where a piece after the last would start
    for k in reversed(list(compress(count(), map(not_, map(str.isalnum, words))))):
        piece = words[k]
        if len(piece) < 2:  # "" between two spaces, or a single character
            if not piece:
                del words[k], starts[k]
            continue
        at = starts[k]
        if piece[-1] not in _JOINS_BEFORE and piece[:-1].isalnum():
            words[k:k + 1] = piece[:-1], piece[-1]
            starts.insert(k + 1, at + len(piece) - 1)
        elif piece[0] not in _JOINS_AFTER and piece[1:].isalnum():
            words[k:k + 1] = piece[0], piece[1:]
            starts.insert(k + 1, at + 1)
        else:
            parts = _SPLIT.split(piece)[1::2]  # no white space inside: the gaps are all empty
            words[k:k + 1] = parts
            starts[k:k + 1] = accumulate(map(len, parts[:-1]), initial=at)
    return words, starts


def _key(word: str) -> str:
    if word.isascii():
        return word.lower()
    return word.replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-").casefold()


def _keys(joined: str, ascii_only: bool) -> list[str]:
    """_key of every word, computed on the words joined by spaces (no token holds a space, and
    case-folding makes none): the same keys as word by word, from a few C-level calls. Case-folding
    equals lower-casing on ASCII, and straightening quotes and hyphens changes nothing there (nor in
    Latin-1, which holds none of them)."""
    if not joined:
        return []
    if ascii_only:
        return joined.lower().split(" ")
    if "\xdf" not in joined and "\xb5" not in joined:  # (LATIN1_LOWER case-folds every other Latin-1 character)
        try:
            return joined.encode("latin-1").translate(LATIN1_LOWER).decode("latin-1").split(" ")
        except UnicodeEncodeError:  # beyond Latin-1
            pass
    return joined.replace("\u2019", "'").replace("\u2010", "-").replace("\u2011", "-").casefold().split(" ")


@dataclass(frozen=True)
class Item:
    """What a phrase can be: kind is entry, demonym, people, place, office or generic."""

    kind: str
    ref: Entry | Place | Office | GenericNoun
    form: str  # the name as written in the data
    case: str  # exact, initial or any
    joined: str = field(init=False, repr=False, compare=False)  # the form without spaces, for exact matches

    def __post_init__(self) -> None:
        object.__setattr__(self, "joined", self.form.replace(" ", ""))

    def accepts(self, words: list[str]) -> bool:
        if self.case == "any":
            return True
        if self.case == "initial":
            return words[0][:1].isupper()
        return "".join(words) == self.joined


class Phrase(NamedTuple):  # a tuple: a dozen are made per text, and a tuple is quick to make
    first: int  # token index
    last: int  # token index, inclusive
    items: tuple[Item, ...]

    def of_kind(self, kind: str) -> Item | None:
        for item in self.items:
            if item.kind == kind:
                return item
        return None


def _case_rule(form: str) -> str:
    letters = [c for c in form if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 6:
        return "exact"
    return "initial" if form[:1].isupper() else "any"


def _people_forms(demonym: str) -> list[str]:
    """Plural nouns for a people from a demonym: Armenian -> Armenians, Israeli -> Israelis."""
    if demonym.endswith(("an", "i")) and " " not in demonym:
        return [demonym + "s"]
    return []


class Lexicon:
    """Every phrase the actor finder knows, indexed by its first token for a fast scan."""

    def __init__(self) -> None:
        self._index: dict[tuple[str, ...], list[Item]] = {}
        self._sizes: dict[str, list[int]] = {}  # first token -> phrase lengths starting with it, longest first
        # first token -> the second tokens of the longer phrases it starts: "the" starts a few phrases of
        # four tokens, and most of the "the"s of a text are followed by none of their second words.
        self._seconds: dict[str, set[str]] = {}
        self._single: set[str] = set()  # the tokens that are a phrase of their own

    def add(self, form: str, kind: str, ref: Entry | Place | Office | GenericNoun, reading: FormReading) -> None:
        """The phrase `form` names `ref`; `reading` is read_form(form)."""
        key = tuple(reading[0])
        if not key:
            return
        self._index.setdefault(key, []).append(Item(kind, ref, form, reading[1]))
        if len(key) > 1:
            self._seconds.setdefault(key[0], set()).add(key[1])
        else:
            self._single.add(key[0])
        sizes = self._sizes.setdefault(key[0], [])
        if len(key) not in sizes:
            sizes.append(len(key))
            sizes.sort(reverse=True)

    def match(self, tokens: Tokens) -> list[Phrase]:
        """Non-overlapping phrases, longest first at each position, left to right."""
        out: list[Phrase] = []
        keys, words, sizes_of, index = tokens.keys, tokens.words, self._sizes, self._index
        seconds_of, single = self._seconds, self._single
        n, pos = len(keys), 0
        # Only a token that starts some phrase can start a match: one set look-up per token, at C speed.
        for i in compress(range(n), map(sizes_of.__contains__, keys)):
            if i < pos:
                continue
            key = keys[i]
            # the longer phrases only where the next token may be their second (most "the"s start none)
            if i + 1 < n and keys[i + 1] in seconds_of.get(key, ()):
                sizes = sizes_of[key]
            elif key in single:
                sizes = _ONE_TOKEN
            else:
                continue
            for size in sizes:
                if i + size > n:
                    continue
                items = index.get(tuple(keys[i:i + size]))
                if items:
                    found = words[i:i + size]
                    ok = tuple(it for it in items if it.accepts(found))
                    if ok:
                        out.append(Phrase(i, i + size - 1, ok))
                        pos = i + size
                        break
        return out


_ONE_TOKEN = [1]


# A form's token keys and case rule (a list, as the start-up cache gives it back).
FormReading = tuple[list[str], str]


def read_form(form: str) -> FormReading:
    return tokenize(form).keys, _case_rule(form)


def _read_forms(forms_json: str) -> list[FormReading]:
    return [read_form(form) for form in json.loads(forms_json)]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon of the data files. Reading its two thousand forms (tokens, case rule) costs about
    0.1 G instructions, a tenth of the actor stage's start-up: the readings are kept between runs by
    the start-up cache, under a digest of the forms, of this module (tokenize is defined here) and of
    lowered.py (whose table makes the keys of a Latin-1 text)."""
    names = list(_names())
    readings = startup_cache.parsed(_read_forms, json.dumps([form for form, _, _ in names]), reads=(lowered,))
    lex = Lexicon()
    for (form, kind, ref), reading in zip(names, readings):
        lex.add(form, kind, ref, reading)
    return lex


def _names() -> Iterator[tuple[str, str, Entry | Place | Office | GenericNoun]]:
    """(form, kind, what it names) for every phrase of the data files, in the order they are indexed."""
    gaz = load_gazetteer()
    for e in gaz.entries:
        if "@" in e.id:
            continue
        for name in dict.fromkeys((e.canonical, *e.aliases)):
            yield name, "entry", e
        for dem in e.demonyms:
            # a form ending in s is the people's plural noun ("Turks"), not an adjective ("Swiss" is one)
            if dem.endswith("s") and not dem.endswith("ss"):
                yield dem, "people", e
                continue
            yield dem, "demonym", e
            for plural in _people_forms(dem):
                yield plural, "people", e
    for p in load_places():
        yield p.name, "place", p
    for o in load_offices():
        for form in o.forms:
            yield form, "office", o
    for g in load_generic_nouns():
        for form in g.forms:
            yield form, "generic", g
