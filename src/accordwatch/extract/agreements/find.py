"""find_agreements: mentions per sentence, dated, resolved to agreements, with their provisions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from accordwatch.extract.agreements.lexicon import agreement_rules
from accordwatch.extract.agreements.mentions import (
    Mention,
    attach_actors,
    head_nouns,
    mentions_in_sentence,
    statuses,
    statuses_between,
)
from accordwatch.extract.agreements.provisions import REFERS, derive, extension_of, term_of, until_of
from accordwatch.extract.agreements.resolve import (
    agreement_key,
    best_date,
    cluster,
    date_mention,
    display_name,
    kind_of,
)
from accordwatch.extract.agreements.timeline import calendar_timexes, narrative_time
from accordwatch.extract.sentences import sentences as sentences_of
from accordwatch.model import ActorMention, Agreement, Document, Provision, Timex

PLURAL_REFERENCE = re.compile(r"\b(?:the|these|those|all|both)\s+(?:\w+\s+){0,2}(?:agreements|statements|documents)\b",
                              re.IGNORECASE)


def find_agreements(doc: Document, actors: Sequence[ActorMention],
                    timexes: Sequence[Timex]) -> tuple[list[Agreement], list[Provision]]:
    """The agreements a document names, one per agreement (its fullest mention, with the date, parties
    and statuses of all its mentions), and the provisions found, in text order."""
    mentions, provisions = find_agreement_mentions(doc, actors, timexes)
    vague = {a.agreement_key for a in mentions if _unspecific(doc.text, a)}
    named = {a.agreement_key for a in mentions if not _unspecific(doc.text, a)}
    return unique_agreements([a for a in mentions if a.agreement_key not in vague - named]), provisions


PLURAL_HEAD = re.compile(r"\b(?:agreements|treaties|accords|deals|pacts|protocols|conventions|memoranda|statements|"
                         r"declarations|arrangements)\b", re.IGNORECASE)
DETERMINED = re.compile(r"(?:\b(?:the|these|those|both|all|its|their|his|her|our|two|three|four|several)|['’]s)\s+"
                        r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _unspecific(text: str, a: Agreement) -> bool:
    """"prepare substantive agreements on all areas": a bare plural with no date, party or signatory names
    no particular agreement."""
    return not a.date and not a.parties and not a.signatories and bool(PLURAL_HEAD.search(a.name)) \
        and not DETERMINED.search(text, max(0, a.start - 40), a.start) and not a.text[:1].isupper()


def find_agreement_mentions(doc: Document, actors: Sequence[ActorMention],
                            timexes: Sequence[Timex]) -> tuple[list[Agreement], list[Provision]]:
    """Every agreement mention (mentions of one agreement share agreement_key) and every provision."""
    dct = str(doc.get("published") or "")
    key = (doc.id, dct, doc.text, tuple(actors), tuple(timexes))
    found = _recent.get(key)
    if found is None:
        agreements, provisions = _find(_Text(doc.id, doc.text), dct, actors, timexes)
        found = _recent.put(key, (tuple(agreements), tuple(provisions)))
    return list(found[0]), list(found[1])


class _Text(NamedTuple):
    """The part of a Document agreements need."""

    id: str
    text: str


_Found = tuple[tuple[Agreement, ...], tuple[Provision, ...]]


class _RecentResults:
    """The events stage reads the agreements of the document the agreements stage reads next: the last
    few results are kept (the inputs are immutable). Keys are compared, not hashed: hashing a tuple of
    actor and timex dataclasses hashes every field of each, each time, while comparing the same
    objects stops at their identity."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.entries: list[tuple[tuple, _Found]] = []

    def get(self, key: tuple) -> _Found | None:
        return next((found for k, found in self.entries if k == key), None)

    def put(self, key: tuple, found: _Found) -> _Found:
        self.entries = [*self.entries[-(self.size - 1):], (key, found)]
        return found

    def cache_clear(self) -> None:
        self.entries = []


_recent = _RecentResults(8)


def _find(doc: _Text, dct: str, actors: Sequence[ActorMention],
          timexes: Sequence[Timex]) -> tuple[list[Agreement], list[Provision]]:
    text = doc.text
    heads = head_nouns(text)
    if not heads:
        # Every mention has a head noun, and statuses and provisions attach only to mentions.
        return [], []
    tx = calendar_timexes(timexes)
    sentences = list(sentences_of(text))
    per_sentence: list[list[Mention]] = []
    for lo, hi in sentences:
        found = mentions_in_sentence(text, lo, hi, tx, heads)
        narrative = narrative_time(text, tx, lo, dct) if found else ""
        for m in found:
            date_mention(text, lo, hi, m, tx, narrative)
            attach_actors(m, text, lo, hi, actors)
            m.status = statuses(text, lo, hi, m)
            m.kind = kind_of(m.name)
        per_sentence.append(found)
    mentions = [m for ms in per_sentence for m in ms]
    groups = cluster(mentions)
    refers = _referring(text, sentences, per_sentence)
    _anaphoric_statuses(text, sentences, per_sentence, refers, groups)
    group_of = {id(m): g for g in groups for m in g}
    keys = _unique_keys(groups)
    agreements = [_agreement(doc, m, group_of[id(m)], keys[id(group_of[id(m)])]) for m in mentions]
    provisions = _provisions(doc, timexes, sentences, per_sentence, refers, group_of, keys)
    return sorted(agreements, key=lambda a: a.start), provisions


