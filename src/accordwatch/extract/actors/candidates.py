"""Unknown proper-noun actors: capitalised names the gazetteer does not hold, kept as candidates.

A run of capitalised words (with inner connectors: "Association of African Jurists") is a candidate
when it names an organisation (it holds a head word such as Union, Front, Court, Council) or when it
is the subject of a speech or action verb ("Kenzo Oshima said"). Titles with names ("Commander Ahmed
Yusuf") are found earlier, by the office rule.
"""

from __future__ import annotations

from accordwatch.extract.actors.finder import Found, Scan


def find_candidates(scan: Scan) -> list[Found]:
    covered = {i for f in scan.found for i in range(f.first, f.last + 1)}
    starts = _name_starts(scan) - covered
    out: list[Found] = []
    pos, speech_verbs = 0, scan.words.speech_verbs
    for i in scan.tokens.capitalised():
        if i < pos or i not in starts:
            continue
        pos = _run_end(scan, i, covered, starts)
        if pos - i == 1 and scan.key(pos) not in speech_verbs:
            continue  # one word names no organisation, and is no subject without a speech verb: see _candidate
        f = _candidate(scan, i, pos)
        if f:
            out.append(f)
    return out


def _name_starts(scan: Scan) -> set[int]:
    """The tokens a name can start with: a capital letter, and no stop word or known non-name."""
    words, keys, stop, not_names = scan.tokens.words, scan.tokens.keys, scan.words.stop, scan.words.not_names
    return {i for i in scan.tokens.capitalised()
            if words[i][0].isalpha() and keys[i] not in stop and keys[i] not in not_names}


def _run_end(scan: Scan, i: int, covered: set[int], starts: set[int]) -> int:
    """The end of the run of name words from i, joined by connectors ("Association of African Jurists");
    `starts` are the uncovered tokens a name word can be."""
    end, n, keys, connectors = i + 1, len(scan.tokens), scan.tokens.keys, scan.words.connectors
    while end < n and end not in covered:
        joins = keys[end] in connectors and end + 1 < n and end + 1 in starts
        if not (joins or end in starts):
            break
        end += 1
    return end


def _candidate(scan: Scan, first: int, end: int) -> Found | None:
    keys = scan.tokens.keys[first:end]
    heads = scan.words.org_heads
    if any(k in heads for k in keys[1:]) or (keys[0] in heads and len(keys) > 2):
        return Found(first, end - 1, _text(scan, first, end), f"candidate:{_text(scan, first, end)}",
                     "organisation", "candidate", "actors.candidate_org")
    if scan.key(end) not in scan.words.speech_verbs or len(keys) > 4:
        return None
    if any(scan._blocks(i) for i in range(first, end)):
        return None
    kind = "person" if 2 <= len(keys) <= 3 else "organisation"
    text = _text(scan, first, end)
    return Found(first, end - 1, text, f"candidate:{text}", kind, "candidate", "actors.candidate_subject")


def _text(scan: Scan, first: int, end: int) -> str:
    return scan.text[scan.tokens.starts[first]:scan.tokens.end(end - 1)]
