"""Text files and folders: decoding, order, identity, sidecars, manifests, stdin."""

from __future__ import annotations

import io
import json
from pathlib import Path

from accordwatch.ingest import read_inputs
from accordwatch.model import RawInput, content_hash
from tests.conftest import shared_path
from tests.ingest.helpers import ingest


def test_reference_folder_gives_every_text_in_name_order(examples_dir: Path):
    docs, errors = ingest(examples_dir)
    assert errors == []
    names = [Path(d.source).name for d in docs]
    assert names == sorted(p.name for p in examples_dir.glob("*.txt"))  # NOTICE is the corpus's, skipped
    for doc in docs:
        text = Path(doc.source).read_text(encoding="utf-8")
        assert doc.raw == text  # exactly as written: junk lines and spacing are cleaning's business
        assert doc.id == content_hash(text)
        assert doc.media_type == "text" and doc.meta == {} and doc.hints == {}


def test_same_inputs_give_same_order_and_ids(examples_dir: Path, tmp_path: Path):
    nested = tmp_path / "b"
    nested.mkdir()
    for i, path in enumerate(sorted(examples_dir.glob("*.txt"))):
        target = nested if i % 2 else tmp_path
        (target / f"{4 - i}_{path.name}").write_bytes(path.read_bytes())
    first = [(d.source, d.id) for d in ingest(tmp_path)[0]]
    second = [(d.source, d.id) for d in ingest(tmp_path)[0]]
    assert first == second
    # Folders and files sorted together by name, recursively.
    rel = [Path(s).relative_to(tmp_path).as_posix()[:3] for s, _ in first]
    assert rel == ["0_0", "2_0", "4_0", "b/1", "b/3"]


def test_latin1_bbc_story_decodes_right():
    path = shared_path("corpus", "bbc", "sport_199.txt")
    (doc,), errors = ingest(path)
    assert errors == []
    assert "a £15.8m" in doc.raw  # the one non-ASCII byte, 0xA3, is a pound sign in Latin-1
    assert "\ufffd" not in doc.raw and "｣" not in doc.raw


def test_same_text_in_other_encodings_is_one_document(examples_dir: Path, tmp_path: Path):
    # Armenian script and curly quotes: more than one byte a character in UTF-8.
    text = (examples_dir / "001_407ee6a12cab09b6.txt").read_text(encoding="utf-8")
    variants = {
        "utf8.txt": text.encode("utf-8"),
        "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf16.txt": text.encode("utf-16"),  # with its byte-order mark
        "crlf.txt": text.replace("\n", "\r\n").encode("utf-8"),
        "cr.txt": text.replace("\n", "\r").encode("utf-8"),
    }
    for name, data in variants.items():
        (tmp_path / name).write_bytes(data)
    docs, errors = ingest(tmp_path)
    assert errors == [] and len(docs) == len(variants)
    assert {d.raw for d in docs} == {text}
    assert {d.id for d in docs} == {content_hash(text)}


def test_cp1252_text_decodes_to_the_same_document_as_utf8(tmp_path: Path):
    text = "Talks in Genève – the ministers’ “final” offer of €2m was rejected.\n" * 3
    (tmp_path / "a.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "b.txt").write_bytes(text.encode("utf-8"))
    docs, _ = ingest(tmp_path)
    assert [d.raw for d in docs] == [text, text]
    assert docs[0].id == docs[1].id


def test_markdown_and_unknown_extension_named_explicitly(tmp_path: Path, examples_dir: Path):
    text = (examples_dir / "004_ec0d9550f335e1a4.txt").read_text(encoding="utf-8")
    (tmp_path / "note.md").write_text(text, encoding="utf-8")
    (tmp_path / "note.text").write_text(text, encoding="utf-8")
    page = "<!DOCTYPE html><html><body><p>Talks resumed in Brussels.</p></body></html>"
    (tmp_path / "page.dat").write_text(page)
    docs, errors = ingest(tmp_path)
    assert errors == [] and [Path(d.source).name for d in docs] == ["note.md"]  # a folder skips unknown kinds
    docs, errors = ingest(tmp_path / "note.text", tmp_path / "page.dat")
    assert errors == []
    assert docs[0].raw == text and docs[0].media_type == "text"
    assert docs[1].media_type == "html" and docs[1].raw == "Talks resumed in Brussels."


def test_folder_walk_skips_hidden_sidecars_docs_and_symlinked_folders(tmp_path: Path, examples_dir: Path):
    source = examples_dir / "002_751325e4c2f49006.txt"
    (tmp_path / "a.txt").write_bytes(source.read_bytes())
    (tmp_path / "a.meta.json").write_text('{"publisher": "Example"}')
    (tmp_path / ".hidden.txt").write_bytes(source.read_bytes())
    (tmp_path / "README.TXT").write_text("This corpus holds one story.")
    (tmp_path / "LICENSE.md").write_text("Research use only.")
    (tmp_path / "data.csv").write_text("a,b\n1,2\n")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    docs, errors = ingest(tmp_path)
    assert errors == []
    assert [Path(d.source).name for d in docs] == ["a.txt"]
    assert docs[0].meta["publisher"].value == "Example"


def test_sidecar_fields_are_given_metadata(tmp_path: Path, examples_dir: Path):
    (tmp_path / "a.txt").write_bytes((examples_dir / "000_c05b379aa9dd4fa4.txt").read_bytes())
    (tmp_path / "a.meta.json").write_text(json.dumps({
        "url": " https://example.org/statement ", "title": "Foreign Ministry  statement",
        "publisher": "MFA of Russia", "published": "7 November 2025", "language": "en-US",
        "comment": "not a metadata field",
    }))
    (doc,), errors = ingest(tmp_path / "a.txt")
    assert errors == []
    assert {k: m.value for k, m in doc.meta.items()} == {
        "url": "https://example.org/statement", "title": "Foreign Ministry statement",
        "publisher": "MFA of Russia", "published": "2025-11-07", "language": "en",
    }
    assert {(m.how, m.source) for m in doc.meta.values()} == {("given", "sidecar")}


def test_more_specific_sidecar_name_wins(tmp_path: Path, examples_dir: Path):
    (tmp_path / "a.txt").write_bytes((examples_dir / "000_c05b379aa9dd4fa4.txt").read_bytes())
    (tmp_path / "a.meta.json").write_text('{"title": "generic"}')
    specific = '{"title": "specific", "published": "2025-11-07T13:52:00+03:00"}'
    (tmp_path / "a.txt.meta.json").write_text(specific)
    (doc,), _ = ingest(tmp_path / "a.txt")
    assert doc.meta["title"].value == "specific"
    assert doc.meta["published"].value == "2025-11-07T13:52:00+03:00"


def test_manifest_matches_relative_and_absolute_paths_and_wins_over_sidecar(tmp_path: Path,
                                                                            examples_dir: Path):
    texts = sorted(examples_dir.glob("*.txt"))[:3]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in texts:
        (corpus / path.name).write_bytes(path.read_bytes())
    (corpus / f"{texts[0].stem}.meta.json").write_text('{"title": "from sidecar", "language": "en"}')
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "\ufeffPath,Title,Publisher,Published,Language\n"  # Excel writes a BOM and capitalised headers
        f"corpus/{texts[0].name},From manifest,GlobalSecurity,2025-11-07,\n"
        f"{corpus / texts[1].name},Second,Azatutyun,\"Nov 7, 2025\",en\n",
        encoding="utf-8")
    docs, errors = ingest(corpus, manifest=manifest)
    assert errors == []
    first, second, third = docs
    assert first.meta["title"] == first.meta["title"].__class__("From manifest", "given", "manifest")
    assert first.meta["language"].source == "sidecar"  # the manifest leaves it empty: the sidecar's stands
    assert first.meta["published"].value == "2025-11-07"
    assert second.meta["publisher"].value == "Azatutyun" and second.meta["published"].value == "2025-11-07"
    assert third.meta == {}


