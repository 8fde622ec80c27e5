"""Dating agreement mentions and resolving the mentions of one agreement to one key.

Within a document, mentions whose dates are compatible (one a prefix of the other) and whose
parties do not conflict are one agreement; an undated mention joins the agreement of the same kind
("peace", "ceasefire", "border" ...) with compatible parties. The key is built from what does not
depend on wording, so "the trilateral statement of 9 November 2020", "the November 2020 ceasefire
agreement" and "the tripartite agreement ... signed on November 9, 2020" get the same key in any
document: the month of conclusion, or kind plus parties where no date is known.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from accordwatch.extract.agreements.lexicon import agreement_rules
from accordwatch.extract.agreements.mentions import Mention, anniversary_date
from accordwatch.model import Timex

KINDS = (("ceasefire", re.compile(r"cease-?fire|truce|armistice|hostilities", re.IGNORECASE)),
         ("peace", re.compile(r"\bpeace\b|normali[sz]ation|reconciliation", re.IGNORECASE)),
         ("border", re.compile(r"border|delimitation|demarcation|delineation", re.IGNORECASE)))
ATTACHED_GAP = 12  # words between an agreement's name and a timex that still dates it


def kind_of(name: str) -> str:
    return next((k for k, rx in KINDS if rx.search(name)), "agreement")


def date_mention(text: str, lo: int, hi: int, m: Mention, tx: Sequence[Timex], narrative: str) -> None:
    """Date from (in order): a timex in the name, one attached after it ("signed on ..."), an
    anniversary ("fifth anniversary of ..."), the sentence's time where a conclusion verb governs
    the mention ("reached an agreement"), the narrative time for such a verb."""
    if m.date:
        return
    rules = agreement_rules()
    inner = [t for t in tx if m.start <= t.start and t.end <= m.end]
    if inner:
        m.date, m.date_how = inner[0].value, "inside"
        return
    after = next((t for t in tx if m.end <= t.start < hi), None)
    if after is not None and _attached(text, m.end, after.start, rules):
        m.date, m.date_how = after.value, "attached"
        return
    ann = anniversary_date(text, lo, m, tx)
    if ann:
        m.date, m.date_how = ann, "anniversary"
        return
    before = text[max(lo, m.start - 40):m.start]
    m.prospective = bool(rules.prospective.search(before)) or bool(rules.prospective.search(m.name.split()[0]))
    concluded = rules.conclusion.search(before) or rules.conclusion.search(text, m.end, min(hi, m.end + 25))
    if not concluded or m.prospective:
        return
    in_sentence = [t for t in tx if lo <= t.start < hi]
    if in_sentence:
        m.date, m.date_how = in_sentence[0].value, "sentence"
    elif narrative:
        m.date, m.date_how = narrative, "narrative"


def _attached(text: str, a: int, b: int, rules) -> bool:
    gap = text[a:b]
    if len(gap.split()) > ATTACHED_GAP or ";" in gap or rules.strong.search(gap):
        return False
    return not re.search(r"\b(?:to|until|through|by)\s*$", gap)


def _compatible_dates(a: str, b: str) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


def _compatible_parties(a: Sequence[str], b: Sequence[str]) -> bool:
    return not a or not b or set(a) <= set(b) or set(b) <= set(a)


def cluster(mentions: list[Mention]) -> list[list[Mention]]:
    """Group mentions of one agreement: dated ones first, then undated ones join by kind and parties."""
    groups: list[list[Mention]] = []
    for m in sorted(mentions, key=lambda m: (not m.date, m.start)):
        g = next((g for g in groups if _joins(m, g)), None)
        if g is None:
            groups.append([m])
        else:
            g.append(m)
    return groups


def _joins(m: Mention, group: list[Mention]) -> bool:
    """Same day, or compatible dates and the same kind; undated: the same kind, and for a generic
    "agreement" the same named parties."""
    date = best_date(group)
    parties = sorted({p for x in group for p in x.parties})
    if not _compatible_parties(m.parties, parties):
        return False
    kind = m.kind or kind_of(m.name)
    kinds = {x.kind or kind_of(x.name) for x in group}
    if m.date:
        if not date or not _compatible_dates(m.date, date):
            return False
        return (len(m.date) >= 10 and m.date[:10] == date[:10]) or kind in kinds
    if kind not in kinds:
        return False
    if any(_core(x.name) == _core(m.name) for x in group):
        return True  # "the European Convention on Human Rights" named twice
    return kind != "agreement" or bool(m.parties and parties)


def _core(name: str) -> str:
    """A name up to its head noun: "European Convention on Human Rights as ..." -> "european convention"."""
    h = agreement_rules().strong.search(name) or agreement_rules().weak.search(name)
    return name[:h.end()].lower() if h else name.lower()


def best_date(group: list[Mention]) -> str:
    dates = [m.date for m in group if m.date]
    return max(dates, key=len) if dates else ""


def agreement_key(group: list[Mention]) -> str:
    """The month of conclusion where known (names and parties vary between documents, the month
    does not); else kind and parties."""
    date = best_date(group)
    if date:
        return f"agreement:{date[:7]}"
    parties = "+".join(sorted({p for m in group for p in m.parties})) or "?"
    return f"agreement:{kind_of(display_name([m.name for m in group]))}:{parties}"


def display_name(names: Sequence[str]) -> str:
    """The fullest of an agreement's names (a title over a description)."""
    return max(names, key=lambda n: (len(n) < 160, _titled(n), len(n)))


def _titled(name: str) -> bool:
    """"Statement on a complete ceasefire ...", "Agreement on the Establishment of Peace ...": a title."""
    return bool(re.search(r"\b[A-Z][a-z]+ (?:on|of|between) ", name)) and bool(agreement_rules().strong.search(name)
                                                                     or agreement_rules().weak.search(name))
