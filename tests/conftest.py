"""Shared fixtures: a document factory, the reference corpus, and paths under ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from accordwatch.model import Document, OffsetMap, Segment, content_hash

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "karabakh"


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
