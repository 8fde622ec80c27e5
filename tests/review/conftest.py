"""The web fixtures (reference store, live server, Chromium) come from tests/web_fixtures.py."""
