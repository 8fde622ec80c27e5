"""Raw lines and the paragraph units built from them, with exact raw offsets.

A `Line` is the stripped content of one raw line; a `Unit` is what cleaning keeps or
removes as a whole: one line in ordinary text, several hard-wrapped lines in PDF text.
"""

from __future__ import annotations

from typing import NamedTuple

# Whitespace, plus a byte-order mark and zero-width characters that scraped lines carry at their edges.
_INVISIBLE = " \t\r\n\v\f\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
    "\u2028\u2029\u202f\u205f\u3000\ufeff\u200b\u200c\u200d\u2060"


class Line(NamedTuple):
    """One non-blank raw line: `text` is raw[start:end], the line without surrounding whitespace.
    (A named tuple: one is made for every line of every text, several times faster than a frozen
    dataclass; its position is `number`, as a tuple's `index` is a method.)"""

    number: int  # position among all raw lines, blank ones included
    start: int
    end: int
    text: str
    indent: int  # leading whitespace characters
    gap_before: int  # blank (whitespace-only) raw lines between this line and the previous non-blank one


def split_lines(raw: str) -> list[Line]:
    """Non-blank lines of `raw` with their exact offsets; spaces, "\\r" and invisible marks are trimmed."""
    lines: list[Line] = []
    pos, gap = 0, 0
    for number, piece in enumerate(raw.split("\n")):
        stripped = piece.strip(_INVISIBLE)
        if stripped:
            lead = len(piece) - len(piece.lstrip(_INVISIBLE))
            start = pos + lead
            lines.append(Line(number, start, start + len(stripped), stripped, lead, gap))
            gap = 0
        else:
            gap += 1
        pos += len(piece) + 1
    return lines


def normalise(text: str) -> str:
    """Comparison key of a line: case-folded, spaces collapsed, typographic quotes made plain."""
    collapsed = text if _is_collapsed(text) else " ".join(text.split())
    return _plain_quotes(collapsed).casefold()


def _is_collapsed(text: str) -> bool:
    """Whether single blanks between words are the only white space of `text`, so that it is its own
    collapsed form: told by isprintable (every other white space character is unprintable) and two
    looks for blanks, without splitting a paragraph into words and joining them again."""
    return text.isprintable() and "  " not in text and text[:1] != " " != text[-1:]


def _plain_quotes(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')


class Unit:
    """Lines kept or removed together (several when joined as a hard-wrapped paragraph).

    Its text, comparison key and number of words are computed once, up front: every unit needs
    all three, and plain attributes are read faster than cached properties.
    """

    __slots__ = ("key", "lines", "n_words", "text")

    def __init__(self, lines: tuple[Line, ...]) -> None:
        self.lines = lines
        text = self.text = lines[0].text if len(lines) == 1 else " ".join(line.text for line in lines)
        if text and _is_collapsed(text):  # its words are counted without splitting it into strings
            self.n_words = text.count(" ") + 1
            self.key = _plain_quotes(text).casefold()
        else:
            words = text.split()
            self.n_words = len(words)
            self.key = _plain_quotes(" ".join(words)).casefold()  # normalise(text), from the words at hand

    @property
    def words(self) -> list[str]:
        """The words of its text (split when asked for: most units only need their number)."""
        return self.text.split()

    def __repr__(self) -> str:
        return f"Unit({self.lines!r})"

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end
