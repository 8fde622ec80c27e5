"""The fast scans of figures and agreements give what the plain regex scans give, on real text
(the reference texts, a BBC sample) and on text beyond Latin-1 or with odd blanks."""

from __future__ import annotations

import re

import pytest

from accordwatch.extract.agreements.lexicon import agreement_rules
from accordwatch.extract.agreements.mentions import head_nouns
from accordwatch.extract.figures import guards, objects, relations
from accordwatch.extract.figures.lexicon import _alternation, lexicon
from accordwatch.extract.figures.numbers import _number_tokens, lower_same_length, word_scan_matches
from accordwatch.extract.figures.skeleton import skeleton
from tests.conftest import EXAMPLES, shared_path

ODD_TEXTS = [
    "A  half a million\u00a0people, one-off, twenty-fifth; an\n\neight; a\tdozen (two) “three” — four–five.",
    "İstanbul: one hundred and twenty-five ٣ troops, ٤٥ km, 12\u00a0000 people and 5\u202f000 more.",
    "Formula One, Ünal's ONE, caféone, one_two, 2nd, G20, $1.2bn, £5m, 3-4 in 2020; ſix, K 4.",
    "a an a\n an  one a\u2003two Half A Million half an hour; 7",
    "",
    "7",
    "one",
]


def _real_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    try:
        bbc = sorted(shared_path("corpus", "bbc").glob("*_*.txt"))[::25]
    except pytest.skip.Exception:
        bbc = []
    return [*texts, *(p.read_text(encoding="utf-8", errors="replace") for p in bbc), *ODD_TEXTS]


TEXTS = _real_texts()


def _spans(matches) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]


@pytest.mark.parametrize("text", TEXTS)
def test_word_scan_matches_finditer(text):
    lex = lexicon()
    low = lower_same_length(text)
    assert _spans(word_scan_matches(low, lex, skeleton(text))) == _spans(lex.word_scan.finditer(low))


@pytest.mark.parametrize("text", TEXTS)
def test_number_tokens_match_finditer(text):
    lex = lexicon()
    assert _spans(_number_tokens(text, lex, skeleton(text))) == _spans(lex.number_token.finditer(text))


@pytest.mark.parametrize("text", TEXTS)
def test_previous_word_matches_the_regex(text):
    for start in range(0, len(text) + 1, 3):
        m = guards._PREVIOUS_WORD.search(text, max(0, start - 40), start)
        assert guards._previous_word(text, start) == ((m.group(1), m.start(1)) if m else ("", start))


@pytest.mark.parametrize("text", TEXTS)
def test_head_nouns_match_finditer(text):
    rules = agreement_rules()
    low = text.lower()
    strong, weak = (rules.strong_lower, rules.weak_lower) if len(low) == len(text) else (rules.strong, rules.weak)
    low = low if len(low) == len(text) else text
    expected = sorted([(h.start(), h.end(), False) for h in strong.finditer(low)]
                      + [(h.start(), h.end(), True) for h in weak.finditer(low)])
    assert head_nouns(text) == expected


@pytest.mark.parametrize("text", TEXTS)
def test_short_gap_is_the_collapsed_gap_or_too_long(text):
    longest = relations._rules().longest_gap
    for start in range(0, len(text), 7):
        for end in (start + 5, start + 90, start + 400):
            gap = relations._short_gap(text, start, min(end, len(text)), longest)
            full = " ".join(text[start:min(end, len(text))].lower().split())
            assert gap == full or (gap is None and len(full) > longest)


def test_head_nouns_in_capitals_and_agreement_text():
    text = "The AGREEMENT, the Peace Treaty and a cease-fire; road map, communiqué; impact, ideal, broad."
    rules = agreement_rules()
    assert [(s, e) for s, e, _ in head_nouns(text)] == sorted(
        [(h.start(), h.end()) for h in [*rules.strong.finditer(text), *rules.weak.finditer(text)]])


