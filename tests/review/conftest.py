"""The web engineer's fixtures (tests/serve/conftest.py): the reference store, a live server and
headless Chromium, shared by the review page and browser tests."""

from tests.serve.conftest import browser, page, reference_db  # noqa: F401
