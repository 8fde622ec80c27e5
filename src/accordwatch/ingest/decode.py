"""Bytes to text: byte-order mark, then UTF-8, then a declared charset, then detection.

UTF-8 is tried before any detection because a valid UTF-8 byte string of any length is
almost never anything else, and because detection costs tens of milliseconds a file
(the common case must stay well under a millisecond).
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

from accordwatch.ingest.errors import InputProblem

if TYPE_CHECKING:
    from charset_normalizer import CharsetMatch

# Longest BOMs first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Among equally plausible legacy encodings, the one most text in the wild is really in:
# cp1252 is what browsers use for anything labelled latin-1.
_PREFERRED_FALLBACK = "cp1252"
# Language coherence of a short text is noisy (it mostly reflects its ASCII letters): cp1252
# wins unless another encoding reads clearly better, as cp1250 does for a Polish sentence.
_FALLBACK_PRIOR = 0.05
_DETECTION_ROUNDS = 3


def normalise_newlines(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode `data` to text with \\n newlines, or raise InputProblem (binary, undecodable)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return normalise_newlines(data[len(bom):].decode(encoding))
            except UnicodeDecodeError as exc:
                reason = f"invalid {encoding} text after its byte-order mark ({exc.reason})"
                raise InputProblem(reason) from exc
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputProblem(f"binary file (NUL bytes at offset {nul})")
    try:
        return normalise_newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if declared and _known_codec(declared):
        try:
            return normalise_newlines(data.decode(declared))
        except UnicodeDecodeError:
            pass
    return normalise_newlines(_detect(data))


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _detect(data: bytes) -> str:
    """Decode non-UTF-8 bytes with the most plausible legacy encoding.

    charset-normalizer's own first choice favours the lowest "chaos" alone, and it stops
    early once something decodes without chaos: with few non-ASCII bytes (a lone £ in a
    Latin-1 news story, a short KOI8-R line) a multi-byte CJK codec then wins although no
    language is recognised in it. We rank by coherence minus chaos instead, so that a text
    read as a known language wins, prefer cp1252 on a near tie, and where the winner is still
    no known language, ask again without it (a few times at most).
    """
    from charset_normalizer import from_bytes

    excluded: list[str] = []
    first = None
    for _ in range(_DETECTION_ROUNDS):
        matches = list(from_bytes(data, cp_exclusion=excluded or None))
        if not matches:
            break
        best = max(matches, key=_plausibility)
        first = first or best
        if best.coherence > 0:
            return _decoded(data, best)
        excluded.extend(best.could_be_from_charset)
    if first is None:
        raise InputProblem("cannot tell the text encoding (not UTF-8 and no legacy encoding fits)")
    return _decoded(data, first)


def _plausibility(match: CharsetMatch) -> float:
    prior = _FALLBACK_PRIOR if _PREFERRED_FALLBACK in match.could_be_from_charset else 0.0
    return round(match.coherence - match.chaos + prior, 3)


def _decoded(data: bytes, match: CharsetMatch) -> str:
    if _PREFERRED_FALLBACK in match.could_be_from_charset:
        return data.decode(_PREFERRED_FALLBACK, errors="replace")
    return str(match)
