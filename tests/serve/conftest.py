"""The web app over a copy of the reference store: `store`, `app`, `client`, `live_server`.

The session-wide pieces (the reference store, Chromium, pages) are in tests/web_fixtures.py.
"""

from __future__ import annotations

import pytest

from tests.web_fixtures import opened_copy, serving


@pytest.fixture
def store(corpus_db, tmp_path):
    with opened_copy(corpus_db, tmp_path) as s:
        yield s


@pytest.fixture
def app(store):
    from accordwatch.serve.app import create_app

    return create_app(store)


@pytest.fixture
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


@pytest.fixture
def live_server(app):
    """The app on uvicorn in a background thread; yields its base URL."""
    with serving(app) as url:
        yield url
