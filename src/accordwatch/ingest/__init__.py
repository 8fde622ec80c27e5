"""ingest: the only code that reads the outside world.

`read_inputs(paths, manifest=..., stdin=..., max_bytes=...)` turns files, folders, `-`
(standard input) and http(s) URLs into `RawInput`s (model.py) and, for each problem
with one input, an `IngestError` naming the input and the reason; the batch goes on.
See reader.py for what is read and in which order.
"""

from accordwatch.ingest.errors import IngestError
from accordwatch.ingest.reader import DEFAULT_MAX_BYTES, read_inputs

__all__ = ["DEFAULT_MAX_BYTES", "IngestError", "read_inputs"]
