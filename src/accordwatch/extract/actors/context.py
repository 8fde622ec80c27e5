"""Document-level resolution: mentions whose referent is fixed only by the rest of the document.

Run after the left-to-right pass (finder.py) and the candidates, over all findings of a document:

- a generic national force ("Russian troops", "Russian military personnel") refers back to the most
  recent specific force of the same state named before it ("the Russian Peacekeeping Contingent"): the
  writer varies the wording, not the force;
- an unqualified ministry ("Foreign Ministry statement on ...") with no ministry before it is the
  ministry of the first qualified ministry named later, else of one named in the page's removed lines
  (a publisher header such as "The Ministry of Foreign Affairs of the Russian Federation");
- a counted plural of a role ("the two foreign policy chiefs", "the three presidents", "both leaders")
  stands for that many of the leaders named most recently before it, and one of states ("the three
  countries", "both states") for that many of the states; an uncounted one ("the foreign ministers", "the
  heads of state") for the leaders named together last.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from accordwatch.extract.actors.finder import Found, Scan
from accordwatch.extract.actors.gazetteer import Entry, load_generic_nouns

COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
# The patterns below start with the first letter of their first word and then check the word boundary
# behind it ("[Tt](?<!\w.)he" is "\bthe" or "\bThe"): a pattern that starts with a letter class lets the
# regex engine skip at once to where that letter occurs, where one starting with \b is tried everywhere.
# "the two foreign policy chiefs", "both leaders", "the three heads of state": up to three modifiers.
PLURAL_ROLE = re.compile(
    r"[TtBb](?<!\w.)(?:(?<=[Tt])he\s+(two|three|four|five)|(?<=[Bb])oth(?:\s+the)?)\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:chiefs|ministers|leaders|presidents|premiers|heads\s+of\s+(?:state|government)|counterparts|"
    r"diplomats|envoys|negotiators)\b")
# "the foreign ministers", "the heads of state" (not "the leaders of Russia and Armenia"): the leaders named
# together last.
UNCOUNTED_ROLE = re.compile(r"[Tt](?<!\w.)he\s+(?:foreign\s+)?(?:ministers|leaders|presidents|prime\s+ministers|"
                            r"heads\s+of\s+(?:state|government)|foreign\s+policy\s+chiefs)\b(?!\s+of\b)")
# How far apart (in characters) leaders named together may be ("A and B", "A, the president of X, and B").
TOGETHER = 100
# "the three countries", "both states": that many of the states named most recently.
PLURAL_STATES = re.compile(r"[TtBb](?<!\w.)(?:(?<=[Tt])he\s+(two|three|four|five)|(?<=[Bb])oth(?:\s+the)?)\s+"
                           r"(?:[a-z-]+\s+)?(?:countries|states|nations|governments|republics)\b")

# Words each pattern above needs as written (they are literals in it, case included): where none of a
# list is in the text the pattern cannot match, and a few substring tests (C-level) spare a regex scan.
COUNT_WORDS = ("two", "three", "four", "five", "oth")  # "the two", "both", "Both"
ROLE_WORDS = ("chiefs", "ministers", "leaders", "presidents", "premiers", "heads", "counterparts", "diplomats",
              "envoys", "negotiators")
STATE_WORDS = ("countries", "states", "nations", "governments", "republics")
UNCOUNTED_WORDS = ("ministers", "leaders", "presidents", "heads", "chiefs")


def _may_match(text: str, *needed: tuple[str, ...]) -> bool:
    """Whether `text` holds a word of every list in `needed`."""
    return all(any(w in text for w in words) for words in needed)


def resolve_in_document(scan: Scan, found: list[Found], scan_lines: Callable[[], Sequence[Found]]) -> list[Found]:
    """`found` (sorted by position) with document-level referents filled in; `scan_lines` gives the
    findings of the page's removed lines, read only where needed."""
    found = _forces_refer_back(scan, found)
    found = _ministry_from_document(scan, found, scan_lines)
    return _plural_roles(scan, found)


# -- generic national forces ------------------------------------------------------------------------------
def _general_force(scan: Scan, state_id: str) -> Entry | None:
    """The state's armed forces as a whole, the entry "<demonym> military" names."""
    state = scan.gaz.get(state_id)
    if state is None or not state.demonyms:
        return None
    e = scan.gaz.lookup(f"{state.demonyms[0]} military")
    return e if e is not None and e.parent == state_id and e.type == "armed_force" else None


def _forces_refer_back(scan: Scan, found: list[Found]) -> list[Found]:
    specific: dict[str, Found] = {}  # state id -> its most recent specific force
    out: list[Found] = []
    for f in found:
        entry = scan.gaz.get(f.actor_id) if f.actor_type == "armed_force" else None
        if entry is not None and entry.parent:
            general = _general_force(scan, entry.parent)
            common_noun = scan.tokens.words[f.last][:1].islower()  # "Russian troops", not "Russian Armed Forces"
            if general is not None and entry.actor_id == general.actor_id:
                prior = specific.get(entry.parent)
                if prior is not None and common_noun:
                    f = replace(f, canonical=prior.canonical, actor_id=prior.actor_id, resolved_via="context",
                                rule="actors.context:force")
            else:
                specific[entry.parent] = f
        out.append(f)
    return out


