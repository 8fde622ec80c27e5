"""Ingest on a real Dask cluster (LocalCluster, 2 worker processes) into a real PostgreSQL.

Skipped, saying why, when dask.distributed is not installed or ACCORDWATCH_TEST_PG is unset.
"""

from __future__ import annotations

import os

import pytest

from accordwatch.batch import ingest
from accordwatch.parallel import DaskRunner
from accordwatch.store import Store
from tests.conftest import EXAMPLES, PG_ENV
from tests.test_batch import stored_record, templated_corpus

distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed "
                                  "(pip install 'dask[distributed]')")
if not os.environ.get(PG_ENV):  # before the module's cluster starts for nothing
    pytest.skip(f"{PG_ENV} is unset: the Dask ingest tests write to PostgreSQL (`bash .ci/postgres.sh` "
                "starts a server and prints a URL for it)", allow_module_level=True)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=40) as local:
        yield local


@pytest.mark.postgres
def test_dask_run_stores_what_one_process_stores(cluster, pg_schema_url, tmp_path):
    corpus = templated_corpus(tmp_path)
    with Store.open(str(tmp_path / "one.db")) as store:
        ingest(store, [str(corpus)])
        expected = stored_record(store)
    with Store.open(pg_schema_url) as store:
        summary = ingest(store, [str(corpus)], runner=DaskRunner(cluster.scheduler_address, chunk_size=1))
        got = stored_record(store)
        again = ingest(store, [str(corpus)], runner=DaskRunner(cluster.scheduler_address))
    assert (summary.added, summary.failed) == (5, 0)
    assert (again.added, again.already_stored) == (0, 5)
    assert got[0] == expected[0]
    assert sorted(got[1], key=repr) == sorted(expected[1], key=repr)


@pytest.mark.postgres
def test_dask_runner_with_a_client_of_the_caller(cluster, pg_schema_url):
    with distributed.Client(cluster) as client, Store.open(pg_schema_url) as store:
        summary = ingest(store, [str(EXAMPLES)], runner=DaskRunner(client))
        assert summary.added == 5
        assert client.status == "running"  # the runner leaves a client it was given open
        assert len(store.documents()) == 5
