"""Agreements: mentions, dates, resolution to one key, statuses, provisions and derived dates."""

from __future__ import annotations

import json

import pytest

from accordwatch.extract.agreements import find_agreement_mentions, find_agreements
from accordwatch.extract.agreements.find import _referring
from accordwatch.extract.agreements.lexicon import agreement_rules
from accordwatch.extract.agreements.mentions import Mention
from accordwatch.extract.agreements.provisions import add_duration
from accordwatch.extract.sentences import sentence_spans
from accordwatch.model import ActorMention, Document, Timex
from tests.conftest import make_doc, shared_path


def timex(doc: Document, text: str, value: str, label: str = "DATE", nth: int = 0) -> Timex:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    return Timex(doc.id, start, start + len(text), text, label, "test", value=value)


def state(doc: Document, text: str, canonical: str | None = None, nth: int = 0) -> ActorMention:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    return ActorMention(doc.id, start, start + len(text), text, "state", "test",
                        canonical=canonical or text, actor_type="state")


def test_dated_agreement_with_parties_and_status():
    doc = make_doc("Under the tripartite agreement among Russia, Azerbaijan, and Armenia signed on November 9, 2020, "
                   "a contingent was deployed. Since the document has not been revoked, it stays.")
    actors = [state(doc, "Russia"), state(doc, "Azerbaijan"), state(doc, "Armenia")]
    agreements, _ = find_agreements(doc, actors, [timex(doc, "November 9, 2020", "2020-11-09")])
    assert len(agreements) == 1
    a = agreements[0]
    assert a.name == "tripartite agreement among Russia, Azerbaijan, and Armenia"
    assert a.date == "2020-11-09"
    assert a.parties == ("Armenia", "Azerbaijan", "Russia")
    assert "signed" in a.status_mentions and "not revoked" in a.status_mentions
    assert doc.text[a.start:a.end] == a.text


def test_mentions_of_one_agreement_share_a_key_and_export_once():
    doc = make_doc("November 9, 2025, marks the fifth anniversary of the Statement on a complete ceasefire in the "
                   "conflict zone, signed by the three leaders. A contingent was deployed in accordance with the "
                   "November 9, 2020 Statement.")
    tx = [timex(doc, "November 9, 2025", "2025-11-09"), timex(doc, "November 9, 2020", "2020-11-09")]
    mentions, _ = find_agreement_mentions(doc, [], tx)
    assert len(mentions) == 2
    assert {m.date for m in mentions} == {"2020-11-09"}  # the first dated by its anniversary
    assert len({m.agreement_key for m in mentions}) == 1
    agreements, _ = find_agreements(doc, [], tx)
    assert [a.name for a in agreements] == ["Statement on a complete ceasefire in the conflict zone"]


def test_same_agreement_named_differently_across_documents_gets_one_key():
    a = make_doc("The trilateral statement of 9 November 2020 set out the terms.")
    b = make_doc("It ended with the November 2020 ceasefire agreement between the leaders.")
    key_a = find_agreements(a, [], [timex(a, "9 November 2020", "2020-11-09")])[0][0].agreement_key
    key_b = find_agreements(b, [], [timex(b, "November 2020", "2020-11")])[0][0].agreement_key
    assert key_a == key_b == "agreement:2020-11"


def test_two_agreements_of_one_month_keep_distinct_keys():
    doc = make_doc("In August 2025, the ministers initialled a peace agreement in Washington. Trump also signed "
                   "as a witness to an Armenian-Azerbaijani declaration on transit.")
    agreements, _ = find_agreements(doc, [], [timex(doc, "August 2025", "2025-08")])
    assert [a.name for a in agreements] == ["peace agreement", "Armenian-Azerbaijani declaration on transit"]
    assert all(a.date == "2025-08" for a in agreements)
    assert len({a.agreement_key for a in agreements}) == 2


def test_list_of_dated_statements_is_one_agreement_per_date():
    doc = make_doc("They built on trilateral statements (statements dated 9 November 2020, 11 January 2021 and "
                   "31 October 2022).")
    tx = [timex(doc, "9 November 2020", "2020-11-09"), timex(doc, "11 January 2021", "2021-01-11"),
          timex(doc, "31 October 2022", "2022-10-31")]
    agreements, _ = find_agreements(doc, [], tx)
    assert [a.date for a in agreements] == ["2020-11-09", "2021-01-11", "2022-10-31"]
    assert agreements[1].name == "statement dated 11 January 2021"


def test_decision_to_establish_a_body_is_an_agreement():
    doc = make_doc("A decision was made at the Moscow summit on January 11, 2021, at the proposal of the "
                   "president, to establish a Trilateral Working Group (TWG).")
    agreements, provisions = find_agreements(doc, [], [timex(doc, "January 11, 2021", "2021-01-11")])
    assert [(a.name, a.date) for a in agreements] == [
        ("decision to establish a Trilateral Working Group (TWG)", "2021-01-11")]
    assert [p.label for p in provisions] == ["body"]


def test_prospective_treaty_is_undated():
    doc = make_doc("At their meeting on October 31, 2022, the leaders stressed preparing a peace treaty "
                   "between Azerbaijan and Armenia.")
    agreements, _ = find_agreements(doc, [], [timex(doc, "October 31, 2022", "2022-10-31")])
    assert [(a.name, a.date) for a in agreements] == [("peace treaty between Azerbaijan and Armenia", "")]


