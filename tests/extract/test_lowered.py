"""lowered(text) is text.lower(), whichever way it is made."""

from __future__ import annotations

from pathlib import Path

import pytest

from accordwatch.extract.lowered import lowered

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "karabakh"
ODD = [
    "".join(map(chr, range(256))),  # every Latin-1 character: ß, µ and ÿ have no Latin-1 upper case
    "Ünal ÀÉÎÕÜ Þ £5 naïve",
    "İstanbul KELVIN \u212a Москва ſ",  # beyond Latin-1: İ lower-cases to two characters
    "plain ASCII Text",
    "",
]


@pytest.mark.parametrize("text", [*(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))), *ODD])
def test_lowered_is_str_lower(text):
    assert lowered(text) == text.lower()