# -- unqualified ministries --------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _ministry_forms() -> frozenset[str]:
    """The forms of an unqualified ministry ("ministry", "foreign ministry" ...); the same for every document."""
    return frozenset(form for g in load_generic_nouns() if g.context == "ministry" and g.canonical == "ministry"
                     for form in g.forms)


def _is_bare_ministry(scan: Scan, f: Found) -> bool:
    if f.resolved_via != "candidate":
        return False
    words = scan.tokens.keys[f.first:f.last + 1]
    return " ".join(w for w in words if w != "the") in _ministry_forms()


def _ministry_from_document(scan: Scan, found: list[Found],
                            scan_lines: Callable[[], Sequence[Found]]) -> list[Found]:
    if not any(_is_bare_ministry(scan, f) for f in found):
        return found
    qualified = next((f for f in found if f.ministry), None) or next((f for f in scan_lines() if f.ministry), None)
    if qualified is None:
        return found
    return [replace(f, canonical=qualified.canonical, actor_id=qualified.actor_id, actor_type=qualified.actor_type,
                    resolved_via="context", rule="actors.context:ministry", ministry=True, label="")
            if _is_bare_ministry(scan, f) else f for f in found]


# -- counted plural roles ----------------------------------------------------------------------------------
def _plural_roles(scan: Scan, found: list[Found]) -> list[Found]:
    added: list[Found] = []
    for kind, pattern, words in (("leader", PLURAL_ROLE, ROLE_WORDS), ("state", PLURAL_STATES, STATE_WORDS)):
        if not any(f.actor_type == kind for f in found) or not _may_match(scan.text, COUNT_WORDS, words):
            continue
        for m in pattern.finditer(scan.text):
            first, last = _token_at(scan, m.start(), 0), _token_at(scan, m.end(), 1)
            if first is None or last is None or any(f.first <= last and first <= f.last for f in found):
                continue
            n = COUNTS[(m.group(1) or "both").lower()]
            named = _recent(found, first, n, kind)
            if len(named) == n:
                added += [Found(first, last, p.canonical, p.actor_id, kind, "context", "actors.context:plural",
                                office=p.office) for p in named]
    added += _uncounted_roles(scan, found)
    return sorted(found + added, key=lambda f: f.first) if added else found


def _uncounted_roles(scan: Scan, found: list[Found]) -> list[Found]:
    if sum(f.actor_type == "leader" for f in found) < 2 or not _may_match(scan.text, UNCOUNTED_WORDS):
        return []
    added: list[Found] = []
    for m in UNCOUNTED_ROLE.finditer(scan.text):
        first, last = _token_at(scan, m.start(), 0), _token_at(scan, m.end(), 1)
        if first is None or last is None or any(f.first <= last and first <= f.last for f in found):
            continue
        named = _named_together(scan, found, first)
        added += [Found(first, last, p.canonical, p.actor_id, "leader", "context", "actors.context:plural",
                        office=p.office) for p in named]
    return added


def _named_together(scan: Scan, found: list[Found], before: int) -> list[Found]:
    """The distinct leaders of the last group named close together before token `before` (two to five;
    none where the last leader was named alone)."""
    starts, ends = scan.tokens.starts, scan.tokens.ends
    leaders = [f for f in found if f.first < before and f.actor_type == "leader"
               and not f.actor_id.startswith("candidate:")]
    group: list[Found] = []
    for f in reversed(leaders):
        if group:
            gap = scan.text[ends[f.last]:starts[group[-1].first]]
            if len(gap) > TOGETHER or "\n\n" in gap:
                break
        group.append(f)
    distinct = list({f.actor_id: f for f in reversed(group)}.values())
    return distinct if 2 <= len(distinct) <= 5 else []


def _token_at(scan: Scan, offset: int, side: int) -> int | None:
    """The index of the token starting (side 0) or ending (side 1) at `offset`, if one does."""
    starts = scan.tokens.starts
    i = bisect.bisect_left(starts, offset) - side  # the first starting there, or the one before it
    return i if 0 <= i < len(starts) and (starts, scan.tokens.ends)[side][i] == offset else None


def _recent(found: list[Found], before: int, n: int, kind: str) -> list[Found]:
    """The last `n` distinct actors of a type (leader, state) named before token `before`, in text order."""
    out: list[Found] = []
    for f in reversed(found):
        if f.first < before and f.actor_type == kind and not f.actor_id.startswith("candidate:") \
                and all(o.actor_id != f.actor_id for o in out):
            out.append(f)
            if len(out) == n:
                break
    return out[::-1]
