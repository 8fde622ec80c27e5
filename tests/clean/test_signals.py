"""The line signals read with C-level primitives give what the plain per-word readings give."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from accordwatch.clean.boilerplate import _joined_start
from accordwatch.clean.lines import Line, Unit, split_lines
from accordwatch.clean.resources import navigation_words, settings, stopwords
from accordwatch.clean.signals import _OPENING, _PUNCTUATION, ends_sentence, is_prose, navigation_share
from accordwatch.clean.unwrap import _last_word
from tests.conftest import EXAMPLES

_PAGES = sorted(EXAMPLES.glob("*.txt")) + sorted((Path(__file__).parent / "resources").glob("*.txt"))
_LINES = [line.text for path in _PAGES for line in split_lines(path.read_text(encoding="utf-8"))]
_EDGE_CASES = ["", ".", ")", "\u201d", "Done.\n", "Done.)\n", "Done\n.", "((", "- \u2014 *", "\u00abOui\u00bb.",
               "A \u201cquote.\u201d", "Why?!", "\u3002", "word", "word.\u2019\u201d)", "Say \"hi\" \u2014 ok",
               "\u201c( \u2014 \"Yes\" (they) said \u2014 it \u00abWas\u00bb [not] *Over* -- \u201c\u2018quite.\u2019\u201d",
               "(A) (B) (C) \"D\" E F G H i j. \u00ab\u00ab \u2014"]
_SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019\u00bb)\]]*$")


def _slow_is_prose(text: str) -> bool:
    words = text[:300].split()
    if len(words) < settings()["prose_min_words"] or not _SENTENCE_END.search(text):
        return False
    cased = [c for c in (w.lstrip(_OPENING)[:1] for w in words) if c.isupper() or c.islower()]
    return not cased or sum(c.islower() for c in cased) / len(cased) >= 0.2


def _slow_navigation_share(text: str) -> float:
    words = (w.strip(_PUNCTUATION).casefold() for w in text[:300].split())
    content = [w for w in words if w and w not in stopwords() and not w[0].isdigit()]
    return sum(w in navigation_words() for w in content) / len(content) if content else 0.0


def test_real_lines_are_there():
    assert len(_LINES) > 100 and any(not line.isascii() for line in _LINES)


@pytest.mark.parametrize("text", _LINES + _EDGE_CASES + [f"\u00ab{t}" for t in _EDGE_CASES])
def test_fast_signals_equal_slow_ones(text):
    assert ends_sentence(text) == bool(_SENTENCE_END.search(text))
    assert is_prose(text) == _slow_is_prose(text)
    assert navigation_share(text) == _slow_navigation_share(text)
    words = text.split()
    assert _last_word(text) == (words[-1].casefold().strip(",;:\"'()[]") if words else "")


def test_joined_start_equals_the_slice_of_the_whole_join():
    units = [Unit((Line(i, 0, len(t), t, 0, 0),)) for i, t in enumerate(_LINES[:40])]
    for limit in (0, 1, 5, 80, 600, 10_000):
        for n in (0, 1, 2, 40):
            assert _joined_start(units[:n], limit) == " ".join(u.text for u in units[:n])[:limit]


def _slow_script_of(text: str) -> str:
    from collections import Counter

    from accordwatch.clean.signals import _char_script

    counts: Counter[str] = Counter({"LATIN": len(re.findall(r"[A-Za-z]", text))})
    counts.update(_char_script(c) for c in re.findall(r"[^\x00-\x7f]", text) if c.isalpha())
    script, n = counts.most_common(1)[0]
    return script if n else ""


@pytest.mark.parametrize("text", _LINES + _EDGE_CASES + ["\u201cQuoted\u201d \u2014 yes", "Ab \u0410\u0431", "\u0410\u0431 Ab"])
def test_script_and_key_equal_slow_ones(text):
    from accordwatch.clean.lines import normalise
    from accordwatch.clean.signals import script_of

    assert script_of(text) == _slow_script_of(text)
    if text:
        assert Unit((Line(0, 0, len(text), text, 0, 0),)).key == normalise(text)


@pytest.mark.parametrize("text", _LINES + _EDGE_CASES + [" a b", "a b ", "a  b", "a\tb", "a\x85b", "\x1c", "a\u00a0b c"])
def test_unit_key_and_word_count_equal_the_split_ones(text):
    """A unit counts its words without splitting where single blanks are its only white space."""
    from accordwatch.clean.lines import normalise

    unit = Unit((Line(0, 0, len(text), text, 0, 0),))
    assert (unit.n_words, unit.words, unit.key) == (len(text.split()), text.split(), normalise(text))
    # normalise itself skips the split and join where the text is its own collapsed form
    plain = " ".join(text.split()).replace("\u2019", "'").replace("\u2018", "'")
    assert normalise(text) == plain.replace("\u201c", '"').replace("\u201d", '"').casefold()


def test_repeated_keys_equal_a_count_of_them():
    from collections import Counter

    from accordwatch.clean.boilerplate import _repeated

    keys = [Unit((Line(0, 0, len(t), t, 0, 0),)).key for t in _LINES]
    for some in (keys, keys[:1], [], list(dict.fromkeys(keys)), keys[:5] + keys[2:3]):
        counts = Counter(some)
        assert _repeated(some) == [counts[key] > 1 for key in some]


def test_year_prefilter_keeps_every_date():
    """find_date looks for a year first: every pattern has one, so no date is lost."""
    from accordwatch.clean.dateline import _patterns

    assert all("(?P<y>(?:19|20)\\d\\d)" in pattern.pattern for pattern in _patterns())


@pytest.mark.parametrize("text", [t for t in [*_LINES, *_EDGE_CASES] if t.isascii()] + [
    "a\x1cb\x1fC (D [e {F -G *h \"I 'j (( -- ** X", "\x0b\x0cA b\tC\rd\ne", "((A ((b \"\" '' c D."])
def test_ascii_initials_equal_the_word_reading(text):
    from accordwatch.clean.signals import _ascii_initials, _initials

    assert _ascii_initials(text[:300]) == _initials(text[:300])
