"""PDF files: the text layer, page by page, as pypdf lays it out.

Hard wraps stay as they are (cleaning joins them and keeps the offsets); pages are
joined with a blank line. An encrypted PDF that opens with the empty password (owner
restrictions only) is read; one that needs a password is reported, as is a PDF pypdf
cannot parse or one with no text layer at all (a scan).
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

from accordwatch.ingest.decode import normalise_newlines
from accordwatch.ingest.errors import InputProblem
from accordwatch.ingest.meta import merge_meta, normalise_date
from accordwatch.model import MetaField, RawInput

PAGE_SEPARATOR = "\n\n"
# Titles that PDF producers write in place of a real one.
_JUNK_TITLE = re.compile(r"^(microsoft (word|powerpoint) - |untitled)|\.(docx?|odt|rtf|pdf|pptx?)$",
                         re.IGNORECASE)
_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})(\d{2})")


def read_pdf(source: str, data: bytes, given: dict[str, MetaField]) -> RawInput:
    """A RawInput for a PDF's text layer, or InputProblem (encrypted, broken, no text)."""
    if not data:
        raise InputProblem("empty file")
    with _quiet_pypdf():
        reader = _open(data)
        pages = [_page_text(page) for page in _pages(reader)]
        info = _document_info(reader)
    raw = normalise_newlines(PAGE_SEPARATOR.join(pages))
    if not raw.strip():
        raise InputProblem(f"PDF has no text layer ({len(pages)} pages; a scan needs OCR first)")
    return RawInput(source=source, raw=raw, id=hashlib.sha256(data).hexdigest(), media_type="pdf",
                    meta=merge_meta(given, info))


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs every repair it makes to a damaged file; one IngestError line is enough."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _open(data: bytes):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    if not data.lstrip()[:5].startswith(b"%PDF-"):
        raise InputProblem("broken PDF (no %PDF- header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputProblem("encrypted PDF (it needs a password to open)")
    except DependencyError as exc:
        raise InputProblem(f"encrypted PDF (cannot decrypt here: {exc})") from exc
    except FileNotDecryptedError as exc:
        raise InputProblem("encrypted PDF (it needs a password to open)") from exc
    except (PdfReadError, ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError) as exc:
        # pypdf raises many kinds of error on damaged files; all mean the same to a user.
        raise InputProblem(f"broken PDF ({exc or type(exc).__name__})") from exc
    return reader


def _pages(reader) -> list:
    from pypdf.errors import PdfReadError

    try:
        return list(reader.pages)
    except (PdfReadError, ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError) as exc:
        raise InputProblem(f"broken PDF (cannot read its pages: {exc or type(exc).__name__})") from exc


def _page_text(page) -> str:
    """One page's text; a page pypdf fails on counts as empty rather than losing the document."""
    try:
        return (page.extract_text() or "").strip("\n")
    except Exception:  # noqa: BLE001 - pypdf's text extraction can fail in many ways on one bad page
        return ""


def _document_info(reader) -> dict[str, MetaField]:
    """Title, author and creation date from the PDF's document information, where they look real."""
    try:
        info = reader.metadata or {}
    except Exception:  # noqa: BLE001 - a damaged info dictionary is only missing metadata
        return {}
    meta: dict[str, MetaField] = {}
    title = " ".join(str(info.get("/Title") or "").split())
    if title and not _JUNK_TITLE.search(title):
        meta["title"] = MetaField(title, "read", "pdf-meta")
    author = " ".join(str(info.get("/Author") or "").split())
    if author:
        meta["author"] = MetaField(author, "read", "pdf-meta")
    created = _PDF_DATE.match(str(info.get("/CreationDate") or ""))
    value = normalise_date("-".join(created.groups())) if created else None
    if value:
        # When the file was made, which is often but not always when it was published.
        meta["published"] = MetaField(value, "read", "pdf-meta", reason="PDF creation date", confidence=0.6)
    return meta
