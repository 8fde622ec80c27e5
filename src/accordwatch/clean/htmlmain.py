"""HTML pages: keep the visible lines that belong to trafilatura's main text.

Ingest gives the visible text of the page one block a line (raw) and trafilatura's main
text (hints["main_text"]). A raw line belongs to the main text when it equals a main-text
line once normalised, is contained in the main text, or is close to a main-text line
(blocks may be split or joined differently by the two extractions).
"""

from __future__ import annotations

from difflib import SequenceMatcher

from accordwatch.clean.lines import Unit, normalise
from accordwatch.clean.resources import settings

REASON = "outside trafilatura main text"


class MainText:
    def __init__(self, main_text: str) -> None:
        self.lines = [normalise(line) for line in main_text.split("\n") if line.strip()]
        self.keys = set(self.lines)
        self.whole = "\n".join(self.lines)
        self.by_prefix: dict[str, list[str]] = {}
        for line in self.lines:
            self.by_prefix.setdefault(line[:8], []).append(line)

    def contains(self, key: str) -> bool:
        if key in self.keys:
            return True
        if len(key) >= 20 and key in self.whole:
            return True
        return self._close(key)

    def _close(self, key: str) -> bool:
        ratio = settings()["html_match_ratio"]
        for line in self.by_prefix.get(key[:8], ()):
            matcher = SequenceMatcher(None, key, line, autojunk=False)
            if matcher.quick_ratio() >= ratio and matcher.ratio() >= ratio:
                return True
        # A raw block split into several main-text lines: its start and end are both in the main text.
        return len(key) >= 40 and key[:20] in self.whole and key[-20:] in self.whole


def outside_main_text(units: list[Unit], main_text: str, keep: set[int]) -> dict[int, str]:
    """Indices of units that are not part of the main text (units in `keep` always stay)."""
    main = MainText(main_text)
    return {i: REASON for i, unit in enumerate(units) if i not in keep and not main.contains(unit.key)}
