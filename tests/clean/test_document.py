"""clean_document: offset map, Unicode, metadata read from the text, language, HTML main text."""

from __future__ import annotations

import unicodedata

import pytest

from accordwatch.clean import clean_document, detect_language
from accordwatch.clean.dateline import find_date
from accordwatch.model import Document, MetaField, RawInput, content_hash
from tests.conftest import EXAMPLES

REFERENCE = sorted(EXAMPLES.glob("*.txt"))


def _raw(text: str, source: str = "t.txt", **kwargs) -> RawInput:
    return RawInput(source=source, raw=text, id=content_hash(text), **kwargs)


def _joins(doc: Document) -> set[int]:
    """Clean offsets that are joins (inserted between copied segments)."""
    copied = {i for s in doc.offsets.segments for i in range(s.clean_start, s.clean_start + s.length)}
    return set(range(len(doc.text))) - copied


def _assert_offsets(doc: Document) -> None:
    joins = _joins(doc)
    for i, char in enumerate(doc.text):
        if i not in joins:
            assert doc.raw[doc.offsets.to_raw(i)] == char, (i, char)
    for i in joins:
        assert doc.text[i].isspace() or not unicodedata.is_normalized("NFC", doc.raw[doc.offsets.to_raw(i):][:4])


@pytest.mark.parametrize("path", REFERENCE, ids=lambda p: p.name[:3])
def test_offset_map_points_back_to_raw(path):
    raw = _raw(path.read_text(encoding="utf-8"), path.name)
    doc = clean_document(raw)
    assert doc.id == raw.id and doc.raw == raw.raw
    _assert_offsets(doc)


def test_nfc_keeps_offsets_of_other_characters():
    text = ("Talks in Gene\u0301ve\n\nThe delegations met in Gene\u0301ve on Monday and agreed a \u201cframework\u201d "
            "for the next round \u2014 officials said the talks would resume within weeks.\n")
    doc = clean_document(_raw(text))
    assert "Gen\u00e9ve" in doc.text and "\u0301" not in doc.text
    assert "\u201cframework\u201d" in doc.text and "\u2014" in doc.text  # typography kept as it is
    assert unicodedata.is_normalized("NFC", doc.text)
    _assert_offsets(doc)


def test_dateline_is_read_with_its_time():
    doc = clean_document(_raw((EXAMPLES / "000_c05b379aa9dd4fa4.txt").read_text(encoding="utf-8")))
    published = doc.meta["published"]
    assert (published.value, published.how, published.source) == ("2025-11-07", "read", "dateline")
    assert "2025-11-07T13:52" in published.reason


def test_date_in_body_prose_is_not_a_publication_date():
    for path in REFERENCE[1:]:  # the four texts without a dateline mention many dates in their prose
        doc = clean_document(_raw(path.read_text(encoding="utf-8")))
        assert "published" not in doc.meta, path.name


@pytest.mark.parametrize("path", REFERENCE, ids=lambda p: p.name[:3])
def test_language_and_title_are_read(path):
    doc = clean_document(_raw(path.read_text(encoding="utf-8")))
    assert doc.meta["language"].value == "en"
    assert doc.meta["language"].how == "read"
    title = doc.meta["title"]
    assert (title.how, title.source) == ("read", "title-line")
    assert doc.text.startswith(title.value)


def test_given_metadata_wins():
    text = (EXAMPLES / "000_c05b379aa9dd4fa4.txt").read_text(encoding="utf-8")
    given = {"published": MetaField("2025-11-08", "given", "sidecar"),
             "title": MetaField("Foreign Ministry statement", "given", "sidecar")}
    doc = clean_document(_raw(text, meta=given))
    assert doc.meta["published"] == given["published"]
    assert doc.meta["title"] == given["title"]
    assert doc.meta["language"].how == "read"


@pytest.mark.parametrize(("text", "lang"), [
    ("Министерство иностранных дел России заявило, что трехсторонние договоренности сохраняют силу.", "ru"),
    ("Le ministère des affaires étrangères a déclaré que les accords restaient valables et pertinents.", "fr"),
    ("Die Außenminister trafen sich in Moskau, um über den Friedensvertrag zu verhandeln.", "de"),
    ("Հայաստանը և Ադրբեջանը շարունակում են խաղաղության պայմանագրի շուրջ բանակցությունները։", "hy"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_detect_language_needs_letters():
    assert detect_language("12 345 -- 67") is None


@pytest.mark.parametrize(("line", "day", "stamp"), [
    ("7 November 2025 13:52", "2025-11-07", "2025-11-07T13:52"),
    ("Published: Nov. 7, 2025 at 10:15 GMT", "2025-11-07", "2025-11-07T10:15"),
    ("Updated Friday 7 November 2025", "2025-11-07", "2025-11-07"),
    ("2024-06-12T08:00", "2024-06-12", "2024-06-12T08:00"),
    ("12.03.2024", "2024-03-12", "2024-03-12"),
    ("7 ноября 2025 13:52", "2025-11-07", "2025-11-07T13:52"),
])
def test_dateline_examples(line, day, stamp):
    found = find_date(line, whole_line=True)
    assert found is not None and (found.day, found.stamp) == (day, stamp)


@pytest.mark.parametrize("line", [
    "1872-07-11-2025",
    "November 9, 2025, marks the fifth anniversary of the Statement on a complete ceasefire",
    "31 February 2024",
])
def test_dateline_counter_examples(line):
    assert find_date(line, whole_line=True) is None


def test_html_keeps_main_text_lines():
    visible = ("Home\nWorld\nMinisters agree to reopen border crossing\n7 March 2024\n"
               "The foreign ministers of the two countries agreed on Thursday to reopen the main border crossing.\n"
               "Trucks carrying aid will be allowed through from next week, officials said.\n"
               "Most read\nCookie settings\n")
    main = ("The foreign ministers of the two countries agreed on Thursday to reopen the main border crossing.\n"
            "Trucks carrying aid will be allowed through from next week, officials said.")
    doc = clean_document(_raw(visible, "page.html", media_type="html", hints={"main_text": main}))
    removed = {r.text: r.reason for r in doc.removed}
    assert set(removed) == {"Home", "World", "Most read", "Cookie settings"}
    assert set(removed.values()) == {"outside trafilatura main text"}
    assert doc.text.startswith("Ministers agree to reopen border crossing\n7 March 2024\n")
    assert doc.get("published") == "2024-03-07"
    _assert_offsets(doc)


@pytest.mark.parametrize("text", ["", " \n\n \n", ("\ufeffTalks resume\r\n\r\nThe delegations met in the capital on "
                                  "Monday and agreed to continue the talks next month, officials said.\r\n")])
def test_odd_inputs(text):
    doc = clean_document(_raw(text))
    assert "\ufeff" not in doc.text and "\r" not in doc.text
    _assert_offsets(doc)
