"""The spans' one-step __init__ (model._one_step_init) makes what a plain frozen dataclass makes."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from pathlib import Path

import pytest

from accordwatch.ingest import read_inputs
from accordwatch.model import SPAN_KINDS, Event, RawInput, Span, Timex
from accordwatch.pipeline import process

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "karabakh"


def plain(cls: type[Span]) -> type:
    """The same fields as a frozen dataclass with the __init__ dataclasses generates."""
    return dataclasses.make_dataclass(cls.__name__, [(f.name, f.type, f) for f in dataclasses.fields(cls)],
                                      frozen=True)


def real_spans() -> list[Span]:
    raws = [r for r in read_inputs([str(p) for p in sorted(EXAMPLES.glob("*.txt"))]) if isinstance(r, RawInput)]
    return [s for raw in raws for s in process(raw).spans]


@pytest.mark.parametrize("cls", list(SPAN_KINDS.values()))
def test_signature_is_the_dataclass_one(cls):
    ours, theirs = inspect.signature(cls), inspect.signature(plain(cls))
    assert [(p.name, p.kind, p.default) for p in ours.parameters.values()] == \
        [(p.name, p.kind, p.default) for p in theirs.parameters.values()]


def test_real_spans_equal_the_plain_dataclass_ones():
    spans = real_spans()
    assert {type(s) for s in spans} >= {Timex, Event}
    for span in spans:
        values = [getattr(span, f.name) for f in dataclasses.fields(span)]
        reference = plain(type(span))(*values)
        assert vars(span) == vars(reference) and list(vars(span)) == list(vars(reference))
        by_name = type(span)(**{f.name: getattr(span, f.name) for f in dataclasses.fields(span)})
        assert by_name == span and hash(by_name) == hash(span)
        # only the required fields: the defaults are the dataclass's
        required = [f.name for f in dataclasses.fields(span) if f.default is dataclasses.MISSING]
        assert vars(type(span)(*values[:len(required)])) == vars(plain(type(span))(*values[:len(required)]))


def test_spans_stay_frozen_comparable_and_picklable():
    span = Event("doc", 3, 9, "signed", "AGREE", "r", 0.7, source_actors=("Armenia",), date="2020-11-10")
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 4  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(span)) == span
    assert dataclasses.replace(span, date="2020") == Event("doc", 3, 9, "signed", "AGREE", "r", 0.7,
                                                         source_actors=("Armenia",), date="2020")
    assert span != Span("doc", 3, 9, "signed", "AGREE", "r", 0.7)
    assert span.attrs()["source_actors"] == ("Armenia",) and "start" not in span.attrs()
    assert repr(span).startswith("Event(doc_id='doc', start=3")


def test_fields_it_cannot_set_in_one_step_are_refused():
    from accordwatch.model import _one_step_init

    @dataclasses.dataclass(frozen=True)
    class Listed:
        items: list = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError):
        _one_step_init(Listed)
