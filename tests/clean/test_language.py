"""The function-word vote before lingua: whatever it answers is lingua's answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from accordwatch.clean.language import _iso_code, _sample, detect_language, lingua_language
from accordwatch.clean.resources import settings
from accordwatch.clean.wordvote import vote
from accordwatch.data_files import load_yaml
from tests.conftest import EXAMPLES, shared_path

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


def test_vote_letter_runs_are_the_letter_runs_of_any_latin_sample():
    """The vote's fast letter class equals [^\\W\\d_] on every character a Latin sample may hold."""
    import re

    from accordwatch.clean.wordvote import _NON_LATIN_LETTER, _WORD

    letter = re.compile(r"[^\W\d_]")
    for code in range(0x110000):
        char = chr(code)
        if not _NON_LATIN_LETTER.match(char):
            assert bool(letter.match(char)) == bool(_WORD.match(char)), hex(code)


def test_names_make_the_vote_abstain():
    team_sheet, places = _SAMPLES["ENGLISH"][4], _SAMPLES["ENGLISH"][5]
    assert vote(team_sheet) is None and vote(places) is None


def _long(texts: list[str], least: int) -> str:
    """The samples run together, again and again, until the text is `least` characters long."""
    text = " ".join(texts)
    while len(text) < least:
        text += " " + " ".join(texts)
    return text


@pytest.mark.parametrize("language", sorted(_SAMPLES))
def test_wide_vote_agrees_with_lingua_on_long_texts(language):
    wide = settings()["language_wide_sample_chars"]
    sample = _sample(_long(_SAMPLES[language], 2 * wide), wide)
    answer = vote(sample, wide=True)
    assert answer is None or answer == lingua_language(sample) == language
    if language in ("BOSNIAN", "CROATIAN", "MIXED"):  # neighbours share their function words
        assert answer is None


def test_names_leave_a_long_article_to_the_wide_vote(monkeypatch):
    """A business story thick with names (GM, NHTSA, SUVs) leaves the 300-character sample in doubt;
    the wider sample answers, and lingua is not asked."""
    from accordwatch.clean import language

    text = shared_path("corpus", "bbc", "business_026.txt").read_text(encoding="utf-8")
    assert vote(_sample(text, settings()["language_sample_chars"])) is None
    expected = _iso_code(lingua_language(_sample(text, settings()["language_sample_chars"])))

    def no_lingua(sample):
        raise AssertionError("lingua was asked")

    monkeypatch.setattr(language, "lingua_language", no_lingua)
    assert detect_language(text) == expected == "en"


def test_a_team_sheet_still_goes_to_lingua():
    """A short text of names and few function words gets no wide vote: lingua decides."""
    team_sheet = _SAMPLES["ENGLISH"][4]
    assert len(team_sheet) < 2 * settings()["language_sample_chars"]
    assert detect_language(team_sheet) == _iso_code(lingua_language(_sample(team_sheet, settings()["language_sample_chars"])))


def test_a_short_text_gets_lingua_answer_even_a_wrong_one():
    """Only a full sample is voted on: the output stays lingua's where lingua is unsure of itself."""
    assert detect_language("The ceasefire held.") == _iso_code(lingua_language("The ceasefire held."))
    long_english = " ".join(_SAMPLES["ENGLISH"][:3])
    assert len(long_english) > settings()["language_sample_chars"] and detect_language(long_english) == "en"


def test_every_configured_latin_language_has_function_words():
    """Else the vote is off (a language without a list could never win, and lose its texts to another)."""
    from lingua import Language

    from accordwatch.clean.resources import function_words

    latin = {language.name for language in Language.all_with_latin_script()}
    assert latin & set(settings()["languages"]) <= function_words().keys()


def test_vote_is_off_when_a_latin_language_lacks_its_list(monkeypatch):
    from accordwatch.clean import wordvote

    lists = {k: v for k, v in wordvote.function_words().items() if k != "TAGALOG"}
    monkeypatch.setattr(wordvote, "function_words", lambda: lists)
    wordvote._ballot.cache_clear()
    try:
        assert vote(" ".join(_SAMPLES["ENGLISH"][:3])) is None
    finally:
        wordvote._ballot.cache_clear()


@pytest.mark.parametrize("text", ["", "ab", "abc", "1 2 3 a b", "\u2014 \u00e9t\u00e9", "\u0410\u0431", "12345", "a1b2c3"])
def test_has_letters_counts_as_isalpha_does(text):
    from accordwatch.clean.language import _has_letters

    assert _has_letters(text, 3) == (sum(c.isalpha() for c in text) >= 3)


@pytest.mark.parametrize("text", [
    *(text for _, texts in _SAMPLES.items() for text in texts),
    "", "µ is a letter of no Latin block", "x² and ½ of it as a word character", "Ægir's ªº ×÷ ß ÿ ÀÖØÞ café_noir 3abc A1B dʼor",
    "The coach said\u00a0the new players would be a help; L'homme, tie-up, O'Neill—NATO's.",
])
def test_latin1_reading_equals_the_regex_reading(text):
    """The byte-table reading of a Latin-1 sample finds the letter runs and capitals the regexes find."""
    from accordwatch.clean.wordvote import _read_latin1, _read_words

    fast = _read_latin1(text)
    if fast is not False:
        assert fast == _read_words(text)
    else:
        assert not text.isascii()
