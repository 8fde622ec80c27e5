"""Decoding: byte-order marks, UTF-8, declared charsets, and detection of legacy encodings."""

from __future__ import annotations

import pytest

from accordwatch.ingest.decode import decode_bytes
from accordwatch.ingest.errors import InputProblem

# One sentence a language, as a ministry or a news site might have saved it in a legacy encoding.
LEGACY = [
    ("cp1252", "Les négociations à Genève ont échoué ; le ministre a déclaré « pas d'accord » aujourd'hui."),
    ("latin-1", "Transfer fee of £15.8m agreed for the striker."),
    ("cp1250", "Rozmowy pokojowe w Waszyngtonie zakończyły się podpisaniem deklaracji."),
    ("cp1251", "Министерство иностранных дел России заявляет, что трехстороннее заявление остается в силе."),
    ("koi8_r", "Министерство иностранных дел России заявляет, что заявление остается в силе."),
    ("cp1253", "Το Υπουργείο Εξωτερικών της Ελλάδας χαιρέτισε τη συμφωνία ειρήνης."),
    ("gb18030", "亚美尼亚和阿塞拜疆外长在华盛顿草签和平协议文本。"),
    ("shift_jis", "アルメニアとアゼルバイジャンの外相がワシントンで和平合意文書に仮署名した。"),
]


@pytest.mark.parametrize(("encoding", "text"), LEGACY, ids=[e for e, _ in LEGACY])
def test_legacy_encodings_are_detected(encoding: str, text: str):
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32", "utf-16-be"])
def test_byte_order_marks(encoding: str):
    text = "Ереван, 9 ноября — Yerevan, 9 November\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    assert decode_bytes(data) == text


def test_declared_charset_is_used_only_where_utf8_fails():
    text = "Заявление МИД"
    assert decode_bytes(text.encode("cp1251"), "windows-1251") == text
    assert decode_bytes(text.encode("utf-8"), "windows-1251") == text  # mislabelled UTF-8 stays UTF-8
    assert decode_bytes(text.encode("cp1251"), "no-such-charset") == text


def test_newlines_are_normalised():
    assert decode_bytes(b"a\r\nb\rc\n") == "a\nb\nc\n"


def test_binary_is_refused():
    with pytest.raises(InputProblem, match=r"^binary file \(NUL bytes at offset 3\)$"):
        decode_bytes(b"%PD\x00F")
    with pytest.raises(InputProblem, match="after its byte-order mark"):
        decode_bytes(b"\xff\xfe\x00\xd8")  # UTF-16 LE mark, then half a surrogate pair
