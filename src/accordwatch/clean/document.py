"""clean_document: from a RawInput to a Document with clean text, offset map and read metadata."""

from __future__ import annotations

import unicodedata

from accordwatch.clean.assemble import build_text
from accordwatch.clean.boilerplate import CorpusContext, Verdict, find_boilerplate
from accordwatch.clean.dateline import find_date
from accordwatch.clean.htmlmain import outside_main_text
from accordwatch.clean.language import detect_language
from accordwatch.clean.lines import Unit, split_lines
from accordwatch.clean.unwrap import group_units
from accordwatch.model import Document, MetaField, RawInput, RemovedLine

# Without a prose paragraph to mark where the head ends, look for a dateline this far down.
_HEAD_UNITS_WITHOUT_BODY = 5


def clean_document(raw: RawInput, context: CorpusContext | None = None) -> Document:
    units = group_units(split_lines(raw.raw))
    given_title = raw.meta["title"].value if "title" in raw.meta else None
    verdict = find_boilerplate(units, context, given_title)
    removed = _removed_units(raw, units, verdict)
    kept = [u for i, u in enumerate(units) if i not in removed]
    text, offsets = build_text(kept, raw.raw)
    removed_lines = tuple(
        RemovedLine(line.start, line.end, line.text, reason)
        for i, reason in sorted(removed.items()) for line in units[i].lines
    )
    meta = {**_read_meta(units, verdict, removed, text), **raw.meta}  # given metadata always wins
    return Document(id=raw.id, source=raw.source, raw=raw.raw, text=text, offsets=offsets,
                    media_type=raw.media_type, removed=removed_lines, meta=meta)


def _removed_units(raw: RawInput, units: list[Unit], verdict: Verdict) -> dict[int, str]:
    main_text = raw.hints.get("main_text") if raw.media_type == "html" else None
    if not main_text:
        return verdict.removed
    keep: set[int] = set()
    if verdict.title is not None:  # trafilatura leaves out the headline and dateline; they are body
        keep.add(verdict.title)
        keep.update(i for i in range(verdict.title + 1, min(len(units), verdict.title + 4))
                    if find_date(units[i].text, whole_line=True))
    return outside_main_text(units, main_text, keep)


def _read_meta(units: list[Unit], verdict: Verdict, removed: dict[int, str], text: str) -> dict[str, MetaField]:
    meta: dict[str, MetaField] = {}
    language = detect_language(text)
    if language:
        meta["language"] = MetaField(language, "read", "lingua", "language of the clean text", 0.9)
    if verdict.title is not None and verdict.title not in removed:
        title = unicodedata.normalize("NFC", units[verdict.title].text)
        meta["title"] = MetaField(title, "read", "title-line", "headline-like line above the body", 0.8)
    published = _read_dateline(units, verdict, removed)
    if published is not None:
        meta["published"] = published
    return meta


def _read_dateline(units: list[Unit], verdict: Verdict, removed: dict[int, str]) -> MetaField | None:
    """A date that is a line of its own above the body, never a date from body prose."""
    end = verdict.body_start if verdict.body_start is not None else _HEAD_UNITS_WITHOUT_BODY
    for i in range(min(end, len(units))):
        if i in removed:
            continue
        found = find_date(units[i].text, whole_line=True)
        if found is not None:
            reason = f"dateline {units[i].text!r}: {found.stamp}"
            return MetaField(found.day, "read", "dateline", reason, 0.9)
    return None
