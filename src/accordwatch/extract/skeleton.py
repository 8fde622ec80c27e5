"""A text's skeleton: one byte a character, through a stage's own byte table.

Python's regex engine scans for a pattern that starts with one literal character at memchr
speed, and for one that starts with a class (`\\d`, `[^\\w]`) many times slower, as it tests
every character. A skeleton maps each character to a byte of a few kinds (a blank for what
separates words, say), so that a pattern over it can start with a literal blank and skip.

A skeleton is exact for a text in Latin-1: each character has its own byte. A character beyond
Latin-1 is given the byte of "?" (still one byte a character, so offsets hold); `exact` is then
False, and a stage checks what it finds on the text itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple


class Skeleton(NamedTuple):
    """`data[i]` stands for `text[i]`; `exact` is False where a character was beyond Latin-1."""

    data: bytes
    exact: bool


def byte_table(byte_of: Callable[[str], str]) -> bytes:
    """The translation table of `byte_of` (a one-character string for each Latin-1 character)."""
    return bytes(ord(byte_of(chr(b))) for b in range(256))


def skeleton(text: str, table: bytes) -> Skeleton:
    try:
        return Skeleton(text.encode("latin-1").translate(table), True)
    except UnicodeEncodeError:
        return Skeleton(text.encode("latin-1", "replace").translate(table), False)
