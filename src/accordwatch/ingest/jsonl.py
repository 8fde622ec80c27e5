"""JSON Lines: one document a line, its text and metadata in the record's own fields.

The file is read line by line, so a large export never sits in memory whole, and a bad
line costs only that line. JSON text is UTF-8 (RFC 8259), so no detection is done.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from accordwatch.ingest.decode import normalise_newlines
from accordwatch.ingest.errors import IngestError
from accordwatch.ingest.meta import given_fields, merge_meta
from accordwatch.model import MetaField, RawInput, content_hash

TEXT_FIELDS = ("text", "content", "body")


def read_jsonl(path: Path, stream: BinaryIO, given: dict[str, MetaField], max_bytes: int
               ) -> Iterator[RawInput | IngestError]:
    """Each non-blank line of `stream` as a RawInput ("file.jsonl#N", N counted from 1) or an IngestError.

    `given` (manifest and sidecar fields for the whole file) wins over each record's own.
    """
    for number, line in enumerate(_lines(stream, max_bytes), start=1):
        source = f"{path}#{number}"
        if isinstance(line, IngestError):
            yield IngestError(source, line.reason)
        elif line.strip():
            yield from _record(source, line, given)


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[str | IngestError]:
    """Decoded lines; a line too long or not UTF-8 becomes an IngestError (source filled in later)."""
    first = True
    while True:
        chunk = stream.readline(max_bytes + 1)
        if not chunk:
            return
        if len(chunk) > max_bytes and not chunk.endswith(b"\n"):
            while chunk and not chunk.endswith(b"\n"):  # skip the rest of the long line
                chunk = stream.readline(max_bytes + 1)
            yield IngestError("", f"line too long (over {max_bytes} bytes)")
            continue
        if first and chunk.startswith(b"\xef\xbb\xbf"):
            chunk = chunk[3:]
        first = False
        try:
            yield chunk.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield IngestError("", f"not UTF-8 text ({exc.reason} at byte {exc.start})")


def _record(source: str, line: str, given: dict[str, MetaField]) -> Iterator[RawInput | IngestError]:
    """The record as a RawInput, or one IngestError; a bad metadata field is reported and left out."""
    try:
        record = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        yield IngestError(source, f"invalid JSON line ({exc.msg}: column {exc.colno})")
        return
    if not isinstance(record, dict):
        yield IngestError(source, f"JSON line is a {type(record).__name__}, not an object")
        return
    field = next((name for name in TEXT_FIELDS if isinstance(record.get(name), str)), None)
    if field is None:
        yield IngestError(source, f"record has no text (expected one of: {', '.join(TEXT_FIELDS)})")
        return
    text = normalise_newlines(record[field])
    if not text.strip():
        yield IngestError(source, f"record's {field!r} is empty")
        return
    own, problems = given_fields(record, "jsonl")
    yield from (IngestError(source, problem) for problem in problems)
    yield RawInput(source=source, raw=text, id=content_hash(text), media_type="text",
                   meta=merge_meta(given, own))
