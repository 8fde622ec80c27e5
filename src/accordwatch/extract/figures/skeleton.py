"""The figures stage's skeleton of a text (see extract/skeleton.py), for finding where numbers
may start at C speed.

Every ASCII digit is "0", every ASCII letter its lower case, every other word character "_"
and every other character a blank; so the digits are found with `bytes.find(b"0")` and the
number words as " one", " twenty" ... (a blank then the word), with the same word boundaries
as in the text. No Latin-1 character outside ASCII is a decimal digit, and \\w is decided per
character; a character beyond Latin-1 becomes a blank ("?"), which can only add word
boundaries, so word hits are a superset (each is checked on the text itself), but a digit of
another script would be lost, so digits are then scanned for on the text (not `exact`).
"""

from __future__ import annotations

from accordwatch.extract import skeleton as _skeleton
from accordwatch.extract.skeleton import Skeleton

__all__ = ["Skeleton", "skeleton"]


def _byte_of(ch: str) -> str:
    if ch.isdecimal():  # only 0-9 in Latin-1
        return "0"
    if ch.isascii() and ch.isalpha():
        return ch.lower()
    if ch.isalnum() or ch == "_":  # what \w matches
        return "_"
    return " "


_TABLE = _skeleton.byte_table(_byte_of)


def skeleton(text: str) -> Skeleton:
    return _skeleton.skeleton(text, _TABLE)
