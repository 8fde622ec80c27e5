"""The agreement tracker and superseded claims, on hand-built findings in the reference sentences."""

from __future__ import annotations

import dataclasses

import pytest

from accordwatch.fuse import fuse_corpus
from accordwatch.fuse.agreements import notice_period
from accordwatch.fuse.rules import load
from tests.fuse.helpers import agreement, doc, event, provision

KEY = "agreement:2020-11"
END = (("start", "2020-11", "date the agreement was concluded"), ("end", "2025-11", "start 2020-11 + term P5Y"))


def _corpus(press_date: str = "2023-10-13"):
    press = doc("Formally, our peacekeepers will be there until November 2025, Putin said. According to the "
                "trilateral statement of November 2020, peacekeepers were stationed for a period of five years.",
                "press", published=press_date)
    agg = doc("Under the tripartite agreement signed on November 9, 2020, the peacekeepers were expected to "
              "remain in place through November 2025.", "aggregator", published="2023-12-01")
    mfa = doc("A Russian Peacekeeping Contingent was deployed to the region in accordance with the November 9, "
              "2020 Statement. The peacekeepers continued to fulfil their duty until their withdrawal on June 12, "
              "2024.", "ministry", published="2025-11-07")
    rfe = doc("The ministry recalled that Russia's peacekeeping mission in the region operated until June 2024.",
              "news", published="2025-11-08", publisher="RFE/RL")
    return [
        (press, [agreement(press, "trilateral statement of November 2020", KEY, "2020-11"),
                 provision(press, "peacekeepers were stationed", KEY, "deployment", "P5Y", END)]),
        (agg, [agreement(agg, "tripartite agreement", KEY, "2020-11-09", ("Armenia", "Azerbaijan", "Russia")),
               provision(agg, "peacekeepers were expected to remain", KEY, "deployment",
                         derived=(("end", "2025-11", "date stated after 'until'"),))]),
        (mfa, [agreement(mfa, "November 9, 2020 Statement", KEY, "2020-11-09"),
               provision(mfa, "Peacekeeping Contingent was deployed", KEY, "deployment"),
               event(mfa, "A Russian Peacekeeping Contingent was deployed to the region", "MOBILIZE", "2020-11",
                     ("Russia",)),
               event(mfa, "until their withdrawal on June 12, 2024", "RETREAT", "2024-06-12")]),
        (rfe, [event(rfe, "peacekeeping mission in the region operated until June 2024", "RETREAT", "2024-06",
                     modality="reported", reported_by="Russia")]),
    ]


def test_the_deployment_was_terminated_early_with_evidence():
    record = fuse_corpus(_corpus(), as_of="2026-01-01")
    (a,) = record.agreements
    assert a.date == "2020-11-09" and len(a.sources) == 3
    (p,) = a.provisions
    assert p.label == "deployment" and p.term == "P5Y"
    assert [(s.date, s.status) for s in p.steps] == [("2020-11", "3"), ("2024-06-12", "terminated")]
    assert p.status == "terminated" and p.status_label == "terminated early"
    withdrawal = p.steps[-1]
    assert {r.source for r in withdrawal.refs} == {"corpus/ministry.txt", "corpus/news.txt"}
    assert any("before the stated end 2025-11" in w for w in p.warnings)
    (end,) = [d for d in p.deadlines if d.fact == "end"]
    assert end.value == "2025-11" and end.passed
    assert {r.source for r in end.refs} == {"corpus/press.txt", "corpus/aggregator.txt"}


def test_the_stated_end_is_superseded_by_the_withdrawal():
    record = fuse_corpus(_corpus(), as_of="2026-01-01")
    (claim,) = [c for c in record.claims if c.subject.startswith("deployment")]
    assert claim.verdict == "superseded"
    stated = {s.ref.source: (s.value, s.ref.said_on) for s in claim.statements if s.value == "2025-11"}
    assert stated == {"corpus/press.txt": ("2025-11", "2023-10-13"), "corpus/aggregator.txt": ("2025-11", "2023-12-01")}
    happened = {s.ref.source for s in claim.statements if s.value == "2024-06-12"}
    assert happened == {"corpus/ministry.txt", "corpus/news.txt"}


def test_the_same_end_stated_after_the_withdrawal_is_a_contradiction():
    record = fuse_corpus(_corpus(press_date="2025-01-10"), as_of="2026-01-01")
    (claim,) = [c for c in record.claims if c.subject.startswith("deployment")]
    assert claim.verdict == "differ"


def test_without_a_withdrawal_a_passed_deadline_warns():
    corpus = [(d, [s for s in spans if s.label != "RETREAT"]) for d, spans in _corpus()[:3]]
    (p,) = fuse_corpus(corpus, as_of="2026-01-01").agreements[0].provisions
    assert p.status_label == "3 full"
    assert p.warnings == ("deployment: end 2025-11 has passed",)
    (p,) = fuse_corpus(corpus, as_of="2024-01-01").agreements[0].provisions
    assert p.warnings == ()


def test_an_agreement_said_to_be_superseded_ends_its_provisions_so():
    corpus = _corpus()
    later = doc("The 2020 statement was superseded by the peace agreement.", "later", published="2026-03-01")
    statement = agreement(later, "The 2020 statement", KEY, "2020-11", status=("superseded",))
    (p,) = fuse_corpus([*corpus, (later, [statement])], as_of="2026-06-01").agreements[0].provisions
    assert p.status == "superseded" and p.status_label == "superseded"
    assert p.steps[-1].date == "2026-03-01" and p.steps[-1].refs[0].source == "corpus/later.txt"


@pytest.mark.parametrize("key", ["examples", "counter_examples"])
def test_notice_rule_examples(key):
    for text in load("status")["notice"][key]:
        assert bool(notice_period(text)) == (key == "examples"), text


def test_a_notice_period_gives_a_notice_deadline_that_warns_once_passed():
    text = ("The peacekeepers were deployed for five years, extended automatically unless a party notifies "
            "six months before the expiry.")
    d = doc(text, "treaty", published="2021-01-01")
    p = provision(d, "peacekeepers were deployed", KEY, "deployment", "P5Y",
                  (*END, ("extended_end", "2030-11", "end + P5Y")))
    p = dataclasses.replace(p, extension="automatic P5Y unless a party notifies six months before the expiry")
    spans = [agreement(d, "five years", KEY, "2020-11"), p]
    (status,) = fuse_corpus([(d, spans)], as_of="2025-06-15").agreements[0].provisions
    assert [(x.fact, x.value, x.passed) for x in status.deadlines if x.fact == "notice"] == [("notice", "2025-05", True)]
    assert any("notice deadline 2025-05 has passed" in w for w in status.warnings)