@pytest.mark.parametrize("text", [
    "In its latest statement, the ministry said the talks went well.",
    "The Foreign Ministry statement on the anniversary was published on Friday.",
    "The agreements remain valid and relevant.",
    "Formal declarations by local authorities followed.",
    "Armenia's decision to recognize the territory was noted.",
    "The minister made a statement on Sunday about the talks.",
    "The Bob Allen Deal was signed by the band.",
])
def test_not_agreements(text):
    doc = make_doc(text)
    sunday = [timex(doc, "Sunday", "2004-12-26")] if "Sunday" in text else []
    assert find_agreements(doc, [], sunday)[0] == []


def test_deployment_term_and_extension_are_derived_with_reasons():
    doc = make_doc("The contingent is located in Karabakh according to the trilateral statement of the heads of "
                   "state, which led to a ceasefire in November 2020. According to the document, peacekeepers "
                   "were stationed along the line of contact for a period of five years with its subsequent "
                   "extension for the same period, unless Baku and Yerevan refuse this provision.")
    tx = [timex(doc, "November 2020", "2020-11"), timex(doc, "five years", "P5Y", "DURATION")]
    agreements, provisions = find_agreements(doc, [], tx)
    assert [a.date for a in agreements] == ["2020-11"]
    deployment = [p for p in provisions if p.label == "deployment" and p.term]
    assert len(deployment) == 1
    p = deployment[0]
    assert p.term == "P5Y"
    assert p.extension.startswith("automatic P5Y unless Baku and Yerevan refuse")
    facts = {fact: value for fact, value, _ in p.derived}
    assert facts == {"start": "2020-11", "end": "2025-11", "extended_end": "2030-11"}
    assert all(reason for _, _, reason in p.derived)
    assert p.agreement_key == agreements[0].agreement_key


def test_add_duration_keeps_granularity():
    assert add_duration("2020-11-09", "P5Y") == "2025-11-09"
    assert add_duration("2020-11", "P18M") == "2022-05"
    assert add_duration("2020", "P5Y") == "2025"
    assert add_duration("2020", "P6M") == ""


def _provision_cases(kind: str):
    return [(r.id, text) for r in agreement_rules().provisions
            for text in (r.examples if kind == "examples" else r.counter_examples)]


@pytest.mark.parametrize("rule_id, text", _provision_cases("examples"))
def test_provision_rule_examples(rule_id, text):
    rule = next(r for r in agreement_rules().provisions if r.id == rule_id)
    assert rule.regex.search(text)


@pytest.mark.parametrize("rule_id, text", _provision_cases("counter_examples"))
def test_provision_rule_counter_examples(rule_id, text):
    rule = next(r for r in agreement_rules().provisions if r.id == rule_id)
    assert not rule.regex.search(text)


def test_reference_corpus_agreements_floor():
    """Agreements F1 on the five reference texts through the whole pipeline (measured 0.98)."""
    shared_path("eval", "karabakh")
    bench = pytest.importorskip("bench.plover_eval")
    scores = bench.reference_scores()
    assert scores["agreements"]["f1"] >= 0.93, json.dumps(scores["agreements"])


def test_parties_from_the_subject_of_the_concluding_verb():
    doc = make_doc("The Ethiopian government and the Tigray People's Liberation Front (TPLF) signed a permanent "
                   "cessation of hostilities agreement in Pretoria on November 2, 2022.")
    tplf = doc.text.index("Tigray")
    actors = [state(doc, "Ethiopian government", "Ethiopia"),
              ActorMention(doc.id, tplf, tplf + 32, doc.text[tplf:tplf + 32], "organisation", "test",
                           canonical="Tigray People's Liberation Front", actor_type="organisation")]
    agreements, provisions = find_agreements(doc, actors, [timex(doc, "November 2, 2022", "2022-11-02")])
    assert [(a.name, a.date) for a in agreements] == [("permanent cessation of hostilities agreement", "2022-11-02")]
    assert agreements[0].parties == ("Ethiopia", "Tigray People's Liberation Front")
    assert [p.label for p in provisions] == ["ceasefire"]


@pytest.mark.parametrize("text, names", [
    ("We will continue our efforts to prepare substantive agreements on all areas of normalization.", 0),
    ("Armenia and Azerbaijan signed agreements on border delimitation in 2021.", 1),
])
def test_a_bare_plural_with_no_date_or_party_names_no_agreement(text, names):
    from accordwatch.extract.actors import find_actors

    doc = make_doc(text)
    agreements, _ = find_agreements(doc, find_actors(doc), [])
    assert len(agreements) == names


def test_sentences_refer_back_only_after_an_agreement_is_named():
    text = ("Under the agreement, nothing is known yet. The Statement of 9 November 2020 ended the war. "
            "Under the agreement, peacekeepers were deployed. The war ended. "
            "The deal was signed under the Statement of 9 November 2020.")
    spans = sentence_spans(text)
    named = Mention(0, 1, "Statement", "Statement", False)
    per_sentence = [[], [named], [], [], [named]]
    assert _referring(text, spans, per_sentence) == [False, False, True, False, False]
