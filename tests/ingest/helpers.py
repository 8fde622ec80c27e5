"""Helpers for the ingest tests: run read_inputs and split its output."""

from __future__ import annotations

from pathlib import Path

from accordwatch.ingest import IngestError, read_inputs
from accordwatch.model import RawInput

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "ingest"


def ingest(*paths, **kwargs) -> tuple[list[RawInput], list[IngestError]]:
    """Everything read_inputs yields, split into documents and errors (each list in yield order)."""
    out = list(read_inputs([str(p) for p in paths], **kwargs))
    docs = [o for o in out if isinstance(o, RawInput)]
    errors = [o for o in out if isinstance(o, IngestError)]
    assert len(docs) + len(errors) == len(out)
    for error in errors:  # every error is one readable line naming its input
        assert error.source and error.reason and "\n" not in error.reason
    return docs, errors
