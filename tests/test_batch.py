"""Ingest in worker processes: the store ends up exactly as after a single-process run."""

from __future__ import annotations

import gc
import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import sqlalchemy as sa
from click.testing import CliRunner

from accordwatch import batch
from accordwatch.batch import ingest
from accordwatch.cli import cli
from accordwatch.parallel import GC_THRESHOLD, ProcessRunner, chunked, in_order, make_runner, serial
from accordwatch.store import Store
from accordwatch.store.schema import documents, spans
from tests.conftest import EXAMPLES

TEMPLATE_TOP = "Home | World | Politics | Business"
TEMPLATE_BOTTOM = "Copyright Example Wire. All rights reserved."


def stored_record(store: Store) -> tuple[list[tuple], list[tuple]]:
    """Documents in writing order and every span, without surrogate keys and timestamps."""
    with store.reading() as conn:
        docs = conn.execute(sa.select(documents.c.id, documents.c.source, documents.c.previous_id,
                                      documents.c.text, documents.c.removed, documents.c.meta)
                            .order_by(documents.c.pk)).all()
        rows = conn.execute(sa.select(spans.c.doc_id, spans.c.kind, spans.c.start, spans.c.end,
                                      spans.c.label, spans.c.rule_id, spans.c.attrs)
                            .order_by(spans.c.doc_id, spans.c.kind, spans.c.start, spans.c.end,
                                      spans.c.label, spans.c.rule_id)).all()
    return [tuple(d) for d in docs], [tuple(r) for r in rows]


def templated_corpus(tmp_path: Path) -> Path:
    """The reference texts as one site would publish them: the same navigation and footer on each."""
    folder = tmp_path / "site"
    folder.mkdir()
    for path in sorted(EXAMPLES.glob("*.txt")):
        body = path.read_text(encoding="utf-8")
        (folder / path.name).write_text(f"{TEMPLATE_TOP}\n\n{body}\n\n{TEMPLATE_BOTTOM}\n", encoding="utf-8")
    return folder


def ingest_into(db: Path, corpus: Path, runner=None):
    with Store.open(str(db)) as store:
        summary = ingest(store, [str(corpus)], runner=runner)
        return summary, stored_record(store)


def test_two_workers_store_what_one_process_stores(tmp_path):
    corpus = templated_corpus(tmp_path)
    one, expected = ingest_into(tmp_path / "one.db", corpus)
    # One document a chunk: every document is cleaned in another task than its neighbours,
    # so the template is recognised only if the corpus context was built once and shared.
    two, got = ingest_into(tmp_path / "two.db", corpus, ProcessRunner(2, chunk_size=1))
    assert (two.added, two.failed) == (one.added, one.failed) == (5, 0)
    assert got == expected
    removed = [line["text"] for doc in got[0] for line in doc[4]]
    assert TEMPLATE_TOP in removed and TEMPLATE_BOTTOM in removed
    assert {kind for _, kind, *_ in got[1]} >= {"timex", "actor", "event"}


def test_a_document_the_store_refuses_fails_alone(tmp_path):
    """A JSONL line whose text holds a NUL (which PostgreSQL cannot keep, and so neither store does)
    is one failed document, in a single process and in workers: the others are stored."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))[:3]]
    texts[1] = texts[1].replace("\n\n", "\n\u0000\n", 1)
    (corpus / "feed.jsonl").write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    for name, runner in (("one", None), ("two", ProcessRunner(2, chunk_size=1))):
        summary, (docs, _) = ingest_into(tmp_path / f"{name}.db", corpus, runner)
        assert (summary.added, summary.failed) == (2, 1)
        assert [e.source for e in summary.errors] == [f"{corpus / 'feed.jsonl'}#2"]
        assert "NUL" in summary.errors[0].reason
        assert [source for _, source, *_ in docs] == [f"{corpus / 'feed.jsonl'}#1", f"{corpus / 'feed.jsonl'}#3"]


def test_second_parallel_run_adds_nothing(tmp_path):
    db = tmp_path / "store.db"
    ingest_into(db, EXAMPLES, ProcessRunner(2))
    summary, _ = ingest_into(db, EXAMPLES, ProcessRunner(2))
    assert (summary.added, summary.already_stored) == (0, 5)


def test_cli_workers_option(tmp_path):
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--workers", "2", "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store.open(str(db)) as store:
        assert len(store.documents()) == 5
    refused = CliRunner().invoke(cli, ["ingest", str(EXAMPLES), "--workers", "0", "--db", str(db)])
    assert refused.exit_code == 2


def test_outcomes_come_back_in_input_order_whatever_finishes_first():
    def slow_for_early(chunk: list[int]) -> list[int]:
        time.sleep(0.02 * (10 - chunk[0]))  # the first chunks finish last
        return [n * n for n in chunk]

    with ThreadPoolExecutor(4) as pool:
        out = list(in_order(chunked(range(10), 2), lambda c: pool.submit(slow_for_early, c),
                            lambda f: f.result(), window=4))
    assert out == [(n, n * n) for n in range(10)]


def test_make_runner_picks_by_options():
    assert make_runner(1) is serial
    assert isinstance(make_runner(3), ProcessRunner) and make_runner(3).workers == 3


def test_batches_grow_from_the_first_small_one(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "BATCH_SIZE", 1)
    monkeypatch.setattr(batch, "MAX_BATCH_SIZE", 2)
    sizes: list[int] = []
    with Store.open(str(tmp_path / "grow.db")) as store:
        add_prepared = store.add_prepared
        monkeypatch.setattr(store, "add_prepared", lambda items, run_id=None: sizes.append(len(items))
                            or add_prepared(items, run_id=run_id))
        summary = ingest(store, [str(EXAMPLES)])
    assert summary.added == 5
    assert sizes == [1, 2, 2]


def test_a_batch_is_committed_once_it_is_old_enough(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "BATCH_SECONDS", 0.0)  # every document is already late
    sizes: list[int] = []
    with Store.open(str(tmp_path / "late.db")) as store:
        add_prepared = store.add_prepared
        monkeypatch.setattr(store, "add_prepared", lambda items, run_id=None: sizes.append(len(items))
                            or add_prepared(items, run_id=run_id))
        ingest(store, [str(EXAMPLES)])
    assert sizes == [1] * 5


def test_the_collector_is_as_it_was_after_an_ingest(tmp_path):
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    seen: list[tuple] = []

    def runner(raws, context):
        for raw, outcome in serial(raws, context):
            seen.append((gc.get_threshold()[0], gc.get_freeze_count() > 0))
            yield raw, outcome

    with Store.open(str(tmp_path / "gc.db")) as store:
        ingest(store, [str(EXAMPLES)], runner=runner)
    assert seen[0][0] == seen[-1][0] == GC_THRESHOLD
    assert seen[-1][1]  # frozen once the first document was processed
    assert (gc.get_threshold(), gc.get_freeze_count()) == (threshold, frozen)
