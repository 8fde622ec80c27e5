"""The sentence splitter: boundaries, abbreviations, trimming, on made-up and real text."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

from accordwatch.extract.sentences import (
    _BOUNDARY,
    _DOT_BOUNDARY,
    _PARA,
    _is_abbreviation,
    sentence_spans,
    sentences,
)

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


def _plain_sentences(text: str) -> list[tuple[int, int]]:
    """The split done the plain way: paragraph by paragraph, each scanned for boundaries on its own."""
    out = []
    bounds = [0, *(x for m in _PARA.finditer(text) for x in m.span()), len(text)]
    for start, end in zip(bounds[::2], bounds[1::2], strict=True):
        pos = start
        for m in _BOUNDARY.finditer(text, start, end):
            if not _is_abbreviation(text, m.start()):
                out.append((pos, m.end()))
                pos = m.end()
        out.append((pos, end))
    trimmed = [(s + len(text[s:e]) - len(text[s:e].lstrip()), e - len(text[s:e]) + len(text[s:e].rstrip()))
               for s, e in out]
    return [(s, e) for s, e in trimmed if s < e]


_ODD = ['Hello. \n\nWorld', 'Mr.\n\nSmith. "Yes."\n \n  (Indented) text!\n\n\n?! Done', "Wait...\n\n\u201cNo.\u201d",
        "U.S.\n\nA. B. c. 2. 3", "", " ", "\n\n", "End.\t\n\u2003\nNext one.  \n\nLast?\u00a0"]


@pytest.mark.parametrize("text", [*(p.read_text(encoding="utf-8", errors="replace") for p in EXAMPLES), *_ODD])
def test_one_scan_of_the_whole_text_splits_as_paragraph_by_paragraph(text):
    assert list(sentences(text)) == _plain_sentences(text)
    assert list(sentences(text.replace("!", ".").replace("?", "."))) == _plain_sentences(
        text.replace("!", ".").replace("?", "."))  # the text without "!" and "?" takes the dot-only scan


def test_the_dot_boundary_is_the_boundary_on_a_text_without_other_marks():
    texts = [p.read_text(encoding="utf-8", errors="replace").replace("!", ".").replace("?", ".") for p in EXAMPLES]
    assert all([m.span() for m in _DOT_BOUNDARY.finditer(t)] == [m.span() for m in _BOUNDARY.finditer(t)] for t in texts)
    assert _DOT_BOUNDARY.pattern != _BOUNDARY.pattern
