"""Span rows made by the functions written for each span class, against the plain way: the base
fields read one by one and json_dumps(span.attrs())."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from accordwatch.ingest import read_inputs
from accordwatch.model import SPAN_KINDS, Event, Figure, Span, Timex
from accordwatch.pipeline import corpus_context, process
from accordwatch.store.bulk import SPAN_COLUMNS
from accordwatch.store.engine import json_dumps
from accordwatch.store.span_row import BASE_FIELDS, span_values
from tests.conftest import EXAMPLES


def plain_row(span: Span) -> tuple:
    return (*(getattr(span, name) for name in BASE_FIELDS), json_dumps(span.attrs()))


def test_rows_are_in_the_span_table_column_order():
    assert SPAN_COLUMNS == ("id", *BASE_FIELDS, "attrs")


def test_rows_of_real_spans_are_the_plain_rows():
    raws = list(read_inputs([str(EXAMPLES)]))
    context = corpus_context(raws)
    real = [s for raw in raws for s in process(raw, context).spans]
    assert {type(s) for s in real} >= {cls for kind, cls in SPAN_KINDS.items() if kind in
                                       ("timex", "actor", "figure", "event", "agreement")}
    rows = span_values(real)
    assert len(rows) == len(real) > 100
    for span, row in zip(real, rows):
        assert row == plain_row(span)
        assert [type(v) for v in row] == [type(v) for v in plain_row(span)]


@dataclass(frozen=True)
class _Odd(Span):
    """A class whose fields hold what the fast expressions do not expect (fields with no default too)."""

    kind = "odd"
    anything: object = None
    flag: bool = False
    items: tuple = ()
    number: float = 0.0
    no_default: str = ""


class _Str(str):
    pass


_ODD_VALUES: list[object] = [
    "", "plain", "Ağdam – «quoted»\n\"\\\t", "100%", "%s %(x)s", _Str("a str subclass"), None, True, False,
    0, 1, -7, 2**70, 0.0, -0.0, 0.1, 1e16, 1.5e-300, math.nan, math.inf, -math.inf, (), ("a",),
    (("part_of", "1:2"),), [], ["x", 1], {}, {"k": [1, None]}, {1: "int key"}, datetime(2025, 5, 12, tzinfo=UTC),
]


@pytest.mark.parametrize("value", _ODD_VALUES, ids=repr)
def test_any_value_in_any_field_is_encoded_as_the_encoder_does(value):
    spans = [_Odd("d", 0, 1, "x", "L", "r", 0.5, **{name: value})
             for name in ("anything", "flag", "items", "number", "no_default")]
    spans += [Timex("d", 0, 1, "x", "L", "r", value=value, anchor_inferred=value),  # type: ignore[arg-type]
              Figure("d", 0, 1, "x", "L", "r", value=value, relations=value),  # type: ignore[arg-type]
              Event("d", 0, 1, "x", "L", "r", source_actors=value, mode=value)]  # type: ignore[arg-type]
    for span, row in zip(spans, span_values(spans)):
        assert row == plain_row(span)


def test_a_span_without_attrs_and_a_subclass_of_a_known_class():
    @dataclass(frozen=True)
    class LaterTimex(Timex):
        note: str = ""

    spans = [Span("d", 0, 1, "x", "L", "r"), LaterTimex("d", 2, 3, "y", "L", "r", value="2025", note="n")]
    assert span_values(spans) == [plain_row(s) for s in spans]
    assert span_values(spans)[0][-1] == "{}"
