"""Finding event triggers in a sentence and reading their modality.

A trigger is a match of one rule of triggers.yaml. A sentence may hold several; frames
("threatened to", "refused to", "demanded that") govern the action that follows them, so
that "threatened to shell the town" is one THREATEN event, not also an ASSAULT.
"""

from __future__ import annotations

import re
from itertools import pairwise

from accordwatch.extract.events.letters import first_letter
from accordwatch.extract.events.lexicon import TriggerRule, modality_rules, prefix_table, trigger_rules
from accordwatch.extract.events.scan import candidates, patterns_for
from accordwatch.extract.lowered import lowered

# Clause punctuation: a modality cue does not reach across it, nor does a timex date an event across it.
# That is [,;:()\u2014\u2013]|\s-\s|\bthat\b|\bwhich\b|\bwho\b|\bbut\b, written to start with the class of
# the first characters it can match: re skips at once to such characters, where a pattern starting with an
# alternation of a class, \s and \b is tried at every position. After that character, each alternative first
# reads its own next character (a literal, which re rejects without entering the alternative: most places are
# blanks and words starting with t, w or b), then the look-behinds say which alternative the first character
# began, and "(?<!\w..)" puts a word boundary before it; the punctuation, with no next character, comes last.
# The alternatives start with distinct characters, so at most one of them matches, the same as before.
CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013\stwb](?:-(?<=\s-)\s|h(?<=th)(?<!\w..)at\b|h(?<=wh)(?<!\w..)(?:ich|o)\b|"
                          r"u(?<=bu)(?<!\w..)t\b|(?<=[,;:()\u2014\u2013]))")
SUBORDINATOR = re.compile(
    r"\b(?:if|unless|as|because|after|following|when|while|whereas|despite|since|before|until|during|who|which|that)\b",
    re.IGNORECASE)
