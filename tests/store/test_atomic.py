"""Crash safety and concurrent writers, with real processes: SIGKILL mid-ingest, then re-run."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import sqlalchemy as sa

from accordwatch.store import Store, check_invariants
from tests.conftest import ROOT
from tests.store.synthetic import synthetic_document

SPANS = 50
BATCH = 40
TOTAL = 400

WRITER = textwrap.dedent("""
    import sys
    from accordwatch.store import Store
    from tests.store.synthetic import synthetic_document

    url, first, last, batch, spans = sys.argv[1], *map(int, sys.argv[2:])
    store = Store.open(url)
    known = store.known_ids()
    todo = [synthetic_document(i, spans=spans) for i in range(first, last)]
    todo = [item for item in todo if item[0].id not in known]
    for k in range(0, len(todo), batch):
        print("begin", k, flush=True)
        store.add_batch(todo[k:k + batch])
        print("end", k, flush=True)
    store.close()
    print("done", flush=True)
""")


def start_writer(tmp_path: Path, url: str, first: int, last: int) -> subprocess.Popen:
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, str(script), url, str(first), str(last), str(BATCH), str(SPANS)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


def kill_mid_batch(proc: subprocess.Popen, after_begins: int, delay: float) -> str:
    """SIGKILL the writer `delay` seconds after its `after_begins`-th "begin"; returns the last line
    it printed before it died ("begin ..." when it died inside add_batch)."""
    begins = 0
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("begin"):
            begins += 1
            if begins == after_begins:
                time.sleep(delay)
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    printed = [line] + proc.stdout.read().splitlines()
    return printed[-1].strip()


def expected_documents() -> dict:
    return {doc.id: (doc, spans) for doc, spans in (synthetic_document(i, spans=SPANS) for i in range(TOTAL))}


def assert_consistent(store: Store, expected: dict) -> int:
    """Whole batches only; each stored document has all its spans and its search entry."""
    ids = store.known_ids()
    assert ids <= expected.keys()
    assert len(ids) % BATCH == 0, f"{len(ids)} documents stored: a batch was half written"
    for doc_id in ids:
        doc, spans = expected[doc_id]
        assert store.get_document(doc_id) == doc
        assert sorted(store.spans(doc_id), key=repr) == sorted(spans, key=repr)
    check_invariants(store)
    assert len(store.search("report", limit=TOTAL + 1)) == len(ids)
    if store.engine.dialect.name == "sqlite":
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            # FTS5's own check of its index against the documents table; raises if they differ.
            conn.exec_driver_sql(
                "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
    return len(ids)


def test_sigkill_mid_ingest_leaves_whole_batches_and_a_rerun_completes(store_url, tmp_path):
    expected = expected_documents()
    rng = random.Random(7)
    killed_inside = 0
    for cycle in range(3):
        proc = start_writer(tmp_path, store_url, 0, TOTAL)
        last = kill_mid_batch(proc, after_begins=2, delay=rng.uniform(0.0, 0.01))
        killed_inside += last.startswith("begin")
        with Store.open(store_url) as store:
            stored = assert_consistent(store, expected)
        assert stored < TOTAL, f"cycle {cycle}: the writer finished before it was killed"
    # The kill fell inside add_batch (between "begin" and "end") at least once.
    assert killed_inside >= 1
    proc = start_writer(tmp_path, store_url, 0, TOTAL)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    with Store.open(store_url) as store:
        assert assert_consistent(store, expected) == TOTAL


def test_concurrent_writers_with_overlapping_documents(store_url, tmp_path):
    # Both writers start on an empty database: they also race to create the schema.
    procs = [start_writer(tmp_path, store_url, 0, 240), start_writer(tmp_path, store_url, 120, 360)]
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert out.strip().endswith("done")
    expected = {doc.id for doc, _ in (synthetic_document(i, spans=SPANS) for i in range(360))}
    with Store.open(store_url) as store:
        assert store.known_ids() == expected
        with store.engine.connect() as conn:
            count = conn.execute(sa.text("SELECT count(*) FROM spans")).scalar_one()
        assert count == 360 * SPANS  # no document was written twice
        check_invariants(store)
