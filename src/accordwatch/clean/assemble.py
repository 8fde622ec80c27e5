"""Build the clean text from kept units, with the offset map back to the raw text.

Each kept line is copied as one segment (NFC-normalised where that keeps its length; a
line whose normalisation changes length is split so that only the changed characters
lose their exact mapping). Lines of a joined paragraph are joined by a space, units by a
newline (adjacent in the raw text) or a blank line.
"""

from __future__ import annotations

import unicodedata

from accordwatch.clean.lines import Line, Unit
from accordwatch.model import OffsetMap, Segment


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.segments: list[Segment] = []
        self.length = 0

    def join(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def copy(self, text: str, raw_start: int) -> None:
        """Copy raw text; characters whose NFC form differs keep only an approximate mapping."""
        if unicodedata.is_normalized("NFC", text):
            self._segment(text, raw_start)
            return
        for chunk, offset in _chunks(text):
            normal = unicodedata.normalize("NFC", chunk)
            if normal == chunk:
                self._segment(chunk, raw_start + offset)
            else:  # a zero-length segment maps the composed character to its raw start
                self.segments.append(Segment(self.length, raw_start + offset, 0))
                self.join(normal)

    def _segment(self, text: str, raw_start: int) -> None:
        self.segments.append(Segment(self.length, raw_start, len(text)))
        self.join(text)


def _chunks(text: str) -> list[tuple[str, int]]:
    """Split before every character that starts a new composition (combining class 0)."""
    out: list[tuple[str, int]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or (unicodedata.combining(text[i]) == 0 and not _is_hangul_vowel_or_tail(text[i])):
            out.append((text[start:i], start))
            start = i
    return out


def _is_hangul_vowel_or_tail(char: str) -> bool:
    return "\u1160" <= char <= "\u11ff"


def _separator(previous: Line, line: Line) -> str:
    return "\n" if line.gap_before == 0 and line.number == previous.number + 1 else "\n\n"


def build_text(units: list[Unit], raw: str) -> tuple[str, OffsetMap]:
    builder = _Builder()
    previous: Line | None = None
    for unit in units:
        for position, line in enumerate(unit.lines):
            if previous is not None:
                builder.join(" " if position else _separator(previous, line))
            builder.copy(raw[line.start:line.end], line.start)
            previous = line
    return "".join(builder.parts), OffsetMap(tuple(builder.segments))
