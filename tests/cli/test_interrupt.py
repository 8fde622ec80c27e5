"""An ingest interrupted by Ctrl-C or kill -9 leaves whole documents only, and a re-run completes it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from accordwatch.store import Store, check_invariants
from tests.conftest import shared_path

# Enough that the run is still going when the test has seen the first batch stored and sends the
# signal: the first batch holds 50 documents, and 200 files went by in well under a second once the
# pipeline got faster (the signal then came after the end).
N_FILES = 500


@pytest.fixture
def corpus(tmp_path) -> Path:
    bbc = shared_path("corpus", "bbc")
    out = tmp_path / "corpus"
    out.mkdir()
    for f in sorted(bbc.glob("*_*.txt"))[:N_FILES]:
        shutil.copy(f, out / f.name)
    return out


def start_ingest(corpus: Path, db: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "accordwatch.cli", "ingest", str(corpus), "--db", str(db)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with Store.open(str(db)) as store:
            return len(store.known_ids())
    except (OSError, sa.exc.SQLAlchemyError):  # the schema may not be there yet
        return 0


def wait_until_some_stored(db: Path, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if stored_count(db) > 0:
            return
        time.sleep(0.2)
    pytest.fail("the ingest stored nothing before the deadline (or ended early)")


def distinct_inputs(corpus: Path) -> int:
    return len({p.read_bytes() for p in corpus.glob("*.txt")})


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_interrupted_ingest_is_consistent_and_rerun_completes_it(corpus, tmp_path, sig):
    db = tmp_path / "i.db"
    proc = start_ingest(corpus, db)
    wait_until_some_stored(db, proc)
    os.kill(proc.pid, sig)
    proc.wait(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130, proc.stderr.read().decode()
    partial = stored_count(db)
    assert 0 < partial < distinct_inputs(corpus), "the interruption came too late to test anything"
    with Store.open(str(db)) as store:
        check_invariants(store)
    rerun = subprocess.run([sys.executable, "-m", "accordwatch.cli", "ingest", str(corpus), "--db", str(db)],
                           capture_output=True, text=True, timeout=600, check=False)
    assert rerun.returncode == 0, rerun.stderr
    with Store.open(str(db)) as store:
        assert len(store.known_ids()) == distinct_inputs(corpus)
        check_invariants(store)
