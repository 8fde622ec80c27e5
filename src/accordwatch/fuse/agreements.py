"""Agreement tracker: each agreement with its provisions, their status and deadlines.

Mentions of one agreement share an `agreement_key` (the agreements extractor resolves
them). A provision's status follows the Peace Accords Matrix scale (0 not initiated,
1 minimal, 2 intermediate, 3 full) plus terminated and superseded; every step is backed
by fused events whose wording matches the provision type's rules in
data/rules/fuse/status.yaml. Deadlines come from the provisions' derived dates, and a notice deadline
from a notice period read in the extension clause ("unless a party notifies six months before").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from accordwatch.fuse import dates
from accordwatch.fuse.corpus import Corpus
from accordwatch.fuse.records import (
    AgreementStatus,
    Deadline,
    FusedEvent,
    ProvisionStatus,
    SpanRef,
    StatusStep,
)
from accordwatch.fuse.rules import load
from accordwatch.fuse.text import has_word
from accordwatch.model import Agreement, Provision


def _name(mentions: Sequence[Agreement]) -> str:
    """A title over a description: capitalised names first, then the fullest."""
    return max((m.name or m.text for m in mentions), key=lambda n: (n[:1].isupper(), len(n) < 160, len(n), n))


def _date(mentions: Sequence[Agreement]) -> str:
    """The most precise date, the most often stated among equally precise ones."""
    counts = Counter(m.date for m in mentions if dates.parse(m.date))
    if not counts:
        return ""
    return min(counts, key=lambda d: (dates.granularity_rank(d), -counts[d], d))


def _ordered(values: Sequence[str]) -> tuple[str, ...]:
    counts = Counter(values)
    return tuple(sorted(counts, key=lambda v: (-counts[v], v)))


def step_matches(event: FusedEvent, step: dict, subject: Sequence[str]) -> bool:
    for m in event.mentions:
        if step["types"] and m.type not in step["types"]:
            continue
        if has_word(m.ref.text, step["words"]) and (not subject or has_word(m.ref.sentence, subject)):
            return True
    return False


def status_steps(label: str, start: str, events: Sequence[FusedEvent]) -> list[StatusStep]:
    """The steps of one provision type, in date order, each backed by the events that show it."""
    rule = load("status")["provisions"].get(label)
    if rule is None:
        return []
    factual = set(load("fusion")["factual_modalities"])
    steps = []
    for event in events:
        if event.modality not in factual or not event.date or (start and event.date_end < dates.bounds(start)[0]):
            continue
        for step in rule["steps"]:
            if step_matches(event, step, rule["subject"]):
                refs = tuple(m.ref for m in event.mentions)
                steps.append(StatusStep(event.date, str(step["status"]), event.label, (event.id,), refs))
                break
    return _collapse(sorted(steps, key=lambda s: (dates.bounds(s.date)[0], s.date)))


def _collapse(steps: Sequence[StatusStep]) -> list[StatusStep]:
    """Consecutive steps to the same status are one step, backed by all their events."""
    out: list[StatusStep] = []
    for s in steps:
        if out and out[-1].status == s.status:
            last = out[-1]
            out[-1] = StatusStep(last.date, last.status, last.reason, (*last.evidence, *s.evidence),
                                 tuple(dict.fromkeys((*last.refs, *s.refs))))
        else:
            out.append(s)
    return out


_NUMBERS = {w: i for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"])}


def notice_period(extension: str) -> str:
    """The notice period an extension clause sets, as a TIMEX3 duration ("" if none)."""
    m = re.search(load("status")["notice"]["pattern"], extension, re.IGNORECASE)
    if not m:
        return ""
    if m["iso"]:
        return m["iso"].upper()
    n = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"].lower()]
    return f"P{n}{'Y' if m['unit'].lower().startswith('year') else 'M'}"


def _notice(p: Provision) -> list[tuple[str, str, str]]:
    """A notice deadline derived from the extension clause and the end of the term."""
    period = notice_period(p.extension)
    ends = [v for fact, v, _ in p.derived if fact in load("status")["end_facts"]]
    if not period or not ends or not dates.shift(ends[0], period, -1):
        return []
    return [("notice", dates.shift(ends[0], period, -1), f"end {ends[0]} - notice period {period} ({p.extension})")]


def deadlines(provisions: Sequence[Provision], corpus: Corpus, as_of: str) -> tuple[Deadline, ...]:
    found: dict[tuple[str, str], list[tuple[str, SpanRef]]] = defaultdict(list)
    for p in provisions:
        for fact, value, how in (*p.derived, *_notice(p)):
            found[(fact, value)].append((how, corpus.ref(p)))
    out = []
    for (fact, value), items in found.items():
        ends = (*load("status")["end_facts"], *load("status")["extension_facts"], "notice")
        passed = fact in ends and bool(as_of) and dates.before(value, as_of) is True
        out.append(Deadline(fact, value, items[0][0], passed, tuple(r for _, r in items)))
    return tuple(sorted(out, key=lambda d: (dates.bounds(d.value)[0], d.fact)))


def _warnings(label: str, steps: Sequence[StatusStep], due: Sequence[Deadline]) -> tuple[list[str], bool]:
    """Deadlines passed, and events that contradict them: (warnings, ended early?)."""
    rules = load("status")
    ends = [d for d in due if d.fact in rules["end_facts"]]
    extended = [d for d in due if d.fact in rules["extension_facts"]]
    ended = next((s for s in steps if s.status == "terminated"), None)
    warnings: list[str] = []
    early = False
    for d in ends:
        if ended and dates.before(ended.date, d.value):
            early = True
            warnings.append(f"{label}: terminated on {ended.date}, before the stated {d.fact} {d.value}")
        elif d.passed and not ended:
            later = "".join(f"; extended to {x.value} if renewed ({x.how})" for x in extended if not x.passed)
            warnings.append(f"{label}: {d.fact} {d.value} has passed{later}")
    for d in due:
        if d.fact == "notice" and d.passed and not ended:
            warnings.append(f"{label}: the notice deadline {d.value} has passed: without notice the term "
                            "extends automatically")
    return warnings, early


def superseding_step(group: Sequence[Agreement], corpus: Corpus) -> StatusStep | None:
    """A step to "superseded" where documents say the agreement was superseded or replaced,
    dated by the latest of those documents."""
    words = load("status")["superseding_mentions"]
    saying = [m for m in group if any(s in words for s in m.status_mentions)]
    if not saying:
        return None
    refs = tuple(corpus.ref(m) for m in saying)
    said = max((r.said_on for r in refs), default="")
    return StatusStep(said, "superseded", f"the agreement is said to be {', '.join(words)}", (), refs)


def provision_status(label: str, provisions: Sequence[Provision], start: str, events: Sequence[FusedEvent],
                     corpus: Corpus, as_of: str, last: StatusStep | None = None) -> ProvisionStatus:
    steps = status_steps(label, start, events) + ([last] if last else [])
    due = deadlines(provisions, corpus, as_of)
    warnings, early = _warnings(label, steps, due)
    status = steps[-1].status if steps else "0"
    scale = load("status")["scale"]
    readable = f"{scale[status]} early" if status == "terminated" and early else scale[status]
    if status.isdigit():
        readable = f"{status} {readable}"
    return ProvisionStatus(
        label=label, status=status, status_label=readable,
        term=next((p.term for p in provisions if p.term), ""),
        extension=next((p.extension for p in provisions if p.extension), ""),
        deadlines=due, steps=tuple(steps), warnings=tuple(warnings),
        refs=tuple(corpus.ref(p) for p in provisions))


def track_agreements(corpus: Corpus, events: Sequence[FusedEvent], as_of: str = "") -> list[AgreementStatus]:
    """Every agreement of the corpus, with its provisions' status, deadlines and warnings."""
    mentions: dict[str, list[Agreement]] = defaultdict(list)
    for span in corpus.of_kind("agreement"):
        if isinstance(span, Agreement) and span.agreement_key:
            mentions[span.agreement_key].append(span)
    provisions: dict[str, list[Provision]] = defaultdict(list)
    for span in corpus.of_kind("provision"):
        if isinstance(span, Provision) and span.agreement_key in mentions:
            provisions[span.agreement_key].append(span)
    out = []
    for key, group in mentions.items():
        date = _date(group)
        superseded = superseding_step(group, corpus)
        by_label: dict[str, list[Provision]] = defaultdict(list)
        for p in provisions[key]:
            by_label[p.label].append(p)
        out.append(AgreementStatus(
            key=key, name=_name(group), date=date,
            parties=_ordered([p for m in group for p in m.parties]),
            status_mentions=_ordered([s for m in group for s in m.status_mentions]),
            provisions=tuple(provision_status(label, ps, date, events, corpus, as_of, superseded)
                             for label, ps in sorted(by_label.items())),
            refs=tuple(corpus.ref(m) for m in group)))
    return sorted(out, key=lambda a: (dates.bounds(a.date)[0] or "9999", a.key))
