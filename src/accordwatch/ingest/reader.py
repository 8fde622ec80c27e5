"""read_inputs: paths, folders, stdin and URLs in, RawInputs and IngestErrors out, in a stable order.

What is read, by how it is named:

- a folder: every .txt .md .html .htm .pdf .jsonl file under it (extensions in any
  case), recursively, sorted by name code point by code point, folders and files
  together, so the order is the same on every machine. Other files are skipped
  silently, as are hidden files and folders, symlinked folders (no loops),
  `*.meta.json` sidecars, and a corpus's own documentation (README.*, LICENSE.*,
  COPYING.*, in any case): they describe the documents, they are not documents.
- a file named explicitly: read by its extension; with an unknown extension it is
  sniffed (a PDF header, an HTML start tag) and otherwise read as text, so that a
  binary file gives a "binary file" error rather than being skipped without a word.
- `-`: standard input, read as text.
- an http(s) URL: fetched; a feed stands for its items' links.
- no paths but a manifest: what the manifest lists.

Sizes: a file over `max_bytes` is refused before it is read; for JSONL the cap holds
for each line (each line is one document), so a large export still goes in.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Literal, TextIO

from accordwatch.ingest.decode import decode_bytes
from accordwatch.ingest.errors import IngestError, InputProblem
from accordwatch.ingest.html import read_html
from accordwatch.ingest.jsonl import read_jsonl
from accordwatch.ingest.meta import (
    Manifest,
    feed_entry_fields,
    is_sidecar,
    load_manifest,
    merge_meta,
    read_sidecar,
    sidecar_for,
)
from accordwatch.ingest.pdf import read_pdf
from accordwatch.ingest.web import DEFAULT_TIMEOUT, Response, feed_items, fetch, is_url, kind_of
from accordwatch.model import MetaField, RawInput, content_hash

DEFAULT_MAX_BYTES = 50 * 2**20
Kind = Literal["text", "html", "pdf", "jsonl"]
KINDS_BY_SUFFIX: dict[str, Kind] = {
    ".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".pdf": "pdf", ".jsonl": "jsonl",
}
# Reading a file: O_NONBLOCK, so that a FIFO named as a document does not hang the run (it is
# refused as not a regular file once open); O_BINARY where the system has it (Windows).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
# Files a corpus folder carries about itself (matched on the name before its first dot).
_CORPUS_DOCUMENTATION = frozenset({"readme", "license", "licence", "copying"})


def read_inputs(paths: Iterable[str], *, manifest: Path | None = None, stdin: TextIO | BinaryIO | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT
                ) -> Iterator[RawInput | IngestError]:
    """Every input named in `paths` as RawInputs, and one IngestError for each problem met on the way."""
    listing = Manifest(Path())
    if manifest is not None:
        listing, errors = load_manifest(Path(manifest))
        yield from errors
    names = [os.fspath(p) for p in paths]  # Path objects are welcome too
    if not names and manifest is not None:
        names = listing.entries()
    for name in names:
        if name == "-":
            yield _read_stdin(stdin, max_bytes)
        elif is_url(name):
            yield from _read_url(name, listing, max_bytes, timeout)
        else:
            yield from _read_path(Path(name), listing, max_bytes)


def _read_path(path: Path, listing: Manifest, max_bytes: int) -> Iterator[RawInput | IngestError]:
    try:
        is_folder = path.is_dir()
    except OSError as exc:
        yield IngestError(str(path), _os_reason(exc))
        return
    if not is_folder:
        kind = KINDS_BY_SUFFIX.get(path.suffix.lower())
        yield from _read_file(path, kind, listing, max_bytes, None if is_sidecar(path) else sidecar_for(path))
        return
    for found in _walk(path):
        if isinstance(found, IngestError):
            yield found
        else:
            file, sidecar = found
            yield from _read_file(file, KINDS_BY_SUFFIX[file.suffix.lower()], listing, max_bytes, sidecar)


def _walk(folder: Path) -> Iterator[tuple[Path, Path | None] | IngestError]:
    """Document files under `folder` with their sidecars, recursively, sorted by name; an unreadable
    folder is an error."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield IngestError(str(folder), _os_reason(exc))
        return
    listing = _FolderListing(folder, entries)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif _is_document_name(entry.name) and entry.is_file():
            path = Path(entry.path)
            yield path, listing.sidecar_for(path, entry.name)


class _FolderListing:
    """A folder's entries by name, to find sidecars without a stat call per candidate name."""

    def __init__(self, folder: Path, entries: list[os.DirEntry]):
        self.entries = {entry.name: entry for entry in entries}
        # Only sidecar names ask for a look at the file system when the listing has no exact match
        # (a case-insensitive file system matches names the listing spells differently).
        self.lower_sidecars = {name.lower() for name in self.entries if name.lower().endswith(".meta.json")}

    def sidecar_for(self, path: Path, name: str) -> Path | None:
        """What meta.sidecar_for(path) finds, for a file of this folder named `name` (a document
        name: it has a suffix, so its stem is what splitext leaves)."""
        for candidate in (name + ".meta.json", os.path.splitext(name)[0] + ".meta.json"):
            entry = self.entries.get(candidate)
            if entry is not None:
                if entry.is_file():
                    return path.with_name(candidate)
            elif candidate.lower() in self.lower_sidecars:
                return sidecar_for(path)
        return None


def _is_document_name(name: str) -> bool:
    lower = name.lower()
    suffix = os.path.splitext(lower)[1]
    return (suffix in KINDS_BY_SUFFIX and not lower.endswith(".meta.json")
            and lower.split(".", 1)[0] not in _CORPUS_DOCUMENTATION)


