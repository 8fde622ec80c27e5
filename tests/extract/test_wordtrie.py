"""The prefix-tree alternation matches what a longest-first flat alternation matches."""

from __future__ import annotations

import re

from accordwatch.extract.wordtrie import trie_regex

WORDS = ["two", "twenty", "twelve", "ten", "three", "per", "per cent", "sept", "september", "a", "an"]


def _flat(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def test_the_tree_matches_at_each_place_what_a_longest_first_list_matches():
    tree, flat = re.compile(trie_regex(WORDS)), _flat(WORDS)
    text = "twenty-two per cent, a tenth of three; an eleventh in september or sept. twelve"
    for i in range(len(text)):
        a, b = tree.match(text, i), flat.match(text, i)
        assert (a and a.group()) == (b and b.group()), text[i:]


def test_a_space_pattern_and_dotted_abbreviations():
    pattern = re.compile(trie_regex(["per cent", "sept", "september"], space=r"[\s-]+",
                                    dotted=frozenset({"sept"})) + r"(?!\w)")
    assert pattern.fullmatch("per-cent") and pattern.fullmatch("per  cent")
    assert pattern.match("sept. 5").group() == "sept."
    assert pattern.match("september 5").group() == "september"
    assert pattern.match("septe") is None


def test_the_regex_is_factored_by_shared_starts():
    assert trie_regex(["sign", "signal", "sit"]) == "si(?:gn(?:al|)|t)"
    assert trie_regex([]) == "" and trie_regex([""]) == ""
