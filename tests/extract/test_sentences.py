"""The sentence splitter: boundaries, abbreviations, trimming, on made-up and real text."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

from accordwatch.extract.sentences import _BOUNDARY, sentence_spans, sentences

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p for p in (ROOT / "examples" / "karabakh").iterdir() if p.is_file())


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_sentences_end_at_full_stops_but_not_after_abbreviations_or_initials():
    text = 'Mr. Aliyev met the U.S. envoy on Jan. 5. "We agreed," he said. J. Smith left! Next day?\n\nNew paragraph'
    assert _sentences(text) == [
        'Mr. Aliyev met the U.S. envoy on Jan. 5.',
        '"We agreed," he said.',
        "J. Smith left!",
        "Next day?",
        "New paragraph",
    ]


def test_spans_are_trimmed_of_any_white_space():
    text = "\u00a0 First one.\u2003\tSecond one. \n\n \u2002Third\u00a0 "
    assert _sentences(text) == ["First one.", "Second one.", "Third"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_sentences_of_a_real_text_are_non_empty_trimmed_and_in_order(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    spans = sentences(text)
    assert len(spans) > 5
    assert all(a < b for (_, a), (b, _) in pairwise(spans))
    for s, e in spans:
        assert text[s:e] == text[s:e].strip() != ""


def test_the_boundary_regex_finds_what_its_plain_form_finds():
    # `_BOUNDARY` writes "[.!?]+" as "[.!?][.!?]*" so that the regex engine skips to the next mark in C.
    plain = re.compile(_BOUNDARY.pattern.replace("[.!?][.!?]*", "[.!?]+", 1))
    assert plain.pattern != _BOUNDARY.pattern
    texts = [path.read_text(encoding="utf-8", errors="replace") for path in EXAMPLES]
    texts.append('Wait... what?! "Yes." (No.) Done!? 5 more. \u201cQuote.\u201d \u0414a.')
    for text in texts:
        assert [m.span() for m in _BOUNDARY.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert sum(1 for text in texts for _ in _BOUNDARY.finditer(text)) > 50
