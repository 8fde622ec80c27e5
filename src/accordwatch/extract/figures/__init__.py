"""Figures: every reported number with what it counts or measures.

    find_figures(doc, timexes) -> list[Figure]

A number (digits, words, or a counting ordinal) becomes a Figure unless a guard shows it
to be part of a date, a clock time, a score, a name or a document number. Its text runs
from a qualifier or determiner before it ("approximately", "the") over its unit or scale
to the noun phrase it counts ("Approximately 2,000 Russian troops"); relations link parts
to wholes. All rules are data under data/rules/figures/.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from itertools import accumulate

from accordwatch.extract.figures import objects
from accordwatch.extract.figures.draft import Draft
from accordwatch.extract.figures.guards import not_a_bare_count, not_a_figure
from accordwatch.extract.figures.lexicon import Lexicon, lexicon
from accordwatch.extract.figures.numbers import Number, digit_numbers, scaled, word_numbers
from accordwatch.extract.figures.relations import attach_times, complete_ranges, relate
from accordwatch.extract.figures.skeleton import skeleton
from accordwatch.extract.sentences import sentences
from accordwatch.model import Document, Figure, Timex

__all__ = ["figure_record", "find_figures"]

# Temporal expressions whose numbers are not figures; durations ("six weeks") and sets
# ("every five years") are.
_NOT_FIGURE_TIMEX = ("DATE", "TIME")


def find_figures(doc: Document, timexes: Sequence[Timex] = ()) -> list[Figure]:
    """The figures of `doc`, in text order. `timexes` are the document's temporal expressions."""
    lex = lexicon()
    text = doc.text
    inside_blocked = _overlap_test([t for t in timexes if t.label.upper() in _NOT_FIGURE_TIMEX])
    drafts: list[Draft] = []
    for num in _numbers(text, lex):
        if drafts and num.start < drafts[-1].end or inside_blocked(num):
            continue
        if not_a_figure(num, text, lex):
            continue
        draft = _draft(text, num, lex)
        if not not_a_bare_count(draft, text, lex):
            drafts.append(draft)
    drafts = relate(complete_ranges(drafts, text), text)
    if drafts and any(t.label.upper() == "DATE" and t.value for t in timexes):
        # The sentence split is the one the events and agreements stages read (cached): done once a text.
        drafts = attach_times(drafts, timexes, sentences(text))
    # Figures are made once, when final: a frozen dataclass is slow to make and slower to replace.
    return [Figure(doc.id, *draft) for draft in drafts]


def figure_record(fig: Figure) -> dict[str, object]:
    """The export form of a figure, as score.py reads it."""
    return {"text": fig.text, "value": fig.value, "unit": fig.unit, "object": fig.object,
            "qualifier": fig.qualifier, "label": fig.label, "start": fig.start, "end": fig.end}


def _numbers(text: str, lex: Lexicon) -> list[Number]:
    skel = skeleton(text)
    found = [*digit_numbers(text, lex, skel), *word_numbers(text, lex, skel)]
    return sorted(found, key=lambda n: (n.start, -n.end))


def _overlap_test(spans: Sequence[Timex]) -> Callable[[Number], bool]:
    """A test whether a number overlaps one of `spans`: the spans starting before the number's end
    are a prefix of the spans sorted by start, and one of them reaches into the number exactly when
    the furthest end among them does (a bisection instead of a pass over all spans per number)."""
    ordered = sorted((t.start, t.end) for t in spans)
    starts = [s for s, _ in ordered]
    furthest_end = list(accumulate((e for _, e in ordered), max))

    def overlaps(num: Number) -> bool:
        i = bisect.bisect_left(starts, num.end)
        return i > 0 and furthest_end[i - 1] > num.start

    return overlaps


def _draft(text: str, num: Number, lex: Lexicon) -> Draft:
    if num.source == "ordinal":
        label, value, unit, extent = "ordinal", num.value, "", objects.counted_object(text, num.end, 1, lex)
        start = num.start
        qualifier = ""
    else:
        start, label, value, unit, extent = _measure(text, num, lex)
        start, qualifier = objects.qualifier_before(text, start, lex)
    start = objects.determiner_before(text, start, lex)
    return Draft(start, extent.end, text[start:extent.end], label, f"figures.{label}.{num.source}",
                 _confidence(num, label, extent.object), value, unit, extent.object, qualifier)


def _measure(text: str, num: Number, lex: Lexicon) -> tuple[int, str, float, str, objects.Extent]:
    """Start, label, value, unit and extent of a number with what follows it."""
    value, end, start, currency = num.value, num.end, num.start, num.currency
    unit = lex.units.get(num.suffix) or lex.units.get(num.hyphen.split("-")[0])
    if not unit or unit.label == "money":
        end, scale = objects.scale_after(text, end, lex)
        value = scaled(value, scale)
    if unit is None:
        end, unit = objects.unit_after(text, end, lex)
    if not currency:
        start, currency = objects.currency_before(text, start, lex)
    if currency or unit and unit.label == "money":
        label, unit_name = "money", currency or (unit.unit if unit else "")
    else:
        label, unit_name = (unit.label, unit.unit) if unit else ("count", "")
    if label == "count":
        extent = objects.counted_object(text, end, value, lex)
    else:
        extent = objects.linked_object(text, end, label, lex)
    return start, label, value, unit_name, extent


def _confidence(num: Number, label: str, obj: str) -> float:
    """Bare counts with nothing counted are the likeliest to be something else."""
    if label == "count" and not obj:
        return 0.6
    return 0.9 if num.source == "words" else 0.95
