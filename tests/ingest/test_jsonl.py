"""JSON Lines: one document a line, the record's own fields as given metadata, bad lines reported."""

from __future__ import annotations

import json
from pathlib import Path

from accordwatch.model import MetaField, content_hash
from tests.ingest.helpers import ingest


def _texts(examples_dir: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(examples_dir.glob("*.txt"))]


def test_each_line_is_a_document_with_its_fields(examples_dir: Path, tmp_path: Path):
    texts = _texts(examples_dir)
    records = [
        {"text": texts[0], "title": "Foreign Ministry statement", "url": "https://example.org/a",
         "publisher": "MFA", "published": "2025-11-07", "language": "en", "author": "Press service"},
        {"content": texts[1], "source": "Azatutyun", "date": "Fri, 07 Nov 2025 14:05:00 GMT", "lang": "EN"},
        {"body": texts[2], "site": "Aggregator"},
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    docs, errors = ingest(path)
    assert errors == []
    assert [d.source for d in docs] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    assert [d.raw for d in docs] == texts[:3]
    assert [d.id for d in docs] == [content_hash(t) for t in texts[:3]]  # as the .txt files: same documents
    assert {k: m.value for k, m in docs[0].meta.items()} == {
        "title": "Foreign Ministry statement", "url": "https://example.org/a", "publisher": "MFA",
        "published": "2025-11-07", "language": "en", "author": "Press service"}
    assert docs[1].meta["publisher"] == MetaField("Azatutyun", "given", "jsonl")
    assert docs[1].meta["published"].value == "2025-11-07T14:05:00+00:00"
    assert docs[1].meta["language"].value == "en"
    assert docs[2].meta == {"publisher": MetaField("Aggregator", "given", "jsonl")}


def test_bad_lines_are_reported_and_the_others_go_in(examples_dir: Path, tmp_path: Path):
    texts = _texts(examples_dir)
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"text": texts[0]}),
        '{"text": "unterminated',
        "",
        json.dumps({"title": "no text here"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "  \n "}),
        json.dumps({"text": texts[4], "published": "last week"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = ingest(path)
    assert [d.source for d in docs] == [f"{path}#1", f"{path}#7"]
    assert "published" not in docs[1].meta
    assert [(e.source.rsplit("#", 1)[1], e.reason) for e in errors] == [
        ("2", "invalid JSON line (Unterminated string starting at: column 10)"),
        ("4", "record has no text (expected one of: text, content, body)"),
        ("5", "JSON line is a list, not an object"),
        ("6", "record's 'text' is empty"),
        ("7", "field 'published': 'last week' is not a date we can read (use YYYY-MM-DD)"),
    ]


def test_sidecar_and_manifest_apply_to_every_record_and_win(examples_dir: Path, tmp_path: Path):
    texts = _texts(examples_dir)
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps({"text": t, "publisher": "record", "title": f"T{i}"})
                              for i, t in enumerate(texts[:2])), encoding="utf-8")
    (tmp_path / "feed.meta.json").write_text('{"publisher": "sidecar", "language": "en"}')
    (tmp_path / "m.csv").write_text("path,language\nfeed.jsonl,ru\n")
    docs, errors = ingest(path, manifest=tmp_path / "m.csv")
    assert errors == [] and len(docs) == 2  # no newline at the end of the last line is fine
    for i, doc in enumerate(docs):
        assert doc.meta["publisher"] == MetaField("sidecar", "given", "sidecar")
        assert doc.meta["language"] == MetaField("ru", "given", "manifest")
        assert doc.meta["title"] == MetaField(f"T{i}", "given", "jsonl")


def test_size_cap_holds_for_each_line(examples_dir: Path, tmp_path: Path):
    texts = _texts(examples_dir)
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(json.dumps({"text": t}) for t in texts) + "\n", encoding="utf-8")
    limit = 4000  # texts 0 and 1 are longer, 2, 3, 4 shorter
    docs, errors = ingest(path, max_bytes=limit)
    assert [d.raw for d in docs] == [t for t in texts if len(json.dumps({"text": t})) < limit]
    assert [e.reason for e in errors] == [f"line too long (over {limit} bytes)"] * 2
    assert [e.source for e in errors] == [f"{path}#1", f"{path}#2"]


def test_non_utf8_line_is_reported(tmp_path: Path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "Talks in Yerevan"}\n{"text": "Gen\xe8ve talks"}\n')
    docs, errors = ingest(path)
    assert [d.raw for d in docs] == ["Talks in Yerevan"]
    assert errors[0].source == f"{path}#2" and errors[0].reason.startswith("not UTF-8 text")
