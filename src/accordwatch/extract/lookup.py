"""Looking up what a case-ignoring pattern matched in a table keyed by lower-case forms."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TypeVar

V = TypeVar("V")

# The characters beyond a letter's two ASCII cases that re.IGNORECASE matches it with (Unicode's simple case
# folding): dotted and dotless i, the long s, the Kelvin sign. Tests check this against re itself.
IGNORECASE_EXTRAS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def lookup(table: Mapping[str, V], matched: str) -> V:
    """The entry of a table keyed by lower-case forms for text that a case-ignoring pattern
    matched. Python's re ignores case by Unicode's rules, so "ſome" (long s), "mıllion"
    (dotless i) or the Kelvin sign match too, and .lower() does not bring those back to the
    key: they are looked up by the pattern's own rule (rare, so the slow path costs nothing)."""
    try:
        return table[matched.lower()]
    except KeyError:
        for key, value in table.items():
            if re.fullmatch(re.escape(key), matched, re.IGNORECASE):
                return value
        raise
