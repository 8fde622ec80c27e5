"""Bad input: each problem is one IngestError line naming the input, and the batch goes on."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from accordwatch.model import MetaField
from tests.ingest.helpers import ingest


@pytest.fixture
def story(examples_dir: Path) -> bytes:
    return (examples_dir / "004_ec0d9550f335e1a4.txt").read_bytes()


def test_empty_and_whitespace_only_files(tmp_path: Path, story: bytes):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_blank.md").write_text(" \n\t\r\n \u3000\n")
    (tmp_path / "c_story.txt").write_bytes(story)
    docs, errors = ingest(tmp_path)
    assert [Path(d.source).name for d in docs] == ["c_story.txt"]
    assert [(Path(e.source).name, e.reason) for e in errors] == [
        ("a_empty.txt", "empty file"), ("b_blank.md", "empty file (whitespace only)")]


def test_binary_file(tmp_path: Path, story: bytes):
    (tmp_path / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    (tmp_path / "story.txt").write_bytes(story)
    (tmp_path / "archive.zip").write_bytes(b"PK\x03\x04\x14\x00")
    docs, errors = ingest(tmp_path / "photo.txt", tmp_path / "archive.zip", tmp_path / "story.txt")
    assert len(docs) == 1
    assert [e.reason for e in errors] == [
        "binary file (NUL bytes at offset 4)", "binary file (NUL bytes at offset 5)"]


def test_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path, story: bytes, monkeypatch):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:  # sparse: 100 MB that take no disk and no time to make
        stream.truncate(100 * 2**20)
    (tmp_path / "story.txt").write_bytes(story)
    asked: list[int] = []  # what each read asked for (read(n) allocates n bytes up front)
    real_read = os.read

    def recording_read(fd, n):
        asked.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", recording_read)
    docs, errors = ingest(tmp_path)
    assert [Path(d.source).name for d in docs] == ["story.txt"]
    assert [(Path(e.source).name, e.reason) for e in errors] == [
        ("huge.txt", "file too large (104,857,600 bytes; the limit is 52,428,800)")]
    assert asked == [len(story) + 1]  # the story's bytes, and nothing of the huge file


def test_missing_and_unreadable_paths(tmp_path: Path, story: bytes, monkeypatch):
    (tmp_path / "locked.txt").write_bytes(story)
    (tmp_path / "open.txt").write_bytes(story)
    real_open = os.open

    def guarded_open(path, *args, **kwargs):  # tests run as root, where chmod 000 does not lock a file
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    docs, errors = ingest(tmp_path / "missing.txt", tmp_path / "locked.txt", tmp_path / "nowhere", tmp_path)
    assert [Path(d.source).name for d in docs] == ["open.txt"]
    assert [(Path(e.source).name, e.reason) for e in errors] == [
        ("missing.txt", "no such file or directory"),
        ("locked.txt", "permission denied"),
        ("nowhere", "no such file or directory"),
        ("locked.txt", "permission denied"),
    ]


def test_folder_named_like_a_file_is_walked(tmp_path: Path, story: bytes):
    folder = tmp_path / "looks-like.txt"
    folder.mkdir()
    (folder / "inner.txt").write_bytes(story)
    docs, errors = ingest(folder)
    assert errors == [] and [Path(d.source).name for d in docs] == ["inner.txt"]


def test_special_file_is_not_read(tmp_path: Path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    docs, errors = ingest(fifo)  # would block for ever if it were opened for reading in blocking mode
    assert docs == [] and errors[0].reason == "not a regular file"


def test_malformed_sidecar_is_reported_and_the_document_goes_in_without_it(tmp_path: Path,
                                                                           story: bytes):
    (tmp_path / "a.txt").write_bytes(story)
    (tmp_path / "a.meta.json").write_text('{"title": "Putin on peacekeepers",')
    (tmp_path / "b.txt").write_bytes(story + b"\nUpdated.")
    (tmp_path / "b.meta.json").write_text('["not", "an", "object"]')
    (tmp_path / "c.txt").write_bytes(story + b"\nUpdated again.")
    (tmp_path / "c.meta.json").write_text('{"title": ["a", 1], "published": "soon", "publisher": "TASS"}')
    docs, errors = ingest(tmp_path)
    assert [Path(d.source).name for d in docs] == ["a.txt", "b.txt", "c.txt"]
    assert docs[0].meta == {} and docs[1].meta == {}
    # A bad field costs only itself.
    assert docs[2].meta == {"publisher": MetaField("TASS", "given", "sidecar")}
    assert [(Path(e.source).name, e.reason.split(" (")[0]) for e in errors] == [
        ("a.meta.json", "malformed metadata sidecar"),
        ("b.meta.json", "malformed metadata sidecar"),
        ("c.meta.json", "field 'published': 'soon' is not a date we can read"),
        ("c.meta.json", "field 'title' is not text"),
    ]


def test_sidecar_named_as_input_is_not_a_document(tmp_path: Path):
    (tmp_path / "a.meta.json").write_text('{"title": "x"}')
    docs, errors = ingest(tmp_path / "a.meta.json")
    assert docs == [] and errors[0].reason.startswith("a metadata sidecar, not a document")


def test_empty_stdin():
    docs, errors = ingest("-", stdin=io.BytesIO(b"  \n"))
    assert docs == [] and (errors[0].source, errors[0].reason) == ("-", "empty file (whitespace only)")


def test_one_bad_input_of_each_kind_in_one_batch(tmp_path: Path, resources: Path, story: bytes):
    (tmp_path / "1.txt").write_bytes(b"\x00\x01")
    (tmp_path / "2.html").write_text("<script>only()</script>")
    (tmp_path / "3.pdf").write_bytes((resources / "encrypted.pdf").read_bytes())
    (tmp_path / "4.jsonl").write_text('{"text": "Ceasefire holds."}\nnot json\n')
    (tmp_path / "5.txt").write_bytes(story)
    docs, errors = ingest(tmp_path)
    assert [Path(d.source).name for d in docs] == ["4.jsonl#1", "5.txt"]
    assert [Path(e.source).name for e in errors] == ["1.txt", "2.html", "3.pdf", "4.jsonl#2"]


def test_a_read_cut_short_is_read_on_to_the_end(monkeypatch, story: bytes, tmp_path: Path):
    """A read may return fewer bytes than asked for (a network file system, a read over 2 GiB on
    Linux): the file is read to its end all the same."""
    path = tmp_path / "a.txt"
    path.write_bytes(story)
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: real_read(fd, min(n, 7)))
    docs, errors = ingest(path)
    assert errors == [] and docs[0].raw == story.decode("utf-8")


def test_a_file_that_reports_no_size_is_read_whole():
    status = Path("/proc/self/status")
    if not status.exists() or os.stat(status).st_size != 0:
        pytest.skip("needs Linux's /proc, whose files report a size of 0")
    docs, errors = ingest(status)
    assert errors == [] and docs[0].raw.startswith("Name:") and "\nPid:" in docs[0].raw
