"""Merging the events of a document: one event per act however often it is told.

Within a sentence, events of one type a few words apart are one; across the document, one statement per
speaker and date, one conclusion event per agreement, one event per type, date and source; an undated
headline act yields to its dated telling, and a speaker's own undated position to its statement.
"""

from __future__ import annotations

from accordwatch.model import Event

# Same-type triggers closer than this (in words) state one event ...
NEAR_WORDS = 14
# ... except statements and the conclusion of distinct agreements.
SEPARATE = ("event.statement", "event.agreement_mention")
# Types of what is said rather than done: a speaker's own such event can be the content of its statement.
VERBAL = frozenset({"AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})


def one_per_type(text: str, events: list[Event]) -> list[Event]:
    """Events of one type a few words apart are one ("cleared ..., demined ..., inspected ..." is one AID)."""
    out: list[Event] = []
    for e in sorted(events, key=lambda e: e.start):
        twin = next((o for o in out if o.label == e.label and o.rule_id not in SEPARATE
                     and len(text[o.start:e.start].split()) <= NEAR_WORDS), None)
        if twin is None or e.rule_id in SEPARATE:
            out.append(e)
        elif e.date_basis == "timex" and twin.date_basis != "timex":
            out[out.index(twin)] = e
    return out


def drop_undated_retellings(events: list[Event]) -> list[Event]:
    """A headline or summary states an act at the report's date ("On the trilateral meeting of the
    ministers ...") that the body tells again with its own, finer date ("talks ... took place on 25 July"):
    the dated telling is the event."""
    def actors(e: Event) -> set[str]:
        return {*e.source_actors, *e.target_actors}

    return [e for e in events if e.date_basis != "document" or not any(
        o is not e and o.label == e.label and o.date_basis != "document" and len(o.date) > len(e.date)
        and o.date.startswith(e.date) and actors(o) & actors(e) for o in events)]


def fold_into_statements(events: list[Event]) -> list[Event]:
    """What a speaker says of itself at the report's date, with no date of its own ("Russia is ready to
    continue providing assistance", in Russia's statement) is the content of its statement that day,
    not an act of its own."""
    said = {(e.source_actors[0], e.date) for e in events if e.rule_id == "event.statement" and e.source_actors}
    return [e for e in events if not (
        e.rule_id != "event.statement" and e.date_basis == "document" and e.label in VERBAL
        and e.source_actors and (e.source_actors[0], e.date) in said)]


def merge(text: str, events: list[Event], agreement_of: dict[int, str]) -> list[Event]:
    """One statement per speaker and date (a report quotes one statement many times), one conclusion
    event per agreement (named again and again after it was signed), one event per type, date and source
    (the same act told again, "talks took place ... During these talks ...")."""
    out: list[Event] = []
    seen: dict[tuple[str, ...], int] = {}  # key -> index in out
    for e in events:
        if e.rule_id == "event.statement":
            key: tuple[str, ...] = ("statement", *e.source_actors[:1], e.date)
        elif id(e) in agreement_of:
            key = ("agree", agreement_of[id(e)])
        elif e.source_actors and e.date:
            key = ("same", e.label, e.date, *e.source_actors[:1])  # the same act told again
        else:
            out.append(e)
            continue
        if key not in seen:
            seen[key] = len(out)
            out.append(e)
        elif key[0] == "statement" and headline(text, out[seen[key]].start) and not headline(text, e.start):
            out[seen[key]] = e  # "Russia Says ..." over a headline: the body tells the statement itself
    return out


def headline(text: str, pos: int) -> bool:
    """Whether `pos` lies in a title line: a line of its own with no closing punctuation."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start:line_end if line_end != -1 else len(text)].rstrip()
    return bool(line) and line.rstrip("\"'”’)»")[-1:] not in (".", "!", "?", ":", ";")
