"""Every status rule's examples are evidence for its step, and its counter-examples are not."""

from __future__ import annotations

import pytest

from accordwatch.fuse.agreements import step_matches
from accordwatch.fuse.records import FusedEvent, Mention, SpanRef
from accordwatch.fuse.rules import load


def _cases(key: str):
    for label, rule in load("status")["provisions"].items():
        for i, step in enumerate(rule["steps"]):
            for text in step.get(key, []):
                yield pytest.param(label, i, text, id=f"{label}-{step['status']}-{text[:30]}")


def _event(text: str, type_: str) -> FusedEvent:
    ref = SpanRef("d", "event", 0, len(text), text, sentence=text)
    return FusedEvent("e", type_, "2024", "2024-01-01", "2024-12-31", "asserted", (), (Mention(ref, type_, "2024"),),
                      1, text)


def _matches(label: str, i: int, text: str) -> bool:
    rule = load("status")["provisions"][label]
    step = rule["steps"][i]
    types = step["types"] or ["OTHER"]
    return any(step_matches(_event(text, t), step, rule["subject"]) for t in types)


@pytest.mark.parametrize("label,i,text", list(_cases("examples")))
def test_examples_are_evidence(label, i, text):
    assert _matches(label, i, text)


@pytest.mark.parametrize("label,i,text", list(_cases("counter_examples")))
def test_counter_examples_are_not(label, i, text):
    assert not _matches(label, i, text)


def test_every_step_has_examples_and_a_known_status():
    scale = load("status")["scale"]
    for rule in load("status")["provisions"].values():
        for step in rule["steps"]:
            assert str(step["status"]) in scale and step["examples"] and step["counter_examples"]
