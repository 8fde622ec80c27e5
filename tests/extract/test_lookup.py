"""Words that a case-ignoring pattern matches but .lower() does not bring back to their table key:
the long s (ſ), the dotless i (ı), the Kelvin sign (K). Scanned or OCR'd text holds them; such a word
used to raise KeyError and lose the whole document."""

from __future__ import annotations

import pytest

from accordwatch.extract.lookup import lookup
from accordwatch.model import RawInput, content_hash
from accordwatch.pipeline import process


def test_lookup_takes_the_patterns_own_case_rule():
    table = {"some": "approximately", "million": 1e6, "km": "kilometre"}
    assert lookup(table, "SOME") == "approximately"
    assert lookup(table, "\u017fome") == "approximately"
    assert lookup(table, "m\u0131llion") == 1e6
    assert lookup(table, "\u212am") == "kilometre"
    with pytest.raises(KeyError):
        lookup(table, "seven")


ODD_LETTERS = [
    ("\u017fome 5 soldiers were killed", 5.0, "approximately"),  # long s in a qualifier
    ("5 b\u0131llion dollars were pledged", 5e9, ""),  # dotless i in a scale word
    ("30 \u017fquare kilometres were cleared", 30.0, ""),  # long s in a unit
]


@pytest.mark.parametrize("phrase,value,qualifier", ODD_LETTERS)
def test_a_document_with_odd_letters_is_processed_whole(phrase, value, qualifier):
    text = (f"Officials said {phrase} near the border on Monday.\n\n"
            "Talks between Armenia and Azerbaijan continued in Baku, the ministry said in a statement.")
    processed = process(RawInput("odd.txt", text, content_hash(text)))
    figures = [s for s in processed.spans if s.kind == "figure"]
    assert [f.value for f in figures] == [value]
    assert figures[0].qualifier == qualifier
    assert any(s.kind == "actor" and s.canonical == "Azerbaijan" for s in processed.spans)


def test_a_set_word_with_a_dotless_i_is_normalised():
    text = "The ministry said both sides met da\u0131ly and weekly, twice a month."
    processed = process(RawInput("odd.txt", text, content_hash(text)))
    assert [(s.text, s.value) for s in processed.spans if s.kind == "timex"][:2] == [
        ("da\u0131ly", "P1D"), ("weekly", "P1W")]
