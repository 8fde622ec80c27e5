"""The fast paths of the events stage and the sentence splitter give what the plain ones give."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from accordwatch.extract.events.actors import PLACE
from accordwatch.extract.events.triggers import (
    CLAUSE_BREAK,
    Trigger,
    _drop_overlaps,
    find_triggers,
    rank_overlaps,
)
from accordwatch.extract.sentences import sentence_spans, sentences

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "karabakh"
PLAIN_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\bthat\b|\bwhich\b|\bwho\b|\bbut\b")
PLAIN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*)")


def texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


def test_clause_break_equals_its_plain_form_on_real_text():
    for text in texts():
        assert [m.span() for m in CLAUSE_BREAK.finditer(text)] == [m.span() for m in PLAIN_CLAUSE_BREAK.finditer(text)]


def assert_same_within_bounds(fast: re.Pattern[str], plain: re.Pattern[str], pieces: list[str], seed: int,
                              groups: tuple[int, ...] = (0,)) -> None:
    """`fast` finds what `plain` finds (the spans of `groups`) in random strings made of `pieces`,
    searched between random start and end bounds."""
    rng = random.Random(seed)
    for _ in range(20000):
        s = "".join(rng.choice(pieces) for _ in range(8))
        a, b = sorted(rng.sample(range(len(s) + 1), 2))
        assert [tuple(map(m.span, groups)) for m in fast.finditer(s, a, b)] == \
            [tuple(map(m.span, groups)) for m in plain.finditer(s, a, b)], (s, a, b)


def test_clause_break_equals_its_plain_form_within_bounds():
    """With start and end bounds (as clause_start and _clause_end search), word boundaries included."""
    pieces = ["that", "which", "who", "but", " ", " - ", "-", ",", "x", "\u2014", "(", "\n", "thatch", "but-", "t", "w"]
    assert_same_within_bounds(CLAUSE_BREAK, PLAIN_CLAUSE_BREAK, pieces, seed=7)


def test_place_equals_its_plain_form_on_real_text():
    for text in texts():
        assert [(m.span(), m.span(1)) for m in PLACE.finditer(text)] == \
            [(m.span(), m.span(1)) for m in PLAIN_PLACE.finditer(text)]


def test_place_equals_its_plain_form_within_bounds():
    """With start and end bounds (as location searches after a trigger), word boundaries included."""
    pieces = ["in", "at", " ", "the ", "Baku", "Nagorno-Karabakh", "x", "-", "é", "\n", "i", "a", "n", "t", "’", "I"]
    assert_same_within_bounds(PLACE, PLAIN_PLACE, pieces, seed=11, groups=(0, 1))


@pytest.mark.parametrize("text", texts())
def test_overlap_shortcut_keeps_what_the_ranking_keeps(text):
    triggers = find_triggers(text)
    assert _drop_overlaps(list(triggers)) == rank_overlaps(list(triggers)) == triggers
    rule = triggers[0].rule
    overlapping = [*triggers, Trigger(triggers[0].start, triggers[0].end + 3, rule)]
    assert _drop_overlaps(list(overlapping)) == rank_overlaps(list(overlapping))


@pytest.mark.parametrize("text", texts())
def test_sentence_spans_cached_equal_fresh_and_are_a_new_list(text):
    first = sentence_spans(text)
    first.append((0, 0))  # a caller may change its list: the next caller gets the split as it was
    assert sentence_spans(text) == list(sentences.__wrapped__(text)) == first[:-1]


@pytest.mark.parametrize("dct", ["", "2021-01-15", "2024-06"])
def test_narrative_clock_equals_narrative_time_on_real_text(dct):
    """The per-document clock answers what the pass over every timex answers, at every position, with and
    without dates skipped (as those in agreements' names are for statements)."""
    from accordwatch.extract.agreements.timeline import NarrativeClock, calendar_timexes, narrative_time
    from accordwatch.extract.timex import find_timexes
    from tests.conftest import make_doc

    for text in texts():
        tx = calendar_timexes(find_timexes(make_doc(text), "2021-01-15"))
        assert tx
        clock = NarrativeClock(text, tx, dct)
        for skip in (frozenset(), frozenset(t.start for t in tx[::3])):
            for pos in range(0, len(text) + 1, 7):
                assert clock.at(pos, skip) == narrative_time(text, tx, pos, dct, skip), (pos, skip)
