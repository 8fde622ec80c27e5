"""A document's text lower-cased once for the stages that read it so.

The figures stage (numbers in words), the agreements stage (head nouns) and the events stage (triggers)
match their patterns on the lower-cased text of the document at hand. `lowered` makes it once a text and
keeps it for the last few texts, as `sentences` keeps their split (a str keeps its hash, so the look-up
costs little).
"""

from __future__ import annotations

from functools import lru_cache

from accordwatch.extract.skeleton import byte_table

# Each Latin-1 character's lower case is one Latin-1 character too: a Latin-1 text beyond ASCII is
# lower-cased by one byte translation (str.lower reads it character by character through the Unicode
# tables, about four times the work). It is their case-folding too, but for "ß" (folded to "ss") and "µ"
# (to Greek mu), which it leaves as they are.
LATIN1_LOWER = byte_table(str.lower)


@lru_cache(maxsize=4)
def lowered(text: str) -> str:
    """text.lower() (the same string; beyond Latin-1 it may be longer than the text, as str.lower is)."""
    if not text.isascii():  # (an ASCII text has a fast str.lower of its own)
        try:
            return text.encode("latin-1").translate(LATIN1_LOWER).decode("latin-1")
        except UnicodeEncodeError:
            pass
    return text.lower()
