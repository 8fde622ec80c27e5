"""A fingerprint of the rules extraction runs on: the package's data files and its version.

An ingest records it; when it differs from the one the stored documents were extracted
with, the stored documents are extracted again, so that upgraded rules reach old documents
too (and the analyst's corrections are applied to the new output).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from accordwatch import __version__

DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(p for p in DATA.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(DATA).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def extracted_with(store) -> str | None:
    """The fingerprint of the last completed ingest that recorded one, or None."""
    for run in store.runs(limit=50):
        rules = (run.get("args") or {}).get("rules")
        if run.get("status") == "done" and rules:
            return str(rules)
    return None
