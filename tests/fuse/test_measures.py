"""Figures of one population: the same measure compared, different measures never a conflict."""

from __future__ import annotations

from accordwatch.fuse import Corpus
from accordwatch.fuse.measures import measure_claims, measure_of, object_class
from accordwatch.model import ActorMention
from tests.fuse.helpers import doc, figure

SHELTER = ("When hostilities resumed in September 2023, Russian peacekeepers accommodated approximately 5,000 "
           "civilians at their deployment points in Armenia and Azerbaijan.")
LEFT = "By October 1, 100,514 ethnic Armenians left the region for Armenia, Azerbaijan said."
FLED = "Officials in Armenia and Azerbaijan said 98,000 refugees fled the region by early October."
FAR = "In 2010, 3,000 residents of Armenia and Azerbaijan left the region."


def _actors(d, *names):
    out = []
    for name in names:
        i = d.text.index(name)
        out.append(ActorMention(d.id, i, i + len(name), name, "state", "test", canonical=name))
    return out


def _corpus(*texts_and_figures):
    items = []
    for i, (text, phrase, value, obj, time) in enumerate(texts_and_figures):
        d = doc(text, f"d{i}", "2023-10-13")
        items.append((d, [figure(d, phrase, value, obj, time=time), *_actors(d, "Armenia", "Azerbaijan")]))
    return Corpus.of(items)


def test_measures_and_classes_come_from_the_words_near_the_figure():
    corpus = _corpus((SHELTER, "approximately 5,000 civilians", 5000, "civilians", "2023-09"),
                     (LEFT, "100,514 ethnic Armenians", 100514, "ethnic Armenians", "2023-10-01"))
    sheltered, left = (s for spans in corpus.spans for s in spans if s.kind == "figure")
    assert (object_class(sheltered), measure_of(sheltered, corpus)) == ("population", "sheltered")
    assert (object_class(left), measure_of(left, corpus)) == ("population", "displaced")


def test_different_measures_are_not_a_conflict_and_the_same_measure_is_compared():
    corpus = _corpus((SHELTER, "approximately 5,000 civilians", 5000, "civilians", "2023-09"),
                     (LEFT, "100,514 ethnic Armenians", 100514, "ethnic Armenians", "2023-10-01"),
                     (FLED, "98,000 refugees", 98000, "refugees", "2023-10"))
    verdicts = sorted((c.verdict, tuple(s.value for s in c.statements)) for c in measure_claims(corpus))
    assert ("differ", ("100514", "98000")) in verdicts
    assert [v for v, values in verdicts if "5000" in values] == ["different_measures"] * 2


def test_figures_of_other_times_are_not_compared():
    corpus = _corpus((LEFT, "100,514 ethnic Armenians", 100514, "ethnic Armenians", "2023-10-01"),
                     (FAR, "3,000 residents", 3000, "residents", "2010"))
    assert measure_claims(corpus) == []
