"""User-given metadata: sidecar files, a manifest CSV, a JSONL record's own fields.

Every value comes out as a `MetaField` with how="given" and `source` naming where it
came from. Values are tidied (whitespace, a language tag's primary subtag, a date to
ISO 8601) but never guessed: a date we cannot read is reported, not invented.
"""

from __future__ import annotations

import csv
import email.utils
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from accordwatch.ingest.errors import IngestError
from accordwatch.model import MetaField

# Accepted field names, each with the metadata key it fills.
FIELD_ALIASES: dict[str, str] = {
    "url": "url", "link": "url",
    "title": "title", "headline": "title",
    "publisher": "publisher", "source": "publisher", "site": "publisher", "sitename": "publisher",
    "published": "published", "date": "published",
    "language": "language", "lang": "language",
    "author": "author", "authors": "author",
}

# Unambiguous human date formats people type in spreadsheets and sidecars (day-month
# order only where a month name or dots make it certain).
_DATE_FORMATS = ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d", "%d.%m.%Y")
_LANGUAGE_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")


def normalise_date(value: str) -> str | None:
    """ISO 8601 for a date we can read without guessing (YYYY-MM-DD, or full ISO with a time), else None."""
    text = value.strip()
    if len(text) == 10:
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    try:
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def normalise_language(value: str) -> str:
    """A BCP 47 tag's primary subtag in lower case ("en-GB" -> "en"); other values as given."""
    text = value.strip()
    match = _LANGUAGE_TAG.match(text)
    return match.group(1).lower() if match else text


def _as_text(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str | int | float):
        return " ".join(str(value).split())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "; ".join(" ".join(v.split()) for v in value if v.strip())
    return None


def given_fields(record: Mapping[str, Any], source: str) -> tuple[dict[str, MetaField], list[str]]:
    """MetaFields (how="given") from a mapping of user fields, and the problems found in it.

    Unknown fields are ignored; an absent or empty field is simply absent metadata. Where
    two aliases fill the same key (say "published" and "date"), the canonical name wins.
    """
    meta: dict[str, MetaField] = {}
    problems: list[str] = []
    for name in sorted(record, key=lambda n: (FIELD_ALIASES.get(n.strip().lower()) != n.strip().lower(), n)):
        key = FIELD_ALIASES.get(name.strip().lower())
        if key is None or key in meta or record[name] is None:
            continue
        text = _as_text(record[name])
        if text is None:
            problems.append(f"field {name!r} is not text")
            continue
        if not text:
            continue
        if key == "published":
            iso = normalise_date(text)
            if iso is None:
                problems.append(f"field {name!r}: {text!r} is not a date we can read (use YYYY-MM-DD)")
                continue
            text = iso
        elif key == "language":
            text = normalise_language(text)
        meta[key] = MetaField(text, "given", source)
    return meta, problems


def merge_meta(*layers: Mapping[str, MetaField]) -> dict[str, MetaField]:
    """Merge metadata layers, the first given layer winning over later ones."""
    merged: dict[str, MetaField] = {}
    for layer in reversed(layers):
        merged.update(layer)
    return merged


def sidecar_for(path: Path) -> Path | None:
    """`a.txt.meta.json` (the more specific name) or else `a.meta.json`, where one exists."""
    for candidate in (path.with_name(path.name + ".meta.json"), path.with_name(path.stem + ".meta.json")):
        if candidate.is_file():
            return candidate
    return None


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(".meta.json")


def read_sidecar(path: Path) -> tuple[dict[str, MetaField], list[IngestError]]:
    """A sidecar's fields; a sidecar we cannot read gives an error and no metadata.

    The document itself still goes in: its text is fine, and losing it over a typo in
    its metadata would be worse than ingesting it with the metadata missing.
    """
    try:
        record = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [IngestError(str(path), f"cannot read metadata sidecar: {exc}")]
    except json.JSONDecodeError as exc:
        return {}, [IngestError(str(path), f"malformed metadata sidecar (invalid JSON: {exc}); "
                                           "the document goes in without it")]
    if not isinstance(record, dict):
        return {}, [IngestError(str(path), "malformed metadata sidecar (not a JSON object); "
                                           "the document goes in without it")]
    meta, problems = given_fields(record, "sidecar")
    return meta, [IngestError(str(path), p) for p in problems]


@dataclass(frozen=True)
class Manifest:
    """Metadata rows of a manifest CSV, keyed by absolute path or by URL, in row order."""

    path: Path
    rows: dict[str, dict[str, MetaField]] = field(default_factory=dict)

    def for_path(self, path: Path) -> dict[str, MetaField]:
        if not self.rows:
            return {}
        return self.rows.get(str(path.resolve()), {})

    def for_url(self, url: str) -> dict[str, MetaField]:
        return self.rows.get(url) or self.rows.get(url.rstrip("/"), {})

    def entries(self) -> list[str]:
        """What the manifest lists (absolute paths and URLs), for ingesting a manifest alone."""
        return list(self.rows)


def load_manifest(path: Path) -> tuple[Manifest, list[IngestError]]:
    """Read a manifest CSV (columns path or url, title, publisher, published, language, author)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return Manifest(path), [IngestError(str(path), f"cannot read manifest: {exc}")]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = {(c or "").strip().lower() for c in reader.fieldnames or ()}
    if not columns & {"path", "url"}:
        return Manifest(path), [IngestError(str(path), "manifest has neither a 'path' nor a 'url' column")]
    rows: dict[str, dict[str, MetaField]] = {}
    errors: list[IngestError] = []
    for number, row in enumerate(reader, start=2):
        where = f"{path}#{number}"
        clean = {(k or "").strip().lower(): v for k, v in row.items() if isinstance(v, str)}
        key = _manifest_key(path.parent, clean)
        if key is None:
            errors.append(IngestError(where, "manifest row has neither a path nor a URL"))
            continue
        meta, problems = given_fields({k: v for k, v in clean.items() if k != "path"}, "manifest")
        errors.extend(IngestError(where, p) for p in problems)
        rows[key] = meta
    return Manifest(path, rows), errors


def _manifest_key(base: Path, row: Mapping[str, str]) -> str | None:
    if row.get("path", "").strip():
        return str((base / row["path"].strip()).resolve())
    url = row.get("url", "").strip()
    return url.rstrip("/") if url else None


def feed_entry_fields(entry: Mapping[str, Any], feed_title: str | None) -> dict[str, MetaField]:
    """Given metadata from an RSS/Atom item (feedparser's entry dict)."""
    record: dict[str, Any] = {k: entry.get(k) for k in ("title", "link", "author")}
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        year, month, day, hour, minute, second = stamp[:6]  # feedparser gives UTC
        record["published"] = datetime(year, month, day, hour, minute, second, tzinfo=UTC).isoformat()
    if feed_title:
        record["publisher"] = feed_title
    meta, _ = given_fields(record, "feed")
    return meta
