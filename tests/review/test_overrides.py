"""Decisions applied on top of machine output, on hand-built findings in real sentences."""

from __future__ import annotations

import pytest

from accordwatch.fuse import fuse_corpus
from accordwatch.fuse.brief import brief, to_markdown
from accordwatch.fuse.overrides import Overrides, find_span, mention_key
from accordwatch.model import ActorMention
from accordwatch.review.decisions import Decision, DecisionError, check, in_force, load_overrides, record
from accordwatch.review.tables import metadata
from tests.fuse.helpers import doc, event, figure, store_holding
from tests.fuse.test_events import AGG, MFA, PRESS, RFE
from tests.migration_check import migration_differences


def _corpus():
    a, b, c, d = doc(MFA, "mfa", "2025-11-07"), doc(RFE, "rfe", "2025-11-08"), doc(AGG, "agg", "2023-12-01"), \
        doc(PRESS, "press", "2023-10-13")
    return [
        (a, [event(a, "hostilities resumed in September 2023", "ASSAULT", "2023-09")]),
        (b, [event(b, "regaining control of the region in September 2023", "COERCE", "2023-09", ("Azerbaijan",)),
             figure(b, "Approximately 2,000 Russian troops", 2000, "Russian troops", qualifier="approximately")]),
        (c, [event(c, "announced a local operation", "ASSAULT", "2023-09", ("Azerbaijan",))]),
        (d, [event(d, "Baku carried out", "ASSAULT", "2023-09-19/2023-09-20", ("Azerbaijan",))]),
    ]


def _key(corpus, name: str) -> tuple[str, int, int]:
    d, spans = next((d, s) for d, s in corpus if d.source.endswith(f"{name}.txt"))
    return d.id, spans[0].start, spans[0].end


def _offensive(record):
    return [e for e in record.events if e.type in ("ASSAULT", "COERCE")]


def test_a_rejected_mention_leaves_its_event_and_an_edit_changes_it():
    corpus = _corpus()
    doc_id, s, e = _key(corpus, "agg")
    rejected = fuse_corpus(corpus, "2026-01-01", Overrides(spans={("event", doc_id, s, e): ("reject", {})}))
    (offensive,) = _offensive(rejected)
    assert doc_id not in offensive.sources and len(offensive.sources) == 3
    edited = fuse_corpus(corpus, "2026-01-01", Overrides(spans={("event", doc_id, s, e): ("edit", {"label": "MOBILIZE"})}))
    assert [x.type for x in edited.events if doc_id in x.sources] == ["MOBILIZE"]


def test_a_decision_finds_its_span_again_when_a_rule_moved_a_boundary():
    corpus = _corpus()
    _, s, e = _key(corpus, "press")
    spans = corpus[3][1]
    assert find_span(spans, "event", s, e + 3) is spans[0]  # overlapping most of it
    assert find_span(spans, "event", e + 10, e + 20) is None


def test_split_takes_a_mention_out_and_merge_joins_two_events():
    corpus = _corpus()
    press = mention_key(*_key(corpus, "press"))
    split = fuse_corpus(corpus, "2026-01-01", Overrides(splits=frozenset({press})))
    assert len(_offensive(split)) == 2
    a, b = (next(mention_key(m.ref.doc_id, m.ref.start, m.ref.end) for m in e.mentions) for e in _offensive(split))
    merged = fuse_corpus(corpus, "2026-01-01", Overrides(splits=frozenset({press}), merges=((a, b),)))
    assert len(_offensive(merged)) == 1


def test_renaming_an_entity_renames_it_in_events():
    corpus = _corpus()
    d, spans = corpus[1]
    start = d.text.index("Azerbaijan")
    actor = ActorMention(d.id, start, start + 10, "Azerbaijan", "state", "test", canonical="Azerbaijan")
    corpus[1] = (d, [*spans, actor])
    out = fuse_corpus(corpus, "2026-01-01", Overrides(entities={"Azerbaijan": ("edit", {"canonical": "Republic of Azerbaijan"})}))
    (offensive,) = _offensive(out)
    assert offensive.actors == ("Republic of Azerbaijan",)


def test_a_verdict_and_a_tier_set_by_the_analyst_show_in_the_record_and_the_brief():
    corpus = _corpus()
    base = fuse_corpus(corpus, "2026-01-01")
    claim = base.claims[0]
    publisher = base.documents[0].publisher
    out = fuse_corpus(corpus, "2026-01-01", Overrides(verdicts={claim.id: ("dismissed", "ana: a misreading")},
                                                       tiers={publisher: "A"}))
    changed = next(c for c in out.claims if c.id == claim.id)
    assert changed.verdict == "dismissed" and changed.reviewed == "ana: a misreading"
    assert next(d for d in out.documents if d.publisher == publisher).tier == "A"
    text = to_markdown(brief(out))
    cited = {d.publisher: d for d in brief(out).documents}
    assert publisher in cited and f"{cited[publisher].source.rsplit('/', 1)[-1]}" in text
    assert "tier A" in text and "tier unrated" in text


@pytest.fixture
def store(store_url):
    with store_holding(store_url, _corpus()) as s:
        yield s


def test_migration_makes_the_table_review_declares(store):
    assert migration_differences(store, metadata) == []


def test_the_latest_decision_is_in_force_and_every_one_is_logged(store):
    target = "0" * 64 + ":0:5"
    record(store, Decision("event", target, "reject", "ana", "wrong"))
    record(store, Decision("event", target, "accept", "ben", "on second reading"))
    (d,) = in_force(store.engine)
    assert (d.action, d.who) == ("accept", "ben")
    record(store, Decision("event", target, "reset", "ben"))
    assert in_force(store.engine) == [] and load_overrides(store.engine) == Overrides()


@pytest.mark.parametrize("decision, message", [
    (Decision("event", "x:1:2", "reject", "ana", ""), "needs a reason"),
    (Decision("event", "x:1:2", "split", "ana", "why"), "takes"),
    (Decision("event", "x:1:2", "edit", "ana", "why", {"text": "other"}), "edit sets"),
    (Decision("track", "k:deployment", "status", "ana", "why", {"status": "3"}), "cited"),
    (Decision("track", "k:deployment", "status", "ana", "why", {"status": "7", "cite": "u"}), "status must"),
    (Decision("publisher", "pub:x", "tier", "ana", "why", {"tier": "Z"}), "tier must"),
    (Decision("document", "d", "role", " ", "why", {"role": "primary_text"}), "who"),
])
def test_decisions_the_log_could_not_stand_behind_are_refused(decision, message):
    with pytest.raises(DecisionError, match=message):
        check(decision)
