"""Writes the PDF fixtures of tests/ingest (run once; the outputs are committed).

    .venv/bin/python tests/resources/ingest/make_pdfs.py

The statement PDF is written by hand (two pages, Helvetica text lines, as a word
processor's "save as PDF" lays out a hard-wrapped statement); the others derive from it.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader, PdfWriter

HERE = Path(__file__).parent
PAGES = [
    [
        "Statement by the Ministry of Foreign Affairs",
        "on the initialling of the peace agreement",
        "",
        "On 8 August 2025 the Ministers for Foreign Affairs of Armenia and",
        "Azerbaijan initialled the text of the Agreement on the Establishment",
        "of Peace and Interstate Relations in Washington.",
    ],
    [
        "The Ministry welcomes the joint appeal to close the OSCE Minsk",
        "process within 90 days and calls on both sides to sign the text",
        "without further delay.",
        "Yerevan, 9 August 2025",
    ],
]


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _content_stream(lines: list[str]) -> bytes:
    ops = ["BT", "/F1 12 Tf", "14 TL", "72 760 Td"]
    for line in lines:
        ops.append(f"({_escape(line)}) Tj T*")
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


def statement_pdf() -> bytes:
    """A minimal valid PDF with a real text layer, cross-reference table and all."""
    n_pages = len(PAGES)
    page_ids = [4 + 2 * i for i in range(n_pages)]
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: f"<< /Type /Pages /Kids [{' '.join(f'{i} 0 R' for i in page_ids)}] /Count {n_pages} >>".encode(),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    for page_id, lines in zip(page_ids, PAGES, strict=True):
        stream = _content_stream(lines)
        objects[page_id] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {page_id + 1} 0 R >>").encode()
        objects[page_id + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    info_id = max(objects) + 1
    objects[info_id] = b"<< /Title (Statement on the initialling of the peace agreement) " \
                       b"/Author (Ministry of Foreign Affairs) /CreationDate (D:20250809101500+04'00') >>"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (info_id + 1)
    for number in range(1, info_id + 1):
        out += b"%010d 00000 n \n" % offsets[number]
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (info_id + 1, info_id, xref)
    return bytes(out)


def encrypted(data: bytes, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(__import__("io").BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    buffer = __import__("io").BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def main() -> None:
    statement = statement_pdf()
    (HERE / "statement.pdf").write_bytes(statement)
    (HERE / "encrypted.pdf").write_bytes(encrypted(statement, "secret"))
    (HERE / "restricted.pdf").write_bytes(encrypted(statement, ""))
    # Cut in the middle of the first page's content stream: no xref, no trailer.
    (HERE / "truncated.pdf").write_bytes(statement[: len(statement) // 3])


if __name__ == "__main__":
    main()
