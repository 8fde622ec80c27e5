"""Acceptance on the reference corpus: lineage, decisions that survive re-extraction under
changed rules, figures that measure different things, framing, deadlines and changes."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from accordwatch.batch import ingest
from accordwatch.fuse import current_record, refresh
from accordwatch.fuse import dates as fdates
from accordwatch.review.changes import changes, last_ingest_start, to_markdown
from accordwatch.review.deadlines import to_ics, watch
from accordwatch.review.decisions import Decision, DecisionError, audit_log, record, span_target
from accordwatch.review.decisions import record as decide
from accordwatch.review.framing import event_namings
from accordwatch.review.items import orphans, review_items
from accordwatch.review.reextract import reextract
from accordwatch.store import Store
from tests.conftest import EXAMPLES

AS_OF = "2026-06-01"
REMOVED_RULE = "consult.meet"  # a rule for meetings: the September 2023 offensive does not rest on it


@pytest.fixture(scope="module")
def reference_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("review") / "k.db"
    with Store.open(str(db)) as store:
        ingest(store, [str(EXAMPLES)])
        refresh(store, as_of=AS_OF)
    return db


@pytest.fixture
def store(reference_db, tmp_path):
    copy = tmp_path / "k.db"
    shutil.copyfile(reference_db, copy)
    with Store.open(str(copy)) as s:
        yield s


def _name(record, doc_id: str) -> str:
    return next(d.source for d in record.documents if d.id == doc_id).rsplit("/", 1)[-1][:3]


def _offensive(record):
    (event,) = [e for e in record.events if e.type == "ASSAULT" and fdates.compatible(e.date, "2023-09")]
    return event


def test_001_re_reports_000_and_counts_as_one_origin_for_the_statement(store):
    record = current_record(store, as_of=AS_OF)
    docs = {_name(record, d.id): d for d in record.documents}
    assert docs["001"].derived_from == docs["000"].id
    assert docs["000"].role == "official_statement" and docs["000"].role_how == "inferred"
    assert not any(d.derived_from for n, d in docs.items() if n != "001")
    # The 9 November 2020 statement's date, as both state it: one origin, not two.
    (claim,) = [c for c in record.claims if c.subject.startswith("date of: Statement on a complete ceasefire")]
    origins = {_name(record, s.ref.doc_id): s.ref.origin for s in claim.statements}
    assert origins["001"] == origins["000"]
    assert claim.origins == len({s.ref.doc_id for s in claim.statements}) - 1


def _changed_triggers(tmp_path: Path) -> Path:
    """A copy of the event rules without one rule: a changed rule set."""
    from importlib import resources

    src = resources.files("accordwatch") / "data" / "rules" / "events" / "triggers.yaml"
    rules = [r for r in yaml.safe_load(src.read_text(encoding="utf-8")) if r["id"] != REMOVED_RULE]
    path = tmp_path / "triggers.yaml"
    path.write_text(yaml.safe_dump(rules, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def changed_rules(tmp_path, monkeypatch):
    from accordwatch.extract.events import lexicon

    path = _changed_triggers(tmp_path)
    original = lexicon.load_rules

    def load(*parts):
        return yaml.safe_load(path.read_text(encoding="utf-8")) if parts == ("events", "triggers.yaml") \
            else original(*parts)

    _clear_caches()
    monkeypatch.setattr(lexicon, "load_rules", load)
    yield
    monkeypatch.undo()
    _clear_caches()


def _clear_caches() -> None:
    """Every rule cache of the event extractor: what was compiled from the rules is compiled again."""
    from accordwatch.extract.events import lexicon, triggers

    for module in (lexicon, triggers):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def test_a_rejected_event_stays_rejected_after_re_extraction_with_changed_rules(store, changed_rules):
    record = current_record(store, as_of=AS_OF)
    mention = next(m for m in _offensive(record).mentions if _name(record, m.ref.doc_id) == "004")
    target = span_target(mention.ref.doc_id, mention.ref.start, mention.ref.end)
    decide(store, Decision("event", target, "reject", "analyst", "not the offensive itself"))
    rules_before = {s.rule_id for d in record.documents for s in store.spans(d.id, "event")}
    assert target not in _mention_targets(current_record(store, as_of=AS_OF))

    reextract(store, as_of=AS_OF)
    rules_after = {s.rule_id for d in record.documents for s in store.spans(d.id, "event")}
    assert REMOVED_RULE in rules_before and REMOVED_RULE not in rules_after  # the changed rules were used
    assert any(s.start == mention.ref.start for s in store.spans(mention.ref.doc_id, "event"))  # re-extracted
    after = current_record(store, as_of=AS_OF)
    assert target not in _mention_targets(after)  # ... and still rejected
    assert orphans(store, after) == []


def _mention_targets(record) -> set[str]:
    return {span_target(m.ref.doc_id, m.ref.start, m.ref.end) for e in record.events for m in e.mentions}


def test_a_decision_whose_span_vanished_is_reported_not_dropped(store):
    doc_id = current_record(store, as_of=AS_OF).documents[0].id
    decided = record(store, Decision("figure", span_target(doc_id, 0, 3), "reject", "analyst", "noise"))
    (orphan, why), = orphans(store)
    assert orphan.id == decided.id and "no figure" in why
    assert audit_log(store.engine)[0].id == decided.id


def test_5000_sheltered_and_100514_left_are_different_measures_not_a_conflict(store):
    record = current_record(store, as_of=AS_OF)

    def holds(c, *values) -> bool:
        return all(any(v in s.value for s in c.statements) for v in values)

    both = [c for c in record.claims if holds(c, "5000", "100514")]
    assert [c.verdict for c in both] == ["different_measures"]
    assert not [c for c in record.claims if c.verdict == "differ" and holds(c, "5000")]


def test_the_september_2023_event_shows_different_namings_with_their_sources(store):
    record = current_record(store, as_of=AS_OF)
    namings = event_namings(_offensive(record))
    frames = {n.frame for n in namings}
    assert {"counter-terrorism", "limited operation", "restoration of control"} <= frames
    assert len({n.ref.doc_id for n in namings}) >= 3
    words = {n.words.lower() for n in namings}
    assert "anti-terrorist measures" in words and "local operation" in words


def test_the_peacekeeping_term_end_is_overtaken_by_the_withdrawal(store):
    items = watch(current_record(store, as_of=AS_OF), AS_OF)
    (end,) = [w for w in items if w.track == "deployment" and w.fact == "end"]
    assert end.value == "2025-11" and end.state == "overtaken"
    assert end.overtaken_by.startswith("2024-06-12")
    assert end.days_left == -(datetime(2026, 6, 1) - datetime(2025, 11, 1)).days
    ics = to_ics(items, "20260601T000000Z")
    assert ics.count("BEGIN:VEVENT") == len(items) and "DTSTART;VALUE=DATE:20251101" in ics
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))


def test_changes_since_before_the_ingest_and_since_now(store):
    record = current_record(store, as_of=AS_OF)
    start = last_ingest_start(store.engine)
    assert start is not None
    everything = changes(record, store.engine, start - timedelta(seconds=1))
    assert len(everything.new_documents) == 5
    text = to_markdown(everything)
    assert "## Statement on a complete ceasefire" in text and "status proposal: terminated (2024-06-12)" in text
    assert "Nothing new." in to_markdown(changes(record, store.engine, datetime.now(UTC)))


def test_a_status_change_needs_a_cited_reason_and_shows_who_set_it(store):
    record = current_record(store, as_of=AS_OF)
    key = next(a.key for a in record.agreements if a.date == "2020-11-09")
    with pytest.raises(DecisionError, match="cited"):
        record_status(store, key, cite="")
    record_status(store, key, cite="https://example.org/statement")
    after = current_record(store, as_of=AS_OF)
    (ceasefire,) = [p for a in after.agreements if a.key == key for p in a.provisions if p.label == "ceasefire"]
    assert ceasefire.status == "3" and ceasefire.status_label == "3 full"
    (set_step,) = [s for s in ceasefire.steps if s.by]
    assert set_step.by == "analyst" and set_step.cite == "https://example.org/statement"
    assert len(ceasefire.steps) > 1  # the steps proposed from the events stay listed


def record_status(store, key: str, cite: str):
    return record(store, Decision("track", f"{key}:ceasefire", "status", "analyst", "held since 2020",
                                  {"status": "3", "date": "2021-01", "cite": cite}))


def test_review_items_carry_their_sentence_and_confidence(store):
    items = review_items(store, ["figure"])
    (item,) = [i for i in items if i.text.startswith("approximately 5,000")]
    assert "accommodated approximately 5,000 civilians" in item.sentence
    assert 0 < item.confidence <= 1
