"""Shared fixtures: a document factory, the reference corpus, and paths under ../shared."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from accordwatch.model import Document, OffsetMap, Segment, content_hash
from accordwatch.store import Store
from accordwatch.store.engine import resolve_url

# Web fixtures (one Chromium a session) for tests/serve and tests/review.
pytest_plugins = ["tests.web_fixtures"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "karabakh"


def pytest_configure(config) -> None:
    """The suite's start-up cache (accordwatch.startup_cache) in a directory of its own, never the
    user's: set before any test module is imported, inherited by the CLI runs of tests, removed at exit
    (atexit runs last-registered first, so after the cache's own save at exit)."""
    from accordwatch import startup_cache

    cache = tempfile.mkdtemp(prefix="accordwatch-test-cache-")
    os.environ[startup_cache.DIR_ENV] = cache
    startup_cache._reset()  # anything read before (at imports) came from elsewhere
    atexit.register(shutil.rmtree, cache, ignore_errors=True)


def make_doc(text: str, source: str = "test.txt", **meta) -> Document:
    """A document whose clean text is `text` as given (no cleaning), for extractor tests."""
    from accordwatch.model import MetaField

    return Document(
        id=content_hash(text), source=source, raw=text, text=text,
        offsets=OffsetMap((Segment(0, 0, len(text)),)),
        meta={k: MetaField(v, "given", "test") for k, v in meta.items()},
    )


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a message where it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent (../shared is not beside this checkout)")
    return p


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


# A store over SQLite and PostgreSQL. PostgreSQL variants run when ACCORDWATCH_TEST_PG holds a URL
# (`source .ci/postgres.sh` sets one); each test then gets a schema of its own, dropped afterwards.

PG_ENV = "ACCORDWATCH_TEST_PG"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def pg_base_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is unset: PostgreSQL variant skipped (`bash .ci/postgres.sh` starts a server "
                    "and prints a URL for it)")
    return url


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A URL whose connections work in a fresh, empty PostgreSQL schema."""
    base = resolve_url(pg_base_url())
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))  # a generated name, not user input
    try:
        url = base.update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path) -> str:
    """A URL (or path) for an empty store, on each backend in turn."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("pg_schema_url")


@pytest.fixture
def store(store_url) -> Iterator[Store]:
    s = Store.open(store_url)
    try:
        yield s
    finally:
        s.close()
