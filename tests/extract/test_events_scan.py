"""Where trigger patterns are tried (heads.py, scan.py): the shortcuts find what trying every pattern filed
under a word's starts, at every word, finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from accordwatch.extract.events.heads import literal_heads, word_starts
from accordwatch.extract.events.lexicon import prefix_stems, prefix_table, trigger_rules
from accordwatch.extract.events.scan import candidates
from accordwatch.extract.events.triggers import Trigger, _drop_overlaps, find_triggers

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "karabakh"
# Word starts and white space the skeleton must treat as the text does: curly apostrophes, hyphens, letters
# and spaces beyond Latin-1, a no-break space, initial and final words.
TRICKY = [
    "Russia’s said in a statement; it’s sign-off, don't sign'd, in\u00a0a statement, in\u2009its statement",
    "signed\u2014said (said) “said” «said» ‘in a statement’ Москва said, Baku in its\nstatement in a",
    "décision was made; the décision was made; peace-keeping forces have arrived; re-open the border",
    "sign",
    "in a",
]


def texts() -> list[str]:
    rules = [x for r in trigger_rules() for x in (*r.examples, *r.counter_examples)]
    return [*(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))), *TRICKY, " ".join(rules)]


def plain_triggers(text: str) -> list[Trigger]:
    """find_triggers without the shortcuts: at every word that no word character precedes, every pattern
    filed under one of the word's starts, in order of start length, then rule order."""
    low = text.lower()
    by_prefix, _ = prefix_table()
    found: dict[tuple[int, int, str], Trigger] = {}
    for word in re.finditer(r"(?<![\w'’-])[\w'’-]+", low):
        for k in range(2, len(word.group()) + 1):
            for rule, alt in by_prefix.get(word.group()[:k], ()):
                m = alt.regex.match(low, word.start())
                if m:
                    found.setdefault((m.start(), m.end(), rule.id), Trigger(m.start(), m.end(), rule))
    return _drop_overlaps(list(found.values()))


def spans(triggers: list[Trigger]) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, t.rule.id) for t in triggers]


@pytest.mark.parametrize("text", texts())
def test_find_triggers_equals_trying_every_pattern_at_every_word(text):
    assert spans(find_triggers(text)) == spans(plain_triggers(text))


@pytest.mark.parametrize("text", texts())
def test_every_match_starts_with_one_of_its_patterns_starts(text):
    """The starts are necessary: wherever a pattern matches at a word, one of them begins there."""
    low = text.lower()
    for entries in prefix_table()[0].values():
        for _, alt in entries:
            starts = re.compile("|".join(re.escape(s).replace(r"\ ", r"\s+") for s in alt.starts))
            for m in alt.regex.finditer(low):
                assert starts.match(low, m.start()), (alt.regex.pattern, m.group())


@pytest.mark.parametrize("text", texts())
def test_candidates_are_words_and_hold_every_word_where_a_start_begins(text):
    """Every word where a start begins is a candidate, with its whole word; a candidate may be a word where a
    start begins only in the skeleton (a space of a start stands for any run of non-word characters there)."""
    low = text.lower()
    all_starts = {s for entries in prefix_table()[0].values() for _, alt in entries for s in alt.starts}
    head = re.compile("|".join(re.escape(s).replace(r"\ ", r"\s+") for s in sorted(all_starts)))
    for a, b in ((0, len(low)), (len(low) // 3, 2 * len(low) // 3)):
        words = [(w.start(), w.group()) for w in re.finditer(r"(?<![\w'’-])[\w'’-]+", low[:b]) if w.start() >= a]
        found = list(candidates(low, a, b))
        assert set(found) <= set(words)
        assert {w for w in words if head.match(low[:b], w[0])} <= set(found)
        assert found == sorted(found)


def test_literal_heads_reach_across_words_and_groups():
    assert literal_heads("in (?:a|its) (?:\\w+ )?statement") == ("in a ", "in its ")
    assert literal_heads("(?:is|are) opposed to") == ("are opposed to", "is opposed to")
    assert literal_heads("sa(?:y|ys|id|ying)") == ("said", "say")
    assert literal_heads("(?:as )?noted in") == ("as noted in", "noted in")
    assert literal_heads("ruled? out") == ("rule out", "ruled out")
    assert literal_heads("(?<!the\\s)wound~") == ("wound",)
    assert literal_heads("(?<!of\\s)war(?! crimes)") == ("war",)
    assert literal_heads("foo take~") == ("foo tak",)  # expand() inflects "take~" as "tak(?:e|es|ed|ing)"
    assert literal_heads("(?:a|b)*x") == ()
    assert literal_heads("x\\(y") == ()


def test_word_starts_keep_what_the_first_words_prefix_says():
    assert word_starts("agree~", ("agree",)) == ("agree",)  # the head "agre" says less than the prefix
    assert word_starts("in (?:a|its) statement", ("in",)) == ("in a statement", "in its statement")


def test_every_filed_pattern_has_starts_that_its_prefixes_allow():
    stems = prefix_stems()
    for entries in prefix_table()[0].values():
        for _, alt in entries:
            assert alt.starts
            for s in alt.starts:
                first = s.split(" ")[0]
                assert any(first.startswith(p) or (" " not in s and p.startswith(first)) for p in alt.prefixes)
                assert first[:2] in stems
