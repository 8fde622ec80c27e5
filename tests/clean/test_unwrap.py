"""Hard-wrapped PDF text is joined into paragraphs; ordinary texts are never joined."""

from __future__ import annotations

import pytest

from accordwatch.clean import clean_document
from accordwatch.clean.lines import split_lines
from accordwatch.clean.unwrap import is_hard_wrapped
from accordwatch.model import RawInput, content_hash
from tests.conftest import EXAMPLES, shared_path

STATEMENT = EXAMPLES / "003_c88e3f99b0bcf915.txt"


def _raw(text: str, source: str = "t.txt") -> RawInput:
    return RawInput(source=source, raw=text, id=content_hash(text))


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def _check_statement(text: str) -> None:
    lines = text.split("\n")
    assert any("organized in Moscow on 25 May with a view" in line for line in lines)
    assert "On the trilateral meeting of the Ministers for Foreign Affairs of Russia, Azerbaijan and Armenia" in lines
    paragraphs = _paragraphs(text)
    assert paragraphs[1] == "Mr. Chairperson,"
    assert paragraphs[-1] == "Thank you for your attention."
    assert any(p.startswith("The Russian side emphasized the need for the Lachin corridor") for p in paragraphs)
    assert 7 <= len(paragraphs) <= 10


def test_statement_from_pdf_is_unwrapped():
    doc = clean_document(_raw(STATEMENT.read_text(encoding="utf-8")))
    _check_statement(doc.text)
    assert doc.removed == ()


def test_text_layer_without_blank_lines_between_wrapped_lines():
    """The same statement as a PDF text layer: wrapped lines adjacent, one blank line between paragraphs."""
    raw = STATEMENT.read_text(encoding="utf-8")
    layer = "\n".join(line for line in raw.split("\n") if line != "")
    layer = "\n".join("" if not line.strip() else line for line in layer.split("\n"))
    doc = clean_document(_raw(layer))
    _check_statement(doc.text)


def test_text_layer_without_any_blank_line():
    raw = STATEMENT.read_text(encoding="utf-8")
    layer = "\n".join(line for line in raw.split("\n") if line.strip())
    doc = clean_document(_raw(layer))
    assert any("organized in Moscow on 25 May with a view" in line for line in doc.text.split("\n"))
    assert "Thank you for your attention." in doc.text.split("\n")


@pytest.mark.parametrize("name", ["000_c05b379aa9dd4fa4.txt", "001_407ee6a12cab09b6.txt",
                                  "002_751325e4c2f49006.txt", "004_ec0d9550f335e1a4.txt"])
def test_one_paragraph_a_line_is_not_joined(name):
    raw = (EXAMPLES / name).read_text(encoding="utf-8")
    assert not is_hard_wrapped(split_lines(raw))
    doc = clean_document(_raw(raw))
    kept = [line.strip() for line in raw.split("\n") if line.strip()]
    removed = [r.text for r in doc.removed]
    assert [line for line in doc.text.split("\n") if line] == [line for line in kept if line not in removed]


def test_bbc_texts_are_not_joined():
    corpus = shared_path("corpus", "bbc")
    paths = sorted(p for p in corpus.glob("*.txt") if p.name != "README.TXT")[::10]
    wrapped = [p.name for p in paths if is_hard_wrapped(split_lines(p.read_text(encoding="utf-8")))]
    assert wrapped == []


def test_short_lines_of_a_list_are_not_joined():
    text = "Agenda of the meeting\n\nborder delimitation\ntransport links\nreturn of detainees\nmine clearance\n" \
           "humanitarian access\n"
    doc = clean_document(_raw(text))
    assert "transport links\nreturn of detainees" in doc.text


def test_hyphenated_word_at_line_end_joins():
    width = "x" * 40
    text = "\n".join([
        f"The commission agreed on the delimi- {width}",
        f"tation of the border along the northern {width}",
        f"section and on a timetable for the next {width}",
        f"meeting of experts in the capital city {width}",
        f"of the host country before the end of {width}",
        "the year.",
    ])
    assert is_hard_wrapped(split_lines(text))
    doc = clean_document(_raw(text))
    assert "\n" not in doc.text
