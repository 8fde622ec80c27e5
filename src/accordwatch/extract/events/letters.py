"""Case-blind patterns that start with a word, written so that re skips to the places worth trying.

A pattern starting with \\b (or a look-behind) has no first character for re to look for: it is tried at
every position of the text. One starting with a class of characters is tried only where such a character
stands, which re finds in C; but a class of letters under re.IGNORECASE does not count as such a start.
`first_letter(letters)` is that class written outside the flag: every character that a letter of `letters`
matches case-blind (Unicode adds the dotted and dotless i, the long s and the Kelvin sign). A pattern
then reads its first letter there, puts the word boundary before it with "(?<!\\w.)" and says which word
that letter began with a look-behind ("(?<=w)ith"), which is case-blind as the pattern is.
"""

from __future__ import annotations

from accordwatch.extract.lookup import IGNORECASE_EXTRAS


def first_letter(letters: str) -> str:
    """A class of the characters that the (lower-case ASCII) `letters` match case-blind, outside the flag."""
    return "(?-i:[" + "".join(c + c.upper() + IGNORECASE_EXTRAS.get(c, "") for c in dict.fromkeys(letters)) + "])"
