"""A text's skeleton: one byte a character, for finding where numbers may start at C speed.

Python's regex engine scans for a pattern that starts with one literal character at memchr
speed, and for one that starts with a class (`\\d`, `[^\\w]`) some fifteen times slower, as it
tests every character. In the skeleton every ASCII digit is "0", every ASCII letter its lower
case, every other word character "_" and every other character a blank; so the digits are found
with `bytes.find(b"0")` and the number words as " one", " twenty" ... (a blank then the word),
with the same word boundaries as in the text.

The skeleton is exact for texts in Latin-1 (no Latin-1 character outside ASCII is a decimal digit,
and \\w is decided per character). A character beyond Latin-1 becomes a blank: that can only add
word boundaries, so word hits are a superset (each is checked on the text itself), but a digit
of another script would be lost, so digits are then scanned for on the text (`exact_digits`).
"""

from __future__ import annotations

from typing import NamedTuple


def _byte_class(b: int) -> int:
    ch = chr(b)
    if ch.isdecimal():  # only 0-9 in Latin-1
        return ord("0")
    if ch.isascii() and ch.isalpha():
        return ord(ch.lower())
    if ch.isalnum() or ch == "_":  # what \w matches
        return ord("_")
    return ord(" ")


_TABLE = bytes(_byte_class(b) for b in range(256))


class Skeleton(NamedTuple):
    """`data[i]` stands for `text[i]`; `exact_digits` is False where a digit may have been lost."""

    data: bytes
    exact_digits: bool


def skeleton(text: str) -> Skeleton:
    try:
        return Skeleton(text.encode("latin-1").translate(_TABLE), True)
    except UnicodeEncodeError:  # one byte a character still: "?" for each character beyond Latin-1
        return Skeleton(text.encode("latin-1", "replace").translate(_TABLE), False)