def test_manifest_alone_lists_what_to_ingest(tmp_path: Path, examples_dir: Path):
    for path in sorted(examples_dir.glob("*.txt"))[:2]:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    names = sorted(p.name for p in tmp_path.glob("*.txt"))
    manifest = tmp_path / "m.csv"
    manifest.write_text(f"path,title\n{names[1]},Second\n{names[0]},First\n,No path\n")
    docs, errors = ingest(manifest=manifest)
    assert [d.meta["title"].value for d in docs] == ["Second", "First"]  # manifest order
    assert [(Path(e.source).name, e.reason) for e in errors] == [
        ("m.csv#4", "manifest row has neither a path nor a URL")]


def test_manifest_problems_are_reported_and_the_rest_goes_in(tmp_path: Path, examples_dir: Path):
    (tmp_path / "a.txt").write_bytes((examples_dir / "004_ec0d9550f335e1a4.txt").read_bytes())
    bad = tmp_path / "m.csv"
    bad.write_text("path,published\na.txt,sometime soon\n")
    docs, errors = ingest(tmp_path / "a.txt", manifest=bad)
    assert len(docs) == 1 and "published" not in docs[0].meta
    assert len(errors) == 1 and "sometime soon" in errors[0].reason and errors[0].source.endswith("m.csv#2")
    docs, errors = ingest(tmp_path / "a.txt", manifest=tmp_path / "missing.csv")
    assert len(docs) == 1 and errors[0].reason.startswith("cannot read manifest")


def test_stdin_text_and_bytes(examples_dir: Path):
    text = (examples_dir / "001_407ee6a12cab09b6.txt").read_text(encoding="utf-8")
    for stream in (io.StringIO(text), io.BytesIO(text.encode("utf-16")),
                   io.TextIOWrapper(io.BytesIO(text.replace("\n", "\r\n").encode("utf-8")))):
        (doc,), errors = ingest("-", stdin=stream)
        assert errors == [] and doc.source == "-" and doc.raw == text and doc.id == content_hash(text)


def test_bbc_corpus_counts():
    folder = shared_path("corpus", "bbc")
    out = list(read_inputs([str(folder)]))
    docs = [o for o in out if isinstance(o, RawInput)]
    assert len(out) == len(docs) == 2225  # README.TXT describes the corpus and is skipped
    assert len({d.id for d in docs}) == 2127  # 98 exact duplicates


def test_folder_walk_finds_the_sidecars_that_sidecar_for_finds(tmp_path: Path):
    """The walk answers sidecar_for from the folder's listing, without a stat call per candidate name."""
    from accordwatch.ingest.meta import sidecar_for
    from accordwatch.ingest.reader import _walk

    for name in ("both.txt", "specific.txt", "stem.txt", "none.txt", "dir.txt", "a.b.md", "page.html"):
        (tmp_path / name).write_text("A story.\n")
    for name in ("both.txt.meta.json", "both.meta.json", "specific.txt.meta.json", "stem.meta.json",
                 "a.b.meta.json", "page.html.meta.json"):
        (tmp_path / name).write_text("{}")
    (tmp_path / "dir.txt.meta.json").mkdir()  # not a file: no sidecar
    (tmp_path / "dir.meta.json").write_text("{}")
    found = {path.name: sidecar for path, sidecar in _walk(tmp_path)}
    assert len(found) == 7
    for name, sidecar in found.items():
        assert sidecar == sidecar_for(tmp_path / name), name
    assert found["dir.txt"] == tmp_path / "dir.meta.json" and found["none.txt"] is None
