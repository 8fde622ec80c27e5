"""ingest: the only code that reads the outside world.

`read_inputs(paths, manifest=..., stdin=..., max_bytes=...)` turns files, folders, `-`
(standard input) and http(s) URLs into `RawInput`s (model.py) and, for each problem
with one input, an `IngestError` naming the input and the reason; the batch goes on.
See reader.py for what is read and in which order.

Metadata: user-given fields (how="given") win over what is read from the document
(how="read"): a manifest row over a sidecar (`a.txt.meta.json`, else `a.meta.json`)
over a JSONL record's or a feed item's own fields over HTML or PDF metadata. A sidecar
that is not valid JSON gives an IngestError and the document still goes in without
it; a field that cannot be read (a date we would have to guess) gives an IngestError
and is left out; a missing field is simply absent.
"""

from accordwatch.ingest.errors import IngestError
from accordwatch.ingest.reader import DEFAULT_MAX_BYTES, read_inputs

__all__ = ["DEFAULT_MAX_BYTES", "IngestError", "read_inputs"]
