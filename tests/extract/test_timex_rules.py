"""Every example and counter-example of the YAML timex rules, run through the whole tagger."""

from __future__ import annotations

import pytest

from accordwatch.extract.timex import tag
from accordwatch.extract.timex.rules import load_language

DCT = "2023-10-13"  # a Friday


def _cases(kind: str) -> list:
    out = []
    for rule in load_language("en").rules:
        for i, case in enumerate(rule.examples if kind == "examples" else rule.counter_examples):
            out.append(pytest.param(rule.id, case, id=f"{rule.id}-{i}"))
    return out


@pytest.mark.parametrize(("rule_id", "case"), _cases("examples"))
def test_rule_example(rule_id: str, case: str | dict) -> None:
    spec = case if isinstance(case, dict) else {"text": case}
    text = spec["text"]
    extent = spec.get("extent", text)
    start = text.index(extent)
    found = {(t.start, t.end): t for t in tag(text, spec.get("dct", DCT))}
    assert (start, start + len(extent)) in found, f"{extent!r} not found as one timex in {text!r}: {found}"
    if "value" in spec:
        assert found[(start, start + len(extent))].value == spec["value"]


@pytest.mark.parametrize(("rule_id", "text"), _cases("counter_examples"))
def test_rule_counter_example(rule_id: str, text: str) -> None:
    assert [t for t in tag(text, DCT) if t.rule_id == rule_id] == []


def test_every_rule_has_an_example() -> None:
    assert [r.id for r in load_language("en").rules if not r.examples] == []
