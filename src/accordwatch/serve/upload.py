"""An uploaded file or pasted text through the same ingest as the CLI's.

The upload's name is never used as a path: only its suffix, and only one the reader knows,
chooses the format; the bytes go to a fresh temporary folder under a name made from their
hash, with a sidecar for the metadata the user typed, and `accordwatch.batch.ingest` reads
them from there like any other file.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import PurePath

from accordwatch.batch import ingest
from accordwatch.ingest import IngestError, read_inputs

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".jsonl")
GIVEN_FIELDS = ("title", "publisher", "published", "url", "language")


class UploadTooLarge(ValueError):
    pass


@dataclass
class UploadResult:
    ids: list[str] = field(default_factory=list)  # documents the upload holds (new or already stored)
    added: int = 0
    already_stored: int = 0
    errors: list[str] = field(default_factory=list)


def safe_suffix(filename: str | None) -> str:
    """The upload's suffix if the reader knows it, else .txt; nothing else of the name is kept."""
    suffix = PurePath((filename or "").replace("\\", "/")).suffix.lower()
    return suffix if suffix in SUFFIXES else ".txt"


def _sidecar(given: dict[str, str]) -> str | None:
    fields = {k: v.strip() for k, v in given.items() if k in GIVEN_FIELDS and v and v.strip()}
    return json.dumps(fields, ensure_ascii=False) if fields else None


def ingest_upload(store, data: bytes, filename: str | None = None, given: dict[str, str] | None = None
                  ) -> UploadResult:
    """Store what `data` holds; `given` metadata (title, publisher, published...) as a sidecar."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadTooLarge(f"upload of {len(data)} bytes is over the limit of {MAX_UPLOAD_BYTES}")
    if not data.strip():
        raise ValueError("the upload is empty")
    name = f"upload-{hashlib.sha256(data).hexdigest()[:16]}{safe_suffix(filename)}"
    with tempfile.TemporaryDirectory(prefix="accordwatch-upload-") as tmp:
        path = PurePath(tmp) / name
        with open(path, "wb") as fh:
            fh.write(data)
        sidecar = _sidecar(given or {})
        if sidecar:
            with open(f"{path}.meta.json", "w", encoding="utf-8") as fh:
                fh.write(sidecar)
        ids = [item.id for item in read_inputs([str(path)]) if not isinstance(item, IngestError)]
        summary = ingest(store, [str(path)])
    return UploadResult(ids=list(dict.fromkeys(ids)), added=summary.added,
                        already_stored=summary.already_stored,
                        errors=[f"{e.reason}" for e in summary.errors])
