"""Acceptance on the reference corpus: ingest examples/karabakh, fuse, and check the record.

Everything asserted here is computed from the stored spans: nothing is written in by hand.
"""

from __future__ import annotations

import pytest

from accordwatch.batch import ingest
from accordwatch.fuse import brief, refresh, timeline
from accordwatch.fuse import dates as fdates
from accordwatch.fuse.brief import to_markdown
from accordwatch.fuse.rules import type_group
from accordwatch.store import Store
from tests.conftest import EXAMPLES

AS_OF = "2026-06-01"


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    store = Store.open(str(tmp_path_factory.mktemp("karabakh") / "k.db"))
    ingest(store, [str(EXAMPLES)])
    record = refresh(store, as_of=AS_OF)
    names = {row.id: row.source.rsplit("/", 1)[-1][:3] for row in store.documents()}
    yield store, record, names
    store.close()


def _statement_of_9_november(record):
    return [a for a in record.agreements if a.date == "2020-11-09"]


def test_the_9_november_2020_statement_is_one_agreement_cited_by_all_five(stored):
    _, record, names = stored
    (statement,) = _statement_of_9_november(record)
    assert sorted(names[d] for d in statement.sources) == ["000", "001", "002", "003", "004"]


def test_its_peacekeeping_provision_ended_early(stored):
    _, record, _ = stored
    (statement,) = _statement_of_9_november(record)
    (deployment,) = [p for p in statement.provisions if p.label == "deployment"]
    assert "2025-11" in [d.value for d in deployment.deadlines if d.fact == "end"]
    assert [s.date for s in deployment.steps if s.status == "terminated"] == ["2024-06-12"]
    assert deployment.status_label == "terminated early"


def test_the_september_2023_offensive_is_one_event_with_three_sources(stored):
    _, record, _ = stored
    force = type_group("ASSAULT")
    offensive = [e for e in record.events if e.type in force and e.modality in ("asserted", "reported")
                 and fdates.compatible(e.date, "2023-09")]
    assert len(offensive) == 1
    assert offensive[0].corroboration >= 3


def _superseded_end(record):
    (claim,) = [c for c in record.claims if c.verdict == "superseded" and c.subject.startswith("deployment")]
    return claim


def test_the_november_2025_end_is_superseded_by_the_withdrawal(stored):
    _, record, names = stored
    claim = _superseded_end(record)
    stated = {names[s.ref.doc_id] for s in claim.statements if s.value == "2025-11"}
    happened = {names[s.ref.doc_id] for s in claim.statements if s.note == "what happened"}
    assert {"002", "004"} <= stated
    assert "000" in happened
    assert all(s.value == "2024-06-12" for s in claim.statements if s.note == "what happened")


def test_the_withdrawal_is_also_reported_by_001(stored):
    _, record, names = stored
    claim = _superseded_end(record)
    assert "001" in {names[s.ref.doc_id] for s in claim.statements if s.note == "what happened"}


def test_the_timeline_lists_the_key_dates_in_order(stored):
    _, record, _ = stored
    starts = [e.date_start for e in timeline(record) if fdates.is_day(e.date) or "/" in e.date]
    wanted = ["2020-11-09", "2021-01-11", "2021-11-26", "2022-10-31", "2023-05-25", "2023-07-25", "2023-09-19",
              "2024-06-12", "2025-08-08", "2025-11-07"]
    assert all(d in starts for d in wanted), sorted(set(wanted) - set(starts))
    assert [starts.index(d) for d in wanted] == sorted(starts.index(d) for d in wanted)


def test_the_brief_is_short_and_every_sentence_cites_a_stored_span(stored):
    store, record, _ = stored
    b = brief(record)
    assert b.sentences
    assert len(to_markdown(b).split()) < 250
    for s in b.sentences:
        assert s.refs
        for r in s.refs:
            assert any((x.start, x.end, x.text) == (r.start, r.end, r.text) for x in store.spans(r.doc_id, r.kind))