def _unique_keys(groups: list[list[Mention]]) -> dict[int, str]:
    """agreement_key per group; two agreements of one month in one document get their head noun added."""
    out: dict[int, str] = {}
    taken: set[str] = set()
    for g in sorted(groups, key=lambda g: min(m.start for m in g)):
        key = agreement_key(g)
        if key in taken:
            key = f"{key}:{g[0].head.lower().rstrip('s')}"
        while key in taken:
            key += "+"
        taken.add(key)
        out[id(g)] = key
    return out


def _agreement(doc: _Text, m: Mention, group: list[Mention], key: str) -> Agreement:
    status = tuple(dict.fromkeys(s for x in group for s in x.status))
    return Agreement(
        doc.id, m.start, m.end, doc.text[m.start:m.end], kind_of(display_name([x.name for x in group])),
        f"agreement.{m.date_how or 'undated'}", 0.8 if m.date else 0.6,
        name=m.name, agreement_key=key, date=best_date(group), place="",
        parties=tuple(sorted({p for x in group for p in x.parties})),
        signatories=tuple(dict.fromkeys(s for x in group for s in x.signatories)),
        witnesses=tuple(dict.fromkeys(s for x in group for s in x.witnesses)),
        status_mentions=status,
    )


def _referring(text: str, sentences: list[tuple[int, int]], per_sentence: list[list[Mention]]) -> list[bool]:
    """Which sentences refer to an agreement named in an earlier one without naming one themselves
    ("under the agreement"): read once for both the statuses and the provisions they carry."""
    named_before, out = False, []
    for (lo, hi), found in zip(sentences, per_sentence):
        out.append(not found and named_before and REFERS.search(text, lo, hi) is not None)
        named_before = named_before or bool(found)
    return out


def _anaphoric_statuses(text: str, sentences: list[tuple[int, int]], per_sentence: list[list[Mention]],
                        refers: list[bool], groups: list[list[Mention]]) -> None:
    """"The agreements remain valid", "the document has not been revoked": status for agreements named before."""
    seen: list[list[Mention]] = []
    by_mention = {id(m): g for g in groups for m in g}
    for (lo, hi), found, refers_back in zip(sentences, per_sentence, refers):
        if refers_back:  # so some agreement was named before: `seen` holds it
            words = statuses_between(text, lo, hi)
            targets = seen if PLURAL_REFERENCE.search(text, lo, hi) else seen[-1:]
            for g in targets:
                g[0].status.extend(w for w in words if w not in g[0].status)
        for m in found:
            g = by_mention[id(m)]
            if g in seen:
                seen.remove(g)
            seen.append(g)


def _provisions(doc: _Text, timexes: Sequence[Timex], sentences: list[tuple[int, int]],
                per_sentence: list[list[Mention]], refers: list[bool], group_of: dict[int, list[Mention]],
                keys: dict[int, str]) -> list[Provision]:
    out: list[Provision] = []
    last: list[Mention] | None = None
    for (lo, hi), found, refers_back in zip(sentences, per_sentence, refers):
        target = None
        if found:
            target = group_of[id(found[0])]
        elif refers_back:  # so some agreement was named before: `last` is set
            target = last
        if found:
            last = group_of[id(found[-1])]
        if target is None:
            continue
        out.extend(_sentence_provisions(doc, timexes, lo, hi, target, keys[id(target)]))
    return _one_per_provision(out)


def _one_per_provision(provisions: list[Provision]) -> list[Provision]:
    """One provision of a kind per agreement: its first statement, or a later one that states a term."""
    best: dict[tuple[str, str], Provision] = {}
    for p in provisions:
        key = (p.agreement_key, p.label)
        if key not in best or (p.derived and not best[key].derived):
            best[key] = p
    return sorted(best.values(), key=lambda p: p.start)


def _sentence_provisions(doc: _Text, timexes: Sequence[Timex], lo: int, hi: int,
                         group: list[Mention], key: str) -> list[Provision]:
    text = doc.text
    out: list[Provision] = []
    start = best_date(group)
    seen: set[str] = set()
    low = text[lo:hi].lower()
    for rule in agreement_rules().provisions:
        if rule.prefixes and not any(p in low for p in rule.prefixes):
            continue
        m = rule.regex.search(text, lo, hi)
        if not m or rule.label in seen:
            continue
        seen.add(rule.label)
        has_term = rule.label in ("deployment", "body")  # forces and bodies serve for a term
        term = term_of(text, lo, hi, timexes) if has_term else ""
        until = until_of(text, lo, hi, calendar_timexes(timexes)) if has_term else ""
        ext = extension_of(text, lo, hi, term) if term else ""
        derived = derive(start, term, until, ext) if (term or until) else ()
        out.append(Provision(doc.id, m.start(), m.end(), m.group(), rule.label, rule.id,
                             agreement_key=key, term=term, extension=ext, derived=derived))
    return out


def unique_agreements(agreements: Sequence[Agreement]) -> list[Agreement]:
    """One agreement per key: its first mention (where the text first names it), carrying the fullest name
    among its mentions; in order of first mention (for export)."""
    first: dict[str, Agreement] = {}
    names: dict[str, list[str]] = {}
    for a in agreements:
        first.setdefault(a.agreement_key, a)
        names.setdefault(a.agreement_key, []).append(a.name)
    return [replace(a, name=display_name(names[k])) for k, a in first.items()]