# A noun in a prepositional phrase ("in the aftermath of renewed clashes") is background, not the main event
# ("six weeks of fighting" is a measure of it, not a phrase about it). Written to start with its first letters,
# see letters.py.
BACKGROUND = re.compile(first_letter("dafbsiwto") + r"(?<!\w.)(?:(?<=d)uring|(?<=a)fter|(?<=f)ollowing|(?<=b)efore|"
                        r"(?<=s)ince|(?<=a)mid|(?<=d)espite|(?<=i)n|(?<=a)t|(?<=w)ithin|(?<=t)hroughout|(?<=w)ith|"
                        r"(?<=i)ncluding|(?<=o)(?<!weeks o)(?<!days o)(?<!months o)(?<!years o)(?<!hours o)f)"
                        r"\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
# ... but not the complement of a verb ("engaged in ethnic cleansing", "took part in talks"), nor a verb after a
# phrase ending in a name ("police in Jericho confiscated", "settlers in the city of Hebron set fire").
COMPLEMENT = re.compile(r"\b(?:engag\w*|involv\w*|participat\w*|(?:took|take|takes|taking) part|result\w*|"
                        r"culminat\w*|persist\w*)\s+in\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
PAST_FORM = re.compile(r"[a-z]+ed\b")
NAME_BEFORE = re.compile(r"\b[A-Z][\w-]*(?<!['’]s)\s+$")


def in_background(text: str, lo: int, pos: int) -> bool:
    """Whether a trigger at `pos` is the noun of a prepositional phrase (background to the sentence)."""
    if not BACKGROUND.search(text, max(lo, pos - 50), pos):
        return False
    before = text[max(lo, pos - 60):pos]
    verb = PAST_FORM.match(text, pos, pos + 30)  # a past form after a name is the clause's verb
    return not (COMPLEMENT.search(before) or verb and NAME_BEFORE.search(before))


PURPOSE = re.compile(r"\b(?:in order )?to\s*$", re.IGNORECASE)
# How many words after a frame its governed action may start.
FRAME_REACH = 10


class Trigger:
    """One match of a trigger rule. Compared by identity (a trigger is one match, and sets of them stay cheap);
    its role is an attribute of its own, as it is read many times per sentence."""

    __slots__ = ("end", "role", "rule", "start")

    def __init__(self, start: int, end: int, rule: TriggerRule):
        self.start, self.end, self.rule, self.role = start, end, rule, rule.role

    def __repr__(self) -> str:
        return f"Trigger(start={self.start!r}, end={self.end!r}, rule={self.rule.id!r})"


def find_triggers(text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """All trigger matches in text[start:end], overlaps resolved, in text order.

    Patterns run on lower-cased text, each tried only at the words of the text where one of its literal
    starts begins (scan.py), which keeps a few hundred patterns to a fraction of a millisecond per page."""
    end = len(text) if end is None else end
    low = lowered(text)  # (made once a text for the stages that read it lower-cased, see lowered.py)
    if len(low) != len(text):  # lower-casing moved offsets (rare letters): match the original
        return _drop_overlaps([Trigger(m.start(), m.end(), rule)
                               for rule in trigger_rules() for m in rule.regex.finditer(text, start, end)])
    _, unanchored = prefix_table()
    found: dict[tuple[int, int, str], Trigger] = {}
    # Word by word in text order (matches at one start come in pattern order, as ties in _drop_overlaps need).
    for pos, word in candidates(low, start, end):
        for rule, alt in patterns_for(word):
            m = alt.regex.match(low, pos, end)
            if m:
                key = (pos, m.end(), rule.id)
                if key not in found:
                    found[key] = Trigger(pos, key[1], rule)
    for rule, alt in unanchored:
        for m in alt.regex.finditer(low, start, end):
            found.setdefault((m.start(), m.end(), rule.id), Trigger(m.start(), m.end(), rule))
    return _drop_overlaps(list(found.values()))



def _drop_overlaps(triggers: list[Trigger]) -> list[Trigger]:
    """Where matches overlap keep the higher priority one, then the longer one."""
    by_start = sorted(triggers, key=lambda t: t.start)
    if all(a.end <= b.start for a, b in pairwise(by_start)):
        return by_start  # no two overlap (the usual case): all are kept, in text order
    return rank_overlaps(triggers)


def rank_overlaps(triggers: list[Trigger]) -> list[Trigger]:
    """Keep the higher priority, then the longer, of overlapping triggers; in text order."""
    ranked = sorted(triggers, key=lambda t: (-t.rule.priority, -(t.end - t.start), t.start))
    kept: list[Trigger] = []
    for t in ranked:
        if all(t.end <= k.start or t.start >= k.end for k in kept):
            kept.append(t)
    return sorted(kept, key=lambda t: t.start)


def words_between(text: str, a: int, b: int) -> int:
    return len(text[a:b].split())


def governed(text: str, triggers: list[Trigger]) -> set[Trigger]:
    """Actions that a preceding frame in the same sentence governs (they are its content)."""
    out: set[Trigger] = set()
    for f in (t for t in triggers if t.role == "frame"):
        for t in triggers:
            if (t.start >= f.end and t.role != "speech" and t.rule.priority <= f.rule.priority
                    and words_between(text, f.end, t.start) <= FRAME_REACH):
                out.add(t)
    return out


def subordinate(text: str, triggers: list[Trigger]) -> set[Trigger]:
    """Triggers that are not the sentence's main act: in a prepositional phrase ("amid clashes"), in a
    clause opened by a subordinator after an earlier act ("resigned as the opposition threatened ..."),
    or the object of an earlier act
    ("rejected an Australian ultimatum", "would not meet the kidnappers' demands")."""
    out: set[Trigger] = {t for t in triggers if t.role == "action" and in_background(text, 0, t.start)}
    acts = [t for t in triggers if t.role != "speech"]
    for i, t in enumerate(acts[1:], 1):
        prev = acts[i - 1]
        gap = text[acts[0].end:t.start]
        if SUBORDINATOR.search(gap) or t.role == "frame" and (PURPOSE.search(gap[-12:]) or (
                words_between(text, prev.end, t.start) <= 3 and not CLAUSE_BREAK.search(text, prev.end, t.start))):
            out.add(t)
    return out


def main_trigger(triggers: list[Trigger], text: str = "") -> Trigger | None:
    """The sentence's main event: highest priority, then earliest; speech verbs only if nothing else."""
    minor = subordinate(text, triggers) if text else set()
    acts = [t for t in triggers if t.role != "speech"] or triggers
    if not acts:
        return None
    return max(acts, key=lambda t: (t not in minor, t.rule.priority, -t.start))


def clause_start(text: str, lo: int, pos: int) -> int:
    """Start of the clause holding `pos`, searching back no further than `lo`."""
    last = lo
    for m in CLAUSE_BREAK.finditer(text, lo, pos):
        last = m.end()
    return last


def modality(text: str, sent_start: int, sent_end: int, trig: Trigger, clause_lo: int | None = None) -> str:
    """asserted, planned, negated or hypothetical, from cues just before the trigger in its clause (which
    starts at `clause_lo`, where the caller has found it already)."""
    rules = modality_rules()
    lo = clause_start(text, sent_start, trig.start) if clause_lo is None else clause_lo
    words = text[lo:trig.start].split()
    window = " ".join(words[-rules.window:])
    near = " ".join(words[-3:])
    if rules.negated.search(near) or rules.negated.search(text[trig.start:trig.end]):
        return "negated"
    if rules.hypothetical.search(window):
        return "hypothetical"
    if rules.planned.search(window):
        return "planned"
    return "asserted"


def conditional(text: str, trig: Trigger, sent_end: int) -> bool:
    """An action announced on a condition ("... unless X") is a threat."""
    return bool(modality_rules().conditional.search(text, trig.end, sent_end))


def retyped(event_type: str, mod: str, is_conditional: bool, role: str) -> str:
    """The PLOVER type an event takes under its modality (future cooperation is AGREE ...)."""
    table = modality_rules().retype
    if is_conditional and event_type in table["conditional"]:
        return table["conditional"][event_type]
    if role in ("frame", "speech") and event_type != "AGREE":
        return event_type
    if mod == "negated":
        return table["negated"].get(event_type, event_type)
    if mod in ("planned", "hypothetical"):
        return table["planned"].get(event_type, event_type)
    return event_type