def _read_file(path: Path, kind: Kind | None, listing: Manifest, max_bytes: int, sidecar: Path | None
               ) -> Iterator[RawInput | IngestError]:
    source = str(path)
    if is_sidecar(path):
        yield IngestError(source, "a metadata sidecar, not a document (read with the document it names)")
        return
    side_meta, errors = read_sidecar(sidecar) if sidecar else ({}, [])
    given = merge_meta(listing.for_path(path), side_meta)  # manifest fields over sidecar fields
    yield from errors
    if kind == "jsonl":
        yield from _read_jsonl_file(path, given, max_bytes)
        return
    try:
        data = _read_bytes(path, max_bytes)
        yield document_from_bytes(source, data, kind or sniff_kind(data), given)
    except InputProblem as problem:
        yield IngestError(source, problem.reason)


def _read_jsonl_file(path: Path, given: dict[str, MetaField], max_bytes: int
                     ) -> Iterator[RawInput | IngestError]:
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield IngestError(str(path), _os_reason(exc))
        return
    with stream:
        yield from read_jsonl(path, stream, given, max_bytes)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; its size is checked before anything is read.

    One descriptor for the size check and the reading (open, fstat, read): a re-run over a stored
    corpus does little else than this for each file, and a buffered file object or a second look-up
    of the path by name cost more than the reading itself."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise InputProblem(_os_reason(exc)) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputProblem("not a regular file")
        if info.st_size > max_bytes:
            raise InputProblem(f"file too large ({info.st_size:,} bytes; the limit is {max_bytes:,})")
        # Ask for the size fstat gave (plus one, to notice growth): read(n) allocates n bytes up front.
        # Read on (to the end, or past the limit) when that is not what came: a file grown or shrunk
        # since, one that reports no size (/proc), a read cut short.
        data = os.read(fd, info.st_size + 1)
        while len(data) != info.st_size and len(data) <= max_bytes:
            more = os.read(fd, max_bytes + 1 - len(data))
            if not more:
                break
            data += more
    except OSError as exc:
        raise InputProblem(_os_reason(exc)) from exc
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise InputProblem(f"file too large (over the limit of {max_bytes:,} bytes)")
    return data


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return (exc.strerror or str(exc) or type(exc).__name__).lower()


def sniff_kind(data: bytes) -> Kind:
    """The kind of a file whose name does not tell: PDF and HTML by their first bytes, else text."""
    head = data[:2048]
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    response = Response("", "", None, head)
    return "html" if kind_of(response) == "html" else "text"


def document_from_bytes(source: str, data: bytes, kind: Kind, given: dict[str, MetaField], *,
                        url: str | None = None, charset: str | None = None) -> RawInput:
    """One RawInput from an input's bytes, or InputProblem."""
    if kind == "html":
        return read_html(source, data, given, url=url, charset=charset)
    if kind == "pdf":
        return read_pdf(source, data, given)
    return text_input(source, data, given, charset=charset)


def text_input(source: str, data: bytes, given: dict[str, MetaField], *,
               charset: str | None = None) -> RawInput:
    """A text input's RawInput: decoded, newlines normalised, identified by its content hash."""
    if not data:
        raise InputProblem("empty file")
    text = decode_bytes(data, charset)
    if not text.strip():
        raise InputProblem("empty file (whitespace only)")
    return RawInput(source=source, raw=text, id=content_hash(text), media_type="text", meta=dict(given))


def _read_stdin(stdin: TextIO | BinaryIO | None, max_bytes: int) -> RawInput | IngestError:
    stream = stdin if stdin is not None else sys.stdin
    binary = getattr(stream, "buffer", stream)
    try:
        data = binary.read(max_bytes + 1)
    except OSError as exc:
        return IngestError("-", _os_reason(exc))
    if isinstance(data, str):  # a text stream without a byte buffer (io.StringIO)
        data = data.encode("utf-8")
    if len(data) > max_bytes:
        return IngestError("-", f"standard input too large (over the limit of {max_bytes:,} bytes)")
    try:
        return text_input("-", data, {})
    except InputProblem as problem:
        return IngestError("-", problem.reason)


def _read_url(url: str, listing: Manifest, max_bytes: int, timeout: float
              ) -> Iterator[RawInput | IngestError]:
    try:
        response = fetch(url, max_bytes=max_bytes, timeout=timeout)
        if kind_of(response) != "feed":
            given = merge_meta(listing.for_url(url), {"url": MetaField(response.url, "given", "fetch")})
            yield _document_from_response(url, response, given)
            return
        feed_title, items = feed_items(response)
    except InputProblem as problem:
        yield IngestError(url, problem.reason)
        return
    for item in items:
        yield _read_feed_item(item, feed_title, listing, max_bytes, timeout)


def _read_feed_item(item: dict, feed_title: str | None, listing: Manifest, max_bytes: int, timeout: float
                    ) -> RawInput | IngestError:
    link = item["link"]
    given = merge_meta(listing.for_url(link), feed_entry_fields(item, feed_title))
    try:
        response = fetch(link, max_bytes=max_bytes, timeout=timeout)
        if kind_of(response) == "feed":
            raise InputProblem("a feed item's link is itself a feed (not followed)")
        return _document_from_response(link, response, given)
    except InputProblem as problem:
        return IngestError(link, problem.reason)


def _document_from_response(source: str, response: Response, given: dict[str, MetaField]
                            ) -> RawInput | IngestError:
    kind = kind_of(response)
    try:
        return document_from_bytes(source, response.body, kind if kind != "feed" else "text", given,
                                   url=response.url, charset=response.charset)
    except InputProblem as problem:
        return IngestError(source, problem.reason)
