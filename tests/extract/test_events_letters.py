"""The events patterns written to start with their first letters (letters.py) find what their plain forms find."""

from __future__ import annotations

import random
import re
import string
import sys
from pathlib import Path

import pytest

from accordwatch.extract.events.actors import PASSIVE, PREPOSITION
from accordwatch.extract.events.finder import AIM_OPENER, CONDITION
from accordwatch.extract.events.letters import first_letter
from accordwatch.extract.events.triggers import BACKGROUND

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "karabakh"
I = re.IGNORECASE
PLAIN = {
    "AIM_OPENER": (AIM_OPENER, re.compile(r"\b(?:with a view to|in order to|so as to|with the (?:aim|goal|purpose|"
                                          r"objective) of|aimed at|in an effort to)\b", I)),
    "CONDITION": (CONDITION, re.compile(r"\b(?:if|unless|whether)\b", I)),
    "BACKGROUND": (BACKGROUND, re.compile(r"\b(?:during|after|following|before|since|amid|despite|in|at|within|"
                                          r"throughout|with|including|(?<!weeks )(?<!days )(?<!months )(?<!years )"
                                          r"(?<!hours )of)\s+(?:[\w'’-]+\s+){0,3}$", I)),
    "PREPOSITION": (PREPOSITION, re.compile(r"\b(?:of|to|with|against|from|into|between|among|for|on|in|at|over|"
                                            r"toward|towards|under|about|than|including|like|whom)\s+"
                                            r"(?:the\s+|its\s+|their\s+)?$", I)),
    "PASSIVE": (PASSIVE, re.compile(r"\b(?:was|were|been|be|being|is|are)\s+(?:\w+\s+)?$", I)),
}
# Words of the patterns, their neighbours and the characters case-blind matching folds together.
PIECES = ["with a view to", "in order to", "so as to", "with the aim of", "aimed at", "in an effort to", "if",
          "unless", "whether", "during", "after", "In", "AT", "weeks of", "days of", "of", "Of", "towards", "toward",
          "between", "whom", "was", "were", "been", "being", "be", "is", "ARE", "the", "its", "x", "-", "é", " ",
          "\n", "\u0130f", "\u0131n", "\u017fince", "lıke", "o", "f", "i", "’"]
EVERY_CHARACTER = "".join(map(chr, range(sys.maxunicode + 1)))


def texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


@pytest.mark.parametrize("letter", string.ascii_lowercase)
def test_first_letter_is_what_the_letter_matches_case_blind(letter):
    fast, plain = re.compile(first_letter(letter), I), re.compile(letter, I)
    assert [m.start() for m in fast.finditer(EVERY_CHARACTER)] == [m.start() for m in plain.finditer(EVERY_CHARACTER)]


@pytest.mark.parametrize("name", PLAIN)
def test_pattern_equals_its_plain_form_on_real_text(name):
    fast, plain = PLAIN[name]
    for text in texts():
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for end in range(0, len(text), 7):  # as searched: in a window before a trigger
            a, b = fast.search(text, max(0, end - 50), end), plain.search(text, max(0, end - 50), end)
            assert (a and a.span()) == (b and b.span())


@pytest.mark.parametrize("name", PLAIN)
def test_pattern_equals_its_plain_form_within_bounds(name):
    fast, plain = PLAIN[name]
    rng = random.Random(name)
    for _ in range(10000):
        s = "".join(rng.choice(PIECES) for _ in range(6))
        a, b = sorted(rng.sample(range(len(s) + 1), 2))
        assert [m.span() for m in fast.finditer(s, a, b)] == [m.span() for m in plain.finditer(s, a, b)], s
