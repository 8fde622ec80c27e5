"""How ingest reports a problem with one input without stopping the batch."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IngestError:
    """One clear problem with one input; the batch goes on.

    `source` names the input (a path, a URL, "file.jsonl#12", "-"), `reason` says what
    is wrong in one human-readable line, e.g. "binary file (NUL bytes at offset 12)".
    """

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class InputProblem(Exception):
    """Raised inside ingest by a reader that cannot make a document of its input.

    `read_inputs` turns it into an `IngestError`; readers raise it with the reason only,
    since the caller knows the source.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
