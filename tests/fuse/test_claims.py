"""Figures from different sources compared: agree, more precise, differ."""

from __future__ import annotations

import pytest

from accordwatch.fuse import Corpus
from accordwatch.fuse.claims import figure_claims
from tests.fuse.helpers import doc, figure


def _claims(first: tuple, second: tuple):
    a = doc(first[0], "first", published="2023-10-02", publisher="Wire A")
    b = doc(second[0], "second", published="2023-10-03", publisher="Wire B")
    corpus = Corpus.of([(a, [figure(a, *first[1:])]), (b, [figure(b, *second[1:])])])
    return figure_claims(corpus)


@pytest.mark.parametrize("first,second,verdict", [
    (("100,514 ethnic Armenians left the region.", "100,514", 100514, "ethnic Armenians left"),
     ("In all 100,514 ethnic Armenians left.", "100,514", 100514, "Armenians left"), "agree"),
    (("Approximately 100,000 Armenians left the region.", "100,000", 100000, "Armenians left the region",
      "", "approximately"),
     ("By October 1, 100,514 ethnic Armenians left the region.", "100,514", 100514, "ethnic Armenians left"),
     "more_precise"),
    (("Over 2,000 children were sheltered.", "2,000", 2000, "children sheltered", "", "over"),
     ("Some 2,150 children were sheltered.", "2,150", 2150, "children sheltered"), "more_precise"),
    (("Russian peacekeepers demined 689 kilometres of roads.", "689", 689, "roads demined", "km"),
     ("Russian peacekeepers demined 900 kilometres of roads.", "900", 900, "roads demined", "km"), "differ"),
])
def test_figure_verdicts(first, second, verdict):
    (claim,) = _claims(first, second)
    assert claim.verdict == verdict
    assert {s.ref.source for s in claim.statements} == {"corpus/first.txt", "corpus/second.txt"}


def test_different_things_or_units_are_not_compared():
    assert _claims(("They cleared 40 kilometres of lines.", "40", 40, "communication lines", "km"),
                   ("They cleared 40 hectares of land.", "40", 40, "land", "ha")) == []
    assert _claims(("The two countries agreed.", "two", 2, "countries"),
                   ("The three countries agreed.", "three", 3, "countries")) == []
