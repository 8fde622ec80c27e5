"""Store behaviour on every backend: round-trips, idempotence, versions, lookups, re-extraction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from accordwatch.model import (
    SPAN_KINDS,
    Agreement,
    Document,
    MetaField,
    OffsetMap,
    RemovedLine,
    Segment,
    Span,
    Timex,
    content_hash,
)
from accordwatch.store import AmbiguousKey, Store, check_invariants, migrate, schema
from tests.conftest import EXAMPLES, make_doc
from tests.store.synthetic import synthetic_document, word_spans

HOSTILE = "x'); DROP TABLE documents; -- % _ \\ \" ʼ"


def cleaned_doc() -> Document:
    """A document as cleaning makes them: raw with boilerplate, clean text with joins, removed lines."""
    raw = "Home | News\nPashinyan and Aliyev met in\nAbu Dhabi on 10 July 2025.\nShare this\n"
    text = "Pashinyan and Aliyev met in Abu Dhabi on 10 July 2025."
    segs = (Segment(0, 12, 27), Segment(28, 40, 26))
    return Document(
        id=content_hash(raw), source="https://example.org/news/2025/07/talks.html", raw=raw, text=text,
        offsets=OffsetMap(segs), media_type="html",
        removed=(RemovedLine(0, 11, "Home | News", "navigation"), RemovedLine(67, 77, "Share this", "share")),
        meta={"title": MetaField("Talks in Abu Dhabi — Ереван, Bakı", "read", "html-meta"),
              "published": MetaField("2025-07-10", "inferred", "content", "dateline", 0.8),
              "language": MetaField("en", "inferred", "content", "lingua", 0.99),
              "tags": MetaField(["peace", "talks"], "given", "sidecar")},
    )


def not_default(name: str, default, i: int):
    if isinstance(default, bool):
        return not default
    if default is None or isinstance(default, float):
        return 2.5
    if name in ("relations", "derived"):
        return (("a", "b"), ("c", "d"))
    if isinstance(default, tuple):
        return ("x", "y")
    return f"{name}-{i}"


def every_kind_of_span(doc: Document) -> list[Span]:
    """One span of each kind, with every attribute set away from its default."""
    out = []
    for i, cls in enumerate(SPAN_KINDS.values()):
        start = doc.text.index("Aliyev") if i % 2 else 0
        end = start + 6
        attrs = {}
        for name, default in cls.__dataclass_fields__.items():
            if name in Span.__dataclass_fields__:
                continue
            value = default.default
            attrs[name] = not_default(name, value, i)
        out.append(cls(doc.id, start, end, doc.text[start:end], f"L{i}", f"rule-{i}", 0.25, **attrs))
    return out


def test_open_migrates_to_head_and_reopens(store_url):
    with Store.open(store_url) as s:
        stats = s.stats()
    assert stats["schema_revision"] == migrate.head_revision() is not None
    assert stats["documents"] == 0
    with Store.open(store_url) as s:
        assert s.stats()["schema_revision"] == migrate.head_revision()


def test_document_round_trips_field_for_field(store):
    doc = cleaned_doc()
    assert store.add_document(doc, [])
    got = store.get_document(doc.id)
    assert got == doc
    assert got.offsets.to_raw(30) == doc.offsets.to_raw(30)


def test_every_span_kind_round_trips_as_its_class(store):
    doc = cleaned_doc()
    spans = every_kind_of_span(doc)
    store.add_document(doc, spans)
    got = store.spans(doc.id)
    assert sorted(got, key=repr) == sorted(spans, key=repr)
    assert {type(s) for s in got} == set(SPAN_KINDS.values())
    agreement = store.spans(doc.id, "agreement")
    assert len(agreement) == 1 and isinstance(agreement[0], Agreement)
    assert agreement[0].parties == ("x", "y")
    provision = store.spans(doc.id, "provision")[0]
    assert provision.derived == (("a", "b"), ("c", "d"))
    assert check_invariants(store) == len(spans)


def test_known_id_returns_false_and_writes_nothing(store):
    doc, spans = synthetic_document(1, spans=10)
    assert store.add_document(doc, spans) is True
    before = store.stats()
    assert store.add_document(doc, spans[:3] + word_spans(doc, 20)) is False
    assert store.stats() == before
    assert store.spans(doc.id) == sorted(spans, key=lambda s: (s.start, s.end))
    assert store.known_ids() == {doc.id}


def test_add_batch_counts_new_documents_only(store):
    items = [synthetic_document(i, spans=5) for i in range(6)]
    assert store.add_batch(items[:2]) == 2
    # Two known, one repeated within the batch: four new.
    assert store.add_batch(items + [items[4]]) == 4
    assert store.known_ids() == {d.id for d, _ in items}
    assert store.stats()["spans"] == {"figure": 12, "span": 6, "timex": 12}
    assert store.add_batch([]) == 0


def test_a_bad_span_rejects_the_whole_batch(store):
    good = synthetic_document(1)
    doc, spans = synthetic_document(2)
    bad = Timex(doc.id, 0, 6, "Rapport", "DATE", "r")
    with pytest.raises(ValueError, match="does not match"):
        store.add_batch([good, (doc, spans + [bad])])
    foreign = Span(good[0].id, 0, 6, "Report", "X", "r")
    with pytest.raises(ValueError, match="belongs to"):
        store.add_document(doc, [foreign])
    with pytest.raises(ValueError, match="outside"):
        store.add_document(doc, [Span(doc.id, 5, len(doc.text) + 3, doc.text[5:], "X", "r")])
    assert store.known_ids() == set()


def test_nul_characters_are_refused_alike_on_every_backend(store):
    doc = make_doc("Text with a \x00 NUL.", source="nul.txt")
    with pytest.raises(ValueError, match="NUL"):
        store.add_document(doc, [])
    assert store.known_ids() == set()


def test_a_changed_source_is_a_new_version(store):
    v1 = make_doc("The border commission met on Monday.", source="feeds/statement.txt", title="v1")
    v2 = make_doc("The border commission met on Tuesday.", source="feeds/statement.txt", title="v2")
    other = make_doc("Unrelated note.", source="feeds/other.txt")
    store.add_batch([(v1, []), (other, [])])
    store.add_document(v2, [])
    rows = {r.id: r for r in store.documents(latest_only=False)}
    assert rows[v2.id].previous_id == v1.id
    assert rows[v1.id].previous_id is None and rows[other.id].previous_id is None
    assert {r.id for r in store.documents()} == {v2.id, other.id}
    assert store.get_document("feeds/statement.txt").id == v2.id
    assert store.get_document("statement.txt").id == v2.id
    assert store.get_document(v1.id) == v1
    v3 = make_doc("The border commission met on Wednesday.", source="feeds/statement.txt")
    v4 = make_doc("The border commission met on Thursday.", source="feeds/statement.txt")
    store.add_batch([(v3, []), (v4, [])])
    assert store.get_document("statement").id == v4.id
    assert {r.id: r.previous_id for r in store.documents(latest_only=False)}[v4.id] == v3.id
    assert [r.id for r in store.documents() if r.source == "feeds/statement.txt"] == [v4.id]


def test_listing_rows_carry_metadata(store):
    doc = cleaned_doc()
    store.add_document(doc, [])
    (row,) = store.documents()
    assert (row.title, row.published, row.published_how, row.language) == (
        "Talks in Abu Dhabi — Ереван, Bakı", "2025-07-10", "inferred", "en")
    assert (row.words, row.removed, row.source) == (doc.words, 2, doc.source)
    assert row.ingested_at.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - row.ingested_at) < timedelta(minutes=5)
    assert row._asdict()["id"] == doc.id


@pytest.fixture
def reference_store(store):
    """The five reference texts, stored under their file names."""
    docs = [make_doc(p.read_text(encoding="utf-8"), source=str(p)) for p in sorted(EXAMPLES.glob("*.txt"))]
    store.add_batch([(d, word_spans(d, 30)) for d in docs])
    return store, docs


def test_get_document_by_every_kind_of_key(reference_store):
    store, docs = reference_store
    first = docs[0]
    assert store.get_document(first.id) == first
    assert store.get_document(first.id[:10]) == first
    assert store.get_document(first.id[:10].upper()) == first
    assert store.get_document(first.source) == first
    name = first.source.rsplit("/", 1)[-1]
    assert store.get_document(name) == first
    assert store.get_document(name[:3]) == first  # "000"
    assert store.get_document("no-such-file") is None
    assert store.get_document("") is None


def test_an_ambiguous_key_lists_its_candidates(reference_store):
    store, docs = reference_store
    with pytest.raises(AmbiguousKey) as err:
        store.get_document("00")
    assert len(err.value.candidates) == len(docs)
    assert {i for i, _ in err.value.candidates} == {d.id for d in docs}
    assert docs[3].source in str(err.value)


def test_like_wildcards_in_keys_are_literal(store):
    a = make_doc("first", source="dir/a_1.txt")
    b = make_doc("second", source="dir/ab1.txt")
    store.add_batch([(a, []), (b, [])])
    assert store.get_document("a_") == a
    longer = make_doc("third", source="dir/a_1.txt.bak")
    store.add_document(longer, [])
    assert store.get_document("a_1.txt") == a  # an exact file name beats a longer one it begins
    assert store.get_document("%") is None
    assert store.get_document("_") is None


def test_hostile_text_is_stored_and_found_verbatim(store):
    doc = make_doc(f"Quote: {HOSTILE} end.", source=f"dir/{HOSTILE}.txt", title=HOSTILE)
    store.add_document(doc, [])
    assert store.get_document(doc.source) == doc
    assert store.documents()[0].title == HOSTILE
    assert isinstance(store.search(HOSTILE), list)
    assert store.known_ids() == {doc.id}


def test_replace_spans_swaps_only_the_kinds_named(store):
    doc, spans = synthetic_document(3, spans=30)
    store.add_document(doc, spans)
    kept = [s for s in spans if s.kind != "timex"]
    new_timex = [Timex(doc.id, 0, 6, "Report", "DATE", "new", value="2025")]
    store.replace_spans(doc.id, new_timex, kinds=["timex", "event"])
    assert store.spans(doc.id, "timex") == new_timex
    assert sorted(store.spans(doc.id), key=repr) == sorted(kept + new_timex, key=repr)
    store.replace_spans(doc.id, [], kinds=["timex"])
    assert store.spans(doc.id, "timex") == []


def test_replace_spans_refuses_bad_input_and_changes_nothing(store):
    doc, spans = synthetic_document(4, spans=9)
    store.add_document(doc, spans)
    with pytest.raises(ValueError, match="not among the kinds"):
        store.replace_spans(doc.id, spans, kinds=["timex"])
    with pytest.raises(ValueError, match="does not match"):
        store.replace_spans(doc.id, [Timex(doc.id, 0, 3, "xyz", "DATE", "r")], kinds=["timex"])
    with pytest.raises(KeyError):
        store.replace_spans("f" * 64, [], kinds=["timex"])
    assert len(store.spans(doc.id)) == 9


def test_all_spans_pages_through_every_span_of_a_kind(store, monkeypatch):
    import accordwatch.store.store as store_module

    monkeypatch.setattr(store_module, "_SPAN_PAGE", 7)
    items = [synthetic_document(i, spans=12) for i in range(5)]
    store.add_batch(items)
    expected = [s for _, spans in items for s in spans if s.kind == "timex"]
    got = list(store.all_spans("timex"))
    assert sorted(got, key=repr) == sorted(expected, key=repr)
    assert all(isinstance(s, Timex) for s in got)
    assert list(store.all_spans("agreement")) == []


def test_ingest_runs_and_errors_are_logged(store):
    run = store.start_run({"paths": ["a.txt", "b.pdf"]})
    store.record_error(run, "b.pdf", "no text layer")
    doc, spans = synthetic_document(5)
    store.add_document(doc, spans, run_id=run)
    store.finish_run(run, {"added": 1, "failed": 1}, "done")
    (logged,) = store.runs()
    assert (logged["id"], logged["status"], logged["counts"], logged["args"]) == (
        run, "done", {"added": 1, "failed": 1}, {"paths": ["a.txt", "b.pdf"]})
    assert logged["finished_at"] >= logged["started_at"]
    assert logged["started_at"].utcoffset() == timedelta(0)  # aware UTC on both backends
    assert [(e["source"], e["reason"]) for e in store.errors(run)] == [("b.pdf", "no text layer")]
    second = store.start_run({})
    assert second != run and store.errors(second) == []
    stats = store.stats()
    assert (stats["runs"], stats["errors"], stats["documents"]) == (2, 1, 1)


def test_memory_store_works(tmp_path):
    with Store.open(":memory:") as s:
        doc, spans = synthetic_document(6)
        assert s.add_document(doc, spans)
        assert s.get_document(doc.id) == doc
        assert s.search("report")[0].id == doc.id


def test_open_resolves_paths_and_env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ACCORDWATCH_DB", raising=False)
    with Store.open() as s:
        assert s.stats()["backend"] == "sqlite"
    assert (tmp_path / "accordwatch.db").exists()
    monkeypatch.setenv("ACCORDWATCH_DB", str(tmp_path / "sub" / "env.db"))
    with Store.open() as s:
        s.add_document(*synthetic_document(7))
    assert (tmp_path / "sub" / "env.db").exists()
    with Store.open("sub/env.db") as s:
        assert len(s.known_ids()) == 1


def test_a_failed_write_block_rolls_back(store):
    with pytest.raises(RuntimeError), store.writing() as conn:
        conn.execute(sa.insert(schema.ingest_runs).values(
            started_at=datetime.now(UTC), status="x", args={}, counts={}))
        raise RuntimeError("stop")
    assert store.runs() == []
    with store.writing() as conn:
        conn.execute(sa.insert(schema.ingest_runs).values(
            started_at=datetime.now(UTC), status="x", args={}, counts={}))
    assert len(store.runs()) == 1
