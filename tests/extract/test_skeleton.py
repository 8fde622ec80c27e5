"""A skeleton keeps one byte a character, and says when it is not exact."""

from __future__ import annotations

from accordwatch.extract.skeleton import byte_table, skeleton

BLANKS = byte_table(lambda ch: ch.lower() if ch.isascii() and ch.isalnum() else " ")


def test_a_latin1_text_is_mapped_character_by_character():
    text = "Déjà vu, 26,794 hazards"
    skel = skeleton(text, BLANKS)
    assert skel.exact
    assert skel.data == b"d j  vu  26 794 hazards"
    assert len(skel.data) == len(text)


def test_a_character_beyond_latin1_keeps_the_offsets_and_makes_it_inexact():
    text = "Пашинян met Aliyev — 5 times"
    skel = skeleton(text, BLANKS)
    assert not skel.exact
    assert len(skel.data) == len(text)
    assert skel.data.index(b"aliyev") == text.index("Aliyev")
