"""Model objects to table rows and back: JSON-ready values in, the same objects out."""

from __future__ import annotations

import dataclasses
import functools
import posixpath
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from accordwatch.model import SPAN_KINDS, Document, MetaField, OffsetMap, RemovedLine, Span

_BASE_FIELDS = {f.name for f in dataclasses.fields(Span)}
_REMOVED_FIELDS = tuple(f.name for f in dataclasses.fields(RemovedLine))


def source_name(source: str) -> str:
    """The base name of a source: a file name, a URL's last path segment, or the source itself."""
    if "://" in source:
        path = urlsplit(source).path.rstrip("/")
        return posixpath.basename(path) or source
    base = source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return base or source


def _meta_text(doc: Document, key: str) -> str | None:
    value = doc.get(key)
    return None if value is None or value == "" else str(value)


def document_row(doc: Document, *, previous_id: str | None, run_id: int | None,
                 now: datetime) -> dict[str, Any]:
    return {**document_values(doc), "previous_id": previous_id, "run_id": run_id, "ingested_at": now}


def document_values(doc: Document) -> dict[str, Any]:
    """The document's row but what the writer adds (previous_id, run_id, ingested_at)."""
    published = doc.meta.get("published")
    return {
        "id": doc.id, "source": doc.source, "source_name": source_name(doc.source),
        "media_type": doc.media_type, "raw": doc.raw, "text": doc.text,
        "offsets": doc.offsets.to_list(),
        # What dataclasses.asdict gives for these flat records of ints and strings, without its deep copy.
        "removed": [{name: getattr(r, name) for name in _REMOVED_FIELDS} for r in doc.removed],
        "meta": {k: m.to_dict() for k, m in doc.meta.items()},
        "title": _meta_text(doc, "title"), "publisher": _meta_text(doc, "publisher"),
        "published": _meta_text(doc, "published"),
        "published_how": published.how if published is not None else None,
        "language": _meta_text(doc, "language"),
        "words": doc.words, "removed_count": len(doc.removed),
    }


def row_document(row: Mapping[Any, Any]) -> Document:
    return Document(
        id=row["id"], source=row["source"], raw=row["raw"], text=row["text"],
        offsets=OffsetMap.from_list(row["offsets"]), media_type=row["media_type"],
        removed=tuple(RemovedLine(**r) for r in row["removed"]),
        meta={k: MetaField.from_dict(d) for k, d in row["meta"].items()},
    )


def _field_names(cls: type[Span]) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.name not in _BASE_FIELDS)


@functools.cache
def _known_attr_names() -> dict[type[Span], tuple[str, ...]]:
    return {cls: _field_names(cls) for cls in SPAN_KINDS.values()}


def attr_names(cls: type[Span]) -> tuple[str, ...]:
    """The kind-specific field names, as Span.attrs() finds them but without a fields() call per span."""
    names = _known_attr_names().get(cls)
    return names if names is not None else _field_names(cls)


def _tuples(value: Any) -> Any:
    """JSON gives lists; the model's sequence fields are tuples (of tuples)."""
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    return value


def row_span(row: Mapping[Any, Any]) -> Span:
    """Rebuild a span as its kind's class; attrs the class no longer has are dropped."""
    cls = SPAN_KINDS.get(row["kind"], Span)
    known = attr_names(cls)
    attrs = {k: _tuples(v) for k, v in (row["attrs"] or {}).items() if k in known}
    return cls(doc_id=row["doc_id"], start=row["start"], end=row["end"], text=row["text"],
               label=row["label"], rule_id=row["rule_id"], confidence=row["confidence"], **attrs)
