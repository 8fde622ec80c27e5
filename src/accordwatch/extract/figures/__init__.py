"""Figures: every reported number with what it counts or measures.

    find_figures(doc, timexes) -> list[Figure]

A number (digits, words, or a counting ordinal) becomes a Figure unless a guard shows it
to be part of a date, a clock time, a score, a name or a document number. Its text runs
from a qualifier or determiner before it ("approximately", "the") over its unit or scale
to the noun phrase it counts ("Approximately 2,000 Russian troops"); relations link parts
to wholes. All rules are data under data/rules/figures/.
"""

from __future__ import annotations

from collections.abc import Sequence

from accordwatch.extract.figures import objects
from accordwatch.extract.figures.guards import not_a_bare_count, not_a_figure
from accordwatch.extract.figures.lexicon import Lexicon, lexicon
from accordwatch.extract.figures.numbers import Number, digit_numbers, scaled, word_numbers
from accordwatch.extract.figures.relations import attach_times, complete_ranges, relate
from accordwatch.extract.sentences import sentence_spans
from accordwatch.model import Document, Figure, Timex

__all__ = ["figure_record", "find_figures"]

# Temporal expressions whose numbers are not figures; durations ("six weeks") and sets
# ("every five years") are.
_NOT_FIGURE_TIMEX = ("DATE", "TIME")


def find_figures(doc: Document, timexes: Sequence[Timex] = ()) -> list[Figure]:
    """The figures of `doc`, in text order. `timexes` are the document's temporal expressions."""
    lex = lexicon()
    text = doc.text
    blocked = sorted((t.start, t.end) for t in timexes if t.label.upper() in _NOT_FIGURE_TIMEX)
    figures: list[Figure] = []
    for num in _numbers(text, lex):
        if _inside(num, blocked) or figures and num.start < figures[-1].end:
            continue
        if not_a_figure(num, text, lex):
            continue
        fig = _figure(doc, num, lex)
        if not not_a_bare_count(fig, text, lex):
            figures.append(fig)
    figures = relate(complete_ranges(figures, text), text)
    if any(t.label.upper() == "DATE" for t in timexes):
        figures = attach_times(figures, timexes, sentence_spans(text))
    return figures


def figure_record(fig: Figure) -> dict[str, object]:
    """The export form of a figure, as score.py reads it."""
    return {"text": fig.text, "value": fig.value, "unit": fig.unit, "object": fig.object,
            "qualifier": fig.qualifier, "label": fig.label, "start": fig.start, "end": fig.end}


def _numbers(text: str, lex: Lexicon) -> list[Number]:
    found = [*digit_numbers(text, lex), *word_numbers(text, lex)]
    return sorted(found, key=lambda n: (n.start, -n.end))


def _inside(num: Number, blocked: list[tuple[int, int]]) -> bool:
    return any(s < num.end and num.start < e for s, e in blocked)


def _figure(doc: Document, num: Number, lex: Lexicon) -> Figure:
    text = doc.text
    if num.source == "ordinal":
        label, value, unit, extent = "ordinal", num.value, "", objects.counted_object(text, num.end, 1, lex)
        start = num.start
        qualifier = ""
    else:
        start, label, value, unit, extent = _measure(text, num, lex)
        start, qualifier = objects.qualifier_before(text, start, lex)
    start = objects.determiner_before(text, start, lex)
    return Figure(doc.id, start, extent.end, text[start:extent.end], label, f"figures.{label}.{num.source}",
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
