"""Figures of one population measured in different ways: not a conflict.

"Approximately 5,000 civilians sheltered" and "100,514 left the region" count the same
people in different ways; their numbers differ without contradicting each other. Figures
whose objects fall in one class (data/rules/fuse/claims.yaml, object_classes), whose times
are known and close, and whose documents are about the same actors are compared by what they measure (the nearest measure word): the same
measure gives agree, more_precise or differ; different measures give `different_measures`.
Figures of the same object and unit are compared by fuse.claims already, and not again here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from functools import cache

from accordwatch.fuse import dates
from accordwatch.fuse.claims import _figure_value, comparable, figure_verdict, same_object
from accordwatch.fuse.corpus import Corpus
from accordwatch.fuse.records import Claim, Statement, stable_id
from accordwatch.fuse.rules import load
from accordwatch.fuse.text import words
from accordwatch.model import Figure


@cache
def _measure_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile("|".join(rf"(?<![\w-]){re.escape(s)}" for s in stems), re.IGNORECASE))
                 for name, stems in load("claims")["measures"].items())


def object_class(fig: Figure) -> str:
    ws = words(fig.object)
    for name, stems in load("claims")["object_classes"].items():
        if any(w.startswith(s) for w in ws for s in stems):
            return name
    return ""


def measure_of(fig: Figure, corpus: Corpus) -> str:
    """The measure word nearest the figure in its sentence ("" when none is listed)."""
    ref = corpus.ref(fig)
    text = corpus.by_id[fig.doc_id].text[ref.sentence_start:ref.sentence_end]
    best, dist = "", 10**9
    for name, pattern in _measure_patterns():
        for m in pattern.finditer(text):
            start, end = m.start() + ref.sentence_start, m.end() + ref.sentence_start
            d = fig.start - end if end <= fig.start else start - fig.end if start >= fig.end else 0
            if 0 <= d < dist:
                best, dist = name, d
    return best


def _is_denominator(fig: Figure, figures: dict[str, Figure]) -> bool:
    """"100,514 out of 120,000": the whole a part is counted out of, with the part's object."""
    return any(rel == "has_part" and (other := figures.get(f"{fig.doc_id}:{pos}")) is not None
               and other.object == fig.object for rel, pos in fig.relations)


def _day(fig: Figure, corpus: Corpus) -> date | None:
    value = fig.time or corpus.ref(fig).said_on
    start = dates.bounds(value)[0] if value and dates.parse(value) else ""
    return date.fromisoformat(start) if start else None


def _close(a: Figure, b: Figure, corpus: Corpus) -> bool:
    """Figures about the same time (both known) in documents about the same actors."""
    da, db = _day(a, corpus), _day(b, corpus)
    if da is None or db is None or abs((da - db).days) > load("claims")["measure_window_days"]:
        return False
    actors = corpus.document_actors
    return len(actors[a.doc_id] & actors[b.doc_id]) >= load("fusion")["shared_document_actors"]


def _classed(corpus: Corpus) -> dict[tuple[str, str], list[tuple[Figure, str]]]:
    figures = {f"{f.doc_id}:{f.start}:{f.end}": f for f in corpus.of_kind("figure") if isinstance(f, Figure)}
    groups: dict[tuple[str, str], list[tuple[Figure, str]]] = defaultdict(list)
    for fig in figures.values():
        if fig.value is None or not comparable(fig) or _is_denominator(fig, figures):
            continue
        cls = object_class(fig)
        measure = measure_of(fig, corpus) if cls else ""
        if measure:
            groups[(cls, fig.unit)].append((fig, measure))
    return groups


def _statement(fig: Figure, measure: str, corpus: Corpus) -> Statement:
    return Statement(corpus.ref(fig), _figure_value(fig), fig.time, corpus.publishers[fig.doc_id], f"measures: {measure}")


def _origin(fig: Figure, corpus: Corpus) -> str:
    return corpus.ref(fig).origin


def measure_claims(corpus: Corpus) -> list[Claim]:
    out = []
    for (cls, unit), items in sorted(_classed(corpus).items()):
        for i, (a, ma) in enumerate(items):
            for b, mb in items[i + 1:]:
                if _origin(a, corpus) == _origin(b, corpus) or same_object(a, b) or not _close(a, b, corpus):
                    continue
                verdict = figure_verdict([a, b]) if ma == mb else "different_measures"
                why = (f"both measure {ma}" if ma == mb else
                       f"{_figure_value(a)} {a.object} ({ma}) and {_figure_value(b)} {b.object} ({mb}) "
                       "count different things")
                out.append(Claim(stable_id("measure", f"{a.doc_id}:{a.start}", f"{b.doc_id}:{b.start}"), "figure",
                                 f"{cls}{f' ({unit})' if unit else ''}: {ma} / {mb}", verdict,
                                 (_statement(a, ma, corpus), _statement(b, mb, corpus)), why))
    return out
