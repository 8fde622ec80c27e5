"""Claims: what different sources say about the same figure or date, compared.

Verdicts: `agree` (same value), `more_precise` (compatible values, one narrower: 2020-11
and 2020-11-09, "approximately 2,000" and 1,987), `differ` (incompatible), `superseded`
(a statement about the future, made before the date it speaks of and later overtaken by
what happened: "will remain until November 2025" said in 2023, then "withdrawn on 12 June
2024"), `single` (one source only, listed by `accordwatch figures`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from accordwatch.fuse import dates
from accordwatch.fuse.corpus import Corpus
from accordwatch.fuse.records import AgreementStatus, Claim, FusedEvent, Statement, stable_id
from accordwatch.fuse.rules import load
from accordwatch.fuse.text import words
from accordwatch.model import Agreement, Figure


def _object_words(fig: Figure) -> frozenset[str]:
    stop = set(load("claims")["object_stopwords"])
    return frozenset(w.rstrip("s") for w in words(fig.object) if w not in stop)


def comparable(fig: Figure) -> bool:
    rules = load("claims")
    if fig.label in rules["skip_labels"]:
        return False
    return bool(fig.unit) or (fig.value or 0) >= rules["min_compared_count"]


def same_object(a: Figure, b: Figure) -> bool:
    wa, wb = _object_words(a), _object_words(b)
    if not (comparable(a) and comparable(b)):
        return False
    if a.unit != b.unit or not wa or not wb:
        return False
    if a.time and b.time and not dates.compatible(a.time, b.time):
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= load("claims")["object_overlap"]


def value_range(fig: Figure) -> tuple[float, float]:
    lo_f, hi_f = load("claims")["qualifiers"].get(fig.qualifier.lower(), (1.0, 1.0))
    v = fig.value or 0.0
    return v * lo_f, v * hi_f


def figure_verdict(figs: Sequence[Figure]) -> str:
    values = {f.value for f in figs}
    if len(values) == 1 and len({f.qualifier for f in figs}) == 1:
        return "agree"
    ranges = [value_range(f) for f in figs]
    if max(lo for lo, _ in ranges) <= min(hi for _, hi in ranges):
        return "more_precise" if len(values) > 1 or any(f.qualifier for f in figs) else "agree"
    return "differ"


def group_figures(corpus: Corpus) -> list[list[Figure]]:
    """Figures of the same thing together; groups are found through (unit, object word)."""
    groups: list[list[Figure]] = []
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for fig in corpus.of_kind("figure"):
        if not isinstance(fig, Figure) or fig.value is None:
            continue
        keys = [(fig.unit, w) for w in sorted(_object_words(fig))] if comparable(fig) else []
        candidates = sorted({i for k in keys for i in index.get(k, ())})
        home = next((i for i in candidates if all(same_object(fig, x) for x in groups[i])), None)
        if home is None:
            groups.append([fig])
            for k in keys:
                index[k].append(len(groups) - 1)
        else:
            groups[home].append(fig)
    return groups


def _figure_value(fig: Figure) -> str:
    value = f"{fig.value:g}" + (f" {fig.unit}" if fig.unit else "")
    return f"{fig.qualifier} {value}".strip()


def figure_claims(corpus: Corpus, include_single: bool = False) -> list[Claim]:
    out = []
    for group in group_figures(corpus):
        publishers = {corpus.publishers[f.doc_id] for f in group}
        if len(publishers) < 2 and not include_single:
            continue
        verdict = figure_verdict(group) if len(publishers) > 1 else "single"
        statements = tuple(Statement(corpus.ref(f), _figure_value(f), f.time, corpus.publishers[f.doc_id])
                           for f in group)
        subject = max((f.object for f in group), key=lambda o: (len(o), o)) + (f" ({group[0].unit})" if group[0].unit else "")
        out.append(Claim(stable_id("figure", *(f"{f.doc_id}:{f.start}" for f in group)), "figure", subject,
                         verdict, statements))
    return out


def _date_verdict(values: Sequence[str]) -> str:
    distinct = sorted(set(values))
    if len(distinct) == 1:
        return "agree"
    if all(dates.compatible(a, b) for a in distinct for b in distinct):
        return "more_precise"
    return "differ"


def event_date_claims(events: Sequence[FusedEvent]) -> list[Claim]:
    """Fused events whose independent sources date them differently."""
    out = []
    for e in events:
        dated = list({(m.ref.doc_id, m.date): m for m in e.mentions if dates.parse(m.date)}.values())
        if e.corroboration < 2 or len({m.date for m in dated}) < 2:
            continue
        statements = tuple(Statement(m.ref, m.date, m.date, m.reported_by or m.ref.publisher) for m in dated)
        out.append(Claim(stable_id("claim", e.id), "date", f"date of: {e.label}",
                         _date_verdict([m.date for m in dated]), statements))
    return out


def agreement_date_claims(agreements: Sequence[AgreementStatus], corpus: Corpus) -> list[Claim]:
    out = []
    spans = {(s.doc_id, s.start): s for s in corpus.of_kind("agreement") if isinstance(s, Agreement)}
    for a in agreements:
        stated = [(r, spans[(r.doc_id, r.start)].date) for r in a.refs if (r.doc_id, r.start) in spans]
        stated = list({(r.doc_id, d): (r, d) for r, d in stated if dates.parse(d)}.values())
        if len({r.publisher for r, _ in stated}) < 2 or len({d for _, d in stated}) < 2:
            continue
        statements = tuple(Statement(r, d, d, r.publisher) for r, d in stated)
        out.append(Claim(stable_id("claim", a.key, "date"), "date", f"date of: {a.name}",
                         _date_verdict([d for _, d in stated]), statements))
    return out
