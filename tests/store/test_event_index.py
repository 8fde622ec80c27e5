"""The event index: events by date, type and actor, kept at write time, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from accordwatch.ingest import read_inputs
from accordwatch.model import Event
from accordwatch.pipeline import corpus_context, process
from accordwatch.store import migrate
from accordwatch.store.events import day_range
from accordwatch.store.schema import event_actors, event_index
from tests.conftest import EXAMPLES
from tests.store.synthetic import synthetic_document


@pytest.mark.parametrize(("value", "expected"), [
    ("2020-11-09", ("2020-11-09", "2020-11-09")),
    ("2023-09", ("2023-09-01", "2023-09-30")),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2024", ("2024-01-01", "2024-12-31")),
    ("2023-09-19/2023-09-20", ("2023-09-19", "2023-09-20")),
    ("2021-01-11T14:30", ("2021-01-11", "2021-01-11")),
    ("2024-W01", ("2024-01-01", "2024-01-07")),
    ("2023-Q3", ("2023-07-01", "2023-09-30")),
    ("2023-H1", ("2023-01-01", "2023-06-30")),
    ("2023-WI", ("2023-12-01", "2024-02-29")),
    ("199", ("1990-01-01", "1999-12-31")),
    ("PRESENT_REF", (None, None)),
    ("P5Y", (None, None)),
    ("XXXX-11-09", (None, None)),
    ("2023-13", (None, None)),
    ("", (None, None)),
])
def test_day_range_of_timex_values(value, expected):
    assert day_range(value) == expected


@pytest.fixture(scope="module")
def processed():
    raws = list(read_inputs([str(EXAMPLES)]))
    context = corpus_context(raws)
    return [process(raw, context) for raw in raws]


@pytest.fixture
def karabakh(store, processed):
    store.add_batch([(p.doc, p.spans) for p in processed])
    return store


def stored_events(store) -> list[Event]:
    return [s for row in store.documents() for s in store.spans(row.id, "event")]


def test_timeline_finds_the_dated_events_in_order(karabakh):
    events = stored_events(karabakh)
    in_2020s = [e for e in events if day_range(e.date)[0] and "2020-01-01" <= day_range(e.date)[0] <= "2025-12-31"]
    rows = karabakh.timeline("2020-01-01", "2025-12-31", limit=1000)
    assert len(rows) == len(in_2020s) > 10
    assert [r.day_start for r in rows] == sorted(r.day_start for r in rows)
    november = karabakh.timeline("2020-11-09", "2020-11-09", types=["AGREE"])
    assert november and all(r.event_type == "AGREE" and r.day_start == "2020-11-09" for r in november)
    counts = dict(karabakh.timeline_counts("2020-01-01", "2025-12-31"))
    assert sum(counts.values()) == len(rows)
    assert counts["2023-09"] == sum(1 for r in rows if r.day_start.startswith("2023-09"))


def test_actor_events_are_those_naming_the_actor(karabakh):
    events = stored_events(karabakh)
    naming = [e for e in events if "Azerbaijan" in (*e.source_actors, *e.target_actors)]
    count, rows = karabakh.actor_events("Azerbaijan", limit=1000)
    assert count == len(naming) > 5
    assert len(rows) == count
    dated = [r.day_start for r in rows if r.day_start]
    assert dated == sorted(dated, reverse=True)
    assert karabakh.actor_events("Nobody In Particular") == (0, [])


def test_actor_pages_follow_each_other_through_the_undated_events(karabakh):
    doc, _ = synthetic_document(4)
    undated = [_dated_event(doc, k * 10, k * 10 + 6, "PRESENT_REF", "Armenia") for k in range(4)]
    karabakh.add_document(doc, undated)
    count, everything = karabakh.actor_events("Armenia", limit=1000)
    assert any(r.day_start is None for r in everything) and everything[-1].day_start is None
    pages = [karabakh.actor_events("Armenia", limit=3, offset=k)[1] for k in range(0, count + 3, 3)]
    assert [r for page in pages for r in page] == everything


def test_event_page_shows_the_event_in_its_text(karabakh):
    row = karabakh.timeline("2020-11-09", "2020-11-09")[0]
    page = karabakh.event_page(row.span_id)
    assert page.event == row
    assert row.text in page.context
    doc = karabakh.get_document(row.doc_id)
    assert doc.text[page.context_start:page.context_start + len(page.context)] == page.context
    assert all(o.doc_id == row.doc_id and o.span_id != row.span_id for o in page.others)
    assert karabakh.event_page(10**9) is None


def _dated_event(doc, start: int, end: int, date: str, actor: str) -> Event:
    return Event(doc.id, start, end, doc.text[start:end], "CONSULT", "test", date=date, source_actors=(actor,))


def test_a_new_version_replaces_the_old_ones_events(store):
    old, _ = synthetic_document(1, source="wire/story.txt")
    new, _ = synthetic_document(2, source="wire/story.txt")
    store.add_document(old, [_dated_event(old, 0, 6, "2021-03-04", "Armenia")])
    assert [r.doc_id for r in store.timeline("2021-01-01", "2021-12-31")] == [old.id]
    store.add_document(new, [_dated_event(new, 0, 6, "2022-05-06", "Armenia")])
    assert store.timeline("2021-01-01", "2021-12-31") == []
    assert [r.doc_id for r in store.timeline("2022-01-01", "2022-12-31")] == [new.id]
    assert store.actor_events("Armenia")[0] == 1


def test_replaced_events_are_reindexed(store):
    doc, _ = synthetic_document(3)
    store.add_document(doc, [_dated_event(doc, 0, 6, "2021-03-04", "Armenia")])
    store.replace_spans(doc.id, [_dated_event(doc, 0, 6, "2019-07", "Georgia")], kinds={"event"})
    assert store.actor_events("Armenia")[0] == 0
    assert [r.day_start for r in store.timeline("2019-01-01", "2019-12-31")] == ["2019-07-01"]


def _index_content(store) -> tuple[list, list]:
    with store.reading() as conn:
        events = conn.execute(sa.select(event_index.c.doc_id, event_index.c.event_type, event_index.c.day_start,
                                        event_index.c.day_end)).all()
        actors = conn.execute(sa.select(event_actors.c.actor, event_actors.c.role,
                                        event_actors.c.day_start)).all()
    return sorted(map(tuple, events), key=repr), sorted(map(tuple, actors), key=repr)


def test_the_migration_indexes_events_stored_before_it(karabakh):
    written = _index_content(karabakh)
    migrate.downgrade(karabakh.engine, "0002")
    migrate.upgrade(karabakh.engine)
    assert _index_content(karabakh) == written
    assert len(written[0]) == len(stored_events(karabakh))


def _full_index(store) -> tuple[list, list]:
    with store.reading() as conn:
        events = conn.execute(sa.select(event_index).order_by(event_index.c.span_id)).all()
        actors = conn.execute(sa.select(event_actors).order_by(event_actors.c.span_id, event_actors.c.actor)).all()
    return [tuple(r) for r in events], [tuple(r) for r in actors]


def test_events_indexed_from_memory_are_those_read_back_from_the_stored_spans(karabakh):
    """add_batch indexes the events it has in memory, with the span ids it chose; reading the stored
    spans back (as replace_spans and the migration do) must give the very same rows."""
    from accordwatch.store.events import index_documents

    written = _full_index(karabakh)
    assert written[0] and written[1]
    with karabakh.writing() as conn:
        index_documents(conn, [row.id for row in karabakh.documents()])
    assert _full_index(karabakh) == written
