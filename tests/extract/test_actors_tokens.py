"""The fast paths of the actor stage give what the plain ones give, on real text."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from accordwatch.extract.actors import context
from accordwatch.extract.actors.lexicon import _TOKEN, _WHITE_SPACE, _key, load_lexicon, tokenize

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "karabakh"
TRICKY = [
    "", "   ", "U.S. and U.K. troops; Côte d'Ivoire's army — Nagorno‑Karabakh’s “leaders” said (No. 5).",
    "STRASSE Straße ﬁnance İstanbul Russia’s ‘words’ rock-’n’-roll 's ’s x's",
    "Both leaders met. The two foreign ministers and the three countries; the heads of state of X.",
    "a_ _b 'sa 's x's x'  -5 .5 5. a.b.c. A.B.C. U.S.'s ’s’ __ _' '_ (BBC) \"It's said, £5bn.",
    "\n\n  x  \t y\r\n z\u2028w\u3000v\x85u\xa0t\x0bs\x1ft ",
]


def texts() -> list[str]:
    return TRICKY + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


@pytest.mark.parametrize("text", texts())
def test_tokens_equal_one_match_at_a_time(text):
    matches = list(_TOKEN.finditer(text))
    tokens = tokenize(text)
    assert tokens.spans == [m.span() for m in matches] and len(tokens.starts) == len(tokens.words)
    assert tokens.words == [m.group() for m in matches]
    assert tokens.keys == [_key(m.group()) for m in matches]
    assert tokens.capitalised() == [i for i, w in enumerate(tokens.words) if w[:1].isupper()]


def test_keys_of_latin1_text_are_each_word_case_folded():
    """The byte translation of a Latin-1 text folds every character as str.casefold does (and "ß", "µ",
    which it leaves, go to casefold)."""
    letters = [c for c in map(chr, range(256)) if c.isalnum()]
    words = [*letters, "".join(letters), "Côte", "ÉTÉ", "Straße", "µg", "ÀÞ"]
    for text in (" ".join(words), " ".join(w for w in words if "ß" not in w and "µ" not in w)):
        assert tokenize(text).keys == [_key(w) for w in tokenize(text).words]


def test_white_space_is_every_space_character():
    assert set(_WHITE_SPACE) == {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}


def test_tokens_equal_one_match_at_a_time_on_odd_strings():
    pieces = list("aAsS.Z_-'’‐‑ \n\t,é9ßÉ?\u2028\xa0İ\u03d2ﬁ()") + ["s", "ab", "U.S."]
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        tokens = tokenize(text)
        assert tokens.spans == [m.span() for m in _TOKEN.finditer(text)], text
        assert tokens.capitalised() == [i for i, w in enumerate(tokens.words) if w[:1].isupper()], text


@pytest.mark.parametrize("text", texts())
def test_phrase_scan_equals_trying_every_token(text):
    lex, tokens = load_lexicon(), tokenize(text)
    out, i, n = [], 0, len(tokens)
    while i < n:  # the plain scan: every token, longest phrase first
        found = None
        for size in lex._sizes.get(tokens.keys[i], ()):
            items = lex._index.get(tuple(tokens.keys[i:i + size])) if i + size <= n else None
            ok = tuple(it for it in items or () if it.accepts(tokens.words[i:i + size]))
            if ok:
                found = (i, i + size - 1, ok)
                break
        if found:
            out.append(found)
        i = found[1] + 1 if found else i + 1
    assert [tuple(p) for p in lex.match(tokens)] == out


@pytest.mark.parametrize("name, plain", [
    ("PLURAL_ROLE", (r"\b(?:[Tt]he\s+(two|three|four|five)|[Bb]oth(?:\s+the)?)\s+(?:[a-z-]+\s+){0,3}?"
                    r"(?:chiefs|ministers|leaders|presidents|premiers|heads\s+of\s+(?:state|government)|"
                    r"counterparts|diplomats|envoys|negotiators)\b")),
    ("UNCOUNTED_ROLE", (r"\b[Tt]he\s+(?:foreign\s+)?(?:ministers|leaders|presidents|prime\s+ministers|"
                       r"heads\s+of\s+(?:state|government)|foreign\s+policy\s+chiefs)\b(?!\s+of\b)")),
    ("PLURAL_STATES", (r"\b(?:[Tt]he\s+(two|three|four|five)|[Bb]oth(?:\s+the)?)\s+(?:[a-z-]+\s+)?"
                      r"(?:countries|states|nations|governments|republics)\b")),
])
def test_role_patterns_equal_their_plain_form(name, plain):
    fast, slow = getattr(context, name), re.compile(plain)
    for text in texts() + ["xthe two leaders", "Both the envoys", "the three states", "Bothe two leaders"]:
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
            [(m.span(), m.groups()) for m in slow.finditer(text)]


@pytest.mark.parametrize("pattern, needed", [
    (context.PLURAL_ROLE, (context.COUNT_WORDS, context.ROLE_WORDS)),
    (context.PLURAL_STATES, (context.COUNT_WORDS, context.STATE_WORDS)),
    (context.UNCOUNTED_ROLE, (context.UNCOUNTED_WORDS,)),
])
def test_role_pattern_prefilter_passes_every_match(pattern, needed):
    for text in texts() + ["the two leaders", "Both the envoys", "the three states", "the heads of state"]:
        for m in pattern.finditer(text):
            assert context._may_match(m.group(), *needed), m.group()
