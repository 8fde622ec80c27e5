"""The function-word vote before lingua: whatever it answers is lingua's answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from accordwatch.clean.language import _iso_code, _sample, detect_language, lingua_language
from accordwatch.clean.resources import settings
from accordwatch.clean.wordvote import vote
from accordwatch.data_files import load_yaml
from tests.conftest import EXAMPLES

_SAMPLES = load_yaml(Path(__file__).parent / "resources" / "language_samples.yaml")
_CASES = [(language, text) for language, texts in _SAMPLES.items() for text in texts]


@pytest.mark.parametrize(("language", "text"), _CASES, ids=lambda v: v if v.isupper() else v[:20])
def test_vote_agrees_with_lingua(language, text):
    answer = vote(text)
    assert answer is None or answer == lingua_language(text)
    # The samples are what they say they are; lingua calls "The ceasefire held." Romanian and
    # cannot tell Bosnian from Croatian either.
    if len(text) >= 100 and language not in ("BOSNIAN", "CROATIAN", "MIXED"):
        assert lingua_language(text) == language


@pytest.mark.parametrize("text", [text for _, texts in _SAMPLES.items() for text in texts])
def test_vote_agrees_on_every_sample_and_its_halves(text):
    for piece in (text, text[:len(text) // 2], text[len(text) // 2:], text + " " + text):
        answer = vote(piece)
        assert answer is None or answer == lingua_language(piece), piece


def test_vote_answers_running_english_text():
    """Where the vote is sure it spares lingua: ordinary news prose is decided by the vote."""
    english = _SAMPLES["ENGLISH"][0] + " " + _SAMPLES["ENGLISH"][2]
    assert vote(english) == "ENGLISH"


@pytest.mark.parametrize("language", ["TURKISH", "AZERBAIJANI", "BOSNIAN", "CROATIAN"])
def test_close_languages_go_to_lingua(language):
    """Neighbours share most function words: the vote never has the lead to tell them apart."""
    for text in _SAMPLES[language]:
        assert vote(text) in (None, lingua_language(text))
    if language in ("BOSNIAN", "CROATIAN"):
        assert all(vote(text) is None for text in _SAMPLES[language])


def test_short_and_non_latin_texts_go_to_lingua():
    assert vote("The ceasefire held.") is None
    assert vote(_SAMPLES["RUSSIAN"][0]) is None
    assert vote(_SAMPLES["ARMENIAN"][0]) is None


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_detect_language_equals_lingua_on_reference_texts(path):
    text = path.read_text(encoding="utf-8")
    name = lingua_language(_sample(text, settings()["language_sample_chars"]))
    assert detect_language(text) == (_iso_code(name) if name else None)