@pytest.mark.parametrize("text", [*TEXTS, "It cost ABOUT 5, some\t\t7, (about 8, approx. 9, MORE THAN 10, Kelvin \u212a 11, THE 12, all\n13, tho\u017fe 14, These\t\t15."])
def test_qualifier_and_unit_lookups_match_the_plain_alternations(text):
    lex = lexicon()
    qualifier = re.compile(rf"(?<![\w])({_alternation(list(lex.qualifiers))})\s+$", re.IGNORECASE)
    unit = re.compile(rf"(?:\s*|-)({_alternation(list(lex.units))})(?![\w])", re.IGNORECASE)
    for pos in range(len(text) + 1):
        m = qualifier.search(text, max(0, pos - 25), pos)
        assert objects.qualifier_before(text, pos, lex) == ((m.start(), lex.qualifiers[m.group(1).lower()]) if m
                                                            else (pos, ""))
        a, b = unit.match(text, pos), lex.unit_after.match(text, pos)
        assert (a and a.span(1)) == (b and b.span(1))
        d = lex.determiner_before.search(text, max(0, pos - 8), pos)
        assert objects.determiner_before(text, pos, lex) == (d.start() if d else pos)


@pytest.mark.parametrize("text", [*TEXTS, "paid US$ 5, USD\n7, £\t\n8, Rs 9, RUB\n\n10, SUSD 11, US dollars 12, $\n"])
def test_currency_before_equals_the_plain_search(text):
    """The look at the last three characters before a number skips only searches that find nothing."""
    lex = lexicon()
    for pos in range(len(text) + 1):
        m = lex.currency_before.search(text, max(0, pos - 12), pos)
        plain = (pos, "")
        if m and not (m.group(1)[0].isalpha() and m.start() > 0 and text[m.start() - 1].isalnum()):
            plain = (m.start(), lex.currency_prefixes[m.group(1)])
        assert objects.currency_before(text, pos, lex) == plain


def test_scaled_by_one_is_the_printed_value():
    """`scaled` returns a whole number scaled by one as it is: such a number of up to twelve digits prints
    as itself (the plain way: the product printed to twelve digits and read back)."""
    from accordwatch.extract.figures.numbers import digit_numbers, scaled

    lex = lexicon()
    values = [n.value for text in TEXTS for n in digit_numbers(text, lex)]
    values += [0.0, -0.0, 1.0, 999_999_999_999.0, 1e12, 1_234_567_890_123.0, -5.0, 2.5, 1.80, 8.2, 0.1 + 0.2]
    assert len(values) > 100
    for value in values:
        for scale in (1.0, 1000.0, 1e9):
            assert repr(scaled(value, scale)) == repr(float(f"{value * scale:.12g}"))


@pytest.mark.parametrize("text", [*TEXTS, "".join(map(chr, range(256))), "Ünal ÀÉÎÕÜ ß µ ÿ £5 Þ \u0130"])
def test_lower_same_length_is_str_lower_where_that_keeps_the_length(text):
    """A Latin-1 text is lower-cased by a byte translation: the same as str.lower."""
    low = text.lower()
    assert lower_same_length(text) == (low if len(low) == len(text) else "".join(c.lower()[0] for c in text))


@pytest.mark.parametrize("text", [*TEXTS, "1st 2ND 3rD 4Th 5ſt 6ﬆ 7K 8th. (9th) 10,000th 12\u00a0000 ٣ ٤٥"])
def test_digit_token_shortcuts_skip_only_what_finds_nothing(text):
    """digit_numbers tries the ordinal pattern only on a token ending with d, h or t (of any case), and
    reads digits without a separator without removing separators: neither changes what a token gives."""
    from accordwatch.extract.figures.numbers import _GROUP_SEPARATOR, _ORDINAL_DIGITS, _TOKEN

    tokens = {t for word in text.split() for t in (word, word.strip(".,;:!?)(]\"'"))}
    for token in tokens:
        if token[-1:] not in "dhtDHT":
            assert _ORDINAL_DIGITS.fullmatch(token) is None
        tm = _TOKEN.fullmatch(token)
        if tm and tm.group("num").isdecimal():
            assert _GROUP_SEPARATOR.sub("", tm.group("num")) == tm.group("num")
