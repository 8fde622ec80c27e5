"""Unknown proper-noun actors: capitalised names the gazetteer does not hold, kept as candidates.

A run of capitalised words (with inner connectors: "Association of African Jurists") is a candidate
when it names an organisation (it holds a head word such as Union, Front, Court, Council) or when it
is the subject of a speech or action verb ("Kenzo Oshima said"). Titles with names ("Commander Ahmed
Yusuf") are found earlier, by the office rule.
"""

from __future__ import annotations

from accordwatch.extract.actors.finder import SPEECH_VERBS, STOP, Found, Scan

ORG_HEADS = frozenset("""association union front party movement council court commission commision
committee assembly parliament league alliance coalition organization organisation agency office
institute army forces brigade brigades group federation authority ministry service guard corps militia
society foundation bank fund tribunal mission network centre center police congress senate
secretariat junta""".split())
CONNECTORS = frozenset("of for and the de del da du la le van von bin al el 's".split())
MONTHS_DAYS = frozenset("""january february march april may june july august september october november
december monday tuesday wednesday thursday friday saturday sunday""".split())


def find_candidates(scan: Scan) -> list[Found]:
    covered = {i for f in scan.found for i in range(f.first, f.last + 1)}
    out: list[Found] = []
    i, n = 0, len(scan.tokens)
    while i < n:
        end = _run_end(scan, i, covered) if _starts_name(scan, i, covered) else i
        if end > i:
            f = _candidate(scan, i, end)
            if f:
                out.append(f)
            i = end
        else:
            i += 1
    return out


def _starts_name(scan: Scan, i: int, covered: set[int]) -> bool:
    first = scan.tokens.words[i][:1]
    return first.isupper() and first.isalpha() and i not in covered \
        and scan.tokens.keys[i] not in STOP and scan.tokens.keys[i] not in MONTHS_DAYS


def _run_end(scan: Scan, i: int, covered: set[int]) -> int:
    end = i + 1
    while end < len(scan.tokens) and end not in covered:
        if _starts_name(scan, end, covered):
            end += 1
        elif scan.tokens.keys[end] in CONNECTORS and end + 1 < len(scan.tokens) \
                and _starts_name(scan, end + 1, covered):
            end += 1
        else:
            break
    return end


def _candidate(scan: Scan, first: int, end: int) -> Found | None:
    keys = scan.tokens.keys[first:end]
    text = scan.text[scan.tokens[first].start:scan.tokens[end - 1].end]
    if any(k in ORG_HEADS for k in keys[1:]) or (keys[0] in ORG_HEADS and len(keys) > 2):
        return Found(first, end - 1, text, f"candidate:{text}", "organisation", "candidate",
                     "actors.candidate_org")
    if scan.key(end) not in SPEECH_VERBS or len(keys) > 4:
        return None
    if any(scan._blocks(i) for i in range(first, end)):
        return None
    kind = "person" if 2 <= len(keys) <= 3 else "organisation"
    return Found(first, end - 1, text, f"candidate:{text}", kind, "candidate", "actors.candidate_subject")
