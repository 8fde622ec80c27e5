"""Fixtures of the ingest tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.helpers import RESOURCES


@pytest.fixture
def resources() -> Path:
    return RESOURCES
