"""One record a document, in the fields of ../shared/eval/README.md (and a flat row for CSV)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from accordwatch.model import Agreement, Document, Event, Figure, Provision, Span, Timex

CSV_FIELDS = ("id", "source", "title", "publisher", "published", "published_how", "published_inferred",
              "published_reason", "language", "words", "removed_lines", "timex", "figures", "events",
              "agreements", "provisions", "actors")


def _published(doc: Document) -> tuple[str | None, str | None]:
    """(stated date, inferred date): a stated or given date goes in `published`, an inferred one apart."""
    field = doc.meta.get("published")
    if field is None or not field.value:
        return None, None
    value = str(field.value)
    if field.how == "inferred":
        return None, value
    return value[:10], None


def _base(s: Span) -> dict[str, Any]:
    return {"text": s.text, "start": s.start, "end": s.end, "rule": s.rule_id, "confidence": s.confidence}


def timex_record(t: Timex) -> dict[str, Any]:
    return {**_base(t), "type": t.label, "value": t.value, "mod": t.mod, "anchored_to": t.anchored_to,
            "anchor_inferred": t.anchor_inferred}


def figure_record(f: Figure) -> dict[str, Any]:
    return {**_base(f), "value": f.value, "unit": f.unit, "object": f.object, "qualifier": f.qualifier,
            "time": f.time, "kind": f.label, "relations": [list(r) for r in f.relations]}


def event_record(e: Event) -> dict[str, Any]:
    actors = list(dict.fromkeys([*e.source_actors, *e.target_actors]))
    return {**_base(e), "type": e.label, "mode": e.mode, "date": e.date, "date_basis": e.date_basis,
            "actors": actors, "source_actors": list(e.source_actors), "target_actors": list(e.target_actors),
            "location": e.location, "modality": e.modality, "reported_by": e.reported_by}


def agreement_record(a: Agreement) -> dict[str, Any]:
    return {**_base(a), "name": a.name, "key": a.agreement_key, "date": a.date, "place": a.place,
            "parties": list(a.parties), "signatories": list(a.signatories), "witnesses": list(a.witnesses),
            "status_mentions": list(a.status_mentions)}


def provision_record(p: Provision) -> dict[str, Any]:
    return {**_base(p), "type": p.label, "agreement": p.agreement_key, "term": p.term,
            "extension": p.extension, "derived": [list(d) for d in p.derived]}


def actor_record(s: Span) -> dict[str, Any]:
    return {**_base(s), "type": s.label, **s.attrs()}


RECORD_OF: dict[str, Callable[[Any], dict[str, Any]]] = {"timex": timex_record, "figure": figure_record, "event": event_record,
             "agreement": agreement_record, "provision": provision_record, "actor": actor_record}


def document_record(doc: Document, spans: Sequence[Span]) -> dict[str, Any]:
    published, inferred = _published(doc)
    field = doc.meta.get("published")
    by_kind: dict[str, list[dict[str, Any]]] = {k: [] for k in RECORD_OF}
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        if s.kind in RECORD_OF:
            by_kind[s.kind].append(RECORD_OF[s.kind](s))
    return {
        "id": doc.id, "source": doc.source, "title": doc.get("title"), "publisher": doc.get("publisher"),
        "url": doc.get("url"), "language": doc.get("language"),
        "published": published, "published_inferred": inferred,
        "published_how": field.how if field else None,
        "published_reason": field.reason if field else None,
        "words": doc.words,
        "removed_lines": [r.text.strip() for r in doc.removed],
        "timex": by_kind["timex"], "figures": by_kind["figure"], "events": by_kind["event"],
        "agreements": by_kind["agreement"], "provisions": by_kind["provision"], "actors": by_kind["actor"],
    }


def csv_row(record: dict[str, Any]) -> dict[str, str]:
    """Flat CSV row: scalars as they are, lists as JSON text in their cell."""
    row = {}
    for key in CSV_FIELDS:
        value = record.get(key)
        row[key] = json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else (
            "" if value is None else str(value))
    return row
