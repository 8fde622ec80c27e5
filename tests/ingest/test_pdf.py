"""PDF files: the text layer with its hard wraps, page breaks as blank lines, clear errors."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from pypdf import PdfWriter

from accordwatch.model import MetaField
from tests.ingest.helpers import ingest


def test_text_layer_pages_and_hard_wraps(resources: Path):
    path = resources / "statement.pdf"
    (doc,), errors = ingest(path)
    assert errors == [] and doc.media_type == "pdf"
    first, second = doc.raw.split("\n\n")
    assert first.startswith("Statement by the Ministry of Foreign Affairs\n")
    assert "Ministers for Foreign Affairs of Armenia and\nAzerbaijan initialled" in first  # wrap kept
    assert second.endswith("Yerevan, 9 August 2025")
    assert doc.id == hashlib.sha256(path.read_bytes()).hexdigest()


def test_document_information_is_read_metadata(resources: Path):
    (doc,), _ = ingest(resources / "statement.pdf")
    title = "Statement on the initialling of the peace agreement"
    assert doc.meta["title"] == MetaField(title, "read", "pdf-meta")
    assert doc.meta["author"].value == "Ministry of Foreign Affairs"
    published = doc.meta["published"]
    assert published.value == "2025-08-09" and published.how == "read" and published.confidence < 1


def test_owner_restricted_pdf_opens_with_empty_password(resources: Path):
    (restricted,), errors = ingest(resources / "restricted.pdf")
    (plain,), _ = ingest(resources / "statement.pdf")
    assert errors == [] and restricted.raw == plain.raw
    assert restricted.id != plain.id  # different bytes, different input


def test_password_protected_pdf_is_an_error(resources: Path):
    docs, errors = ingest(resources / "encrypted.pdf")
    assert docs == [] and errors[0].reason == "encrypted PDF (it needs a password to open)"
    assert errors[0].source == str(resources / "encrypted.pdf")


def test_broken_pdfs_are_errors(resources: Path, tmp_path: Path):
    (tmp_path / "not-a-pdf.pdf").write_text("Statement of the Ministry\n")
    (tmp_path / "truncated.pdf").write_bytes((resources / "truncated.pdf").read_bytes())
    (tmp_path / "zero.pdf").write_bytes(b"")
    docs, errors = ingest(tmp_path)
    assert docs == []
    reasons = {Path(e.source).name: e.reason for e in errors}
    assert reasons["not-a-pdf.pdf"] == "broken PDF (no %PDF- header)"
    assert reasons["truncated.pdf"].startswith("broken PDF (")
    assert reasons["zero.pdf"] == "empty file"


def test_pdf_without_text_layer_is_an_error(tmp_path: Path):
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.add_blank_page(612, 792)
    buffer = io.BytesIO()
    writer.write(buffer)
    (tmp_path / "scan.pdf").write_bytes(buffer.getvalue())
    docs, errors = ingest(tmp_path / "scan.pdf")
    assert docs == [] and errors[0].reason == "PDF has no text layer (2 pages; a scan needs OCR first)"


def test_fixture_matches_its_generator(resources: Path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_pdfs", resources / "make_pdfs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.statement_pdf() == (resources / "statement.pdf").read_bytes()
