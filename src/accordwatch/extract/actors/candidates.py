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
    out: list[Found] = []
    pos = 0
    for i in scan.tokens.capitalised():
        if i < pos or not _starts_name(scan, i, covered):
            continue
        pos = _run_end(scan, i, covered)
        f = _candidate(scan, i, pos)
        if f:
            out.append(f)
    return out


def _starts_name(scan: Scan, i: int, covered: set[int]) -> bool:
    first = scan.tokens.words[i][:1]
    key = scan.tokens.keys[i]
    return first.isupper() and first.isalpha() and i not in covered \
        and key not in scan.words.stop and key not in scan.words.not_names


def _run_end(scan: Scan, i: int, covered: set[int]) -> int:
    end, n, keys, connectors = i + 1, len(scan.tokens), scan.tokens.keys, scan.words.connectors
    while end < n and end not in covered:
        joins = keys[end] in connectors and end + 1 < n and _starts_name(scan, end + 1, covered)
        if not (joins or _starts_name(scan, end, covered)):
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
    return scan.text[scan.tokens.starts[first]:scan.tokens.ends[end - 1]]
